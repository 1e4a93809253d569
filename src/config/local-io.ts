/**
 * What resolving a target needs from the machine — the files it names (`ca`, `baseline`) and this
 * host's name (the default EHLO name) — read by the faces (CLI, action, config loader) and passed
 * in, so that src/config/resolve.ts does no I/O itself.
 */
import { loadOs } from "../builtins.js";
import { readTextFile } from "./read-file.js";

export interface ResolveIo {
  /** A file's text, or why it cannot be read (see readTextFile). */
  readFile: (path: string, limit: number, what: string) => string | { problem: string };
  /** This machine's host name, for the default EHLO name. */
  hostname: string;
}

export function localIo(): ResolveIo {
  return { readFile: readTextFile, hostname: loadOs().hostname() };
}
