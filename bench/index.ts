/**
 * `npm run bench`: fleet scale and speed, measured side by side in one run on this machine.
 * Bundled and started by scripts/bench.mjs; a benchmark, not a test: it prints, it asserts nothing.
 *
 *   node scripts/bench.mjs [--only startup,fleet,large,roundtrips,dns,consumers] [--server lean|proxy] [--runs N] [--targets N] [--repeats N] [--report-targets N]
 *                          [--host 127.0.0.N]  (the lean server's loopback address)
 *                          [--only large --large-targets N (100000) --large-concurrency C (1000)]
 *   (bundle) serve [DELAY_MS] [lean|proxy]  the fleet's delayed server alone (lean by default, as
 *                                       the fleet section; on $BENCH_HOST), for profiling by hand; prints its port
 *   (bundle) fleet-child HOST PORT N    one runTargets run of N targets; prints JSON figures
 *   (bundle) raw-child HOST PORT N [C]  the raw-socket reference client, N conversations (C at once); prints JSON figures
 *   (bundle) large-child HOST PORT N C REPORT  a streamed engine run; read-child REPORT  the report read back as merge does
 *   (bundle) consumer-child KIND N      renders the PR comment or job summary of N targets; prints JSON figures
 */
import { cpus, loadavg, totalmem } from "node:os";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { startDelayedMta } from "./delayed-mta.js";
import { benchDnsBudget } from "./dns-budget.js";
import { benchFleet, fleetChild } from "./fleet.js";
import { benchLarge, largeChild, readChild } from "./large.js";
import { rawChild } from "./raw-client.js";
import { benchRoundTrips } from "./roundtrips.js";
import { benchStartup } from "./startup.js";
import { benchConsumers, consumerChild } from "./consumers.js";
import { table } from "./stats.js";

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv[0] === "raw-child") {
    await rawChild(argv[1] as string, Number(argv[2]), Number(argv[3]), argv[4] ? Number(argv[4]) : undefined);
    return 0;
  }
  if (argv[0] === "large-child") {
    await largeChild(argv[1] as string, Number(argv[2]), Number(argv[3]), Number(argv[4]), argv[5] as string);
    return 0;
  }
  if (argv[0] === "read-child") {
    readChild(argv[1] as string);
    return 0;
  }
  if (argv[0] === "consumer-child") {
    consumerChild(argv[1] === "summary" ? "summary" : "comment", Number(argv[2]));
    return 0;
  }
  if (argv[0] === "fleet-child") {
    await fleetChild(argv[1] as string, Number(argv[2]), Number(argv[3]));
    return 0;
  }
  if (argv[0] === "serve") {
    // For profiling by hand: the fleet section's server, every reply delayed DELAY_MS.
    const delay = Number(argv[1] ?? 100);
    const stop = new Promise<void>((resolve) => process.once("SIGINT", resolve).once("SIGTERM", resolve));
    if (argv[2] === "proxy") {
      const { startDemoMta } = await import("../src/demo/mta.js");
      const { startFaultProxy } = await import("../test/support/fault-proxy.js");
      const mta = await startDemoMta(0);
      const proxy = await startFaultProxy({ upstreamPort: mta.port, mode: { latencyMs: { toClient: delay } } });
      process.stdout.write(`${proxy.port}\n`);
      await stop;
      await proxy.close();
      await mta.close();
    } else {
      const mta = await startDelayedMta(delay, process.env.BENCH_HOST ?? "127.0.0.1", 4096);
      process.stdout.write(`${mta.port}\n`);
      await stop;
      await mta.close();
    }
    return 0;
  }
  const { values } = parseArgs({
    args: argv,
    options: { only: { type: "string" }, "report-targets": { type: "string" }, server: { type: "string" }, runs: { type: "string" }, targets: { type: "string" }, repeats: { type: "string" }, cli: { type: "string" }, host: { type: "string" }, "large-targets": { type: "string" }, "large-concurrency": { type: "string" }, "command-line": { type: "string" } },
  });
  const runs = Number(values.runs ?? 40);
  const targets = Number(values.targets ?? 200);
  const repeats = Number(values.repeats ?? 5);
  const cli = resolve(values.cli ?? "dist/cli/index.js");
  if (!existsSync(cli)) {
    process.stderr.write(`bench: ${cli} is missing; run npm run build first\n`);
    return 2;
  }
  const self = process.argv[1] as string;
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`## smtp-gate bench\n`);
  out(`command: ${values["command-line"] ?? `node ${process.argv.slice(1).join(" ")}`}`);
  out(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${process.platform}`);
  out(`date: ${new Date().toISOString()}; load average at start: ${loadavg().map((l) => l.toFixed(2)).join(" ")}\n`);
  const only = new Set((values.only ?? "startup,fleet,large,roundtrips,consumers").split(","));

  if (only.has("startup")) {
    const startup = await benchStartup(cli, runs);
    out(table("Single probe, whole process", startup.rows));
    for (const n of startup.notes) out(`- ${n}`);
    out("");
  }
  if (only.has("fleet")) {
    const fleet = await benchFleet(self, cli, targets, repeats, values.server === "proxy" ? "proxy" : "lean", values.host ?? "127.0.0.1");
    out(table(`${targets} targets, every reply delayed 100 ms`, fleet.rows));
    for (const n of fleet.notes) out(`- ${n}`);
    out("");
  }
  if (only.has("large")) {
    const n = Number(values["large-targets"] ?? 100_000);
    const c = Number(values["large-concurrency"] ?? 1000);
    const large = await benchLarge(self, cli, n, c, values.host ?? "127.0.0.1");
    out(table(`${n} targets at concurrency ${c}, streamed, every reply delayed 100 ms`, large.rows));
    for (const note of large.notes) out(`- ${note}`);
    out("");
  }
  if (only.has("roundtrips")) {
    const rt = await benchRoundTrips(repeats);
    out(table("Round trips (RTT 50 ms)", rt.rows));
    for (const n of rt.notes) out(`- ${n}`);
    out("");
  }
  if (only.has("dns")) {
    const d = await benchDnsBudget(cli);
    out(table("DNS within the budget", d.rows));
    for (const n of d.notes) out(`- ${n}`);
    out("");
  }
  if (only.has("consumers")) {
    const n = Number(values["report-targets"] ?? 10_000);
    const c = await benchConsumers(self, n);
    out(table(`The report's consumers, ${n} targets`, c.rows));
    for (const note of c.notes) out(`- ${note}`);
    out("");
  }
  out(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
