/**
 * The CLI's options, as one table: the option parser (node:util parseArgs), the mapping from an
 * option to the per-target key it sets, and the help text are all read from it. A new option is
 * one row here.
 */
import type { TargetKey } from "../config/keys.js";

export type OptionGroup = "Target" | "Reach" | "Run" | "Policy" | "Other";

export interface CliOption {
  readonly name: string;
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
  readonly short?: string;
  /** The per-target key the option sets; options without one steer the run itself. */
  readonly key?: TargetKey;
  /** A `--no-…` switch: given, it sets its key to false. */
  readonly negate?: true;
  /** How the value is written in the help text. */
  readonly arg?: string;
  readonly help: string;
  readonly group: OptionGroup;
}

const t = (name: string, key: TargetKey, arg: string | undefined, help: string, group: OptionGroup = "Target"): CliOption =>
  arg === undefined ? { name, type: "boolean", key, help, group } : { name, type: "string", key, arg, help, group };

export const OPTIONS: readonly CliOption[] = [
  t("host", "host", "HOST", "the server to probe"),
  t("mx", "mx", "DOMAIN", "probe every MX host of a mail domain, most preferred first"),
  t("port", "port", "N", "default 25, or 465 with --tls implicit"),
  t("tls", "tls", "MODE", "starttls|implicit|opportunistic|none (default starttls)"),
  t("helo", "helo", "NAME", "the EHLO name (default: this machine's host name)"),
  t("from", "from", "ADDR", "envelope sender"),
  { ...t("to", "to", "ADDR", "envelope recipient (repeatable)"), multiple: true },
  t("user", "username", "USER", "user name for AUTH"),
  t("password-env", "password-env", "VAR", "the environment variable holding the password"),
  t("oauth-token-env", "oauth-token-env", "VAR", "the environment variable holding an OAuth token"),
  t("auth", "auth", "MECH", "PLAIN|LOGIN|CRAM-MD5|XOAUTH2 (default: the best one offered)"),
  t("allow-plaintext-auth", "allow-plaintext-auth", undefined, "let credentials go without TLS to a server not on loopback"),
  t("send", "send", undefined, "really send the test message (DATA); otherwise RSET"),
  t("smuggling", "smuggling-check", undefined, "opt-in SMTP smuggling test after the message (needs --send and --to; docs/smuggling.md)"),
  { ...t("step", "steps", "LINE", 'custom step "LINE [=> EXPECT]" (repeatable), e.g. --step "RCPT TO:<x@y> => 550"'), multiple: true },
  t("insecure", "insecure", undefined, "skip certificate verification"),
  t("ca", "ca", "FILE", "trust this CA (PEM)"),
  t("servername", "servername", "NAME", "TLS server name (SNI and certificate check)"),
  t("name", "name", "NAME", "the target's name in reports"),
  t("resolver", "resolver", "HOST[:PORT]", "the DNS server to ask", "Reach"),
  t("ip", "ip", "4|6", "address family", "Reach"),
  t("every-address", "every-address", undefined, "probe every address of the host, not only the first", "Reach"),
  t("proxy-protocol", "proxy-protocol", "v1|v2", "send the HAProxy PROXY header first (an MTA behind a balancer)", "Reach"),
  t("socks5", "socks5", "HOST:PORT", "reach the target through a SOCKS5 proxy", "Reach"),
  t("socks5-username", "socks5-username", "USER", "user name for the SOCKS5 proxy", "Reach"),
  t("socks5-password-env", "socks5-password-env", "VAR", "the environment variable holding the SOCKS5 password", "Reach"),
  { name: "config", type: "string", arg: "FILE", help: "probe every target in a YAML file", group: "Run" },
  { name: "targets-file", type: "string", arg: "FILE", help: "probe one target per line (host[:port] or mx:domain), for large fleets; with --config, its defaults apply", group: "Run" },
  t("fail-on", "fail-on", "hard|soft|never", "default hard", "Run"),
  t("timeout", "timeout", "S", "seconds per reply or connect (default 30)", "Run"),
  t("deadline", "deadline", "S", "seconds per target in total", "Run"),
  { name: "concurrency", type: "string", arg: "N", help: "targets probed at once (default 16)", group: "Run" },
  t("pipelining", "pipelining", "auto|off", "RFC 2920 pipelining when advertised (default auto)", "Run"),
  { name: "shard", type: "string", arg: "I/N", help: "probe a stable subset (one job of a matrix)", group: "Run" },
  { name: "format", type: "string", arg: "text|json|markdown", help: "what goes to standard output (default text)", group: "Run" },
  { name: "report", type: "string", arg: "FILE", help: "also write the JSON report there", group: "Run" },
  { name: "demo", type: "boolean", help: "probe an embedded MTA (no network needed)", group: "Run" },
  t("require-tls", "require-tls", undefined, "fail unless the session ran over TLS", "Policy"),
  t("min-tls", "min-tls", "VERSION", "lowest TLS version accepted, e.g. TLSv1.2", "Policy"),
  t("cert-min-days", "cert-min-days", "N", "days a certificate must still be valid (default 14)", "Policy"),
  t("max-step-ms", "max-step-ms", "N", "slowest reply accepted", "Policy"),
  t("max-total-ms", "max-total-ms", "N", "longest session accepted", "Policy"),
  { ...t("expect-extension", "expect-extensions", "KW[>=N]", "an EHLO keyword that must be offered (repeatable, e.g. SIZE>=10485760)", "Policy"), multiple: true },
  t("auth-requires-tls", "auth-requires-tls", undefined, "AUTH must not be offered before TLS", "Policy"),
  t("open-relay", "open-relay", "true|DOMAIN", "check that relaying to another domain is refused", "Policy"),
  t("vrfy-disabled", "vrfy-disabled", undefined, "VRFY must not confirm addresses", "Policy"),
  t("baseline", "baseline", "FILE", "compare with a known-good state", "Policy"),
  t("domain", "domain", "DOMAIN", "the mail domain a --host serves, for its MTA-STS and TLS-RPT (--mx: that domain)", "Policy"),
  { ...t("no-mta-sts", "mta-sts", undefined, "do not read the domain's MTA-STS policy (docs/mta-sts.md)", "Policy"), negate: true },
  t("tls-audit", "tls-audit", undefined, "extra handshakes per address: TLS versions, chain, key types (docs/mta-sts.md)", "Policy"),
  { ...t("no-dane", "dane", undefined, "do not check DANE TLSA records (docs/dane.md)", "Policy"), negate: true },
  t("candidate-cert", "candidate-cert", "FILE", "a PEM chain about to be deployed: check it against TLSA and MTA-STS (docs/dane.md)", "Policy"),
  { name: "write-baseline", type: "string", arg: "FILE", help: "record a known-good state", group: "Policy" },
  { name: "help", type: "boolean", short: "h", help: "this text", group: "Other" },
  { name: "version", type: "boolean", help: "the version", group: "Other" },
];

/** The table as node:util parseArgs wants it. */
export function parseArgsOptions(options: readonly CliOption[]): Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> {
  return Object.fromEntries(options.map((o) => [o.name, { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) }]));
}

/** The CLI option for a target key, for messages: `username` → `--user`. */
export function cliLabel(key: string): string {
  return `--${OPTIONS.find((o) => o.key === key)?.name ?? key}`;
}

const USAGE = `smtp-gate — check a mail server the way production mail uses it

Usage:
  smtp-gate --host HOST [options]          probe one server
  smtp-gate --mx DOMAIN [options]          probe every MX host of a mail domain
  smtp-gate --config FILE [options]        probe every target in a YAML file
  smtp-gate --demo                         probe an embedded MTA (no network needed)
  smtp-gate explain CODE [ENHANCED]        what a reply code means (e.g. explain 550 5.1.1)
  smtp-gate demo-mta [--port N]            run the embedded MTA on 127.0.0.1 until stopped
  smtp-gate merge REPORT.json...           combine shard reports into one report
`;

const GROUP_TITLES: Record<OptionGroup, string> = { Target: "Target", Reach: "Reaching it", Run: "Run", Policy: "Policy", Other: "Other" };

/** The help text, one line per option of the table. */
export function renderHelp(options: readonly CliOption[] = OPTIONS): string {
  const sections = (Object.keys(GROUP_TITLES) as OptionGroup[]).map((group) => {
    const lines = options.filter((o) => o.group === group).map((o) => {
      const flag = `${o.short ? `-${o.short}, ` : ""}--${o.name}${o.arg ? ` ${o.arg}` : ""}`;
      return `  ${flag.padEnd(41)}${flag.length >= 41 ? " " : ""}${o.help}`;
    });
    return `${GROUP_TITLES[group]}:\n${lines.join("\n")}`;
  });
  return `${USAGE}\n${sections.join("\n")}\n
Credentials come from environment variables, never from the command line.
Exit status: 0 pass or warn, 1 fail, 2 usage or configuration error, 3 internal error,
4 the result could not be written (stdout, --report, --write-baseline).
`;
}
