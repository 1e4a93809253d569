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
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { OPTIONS } from "./options.js";

export const HEADER_BYTES = 1024;
const MAGIC = "smtp-gate code cache 1";
const SUBCOMMANDS = new Set(["explain", "merge", "demo-mta"]);
const KNOWN = new Set([...Object.keys(OPTIONS).map((k) => `--${k}`), "-h"]);
const PATH_VALUES: Readonly<Record<string, readonly string[]>> = {
  "--tls": ["starttls", "implicit", "opportunistic", "none"],
  "--format": ["text", "json", "markdown"],
  "--auth": ["PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"],
};

export interface CacheHeader {
  /** SHA-256 of the bundle the data was made from, hex. */
  digest: string;
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
  const text = `${MAGIC}\nsha256:${h.digest}\n${h.shapes.map((s) => `${s}\n`).join("")}`;
  return Buffer.byteLength(text) <= HEADER_BYTES ? Buffer.from(text.padEnd(HEADER_BYTES, " ")) : null;
}

/** The header of a cache file for the bundle with this digest; null for any other file. */
export function parseHeader(file: Buffer, digest: string): CacheHeader | null {
  if (file.length <= HEADER_BYTES) return null;
  const lines = file.subarray(0, HEADER_BYTES).toString("latin1").split("\n");
  if (lines[0] !== MAGIC || lines[1] !== `sha256:${digest}`) return null;
  // The last element is the padding after the final newline.
  return { digest, shapes: lines.slice(2, -1) };
}

/** The cache for this bundle: its header and V8's data, or null (none, unreadable, another bundle's). */
export function readCodeCache(path: string, digest: string): { header: CacheHeader; data: Buffer } | null {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return null; // the first run, or an unreadable cache folder
  }
  const header = parseHeader(file, digest);
  return header ? { header, data: file.subarray(HEADER_BYTES) } : null;
}

/** Writes the cache whole, then renames it into place: a concurrent run reads the old or the new. */
export function writeCodeCache(path: string, head: Buffer, data: Buffer): void {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const partial = `${path}.${process.pid}`;
    writeFileSync(partial, Buffer.concat([head, data]), { mode: 0o600 });
    renameSync(partial, path);
  } catch {
    // A read-only home or a full disk costs later runs their head start, nothing more.
  }
}
