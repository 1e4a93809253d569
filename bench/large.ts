/**
 * A large fleet at a fixed concurrency (issue 30): N targets (100,000 by default) against the
 * lean delayed server, C at once, beside the raw-socket reference at the same concurrency. The
 * engine streams (engine/run.ts `streamTargets`, report/stream.ts): targets come from a
 * generator, each result is written to the JSON report as it finishes, so peak RSS follows C,
 * not N. The CLI runs the same fleet the way a fleet job does (a targets-file, --report), in the
 * worker with a bounded young generation that a fleet's run gets (src/bounded-heap.ts). Then
 * `merge`'s reader (report/read-stream.ts) reads that report back, one target at a time. Every
 * contender is a fresh child process, so its peak RSS is its own.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { localIo } from "../src/config/local-io.js";
import { resolveTarget } from "../src/config/resolve.js";
import type { TargetConfig } from "../src/config/target.js";
import { streamTargets } from "../src/engine/run.js";
import { streamReportFile } from "../src/report/read-stream.js";
import { StreamedOutputs } from "../src/report/stream.js";
import { startDelayedMta } from "./delayed-mta.js";
import { synCounters, synCountersSince, type SynCounters } from "./listen-drops.js";
import type { RawFigures } from "./raw-client.js";
import { timeNode, timeProcess } from "./spawn.js";
import { mib, ms, type Row } from "./stats.js";

const DELAY_MS = 100;

interface LargeFigures {
  wallMs: number;
  cpuMs: number;
  maxRssKiB: number;
  targets: number;
  passed: number;
  reportBytes?: number;
  /** The heap still in use after the run and a full collection: what the run keeps (with --expose-gc). */
  retainedKiB?: number;
  syn?: SynCounters;
}

function* benchTargets(host: string, port: number, n: number): Generator<TargetConfig> {
  const io = { env: {}, label: (k: string) => k, ...localIo() };
  for (let i = 0; i < n; i++) {
    const t = resolveTarget({ name: `t${i}`, host, port, tls: "none", helo: "bench.example.com", from: "a@example.com", to: ["b@example.com"], timeout: 60 }, io);
    if ("problems" in t) throw new Error(JSON.stringify(t.problems));
    yield t;
  }
}

/** `bench large-child HOST PORT N C REPORT`: one streamed run; prints one JSON line. */
export async function largeChild(host: string, port: number, n: number, concurrency: number, reportPath: string): Promise<void> {
  const cpu = process.cpuUsage();
  const began = performance.now();
  const out = new StreamedOutputs().jsonFile("the report", reportPath);
  out.end(await streamTargets(benchTargets(host, port, n), { concurrency }, out.add));
  const used = process.cpuUsage(cpu);
  if (out.unwritten.length) throw new Error(out.unwritten.join("; "));
  const figures: LargeFigures = { wallMs: performance.now() - began, cpuMs: (used.user + used.system) / 1000, maxRssKiB: process.resourceUsage().maxRSS, targets: out.tally.total, passed: out.tally.verdicts.pass, reportBytes: statSync(reportPath).size };
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    figures.retainedKiB = process.memoryUsage().heapUsed / 1024;
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** `bench read-child REPORT`: reads a report back as `merge` does; prints one JSON line. */
export function readChild(reportPath: string): void {
  const cpu = process.cpuUsage();
  const began = performance.now();
  let passed = 0;
  const r = streamReportFile(reportPath, (t) => void (t.verdict === "pass" && passed++));
  if ("problem" in r) throw new Error(JSON.stringify(r.problem));
  const used = process.cpuUsage(cpu);
  const figures: LargeFigures = { wallMs: performance.now() - began, cpuMs: (used.user + used.system) / 1000, maxRssKiB: process.resourceUsage().maxRSS, targets: r.targets, passed };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

export async function benchLarge(self: string, cli: string, n: number, concurrency: number, host: string): Promise<{ rows: Row[]; notes: string[] }> {
  const mta = await startDelayedMta(DELAY_MS, host, Math.max(511, concurrency));
  const dir = mkdtempSync(join(tmpdir(), "smtp-gate-bench-large-"));
  const child = async <T>(args: string[], nodeFlags: string[] = []): Promise<T & { syn: SynCounters }> => {
    const syn = synCounters();
    const r = await timeProcess(process.execPath, [...nodeFlags, self, ...args]);
    if (r.code !== 0) throw new Error(`${args[0]} failed (${r.code}): ${r.stderr.slice(0, 500)}`);
    return { ...(JSON.parse(r.stdout.trim().split("\n").pop() as string) as T), syn: synCountersSince(syn) };
  };
  try {
    const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");
    const loadBefore = load();
    const report = join(dir, "report.json");
    const raw = await child<RawFigures & { maxRssKiB: number }>(["raw-child", host, String(mta.port), String(n), String(concurrency)]);
    const engine = await child<LargeFigures>(["large-child", host, String(mta.port), String(n), String(concurrency), report], ["--expose-gc"]);
    const read = await child<LargeFigures>(["read-child", report]);
    // The CLI as a fleet job runs it: a targets-file of n lines, the JSON report to a file.
    const targetsFile = join(dir, "targets.txt");
    writeFileSync(targetsFile, `${host}:${mta.port}\n`.repeat(n));
    const cliSyn = synCounters();
    const cliRun = await timeNode(dir, [cli, "--targets-file", targetsFile, "--concurrency", String(concurrency), "--tls", "none", "--helo", "bench.example.com", "--from", "a@example.com", "--to", "b@example.com", "--timeout", "60", "--report", join(dir, "cli-report.json")]);
    const cliCounts = /(\d+) targets \((\d+) pass/.exec(cliRun.stdout);
    const cliPassed = cliRun.code === 0 && cliCounts?.[1] === String(n) && cliCounts[2] === String(n);
    const cliSynSince = synCountersSince(cliSyn);
    const floorMs = Math.ceil(n / concurrency) * 3 * DELAY_MS;
    const perTarget = (f: { cpuMs: number }) => `${(f.cpuMs / n).toFixed(3)} ms`;
    const syn = (f: { syn: SynCounters }) => `${f.syn.retransmitted} SYNs retransmitted, ${f.syn.dropped} listen-queue drops`;
    return {
      rows: [
        { measure: `reference raw client: ${n} targets, ${concurrency} at once, wall (floor ${ms(floorMs)})`, value: ms(raw.wallMs) },
        { measure: "reference: client CPU per target", value: perTarget(raw) },
        { measure: "reference: peak RSS", value: mib(raw.maxRssKiB) },
        { measure: `engine, streamed: ${n} targets, ${concurrency} at once, wall`, value: ms(engine.wallMs) },
        { measure: "engine: wall ÷ reference wall", value: `${(engine.wallMs / raw.wallMs).toFixed(2)}×` },
        { measure: "engine: client CPU per target (report written included)", value: perTarget(engine), target: "≤ 0.4 ms", met: engine.cpuMs / n <= 0.4 },
        { measure: "engine in this process, Node's default heap: peak RSS", value: mib(engine.maxRssKiB) },
        { measure: "engine: heap still in use after the run and a full collection (what it keeps; the rest of the peak is V8's garbage headroom)", value: engine.retainedKiB !== undefined ? mib(engine.retainedKiB) : "n/a" },
        { measure: `CLI --targets-file ${n} lines --concurrency ${concurrency} --report (its fleet worker, 48 MiB young generation): wall / CPU per target (whole process)`, value: `${ms(cliRun.ms)} / ${perTarget(cliRun)}` },
        { measure: "CLI: peak RSS, the whole process", value: mib(cliRun.maxRssKiB), target: "< 256 MiB", met: cliPassed && cliRun.maxRssKiB < 256 * 1024 },
        { measure: `the streamed report read back as merge reads it (${((engine.reportBytes ?? 0) / 2 ** 20).toFixed(0)} MiB): wall / peak RSS`, value: `${ms(read.wallMs)} / ${mib(read.maxRssKiB)}`, target: "< 256 MiB", met: read.maxRssKiB < 256 * 1024 && read.targets === n },
      ],
      notes: [
        `every reply delayed ${DELAY_MS} ms (bench/delayed-mta.ts, listen queue ${Math.max(511, concurrency)}); the floor is ⌈${n} / ${concurrency}⌉ rounds × 3 delayed replies`,
        `passed: reference ${raw.passed}/${n}, engine ${engine.passed}/${engine.targets}, CLI ${cliCounts ? `${cliCounts[2]}/${cliCounts[1]}` : `none (exit ${cliRun.code}: ${cliRun.stderr.slice(0, 300)})`}, read back ${read.targets} targets (${read.passed} pass)`,
        `SYN retries: reference ${syn(raw)} (${raw.slowConnects} connects > 900 ms); engine ${syn(engine)}; CLI ${syn({ syn: cliSynSince })} — system-wide counters`,
        `CPU: reference ${ms(raw.cpuMs)}, engine ${ms(engine.cpuMs)} (ratio ${(engine.cpuMs / raw.cpuMs).toFixed(2)}×), reader ${ms(read.cpuMs)}; on ${cpus().length} cores shared with whatever else runs: load average ${loadBefore} before, ${load()} after`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await mta.close();
  }
}
