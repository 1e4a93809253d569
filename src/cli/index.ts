/** The `smtp-gate` command: hands argv to main, guards the two output streams, sets the exit status. */
import { EXIT, main } from "./main.js";

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

const io = {
  stdout: (s: string) => {
    if (!stdoutGone) process.stdout.write(s);
  },
  stderr: (s: string) => {
    if (!stderrGone) process.stderr.write(s);
  },
  env: process.env,
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = stdoutFailed ? EXIT.output : code;
  },
  (err: unknown) => {
    // Only our own bugs reach here: user mistakes, peer failures and unwritable files are values.
    io.stderr(`smtp-gate: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n` +
      "This is a bug in smtp-gate; please report it with the command line (secrets left out) and the message above.\n");
    process.exitCode = EXIT.internal;
  },
);
