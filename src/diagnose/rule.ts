/** What a diagnosis rule is: a pure function over a finished probe and the target's policy. */
import type { Policy } from "../config/policy.js";
import type { ProbeOutcome } from "../engine/result.js";
import type { RootCause, Severity } from "../model/enums.js";
import type { Finding, RuledOut, StepResult } from "../model/report.js";
import { saslLabel } from "../protocol/auth.js";
import { replyCodeText } from "../protocol/reply.js";

export type Rule = (p: ProbeOutcome, policy: Policy) => Finding[];

/**
 * The findings of a rule that looks at each step alone (at most one per step), in step order.
 * A loop, not flatMap: every target of a fleet runs the rules in its last, busiest round, and
 * flatMap makes an array per step.
 */
export function perStep(p: ProbeOutcome, f: (s: StepResult, i: number) => Finding | null): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < p.steps.length; i++) {
    const found = f(p.steps[i] as StepResult, i);
    if (found) out.push(found);
  }
  return out;
}

/** A finding; `cause` is the root cause of a refused reply (contract §8), null for any other finding. */
export function finding(id: string, severity: Severity, step: number | null, message: string, causes: string[], fixes: string[], ruledOut: RuledOut[] = [], cause: RootCause | null = null): Finding {
  return { id, severity, step, message, cause, causes, ruledOut, fixes };
}

/** A sentence from a phrase: its first letter upper-case. */
export const capitalize = (s: string): string => s.replace(/^./, (c) => c.toUpperCase());

/** A step's verdict as a finding severity: fail → error, warn → warning. */
export const severityOf = (s: StepResult): Severity => (s.verdict === "fail" ? "error" : s.verdict === "warn" ? "warning" : "notice");

export function codeText(s: StepResult): string {
  return s.reply ? replyCodeText(s.reply) : "no reply";
}

/** The command as people read it: an AUTH line shown as `***` by what it carried (`AUTH LOGIN (password)`). */
export function quoted(s: StepResult): string {
  if (s.command === null) return "The greeting";
  return `"${s.sasl ? saslLabel(s.sasl.mechanism, s.sasl.carries) : s.command}"`;
}

/** Index of the last EHLO/HELO before `step` that got a 2xx, or -1. */
export function lastHelloBefore(p: ProbeOutcome, step: number): number {
  for (let i = step - 1; i >= 0; i--) {
    const s = p.steps[i];
    if (s && (s.verb === "EHLO" || s.verb === "HELO") && s.class === "success") return i;
  }
  return -1;
}

export function list(xs: readonly string[]): string {
  return xs.length ? xs.join(", ") : "nothing";
}
