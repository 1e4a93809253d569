/**
 * Rules about individual replies: why a refusal happened (its root cause, contract §8), and
 * replies that break the protocol. The cause is decided from the reply's facts by the knowledge
 * tables (knowledge/root-cause.ts), then weighed with the conversation around it here.
 */
import { decideCause, phaseOfVerb } from "../knowledge/root-cause.js";
import { replyWords } from "../protocol/reply.js";
import { namedList } from "../knowledge/blocklists.js";
import { CAUSE_ENTRIES, fixesFor, pickFixes, type FixRow } from "../knowledge/root-causes.js";
import { findExtension } from "../protocol/ehlo.js";
import type { ProbeOutcome } from "../engine/result.js";
import type { StepResult } from "../model/report.js";
import { sequenceStoppedBy } from "../engine/verdict.js";
import type { RootCause } from "../model/enums.js";
import { suggestCommand } from "./advertised.js";
import { domainlessAddress, heloRefused } from "./sender.js";
import { differential, forTarget, serverFamily, tlsActiveAt } from "./evidence.js";
import { requiredStartTlsRefused } from "./tls.js";
import { proxyHeaderFromBalancer } from "./middlebox.js";
import { codeText, finding, perStep, quoted, severityOf, type Rule } from "./rule.js";

/** Every step that did not pass gets a finding with its root cause. */
export const rejectedSteps: Rule = (p) =>
  perStep(p, (s, i) => {
    // A step whose failure is the session error (a TLS handshake after STARTTLS's 220) is explained by that error;
    // a reply that follows from an earlier refusal is covered by that refusal's finding.
    if (!s.reply || p.error?.step === i || explainedByCheck(s) || s.consequenceOf !== undefined) return null;
    if (s.verdict === "pass") return hungUp(p, i);
    if (starttlsRefusedUnadvertised(p) === i || heloRefused(p) === i) return null;
    if (s.class === "success" || s.class === "intermediate") {
      return finding("unexpected-acceptance", severityOf(s), i,
        `${quoted(s)} was answered ${codeText(s)} while ${s.expected} was expected: the server accepted what the test says it must refuse.`,
        ["The server's policy is more permissive than the test expects (for example an unknown user accepted and bounced later)."],
        ["Check the MTA's restrictions for this command; if the new behaviour is intended, change the step's `=> EXPECT`."]);
    }
    const r = s.reply;
    const { id, cause, also, note, meaning, title: ownTitle, fix, fixes } = rootCauseAt(p, i);
    const where = s.command === null || s.phase.startsWith('sending "') ? "" : ` while ${s.phase}`;
    const suggestion = r.code === 500 || r.code === 502 ? suggestCommand(p, i) : null;
    const stopped = sequenceStoppedBy(s);
    const required = requiredStartTlsRefused(p) === i
      ? " STARTTLS is required (tls: starttls): the refusal is temporary and on the server's side, but nothing after STARTTLS was tested, so the target fails."
      : stopped
        ? ` The refusal is temporary and on the server's side, but it came ${stopped === "greeting" ? "instead of the greeting" : "to EHLO"}: nothing of the production sequence was tested, so the target fails.`
        : "";
    const title = ownTitle ?? (cause === "other" ? id.replace(/-/g, " ") : CAUSE_ENTRIES[cause].title);
    const message = `${quoted(s)} was answered ${codeText(s)} (${title})${where}; ${s.expected} was expected.${note}${suggestion ? ` ${suggestion.sentence}` : ""}${sizeNote(p.extensions, r.code)}${required}`;
    const advice = EVIDENCE_WEIGHED.has(id) ? differential(id, p, i, { leadFixes: suggestion?.fixes ?? [] }) : adviceFor(p, i, { cause, also, meaning, fix, fixes }, [...(suggestion?.fixes ?? []), ...(fix ? [fix] : [])]);
    return finding(id, required ? "error" : severityOf(s), i, message, advice.causes, withFallback(advice.fixes), advice.ruledOut, cause);
  });

/**
 * Finding ids whose causes carry conditions on the conversation (knowledge/candidate-causes.ts): the
 * differential weighs them (an unknown command: the appliance, the line endings, the TLS stream).
 */
export const EVIDENCE_WEIGHED: ReadonlySet<string> = new Set(["address-verification-refused", "command-unrecognized", "command-not-implemented", "auth-failed", "starttls-required-first", "starttls-repeated", "recipient-expansion-failed"]);

/** The finding id of a root cause, where the report has long had one of its own. */
const FINDING_ID: Partial<Record<RootCause, string>> = {
  "unknown-recipient": "unknown-user", "relay-denied": "relay-denied", "auth-failed": "auth-failed", "auth-required": "auth-required",
  "tls-required": "starttls-required-first", "tls-unavailable": "tls-unavailable", "command-unrecognized": "command-unrecognized",
  "service-unavailable": "service-closing", "message-too-big": "message-too-large", "ip-reputation": "blocklisted",
  "greylisted": "greylisted", "too-many-recipients": "too-many-recipients", "server-resource": "server-storage",
};

/** Ids for a refusal whose cause the reply does not decide, by code (RFC 5321 §4.2.2). */
const ID_BY_CODE: Readonly<Record<number, string>> = {
  421: "service-closing", 450: "mailbox-busy", 451: "local-error", 452: "insufficient-storage", 454: "temporary-failure",
  500: "command-unrecognized", 501: "syntax-error", 502: "command-not-implemented", 503: "bad-sequence",
  504: "parameter-not-implemented", 521: "no-mail-accepted", 530: "auth-or-tls-required", 550: "mailbox-unavailable",
  551: "user-not-local", 552: "message-too-large", 553: "mailbox-name-not-allowed", 554: "transaction-failed", 524: "recipient-expansion-failed",
  555: "parameters-not-recognized", 556: "domain-accepts-no-mail",
};

interface RootCauseAt {
  id: string;
  cause: RootCause;
  also: RootCause[];
  /** What the reply says when its cause is outside the vocabulary or the product reads its code its own way, and what to do. */
  meaning?: string;
  /** The headline of that reading, in place of the cause's title. */
  title?: string;
  fix?: string;
  /** The product's own fixes for that reading, in place of the cause's. */
  fixes?: readonly FixRow[];
  note: string;
}

/** The root cause of step `i`'s reply: what the reply decides, weighed with the conversation (TLS, login, the recipient's domain). */
export function rootCauseAt(p: ProbeOutcome, i: number): RootCauseAt {
  const s = p.steps[i] as StepResult;
  const r = s.reply as NonNullable<StepResult["reply"]>;
  const verb = s.verb;
  const decision = decideCause({ phase: phaseOfVerb(verb), code: r.code, enhanced: r.enhanced, text: replyWords(r.lines), family: serverFamily(p) });
  let cause = decision.cause;
  let also = decision.also;
  let note = "";
  // A refused second STARTTLS: the session is already encrypted (RFC 3207 §4.2), nothing is wrong with TLS.
  if (verb === "STARTTLS" && tlsActiveAt(p, i) && [454, 503, 554].includes(r.code)) return { id: "starttls-repeated", cause: "bad-sequence", also: [], note };
  // VRFY and EXPN refused by policy (Exim's "550 Administrative prohibition"): not a mailbox or relay refusal (RFC 5321 §3.5.3, §7.3).
  if ((verb === "VRFY" || verb === "EXPN") && r.code >= 500 && r.code !== 500 && r.code !== 502) {
    return { id: "address-verification-refused", cause: "other", also: [], note, title: `the server does not answer ${verb}` };
  }
  // RFC 3463 X.2.4: an alias or list that expanded to nothing deliverable.
  if (verb === "RCPT" && /^[45]\.2\.4$/.test(r.enhanced ?? "")) return { id: "recipient-expansion-failed", cause: "other", also: ["unknown-recipient", "server-lookup-failure"], note };
  // "530 … STARTTLS" on a session already in TLS asks for something else: authentication.
  if (cause === "tls-required" && tlsActiveAt(p, i)) cause = "auth-required";
  if (decision.contextual && also.includes("auth-required") && !loggedIn(p, i) && findExtension(p.extensions, "AUTH") && p.port !== 25) {
    cause = "auth-required";
    also = [];
    note = ` The reply does not say why, but the session did not log in on port ${p.port}, where the server offers AUTH.`;
  } else if (decision.contextual && verb === "RCPT" && (cause === "unknown-recipient" || cause === "other")) {
    const relay = inferredRelay(p, i);
    if (relay) {
      cause = "relay-denied";
      also = [];
      note = ` The reply does not say "relay", but it is a relay refusal: ${relay}.`;
    }
  }
  const id = cause === "command-unrecognized" && r.code === 502 ? "command-not-implemented"
    : FINDING_ID[cause] ?? (cause === "other" ? ID_BY_CODE[r.code] ?? "unexpected-reply" : cause);
  // The product's own reading holds only while the reply's cause stands (not once the conversation re-decided it).
  const own = cause === decision.cause;
  // An address sent without a domain, refused as malformed (501, 553, X.5.x, X.1.3/X.1.7) or in
  // words about its domain ("sender address must contain a domain"): the conversation shows the
  // syntax fault (RFC 5321 §4.1.2), whatever the words say of the sender.
  const bare = cause === "syntax-error" || cause === "sender-rejected" ? domainlessAddress(s.command, verb) : null;
  if (bare && (r.code === 501 || r.code === 553 || /^5\.(5\.\d+|1\.[37])$/.test(r.enhanced ?? "") || /domain/i.test(r.lines.join(" ")))) {
    return {
      id: FINDING_ID["syntax-error"] ?? "syntax-error", cause: "syntax-error", also: [],
      note: `${note} The address <${bare}> has no domain: RFC 5321 §4.1.2 wants local-part@domain (only <> and <postmaster> go without).`,
      fix: `Give the ${verb === "MAIL" ? "sender" : "recipient"} a fully qualified address (${bare}@ followed by a domain you own): some servers complete a bare name with a domain of their own, others refuse it (501 or 553).`,
    };
  }
  return { id, cause, also, note, ...(decision.meaning && own ? { meaning: decision.meaning } : {}), ...(decision.title && own ? { title: decision.title } : {}), ...(decision.fix && own ? { fix: decision.fix } : {}), ...(decision.fixes && own ? { fixes: decision.fixes } : {}) };
}

/** Causes and fixes from the root-cause tables: the cause, the ones the reply does not tell apart from it, and the product's own fixes first. */
function adviceFor(p: ProbeOutcome, i: number, d: Pick<RootCauseAt, "cause" | "also" | "meaning" | "fix" | "fixes">, leadFixes: readonly string[]): { causes: string[]; fixes: string[]; ruledOut: [] } {
  const family = serverFamily(p);
  const { cause, also } = d;
  const undecided = cause === "other" && also.length > 0;
  const first = d.meaning ?? (undecided
    ? `The reply does not say which of these it is; the server's log at this time tells them apart: ${also.map((c) => CAUSE_ENTRIES[c].title).join(", or ")}.`
    : `${CAUSE_ENTRIES[cause].text}${evidenceFor(p, i, cause)}`);
  const causes = [first, ...also.map((c) => CAUSE_ENTRIES[c].text)];
  // The block list or reputation system the reply names, if any: fixes name it only then.
  const list = namedList(replyWords(p.steps[i]?.reply?.lines ?? []));
  const own = d.fixes ? pickFixes(d.fixes, family, list) : undecided ? fixesFor("other", family) : fixesFor(cause, family, list);
  const fixes = [...leadFixes, ...own, ...also.flatMap((c) => fixesFor(c, family, list).slice(0, 1))];
  const rcpt = /<([^<>]+)>/.exec(p.steps[i]?.command ?? "")?.[1] ?? "ADDRESS";
  return { causes: [...new Set(causes)], fixes: [...new Set(fixes.map((f) => forTarget(f.replace(/\{rcpt\}/g, rcpt), p)))], ruledOut: [] };
}

/** What this conversation adds to a cause, as a sentence, or "". */
function evidenceFor(p: ProbeOutcome, i: number, cause: RootCause): string {
  if (cause === "relay-denied") return loggedIn(p, i) ? " Here: the session authenticated and was still refused, so this login has no relay right." : " Here: this session did not authenticate.";
  return "";
}

/**
 * A 221 to a command other than QUIT: the server ended the session on it (Postfix answers HTTP
 * and other non-SMTP commands so). The step passed its expectation, but the session is over.
 */
function hungUp(p: ProbeOutcome, i: number): ReturnType<Rule>[number] | null {
  const s = p.steps[i] as StepResult;
  const verb = s.verb;
  if (s.reply?.code !== 221 || verb === null || verb === "QUIT" || s.extra) return null;
  const { cause } = rootCauseAt(p, i);
  const entry = CAUSE_ENTRIES[cause];
  return finding("closed-on-command", "warning", i, `${quoted(s)} was answered ${codeText(s)}: the server closed the session on this command (${entry.title}).`,
    [entry.text], fixesFor(cause, serverFamily(p), namedList(replyWords(s.reply.lines))).map((f) => forTarget(f, p)), [], cause);
}

/**
 * A recipient refusal whose words do not say why (OpenSMTPD "550 Invalid recipient", a bare
 * 550) from an unauthenticated session, for a domain the server does not seem to serve, is a
 * relay refusal. Null when the session logged in or the domain is local.
 */
function inferredRelay(p: ProbeOutcome, i: number): string | null {
  if (loggedIn(p, i)) return null;
  const domain = recipientDomain(p.steps[i]?.command ?? "");
  if (!domain || servedHere(p, i, domain)) return null;
  return `the session did not authenticate and ${domain} is not a domain this server appears to serve`;
}

/** Whether the session authenticated (235) before step `i`. */
const loggedIn = (p: ProbeOutcome, i: number): boolean => p.steps.slice(1, i).some((x) => x.verb === "AUTH" && x.reply?.code === 235);

const recipientDomain = (command: string): string | null => /<[^<>@]*@([^<>\s]+)>/.exec(command)?.[1]?.toLowerCase() ?? null;

/** The last two labels: enough to tell example.net from mx.example.com's example.com. */
const base = (name: string): string => name.toLowerCase().split(".").filter(Boolean).slice(-2).join(".");

/** Whether `domain` looks like one the server receives for: its own host's domain, or one a RCPT of this session was accepted for. */
function servedHere(p: ProbeOutcome, i: number, domain: string): boolean {
  const hosts = [p.steps[0]?.reply?.lines[0], ...p.steps.filter((x) => x.verb === "EHLO" && x.class === "success").map((x) => x.reply?.lines[0])]
    .map((l) => (l ?? "").trim().split(/\s+/)[0] ?? "").filter((h) => h.includes("."));
  if (hosts.some((h) => base(h) === base(domain) || h.toLowerCase() === domain)) return true;
  return p.steps.some((x, j) => j !== i && x.verb === "RCPT" && x.class === "success" && recipientDomain(x.command ?? "") === domain);
}

/** With `tls: starttls`, the STARTTLS step the server refused without having advertised it: starttls-not-advertised covers it. */
export function starttlsRefusedUnadvertised(p: ProbeOutcome): number {
  if (p.tlsMode !== "starttls" || findExtension(p.extensionsBeforeTls ?? p.extensions, "STARTTLS")) return -1;
  return p.steps.findIndex((x) => x.verb === "STARTTLS" && x.class === "permanent");
}

/** Accepted relay RCPTs and confirming VRFYs have their own findings (policy.ts). */
function explainedByCheck(s: StepResult): boolean {
  if (s.check === "open-relay") return s.verb === "RCPT" && s.class === "success";
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
      ["Fix the reply template in the MTA or filter so the enhanced class matches the reply code (RFC 3463 §2)."]);
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
  // A PROXY header answered as a command has its own finding: smtp-gate's (connection.ts), or a
  // balancer's, whose header put the replies out of step (middlebox.ts).
  p.unsolicitedReplies && !p.proxyProtocol && !proxyHeaderFromBalancer(p)
    ? [finding("unsolicited-reply", "error", null,
        `The server talks out of turn: it sent ${p.unsolicitedReplies} repl${p.unsolicitedReplies === 1 ? "y" : "ies"} that no command was waiting for (RFC 5321 §4.3.1; with PIPELINING, RFC 2920 §3.1). They were not counted as answers, so the conversation cannot be trusted to show what the server said to each command.`,
        ["The server answers before its turn or answers a command twice (a broken or hostile SMTP implementation).", "An appliance or proxy in the path injected replies."],
        ["Read the transcript for the extra replies (marked \"unsolicited reply … discarded\"), and capture the raw stream on both sides of any appliance to see which one adds them."])]
    : [];
