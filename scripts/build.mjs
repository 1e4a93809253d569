// Builds the committed bundles with ncc: `node scripts/build.mjs [OUT]` (OUT defaults to dist).
// - OUT/index.js: the action (ES module; the runner starts it once per job), with
//   OUT/licenses.txt, the licenses of the code bundled into it.
// - OUT/cli/cli.js: the `smtp-gate` command (CommonJS), started by OUT/cli/index.js, which first
//   turns on Node's own compile cache (Node ≥ 22.1; older Node runs without it). Lazy chunks (the
//   YAML parser, MX lookups, the demo MTA) sit beside it.
// Single files, so that a probe starts without resolving node_modules.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import process from "node:process";
import ncc from "@vercel/ncc";

const out = process.argv[2] ?? "dist";
const bundles = [
  { entry: "src/action/index.ts", dir: out, filename: "index.js", esm: true, license: "licenses.txt" },
  { entry: "src/cli/index.ts", dir: join(out, "cli"), filename: "cli.js", esm: false },
];

rmSync(out, { recursive: true, force: true });
for (const b of bundles) {
  const { code, assets } = await ncc(new URL(`../${b.entry}`, import.meta.url).pathname, {
    esm: b.esm, filename: b.filename, target: "es2022", sourceMapRegister: false, quiet: true, license: b.license,
  });
  write(join(b.dir, b.filename), code);
  for (const [name, asset] of Object.entries(assets)) write(join(b.dir, name), asset.source);
}
const entry = join(out, "cli", "index.js");
write(entry, `#!/usr/bin/env node
// The smtp-gate command: Node's compile cache on (where Node has it), then the CLI bundle.
"use strict";
require("node:module").enableCompileCache?.();
require("./cli.js");
`);
chmodSync(entry, 0o755);
// The repository's package.json says "type": "module"; the CLI's folder says otherwise.
write(join(out, "cli", "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);

function write(file, content) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}
