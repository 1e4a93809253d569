/** The `smtp-gate` command: hands argv to main and sets the exit status; nothing else. */
import { main } from "./main.js";

const io = {
  stdout: (s: string) => void process.stdout.write(s),
  stderr: (s: string) => void process.stderr.write(s),
  env: process.env,
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Only our own bugs reach here: peer failures are values.
    process.stderr.write(`smtp-gate: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 3;
  },
);
