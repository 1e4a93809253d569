/**
 * Failure counts for the action's outputs. Hard/soft follow mail's own meaning: a step that
 * did not pass with a 4xx is soft (retry later); any other step that did not pass is hard.
 */
import type { Report, TargetResult } from "../model/report.js";

export function failureCounts(r: Report): { hard: number; soft: number } {
  let hard = 0;
  let soft = 0;
  for (const t of r.targets) {
    const c = targetFailureCounts(t);
    hard += c.hard;
    soft += c.soft;
  }
  return { hard, soft };
}

/** One target's share of failureCounts (a streamed run adds them up as targets finish). */
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
