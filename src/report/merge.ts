/** `smtp-gate merge`: shard reports (JSON, schema report@1) into one report. Pure. */
import type { Report } from "../engine/result.js";
import { worst } from "../engine/verdict.js";

export function mergeReports(reports: readonly Report[]): Report {
  const first = reports[0];
  const starts = reports.map((r) => r.startedAt).sort();
  return {
    schema: "smtp-gate/report@1",
    verdict: worst(...reports.map((r) => r.verdict)),
    tool: first?.tool ?? { name: "smtp-gate", version: "unknown" },
    startedAt: starts[0] ?? new Date(0).toISOString(),
    targets: reports.flatMap((r) => r.targets),
  };
}

/** Checks that parsed JSON is a report we can merge; names what is wrong. */
export function asReport(value: unknown, file: string): Report | { error: string } {
  const r = value as Partial<Report> | null;
  if (!r || typeof r !== "object" || r.schema !== "smtp-gate/report@1") return { error: `${file}: not a smtp-gate report (schema smtp-gate/report@1)` };
  if (!Array.isArray(r.targets)) return { error: `${file}: has no targets list` };
  if (r.verdict !== "pass" && r.verdict !== "warn" && r.verdict !== "fail") return { error: `${file}: verdict must be pass, warn or fail` };
  // Older or foreign reports may lack the fields renderers read; default them.
  const targets = r.targets.map((t) => ({ ...t, findings: t.findings ?? [], steps: t.steps ?? [], transcript: t.transcript ?? [], transcriptCapped: t.transcriptCapped ?? false, extensionsBeforeTls: t.extensionsBeforeTls ?? null, unsolicitedReplies: t.unsolicitedReplies ?? 0 }));
  return { ...(r as Report), targets };
}
