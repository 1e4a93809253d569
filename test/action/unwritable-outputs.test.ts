// Issue 15: files the action writes. A report-file that is a folder, a junit-file that cannot be
// written, a GITHUB_STEP_SUMMARY that is a folder or a GITHUB_OUTPUT that is missing were an
// "internal error: EISDIR … at writeFileSync" stack trace after the probe had connected. Now they
// fail the step as invalid configuration before anything is sent; a failure only writing shows
// (/dev/full) is one error line, the step fails, and the rest (outputs, summary) is still written.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startScriptedSmtp, type ScriptedServer } from "../support/scripted-server.js";
import { commands, runAction } from "./run-action.js";

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const dir = mkdtempSync(join(tmpdir(), "smtp-gate-action-outputs-"));
writeFileSync(join(dir, "a-file"), "");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function server(): Promise<ScriptedServer> {
  const s = await startScriptedSmtp({ EHLO: "250 test.local\r\n" });
  servers.push(s);
  return s;
}

const inputs = (s: ScriptedServer, more: Record<string, string> = {}) => ({ host: "127.0.0.1", port: String(s.port), tls: "none", timeout: "5", ...more });

describe("an output the action cannot write is invalid configuration: nothing is sent", () => {
  it.each([
    ["report-file is a folder", { "report-file": dir }, {}, /input report-file: ".*" is a folder/],
    ["junit-file is below a regular file", { "junit-file": join(dir, "a-file", "junit.xml") }, {}, /input junit-file: ".*" is below a file/],
    ["GITHUB_STEP_SUMMARY is a folder", {}, { GITHUB_STEP_SUMMARY: dir }, /GITHUB_STEP_SUMMARY: ".*" is a folder/],
    ["GITHUB_OUTPUT is missing", {}, { GITHUB_OUTPUT: join(dir, "no-such-output") }, /GITHUB_OUTPUT: ".*no-such-output" does not exist/],
  ])("%s", async (_label, more, env, named) => {
    const s = await server();
    const run = await runAction(inputs(s, more), env);
    expect(run.code).toBe(1);
    const errors = commands(run.stdout, "error").map((e) => e.message);
    expect(errors.join("\n")).toMatch(named);
    expect(errors.join("\n")).toMatch(/nothing was sent/);
    expect(run.stdout + run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(await s.connectionsBeforeNow()).toBe(0);
  });

  it("sanity: the same inputs with writable files probe (so 0 above means something)", async () => {
    const s = await server();
    const run = await runAction(inputs(s, { "junit-file": "junit.xml" }));
    expect(run.code, run.stdout).toBe(0);
    expect(await s.connectionsBeforeNow()).toBe(1);
  });
});

describe("a write that fails only when it happens (/dev/full): one line, the step fails, the rest is written", () => {
  it.each([
    ["report-file", { "report-file": "/dev/full" }, {}, "the report to /dev/full"],
    ["junit-file", { "junit-file": "/dev/full" }, {}, "the JUnit report to /dev/full"],
  ])("%s /dev/full", async (_label, more, env, what) => {
    const s = await server();
    const run = await runAction(inputs(s, more), env);
    expect(run.code).toBe(1);
    expect(commands(run.stdout, "error").map((e) => e.message)).toEqual([
      `smtp-gate: cannot write ${what}: ENOSPC: no space left on device, write`,
      "smtp-gate: the verdict is pass, but a result could not be written (above)",
    ]);
    expect(run.stdout).toContain(`127.0.0.1:${s.port}`); // the probe's result, printed
    expect(run.outputs.verdict).toBe("pass");
    expect(run.summary).toContain("PASS");
    expect(run.stdout + run.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it("GITHUB_OUTPUT /dev/full: the outputs are named, the summary is still written", async () => {
    const s = await server();
    const run = await runAction(inputs(s), { GITHUB_OUTPUT: "/dev/full" });
    expect(run.code).toBe(1);
    expect(commands(run.stdout, "error")[0]?.message).toBe("smtp-gate: cannot write the outputs to GITHUB_OUTPUT: ENOSPC: no space left on device, write");
    expect(run.summary).toContain("PASS");
    expect(run.stdout + run.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});
