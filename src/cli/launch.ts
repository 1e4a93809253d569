/**
 * The `smtp-gate` command's first file (dist/cli/index.js). It runs the CLI bundle (cli.js beside
 * it) through a V8 code cache kept in the user's cache folder, so that every run after the first
 * skips parsing and compiling the bundle and the functions a probe calls: what Node 22's
 * `module.enableCompileCache()` does, here on Node 20 as well. Everything else is in cli.js.
 *
 * The cache is an optimisation only: any failure to read, accept or write it runs the bundle
 * exactly as a plain `require` would. NODE_DISABLE_COMPILE_CACHE=1 turns it off (Node's own name).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { Script } from "node:vm";

type CommonJsWrapper = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

/**
 * The cache file for this bundle on this Node: one per Node version and architecture, in
 * $XDG_CACHE_HOME/smtp-gate or ~/.cache/smtp-gate (never a shared temporary folder: code loaded
 * from there could be planted by another user). Null when caching is off.
 */
function codeCacheFile(env: NodeJS.ProcessEnv): string | null {
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  const base = env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "smtp-gate", `cli-${process.version}-${process.arch}.v8cache`);
}

/**
 * The CLI bundle's SHA-256, written in by scripts/build.mjs, which builds the two files together.
 * V8 checks a cache against its own version, its flags and the source's length, not the source's
 * content; so each cache file starts with this, and is used only when it matches. (Not a file's
 * size and time: npm gives every file of every published version the same time.)
 */
const BUNDLE_DIGEST = "@@CLI_BUNDLE_DIGEST@@";
const IDENTITY = Buffer.from(`sha256:${BUNDLE_DIGEST}\n`.padEnd(128, " "));

function readCodeCache(file: string): Buffer | undefined {
  try {
    const data = readFileSync(file);
    return data.subarray(0, IDENTITY.length).equals(IDENTITY) ? data.subarray(IDENTITY.length) : undefined;
  } catch {
    return undefined; // the first run, or an unreadable cache folder
  }
}

function writeCodeCache(file: string, script: Script): void {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // Written whole, then renamed: a concurrent run reads the old cache or the new, never half.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, Buffer.concat([IDENTITY, script.createCachedData()]), { mode: 0o600 });
    renameSync(partial, file);
  } catch {
    // A read-only home or a full disk costs the next run its head start, nothing more.
  }
}

function launch(bundle: string): void {
  const source = readFileSync(bundle, "utf8");
  const cacheFile = codeCacheFile(process.env);
  const cachedData = cacheFile ? readCodeCache(cacheFile) : undefined;
  // The CommonJS wrapper on the first line, so that line numbers in stack traces stay true.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: bundle, cachedData });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    // Made at exit, it holds the functions this run compiled too, not only the top level.
    process.once("exit", () => writeCodeCache(cacheFile, script));
  }
  const run = script.runInThisContext() as CommonJsWrapper;
  const module = { exports: {} };
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

launch(join(__dirname, "cli.js"));
