// Diagnosis over the golden transcripts of real servers (Postfix, Exim, Sendmail, OpenSMTPD,
// Haraka, aiosmtpd; test/golden/SERVER/CASE.json): each case pins its findings (ids, first cause,
// first fix, what is ruled out), and two properties hold over the whole set: no likely cause or fix
// contradicts the transcript, and at most one finding per root cause.
import { describe, expect, it } from "vitest";
import { diagnose, prepareOutcome } from "../../src/diagnose/index.js";
import { serverFamily, tlsActiveAt } from "../../src/diagnose/evidence.js";
import { otherProducts } from "../support/product-words.js";
import type { ProbeOutcome } from "../../src/engine/result.js";
import type { Finding } from "../../src/model/report.js";
import { authMechanisms, findExtension } from "../../src/protocol/ehlo.js";
import { goldens } from "./golden.js";

const ALL = goldens().map((g) => ({ ...g, p: prepareOutcome(g.p) }));
const findingsOf = (p: ProbeOutcome) => diagnose(p);

interface Pin {
  server?: string | null;
  ids: string[];
  cause?: RegExp;
  fix?: RegExp;
  ruledOut?: RegExp[];
  consequences?: Record<number, number>;
}

/** What each case must show. Cases without failures pin an empty list. */
const PINS: Record<string, Pin> = {
  "sendmail/xauth2-after-starttls": { server: "Sendmail", ids: ["command-unrecognized"], cause: /^The sender uses a command.*"XAUTH2" is neither/, fix: /`AUTH LOGIN`/,
    ruledOut: [/CRLF/, /banner is not masked, EHLO was answered, STARTTLS was offered and completed/, /commands after the handshake were understood/] },
  "sendmail/xauth2-plaintext": { server: "Sendmail", ids: ["command-unrecognized"], fix: /Run STARTTLS and EHLO first/, ruledOut: [/CRLF/, /not encrypted when this command was sent/] },
  "postfix/xauth2-after-starttls": { server: "Postfix", ids: ["command-unrecognized"], fix: /`AUTH LOGIN`/, ruledOut: [/CRLF/, /STARTTLS was offered and completed/] },
  "exim/xauth2-after-starttls": { server: "Exim", ids: ["command-unrecognized"], fix: /`AUTH LOGIN`/, ruledOut: [/CRLF/] },
  "opensmtpd/xauth2-after-starttls": { server: "OpenSMTPD", ids: ["command-unrecognized"], fix: /`AUTH LOGIN`/ },
  "haraka/xauth2-after-starttls": { server: "Haraka", ids: ["command-unrecognized"], fix: /`AUTH LOGIN`/ },
  "aiosmtpd/xauth2-after-starttls": { server: "aiosmtpd", ids: ["command-unrecognized"], fix: /`AUTH LOGIN`/ },
  "aiosmtpd/xauth2-plaintext": { ids: ["starttls-required-first"], cause: /still in plain text/, fix: /tls: starttls/, ruledOut: [/advertised STARTTLS/] },
  "exim/relay-attempt": { server: "Exim", ids: ["relay-denied"], cause: /did not authenticate/, fix: /^Exim: .*acl_smtp_rcpt/ },
  "postfix/relay-attempt": { ids: ["relay-denied"], fix: /^Postfix: .*smtpd_relay_restrictions/ },
  "sendmail/relay-attempt": { ids: ["relay-denied"], fix: /^Sendmail: .*\/etc\/mail\/access/ },
  // No word "relay" in either: inferred from an unauthenticated session and a foreign domain.
  "opensmtpd/relay-attempt": { server: "OpenSMTPD", ids: ["relay-denied"], fix: /^OpenSMTPD: .*match auth from any/ },
  "haraka/relay-attempt": { server: "Haraka", ids: ["relay-denied"], fix: /^Haraka: .*relay/ },
  "aiosmtpd/relay-attempt": { ids: ["relay-denied"], fix: /^aiosmtpd: / },
  "exim/unknown-local-user": { ids: ["unknown-user"], fix: /exim -bt nobody@smtp-gate\.test/ },
  "sendmail/unknown-local-user": { ids: ["unknown-user"], fix: /sendmail -bv nobody@smtp-gate\.test/ },
  "postfix/unknown-local-user": { ids: ["unknown-user"], fix: /^Postfix: .*postmap -q nobody@smtp-gate\.test/ },
  "opensmtpd/unknown-local-user": { ids: ["recipient-expansion-failed"], cause: /expanding it failed/, fix: /^OpenSMTPD: / },
  "haraka/unknown-local-user": { ids: ["unknown-user"], fix: /^Haraka: .*rcpt_to/ },
  // DATA's refusal after every RCPT was refused follows from the RCPT: one finding.
  "exim/send-refused-recipient": { ids: ["unknown-user"], consequences: { 6: 5 } },
  "postfix/send-refused-recipient": { ids: ["unknown-user"], consequences: { 6: 5 } },
  "sendmail/send-refused-recipient": { ids: ["unknown-user"], consequences: { 6: 5 } },
  "haraka/send-refused-recipient": { ids: ["unknown-user"], consequences: { 6: 5 } },
  "exim/auth-wrong-password": { ids: ["auth-failed"], cause: /^Wrong username or password/, ruledOut: [/mechanism was PLAIN/] },
  "postfix/auth-wrong-password": { ids: ["auth-failed"], ruledOut: [/mechanism was PLAIN/] },
  "opensmtpd/auth-wrong-password": { ids: ["auth-failed"], ruledOut: [/mechanism was PLAIN/] },
  "postfix/implicit-on-plain-port": { ids: ["tls-mode-mismatch"], fix: /tls: starttls/ },
  "postfix/plain-on-implicit-port": { ids: ["tls-mode-mismatch"], fix: /openssl s_client -connect 127\.0\.0\.1:\d+ -crlf/ },
};
for (const g of ALL) if (["production", "production-lockstep", "send", "auth-login", "auth-plain"].includes(g.case)) PINS[`${g.server}/${g.case}`] = { ids: [] };

describe("golden transcripts: each case pins its diagnosis", () => {
  it("the golden set covers the six servers", () => {
    expect([...new Set(ALL.map((g) => g.server))].sort()).toEqual(["aiosmtpd", "exim", "haraka", "opensmtpd", "postfix", "sendmail"]);
  });

  it.each(ALL.filter((g) => PINS[`${g.server}/${g.case}`]).map((g) => [`${g.server}/${g.case}`, g] as const))("%s", (key, g) => {
    const pin = PINS[key] as Pin;
    const fs = findingsOf(g.p);
    const why = JSON.stringify(fs, null, 1);
    expect(fs.filter((f) => f.severity !== "notice").map((f) => f.id), why).toEqual(pin.ids);
    if (pin.server !== undefined) expect(g.p.server?.product ?? null).toBe(pin.server);
    const f = fs[0] as Finding;
    if (pin.cause) expect(f.causes[0], why).toMatch(pin.cause);
    if (pin.fix) expect(f.fixes[0], why).toMatch(pin.fix);
    for (const r of pin.ruledOut ?? []) expect(f.ruledOut.map((x) => x.evidence).join("\n"), why).toMatch(r);
    for (const [i, c] of Object.entries(pin.consequences ?? {})) expect(g.p.steps[Number(i)]?.consequenceOf).toBe(c);
  });
});

/** What a transcript makes impossible, as checks on one finding's causes and fixes. */
function contradictions(p: ProbeOutcome, f: Finding): string[] {
  const out: string[] = [];
  const said = [...f.causes, ...f.fixes];
  const say = (re: RegExp, why: string) => { for (const t of said) if (re.test(t)) out.push(`${why}: ${t}`); };
  const crlf = p.steps.every((s) => !s.reply || s.reply.ending === "crlf");
  if (crlf) say(/line endings|bare LF/i, "every reply ended in CRLF");
  const masked = p.steps[0]?.reply?.lines.some((l) => l.includes("****"));
  const starttls = findExtension(p.extensionsBeforeTls ?? p.extensions, "STARTTLS") !== undefined;
  if (!masked && starttls) say(/fixup|inspect esmtp|appliance/i, "the banner is not masked and STARTTLS was offered");
  say(/HOST:PORT|HOST PORT|host:\d+|\{(openssl|host|port|nc|rcpt)\}/, "placeholder instead of this target");
  const family = serverFamily(p);
  for (const t of said) if (otherProducts(t, family).length) out.push(`another product's knobs (${p.server?.product ?? "unknown server"}): ${t}`);
  const offered = new Set(p.steps.filter((s) => /^EHLO\b/i.test(s.command ?? "") && s.class === "success").flatMap((s) => authMechanisms(s.reply?.lines.slice(1) ?? [])));
  for (const t of f.fixes) for (const m of t.matchAll(/`AUTH ([A-Z0-9-]+)`/g)) if (!offered.has(m[1] as string)) out.push(`suggests AUTH ${m[1]}, never offered: ${t}`);
  if (f.id === "relay-denied") say(/DNSBL|blocklist|greylist/i, "a relay refusal");
  const step = f.step === null ? undefined : p.steps[f.step];
  const mech = /^AUTH\s+(\S+)/i.exec(step?.command ?? "")?.[1]?.toUpperCase();
  if (mech && mech !== "XOAUTH2" && mech !== "OAUTHBEARER") say(/OAuth token|token is expired/i, `the mechanism was ${mech}`);
  if (f.step !== null && tlsActiveAt(p, f.step)) say(/STARTTLS first|still in plain text|certificate or key is missing/i, "TLS was active");
  if (p.port !== 25) say(/port 25 is blocked/i, `the port is ${p.port}`);
  for (const r of f.ruledOut) for (const t of said) if (t.startsWith(r.cause)) out.push(`ruled out and still listed: ${t}`);
  return out;
}

describe("over the whole golden set", () => {
  it("no likely cause or fix contradicts the transcript", () => {
    const bad = ALL.flatMap((g) => findingsOf(g.p).flatMap((f) => contradictions(g.p, f).map((c) => `${g.server}/${g.case} ${f.id}: ${c}`)));
    expect(bad).toEqual([]);
  });

  it("at most one finding per root cause: none on a consequence, one per step, identical ones merged", () => {
    const bad: string[] = [];
    for (const g of ALL) {
      const fs = findingsOf(g.p).filter((f) => f.severity !== "notice");
      for (const f of fs) if (f.step !== null && g.p.steps[f.step]?.consequenceOf !== undefined) bad.push(`${g.server}/${g.case}: ${f.id} on consequence step ${f.step}`);
      const steps = fs.filter((f) => f.step !== null).map((f) => f.step);
      if (new Set(steps).size !== steps.length) bad.push(`${g.server}/${g.case}: two findings on one step: ${fs.map((f) => `${f.id}@${f.step}`).join(", ")}`);
      const keys = fs.map((f) => `${f.id} ${f.message}`);
      if (new Set(keys).size !== keys.length) bad.push(`${g.server}/${g.case}: identical findings`);
    }
    expect(bad).toEqual([]);
  });

  it("every failing step is covered: by a finding of its own, or as a consequence of one", () => {
    for (const g of ALL) {
      const fs = findingsOf(g.p);
      g.p.steps.forEach((s, i) => {
        if (s.verdict === "pass") return;
        const covered = fs.some((f) => f.step === i) || (s.consequenceOf !== undefined && fs.some((f) => f.step === s.consequenceOf)) || (g.p.error !== null && fs.length > 0);
        expect(covered, `${g.server}/${g.case} step ${i}`).toBe(true);
      });
    }
  });
});
