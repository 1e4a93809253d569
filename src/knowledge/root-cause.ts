/**
 * Deciding the root cause of one reply from its facts: the tiers of cause-signs.ts in order of
 * weight, each sign checked against the reply's class (a greylisting is never a 5xx). Pure and
 * table-driven; what the conversation around the reply adds (a login, a TLS session, the
 * recipient's domain) is weighed by the caller (src/diagnose/replies.ts).
 */
import { CODE_SIGNS, REGISTRY_SIGNS, VENDOR_SIGNS, WORD_SIGNS, type CauseSign, type Phase } from "./cause-signs.js";
import { causeFitsClass, fitsFamily, type FixRow, type RootCause } from "./root-causes.js";
import type { ServerFamily } from "./servers.js";
import { lineWords } from "../protocol/reply.js";

export interface ReplyFacts {
  phase: Phase;
  code: number;
  /** As sent, or null. */
  enhanced: string | null;
  /** The reply's words (`replyWords`): its lines joined by a space, each without its enhanced code. A leading code is dropped here too. */
  text: string;
  family: ServerFamily | null;
}

export interface CauseDecision {
  cause: RootCause;
  /** Causes the reply does not tell apart from `cause`. */
  also: RootCause[];
  /** The conversation may change it (a recipient refusal that may be a relay refusal). */
  contextual: boolean;
  /** What the reply says when its cause is outside the vocabulary (`other`) or the product reads its code its own way, and what to do. */
  meaning: string | null;
  /** The headline of the product's own reading, when the cause's title would misstate it (cause-signs.ts `title`). */
  title: string | null;
  fix: string | null;
  /** The fixes of the product's own reading, in place of the cause's (cause-signs.ts `fixes`). */
  fixes: readonly FixRow[] | null;
  /** Which tier decided: the vendor's meaning, the words, the registry, or the basic code. */
  by: "vendor" | "words" | "registry" | "code" | "none";
  source: string | null;
}

const TIERS: readonly [CauseDecision["by"], readonly CauseSign[]][] = [
  ["vendor", VENDOR_SIGNS], ["words", WORD_SIGNS], ["registry", REGISTRY_SIGNS], ["code", CODE_SIGNS],
];

/**
 * The enhanced code of a reply: as sent, or the one qmail and Cisco write into the text
 * ("(#5.3.4)" at the end, "#4.4.3" at the start) when the reply carries none.
 */
export function enhancedOf(enhanced: string | null, text: string): string | null {
  if (enhanced) return enhanced;
  return /(?:^#|\(#)([245]\.\d{1,3}\.\d{1,3})\b/.exec(text.trim())?.[1] ?? null;
}

function enhancedMatches(sign: CauseSign, enhanced: string | null): boolean {
  if (!sign.enhanced) return true;
  if (!enhanced) return false;
  if (sign.enhanced instanceof RegExp) return sign.enhanced.test(enhanced);
  const anyClass = `X${enhanced.slice(1)}`;
  return sign.enhanced.includes(enhanced) || sign.enhanced.includes(anyClass);
}

/**
 * The enhanced-code subjects (RFC 3463 §2) a cause can come with: a 5.7.x policy refusal is never
 * "the recipient does not exist". Causes not listed fit any subject.
 */
const SUBJECTS: Partial<Record<RootCause, readonly number[]>> = {
  "unknown-recipient": [1, 0, 2, 4], "mailbox-full": [2, 0], "mailbox-disabled": [2, 0, 7], "message-too-big": [2, 3, 0],
  "too-many-recipients": [5, 0, 4], "syntax-error": [1, 5, 0], "command-unrecognized": [5, 3, 0], "bad-sequence": [5, 0],
};

/** Whether an enhanced code's subject is security or policy (RFC 3463 §3.8, X.7.x). */
function isPolicySubject(enhanced: string | null): boolean {
  return enhanced?.split(".")[1] === "7";
}

/** Whether a cause fits the subject of an enhanced code (any cause, without one). */
export function causeFitsSubject(cause: RootCause, enhanced: string | null): boolean {
  const subjects = SUBJECTS[cause];
  return !enhanced || !subjects || subjects.includes(Number(enhanced.split(".")[1]));
}

function signMatches(sign: CauseSign, f: ReplyFacts, enhanced: string | null, words: string): boolean {
  return fitsFamily(sign, f.family) &&
    (!sign.phases || sign.phases.includes(f.phase)) &&
    (!sign.codes || sign.codes.includes(f.code)) &&
    enhancedMatches(sign, enhanced) &&
    (!sign.words || sign.words.test(words));
}

/** The root cause a reply's facts support, weighed tier by tier; `other` when none decides. */
export function decideCause(f: ReplyFacts): CauseDecision {
  const enhanced = enhancedOf(f.enhanced, f.text);
  const words = lineWords(f.text);
  const first = Math.floor(f.code / 100);
  const cls = first === 4 ? "transient" : first === 5 ? "permanent" : null;
  for (const [by, signs] of TIERS) {
    // A success or intermediate reply is a refusal only by its words (Postfix's 221 to HTTP).
    if (cls === null && by !== "words") continue;
    for (const sign of signs) {
      if (!signMatches(sign, f, enhanced, words)) continue;
      if (cls !== null && sign.cause !== "other" && !causeFitsClass(sign.cause, cls)) continue;
      // The basic code says less than the enhanced code's subject: a 550 5.7.1 is not "no such user". Nor do words that
      // leave the cause to the conversation outweigh a policy subject (X.7.x: Postfix's check_recipient_access REJECT,
      // "Recipient address rejected: Access denied"); other subjects stay theirs (Outlook.com's 5.5.0 mailbox unavailable).
      if (by === "code" && !causeFitsSubject(sign.cause, enhanced)) continue;
      if (sign.contextual === true && isPolicySubject(enhanced) && !causeFitsSubject(sign.cause, enhanced)) continue;
      const also = (sign.also ?? []).filter((c) => cls === null || causeFitsClass(c, cls));
      return { cause: sign.cause, also, contextual: sign.contextual === true, meaning: sign.meaning ?? null, title: sign.title ?? null, fix: sign.fix ?? null, fixes: sign.fixes ?? null, by, source: sign.source };
    }
  }
  return { cause: "other", also: [], contextual: false, meaning: null, title: null, fix: null, fixes: null, by: "none", source: null };
}

/** The phase a step's reply answered, from its verb: the greeting, the end of the message, or the verb. */
export function phaseOfVerb(verb: string | null): Phase {
  return verb === null ? "CONNECT" : verb === "." ? "END-OF-DATA" : verb;
}

/** A cause a code can stand for, with where it applies: the phase, the product. */
export interface CodeCause {
  cause: RootCause;
  also: readonly RootCause[];
  phases: readonly Phase[] | null;
  families: readonly ServerFamily[] | null;
  by: CauseDecision["by"];
  source: string;
  /** The product's own reading of the code, when it has one (cause-signs.ts `meaning`, `fixes`). */
  meaning: string | null;
  fixes: readonly FixRow[] | null;
}

/**
 * Every cause a code can stand for without its words (for `explain`): the vendors' meanings of the
 * enhanced code, the registry's, then the basic code's at each phase; each fitting the code's class
 * and the enhanced code's subject.
 */
export function causesOfCode(code: number | null, enhanced: string | null): CodeCause[] {
  const first = code !== null ? Math.floor(code / 100) : Number(enhanced?.[0]);
  const cls = first === 4 ? "transient" : first === 5 ? "permanent" : null;
  if (cls === null) return [];
  const out: CodeCause[] = [];
  for (const [by, signs] of TIERS) {
    if (by === "words") continue;
    for (const s of signs) {
      if (s.codes && (code === null || !s.codes.includes(code))) continue;
      if (s.enhanced ? !enhancedMatches(s, enhanced) : by !== "code" || !s.codes) continue;
      if (s.cause !== "other" && !causeFitsClass(s.cause, cls)) continue;
      if (by === "code" && !causeFitsSubject(s.cause, enhanced)) continue;
      out.push({ cause: s.cause, also: (s.also ?? []).filter((c) => causeFitsClass(c, cls)), phases: s.phases ?? null, families: s.families ?? null, by, source: s.source, meaning: s.meaning ?? null, fixes: s.fixes ?? null });
    }
  }
  return out;
}
