/**
 * Single probe, whole process: `node dist/cli/index.js` against the demo MTA (`smtp-gate
 * demo-mta`, in a process of its own), beside `node -e 0` (the floor any Node CLI pays) and swaks (a Perl SMTP
 * client) on the same server and nearly the same sequence.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
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
  /** A fresh environment for each run (the cold-cache contender gets an empty cache folder). */
  env: () => NodeJS.ProcessEnv;
  times: number[];
  failures: string[];
}

export async function benchStartup(cli: string, runs: number): Promise<StartupFigures> {
  const dir = mkdtempSync(join(tmpdir(), "smtp-gate-bench-"));
  // The environment every contender shares, with two changes, both said in the notes:
  // - NODE_EXTRA_CA_CERTS makes every Node process parse that file at start-up (here: the whole
  //   system bundle, +70 ms with σ ≈ 19 ms), in both columns alike; left in, it buries the
  //   difference being measured. Two extra rows keep it, so its effect is on record too.
  // - Node's compile cache (Node ≥ 22.1) goes to a folder of this run.
  const extraCa = process.env.NODE_EXTRA_CA_CERTS;
  const base: NodeJS.ProcessEnv = { ...process.env, NODE_COMPILE_CACHE: join(dir, "cache") };
  delete base.NODE_EXTRA_CA_CERTS;
  // The server runs in a process of its own, as a real one would: inside this one it would answer
  // only when the timing loop (spawning, collecting output) let it.
  const mta = await startMtaProcess(cli, base);
  const port = String(mta.port);
  const node = process.execPath;
  const envelope = ["--helo", "bench.example.com", "--from", "a@example.com", "--to", "b@example.com"];
  const probe = [cli, "--host", "127.0.0.1", "--port", port, "--tls", "none", ...envelope];
  // An empty ES module: what Node's ESM loader alone adds to `node -e 0`.
  const emptyEsm = join(dir, "empty.mjs");
  writeFileSync(emptyEsm, "");
  // The same probe from a one-target config file: what the YAML parser (a lazy chunk) adds.
  const config = join(dir, "one.yml");
  writeFileSync(config, `targets:\n  - host: 127.0.0.1\n    port: ${port}\n    tls: none\n    helo: bench.example.com\n    from: a@example.com\n    to: [b@example.com]\n`);
  const contender = (label: string, cmd: string, args: string[], env: () => NodeJS.ProcessEnv = () => base): Contender => ({ label, cmd, args, env, times: [], failures: [] });
  const contenders: Contender[] = [
    contender("node -e 0", node, ["-e", "0"]),
    contender("node empty.mjs (ESM loader)", node, [emptyEsm]),
    contender("smtp-gate --version", node, [cli, "--version"]),
    contender("smtp-gate single probe", node, probe),
    contender("smtp-gate single probe from --config (one target)", node, [cli, "--config", config]),
  ];
  if (extraCa) {
    contenders.push(contender("node -e 0, NODE_EXTRA_CA_CERTS as set here", node, ["-e", "0"], () => ({ ...base, NODE_EXTRA_CA_CERTS: extraCa })));
    contenders.push(contender("smtp-gate single probe, NODE_EXTRA_CA_CERTS as set here", node, probe, () => ({ ...base, NODE_EXTRA_CA_CERTS: extraCa })));
  }
  const swaks = await onPath("swaks");
  if (swaks) {
    contenders.push(contender("swaks (--quit-after RCPT)", "swaks", ["--server", `127.0.0.1:${port}`, ...envelope, "--quit-after", "RCPT", "--silent", "1"]));
  }
  try {
    // Warm the page cache, the compile cache and the MTA first; then interleave, so drift hits all alike.
    for (const c of contenders) for (let i = 0; i < 3; i++) await timeProcess(c.cmd, c.args, c.env());
    for (let i = 0; i < runs; i++) {
      for (const c of contenders) {
        const r: Timed = await timeProcess(c.cmd, c.args, c.env());
        if (r.code !== 0) c.failures.push(`exit ${r.code}: ${r.stderr.trim().split("\n").slice(-2).join(" / ")}`);
        c.times.push(r.ms);
      }
    }
  } finally {
    await mta.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const med = (label: string) => median(contenders.find((c) => c.label === label)?.times ?? []);
  const rows: Row[] = contenders.map((c) => ({
    measure: `${c.label} — median / p90 of ${c.times.length}`,
    value: `${ms(median(c.times))} / ${ms(quantile(c.times, 0.9))}${c.failures.length ? ` (${c.failures.length} failed)` : ""}`,
  }));
  if (!swaks) rows.push({ measure: "swaks", value: "not installed" });
  const overhead = med("smtp-gate single probe") - med("node -e 0");
  // Reported, not targeted: the start-up target is retired (an action runs once per job).
  rows.push({ measure: "smtp-gate single probe − node -e 0 (medians)", value: ms(overhead) });
  rows.push({ measure: "the same from --config − node -e 0", value: ms(med("smtp-gate single probe from --config (one target)") - med("node -e 0")) });
  if (extraCa) {
    rows.push({ measure: "the same, both with NODE_EXTRA_CA_CERTS", value: ms(med("smtp-gate single probe, NODE_EXTRA_CA_CERTS as set here") - med("node -e 0, NODE_EXTRA_CA_CERTS as set here")) });
  }
  const notes: string[] = [
    `sequence: greeting, EHLO, then MAIL, RCPT, RSET, QUIT pipelined (demo MTA advertises PIPELINING); swaks: greeting, EHLO, MAIL, RCPT, QUIT in lockstep`,
    `server: \`smtp-gate demo-mta\` in a process of its own, on loopback`,
    ...(extraCa ? [`NODE_EXTRA_CA_CERTS (${extraCa}) is set on this machine; rows that do not name it ran without it, since it adds the same large and noisy cost to every Node process`] : []),
    `compile cache: Node's own (module.enableCompileCache, Node ≥ 22.1; this is Node ${process.versions.node}), in a folder of this run`,
    ...bundleFacts(cli),
  ];
  for (const c of contenders) if (c.failures.length) notes.push(`${c.label} failed: ${c.failures[0]}`);
  return { rows, notes };
}

/** `smtp-gate demo-mta --port 0` as a child process; resolves once it says where it listens. */
function startMtaProcess(cli: string, env: NodeJS.ProcessEnv): Promise<{ port: number; close: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "demo-mta", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"], env });
    const close = () => new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once("exit", () => done());
      child.kill("SIGTERM");
    });
    let said = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      said += s;
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(said);
      if (m) resolve({ port: Number(m[1]), close });
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`demo-mta exited (${code}) before listening: ${said}`)));
  });
}

/** What the CLI holds and what it loads at start-up (entry and bundle; chunks are lazy). */
function bundleFacts(cli: string): string[] {
  const dir = join(cli, "..");
  const files = readdirSync(dir).filter((f) => f.endsWith(".js"));
  const atStart = ["index.js", "cli.js"].filter((f) => files.includes(f));
  const kib = (f: string) => `${(statSync(join(dir, f)).size / 1024).toFixed(0)} KiB`;
  const facts: string[] = [];
  const entry = atStart.map((f) => readFileSync(join(dir, f), "utf8")).join("\n");
  facts.push(`loaded at every start (a copy of dist/cli): ${atStart.map((f) => `${f} ${kib(f)}`).join(", ")}; lazy chunks: ${files.filter((f) => !atStart.includes(f)).map((f) => `${f} ${kib(f)}`).join(", ")}`);
  const holding = (re: RegExp) => files.filter((f) => re.test(readFileSync(join(dir, f), "utf8")));
  const octokit = holding(/octokit/i);
  facts.push(`Octokit in the CLI bundle: ${octokit.length ? `YES (${octokit.join(", ")})` : "no"}`);
  const yaml = holding(/YAMLParseError|composeDoc|class Composer/);
  facts.push(`YAML parser: ${yaml.length === 0 ? "absent" : yaml.some((f) => atStart.includes(f)) ? "in a file loaded at every start" : `only in lazy chunk(s) ${yaml.join(", ")} (loaded only with --config)`}`);
  const requires = [...new Set([...entry.matchAll(/(?:require|import)\(\s*"(node:)?([a-z_/]+)"\s*\)/g)].map((m) => m[2]))].sort();
  if (requires.length) facts.push(`built-in modules asked for at start-up: ${requires.join(", ")}`);
  return facts;
}
