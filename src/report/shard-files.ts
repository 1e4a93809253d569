/**
 * The shard reports the action's `merge-reports` input (and `smtp-gate merge`) names: paths or globs, one per line or
 * separated by commas, as actions/download-artifact leaves them (`shards/*.json`). Each pattern
 * must match a file, so a shard whose artifact never arrived is an error, not a smaller fleet.
 */
import { globSync } from "node:fs";
import type { ConfigProblem } from "../config/errors.js";
import type { Report } from "../model/report.js";
import { mergeReports, type ShardReport } from "./merge.js";
import { readReportFile } from "./read-report.js";

export function findReportFiles(text: string, field: string): string[] | { problem: ConfigProblem } {
  const patterns = text.split(/[\n,]/).map((p) => p.trim()).filter(Boolean);
  if (patterns.length === 0) return { problem: { field, message: "names no file" } };
  const files = new Set<string>();
  for (const pattern of patterns) {
    const found = globSync(pattern).sort();
    if (found.length === 0) return { problem: { field, message: `"${pattern}" matches no file: did every shard's artifact download?` } };
    for (const f of found) files.add(f);
  }
  return [...files];
}

/**
 * Reads every shard report (the first unreadable one is the problem) and merges them: `merge` and
 * `merge-reports`. The merge counts the shards of one run (./merge.ts): another run's report or a
 * repeated shard is a problem naming the files, a missing shard a failing target naming it.
 */
export function readAndMerge(files: readonly string[]): Report | { problem: ConfigProblem } {
  const reports: ShardReport[] = [];
  for (const file of files) {
    const report = readReportFile(file);
    if ("problem" in report) return report;
    reports.push({ file, report });
  }
  return mergeReports(reports);
}
