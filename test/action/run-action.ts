/**
 * Runs the built action (`node dist/index.js`) the way the runner does: inputs as INPUT_*
 * variables (hyphens kept), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_EVENT_PATH as files.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { ensureBuilt } from "../support/built.js";

// Each run's folder (its workspace, outputs and reports) is read by the test after the run, so
// it is removed when the importing file's tests are done, not after each run.
const runDirs: string[] = [];
afterAll(() => {
  for (const dir of runDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  dir: string;
  read(name: string): string;
}

/**
 * `entry`: another build of the action (a test may strip chunks from a copy of dist). By default
 * a private copy of the built action (test/support/built.ts): a test never rebuilds dist/.
 */
export async function runAction(inputs: Record<string, string>, env: Record<string, string> = {}, event: unknown = {}, entry: string = ensureBuilt().action): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), "smtp-gate-action-"));
  runDirs.push(dir);
  const output = join(dir, "output");
  const summary = join(dir, "summary.md");
  const eventPath = join(dir, "event.json");
  writeFileSync(output, "");
  writeFileSync(summary, "");
  writeFileSync(eventPath, JSON.stringify(event));
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: "push",
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    ...env,
  };
  for (const [k, v] of Object.entries(inputs)) childEnv[`INPUT_${k.toUpperCase()}`] = v;
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, [entry], { env: childEnv, cwd: dir, timeout: 20_000 }, (err, stdout, stderr) => {
      const c = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 99) : 0;
      done({ code: c, stdout, stderr });
    });
  });
  return {
    code, stdout, stderr, dir,
    outputs: parseOutputs(readFileSync(output, "utf8")),
    summary: readFileSync(summary, "utf8"),
    read: (name) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), "utf8") : ""),
  };
}

/** GITHUB_OUTPUT's heredoc format: `name<<DELIM\nvalue\nDELIM\n`. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1] as string] = m[3] as string;
  return out;
}

/** Workflow-command lines of a kind: `::error title=…::message`. */
export function commands(stdout: string, kind: "error" | "warning" | "notice" | "add-mask"): { props: Record<string, string>; message: string }[] {
  const out: { props: Record<string, string>; message: string }[] = [];
  for (const line of stdout.split("\n")) {
    const m = new RegExp(`^::${kind}(?: ([^:]*))?::(.*)$`).exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const kv of (m[1] ?? "").split(",").filter(Boolean)) {
      const i = kv.indexOf("=");
      props[kv.slice(0, i)] = unescape(kv.slice(i + 1));
    }
    out.push({ props, message: unescape(m[2] as string) });
  }
  return out;
}

function unescape(s: string): string {
  return s.replace(/%0A/g, "\n").replace(/%0D/g, "\r").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
}
