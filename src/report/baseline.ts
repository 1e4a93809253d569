/** The baseline file (`--write-baseline`): each target's healthy facts, keyed by target name. */
import { baselineFacts } from "../diagnose/baseline.js";
import type { Report } from "../model/report.js";
import { transportBaseline } from "../diagnose/transport-drift.js";

/** Targets whose session ran: a failed connection records nothing worth comparing with. */
export const recordable = (report: Report) => report.targets.filter((t) => !t.error);

export function renderBaseline(report: Report): string {
  const targets = Object.fromEntries(recordable(report).map((t) => [t.name, baselineFacts(t)]));
  return `${JSON.stringify({ schema: "smtp-gate/baseline@1", recordedAt: report.startedAt, targets, transport: transportBaseline(report) }, null, 2)}\n`;
}
