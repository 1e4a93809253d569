// Builds the committed bundles with ncc: `node scripts/build.mjs [OUT]` (OUT defaults to dist).
// - OUT/index.js: the action (ES module; the runner starts it once per job).
// - OUT/cli/index.js: the `smtp-gate` command, a small launcher (src/cli/launch.ts) that runs
//   OUT/cli/cli.js, the CLI bundle, through a V8 code cache. Both are CommonJS: Node starts a
//   CommonJS file about 10 ms sooner than an ES module, and only a classic script can take a
//   code cache on Node 20. Lazy chunks (YAML, MX, demo) sit beside them.
// Single files, so that a probe starts without resolving node_modules.
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import process from "node:process";
import ncc from "@vercel/ncc";

const out = process.argv[2] ?? "dist";
const bundles = [
  { entry: "src/action/index.ts", dir: out, filename: "index.js", esm: true },
  { entry: "src/cli/index.ts", dir: join(out, "cli"), filename: "cli.js", esm: false, ascii: true },
  { entry: "src/cli/launch.ts", dir: join(out, "cli"), filename: "index.js", esm: false, shebang: true, ascii: true },
];

rmSync(out, { recursive: true, force: true });
for (const b of bundles) {
  const { code, assets } = await ncc(new URL(`../${b.entry}`, import.meta.url).pathname, {
    esm: b.esm, filename: b.filename, target: "es2022", sourceMapRegister: false, quiet: true,
  });
  const js = b.ascii ? asciiOnly : (c) => c;
  write(join(b.dir, b.filename), b.shebang ? `#!/usr/bin/env node\n${withBundleDigest(js(code), b.dir)}` : js(code));
  if (b.shebang) chmodSync(join(b.dir, b.filename), 0o755);
  for (const [name, asset] of Object.entries(assets)) write(join(b.dir, name), name.endsWith(".js") ? js(asset.source.toString()) : asset.source);
}
// The repository's package.json says "type": "module"; the CLI's folder says otherwise.
write(join(out, "cli", "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);

// Every character outside ASCII written as a \\u escape (they sit in strings, regular expressions
// and comments, where the escape means the same): V8 then keeps the source one byte per
// character, and skips decoding UTF-8 and scanning a two-byte copy at every start.
function asciiOnly(code) {
  if (/\\[^\x00-\x7f]/.test(code)) throw new Error("build: a backslash before a non-ASCII character; the ASCII escaping would change its meaning");
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// The launcher's code cache is keyed by the content of what it runs (src/cli/launch.ts): the
// bundle and its lazy chunks, each file's name and bytes.
function withBundleDigest(code, dir) {
  const hash = createHash("sha256");
  const files = readdirSync(dir).filter((f) => f === "cli.js" || /^[0-9a-z]+\.cli\.js$/.test(f)).sort();
  for (const f of files) {
    const bytes = readFileSync(join(dir, f));
    hash.update(`${f}\0${bytes.length}\0`).update(bytes);
  }
  const digest = hash.digest("hex");
  const parts = code.split('"@@CLI_BUNDLE_DIGEST@@"');
  if (parts.length !== 2) throw new Error("build: the launcher must hold the bundle-digest placeholder exactly once");
  return parts.join(JSON.stringify(digest));
}

function write(file, content) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}
