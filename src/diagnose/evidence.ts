/**
 * The differential diagnosis: the candidate causes a finding's id brings (src/knowledge/candidate-causes.ts), each
 * weighed against this conversation. A condition either rules a cause out (with the evidence
 * that does so), supports it (the supported ones go first), or says nothing. A ruled-out cause
 * takes its fixes with it, and fixes name only the recognised server's own knobs.
 */
import type { ProbeOutcome } from "../engine/result.js";
import type { RuledOut } from "../model/report.js";
import { CANDIDATE_CAUSES, DIFFERENTIALS, type CandidateCause, type CandidateCauseId, type EvidenceId } from "../knowledge/candidate-causes.js";
import { fitsFamily, pickFixes } from "../knowledge/root-causes.js";
import { SERVER_FAMILIES, type ServerFamily } from "../knowledge/servers.js";
import { isOneOf } from "../model/enums.js";
import { identifyServer } from "./prepare.js";
import { envelopePath } from "../protocol/command.js";
import { findExtension } from "../protocol/ehlo.js";

/** RFC 5321 §4.1 commands and the common extension verbs. */
export const KNOWN_VERBS = new Set(["EHLO", "HELO", "MAIL", "RCPT", "DATA", "RSET", "VRFY", "EXPN", "HELP", "NOOP", "QUIT", "STARTTLS", "AUTH", "BDAT", "ETRN", "ATRN"]);

type Weight = { out: string } | { for: string } | null;

/** Whether TLS was active when step `i` was sent. */
export function tlsActiveAt(p: ProbeOutcome, i: number): boolean {
  if (!p.tls) return false;
  if (p.tlsMode === "implicit") return true;
  const st = p.steps.findIndex((s) => s.verb === "STARTTLS" && s.reply?.code === 220);
  return st !== -1 && st < i && (p.error?.step ?? -1) !== st;
}

/** Verbs the server answered with 2xx/3xx before step `i` (its own commands, not the cleanup). */
function understoodBefore(p: ProbeOutcome, i: number, afterTls = false): string[] {
  const out = new Set<string>();
  for (let j = 1; j < i; j++) {
    const s = p.steps[j];
    if (!s?.command || s.extra === "cleanup" || (s.class !== "success" && s.class !== "intermediate")) continue;
    if (afterTls && (!tlsActiveAt(p, j) || s.verb === "STARTTLS")) continue;
    out.add(s.verb ?? "");
  }
  return [...out];
}

const bannerMasked = (p: ProbeOutcome) => p.steps[0]?.reply?.lines.some((l) => l.includes("******")) ?? false;
const xxxxSeen = (p: ProbeOutcome) => p.steps.some((s) => s.reply?.lines.some((l) => /\bX{4,}\b/.test(l)));
const ehloAnswered = (p: ProbeOutcome, i: number) => p.steps.slice(1, i).some((s) => s.verb === "EHLO" && s.class === "success");
const authenticated = (p: ProbeOutcome, i: number) => p.steps.slice(1, i).some((s) => s.verb === "AUTH" && s.reply?.code === 235);
/** The AUTH mechanism of step i: its `sasl` label for a line shown as `***`, else its command. */
const authMechanismAt = (p: ProbeOutcome, i: number) => p.steps[i]?.sasl?.mechanism ?? /^AUTH\s+(\S+)/i.exec(p.steps[i]?.command ?? "")?.[1]?.toUpperCase() ?? null;

/** The conditions, one function each. */
const CONDITIONS: Record<EvidenceId, (p: ProbeOutcome, i: number) => Weight> = {
  "line-endings": (p, i) => {
    const lf = p.steps.slice(0, i + 1).find((s) => s.reply && s.reply.ending !== "crlf");
    return lf ? { for: "the server's replies end lines with a bare LF" } : { out: "every reply ended in CRLF and every command was sent with CRLF" };
  },
  "inspecting-appliance": (p, i) => {
    if (bannerMasked(p)) return { for: "the banner is masked with asterisks" };
    if (xxxxSeen(p)) return { for: "a reply quotes a command as XXXX" };
    if (p.tlsMode === "implicit" && p.tls) return { out: "the session was encrypted from the first byte, so no appliance could read or rewrite it" };
    if (!ehloAnswered(p, i)) return null;
    const offered = findExtension(p.extensionsBeforeTls ?? p.extensions, "STARTTLS") !== undefined;
    if (tlsActiveAt(p, i)) return { out: "the banner is not masked, EHLO was answered, STARTTLS was offered and completed, and this command went encrypted" };
    if (offered) return { out: "the banner is not masked, EHLO was answered and STARTTLS was offered (an inspecting appliance masks the banner and removes STARTTLS)" };
    return null;
  },
  "tls-stream": (p, i) => {
    if (!tlsActiveAt(p, i)) return { out: "the session was not encrypted when this command was sent" };
    const after = understoodBefore(p, i, true);
    return after.length ? { out: `commands after the handshake were understood (${after.join(", ")})` } : null;
  },
  "non-smtp-proxy": (p, i) => {
    const greeted = p.steps[0]?.reply?.code === 220;
    const understood = understoodBefore(p, i);
    return greeted && understood.length ? { out: `the server greeted in SMTP and understood ${understood.join(", ")}` } : null;
  },
  "nonstandard-command": (p, i) => {
    const verb = p.steps[i]?.verb;
    if (!verb) return null;
    if (KNOWN_VERBS.has(verb)) return { out: `${verb} is a standard command (RFC 5321 or a registered extension)` };
    if (findExtension(p.extensions, verb)) return { out: `the server advertised ${verb} in its EHLO reply` };
    return { for: `"${verb}" is neither an RFC 5321 command nor an extension this server advertised` };
  },
  "feature-disabled": (p, i) => {
    const verb = p.steps[i]?.verb ?? "";
    if (!KNOWN_VERBS.has(verb)) return null;
    return findExtension(p.extensions, verb) ? null : { for: `the EHLO reply did not advertise ${verb}` };
  },
  "not-authenticated": (p, i) => (authenticated(p, i) ? { out: "the session authenticated (235) before this command" } : { for: "this session did not authenticate" }),
  "client-not-trusted": (p, i) => (authenticated(p, i) ? { for: "the session authenticated and was still refused" } : null),
  "wrong-credentials": () => null,
  "basic-auth-disabled": (p, i) => {
    const m = authMechanismAt(p, i);
    return m === "XOAUTH2" || m === "OAUTHBEARER" ? { out: `the mechanism was ${m}, not a password` } : null;
  },
  "oauth-token": (p, i) => {
    const m = authMechanismAt(p, i);
    if (m === "XOAUTH2" || m === "OAUTHBEARER") return { for: `the mechanism was ${m}` };
    return m ? { out: `the mechanism was ${m}, which sends a password, not a token` } : null;
  },
  "tls-already-active": (p, i) => (tlsActiveAt(p, i) ? { for: `TLS (${p.tls?.protocol ?? "negotiated"}) was already active on this session` } : { out: "the session was not yet encrypted" }),
  "port-25-blocked": (p) => (p.port === 25 ? null : { out: `the port is ${p.port}, not 25` }),
  "appliance-strips-starttls": (p) => {
    if (bannerMasked(p)) return { for: "the banner is masked with asterisks" };
    return findExtension(p.extensionsBeforeTls ?? p.extensions, "STARTTLS") ? { out: "the server's EHLO reply advertised STARTTLS" } : null;
  },
};

export interface Differential {
  causes: string[];
  ruledOut: RuledOut[];
  fixes: string[];
}

export interface DifferentialOptions {
  /** Causes to weigh instead of DIFFERENTIALS[id] (a rule that knows better, e.g. by TLS alert). */
  causeIds?: readonly CandidateCauseId[];
  /** Fixes that go first (a near-miss suggestion), before the table's. */
  leadFixes?: readonly string[];
}

/** Causes, ruled-out causes and fixes for finding `id` at step `i` (null: the session as a whole). */
export function differential(id: string, p: ProbeOutcome, i: number | null, o: DifferentialOptions = {}): Differential {
  const family = serverFamily(p);
  const ids = o.causeIds ?? DIFFERENTIALS[id] ?? [];
  const supported: { row: CandidateCause; text: string }[] = [];
  const neutral: { row: CandidateCause; text: string }[] = [];
  const ruledOut: RuledOut[] = [];
  for (const cid of ids) {
    const row: CandidateCause = CANDIDATE_CAUSES[cid];
    const verb = (i === null ? null : p.steps[i]?.verb) ?? "";
    if (!fitsFamily(row, family) || (row.verbs && !row.verbs.includes(verb)) || row.exceptVerbs?.includes(verb)) continue;
    const w = row.evidence ? CONDITIONS[row.evidence](p, i ?? p.steps.length) : null;
    if (w && "out" in w) {
      ruledOut.push({ cause: row.text, evidence: w.out });
    } else if (w && "for" in w) supported.push({ row, text: `${row.text} Here: ${w.for}.` });
    else neutral.push({ row, text: row.text });
  }
  const kept = [...supported, ...neutral];
  const causes = kept.map((k) => k.text);
  const fixes = [...(o.leadFixes ?? []), ...kept.flatMap((k) => pickFixes(k.row.fixes, family))];
  const path = envelopePath(i === null ? "" : (p.steps[i]?.command ?? ""));
  const rcpt = path?.verb === "RCPT" && path.path ? path.path : "ADDRESS";
  return { causes: unique(causes), ruledOut, fixes: unique(fixes.map((f) => forTarget(f.replace(/\{rcpt\}/g, rcpt), p))) };
}

/**
 * The family whose settings hold this port's TLS (versions, certificate, chain): the recognised
 * server's, or null when a box stands in front of it (`server.via`), since the box may be what
 * terminates TLS and the MTA's settings would then change nothing.
 */
export function tlsFamily(p: ProbeOutcome): ServerFamily | null {
  return p.server?.via ? null : serverFamily(p);
}

/** The recognised server's family: as recorded on the outcome, else from what it said. */
export function serverFamily(p: ProbeOutcome): ServerFamily | null {
  const family = (p.server !== undefined ? p.server : identifyServer(p))?.family;
  return isOneOf(SERVER_FAMILIES, family) ? family : null;
}

/** Host and port as `openssl -connect` wants them (IPv6 in brackets). */
function hostPort(p: ProbeOutcome): string {
  return `${p.host.includes(":") ? `[${p.host}]` : p.host}:${p.port}`;
}

/** A runnable `openssl s_client` line for this target, in its TLS mode. */
export function opensslLine(p: ProbeOutcome): string {
  return p.tlsMode === "implicit"
    ? `openssl s_client -connect ${hostPort(p)} -crlf`
    : `openssl s_client -starttls smtp -connect ${hostPort(p)} -crlf`;
}

/**
 * Fills the placeholders of a fix for this target: {openssl} (an `openssl s_client` line in its
 * TLS mode), {nc}, {host}, {port}, {hostport}.
 */
export function forTarget(text: string, p: ProbeOutcome): string {
  return text
    .replace(/\{openssl\}/g, opensslLine(p))
    .replace(/\{nc\}/g, `nc -v ${p.host} ${p.port}`)
    .replace(/\{hostport\}/g, hostPort(p))
    .replace(/\{host\}/g, p.host)
    .replace(/\{port\}/g, String(p.port));
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
