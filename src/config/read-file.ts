/**
 * The one way smtp-gate reads a file it was pointed at (a config, a CA bundle, a baseline, a
 * report): with a size limit checked before and while reading. Before, from fstat, for a regular
 * file; while, by reading at most limit + 1 bytes, for what fstat cannot size (/dev/zero, a pipe,
 * /proc files all say 0). Without it `--config /dev/zero` reads until memory runs out.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

const MiB = 1024 * 1024;

/** What each kind of file may weigh, with room to spare over the largest real one. */
export const FILE_LIMITS = {
  /**
   * A 200-target config is about 40 KB. Parsing YAML costs far more than the file (measured on
   * 2 cores: 8,000 targets, 650 KB: 2.4 s and 170 MiB; 20,000 targets, 1.6 MB: 4.9 s and 290 MiB),
   * so a larger fleet goes in a targets-file (config/targets-file.ts), read as a stream.
   */
  config: 1 * MiB,
  /** The whole Mozilla root store as PEM is about 220 KB. */
  ca: 1 * MiB,
  /** A baseline holds a few hundred bytes of facts per target. */
  baseline: 16 * MiB,
  /**
   * One target of a report read back (report/read-stream.ts reads a report a target at a time, so
   * the file itself is not limited): a target holds its transcript, at most 256 K characters.
   */
  report: 64 * MiB,
  /** GitHub caps webhook payloads at 25 MB. */
  event: 32 * MiB,
} as const;

const CHUNK = 64 * 1024;

/** The file's bytes, or why not: `cannot read "x": ENOENT`, `"x" is larger than 4 MiB, the limit for a config file`. */
export function readFileLimited(path: string, limit: number, what: string): Buffer | { problem: string } {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    return { problem: `cannot read "${path}": ${errorCode(e)}` };
  }
  const tooBig = (): { problem: string } => ({ problem: `"${path}" is larger than ${formatBytes(limit)}, the limit for ${what}` });
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { problem: `cannot read "${path}": it is a folder` };
    if (stat.size > limit) return tooBig();
    // A regular file in one read (and one more to see its end); anything else in growing chunks.
    let buffer = Buffer.allocUnsafe(Math.min(limit + 1, stat.isFile() && stat.size > 0 ? stat.size + 1 : CHUNK));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, total);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) return buffer.subarray(0, total);
      total += n;
      if (total > limit) return tooBig();
    }
  } catch (e) {
    return { problem: `cannot read "${path}": ${errorCode(e)}` };
  } finally {
    closeSync(fd);
  }
}

/** The file as UTF-8 text, or why not (see readFileLimited). */
export function readTextFile(path: string, limit: number, what: string): string | { problem: string } {
  const bytes = readFileLimited(path, limit, what);
  return Buffer.isBuffer(bytes) ? bytes.toString("utf8") : bytes;
}

/** `4 MiB`, `512 KiB`, `100 bytes`: limits are written the way they were chosen. */
export function formatBytes(n: number): string {
  if (n >= MiB && n % MiB === 0) return `${n / MiB} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}
