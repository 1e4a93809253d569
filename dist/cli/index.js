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
    "password-env": { type: "string" }, "oauth-token-env": { type: "string" }, auth: { type: "string" }, "allow-plaintext-auth": { type: "boolean" },
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
 * then V8's data, one section per script (the bundle, cli.js, and each lazy chunk a run loaded,
 * such as the YAML parser's). The header names the build (its SHA-256), the sections and their
 * sizes, and the shapes of the runs whose compiled functions the data holds.
 *
 * Why the shapes: V8 writes into a cache only the functions compiled before it was made, so a
 * cache made at the end of `smtp-gate --version` lacks everything a probe calls. A run of a shape
 * the header does not list makes the cache again at its exit, with its own functions added; a run
 * of a listed shape leaves the file alone.
 */



const HEADER_BYTES = 1024;
const MAGIC = "smtp-gate code cache 2";
/** A section's name: a file of the CLI's folder (cli.js, 815.cli.js). Used as a key, never as a path. */
const SECTION_NAME = /^[0-9a-z]+\.(?:cli\.)?js$/;
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
    if (!h.sections.every((s) => SECTION_NAME.test(s.name) && Number.isSafeInteger(s.bytes) && s.bytes > 0))
        return null;
    const sections = h.sections.map((s) => `${s.name}:${s.bytes}`).join(" ");
    const text = `${MAGIC}\nsha256:${h.digest}\nsections ${sections}\n${h.shapes.map((s) => `${s}\n`).join("")}`;
    return Buffer.byteLength(text) <= HEADER_BYTES ? Buffer.from(text.padEnd(HEADER_BYTES, " ")) : null;
}
/**
 * The header of a cache file for the build with this digest; null for any other file, and for
 * one whose sections do not add up to the data that follows (a cut-off write, say).
 */
function parseHeader(file, digest) {
    if (file.length <= HEADER_BYTES)
        return null;
    const lines = file.subarray(0, HEADER_BYTES).toString("latin1").split("\n");
    if (lines[0] !== MAGIC || lines[1] !== `sha256:${digest}` || !lines[2]?.startsWith("sections "))
        return null;
    const sections = [];
    for (const field of lines[2].slice("sections ".length).split(" ")) {
        const m = /^(.+):([1-9][0-9]{0,9})$/.exec(field);
        if (!m || !SECTION_NAME.test(m[1]) || sections.some((s) => s.name === m[1]))
            return null;
        sections.push({ name: m[1], bytes: Number(m[2]) });
    }
    if (sections.reduce((n, s) => n + s.bytes, 0) !== file.length - HEADER_BYTES)
        return null;
    // The last element is the padding after the final newline.
    return { digest, sections, shapes: lines.slice(3, -1) };
}
/** The cache for this build: its header and V8's data per script, or null (none, unreadable, another build's). */
function readCodeCache(path, digest) {
    let file;
    try {
        file = (0,external_node_fs_namespaceObject.readFileSync)(path);
    }
    catch {
        return null; // the first run, or an unreadable cache folder
    }
    const header = parseHeader(file, digest);
    if (!header)
        return null;
    const data = new Map();
    let at = HEADER_BYTES;
    for (const s of header.sections) {
        data.set(s.name, file.subarray(at, at + s.bytes));
        at += s.bytes;
    }
    return { header, data };
}
/** Writes the cache whole, then renames it into place: a concurrent run reads the old or the new. */
function writeCodeCache(path, head, data) {
    try {
        (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.dirname)(path), { recursive: true, mode: 0o700 });
        const partial = `${path}.${process.pid}`;
        (0,external_node_fs_namespaceObject.writeFileSync)(partial, Buffer.concat([head, ...data]), { mode: 0o600 });
        (0,external_node_fs_namespaceObject.renameSync)(partial, path);
    }
    catch {
        // A read-only home or a full disk costs later runs their head start, nothing more.
    }
}

;// CONCATENATED MODULE: ./src/cli/launch.ts
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






/**
 * The SHA-256 of the CLI's build (cli.js and its chunks), written in by scripts/build.mjs, which
 * builds them together. V8 checks a cache against its own version, its flags and the source's
 * length, not the source's content; so a cache is used only under this digest. (Not a file's
 * size and time: npm gives every file of every published version the same time.)
 */
const BUNDLE_DIGEST = "6fbf8f4af6daf336d0a1b89467b415558850201ad9f7d89d373b89800a2d3b53";
const BUNDLE = "cli.js";
/** How the bundle's chunk loader asks for a chunk: `require("./815.cli.js")`. */
const CHUNK = /^\.\/([0-9a-z]+\.cli\.js)$/;
function launch(dir) {
    // HOME is what os.homedir() reads first; node:os is loaded only without it.
    const cacheFile = codeCacheFile(process.env, () => process.env.HOME || loadOs().homedir());
    const cached = cacheFile ? readCodeCache(cacheFile, BUNDLE_DIGEST) : null;
    const scripts = new Map();
    const loaded = new Map();
    // A script without data, or with data V8 refused, makes the cache stale: it is written again at exit.
    let stale = false;
    const plainRequire = (0,external_node_module_namespaceObject.createRequire)((0,external_node_path_namespaceObject.join)(dir, BUNDLE));
    const bundleRequire = Object.assign((id) => {
        // Every require of the bundle comes here (node:net, fs, \u2026): the regex only for a relative one.
        const chunk = id.startsWith("./") ? CHUNK.exec(id)?.[1] : undefined;
        return chunk === undefined ? plainRequire(id) : run(chunk);
    }, plainRequire);
    function run(name) {
        if (loaded.has(name))
            return loaded.get(name);
        const filename = (0,external_node_path_namespaceObject.join)(dir, name);
        const source = (0,external_node_fs_namespaceObject.readFileSync)(filename, "utf8");
        // The CommonJS wrapper on the first line, so that line numbers in stack traces stay true.
        const script = new external_node_vm_namespaceObject.Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename, cachedData: cached?.data.get(name) });
        if (script.cachedDataRejected !== false)
            stale = true;
        scripts.set(name, script);
        const module = { exports: {} };
        loaded.set(name, module.exports);
        script.runInThisContext().call(module.exports, module.exports, bundleRequire, module, filename, dir);
        loaded.set(name, module.exports);
        return module.exports;
    }
    if (cacheFile) {
        const shape = runShape(process.argv.slice(2));
        process.once("exit", () => {
            const bundleAccepted = scripts.get(BUNDLE)?.cachedDataRejected === false;
            const shapes = bundleAccepted && cached ? cached.header.shapes : [];
            if (!stale && shapes.includes(shape))
                return;
            try {
                // Made at exit, each script's data holds what this run compiled as well as what the cache
                // already had; chunks this run did not load keep the data they had.
                const names = [BUNDLE, ...[...new Set([...scripts.keys(), ...(bundleAccepted && cached ? cached.data.keys() : [])])].filter((n) => n !== BUNDLE).sort()];
                const data = names.map((n) => scripts.get(n)?.createCachedData() ?? cached?.data.get(n));
                const head = formatHeader({ digest: BUNDLE_DIGEST, sections: names.map((name, i) => ({ name, bytes: data[i].length })), shapes: shapes.includes(shape) ? shapes : [...shapes, shape] });
                if (head)
                    writeCodeCache(cacheFile, head, data);
            }
            catch {
                // Never the run's concern: an exception here would change its exit status.
            }
        });
    }
    run(BUNDLE);
}
launch(__dirname);

module.exports = __webpack_exports__;
/******/ })()
;