import { describe, expect, it } from "vitest";
import { rejectedSteps } from "../../src/diagnose/replies.js";
import { unrecognizedEvidence } from "../../src/diagnose/unrecognized.js";
import { DEFAULT_POLICY } from "../../src/config/policy.js";
import { EHLO_PLAIN, GREETING, afterTls, outcome, tlsFacts } from "./fixtures.js";

describe("a 500 weighed against the rest of the conversation", () => {
  it("after a clean TLS session, it rules out line endings, TLS and a firewall, and blames the command", () => {
    const p = outcome(afterTls("C: XAUTH2 login", "S: 500 5.5.2 Error: command not recognized"), { tlsMode: "starttls", tls: tlsFacts({ protocol: "TLSv1.3" }) });
    const i = p.steps.length - 1;
    const e = unrecognizedEvidence(p, i).join("\n");
    expect(e).toMatch(/"XAUTH2" is neither an RFC 5321 command nor an extension/);
    expect(e).toMatch(/understood EHLO, STARTTLS/);
    expect(e).toMatch(/line endings are not the cause/);
    expect(e).toMatch(/TLS \(TLSv1\.3\) was negotiated/);
    expect(e).toMatch(/argues against an SMTP-inspecting firewall/);
    // The evidence leads the finding's causes, before the generic list.
    const f = rejectedSteps(p, DEFAULT_POLICY).find((x) => x.step === i);
    expect(f?.causes[0]).toMatch(/command itself is the likeliest cause/);
  });

  it("with a masked banner and bare-LF replies, it claims neither CRLF nor the absence of a firewall", () => {
    const p = outcome(["S: 220 ***************************  ## ending=lf", "C: EHLO x", "S: 250 ok  ## ending=lf", "C: MAIL FROM:<a@example.com>", "S: 500 5.5.1 Command unrecognized  ## ending=lf"]);
    const e = unrecognizedEvidence(p, 2).join("\n");
    expect(e).not.toMatch(/CRLF/);
    expect(e).not.toMatch(/firewall/);
    expect(e).not.toMatch(/neither an RFC 5321 command/); // MAIL is a real command: something else mangled it
    expect(e).toMatch(/understood EHLO/);
  });

  it("a known verb refused before anything else worked gives no evidence about the command", () => {
    const p = outcome([GREETING, "C: EHLO x", "S: 500 5.5.1 Command unrecognized"]);
    expect(unrecognizedEvidence(p, 1).some((s) => /likeliest cause/.test(s))).toBe(false);
    expect(unrecognizedEvidence(p, 1).some((s) => /understood/.test(s))).toBe(false);
  });

  it("plain sessions make no TLS claim", () => {
    const p = outcome([GREETING, ...EHLO_PLAIN, "C: XFOO", "S: 502 5.5.2 Error: command not implemented"]);
    const e = unrecognizedEvidence(p, p.steps.length - 1).join("\n");
    expect(e).not.toMatch(/TLS \(/);
    expect(e).toMatch(/"XFOO" is neither/);
  });
});
