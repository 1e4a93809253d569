// Issue 15: files the CLI was asked to write. A path that cannot be a file (a folder, a missing
// folder, below a regular file) is a configuration error before anything is sent, exit 2; a
// failure only writing shows (/dev/full) is one line, exit 4, and the result is printed anyway.
// Before: "cannot write the report" and exit 0 after probing, or a stack trace and exit 3 (merge).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScriptedSmtp, type ScriptedServer } from "../support/scripted-server.js";
import { ensureBuilt, runNode, type Built } from "./helpers.js";

let built: Built;
let dir: string;
let srv: ScriptedServer;
beforeAll(async () => {
  built = ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "smtp-gate-outputs-"));
  writeFileSync(join(dir, "a-file"), "");
}, 120_000);
afterAll(() => srv?.close());

async function freshServer(): Promise<ScriptedServer> {
  await srv?.close();
  srv = await startScriptedSmtp({ EHLO: "250 test.local\r\n" });
  return srv;
}

const probe = (s: ScriptedServer): string[] => ["--host", "127.0.0.1", "--port", String(s.port), "--tls", "none", "--timeout", "5"];

describe("an output path that cannot be a file: exit 2 before connecting", () => {
  it.each([
    ["--report a folder", () => ["--report", dir], /--report: ".*" is a folder/],
    ["--report in a missing folder", () => ["--report", join(dir, "missing", "r.json")], /--report: ".*" is in a folder that does not exist/],
    ["--report below a regular file", () => ["--report", join(dir, "a-file", "r.json")], /--report: ".*a-file\/r\.json" is below a file, not a folder/],
    ["--write-baseline a folder", () => ["--write-baseline", dir], /--write-baseline: ".*" is a folder/],
  ])("%s", async (_label, extra, named) => {
    const s = await freshServer();
    const p = await runNode(built.cli, [...probe(s), ...extra()]);
    expect(p.code, p.stderr).toBe(2);
    expect(p.stderr).toMatch(named);
    expect(p.stderr).toMatch(/nothing was sent/);
    expect(p.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(await s.connectionsBeforeNow()).toBe(0);
  });

  it("merge --report /nonexistent/x.json: exit 2, no stack trace, nothing written to stdout", async () => {
    const shard = join(dir, "shard.json");
    writeFileSync(shard, JSON.stringify({ schema: "smtp-gate/report@1", verdict: "pass", targets: [] }));
    const p = await runNode(built.cli, ["merge", shard, "--report", "/nonexistent/x.json"]);
    expect(p.code, p.stderr).toBe(2);
    expect(p.stderr).toMatch(/--report: "\/nonexistent\/x\.json" is in a folder that does not exist/);
    expect(p.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(p.stdout).toBe("");
  });

  it("sanity: the same probe with a writable --report connects and writes it (so 0 above means something)", async () => {
    const s = await freshServer();
    const p = await runNode(built.cli, [...probe(s), "--report", join(dir, "ok.json")]);
    expect(p.code, p.stderr).toBe(0);
    expect(await s.connectionsBeforeNow()).toBe(1);
  });
});

describe("a write that fails only when it happens (/dev/full): one line, exit 4, the result printed", () => {
  it.each([
    ["--report", "the report"],
    ["--write-baseline", "the baseline"],
  ])("%s /dev/full", async (option, what) => {
    const s = await freshServer();
    const p = await runNode(built.cli, [...probe(s), option, "/dev/full"]);
    expect(p.code, p.stderr).toBe(4);
    expect(p.stderr.trim().split("\n")).toEqual([`smtp-gate: cannot write ${what} to /dev/full: ENOSPC: no space left on device, write`]);
    expect(p.stdout).toContain(`127.0.0.1:${s.port}`);
    expect(await s.connectionsBeforeNow()).toBe(1);
  });

  it("merge --report /dev/full", async () => {
    const shard = join(dir, "shard-full.json");
    writeFileSync(shard, JSON.stringify({ schema: "smtp-gate/report@1", verdict: "pass", targets: [] }));
    const p = await runNode(built.cli, ["merge", shard, "--report", "/dev/full"]);
    expect(p.code, p.stderr).toBe(4);
    expect(p.stderr).toMatch(/^smtp-gate: cannot write the merged report to \/dev\/full: ENOSPC/);
    expect(p.stdout).toMatch(/PASS|pass/);
  });
});
