/**
 * The action's orchestration: mask secrets, read inputs, run the engine, write outputs,
 * summary, annotations and files. The only place that fails the step.
 */
import * as core from "@actions/core";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { formatProblem, type ConfigProblem } from "../config/errors.js";
import { streamTargets, type RunEnd } from "../engine/run.js";
import { allForms } from "../protocol/auth.js";
import { Redactor } from "../protocol/redact.js";
import { planAnnotations } from "../report/annotations.js";
import { renderJobSummary } from "../report/job-summary.js";
import { prose } from "../report/markdown.js";
import { streamReportFile } from "../report/read-stream.js";
import { mergeReportFiles } from "../report/shard-files.js";
import { reportSummaryLine } from "../report/summary-line.js";
import { StreamedOutputs } from "../report/stream.js";
import { renderText } from "../report/text.js";
import { readGitHubContext } from "../github/context.js";
import { emitGitHubFeatures } from "./github-features.js";
import { readInputs, secretValues } from "./inputs.js";

export async function run(env: Record<string, string | undefined> = process.env): Promise<void> {
  const get = (name: string) => core.getInput(name);
  // Mask first: nothing may be printed before the runner knows what to hide. Once per value:
  // each `::add-mask::` line is one more place the log holds the secret's shape.
  const masked = new Set<string>();
  const mask = (s: string | undefined): void => {
    if (!s || masked.has(s)) return;
    masked.add(s);
    core.setSecret(s);
  };
  const redactor = new Redactor();
  for (const forms of secretValues(get)) {
    for (const s of allForms(forms)) mask(s);
    redactor.addSecret(forms);
  }

  const inputs = await readInputs(get, env);
  if ("problems" in inputs) {
    for (const p of inputs.problems) core.error(formatProblem(p), { title: `smtp-gate: invalid ${p.field}`, file: p.file, startLine: p.line });
    core.setFailed(`smtp-gate: invalid configuration; nothing was sent.\n${inputs.problems.map(formatProblem).join("\n")}`);
    return;
  }
  if (inputs.github.githubToken) {
    mask(inputs.github.githubToken);
    redactor.addVerbatim(inputs.github.githubToken);
  }
  // Secrets referenced by a config file (password-env) are masked too.
  for (const s of inputs.secrets) mask(s);

  // comment-from-report: an earlier job probed; this one only posts its report.
  // merge-reports: the matrix's jobs probed; this one is the fleet's one verdict.
  const fromReport = inputs.github.commentFromReport;
  // Every face streams (report/stream.ts): a run writes its report and JUnit file as each target
  // finishes, a merge as it reads the shards, and comment-from-report writes nothing. What follows
  // is built from the tally: every count, and the few targets shown.
  const out = new StreamedOutputs();
  const end = inputs.mergeReports ? mergeReportFiles(inputs.mergeReports, out, () => openOutputs(inputs, out))
    : fromReport ? readReport(fromReport, out) : await runStreamed(inputs, redactor, out);
  if ("problem" in end) {
    core.setFailed(`smtp-gate: input ${inputs.mergeReports ? "merge-reports" : "comment-from-report"}: ${formatProblem(end.problem)}`);
    return;
  }
  const report = out.tally.report(end);
  for (const s of redactor.values) mask(s);

  core.info(renderText(report, { color: false }));
  // A large run shows its worst targets; the counts are of all of them.
  const reportFile = fromReport ?? inputs.reportFile;
  const partial = out.tally.complete ? null : `${out.tally.total} targets (${out.tally.countsText()}): ${report.targets.length} shown, the worst first; every one is in ${reportFile}`;
  if (partial) core.info(partial);
  // The paths were checked before probing; what only writing shows (a full disk) is one line each
  // and fails the step, after everything else was still tried.
  let unwritten = out.unwritten.length;
  for (const line of out.unwritten) core.error(`smtp-gate: ${line}`);
  const attempt = async (what: string, write: () => unknown): Promise<void> => {
    try {
      await write();
    } catch (err) {
      unwritten++;
      core.error(`smtp-gate: cannot write ${what}: ${(err as Error).message}`);
    }
  };

  const summary = reportSummaryLine(report, out.tally.verdicts);
  await attempt(`the outputs to GITHUB_OUTPUT`, () => {
    core.setOutput("verdict", report.verdict);
    core.setOutput("hard-failures", String(out.tally.hard));
    core.setOutput("soft-failures", String(out.tally.soft));
    core.setOutput("report-file", reportFile);
    core.setOutput("summary", summary);
  });
  if (env.GITHUB_STEP_SUMMARY) await attempt("the job summary to GITHUB_STEP_SUMMARY", () => core.summary.addRaw(`${renderJobSummary(report)}${partial ? `\n${prose(partial)}\n` : ""}`).write());
  const annotations = planAnnotations(report);
  for (const a of annotations) {
    const props = { title: a.title, file: a.file, startLine: a.line };
    if (a.level === "error") core.error(a.message, props);
    else if (a.level === "warning") core.warning(a.message, props);
    else core.notice(a.message, props);
  }

  await emitGitHubFeatures(report, out.tally.verdicts, inputs.github, readGitHubContext(env), redactor.redact);

  // The probing job already failed on this verdict; the commenting job reports, it does not gate.
  // The annotations above already say each cause once: fail the step without a second ::error.
  if (report.verdict === "fail" && !fromReport) {
    if (annotations.some((a) => a.level === "error")) {
      process.exitCode = core.ExitCode.Failure;
      core.info(`smtp-gate: failed: ${summary}`);
    } else core.setFailed(`smtp-gate: ${summary}`);
  } else if (unwritten) core.setFailed(`smtp-gate: the verdict is ${report.verdict}, but ${unwritten === 1 ? "a result" : "results"} could not be written (above)`);
}

type ProbeInputs = Extract<Awaited<ReturnType<typeof readInputs>>, { targets: unknown }>;

async function runStreamed(inputs: ProbeInputs, redactor: Redactor, out: StreamedOutputs): Promise<RunEnd> {
  openOutputs(inputs, out);
  const end = await streamTargets(inputs.targets, { redactor, concurrency: inputs.concurrency, onDomain: out.domain, shard: inputs.shard, ...(inputs.identity ? { identity: inputs.identity } : {}) }, out.add);
  out.end(end);
  return end;
}

/** The report file and the JUnit file, for a run or a merge to stream into. */
function openOutputs(inputs: ProbeInputs, out: StreamedOutputs): void {
  // The writers create missing folders (config/output-path.ts "creates-folders").
  const open = (what: string, path: string, start: () => unknown) => {
    try {
      mkdirSync(dirname(path), { recursive: true });
      start();
    } catch (err) {
      out.unwritten.push(`cannot write ${what}: ${(err as Error).message}`);
    }
  };
  open(`the report to ${inputs.reportFile}`, inputs.reportFile, () => out.jsonFile(`the report to ${inputs.reportFile}`, inputs.reportFile));
  const junit = inputs.junitFile;
  if (junit) open(`the JUnit report to ${junit}`, junit, () => out.junitFile(`the JUnit report to ${junit}`, junit));
}

/**
 * comment-from-report's artifact, a target at a time into the tally (report/read-stream.ts): its
 * memory does not grow with the report, and nothing is written, that job only posts.
 */
function readReport(path: string, out: StreamedOutputs): RunEnd | { problem: ConfigProblem } {
  const r = streamReportFile(path, (t, sub) => out.add(t, 0, sub));
  return "problem" in r ? r : r.report;
}
