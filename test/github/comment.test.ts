import { describe, expect, it } from "vitest";
import type { Report, StepResult, TargetResult } from "../../src/model/report.js";
import { compactFacts, parseFactsBlock } from "../../src/report/facts.js";
import { commentMarker, nextStoredFacts, renderComment, stableCommentText, truncateMarkdown } from "../../src/report/comment.js";
import { codeSpan as code } from "../../src/report/markdown.js";

function step(command: string | null, replyCode: number, verdict: StepResult["verdict"] = "pass", enhanced: string | null = null): StepResult {
  return { command, verb: command === null ? null : (command.split(" ")[0] as string), reply: { code: replyCode, enhanced, lines: ["text"], ending: "crlf" }, class: "success", expected: "250", verdict, ms: 12, phase: "x" };
}

function target(name: string, over: Partial<TargetResult> = {}): TargetResult {
  return {
    name, host: "smtp.example.com", port: 587, tlsMode: "starttls", verdict: "pass", durationMs: 40, error: null,
    tls: { protocol: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384", authorized: true, authorizationError: null, subject: "smtp.example.com", subjectAltNames: [], issuer: null, validFrom: null, validTo: null, daysLeft: 34, fingerprint256: null },
    extensions: ["PIPELINING", "AUTH PLAIN LOGIN"], extensionsBeforeTls: null,
    steps: [step(null, 220), step("EHLO ci", 250), step("RCPT TO:<a@example.com>", 250)],
    findings: [], transcript: [], transcriptCapped: false, unsolicitedReplies: 0, ...over,
  };
}

function report(...targets: TargetResult[]): Report {
  const verdict = targets.some((t) => t.verdict === "fail") ? "fail" : targets.some((t) => t.verdict === "warn") ? "warn" : "pass";
  return { schema: "smtp-gate/report@1", verdict, tool: { name: "smtp-gate", version: "0.0.0" }, startedAt: "2025-01-01T00:00:00Z", targets };
}

const failing = (name = "smtp.example.com:587") =>
  target(name, {
    verdict: "fail",
    steps: [step(null, 220), step("EHLO ci", 250), step("RCPT TO:<a@example.com>", 550, "fail", "5.1.1")],
    findings: [{ id: "unknown-user", severity: "error", step: 2, message: "550 5.1.1 from @admin see #12 [x](http://evil)", cause: "unknown-recipient", causes: ["c"], ruledOut: [], fixes: ["Check the address"] }],
  });

const render = (r: Report, previous: string | null = null, runUrl: string | null = "https://github.test/o/r/actions/runs/1", limit?: number) =>
  renderComment(r, { key: "mail/probe", facts: compactFacts(r), previous: previous ? parseFactsBlock(previous) : null, runUrl, limit });

describe("renderComment", () => {
  it("starts with the marker and the facts, then the verdict, findings, a table per target and the run link", () => {
    const body = render(report(failing(), target("mx:25")));
    const lines = body.split("\n");
    expect(lines[0]).toBe("<!-- smtp-gate:mail/probe -->");
    expect(lines[1]).toMatch(/^<!-- smtp-gate:facts \{.*\} -->$/);
    expect(lines[2]).toBe("### smtp-gate: ❌ FAIL — 1 of 2 failing");
    expect(body).toContain("**Top findings:**");
    expect(body).toContain("`unknown-user`");
    expect(body).toContain("| 2 | `RCPT TO:<a@example.com>` | 550 5.1.1 | ❌ expected 250 |");
    expect(body).toContain("<details><summary>✅ mx:25 — TLS TLSv1.3, certificate 34 days left</summary>");
    expect(lines.at(-2)).toBe("<sub>Updated by [workflow run](https://github.test/o/r/actions/runs/1)</sub>");
    expect(body).not.toContain("12 ms"); // nothing volatile
  });

  it("counts every target of a large run, of which the report shows the worst (the tally's counts)", () => {
    const shown = report(failing(), target("mx:25"));
    const opts = { key: "mail/probe", facts: compactFacts(shown), previous: null, runUrl: null };
    const lines = renderComment(shown, { ...opts, all: { pass: 297, warn: 1, fail: 2 } }).split("\n");
    expect(lines[2]).toBe("### smtp-gate: ❌ FAIL — 2 of 300 failing, 1 warning");
    expect(lines[4]).toBe("The worst 2 of 300 targets are shown; the JSON report has every one.");
    // Counts that are the report's own add no line: a small run's comment is as before.
    expect(renderComment(shown, { ...opts, all: { pass: 1, warn: 0, fail: 1 } })).toBe(renderComment(shown, opts));
  });

  it("neutralises mentions, issue links and links in server text", () => {
    const body = render(report(failing()));
    expect(body).not.toMatch(/@admin/);
    // A WORD JOINER (U+2060) after @ and # and inside "http://": GitHub's filters read decoded text, so entities alone do not stop them.
    expect(body).toContain("\u2060@\u2060admin");
    expect(body).toContain("#\u206012");
    expect(body).toContain("\\[x\\](http\u2060://evil)");
  });

  it("says a stale failure is gone, and what changed", () => {
    const before = render(report(failing()));
    const after = render(report(target("smtp.example.com:587", { tls: { ...target("x").tls!, protocol: "TLSv1.2", daysLeft: 33 }, extensions: ["PIPELINING", "AUTH PLAIN"] })), before);
    expect(after).toContain("### smtp-gate: ✅ PASS");
    expect(after).toContain("The earlier fail result no longer holds");
    expect(after).toContain("- **smtp.example.com:587**: ❌ fail → ✅ pass; TLS TLSv1.3 → TLSv1.2; certificate days left 34 → 33; extensions lost `AUTH LOGIN`; `RCPT TO:<a@example.com>` 550 → 250");
    expect(after).not.toContain("unknown-user");
  });

  it("renders an identical re-run identically (apart from the run link), keeping the shown changes", () => {
    const first = render(report(failing()));
    const second = render(report(target("smtp.example.com:587")), first, "https://github.test/o/r/actions/runs/2");
    const third = render(report(target("smtp.example.com:587")), second, "https://github.test/o/r/actions/runs/3");
    expect(third).not.toBe(second);
    expect(stableCommentText(third)).toBe(stableCommentText(second));
    expect(third).toContain("What changed since the previous result");
  });

  it("stays under GitHub's limit with the marker and facts whole and nothing left open", () => {
    const many = Array.from({ length: 400 }, (_, i) => failing(`host-${i}.example.com:587`));
    const body = render(report(...many));
    expect(body.length).toBeLessThanOrEqual(65_000);
    expect(body.startsWith(`${commentMarker("mail/probe")}\n<!-- smtp-gate:facts {`)).toBe(true);
    expect(parseFactsBlock(body)?.facts.targets.length).toBeGreaterThan(0);
    expect(body).toContain("truncated");
    expect(body.trimEnd().endsWith("</sub>")).toBe(true);
    expect((body.match(/<details>/g) ?? []).length).toBe((body.match(/<\/details>/g) ?? []).length);
  });

  it("keeps the marker a single safe HTML comment whatever the key", () => {
    expect(commentMarker("wf--x-->\ny")).toBe("<!-- smtp-gate:wf-x-__y -->");
  });
});

describe("nextStoredFacts", () => {
  it("measures changes from the previous comment, or keeps its base when nothing changed", () => {
    const a = compactFacts(report(failing()));
    const b = compactFacts(report(target("smtp.example.com:587")));
    expect(nextStoredFacts(b, null)).toEqual({ facts: b, base: null });
    expect(nextStoredFacts(b, { facts: a, base: null })).toEqual({ facts: b, base: a });
    expect(nextStoredFacts(b, { facts: b, base: a })).toEqual({ facts: b, base: a });
  });
});

describe("truncateMarkdown", () => {
  const long = (n: number) => Array.from({ length: n }, (_, i) => `line ${i} ${"x".repeat(40)}`);

  it("returns short text unchanged", () => {
    expect(truncateMarkdown("a\nb", 100)).toBe("a\nb");
  });

  it("closes a code fence cut in the middle", () => {
    const md = ["intro", "````text", ...long(100), "````", "after"].join("\n");
    const out = truncateMarkdown(md, 1_500);
    expect(out.length).toBeLessThanOrEqual(1_500);
    const fences = out.split("\n").filter((l) => l.startsWith("````"));
    expect(fences).toHaveLength(2);
    expect(out.indexOf("truncated")).toBeGreaterThan(out.lastIndexOf("````"));
  });

  it("closes nested details, and does not count details inside a fence", () => {
    const md = ["<details><summary>a</summary>", "", "<details>", "```", "<details>", "```", ...long(100)].join("\n");
    const out = truncateMarkdown(md, 1_000);
    expect(out.length).toBeLessThanOrEqual(1_000);
    expect((out.match(/<\/details>/g) ?? []).length).toBe(2);
  });

  it("cuts only at line boundaries", () => {
    const out = truncateMarkdown(long(100).join("\n"), 500);
    for (const l of out.split("\n").filter((x) => x.startsWith("line"))) expect(l).toMatch(/^line \d+ x{40}$/);
  });
});

describe("code", () => {
  it.each([
    ["MAIL FROM:<a@b>", "`MAIL FROM:<a@b>`"],
    ["a|b", "`a\\|b`"],
    ["x`y", "``x`y``"],
    ["`x", "`` `x ``"],
  ])("%s → %s", (input, out) => {
    expect(code(input)).toBe(out);
  });
});
