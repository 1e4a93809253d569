// runTargets at fleet scale: bounded concurrency, input order, and a dead target that costs
// only its own timeout. Counts are taken on the server side, over real loopback sockets.
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { runTargets } from "../../src/engine/run.js";
import { startRecordingSmtp, target, type RecordingServer } from "./helpers.js";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});
const keep = (s: RecordingServer): RecordingServer => {
  closers.push(() => s.close());
  return s;
};

/** Target i says EHLO t{i}.example.com; the server answers later targets sooner. */
const helo = (i: number) => `t${i}.example.com`;
const delayFor = (n: number) => (name: string) => (n - Number(/^t(\d+)\./.exec(name)?.[1] ?? 0)) * 6;

describe("runTargets concurrency", () => {
  it.each([
    [12, 3],
    [12, 1],
    [8, 8],
    [5, 16],
  ])("%i targets, concurrency %i: never more sessions open at once, results in input order", async (n, limit) => {
    const server = keep(await startRecordingSmtp({ pipelining: true, ehloDelayMs: delayFor(n) }));
    const targets = Array.from({ length: n }, (_, i) => target(server.port, { name: `t${i}`, helo: helo(i), to: ["a@example.com"] }));
    const report = await runTargets(targets, { concurrency: limit });
    expect(server.sessions).toHaveLength(n);
    expect(server.maxOpen).toBeLessThanOrEqual(limit);
    expect(server.maxOpen).toBe(Math.min(n, limit));
    expect(report.targets.map((t) => t.name)).toEqual(targets.map((t) => t.name));
    // Each result is its own target's conversation, not only its name in the right slot.
    report.targets.forEach((t, i) => expect(t.steps[1]?.reply?.lines[0]).toBe(`fleet.test greets ${helo(i)}`));
    expect(report.targets.every((t) => t.verdict === "pass")).toBe(true);
  });

  it.each([[5], [2]])("a dead target (never answers, timeout 300 ms) does not hold up the others' results (concurrency %i)", async (limit) => {
    const dead = keep(await startRecordingSmtp({ silent: true }));
    const live = keep(await startRecordingSmtp({ pipelining: true }));
    const targets = [
      target(dead.port, { name: "dead", timeoutMs: 300 }),
      ...Array.from({ length: 4 }, (_, i) => target(live.port, { name: `live${i}`, timeoutMs: 300, to: ["a@example.com"] })),
    ];
    const report = await runTargets(targets, { concurrency: limit });
    const [d, ...others] = report.targets;
    expect(d).toMatchObject({ name: "dead", verdict: "fail", error: { kind: "timeout", step: 0 } });
    expect(d?.durationMs).toBeGreaterThanOrEqual(290);
    expect(others.map((t) => t.name)).toEqual(["live0", "live1", "live2", "live3"]);
    for (const t of others) {
      expect(t.verdict).toBe("pass");
      // Each live probe took what its own loopback conversation takes, well under the dead one's timeout.
      expect(t.durationMs).toBeLessThan(300);
    }
    expect(live.sessions).toHaveLength(4);
  });

  it("a refused connection is reported for its own target only", async () => {
    const live = keep(await startRecordingSmtp({ pipelining: true }));
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const closedPort = (srv.address() as AddressInfo).port;
    await new Promise<void>((r) => srv.close(() => r()));
    const report = await runTargets([target(live.port, { name: "a" }), target(closedPort, { name: "refused" }), target(live.port, { name: "b" })], { concurrency: 3 });
    expect(report.targets.map((t) => [t.name, t.verdict, t.error?.kind ?? null])).toEqual([["a", "pass", null], ["refused", "fail", "connect"], ["b", "pass", null]]);
    expect(report.verdict).toBe("fail");
  });
});
