/** Verdict rules of contract §2: pure functions over a reply and its expectation. */
import { classify, type ReplyClass } from "../protocol/classify.js";
import { meetsExpectation, type Expectation } from "../protocol/expect.js";
import type { FailOn, Verdict } from "../model/enums.js";
import type { Finding } from "../model/report.js";

export type { Verdict } from "../model/enums.js";

const RANK: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };

export function worst(...vs: Verdict[]): Verdict {
  return worstOf(vs);
}

/** The worst of any number of verdicts, in a loop: a 200,000-step report must not become 200,000 arguments. */
export function worstOf(vs: Iterable<Verdict>): Verdict {
  let w: Verdict = "pass";
  for (const v of vs) if (RANK[v] > RANK[w]) w = v;
  return w;
}

/** `fail-on: never` turns every fail into a warn: the report still says what happened. */
export function capVerdict(v: Verdict, failOn: FailOn): Verdict {
  return failOn === "never" && v === "fail" ? "warn" : v;
}

/** Judges a reply (or no reply: null) against what the step expected. */
export function judgeStep(code: number | null, expected: Expectation, failOn: FailOn): Verdict {
  if (code === null) return capVerdict("fail", failOn);
  if (meetsExpectation(code, expected)) return "pass";
  if (classify(code) === "transient" && failOn !== "soft") return "warn";
  return capVerdict("fail", failOn);
}

/** Contract §2: a target is the worst of its steps, its error (fail) and its findings; `never` caps at warn. */
export function targetVerdict(steps: Verdict[], hasError: boolean, findings: Finding[], failOn: FailOn): Verdict {
  const fromFindings = findings.map((f): Verdict => (f.severity === "error" ? "fail" : f.severity === "warning" ? "warn" : "pass"));
  return capVerdict(worstOf([worstOf(steps), hasError ? "fail" : "pass", worstOf(fromFindings)]), failOn);
}

/**
 * Where a temporary refusal (4xx) stops the production sequence before any of it was tested: at
 * the greeting (a 421 banner, a listener waiting for a PROXY header) or to EHLO/HELO. Such a
 * refusal fails the target although the reply is transient (contract §2, third round; like a
 * refused required STARTTLS, §7): a gate that passed it would pass a port that takes no mail.
 */
export function sequenceStoppedBy(s: { command: string | null; class: ReplyClass | null; extra?: string }): "greeting" | "EHLO" | null {
  if (s.class !== "transient" || s.extra === "cleanup") return null;
  if (s.command === null) return "greeting";
  return /^(EHLO|HELO)\b/i.test(s.command) ? "EHLO" : null;
}
