// The sender-side matrix cases (test/support/mta-cases.ts, "helo-legacy" onwards), replayed from
// their golden transcripts (test/golden/SERVER/CASE.json, recorded from the six real MTAs) through
// diagnosis without the servers: the findings stay what they were, and none of them says what the
// transcript contradicts (a HELO session blamed on the server's TLS, a command smtp-gate kept back
// blamed on the server, an EXPN refusal read as a relay refusal).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ProbeOutcome } from "../../src/engine/result.js";
import type { Finding } from "../../src/model/report.js";
import { diagnose, prepareOutcome } from "../../src/diagnose/index.js";
import { GOLDEN_DIR } from "../support/golden.js";
import { outcome } from "./fixtures.js";
import { CASE_IDS, isNotApplicable, type CaseId, type ServerExpectations } from "../support/mta-matrix.js";
import { EXPECT as aiosmtpd } from "../mta/expect/aiosmtpd.js";
import { EXPECT as exim } from "../mta/expect/exim.js";
import { EXPECT as haraka } from "../mta/expect/haraka.js";
import { EXPECT as opensmtpd } from "../mta/expect/opensmtpd.js";
import { EXPECT as postfix } from "../mta/expect/postfix.js";
import { EXPECT as sendmail } from "../mta/expect/sendmail.js";

const SERVERS: Record<string, ServerExpectations> = { postfix, exim, sendmail, opensmtpd, haraka, aiosmtpd };
/** Recorded ones: too-many-recipients has no golden (1001 RCPT steps; the matrix asserts it live). */
const SENDER_CASES = (CASE_IDS.slice(CASE_IDS.indexOf("helo-legacy")) as CaseId[]).filter((c) => c !== "too-many-recipients");

function read(server: string, id: string): { outcome: ProbeOutcome; findings: Finding[] } | null {
  const file = join(GOLDEN_DIR, server, `${id}.json`);
  if (!existsSync(file)) return null;
  const { verdict: _v, findings, server: _s, ...rest } = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const steps = (rest.steps as Record<string, unknown>[]).map((s) => ({ ms: 5, ...s }));
  const transcript = (rest.transcript as Record<string, unknown>[]).map((e, t) => ({ t, ...e }));
  return { outcome: { durationMs: 0, closedByServer: false, ...rest, steps, transcript } as unknown as ProbeOutcome, findings: findings as Finding[] };
}

/** Words no finding of that case may say, on any server. */
const NEVER: Partial<Record<CaseId, RegExp>> = {
  // The HELO reply lists nothing; the server's TLS and AUTH set-up are not to blame.
  "helo-legacy": /not configured on this listener|tls_advertise_hosts|confSERVER_CERT|tls pki|Use `tls: starttls`|EHLO reply after STARTTLS/i,
  // smtp-gate kept the line back: nothing about the peer not being SMTP or talking out of turn.
  "smtputf8-recipient": /not an SMTP server|talks out of turn/i,
  bdat: /not an SMTP server|talks out of turn|refused it at its end|answered 500/i,
  // The server's 552 (Haraka: 550) already says the message is too big: said once.
  "message-over-size": /and smtp-gate would|talks out of turn/i,
  // A policy refusal of EXPN is not a relay or mailbox refusal.
  expn: /relay|mailbox/i,
  vrfy: /relay|mailbox unavailable/i,
};

describe("sender-side matrix cases, replayed from their goldens", () => {
  for (const [server, expected] of Object.entries(SERVERS)) {
    for (const id of SENDER_CASES.filter((c) => !isNotApplicable(expected[c]))) {
      it(`${server}/${id}: the same findings, none contradicting the transcript`, () => {
        const g = read(server, id);
        expect(g, `no golden for ${server}/${id}: record with SMTP_GATE_RECORD_GOLDEN=1 (docs/testing.md)`).not.toBeNull();
        if (!g) return;
        const again = diagnose(prepareOutcome(g.outcome));
        const kept = (fs: Finding[]) => fs.filter((f) => !/^certificate-/.test(f.id)).map((f) => [f.id, f.cause ?? null]);
        expect(kept(again)).toEqual(kept(g.findings));
        const never = NEVER[id];
        if (never) for (const f of again) expect(`${f.message} ${f.causes.join(" ")} ${f.fixes.join(" ")}`).not.toMatch(never);
      });
    }
  }

  it("a withheld command is said as smtp-gate's own, with what the server offered", () => {
    for (const [server, id] of [["sendmail", "bdat"], ["postfix", "smtputf8-recipient"]] as const) {
      const g = read(server, id);
      const f = g && diagnose(prepareOutcome(g.outcome))[0];
      expect(f?.message).toMatch(/^smtp-gate did not send .*; it offered: /);
      expect(f?.severity).toBe("error");
    }
  });

  it("a message over SIZE: one finding, the server's refusal where it refused MAIL, smtp-gate's own where it did not (OpenSMTPD)", () => {
    for (const server of ["postfix", "exim", "haraka", "aiosmtpd"]) {
      const g = read(server, "message-over-size");
      expect(g && diagnose(prepareOutcome(g.outcome)).filter((f) => f.severity === "error").map((f) => f.id)).toEqual(["message-too-large"]);
    }
    const smtpd = read("opensmtpd", "message-over-size");
    expect(smtpd && diagnose(prepareOutcome(smtpd.outcome)).filter((f) => f.severity === "error").map((f) => f.id)).toEqual(["message-exceeds-size"]);
  });

  it("Exim's EXPN refusal names acl_smtp_expn; OpenSMTPD's VRFY says it has none", () => {
    const exim = read("exim", "expn");
    expect(exim && diagnose(prepareOutcome(exim.outcome))[0]?.fixes.join(" ")).toMatch(/acl_smtp_expn/);
    const smtpd = read("opensmtpd", "vrfy");
    expect(smtpd && diagnose(prepareOutcome(smtpd.outcome))[0]?.fixes.join(" ")).toMatch(/OpenSMTPD implements neither VRFY nor EXPN/);
  });

  it("a HELO refused for its name is the name's refusal, not 'use EHLO' (EHLO would meet the same policy)", () => {
    const p = outcome(["S: 220 mx.example.com ESMTP Postfix", "C: HELO ci", "S: 504 5.5.2 <ci>: Helo command rejected: need fully-qualified hostname"], { tlsMode: "none" });
    const found = diagnose(p);
    expect(found.map((f) => f.id)).not.toContain("helo-not-ehlo");
    expect(found[0]?.cause).toBe("helo-rejected");
  });
});
