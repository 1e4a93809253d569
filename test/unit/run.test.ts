import { describe, it, expect } from "vitest";
import type { FailOn } from "../../src/config/target.js";
import type { Finding } from "../../src/model/report.js";
import type { Severity } from "../../src/model/enums.js";
import { mapLimit, targetVerdict } from "../../src/engine/run.js";
import type { Verdict } from "../../src/engine/verdict.js";

const finding = (severity: Severity): Finding => ({ id: `x-${severity}`, severity, step: null, message: "m", cause: null, causes: [], ruledOut: [], fixes: [] });

describe("targetVerdict (contract §2)", () => {
  const cases: { name: string; steps: Verdict[]; error: boolean; findings: Severity[]; failOn: FailOn; want: Verdict }[] = [
    { name: "all pass", steps: ["pass", "pass"], error: false, findings: [], failOn: "hard", want: "pass" },
    { name: "worst step", steps: ["pass", "warn", "pass"], error: false, findings: [], failOn: "hard", want: "warn" },
    { name: "failing step", steps: ["pass", "fail"], error: false, findings: [], failOn: "hard", want: "fail" },
    { name: "error finding → fail", steps: ["pass"], error: false, findings: ["error"], failOn: "hard", want: "fail" },
    { name: "warning finding → warn", steps: ["pass"], error: false, findings: ["warning"], failOn: "hard", want: "warn" },
    { name: "notice finding → nothing", steps: ["pass"], error: false, findings: ["notice", "notice"], failOn: "hard", want: "pass" },
    { name: "notice does not lower a warn", steps: ["warn"], error: false, findings: ["notice"], failOn: "hard", want: "warn" },
    { name: "target error → fail", steps: ["pass"], error: true, findings: [], failOn: "hard", want: "fail" },
    { name: "target error with no steps → fail", steps: [], error: true, findings: [], failOn: "soft", want: "fail" },
    { name: "never caps a failing step", steps: ["fail"], error: false, findings: [], failOn: "never", want: "warn" },
    { name: "never caps an error", steps: [], error: true, findings: [], failOn: "never", want: "warn" },
    { name: "never caps an error finding", steps: ["pass"], error: false, findings: ["error"], failOn: "never", want: "warn" },
    { name: "never keeps pass", steps: ["pass"], error: false, findings: ["notice"], failOn: "never", want: "pass" },
  ];
  it.each(cases)("$name", ({ steps, error, findings, failOn, want }) => {
    expect(targetVerdict(steps, error, findings.map(finding), failOn)).toBe(want);
  });
});

describe("mapLimit", () => {
  /** Runs mapLimit with tasks that resolve in a shuffled order, counting how many run at once. */
  async function measure(n: number, limit: number): Promise<{ out: number[]; maxActive: number; calls: number }> {
    let active = 0;
    let maxActive = 0;
    let calls = 0;
    const items = Array.from({ length: n }, (_, i) => i);
    const out = await mapLimit(items, limit, async (i) => {
      calls++;
      active++;
      maxActive = Math.max(maxActive, active);
      // A varying number of microtask turns, so later items often finish first.
      const turns = ((i * 7) % 5) + 1;
      for (let t = 0; t < turns; t++) await Promise.resolve();
      active--;
      return i * 10;
    });
    return { out, maxActive, calls };
  }

  const cases: [number, number][] = [
    [10, 3],
    [10, 1],
    [5, 16],
    [16, 16],
    [100, 7],
    [1, 4],
  ];
  it.each(cases)("%i items, limit %i: order kept, concurrency bounded", async (n, limit) => {
    const { out, maxActive, calls } = await measure(n, limit);
    expect(out).toEqual(Array.from({ length: n }, (_, i) => i * 10));
    expect(calls).toBe(n);
    expect(maxActive).toBeLessThanOrEqual(limit);
    expect(maxActive).toBe(Math.min(limit, n));
  });

  it("no items → empty result, fn never called", async () => {
    let called = 0;
    expect(await mapLimit([], 4, async () => ++called)).toEqual([]);
    expect(called).toBe(0);
  });

  it("results are in input order even when completion order is reversed", async () => {
    const resolvers: (() => void)[] = [];
    const p = mapLimit(["a", "b", "c"], 3, (s) => new Promise<string>((res) => resolvers.push(() => res(s.toUpperCase()))));
    await Promise.resolve();
    expect(resolvers).toHaveLength(3);
    for (const r of [...resolvers].reverse()) r();
    expect(await p).toEqual(["A", "B", "C"]);
  });

  it("a rejection propagates", async () => {
    await expect(mapLimit([1, 2, 3], 2, async (i) => (i === 2 ? Promise.reject(new Error("boom")) : i))).rejects.toThrow("boom");
  });
});
