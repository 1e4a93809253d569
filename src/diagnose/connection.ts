/** Rules about sessions that ended without a reply: kind, TLS-mode mismatch, a peer that is not SMTP. */
import { ERROR_ADVICE, ERROR_IN_PHASE, PORT_MODE_ADVICE } from "../knowledge/error-kinds.js";
import type { RuledOut } from "../model/report.js";
import type { CandidateCauseId } from "../knowledge/candidate-causes.js";
import { differential, forTarget } from "./evidence.js";
import { capitalize as cap, finding, type Rule } from "./rule.js";


/** What each error kind usually means, unless a sharper rule below explains it. */
export const sessionError: Rule = (p) => {
  // A command smtp-gate kept back has its own finding (advertised.ts commandWithheld).
  if (!p.error || p.commandWithheld || notSmtpProtocol(p.error.received) || modeMismatch(p) !== null || certificateRefused(p)) return [];
  const e = p.error;
  const sharp = sharperError(p);
  if (sharp) {
    const d = differential(sharp.id, p, e.step, { causeIds: sharp.causeIds });
    return [finding(sharp.id, "error", e.step, `${cap(e.message)}${sharp.says}`, d.causes, d.fixes, [...sharp.ruledOut, ...d.ruledOut])];
  }
  const a = ERROR_IN_PHASE.find((x) => x.kind === e.kind && x.phase.test(e.message)) ?? ERROR_ADVICE[e.kind];
  // "Outbound port 25 is blocked" is a cause only when the port is 25; the port's mode is in
  // question only while no handshake ran (STARTTLS answered 220, or TLS established).
  const modeKnown = handshakeRan(p);
  const fits = (x: string) => !(modeKnown && PORT_MODE_ADVICE.has(x));
  const causes = (p.port === 25 ? a.causes : a.causes.filter((c) => !/port 25 is blocked/i.test(c))).filter(fits);
  return [finding(a.id, "error", p.error.step, `${cap(p.error.message)}.`, causes, a.fixes.filter(fits).map((f) => forTarget(f, p)))];
};

/** A TLS handshake completed, or STARTTLS was answered 220 (the server agreed to one on this port). */
const handshakeRan = (p: Parameters<Rule>[0]): boolean =>
  p.tls !== null || p.steps.some((s) => s.verb === "STARTTLS" && s.reply?.code === 220);

/** The handshake completed and the session stopped on the certificate: the certificate rule (tls.ts) says why, once. */
const certificateRefused = (p: Parameters<Rule>[0]): boolean => p.error?.kind === "tls" && p.tls !== null && !p.tls.authorized;

interface SharperError {
  id: string;
  says: string;
  causeIds?: CandidateCauseId[];
  ruledOut: RuledOut[];
}

/** A TLS alert the server sent: it aborted its own handshake (RFC 8446 §6.2). */
const SERVER_ALERT = /alert (internal error|handshake failure|protocol version|insufficient security)|alert number (80|40|70|71)\b/i;

/** TLS 1.3's certificate_required alert (116, RFC 8446 §6.2), as OpenSSL words it. */
const CLIENT_CERTIFICATE_ALERT = /alert certificate required|alert number 116\b/i;

/** Connect errors told apart (refused, filtered, unreachable) and TLS alerts the server sent. */
function sharperError(p: Parameters<Rule>[0]): SharperError | null {
  const e = p.error;
  if (!e) return null;
  const connected = p.transcript.some((t) => t.dir === "*" && /^connected to /.test(t.text)) || p.steps.some((s) => s.reply);
  if (e.kind === "connect" && /ECONNREFUSED|refused/i.test(e.message)) {
    return { id: "connect-refused", says: `: the host answered and refused port ${p.port}, so it is reachable but nothing accepts connections there.`, ruledOut: [
      { cause: "A firewall that silently drops the packets, or outbound port 25 blocked by this network.", evidence: "the connection was refused at once; a filtered port would have waited for the timeout" },
    ] };
  }
  if (e.kind === "connect" && /EHOSTUNREACH|ENETUNREACH|unreachable/i.test(e.message)) {
    return { id: "host-unreachable", says: ": no route to the host from this network.", ruledOut: [] };
  }
  if ((e.kind === "connect" && /ETIMEDOUT|timed out/i.test(e.message)) || (e.kind === "timeout" && !connected && /connect/i.test(e.message))) {
    return { id: "connect-timeout", says: `: nothing answered, neither a connection nor a refusal, so port ${p.port} is filtered or the host is down.`, ruledOut: [] };
  }
  if (e.kind === "tls" && CLIENT_CERTIFICATE_ALERT.test(e.message)) {
    return {
      id: "tls-client-certificate-required",
      says: ": the server asked for a client certificate (mutual TLS), got none, and ended the handshake with TLS 1.3's certificate_required alert.",
      causeIds: ["client-certificate-required"],
      ruledOut: [{ cause: "smtp-gate does not trust the server's certificate (a private CA).", evidence: "the server sent the alert, about the certificate it asked of the client; a trust failure is smtp-gate's own verdict and says \"certificate verification failed\"" }],
    };
  }
  const alert = e.kind === "tls" ? SERVER_ALERT.exec(e.message) : null;
  if (alert) {
    const internal = /internal error|number 80\b/i.test(e.message);
    return {
      id: "tls-server-alert",
      says: `: the server sent a TLS alert (${alert[1] ?? `alert ${alert[2]}`}) and aborted its own handshake.`,
      causeIds: internal ? ["server-tls-setup"] : ["no-common-protocol", "server-tls-setup"],
      ruledOut: [{ cause: "smtp-gate does not trust the server's certificate (a --ca or private-CA problem).", evidence: "the server aborted the handshake itself with an alert; a trust failure is smtp-gate's own verdict and says \"certificate verification failed\"" }],
    };
  }
  return null;
}

/** Recognisable banners of other protocols (and TLS records shown as escapes by decodeLine). */
const OTHER_PROTOCOLS: readonly { name: string; test: RegExp }[] = [
  { name: "HTTP", test: /^HTTP\/\d|^<!DOCTYPE|^<html/i },
  { name: "SSH", test: /^SSH-\d/ },
  { name: "POP3", test: /^\+OK\b/ },
  { name: "IMAP", test: /^\* (OK|PREAUTH|BYE)\b/ },
  { name: "FTP", test: /^2\d\d[ -].*\bFTP\b/i },
  { name: "TLS", test: /^\\x1[5-7]\\x03/ },
];

function notSmtpProtocol(received: string | undefined): string | null {
  if (received === undefined) return null;
  return OTHER_PROTOCOLS.find((o) => o.test.test(received))?.name ?? null;
}

export const notSmtp: Rule = (p) => {
  const proto = notSmtpProtocol(p.error?.received);
  if (!p.error || !proto) return [];
  if (proto === "TLS") {
    return [finding("tls-mode-mismatch", "error", p.error.step,
      "The server sent TLS records instead of an SMTP greeting: this port expects implicit TLS.",
      ["The port is an implicit-TLS port (465 by convention) and the probe spoke plain SMTP or STARTTLS."],
      ["Use `tls: implicit` for this port, or port 587/25 for STARTTLS."])];
  }
  return [finding("not-smtp", "error", p.error.step,
    `The peer is not an SMTP server: it answered like ${proto} ("${(p.error.received ?? "").slice(0, 60)}").`,
    [`The host and port point at a ${proto} service, or a proxy or load balancer in front of it answers instead of the MTA.`],
    ["Check the host and port; `{nc}` shows the banner. Mail submission is usually 587 (STARTTLS) or 465 (implicit TLS); MX is 25."])];
};

type Mismatch = "implicit-on-plain" | "plain-on-implicit";

function modeMismatch(p: Parameters<Rule>[0]): Mismatch | null {
  const e = p.error;
  if (!e) return null;
  // OpenSSL's "wrong version number" (or "packet length too long"): the server sent plain text.
  if (p.tlsMode === "implicit" && e.kind === "tls" && /wrong version number|packet length too long|unknown protocol|http request/i.test(e.message)) return "implicit-on-plain";
  // A plain client on an implicit-TLS port waits forever: the server waits for a ClientHello.
  if (p.tlsMode !== "implicit" && e.kind === "timeout" && e.step === 0 && !p.transcript.some((t) => t.dir === "S")) return "plain-on-implicit";
  return null;
}

export const tlsModeMismatch: Rule = (p) => {
  const m = modeMismatch(p);
  if (!m || !p.error) return [];
  if (m === "implicit-on-plain") {
    // OpenSSL's own text stays in the transcript (the details); the headline says what it means.
    const summary = "the port speaks plain SMTP, not TLS";
    return [{ ...finding("tls-mode-mismatch", "error", p.error.step,
      `Implicit TLS failed: the server answered the TLS handshake in plain text, so port ${p.port} speaks plain SMTP (with or without STARTTLS), not implicit TLS.`,
      ["`tls: implicit` was used against a STARTTLS or plain port (587 and 25 start in plain text)."],
      [`Use \`tls: starttls\` for port ${p.port}, or port 465 for implicit TLS.`, `Check by hand: \`openssl s_client -starttls smtp -connect ${p.host}:${p.port} -crlf\`.`]), summary }];
  }
  // A listener behind a load balancer may wait for a PROXY header instead: unless one was sent.
  const proxyListener = p.proxyProtocol === undefined;
  return [{ ...finding("tls-mode-mismatch", "error", p.error.step,
    `No greeting arrived within the timeout and the server sent nothing at all: port ${p.port} probably expects implicit TLS (the server waits for a TLS handshake)${proxyListener ? ", or a PROXY protocol header (it sits behind a load balancer)" : ""}.`,
    [
      "A plain or STARTTLS client on an implicit-TLS port (465 by convention) waits for a banner that only comes after the handshake.",
      ...(proxyListener ? ["The listener expects a PROXY protocol header first (an MTA behind HAProxy or an AWS Network Load Balancer with the PROXY protocol on) and waits for it."] : []),
      "A firewall silently drops the connection's packets, or the server tarpits longer than the timeout.",
    ],
    [
      `Try \`tls: implicit\`; check by hand: \`openssl s_client -connect ${p.host}:${p.port} -crlf\`.`,
      ...(proxyListener ? ["If the MTA sits behind a load balancer that speaks the PROXY protocol, probe it the way the balancer does: `proxy-protocol: v1` (or `v2`; CLI `--proxy-protocol v1`)."] : []),
      "If that also hangs, look for a firewall dropping packets.",
    ]), summary: "no greeting: the port expects implicit TLS, or waits for something else first" }];
};

/**
 * A PROXY header sent to a server that does not expect one: it reads `PROXY TCP4 …` (or the v2
 * signature) as a command and answers it — a reply no command was waiting for, so the session
 * counted it as unsolicited. The probe's NOOP barrier after the greeting (engine/probe.ts) sees
 * that reply in every run, whatever the timing; how many replies came before the probe stopped
 * does vary, so the message does not count them. One finding for the cause (replies.ts leaves
 * it to this rule).
 */
export const proxyHeaderUnexpected: Rule = (p) =>
  p.proxyProtocol && p.unsolicitedReplies > 0
    ? [finding("proxy-header-unexpected", "error", null,
        `smtp-gate sent a PROXY protocol ${p.proxyProtocol} header first, and the server greeted, then answered the header as a command (a reply no command was waiting for): this listener does not expect the PROXY protocol.`,
        ["The target is the MTA itself, not a listener behind a PROXY-protocol load balancer; or the MTA's PROXY support is off (Postfix: postscreen_upstream_proxy_protocol is empty)."],
        ["Probe without `proxy-protocol`, or point it at the port that sits behind the load balancer.", "If the MTA should take the header (it is behind HAProxy or an NLB with proxy protocol on), enable it there (Postfix: `postscreen_upstream_proxy_protocol = haproxy` on the postscreen listener)."])]
    : [];
