/** Rules about individual replies: what a rejection means here, and replies that break the protocol. */
import { DIAGNOSES } from "../knowledge/causes.js";
import { explain } from "../knowledge/explain.js";
import { ID_BY_CODE, matchReplyPattern, replyPatterns, type ReplyPattern } from "../knowledge/reply-patterns.js";
import { findExtension } from "../protocol/ehlo.js";
import { verbOf } from "../protocol/command.js";
import type { ProbeOutcome, StepResult } from "../engine/result.js";
import { sequenceStoppedBy } from "../engine/verdict.js";
import { suggestCommand } from "./advertised.js";
import { differential, namesOtherProduct, serverFamily, tlsActiveAt } from "./evidence.js";
import { requiredStartTlsRefused } from "./tls.js";
import { codeText, finding, perStep, quoted, severityOf, type Rule } from "./rule.js";

/** Every step that did not pass gets a finding: its family's advice, else the code's. */
export const rejectedSteps: Rule = (p) =>
  perStep(p, (s, i) => {
    // A step whose failure is the session error (a TLS handshake after STARTTLS's 220) is explained by that error;
    // a reply that follows from an earlier refusal is covered by that refusal's finding.
    if (s.verdict === "pass" || !s.reply || p.error?.step === i || explainedByCheck(s) || s.consequenceOf !== undefined) return null;
    if (starttlsRefusedUnadvertised(p) === i) return null;
    const r = s.reply;
    if (s.class === "success" || s.class === "intermediate") {
      return finding("unexpected-acceptance", severityOf(s), i,
        `${quoted(s)} was answered ${codeText(s)} while ${s.expected} was expected: the server accepted what the test says it must refuse.`,
        ["The server's policy is more permissive than the test expects (for example an unknown user accepted and bounced later)."],
        ["Check the MTA's restrictions for this command; if the new behaviour is intended, change the step's `=> EXPECT`."]);
    }
    const { id, title, pattern, note } = familyOf(p, i);
    const e = explain(r.code, r.enhanced);
    const known = "error" in e ? null : e;
    const where = s.command === null || s.phase.startsWith('sending "') ? "" : ` while ${s.phase}`;
    const extra = sizeNote(p.extensions, r.code);
    const suggestion = r.code === 500 || r.code === 502 ? suggestCommand(p, i) : null;
    const stopped = sequenceStoppedBy(s);
    const required = requiredStartTlsRefused(p) === i
      ? " STARTTLS is required (tls: starttls): the refusal is temporary and on the server's side, but nothing after STARTTLS was tested, so the target fails."
      : stopped
        ? ` The refusal is temporary and on the server's side, but it came ${stopped === "greeting" ? "instead of the greeting" : "to EHLO"}: nothing of the production sequence was tested, so the target fails.`
        : "";
    const covered = DIAGNOSES[id] !== undefined;
    const family = serverFamily(p);
    // Table-covered ids get the table's weighed causes only; the rest get their family's and the code's, minus other products' knobs.
    const general = covered ? { causes: [], fixes: [] } : {
      causes: [...(pattern?.causes ?? []), ...(known?.causes ?? [])].filter((c) => !namesOtherProduct(c, family)),
      fixes: [...(pattern?.fixes ?? []), ...(known?.fixes ?? [])].filter((f) => !namesOtherProduct(f, family)),
    };
    const d = differential(id, p, i, { general, leadFixes: suggestion?.fixes ?? [] });
    const message = `${quoted(s)} was answered ${codeText(s)} (${title})${where}; ${s.expected} was expected.${note}${suggestion ? ` ${suggestion.sentence}` : ""}${extra}${required}`;
    return finding(id, required ? "error" : severityOf(s), i, message, d.causes, withFallback(d.fixes), d.ruledOut);
  });

/** The reply family of step `i`, read with the conversation around it (the session's TLS and login, the recipient's domain). */
function familyOf(p: ProbeOutcome, i: number): { id: string; title: string; pattern: ReplyPattern | undefined; note: string } {
  const s = p.steps[i] as StepResult;
  const r = s.reply as NonNullable<StepResult["reply"]>;
  const verb = s.command === null ? "" : verbOf(s.command);
  let pattern = matchReplyPattern(r.code, r.enhanced, r.lines.join(" "), verb);
  let note = "";
  // "530 … STARTTLS" on a session already in TLS asks for something else: authentication.
  if (pattern?.id === "starttls-required-first" && tlsActiveAt(p, i)) pattern = replyPatterns().find((x) => x.id === "auth-required");
  // 454 to a second STARTTLS: the session is already encrypted, nothing is wrong with the certificate.
  if (verb === "STARTTLS" && r.code === 454 && tlsActiveAt(p, i)) pattern = replyPatterns().find((x) => x.id === "starttls-repeated");
  const relay = verb === "RCPT" ? inferredRelay(p, i, pattern?.id) : null;
  if (relay) {
    pattern = replyPatterns().find((x) => x.id === "relay-denied");
    note = ` The reply does not say "relay", but it is a relay refusal: ${relay}.`;
  }
  const id = pattern?.id ?? ID_BY_CODE[r.code] ?? "unexpected-reply";
  return { id, title: pattern?.title ?? id.replace(/-/g, " "), pattern, note };
}

/**
 * A 550/551/553/554 to RCPT from an unauthenticated session, for a domain the server does not
 * seem to serve, is a relay refusal whatever its words (OpenSMTPD "550 Invalid recipient",
 * Haraka "550 I cannot deliver mail for <…>", Exim "550 relay not permitted"). Null when the
 * reply names its own reason (a blocklist, an unknown user by enhanced code) or the domain is local.
 */
function inferredRelay(p: ProbeOutcome, i: number, patternId: string | undefined): string | null {
  const s = p.steps[i] as StepResult;
  const r = s.reply;
  if (!r || ![550, 551, 553, 554].includes(r.code) || patternId === "relay-denied" || patternId === "blocklisted" || patternId === "recipient-expansion-failed") return null;
  if (r.enhanced && /^5\.1\.[16]$/.test(r.enhanced)) return null;
  if (p.steps.slice(1, i).some((x) => /^AUTH\b/i.test(x.command ?? "") && x.reply?.code === 235)) return null;
  const domain = recipientDomain(s.command ?? "");
  if (!domain || servedHere(p, i, domain)) return null;
  return `the session did not authenticate and ${domain} is not a domain this server appears to serve`;
}

const recipientDomain = (command: string): string | null => /<[^<>@]*@([^<>\s]+)>/.exec(command)?.[1]?.toLowerCase() ?? null;

/** The last two labels: enough to tell example.net from mx.example.com's example.com. */
const base = (name: string): string => name.toLowerCase().split(".").filter(Boolean).slice(-2).join(".");

/** Whether `domain` looks like one the server receives for: its own host's domain, or one a RCPT of this session was accepted for. */
function servedHere(p: ProbeOutcome, i: number, domain: string): boolean {
  const hosts = [p.steps[0]?.reply?.lines[0], ...p.steps.filter((x) => /^EHLO\b/i.test(x.command ?? "") && x.class === "success").map((x) => x.reply?.lines[0])]
    .map((l) => (l ?? "").trim().split(/\s+/)[0] ?? "").filter((h) => h.includes("."));
  if (hosts.some((h) => base(h) === base(domain) || h.toLowerCase() === domain)) return true;
  return p.steps.some((x, j) => j !== i && /^RCPT\b/i.test(x.command ?? "") && x.class === "success" && recipientDomain(x.command ?? "") === domain);
}

/** With `tls: starttls`, the STARTTLS step the server refused without having advertised it: starttls-not-advertised covers it. */
export function starttlsRefusedUnadvertised(p: ProbeOutcome): number {
  if (p.tlsMode !== "starttls" || findExtension(p.extensionsBeforeTls ?? p.extensions, "STARTTLS")) return -1;
  return p.steps.findIndex((x) => /^STARTTLS\s*$/i.test(x.command ?? "") && x.class === "permanent");
}

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
