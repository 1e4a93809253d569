/** JUnit XML: a test suite per target, a test case per step, for the test-report tools people use. */
import type { Report, TargetResult } from "../model/report.js";
import { replyCodeText } from "../protocol/reply.js";
import { commandLabel } from "./step-label.js";
import { neutralised } from "./neutralise.js";

const esc = (s: string): string =>
  // XML 1.0 cannot carry most control characters at all, escaped or not.
  // eslint-disable-next-line no-control-regex
  s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, "?").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export interface JunitTotals {
  tests: number;
  failures: number;
}

export const junitTotals = (t: JunitTotals): string => ` tests="${t.tests}" failures="${t.failures}"`;

/**
 * The document's start, split where the root's totals go: a streamed file (./stream.ts) knows
 * them only at the end and leaves `room` (spaces, wide enough for any count) to write them into.
 */
export function junitHead(): { before: string; room: string; after: string } {
  return { before: '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="smtp-gate"', room: " ".repeat(junitTotals({ tests: Number.MAX_SAFE_INTEGER, failures: Number.MAX_SAFE_INTEGER }).length), after: ">\n" };
}

export const JUNIT_TAIL = "</testsuites>\n";

/** One target's suite counts; the root's are their sums (a refused connection is a failed test case too). */
export function suiteTotals(t: TargetResult): JunitTotals {
  const failures = t.steps.filter((s) => s.verdict === "fail").length + (t.steps.length === 0 && t.error ? 1 : 0);
  return { tests: Math.max(1, t.steps.length), failures };
}

export function renderJunit(untrusted: Report): string {
  // Test-report tools show these strings in logs and pages: one line each, like every renderer's.
  const report = neutralised(untrusted);
  const totals = { tests: 0, failures: 0 };
  for (const t of report.targets) {
    const s = suiteTotals(t);
    totals.tests += s.tests;
    totals.failures += s.failures;
  }
  const head = junitHead();
  const out = [`${head.before}${junitTotals(totals)}${head.after.trimEnd()}`];
  for (const t of report.targets) out.push(...junitTarget(t));
  return `${out.join("\n")}\n${JUNIT_TAIL}`;
}

/** One target's test suite; `t` neutralised (./neutralise.ts), as renderJunit and the streamed file do. */
export function junitTarget(t: TargetResult): string[] {
  const out: string[] = [];
  const totals = suiteTotals(t);
  out.push(`  <testsuite name="${esc(t.name)}" tests="${totals.tests}" failures="${totals.failures}" time="${(t.durationMs / 1000).toFixed(3)}">`);
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
  return out;
}
