// `npm run bench`: bundles bench/index.ts with ncc (so it imports src/ and
// test/support/fault-proxy.ts directly, type-checked through bench/tsconfig.json) into a
// temporary folder, then runs it. Extra arguments are passed on:
// --only startup,fleet,large,roundtrips,consumers --server lean|proxy (fleet: delayed server) --runs N
// (single-probe runs, 40) --targets N (200) --repeats N (5) --report-targets N (consumers: 10,000)
// --host 127.0.0.N (the lean server's address) --large-targets N (100,000) --large-concurrency C (1,000).
// The CLI bundle (dist/cli) is copied first, so a concurrent `npm run build` cannot pull it
// away in the middle of a measurement.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";

const args = process.argv.slice(2);
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
if (!existsSync("dist/cli/index.js")) {
  // Perhaps another build is under way: give it a moment before building ourselves.
  for (let i = 0; i < 30 && !existsSync("dist/cli/index.js"); i++) sleep(1000);
  if (!existsSync("dist/cli/index.js")) {
    process.stderr.write("bench: dist/cli/index.js is missing; building it first (npm run build)\n");
    execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
  }
}
const out = mkdtempSync(join(tmpdir(), "smtp-gate-bench-build-"));
let status = 1;
try {
  sleep(500); // let a build that just wrote index.js finish its chunks
  cpSync("dist/cli", join(out, "cli"), { recursive: true });
  execFileSync("node_modules/.bin/ncc", ["build", "bench/index.ts", "-o", join(out, "bench"), "--target", "es2022", "--no-source-map-register", "-q"], { stdio: "inherit" });
  const commandLine = ["npm run bench", ...(args.length ? ["--", ...args] : [])].join(" ");
  const r = spawnSync(process.execPath, [join(out, "bench", "index.js"), "--cli", join(out, "cli", "index.js"), ...args, "--command-line", commandLine], { stdio: "inherit" });
  status = r.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(status);
