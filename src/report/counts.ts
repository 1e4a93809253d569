/**
 * Failure counts for the action's outputs. Hard/soft follow mail's own meaning: a step that
 * did not pass with a 4xx is soft (retry later); any other step that did not pass is hard.
 */
import type { TargetResult } from "../model/report.js";

/** One target's counts: the tally (./stream.ts) adds them up as targets are run or read. */
export function targetFailureCounts(t: TargetResult): { hard: number; soft: number } {
  let hard = 0;
  let soft = 0;
  for (const s of t.steps) {
    if (s.verdict === "pass") continue;
    if (s.class === "transient") soft++;
    else hard++;
  }
  // An error before any step (DNS, connect, implicit TLS) is a hard failure with no step to count.
  if (t.error && t.error.step === null) hard++;
  return { hard, soft };
}
