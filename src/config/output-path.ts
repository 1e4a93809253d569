/**
 * Checks a file smtp-gate will write (`--report`, `junit-file`, GITHUB_OUTPUT, …) before anything
 * is sent, so that a folder given as a file name or a missing folder is a configuration error,
 * not a failure after the probe already ran. It changes nothing on disk. What only writing can
 * tell (a full disk) is still up to the writer.
 */
import { accessSync, constants, statSync, type Stats } from "node:fs";
import { dirname } from "node:path";

export type OutputKind =
  /** The writer creates missing folders (the action's report-file and junit-file). */
  | "creates-folders"
  /** The writer creates the file, not its folder (the CLI's --report). */
  | "in-existing-folder"
  /** The file must already exist (GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, which the runner creates). */
  | "existing-file";

/** Why `path` cannot be written, in words after the path (`is a folder`), or null. */
export function unwritablePath(path: string, kind: OutputKind): string | null {
  const file = statOf(path);
  if (file === "ENOENT") return kind === "existing-file" ? "does not exist" : unwritableFolder(dirname(path), kind === "creates-folders");
  if (typeof file === "string") return reason(file);
  if (file.isDirectory()) return "is a folder, not a file";
  return writable(path, constants.W_OK);
}

/** The folder a new file goes in: it, or with `creates` its nearest existing ancestor, must be a writable folder. */
function unwritableFolder(folder: string, creates: boolean): string | null {
  for (let dir = folder; ; dir = dirname(dir)) {
    const s = statOf(dir);
    if (s === "ENOENT" && creates && dirname(dir) !== dir) continue;
    if (s === "ENOENT") return `is in a folder that does not exist (${dir})`;
    if (typeof s === "string") return reason(s);
    if (!s.isDirectory()) return `is in ${dir}, which is not a folder`;
    return writable(dir, constants.W_OK | constants.X_OK);
  }
}

function statOf(path: string): Stats | string {
  try {
    return statSync(path);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? String(e);
  }
}

function writable(path: string, mode: number): string | null {
  try {
    accessSync(path, mode);
    return null;
  } catch (e) {
    return reason((e as NodeJS.ErrnoException).code ?? String(e));
  }
}

function reason(code: string): string {
  if (code === "ENOTDIR") return "is below a file, not a folder";
  return `cannot be written (${code})`;
}
