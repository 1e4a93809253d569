/**
 * A 500/502 in context. The generic causes of "command unrecognized" (an inspecting firewall,
 * a corrupted TLS stream, bare LF, a proxy, a non-standard command) are weighed against what
 * this very conversation shows, so the user reads which ones it rules out and which remains.
 */
import type { ProbeOutcome } from "../engine/result.js";
import { verbOf } from "../protocol/command.js";
import { findExtension } from "../protocol/ehlo.js";

/** RFC 5321 §4.1 commands and the common extension verbs. */
const KNOWN_VERBS = new Set(["EHLO", "HELO", "MAIL", "RCPT", "DATA", "RSET", "VRFY", "EXPN", "HELP", "NOOP", "QUIT", "STARTTLS", "AUTH", "BDAT", "ETRN", "ATRN"]);

/** Sentences about step `i`'s 500/502, from the rest of the session; empty when nothing is known. */
export function unrecognizedEvidence(p: ProbeOutcome, i: number): string[] {
  const step = p.steps[i];
  if (!step?.command) return [];
  const verb = verbOf(step.command);
  const understood = [...new Set(p.steps.slice(1, i).filter((s) => s.command && s.class === "success" && !s.extra).map((s) => verbOf(s.command as string)))];
  const out: string[] = [];
  if (!KNOWN_VERBS.has(verb) && !findExtension(p.extensions, verb)) {
    out.push(`"${verb}" is neither an RFC 5321 command nor an extension this server advertised here, so the command itself is the likeliest cause.`);
  }
  if (understood.length) out.push(`Earlier in this session the server understood ${understood.join(", ")}, so the connection and its framing work.`);
  if (p.steps.slice(0, i + 1).every((s) => !s.reply || s.reply.ending === "crlf")) out.push("In this session the server's replies end in CRLF and smtp-gate sends CRLF, so line endings are not the cause here.");
  const afterTls = p.tls ? p.steps.slice(1, i).filter((s) => s.class === "success" && s.command && !/^STARTTLS$/i.test(s.command)).length : 0;
  if (p.tls && afterTls > 0 && (p.tlsMode === "implicit" || p.steps.findIndex((s) => /^STARTTLS$/i.test(s.command ?? "")) < i)) {
    out.push(`In this session TLS (${p.tls.protocol}) was negotiated and commands after it were understood, so the TLS stream is intact.`);
  }
  const banner = p.steps[0]?.reply?.lines.join(" ") ?? "";
  const starttlsSeen = p.tls !== null || findExtension(p.extensionsBeforeTls ?? p.extensions, "STARTTLS") !== undefined;
  if (!/\*{6,}/.test(banner) && starttlsSeen) out.push("In this session the banner is not masked and STARTTLS was offered, which argues against an SMTP-inspecting firewall.");
  return out;
}
