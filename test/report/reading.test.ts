// Reports a person reads at 2 a.m.: the worst first, the passes out of the way, each thing said
// once, and an AUTH exchange's lines by what they carry (the JSON keeps `***`, contract §6).
import { describe, expect, it } from "vitest";
import { diagnose, prepareOutcome } from "../../src/diagnose/index.js";
import type { ProbeOutcome } from "../../src/engine/result.js";
import type { Report, TargetResult } from "../../src/model/report.js";
import { targetVerdict } from "../../src/engine/run.js";
import { worst } from "../../src/engine/verdict.js";
import { DEFAULT_POLICY } from "../../src/config/policy.js";
import { planAnnotations } from "../../src/report/annotations.js";
import { renderJobSummary } from "../../src/report/job-summary.js";
import { renderJson } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { reportSummaryLine } from "../../src/report/summary-line.js";
import { renderText } from "../../src/report/text.js";
import { afterTls, healthy, outcome, tlsFacts } from "../diagnose/fixtures.js";

function result(raw: ProbeOutcome): TargetResult {
  const p = prepareOutcome(raw);
  const findings = diagnose(p, DEFAULT_POLICY);
  const { closedByServer: _c, ...rest } = p;
  return { ...rest, findings, verdict: targetVerdict(p.steps.map((s) => s.verdict), p.error !== null, findings, "hard") };
}
const report = (...targets: TargetResult[]): Report =>
  ({ schema: "smtp-gate/report@1", verdict: worst(...targets.map((t) => t.verdict)), tool: { name: "smtp-gate", version: "test" }, startedAt: "2026-12-03T08:00:00.000Z", targets });

const pass = (name: string, over: Partial<ProbeOutcome> = {}) => result({ ...healthy({ name, host: `${name}.example.com`, port: 587 }), ...over });
const refused = (name: string) => result(outcome(afterTls("C: MAIL FROM:<app@example.com>", "S: 250 2.1.0 Ok", "C: RCPT TO:<nobody@example.com>",
  "S: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown", "C: RSET ## extra=cleanup", "S: 250 2.0.0 Ok", "C: QUIT ## extra=cleanup", "S: 221 2.0.0 Bye"),
{ tlsMode: "starttls", tls: tlsFacts(), name, host: `${name}.example.com`, port: 25 }));
const greylisted = (name: string) => result(outcome(afterTls("C: MAIL FROM:<app@example.com>", "S: 250 2.1.0 Ok", "C: RCPT TO:<ops@example.com>",
  "S: 450 4.2.0 <ops@example.com>: Recipient address rejected: Greylisted", "C: RSET ## extra=cleanup", "S: 250 2.0.0 Ok", "C: QUIT ## extra=cleanup", "S: 221 2.0.0 Bye"),
{ tlsMode: "starttls", tls: tlsFacts(), name, host: `${name}.example.com`, port: 25 }));
const selfSigned = tlsFacts({ authorized: false, authorizationError: "DEPTH_ZERO_SELF_SIGNED_CERT", checkedName: "mx.example.com", nameMatches: true });

describe("the summary output says what the other targets did", () => {
  it.each([
    [[refused("a"), pass("b"), pass("c")], "(+2 more targets, both pass)"],
    [[pass("b"), refused("a")], "(+1 more target, pass)"],
    [[pass("b"), greylisted("g"), refused("a"), pass("c")], "(+3 more targets, 1 warn, 2 pass)"],
    [[pass("a"), pass("b"), pass("c"), pass("d")], "(+3 more targets, all pass)"],
  ])("%#: %s", (targets, said) => {
    const line = reportSummaryLine(report(...targets));
    expect(line.endsWith(` ${said}`), line).toBe(true);
  });

  it("the worst target leads it", () => {
    expect(reportSummaryLine(report(pass("b"), greylisted("g"), refused("a")))).toMatch(/^a \(a\.example\.com:25\) — 550 5\.1\.1 on "RCPT TO:<nobody@example\.com>"/);
  });
});

describe("the job summary", () => {
  const r = report(pass("p1"), greylisted("warned"), refused("failed"), pass("p2"));
  const md = renderJobSummary(r);

  it("lists the failing target first, then the warning, and collapses the passes (overview and bodies)", () => {
    const at = (s: string) => md.indexOf(s);
    expect(at("- ❌ failed")).toBeLessThan(at("- ⚠️ warned"));
    expect(at("- ⚠️ warned")).toBeLessThan(at("<details><summary>✅ 2 targets pass</summary>"));
    expect(at("<details><summary>✅ 2 targets pass</summary>")).toBeLessThan(at("- ✅ p1"));
    expect(at("### ❌ failed")).toBeLessThan(at("### ⚠️ warned"));
    expect(at("### ⚠️ warned")).toBeLessThan(at("<details><summary>✅ 2 passing targets</summary>"));
    expect(at("<details><summary>✅ 2 passing targets</summary>")).toBeLessThan(at("### ✅ p1"));
    expect(at("### ✅ p1")).toBeLessThan(at("### ✅ p2"));
  });

  it("a run of one passing target is shown as it is, not collapsed", () => {
    expect(renderJobSummary(report(pass("only")))).not.toMatch(/passing target|targets pass/);
  });

  it("one certificate notice per run when several targets made the same choice (insecure)", () => {
    const fleet = report(pass("r1", { tls: selfSigned, insecure: true }), pass("r2", { tls: selfSigned, insecure: true }), pass("r3", { tls: selfSigned, insecure: true }));
    expect(fleet.targets.every((t) => t.findings.some((f) => f.id === "certificate-untrusted" && f.severity === "notice"))).toBe(true);
    const out = renderJobSummary(fleet);
    expect(out.match(/certificate-untrusted/g)).toHaveLength(1);
    expect(out).toContain("The certificate is self-signed on 3 targets (r1, r2, r3). Certificate verification is off for them (insecure), so their sessions went on.");
    // The Markdown report for a ticket keeps every target's own notice.
    expect(renderMarkdown(fleet).match(/certificate-untrusted/g)).toHaveLength(3);
  });
});

describe("an AUTH exchange, labelled by what each line carries", () => {
  const login = outcome(afterTls("C: AUTH LOGIN => 334", "S: 334 VXNlcm5hbWU6", "C: *** => 334", "S: 334 UGFzc3dvcmQ6", "C: ***", "S: 535 5.7.8 Error: authentication failed", "C: QUIT ## extra=cleanup", "S: 221 2.0.0 Bye"),
    { tlsMode: "starttls", tls: tlsFacts(), name: "submission", host: "smtp.example.com", port: 587 });
  login.steps[5]!.sasl = { mechanism: "LOGIN", carries: "username" };
  login.steps[6]!.sasl = { mechanism: "LOGIN", carries: "password" };
  const r = report(result(login));

  it("text, job summary, summary line and annotation say (username) and (password); the JSON command stays ***", () => {
    const text = renderText(r, { color: false });
    expect(text).toContain("5 C: AUTH LOGIN (username)");
    expect(text).toContain("6 C: AUTH LOGIN (password)");
    expect(text).not.toMatch(/C: \*\*\*/);
    expect(renderJobSummary(r)).toContain("| 6 | `AUTH LOGIN (password)` | 535 5.7.8");
    expect(reportSummaryLine(r)).toBe('submission (smtp.example.com:587) — 535 5.7.8 on "AUTH LOGIN (password)" (auth failed)');
    const a = planAnnotations(r);
    expect(a).toHaveLength(1);
    expect(a[0]?.title).toBe('SMTP 535 5.7.8 on "AUTH LOGIN (password)" — submission');
    const json = JSON.parse(renderJson(r)) as Report;
    expect(json.targets[0]?.steps.map((s) => s.command).slice(4, 7)).toEqual(["AUTH LOGIN", "***", "***"]);
    expect(json.targets[0]?.steps[6]?.sasl).toEqual({ mechanism: "LOGIN", carries: "password" });
  });
});
