// A 500 weighed against the rest of the conversation: the differential diagnosis of
// command-unrecognized (src/diagnose/evidence.ts over src/knowledge/candidate-causes.ts).
import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/diagnose/index.js";
import { rejectedSteps } from "../../src/diagnose/replies.js";
import { DEFAULT_POLICY } from "../../src/config/policy.js";
import type { Finding } from "../../src/model/report.js";
import { EHLO_PLAIN, GREETING, afterTls, outcome, tlsFacts } from "./fixtures.js";

const at = (fs: Finding[], i: number) => fs.find((f) => f.step === i) as Finding;
const outText = (f: Finding) => f.ruledOut.map((r) => `${r.cause} / ${r.evidence}`).join("\n");

describe("a 500 weighed against the rest of the conversation", () => {
  it("after a clean TLS session, it rules out line endings, TLS and an appliance, and blames the command", () => {
    const p = outcome(afterTls("C: XAUTH2 login", "S: 500 5.5.2 Error: command not recognized"), { tlsMode: "starttls", tls: tlsFacts({ protocol: "TLSv1.3" }) });
    const i = p.steps.length - 1;
    const f = at(rejectedSteps(p, DEFAULT_POLICY), i);
    expect(f.causes[0]).toMatch(/command this server does not implement.*Here: "XAUTH2" is neither an RFC 5321 command/);
    expect(outText(f)).toMatch(/every reply ended in CRLF and every command was sent with CRLF/);
    expect(outText(f)).toMatch(/commands after the handshake were understood \(EHLO\)/);
    expect(outText(f)).toMatch(/the banner is not masked, EHLO was answered, STARTTLS was offered and completed/);
    expect(outText(f)).toMatch(/greeted in SMTP and understood EHLO, STARTTLS/);
    // A ruled-out cause never comes back among the causes or the fixes.
    const said = [...f.causes, ...f.fixes].join("\n");
    expect(said).not.toMatch(/fixup|inspect esmtp|line endings|CRLF|TLS stream was corrupted|proxy/i);
    // The near-miss is the top fix, not a second finding.
    expect(f.fixes[0]).toMatch(/`AUTH LOGIN`/);
    expect(diagnose(p).map((x) => x.id)).toEqual(["command-unrecognized"]);
  });

  it("with a masked banner and bare-LF replies, line endings and an appliance stay possible, supported by the evidence", () => {
    const p = outcome(["S: 220 ***************************  ## ending=lf", "C: EHLO x", "S: 250 ok  ## ending=lf", "C: MAIL FROM:<a@example.com>", "S: 500 5.5.1 Command unrecognized  ## ending=lf"]);
    const f = at(rejectedSteps(p, DEFAULT_POLICY), 2);
    expect(f.causes.join("\n")).toMatch(/SMTP-inspecting firewall.*Here: the banner is masked/);
    expect(f.causes.join("\n")).toMatch(/bare LF.*Here: the server's replies end lines with a bare LF/);
    expect(outText(f)).toMatch(/MAIL is a standard command/); // a real command: something else mangled it
    expect(f.fixes.join("\n")).toMatch(/no fixup protocol smtp 25/);
  });

  it("a known verb refused before anything else worked says nothing about the command or the framing", () => {
    const f = at(rejectedSteps(outcome([GREETING, "C: EHLO x", "S: 500 5.5.1 Command unrecognized"]), DEFAULT_POLICY), 1);
    expect(f.causes.join("\n")).not.toMatch(/Here: "EHLO" is neither/);
    expect(outText(f)).not.toMatch(/understood/);
  });

  it("plain sessions make no claim about a TLS stream, other than that there was none", () => {
    const p = outcome([GREETING, ...EHLO_PLAIN, "C: XFOO", "S: 502 5.5.2 Error: command not implemented"]);
    const f = at(rejectedSteps(p, DEFAULT_POLICY), p.steps.length - 1);
    expect(outText(f)).toMatch(/not encrypted when this command was sent/);
    expect(f.causes.join("\n")).toMatch(/"XFOO" is neither/);
  });
});

describe("near-miss: only what this conversation shows", () => {
  it("no EHLO sent → no claim that the server offers anything", () => {
    const f = at(diagnose(outcome([GREETING, "C: XAUTH2 login", "S: 500 5.5.1 Command unrecognized"])), 1);
    expect(f.message).not.toMatch(/offers/);
    expect(f.fixes.join(" ")).not.toMatch(/AUTH (PLAIN|LOGIN|XOAUTH2)/);
  });

  it("AUTH offered only after STARTTLS, command sent before it → says so", () => {
    const p = outcome([GREETING, ...EHLO_PLAIN, "C: XAUTH2 login", "S: 500 5.5.1 Command unrecognized"]);
    const f = at(diagnose(p), p.steps.length - 1);
    expect(f.message).toMatch(/offers no AUTH on this unencrypted session, but it offers STARTTLS/);
    expect(f.fixes[0]).toMatch(/Run STARTTLS and EHLO first/);
  });

  it("the argument is weighed: XAUTH2 login with AUTH PLAIN LOGIN offered → AUTH LOGIN, never XOAUTH2", () => {
    const p = outcome(["S: 220 mx.example.com ESMTP Sendmail 8.17.1.9/8.17.1.9", ...EHLO_PLAIN, "C: STARTTLS", "S: 220 2.0.0 Ready to start TLS",
      "C: EHLO ci.example.com", "S: 250-mx.example.com", "S: 250-AUTH LOGIN PLAIN", "S: 250 8BITMIME", "C: XAUTH2 login", 'S: 500 5.5.1 Command unrecognized: "XAUTH2 login"'], { tlsMode: "starttls", tls: tlsFacts() });
    const f = at(diagnose(p), 4);
    expect(f.message).toMatch(/`AUTH LOGIN`/);
    expect([...f.causes, ...f.fixes].join(" ")).not.toMatch(/XOAUTH2/);
  });
});
