/**
 * Turns raw values (from argv, action inputs or a YAML file) into a validated TargetConfig.
 * Every check runs before anything is sent; each problem names its field. Pure: the files a
 * target names and the host name come in through the context (./local-io.ts).
 */
import { readPemChain } from "../dane/tlsa.js";
import { AUTH_MECHANISMS, type AuthMechanism } from "../protocol/auth.js";
import { checkEhloName, checkHost, checkMailbox, isLoopbackHost, withoutUserinfo } from "../protocol/address.js";
import { describeControl, describeForbidden, hasForbiddenChars, verbOf } from "../protocol/command.js";
import { CREDENTIAL_AUTH_STEP, opensSession, parseStepLine, type StepSpec } from "../protocol/steps.js";
import type { ConfigProblem } from "./errors.js";
import { FAIL_ON, TLS_MODES, type Credentials, type FailOn, type TargetConfig, type TlsMode } from "./target.js";
import { notOneOf, type RawTarget, type TargetKey } from "./keys.js";
import type { ResolveIo } from "./local-io.js";
import { FILE_LIMITS } from "./read-file.js";
import { resolveNetwork } from "./resolve-network.js";
import { resolvePolicy } from "./resolve-policy.js";
import { parseDecimal, valueReaders, type ValueReaders } from "./values.js";

export interface ResolveContext extends ResolveIo {
  env: Record<string, string | undefined>;
  /** How a key is shown in messages: `--port` on the CLI, `port` in a file. */
  label: (key: TargetKey) => string;
  /** File and line of a key, when the target came from a file. */
  where?: (key: TargetKey) => { file: string; line?: number } | undefined;
  /** Relative paths (`ca`) resolve against this folder. */
  baseDir?: string;
  source?: { file: string; line: number };
  /** The file line of the i-th steps line (0-based), when the steps came from a file. */
  stepLine?: (i: number) => number | undefined;
}

export function resolveTarget(raw: RawTarget, ctx: ResolveContext): TargetConfig | { problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const problem = (key: TargetKey, message: string) => problems.push({ field: ctx.label(key), message, ...ctx.where?.(key) });

  const readers = valueReaders(raw, problem);
  const { str, list, bool, seconds, oneOf } = readers;

  let host = str("host");
  const mx = str("mx")?.replace(/\.$/, "");
  if (mx !== undefined) {
    const bad = checkHost(mx);
    if (bad) problem("mx", `"${withoutUserinfo(mx)}" ${bad}`);
    else if (host !== undefined) problem("mx", "give either host (one server) or mx (a mail domain's MX hosts), not both");
    host = mx;
  } else if (host === undefined && isAbsent(raw.host)) problem("host", "is required");
  else if (host !== undefined) {
    host = host.replace(/^\[(.*)\]$/, "$1");
    const bad = checkHost(host);
    if (bad) problem("host", `"${withoutUserinfo(host)}" ${bad}`);
  }
  const tls = oneOf<TlsMode>("tls", TLS_MODES, "starttls");
  const portText = str("port");
  let port = tls === "implicit" ? 465 : 25;
  if (portText !== undefined) {
    const n = parseDecimal(portText, true);
    if (!Number.isInteger(n) || n < 1 || n > 65535) problem("port", `must be a whole number from 1 to 65535, not "${portText}"`);
    else port = n;
  }

  const heloGiven = str("helo");
  const helo = heloGiven ?? defaultHelo(ctx.hostname);
  if (heloGiven !== undefined) {
    const bad = checkEhloName(heloGiven);
    if (bad) problem("helo", `"${heloGiven}" ${bad}`);
  }

  const to = list("to");
  for (const addr of to) {
    const bad = checkMailbox(addr);
    if (bad) problem("to", `"${addr}" ${bad}`);
  }
  const username = str("username");
  let from = str("from");
  if (from !== undefined) {
    const bad = checkMailbox(from);
    if (bad) problem("from", `"${from}" ${bad}`);
  } else {
    // Submission servers often insist the sender is the logged-in user; that is the best guess.
    // Otherwise smtp-gate@ the EHLO name; without one, @ the local address literal (RFC 5321
    // §4.1.3 allows it, though servers that check the sender's domain refuse it: set from).
    from = username && checkMailbox(username) === null ? username : helo === null ? undefined : `smtp-gate@${helo}`;
  }

  const credentials = resolveCredentials(raw, ctx, readers, problem, username);

  const send = bool("send");
  const allowPlaintextAuth = bool("allow-plaintext-auth");
  let steps: StepSpec[] | null = null;
  /** 0-based index into stepLines of each kept step, for messages that name a step's line. */
  const stepAt: number[] = [];
  const stepLines = raw.steps === undefined || raw.steps === null || raw.steps === "" ? null : Array.isArray(raw.steps) ? raw.steps.map(String) : String(raw.steps).split(/\r?\n/);
  if (stepLines) {
    steps = [];
    const stepProblem = (i: number, message: string) => {
      const w = ctx.where?.("steps");
      problems.push({ field: `${ctx.label("steps")} line ${i + 1}`, message, ...(w ? { file: w.file, line: ctx.stepLine?.(i) ?? w.line } : {}) });
    };
    stepLines.forEach((text, i) => {
      // Checked before trimming: CR, LF or NUL anywhere in a step is refused, not repaired.
      if (hasForbiddenChars(text)) {
        stepProblem(i, `contains ${describeForbidden(text)}, which would inject a second command`);
        return;
      }
      const t = text.trim();
      if (!t || t.startsWith("#")) return;
      // Also before trimming (TAB, VT, FF and U+2028 are trimmed away), and without echoing the line.
      const control = describeControl(text);
      if (control) {
        stepProblem(i, `contains ${control}; a step is printable text`);
        return;
      }
      const r = parseStepLine(t);
      if ("error" in r) stepProblem(i, `"${t}" ${r.error}`);
      else {
        steps?.push(r);
        stepAt.push(i);
      }
    });
    if (steps.length === 0) problem("steps", "has no steps");
    for (const s of steps) {
      const verb = verbOf(s.line);
      if (verb === "DATA" && !send) problem("steps", "contains DATA, which delivers a message: set send to true to allow it");
      // RFC 3030: BDAT delivers too, and its size must match the bytes that follow, so smtp-gate writes it.
      if (verb === "BDAT" && !send) problem("steps", "contains BDAT, which delivers a message (RFC 3030): set send to true to allow it");
      else if (verb === "BDAT" && s.line.trim().toUpperCase() !== "BDAT") problem("steps", `"${s.line}": write BDAT alone; smtp-gate sends the test message as one chunk with its size and LAST`);
      if (/\{to\}/.test(s.line) && to.length === 0) problem("steps", `"${s.line}" uses {to} but no recipient (to) is configured`);
      if (CREDENTIAL_AUTH_STEP.test(s.line) && !credentials) problem("steps", `"${s.line}" needs credentials: set username and ${ctx.label("password-env")} (or ${ctx.label("oauth-token-env")})`);
    }
    // RFC 4954 §4, contract §7: credentials go only after TLS when TLS is asked for, and never
    // before a STARTTLS the sequence itself runs later.
    const firstAuth = steps.findIndex((s) => CREDENTIAL_AUTH_STEP.test(s.line));
    const firstStartTls = steps.findIndex((s) => verbOf(s.line) === "STARTTLS");
    // Steps that do not open the session run after the production opening, which has STARTTLS.
    if (credentials && opensSession(steps) && firstAuth !== -1 && (firstStartTls > firstAuth || (firstStartTls === -1 && tls === "starttls"))) {
      stepProblem(stepAt[firstAuth] as number, firstStartTls > firstAuth
        ? `"${steps[firstAuth]?.line}" comes before the STARTTLS step: the credentials would cross the network in clear text. Put STARTTLS (and EHLO again) before it`
        : `"${steps[firstAuth]?.line}" would send the credentials in clear text: ${ctx.label("tls")} is starttls but no step runs STARTTLS. Put STARTTLS (and EHLO again) before it`);
    }
  }
  // Clear text known up front: a server not on loopback without TLS needs the explicit opt-in.
  const sendsCredentials = credentials !== null && (steps && opensSession(steps) ? steps.some((s) => CREDENTIAL_AUTH_STEP.test(s.line)) : true);
  if (sendsCredentials && tls === "none" && !allowPlaintextAuth && host !== undefined && mx === undefined && !isLoopbackHost(host)) {
    problem("allow-plaintext-auth", `is not set, so the credentials cannot be sent: ${ctx.label("tls")} is none and ${host} is not a loopback address. Use TLS (starttls or implicit), or set ${ctx.label("allow-plaintext-auth")} to send them in clear text anyway`);
  }
  if (send && !stepLines && to.length === 0) problem("send", "needs at least one recipient (to)");
  const smugglingCheck = bool("smuggling-check");
  if (smugglingCheck && !send) problem("smuggling-check", `sends one test message per end-of-data variant: set ${ctx.label("send")} to true to allow it`);
  if (smugglingCheck && to.length === 0) problem("smuggling-check", "needs a recipient (to) for its test messages");

  const failOn = oneOf<FailOn>("fail-on", FAIL_ON, "hard");
  const pipelining = oneOf("pipelining", ["auto", "off"] as const, "auto");
  const timeout = seconds("timeout", 30) as number;
  const deadline = seconds("deadline");
  const insecure = bool("insecure");
  const servername = str("servername");
  let ca: string | undefined;
  const caPath = str("ca");
  if (caPath !== undefined) {
    const text = ctx.readFile(ctx.baseDir && !caPath.startsWith("/") ? `${ctx.baseDir}/${caPath}` : caPath, FILE_LIMITS.ca, "a CA bundle");
    if (typeof text !== "string") problem("ca", text.problem);
    else if (!text.includes("-----BEGIN CERTIFICATE-----")) problem("ca", `"${caPath}" holds no PEM certificate`);
    else ca = text;
  }
  const body = raw.body === undefined || raw.body === null ? undefined : String(raw.body);
  const bodyControl = body?.split(/\r\n|\r|\n/).map((line) => describeControl(line, true)).find((c) => c !== null);
  if (bodyControl) problem("body", `contains ${bodyControl}; a message line is printable text (TAB allowed)`);

  const defaultName = mx !== undefined ? `mx ${mx}` : `${host}:${port}`;
  const policy = resolvePolicy(raw, { str, list, bool, oneOf, problem, baseDir: ctx.baseDir, readFile: ctx.readFile });

  const network = resolveNetwork(readers, ctx.env, problem);
  if (network.socks5 && mx !== undefined) problem("socks5", "does not go with mx: the MX lookup and the address expansion would happen here, not on the proxy's side");

  const security = resolveSecurity(raw, readers, problem, mx);
  const dane = resolveDane(raw, readers, ctx, problem);

  if (problems.length) return { problems };
  // The optional keys go on afterwards: a spread inside an object literal makes every property
  // after it a slow definition, and a fleet's config resolves hundreds of targets.
  const target: TargetConfig = {
    policy,
    pipelining,
    name: str("name") ?? defaultName,
    host: host as string, port, tls, servername, ca, insecure, helo, from: from ?? null, to, credentials, allowPlaintextAuth, send, steps, body, failOn,
    timeoutMs: Math.round(timeout * 1000),
  };
  if (mx !== undefined) target.mx = mx;
  Object.assign(target, network);
  if (smugglingCheck) target.smugglingCheck = true;
  Object.assign(target, security, dane);
  if (deadline !== undefined) target.deadlineMs = Math.round(deadline * 1000);
  if (ctx.source) target.source = ctx.source;
  return target;
}

function resolveCredentials(
  raw: RawTarget, ctx: ResolveContext, { str, secret }: Pick<ValueReaders, "str" | "secret">,
  problem: (k: TargetKey, m: string) => void, username: string | undefined,
): Credentials | null {
  // A named variable is the more specific choice (a config target's own) over a face-wide value.
  const password = secret("password-env", "password", ctx.env);
  const oauthToken = secret("oauth-token-env", "oauth-token", ctx.env);
  const mechText = str("auth")?.toUpperCase();
  let mechanism: AuthMechanism | null = null;
  if (mechText !== undefined) {
    if ((AUTH_MECHANISMS as readonly string[]).includes(mechText)) mechanism = mechText as AuthMechanism;
    else problem("auth", notOneOf(mechText, AUTH_MECHANISMS));
  }
  const anySecret = password !== undefined || oauthToken !== undefined || raw["password-env"] || raw["oauth-token-env"] || raw.password || raw["oauth-token"];
  if (!username) {
    if (anySecret && isAbsent(raw.username)) problem("username", "is required when a password or token is given");
    else if (mechanism) problem("auth", "needs a username and a password or token");
    return null;
  }
  if (password === undefined && oauthToken === undefined) {
    if (!anySecret) problem("username", `is set but no secret is: set ${ctx.label("password-env")} or ${ctx.label("oauth-token-env")}`);
    return null;
  }
  if (mechanism === "XOAUTH2" && oauthToken === undefined) problem("auth", `XOAUTH2 needs a token (${ctx.label("oauth-token-env")})`);
  if (mechanism && mechanism !== "XOAUTH2" && password === undefined) problem("auth", `${mechanism} needs a password (${ctx.label("password-env")})`);
  return { username, password, oauthToken, mechanism };
}

/** Contract §9: the domain whose policies apply, MTA-STS on by default, the opt-in TLS audit. */
function resolveSecurity(raw: RawTarget, { str, bool }: Pick<ValueReaders, "str" | "bool">, problem: (k: TargetKey, m: string) => void, mx: string | undefined): Pick<TargetConfig, "domain" | "mtaSts" | "tlsAudit"> {
  const out: Pick<TargetConfig, "domain" | "mtaSts" | "tlsAudit"> = {};
  const domain = str("domain")?.replace(/\.$/, "").toLowerCase();
  if (domain !== undefined) {
    const bad = checkHost(domain);
    if (bad) problem("domain", `"${domain}" ${bad}`);
    else if (mx !== undefined && domain !== mx.toLowerCase()) problem("domain", `is the mail domain of a host target; an mx target's domain is ${mx}`);
    else out.domain = domain;
  } else if (mx !== undefined) out.domain = mx.toLowerCase();
  if (!isAbsent(raw["mta-sts"]) && !bool("mta-sts")) out.mtaSts = false;
  if (bool("tls-audit")) out.tlsAudit = true;
  return out;
}

/** Contract §9: DANE on by default for mx targets; a candidate certificate read now, before anything is sent. */
function resolveDane(raw: RawTarget, { str, bool }: Pick<ValueReaders, "str" | "bool">, ctx: ResolveContext, problem: (k: TargetKey, m: string) => void): Pick<TargetConfig, "dane" | "candidateCert"> {
  const out: Pick<TargetConfig, "dane" | "candidateCert"> = {};
  if (!isAbsent(raw.dane) && !bool("dane")) out.dane = false;
  const path = str("candidate-cert");
  if (path !== undefined) {
    const text = ctx.readFile(ctx.baseDir && !path.startsWith("/") ? `${ctx.baseDir}/${path}` : path, FILE_LIMITS.ca, "a PEM certificate chain");
    if (typeof text !== "string") problem("candidate-cert", text.problem);
    else {
      const chain = readPemChain(text);
      if ("problem" in chain) problem("candidate-cert", `"${path}": ${chain.problem}`);
      else out.candidateCert = { path, pem: text };
    }
  }
  return out;
}

function isAbsent(v: unknown): boolean {
  return v === undefined || v === null || v === "";
}

/**
 * RFC 5321 §4.1.4: the EHLO name is the client's fully qualified domain name or, failing that,
 * the address literal of its end of the connection — null here, filled in once connected. A
 * bare host name (a GitHub-hosted runner's) is not one, and an invented name would be a lie.
 */
function defaultHelo(h: string): string | null {
  return h.includes(".") && !h.endsWith(".localdomain") && checkEhloName(h) === null ? h : null;
}
