/** argv → what to do. Pure: no I/O, so every usage error is testable as a value. */
import type { RawTarget } from "../config/resolve.js";
import { parseDecimal } from "../config/values.js";
import { parseShard, type Shard } from "../engine/shard.js";
import { OPTIONS } from "./options.js";
import { parseOptions } from "./parse-options.js";

export type Format = "text" | "json" | "markdown";

export type Command =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "explain"; args: string[]; format: Format }
  | { kind: "demo-mta"; port: number }
  | { kind: "merge"; files: string[]; format: Format; report?: string }
  | { kind: "probe"; target: RawTarget; config?: string; format: Format; report?: string; writeBaseline?: string; demo: boolean; concurrency: number; shard?: Shard };


const FORMATS: readonly Format[] = ["text", "json", "markdown"];
const MERGE_OPTIONS = { format: { type: "string" }, report: { type: "string" } } as const;

export function parseCommand(argv: readonly string[]): Command | { usage: string } {
  if (argv[0] === "demo-mta") {
    const port = argv[1] === "--port" ? parseDecimal(argv[2] ?? "", true) : argv.length === 1 ? 0 : NaN;
    if (!Number.isInteger(port) || port < 0 || port > 65535) return { usage: "demo-mta takes only --port N (0 to 65535)" };
    return { kind: "demo-mta", port };
  }
  if (argv[0] === "merge") {
    const parsed = parseOptions(argv.slice(1), MERGE_OPTIONS, true);
    if ("error" in parsed) return { usage: parsed.error };
    const format = (parsed.values.format ?? "text") as Format;
    if (!FORMATS.includes(format)) return { usage: `--format must be one of ${FORMATS.join(", ")}` };
    if (!parsed.positionals.length) return { usage: "merge needs one or more report files: smtp-gate merge shard-*.json" };
    return { kind: "merge", files: parsed.positionals, format, report: parsed.values.report };
  }
  if (argv[0] === "explain") {
    const rest = argv.slice(1);
    let format: Format = "text";
    const args: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i] as string;
      if (a === "--format") {
        const f = rest[++i];
        if (!f || !(FORMATS as readonly string[]).includes(f)) return { usage: `--format must be one of ${FORMATS.join(", ")}` };
        format = f as Format;
      } else if (a.startsWith("--format=")) {
        const f = a.slice(9);
        if (!(FORMATS as readonly string[]).includes(f)) return { usage: `--format must be one of ${FORMATS.join(", ")}` };
        format = f as Format;
      } else args.push(a);
    }
    return { kind: "explain", args, format };
  }
  for (const a of argv) {
    // Secrets on the command line end up in shell history and `ps`: refuse them outright.
    if (/^--(password|oauth-token|token)(=|$)/.test(a)) return { usage: `${a.split("=")[0]} is not accepted: secrets come from environment variables (--password-env VAR, --oauth-token-env VAR)` };
  }
  const parsed = parseOptions(argv, OPTIONS, false);
  if ("error" in parsed) return { usage: parsed.error };
  const v = parsed.values;
  if (v.help) return { kind: "help" };
  if (v.version) return { kind: "version" };
  const format = (v.format ?? "text") as Format;
  if (!FORMATS.includes(format)) return { usage: `--format must be one of ${FORMATS.join(", ")}, not "${v.format}"` };
  const concurrency = v.concurrency === undefined ? 16 : parseDecimal(v.concurrency, true);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024) return { usage: `--concurrency must be a whole number from 1 to 1024, not "${v.concurrency}"` };
  let shard: Shard | undefined;
  if (v.shard !== undefined) {
    const s = parseShard(v.shard);
    if ("error" in s) return { usage: `--shard ${s.error}` };
    shard = s;
  }
  if (v.config && v.host) return { usage: "give either --host (one target) or --config (a file of targets), not both" };
  if (v.config && v.mx) return { usage: "give either --mx (one mail domain) or --config (a file of targets), not both" };
  if (!v.demo && !v.config && !v.host && !v.mx) return { usage: "nothing to probe: give --host HOST, --mx DOMAIN, --config FILE or --demo (see --help)" };
  const target: RawTarget = {
    host: v.host, mx: v.mx, port: v.port, tls: v.tls, helo: v.helo, from: v.from, to: v.to, username: v.user,
    "password-env": v["password-env"], "oauth-token-env": v["oauth-token-env"], auth: v.auth, "allow-plaintext-auth": v["allow-plaintext-auth"], send: v.send,
    resolver: v.resolver, ip: v.ip, "every-address": v["every-address"], "proxy-protocol": v["proxy-protocol"],
    socks5: v.socks5, "socks5-username": v["socks5-username"], "socks5-password-env": v["socks5-password-env"],
    steps: v.step, "fail-on": v["fail-on"], timeout: v.timeout, deadline: v.deadline, insecure: v.insecure,
    ca: v.ca, servername: v.servername, name: v.name, baseline: v.baseline, pipelining: v.pipelining,
    "require-tls": v["require-tls"], "min-tls": v["min-tls"], "cert-min-days": v["cert-min-days"],
    "max-step-ms": v["max-step-ms"], "max-total-ms": v["max-total-ms"], "expect-extensions": v["expect-extension"],
    "auth-requires-tls": v["auth-requires-tls"], "open-relay": v["open-relay"], "vrfy-disabled": v["vrfy-disabled"],
  };
  target["smuggling-check"] = v.smuggling;
  for (const k of Object.keys(target) as (keyof RawTarget)[]) if (target[k] === undefined) delete target[k];
  return { kind: "probe", target, config: v.config, format, report: v.report, writeBaseline: v["write-baseline"], demo: v.demo ?? false, concurrency, shard };
}

/** The CLI key for a target key, for messages: `username` → `--user`. */
export function cliLabel(key: string): string {
  if (key === "username") return "--user";
  if (key === "steps") return "--step";
  if (key === "expect-extensions") return "--expect-extension";
  if (key === "smuggling-check") return "--smuggling";
  return `--${key}`;
}

export const HELP = `smtp-gate — check a mail server the way production mail uses it

Usage:
  smtp-gate --host HOST [options]          probe one server
  smtp-gate --mx DOMAIN [options]          probe every MX host of a mail domain, most preferred first
  smtp-gate --config FILE [options]        probe every target in a YAML file
  smtp-gate --demo                         probe an embedded MTA (no network needed)
  smtp-gate explain CODE [ENHANCED]        what a reply code means (e.g. explain 550 5.1.1)
  smtp-gate demo-mta [--port N]            run the embedded MTA on 127.0.0.1 until stopped
  smtp-gate merge REPORT.json...           combine shard reports into one report

Target:
  --host H  --port N                       port default: 25, or 465 with --tls implicit
  --tls starttls|implicit|opportunistic|none   default starttls
  --helo NAME  --from ADDR  --to ADDR (repeatable)
  --user U  --password-env VAR  --oauth-token-env VAR  --auth PLAIN|LOGIN|CRAM-MD5|XOAUTH2
  --allow-plaintext-auth                   let credentials go without TLS to a server not on loopback
  --send                                   really send the test message (DATA); otherwise RSET
  --smuggling                              with --send: also test non-standard ends of data (SMTP smuggling)
  --step "LINE [=> EXPECT]" (repeatable)   custom sequence, e.g. --step "XAUTH2 login" --step "RCPT TO:<x@y> => 550"
  --insecure | --ca FILE  --servername NAME
  --resolver HOST[:PORT]  --ip 4|6  --every-address   DNS server, address family, probe every address
  --proxy-protocol v1|v2                   send the HAProxy PROXY header first (an MTA behind a balancer)
  --socks5 HOST:PORT  --socks5-username U  --socks5-password-env VAR   reach the target through a SOCKS5 proxy
Run:
  --fail-on hard|soft|never                default hard
  --timeout S  --deadline S                per reply/connect (default 30), and per target in total
  --concurrency N                          targets probed at once (default 16)
  --pipelining auto|off                    RFC 2920 pipelining when advertised (default auto)
  --shard I/N                              probe a stable subset (one job of a matrix)
  --format text|json|markdown  --report FILE
Policy:
  --require-tls  --min-tls TLSv1.2  --cert-min-days N (default 14)  --max-step-ms N  --max-total-ms N
  --expect-extension KW[>=N] (repeatable, e.g. SIZE>=10485760)  --auth-requires-tls
  --open-relay true|DOMAIN  --vrfy-disabled
  --write-baseline FILE  --baseline FILE     record / compare a known-good state
Exit status: 0 pass or warn, 1 fail, 2 usage or configuration error, 3 internal error,
4 the result could not be written (stdout, --report, --write-baseline).
`;
