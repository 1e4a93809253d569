// The built bundles for tests that run them as processes: a private copy of dist/ (another
// process rebuilding dist/ starts with `rm -rf dist` and must not pull files from under a test).
import { execFile, execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Readable } from "node:stream";

const ROOT = resolve(import.meta.dirname, "../..");

export interface Built {
  /** The CLI bundle (dist/cli/index.js). */
  cli: string;
  /** The action bundle (dist/index.js). */
  action: string;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The built bundles, copied to a private folder (other people may be rebuilding dist/, which
 * starts with `rm -rf dist`). Uses dist/ as `npm run build` left it when it is complete;
 * otherwise builds privately with scripts/build.mjs into its own folder, never touching dist/.
 * Test files in parallel workers share one copy through a lock directory.
 */
export function ensureBuilt(): Built {
  const dist = join(ROOT, "dist");
  const stamp = complete(dist) ? ["index.js", "cli/index.js", "cli/cli.js"].map((f) => Math.round(statSync(join(dist, f)).mtimeMs)).join("-") : `src-${Math.round(newestMtime(join(ROOT, "src")))}`;
  const key = `smtp-gate-hostile-${stamp}`;
  const dest = join(tmpdir(), key);
  const lock = `${dest}.lock`;
  const done = (): Built => ({ cli: join(dest, "cli", "index.js"), action: join(dest, "index.js") });
  for (let waited = 0; !existsSync(join(dest, "ok")); waited += 200) {
    try {
      mkdirSync(lock);
    } catch {
      // Someone else is building: wait for them (at most two minutes).
      if (waited > 120_000) throw new Error(`timed out waiting for ${lock}`);
      sleepSync(200);
      continue;
    }
    try {
      buildInto(dest);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return done();
}

const complete = (d: string): boolean => ["index.js", "cli/index.js", "cli/cli.js"].every((f) => existsSync(join(d, f)));

function buildInto(dest: string): void {
  const stage = mkdtempSync(`${dest}-stage-`);
  let ok = false;
  try {
    rmSync(stage, { recursive: true, force: true });
    cpSync(join(ROOT, "dist"), stage, { recursive: true });
    ok = complete(stage);
  } catch {
    ok = false;
  }
  if (!ok) {
    rmSync(stage, { recursive: true, force: true });
    execFileSync(process.execPath, ["scripts/build.mjs", stage], { cwd: ROOT, stdio: "ignore" });
    if (!complete(stage)) throw new Error("the private build of smtp-gate is incomplete");
  }
  mkdirSync(join(stage, "ok"));
  rmSync(dest, { recursive: true, force: true });
  renameSync(stage, dest);
}

export interface ProcResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** True when the process had to be killed by our guard (it did not exit by itself). */
  killed: boolean;
}

/** Runs node FILE ARGS asynchronously (the test's event loop keeps serving), killing it after `guardMs`. */
export function runNode(file: string, args: string[], opts: { env?: Record<string, string>; cwd?: string; guardMs?: number } = {}): Promise<ProcResult> {
  const began = performance.now();
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [file, ...args],
      { env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...opts.env }, cwd: opts.cwd ?? ROOT, timeout: opts.guardMs ?? 15_000, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { killed?: boolean; signal?: NodeJS.Signals | null; code?: unknown }) | null;
        done({
          code: e ? (typeof e.code === "number" ? e.code : null) : 0,
          signal: e?.signal ?? null,
          stdout,
          stderr,
          ms: performance.now() - began,
          killed: Boolean(e?.killed),
        });
      },
    );
    child.stdin?.end();
  });
}

/**
 * Starts node FILE ARGS with stdout as given (a pipe, or an open file such as /dev/full), as a
 * shell would; the guard kills it only if it does not end by itself (which fails the test).
 */
export function startNode(file: string, args: string[], stdout: "pipe" | number, guardMs = 20_000): { stdout: Readable | null; exit: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [file, ...args], {
    stdio: ["ignore", stdout, "pipe"],
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1" },
  });
  const guard = setTimeout(() => child.kill("SIGKILL"), guardMs);
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  const exit = new Promise<{ code: number | null; stderr: string }>((done) => child.once("close", (code) => {
    clearTimeout(guard);
    done({ code, stderr });
  }));
  return { stdout: child.stdout, exit };
}

/** Reads the first chunk, then closes the pipe, as `| head -c1` does. */
export function closeAfterFirstByte(stdout: Readable | null): Promise<void> {
  return new Promise((done) => stdout?.once("data", () => {
    stdout.destroy();
    done();
  }));
}
