/** Runs a whole process and times it from spawn to exit (what a CI step pays). */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface Timed {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

export function timeProcess(cmd: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], env: env ?? process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.once("error", reject);
    // 'exit' is the process ending; 'close' would add the pipes' last events.
    child.once("exit", (code) => {
      const ms = performance.now() - began;
      child.once("close", () => resolve({ ms, code, stdout, stderr }));
    });
  });
}

/** Loaded with `node --require` in front of a command: on exit, its main thread writes the process's peak RSS and CPU. */
const PEAK_PRELOAD = `const fs = require("node:fs");
if (require("node:worker_threads").isMainThread) process.on("exit", () => {
  const cpu = process.cpuUsage();
  fs.writeFileSync(process.env.BENCH_PEAK_FILE, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, cpuMs: (cpu.user + cpu.system) / 1000 }));
});
`;

export interface Peak {
  /** The whole process's peak RSS, its worker threads' included. */
  maxRssKiB: number;
  /** The whole process's CPU time (user + system), start-up included. */
  cpuMs: number;
}

/** `timeProcess` of `node ARGS`, with the process's own peak RSS and CPU read at its exit. `dir`: a scratch folder. */
export async function timeNode(dir: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Timed & Peak> {
  const preload = join(dir, "peak.cjs");
  if (!existsSync(preload)) writeFileSync(preload, PEAK_PRELOAD);
  const file = join(dir, `peak-${process.hrtime.bigint()}.json`);
  const r = await timeProcess(process.execPath, ["--require", preload, ...args], { ...env, BENCH_PEAK_FILE: file });
  const peak: Peak = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Peak) : { maxRssKiB: NaN, cpuMs: NaN };
  rmSync(file, { force: true });
  return { ...r, ...peak };
}

/** True when `name` is an executable on PATH. */
export async function onPath(name: string): Promise<boolean> {
  try {
    const r = await timeProcess("sh", ["-c", `command -v ${name}`]);
    return r.code === 0 && r.stdout.trim() !== "";
  } catch {
    return false;
  }
}
