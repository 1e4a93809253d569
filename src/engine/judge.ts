/**
 * The one place a target gets its verdict: probe outcome → prepared (consequences marked, server
 * recognised) → diagnosed → verdict (contract §2). Then, across the run, the comparison of one
 * MX host's addresses, which needs every result. Each step runs once per target.
 */
import type { TargetConfig } from "../config/target.js";
import { compareAddresses } from "../diagnose/addresses.js";
import { diagnosePrepared, prepareOutcome } from "../diagnose/index.js";
import type { FailOn } from "../model/enums.js";
import type { Finding, TargetResult } from "../model/report.js";
import type { ProbeOutcome } from "./result.js";
import { targetVerdict } from "./verdict.js";

export function judgeTarget(outcome: ProbeOutcome, t: Pick<TargetConfig, "policy" | "failOn">): TargetResult {
  const prepared = prepareOutcome(outcome);
  const findings = diagnosePrepared(prepared, t.policy);
  const verdict = targetVerdict(prepared.steps.map((s) => s.verdict), prepared.error !== null, findings, t.failOn);
  // One copy of the outcome, not three: a fleet makes one of these per target.
  const { closedByServer: _closed, ...result } = prepared;
  return Object.assign(result, { verdict, findings });
}

/** After every target of the run: what only the results together say (diagnose/addresses.ts). */
export function judgeRun(results: readonly TargetResult[]): void {
  compareAddresses(results);
}

/**
 * Findings only a later check of the run can add (the domain's MTA-STS and TLS-RPT, DANE): they
 * join the target's, and its verdict follows them by the same rule as judgeTarget's.
 */
export function addFindings(r: TargetResult, added: readonly Finding[], failOn: FailOn): void {
  if (!added.length) return;
  r.findings.push(...added);
  r.verdict = targetVerdict(r.steps.map((s) => s.verdict), r.error !== null, r.findings, failOn);
}
