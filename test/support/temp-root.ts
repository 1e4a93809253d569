/**
 * vitest globalSetup: every temporary folder the suite makes (os.tmpdir(): certificates,
 * workspaces, reports, shards) goes under one folder of this run, removed when the run ends —
 * a suite of thousands of tests otherwise leaves thousands of folders in /tmp on the CI machine.
 * Set before the test workers start, so they and the processes they spawn inherit it.
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "smtp-gate-tests-"));
  // As /tmp itself: a server started by a test under another user may still read what it is given.
  chmodSync(root, 0o1777);
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
