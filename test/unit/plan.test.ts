import { describe, it, expect } from "vitest";
import type { Credentials, TargetConfig } from "../../src/config/target.js";
import { phaseOf, planSequence, type PlannedStep } from "../../src/engine/plan.js";
import { parseSteps, type StepSpec } from "../../src/protocol/steps.js";
import { testTarget } from "../support/target.js";

const target = testTarget;

const creds: Credentials = { username: "app@example.com", password: "pw", mechanism: null };
const lines = (ps: PlannedStep[]) => ps.map((p) => p.line);
const steps = (text: string): StepSpec[] => parseSteps(text) as StepSpec[];

describe("planSequence: default sequence", () => {
  it("no options: EHLO, STARTTLS, EHLO, QUIT", () => {
    expect(planSequence(target())).toEqual([
      { line: "EHLO {helo}", expect: null },
      { line: "STARTTLS", expect: null },
      { line: "EHLO {helo}", expect: null, when: "tls-started" },
      { line: "QUIT", expect: null },
    ]);
    const p = planSequence(target());
    expect(p[1]?.when).toBeUndefined();
  });

  const byTls: [TargetConfig["tls"], string[]][] = [
    ["none", ["EHLO {helo}", "QUIT"]],
    ["implicit", ["EHLO {helo}", "QUIT"]],
    ["starttls", ["EHLO {helo}", "STARTTLS", "EHLO {helo}", "QUIT"]],
    ["opportunistic", ["EHLO {helo}", "STARTTLS", "EHLO {helo}", "QUIT"]],
  ];
  it.each(byTls)("tls %s → %j", (tls, want) => {
    expect(lines(planSequence(target({ tls })))).toEqual(want);
  });

  it("opportunistic: STARTTLS only when advertised, EHLO again only when TLS started", () => {
    const p = planSequence(target({ tls: "opportunistic" }));
    expect(p[0]?.when).toBeUndefined();
    expect(p[1]).toEqual({ line: "STARTTLS", expect: null, when: "starttls-advertised" });
    expect(p[2]).toEqual({ line: "EHLO {helo}", expect: null, when: "tls-started" });
    expect(p[3]?.when).toBeUndefined();
  });

  it("credentials add one autoAuth step after the TLS EHLO", () => {
    const p = planSequence(target({ credentials: creds }));
    expect(lines(p)).toEqual(["EHLO {helo}", "STARTTLS", "EHLO {helo}", "AUTH", "QUIT"]);
    expect(p[3]).toEqual({ line: "AUTH", expect: null, autoAuth: true });
    expect(p.filter((s) => s.autoAuth)).toHaveLength(1);
  });

  it("credentials with tls none: AUTH right after EHLO", () => {
    expect(lines(planSequence(target({ tls: "none", credentials: creds })))).toEqual(["EHLO {helo}", "AUTH", "QUIT"]);
  });

  it("recipients without send: MAIL, RCPT per recipient, RSET — nothing delivered", () => {
    const p = planSequence(target({ tls: "none", to: ["a@example.org", "b@example.org", "c@example.org"] }));
    expect(lines(p)).toEqual([
      "EHLO {helo}",
      "MAIL FROM:<{from}>",
      "RCPT TO:<a@example.org>",
      "RCPT TO:<b@example.org>",
      "RCPT TO:<c@example.org>",
      "RSET",
      "QUIT",
    ]);
    expect(lines(p)).not.toContain("DATA");
  });

  it("with send: DATA instead of RSET", () => {
    const p = lines(planSequence(target({ to: ["a@example.org"], send: true, credentials: creds })));
    expect(p).toEqual(["EHLO {helo}", "STARTTLS", "EHLO {helo}", "AUTH", "MAIL FROM:<{from}>", "RCPT TO:<a@example.org>", "DATA", "QUIT"]);
    expect(p).not.toContain("RSET");
  });

  it("send without recipients adds no transaction", () => {
    expect(lines(planSequence(target({ tls: "none", send: true })))).toEqual(["EHLO {helo}", "QUIT"]);
  });

  it("every default step uses the verb's default expectation", () => {
    for (const s of planSequence(target({ to: ["a@b.c"], send: true, credentials: creds }))) expect(s.expect).toBeNull();
  });
});

describe("planSequence: custom steps", () => {
  it("without a trailing QUIT: QUIT is appended", () => {
    const p = planSequence(target({ steps: steps("EHLO {helo}\nXAUTH2 login\nRCPT TO:<x@y.z> => 550") }));
    expect(p).toEqual([
      { line: "EHLO {helo}", expect: null },
      { line: "XAUTH2 login", expect: null },
      { line: "RCPT TO:<x@y.z>", expect: [{ code: 550 }] },
      { line: "QUIT", expect: null },
    ]);
  });

  it("with a trailing QUIT: not appended again", () => {
    const p = planSequence(target({ steps: steps("EHLO {helo}\nQUIT => 221") }));
    expect(p).toEqual([
      { line: "EHLO {helo}", expect: null },
      { line: "QUIT", expect: [{ code: 221 }] },
    ]);
  });

  it("a lower-case trailing quit counts as QUIT", () => {
    expect(lines(planSequence(target({ tls: "none", steps: steps("NOOP\nquit") })))).toEqual(["EHLO {helo}", "NOOP", "quit"]);
  });

  it("QUIT in the middle only: one QUIT appended at the end", () => {
    const p = lines(planSequence(target({ tls: "none", steps: steps("QUIT\nNOOP") })));
    expect(p).toEqual(["EHLO {helo}", "QUIT", "NOOP", "QUIT"]);
  });

  it("steps that do not open the session run after the production opening (the seed: XAUTH2 login)", () => {
    const p = planSequence(target({ tls: "starttls", to: ["a@b.c"], steps: steps("XAUTH2 login") }));
    expect(lines(p)).toEqual(["EHLO {helo}", "STARTTLS", "EHLO {helo}", "XAUTH2 login", "QUIT"]);
    expect(p[2]?.when).toBe("tls-started");
  });

  it.each([
    ["implicit", ["EHLO {helo}", "AUTH", "NOOP", "QUIT"]],
    ["opportunistic", ["EHLO {helo}", "STARTTLS", "EHLO {helo}", "AUTH", "NOOP", "QUIT"]],
    ["none", ["EHLO {helo}", "AUTH", "NOOP", "QUIT"]],
  ] as const)("the opening follows the TLS mode (%s) and authenticates with credentials", (tls, want) => {
    expect(lines(planSequence(target({ tls, credentials: creds, to: ["a@b.c"], steps: steps("NOOP") })))).toEqual(want);
  });

  it("steps that authenticate themselves get the opening without its AUTH", () => {
    const p = lines(planSequence(target({ tls: "implicit", credentials: creds, steps: steps("AUTH LOGIN\nMAIL FROM:<{from}>") })));
    expect(p).toEqual(["EHLO {helo}", "AUTH LOGIN", "MAIL FROM:<{from}>", "QUIT"]);
  });

  it.each(["EHLO {helo}\nNOOP", "HELO {helo}\nNOOP", "helo x.example\nNOOP", "STARTTLS\nNOOP"])("steps opening with %j run exactly as written", (text) => {
    const p = lines(planSequence(target({ tls: "starttls", credentials: creds, to: ["a@b.c"], steps: steps(text) })));
    expect(p).toEqual([...text.split("\n"), "QUIT"]);
  });

  it("does not modify the target's steps", () => {
    const s = steps("NOOP");
    planSequence(target({ steps: s }));
    planSequence(target({ steps: s }));
    expect(s).toEqual([{ line: "NOOP", expect: null }]);
  });
});

describe("phaseOf", () => {
  const cases: [string | null, string][] = [
    [null, "waiting for the greeting"],
    ["EHLO ci.example.com", "performing the EHLO handshake"],
    ["HELO x", "performing the HELO handshake"],
    ["STARTTLS", "performing STARTTLS"],
    ["AUTH PLAIN", "authenticating"],
    ["***", "authenticating"],
    ["MAIL FROM:<a@b>", "sending MAIL FROM"],
    ["RCPT TO:<a@b>", "sending RCPT TO"],
    ["DATA", "sending DATA"],
    [".", "sending the message content"],
    ["RSET", "resetting the transaction"],
    ["QUIT", "ending the session"],
    ["XAUTH2 login", 'sending "XAUTH2 login"'],
  ];
  it.each(cases)("%j → %s", (shown, want) => {
    expect(phaseOf(shown)).toBe(want);
  });
});
