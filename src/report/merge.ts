/**
 * `smtp-gate merge` and `merge-reports`: shard reports (JSON, schema report@1) into one report.
 * Pure; ./shard-files.ts gives it the reports' heads and streams their targets. Shards are counted
 * by their run identity (contract §8): reports of different runs are refused, a shard given twice
 * is refused, and missing shards make the merged verdict fail with a finding that names them, so a
 * fleet never goes green because a job's report was lost.
 */
import type { ConfigProblem } from "../config/errors.js";
import { worstOf } from "../engine/verdict.js";
import type { Report, RunIdentity, TargetResult } from "../model/report.js";
import { plainText } from "./neutralise.js";

export interface ShardReport {
  /** Names the report in problems. */
  file: string;
  report: Report;
}

export function mergeReports(inputs: readonly ShardReport[]): Report | { problem: ConfigProblem } {
  const counted = countShards(inputs);
  if ("problem" in counted) return counted;
  const targets: TargetResult[] = [];
  for (const { report } of inputs) for (const t of report.targets) targets.push(t);
  if (counted.missing.length) targets.push(missingShardsTarget(counted.missing, counted.of));
  const first = inputs[0]?.report;
  let startedAt = first?.startedAt ?? new Date(0).toISOString();
  for (const { report } of inputs) if (report.startedAt < startedAt) startedAt = report.startedAt;
  return {
    schema: "smtp-gate/report@1",
    verdict: worstOf(targets.map((t) => t.verdict)),
    tool: first?.tool ?? { name: "smtp-gate", version: "unknown" },
    startedAt,
    ...(counted.run ? { run: counted.run } : {}),
    targets,
  };
}

interface Counted {
  /** The merged report's identity: the whole run. Absent when the reports carry none (earlier versions). */
  run?: RunIdentity;
  /** `I/N` of each shard not given. */
  missing: string[];
  of: number;
}

/** Checks that the reports are the shards of one run, each at most once, and says which are missing. */
function countShards(inputs: readonly ShardReport[]): Counted | { problem: ConfigProblem } {
  const withRun = inputs.filter((i) => i.report.run);
  if (withRun.length === 0) return { missing: [], of: 0 };
  const bare = inputs.find((i) => !i.report.run);
  if (bare) return refuse(bare.file, "run", "is missing: the report was written by an earlier smtp-gate, so it cannot be counted among the shards of a run");
  const first = withRun[0] as ShardReport;
  const run = first.report.run as RunIdentity;
  const seen = new Map<string, string>();
  let of: number | null = null;
  for (const { file, report } of inputs) {
    const r = report.run as RunIdentity;
    if (r.digest !== run.digest || r.targets !== run.targets) {
      return refuse(file, "run", `is another run's (${r.targets} targets, digest ${r.digest.slice(0, 12)}…) than ${first.file}'s (${run.targets} targets, digest ${run.digest.slice(0, 12)}…): merge only the shards of one run`);
    }
    const shard = parseShardText(r.shard);
    if (shard === "bad") return refuse(file, "run.shard", `must be I/N or null, not ${JSON.stringify(r.shard)}`);
    const key = r.shard === null ? "the whole run" : `shard ${shard?.index}/${shard?.count}`;
    const earlier = seen.get(key);
    if (earlier) return refuse(file, "run.shard", `repeats ${key}, already given by ${earlier}: give each shard once`);
    seen.set(key, file);
    const count = shard ? shard.count : 1;
    if (of !== null && count !== of) return refuse(file, "run.shard", `is ${key}, but ${first.file} is of a run in ${of} part${of === 1 ? "" : "s"}`);
    of = count;
  }
  const given = new Set([...seen.keys()]);
  const missing: string[] = [];
  if (!given.has("the whole run")) for (let i = 1; i <= (of ?? 1); i++) if (!given.has(`shard ${i}/${of}`)) missing.push(`${i}/${of}`);
  return { run: { shard: null, targets: run.targets, digest: run.digest }, missing, of: of ?? 1 };
}

function parseShardText(text: string | null): { index: number; count: number } | null | "bad" {
  if (text === null) return null;
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  return m && index >= 1 && index <= count ? { index, count } : "bad";
}

/** `message` quotes the report's own values: one line, through the shared neutralisation. */
function refuse(file: string, field: string, message: string): { problem: ConfigProblem } {
  return { problem: { field, message: plainText(message), file } };
}

/**
 * Missing shards are a failure of the run, not of a server: they are reported as a target of
 * their own, so that every renderer (text, Markdown, comment, summary, annotations) shows them.
 */
function missingShardsTarget(missing: readonly string[], of: number): TargetResult {
  const list = missing.length === 1 ? `shard ${missing[0]}` : `shards ${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
  return {
    name: `merge: ${missing.length} of ${of} shards missing`,
    host: "smtp-gate merge",
    port: 0,
    tlsMode: "none",
    verdict: "fail",
    durationMs: 0,
    error: null,
    tls: null,
    extensions: [],
    extensionsBeforeTls: null,
    steps: [],
    findings: [
      {
        id: "merge-shards-missing",
        severity: "error",
        step: null,
        message: `The reports of ${list} were not given to merge: the targets of ${missing.length === 1 ? "that shard" : "those shards"} are unaccounted for, so the run cannot pass.`,
        cause: null,
        causes: ["The matrix job of that shard failed or was cancelled before it uploaded its report, or its artifact was not downloaded for the merge."],
        ruledOut: [],
        fixes: [`Re-run the missing job${missing.length === 1 ? "" : "s"} and merge every shard's report (smtp-gate merge shard-*.json).`],
      },
    ],
    transcript: [],
    transcriptCapped: false,
    unsolicitedReplies: 0,
  };
}

