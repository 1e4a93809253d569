// Policy findings name the recognised product's own setting, and only that product's: VRFY, open
// relay and AUTH before TLS for each family with a knob, generic words for an unknown server.
import { describe, expect, it } from "vitest";
import type { ProbeOutcome } from "../../src/engine/result.js";
import type { Finding } from "../../src/model/report.js";
import { authBeforeTls } from "../../src/diagnose/advertised.js";
import { prepareOutcome } from "../../src/diagnose/prepare.js";
import { openRelay, vrfyEnabled } from "../../src/diagnose/policy.js";
import type { Rule } from "../../src/diagnose/rule.js";
import { otherProducts } from "../support/product-words.js";
import { EHLO_PLAIN, outcome, policy } from "./fixtures.js";

const BANNERS: Record<string, string> = {
  postfix: "S: 220 mx.example.com ESMTP Postfix",
  exim: "S: 220 mx.example.com ESMTP Exim 4.96 Mon, 01 Jan 2024 12:00:00 +0000",
  sendmail: "S: 220 mx.example.com ESMTP Sendmail 8.17.1/8.17.1; Mon, 1 Jan 2024 12:00:00 +0000",
  opensmtpd: "S: 220 mx.example.com ESMTP OpenSMTPD",
  exchange: "S: 220 mail1.example.com Microsoft ESMTP MAIL Service ready at Mon, 1 Jan 2024 12:00:00 +0000",
  unknown: "S: 220 mx.example.com ESMTP ready",
};

const vrfy = (banner: string) => outcome([banner, ...EHLO_PLAIN, "C: VRFY postmaster => 252|4xx|5xx ## check=vrfy", "S: 250 2.0.0 <postmaster@example.com>"]);
const relay = (banner: string) => outcome([banner, ...EHLO_PLAIN,
  "C: MAIL FROM:<app@example.com> => 2xx|3xx|4xx|5xx ## check=open-relay", "S: 250 2.1.0 Ok",
  "C: RCPT TO:<smtp-gate-relay-test@example.net> => 4xx|5xx ## check=open-relay", "S: 250 2.1.5 Ok"]);
const authFirst = (banner: string) => outcome([banner, "C: EHLO x", "S: 250-mx", "S: 250-AUTH PLAIN LOGIN", "S: 250 STARTTLS"], { tlsMode: "none" });

function only(rule: Rule, p: ProbeOutcome, pol = policy()): Finding {
  const fs = rule(prepareOutcome(p), pol);
  expect(fs).toHaveLength(1);
  return fs[0] as Finding;
}

const CASES: { rule: Rule; build: (b: string) => ProbeOutcome; pol?: ReturnType<typeof policy>; first: Record<string, RegExp> }[] = [
  {
    rule: vrfyEnabled, build: vrfy,
    first: { postfix: /disable_vrfy_command = yes/, exim: /acl_smtp_vrfy/, sendmail: /PrivacyOptions=novrfy/, unknown: /^Answer VRFY with 252/ },
  },
  {
    rule: openRelay, build: relay,
    first: { postfix: /smtpd_relay_restrictions/, exim: /acl_smtp_rcpt/, sendmail: /promiscuous_relay/, opensmtpd: /match auth from any/, exchange: /Ms-Exch-SMTP-Accept-Any-Recipient/, unknown: /^Let only authenticated clients/ },
  },
  {
    rule: authBeforeTls, build: authFirst, pol: policy({ authRequiresTls: true }),
    first: { postfix: /smtpd_tls_auth_only = yes/, exim: /auth_advertise_hosts/, sendmail: /confAUTH_OPTIONS/, opensmtpd: /tls-require/, exchange: /BasicAuthRequireTLS/, unknown: /^Offer AUTH only after STARTTLS/ },
  },
];

describe("policy findings fit the product in front", () => {
  for (const c of CASES) {
    for (const [family, first] of Object.entries(c.first)) {
      it(`${c.rule.name} on ${family}: its own setting first, no other product's`, () => {
        const f = only(c.rule, c.build(BANNERS[family] as string), c.pol);
        expect(f.cause).toBeNull();
        expect(f.fixes[0]).toMatch(first);
        expect(f.fixes.flatMap((x) => otherProducts(x, family === "unknown" ? null : family))).toEqual([]);
      });
    }
  }
});
