/** Runs a whole process and times it from spawn to exit (what a CI step pays). */
import { spawn } from "node:child_process";

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

/** True when `name` is an executable on PATH. */
export async function onPath(name: string): Promise<boolean> {
  try {
    const r = await timeProcess("sh", ["-c", `command -v ${name}`]);
    return r.code === 0 && r.stdout.trim() !== "";
  } catch {
    return false;
  }
}
