/** The JSON report (contract §6, `smtp-gate/report@1`), written by the model's field table. */
import type { Report } from "../model/report.js";
import { reportFields } from "../model/report-fields.js";

export function reportToJson(report: Report): unknown {
  return reportFields.write(report);
}

export function renderJson(report: Report): string {
  return `${JSON.stringify(reportToJson(report), null, 2)}\n`;
}
