// String snapshots of every renderer over a handful of reports built from recorded transcripts, so
// that a change in what a reader sees shows up in review as a diff of test/report/__snapshots__/.
// Update them with `npx vitest run test/report -u` and read the diff before committing.
import { describe, expect, it } from "vitest";
import { diagnose, prepareOutcome } from "../../src/diagnose/index.js";
import type { ProbeOutcome } from "../../src/engine/result.js";
import type { Report, TargetResult } from "../../src/model/report.js";
import { targetVerdict } from "../../src/engine/run.js";
import { worst } from "../../src/engine/verdict.js";
import { planAnnotations } from "../../src/report/annotations.js";
import { renderComment } from "../../src/report/comment.js";
import { compactFacts } from "../../src/report/facts.js";
import { renderJobSummary } from "../../src/report/job-summary.js";
import { renderJson } from "../../src/report/json.js";
import { renderJunit } from "../../src/report/junit.js";
import { reportSummaryLine } from "../../src/report/summary-line.js";
import { renderText } from "../../src/report/text.js";
import { DEFAULT_POLICY } from "../../src/config/policy.js";
import { EHLO_PLAIN, GREETING, afterTls, healthy, outcome, tlsFacts } from "../diagnose/fixtures.js";

function result(raw: ProbeOutcome): TargetResult {
  const p = prepareOutcome(raw);
  const findings = diagnose(p, DEFAULT_POLICY);
  const { closedByServer: _c, ...rest } = p;
  return { ...rest, findings, verdict: targetVerdict(p.steps.map((s) => s.verdict), p.error !== null, findings, "hard") };
}

function report(...targets: TargetResult[]): Report {
  return { schema: "smtp-gate/report@1", verdict: worst(...targets.map((t) => t.verdict)), tool: { name: "smtp-gate", version: "0.0.0-test" }, startedAt: "2026-12-03T08:00:00.000Z", targets };
}

const REPORTS: Record<string, Report> = {
  healthy: report(result(healthy({ name: "smtp.example.com:587", host: "smtp.example.com", port: 587, durationMs: 412 }))),
  "legacy XAUTH2 (the seed)": report(result(outcome(
    ["S: 220 mx.example.com ESMTP Sendmail 8.17.1.9/8.17.1.9; Thu, 3 Dec 2026 08:00:00 GMT", ...EHLO_PLAIN, "C: STARTTLS", "S: 220 2.0.0 Ready to start TLS",
      "C: EHLO ci.example.com", "S: 250-mx.example.com", "S: 250-AUTH LOGIN PLAIN", "S: 250 8BITMIME",
      "C: XAUTH2 login", "S: 500 5.5.1 Command unrecognized: \"XAUTH2 login\"", "C: QUIT ## extra=cleanup", "S: 221 2.0.0 mx.example.com closing connection"],
    { tlsMode: "starttls", tls: tlsFacts(), name: "legacy sender", host: "mx.example.com", port: 25, durationMs: 230 },
  ))),
  "two targets: a refused recipient and a greylist": report(
    result(outcome(afterTls("C: MAIL FROM:<app@example.com>", "S: 250 2.1.0 Ok", "C: RCPT TO:<nobody@example.com>",
      "S: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in virtual mailbox table", "C: RSET ## extra=cleanup", "S: 250 2.0.0 Ok", "C: QUIT ## extra=cleanup", "S: 221 2.0.0 Bye"),
    { tlsMode: "starttls", tls: tlsFacts(), name: "mx1", host: "mx1.example.com", port: 25, durationMs: 300 })),
    result(outcome(afterTls("C: MAIL FROM:<app@example.com>", "S: 250 2.1.0 Ok", "C: RCPT TO:<ops@example.com>",
      "S: 450 4.2.0 <ops@example.com>: Recipient address rejected: Greylisted", "C: RSET ## extra=cleanup", "S: 250 2.0.0 Ok", "C: QUIT ## extra=cleanup", "S: 221 2.0.0 Bye"),
    { tlsMode: "starttls", tls: tlsFacts(), name: "mx2", host: "mx2.example.com", port: 25, durationMs: 310 })),
  ),
  "connection refused": report(result(outcome([], { error: { kind: "connect", message: "connection refused (ECONNREFUSED) while connecting", step: null }, name: "down", host: "192.0.2.1", port: 25, durationMs: 2 }))),
  // A plaintext client on a port that requires STARTTLS, pipelining: one 530, and what follows from it.
  "plain client on a STARTTLS-required port": report(result((() => {
    const p = outcome(["S: 220 smtp.example.com ESMTP Postfix", ...EHLO_PLAIN, "C: MAIL FROM:<app@example.com>", "S: 530 5.7.0 Must issue a STARTTLS command first",
      "C: RCPT TO:<ops@example.com>", "S: 530 5.7.0 Must issue a STARTTLS command first", "C: RSET", "S: 250 2.0.0 Ok", "C: QUIT", "S: 221 2.0.0 Bye"],
    { tlsMode: "none", name: "plain submission", host: "smtp.example.com", port: 587, durationMs: 40 });
    for (const i of [2, 3, 4, 5]) (p.steps[i] as { pipelined?: boolean }).pipelined = true;
    return p;
  })())),
  // The most common first run: a self-signed certificate on a STARTTLS port, verification on.
  "self-signed certificate, first run": report(result(outcome([GREETING, ...EHLO_PLAIN, "C: STARTTLS", "S: 220 2.0.0 Ready to start TLS"], {
    tlsMode: "starttls", name: "mail.example.org:587", host: "mail.example.org", port: 587, durationMs: 35,
    tls: tlsFacts({ authorized: false, authorizationError: "DEPTH_ZERO_SELF_SIGNED_CERT", subject: "mail.example.org", subjectAltNames: ["DNS:mail.example.org"], issuer: "mail.example.org", checkedName: "mail.example.org", nameMatches: true, trust: "public" }),
    error: { kind: "tls", message: "certificate verification failed: the certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT) while performing the TLS handshake after STARTTLS", step: 2 },
  }))),
  // A fleet read at 2 a.m.: the failure first, then the warning, the passes collapsed; the same
  // certificate notice under `insecure` said once for the run; AUTH LOGIN's lines by what they carry.
  "a fleet at 2 a.m.": report(...(() => {
    const insecureTls = tlsFacts({ authorized: false, authorizationError: "DEPTH_ZERO_SELF_SIGNED_CERT", issuer: "mx.example.com", checkedName: "mx.example.com", nameMatches: true });
    const passing = (name: string) => result({ ...healthy({ name, host: `${name}.example.com`, port: 587, durationMs: 100, tls: insecureTls }), insecure: true });
    const login = outcome(afterTls("C: AUTH LOGIN => 334", "S: 334 VXNlcm5hbWU6", "C: *** => 334", "S: 334 UGFzc3dvcmQ6", "C: ***", "S: 535 5.7.8 Error: authentication failed: authentication failure", "C: QUIT ## extra=cleanup", "S: 221 2.0.0 Bye"),
      { tlsMode: "starttls", tls: tlsFacts(), name: "submission", host: "smtp.example.com", port: 587, durationMs: 220 });
    const at = login.steps.findIndex((s) => s.command?.startsWith("AUTH LOGIN"));
    login.steps[at + 1]!.sasl = { mechanism: "LOGIN", carries: "username" };
    login.steps[at + 2]!.sasl = { mechanism: "LOGIN", carries: "password" };
    const grey = result(outcome(afterTls("C: MAIL FROM:<app@example.com>", "S: 250 2.1.0 Ok", "C: RCPT TO:<ops@example.com>",
      "S: 450 4.2.0 <ops@example.com>: Recipient address rejected: Greylisted", "C: RSET ## extra=cleanup", "S: 250 2.0.0 Ok", "C: QUIT ## extra=cleanup", "S: 221 2.0.0 Bye"),
    { tlsMode: "starttls", tls: tlsFacts(), name: "mx2", host: "mx2.example.com", port: 25, durationMs: 310 }));
    return [passing("relay-a"), grey, result(login), passing("relay-b")];
  })()),
  "STARTTLS missing, plain text": report(result(outcome([GREETING, ...EHLO_PLAIN.filter((l) => !l.includes("STARTTLS")), "C: STARTTLS", "S: 502 5.5.1 Command not implemented", "C: QUIT ## extra=cleanup", "S: 221 Bye"],
    { tlsMode: "starttls", name: "no tls", host: "mail.example.org", port: 587, durationMs: 50 }))),
};

describe.each(Object.entries(REPORTS))("renderers over %s", (name, r) => {
  const file = (kind: string) => `__snapshots__/${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.${kind}`;
  it("text", async () => {
    await expect(renderText(r, { color: false })).toMatchFileSnapshot(file("txt"));
  });
  it("job summary (markdown)", async () => {
    await expect(renderJobSummary(r)).toMatchFileSnapshot(file("summary.md"));
  });
  it("PR comment", async () => {
    await expect(renderComment(r, { key: "mail/probe", facts: compactFacts(r), previous: null, runUrl: "https://github.test/o/r/actions/runs/1" })).toMatchFileSnapshot(file("comment.md"));
  });
  it("annotations and the summary line", async () => {
    await expect(`${reportSummaryLine(r)}\n${JSON.stringify(planAnnotations(r), null, 2)}\n`).toMatchFileSnapshot(file("annotations.txt"));
  });
  it("JUnit", async () => {
    await expect(renderJunit(r)).toMatchFileSnapshot(file("junit.xml"));
  });
  it("JSON", async () => {
    await expect(renderJson(r)).toMatchFileSnapshot(file("json"));
  });
});
