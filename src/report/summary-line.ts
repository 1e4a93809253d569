/**
 * One line per target, for the action's `summary` output and the CLI's closing lines:
 * `smtp.example.com:587 — 500 5.5.1 on "XAUTH2 login" (command unrecognized)`.
 */
import type { Report, TargetResult } from "../engine/result.js";
import { replyCodeText } from "../protocol/reply.js";
import { plainText } from "./neutralise.js";

export function targetSummaryLine(t: TargetResult): string {
  const where = t.name === `${t.host}:${t.port}` ? t.name : `${t.name} (${t.host}:${t.port})`;
  const bad = t.steps.findIndex((s) => s.verdict !== "pass");
  const finding = t.findings.find((f) => f.severity === "error") ?? t.findings.find((f) => f.severity === "warning");
  const why = finding ? ` (${finding.id.replace(/-/g, " ")})` : "";
  if (t.error && (bad === -1 || t.error.step === bad || !t.steps[bad]?.reply)) return `${where} — ${t.error.kind}: ${t.error.message}${why}`;
  const step = t.steps[bad];
  if (step?.reply) {
    const code = replyCodeText(step.reply);
    const on = step.command === null ? "the greeting" : `"${step.command}"`;
    return `${where} — ${code} on ${on}${why}`;
  }
  if (finding) return `${where} — ${finding.message}`;
  return `${where} — ${t.verdict} (${t.steps.length} steps, ${t.durationMs} ms)`;
}

/** The run in one line: the worst target's line, and how many others there are. */
export function reportSummaryLine(r: Report): string {
  const order = { fail: 0, warn: 1, pass: 2 } as const;
  const sorted = [...r.targets].sort((a, b) => order[a.verdict] - order[b.verdict]);
  const first = sorted[0];
  if (!first) return "no targets";
  const more = r.targets.length > 1 ? ` (+${r.targets.length - 1} more target${r.targets.length > 2 ? "s" : ""})` : "";
  // The action's `summary` output and its failure message: one line, whatever the report held.
  return plainText(`${targetSummaryLine(first)}${more}`);
}
