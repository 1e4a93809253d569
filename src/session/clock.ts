/**
 * Monotonic milliseconds, for step timings and deadlines. process.hrtime rather than
 * performance.now(): the global `performance` loads node:perf_hooks and ten modules under it on
 * first touch, about 1.5 ms of a probe process's start-up.
 */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;
