/** The action's entry: runs the action; nothing else happens at import time. */
import * as core from "@actions/core";
import { run } from "./run.js";

run().catch((err: unknown) => {
  // Only our own bugs reach here: peer failures are values in the report, bad inputs and
  // unwritable files are problems named before anything is sent.
  core.setFailed(`smtp-gate: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\nThis is a bug in smtp-gate; please report it with the inputs (secrets left out) and the message above.`);
});
