/**
 * The shard reports the action's `merge-reports` input (and `smtp-gate merge`) names: paths or globs, one per line or
 * separated by commas, as actions/download-artifact leaves them (`shards/*.json`). Each pattern
 * must match a file, so a shard whose artifact never arrived is an error, not a smaller fleet.
 * Then the one merge of both faces, a target at a time (mergeReportFiles).
 */
import { globSync } from "node:fs";
import type { ConfigProblem } from "../config/errors.js";
import type { RunEnd } from "../engine/run.js";
import { worst, type Verdict } from "../engine/verdict.js";
import type { TargetResult } from "../model/report.js";
import { mergeReports, type ShardReport } from "./merge.js";
import { streamReportFile } from "./read-stream.js";
import type { StreamedOutputs } from "./stream.js";

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
 * Merges the shard reports `files` into `out` (`merge` and `merge-reports`) in bounded memory:
 * twice through the files, one target at a time (./read-stream.ts). First every file is read and
 * the shards of one run are counted over their heads (./merge.ts: another run's report or a
 * repeated shard is a problem naming the files), so nothing is written when one is bad; then
 * `open` opens the outputs of `out`, and the targets stream into them as a run's do: the shards' in
 * file order, then merge's own (a missing shard's failing target). Returns the merged report's
 * end, its verdict the worst of the targets written, or the first problem, naming its file.
 */
export function mergeReportFiles(files: readonly string[], out: StreamedOutputs, open: () => void): RunEnd | { problem: ConfigProblem } {
  const heads: ShardReport[] = [];
  for (const file of files) {
    const r = streamReportFile(file, () => {});
    if ("problem" in r) return r;
    // The heads are kept for the count; their domains are read again with the targets below, and
    // handed over there (the merged report's domains come from nowhere else).
    const { domains: _domains, ...head } = r.report;
    heads.push({ file, report: { ...head, targets: [] } });
  }
  const merged = mergeReports(heads);
  if ("problem" in merged) return merged;
  open();
  let verdict: Verdict = "pass";
  const add = (t: TargetResult, at: number, sub: number): void => {
    verdict = worst(verdict, t.verdict);
    out.add(t, at, sub);
  };
  // Each mail domain once, the first shard's entry, handed over as a run hands its own (only the
  // names are kept, not every shard's policies).
  const domainsSeen = new Set<string>();
  for (const [at, file] of files.entries()) {
    // A file that changed since the first pass can still be bad: the outputs stop where it did.
    const r = streamReportFile(file, (t, sub) => add(t, at, sub));
    if ("problem" in r) return r;
    for (const d of r.report.domains ?? []) {
      if (domainsSeen.has(d.domain)) continue;
      domainsSeen.add(d.domain);
      out.domain(d);
    }
  }
  const { targets: own, ...head } = merged;
  for (const [sub, t] of own.entries()) add(t, files.length, sub);
  const end = { ...head, verdict };
  out.end(end);
  return end;
}
