// `smtp-gate merge` through main(): shard reports combined into one, exit status from the worst.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Report, TargetResult } from "../../src/engine/result.js";
import type { Verdict } from "../../src/engine/verdict.js";
import { captureIo } from "./helpers.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "smtp-gate-merge-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function result(name: string, verdict: Verdict): TargetResult {
  const code = verdict === "fail" ? 550 : verdict === "warn" ? 450 : 250;
  return {
    name, host: `${name}.example.com`, port: 25, tlsMode: "none", verdict, durationMs: 12, error: null, tls: null,
    extensions: ["PIPELINING"], extensionsBeforeTls: null, transcript: [], transcriptCapped: false, unsolicitedReplies: 0,
    steps: [
      { command: null, reply: { code: 220, enhanced: null, lines: ["ready"], ending: "crlf" }, class: "success", expected: "220", verdict: "pass", ms: 1, phase: "waiting for the greeting" },
      { command: "RCPT TO:<x@example.com>", reply: { code, enhanced: null, lines: ["r"], ending: "crlf" }, class: verdict === "fail" ? "permanent" : verdict === "warn" ? "transient" : "success", expected: "250|251", verdict, ms: 1, phase: "sending RCPT TO" },
    ],
    findings: [],
  } as TargetResult;
}

function write(file: string, verdict: Verdict, targets: TargetResult[], startedAt = "2026-01-01T00:00:00.000Z"): string {
  const report: Report = { schema: "smtp-gate/report@1", verdict, tool: { name: "smtp-gate", version: "0.1.0" }, startedAt, targets };
  const path = join(dir, file);
  writeFileSync(path, JSON.stringify(report));
  return path;
}

async function merge(...args: string[]) {
  const io = captureIo();
  const code = await main(["merge", ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe("smtp-gate merge", () => {
  it("concatenates the targets in argument order; verdict is the worst; a failure exits 1", async () => {
    const a = write("a.json", "pass", [result("a1", "pass"), result("a2", "pass")], "2026-01-01T00:00:05.000Z");
    const b = write("b.json", "fail", [result("b1", "fail")], "2026-01-01T00:00:01.000Z");
    const r = await merge(a, b, "--format", "json");
    expect(r.code).toBe(1);
    const merged = JSON.parse(r.out) as Report;
    expect(merged.schema).toBe("smtp-gate/report@1");
    expect(merged.verdict).toBe("fail");
    expect(merged.targets.map((t) => t.name)).toEqual(["a1", "a2", "b1"]);
    expect(merged.startedAt).toBe("2026-01-01T00:00:01.000Z"); // the earliest shard's start
    const swapped = JSON.parse((await merge(b, a, "--format", "json")).out) as Report;
    expect(swapped.targets.map((t) => t.name)).toEqual(["b1", "a1", "a2"]);
  });

  it("pass + warn → warn, exit 0", async () => {
    const a = write("p.json", "pass", [result("p1", "pass")]);
    const b = write("w.json", "warn", [result("w1", "warn")]);
    const r = await merge(a, b, "--format", "json");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Report).verdict).toBe("warn");
  });

  it("writes the merged report with --report, and renders markdown for the job summary", async () => {
    const a = write("m1.json", "pass", [result("m1", "pass")]);
    const b = write("m2.json", "fail", [result("m2", "fail")]);
    const out = join(dir, "merged.json");
    const r = await merge(a, b, "--format", "markdown", "--report", out);
    expect(r.code).toBe(1);
    expect(r.out).toContain("m1");
    expect(r.out).toContain("m2");
    expect((JSON.parse(readFileSync(out, "utf8")) as Report).targets.map((t) => t.name)).toEqual(["m1", "m2"]);
  });

  it.each([
    ["a JSON file that is not a report", JSON.stringify({ hello: "world" }), /not a smtp-gate report/],
    ["a report without targets", JSON.stringify({ schema: "smtp-gate/report@1", verdict: "pass" }), /no targets/],
    ["not JSON at all", "targets:\n  - host: x\n", /cannot read/],
  ])("exits 2 on %s, naming the file", async (_what, content, message) => {
    const good = write("good.json", "pass", [result("g", "pass")]);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, content);
    const r = await merge(good, bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain(bad);
    expect(r.out).toBe("");
  });

  it("exits 2 on a missing file and on no files", async () => {
    expect((await merge(join(dir, "nope.json"))).code).toBe(2);
    expect((await merge()).code).toBe(2);
  });
});
