// Helpers for the hostile-peer suite: targets built through resolveTarget (the same validation
// every face uses), a raw loopback server for byte-exact abuse, timing, and a private copy of the
// built bundles (so another process rebuilding dist/ cannot pull the files from under a test).
import net from "node:net";
import { execFile, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { resolveTarget, type RawTarget } from "../../src/config/resolve.js";
import type { TargetConfig } from "../../src/config/target.js";
import type { TargetResult } from "../../src/engine/result.js";
import { probeTarget } from "../../src/engine/run.js";
import { Redactor } from "../../src/protocol/redact.js";

export const ROOT = resolve(import.meta.dirname, "../..");

/** A TargetConfig exactly as the CLI/action/config file would build it; throws on a config problem. */
export function resolved(raw: RawTarget, env: Record<string, string | undefined> = {}): TargetConfig {
  const r = resolveTarget({ host: "127.0.0.1", tls: "none", helo: "ci.example.com", from: "app@example.com", ...raw }, { env, label: (k) => k });
  if ("problems" in r) throw new Error(`test target does not resolve: ${JSON.stringify(r.problems)}`);
  return r;
}

export async function timedProbe(t: TargetConfig, redactor = new Redactor()): Promise<{ r: TargetResult; ms: number }> {
  const began = performance.now();
  const r = await probeTarget(t, redactor);
  return { r, ms: performance.now() - began };
}

import { sleep } from "../support/harness.js";
export { sleep };

/** Polls `cond` until true or `ms` pass; returns whether it became true. */
export async function eventually(cond: () => boolean, ms = 1000): Promise<boolean> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    if (cond()) return true;
    await sleep(10);
  }
  return cond();
}

export interface RawServer {
  port: number;
  connections: number;
  /** Server-side sockets not yet closed: 0 shortly after a probe means the client hung up. */
  open(): number;
  /** Everything every client sent, in order. */
  received(): string;
  close(): Promise<void>;
}

/**
 * A server that hands each accepted socket to `onConnection`; the function may return a cleanup
 * (an interval to clear) that runs when the socket closes. Every socket has an error listener.
 */
export async function startRawServer(onConnection: (s: net.Socket, index: number) => (() => void) | void): Promise<RawServer> {
  const sockets = new Set<net.Socket>();
  const chunks: Buffer[] = [];
  const server = net.createServer();
  server.on("error", () => {});
  const self: RawServer = {
    port: 0,
    connections: 0,
    open: () => sockets.size,
    received: () => Buffer.concat(chunks).toString("latin1"),
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
  server.on("connection", (s) => {
    const index = self.connections++;
    sockets.add(s);
    s.setNoDelay(true);
    s.on("error", () => {});
    s.on("data", (c: Buffer) => chunks.push(c));
    let cleanup: (() => void) | void = undefined;
    s.once("close", () => {
      sockets.delete(s);
      cleanup?.();
    });
    cleanup = onConnection(s, index);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  self.port = (server.address() as AddressInfo).port;
  return self;
}

/** Writes `chunk` as fast as the socket takes it, until the socket closes. */
export function flood(s: net.Socket, chunk: Buffer): () => void {
  let stopped = false;
  const pump = (): void => {
    while (!stopped && !s.destroyed && s.write(chunk)) {
      /* keep writing */
    }
    if (!stopped && !s.destroyed) s.once("drain", pump);
  };
  pump();
  return () => {
    stopped = true;
  };
}

export { Closer, captureIo, type CapturedIo } from "../support/harness.js";

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
 * otherwise builds privately with ncc exactly as scripts/build.mjs does, never touching dist/.
 * Test files in parallel workers share one copy through a lock directory.
 */
export function ensureBuilt(): Built {
  const dist = join(ROOT, "dist");
  const stamp = complete(dist) ? ["index.js", "cli/index.js"].map((f) => Math.round(statSync(join(dist, f)).mtimeMs)).join("-") : `src-${Math.round(newestMtime(join(ROOT, "src")))}`;
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

const complete = (d: string): boolean => existsSync(join(d, "index.js")) && existsSync(join(d, "cli", "index.js"));

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
    const ncc = join(ROOT, "node_modules/.bin/ncc");
    const opts = { cwd: ROOT, stdio: "ignore" as const };
    execFileSync(ncc, ["build", "src/action/index.ts", "-o", stage, "--target", "es2022", "--no-source-map-register", "-q"], opts);
    execFileSync(ncc, ["build", "src/cli/index.ts", "-o", join(stage, "cli"), "--target", "es2022", "--no-source-map-register", "-q"], opts);
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
