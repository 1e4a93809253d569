/** The JSON report (contract §6, `smtp-gate/report@1`), written by the model's field table. */
import type { Report } from "../model/report.js";
import { reportFields } from "../model/report-fields.js";
import { escapeUnsafeJson } from "./neutralise.js";

export function reportToJson(report: Report): unknown {
  return reportFields.write(report);
}

/**
 * JSON.stringify escapes C0 controls but leaves NEL, U+2028/9 and bidi controls raw; they are
 * escaped too (still the same JSON value), so the file is safe to print to a log or terminal.
 */
export function renderJson(report: Report): string {
  return `${escapeUnsafeJson(JSON.stringify(reportToJson(report), null, 2))}\n`;
}
