// The matrix's case list (test/mta/matrix.test.ts): what each CaseId sends to a server described
// by its descriptor. One definition for every server, so that their answers compare.
import { randomBytes } from "node:crypto";
import type { TargetConfig } from "../../src/config/target.js";
import { parseStepLine, type StepSpec } from "../../src/protocol/steps.js";
import type { CaseId, ServerDescriptor } from "./mta-matrix.js";
import { testTarget } from "./target.js";

export interface MatrixCase {
  /** Always with an EHLO name: the golden files replace it with {helo}. */
  target: TargetConfig & { helo: string };
  /** The EHLO name is what the case tests (`127.0.0.1`): the golden files keep it. */
  fixedHelo?: boolean;
  /** No golden file: the result is too large to keep (1001 RCPT steps); the matrix asserts it live. */
  noGolden?: boolean;
  /** Also run through the built CLI (exit code and JSON verdict). */
  cli: boolean;
  /** A delivery to check in the mailbox: the message containing this text. */
  delivered?: string;
}

const steps = (...lines: string[]): StepSpec[] =>
  lines.map((l) => {
    const s = parseStepLine(l);
    if ("error" in s) throw new Error(s.error);
    return s;
  });

/** 40 MiB of 76-character lines: over the SIZE of every server here that has one (OpenSMTPD's 35 MiB the largest). */
const OVERSIZE_BODY = (): string => `${"x".repeat(76)}\n`.repeat(Math.ceil((40 * 1024 * 1024) / 77));

/** A mismatched TLS mode never gets a reply: wait this long, not the default 5 s. */
const SHORT_TIMEOUT_MS = 1500;

export function buildCase(id: CaseId, d: ServerDescriptor, ca: string): MatrixCase {
  const port = d.ports.starttls;
  // A unique EHLO name per case: it reappears in the delivered message's Received header. Not
  // under smtp-gate.test: the test password shares text with that name, and the redactor would
  // mask part of it in every line (golden files replace this name with {helo}).
  const helo = `m-${randomBytes(5).toString("hex")}.matrix.example`;
  const t = (over: Partial<TargetConfig>): TargetConfig & { helo: string } =>
    ({ ...testTarget({ name: `${d.name}:${id}`, host: "127.0.0.1", port, ca, timeoutMs: 5000, ...over }), helo });
  const user = (mechanism: "PLAIN" | "LOGIN" | null, password = d.password) => ({ username: d.user, password, mechanism });
  const local = d.user;
  switch (id) {
    case "production":
      return { target: t({ credentials: user(null), to: [local], pipelining: "auto" }), cli: true };
    case "production-lockstep":
      return { target: t({ credentials: user(null), to: [local], pipelining: "off" }), cli: false };
    case "auth-plain":
      return { target: t({ credentials: user("PLAIN") }), cli: false };
    case "auth-login":
      return { target: t({ credentials: user("LOGIN") }), cli: false };
    case "auth-wrong-password":
      return { target: t({ credentials: user(null, "wrong-password"), to: [local] }), cli: false };
    case "xauth2-after-starttls":
      return { target: t({ steps: steps("EHLO {helo}", "STARTTLS", "EHLO {helo}", "XAUTH2 login") }), cli: false };
    case "xauth2-plaintext":
      return { target: t({ tls: "none", steps: steps("EHLO {helo}", "XAUTH2 login") }), cli: false };
    case "relay-attempt":
      return { target: t({ to: ["someone@example.net"] }), cli: true };
    case "unknown-local-user":
      return { target: t({ to: [`nobody@${d.domain}`] }), cli: false };
    case "rcpt-before-mail":
      return { target: t({ steps: steps("EHLO {helo}", "STARTTLS", "EHLO {helo}", `RCPT TO:<${local}>`) }), cli: false };
    case "implicit-on-plain-port":
      return { target: t({ tls: "implicit", timeoutMs: SHORT_TIMEOUT_MS }), cli: false };
    case "plain-on-implicit-port":
      if (d.ports.implicit === null) throw new Error(`${d.name} has no implicit-TLS port`);
      return { target: t({ port: d.ports.implicit, tls: "none", timeoutMs: SHORT_TIMEOUT_MS }), cli: false };
    case "send":
      return { target: t({ to: [local], send: true }), cli: false, delivered: helo };
    case "send-refused-recipient":
      return { target: t({ to: [`nobody@${d.domain}`], send: true }), cli: false };
    // A legacy sender: HELO (RFC 5321 §4.1.1.1), then STARTTLS and AUTH, which only EHLO offers.
    case "helo-legacy":
      return { target: t({ credentials: user("PLAIN"), steps: steps("HELO {helo}", "STARTTLS", "HELO {helo}", "AUTH PLAIN", "MAIL FROM:<{from}>", `RCPT TO:<${local}>`) }), cli: false };
    // RFC 5321 §4.1.4: a FQDN or an address literal ([127.0.0.1]), not a bare IP or a bare host name.
    case "ehlo-bare-ip":
      return { target: { ...t({ to: [local] }), helo: "127.0.0.1" }, cli: false, fixedHelo: true };
    case "ehlo-not-fqdn":
      return { target: { ...t({ to: [local] }), helo: "ci-runner" }, cli: false, fixedHelo: true };
    // RFC 5321 §4.5.5: bounces and auto-replies come from <>; every server must take it (a step: `from` cannot be empty).
    case "null-sender":
      return { target: t({ steps: steps("EHLO {helo}", "STARTTLS", "EHLO {helo}", "MAIL FROM:<>", `RCPT TO:<${local}>`) }), cli: false };
    // RFC 5321 §4.1.2: a Mailbox is local-part@domain (the configuration refuses `from: ci-runner`; a step can send it).
    case "sender-no-domain":
      return { target: t({ steps: steps("EHLO {helo}", "STARTTLS", "EHLO {helo}", "MAIL FROM:<ci-runner>", `RCPT TO:<${local}>`) }), cli: false };
    // RFC 4954 §4: credentials only with a mechanism the server offered (every server offers PLAIN LOGIN).
    case "auth-mechanism-not-offered":
      return { target: t({ credentials: { username: d.user, password: d.password, mechanism: "CRAM-MD5" }, to: [local] }), cli: true };
    case "auth-before-starttls":
      return { target: t({ credentials: user("PLAIN"), steps: steps("EHLO {helo}", "AUTH PLAIN", "MAIL FROM:<{from}>", `RCPT TO:<${local}>`) }), cli: false };
    // RFC 5321 §3.5: address verification, which servers may refuse (§7.3).
    case "vrfy":
      return { target: t({ steps: steps("EHLO {helo}", "STARTTLS", "EHLO {helo}", `VRFY ${local}`) }), cli: false };
    case "expn":
      return { target: t({ steps: steps("EHLO {helo}", "STARTTLS", "EHLO {helo}", `EXPN postmaster@${d.domain}`) }), cli: false };
    // RFC 1870 §6.2: a declared SIZE over the server's limit is refused at MAIL (552), before any data.
    case "size-over-limit":
      return { target: t({ steps: steps("EHLO {helo}", "STARTTLS", "EHLO {helo}", "MAIL FROM:<{from}> SIZE=2000000000", `RCPT TO:<${local}>`) }), cli: false };
    // RFC 1870 §5: a 40 MiB message, over every limit advertised here, is never sent; MAIL declares its SIZE.
    case "message-over-size":
      return { target: t({ to: [local], send: true, body: OVERSIZE_BODY() }), cli: false };
    // RFC 5321 §4.5.3.1.8: a server must take 100 recipients and may refuse more with 452; Postfix's
    // smtpd_recipient_limit and OpenSMTPD's max-rcpt default to 1000.
    case "too-many-recipients":
      return { target: t({ to: Array.from({ length: 1001 }, () => local) }), cli: false, noGolden: true };
    // RFC 6531 §3.4: a non-ASCII address only to a server that advertises SMTPUTF8.
    case "smtputf8-recipient":
      return { target: t({ to: [`tëster@${d.domain}`] }), cli: false };
    // RFC 3030 §2: BDAT only where CHUNKING is advertised (Postfix and Exim here).
    case "bdat":
      return { target: t({ to: [local], send: true, steps: steps("EHLO {helo}", "STARTTLS", "EHLO {helo}", "MAIL FROM:<{from}>", `RCPT TO:<${local}>`, "BDAT") }), cli: false };
    // RFC 5321 §2.3.8, §4.1.1.4: bare LF and CR around the end of data (SMTP smuggling, docs/smuggling.md).
    case "smuggling-check":
      return { target: t({ credentials: user(null), to: [local], send: true, smugglingCheck: true }), cli: false };
  }
}

/** The CLI arguments for the same target (credentials by environment variable, as the CLI wants). */
export function cliArgs(target: TargetConfig & { helo: string }, caFile: string): { args: string[]; env: Record<string, string> } {
  const args = ["--host", target.host, "--port", String(target.port), "--tls", target.tls, "--helo", target.helo, "--ca", caFile];
  args.push("--timeout", String(Math.max(1, Math.round(target.timeoutMs / 1000))), "--format", "json");
  for (const to of target.to) args.push("--to", to);
  if (target.pipelining) args.push("--pipelining", target.pipelining);
  const env: Record<string, string> = {};
  if (target.credentials) {
    args.push("--user", target.credentials.username, "--password-env", "SMTP_GATE_MATRIX_PASSWORD");
    if (target.credentials.mechanism) args.push("--auth", target.credentials.mechanism);
    env.SMTP_GATE_MATRIX_PASSWORD = target.credentials.password ?? "";
  }
  if (target.send) args.push("--send");
  return { args, env };
}
