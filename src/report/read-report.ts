/**
 * Reads a JSON report (`smtp-gate/report@1`) written by an earlier run: the shards `merge`
 * combines, the baseline, and `comment-from-report`'s artifact, which comes from a pull request.
 * All of them are untrusted input: the model's field table (model/report-fields.ts), the same
 * one that wrote the report, checks every field by type and length and copies it; unknown fields
 * are dropped.
 */
import type { ConfigProblem } from "../config/errors.js";
import { FILE_LIMITS, readTextFile } from "../config/read-file.js";
import { Path, Reader } from "../model/fields.js";
import type { Report } from "../model/report.js";
import { MAX_REPORT_TARGETS, reportFields } from "../model/report-fields.js";

export function readReportFile(path: string): Report | { problem: ConfigProblem } {
  const text = readTextFile(path, FILE_LIMITS.report, "a report");
  if (typeof text !== "string") return { problem: { field: "report", message: text.problem } };
  return parseReportJson(text, path);
}

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
  return reader.problem ? { problem: { ...reader.problem, file } } : report;
}
