/**
 * Single probe, whole process: `node dist/cli/index.js` against the embedded demo MTA (served
 * by this process), beside `node -e 0` (the floor any Node CLI pays) and swaks (a Perl SMTP
 * client) on the same server and nearly the same sequence.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDemoMta } from "../src/demo/mta.js";
import { onPath, timeProcess, type Timed } from "./spawn.js";
import { median, ms, quantile, type Row } from "./stats.js";

export interface StartupFigures {
  rows: Row[];
  notes: string[];
}

interface Contender {
  label: string;
  cmd: string;
  args: string[];
  times: number[];
  failures: string[];
}

export async function benchStartup(cli: string, runs: number): Promise<StartupFigures> {
  const mta = await startDemoMta(0);
  const port = String(mta.port);
  const node = process.execPath;
  const envelope = ["--helo", "bench.example.com", "--from", "a@example.com", "--to", "b@example.com"];
  // An empty ES module: what Node's ESM loader alone adds to `node -e 0` (the CLI bundle is ESM).
  const dir = mkdtempSync(join(tmpdir(), "smtp-gate-bench-"));
  const emptyEsm = join(dir, "empty.mjs");
  writeFileSync(emptyEsm, "");
  const contenders: Contender[] = [
    { label: "node -e 0", cmd: node, args: ["-e", "0"], times: [], failures: [] },
    { label: "node empty.mjs (ESM loader)", cmd: node, args: [emptyEsm], times: [], failures: [] },
    { label: "smtp-gate --version", cmd: node, args: [cli, "--version"], times: [], failures: [] },
    {
      label: "smtp-gate single probe", cmd: node, args: [cli, "--host", "127.0.0.1", "--port", port, "--tls", "none", ...envelope],
      times: [], failures: [],
    },
  ];
  const swaks = await onPath("swaks");
  if (swaks) {
    contenders.push({
      label: "swaks (--quit-after RCPT)", cmd: "swaks",
      args: ["--server", `127.0.0.1:${port}`, ...envelope, "--quit-after", "RCPT", "--silent", "1"], times: [], failures: [],
    });
  }
  try {
    // Warm the page cache and the demo MTA first; then interleave, so drift hits all alike.
    for (const c of contenders) for (let i = 0; i < 3; i++) await timeProcess(c.cmd, c.args);
    for (let i = 0; i < runs; i++) {
      for (const c of contenders) {
        const r: Timed = await timeProcess(c.cmd, c.args);
        if (r.code !== 0) c.failures.push(`exit ${r.code}: ${r.stderr.trim().split("\n").slice(-2).join(" / ")}`);
        c.times.push(r.ms);
      }
    }
  } finally {
    await mta.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const med = (label: string) => median(contenders.find((c) => c.label === label)?.times ?? []);
  const floor = med("node -e 0");
  const probe = med("smtp-gate single probe");
  const rows: Row[] = contenders.map((c) => ({
    measure: `${c.label} — median / p90 of ${c.times.length}`,
    value: `${ms(median(c.times))} / ${ms(quantile(c.times, 0.9))}${c.failures.length ? ` (${c.failures.length} failed)` : ""}`,
  }));
  if (!swaks) rows.push({ measure: "swaks", value: "not installed" });
  rows.push({
    measure: "smtp-gate single probe − node -e 0 (medians)", value: ms(probe - floor), target: "≤ 25 ms", met: probe - floor <= 25,
  });
  const notes: string[] = [
    `sequence: greeting, EHLO, then MAIL, RCPT, RSET, QUIT pipelined (demo MTA advertises PIPELINING); swaks: greeting, EHLO, MAIL, RCPT, QUIT in lockstep`,
    ...bundleFacts(cli),
  ];
  for (const c of contenders) if (c.failures.length) notes.push(`${c.label} failed: ${c.failures[0]}`);
  return { rows, notes };
}

/** What the CLI bundle holds and what it loads at start-up (the entry file; chunks are lazy). */
function bundleFacts(cli: string): string[] {
  const dir = join(cli, "..");
  const files = readdirSync(dir).filter((f) => f.endsWith(".js"));
  const facts: string[] = [];
  const entry = readFileSync(cli, "utf8");
  facts.push(`CLI entry (a copy of dist/cli/index.js): ${(statSync(cli).size / 1024).toFixed(0)} KiB, parsed at every start; lazy chunks: ${files.filter((f) => f !== "index.js").map((f) => `${f} ${(statSync(join(dir, f)).size / 1024).toFixed(0)} KiB`).join(", ")}`);
  const holding = (re: RegExp) => files.filter((f) => re.test(readFileSync(join(dir, f), "utf8")));
  const octokit = holding(/octokit/i);
  facts.push(`Octokit in the CLI bundle: ${octokit.length ? `YES (${octokit.join(", ")})` : "no"}`);
  const yaml = holding(/YAMLParseError|composeDoc|class Composer/);
  facts.push(`YAML parser: ${yaml.length === 0 ? "absent" : yaml.includes("index.js") ? "in the entry file (loaded at every start)" : `only in lazy chunk(s) ${yaml.join(", ")} (loaded with --config)`}`);
  const requires = [...new Set([...entry.matchAll(/(?:require|import)\(\s*"(node:)?([a-z_/]+)"\s*\)/g)].map((m) => m[2]))].sort();
  if (requires.length) facts.push(`built-in modules the entry asks for: ${requires.join(", ")}`);
  return facts;
}
