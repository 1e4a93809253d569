/**
 * Diagnosis: small rules over a finished probe, each returning findings. Rules read the
 * knowledge tables; none of them touches a socket.
 */
import type { Finding, Severity, StepResult } from "../engine/result.js";
import type { ProbeOutcome } from "../engine/probe.js";
import { findExtension } from "../protocol/ehlo.js";
import { explain } from "../knowledge/explain.js";
import { ERROR_ADVICE } from "../knowledge/error-kinds.js";

export type Rule = (p: ProbeOutcome) => Finding[];

/** Finding ids for rejected steps, by reply code; anything else is `unexpected-reply`. */
const ID_BY_CODE: Record<number, string> = {
  421: "service-closing",
  450: "mailbox-busy",
  451: "local-error",
  452: "insufficient-storage",
  454: "temporary-failure",
  500: "command-unrecognized",
  501: "syntax-error",
  502: "command-not-implemented",
  503: "bad-sequence",
  504: "parameter-not-implemented",
  530: "auth-or-tls-required",
  534: "auth-mechanism-too-weak",
  535: "auth-failed",
  538: "encryption-required",
  550: "mailbox-unavailable",
  551: "user-not-local",
  552: "message-too-large",
  553: "mailbox-name-not-allowed",
  554: "transaction-failed",
  555: "parameters-not-recognized",
};

const severityOf = (s: StepResult): Severity => (s.verdict === "fail" ? "error" : "warning");

/** Every step that did not pass gets a finding with what the code means and what to do. */
export const rejectedSteps: Rule = (p) =>
  p.steps.flatMap((s, i): Finding[] => {
    if (s.verdict === "pass" || !s.reply) return [];
    const r = s.reply;
    const what = s.command === null ? "The greeting" : `"${s.command}"`;
    const codeText = `${r.code}${r.enhanced ? ` ${r.enhanced}` : ""}`;
    const e = explain(r.code, r.enhanced);
    const known = "error" in e ? null : e;
    const id = ID_BY_CODE[r.code] ?? "unexpected-reply";
    if (s.class === "success" || s.class === "intermediate") {
      return [{
        id: "unexpected-acceptance", severity: severityOf(s), step: i,
        message: `${what} was answered ${codeText} while ${s.expected} was expected: the server accepted what the test says it must refuse.`,
        causes: ["The server's policy is more permissive than the test expects (for example an open relay, or an unknown user accepted and bounced later)."],
        fixes: ["Check the MTA's restrictions for this command; if the new behaviour is intended, change the step's `=> EXPECT`."],
      }];
    }
    return [{
      id, severity: severityOf(s), step: i,
      message: `${what} was answered ${codeText} (${id.replace(/-/g, " ")})${s.command === null || s.phase.startsWith("sending \"") ? "" : ` while ${s.phase}`}; ${s.expected} was expected.`,
      causes: known?.causes ?? [],
      fixes: known?.fixes ?? [],
    }];
  });

/** A session that ended without a reply: what each error kind usually means. */
export const sessionError: Rule = (p) => {
  if (!p.error) return [];
  const a = ERROR_ADVICE[p.error.kind];
  return [{ id: a.id, severity: "error", step: p.error.step, message: `${cap(p.error.message)}.`, causes: a.causes, fixes: a.fixes }];
};

/** Contract §2: with `tls: starttls`, a server that does not advertise STARTTLS is an error. */
export const starttlsNotAdvertised: Rule = (p) => {
  if (p.tlsMode !== "starttls") return [];
  const ehlo = p.steps.findIndex((s) => /^(EHLO|HELO)\b/i.test(s.command ?? "") && s.reply?.code === 250);
  if (ehlo === -1) return [];
  const before = p.extensionsBeforeTls ?? p.extensions;
  if (findExtension(before, "STARTTLS")) return [];
  return [{
    id: "starttls-not-advertised", severity: "error", step: ehlo,
    message: `STARTTLS is required (tls: starttls) but the server did not advertise it; it offered: ${before.length ? before.join(", ") : "no extensions"}.`,
    causes: [
      "An SMTP-inspecting firewall or security appliance (such as Cisco ASA ESMTP inspection) removed STARTTLS from the EHLO reply.",
      "TLS is not configured on this listener (no certificate, or smtpd_tls_security_level = none).",
    ],
    fixes: [
      "Compare with `openssl s_client -starttls smtp -connect HOST:PORT -crlf` from inside the network; if STARTTLS appears there, an appliance in the path strips it: disable its SMTP inspection.",
      "Enable STARTTLS in the MTA (Postfix: smtpd_tls_security_level = may, with smtpd_tls_chain_files).",
    ],
  }];
};

/** Bare LF line endings violate RFC 5321 §2.3.8 and are a classic source of 500s and smuggling. */
export const bareLineFeeds: Rule = (p) => {
  const i = p.steps.findIndex((s) => s.reply && s.reply.ending !== "crlf");
  if (i === -1) return [];
  return [{
    id: "bare-lf-replies", severity: "warning", step: i,
    message: "The server's replies end lines with a bare LF instead of CRLF (RFC 5321 §2.3.8).",
    causes: ["A proxy, load balancer or appliance in the path rewrites line endings.", "A non-standard or home-made SMTP server."],
    fixes: ["Capture the raw bytes (`openssl s_client … -crlf`, or tcpdump) on both sides of the appliances to find which one rewrites the stream."],
  }];
};

/** Replies that came before the command they would answer: an early talker or a desynchronised peer. */
export const unsolicitedReplies: Rule = (p) =>
  p.unsolicitedReplies
    ? [{
        id: "unsolicited-reply", severity: "warning", step: null,
        message: `The server sent ${p.unsolicitedReplies} repl${p.unsolicitedReplies === 1 ? "y" : "ies"} before the command it answered was sent.`,
        causes: ["The server talks before its turn (RFC 5321 §4.3.1 lockstep), or an appliance injected a reply.", "A reply to an earlier command came twice."],
        fixes: ["Read the transcript for the extra reply; check the MTA and the appliances in the path."],
      }]
    : [];

export const RULES: readonly Rule[] = [sessionError, rejectedSteps, starttlsNotAdvertised, bareLineFeeds, unsolicitedReplies];

export function diagnose(p: ProbeOutcome, rules: readonly Rule[] = RULES): Finding[] {
  return rules.flatMap((r) => r(p));
}

function cap(s: string): string {
  return s.replace(/^./, (c) => c.toUpperCase());
}
