import { describe, it, expect } from "vitest";
import type { FailOn } from "../../src/config/target.js";
import { capVerdict, judgeStep, sequenceStoppedBy, worst, type Verdict } from "../../src/engine/verdict.js";
import { parseExpectation, type Expectation } from "../../src/protocol/expect.js";

const exp = (t: string): Expectation => parseExpectation(t) as Expectation;

describe("judgeStep (contract §2)", () => {
  const cases: { rule: string; code: number | null; expected: string; failOn: FailOn; want: Verdict }[] = [
    // pass: the reply met the expectation
    { rule: "exact code met", code: 250, expected: "250", failOn: "hard", want: "pass" },
    { rule: "alternative met", code: 251, expected: "250|251", failOn: "hard", want: "pass" },
    { rule: "class met", code: 554, expected: "5xx", failOn: "hard", want: "pass" },
    { rule: "expected 5xx met under soft", code: 550, expected: "550", failOn: "soft", want: "pass" },
    { rule: "expected 4xx met under soft", code: 451, expected: "4xx", failOn: "soft", want: "pass" },
    { rule: "pass under never", code: 221, expected: "221", failOn: "never", want: "pass" },
    // warn: not met, 4xx, fail-on hard
    { rule: "4xx under hard", code: 450, expected: "250", failOn: "hard", want: "warn" },
    { rule: "421 under hard", code: 421, expected: "2xx|3xx", failOn: "hard", want: "warn" },
    { rule: "4xx where 5xx expected under hard", code: 451, expected: "5xx", failOn: "hard", want: "warn" },
    // fail: 4xx under soft
    { rule: "4xx under soft", code: 450, expected: "250", failOn: "soft", want: "fail" },
    { rule: "421 under soft", code: 421, expected: "220", failOn: "soft", want: "fail" },
    // fail: 5xx
    { rule: "5xx under hard", code: 550, expected: "250|251", failOn: "hard", want: "fail" },
    { rule: "5xx under soft", code: 500, expected: "2xx|3xx", failOn: "soft", want: "fail" },
    { rule: "wrong 5xx when 550 expected", code: 554, expected: "550", failOn: "hard", want: "fail" },
    // fail: 2xx/3xx where something else was expected
    { rule: "2xx when 5xx expected", code: 250, expected: "5xx", failOn: "hard", want: "fail" },
    { rule: "3xx when 235 expected", code: 334, expected: "235", failOn: "hard", want: "fail" },
    { rule: "250 when 221 expected", code: 250, expected: "221", failOn: "hard", want: "fail" },
    // fail: no usable reply
    { rule: "null reply under hard", code: null, expected: "250", failOn: "hard", want: "fail" },
    { rule: "null reply under soft", code: null, expected: "5xx", failOn: "soft", want: "fail" },
    // never: nothing fails
    { rule: "5xx under never", code: 550, expected: "250", failOn: "never", want: "warn" },
    { rule: "2xx when 5xx expected under never", code: 250, expected: "5xx", failOn: "never", want: "warn" },
    { rule: "4xx under never", code: 450, expected: "250", failOn: "never", want: "warn" },
    { rule: "null reply under never", code: null, expected: "250", failOn: "never", want: "warn" },
  ];
  it.each(cases)("$rule: $code vs $expected (fail-on $failOn) → $want", ({ code, expected, failOn, want }) => {
    expect(judgeStep(code, exp(expected), failOn)).toBe(want);
  });

  it("never returns fail under fail-on never, for any code", () => {
    for (let code = 200; code < 600; code++) expect(judgeStep(code, exp("250"), "never")).not.toBe("fail");
  });
});

describe("worst / capVerdict", () => {
  const worstCases: [Verdict[], Verdict][] = [
    [[], "pass"],
    [["pass"], "pass"],
    [["pass", "warn"], "warn"],
    [["warn", "pass"], "warn"],
    [["pass", "fail", "warn"], "fail"],
    [["fail", "pass"], "fail"],
    [["warn", "warn"], "warn"],
  ];
  it.each(worstCases)("worst(%j) → %s", (vs, want) => {
    expect(worst(...vs)).toBe(want);
  });

  const capCases: [Verdict, FailOn, Verdict][] = [
    ["fail", "never", "warn"],
    ["warn", "never", "warn"],
    ["pass", "never", "pass"],
    ["fail", "hard", "fail"],
    ["fail", "soft", "fail"],
    ["warn", "hard", "warn"],
    ["pass", "soft", "pass"],
  ];
  it.each(capCases)("capVerdict(%s, %s) → %s", (v, f, want) => {
    expect(capVerdict(v, f)).toBe(want);
  });
});


describe("sequenceStoppedBy: a 4xx that stops the production sequence before any of it ran fails the target", () => {
  it.each([
    [{ command: null, class: "transient" as const }, "greeting"],
    [{ command: "EHLO ci.example.com", class: "transient" as const }, "EHLO"],
    [{ command: "HELO ci.example.com", class: "transient" as const, extra: "fallback" }, "EHLO"],
    [{ command: null, class: "permanent" as const }, null],
    [{ command: "MAIL FROM:<a@b.example>", class: "transient" as const }, null],
    [{ command: "EHLO ci.example.com", class: "success" as const }, null],
    [{ command: "EHLO ci.example.com", class: "transient" as const, extra: "cleanup" }, null],
  ])("%j → %s", (step, where) => {
    expect(sequenceStoppedBy(step)).toBe(where);
  });
});
