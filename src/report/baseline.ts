/** The baseline file (`--write-baseline`): each target's healthy facts, keyed by target name. */
import { baselineFacts } from "../diagnose/baseline.js";
import type { Report } from "../engine/result.js";
import { transportBaseline } from "../diagnose/transport-drift.js";

export function renderBaseline(report: Report): string {
  const targets = Object.fromEntries(report.targets.filter((t) => !t.error).map((t) => [t.name, baselineFacts(t)]));
  return `${JSON.stringify({ schema: "smtp-gate/baseline@1", recordedAt: report.startedAt, targets, transport: transportBaseline(report) }, null, 2)}\n`;
}
