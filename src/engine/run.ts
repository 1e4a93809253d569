/** Runs targets with bounded concurrency and assembles the report, in input order. */
import type { TargetConfig } from "../config/target.js";
import { diagnose } from "../diagnose/index.js";
import { Redactor } from "../protocol/redact.js";
import { runProbe } from "./probe.js";
import type { Finding, Report, TargetResult } from "./result.js";
import { capVerdict, worst, type Verdict } from "./verdict.js";
import { VERSION } from "../version.js";

export interface RunOptions {
  concurrency?: number;
  /** Secrets are registered here so every renderer can redact with the same list. */
  redactor?: Redactor;
}

export async function probeTarget(t: TargetConfig, redactor: Redactor): Promise<TargetResult> {
  const { closedByServer: _closed, ...outcome } = await runProbe(t, redactor);
  const findings = diagnose({ ...outcome, closedByServer: _closed }, t.policy);
  return { ...outcome, verdict: targetVerdict(outcome.steps.map((s) => s.verdict), outcome.error !== null, findings, t.failOn), findings };
}

/** Contract §2: the worst of the steps, the error (fail) and the findings; `never` caps at warn. */
export function targetVerdict(steps: Verdict[], hasError: boolean, findings: Finding[], failOn: TargetConfig["failOn"]): Verdict {
  const fromFindings = findings.map((f): Verdict => (f.severity === "error" ? "fail" : f.severity === "warning" ? "warn" : "pass"));
  return capVerdict(worst(...steps, hasError ? "fail" : "pass", ...fromFindings), failOn);
}

export async function runTargets(targets: readonly TargetConfig[], opts: RunOptions = {}): Promise<Report> {
  const redactor = opts.redactor ?? new Redactor();
  const startedAt = new Date().toISOString();
  const results = await mapLimit(targets, opts.concurrency ?? 16, (t) => probeTarget(t, redactor));
  return {
    schema: "smtp-gate/report@1",
    verdict: worst(...results.map((r) => r.verdict)),
    tool: { name: "smtp-gate", version: VERSION },
    startedAt,
    targets: results,
  };
}

/** Like Promise.all over `items`, at most `limit` at a time, results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
