/**
 * A JSON report (`smtp-gate/report@1`) read whole from its text, and the verdict rules every
 * reader applies. Reports from files (the shards `merge` and `merge-reports` combine, and
 * `comment-from-report`'s artifact, which comes from a pull request) are read a target at a time
 * by ./read-stream.ts under the same rules; this reader is the whole-document one the round-trip
 * tests compare against. All of them are untrusted input: the model's field table
 * (model/report-fields.ts), the same one that wrote the report, checks every field by type and
 * length and copies it; unknown fields are dropped; the verdicts are recomputed from the targets.
 * Renderers neutralise its strings (./neutralise.ts) like a server's reply text.
 */
import type { ConfigProblem } from "../config/errors.js";
import { Path, Reader } from "../model/fields.js";
import { worstOf } from "../engine/verdict.js";
import type { Verdict } from "../model/enums.js";
import type { Report, TargetResult } from "../model/report.js";
import { MAX_REPORT_TARGETS, reportFields } from "../model/report-fields.js";

/** `file` names the report in problems. */
export function parseReportJson(text: string, file = "report"): Report | { problem: ConfigProblem } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    return { problem: { field: "report", message: `is not JSON: ${(err as Error).message}`, file } };
  }
  const r = (v !== null && typeof v === "object" ? v : {}) as Record<string, unknown>;
  if (r.schema !== "smtp-gate/report@1") return { problem: { field: "schema", message: `is not "smtp-gate/report@1": not an smtp-gate report`, file } };
  if (!Array.isArray(r.targets)) return { problem: { field: "targets", message: "must be a list of targets", file } };
  if (r.targets.length > MAX_REPORT_TARGETS) return { problem: { field: "targets", message: `has more than ${MAX_REPORT_TARGETS} targets`, file } };
  const reader = new Reader();
  const report = reportFields.read(v, new Path(null, ""), reader);
  return reader.problem ? { problem: { ...reader.problem, file } } : recomputeVerdicts(report);
}

/**
 * A file's verdicts are not taken on trust (contract §8). A target is at least as bad as its
 * worst step, and not a pass with an error or an error finding (at least a warning: `fail-on:
 * never`, which is not in the report, caps those at warn). The report is the worst of its targets.
 */
function recomputeVerdicts(report: Report): Report {
  for (const t of report.targets) recomputeTargetVerdict(t);
  report.verdict = worstOf(report.targets.map((t) => t.verdict));
  return report;
}

/** One target's share of recomputeVerdicts (the streamed reader, ./read-stream.ts, reads one at a time). */
export function recomputeTargetVerdict(t: TargetResult): void {
  const floor: Verdict = t.error || t.findings.some((f) => f.severity !== "notice") ? "warn" : "pass";
  t.verdict = worstOf([t.verdict, floor, worstOf(t.steps.map((s) => s.verdict))]);
}
