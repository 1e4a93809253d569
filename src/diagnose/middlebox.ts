/**
 * What is in front of the MTA (contract §8: causes `proxy-protocol` and `middlebox`): a listener
 * that waits for a PROXY header, a balancer with no live backend, a TLS terminator whose backend
 * is down, and replies a box wrote itself (src/knowledge/middleboxes.ts). Each finding names the
 * box and its log, not the MTA behind it — the MTA often never saw the session.
 *
 * A box finding claims the steps it explains (and the session error that follows from it): the
 * generic findings on those steps would send the user to the MTA (diagnose/index.ts drops them).
 */
import type { ProbeOutcome } from "../engine/result.js";
import type { Finding, RuledOut, StepResult } from "../model/report.js";
import { BOX_NAME, asMiddlebox, boxReply, middleboxRow, type MiddleboxId } from "../knowledge/middleboxes.js";
import { verbOf } from "../protocol/command.js";
import { unsolicitedCode } from "../session/transcript.js";
import { codeText, finding, quoted, severityOf, type Rule } from "./rule.js";

/** A box finding and the steps it explains. */
export interface BoxFinding {
  finding: Finding;
  claims: number[];
}

/**
 * Silence longer than this before a 421 or a close means the listener waited for the client to
 * speak first. Postfix's smtpd_upstream_proxy_timeout is 5 s, nginx's `timeout` 60 s; a server
 * that refuses a client (overload, connection limits) answers at once.
 */
export const WAITED_MS = 2000;

/**
 * A balancer that cannot reach its backend retries before it gives up: HAProxy makes `retries`
 * (3) more attempts, min(`timeout connect`, 1 s) apart, so a refused backend closes the client
 * after about 3 s. A listener waiting for a PROXY header gives up later: Postfix after its 5 s
 * (and says so with a 421), nginx after `timeout` (60 s), HAProxy `accept-proxy` after `timeout
 * client` — measured here a few milliseconds short of it (its timer starts before ours), and kept
 * in whole seconds, rounded down, in the goldens. A silent close sooner than this is read as the
 * balancer's retries first.
 */
export const RETRIED_MS = 4000;

/**
 * Silence after a command longer than this before a close is a wait, not a crash on reading it:
 * a box's idle timer counts from the last byte it moved, which may be the message body written
 * just before the end of DATA, so a 2 s timeout can close 1.99 s after "." was sent.
 */
export const IDLE_MS = 1000;

/** Postfix's replies when no PROXY header came in time: smtpd (smtpd_upstream_proxy_timeout) and postscreen. */
const PROXY_TIMEOUT_REPLY = /\bServer local error$|^(?:4\.3\.2 )?No system resources$/i;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Nothing at all came from the server (no greeting byte): the session error is the whole story. */
const serverSilent = (p: ProbeOutcome) => !p.steps[0]?.reply && !p.transcript.some((t) => t.dir === "S");

export function middleboxFindings(p: ProbeOutcome): BoxFinding[] {
  const out: BoxFinding[] = [];
  const header = proxyHeaderMissing(p) ?? proxyHeaderFromBalancer(p);
  if (header) out.push(header);
  const down = backendDown(p) ?? backendSilent(p) ?? closedWhileOwed(p) ?? httpMode(p);
  if (down) out.push(down);
  out.push(...boxReplies(p));
  const terminator = tlsTerminator(p);
  if (terminator) out.push(terminator);
  return out;
}

/** The rule's face for RULES: the findings without their claims. */
export const middlebox: Rule = (p) => middleboxFindings(p).map((b) => b.finding);

const PROBE_WITH_HEADER = "To probe this port directly, send the header the way the balancer does: `proxy-protocol: v1` (CLI `--proxy-protocol v1`, or `v2`).";

const PROXY_FIXES = [
  "On the balancer, send the header to this backend: HAProxy `server mta MTA-ADDRESS:25 send-proxy` (or `send-proxy-v2`); nginx `stream`: `proxy_protocol on;`; an AWS Network Load Balancer: turn on proxy protocol v2 on the target group.",
  PROBE_WITH_HEADER,
  "If no balancer should be in front, turn the requirement off on this listener (Postfix: drop `smtpd_upstream_proxy_protocol` / `postscreen_upstream_proxy_protocol` from its master.cf entry; nginx: drop `proxy_protocol` from `listen`).",
];

const TERMINATOR_PROXY_CAUSE = "A TLS terminator in front (stunnel, HAProxy `ssl`, nginx `stream` with `ssl`) passes the decrypted session to a listener that requires a PROXY header, and sends none: a listener that requires the header reads it before any TLS, so the handshake that completed was the terminator's.";

const TERMINATOR_PROXY_FIX = "Let the terminator send the header: stunnel `protocol = proxy` in the service that connects to this listener; HAProxy `send-proxy` on the `server` line behind the `ssl` bind; nginx `stream`: `proxy_protocol on;` next to `proxy_pass`.";

const RETRIES_CAUSE = "A balancer that could not reach its backend and closed after its retries (HAProxy: `retries` attempts, each up to `timeout connect` when the backend does not answer): its log shows the connect failing (termination state `SC`).";

const PROXY_CAUSES = [
  "A balancer in front passes connections on without the PROXY header the listener requires: HAProxy without `send-proxy` / `send-proxy-v2` on the `server` line, nginx `stream` without `proxy_protocol on`, an AWS NLB target group without proxy protocol v2.",
  "The probe went straight to the MTA's PROXY-only port, the one meant for the balancer.",
];

/**
 * A listener that requires a PROXY header and got none: silence, then Postfix's 421 (smtpd:
 * `421 4.3.0 … Server local error`, postscreen: `421 4.3.2 No system resources`), or a close
 * (nginx `listen … proxy_protocol`, HAProxy `accept-proxy`). No greeting: nothing of the
 * production sequence was tested, so the target fails (contract §2).
 */
function proxyHeaderMissing(p: ProbeOutcome): BoxFinding | null {
  const g = p.steps[0];
  if (!g) return null;
  if (p.proxyProtocol) return proxyHeaderRefused(p, g);
  const ruledOut: RuledOut[] = [];
  let message: string;
  if (g.reply?.code === 421 && g.ms >= WAITED_MS && PROXY_TIMEOUT_REPLY.test(g.reply.lines.join(" "))) {
    message = `Port ${p.port} stayed silent for ${seconds(g.ms)}, then answered ${codeText(g)} ("${g.reply.lines.join(" ")}") instead of a greeting: Postfix's reply when a listener that requires a PROXY protocol header (smtpd_upstream_proxy_protocol, postscreen_upstream_proxy_protocol) gets none within its upstream proxy timeout. The refusal looks temporary, but this port takes no mail from a client that sends no header, and nothing of the production sequence was tested, so the target fails.`;
    ruledOut.push({ cause: "The server is overloaded or limits connections from this client.", evidence: `it said nothing for ${seconds(g.ms)} and then gave Postfix's missing-PROXY-header reply; an overloaded server refuses at once` });
  } else if (p.error?.kind === "closed" && p.error.step === 0 && serverSilent(p) && g.ms >= RETRIED_MS && !p.tls) {
    message = `Port ${p.port} accepted the connection, stayed silent for ${seconds(g.ms)} and closed it without a greeting: the listener waited for the client to speak first — a PROXY protocol header (nginx \`listen … proxy_protocol\`, HAProxy \`bind … accept-proxy\`, Postfix's upstream proxy listeners) — and gave up. Nothing of the production sequence was tested.`;
    ruledOut.push({ cause: "The MTA refused this client (a connection limit, an access list).", evidence: "an MTA that refuses a client says so at once (a 421 or 554 greeting, or an immediate close); this one waited for the client first" });
  } else {
    return null;
  }
  // A silent close could also be a balancer that spent the time retrying a dead backend.
  let causes = g.reply ? PROXY_CAUSES : [...PROXY_CAUSES, RETRIES_CAUSE];
  let fixes = p.tlsMode === "implicit" ? PROXY_FIXES : [...PROXY_FIXES, `If the port is an implicit-TLS port instead, use \`tls: implicit\`.`];
  if (p.tls) {
    // A listener that requires the header reads it before any TLS (Postfix, Exim hosts_proxy): the
    // handshake that completed first was a terminator's, and the terminator sent no header.
    message = `The TLS handshake completed first (${p.tls.protocol ?? "TLS"}), so TLS on this port is done by a terminator in front of the MTA, which passes the session on without the header. ${message}`;
    causes = [TERMINATOR_PROXY_CAUSE, ...causes];
    // smtp-gate's own header would reach the terminator before the TLS handshake, not the listener.
    fixes = [TERMINATOR_PROXY_FIX, ...fixes.filter((f) => f !== PROBE_WITH_HEADER), "To probe the listener itself, probe its own port behind the terminator with `proxy-protocol: v1` (CLI `--proxy-protocol v1`)."];
  }
  const f = finding("proxy-header-missing", "error", 0, message, causes, fixes, ruledOut);
  return { finding: { ...f, cause: "proxy-protocol" }, claims: [0] };
}

/**
 * A PROXY header was sent and the listener answered at once with Postfix's PROXY error instead of
 * a greeting: it could not use the header. Postfix logs why ("bad or missing protocol type" for
 * `PROXY UNKNOWN`, what a v1 header says when the real endpoints are not known).
 */
function proxyHeaderRefused(p: ProbeOutcome, g: StepResult): BoxFinding | null {
  // A header without addresses (PROXY UNKNOWN, v2 LOCAL) is proxy-unknown.ts's: it knows why it was sent.
  if (p.proxyHeaderUnknown || g.reply?.code !== 421 || !PROXY_TIMEOUT_REPLY.test(g.reply.lines.join(" "))) return null;
  const f = finding("proxy-header-refused", "error", 0,
    `smtp-gate sent a PROXY protocol ${p.proxyProtocol} header and port ${p.port} answered ${codeText(g)} ("${g.reply.lines.join(" ")}") instead of a greeting: Postfix's reply when the header it requires cannot be used. Nothing of the production sequence was tested.`,
    ["The header does not match what the listener expects (a v1 header to a listener that reads only v2, or a malformed header)."],
    ["Read the MTA's log for the connection: it names what was wrong with the header."]);
  return { finding: { ...f, cause: "proxy-protocol" }, claims: [0] };
}

/**
 * The codes of the replies that came after the greeting and before smtp-gate wrote anything
 * (the session marks each "unsolicited reply NNN discarded"): answers to lines smtp-gate never sent.
 */
export function repliesBeforeFirstCommand(p: ProbeOutcome): { code: number; text: string }[] {
  const out: { code: number; text: string }[] = [];
  let last = "";
  for (const t of p.transcript) {
    if (t.dir === "C") break;
    if (t.dir === "S") last = t.text;
    const code = unsolicitedCode(t);
    if (code !== null) out.push({ code, text: last });
  }
  return out;
}

/** Haraka's answer to a PROXY line when its PROXY support does not list the sender (connection.ini [haproxy] hosts[]). */
const PROXY_NOT_ALLOWED = /^421[ -]PROXY not allowed from\b/i;


/** A 221 before smtp-gate sent any QUIT: the server obeyed a QUIT it read from someone else. */
function quitObeyedUnasked(p: ProbeOutcome): boolean {
  for (const t of p.transcript) {
    if (t.dir === "C" && /^QUIT\b/i.test(t.text)) return false;
    if (t.dir === "S" && /^221[ -]/.test(t.text)) return true;
  }
  return false;
}

/**
 * How the MTA's answers to a header it did not expect show, whatever the timing: before
 * smtp-gate's first command (unsolicited), or — when EHLO went out before they arrived — as
 * EHLO's answer, with the rest one reply behind (HELO answered with EHLO's keywords) or a 221
 * before any QUIT. Null when the session shows neither.
 */
function answeredForeignLines(p: ProbeOutcome): { early: { code: number; text: string }[]; firstEhlo: StepResult | null } | null {
  if (p.proxyProtocol || p.steps[0]?.reply?.code !== 220) return null;
  const early = repliesBeforeFirstCommand(p);
  const first = early[0];
  if (first) {
    // A refusal (5xx: unknown command, or "STARTTLS first" from a server that wants TLS before
    // anything), or Haraka's own 421 for a PROXY line it may not take; then more of the same, or 221.
    const answersLine = (first.code >= 500 && first.code < 600) || PROXY_NOT_ALLOWED.test(first.text);
    return answersLine && early.every((r) => r.code === 221 || r.code === 421 || (r.code >= 500 && r.code < 600)) ? { early, firstEhlo: null } : null;
  }
  // EHLO went out before those answers came, and took the first of them.
  const ehlo = p.steps[1];
  if (ehlo?.verb !== "EHLO" || !ehlo.reply || ehlo.pipelined) return null;
  const text = `${ehlo.reply.code} ${ehlo.reply.lines.join(" ")}`;
  if (PROXY_NOT_ALLOWED.test(text)) return { early: [{ code: ehlo.reply.code, text }], firstEhlo: null };
  if (ehlo.reply.code < 500 || ehlo.reply.code > 599) return null;
  // Out of step: more replies than commands, a 221 before any QUIT, HELO answered with EHLO's
  // keywords, QUIT answered with anything but 221; or a complaint of pipelining about an EHLO
  // smtp-gate sent alone (OpenSMTPD, which then closes).
  const outOfStep = p.unsolicitedReplies > 0 || quitObeyedUnasked(p) || heloGotEhloReply(p) ||
    p.steps.some((x) => x.verb === "QUIT" && x.reply !== null && x.reply.code !== 221 && x.reply.code !== 421);
  return outOfStep || pipeliningComplaint(p) ? { early, firstEhlo: ehlo } : null;
}

/** A refusal for pipelining of a command smtp-gate sent alone: the server got someone else's bytes with it. */
function pipeliningComplaint(p: ProbeOutcome): StepResult | undefined {
  return p.steps.find((x, i) => i > 0 && !x.pipelined && x.reply !== null && x.reply.code >= 500 && PIPELINING_COMPLAINT.test(x.reply.lines.join(" ")));
}

/** The HELO fallback answered with EHLO's keywords: the replies run one behind the commands. */
function heloGotEhloReply(p: ProbeOutcome): boolean {
  const helo = p.steps[2];
  return helo?.verb === "HELO" && helo.reply?.code === 250 && helo.reply.lines.length > 1;
}

/** A server refusing commands that came before their turn: the client's, or someone else's. */
const PIPELINING_COMPLAINT = /pipelining/i;

/**
 * A balancer sends the PROXY protocol header to a listener that does not expect one: smtp-gate
 * sent none, yet right after the greeting the MTA answered lines nobody in this conversation
 * wrote. A v1 header is one text line (`PROXY TCP4 …`): one syntax error. The v2 signature
 * (`\r\n\r\n\0\r\nQUIT\n`, designed so that such a server quits) draws syntax errors, then 221, and
 * the close. Which product sent it the bytes do not tell (HAProxy, nginx `stream`, an AWS NLB
 * write the same header), so no `server.via` follows from it.
 */
export function proxyHeaderFromBalancer(p: ProbeOutcome): BoxFinding | null {
  const seen = answeredForeignLines(p);
  if (!seen) return null;
  const { early, firstEhlo } = seen;
  if (early[0] && PROXY_NOT_ALLOWED.test(early[0].text)) return proxyNotAllowed(p, early[0].text);
  // v2 when the server obeyed the signature's QUIT; v1 when the replies run exactly one behind
  // (HELO got EHLO's keywords) or one reply came early and the session went on; unknown otherwise
  // (OpenSMTPD closes on the v2 block as a pipelining violation, or the 221 went to a later command).
  const closedEarly = p.error?.kind === "closed" && (p.error.step ?? 0) <= 2;
  const version: HeaderVersion = quitObeyedUnasked(p) ? "v2"
    : firstEhlo ? (heloGotEhloReply(p) ? "v1" : "either")
    : closedEarly ? "either" : "v1";
  const said = HEADER_WORDS[version];
  const codes = early.map((r) => r.code);
  const what = firstEhlo?.reply
    ? `The server's replies ran ahead of smtp-gate's commands from the start: its first answer, to EHLO, was ${codeText(firstEhlo)} ("${firstEhlo.reply.lines.join(" ")}"), ${lateSign(p, firstEhlo, version)} — answers to lines smtp-gate never sent, written to the MTA before its first command`
    : `Right after its greeting, before smtp-gate sent anything, the server sent ${codes.length === 1 ? `a reply (${codes[0]}) to a line` : `${codes.length} replies (${codes.join(", ")}) to lines`} smtp-gate never sent${closedEarly ? " and closed the connection" : ""}`;
  const f = finding("proxy-header-from-balancer", "error", null, `${what}: ${said.message}`, [said.cause], [
    `Either stop the header on the balancer — ${said.stop} — or make this listener expect it (below); not both.`,
    "To keep the clients' addresses, make the MTA's listener read the header: Postfix `-o smtpd_upstream_proxy_protocol=haproxy` on this smtpd's master.cf entry (postscreen: `postscreen_upstream_proxy_protocol = haproxy`); Exim `hosts_proxy = BALANCER-ADDRESS`. Then the port takes no client without a header.",
    "Probe the MTA's port directly with `proxy-protocol: v1` (CLI `--proxy-protocol v1`, or `v2`) once it expects the header.",
  ], [
    { cause: "The MTA talks out of turn (an unsolicited or duplicated reply of its own).", evidence: `its first extra answer (${codes[0] ?? firstEhlo?.reply?.code}) refuses a line that is not a command, and it was sent before smtp-gate's first command could be read` },
    ...(firstEhlo ? [{ cause: "An SMTP-inspecting firewall that refuses EHLO (Cisco \"inspect esmtp\").", evidence: "the replies run one behind the commands, which no inspecting firewall causes; it refuses commands, it does not answer lines nobody sent" }] : []),
  ], "proxy-protocol");
  return { finding: f, claims: outOfStepClaims(p) };
}

/** Every step that did not pass, and the close: they follow from the one cause, replies out of step. */
function outOfStepClaims(p: ProbeOutcome): number[] {
  const claims = p.steps.flatMap((s, i) => (i > 0 && s.verdict !== "pass" ? [i] : []));
  if (p.error?.step != null && !claims.includes(p.error.step)) claims.push(p.error.step);
  return claims;
}

type HeaderVersion = "v1" | "v2" | "either";

/** What shows that EHLO's refusal answered someone else's lines. */
function lateSign(p: ProbeOutcome, ehlo: StepResult, version: HeaderVersion): string {
  if (version === "v2") return "and it sent 221 and closed before smtp-gate sent any QUIT";
  const piped = pipeliningComplaint(p);
  if (piped) return `and ${piped === ehlo ? "that" : `its answer to ${quoted(piped)}`} is a complaint of commands sent before their turn, though smtp-gate sent each command alone`;
  if (heloGotEhloReply(p)) return "and each later command got the reply meant for the one before (HELO got EHLO's keywords)";
  const quit = p.steps.find((x) => x.verb === "QUIT" && x.reply && x.reply.code !== 221 && x.reply.code !== 421);
  if (quit?.reply) return `and each later command got the reply meant for the one before (QUIT got ${quit.reply.code})`;
  return `and more replies came than smtp-gate sent commands (${p.unsolicitedReplies} extra)`;
}

/** What each version of the header does to an MTA that does not expect it, and who sends it. */
const HEADER_WORDS: Readonly<Record<HeaderVersion, { message: string; cause: string; stop: string }>> = {
  v1: {
    message: "the PROXY protocol v1 line (`PROXY TCP4 …`) a balancer in front writes first, read by this MTA as a command. Every session through the balancer starts one reply out of step: a sender takes that error for its EHLO's answer, and every later reply answers the command before, so this path cannot carry mail reliably.",
    cause: "A balancer sends a PROXY protocol v1 header to a listener that does not expect it: HAProxy `send-proxy` on the `server` line, nginx `stream` with `proxy_protocol on`, or another proxy set to send it.",
    stop: "HAProxy: remove `send-proxy` from this backend's `server` line; nginx `stream`: `proxy_protocol off;`",
  },
  v2: {
    message: "errors and then 221 are how an SMTP server answers the PROXY protocol v2 signature, whose bytes hold blank lines and a QUIT so that a server not expecting the header quits. A balancer in front sends PROXY protocol v2 to this MTA, which does not expect it: every session through the balancer ends before EHLO, so this path cannot carry mail.",
    cause: "A balancer sends PROXY protocol v2 to a listener that does not expect it: HAProxy `send-proxy-v2` on the `server` line, an AWS Network Load Balancer target group with proxy protocol v2, or another proxy (Envoy, Traefik) set to send it.",
    stop: "HAProxy: remove `send-proxy-v2` from this backend's `server` line; AWS NLB: turn proxy protocol v2 off on the target group",
  },
  either: {
    message: "the PROXY protocol header a balancer in front writes first (the v1 text line or the v2 binary block; the replies do not tell which), read by this MTA as commands, after which it ended the session. Every session through the balancer ends so, and this path cannot carry mail.",
    cause: "A balancer sends a PROXY protocol header to a listener that does not expect it: HAProxy `send-proxy` or `send-proxy-v2` on the `server` line, nginx `stream` with `proxy_protocol on`, an AWS NLB target group with proxy protocol v2.",
    stop: "HAProxy: remove `send-proxy` / `send-proxy-v2` from this backend's `server` line; nginx `stream`: `proxy_protocol off;`; AWS NLB: turn proxy protocol v2 off on the target group",
  },
};

/**
 * Haraka reads a PROXY line only from the hosts its PROXY support lists; from any other it answers
 * "421 PROXY not allowed from ADDRESS" and closes (DENYSOFTDISCONNECT, so that a configuration
 * error defers mail rather than refusing it). The balancer sends the header; the MTA would take it
 * but not from there.
 */
function proxyNotAllowed(p: ProbeOutcome, text: string): BoxFinding {
  const f = finding("proxy-header-from-balancer", "error", null,
    `Right after its greeting the server answered "${text}" — to a PROXY protocol line smtp-gate never sent — and closed: a balancer in front sends the PROXY header, and this MTA (Haraka's words) takes it only from the balancer addresses it lists, which do not include this one. Every session through the balancer ends there; the 421 makes senders retry, but this path carries no mail.`,
    ["The MTA's PROXY support is off or does not list the balancer's address: Haraka's connection.ini `[haproxy]` `hosts[]` (older releases: config/haproxy_hosts)."],
    [
      "Haraka: add the balancer's address (the one in the reply) to connection.ini `[haproxy]` `hosts[]` (older releases: config/haproxy_hosts); Haraka then waits for the header from it, so its health checks need the header too (HAProxy `check-send-proxy`).",
      "Or stop the header on the balancer: HAProxy: remove `send-proxy` / `send-proxy-v2` from this backend's `server` line.",
    ], [], "proxy-protocol");
  return { finding: f, claims: outOfStepClaims(p) };
}

/**
 * The implicit-TLS handshake finished and then nothing came until the timeout: whatever finished
 * the handshake waits on its backend. A TLS terminator (stunnel, HAProxy `ssl`, nginx `stream`)
 * whose backend is itself an implicit-TLS port (465) speaks plain text to a server that waits for
 * a TLS handshake; neither side says a word. An MTA that does its own TLS greets at once.
 */
function backendSilent(p: ProbeOutcome): BoxFinding | null {
  const g = p.steps[0];
  if (!g || p.tlsMode !== "implicit" || !p.tls || p.error?.kind !== "timeout" || p.error.step !== 0 || !serverSilent(p)) return null;
  const f = finding("middlebox-backend-silent", "error", 0,
    `The TLS handshake on port ${p.port} completed (${p.tls.protocol ?? "TLS"}), then nothing came — no greeting within ${seconds(g.ms)}: what finished the handshake is waiting on something behind it. A TLS terminator in front of the MTA (stunnel, HAProxy \`ssl\`, nginx \`stream\`) waits like this when its backend waits for the client to speak first: an implicit TLS port, which waits for a TLS handshake inside the tunnel, or a port that is not SMTP at all (an HTTP service waits for a request). Nothing of the production sequence was tested.`,
    [
      "The terminator's backend is the MTA's implicit-TLS port (465, Postfix `smtpd_tls_wrappermode = yes`): stunnel's `connect =`, HAProxy's `server` line or nginx's `proxy_pass` points at it, so TLS would have to run twice.",
      "The terminator points at the wrong port, a service that waits for its client (HTTP, a PROXY listener with no timeout of its own); or the MTA holds its greeting back longer than the timeout.",
    ],
    [
      "Point the terminator at the MTA's plain listener (port 25 or 587 without wrapper mode): stunnel `connect = MTA-ADDRESS:25`, HAProxy `server mta MTA-ADDRESS:25`; the terminator does the TLS. From the terminator's host, `nc -v BACKEND PORT` must show a 220 greeting at once.",
      "If the backend must stay implicit TLS, do not terminate in front of it: pass the bytes through (HAProxy `mode tcp` without `ssl` on the `bind` line), or make the terminator a TLS client to it (stunnel: a second service with `client = yes`; HAProxy: `server … ssl verify required ca-file …`).",
      "Read the terminator's log for this connection: stunnel logs the service and `connect` address it used.",
    ]);
  return { finding: { ...f, cause: "middlebox" }, claims: [0] };
}

/**
 * Accepted, then closed before any greeting and without waiting: a balancer with no live backend
 * (HAProxy closes when every server of the backend is down). After a finished TLS handshake: a
 * TLS terminator whose backend (`connect =`) is down. The MTA never saw the connection.
 */
function backendDown(p: ProbeOutcome): BoxFinding | null {
  const g = p.steps[0];
  if (!g || p.error?.kind !== "closed" || p.error.step !== 0 || !serverSilent(p) || g.ms >= RETRIED_MS) return null;
  if (g.ms >= WAITED_MS) return p.tls || p.tlsMode === "implicit" ? null : backendRetried(p, g);
  if (p.tls) {
    const f = finding("middlebox-backend-down", "error", 0,
      `The TLS handshake on port ${p.port} completed (${p.tls.protocol ?? "TLS"}), then the connection was ${/reset|ECONNRESET/i.test(p.error.message) ? "reset" : "closed"} before any greeting: the TLS was done by a terminator in front of the MTA (stunnel, HAProxy \`ssl\`, nginx \`stream\`), which could not reach the MTA behind it. The MTA never saw this connection, so its log has nothing on it.`,
      ["The terminator's backend is down or refuses it: stunnel's `connect =`, HAProxy's `server` line, nginx's `proxy_pass` point at a port where the MTA does not listen (or not on that address)."],
      [
        "Read the terminator's log: stunnel (`output =` or syslog) says \"s_connect: connect …: Connection refused\"; HAProxy's log line shows the termination state `SC`.",
        "Check that the address and port it connects to (stunnel `connect =`, HAProxy `server`) is the MTA's plain listener, and that the MTA is up: `nc -v BACKEND PORT` from the terminator's host.",
      ]);
    return { finding: { ...f, cause: "middlebox" }, claims: [0] };
  }
  if (p.tlsMode === "implicit") return null;
  const f = finding("middlebox-backend-down", "error", 0,
    `Port ${p.port} accepted the connection and closed it at once (${seconds(g.ms)}), before any greeting: a balancer or proxy in front of the MTA with no live backend closes like this (HAProxy when every server of the backend is down). An MTA that refuses a client says why (a 421 or 554 greeting).`,
    [
      "A balancer (HAProxy, an NLB, nginx `stream`) whose backend servers are all down or failing their health checks.",
      "A TCP wrapper or firewall on the host that accepts and then drops this client.",
    ],
    [
      "Read the balancer's log and backend state: HAProxy logs \"no server available\" and `show stat` on its admin socket shows every server DOWN; fix the backend or its health check.",
      "Check that the backend's address and port are the MTA's and that the MTA answers there: `nc -v BACKEND PORT` from the balancer's host.",
    ]);
  return { finding: { ...f, cause: "middlebox" }, claims: [0] };
}

/**
 * Accepted, silent for a few seconds, closed without a byte: sooner than a PROXY listener gives up
 * (RETRIED_MS), as HAProxy does after retrying a backend server that refuses it — a dead server
 * without `check`, so HAProxy still picks it. Which it is the bytes do not say; both are listed.
 */
function backendRetried(p: ProbeOutcome, g: StepResult): BoxFinding {
  const f = finding("middlebox-backend-down", "error", 0,
    `Port ${p.port} accepted the connection, stayed silent for ${seconds(g.ms)} and closed it without a greeting: a balancer in front of the MTA that could not reach the backend server it picked closes like this after its retries (HAProxy retries a refused server \`retries\` times, min(\`timeout connect\`, 1 s) apart: about 3 s). A listener that waits for a PROXY header gives up later (Postfix after 5 s, with a 421). The MTA behind it never saw this connection.`,
    [
      "A balancer whose chosen backend server is down and not marked so: HAProxy without `check` on the `server` line keeps sending clients to a dead server, and without `option redispatch` its retries stay on that server.",
      "A listener that waits for the client to speak first (a PROXY protocol header) with a short timeout of its own.",
    ],
    [
      "Read the balancer's log for this connection: HAProxy's termination state `SC` and the server it tried name the dead backend.",
      "HAProxy: add `check` to every `server` line (a dead server is then taken out), and `option redispatch` so a failed connect is retried on another server; fix or remove the dead server.",
      "If the port does require a PROXY header, probe it with `proxy-protocol: v1` (CLI `--proxy-protocol v1`).",
    ]);
  return { finding: { ...f, cause: "middlebox" }, claims: [0] };
}

/**
 * A command sent, seconds of silence, then the close with no reply. An SMTP server closes only
 * after 221, after 421, or on its own timeout waiting for the client (RFC 5321 §3.8) — never while
 * it owes the client a reply. A box between them closes so when its idle timeout is shorter than
 * the server's time to answer (a content scan at the end of DATA, a slow lookup, a greeting delay).
 */
function closedWhileOwed(p: ProbeOutcome): BoxFinding | null {
  const i = p.error?.kind === "closed" ? p.error.step : null;
  const s = i !== null && i > 0 ? p.steps[i] : undefined;
  if (i === null || !s || s.reply || s.command === null || s.extra === "cleanup" || s.ms < IDLE_MS || p.steps.some((x) => x.reply?.code === 421)) return null;
  // nginx's mail proxy holds both connections: when it is in front, its proxy_timeout is the first suspect.
  const nginx = p.server?.via === "nginx";
  const who = nginx ? "nginx's mail proxy, which holds both connections,"
    : "a box in between (a balancer or proxy)";
  const f = finding("middlebox-idle-timeout", "error", i,
    `${quoted(s)} got no reply: ${seconds(s.ms)} after it was sent, the connection was closed without a word — no 421. An SMTP server closes only after 221, after 421, or when it gives up waiting for the client (RFC 5321 §3.8), not while the client waits for its reply: most likely ${who} closed the idle connection while the server was still working on the answer.`,
    [
      nginx
        ? "nginx's `proxy_timeout` (in the mail block; 24 h by default) is shorter than the server's time to answer this command: nginx closes a proxied session idle that long."
        : "A balancer or proxy in front has an idle timeout shorter than the server's time to answer this command: HAProxy `timeout server` (or `timeout client`), nginx `stream` `proxy_timeout`, an AWS NLB's 350 s idle timeout. The end of DATA is where servers take longest (content scanning).",
      "The server's process for this session died while working on the command (a crash in its content filter): its own log has it.",
    ],
    nginx
      ? [`nginx: raise \`proxy_timeout\` in the mail block above the server's slowest step (a content scan at the end of DATA can take minutes; RFC 5321 §4.5.3.2 lets a client wait 10 minutes for its reply); nginx's error log says "client timed out … while proxying" for this session.`]
      : [
          `Compare the ${seconds(s.ms)} with the balancer's timeouts: HAProxy logs the termination state \`sD\` (the server sent nothing within \`timeout server\`) for this connection.`,
          "Give the balancer timeouts longer than the server's slowest step (HAProxy: `timeout server` and `timeout client` of a few minutes for SMTP, equal in TCP mode; RFC 5321 §4.5.3.2 lets a client wait 10 minutes for the reply to the end of DATA).",
        ]);
  return { finding: { ...f, cause: "middlebox" }, claims: [i] };
}

/**
 * No greeting, and after a wait an HTTP 408: something in front parses HTTP and gave up waiting
 * for a request an SMTP client never sends (its server speaks first). HAProxy answers so ("408
 * Request Time-out") when a frontend in `mode http` — often inherited from `defaults` — reaches
 * `timeout http-request`.
 */
function httpMode(p: ProbeOutcome): BoxFinding | null {
  const g = p.steps[0];
  const line = p.error?.step === 0 ? p.error.received ?? "" : "";
  if (!g || !/^HTTP\/\d(?:\.\d)? 408\b/.test(line)) return null;
  const f = finding("middlebox-http-mode", "error", 0,
    `No greeting came; after ${seconds(g.ms)} of waiting, port ${p.port} answered "${line.slice(0, 60)}": something in front of the MTA parses HTTP and gave up waiting for an HTTP request, which an SMTP client never sends (the server speaks first). HAProxy answers exactly so when the frontend is in \`mode http\` — often inherited from a \`defaults\` section — and \`timeout http-request\` strikes: the balancer meant to pass SMTP through never connected the session to the MTA.`,
    [
      "The balancer's SMTP frontend runs in HTTP mode: HAProxy `mode http` on the frontend or inherited from `defaults`; another HTTP reverse proxy listening on the mail port.",
      "The host and port point at an HTTP service, not at the mail service.",
    ],
    [
      "HAProxy: `mode tcp` in the SMTP frontend and its backend (a `defaults` section with `mode http` applies to every section that does not say otherwise), with `option tcplog` instead of `option httplog`.",
      "If this port is meant to be an HTTP service, probe the MTA's own port instead.",
    ]);
  return { finding: { ...f, cause: "middlebox" }, claims: [0] };
}

/** Replies a box wrote itself: the box, not the MTA, refused (or could not reach the MTA). */
function boxReplies(p: ProbeOutcome): BoxFinding[] {
  const via = asMiddlebox(p.server?.via);
  const out: BoxFinding[] = [];
  p.steps.forEach((s, i) => {
    if (s.verdict === "pass" || !s.reply || s.consequenceOf !== undefined || s.extra === "cleanup") return;
    // An AUTH exchange's continuation lines ("***") carry the verb AUTH and the step's mechanism.
    const verb = s.command === null ? "" : s.command === "." ? "." : s.verb ?? verbOf(s.command);
    const mechanism = s.sasl?.mechanism ?? (verb === "AUTH" ? /^AUTH\s+(\S+)/i.exec(s.command ?? "")?.[1]?.toUpperCase() ?? null : null);
    const row = boxReply(s.reply.code, s.reply.lines.join(" "), verb, via, mechanism);
    if (!row) return;
    // The close that follows (nginx closes after its 451) is the same failure.
    const closedAfter = p.error?.kind === "closed" && p.error.step !== null && p.error.step > i ? p.error.step : null;
    const who = row.via ? BOX_NAME[row.via] : "a content filter";
    const mta = p.server?.product ?? "the MTA behind it";
    const f = finding(row.id, closedAfter !== null ? "error" : severityOf(s), i,
      `${quoted(s)} was answered ${codeText(s)} ("${s.reply.lines.join(" ")}") by ${who}, not by ${mta}: ${row.says}.${closedAfter !== null ? " It then closed the connection." : ""}${logHint(row.via)}`,
      [...row.causes], [...row.fixes]);
    out.push({ finding: { ...f, cause: "middlebox" }, claims: closedAfter !== null ? [i, closedAfter] : [i] });
  });
  return out;
}

/** An implicit-TLS session offered STARTTLS: the MTA behind a TLS terminator thinks it is plain text. */
function tlsTerminator(p: ProbeOutcome): BoxFinding | null {
  if (p.server?.via !== "tls-terminator" || p.error) return null;
  const i = p.steps.findIndex((s: StepResult) => /^EHLO\b/i.test(s.command ?? "") && s.class === "success");
  const f = finding("middlebox-tls-terminator", "notice", i === -1 ? null : i,
    `The session is implicit TLS, yet the EHLO reply offers STARTTLS: TLS on port ${p.port} is done by a terminator in front of the MTA (stunnel, HAProxy \`ssl\`, nginx \`stream\`), and the MTA behind it sees a plain-text session. The certificate clients get is the terminator's, not the MTA's.`,
    ["A TLS terminator forwards the decrypted session to the MTA's plain port."],
    ["Renew and install this port's certificate on the terminator (stunnel `cert =`, HAProxy `crt`), not in the MTA; reloading the MTA does not change it."]);
  return { finding: { ...f, cause: "middlebox" }, claims: [] };
}

function logHint(via: MiddleboxId | null): string {
  const row = via ? middleboxRow(via) : undefined;
  return row ? ` Why is written in ${row.log}.` : "";
}
