import { describe, expect, it } from "vitest";
import type { Report, StepResult, TargetResult } from "../../src/model/report.js";
import { cell, codeSpan, renderStepTable, renderMarkdown } from "../../src/report/markdown.js";

const step = (over: Partial<StepResult>): StepResult => ({
  command: "NOOP", verb: "NOOP", reply: { code: 250, enhanced: "2.0.0", lines: ["2.0.0 Ok"], ending: "crlf" },
  class: "success", expected: "250", verdict: "pass", ms: 3, phase: "x", ...over,
});

const target = (steps: StepResult[]): TargetResult => ({
  name: "mx.example.com:25", host: "mx.example.com", port: 25, tlsMode: "none", verdict: "fail", durationMs: 9,
  error: null, tls: null, extensions: ["PIPELINING", "AUTH PLAIN"], extensionsBeforeTls: null, steps, findings: [],
  transcript: [], transcriptCapped: false, unsolicitedReplies: 0,
});

describe("markdown escaping", () => {
  it("code spans keep commands literal: angle brackets stay, pipes are escaped, backticks get a longer fence", () => {
    expect(codeSpan("MAIL FROM:<a@example.com>")).toBe("`MAIL FROM:<a@example.com>`");
    expect(codeSpan("X a|b")).toBe("`X a\\|b`");
    // CommonMark strips one space from each side only when both sides have one.
    expect(codeSpan("say `hi`")).toBe("`` say `hi` ``");
  });

  it("cells neutralise HTML, mentions, issue links and Markdown links from a peer", () => {
    expect(cell("<b>@admin #1 [x](http://e)</b>|`")).toBe("&lt;b&gt;\u2060@\u2060admin #\u20601 \\[x\\](http\u2060://e)&lt;/b&gt;\\|\\`");
  });
});

describe("the step table", () => {
  it("renders one row per step with the reply's first line and an escaped expectation", () => {
    const t = target([
      step({ command: null, reply: { code: 220, enhanced: null, lines: ["mx ESMTP"], ending: "crlf" }, expected: "220" }),
      step({ command: "EHLO ci.example.com", reply: { code: 250, enhanced: null, lines: ["mx", "PIPELINING", "AUTH PLAIN"], ending: "crlf" } }),
      step({ command: "MAIL FROM:<a@example.com>", reply: { code: 500, enhanced: "5.5.1", lines: ["5.5.1 Command unrecognized"], ending: "crlf" }, class: "permanent", expected: "2xx|3xx", verdict: "fail", ms: 12 }),
    ]);
    expect(renderStepTable(t)).toEqual([
      "| # | command | reply | verdict | ms |",
      "|---|---|---|---|---|",
      "| 0 | *(greeting)* | 220 mx ESMTP | ✅ pass | 3 |",
      "| 1 | `EHLO ci.example.com` | 250 mx (+2 lines) | ✅ pass | 3 |",
      "| 2 | `MAIL FROM:<a@example.com>` | 500 5.5.1 Command unrecognized | ❌ fail (expected 2xx\\|3xx) | 12 |",
    ]);
  });

  it("a whole report starts with the verdict and lists extensions as code", () => {
    const report: Report = { schema: "smtp-gate/report@1", verdict: "fail", tool: { name: "smtp-gate", version: "0" }, startedAt: "2026-01-01T00:00:00.000Z", targets: [target([step({})])] };
    const md = renderMarkdown(report);
    expect(md.split("\n")[0]).toBe("## smtp-gate: ❌ fail");
    expect(md).toContain("Extensions: `PIPELINING`, `AUTH PLAIN`");
  });
});
