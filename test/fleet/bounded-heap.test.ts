// A fleet's run (a targets-file, or a concurrency of 64 and more) runs in a worker thread with a
// bounded young generation (src/bounded-heap.ts, issue 30); a single probe does not. What the
// user sees is the same either way: the report whole and in order, the verdict's exit status, a
// reader that leaves early or a full disk treated as without the worker. The built bundles run
// as the runner and a shell run them; a preload (NODE_OPTIONS --require, which workers inherit)
// says which threads ran and with what young generation.
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.js";
import { closeAfterFirstByte, ensureBuilt, runNode, startNode, type Built } from "../support/built.js";
import { startScriptedSmtp, type ScriptedServer } from "../support/scripted-server.js";
import { runAction } from "../action/run-action.js";

let built: Built;
const dir = mkdtempSync(join(tmpdir(), "smtp-gate-bounded-heap-"));
beforeAll(() => {
  built = ensureBuilt();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const EHLO = "250-test.local\r\n250 ENHANCEDSTATUSCODES\r\n";
async function server(rcpt: string): Promise<ScriptedServer> {
  const s = await startScriptedSmtp({ EHLO, MAIL: "250 2.1.0 Ok\r\n", RCPT: rcpt, RSET: "250 2.0.0 Ok\r\n" });
  servers.push(s);
  return s;
}

let files = 0;
const file = (lines: string[]): string => {
  const path = join(dir, `f${files++}`);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
};

/**
 * Writes one line per thread when it ends: whether it was the main thread, its young generation
 * limit, and whether smtp-gate loaded node:worker_threads (a single probe's start-up does not).
 */
const PRELOAD = `process.on("exit", () => {
  const loaded = process.moduleLoadList.includes("NativeModule worker_threads");
  const { isMainThread, resourceLimits } = require("node:worker_threads");
  require("node:fs").appendFileSync(process.env.THREADS_FILE,
    JSON.stringify({ main: isMainThread, young: resourceLimits.maxYoungGenerationSizeMb ?? null, loaded }) + "\\n");
});
`;
const preload = join(dir, "threads.cjs");
writeFileSync(preload, PRELOAD);

/** The env that loads the preload, and a reader of the threads it saw. */
type Thread = { main: boolean; young: number | null; loaded: boolean };
function watchThreads(): { env: Record<string, string>; threads: () => Thread[] } {
  const out = join(dir, `threads-${files++}.jsonl`);
  return {
    env: { NODE_OPTIONS: `--require ${preload}`, THREADS_FILE: out },
    threads: () => (existsSync(out) ? readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Thread) : []),
  };
}

const COMMON = ["--tls", "none", "--helo", "ci.example.com", "--from", "ci@example.com", "--to", "postmaster@example.com", "--timeout", "10"];
const IN_WORKER = [{ main: false, young: 48, loaded: true }, { main: true, young: null, loaded: true }];
const MAIN_ALONE = [{ main: true, young: null, loaded: false }];

describe("the CLI", () => {
  it("runs a targets-file in a worker with a 48 MiB young generation: every target in the report, the fail verdict's exit 1", async () => {
    const good = await server("250 2.1.5 Ok\r\n");
    const bad = await server("550 5.1.1 <postmaster@example.com>: Recipient address rejected: User unknown\r\n");
    const lines = [`127.0.0.1:${good.port}`, `127.0.0.1:${bad.port}`, `127.0.0.1:${good.port}`];
    const watch = watchThreads();
    const run = await runNode(built.cli, ["--targets-file", file(lines), ...COMMON, "--format", "json"], { env: watch.env, guardMs: 60_000 });
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.verdict).toBe("fail");
    expect(report.targets.map((t) => `${t.port} ${t.verdict}`).sort()).toEqual([`${bad.port} fail`, `${good.port} pass`, `${good.port} pass`].sort());
    expect(watch.threads()).toEqual(IN_WORKER);
  });

  it("runs --concurrency 64 in the worker, and the default concurrency's single probe in the main thread alone", async () => {
    const good = await server("250 2.1.5 Ok\r\n");
    const target = ["--host", "127.0.0.1", "--port", String(good.port), ...COMMON];
    const fleet = watchThreads();
    const wide = await runNode(built.cli, [...target, "--concurrency", "64"], { env: fleet.env, guardMs: 60_000 });
    expect(wide.code, wide.stderr).toBe(0);
    expect(wide.stdout).toMatch(/verdict: pass/);
    expect(fleet.threads()).toEqual(IN_WORKER);
    const single = watchThreads();
    const one = await runNode(built.cli, target, { env: single.env, guardMs: 60_000 });
    expect(one.code, one.stderr).toBe(0);
    // The same words from either thread, timings aside.
    const untimed = (s: string) => s.replace(/\d+ ms\b/g, "N ms");
    expect(untimed(one.stdout)).toBe(untimed(wide.stdout));
    expect(single.threads()).toEqual(MAIN_ALONE);
    // The worker's marker in the user's own environment does not make the main thread a worker.
    const marked = watchThreads();
    const again = await runNode(built.cli, target, { env: { ...marked.env, SMTP_GATE_BOUNDED_HEAP_WORKER: "1" }, guardMs: 60_000 });
    expect(untimed(again.stdout)).toBe(untimed(wide.stdout));
    expect(marked.threads()).toEqual([{ main: true, young: null, loaded: true }]);
  });

  it("refuses a bad targets-file in the worker as it would without: exit 2, the line named, nothing sent", async () => {
    const good = await server("250 2.1.5 Ok\r\n");
    const run = await runNode(built.cli, ["--targets-file", file([`127.0.0.1:${good.port}`, "mx:"]), ...COMMON], { guardMs: 60_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/f\d+:2: targets-file: "mx:"/);
    expect(run.stdout).toBe("");
    expect(good.connections).toBe(0);
  });

  describe("standard output that breaks, as without the worker (test/hostile/broken-sinks.test.ts)", () => {
    /** More JSON than a pipe holds (64 KiB): 60 targets of about 2 KB each. */
    const many = async (): Promise<string[]> => {
      const good = await server("250 2.1.5 Ok\r\n");
      return [...COMMON, "--targets-file", file(Array.from({ length: 60 }, () => `127.0.0.1:${good.port}`)), "--format", "json"];
    };
    const start = (args: string[], stdout: "pipe" | number) => startNode(built.cli, args, stdout, 60_000);

    it("a reader that leaves after the first chunk (| head -c1): the verdict's exit 0, nothing on stderr", async () => {
      const run = start(await many(), "pipe");
      await closeAfterFirstByte(run.stdout);
      const exit = await run.exit;
      expect(exit.stderr).toBe("");
      expect(exit.code).toBe(0);
    });

    it("a full disk (> /dev/full): one line on stderr and exit 4", async () => {
      const full = openSync("/dev/full", "w");
      try {
        const exit = await start(await many(), full).exit;
        expect(exit.code, exit.stderr).toBe(4);
        expect(exit.stderr.split("\n").filter(Boolean)).toEqual([expect.stringMatching(/^smtp-gate: cannot write to standard output: ENOSPC/)]);
      } finally {
        closeSync(full);
      }
    });
  });
});

describe("the action", () => {
  it("runs concurrency 64 in the worker: its outputs, summary and failed step are the worker's", async () => {
    const bad = await server("550 5.1.1 <postmaster@example.com>: Recipient address rejected: User unknown\r\n");
    const watch = watchThreads();
    const run = await runAction({ host: "127.0.0.1", port: String(bad.port), tls: "none", from: "ci@example.com", to: "postmaster@example.com", timeout: "10", concurrency: "64" }, watch.env);
    expect(run.code, run.stdout).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    expect(run.stdout).toMatch(/^::error /m);
    expect(run.summary).toMatch(/fail/);
    expect(watch.threads()).toEqual(IN_WORKER);
  });

  it("runs the default concurrency in the main thread alone", async () => {
    const good = await server("250 2.1.5 Ok\r\n");
    const watch = watchThreads();
    const run = await runAction({ host: "127.0.0.1", port: String(good.port), tls: "none", from: "ci@example.com", to: "postmaster@example.com", timeout: "10" }, watch.env);
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.verdict).toBe("pass");
    // (The action's own libraries load node:worker_threads.)
    expect(watch.threads()).toEqual([{ main: true, young: null, loaded: true }]);
  });
});
