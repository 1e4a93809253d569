/** Rules about individual replies: what a rejection means here, and replies that break the protocol. */
import { explain } from "../knowledge/explain.js";
import { ID_BY_CODE, matchReplyPattern } from "../knowledge/reply-patterns.js";
import { findExtension } from "../protocol/ehlo.js";
import { verbOf } from "../protocol/command.js";
import type { StepResult } from "../engine/result.js";
import { requiredStartTlsRefused } from "./tls.js";
import { unrecognizedEvidence } from "./unrecognized.js";
import { codeText, finding, perStep, quoted, severityOf, type Rule } from "./rule.js";

/** Every step that did not pass gets a finding: its family's advice, else the code's. */
export const rejectedSteps: Rule = (p) =>
  perStep(p, (s, i) => {
    // A step whose failure is the session error (a TLS handshake after STARTTLS's 220) is explained by that error.
    if (s.verdict === "pass" || !s.reply || p.error?.step === i || explainedByCheck(s)) return null;
    // A refusal that follows from an earlier one (contract §7) is covered by that one's finding.
    if (s.consequenceOf !== undefined) return null;
    const r = s.reply;
    if (s.class === "success" || s.class === "intermediate") {
      return finding("unexpected-acceptance", severityOf(s), i,
        `${quoted(s)} was answered ${codeText(s)} while ${s.expected} was expected: the server accepted what the test says it must refuse.`,
        ["The server's policy is more permissive than the test expects (for example an unknown user accepted and bounced later)."],
        ["Check the MTA's restrictions for this command; if the new behaviour is intended, change the step's `=> EXPECT`."]);
    }
    const verb = s.command === null ? "" : verbOf(s.command);
    const pattern = matchReplyPattern(r.code, r.enhanced, r.lines.join(" "), verb);
    const e = explain(r.code, r.enhanced);
    const known = "error" in e ? null : e;
    const id = pattern?.id ?? ID_BY_CODE[r.code] ?? "unexpected-reply";
    const title = pattern?.title ?? id.replace(/-/g, " ");
    const where = s.command === null || s.phase.startsWith('sending "') ? "" : ` while ${s.phase}`;
    const extra = sizeNote(p.extensions, r.code);
    // For "not recognised", the conversation itself rules causes in and out; say so first.
    const evidence = r.code === 500 || r.code === 502 ? unrecognizedEvidence(p, i) : [];
    const required = requiredStartTlsRefused(p) === i
      ? " STARTTLS is required (tls: starttls): the refusal is temporary and on the server's side, but nothing after STARTTLS was tested, so the target fails."
      : "";
    return finding(id, required ? "error" : severityOf(s), i, `${quoted(s)} was answered ${codeText(s)} (${title})${where}; ${s.expected} was expected.${extra}${required}`,
      [...evidence, ...(pattern?.causes ?? []), ...(known?.causes ?? [])].filter(unique),
      withFallback([...(pattern?.fixes ?? []), ...(known?.fixes ?? [])].filter(unique)));
  });

/** Accepted relay RCPTs and confirming VRFYs have their own findings (policy.ts). */
function explainedByCheck(s: StepResult): boolean {
  if (s.check === "open-relay") return /^RCPT\b/i.test(s.command ?? "") && s.class === "success";
  if (s.check === "vrfy") return s.reply?.code === 250 || s.reply?.code === 251;
  return false;
}

/** A code the tables do not know still gets something to do. */
function withFallback(fixes: string[]): string[] {
  return fixes.length ? fixes : ["Read the reply text: servers name the policy or limit that fired.", "Look at the MTA's log for this session's time to see why it answered so."];
}

function sizeNote(extensions: readonly string[], code: number): string {
  if (code !== 552 && code !== 452) return "";
  const size = findExtension(extensions, "SIZE");
  const limit = size ? Number(size.split(/\s+/)[1]) : NaN;
  return size ? (limit > 0 ? ` The server advertises SIZE ${limit} (${(limit / 1048576).toFixed(1)} MiB).` : " The server advertises SIZE without a fixed limit.") : "";
}

function unique(x: string, i: number, all: string[]): boolean {
  return all.indexOf(x) === i;
}

/** RFC 3463 §2 / RFC 2034: the enhanced class must agree with the reply's first digit. */
export const enhancedMismatch: Rule = (p) =>
  perStep(p, (s, i) => {
    const r = s.reply;
    if (!r?.enhanced || r.code < 200) return null;
    const first = Math.floor(r.code / 100);
    if (first === 3 || Number(r.enhanced[0]) === first) return null;
    return finding("enhanced-code-mismatch", "warning", i,
      `${quoted(s)} was answered ${r.code} with enhanced code ${r.enhanced}, whose class ${r.enhanced[0]} contradicts the reply code; clients go by the reply code, so the reply is ${first === 4 ? "transient" : first === 5 ? "permanent" : "a success"}.`,
      ["A misconfigured MTA or a filter (milter, policy service) that writes its own reply text with the wrong enhanced code.", "An appliance in the path rewrote the reply."],
      ["Fix the reply template in the MTA or filter so the enhanced class matches (Postfix sanitises such codes to X.0.0 on its client side)."]);
  });

/** Bare LF line endings violate RFC 5321 §2.3.8 and are a classic source of 500s and smuggling. */
export const bareLineFeeds: Rule = (p) => {
  const i = p.steps.findIndex((s) => s.reply && s.reply.ending !== "crlf");
  if (i === -1) return [];
  return [finding("bare-lf-replies", "warning", i, "The server's replies end lines with a bare LF instead of CRLF (RFC 5321 §2.3.8).",
    ["A proxy, load balancer or appliance in the path rewrites line endings.", "A non-standard or home-made SMTP server."],
    ["Capture the raw bytes (`openssl s_client … -crlf`, or tcpdump) on both sides of the appliances to find which one rewrites the stream."])];
};

/**
 * Replies that came before the command they would answer: the conversation is out of step, so no
 * later reply can be trusted to answer the command it seems to (RFC 5321 §4.3.1, RFC 2920 §3.1).
 * smtp-gate credits none of them to a step; the target fails, since what the server really said
 * to each command cannot be known.
 */
export const unsolicitedReplies: Rule = (p) =>
  // A PROXY header answered as a command has its own finding (connection.ts).
  p.unsolicitedReplies && !p.proxyProtocol
    ? [finding("unsolicited-reply", "error", null,
        `The server talks out of turn: it sent ${p.unsolicitedReplies} repl${p.unsolicitedReplies === 1 ? "y" : "ies"} that no command was waiting for (RFC 5321 §4.3.1; with PIPELINING, RFC 2920 §3.1). They were not counted as answers, so the conversation cannot be trusted to show what the server said to each command.`,
        ["The server answers before its turn or answers a command twice (a broken or hostile SMTP implementation).", "An appliance or proxy in the path injected replies."],
        ["Read the transcript for the extra replies (marked \"unsolicited reply … discarded\"), and capture the raw stream on both sides of any appliance to see which one adds them."])]
    : [];
