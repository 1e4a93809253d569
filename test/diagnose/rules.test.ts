// Each diagnosis rule over recorded transcripts (pure, no sockets): id, severity, step, message
// words, and silence on a healthy session. Contract §2 (classification) and §6 (findings).
import { describe, expect, it } from "vitest";
import type { Policy } from "../../src/config/policy.js";
import type { ProbeOutcome } from "../../src/engine/result.js";
import type { Finding } from "../../src/model/report.js";
import { diagnose, RULES } from "../../src/diagnose/index.js";
import type { Rule } from "../../src/diagnose/rule.js";
import { authBeforeTls, nearMiss, notAdvertised, starttlsNotAdvertised } from "../../src/diagnose/advertised.js";
import { baselineDrift, baselineFacts } from "../../src/diagnose/baseline.js";
import { notSmtp, sessionError, tlsModeMismatch } from "../../src/diagnose/connection.js";
import { smtpInspection } from "../../src/diagnose/firewall.js";
import { expectedExtensions, latency, openRelay, vrfyEnabled } from "../../src/diagnose/policy.js";
import { bareLineFeeds, enhancedMismatch, EVIDENCE_WEIGHED, rejectedSteps, unsolicitedReplies } from "../../src/diagnose/replies.js";
import { certificate, requireTls } from "../../src/diagnose/tls.js";
import { ERROR_ADVICE } from "../../src/knowledge/error-kinds.js";
import { CAUSE_ENTRIES } from "../../src/knowledge/root-causes.js";
import type { RootCause } from "../../src/model/enums.js";
import { CANDIDATE_CAUSES, DIFFERENTIALS } from "../../src/knowledge/candidate-causes.js";
import { forTarget } from "../../src/diagnose/evidence.js";
import type { ErrorKind } from "../../src/session/errors.js";
import {
  EHLO_PLAIN, EHLO_TLS, GREETING, HEALTHY, afterTls, healthy, outcome, policy, tlsFacts,
} from "./fixtures.js";
import { FAILING, fx } from "./failing.js";

/** The one finding `rule` gives, checked for shape. */
function one(rule: Rule, p: ProbeOutcome, pol: Policy = policy()): Finding {
  const fs = rule(p, pol);
  expect(fs, JSON.stringify(fs, null, 1)).toHaveLength(1);
  return fs[0] as Finding;
}
const ids = (fs: Finding[]) => fs.map((f) => f.id);

describe("fixtures", () => {
  it("the healthy transcript passes every step and gives no finding under any rule", () => {
    const p = healthy();
    expect(p.steps.map((s) => s.verdict).every((v) => v === "pass")).toBe(true);
    expect(p.steps).toHaveLength(9);
    expect(p.extensionsBeforeTls).toContain("STARTTLS");
    expect(p.extensions).toContain("AUTH PLAIN LOGIN XOAUTH2");
    expect(diagnose(p)).toEqual([]);
    const strict = policy({ requireTls: true, authRequiresTls: true, expectExtensions: [{ keyword: "PIPELINING" }, { keyword: "SIZE", atLeast: 10240000 }], maxStepMs: 1000, maxTotalMs: 5000 });
    expect(diagnose(p, strict)).toEqual([]);
  });

  it("the builder judges like the probe: EHLO 500 + HELO 250 → EHLO warn, HELO fallback", () => {
    const p = outcome(["S: 220 ****", "C: EHLO x", "S: 500 5.5.1 Command unrecognized", "C: HELO x", "S: 250 ok"]);
    expect(p.steps.map((s) => s.verdict)).toEqual(["pass", "warn", "pass"]);
    expect(p.steps[2]?.extra).toBe("fallback");
  });
});

describe("rejectedSteps: one finding per failing/warning step, named by reply family", () => {
  const cases: { id: string; cause: RootCause; p: ProbeOutcome; step: number; severity: Finding["severity"]; words: RegExp[] }[] = [
    {
      id: "greylisted", cause: "greylisted", step: 5, severity: "warning", words: [/greylisted/i, /450 4\.2\.0/],
      p: fx("greylisted", outcome(afterTls("C: MAIL FROM:<app@example.com>", "S: 250 2.1.0 Ok", "C: RCPT TO:<ops@example.com>",
        "S: 450 4.2.0 <ops@example.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.com.html"), { tlsMode: "starttls", tls: tlsFacts() })),
    },
    {
      id: "message-too-large", cause: "message-too-big", step: 4, severity: "error", words: [/552 5\.3\.4/, /SIZE 10240000/, /9\.8 MiB/],
      p: fx("message-too-large", outcome(afterTls("C: MAIL FROM:<app@example.com> SIZE=20000000", "S: 552 5.3.4 Message size exceeds fixed limit"), { tlsMode: "starttls", tls: tlsFacts() })),
    },
    {
      id: "starttls-required-first", cause: "tls-required", step: 2, severity: "error", words: [/530 5\.7\.0/, /STARTTLS/],
      p: fx("starttls-required-first", outcome([GREETING, ...EHLO_PLAIN, "C: MAIL FROM:<app@example.com>", "S: 530 5.7.0 Must issue a STARTTLS command first"])),
    },
    {
      id: "auth-failed", cause: "auth-failed", step: 4, severity: "error", words: [/535 5\.7\.8/, /authentication failed/],
      p: fx("auth-failed", outcome(afterTls("C: AUTH PLAIN ***", "S: 535 5.7.8 Error: authentication failed: authentication failure"), { tlsMode: "starttls", tls: tlsFacts() })),
    },
    {
      id: "auth-mechanism", cause: "auth-mechanism", step: 4, severity: "error", words: [/534/, /authentication mechanism/],
      p: fx("auth-mechanism-too-weak", outcome(afterTls("C: AUTH PLAIN ***", "S: 534 5.7.9 Please log in with your web browser and then try again"), { tlsMode: "starttls", tls: tlsFacts() })),
    },
    {
      // Required STARTTLS refused for now: an error, since nothing after it was tested (contract §7).
      id: "tls-unavailable", cause: "tls-unavailable", step: 2, severity: "error", words: [/454 4\.7\.0/, /TLS not available/, /"STARTTLS"/, /temporary and on the server's side/],
      p: fx("tls-unavailable", outcome([GREETING, ...EHLO_PLAIN, "C: STARTTLS", "S: 454 4.7.0 TLS not available due to local problem"], { tlsMode: "starttls" })),
    },
    {
      id: "tls-unavailable", cause: "tls-unavailable", step: 2, severity: "warning", words: [/454 4\.7\.0/, /TLS not available/],
      p: fx("tls-unavailable (opportunistic)", outcome([GREETING, ...EHLO_PLAIN, "C: STARTTLS", "S: 454 4.7.0 TLS not available due to local problem"], { tlsMode: "opportunistic" })),
    },
    {
      id: "server-lookup-failure", cause: "server-lookup-failure", step: 4, severity: "warning", words: [/454 4\.7\.0/, /lookup failed/],
      p: fx("temporary-auth-failure", outcome(afterTls("C: AUTH PLAIN ***", "S: 454 4.7.0 Temporary authentication failure"), { tlsMode: "starttls", tls: tlsFacts() })),
    },
    {
      id: "unknown-user", cause: "unknown-recipient", step: 5, severity: "error", words: [/550 5\.1\.1/, /does not exist/, /RCPT TO:<nobody@example\.com>/],
      p: fx("unknown-user", outcome(afterTls("C: MAIL FROM:<app@example.com>", "S: 250 2.1.0 Ok", "C: RCPT TO:<nobody@example.com>",
        "S: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in virtual mailbox table"), { tlsMode: "starttls", tls: tlsFacts() })),
    },
    {
      id: "relay-denied", cause: "relay-denied", step: 3, severity: "error", words: [/554 5\.7\.1/, /relaying denied/],
      p: fx("relay-denied", outcome([GREETING, ...EHLO_PLAIN, "C: MAIL FROM:<app@example.com>", "S: 250 2.1.0 Ok", "C: RCPT TO:<x@example.net>", "S: 554 5.7.1 <x@example.net>: Relay access denied"])),
    },
    {
      id: "blocklisted", cause: "ip-reputation", step: 3, severity: "error", words: [/554 5\.7\.1/, /sending IP is refused/],
      p: fx("blocklisted", outcome([GREETING, ...EHLO_PLAIN, "C: MAIL FROM:<app@example.com>", "S: 250 2.1.0 Ok", "C: RCPT TO:<ops@example.org>",
        "S: 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.7"])),
    },
    {
      id: "sender-not-authorized", cause: "sender-not-authorized", step: 5, severity: "error", words: [/553 5\.7\.1/, /may not send as this address/, /MAIL FROM/],
      p: fx("sender-not-allowed", outcome(afterTls("C: AUTH PLAIN ***", "S: 235 2.7.0 Authentication successful", "C: MAIL FROM:<ceo@example.com>",
        "S: 553 5.7.1 <ceo@example.com>: Sender address rejected: not owned by user app@example.com"), { tlsMode: "starttls", tls: tlsFacts() })),
    },
    {
      // Sendmail when its queue filesystem is full: the server's own storage, not load or a rate limit.
      id: "server-storage", cause: "server-resource", step: 6, severity: "warning", words: [/421 4\.3\.0/, /short of resources/],
      p: fx("server-storage", outcome(afterTls("C: MAIL FROM:<app@example.com>", "S: 250 2.1.0 Ok", "C: RCPT TO:<ops@example.com>", "S: 250 2.1.5 Ok",
        "C: DATA", "S: 421 4.3.0 collect: Cannot write ./dfA1B2C3D4 (bfcommit, uid=0, gid=25): No space left on device"), { tlsMode: "starttls", tls: tlsFacts() })),
    },
    {
      // A second STARTTLS on an encrypted session (RFC 3207 §4.2), not a missing certificate.
      id: "starttls-repeated", cause: "bad-sequence", step: 4, severity: "warning", words: [/454 4\.3\.3/, /out of order/],
      p: fx("starttls-repeated", outcome(afterTls("C: STARTTLS", "S: 454 4.3.3 TLS not available after start"), { tlsMode: "starttls", tls: tlsFacts() })),
    },
    {
      // OpenSMTPD's answer for an address that does not expand.
      id: "recipient-expansion-failed", cause: "other", step: 5, severity: "error", words: [/524 5\.2\.4/, /recipient expansion failed/],
      p: fx("recipient-expansion-failed", outcome(afterTls("C: MAIL FROM:<app@example.com>", "S: 250 2.1.0 Ok", "C: RCPT TO:<nobody@example.com>",
        "S: 524 5.2.4 Mailing list expansion problem: <nobody@example.com>"), { tlsMode: "starttls", tls: tlsFacts() })),
    },
    {
      // A 4xx instead of the greeting fails the target (contract §2, third round): nothing of the sequence ran.
      id: "service-closing", cause: "service-unavailable", step: 0, severity: "error", words: [/^The greeting was answered 421 4\.3\.2/, /service unavailable/, /temporary/, /nothing of the production sequence was tested/],
      p: fx("service-closing", outcome(["S: 421 4.3.2 mx.example.com Service shutting down, closing transmission channel"])),
    },
    {
      id: "rate-limited", cause: "rate-limited", step: 2, severity: "warning", words: [/421 4\.7\.0/, /while sending MAIL FROM/],
      p: fx("service-closing (mid-session)", outcome([GREETING, ...EHLO_PLAIN, "C: MAIL FROM:<app@example.com>", "S: 421 4.7.0 mx.example.com Error: too many connections from 192.0.2.7"])),
    },
  ];

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const f = one(rejectedSteps, c.p);
    expect(f.id).toBe(c.id);
    expect(f.severity).toBe(c.severity);
    expect(f.step).toBe(c.step);
    for (const w of c.words) expect(f.message).toMatch(w);
    expect(f.causes.length).toBeGreaterThan(0);
    expect(f.fixes.length).toBeGreaterThan(0);
    expect(f.cause).toBe(c.cause);
    // The root cause leads: the differential table's first cause where it weighs evidence, else the cause's own words.
    const table = EVIDENCE_WEIGHED.has(c.id) ? DIFFERENTIALS[c.id]?.[0] : undefined;
    const lead = table ? CANDIDATE_CAUSES[table]?.text : c.cause === "other" ? undefined : CAUSE_ENTRIES[c.cause].text;
    if (lead) expect(f.causes[0]?.startsWith(lead), f.causes[0]).toBe(true);
  });

  const fxTooManyRecipients = fx("too-many-recipients", outcome([GREETING, ...EHLO_PLAIN, "C: MAIL FROM:<a@example.com>", "S: 250 ok", "C: RCPT TO:<b@example.com>", "S: 452 4.5.3 Too many recipients"]));
  const fxAuthRequired = fx("auth-required", outcome(afterTls("C: MAIL FROM:<a@example.com>", "S: 530 5.7.0 Authentication required"), { tlsMode: "starttls", tls: tlsFacts() }));
  it("too-many-recipients (452 4.5.3) and auth-required (530 5.7.0 without TLS words)", () => {
    const many = one(rejectedSteps, fxTooManyRecipients);
    expect([many.id, many.severity, many.step]).toEqual(["too-many-recipients", "warning", 3]);
    const auth = one(rejectedSteps, fxAuthRequired);
    expect([auth.id, auth.severity, auth.step]).toEqual(["auth-required", "error", 4]);
  });

  const fxBadSequence = fx("bad-sequence", outcome([GREETING, ...EHLO_PLAIN, "C: RCPT TO:<a@example.com>", "S: 503 5.5.1 Error: need MAIL command"]));
  const fxUnexpectedReply = outcome([GREETING, ...EHLO_PLAIN, "C: NOOP", "S: 599 odd"]); // no fixes: see KNOWN-BUGS.test.ts
  it("no family: the id comes from the code (503 → bad-sequence), else unexpected-reply", () => {
    const f = one(rejectedSteps, fxBadSequence);
    expect([f.id, f.severity, f.step]).toEqual(["bad-sequence", "error", 2]);
    expect(f.message).toMatch(/503 5\.5\.1/);
    const g = one(rejectedSteps, fxUnexpectedReply);
    expect(g.id).toBe("unexpected-reply");
  });

  it("SIZE without a fixed limit is said so; no SIZE → no note", () => {
    const unlimited = one(rejectedSteps, outcome([GREETING, "C: EHLO x", "S: 250-mx", "S: 250 SIZE 0", "C: MAIL FROM:<a@b.example> SIZE=5", "S: 552 5.3.4 too big"]));
    expect(unlimited.message).toMatch(/SIZE without a fixed limit/);
    const none = one(rejectedSteps, outcome([GREETING, "C: EHLO x", "S: 250-mx", "S: 250 8BITMIME", "C: MAIL FROM:<a@b.example>", "S: 552 5.3.4 too big"]));
    expect(none.message).not.toMatch(/advertises SIZE/);
  });

  const fxUnexpectedAcceptance = fx("unexpected-acceptance", outcome([GREETING, ...EHLO_PLAIN, "C: MAIL FROM:<app@example.com>", "S: 250 2.1.0 Ok", "C: RCPT TO:<nobody@example.com> => 5xx", "S: 250 2.1.5 Ok"]));
  it("unexpected acceptance: `=> 5xx` answered 250 is an error", () => {
    const p = fxUnexpectedAcceptance;
    expect(p.steps[3]?.verdict).toBe("fail");
    const f = one(rejectedSteps, p);
    expect([f.id, f.severity, f.step]).toEqual(["unexpected-acceptance", "error", 3]);
    expect(f.message).toMatch(/"RCPT TO:<nobody@example\.com>" was answered 250 2\.1\.5 while 5xx was expected/);
    expect(f.message).toMatch(/accepted/);
  });

  it("under fail-on soft a 4xx is an error; under never a 5xx is a warning", () => {
    const soft = one(rejectedSteps, outcome([GREETING, ...EHLO_PLAIN, "C: MAIL FROM:<a@example.com>", "S: 451 4.3.0 Temporary lookup failure"], { failOn: "soft" }));
    expect([soft.id, soft.cause, soft.severity]).toEqual(["server-lookup-failure", "server-lookup-failure", "error"]);
    const never = one(rejectedSteps, outcome([GREETING, ...EHLO_PLAIN, "C: MAIL FROM:<a@example.com>", "S: 550 5.7.1 nope"], { failOn: "never" }));
    expect(never.severity).toBe("warning");
  });

  it("is silent on a healthy session; skips policy-check steps and the step that carries the session error", () => {
    expect(rejectedSteps(healthy(), policy())).toEqual([]);
    const relay = outcome([GREETING, ...EHLO_PLAIN, "C: MAIL FROM:<a@example.com> => 2xx|3xx|4xx|5xx ## check=open-relay", "S: 250 ok",
      "C: RCPT TO:<smtp-gate-relay-test@example.net> => 4xx|5xx ## check=open-relay", "S: 250 ok"]);
    expect(rejectedSteps(relay, policy())).toEqual([]);
    const tlsFail = outcome([GREETING, ...EHLO_PLAIN, "C: STARTTLS", "S: 220 ready"], { tlsMode: "starttls", error: { kind: "tls", message: "TLS handshake failed: x", step: 2 } });
    expect(tlsFail.steps[2]?.verdict).toBe("fail");
    expect(rejectedSteps(tlsFail, policy())).toEqual([]);
  });
});

describe("nearMiss: a refused command that looks like a known one", () => {
  const xauth = [GREETING, "C: EHLO client.example.com", "S: 250-mx.example.com", "S: 250-PIPELINING", "S: 250-AUTH PLAIN LOGIN XOAUTH2", "S: 250 SIZE 1000"];

  const fxXauth2 = fx("xauth2", outcome([...xauth, "C: XAUTH2 login", 'S: 500 5.5.1 Command unrecognized: "XAUTH2 login"']));
  it("XAUTH2 login → 500 with AUTH PLAIN LOGIN XOAUTH2 advertised: the argument names LOGIN, so AUTH LOGIN", () => {
    const p = fxXauth2;
    const f = one(nearMiss, p);
    expect([f.id, f.severity, f.step]).toEqual(["near-miss", "error", 2]);
    expect(f.message).toMatch(/"XAUTH2 login"/);
    expect(f.message).toMatch(/`AUTH LOGIN`/);
    expect(f.fixes.join(" ")).toMatch(/AUTH LOGIN/);
    expect(f.fixes.join(" ")).toMatch(/RFC 4954/);
  });

  const fxFoobarbaz = fx("foobarbaz", outcome([...xauth, "C: FOOBARBAZ", "S: 500 5.5.1 Command unrecognized"]));
  it("an unrelated FOOBARBAZ → no near-miss (only command-unrecognized)", () => {
    const p = fxFoobarbaz;
    expect(nearMiss(p, policy())).toEqual([]);
    expect(ids(diagnose(p))).toEqual(["command-unrecognized"]);
  });

  it("is silent for known verbs, for accepted commands and on a healthy session", () => {
    expect(nearMiss(outcome([...xauth, "C: VRFY root", "S: 502 5.5.1 VRFY command is disabled"]), policy())).toEqual([]);
    expect(nearMiss(outcome([...xauth, "C: XAUTH2 login", "S: 250 ok"]), policy())).toEqual([]);
    expect(nearMiss(healthy(), policy())).toEqual([]);
  });
  // "EHLOO x" → EHLO: see KNOWN-BUGS.test.ts.
});

describe("smtpInspection: signs of an SMTP-inspecting firewall", () => {
  const firewall = ["S: 220 ******************************", "C: EHLO ci.example.com", "S: 500 5.5.1 Command unrecognized", "C: HELO ci.example.com", "S: 250 ok"];

  const fxFirewall = fx("firewall", outcome([...firewall, "C: QUIT", "S: 221 bye"]));
  it("masked banner + EHLO 500 / HELO 250: two signs → error at the banner", () => {
    const p = fxFirewall;
    const f = one(smtpInspection, p);
    expect([f.id, f.severity, f.step]).toEqual(["smtp-inspection", "error", 0]);
    expect(f.message).toMatch(/masked with asterisks/);
    expect(f.message).toMatch(/EHLO was refused while HELO worked/);
    expect(f.fixes.join(" ")).toMatch(/inspect esmtp/);
  });

  it("a masked banner alone → warning", () => {
    const f = one(smtpInspection, outcome(["S: 220 ******************************", "C: EHLO x", "S: 250-mx", "S: 250 PIPELINING", "C: QUIT", "S: 221 bye"]));
    expect([f.severity, f.step]).toEqual(["warning", 0]);
    expect(f.message).not.toMatch(/EHLO was refused/);
  });

  it("EHLO 500 + HELO 250 alone → warning at the EHLO step", () => {
    const f = one(smtpInspection, outcome([GREETING, "C: EHLO x", "S: 502 5.5.2 Error: command not recognized", "C: HELO x", "S: 250 mx"]));
    expect([f.severity, f.step]).toEqual(["warning", 1]);
  });

  const fxXxxx = fx("xxxx", outcome([GREETING, ...EHLO_PLAIN, "C: VRFY postmaster", 'S: 500 5.5.1 Command unrecognized: "XXXX"']));
  it("a reply quoting the command as XXXX → warning at that step", () => {
    const p = fxXxxx;
    const f = one(smtpInspection, p);
    expect([f.severity, f.step]).toEqual(["warning", 2]);
    expect(f.message).toMatch(/XXXX/);
  });

  it("masked banner + XXXX → error", () => {
    expect(one(smtpInspection, outcome(["S: 220 *********", "C: EHLO x", "S: 250 mx", "C: NOOP", "S: 500 XXXX"])).severity).toBe("error");
  });

  it("STARTTLS missing alone is no sign of an appliance; a healthy session has none", () => {
    expect(smtpInspection(outcome([GREETING, "C: EHLO x", "S: 250-mx", "S: 250 PIPELINING"], { tlsMode: "opportunistic" }), policy())).toEqual([]);
    expect(smtpInspection(outcome([GREETING, "C: EHLO x", "S: 250 mx", "C: STARTTLS", "S: 502 5.5.1 nope"], { tlsMode: "starttls" }), policy())).toEqual([]);
    expect(smtpInspection(healthy(), policy())).toEqual([]);
    // Five asterisks are not a mask.
    expect(smtpInspection(outcome(["S: 220 mx ***** ready"]), policy())).toEqual([]);
  });
});

describe("notAdvertised: commands whose extension EHLO did not offer", () => {
  const fxCramMd5 = fx("cram-md5", outcome([GREETING, "C: EHLO x", "S: 250-mx", "S: 250 AUTH PLAIN", "C: AUTH CRAM-MD5", "S: 504 5.5.4 Unrecognized authentication type"]));
  it("AUTH CRAM-MD5 when only PLAIN is offered", () => {
    const p = fxCramMd5;
    const f = one(notAdvertised, p);
    expect([f.id, f.severity, f.step]).toEqual(["not-advertised", "error", 2]);
    expect(f.message).toMatch(/needs AUTH CRAM-MD5 \(RFC 4954\)/);
    expect(f.message).toMatch(/offered: AUTH PLAIN/);
  });

  const fxSmtputf8 = fx("smtputf8", outcome([GREETING, ...EHLO_PLAIN, "C: MAIL FROM:<a@b.example> SMTPUTF8", "S: 555 5.5.4 Unsupported option: SMTPUTF8"]));
  it("MAIL FROM with SMTPUTF8 when SMTPUTF8 is not advertised", () => {
    const p = fxSmtputf8;
    const f = one(notAdvertised, p);
    expect([f.id, f.severity, f.step]).toEqual(["not-advertised", "error", 2]);
    expect(f.message).toMatch(/SMTPUTF8 \(RFC 6531\)/);
  });

  it("each parameter names its extension, on MAIL and on RCPT, in any case; a verb alone needs none", () => {
    const needs = (line: string) => notAdvertised(outcome([GREETING, "C: EHLO x", "S: 250-mx", "S: 250 PIPELINING", `C: ${line}`, "S: 250 ok"]), policy()).map((f) => /needs (\S+)/.exec(f.message)?.[1]);
    expect(needs("MAIL FROM:<a@b.example> SIZE=1000")).toEqual(["SIZE"]);
    expect(needs("MAIL FROM:<a@b.example> BODY=8BITMIME")).toEqual(["8BITMIME"]);
    expect(needs("MAIL FROM:<a@b.example> REQUIRETLS")).toEqual(["REQUIRETLS"]);
    expect(needs("MAIL FROM:<a@b.example> RET=HDRS")).toEqual(["DSN"]);
    expect(needs("RCPT TO:<c@d.example> NOTIFY=SUCCESS,FAILURE")).toEqual(["DSN"]);
    expect(needs("rcpt TO:<c@d.example> orcpt=rfc822;c@d.example")).toEqual(["DSN"]);
    expect(needs("BDAT 10 LAST")).toEqual(["CHUNKING"]);
    expect(needs("ETRN example.com")).toEqual(["ETRN"]);
    expect(needs("RCPT TO:<c@d.example>")).toEqual([]);
    expect(needs("NOOP SIZE=1000")).toEqual([]);
  });

  it("an accepted command is only a notice", () => {
    const f = one(notAdvertised, outcome([GREETING, ...EHLO_PLAIN, "C: MAIL FROM:<a@b.example> SMTPUTF8", "S: 250 ok"]));
    expect(f.severity).toBe("notice");
  });

  it("STARTTLS: skipped under opportunistic (no step), left to starttls-not-advertised under starttls, reported under none", () => {
    const ehloNoTls = [GREETING, "C: EHLO x", "S: 250-mx", "S: 250 PIPELINING"];
    expect(notAdvertised(outcome([...ehloNoTls, "C: QUIT", "S: 221 bye"], { tlsMode: "opportunistic" }), policy())).toEqual([]);
    expect(notAdvertised(outcome([...ehloNoTls, "C: STARTTLS", "S: 502 5.5.1 no"], { tlsMode: "starttls" }), policy())).toEqual([]);
    const f = one(notAdvertised, outcome([...ehloNoTls, "C: STARTTLS", "S: 502 5.5.1 no"], { tlsMode: "none" }));
    expect(f.message).toMatch(/needs STARTTLS \(RFC 3207\)/);
  });

  it("is silent when advertised, when no EHLO preceded, and on a healthy session", () => {
    expect(notAdvertised(outcome([GREETING, "C: EHLO x", "S: 250-mx", "S: 250 AUTH PLAIN CRAM-MD5", "C: AUTH CRAM-MD5", "S: 334 PDEyMzQ+"]), policy())).toEqual([]);
    expect(notAdvertised(outcome([GREETING, "C: HELO x", "S: 250 mx", "C: AUTH CRAM-MD5", "S: 502 no"]), policy())).toEqual([]);
    expect(notAdvertised(healthy(), policy())).toEqual([]);
  });
});

describe("starttlsNotAdvertised", () => {
  const noTls = [GREETING, "C: EHLO ci.example.com", "S: 250-mx.example.com", "S: 250-PIPELINING", "S: 250 8BITMIME", "C: STARTTLS", "S: 502 5.5.1 Error: command not implemented"];

  const fxStarttlsNotAdvertised = fx("starttls-not-advertised", outcome(noTls, { tlsMode: "starttls" }));
  it("tls: starttls and no STARTTLS in EHLO → error at the refused STARTTLS step (one finding covers both)", () => {
    const p = fxStarttlsNotAdvertised;
    const f = one(starttlsNotAdvertised, p);
    expect([f.id, f.severity, f.step]).toEqual(["starttls-not-advertised", "error", 2]);
    expect(ids(diagnose(p))).toEqual(["starttls-not-advertised"]);
    expect(f.message).toMatch(/answered STARTTLS with 502 5\.5\.1/);
    expect(f.message).toMatch(/STARTTLS is required/);
    expect(f.message).toMatch(/offered: PIPELINING, 8BITMIME/);
  });

  it("is silent under opportunistic and none, and when advertised", () => {
    expect(starttlsNotAdvertised(outcome(noTls.slice(0, 5), { tlsMode: "opportunistic" }), policy())).toEqual([]);
    expect(starttlsNotAdvertised(outcome(noTls.slice(0, 5), { tlsMode: "none" }), policy())).toEqual([]);
    expect(starttlsNotAdvertised(healthy(), policy())).toEqual([]);
  });
});

describe("tlsModeMismatch", () => {
  it("implicit TLS against a plain port: error kind tls with \"wrong version number\"", () => {
    const p = outcome([], { tlsMode: "implicit", port: 587, error: { kind: "tls", message: "TLS handshake failed: wrong version number while connecting with implicit TLS", step: null } });
    expect(p.steps).toEqual([]);
    const f = one(tlsModeMismatch, p);
    expect([f.id, f.severity, f.step]).toEqual(["tls-mode-mismatch", "error", null]);
    // OpenSSL's words stay in the details (the error, the transcript); the headline says what they mean.
    expect(f.message).not.toMatch(/wrong version number|error:|SSL routines/);
    expect(f.message).toMatch(/port 587 speaks plain SMTP/);
    expect(f.summary).toBe("the port speaks plain SMTP, not TLS");
    expect(f.fixes.join(" ")).toMatch(/tls: starttls/);
    // The sharper rule replaces the generic tls-failed.
    expect(ids(diagnose(p))).toEqual(["tls-mode-mismatch"]);
  });

  const fxPlainOnImplicit = fx("plain-on-implicit", outcome([], { tlsMode: "starttls", port: 465, error: { kind: "timeout", message: "no answer within 1s while waiting for the greeting", step: 0 } }));
  it("plain against implicit: timeout at step 0 with no S lines in the transcript", () => {
    const p = fxPlainOnImplicit;
    expect(p.steps).toHaveLength(1);
    const f = one(tlsModeMismatch, p);
    expect([f.id, f.severity, f.step]).toEqual(["tls-mode-mismatch", "error", 0]);
    expect(f.message).toMatch(/port 465 probably expects implicit TLS/);
    expect(f.fixes.join(" ")).toMatch(/tls: implicit/);
    expect(ids(diagnose(p))).toEqual(["tls-mode-mismatch"]);
  });

  it("is silent when the server said something, for other TLS errors, for implicit timeouts, and on a healthy session", () => {
    const talked = outcome([GREETING, "C: EHLO x"], { error: { kind: "timeout", message: "no answer within 1s", step: 1 } });
    expect(tlsModeMismatch(talked, policy())).toEqual([]);
    expect(tlsModeMismatch(outcome([], { tlsMode: "implicit", error: { kind: "tls", message: "TLS handshake failed: certificate has expired", step: null } }), policy())).toEqual([]);
    expect(tlsModeMismatch(outcome([], { tlsMode: "implicit", error: { kind: "timeout", message: "no answer within 1s", step: 0 } }), policy())).toEqual([]);
    expect(tlsModeMismatch(healthy(), policy())).toEqual([]);
  });
});

describe("notSmtp: the peer speaks another protocol", () => {
  const protocolError = (received: string) => ({ kind: "protocol" as const, message: "the server's reply is not an SMTP reply (no valid 3-digit code) while waiting for the greeting", step: 0, received });

  const banners = ([
    ["HTTP", "HTTP/1.1 400 Bad Request"],
    ["SSH", "SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13"],
    ["POP3", "+OK Dovecot ready."],
    ["IMAP", "* OK [CAPABILITY IMAP4rev1] Dovecot ready."],
  ] as const).map(([proto, banner]) => [proto, banner, fx(`not-smtp ${proto}`, outcome([`S! ${banner}`], { error: protocolError(banner) }))] as const);

  it.each(banners)("%s banner → not-smtp naming it", (proto, banner, p) => {
    const f = one(notSmtp, p);
    expect([f.id, f.severity, f.step]).toEqual(["not-smtp", "error", 0]);
    expect(f.message).toContain(`answered like ${proto}`);
    expect(f.message).toContain(banner.slice(0, 20));
    // sessionError stands aside: one finding in all.
    expect(ids(diagnose(p))).toEqual(["not-smtp"]);
  });

  const received = "\\x16\\x03\\x03\\x00J\\x02\\x00\\x00F\\x03\\x03";
  const fxTlsRecords = fx("tls-records", outcome([`S! ${received}`], { tlsMode: "starttls", port: 465, error: protocolError(received) }));
  it("TLS record bytes (escaped as decodeLine does) → tls-mode-mismatch", () => {
    const p = fxTlsRecords;
    const f = one(notSmtp, p);
    expect([f.id, f.severity, f.step]).toEqual(["tls-mode-mismatch", "error", 0]);
    expect(f.message).toMatch(/TLS records/);
    expect(f.fixes.join(" ")).toMatch(/tls: implicit/);
    expect(ids(diagnose(p))).toEqual(["tls-mode-mismatch"]);
  });

  it("is silent for an unrecognisable non-reply, without an error, and on a healthy session", () => {
    expect(notSmtp(outcome(["S! \\x00\\x01garbage"], { error: protocolError("\\x00\\x01garbage") }), policy())).toEqual([]);
    expect(notSmtp(healthy(), policy())).toEqual([]);
  });
});

describe("sessionError: each error kind with its ERROR_ADVICE id", () => {
  const kinds: { kind: ErrorKind; id: string; p: ProbeOutcome; step: number | null; message: string }[] = [
    { kind: "dns", id: "dns-failure", step: null, message: "Cannot resolve host (ENOTFOUND) while connecting.",
      p: outcome([], { error: { kind: "dns", message: "cannot resolve host (ENOTFOUND) while connecting", step: null } }) },
    { kind: "connect", id: "connect-failed", step: null, message: "Address not available (EADDRNOTAVAIL) while connecting.",
      p: outcome([], { error: { kind: "connect", message: "address not available (EADDRNOTAVAIL) while connecting", step: null } }) },
    { kind: "timeout", id: "timeout", step: 1, message: "No answer within 1s while performing the EHLO handshake.",
      p: fx("timeout", outcome([GREETING, "C: EHLO x"], { error: { kind: "timeout", message: "no answer within 1s while performing the EHLO handshake", step: 1 } })) },
    { kind: "tls", id: "tls-failed", step: null, message: "TLS handshake failed: unsupported protocol while connecting with implicit TLS.",
      p: outcome([], { tlsMode: "implicit", port: 465, error: { kind: "tls", message: "TLS handshake failed: unsupported protocol while connecting with implicit TLS", step: null } }) },
    { kind: "closed", id: "connection-closed", step: 2, message: "Connection closed by the server while sending MAIL FROM.",
      p: fx("closed", outcome([GREETING, ...EHLO_PLAIN, "C: MAIL FROM:<a@example.com>"], { error: { kind: "closed", message: "connection closed by the server while sending MAIL FROM", step: 2 } })) },
    { kind: "protocol", id: "not-smtp", step: 1, message: "The server's reply is not an SMTP reply (no valid 3-digit code) while performing the EHLO handshake.",
      p: fx("protocol", outcome([GREETING, "C: EHLO x", "S! \\x00garbage"], { error: { kind: "protocol", message: "the server's reply is not an SMTP reply (no valid 3-digit code) while performing the EHLO handshake", step: 1, received: "\\x00garbage" } })) },
  ];

  it.each(kinds.map((k) => [k.kind, k] as const))("%s", (kind, k) => {
    expect(ERROR_ADVICE[kind].id).toBe(k.id);
    const f = one(sessionError, k.p);
    expect([f.id, f.severity, f.step]).toEqual([k.id, "error", k.step]);
    expect(f.message).toBe(k.message);
    expect(f.causes).toEqual(ERROR_ADVICE[kind].causes.filter((c) => k.p.port === 25 || !/port 25/.test(c)));
    expect(f.fixes).toEqual(ERROR_ADVICE[kind].fixes.map((x) => forTarget(x, k.p)));
  });

  it("is silent without an error", () => {
    expect(sessionError(healthy(), policy())).toEqual([]);
  });

  it("a timeout after the handshake (EHLO over TLS): no port-mode advice either", () => {
    const p = outcome([GREETING, ...EHLO_PLAIN, "C: STARTTLS", "S: 220 2.0.0 Ready", "C: EHLO ci.example.com"], { tlsMode: "starttls", tls: tlsFacts(), error: { kind: "timeout", message: "no answer within 1s while performing the EHLO handshake", step: 3 } });
    const f = one(sessionError, p);
    expect(f.id).toBe("timeout");
    expect([...f.causes, ...f.fixes].join(" ")).not.toMatch(/mode mismatch|implicit-TLS port|which the port speaks/);
    expect(f.causes.length).toBeGreaterThan(0);
  });

  it("TLS 1.3's certificate_required alert: the port wants a client certificate, not a trust or port-mode problem", () => {
    const p = outcome([], { tlsMode: "implicit", port: 465, error: { kind: "tls", message: "TLS handshake failed: tlsv13 alert certificate required while waiting for the greeting", step: 0 } });
    const f = one(sessionError, p);
    expect([f.id, f.severity]).toEqual(["tls-client-certificate-required", "error"]);
    expect(f.causes[0]).toMatch(/client certificate/);
    expect([...f.causes, ...f.fixes].join(" ")).not.toMatch(/--ca|self-signed|tls: starttls|port 465/);
  });

  it("a handshake that failed after STARTTLS was answered 220: no port-mode advice (the port's mode is right)", () => {
    const p = fx("tls-failed", outcome([GREETING, ...EHLO_PLAIN, "C: STARTTLS", "S: 220 2.0.0 Ready"], { tlsMode: "starttls", error: { kind: "tls", message: "TLS handshake failed: unsupported protocol while performing the TLS handshake after STARTTLS", step: 2 } }));
    const f = one(sessionError, p);
    expect([f.id, f.severity, f.step]).toEqual(["tls-failed", "error", 2]);
    expect([...f.causes, ...f.fixes].join(" ")).not.toMatch(/465|implicit TLS|port's mode/);
    expect(f.fixes[0]).toMatch(/openssl s_client -starttls smtp/);
  });
});

describe("certificate", () => {
  const withTls = (over: Parameters<typeof tlsFacts>[0], error: ProbeOutcome["error"] = null) =>
    outcome(HEALTHY, { tlsMode: "starttls", tls: tlsFacts(over), error });

  it.each([
    ["DEPTH_ZERO_SELF_SIGNED_CERT", "certificate-untrusted", /is self-signed/, /--ca FILE/],
    ["SELF_SIGNED_CERT_IN_CHAIN", "certificate-untrusted", /issuer is not trusted.*a root the server sent/, /--ca FILE/],
    ["UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "certificate-untrusted", /issuer is not trusted.*top of a chain/, /--ca FILE/],
    ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "certificate-untrusted", /issuer is not trusted.*sent only its own certificate/, /--ca FILE/],
    ["CERT_HAS_EXPIRED", "certificate-expired", /expired on 2027-01-01/, /^Renew the certificate, then reload/],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "certificate-name-mismatch", /does not name smtp\.example\.com: it names mx\.example\.com/, /names smtp\.example\.com/],
  ])("verification result %s: its own finding and its own fix", (code, id, words, fix) => {
    const f = one(certificate, withTls({ authorized: false, authorizationError: code, checkedName: "smtp.example.com", nameMatches: code !== "ERR_TLS_CERT_ALTNAME_INVALID" }));
    // The session went on past an untrusted certificate, so verification was off (insecure: true): an explicit choice, a notice.
    expect([f.id, f.severity, f.step]).toEqual([id, "notice", 2]);
    expect(f.message).toMatch(words);
    expect(f.message).toMatch(/Verification is off \(insecure\)/);
    expect(f.fixes[0]).toMatch(fix);
    expect([...f.causes, ...f.fixes].join(" ")).not.toMatch(/465|587|implicit TLS/);
    expect(f.summary).toBeTruthy();
  });

  it("the server sent only its certificate, which names where its issuer is published → a missing intermediate: serve the chain", () => {
    const f = one(certificate, withTls({ authorized: false, authorizationError: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", issuerUrl: "http://r11.i.lencr.org/" }));
    expect(f.id).toBe("certificate-chain-incomplete");
    expect(f.summary).toBe("the server does not send its intermediate certificate");
    expect(f.fixes[0]).toMatch(/^Serve the chain/);
    expect(f.fixes.join(" ")).toContain("http://r11.i.lencr.org/");
    expect(f.fixes.join(" ")).not.toMatch(/--ca/);
  });

  it("…or a CA file was given and still did not verify it → a missing intermediate, or the wrong CA file", () => {
    const f = one(certificate, withTls({ authorized: false, authorizationError: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", trust: "ca" }));
    expect(f.id).toBe("certificate-chain-incomplete");
    expect(f.causes[1]).toMatch(/CA file given/);
  });

  it("several problems, one finding each: an untrusted issuer and a wrong name (the name checked on its own)", () => {
    const p = withTls({ authorized: false, authorizationError: "DEPTH_ZERO_SELF_SIGNED_CERT", checkedName: "10.0.0.5", nameMatches: false, daysLeft: -3 });
    const fs = certificate(p, policy());
    expect(fs.map((f) => f.id)).toEqual(["certificate-untrusted", "certificate-expired", "certificate-name-mismatch"]);
    // Probed by address: verifying the name senders use comes first.
    expect(fs[2]?.fixes[0]).toMatch(/--servername NAME/);
  });

  const fxCertUntrusted = fx("cert-untrusted", outcome([GREETING, ...EHLO_PLAIN, "C: STARTTLS", "S: 220 Ready"], {
      tlsMode: "starttls", tls: tlsFacts({ authorized: false, authorizationError: "DEPTH_ZERO_SELF_SIGNED_CERT" }),
      error: { kind: "tls", message: "certificate verification failed: the certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT)", step: 2 },
    }));
  it("untrusted is an error when the session failed on it (no --insecure): ONE finding, on the STARTTLS step, whose first fix is --ca", () => {
    const p = fxCertUntrusted;
    expect(one(certificate, p).severity).toBe("error");
    const fs = diagnose(p);
    expect(ids(fs)).toEqual(["certificate-untrusted"]);
    expect(fs[0]?.step).toBe(2);
    expect(fs[0]?.fixes[0]).toMatch(/--ca FILE/);
    expect(fs[0]?.summary).toBe("the certificate is self-signed");
  });

  it("daysLeft 5 under cert-min-days 14 → certificate-expiring warning", () => {
    const f = one(certificate, withTls({ daysLeft: 5, validTo: "2026-01-06T00:00:00.000Z" }), policy({ certMinDays: 14 }));
    expect([f.id, f.severity, f.step]).toEqual(["certificate-expiring", "warning", 2]);
    expect(f.message).toMatch(/expires in 5 day\(s\) \(2026-01-06T00:00:00\.000Z\), below cert-min-days 14/);
  });

  it("daysLeft -2 → certificate-expired error", () => {
    const f = one(certificate, withTls({ daysLeft: -2 }));
    expect([f.id, f.severity]).toEqual(["certificate-expired", "error"]);
    expect(f.message).toMatch(/2 day\(s\) ago/);
  });

  it("TLSv1.1 under min-tls TLSv1.2 → tls-version-too-old", () => {
    const f = one(certificate, withTls({ protocol: "TLSv1.1" }), policy({ minTls: "TLSv1.2" }));
    expect([f.id, f.severity]).toEqual(["tls-version-too-old", "error"]);
    expect(f.message).toMatch(/TLSv1\.1, below min-tls TLSv1\.2/);
  });

  it.each([
    ["postfix", /smtpd_tls_protocols/, /exim|Schannel|Sendmail/i],
    ["exim", /exim -bV/, /postconf|Schannel|Sendmail/i],
    ["exchange", /Schannel/, /postconf|exim|Sendmail/i],
    [null, /Enable TLS 1\.2 and 1\.3 where TLS ends/, /postconf|exim|Schannel|Sendmail|Postfix|Exchange/i],
  ] as const)("tls-version-too-old gives %s its own settings and no other product's", (family, own, other) => {
    const p = withTls({ protocol: "TLSv1" });
    const f = one(certificate, { ...p, server: family ? { product: family, version: null, family } : null }, policy({ minTls: "TLSv1.2" }));
    expect(f.id).toBe("tls-version-too-old");
    expect(f.fixes.join("\n")).toMatch(own);
    expect(f.fixes.join("\n")).not.toMatch(other);
  });

  it("is silent at the boundaries and without TLS", () => {
    expect(certificate(withTls({ daysLeft: 14 }), policy({ certMinDays: 14 }))).toEqual([]);
    expect(certificate(withTls({ protocol: "TLSv1.2" }), policy({ minTls: "TLSv1.2" }))).toEqual([]);
    expect(certificate(withTls({ daysLeft: 5 }), policy({ certMinDays: 0 }))).toEqual([]);
    expect(certificate(outcome([GREETING]), policy())).toEqual([]);
    expect(certificate(healthy(), policy())).toEqual([]);
  });
});

describe("requireTls", () => {
  it("a session without TLS under require-tls → tls-not-used", () => {
    const p = outcome([GREETING, ...EHLO_PLAIN, "C: QUIT", "S: 221 bye"], { tlsMode: "none" });
    const f = one(requireTls, p, policy({ requireTls: true }));
    expect([f.id, f.severity, f.step]).toEqual(["tls-not-used", "error", null]);
    expect(f.message).toMatch(/without TLS/);
    expect(requireTls(p, policy())).toEqual([]);
  });

  it("is silent with TLS, and when the session failed (the error explains it)", () => {
    expect(requireTls(healthy(), policy({ requireTls: true }))).toEqual([]);
    expect(requireTls(outcome([], { error: { kind: "connect", message: "refused", step: null } }), policy({ requireTls: true }))).toEqual([]);
  });
});

describe("latency", () => {
  it("a step over max-step-ms → slow-step at that step", () => {
    const p = outcome([GREETING, "C: EHLO x ## ms=2500", "S: 250 mx", "C: QUIT", "S: 221 bye"]);
    const f = one(latency, p, policy({ maxStepMs: 1000 }));
    expect([f.id, f.severity, f.step]).toEqual(["slow-step", "warning", 1]);
    expect(f.message).toMatch(/"EHLO x" took 2500 ms, over max-step-ms 1000/);
  });

  it("the greeting is named as such", () => {
    const f = one(latency, outcome(["S: 220 mx ## ms=3000"]), policy({ maxStepMs: 1000 }));
    expect(f.message).toMatch(/^"greeting" took 3000 ms/);
  });

  it("a session over max-total-ms → slow-session", () => {
    const f = one(latency, healthy({ durationMs: 7000 }), policy({ maxTotalMs: 5000 }));
    expect([f.id, f.severity, f.step]).toEqual(["slow-session", "warning", null]);
    expect(f.message).toMatch(/7000 ms, over max-total-ms 5000/);
  });

  it("is silent within budget and without budgets", () => {
    const p = outcome([GREETING, "C: EHLO x ## ms=2500", "S: 250 mx"], { durationMs: 9000 });
    expect(latency(p, policy())).toEqual([]);
    expect(latency(p, policy({ maxStepMs: 2500, maxTotalMs: 9000 }))).toEqual([]);
  });
});

describe("expectedExtensions", () => {
  const ehloWith = (...exts: string[]) => outcome([GREETING, "C: EHLO x", "S: 250-mx", ...exts.map((e, i) => `S: 250${i === exts.length - 1 ? " " : "-"}${e}`), "C: QUIT", "S: 221 bye"]);

  it("missing PIPELINING → extension-missing at the EHLO step", () => {
    const f = one(expectedExtensions, ehloWith("SIZE 10485760", "8BITMIME"), policy({ expectExtensions: [{ keyword: "PIPELINING" }] }));
    expect([f.id, f.severity, f.step]).toEqual(["extension-missing", "error", 1]);
    expect(f.message).toMatch(/does not advertise PIPELINING/);
    expect(f.message).toMatch(/offered: SIZE 10485760, 8BITMIME/);
  });

  it("SIZE 1000 against SIZE>=10485760 → extension-too-small", () => {
    const f = one(expectedExtensions, ehloWith("PIPELINING", "SIZE 1000"), policy({ expectExtensions: [{ keyword: "SIZE", atLeast: 10485760 }] }));
    expect([f.id, f.severity, f.step]).toEqual(["extension-too-small", "error", 1]);
    expect(f.message).toMatch(/SIZE 1000, below the expected SIZE>=10485760/);
  });

  it("SIZE 0 (and SIZE with no value) means unlimited → no finding", () => {
    const pol = policy({ expectExtensions: [{ keyword: "SIZE", atLeast: 10485760 }] });
    expect(expectedExtensions(ehloWith("SIZE 0"), pol)).toEqual([]);
    expect(expectedExtensions(ehloWith("SIZE"), pol)).toEqual([]);
    expect(expectedExtensions(ehloWith("SIZE 10485760"), pol)).toEqual([]);
  });

  it("checks the EHLO after STARTTLS (the last one)", () => {
    const f = one(expectedExtensions, healthy(), policy({ expectExtensions: [{ keyword: "CHUNKING" }] }));
    expect(f.step).toBe(3);
  });
});

describe("openRelay", () => {
  const relay = (reply: string) => outcome([GREETING, ...EHLO_PLAIN,
    "C: MAIL FROM:<app@example.com> => 2xx|3xx|4xx|5xx ## check=open-relay", "S: 250 2.1.0 Ok",
    "C: RCPT TO:<smtp-gate-relay-test@example.net> => 4xx|5xx ## check=open-relay", `S: ${reply}`,
    "C: RSET ## check=open-relay", "S: 250 2.0.0 Ok"]);

  const fxOpenRelay = fx("open-relay", relay("250 2.1.5 Ok"));
  it("RCPT to a foreign domain accepted → open-relay error at that step", () => {
    const p = fxOpenRelay;
    const f = one(openRelay, p);
    expect([f.id, f.severity, f.step]).toEqual(["open-relay", "error", 3]);
    expect(f.message).toMatch(/accepted RCPT TO:<smtp-gate-relay-test@example\.net>.*open relay/);
  });

  it("refused → nothing; an ordinary RCPT accepted → nothing", () => {
    expect(openRelay(relay("554 5.7.1 <smtp-gate-relay-test@example.net>: Relay access denied"), policy())).toEqual([]);
    expect(diagnose(relay("554 5.7.1 Relay access denied"))).toEqual([]);
    expect(openRelay(healthy(), policy())).toEqual([]);
  });
});

describe("vrfyEnabled", () => {
  const vrfy = (reply: string) => outcome([GREETING, ...EHLO_PLAIN, "C: VRFY postmaster => 252|4xx|5xx ## check=vrfy", `S: ${reply}`]);

  const fxVrfy = fx("vrfy", vrfy("250 2.0.0 <postmaster@example.com>"));
  it("250 → vrfy-enabled", () => {
    const f = one(vrfyEnabled, fxVrfy);
    expect([f.id, f.severity, f.step]).toEqual(["vrfy-enabled", "error", 2]);
    expect(f.message).toMatch(/VRFY \(250 2\.0\.0 <postmaster@example\.com>\)/);
  });

  it("252, 502 → nothing; a VRFY step that is not the check → nothing", () => {
    expect(vrfyEnabled(vrfy("252 2.0.0 Cannot VRFY user"), policy())).toEqual([]);
    expect(vrfyEnabled(vrfy("502 5.5.1 VRFY command is disabled"), policy())).toEqual([]);
    expect(vrfyEnabled(outcome([GREETING, ...EHLO_PLAIN, "C: VRFY postmaster", "S: 250 ok"]), policy())).toEqual([]);
  });
});

describe("authBeforeTls", () => {
  const on = policy({ authRequiresTls: true });
  const plainAuth = [GREETING, "C: EHLO x", "S: 250-mx", "S: 250-AUTH PLAIN LOGIN", "S: 250 STARTTLS"];

  it("AUTH offered before STARTTLS → auth-before-tls at the first EHLO", () => {
    const f = one(authBeforeTls, outcome([...plainAuth, "C: STARTTLS", "S: 220 go", ...EHLO_TLS], { tlsMode: "starttls", tls: tlsFacts() }), on);
    expect([f.id, f.severity, f.step]).toEqual(["auth-before-tls", "error", 1]);
    expect(f.message).toMatch(/offers AUTH \(AUTH PLAIN LOGIN\) before STARTTLS/);
  });

  it("also without TLS at all", () => {
    expect(one(authBeforeTls, outcome(plainAuth, { tlsMode: "none" }), on).step).toBe(1);
  });

  it("is silent when AUTH comes only after TLS, under implicit TLS, and without the policy", () => {
    expect(authBeforeTls(healthy(), on)).toEqual([]);
    expect(authBeforeTls(outcome([GREETING, ...EHLO_TLS], { tlsMode: "implicit", tls: tlsFacts() }), on)).toEqual([]);
    expect(authBeforeTls(outcome(plainAuth), policy())).toEqual([]);
  });
});

describe("baselineDrift", () => {
  const was = baselineFacts(healthy());
  const withBaseline = (facts = was) => policy({ baseline: { file: "baseline.json", targets: { "mx.example.com:25": facts } } });

  it("the baseline records the banner host, extensions before/after TLS, protocol and certificate", () => {
    expect(was).toEqual({
      banner: "mx.example.com", extensionsBeforeTls: ["PIPELINING", "SIZE 10240000", "STARTTLS", "ENHANCEDSTATUSCODES", "8BITMIME"],
      extensions: ["PIPELINING", "SIZE 10240000", "AUTH PLAIN LOGIN XOAUTH2", "ENHANCEDSTATUSCODES", "8BITMIME"],
      tlsProtocol: "TLSv1.3", certIssuer: "R11", certFingerprint: "AA:BB:CC", certKey: null,
    });
    expect(baselineDrift(healthy(), withBaseline())).toEqual([]);
  });

  it("STARTTLS lost → baseline-starttls-lost error", () => {
    const now = (outcome([GREETING, "C: EHLO ci.example.com", "S: 250-mx.example.com", "S: 250-PIPELINING", "S: 250-SIZE 10240000", "S: 250-AUTH PLAIN LOGIN XOAUTH2", "S: 250-ENHANCEDSTATUSCODES", "S: 250 8BITMIME", "C: QUIT", "S: 221 bye"], { tlsMode: "opportunistic" }));
    const fs = baselineDrift(now, withBaseline());
    const f = fs.find((x) => x.id === "baseline-starttls-lost");
    expect(f).toMatchObject({ severity: "error", step: null });
    expect(f?.message).toMatch(/STARTTLS is no longer offered/);
    // and TLS is gone too
    expect(fs.find((x) => x.id === "baseline-tls-downgraded")?.message).toMatch(/TLSv1\.3 → no TLS/);
    // and AUTH, offered only after TLS in the baseline, is now offered in clear text
    expect(fs.find((x) => x.id === "baseline-auth-before-tls")).toMatchObject({ severity: "error" });
    // STARTTLS itself is not repeated among the lost extensions
    expect(fs.find((x) => x.id === "baseline-extensions-lost")).toBeUndefined();
  });

  it("extensions lost (warning) and gained (notice)", () => {
    const ehlo = ["C: EHLO ci.example.com", "S: 250-mx.example.com", "S: 250-SIZE 10240000", "S: 250-AUTH PLAIN LOGIN XOAUTH2", "S: 250-CHUNKING", "S: 250-ENHANCEDSTATUSCODES", "S: 250 8BITMIME"];
    const now = outcome([GREETING, ...EHLO_PLAIN, "C: STARTTLS", "S: 220 go", ...ehlo], { tlsMode: "starttls", tls: tlsFacts() });
    const fs = baselineDrift(now, withBaseline());
    expect(fs.map((f) => [f.id, f.severity])).toEqual([["baseline-extensions-lost", "warning"], ["baseline-extensions-gained", "notice"]]);
    expect(fs[0]?.message).toMatch(/no longer advertised since the baseline: PIPELINING\./);
    expect(fs[1]?.message).toMatch(/advertised since the baseline: CHUNKING\./);
  });

  it("a lower TLS version → baseline-tls-downgraded error; a higher one → notice", () => {
    const f = one(baselineDrift, healthy({ tls: tlsFacts({ protocol: "TLSv1.2" }) }), withBaseline());
    expect([f.id, f.severity]).toEqual(["baseline-tls-downgraded", "error"]);
    expect(f.message).toMatch(/TLSv1\.3 → TLSv1\.2/);
    const up = one(baselineDrift, healthy(), withBaseline(baselineFacts(healthy({ tls: tlsFacts({ protocol: "TLSv1.2" }) }))));
    expect([up.id, up.severity]).toEqual(["baseline-tls-changed", "notice"]);
  });

  it("AUTH newly offered before STARTTLS → baseline-auth-before-tls error (RFC 4954 §4)", () => {
    const ehloPlainWithAuth = [...EHLO_PLAIN.slice(0, -1), "S: 250-AUTH PLAIN LOGIN", EHLO_PLAIN.at(-1) as string];
    const now = outcome([GREETING, ...ehloPlainWithAuth, ...HEALTHY.slice(1 + EHLO_PLAIN.length)], { tlsMode: "starttls", tls: tlsFacts() });
    const fs = baselineDrift(now, withBaseline());
    expect(fs.map((f) => [f.id, f.severity])).toEqual([["baseline-auth-before-tls", "error"]]);
    expect(fs[0]?.message).toMatch(/AUTH is offered before TLS since the baseline \(AUTH PLAIN LOGIN\)/);
    // Recorded that way, it is no drift (auth-requires-tls is the policy that forbids it).
    expect(baselineDrift(now, withBaseline(baselineFacts(now)))).toEqual([]);
  });

  it("SIZE lowered → baseline-size-lowered warning naming both limits; raised → nothing", () => {
    const withSize = (n: string) => outcome(HEALTHY.map((l) => l.replace("SIZE 10240000", `SIZE ${n}`)), { tlsMode: "starttls", tls: tlsFacts() });
    const f = one(baselineDrift, withSize("1048576"), withBaseline());
    expect([f.id, f.severity]).toEqual(["baseline-size-lowered", "warning"]);
    expect(f.message).toMatch(/10240000 → 1048576 octets/);
    expect(baselineDrift(withSize("52428800"), withBaseline())).toEqual([]);
  });

  it("a new certificate key with the same issuer → notice that names the key", () => {
    const base = withBaseline(baselineFacts(healthy({ tls: tlsFacts({ publicKey256: "k1" }) })));
    const rotated = one(baselineDrift, healthy({ tls: tlsFacts({ fingerprint256: "DD:EE:FF", publicKey256: "k2" }) }), base);
    expect([rotated.id, rotated.severity]).toEqual(["baseline-certificate-changed", "notice"]);
    expect(rotated.message).toMatch(/with a new key/);
    const renewed = one(baselineDrift, healthy({ tls: tlsFacts({ fingerprint256: "DD:EE:FF", publicKey256: "k1" }) }), base);
    expect(renewed.message).toMatch(/same issuer and key: a renewal/);
  });

  it("is looked up by the probed target's own name: an mx target's addresses each have their entry", () => {
    const name = "mx example.com → mx.example.com (10) [192.0.2.25]";
    const p = policy({ baseline: { file: "b.json", targets: { [name]: was, "mx example.com": baselineFacts(healthy({ tls: tlsFacts({ protocol: "TLSv1.2" }) })) } } });
    expect(baselineDrift(healthy({ name }), p)).toEqual([]);
    expect(one(baselineDrift, healthy({ name: "mx example.com → mx.example.com (10) [192.0.2.26]" }), p).id).toBe("baseline-missing");
    // An inherited property name is no entry.
    expect(one(baselineDrift, healthy({ name: "constructor" }), p).id).toBe("baseline-missing");
  });

  it("certificate changed: same issuer → notice (renewal), other issuer → warning naming both", () => {
    const renewed = one(baselineDrift, healthy({ tls: tlsFacts({ fingerprint256: "DD:EE:FF" }) }), withBaseline());
    expect([renewed.id, renewed.severity]).toEqual(["baseline-certificate-changed", "notice"]);
    expect(renewed.message).toMatch(/same issuer/);
    const other = one(baselineDrift, healthy({ tls: tlsFacts({ fingerprint256: "DD:EE:FF", issuer: "Corp Inspection CA" }) }), withBaseline());
    expect([other.id, other.severity]).toEqual(["baseline-certificate-changed", "warning"]);
    expect(other.message).toMatch(/R11 → Corp Inspection CA/);
  });

  it("banner host changed → warning at the greeting", () => {
    const now = outcome(["S: 220 mx2.example.com ESMTP", ...HEALTHY.slice(1)], { tlsMode: "starttls", tls: tlsFacts() });
    const f = one(baselineDrift, now, withBaseline());
    expect([f.id, f.severity, f.step]).toEqual(["baseline-banner-changed", "warning", 0]);
    expect(f.message).toMatch(/mx\.example\.com → mx2\.example\.com/);
  });

  it("no entry for the target → baseline-missing notice naming the file", () => {
    const f = one(baselineDrift, healthy(), policy({ baseline: { file: "base.json", targets: {} } }));
    expect([f.id, f.severity, f.step]).toEqual(["baseline-missing", "notice", null]);
    expect(f.message).toMatch(/base\.json has no entry for mx\.example\.com:25/);
  });

  it("is silent without a baseline, and when the session failed", () => {
    expect(baselineDrift(healthy(), policy())).toEqual([]);
    expect(baselineDrift(outcome([], { error: { kind: "connect", message: "refused", step: null } }), withBaseline())).toEqual([]);
  });
});

describe("replies that break the protocol", () => {
  const fxEnhancedMismatch = fx("enhanced-mismatch", outcome([GREETING, ...EHLO_PLAIN, "C: MAIL FROM:<a@example.com>", "S: 250 ok", "C: RCPT TO:<b@example.com>", "S: 550 4.2.2 Mailbox full"]));
  it("550 4.2.2: enhanced class contradicts the code → enhanced-code-mismatch warning", () => {
    const p = fxEnhancedMismatch;
    const f = one(enhancedMismatch, p);
    expect([f.id, f.severity, f.step]).toEqual(["enhanced-code-mismatch", "warning", 3]);
    expect(f.message).toMatch(/550 with enhanced code 4\.2\.2.*the reply is permanent/);
    expect(enhancedMismatch(outcome([GREETING, "C: AUTH LOGIN", "S: 334 VXNlcm5hbWU6"]), policy())).toEqual([]);
    expect(enhancedMismatch(healthy(), policy())).toEqual([]);
  });

  it("bare LF line endings → bare-lf-replies at the first such reply", () => {
    const p = outcome([GREETING, "C: EHLO x", "S: 250-mx ## ending=lf", "S: 250 PIPELINING"]);
    expect(p.steps[1]?.reply?.ending).toBe("lf");
    const f = one(bareLineFeeds, p);
    expect([f.id, f.severity, f.step]).toEqual(["bare-lf-replies", "warning", 1]);
    expect(f.message).toMatch(/bare LF/);
    expect(bareLineFeeds(healthy(), policy())).toEqual([]);
  });

  it("unsolicited replies → an error with the count: the server talks out of turn", () => {
    const f = one(unsolicitedReplies, healthy({ unsolicitedReplies: 2 }));
    expect([f.id, f.severity, f.step]).toEqual(["unsolicited-reply", "error", null]);
    expect(f.message).toMatch(/talks out of turn: it sent 2 replies that no command was waiting for/);
    expect(one(unsolicitedReplies, healthy({ unsolicitedReplies: 1 })).message).toMatch(/sent 1 reply that/);
    expect(unsolicitedReplies(healthy(), policy())).toEqual([]);
  });
});

describe("diagnose(): contract §6 — every failing or warning step gets a finding with causes and fixes", () => {
  it("RULES holds every rule tested here", () => {
    const tested: Rule[] = [sessionError, notSmtp, tlsModeMismatch, rejectedSteps, smtpInspection, starttlsNotAdvertised, notAdvertised,
      certificate, requireTls, openRelay, vrfyEnabled, authBeforeTls, expectedExtensions, latency, baselineDrift, enhancedMismatch, bareLineFeeds, unsolicitedReplies];
    for (const r of tested) expect(RULES, r.name).toContain(r);
  });

  it("holds for every failing fixture above", () => {
    expect(FAILING.length).toBeGreaterThanOrEqual(30);
    const problems: string[] = [];
    for (const { name, p } of FAILING) {
      // A step marked consequenceOf is covered by its cause's finding (contract §7).
      const bad = p.steps.map((s, i) => [s, i] as const).filter(([s]) => s.verdict !== "pass" && s.consequenceOf === undefined);
      if (!bad.length && !p.error) problems.push(`${name}: fixture has no failing step`);
      const findings = diagnose(p);
      for (const [, i] of bad) {
        const mine = findings.filter((f) => f.step === i && (f.severity === "error" || f.severity === "warning"));
        if (!mine.length) problems.push(`${name}: step ${i} (${p.steps[i]?.verdict}) has no finding; got ${JSON.stringify(findings.map((f) => [f.id, f.step]))}`);
        if (!mine.some((f) => f.causes.length > 0 && f.fixes.length > 0)) problems.push(`${name}: step ${i} has no finding with causes and fixes`);
      }
      for (const f of findings) if (!f.message.trim()) problems.push(`${name}: ${f.id} has an empty message`);
    }
    expect(problems).toEqual([]);
  });
});

describe("sessionError: sharper advice for an error kind in a particular phase", () => {
  it("a handshake that stalls after STARTTLS's 220 points at the path, not the server", () => {
    const p = outcome([GREETING, ...EHLO_PLAIN, "C: STARTTLS", "S: 220 2.0.0 Ready"], {
      tlsMode: "starttls",
      error: { kind: "timeout", message: "no answer within 1s while performing the TLS handshake after STARTTLS", step: 2 },
    });
    const f = one(sessionError, p);
    expect([f.id, f.severity, f.step]).toEqual(["tls-handshake-stalled", "error", 2]);
    expect(f.causes.join(" ")).toMatch(/drops or holds the TLS bytes/);
    expect(f.fixes.join(" ")).toMatch(/openssl s_client -starttls smtp/);
  });

  it("a timeout elsewhere keeps the generic advice", () => {
    const p = outcome([GREETING, "C: EHLO x"], { error: { kind: "timeout", message: "no answer within 1s while performing the EHLO handshake", step: 1 } });
    expect(one(sessionError, p).id).toBe("timeout");
  });
});
