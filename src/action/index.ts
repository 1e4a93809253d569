/**
 * The action's entry: runs the action; nothing else happens at import time. A fleet's run (a
 * targets-file, or a concurrency of 64 and more) goes to a worker thread with a bounded young
 * generation (../bounded-heap.ts): the runner's `node` takes no flags.
 */
import * as core from "@actions/core";
import { FLEET_CONCURRENCY, boundedWorkerData, runBounded } from "../bounded-heap.js";
import { parseConcurrency } from "../config/values.js";
import { run } from "./run.js";

/** Only our own bugs reach here: peer failures are values in the report, bad inputs and unwritable files are problems named before anything is sent. */
const internalError = (err: unknown): void =>
  core.setFailed(`smtp-gate: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\nThis is a bug in smtp-gate; please report it with the inputs (secrets left out) and the message above.`);

/** The inputs read here are read again, and checked, by run(): an invalid concurrency is its to report. */
function isFleet(): boolean {
  const concurrency = parseConcurrency(core.getInput("concurrency") || "1");
  return core.getInput("targets-file") !== "" || (typeof concurrency === "number" && concurrency >= FLEET_CONCURRENCY);
}

if (boundedWorkerData() || !isFleet() || !process.argv[1]) {
  run().catch(internalError);
} else {
  // process.argv[1]: this file, as the runner started it. The worker's own output, its
  // workflow commands included, reaches the log in order; the step fails as the worker said.
  runBounded(process.argv[1], null, { stdout: (s) => void process.stdout.write(s), stderr: (s) => void process.stderr.write(s) }).then(
    (code) => void (process.exitCode = code),
    internalError,
  );
}
