/**
 * The shard reports the action's `merge-reports` input (and `smtp-gate merge`) names: paths or globs, one per line or
 * separated by commas, as actions/download-artifact leaves them (`shards/*.json`). Each pattern
 * must match a file, so a shard whose artifact never arrived is an error, not a smaller fleet.
 */
import { globSync } from "node:fs";
import type { ConfigProblem } from "../config/errors.js";
import type { Report } from "../engine/result.js";
import { mergeReports } from "./merge.js";
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

/** Reads every shard report (the first unreadable one is the problem) and merges them: `merge` and `merge-reports`. */
export function readAndMerge(files: readonly string[]): Report | { problem: ConfigProblem } {
  const reports: Report[] = [];
  for (const file of files) {
    const r = readReportFile(file);
    if ("problem" in r) return r;
    reports.push(r);
  }
  return mergeReports(reports);
}
