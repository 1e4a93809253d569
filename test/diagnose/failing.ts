// Registry of the failing fixtures used across the rule tests, for the contract-wide check
// "every failing or warning step gets at least one finding with causes and fixes".
import type { ProbeOutcome } from "../../src/engine/result.js";

export const FAILING: { name: string; p: ProbeOutcome }[] = [];

/** Registers a failing fixture and returns it. */
export function fx(name: string, p: ProbeOutcome): ProbeOutcome {
  FAILING.push({ name, p });
  return p;
}
