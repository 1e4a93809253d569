// The consumers of a fleet's report stay within GitHub's limits, whatever the fleet's size
// (sizes, not times: `npm run bench` measures the times).
import { describe, expect, it } from "vitest";
import type { Report, TargetResult } from "../../src/model/report.js";
import { COMMENT_LIMIT, renderComment } from "../../src/report/comment.js";
import { compactFacts, encodeFactsJson, FACTS_BUDGET, fitStoredFacts } from "../../src/report/facts.js";
import { renderJobSummary, SUMMARY_LIMIT_BYTES } from "../../src/report/job-summary.js";

function fleet(n: number): Report {
  const targets: TargetResult[] = Array.from({ length: n }, (_, i) => ({
    name: `mx example-${i}.test → mx${i}.example-${i}.test (10) [2001:db8::${i.toString(16)}]`, host: `mx${i}.example-${i}.test`, port: 25, tlsMode: "starttls",
    verdict: i % 7 ? "pass" : "fail", durationMs: 10, error: null, tls: null, extensions: ["PIPELINING"], extensionsBeforeTls: null,
    steps: [{ command: null, verb: null, reply: { code: 220, enhanced: null, lines: ["ready"], ending: "crlf" }, class: "success", expected: "220", verdict: "pass", ms: 1, phase: "waiting for the greeting" }],
    findings: [], transcript: [{ t: 0, dir: "S", text: "220 ready" }], transcriptCapped: false, unsolicitedReplies: 0, mxHost: `mx${i}.example-${i}.test`, address: `2001:db8::${i.toString(16)}`,
  }));
  return { schema: "smtp-gate/report@1", verdict: "fail", tool: { name: "smtp-gate", version: "0" }, startedAt: "", targets };
}

describe("a fleet of 10,000 targets", () => {
  const report = fleet(10_000);

  it("job summary: under GitHub's 1 MiB, the overview cut with a word", () => {
    const md = renderJobSummary(report);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(md).toMatch(/- …and \d+ more lines: the JSON report has every target\./);
    expect(md).toMatch(/target\(s\) omitted from the summary/);
  });

  it("PR comment: under 65,536 characters, its hidden facts under their budget", () => {
    const facts = compactFacts(report);
    expect(renderComment(report, { key: "k", facts, previous: null, runUrl: null }).length).toBeLessThanOrEqual(COMMENT_LIMIT);
    const stored = fitStoredFacts({ facts, base: null });
    expect(encodeFactsJson(stored).length).toBeLessThanOrEqual(FACTS_BUDGET);
    expect(stored.facts.partial).toBe(true);
    // The longest prefix that fits: one more target would not.
    const next = { facts: { ...stored.facts, targets: facts.targets.slice(0, stored.facts.targets.length + 1) }, base: null };
    expect(encodeFactsJson(next).length).toBeGreaterThan(FACTS_BUDGET);
  });
});
