/**
 * The `smtp-gate` command's first file (dist/cli/index.js). It runs the CLI bundle (cli.js beside
 * it), and the lazy chunks the bundle asks for (the YAML parser with --config, say), through a V8
 * code cache kept in the user's cache folder (./code-cache.ts), so that a run skips parsing and
 * compiling them and the functions it calls: what Node 22's `module.enableCompileCache()` does,
 * here on Node 20 as well. Everything else is in cli.js.
 *
 * The cache is an optimisation only: any failure to read, accept or write it runs the bundle
 * exactly as a plain `require` would.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Script } from "node:vm";
import { loadOs } from "../builtins.js";
import { codeCacheFile, formatHeader, readCodeCache, runShape, writeCodeCache } from "./code-cache.js";

type CommonJsWrapper = (exports: object, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

/**
 * The SHA-256 of the CLI's build (cli.js and its chunks), written in by scripts/build.mjs, which
 * builds them together. V8 checks a cache against its own version, its flags and the source's
 * length, not the source's content; so a cache is used only under this digest. (Not a file's
 * size and time: npm gives every file of every published version the same time.)
 */
const BUNDLE_DIGEST = "@@CLI_BUNDLE_DIGEST@@";
const BUNDLE = "cli.js";
/** How the bundle's chunk loader asks for a chunk: `require("./815.cli.js")`. */
const CHUNK = /^\.\/([0-9a-z]+\.cli\.js)$/;

function launch(dir: string): void {
  // HOME is what os.homedir() reads first; node:os is loaded only without it.
  const cacheFile = codeCacheFile(process.env, () => process.env.HOME || loadOs().homedir());
  const cached = cacheFile ? readCodeCache(cacheFile, BUNDLE_DIGEST) : null;
  const scripts = new Map<string, Script>();
  const loaded = new Map<string, unknown>();
  // A script without data, or with data V8 refused, makes the cache stale: it is written again at exit.
  let stale = false;
  const plainRequire = createRequire(join(dir, BUNDLE));
  const bundleRequire = Object.assign((id: string): unknown => {
    // Every require of the bundle comes here (node:net, fs, …): the regex only for a relative one.
    const chunk = id.startsWith("./") ? CHUNK.exec(id)?.[1] : undefined;
    return chunk === undefined ? plainRequire(id) : run(chunk);
  }, plainRequire) as NodeJS.Require;

  function run(name: string): unknown {
    if (loaded.has(name)) return loaded.get(name);
    const filename = join(dir, name);
    const source = readFileSync(filename, "utf8");
    // The CommonJS wrapper on the first line, so that line numbers in stack traces stay true.
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename, cachedData: cached?.data.get(name) });
    if (script.cachedDataRejected !== false) stale = true;
    scripts.set(name, script);
    const module = { exports: {} as unknown };
    loaded.set(name, module.exports);
    (script.runInThisContext() as CommonJsWrapper).call(module.exports, module.exports as object, bundleRequire, module, filename, dir);
    loaded.set(name, module.exports);
    return module.exports;
  }

  if (cacheFile) {
    const shape = runShape(process.argv.slice(2));
    process.once("exit", () => {
      const bundleAccepted = scripts.get(BUNDLE)?.cachedDataRejected === false;
      const shapes = bundleAccepted && cached ? cached.header.shapes : [];
      if (!stale && shapes.includes(shape)) return;
      try {
        // Made at exit, each script's data holds what this run compiled as well as what the cache
        // already had; chunks this run did not load keep the data they had.
        const names = [BUNDLE, ...[...new Set([...scripts.keys(), ...(bundleAccepted && cached ? cached.data.keys() : [])])].filter((n) => n !== BUNDLE).sort()];
        const data = names.map((n) => scripts.get(n)?.createCachedData() ?? (cached?.data.get(n) as Buffer));
        const head = formatHeader({ digest: BUNDLE_DIGEST, sections: names.map((name, i) => ({ name, bytes: (data[i] as Buffer).length })), shapes: shapes.includes(shape) ? shapes : [...shapes, shape] });
        if (head) writeCodeCache(cacheFile, head, data);
      } catch {
        // Never the run's concern: an exception here would change its exit status.
      }
    });
  }
  run(BUNDLE);
}

launch(__dirname);
