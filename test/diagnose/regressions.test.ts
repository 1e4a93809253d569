/**
 * Bugs the diagnosis suite found where src/ contradicts the contract (/work/shared/contract.md)
 * or a rule's own doc comment. These tests fail until the bug is fixed; do not weaken them.
 */
import { describe, expect, it } from "vitest";
import { nearMiss } from "../../src/diagnose/advertised.js";
import { diagnose } from "../../src/diagnose/index.js";
import { EHLO_PLAIN, GREETING, outcome, policy } from "./fixtures.js";

describe("BUG A — src/diagnose/advertised.ts (nearMiss): closestKey lowercases the word but not the candidates, so no typo is ever suggested", () => {
  // Doc comment: "A 500/502 for a command that looks like a known verb or an advertised keyword: suggest the real one."
  // closestKey (src/config/keys.ts:24) compares word.toLowerCase() with the key as given; the candidates here are upper case.
  const ehlo = [GREETING, "C: EHLO x", "S: 250-mx.example.com", "S: 250-PIPELINING", "S: 250-STARTTLS", "S: 250 AUTH PLAIN LOGIN XOAUTH2"];

  it("`EHLOO x` → 500 suggests EHLO", () => {
    const fs = nearMiss(outcome([...ehlo, "C: EHLOO x", "S: 500 5.5.1 Command unrecognized"]), policy());
    expect(fs.map((f) => f.id)).toEqual(["near-miss"]);
    expect(fs[0]?.message).toMatch(/`EHLO`/);
    expect(fs[0]?.step).toBe(2);
  });

  it("`STARTTSL` → 500 suggests STARTTLS", () => {
    const fs = nearMiss(outcome([...ehlo, "C: STARTTSL", "S: 500 5.5.1 Command unrecognized"]), policy());
    expect(fs[0]?.message).toMatch(/`STARTTLS`/);
  });
});

describe("BUG B — src/diagnose/replies.ts (rejectedSteps): a reply code outside the knowledge base gets a finding without fixes", () => {
  // Contract §6/issue: "Every failing or warning step gets at least one finding with causes and fixes".
  // explain() (src/knowledge/explain.ts:165-176) adds a cause but no fix for an unlisted code, and no pattern matches.
  it.each([
    ["571 Delivery not authorized, message refused"],
    ["599 odd"],
    ["459 Try again in a minute, please"],
  ])("%s", (reply) => {
    const p = outcome([GREETING, ...EHLO_PLAIN, "C: MAIL FROM:<app@example.com>", `S: ${reply}`]);
    expect(p.steps[2]?.verdict).not.toBe("pass");
    const mine = diagnose(p).filter((f) => f.step === 2);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.some((f) => f.causes.length > 0 && f.fixes.length > 0), JSON.stringify(mine, null, 1)).toBe(true);
  });
});

describe("BUG C — src/diagnose/replies.ts + policy.ts (openRelay): a failing step of the open-relay check other than an accepted RCPT gets no finding", () => {
  // rejectedSteps skips every step with `check` set, and openRelay only reports an accepted RCPT; the relay
  // check's RSET (probe.ts relayCheck) is judged and can fail, then nothing explains it (contract §6).
  it("the relay check's RSET answered 503 fails with no finding", () => {
    const p = outcome([GREETING, ...EHLO_PLAIN,
      "C: MAIL FROM:<app@example.com> => 2xx|3xx|4xx|5xx ## check=open-relay", "S: 250 2.1.0 Ok",
      "C: RCPT TO:<smtp-gate-relay-test@example.net> => 4xx|5xx ## check=open-relay", "S: 554 5.7.1 Relay access denied",
      "C: RSET ## check=open-relay", "S: 503 5.5.1 Error: bad sequence"]);
    expect(p.steps[4]?.verdict).toBe("fail");
    const mine = diagnose(p).filter((f) => f.step === 4);
    expect(mine.length, JSON.stringify(diagnose(p))).toBeGreaterThan(0);
  });
});

describe("BUG D — src/diagnose/replies.ts (rootCauseAt): signs read the reply with its enhanced code, so a sign anchored at the product's words never matched", () => {
  // RFC 3463 §2: the enhanced code leads the text of each line; cause-signs.ts's hMailServer greylisting sign is
  // /^Please try again later/, and the text it read was "4.7.1 Please try again later.".
  it("451 4.7.1 Please try again later. from hMailServer is its greylisting", () => {
    const p = outcome(["S: 220 mail.example.com ESMTP hMailServer", ...EHLO_PLAIN, "C: MAIL FROM:<app@example.com>", "S: 250 OK",
      "C: RCPT TO:<user@example.com>", "S: 451 4.7.1 Please try again later."]);
    const f = diagnose(p).find((x) => x.step === 3);
    expect(f?.cause, JSON.stringify(f)).toBe("greylisted");
  });
});
