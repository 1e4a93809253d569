/** JUnit XML: a test suite per target, a test case per step, for the test-report tools people use. */
import type { Report } from "../engine/result.js";
import { replyCodeText } from "../protocol/reply.js";
import { commandLabel } from "./step-label.js";
import { neutralised } from "./neutralise.js";

const esc = (s: string): string =>
  // XML 1.0 cannot carry most control characters at all, escaped or not.
  // eslint-disable-next-line no-control-regex
  s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, "?").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function renderJunit(untrusted: Report): string {
  // Test-report tools show these strings in logs and pages: one line each, like every renderer's.
  const report = neutralised(untrusted);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = report.targets.reduce((n, t) => n + t.steps.filter((s) => s.verdict === "fail").length, 0);
  const tests = report.targets.reduce((n, t) => n + Math.max(1, t.steps.length), 0);
  out.push(`<testsuites name="smtp-gate" tests="${tests}" failures="${failures}">`);
  for (const t of report.targets) {
    const stepFailures = t.steps.filter((s) => s.verdict === "fail").length;
    out.push(`  <testsuite name="${esc(t.name)}" tests="${Math.max(1, t.steps.length)}" failures="${stepFailures + (t.steps.length === 0 && t.error ? 1 : 0)}" time="${(t.durationMs / 1000).toFixed(3)}">`);
    if (t.steps.length === 0 && t.error) {
      out.push(`    <testcase classname="${esc(t.name)}" name="connect" time="0"><failure type="${t.error.kind}" message="${esc(t.error.message)}"/></testcase>`);
    }
    t.steps.forEach((s, i) => {
      const name = `${String(i).padStart(2, "0")} ${commandLabel(s) ?? "(greeting)"}`;
      const reply = s.reply ? `${replyCodeText(s.reply)} ${s.reply.lines.join(" / ")}` : "no reply";
      const open = `    <testcase classname="${esc(t.name)}" name="${esc(name)}" time="${(s.ms / 1000).toFixed(3)}"`;
      if (s.verdict === "pass") out.push(`${open}/>`);
      else {
        const f = t.findings.find((x) => x.step === i);
        const body = [reply, f?.message, ...(f?.fixes.slice(0, 2) ?? [])].filter(Boolean).join("\n");
        const tag = s.verdict === "fail" ? "failure" : "skipped";
        out.push(`${open}>`, `      <${tag} message="${esc(`expected ${s.expected}, got ${reply}`)}">${esc(body)}</${tag}>`, "    </testcase>");
      }
    });
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return `${out.join("\n")}\n`;
}
