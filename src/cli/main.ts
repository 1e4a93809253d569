/**
 * The CLI face: parse argv, resolve configuration, run the engine, render, choose the exit
 * status. Everything it writes goes through `io`, so tests run it in-process.
 */
import { writeFileSync } from "node:fs";
import { mergeReportFiles } from "../report/shard-files.js";
import { formatProblem, type ConfigProblem } from "../config/errors.js";
import { unwritablePath } from "../config/output-path.js";
import { localIo } from "../config/local-io.js";
import { resolveTarget } from "../config/resolve.js";
import type { TargetConfig } from "../config/target.js";
import type { DomainResult, Report, TargetResult } from "../model/report.js";
import type { RunIdentity } from "../model/report.js";
import { streamTargets, type RunEnd } from "../engine/run.js";
import { explain, parseExplainQuery } from "../knowledge/explain.js";
import { explainJson, renderExplainText } from "../knowledge/render-explain.js";
import { renderJson } from "../report/json.js";
import { recordable, renderBaseline } from "../report/baseline.js";
import { renderMarkdown } from "../report/markdown.js";
import { StreamedOutputs } from "../report/stream.js";
import { renderText } from "../report/text.js";
import { VERSION } from "../version.js";
import { HELP, cliLabel, parseCommand, type Format } from "./args.js";
import { EXIT } from "./exit.js";
import type { TargetKey } from "../config/keys.js";

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  color: boolean;
}


export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const cmd = parseCommand(argv);
  if ("usage" in cmd) {
    io.stderr(`smtp-gate: ${cmd.usage}\nRun smtp-gate --help for the options.\n`);
    return EXIT.usage;
  }
  switch (cmd.kind) {
    case "help":
      io.stdout(HELP);
      return EXIT.ok;
    case "version":
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    case "explain":
      return runExplain(cmd.args, cmd.format, io);
    case "demo-mta": {
      const { listenDemoMta } = await import("../demo/demo.js");
      const mta = await listenDemoMta(cmd.port);
      if ("problem" in mta) {
        io.stderr(`smtp-gate demo-mta: ${mta.problem}\n`);
        return EXIT.usage;
      }
      io.stdout(`smtp-gate demo MTA listening on 127.0.0.1:${mta.port}\n`);
      await new Promise<void>((resolve) => {
        process.once("SIGTERM", resolve);
        process.once("SIGINT", resolve);
      });
      await mta.close();
      return EXIT.ok;
    }
    case "merge":
      return runMerge(cmd, io);
    case "probe":
      break;
  }

  // The files to write are checked with the configuration: nothing is sent when one cannot be.
  const outputs = outputProblems([["--report", cmd.report], ["--write-baseline", cmd.writeBaseline]]);
  let report: Report;
  if (cmd.demo) {
    if (outputs.length) return configError(outputs, io);
    const { runDemo } = await import("../demo/demo.js");
    const demo = await runDemo();
    if ("problem" in demo) {
      io.stderr(`smtp-gate: the demo ${demo.problem}\n`);
      return EXIT.usage;
    }
    report = demo;
  } else {
    const resolved = await resolveTargets(cmd, io.env);
    if ("problems" in resolved || outputs.length) return configError([...("problems" in resolved ? resolved.problems : []), ...outputs], io);
    return runStreamed(cmd, resolved, io);
  }

  const reportWritten = writeOutput(io, "the report", cmd.report, () => renderJson(report));
  const baselineWritten = writeOutput(io, "the baseline", cmd.writeBaseline, () => renderBaseline(report));
  const written = reportWritten && baselineWritten;
  if (cmd.writeBaseline && baselineWritten) baselineNote(io, report, cmd.writeBaseline);
  io.stdout(render(report, cmd.format, io.color));
  let code: number = report.verdict === "fail" ? EXIT.fail : EXIT.ok;
  if (cmd.demo) {
    // The demo's second target fails on purpose; the demo itself succeeds when both behaved as designed.
    const asDesigned = report.targets[0]?.verdict === "pass" && report.targets[1]?.verdict === "fail";
    io.stderr(asDesigned
      ? "\nDemo: the first target passed; the second failed on purpose — a legacy sender's XAUTH2 login got 500. That is the kind of hard error smtp-gate stops a deploy for.\n"
      : "\nDemo: the embedded MTA did not behave as designed; please report this.\n");
    code = asDesigned ? EXIT.ok : EXIT.fail;
  }
  return written ? code : EXIT.output;
}

/**
 * A run of the configured targets, its results written as they finish (report/stream.ts): the
 * JSON report and `--format json` hold every target; text and Markdown show the tally's few
 * when the fleet is large. Only a baseline keeps every result (it is one document of all).
 */
async function runStreamed(cmd: Extract<ReturnType<typeof parseCommand>, { kind: "probe" }>, run: RunTargets, io: CliIo): Promise<number> {
  const out = new StreamedOutputs();
  if (cmd.report) out.jsonFile(`the report to ${cmd.report}`, cmd.report);
  if (cmd.format === "json") out.json(io.stdout);
  const all: { r: TargetResult; at: number; sub: number }[] | null = cmd.writeBaseline ? [] : null;
  const allDomains: DomainResult[] | null = cmd.writeBaseline ? [] : null;
  const onDomain = (d: DomainResult): void => {
    out.domain(d);
    allDomains?.push(d);
  };
  // Sharded after address expansion, so a matrix spreads the addresses of one MX host too; a
  // targets-file's lines are sharded as they are read.
  const shard = run.identity ? undefined : cmd.shard;
  const end = await streamTargets(run.targets, { concurrency: cmd.concurrency, onDomain, ...(shard ? { shard } : {}), ...(run.identity ? { identity: run.identity } : {}) }, (r, at, sub) => {
    out.add(r, at, sub);
    all?.push({ r, at, sub });
  });
  out.end(end);
  for (const line of out.unwritten) io.stderr(`smtp-gate: ${line}\n`);
  let written = out.unwritten.length === 0;
  if (all) {
    const full: Report = { ...end, targets: all.sort((a, b) => a.at - b.at || a.sub - b.sub).map((x) => x.r), ...(allDomains?.length ? { domains: allDomains } : {}) };
    const baselineWritten = writeOutput(io, "the baseline", cmd.writeBaseline, () => renderBaseline(full));
    if (baselineWritten) baselineNote(io, full, cmd.writeBaseline as string);
    written = baselineWritten && written;
  }
  if (cmd.format !== "json") io.stdout(renderTallied(out, end, cmd.format, io.color));
  const code = end.verdict === "fail" ? EXIT.fail : EXIT.ok;
  return written ? code : EXIT.output;
}

/** What the baseline holds, on stderr: targets whose session failed are left out of it. */
function baselineNote(io: CliIo, report: Report, path: string): void {
  const kept = recordable(report).length;
  const left = report.targets.length - kept;
  io.stderr(`smtp-gate: wrote the baseline of ${kept} target${kept === 1 ? "" : "s"} to ${path}${left ? ` (${left} left out: ${left === 1 ? "its" : "their"} session failed)` : ""}\n`);
}

/** Problems with the files a run will write, as configuration problems. */
function outputProblems(files: [option: string, path: string | undefined][]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [field, path] of files) {
    const why = path ? unwritablePath(path, "in-existing-folder") : null;
    if (why) problems.push({ field, message: `"${path}" ${why}` });
  }
  return problems;
}

/**
 * Writes a file the run was asked for. A failure only writing shows (a full disk) is one line on
 * stderr; the caller exits with EXIT.output, after printing the result all the same.
 */
function writeOutput(io: CliIo, what: string, path: string | undefined, text: () => string): boolean {
  if (!path) return true;
  try {
    writeFileSync(path, text());
    return true;
  } catch (e) {
    io.stderr(`smtp-gate: cannot write ${what} to ${path}: ${(e as Error).message}\n`);
    return false;
  }
}

/** The run's targets; `identity` when they are this shard's already (a targets-file's lines), counted before. */
interface RunTargets {
  targets: TargetConfig[] | AsyncIterable<TargetConfig>;
  identity?: RunIdentity;
}

async function resolveTargets(cmd: Extract<ReturnType<typeof parseCommand>, { kind: "probe" }>, env: CliIo["env"]): Promise<RunTargets | { problems: ConfigProblem[] }> {
  if (cmd.targetsFile) return resolveTargetsFile(cmd.targetsFile, cmd, env);
  const listed = await resolveListed(cmd, env);
  return "problems" in listed ? listed : { targets: listed };
}

/** Contract §8: the lines of a targets-file, every one checked first, then read as the probes go. */
async function resolveTargetsFile(path: string, cmd: Extract<ReturnType<typeof parseCommand>, { kind: "probe" }>, env: CliIo["env"]): Promise<RunTargets | { problems: ConfigProblem[] }> {
  const { openTargetsFile } = await import("../config/targets-file.js");
  // The options typed on the command line beat the file's defaults, as with --config alone.
  return openTargetsFile({ path, over: cmd.target, env, ...(cmd.config ? { config: cmd.config } : {}), ...(cmd.shard ? { shard: cmd.shard } : {}) });
}

async function resolveListed(cmd: Extract<ReturnType<typeof parseCommand>, { kind: "probe" }>, env: CliIo["env"]): Promise<TargetConfig[] | { problems: ConfigProblem[] }> {
  if (cmd.config) {
    // Loaded on demand, and the YAML parser with it.
    const { loadConfigFile } = await import("../config/file.js");
    const loaded = await loadConfigFile(cmd.config, env, { over: cmd.target }, localIo());
    return "problems" in loaded ? loaded : loaded.targets;
  }
  const r = resolveTarget(cmd.target, { ...localIo(), env, label: (k: TargetKey) => cliLabel(k) });
  return "problems" in r ? r : [r];
}

function runMerge(cmd: Extract<ReturnType<typeof parseCommand>, { kind: "merge" }>, io: CliIo): number {
  const outputs = outputProblems([["--report", cmd.report]]);
  if (outputs.length) return mergeError(outputs[0] as ConfigProblem, io);
  const out = new StreamedOutputs();
  // Opened once every file was checked (report/shard-files.ts): nothing is written when one is bad.
  const end = mergeReportFiles(cmd.files, out, () => {
    if (cmd.report) out.jsonFile(`the merged report to ${cmd.report}`, cmd.report);
    if (cmd.format === "json") out.json(io.stdout);
  });
  if ("problem" in end) return mergeError(end.problem, io);
  for (const line of out.unwritten) io.stderr(`smtp-gate: ${line}\n`);
  if (cmd.format !== "json") io.stdout(renderTallied(out, end, cmd.format, io.color));
  if (out.unwritten.length) return EXIT.output;
  return end.verdict === "fail" ? EXIT.fail : EXIT.ok;
}

/** Text or Markdown of a streamed run: the tally's targets, and the counts when not all are shown. */
function renderTallied(out: StreamedOutputs, end: RunEnd, format: Format, color: boolean): string {
  const shown = out.tally.report(end);
  const rest = out.tally.complete ? "" : `${out.tally.total} targets (${out.tally.countsText()}): ${shown.targets.length} shown above, the worst first; every one is in the JSON report (--report).\n`;
  return `${render(shown, format, color)}${rest}`;
}

function mergeError(p: ConfigProblem, io: CliIo): number {
  io.stderr(`smtp-gate merge: ${formatProblem(p)}\n`);
  return EXIT.usage;
}

function render(report: Report, format: Format, color: boolean): string {
  if (format === "json") return renderJson(report);
  if (format === "markdown") return renderMarkdown(report);
  return renderText(report, { color });
}

function runExplain(args: string[], format: Format, io: CliIo): number {
  const q = parseExplainQuery(args);
  const e = "error" in q ? q : explain(q.code, q.enhanced);
  if ("error" in e) {
    io.stderr(`smtp-gate explain: ${e.error}\n`);
    return EXIT.usage;
  }
  io.stdout(format === "json" ? `${JSON.stringify(explainJson(e), null, 2)}\n` : renderExplainText(e));
  return EXIT.ok;
}

function configError(problems: ConfigProblem[], io: CliIo): number {
  io.stderr(`smtp-gate: configuration error${problems.length > 1 ? "s" : ""}; nothing was sent.\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}\n`);
  return EXIT.usage;
}
