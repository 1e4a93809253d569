#!/usr/bin/env node
/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = require("node:fs");
;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = require("node:module");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = require("node:path");
;// CONCATENATED MODULE: external "node:vm"
const external_node_vm_namespaceObject = require("node:vm");
;// CONCATENATED MODULE: ./src/builtins.ts
const loadTls = () => process.getBuiltinModule("node:tls");
const loadCrypto = () => process.getBuiltinModule("node:crypto");
const loadOs = () => process.getBuiltinModule("node:os");

;// CONCATENATED MODULE: ./src/cli/options.ts
const OPTIONS = {
    host: { type: "string" }, mx: { type: "string" }, port: { type: "string" }, tls: { type: "string" }, helo: { type: "string" },
    from: { type: "string" }, to: { type: "string", multiple: true }, user: { type: "string" },
    "password-env": { type: "string" }, "oauth-token-env": { type: "string" }, auth: { type: "string" },
    send: { type: "boolean" }, step: { type: "string", multiple: true }, config: { type: "string" },
    "fail-on": { type: "string" }, timeout: { type: "string" }, deadline: { type: "string" },
    insecure: { type: "boolean" }, ca: { type: "string" }, servername: { type: "string" }, name: { type: "string" },
    format: { type: "string" }, report: { type: "string" }, pipelining: { type: "string" }, shard: { type: "string" }, baseline: { type: "string" }, "write-baseline": { type: "string" },
    "require-tls": { type: "boolean" }, "min-tls": { type: "string" }, "cert-min-days": { type: "string" },
    "max-step-ms": { type: "string" }, "max-total-ms": { type: "string" }, "expect-extension": { type: "string", multiple: true },
    "auth-requires-tls": { type: "boolean" }, "open-relay": { type: "string" }, "vrfy-disabled": { type: "boolean" }, demo: { type: "boolean" }, concurrency: { type: "string" },
    help: { type: "boolean", short: "h" }, version: { type: "boolean" },
};

;// CONCATENATED MODULE: ./src/cli/code-cache.ts
/**
 * The file behind the launcher's V8 code cache (src/cli/launch.ts): a text header of fixed size,
 * then V8's data. The header names the bundle (its SHA-256) and the shapes of the runs whose
 * compiled functions the data holds.
 *
 * Why the shapes: V8 writes into a cache only the functions compiled before it was made, so a
 * cache made at the end of `smtp-gate --version` lacks everything a probe calls. A run of a shape
 * the header does not list makes the cache again at its exit, with its own functions added; a run
 * of a listed shape leaves the file alone.
 */



const HEADER_BYTES = 1024;
const MAGIC = "smtp-gate code cache 1";
const SUBCOMMANDS = new Set(["explain", "merge", "demo-mta"]);
const KNOWN = new Set([...Object.keys(OPTIONS).map((k) => `--${k}`), "-h"]);
const PATH_VALUES = {
    "--tls": ["starttls", "implicit", "opportunistic", "none"],
    "--format": ["text", "json", "markdown"],
    "--auth": ["PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"],
};
/**
 * The cache file for this Node version and architecture: in $XDG_CACHE_HOME/smtp-gate or
 * ~/.cache/smtp-gate, never a shared temporary folder (code loaded from there could be planted
 * by another user). Null when caching is off (NODE_DISABLE_COMPILE_CACHE, Node's own name).
 */
function codeCacheFile(env, home) {
    if (env.NODE_DISABLE_COMPILE_CACHE)
        return null;
    // The XDG Base Directory spec: a relative XDG_CACHE_HOME is invalid and ignored.
    const xdg = env.XDG_CACHE_HOME;
    const base = xdg && (0,external_node_path_namespaceObject.isAbsolute)(xdg) ? xdg : (0,external_node_path_namespaceObject.join)(home(), ".cache");
    return (0,external_node_path_namespaceObject.join)(base, "smtp-gate", `cli-${process.version}-${process.arch}.v8cache`);
}
/**
 * What decides which functions a run compiles, roughly: the subcommand, the option names
 * (`probe --from --helo --host --to`), and the values of the few options that pick a code path
 * (`--tls=none`, `--format=json`). Only the CLI's own option names and those listed values count:
 * the file in the user's cache folder never holds anything else from the command line.
 */
function runShape(argv) {
    const head = argv[0] !== undefined && SUBCOMMANDS.has(argv[0]) ? argv[0] : "probe";
    const parts = new Set();
    argv.forEach((arg, i) => {
        const eq = arg.indexOf("=");
        const name = eq === -1 ? arg : arg.slice(0, eq);
        if (!KNOWN.has(name))
            return;
        const value = eq === -1 ? argv[i + 1] : arg.slice(eq + 1);
        parts.add(value !== undefined && PATH_VALUES[name]?.includes(value) ? `${name}=${value}` : name);
    });
    return [head, ...[...parts].sort()].join(" ");
}
/** The header as bytes, or null when its shapes would not fit. */
function formatHeader(h) {
    const text = `${MAGIC}\nsha256:${h.digest}\n${h.shapes.map((s) => `${s}\n`).join("")}`;
    return Buffer.byteLength(text) <= HEADER_BYTES ? Buffer.from(text.padEnd(HEADER_BYTES, " ")) : null;
}
/** The header of a cache file for the bundle with this digest; null for any other file. */
function parseHeader(file, digest) {
    if (file.length <= HEADER_BYTES)
        return null;
    const lines = file.subarray(0, HEADER_BYTES).toString("latin1").split("\n");
    if (lines[0] !== MAGIC || lines[1] !== `sha256:${digest}`)
        return null;
    // The last element is the padding after the final newline.
    return { digest, shapes: lines.slice(2, -1) };
}
/** The cache for this bundle: its header and V8's data, or null (none, unreadable, another bundle's). */
function readCodeCache(path, digest) {
    let file;
    try {
        file = (0,external_node_fs_namespaceObject.readFileSync)(path);
    }
    catch {
        return null; // the first run, or an unreadable cache folder
    }
    const header = parseHeader(file, digest);
    return header ? { header, data: file.subarray(HEADER_BYTES) } : null;
}
/** Writes the cache whole, then renames it into place: a concurrent run reads the old or the new. */
function writeCodeCache(path, head, data) {
    try {
        (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.dirname)(path), { recursive: true, mode: 0o700 });
        const partial = `${path}.${process.pid}`;
        (0,external_node_fs_namespaceObject.writeFileSync)(partial, Buffer.concat([head, data]), { mode: 0o600 });
        (0,external_node_fs_namespaceObject.renameSync)(partial, path);
    }
    catch {
        // A read-only home or a full disk costs later runs their head start, nothing more.
    }
}

;// CONCATENATED MODULE: ./src/cli/launch.ts
/**
 * The `smtp-gate` command's first file (dist/cli/index.js). It runs the CLI bundle (cli.js beside
 * it) through a V8 code cache kept in the user's cache folder (./code-cache.ts), so that a run
 * skips parsing and compiling the bundle and the functions it calls: what Node 22's
 * `module.enableCompileCache()` does, here on Node 20 as well. Everything else is in cli.js.
 *
 * The cache is an optimisation only: any failure to read, accept or write it runs the bundle
 * exactly as a plain `require` would.
 */






/**
 * The CLI bundle's SHA-256, written in by scripts/build.mjs, which builds the two files together.
 * V8 checks a cache against its own version, its flags and the source's length, not the source's
 * content; so a cache is used only under this digest. (Not a file's size and time: npm gives
 * every file of every published version the same time.)
 */
const BUNDLE_DIGEST = "71a7b96ddd961a186f9e1faa2737d1469c207f8cec0813de943bd8c877f3d776";
function launch(bundle) {
    const source = (0,external_node_fs_namespaceObject.readFileSync)(bundle, "utf8");
    // HOME is what os.homedir() reads first; node:os is loaded only without it.
    const cacheFile = codeCacheFile(process.env, () => process.env.HOME || loadOs().homedir());
    const cached = cacheFile ? readCodeCache(cacheFile, BUNDLE_DIGEST) : null;
    // The CommonJS wrapper on the first line, so that line numbers in stack traces stay true.
    const script = new external_node_vm_namespaceObject.Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: bundle, cachedData: cached?.data });
    const shape = runShape(process.argv.slice(2));
    const shapes = cached && !script.cachedDataRejected ? cached.header.shapes : [];
    const head = cacheFile && !shapes.includes(shape) ? formatHeader({ digest: BUNDLE_DIGEST, shapes: [...shapes, shape] }) : null;
    if (cacheFile && head) {
        // Made at exit, it holds what this run compiled as well as what the cache already had.
        process.once("exit", () => writeCodeCache(cacheFile, head, script.createCachedData()));
    }
    const run = script.runInThisContext();
    const module = { exports: {} };
    run.call(module.exports, module.exports, (0,external_node_module_namespaceObject.createRequire)(bundle), module, bundle, (0,external_node_path_namespaceObject.dirname)(bundle));
}
launch((0,external_node_path_namespaceObject.join)(__dirname, "cli.js"));

module.exports = __webpack_exports__;
/******/ })()
;