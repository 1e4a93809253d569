import { ENHANCED_CLASSES, ENHANCED_REGISTRY, ENHANCED_SUBJECTS, enhancedCodes } from "./enhanced-codes.js";
import { replyCodes } from "./reply-codes.js";
import { classify } from "../protocol/classify.js";
import type { Bounce, EnhancedCodeEntry, Explanation, ReplyClass, ReplyCodeEntry } from "./types.js";
import { CANDIDATE_CAUSES, DIFFERENTIALS, type CandidateCause } from "./candidate-causes.js";
import { causesOfCode, type CodeCause } from "./root-cause.js";
import { CAUSE_ENTRIES, fitsFamily, pickFixes } from "./root-causes.js";
import { serverRow } from "./servers.js";

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
  const notes: string[] = [];
  const sources: string[] = [];

  // The enhanced code first: it says more than the basic code (RFC 3463 §1).
  if (enh !== null) {
    const [clsDigit, subject] = enh.split(".").map(Number) as [number, number, number];
    const entry = lookupEnhanced(enh);
    if (entry) {
      meanings.push(`${enh}: ${entry.meaning}`);
      sources.push(`${entry.source} (${ENHANCED_REGISTRY})`);
    } else {
      const cls = ENHANCED_CLASSES.find((c) => c.class === clsDigit);
      const subj = ENHANCED_SUBJECTS.find((x) => x.subject === subject);
      meanings.push(`${enh}: ${cls ? stripDot(cls.meaning) : "unknown class"}${subj ? `; subject: ${subj.meaning.toLowerCase()}` : ""}.`);
      notes.push(`${enh} is not in the ${ENHANCED_REGISTRY}; it is read by its class${subj ? " and subject" : ""} (RFC 3463 §2). The reply text says what the server meant.`);
      sources.push("RFC 3463 §2");
    }
  }

  if (code !== null) {
    const entry = lookupReplyCode(code);
    if (entry) {
      meanings.push(entry.meaning);
      sources.push(entry.source);
    } else {
      const first = Math.floor(code / 100);
      const second = Math.floor(code / 10) % 10;
      const category = SECOND_DIGIT[second];
      meanings.push(`${FIRST_DIGIT[first] ?? ""}${category ? ` Category (second digit ${second}): ${category}.` : ""}`.trim());
      notes.push(`${code} is not in the RFC 5321 reply code list or its registered extensions; it is read by its first digit (RFC 5321 §4.2.1). The reply text says what the server meant.`);
      sources.push("RFC 5321 §4.2.1");
    }
  }

  if (code !== null && enh !== null) {
    const first = Math.floor(code / 100);
    const clsDigit = Number(enh[0]);
    if (first === 3) {
      notes.push(`The enhanced code ${enh} comes with a 3xx (intermediate) reply; enhanced classes are only 2, 4 and 5 (RFC 3463 §2), so it describes the outcome, not this step.`);
    } else if (first !== clsDigit) {
      // Said first, in the meaning: a reader must know which of the two to believe before reading causes.
      meanings.unshift(`The reply code and the enhanced code disagree: ${code} is ${first === 5 ? "permanent" : first === 4 ? "transient" : "a success"}, ${enh} is ${clsDigit === 5 ? "permanent" : clsDigit === 4 ? "transient" : "a success"}; clients go by the reply code.`);
      notes.push(`The enhanced class ${clsDigit} contradicts the reply code's first digit ${first} (RFC 2034 §4 expects them to match); the reply code decides the class here, and the server's replies are inconsistent.`);
    }
  }

  const advice = adviceOf(code, enh);
  meanings.splice(enh !== null ? 1 : 0, 0, ...advice.vendorMeanings);

  const cls: ReplyClass =
    code !== null ? classOfCode(code) : classify(Number((enh as string)[0]) * 100);

  return {
    code,
    enhanced: enh,
    class: cls,
    bounce: bounceOf(cls),
    meaning: uniq(meanings).join(" — "),
    causes: uniq([...advice.causes, ...notes]),
    fixes: uniq(advice.fixes),
    sources: uniq([...sources, ...advice.sources]),
  };
}

/** The finding ids whose differential (candidate-causes.ts) lists the conditions to look for, by root cause. */
const DIFFERENTIAL: Partial<Record<CodeCause["cause"], string>> = { "command-unrecognized": "command-unrecognized", "relay-denied": "relay-denied", "auth-failed": "auth-failed" };

/** Placeholders of the fix tables, for a reader with no target in front of them. */
const GENERIC: Readonly<Record<string, string>> = { openssl: "openssl s_client -starttls smtp -connect HOST:PORT -crlf", nc: "nc -v HOST PORT", host: "HOST", port: "PORT", hostport: "HOST:PORT", rcpt: "ADDRESS" };
const generic = (t: string): string => t.replace(/\{(\w+)\}/g, (m, k: string) => GENERIC[k] ?? m);

const PHASE_WORDS: Readonly<Record<string, string>> = { CONNECT: "the greeting", "END-OF-DATA": "the end of the message", BDAT: "" };
const phaseWords = (phases: readonly string[] | null): string =>
  phases ? `To ${[...new Set(phases.map((x) => PHASE_WORDS[x] ?? x))].filter((x) => x).join(" or ")}: ` : "";
const productsOf = (c: CodeCause): string => (c.families ?? []).map((f) => serverRow(f).product).join(", ");

/**
 * Causes and fixes from the root-cause model: the vendors' meanings of the enhanced code (beside
 * the registry's), then the causes the registry and the basic code stand for, each once, each
 * fitting the code's class (no greylisting for a 5xx) and the enhanced code's subject.
 */
function adviceOf(code: number | null, enh: string | null): { vendorMeanings: string[]; causes: string[]; fixes: string[]; sources: string[] } {
  const all = causesOfCode(code, enh);
  const vendor = all.filter((c) => c.by === "vendor");
  // The registry's meaning of the enhanced code, when it has one, says more than the basic code's.
  const registry = all.filter((c) => c.by === "registry");
  const general = registry.length ? registry : all.filter((c) => c.by === "code").sort((x, y) => Number(x.phases !== null) - Number(y.phases !== null));
  const causes: string[] = [];
  const fixes: string[] = [];
  // One line per cause: the phases where the code stands for it, together.
  const named = new Map<CodeCause["cause"], Set<string> | null>();
  for (const c of general) {
    if (c.cause === "other" && c.also.length) causes.push(`${phaseWords(c.phases)}The code alone does not say which of these it is; the reply's words and the server's log tell them apart.`);
    for (const cause of c.cause === "other" ? c.also : [c.cause, ...c.also]) {
      const had = named.get(cause);
      named.set(cause, c.phases === null || had === null ? null : new Set([...(had ?? []), ...c.phases]));
    }
  }
  for (const [cause, phases] of named) {
    causes.push(`${phaseWords(phases && [...phases])}${CAUSE_ENTRIES[cause].text}`);
    fixes.push(...pickFixes(CAUSE_ENTRIES[cause].fixes, null).slice(0, 1));
    const id = DIFFERENTIAL[cause];
    for (const row of (id ? DIFFERENTIALS[id] ?? [] : []).map((r): CandidateCause => CANDIDATE_CAUSES[r]).slice(1)) {
      if (!fitsFamily(row, null)) continue;
      causes.push(row.text);
      fixes.push(...pickFixes(row.fixes, null));
    }
  }
  if (!causes.length && code === null && enh !== null && enh[0] !== "2") {
    causes.push("The enhanced code alone names a class and a subject; the reply code, the reply's words and the command it answered decide the cause.");
    fixes.push(enh[0] === "4" ? "Retry later: the condition is temporary, and a sending MTA retries by itself." : "Do not retry unchanged: find the cause in the reply's words first.");
  }
  const vendorMeanings = vendor.map((c) => `${productsOf(c)}: ${c.meaning ?? CAUSE_ENTRIES[c.cause].title} (${c.source})`);
  const vendorFixes = vendor.flatMap((c) => pickFixes(c.fixes ?? CAUSE_ENTRIES[c.cause].fixes, c.families?.[0] ?? null).slice(0, 1));
  // A product's own code (outside the registry, Microsoft's 5.7.703) means what the product says first; the basic
  // code's general causes follow. A registry code keeps its own reading first (a vendor's 5.2.2 is the rarer one).
  if (enh !== null && !lookupEnhanced(enh) && vendor.length) {
    const vendorCauses = vendor.map((c) => `${productsOf(c)}: ${c.meaning ?? CAUSE_ENTRIES[c.cause].text}`);
    return { vendorMeanings, causes: [...vendorCauses, ...causes], fixes: [...vendorFixes, ...fixes].map(generic), sources: [] };
  }
  return { vendorMeanings, causes, fixes: [...fixes, ...vendorFixes].map(generic), sources: [] };
}
