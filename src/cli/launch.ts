/**
 * The `smtp-gate` command's first file (dist/cli/index.js). It runs the CLI bundle (cli.js beside
 * it) through a V8 code cache kept in the user's cache folder (./code-cache.ts), so that a run
 * skips parsing and compiling the bundle and the functions it calls: what Node 22's
 * `module.enableCompileCache()` does, here on Node 20 as well. Everything else is in cli.js.
 *
 * The cache is an optimisation only: any failure to read, accept or write it runs the bundle
 * exactly as a plain `require` would.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import { loadOs } from "../builtins.js";
import { codeCacheFile, formatHeader, readCodeCache, runShape, writeCodeCache } from "./code-cache.js";

type CommonJsWrapper = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

/**
 * The CLI bundle's SHA-256, written in by scripts/build.mjs, which builds the two files together.
 * V8 checks a cache against its own version, its flags and the source's length, not the source's
 * content; so a cache is used only under this digest. (Not a file's size and time: npm gives
 * every file of every published version the same time.)
 */
const BUNDLE_DIGEST = "@@CLI_BUNDLE_DIGEST@@";

function launch(bundle: string): void {
  const source = readFileSync(bundle, "utf8");
  // HOME is what os.homedir() reads first; node:os is loaded only without it.
  const cacheFile = codeCacheFile(process.env, () => process.env.HOME || loadOs().homedir());
  const cached = cacheFile ? readCodeCache(cacheFile, BUNDLE_DIGEST) : null;
  // The CommonJS wrapper on the first line, so that line numbers in stack traces stay true.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: bundle, cachedData: cached?.data });
  const shape = runShape(process.argv.slice(2));
  const shapes = cached && !script.cachedDataRejected ? cached.header.shapes : [];
  const head = cacheFile && !shapes.includes(shape) ? formatHeader({ digest: BUNDLE_DIGEST, shapes: [...shapes, shape] }) : null;
  if (cacheFile && head) {
    // Made at exit, it holds what this run compiled as well as what the cache already had.
    process.once("exit", () => writeCodeCache(cacheFile, head, script.createCachedData()));
  }
  const run = script.runInThisContext() as CommonJsWrapper;
  const module = { exports: {} };
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

launch(join(__dirname, "cli.js"));
