// MTA-STS and TLS-RPT paths real deployments get wrong, against real servers: their DNS is the
// signed zone of scripts/test-dnssec.sh (*.sts.dane.test, through the validating unbound on
// 127.0.0.29), their policies nginx's and the wildcard MX hosts' front those of
// scripts/test-mta-sts.sh; MX localhost is Postfix (scripts/test-mta.sh), whose certificate names
// localhost. Each row: the verdict, what a sender does per MX host, the first policy finding, and
// words its advice must and must not say. What smtp-gate said before each was fixed is in the
// commit that added the row.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { localIo } from "../../src/config/local-io.js";
import { resolveTarget } from "../../src/config/resolve.js";
import type { Finding, Report } from "../../src/model/report.js";
import type { Verdict } from "../../src/model/enums.js";
import { runTargets } from "../../src/engine/run.js";
import { detectPolicyServers } from "../support/policy-servers.js";

const STS_DIR = process.env.SMTP_GATE_STS_DIR ?? "/tmp/smtp-gate-mta-sts";
const CA_BUNDLE = join(STS_DIR, "ca-bundle.pem");
const RESOLVER = "127.0.0.29";
// The DNS is test-dnssec.sh's, the policies' certificates test-mta-sts.sh's: both must run.
const servers = await detectPolicyServers({ resolver: RESOLVER, name: "wild.sts.dane.test", mx: true, file: join(STS_DIR, "certs", "paths-web.pem"), script: "scripts/test-dnssec.sh and scripts/test-mta-sts.sh" });
if (!servers.available && !servers.required) console.warn(`[test/mta-sts/paths] skipping: ${servers.reason}`);

async function probeDomain(domain: string): Promise<Report> {
  const t = resolveTarget({ mx: domain, port: "2525", ip: "4", resolver: RESOLVER, ca: CA_BUNDLE, helo: "ci.sts.test", timeout: "20" }, { ...localIo(), env: {}, label: (k) => k });
  if ("problems" in t) throw new Error(JSON.stringify(t.problems));
  return runTargets([t]);
}

/** The findings about the domain's policies (MTA-STS, TLS-RPT), in report order. */
const policyFindings = (r: Report): Finding[] => r.targets.flatMap((t) => t.findings).filter((f) => /^(mta-sts|tls-rpt)-/.test(f.id));
const advice = (f: Finding | undefined): string => (f ? [f.message, ...f.causes, ...f.fixes].join("\n") : "");

interface PathCase {
  domain: string;
  verdict: Verdict;
  /** mxHost → what an MTA-STS sender does there (absent: the domain has no usable policy). */
  senders?: Record<string, "deliver" | "refuse">;
  /** The first policy finding's id and severity; null when there must be none. */
  first: [string, Finding["severity"]] | null;
  /** Every policy finding id, in order. */
  ids: string[];
  must?: RegExp[];
  mustNot?: RegExp[];
}

const CASES: PathCase[] = [
  // RFC 8461 §3.2: the policy is text/plain; senders check it (postfix-mta-sts-resolver does).
  // Before: the same (fail, mta-sts-policy-content-type); this path had no fixture.
  { domain: "ctype.sts.dane.test", verdict: "fail", first: ["mta-sts-policy-content-type", "error"], ids: ["mta-sts-policy-content-type"], must: [/Content-Type text\/html, not text\/plain/, /Serve the policy with Content-Type: text\/plain/] },
  // RFC 8461 §3.3: the certificate must be valid for mta-sts.DOMAIN. Before: the fix said "from a
  // public CA … with its intermediates" (the chain was fine) and the message did not say what the
  // certificate names; now both follow the evidence.
  {
    domain: "certname.sts.dane.test", verdict: "fail", first: ["mta-sts-policy-tls", "error"], ids: ["mta-sts-policy-tls"],
    must: [/does not name this host/, /it names www\.certname\.sts\.dane\.test, certname\.sts\.dane\.test/, /Add mta-sts\.certname\.sts\.dane\.test to the names/],
    mustNot: [/public CA/, /intermediates/],
  },
  // RFC 8461 §4.1: *.wild.sts.dane.test covers mx.wild…, not a.b.wild… nor wild.sts.dane.test
  // itself (the domain as its own MX). Before: right verdicts, but the messages did not say why a
  // wildcard that looks like it covers the host does not, and the apex's fix offered "a *. pattern
  // that covers it", which no pattern does.
  {
    domain: "wild.sts.dane.test", verdict: "fail", senders: { "mx.wild.sts.dane.test": "deliver", "a.b.wild.sts.dane.test": "refuse", "wild.sts.dane.test": "refuse" },
    first: ["mta-sts-mx-not-covered", "error"], ids: ["mta-sts-mx-not-covered", "mta-sts-mx-not-covered"],
    must: [/\*\.wild\.sts\.dane\.test stands for exactly one label/, /RFC 8461 §4\.1/, /mx: \*\.b\.wild\.sts\.dane\.test/,
      /does not cover wild\.sts\.dane\.test itself/, /Add "mx: wild\.sts\.dane\.test" to/],
  },
  // RFC 8461 §5: mode none is a withdrawn policy. Before: pass, but a notice per MX host
  // (mta-sts-mx-not-covered) advising to "Add mx: localhost" to a policy being withdrawn.
  {
    domain: "none.sts.dane.test", verdict: "pass", senders: { localhost: "deliver" }, first: ["mta-sts-mode-none", "notice"], ids: ["mta-sts-mode-none"],
    mustNot: [/Add "mx:/],
  },
  // testing: an MX host outside the policy is reported, mail still goes. Before: the same (warn).
  {
    domain: "testmx.sts.dane.test", verdict: "warn", senders: { localhost: "deliver" }, first: ["mta-sts-pattern-unused", "notice"],
    ids: ["mta-sts-pattern-unused", "mta-sts-mx-not-covered"],
  },
  // A policy ending with an empty line. Before: fail, mta-sts-policy-invalid ("line 5 is not
  // key: value … Senders ignore it"), though postfix-mta-sts-resolver reads it; now it is applied,
  // with a notice that the grammar has no such line.
  {
    domain: "blank.sts.dane.test", verdict: "pass", senders: { localhost: "deliver" }, first: ["mta-sts-policy-blank-line", "notice"], ids: ["mta-sts-policy-blank-line"],
    must: [/ends with an empty line/], mustNot: [/Senders ignore it/],
  },
  // RFC 8461 §3.2: max_age at most 31557600; postfix-mta-sts-resolver refuses the policy too.
  // Before: the same finding, with only the generic layout as its fix.
  {
    domain: "maxage.sts.dane.test", verdict: "fail", first: ["mta-sts-policy-invalid", "error"], ids: ["mta-sts-policy-invalid"],
    must: [/max_age "31557601"/, /Set max_age to a number of seconds up to 31557600/],
  },
  // RFC 8461 §3.1: whitespace around ";" and an extension field are in the grammar; senders apply
  // the policy. Before: the same (pass).
  { domain: "txtext.sts.dane.test", verdict: "pass", senders: { localhost: "deliver" }, first: null, ids: [] },
  // Whitespace around "=" is not (sts-id is "id=" then 1 to 32 letters and digits);
  // postfix-mta-sts-resolver finds no id either and applies no policy. Before: the same (fail).
  {
    domain: "txtspace.sts.dane.test", verdict: "fail", first: ["mta-sts-txt-invalid", "error"], ids: ["mta-sts-txt-invalid"],
    must: [/"id = space1" is not a field/, /act as if there were no policy/],
  },
  // RFC 8460 §3: two TLSRPTv1 records, a bare address, DMARC's size limit copied over.
  { domain: "rpttwo.sts.dane.test", verdict: "warn", first: ["tls-rpt-multiple", "warning"], ids: ["tls-rpt-multiple"], must: [/has 2 v=TLSRPTv1 records/] },
  { domain: "rptbare.sts.dane.test", verdict: "warn", first: ["tls-rpt-invalid", "warning"], ids: ["tls-rpt-invalid"], must: [/neither mailto: nor https:/] },
  // Before: pass, the rua "mailto:…!10m" taken as valid (reports would go to the domain
  // "rptdmarc.sts.dane.test!10m").
  { domain: "rptdmarc.sts.dane.test", verdict: "warn", first: ["tls-rpt-invalid", "warning"], ids: ["tls-rpt-invalid"], must: [/DMARC-style size limit/] },
];

describe.skipIf(!servers.available && !servers.required)("MTA-STS and TLS-RPT paths (signed zone, nginx, Postfix)", () => {
  beforeAll(() => {
    if (!servers.available) throw new Error(`SMTP_GATE_REQUIRE_MTA is set but the servers are not reachable: ${servers.reason}`);
  });

  it.each(CASES)("$domain → $verdict, first $first", async (c) => {
    const r = await probeDomain(c.domain);
    const found = policyFindings(r);
    expect(found.map((f) => f.id)).toEqual(c.ids);
    expect(found[0] ? [found[0].id, found[0].severity] : null).toEqual(c.first);
    // Nothing else: the MX is healthy Postfix (or the wildcard front).
    expect(r.targets.flatMap((t) => t.findings).filter((f) => !/^(mta-sts|tls-rpt)-/.test(f.id) && f.id !== "ptr-missing").map((f) => f.id)).toEqual([]);
    expect(r.verdict).toBe(c.verdict);
    if (c.senders) expect(Object.fromEntries(r.targets.map((t) => [t.mxHost, t.mtaSts?.sender]))).toEqual(c.senders);
    else expect(r.targets.every((t) => t.mtaSts === undefined)).toBe(true);
    const text = found.map(advice).join("\n");
    for (const m of c.must ?? []) expect(text).toMatch(m);
    for (const m of c.mustNot ?? []) expect(text).not.toMatch(m);
    for (const f of found) expect([f.step, f.cause]).toEqual([null, null]);
  });
});
