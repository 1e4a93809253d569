import { ENHANCED_CLASSES, ENHANCED_REGISTRY, ENHANCED_SUBJECTS, enhancedCodes } from "./enhanced-codes.js";
import { replyCodes } from "./reply-codes.js";
import { classify } from "../protocol/classify.js";
import type { Bounce, EnhancedCodeEntry, Explanation, ReplyClass, ReplyCodeEntry } from "./types.js";

/** Reply code syntax: three digits, the first 2–5 (RFC 5321 §4.2). */
const REPLY_RE = /^[2-5]\d\d$/;
/** Enhanced status code syntax: class 2|4|5, subject and detail of 1–3 digits (RFC 3463 §2). */
const ENHANCED_RE = /^([245])\.(\d{1,3})\.(\d{1,3})$/;
/** A registry key: class given as a digit or as X. */
const ENHANCED_KEY_RE = /^([245Xx])\.(\d{1,3})\.(\d{1,3})$/;

// Indexes of the tables, built with them on first use.
let replyByCode: ReadonlyMap<number, ReplyCodeEntry> | undefined;
let enhancedByKey: ReadonlyMap<string, EnhancedCodeEntry> | undefined;

/** First-digit meaning of a reply code (RFC 5321 §4.2.1). */
const FIRST_DIGIT: Readonly<Record<number, string>> = {
  2: "Positive completion reply: the requested action was completed.",
  3: "Positive intermediate reply: the command was accepted, the server waits for more information.",
  4: "Transient negative completion reply: the action was not taken, but the condition is temporary; try again later.",
  5: "Permanent negative completion reply: the action was not taken and repeating it unchanged will fail again.",
};

/** Second-digit category of a reply code (RFC 5321 §4.2.1). */
const SECOND_DIGIT: Readonly<Record<number, string>> = {
  0: "syntax",
  1: "information",
  2: "connections",
  3: "unspecified",
  4: "unspecified",
  5: "mail system",
};


const BOUNCE: Readonly<Record<ReplyClass, Bounce>> = {
  success: "none",
  intermediate: "none",
  transient: "soft",
  permanent: "hard",
};

export function lookupReplyCode(code: number): ReplyCodeEntry | undefined {
  replyByCode ??= new Map(replyCodes().map((e) => [e.code, e]));
  return replyByCode.get(code);
}

/** Looks up "5.1.1", "4.1.1" or "X.1.1" by its subject.detail (the class does not change the entry). */
export function lookupEnhanced(enhanced: string): EnhancedCodeEntry | undefined {
  const m = ENHANCED_KEY_RE.exec(enhanced.trim());
  if (!m) return undefined;
  enhancedByKey ??= new Map(enhancedCodes().map((e) => [`${e.subject}.${e.detail}`, e]));
  return enhancedByKey.get(`${Number(m[2])}.${Number(m[3])}`);
}

/** 2→success, 3→intermediate, 4→transient, 5→permanent (first digit; RFC 5321 §4.2.1). */
export function classOfCode(code: number): ReplyClass {
  const cls = isReplyCode(code) ? classify(code) : undefined;
  if (!cls) throw new RangeError(`not an SMTP reply code: ${code}`);
  return cls;
}

/** none for success/intermediate, soft for transient, hard for permanent. */
export function bounceOf(cls: ReplyClass): Bounce {
  return BOUNCE[cls];
}

function isReplyCode(code: number): boolean {
  return Number.isInteger(code) && REPLY_RE.test(String(code));
}

/** Canonical form of a well-formed enhanced code ("5.01.1" → "5.1.1"), or null. */
function normalizeEnhanced(s: string): string | null {
  const m = ENHANCED_RE.exec(s.trim());
  if (!m) return null;
  return `${m[1]}.${Number(m[2])}.${Number(m[3])}`;
}

/**
 * Parses the arguments of `smtp-gate explain`: `500`, `550 5.1.1` (as one or two
 * arguments), `550-5.1.1` (a continuation line), or `5.7.1`.
 */
export function parseExplainQuery(
  args: string[],
): { code: number | null; enhanced: string | null } | { error: string } {
  const tokens = args
    .join(" ")
    .trim()
    .split(/\s+/)
    .filter((t) => t !== "")
    .flatMap((t) => (/^\d{3}-/.test(t) ? [t.slice(0, 3), t.slice(4)] : [t]))
    .filter((t) => t !== "");
  if (tokens.length === 0) {
    return { error: "give a reply code and/or an enhanced status code, e.g. `550`, `550 5.1.1` or `5.7.1`" };
  }
  if (tokens.length > 2) {
    return { error: `expected at most a reply code and an enhanced status code, got ${tokens.length} values: ${tokens.join(" ")}` };
  }
  let code: number | null = null;
  let enhanced: string | null = null;
  for (const t of tokens) {
    if (/^\d+$/.test(t)) {
      if (!REPLY_RE.test(t)) {
        return { error: `"${t}" is not an SMTP reply code: it must be three digits with the first digit 2–5 (RFC 5321 §4.2)` };
      }
      if (code !== null) return { error: `two reply codes given (${code} and ${t}); give one` };
      code = Number(t);
    } else if (t.includes(".")) {
      const norm = normalizeEnhanced(t);
      if (norm === null) {
        return {
          error: `"${t}" is not an enhanced status code: expected class.subject.detail with class 2, 4 or 5 and subject and detail of 1–3 digits, e.g. 5.1.1 (RFC 3463 §2)`,
        };
      }
      if (enhanced !== null) return { error: `two enhanced status codes given (${enhanced} and ${t}); give one` };
      enhanced = norm;
    } else {
      return { error: `"${t}" is neither a reply code (e.g. 550) nor an enhanced status code (e.g. 5.1.1)` };
    }
  }
  return { code, enhanced };
}

function uniq(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

function stripDot(s: string): string {
  return s.replace(/[.\s]+$/, "");
}

/**
 * Explains a reply code, an enhanced status code, or both, from the tables. Unknown but
 * well-formed codes fall back to their class; only malformed input is an error.
 */
export function explain(code: number | null, enhanced: string | null): Explanation | { error: string } {
  if (code === null && enhanced === null) return { error: "nothing to explain: give a reply code or an enhanced status code" };
  if (code !== null && !isReplyCode(code)) {
    return { error: `${code} is not an SMTP reply code: it must be three digits with the first digit 2–5 (RFC 5321 §4.2)` };
  }
  let enh: string | null = null;
  if (enhanced !== null) {
    enh = normalizeEnhanced(enhanced);
    if (enh === null) {
      return { error: `"${enhanced}" is not an enhanced status code: expected class.subject.detail with class 2, 4 or 5 (RFC 3463 §2)` };
    }
  }

  const meanings: string[] = [];
  const causes: string[] = [];
  const fixes: string[] = [];
  const sources: string[] = [];

  if (code !== null) {
    const entry = lookupReplyCode(code);
    if (entry) {
      meanings.push(entry.meaning);
      causes.push(...entry.causes);
      fixes.push(...entry.fixes);
      sources.push(entry.source);
    } else {
      const first = Math.floor(code / 100);
      const second = Math.floor(code / 10) % 10;
      const category = SECOND_DIGIT[second];
      meanings.push(
        `${FIRST_DIGIT[first] ?? ""}${category ? ` Category (second digit ${second}): ${category}.` : ""}`.trim(),
      );
      causes.push(
        `${code} is not in the RFC 5321 reply code list or its registered extensions; it is read by its first digit (RFC 5321 §4.2.1). The reply text says what the server meant.`,
      );
      sources.push("RFC 5321 §4.2.1");
    }
  }

  if (enh !== null) {
    const [clsDigit, subject] = enh.split(".").map(Number) as [number, number, number];
    const entry = lookupEnhanced(enh);
    if (entry) {
      meanings.push(`${enh}: ${entry.meaning}`);
      causes.push(...entry.causes);
      fixes.push(...entry.fixes);
      sources.push(`${entry.source} (${ENHANCED_REGISTRY})`);
    } else {
      const cls = ENHANCED_CLASSES.find((c) => c.class === clsDigit);
      const subj = ENHANCED_SUBJECTS.find((s) => s.subject === subject);
      meanings.push(
        `${enh}: ${cls ? stripDot(cls.meaning) : "unknown class"}${subj ? `; subject: ${subj.meaning.toLowerCase()}` : ""}.`,
      );
      causes.push(
        `${enh} is not in the ${ENHANCED_REGISTRY}; it is read by its class${subj ? " and subject" : ""} (RFC 3463 §2). The reply text says what the server meant.`,
      );
      if (cls && code === null) fixes.push(...cls.fixes);
      sources.push("RFC 3463 §2");
    }
  }

  if (code !== null && enh !== null) {
    const first = Math.floor(code / 100);
    const clsDigit = Number(enh[0]);
    if (first === 3) {
      causes.push(
        `The enhanced code ${enh} comes with a 3xx (intermediate) reply; enhanced classes are only 2, 4 and 5 (RFC 3463 §2), so it describes the outcome, not this step.`,
      );
    } else if (first !== clsDigit) {
      // Said first, in the meaning: a reader must know which of the two to believe before reading causes.
      meanings.unshift(`The reply code and the enhanced code disagree: ${code} is ${first === 5 ? "permanent" : first === 4 ? "transient" : "a success"}, ${enh} is ${clsDigit === 5 ? "permanent" : clsDigit === 4 ? "transient" : "a success"}; clients go by the reply code.`);
      causes.push(
        `The enhanced class ${clsDigit} contradicts the reply code's first digit ${first} (RFC 2034 §4 expects them to match); the reply code decides the class here, and the server's replies are inconsistent.`,
      );
    }
  }

  const cls: ReplyClass =
    code !== null ? classOfCode(code) : classify(Number((enh as string)[0]) * 100);

  return {
    code,
    enhanced: enh,
    class: cls,
    bounce: bounceOf(cls),
    meaning: meanings.join(" — "),
    causes: uniq(causes),
    fixes: uniq(fixes),
    sources: uniq(sources),
  };
}
