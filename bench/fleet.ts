/**
 * 200 targets, every reply delayed 100 ms: a lean server that waits 100 ms before every reply
 * (bench/delayed-mta.ts), served by this process; `--server proxy` puts the fault proxy
 * (latencyMs toClient 100) in front of the demo MTA instead, which costs the server side more CPU. smtp-gate runs in a child process, so its wall time
 * and peak RSS are its own: once through the engine (runTargets, concurrency = targets), once
 * through the CLI with a config file (`--concurrency 200`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { FLEET_CONCURRENCY } from "../src/bounded-heap.js";
import { localIo } from "../src/config/local-io.js";
import { resolveTarget } from "../src/config/resolve.js";
import type { TargetConfig } from "../src/config/target.js";
import { startDemoMta } from "../src/demo/mta.js";
import { startDelayedMta } from "./delayed-mta.js";
import { runTargets } from "../src/engine/run.js";
import { startFaultProxy } from "../test/support/fault-proxy.js";
import { SYN_RETRY_MS, synCounters, synCountersSince, type SynCounters } from "./listen-drops.js";
import type { RawFigures } from "./raw-client.js";
import { timeNode, timeProcess } from "./spawn.js";
import { median, mib, ms, type Row } from "./stats.js";

const DELAY_MS = 100;

interface ChildFigures {
  wallMs: number;
  maxRssKiB: number;
  vmHwmKiB: number;
  targets: number;
  passed: number;
  meanTargetMs: number;
  /** CPU time (user + system) the client spent inside runTargets. */
  cpuMs: number;
  /**
   * The same N targets run again in the same process, after the first run: what a target costs
   * once the JIT has compiled the path and the heap has grown (the first run pays both, once).
   */
  warmCpuMs?: number;
  /** CPU time the serving process (proxy + demo MTA) spent during the child's whole life. */
  serverCpuMs?: number;
  /** The kernel's SYN counters during the run (system-wide). */
  syn?: SynCounters;
}

function benchTarget(host: string, port: number, i: number): TargetConfig {
  const t = resolveTarget(
    { name: `t${String(i).padStart(3, "0")}`, host, port, tls: "none", helo: "bench.example.com", from: "a@example.com", to: ["b@example.com"], timeout: 30 },
    { env: {}, label: (k) => k, ...localIo() },
  );
  if ("problems" in t) throw new Error(JSON.stringify(t.problems));
  return t;
}

/** `bench fleet-child HOST PORT N`: runs in the child; prints one JSON line. */
export async function fleetChild(host: string, port: number, n: number): Promise<void> {
  const targets = Array.from({ length: n }, (_, i) => benchTarget(host, port, i));
  const cpu = process.cpuUsage();
  const began = performance.now();
  const report = await runTargets(targets, { concurrency: n });
  const wallMs = performance.now() - began;
  const used = process.cpuUsage(cpu);
  const figures: ChildFigures = {
    wallMs,
    maxRssKiB: process.resourceUsage().maxRSS,
    vmHwmKiB: vmHwm(),
    targets: report.targets.length,
    passed: report.targets.filter((t) => t.verdict === "pass").length,
    meanTargetMs: report.targets.reduce((a, t) => a + t.durationMs, 0) / Math.max(1, report.targets.length),
    cpuMs: (used.user + used.system) / 1000,
  };
  if (n > 1) {
    // After the figures above (peak RSS included) were taken: this run only adds its CPU.
    const again = process.cpuUsage();
    const second = await runTargets(targets, { concurrency: n });
    const warm = process.cpuUsage(again);
    if (second.targets.every((t) => t.verdict === "pass")) figures.warmCpuMs = (warm.user + warm.system) / 1000;
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

function vmHwm(): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

interface Retries {
  syn?: SynCounters;
  slowConnects?: number;
}

function retried(f: Retries): boolean {
  return (f.slowConnects ?? 0) > 0 || (f.syn?.retransmitted ?? 0) > 0 || (f.syn?.dropped ?? 0) > 0;
}

/** One run's wall time, marked where SYN retries were seen. */
function runLabel(f: Retries & { wallMs: number }): string {
  if (!retried(f)) return ms(f.wallMs);
  const slow = f.slowConnects !== undefined ? `, ${f.slowConnects} connects > ${SYN_RETRY_MS} ms` : "";
  return `${ms(f.wallMs)} (SYN retries: ${f.syn?.retransmitted ?? "?"} retransmitted, ${f.syn?.dropped ?? "?"} queue drops${slow})`;
}

export interface FleetFigures {
  rows: Row[];
  notes: string[];
}

/** `host`: where the lean server listens (a loopback address of its own keeps parallel benches apart). */
export async function benchFleet(self: string, cli: string, n: number, repeats: number, serverKind: "lean" | "proxy", leanHost = "127.0.0.1"): Promise<FleetFigures> {
  // The listen queue holds the whole fleet's SYNs: a bench of the client, not of the kernel's retry.
  const mta = serverKind === "proxy" ? await startDemoMta(0) : await startDelayedMta(DELAY_MS, leanHost, Math.max(511, n));
  const host = serverKind === "proxy" ? "127.0.0.1" : leanHost;
  const proxy = serverKind === "proxy" ? await startFaultProxy({ upstreamPort: mta.port, mode: { latencyMs: { toClient: DELAY_MS } } }) : { port: mta.port, close: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), "smtp-gate-bench-"));
  const notes: string[] = [];
  try {
    // Engine: one child per run, so every RSS figure starts from a fresh process.
    const engine = async (count: number): Promise<ChildFigures> => {
      const cpu = process.cpuUsage();
      const syn = synCounters();
      const r = await timeProcess(process.execPath, [self, "fleet-child", host, String(proxy.port), String(count)]);
      const used = process.cpuUsage(cpu);
      if (r.code !== 0) throw new Error(`fleet child failed (${r.code}): ${r.stderr}`);
      return { ...(JSON.parse(r.stdout.trim().split("\n").pop() as string) as ChildFigures), serverCpuMs: (used.user + used.system) / 1000, syn: synCountersSince(syn) };
    };
    // The raw-socket reference client (bench/raw-client.ts), also one child per run.
    const raw = async (count: number): Promise<RawFigures & { syn: SynCounters }> => {
      const syn = synCounters();
      const r = await timeProcess(process.execPath, [self, "raw-child", host, String(proxy.port), String(count)]);
      if (r.code !== 0) throw new Error(`raw child failed (${r.code}): ${r.stderr}`);
      return { ...(JSON.parse(r.stdout.trim().split("\n").pop() as string) as RawFigures), syn: synCountersSince(syn) };
    };
    // CLI: a config file of `count` targets, --concurrency count.
    // Whole processes are timed here, so NODE_EXTRA_CA_CERTS goes, as in the single-probe section:
    // where it is set it adds the same large, noisy start-up cost to both runs and flatters the ratio.
    const cliEnv: NodeJS.ProcessEnv = { ...process.env };
    delete cliEnv.NODE_EXTRA_CA_CERTS;
    const config = (count: number): string => {
      const file = join(dir, `targets-${count}.yml`);
      const lines = ["defaults:", `  host: ${host}`, `  port: ${proxy.port}`, "  tls: none", "  helo: bench.example.com", "  from: a@example.com", "  to: [b@example.com]", "targets:"];
      for (let i = 0; i < count; i++) lines.push(`  - name: t${String(i).padStart(3, "0")}`);
      writeFileSync(file, `${lines.join("\n")}\n`);
      return file;
    };
    const cliRun = async (count: number): Promise<{ wallMs: number; maxRssKiB: number; passed: number; syn: SynCounters }> => {
      const syn = synCounters();
      const r = await timeNode(dir, [cli, "--config", config(count), "--concurrency", String(count), "--format", "json"], cliEnv);
      if (r.code !== 0 && r.code !== 1) throw new Error(`CLI fleet run exited ${r.code}: ${r.stderr.slice(0, 500)}`);
      const report = JSON.parse(r.stdout) as { targets: { name: string; verdict: string; error: { message: string } | null; findings: { id: string; message: string }[] }[] };
      const bad = report.targets.find((t) => t.verdict !== "pass");
      if (bad) notes.push(`CLI run of ${count}: ${bad.name} ${bad.verdict}: ${bad.error?.message ?? bad.findings.map((f) => `${f.id}: ${f.message}`).join("; ")}`);
      return {
        wallMs: r.ms,
        maxRssKiB: r.maxRssKiB,
        passed: report.targets.filter((t) => t.verdict === "pass").length,
        syn: synCountersSince(syn),
      };
    };

    await engine(1); // warm-up
    const e1: ChildFigures[] = [];
    const eN: ChildFigures[] = [];
    const c1: Awaited<ReturnType<typeof cliRun>>[] = [];
    const cN: Awaited<ReturnType<typeof cliRun>>[] = [];
    const r1: (RawFigures & { syn: SynCounters })[] = [];
    const rN: (RawFigures & { syn: SynCounters })[] = [];
    for (let i = 0; i < repeats; i++) {
      r1.push(await raw(1));
      rN.push(await raw(n));
      e1.push(await engine(1));
      eN.push(await engine(n));
      c1.push(await cliRun(1));
      cN.push(await cliRun(n));
    }
    const rw1 = median(r1.map((f) => f.wallMs));
    const rwN = median(rN.map((f) => f.wallMs));
    const w1 = median(e1.map((f) => f.wallMs));
    const wN = median(eN.map((f) => f.wallMs));
    const cw1 = median(c1.map((f) => f.wallMs));
    const cwN = median(cN.map((f) => f.wallMs));
    const cpuE = median(eN.map((f) => f.cpuMs));
    const cpuR = median(rN.map((f) => f.cpuMs));
    const cpuWarm = median(eN.map((f) => f.warmCpuMs ?? NaN));
    const rssN = Math.max(...eN.map((f) => f.maxRssKiB));
    const rss1 = Math.max(...e1.map((f) => f.maxRssKiB));
    const crssN = Math.max(...cN.map((f) => f.maxRssKiB));
    const crss1 = Math.max(...c1.map((f) => f.maxRssKiB));
    const failed = [...eN, ...e1].filter((f) => f.passed !== f.targets).length + [...cN, ...rN].filter((f) => f.passed !== n).length;
    if (failed) notes.push(`WARNING: ${failed} run(s) had targets that did not pass; figures are suspect`);
    notes.push(`every reply delayed ${DELAY_MS} ms (${serverKind === "proxy" ? "fault proxy latencyMs toClient in front of the demo MTA" : "bench/delayed-mta.ts"}); sequence: greeting, EHLO, MAIL+RCPT+RSET+QUIT pipelined = 3 delayed replies, so ≈ ${3 * DELAY_MS} ms per target`);
    if (process.env.NODE_EXTRA_CA_CERTS) notes.push(`CLI runs without NODE_EXTRA_CA_CERTS (set here to ${process.env.NODE_EXTRA_CA_CERTS}): see the single-probe section`);
    notes.push(`listen queue ${serverKind === "proxy" ? "511 (the fault proxy's)" : `${Math.max(511, n)} (at least the concurrency; the kernel caps it at net.core.somaxconn)`}; a run marked "SYN retries" saw the kernel's TcpExt TCPSynRetrans or ListenOverflows+ListenDrops rise during it (system-wide: another process's retries count too), or, for the reference client, connects slower than ${SYN_RETRY_MS} ms`);
    notes.push(`engine runs: ${repeats} × (1 target, ${n} targets), each in a fresh child process; every run's ${n}-target wall: ${eN.map(runLabel).join(", ")}; CLI: ${cN.map(runLabel).join(", ")}`);
    if (n >= FLEET_CONCURRENCY) notes.push(`the CLI's ${n}-target run (--concurrency ${n}) runs in its fleet worker with a bounded young generation (src/bounded-heap.ts), its 1-target run in the main thread: the ratio includes the worker's start-up`);
    notes.push(`reference client: every run's ${n}-target wall ${rN.map(runLabel).join(", ")} (slowest connect ${ms(Math.max(...rN.map((f) => f.maxConnectMs)))}); its CPU ${ms(median(rN.map((f) => f.cpuMs)))} for ${n} (smtp-gate's is below): what remains of the ratio is the server's and the machine's`);
    notes.push(`mean target durationMs: 1 target ${ms(median(e1.map((f) => f.meanTargetMs)))}, ${n} targets ${ms(median(eN.map((f) => f.meanTargetMs)))}`);
    notes.push(`CPU inside runTargets, ${n} targets: client ${ms(median(eN.map((f) => f.cpuMs)))} (${(median(eN.map((f) => f.cpuMs)) / n).toFixed(3)} ms per target, the reference ${(median(rN.map((f) => f.cpuMs)) / n).toFixed(3)} ms; 1 target: ${ms(median(e1.map((f) => f.cpuMs)))}); server side (${serverKind === "proxy" ? "fault proxy + demo MTA" : "delayed MTA"}, this process) ${ms(median(eN.map((f) => f.serverCpuMs ?? NaN)))} for the child's two runs of ${n} — on ${cpus().length} cores shared with whatever else runs (load average now ${loadavg().map((l) => l.toFixed(2)).join(" ")})`);
    const hit = (runs: readonly Retries[]) => runs.filter(retried).length;
    return {
      notes,
      rows: [
        { measure: `runs of ${n} that hit SYN retries: reference / engine / CLI (of ${repeats} each)`, value: `${hit(rN)} / ${hit(eN)} / ${hit(cN)}`, target: "0", met: hit(rN) + hit(eN) + hit(cN) === 0 },
        { measure: `reference: raw-socket client (bench/raw-client.ts), ${n}-target ÷ 1-target wall (${ms(rwN)} / ${ms(rw1)})`, value: `${(rwN / rw1).toFixed(2)}×` },
        { measure: "engine (runTargets): 1 target, wall (median)", value: ms(w1) },
        { measure: `engine (runTargets): ${n} targets, concurrency ${n}, wall (median)`, value: ms(wN) },
        { measure: `engine: ${n}-target wall ÷ 1-target wall`, value: `${(wN / w1).toFixed(2)}×` },
        { measure: "engine's ratio ÷ the reference's ratio (issue 30)", value: `${(wN / w1 / (rwN / rw1)).toFixed(2)}×`, target: "≤ 1.15×", met: wN / w1 / (rwN / rw1) <= 1.15 },
        { measure: `engine: client CPU per target, ${n} targets in a fresh process (the reference: ${(cpuR / n).toFixed(3)} ms)`, value: `${(cpuE / n).toFixed(3)} ms`, target: "≤ 0.4 ms", met: cpuE / n <= 0.4 },
        { measure: `engine: the same ${n} again in that process (JIT and heap warm)`, value: `${(cpuWarm / n).toFixed(3)} ms` },
        { measure: `engine: peak RSS, ${n} targets (1 target: ${mib(rss1)})`, value: mib(rssN), target: "≤ 100 MiB", met: rssN <= 100 * 1024 },
        { measure: "CLI --config: 1 target, whole process (median)", value: ms(cw1) },
        { measure: `CLI --config: ${n} targets --concurrency ${n}, whole process (median)`, value: ms(cwN) },
        { measure: `CLI: ${n}-target ÷ 1-target`, value: `${(cwN / cw1).toFixed(2)}×`, target: "≤ 1.3×", met: cwN / cw1 <= 1.3 },
        { measure: `CLI: peak RSS, ${n} targets (1 target: ${mib(crss1)})`, value: mib(crssN), target: "≤ 100 MiB", met: crssN <= 100 * 1024 },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await proxy.close();
    await mta.close();
  }
}
