/**
 * The `smtp-gate` command: hands argv to main, guards the two output streams, sets the exit
 * status. A fleet's run (a targets-file, or --concurrency 64 and more) goes to a worker thread
 * with a bounded young generation (../bounded-heap.ts); the streams stay this thread's.
 */
import { FLEET_CONCURRENCY, boundedWorkerData, runBounded } from "../bounded-heap.js";
import { parseCommand } from "./args.js";
import { EXIT } from "./exit.js";
import type { CliIo } from "./main.js";

/** The CLI itself, loaded only in the thread that runs it: a fleet's main thread only waits. */
const main = (argv: readonly string[], io: CliIo): Promise<number> => import(/* webpackMode: "eager" */ "./main.js").then((m) => m.main(argv, io));

interface WorkerArgs {
  argv: string[];
  color: boolean;
}

const inWorker = boundedWorkerData<WorkerArgs>();
if (inWorker) {
  // The main thread owns the streams: what is written here reaches them in order.
  const io: CliIo = {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    env: process.env,
    color: inWorker.data.color,
  };
  main(inWorker.data.argv, io).then(
    (code) => void (process.exitCode = code),
    (err: unknown) => {
      io.stderr(internalError(err));
      process.exitCode = EXIT.internal;
    },
  );
} else {
  // Without an 'error' listener a failed write to stdout (`> /dev/full`, `| head -c1`) is an
  // unhandled exception: a stack trace, and exit 1, which reads as a fail verdict.
  let stdoutGone = false;
  let stdoutFailed = false;
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    stdoutGone = true;
    // The reader left (`| head`): it has what it wanted; the verdict's status stands.
    if (err.code === "EPIPE") return;
    if (!stdoutFailed) process.stderr.write(`smtp-gate: cannot write to standard output: ${err.message}\n`);
    stdoutFailed = true;
    process.exitCode = EXIT.output;
  });
  // Nowhere is left to report a failure to write stderr itself.
  let stderrGone = false;
  process.stderr.on("error", () => {
    stderrGone = true;
  });

  const io: CliIo = {
    stdout: (s) => {
      if (!stdoutGone) process.stdout.write(s);
    },
    stderr: (s) => {
      if (!stderrGone) process.stderr.write(s);
    },
    env: process.env,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };

  const argv = process.argv.slice(2);
  const cmd = parseCommand(argv);
  const fleet = "kind" in cmd && cmd.kind === "probe" && (cmd.targetsFile !== undefined || cmd.concurrency >= FLEET_CONCURRENCY);
  // process.argv[1]: this command's own file, as node was asked to run it.
  const run = fleet && process.argv[1] ? runBounded<WorkerArgs>(process.argv[1], { argv, color: io.color }, io) : main(argv, io);
  run.then(
    (code) => {
      process.exitCode = stdoutFailed ? EXIT.output : code;
    },
    (err: unknown) => {
      io.stderr(internalError(err));
      process.exitCode = EXIT.internal;
    },
  );
}

/** Only our own bugs reach here: user mistakes, peer failures and unwritable files are values. */
function internalError(err: unknown): string {
  return `smtp-gate: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n` +
    "This is a bug in smtp-gate; please report it with the command line (secrets left out) and the message above.\n";
}
