/**
 * A fleet's run in a worker thread whose young generation is bounded (issue 30).
 *
 * V8 sizes its young generation from the machine's memory (128 MiB on a 24 GiB machine) and grows
 * it toward that size whenever enough objects survive its scavenges, which a long run with many
 * sessions open does. The peak RSS then holds that much short-lived garbage: 313 MiB for 100,000
 * targets 1,000 at once, and 195 MiB for 100,000 at Node's default concurrency of 16 against a
 * server that answers at once, where the heap a run keeps is 9 MiB (docs/benchmarks.md). The size is fixed when an isolate is made: by a start-up
 * flag (`--max-semi-space-size`), which an action cannot pass to its runner's `node`, or by a
 * Worker's `resourceLimits`, which this uses. 48 MiB is three 16 MiB semi-spaces, Node 18's
 * default on 64-bit machines; at 1,000 at once it cost no measurable CPU (`npm run bench`).
 *
 * Only a fleet pays the worker's start-up (tens of milliseconds): a single probe runs as before.
 * The old generation is not limited: a run that needs more heap gets it, as without the worker.
 */
import type workerThreads from "node:worker_threads";

/**
 * node:worker_threads costs a probe's start-up about 1.8 ms, so it is loaded only where it is
 * used: in the worker, and in a main thread that starts one. The worker is told apart first by an
 * environment variable of its own (its environment is its copy), then by worker_threads itself.
 */
const loadWorkerThreads = (): typeof workerThreads => process.getBuiltinModule("node:worker_threads");
const WORKER_ENV = "SMTP_GATE_BOUNDED_HEAP_WORKER";

/** At this concurrency or above (or with a targets-file) a run is a fleet's. */
export const FLEET_CONCURRENCY = 64;
const YOUNG_GENERATION_MB = 48;

/** In a worker started by `runBounded`: what the main thread handed over; otherwise undefined. */
export function boundedWorkerData<T>(): { data: T } | undefined {
  if (process.env[WORKER_ENV] === undefined) return undefined;
  const { isMainThread, workerData } = loadWorkerThreads();
  if (isMainThread) return undefined;
  // The run's own environment is the user's: the marker is not part of it.
  delete process.env[WORKER_ENV];
  return { data: workerData as T };
}

/** Where the worker's output goes: the caller's own writers, which know when a stream is gone. */
export interface WorkerOutput {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/**
 * Runs `entry` (the running bundle's own file) again in a worker with a bounded young generation.
 * What it writes reaches `out` in order; resolves to the exit code it set (`process.exitCode` in
 * the worker), rejects with what it threw.
 */
export function runBounded<T>(entry: string, data: T, out: WorkerOutput): Promise<number> {
  return new Promise((resolve, reject) => {
    const { Worker } = loadWorkerThreads();
    const worker = new Worker(entry, {
      workerData: data,
      env: { ...process.env, [WORKER_ENV]: "1" },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      // Read here rather than piped to process.stdout: a pipe stops at the reader's EPIPE and
      // would leave the rest of a fleet's report queued in memory; `out` drops it.
      stdout: true,
      stderr: true,
    });
    worker.stdout.setEncoding("utf8").on("data", out.stdout);
    worker.stderr.setEncoding("utf8").on("data", out.stderr);
    let thrown: unknown;
    worker.once("error", (err) => (thrown = err));
    // 'exit' comes after 'error', and after the worker's output has reached ours.
    worker.once("exit", (code) => (thrown === undefined ? resolve(code) : reject(thrown)));
  });
}
