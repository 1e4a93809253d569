// Builds the committed bundles with ncc: `node scripts/build.mjs [OUT]` (OUT defaults to dist).
// - OUT/index.js: the action (ES module; the runner starts it once per job).
// - OUT/cli/cli.js: the `smtp-gate` command (CommonJS), started by OUT/cli/index.js, which first
//   turns on Node's own compile cache (Node ≥ 22.1; older Node runs without it). Lazy chunks (the
//   YAML parser, MX lookups, the demo MTA) sit beside it.
// - OUT/licenses.txt and OUT/cli/licenses.txt: the licence of every package bundled into each,
//   from the modules webpack really bundled (ncc's own list misses a licence file named
//   LICENSE.md, @actions/core's). A bundled package without a licence file fails the build.
// Single files, so that a probe starts without resolving node_modules.
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import process from "node:process";
import ncc from "@vercel/ncc";

/** LICENSE, LICENCE, COPYING, with any extension, in any case: LICENSE.md is @actions/core's. */
const LICENCE_FILE = /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i;

const out = process.argv[2] ?? "dist";
const bundles = [
  { entry: "src/action/index.ts", dir: out, filename: "index.js", esm: true },
  { entry: "src/cli/index.ts", dir: join(out, "cli"), filename: "cli.js", esm: false },
];

rmSync(out, { recursive: true, force: true });
for (const b of bundles) {
  const { code, assets, stats } = await ncc(new URL(`../${b.entry}`, import.meta.url).pathname, {
    esm: b.esm, filename: b.filename, target: "es2022", sourceMapRegister: false, quiet: true,
  });
  write(join(b.dir, b.filename), code);
  for (const [name, asset] of Object.entries(assets)) write(join(b.dir, name), asset.source);
  const resources = [...stats.compilation.modules].map((m) => m.resource).filter((r) => typeof r === "string");
  write(join(b.dir, "licenses.txt"), licenceText(bundledPackages(resources)));
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

/**
 * The package folders of the bundled modules: the last `node_modules/NAME` (or `@scope/NAME`)
 * in each module's path.
 * @param {string[]} resources absolute paths of the bundled modules
 * @returns {string[]} package folders, sorted by package name
 */
function bundledPackages(resources) {
  const roots = new Set();
  for (const r of resources) {
    const parts = r.split(sep);
    const at = parts.lastIndexOf("node_modules");
    if (at === -1) continue;
    const scoped = parts[at + 1]?.startsWith("@");
    roots.add(parts.slice(0, at + (scoped ? 3 : 2)).join(sep));
  }
  return [...roots].sort((a, b) => packageName(a).localeCompare(packageName(b)));
}

/** @param {string} root */
function packageName(root) {
  return JSON.parse(readFileSync(join(root, "package.json"), "utf8")).name;
}

/**
 * One section per package: `name@version (SPDX licence)`, then its licence file's text.
 * @param {string[]} roots package folders
 */
function licenceText(roots) {
  return roots.map((root) => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const file = existsSync(root) ? readdirSync(root).find((f) => LICENCE_FILE.test(f)) : undefined;
    if (!file) throw new Error(`${pkg.name}@${pkg.version} is bundled but has no licence file in ${root}`);
    return `${pkg.name}@${pkg.version} (${pkg.license ?? "see below"})\n${readFileSync(join(root, file), "utf8").trim()}\n`;
  }).join("\n");
}
