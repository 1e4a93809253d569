// `smtp-gate merge` on untrusted shard reports: shards are counted by their run identity
// (contract §8), and nothing in a report can start a workflow command or break a line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { runIdentity } from "../../src/engine/run.js";
import type { Report, RunIdentity, TargetResult } from "../../src/model/report.js";
import { renderJson } from "../../src/report/json.js";
import { BREAKS, injectedReports, unsafeLines } from "../support/injected-report.js";
import { markdownEffects } from "../support/markdown-effects.js";
import { captureIo, target } from "./helpers.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "smtp-gate-shards-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RUN: RunIdentity = runIdentity([target(2525), target(2526), target(2527)]);

function result(name: string, over: Partial<TargetResult> = {}): TargetResult {
  return {
    name, host: `${name}.example.com`, port: 25, tlsMode: "none", verdict: "pass", durationMs: 1, error: null, tls: null, extensions: [], extensionsBeforeTls: null,
    steps: [{ command: null, verb: null, reply: { code: 220, enhanced: null, lines: ["ready"], ending: "crlf" }, class: "success", expected: "220", verdict: "pass", ms: 1, phase: "waiting for the greeting" }],
    findings: [], transcript: [], transcriptCapped: false, unsolicitedReplies: 0, ...over,
  };
}

function write(file: string, report: Partial<Report> & { targets: TargetResult[] }): string {
  const path = join(dir, file);
  writeFileSync(path, renderJson({ schema: "smtp-gate/report@1", verdict: "pass", tool: { name: "smtp-gate", version: "0.1.0" }, startedAt: "2026-01-01T00:00:00.000Z", ...report }));
  return path;
}

const shard = (i: number, n = 3, run: RunIdentity = RUN): RunIdentity => ({ ...run, shard: `${i}/${n}` });

async function merge(...args: string[]) {
  const io = captureIo();
  const code = await main(["merge", ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe("merge counts the shards of one run", () => {
  it("records the run: shard I/N, the target count and the digest of the whole list before sharding", () => {
    expect(RUN).toMatchObject({ shard: null, targets: 3 });
    expect(RUN.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(runIdentity([target(2525), target(2526), target(2527)], { index: 2, count: 3 })).toEqual({ ...RUN, shard: "2/3" });
    expect(runIdentity([target(2525), target(2526)]).digest).not.toBe(RUN.digest);
  });

  it("passes with every shard, and the merged report is the whole run", async () => {
    const files = [1, 2, 3].map((i) => write(`all-${i}.json`, { run: shard(i), targets: [result(`t${i}`)] }));
    const r = await merge(...files, "--format", "json");
    expect(r.code).toBe(0);
    const merged = JSON.parse(r.out) as Report;
    expect(merged.verdict).toBe("pass");
    expect(merged.run).toEqual(RUN);
  });

  it("carries every shard's mail domains, each once (the first shard's entry), to --report and standard output", async () => {
    const d = (domain: string, id: string) => ({ domain, mtaSts: { txtId: id, policyId: id, mode: "enforce" as const, maxAge: 86400, mx: [`mx.${domain}`], bodySha256: "0".repeat(64) }, tlsRpt: null });
    const files = [
      write("dom-1.json", { run: shard(1), targets: [result("t1")], domains: [d("a.example", "a1"), d("shared.example", "s1")] }),
      write("dom-2.json", { run: shard(2), targets: [result("t2")], domains: [d("shared.example", "s2"), d("b.example", "b1")] }),
      write("dom-3.json", { run: shard(3), targets: [result("t3")] }),
    ];
    const reportFile = join(dir, "dom-merged.json");
    const r = await merge(...files, "--format", "json", "--report", reportFile);
    expect(r.code).toBe(0);
    const want = [d("a.example", "a1"), d("shared.example", "s1"), d("b.example", "b1")];
    expect((JSON.parse(r.out) as Report).domains).toEqual(want);
    expect((JSON.parse(readFileSync(reportFile, "utf8")) as Report).domains).toEqual(want);
  });

  it("fails when a shard is missing, with a finding that names it", async () => {
    const a = write("miss-1.json", { run: shard(1), targets: [result("t1")] });
    const c = write("miss-3.json", { run: shard(3), targets: [result("t3")] });
    const r = await merge(a, c, "--format", "json");
    expect(r.code).toBe(1);
    const merged = JSON.parse(r.out) as Report;
    expect(merged.verdict).toBe("fail");
    const finding = merged.targets.flatMap((t) => t.findings).find((f) => f.id === "merge-shards-missing");
    expect(finding?.message).toMatch(/shard 2\/3 /);
    expect((await merge(a, "--format", "text")).out).toMatch(/shards 2\/3 and 3\/3/);
  });

  it("a shard alone does not pass (the fleet never goes green by accident)", async () => {
    const b = write("alone-2.json", { run: shard(2), targets: [result("t2")] });
    const r = await merge(b);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/verdict: fail/);
  });

  it("refuses a shard given twice, naming both files", async () => {
    const a = write("dup-1.json", { run: shard(1), targets: [result("t1")] });
    const again = write("dup-1-again.json", { run: shard(1), targets: [result("t1")] });
    const r = await merge(a, again, "--format", "json");
    expect(r.code).toBe(2);
    expect(r.err).toContain(again);
    expect(r.err).toMatch(/repeats shard 1\/3, already given by .*dup-1\.json/);
    expect(r.out).toBe("");
  });

  it("refuses reports of different runs, and a report without a run among shards", async () => {
    const a = write("run-a.json", { run: shard(1), targets: [result("t1")] });
    const other = write("run-b.json", { run: shard(2, 3, runIdentity([target(9)])), targets: [result("t2")] });
    const r = await merge(a, other);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/another run's \(1 targets/);
    const legacy = write("run-none.json", { targets: [result("t2")] });
    expect((await merge(a, legacy)).err).toMatch(/run: is missing/);
    const otherCount = write("run-n.json", { run: shard(2, 4), targets: [result("t2")] });
    expect((await merge(a, otherCount)).err).toMatch(/run in 3 parts/);
  });

  it("recomputes the verdict: a report that says pass with a failing target fails", async () => {
    const failing = result("bad", { verdict: "fail", steps: [{ ...result("x").steps[0]!, reply: { code: 554, enhanced: null, lines: ["no"], ending: "crlf" }, verdict: "fail" }] });
    const path = write("lying.json", { verdict: "pass", targets: [{ ...failing, verdict: "pass" }] });
    const r = await merge(path, "--format", "json");
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as Report).verdict).toBe("fail");
  });

  it("merges a SOCKS5 (proxy) error", async () => {
    const path = write("proxy.json", { targets: [result("p", { verdict: "fail", error: { kind: "proxy", message: "the SOCKS5 proxy refused the connection", step: 0 } })] });
    const r = await merge(path, "--format", "json");
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as Report).targets[0]?.error?.kind).toBe("proxy");
  });

  it("merges a report of 200,000 steps without running out of stack", async () => {
    const step = result("x").steps[0]!;
    const path = join(dir, "huge.json");
    const report: Report = { schema: "smtp-gate/report@1", verdict: "pass", tool: { name: "smtp-gate", version: "0.1.0" }, startedAt: "2026-01-01T00:00:00.000Z", targets: [result("huge", { steps: Array.from({ length: 200_000 }, () => step) })] };
    writeFileSync(path, JSON.stringify(report)); // compact: under the 64 MiB a report may have
    for (const format of ["json", "text", "markdown"]) {
      const r = await merge(path, "--format", format);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
    }
  }, 60_000);
});

describe("merge renders an untrusted report's text inert", () => {
  it.each(Object.keys(BREAKS))("%s in every string field: no line break, control or workflow command reaches text, markdown or JSON", async (name) => {
    const brk = BREAKS[name as keyof typeof BREAKS];
    const files = injectedReports(brk).map((r, i) => {
      delete r.run; // shards of different runs are refused; this merges reports without a run identity
      const path = join(dir, `injected-${name}-${i}.json`);
      writeFileSync(path, JSON.stringify(r));
      return path;
    });
    for (const format of ["text", "markdown", "json"]) {
      const r = await merge(...files, "--format", format);
      expect(r.err).toBe("");
      expect([0, 1]).toContain(r.code);
      expect(r.out).toContain("Injected"); // the text is shown, as data
      expect(unsafeLines(r.out)).toEqual([]);
      if (format === "json") expect(() => JSON.parse(r.out)).not.toThrow();
      if (format === "markdown") expect(markdownEffects(r.out)).toMatchObject({ links: [], mention: 0, issue: 0, url: 0, www: 0 });
    }
  });

  it("refusal messages quote a report's values inertly", async () => {
    const [a, b] = injectedReports("\r\n", 2) as [Report, Report];
    a.run = { shard: "1/2", targets: 1, digest: "d\r\n::error title=Injected::x" };
    b.run = { shard: "2/2", targets: 1, digest: "e\r\n::error title=Injected::y" };
    const r = await merge(write("ref-a.json", a), write("ref-b.json", b));
    expect(r.code).toBe(2);
    expect(unsafeLines(r.err)).toEqual([]);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
  });
});
