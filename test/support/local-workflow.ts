// Runs an example workflow's jobs locally, the way the runner would, for the steps that can run
// here: `run:` scripts (bash -e, as GitHub's default shell), this action (the built
// dist/index.js), and the artifact actions (a folder per artifact). actions/checkout and
// actions/setup-node are no-ops (the workspace is prepared by the test; Node is this one).
// Expressions: the contexts the examples use (matrix, secrets, steps, needs, runner, github),
// `always()` and `==` in `if:`. Anything else throws, so an example that outgrows the runner
// fails the test instead of being skipped.
import { execFile } from "node:child_process";
import { cpSync, globSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, isAbsolute, join, resolve } from "node:path";
import { parse } from "yaml";
import { parseOutputs } from "../action/run-action.js";

const ACTION = resolve(import.meta.dirname, "../../dist/index.js");
const ACTION_INPUTS = (parse(readFileSync(resolve(import.meta.dirname, "../../action.yml"), "utf8")) as { inputs: Record<string, { default?: unknown }> }).inputs;

interface Step { id?: string; name?: string; if?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown>; "continue-on-error"?: boolean }
interface Job { needs?: string | string[]; if?: string; strategy?: { matrix?: Record<string, unknown[]> }; outputs?: Record<string, string>; steps: Step[] }
export interface Workflow { name: string; jobs: Record<string, Job> }

export interface StepRun { job: string; matrix: Record<string, unknown>; step: string; kind: "action" | "run" | "artifact" | "no-op"; outcome: "success" | "failure" | "skipped"; outputs: Record<string, string>; stdout: string; stderr: string; summary: string }

export interface LocalContext {
  /** The checked-out repository's files (targets.yml, config/…): copied into each job's workspace. */
  files: Record<string, string>;
  secrets: Record<string, string>;
  vars?: Record<string, string>;
  eventName: string;
  event: unknown;
  /** GITHUB_* variables for the GitHub stand-in, when the workflow comments or opens issues. */
  env?: Record<string, string>;
  /** Points this action's inputs at the local mail servers (host, port, ca). */
  localInputs: (inputs: Record<string, string>) => Record<string, string>;
  /** Artifacts, shared between workflows of one test (workflow_run downloads another run's). */
  artifacts: string;
}

export function artifactStore(): string {
  return mkdtempSync(join(tmpdir(), "smtp-gate-artifacts-"));
}

export async function runWorkflow(file: string, ctx: LocalContext): Promise<StepRun[]> {
  const wf = parse(readFileSync(file, "utf8")) as Workflow;
  const runs: StepRun[] = [];
  const jobOutputs: Record<string, { result: string; outputs: Record<string, string> }> = {};
  const pending = Object.keys(wf.jobs);
  while (pending.length) {
    const name = pending.find((j) => needsOf(wf.jobs[j] as Job).every((n) => n in jobOutputs));
    if (!name) throw new Error(`${file}: jobs ${pending.join(", ")} wait for each other`);
    pending.splice(pending.indexOf(name), 1);
    const job = wf.jobs[name] as Job;
    const needs = Object.fromEntries(needsOf(job).map((n) => [n, jobOutputs[n]]));
    const failedNeed = Object.values(needs).some((n) => n?.result !== "success");
    const matrices = expandMatrix(job.strategy?.matrix);
    let result = "success";
    let outputs: Record<string, string> = {};
    for (const matrix of matrices) {
      const base = { matrix, secrets: ctx.secrets, vars: ctx.vars ?? {}, needs, github: githubContext(ctx), steps: {} as Record<string, { outputs: Record<string, string>; outcome: string }> };
      const jobIf = job.if ?? "success()";
      if (!evaluateIf(jobIf, base, failedNeed)) {
        result = result === "success" ? "skipped" : result;
        continue;
      }
      const jr = await runJob(name, job, matrix, base, ctx);
      runs.push(...jr.runs);
      if (jr.failed) result = "failure";
      outputs = Object.fromEntries(Object.entries(job.outputs ?? {}).map(([k, v]) => [k, expand(v, jr.context)]));
    }
    jobOutputs[name] = { result, outputs };
  }
  return runs;
}

const needsOf = (j: Job): string[] => (j.needs === undefined ? [] : Array.isArray(j.needs) ? j.needs : [j.needs]);

function expandMatrix(m: Record<string, unknown[]> | undefined): Record<string, unknown>[] {
  if (!m) return [{}];
  return Object.entries(m).reduce<Record<string, unknown>[]>((acc, [k, values]) => acc.flatMap((a) => values.map((v) => ({ ...a, [k]: v }))), [{}]);
}

function githubContext(ctx: LocalContext): Record<string, unknown> {
  return { token: "ghs_localWorkflowToken", event: ctx.event, event_name: ctx.eventName, repository: "o/r", ref_name: "main" };
}

type Context = Record<string, unknown> & { steps: Record<string, { outputs: Record<string, string>; outcome: string }> };

async function runJob(name: string, job: Job, matrix: Record<string, unknown>, context: Context, ctx: LocalContext): Promise<{ runs: StepRun[]; failed: boolean; context: Context }> {
  const workspace = mkdtempSync(join(tmpdir(), "smtp-gate-workspace-"));
  const temp = mkdtempSync(join(tmpdir(), "smtp-gate-runner-temp-"));
  context.runner = { temp };
  for (const [path, text] of Object.entries(ctx.files)) {
    mkdirSync(join(workspace, path, ".."), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
  const runs: StepRun[] = [];
  let failed = false;
  for (const [i, step] of job.steps.entries()) {
    const label = step.name ?? step.uses ?? step.run?.split("\n")[0] ?? `step ${i}`;
    const run: StepRun = { job: name, matrix, step: label, kind: "no-op", outcome: "skipped", outputs: {}, stdout: "", stderr: "", summary: "" };
    runs.push(run);
    if (!evaluateIf(step.if ?? "success()", context, failed)) continue;
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v), context)]));
    const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(String(v), context)]));
    const proc = { env, cwd: workspace, temp, ctx };
    let ok = true;
    if (step.run !== undefined) {
      run.kind = "run";
      Object.assign(run, await exec("bash", ["-e", "-c", step.run], proc));
    } else if (step.uses?.startsWith("OWNER/smtp-gate@")) {
      run.kind = "action";
      // The runner fills in action.yml's defaults (`github-token: ${{ github.token }}`) for inputs not given.
      const defaults = Object.fromEntries(Object.entries(ACTION_INPUTS).filter(([k, d]) => !(k in inputs) && d.default !== undefined).map(([k, d]) => [k, expand(String(d.default), context)]));
      const local = ctx.localInputs({ ...defaults, ...inputs });
      Object.assign(run, await exec(process.execPath, [ACTION], { ...proc, env: { ...env, ...Object.fromEntries(Object.entries(local).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])) } }));
    } else if (step.uses?.startsWith("actions/upload-artifact@")) {
      run.kind = "artifact";
      ok = upload(inputs, workspace, ctx.artifacts);
    } else if (step.uses?.startsWith("actions/download-artifact@")) {
      run.kind = "artifact";
      ok = download(inputs, workspace, ctx.artifacts);
    } else if (step.uses?.startsWith("actions/checkout@") || step.uses?.startsWith("actions/setup-node@")) {
      run.kind = "no-op";
    } else {
      throw new Error(`${name}: no local stand-in for ${step.uses}`);
    }
    if (run.kind === "run" || run.kind === "action") ok = (run as StepRun & { code: number }).code === 0;
    run.outcome = ok ? "success" : "failure";
    if (step.id) context.steps[step.id] = { outputs: run.outputs, outcome: run.outcome };
    if (!ok && !step["continue-on-error"]) failed = true;
  }
  return { runs, failed, context };
}

function exec(cmd: string, args: string[], o: { env: Record<string, string>; cwd: string; temp: string; ctx: LocalContext }): Promise<Partial<StepRun> & { code: number }> {
  const output = join(o.temp, `output-${Math.random().toString(36).slice(2)}`);
  const summary = join(o.temp, `summary-${Math.random().toString(36).slice(2)}`);
  const eventPath = join(o.temp, "event.json");
  writeFileSync(output, "");
  writeFileSync(summary, "");
  writeFileSync(eventPath, JSON.stringify(o.ctx.event));
  const env = {
    PATH: process.env.PATH ?? "", HOME: o.temp, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: o.ctx.eventName, GITHUB_WORKSPACE: o.cwd, RUNNER_TEMP: o.temp, GITHUB_WORKFLOW: "local", GITHUB_JOB: "local",
    ...o.ctx.env, ...o.env,
  };
  return new Promise((done) => {
    execFile(cmd, args, { env, cwd: o.cwd, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 99) : 0;
      done({ code, stdout, stderr, outputs: outputsOf(readFileSync(output, "utf8")), summary: readFileSync(summary, "utf8") });
    });
  });
}

/** GITHUB_OUTPUT: `name=value` lines (scripts) and `name<<DELIM` blocks (@actions/core). */
function outputsOf(text: string): Record<string, string> {
  const out: Record<string, string> = parseOutputs(text);
  for (const line of text.split("\n")) {
    const m = /^([\w-]+)=(.*)$/.exec(line);
    if (m) out[m[1] as string] = m[2] as string;
  }
  return out;
}

const inside = (workspace: string, p: string) => (isAbsolute(p) ? p : join(workspace, p));

function upload(w: Record<string, string>, workspace: string, store: string): boolean {
  const source = inside(workspace, w.path ?? "");
  const found = globSync(source);
  if (!found.length) return w["if-no-files-found"] !== "error";
  const dest = join(store, w.name ?? "artifact");
  mkdirSync(dest, { recursive: true });
  for (const f of found) cpSync(f, statSync(f).isDirectory() ? dest : join(dest, basename(f)), { recursive: true });
  return true;
}

function download(w: Record<string, string>, workspace: string, store: string): boolean {
  const names = readdirSync(store).filter((n) => (w.name ? n === w.name : w.pattern ? globMatch(w.pattern, n) : true));
  if (w.name && !names.length) return false;
  const dest = inside(workspace, w.path ?? ".");
  for (const n of names) cpSync(join(store, n), w.name || w["merge-multiple"] === "true" ? dest : join(dest, n), { recursive: true });
  return true;
}

const globMatch = (pattern: string, name: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(name);

/** `${{ path }}` replaced by the context's value; a path that is not there throws. */
export function expand(text: string, context: Record<string, unknown>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => String(lookup(expr, context)));
}

function lookup(expr: string, context: Record<string, unknown>): unknown {
  let v: unknown = context;
  for (const part of expr.split(".")) {
    if (v === null || typeof v !== "object" || !(part in (v as object))) {
      if (expr.startsWith("steps.") || expr.startsWith("needs.") || expr.startsWith("secrets.") || expr.startsWith("vars.")) return "";
      throw new Error(`cannot evaluate \${{ ${expr} }}`);
    }
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

function evaluateIf(cond: string, context: Record<string, unknown>, failedBefore: boolean): boolean {
  const c = cond.replace(/^\$\{\{\s*|\s*\}\}$/g, "").trim();
  if (c === "always()") return true;
  if (c === "success()") return !failedBefore;
  if (c === "failure()") return failedBefore;
  const eq = /^([\w.]+)\s*==\s*'([^']*)'$/.exec(c);
  if (eq) return !failedBefore && String(lookup(eq[1] as string, context)) === eq[2];
  throw new Error(`cannot evaluate if: ${cond}`);
}
