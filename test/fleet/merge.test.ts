// `smtp-gate merge` through main(): shard reports combined into one, exit status from the worst.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { renderJson } from "../../src/report/json.js";
import type { Report, TargetResult } from "../../src/model/report.js";
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
      { command: null, verb: null, reply: { code: 220, enhanced: null, lines: ["ready"], ending: "crlf" }, class: "success", expected: "220", verdict: "pass", ms: 1, phase: "waiting for the greeting" },
      { command: "RCPT TO:<x@example.com>", verb: "RCPT", reply: { code, enhanced: null, lines: ["r"], ending: "crlf" }, class: verdict === "fail" ? "permanent" : verdict === "warn" ? "transient" : "success", expected: "250|251", verdict, ms: 1, phase: "sending RCPT TO" },
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

/** A shard report's text with these targets, which may be anything. */
function shard(targets: unknown[]): string {
  return JSON.stringify({ schema: "smtp-gate/report@1", verdict: "pass", tool: { name: "smtp-gate", version: "0.1.0" }, startedAt: "2026-01-01T00:00:00.000Z", targets });
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

  it("keeps every field a shard's JSON report has (the reader copies by type, it does not drop)", async () => {
    const full: TargetResult = {
      ...result("f1", "fail"),
      error: { kind: "closed", message: "reset", step: 1 },
      tls: { protocol: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384", authorized: false, authorizationError: "SELF_SIGNED", subject: "mx", subjectAltNames: ["DNS:mx"], issuer: "ca", validFrom: null, validTo: null, daysLeft: 3, fingerprint256: "AB:CD" },
      extensionsBeforeTls: ["STARTTLS"],
      findings: [{ id: "x", severity: "warning", step: 1, message: "m", cause: "other", causes: ["c"], ruledOut: [{ cause: "r", evidence: "e" }], fixes: ["f"] }],
      transcript: [{ t: 0, dir: "S", text: "220 ready" }, { t: 3, dir: "C", text: "QUIT" }],
      transcriptCapped: true,
      source: { file: "fleet.yml", line: 7 },
    };
    full.steps[1] = { ...(full.steps[1] as TargetResult["steps"][number]), extra: "cleanup", reply: { code: 550, enhanced: "5.1.1", lines: ["r"], ending: "lf" } };
    const a = write("full.json", "fail", [full]);
    const r = await merge(a, "--format", "json");
    const written = JSON.parse(readFileSync(a, "utf8")) as Report;
    expect(JSON.parse(r.out).targets).toEqual(JSON.parse(renderJson(written)).targets);
    expect(JSON.parse(r.out).targets[0]).toMatchObject({ transcript: full.transcript, source: full.source, tls: full.tls, error: full.error });
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
    ["a JSON file that is not a report", JSON.stringify({ hello: "world" }), /schema: .*not an smtp-gate report/],
    ["a report without targets", JSON.stringify({ schema: "smtp-gate/report@1", verdict: "pass" }), /targets: must be a list/],
    ["not JSON at all", "targets:\n  - host: x\n", /is not JSON/],
    // Issue 15: each of these was a TypeError and exit 3.
    ["a null target", shard([null]), /targets\[0\]: must be an object/],
    ["steps that are a number", shard([{ ...result("s", "pass"), steps: 7 }]), /targets\[0\]\.steps: must be a list/],
    ["a null step", shard([{ ...result("s", "pass"), steps: [null] }]), /targets\[0\]\.steps\[0\]: must be an object/],
    ["a null finding", shard([{ ...result("s", "pass"), findings: [null] }]), /targets\[0\]\.findings\[0\]: must be an object/],
    ["a reply without a code", shard([{ ...result("s", "pass"), steps: [{ command: null, reply: { lines: [] } }] }]), /targets\[0\]\.steps\[0\]\.reply\.code: must be a reply code/],
  ])("exits 2 on %s, naming the file", async (_what, content, message) => {
    const good = write("good.json", "pass", [result("g", "pass")]);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, content);
    const r = await merge(good, bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain(bad);
    expect(r.err).not.toMatch(/TypeError|internal error|\n\s+at /);
    expect(r.out).toBe("");
  });

  it("exits 2 on a missing file and on no files", async () => {
    expect((await merge(join(dir, "nope.json"))).code).toBe(2);
    expect((await merge()).code).toBe(2);
  });
});
