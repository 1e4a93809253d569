// Issue 15: standard output that breaks. A reader that leaves (`| head -c1`) ends the run quietly
// with the verdict's exit status; a failed write (`> /dev/full`) is one line on stderr and exit 4.
// Before, both were an unhandled EPIPE/ENOSPC stack trace and exit 1, which reads as "fail".
import { closeSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Verdict } from "../../src/engine/verdict.js";
import { closeAfterFirstByte, startNode } from "../support/built.js";
import { ensureBuilt, type Built } from "./helpers.js";

let built: Built;
let dir: string;
beforeAll(() => {
  built = ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "smtp-gate-sinks-"));
}, 120_000);

/** A shard report whose rendering is megabytes: far more than a pipe holds (64 KiB). */
function bigReport(verdict: Verdict): string {
  const target = (i: number) => ({
    name: `t${i}`, host: `h${i}.example`, port: 25, tlsMode: "none", verdict, durationMs: 1, error: null, tls: null, extensions: [], extensionsBeforeTls: null,
    steps: [{ command: null, reply: { code: 220, enhanced: null, lines: ["ready"] }, class: "success", expected: "220", verdict: "pass", ms: 1, phase: "waiting for the greeting" }],
    findings: [], transcript: [], transcriptCapped: false,
  });
  const file = join(dir, `big-${verdict}.json`);
  writeFileSync(file, JSON.stringify({ schema: "smtp-gate/report@1", verdict, tool: { name: "smtp-gate", version: "0" }, startedAt: "2026-01-01T00:00:00.000Z", targets: Array.from({ length: 2000 }, (_, i) => target(i)) }));
  return file;
}

/** Starts the CLI with stdout as given (test/support/built.ts). */
const startCli = (args: string[], stdout: "pipe" | number) => startNode(built.cli, args, stdout);

describe("a reader that leaves early (| head -c1)", () => {
  it.each([["pass", 0], ["fail", 1]] as const)("verdict %s: exit %i, nothing on stderr", async (verdict, code) => {
    const run = startCli(["merge", bigReport(verdict), "--format", "json"], "pipe");
    await closeAfterFirstByte(run.stdout);
    const exit = await run.exit;
    expect(exit.stderr).toBe("");
    expect(exit.code).toBe(code);
  });
});

describe("standard output that cannot be written (> /dev/full)", () => {
  it.each([
    ["merge", () => ["merge", bigReport("pass"), "--format", "json"]],
    ["--demo", () => ["--demo"]],
    ["explain", () => ["explain", "550", "5.1.1"]],
  ])("%s: one line on stderr and exit 4", async (_label, args) => {
    const full = openSync("/dev/full", "w");
    try {
      const exit = await startCli(args(), full).exit;
      expect(exit.code, exit.stderr).toBe(4);
      const lines = exit.stderr.split("\n").filter((l) => l && !l.startsWith("Demo:"));
      expect(lines).toEqual([expect.stringMatching(/^smtp-gate: cannot write to standard output: ENOSPC/)]);
    } finally {
      closeSync(full);
    }
  });
});
