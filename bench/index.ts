/**
 * `npm run bench`: fleet scale and speed, measured side by side in one run on this machine.
 * Bundled and started by scripts/bench.mjs; a benchmark, not a test: it prints, it asserts nothing.
 *
 *   node scripts/bench.mjs [--runs N] [--targets N] [--repeats N]
 */
import { cpus, totalmem } from "node:os";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { benchFleet, fleetChild } from "./fleet.js";
import { benchRoundTrips } from "./roundtrips.js";
import { benchStartup } from "./startup.js";
import { table } from "./stats.js";

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv[0] === "fleet-child") {
    await fleetChild(Number(argv[1]), Number(argv[2]));
    return 0;
  }
  const { values } = parseArgs({
    args: argv,
    options: { runs: { type: "string" }, targets: { type: "string" }, repeats: { type: "string" }, cli: { type: "string" }, "command-line": { type: "string" } },
  });
  const runs = Number(values.runs ?? 20);
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
  out(`date: ${new Date().toISOString()}\n`);

  const startup = await benchStartup(cli, runs);
  out(table("Single probe, whole process", startup.rows));
  for (const n of startup.notes) out(`- ${n}`);
  out("");

  const fleet = await benchFleet(self, cli, targets, Math.max(1, Math.min(repeats, 3)));
  out(table(`${targets} targets, every reply delayed 100 ms`, fleet.rows));
  for (const n of fleet.notes) out(`- ${n}`);
  out("");

  const rt = await benchRoundTrips(repeats);
  out(table("Round trips (RTT 50 ms)", rt.rows));
  for (const n of rt.notes) out(`- ${n}`);
  out("");
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
