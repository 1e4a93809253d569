import { describe, expect, it } from "vitest";
import { diffFacts, encodeFactsJson, failureHash, fitStoredFacts, normalizeExtensions, parseFactsBlock, renderFactsBlock, type Facts, type TargetFacts } from "../../src/report/facts.js";

function target(over: Partial<TargetFacts> = {}): TargetFacts {
  return {
    name: "smtp.example.com:587", verdict: "pass", tls: "TLSv1.3", days: 34,
    ext: ["PIPELINING", "AUTH PLAIN", "AUTH LOGIN"],
    steps: [
      { cmd: null, code: 220, enh: null, verdict: "pass" },
      { cmd: "EHLO ci", code: 250, enh: null, verdict: "pass" },
      { cmd: "RCPT TO:<a@example.com>", code: 250, enh: "2.1.5", verdict: "pass" },
    ],
    err: null, find: [], ...over,
  };
}
const facts = (...targets: TargetFacts[]): Facts => ({ v: 1, verdict: targets.some((t) => t.verdict === "fail") ? "fail" : "pass", targets });

describe("the hidden facts block", () => {
  it("round-trips, and no string in it can close the HTML comment", () => {
    const hostile = target({ name: "a--b-->c--!><!--x", err: "--", days: -3 });
    const stored = { facts: facts(hostile), base: null };
    const block = renderFactsBlock(stored);
    expect(block.startsWith("<!-- smtp-gate:facts {")).toBe(true);
    expect(block.slice(4, -3)).not.toMatch(/--|[<>]/); // only the block's own delimiters
    expect(block.endsWith(" -->")).toBe(true);
    expect(parseFactsBlock(`x\n${block}\ny`)).toEqual(stored);
  });

  it("keeps negative numbers valid JSON (only strings are escaped)", () => {
    expect(encodeFactsJson({ days: -3, s: "-" })).toBe('{"days":-3,"s":"\\u002d"}');
  });

  it.each([
    ["absent", "no block here"],
    ["broken JSON", "<!-- smtp-gate:facts {nope} -->"],
    ["wrong shape", '<!-- smtp-gate:facts {"facts":{"v":2}} -->'],
  ])("reads nothing from a body with the block %s", (_, body) => {
    expect(parseFactsBlock(body)).toBeNull();
  });

  it("stays under its budget: the base goes first, then trailing targets (marked partial)", () => {
    const many = facts(...Array.from({ length: 200 }, (_, i) => target({ name: `t${i}.example.com:25` })));
    const fitted = fitStoredFacts({ facts: many, base: many }, 24_000);
    expect(fitted.base).toBeNull();
    expect(encodeFactsJson(fitted).length).toBeLessThanOrEqual(24_000);
    expect(fitted.facts.partial).toBe(true);
    expect(fitted.facts.targets.length).toBeGreaterThan(10);
  });
});

describe("diffFacts", () => {
  it("is empty for equal facts", () => {
    expect(diffFacts(facts(target()), facts(target()))).toEqual([]);
  });

  it("reports extensions gained and lost, TLS protocol, certificate days and changed reply codes", () => {
    const before = target();
    const after = target({
      verdict: "fail", tls: "TLSv1.2", days: 12, ext: ["PIPELINING", "AUTH PLAIN", "SMTPUTF8"],
      steps: [before.steps[0]!, before.steps[1]!, { cmd: "RCPT TO:<a@example.com>", code: 550, enh: "5.1.1", verdict: "fail" }],
    });
    expect(diffFacts(facts(before), facts(after))).toEqual([{
      name: "smtp.example.com:587", kind: "changed",
      verdict: { from: "pass", to: "fail" },
      tls: { from: "TLSv1.3", to: "TLSv1.2" },
      days: { from: 34, to: 12 },
      extGained: ["SMTPUTF8"], extLost: ["AUTH LOGIN"],
      steps: [{ cmd: "RCPT TO:<a@example.com>", n: 0, from: 250, to: 550 }],
    }]);
  });

  it("matches steps by command and repeat, so a step that no longer runs shows as no reply", () => {
    const before = target({ steps: [{ cmd: null, code: 220, enh: null, verdict: "pass" }, { cmd: "RCPT TO:<a>", code: 250, enh: null, verdict: "pass" }, { cmd: "RCPT TO:<a>", code: 250, enh: null, verdict: "pass" }] });
    const after = target({ steps: [{ cmd: null, code: 421, enh: null, verdict: "fail" }] });
    expect(diffFacts(facts(before), facts(after))[0]?.steps).toEqual([
      { cmd: null, n: 0, from: 220, to: 421 },
      { cmd: "RCPT TO:<a>", n: 0, from: 250, to: null },
      { cmd: "RCPT TO:<a>", n: 1, from: 250, to: null },
    ]);
  });

  it("names targets added and removed, but not against a partial block", () => {
    const a = target({ name: "a:25" });
    const b = target({ name: "b:25" });
    expect(diffFacts(facts(a), facts(b)).map((c) => `${c.kind} ${c.name}`)).toEqual(["added b:25", "removed a:25"]);
    expect(diffFacts({ ...facts(a), partial: true }, facts(a, b))).toEqual([]);
  });
});

describe("failureHash", () => {
  it("ignores certificate days and passing targets, changes with the failing code", () => {
    const failing = target({ name: "x:25", verdict: "fail", steps: [{ cmd: "RCPT TO:<a>", code: 550, enh: "5.1.1", verdict: "fail" }], find: ["unknown-user"] });
    const h = failureHash(facts(failing, target()));
    expect(failureHash(facts({ ...failing, days: 3 }, target({ days: 1 })))).toBe(h);
    expect(failureHash(facts(failing))).toBe(h);
    expect(failureHash(facts({ ...failing, steps: [{ cmd: "RCPT TO:<a>", code: 554, enh: "5.7.1", verdict: "fail" }] }))).not.toBe(h);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("normalizeExtensions", () => {
  it("splits AUTH into one entry per mechanism and keeps the rest", () => {
    expect(normalizeExtensions(["PIPELINING", "SIZE 10240000", "auth PLAIN login", "", "AUTH PLAIN"])).toEqual(["PIPELINING", "SIZE 10240000", "AUTH PLAIN", "AUTH LOGIN"]);
  });
});
