// A streamed run (contract §8, large fleets): the JSON report is one valid document written target
// by target, JUnit likewise, and the bounded reader (report/read-stream.ts) reads back what
// either writer wrote, target by target.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { startDemoMta, type DemoMta } from "../../src/demo/mta.js";
import type { DomainResult, Report, TargetResult } from "../../src/model/report.js";
import { runTargets } from "../../src/engine/run.js";
import { renderJson } from "../../src/report/json.js";
import { renderJunit } from "../../src/report/junit.js";
import { parseReportJson } from "../../src/report/read-report.js";
import { streamReportFile } from "../../src/report/read-stream.js";
import { reportSummaryLine } from "../../src/report/summary-line.js";
import { ChunkedWriter, JsonReportStream, JunitFileStream, RunTally, SHOWN_TARGETS, StreamedOutputs } from "../../src/report/stream.js";
import { captureIo, target } from "./helpers.js";

let mta: DemoMta;
let dir: string;
beforeAll(async () => {
  mta = await startDemoMta(0);
  dir = mkdtempSync(join(tmpdir(), "smtp-gate-stream-"));
});
afterAll(async () => {
  await mta.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** A real report of `n` targets against the demo MTA; the odd ones fail (connection refused). */
async function probeFleet(n: number): Promise<Report> {
  const refused = await closedPort();
  const targets = Array.from({ length: n }, (_, i) => target(i % 2 ? refused : mta.port, { name: `t${i}` }));
  return runTargets(targets, { concurrency: 8 });
}

function streamJson(report: Report): string {
  let text = "";
  const json = new JsonReportStream(new ChunkedWriter((s) => void (text += s)));
  for (const t of report.targets) json.target(t);
  const { targets: _t, ...end } = report;
  json.end(end);
  return text;
}

function readBack(path: string): { targets: TargetResult[]; rest: Omit<Report, "targets"> } {
  const targets: TargetResult[] = [];
  const r = streamReportFile(path, (t) => void targets.push(t));
  if ("problem" in r) throw new Error(JSON.stringify(r.problem));
  expect(r.targets).toBe(targets.length);
  return { targets, rest: r.report };
}

describe("the streamed JSON report", () => {
  it("is one JSON document that reads back as the whole report does", async () => {
    const report = await probeFleet(6);
    expect(report.targets.map((t) => t.verdict)).toContain("fail");
    const text = streamJson(report);
    const whole = parseReportJson(renderJson(report));
    expect(parseReportJson(text)).toEqual(whole);
    const file = join(dir, "streamed.json");
    writeFileSync(file, text);
    const back = readBack(file);
    expect({ ...back.rest, targets: back.targets }).toEqual(whole);
  });

  it("takes the mail domains as they come, keeps none in memory, and writes them into the tail whole (a UTF-8 name across the 64 KiB chunks included)", async () => {
    const report = await probeFleet(2);
    // Enough domains that the spool is read back in several chunks, with two-byte characters
    // (an IDN's U-label) so that a chunk ends inside one somewhere.
    const domains: DomainResult[] = Array.from({ length: 3000 }, (_, i) => ({
      domain: `bücher-${i}.example`,
      mtaSts: i % 2 ? null : { txtId: `id${i}`, policyId: `id${i}`, mode: "enforce", maxAge: 86400, mx: [`mx.bücher-${i}.example`], bodySha256: "0".repeat(64) },
      tlsRpt: i % 3 ? null : { rua: [`mailto:tls@bücher-${i}.example`] },
    }));
    let text = "";
    const json = new JsonReportStream(new ChunkedWriter((s) => void (text += s)));
    json.target(report.targets[0] as TargetResult);
    for (const d of domains) json.domain(d);
    json.target(report.targets[1] as TargetResult);
    const { targets: _t, domains: _d, ...end } = report;
    json.end(end);
    expect(text.length).toBeGreaterThan(3 * 64 * 1024);
    const whole = parseReportJson(renderJson({ ...report, domains }));
    expect(parseReportJson(text)).toEqual(whole);
    const file = join(dir, "domains.json");
    writeFileSync(file, text);
    expect(readBack(file).rest.domains).toEqual(domains);
  });

  it("a stream given up after a failed write leaves no spooled domains behind", async () => {
    const report = await probeFleet(1);
    const spools = () => readdirSync(tmpdir()).filter((f) => f.startsWith("smtp-gate-domains-"));
    const before = spools();
    const out = new StreamedOutputs();
    let fail = false;
    out.json(() => {
      if (fail) throw new Error("no space left on device");
    });
    out.add(report.targets[0] as TargetResult, 0, 0);
    out.domain({ domain: "a.example", mtaSts: null, tlsRpt: null });
    expect(spools().length).toBe(before.length + 1);
    fail = true;
    // A target large enough to make the stream write (64 KiB) while the run goes on: the write fails there.
    const big = { ...(report.targets[0] as TargetResult), transcript: Array.from({ length: 6 }, (_, i) => ({ t: i, dir: "S" as const, text: "x".repeat(15_000) })) };
    out.add(big, 1, 0);
    expect(out.unwritten).toEqual(["cannot write the report to standard output: no space left on device"]);
    expect(spools()).toEqual(before);
  });

  it("of no targets is valid too", () => {
    const empty: Report = { schema: "smtp-gate/report@1", verdict: "pass", tool: { name: "smtp-gate", version: "x" }, startedAt: "2026-01-01T00:00:00.000Z", targets: [] };
    const text = streamJson(empty);
    expect(JSON.parse(text)).toMatchObject({ targets: [], verdict: "pass" });
    const file = join(dir, "empty.json");
    writeFileSync(file, text);
    expect(readBack(file).targets).toEqual([]);
  });

  it("the reader takes braces, brackets, quotes and a key named targets inside strings as text", async () => {
    const report = await probeFleet(2);
    const hostile = '{"targets": [ ] } \\" ]]} [[{';
    const t0 = report.targets[0] as TargetResult;
    t0.transcript.push({ t: 1, dir: "S", text: hostile });
    (t0.findings[0] ?? { message: "" }).message = hostile;
    const file = join(dir, "hostile.json");
    // Written whole, unindented, then streamed: the reader depends on neither layout.
    writeFileSync(file, JSON.stringify(JSON.parse(renderJson(report))));
    const back = readBack(file);
    expect(back.targets).toHaveLength(2);
    expect(back.targets[0]?.transcript.at(-1)?.text).toBe(hostile);
    expect(back.rest.verdict).toBe(report.verdict);
  });

  it("a broken document is a problem naming the file, not an exception", () => {
    const file = join(dir, "broken.json");
    writeFileSync(file, '{"schema": "smtp-gate/report@1", "targets": [{"name": 1}, ');
    const r = streamReportFile(file, () => {});
    expect(r).toHaveProperty("problem.file", file);
    writeFileSync(file, '{"schema": "smtp-gate/report@1", "targets": [{"name": "a",}]}');
    expect(streamReportFile(file, () => {})).toHaveProperty("problem.field", "targets");
    writeFileSync(file, '{"schema": "other", "targets": []}');
    expect(streamReportFile(file, () => {})).toHaveProperty("problem.field", "schema");
    writeFileSync(file, Buffer.alloc(4096));
    expect(streamReportFile(file, () => {})).toHaveProperty("problem.message", "is not JSON: a report starts with {");
    writeFileSync(file, '{"schema": "smtp-gate/report@1", "targets": []} {}');
    expect(streamReportFile(file, () => {})).toHaveProperty("problem.message", "has text after the report's closing brace");
  });
});

describe("the streamed JUnit file", () => {
  it("equals the whole-report JUnit but for the root tag's spacing", async () => {
    const report = await probeFleet(5);
    const file = join(dir, "junit.xml");
    const junit = new JunitFileStream(file);
    for (const t of report.targets) junit.target(t);
    junit.end();
    const norm = (s: string) => s.replace(/<testsuites ([^>]*?)\s*>/, (_, a: string) => `<testsuites ${a.replace(/\s+/g, " ")}>`);
    expect(norm(readFileSync(file, "utf8"))).toBe(norm(renderJunit(report)));
    expect(readFileSync(file, "utf8")).toMatch(/<testsuites name="smtp-gate" tests="\d+" failures="[1-9]\d*"\s*>/);
  });
});

describe("the tally", () => {
  it("counts every target and shows the worst first once the fleet is large", () => {
    const tally = new RunTally();
    const t = (i: number, verdict: TargetResult["verdict"]) => ({ name: `t${i}`, host: "h", port: 25, verdict, steps: [], error: null, findings: [], durationMs: 1 }) as unknown as TargetResult;
    const n = SHOWN_TARGETS * 3;
    for (let i = 0; i < n; i++) tally.add(t(i, i === n - 1 ? "fail" : i === n - 2 ? "warn" : "pass"), i, 0);
    expect(tally.verdicts).toEqual({ pass: n - 2, warn: 1, fail: 1 });
    expect(tally.complete).toBe(false);
    const shown = tally.report({ schema: "smtp-gate/report@1", verdict: "fail", tool: { name: "smtp-gate", version: "x" }, startedAt: "" }).targets;
    expect(shown).toHaveLength(SHOWN_TARGETS);
    expect(shown.map((x) => x.name)).toEqual(expect.arrayContaining([`t${n - 1}`, `t${n - 2}`]));
    // The one-line summary counts every target, not only the shown ones.
    const line = reportSummaryLine({ schema: "smtp-gate/report@1", verdict: "fail", tool: { name: "smtp-gate", version: "x" }, startedAt: "", targets: shown }, tally.verdicts);
    expect(line).toContain(`(+${n - 1} more targets, 1 warn, ${n - 2} pass)`);
    // In input order.
    expect(shown.map((x) => Number(x.name.slice(1)))).toEqual(shown.map((x) => Number(x.name.slice(1))).sort((a, b) => a - b));
  });
});

describe("through the CLI", () => {
  it("--report and --format json both stream a valid report of every target; the text shows a few and the counts", async () => {
    const n = SHOWN_TARGETS + 20;
    const config = join(dir, "fleet.yml");
    writeFileSync(config, ["defaults:", "  host: 127.0.0.1", `  port: ${mta.port}`, "  tls: none", "  helo: ci.example.com", "targets:", ...Array.from({ length: n }, (_, i) => `  - name: f${i}`)].join("\n"));
    const reportFile = join(dir, "cli.json");
    const io = captureIo();
    expect(await main(["--config", config, "--concurrency", "16", "--format", "json", "--report", reportFile], io)).toBe(0);
    const stdout = JSON.parse(io.out()) as Report;
    const file = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
    for (const r of [stdout, file]) {
      expect(r.verdict).toBe("pass");
      expect(new Set(r.targets.map((t) => t.name)).size).toBe(n);
    }
    expect(readBack(reportFile).targets).toHaveLength(n);

    const text = captureIo();
    expect(await main(["--config", config, "--concurrency", "16"], text)).toBe(0);
    expect(text.out()).toContain(`${n} targets (${n} pass, 0 warn, 0 fail): ${SHOWN_TARGETS} shown above`);
  });
});
