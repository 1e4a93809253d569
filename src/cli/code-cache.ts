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
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { readFileLimited } from "../config/read-file.js";
import { OPTIONS } from "./options.js";

export const HEADER_BYTES = 1024;
/** V8's data for the bundle and every chunk is a few hundred KB; a bigger file is not ours. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
const MAGIC = "smtp-gate code cache 2";
/** A section's name: a file of the CLI's folder (cli.js, 815.cli.js). Used as a key, never as a path. */
const SECTION_NAME = /^[0-9a-z]+\.(?:cli\.)?js$/;
const SUBCOMMANDS = new Set(["explain", "merge", "demo-mta"]);
const KNOWN = new Set([...Object.keys(OPTIONS).map((k) => `--${k}`), "-h"]);
const PATH_VALUES: Readonly<Record<string, readonly string[]>> = {
  "--tls": ["starttls", "implicit", "opportunistic", "none"],
  "--format": ["text", "json", "markdown"],
  "--auth": ["PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"],
};

export interface CacheHeader {
  /** SHA-256 of the build the data was made from (the bundle and its chunks), hex. */
  digest: string;
  /** The scripts whose data follows the header, in order, with the size of each. */
  sections: { name: string; bytes: number }[];
  /** Shapes of the runs that compiled what the data holds (see runShape). */
  shapes: string[];
}

/**
 * The cache file for this Node version and architecture: in $XDG_CACHE_HOME/smtp-gate or
 * ~/.cache/smtp-gate, never a shared temporary folder (code loaded from there could be planted
 * by another user). Null when caching is off (NODE_DISABLE_COMPILE_CACHE, Node's own name).
 */
export function codeCacheFile(env: NodeJS.ProcessEnv, home: () => string): string | null {
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  // The XDG Base Directory spec: a relative XDG_CACHE_HOME is invalid and ignored.
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(home(), ".cache");
  return join(base, "smtp-gate", `cli-${process.version}-${process.arch}.v8cache`);
}

/**
 * What decides which functions a run compiles, roughly: the subcommand, the option names
 * (`probe --from --helo --host --to`), and the values of the few options that pick a code path
 * (`--tls=none`, `--format=json`). Only the CLI's own option names and those listed values count:
 * the file in the user's cache folder never holds anything else from the command line.
 */
export function runShape(argv: readonly string[]): string {
  const head = argv[0] !== undefined && SUBCOMMANDS.has(argv[0]) ? argv[0] : "probe";
  const parts = new Set<string>();
  argv.forEach((arg, i) => {
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!KNOWN.has(name)) return;
    const value = eq === -1 ? argv[i + 1] : arg.slice(eq + 1);
    parts.add(value !== undefined && PATH_VALUES[name]?.includes(value) ? `${name}=${value}` : name);
  });
  return [head, ...[...parts].sort()].join(" ");
}

/** The header as bytes, or null when its shapes would not fit. */
export function formatHeader(h: CacheHeader): Buffer | null {
  if (!h.sections.every((s) => SECTION_NAME.test(s.name) && Number.isSafeInteger(s.bytes) && s.bytes > 0)) return null;
  const sections = h.sections.map((s) => `${s.name}:${s.bytes}`).join(" ");
  const text = `${MAGIC}\nsha256:${h.digest}\nsections ${sections}\n${h.shapes.map((s) => `${s}\n`).join("")}`;
  return Buffer.byteLength(text) <= HEADER_BYTES ? Buffer.from(text.padEnd(HEADER_BYTES, " ")) : null;
}

/**
 * The header of a cache file for the build with this digest; null for any other file, and for
 * one whose sections do not add up to the data that follows (a cut-off write, say).
 */
export function parseHeader(file: Buffer, digest: string): CacheHeader | null {
  if (file.length <= HEADER_BYTES) return null;
  const lines = file.subarray(0, HEADER_BYTES).toString("latin1").split("\n");
  if (lines[0] !== MAGIC || lines[1] !== `sha256:${digest}` || !lines[2]?.startsWith("sections ")) return null;
  const sections: CacheHeader["sections"] = [];
  for (const field of lines[2].slice("sections ".length).split(" ")) {
    const m = /^(.+):([1-9][0-9]{0,9})$/.exec(field);
    if (!m || !SECTION_NAME.test(m[1] as string) || sections.some((s) => s.name === m[1])) return null;
    sections.push({ name: m[1] as string, bytes: Number(m[2]) });
  }
  if (sections.reduce((n, s) => n + s.bytes, 0) !== file.length - HEADER_BYTES) return null;
  // The last element is the padding after the final newline.
  return { digest, sections, shapes: lines.slice(3, -1) };
}

/** The cache for this build: its header and V8's data per script, or null (none, unreadable, another build's). */
export function readCodeCache(path: string, digest: string): { header: CacheHeader; data: Map<string, Buffer> } | null {
  const file = readFileLimited(path, MAX_CACHE_BYTES, "a code cache");
  if (!Buffer.isBuffer(file)) return null; // the first run, an unreadable cache folder, or not our file
  const header = parseHeader(file, digest);
  if (!header) return null;
  const data = new Map<string, Buffer>();
  let at = HEADER_BYTES;
  for (const s of header.sections) {
    data.set(s.name, file.subarray(at, at + s.bytes));
    at += s.bytes;
  }
  return { header, data };
}

/** Writes the cache whole, then renames it into place: a concurrent run reads the old or the new. */
export function writeCodeCache(path: string, head: Buffer, data: readonly Buffer[]): void {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const partial = `${path}.${process.pid}`;
    writeFileSync(partial, Buffer.concat([head, ...data]), { mode: 0o600 });
    renameSync(partial, path);
  } catch {
    // A read-only home or a full disk costs later runs their head start, nothing more.
  }
}
