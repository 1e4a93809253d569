/** `smtp-gate merge`: shard reports (JSON, schema report@1, read by ./read-report.ts) into one report. Pure. */
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
    ...mergeDomains(reports),
  };
}

/** Every shard reads its targets' domains: one entry per domain, the first shard's. */
function mergeDomains(reports: readonly Report[]): Pick<Report, "domains"> {
  const byName = new Map<string, NonNullable<Report["domains"]>[number]>();
  for (const d of reports.flatMap((r) => r.domains ?? [])) if (!byName.has(d.domain)) byName.set(d.domain, d);
  return byName.size ? { domains: [...byName.values()] } : {};
}
