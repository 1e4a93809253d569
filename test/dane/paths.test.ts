// DANE paths real deployments get wrong, against the servers of scripts/test-dnssec.sh (BIND, a
// validating unbound, the STARTTLS fronts on 127.0.0.151 — leaf and CA — and 127.0.0.153 — the
// leaf alone), each cross-checked with Postfix's posttls-finger as dane.test.ts does. Each row:
// what a DANE sender does, the record it matched, the first DANE finding, and words the advice
// must and must not say. What smtp-gate said before each was fixed is in the comments.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { localIo } from "../../src/config/local-io.js";
import { resolveTarget } from "../../src/config/resolve.js";
import type { Finding, TargetResult } from "../../src/model/report.js";
import { runTargets } from "../../src/engine/run.js";
import { DNSSEC_DIR as DIR, detectPolicyServers, posttlsFinger } from "../support/policy-servers.js";

const RESOLVER = "127.0.0.29";
const servers = await detectPolicyServers({ resolver: RESOLVER, name: "mx-tanochain.dane.test", file: join(DIR, "tlsa.env"), script: "scripts/test-dnssec.sh" });
if (!servers.available && !servers.required) console.warn(`[test/dane/paths] skipping: ${servers.reason}`);

async function probe(domain: string): Promise<TargetResult> {
  const t = resolveTarget({ mx: domain, port: "25", ip: "4", resolver: RESOLVER, ca: join(DIR, "certs", "ca.pem"), timeout: "20", helo: "ci.dane.test" }, { ...localIo(), env: {}, label: (k) => k });
  if ("problems" in t) throw new Error(JSON.stringify(t.problems));
  const r = await runTargets([t]);
  expect(r.targets).toHaveLength(1);
  return r.targets[0] as TargetResult;
}

const daneFindings = (t: TargetResult): Finding[] => t.findings.filter((f) => f.id.startsWith("dane-"));
const advice = (f: Finding | undefined): string => (f ? [f.message, ...f.causes, ...f.fixes].join("\n") : "");

interface DaneCase {
  domain: string;
  host: string;
  sender: "deliver" | "refuse";
  secure: boolean;
  /** The tlsa.env name of the matched record's data (`3 1 1 <LEAF_SPKI>`), or null. */
  matched: string | null;
  /** Every DANE finding id, in order. */
  ids: string[];
  /** The finding whose words are checked (default: the first). */
  about?: string;
  must?: RegExp[];
  mustNot?: RegExp[];
}

const CASES: DaneCase[] = [
  // 2 1 1 of the CA, the server sends its leaf alone (RFC 7671 §5.2.2: it must send the anchor).
  // Before: refused (right), but dane-no-match blamed "renewed with a new key before the TLSA
  // records were updated", with no word about the chain.
  {
    domain: "tanochain.dane.test", host: "mx-tanochain.dane.test", sender: "refuse", secure: true, matched: null, ids: ["dane-no-match"],
    must: [/sent its own certificate alone, not the trust anchor/, /RFC 7671 §5\.2\.2/, /Send the chain up to the CA the DANE-TA\(2\) record names/, /DANE-EE needs no chain/],
    mustNot: [/renewed with a new key/],
  },
  // The same leaf-only server under 3 1 1: DANE-EE needs no chain. Before: the same.
  { domain: "eenochain.dane.test", host: "mx-eenochain.dane.test", sender: "deliver", secure: true, matched: "3 1 1 LEAF_SPKI", ids: ["dane-rollover"] },
  // An unusable 0 1 1 beside a matching 3 1 1 (RFC 7672 §3.1.3). Before: the same.
  { domain: "mixed.dane.test", host: "mx-mixed.dane.test", sender: "deliver", secure: true, matched: "3 1 1 LEAF_SPKI", ids: ["dane-rollover"] },
  // The server's key published as 1 1 1 (PKIX-EE), another key's 3 1 1. Before: refused (right),
  // cause "renewed with a new key", though the key the server holds is published.
  {
    domain: "pkix.dane.test", host: "mx-pkix.dane.test", sender: "refuse", secure: true, matched: null, ids: ["dane-rollover", "dane-no-match"], about: "dane-no-match",
    must: [/published as 1 1 1 \(PKIX-EE\)/, /RFC 7672 §3\.1\.3/, /DANE-EE, usage 3\) in place of the 1 1 1 record/],
    mustNot: [/renewed with a new key/],
  },
  // TLSA for the submission ports only. Before: deliver, no finding at all.
  {
    domain: "port.dane.test", host: "mx-port.dane.test", sender: "deliver", secure: true, matched: null, ids: ["dane-tlsa-wrong-name"],
    must: [/no TLSA records at _25\._tcp\.mx-port\.dane\.test/, /_465\._tcp\.mx-port\.dane\.test/, /_587\._tcp\.mx-port\.dane\.test/, /submission ports/],
  },
  // TLSA at the mail domain instead of its MX host. Before: deliver, no finding.
  {
    domain: "atdomain.dane.test", host: "mx-atdomain.dane.test", sender: "deliver", secure: true, matched: null, ids: ["dane-tlsa-wrong-name"],
    must: [/_25\._tcp\.atdomain\.dane\.test/, /at the mail domain, not at its MX host/], mustNot: [/submission ports/],
  },
  // A signed alias (CNAME) into an unsigned zone: its own TLSA records count (RFC 7672 §2.2.3;
  // posttls-finger "Verified"). Before: insecure, "deliver" without DANE, a notice that the
  // target's records are ignored — right by luck here, wrong in the next row.
  { domain: "cname.dane.test", host: "mx-cname.dane.test", sender: "deliver", secure: true, matched: "3 1 1 LEAF_SPKI", ids: ["dane-rollover"] },
  // The same alias with another key's record: Postfix refuses. Before: "deliver" (the gate lied).
  {
    domain: "cnamewrong.dane.test", host: "mx-cnamewrong.dane.test", sender: "refuse", secure: true, matched: null, ids: ["dane-rollover", "dane-no-match"], about: "dane-no-match",
    must: [/is an alias of mx\.insecure\.dane\.test, in an unsigned zone/, /Publish _25\._tcp\.mx-cnamewrong\.dane\.test\. IN TLSA 3 1 1/],
  },
  // The same alias without records of its own: the target's unsigned 3 1 1 is ignored, no DANE.
  // Before: the same verdict, but the notice said the alias "publishes" them and "its DNS is not
  // signed" (the alias's zone is signed; the records are at the target, whose zone is not).
  {
    domain: "cnamebare.dane.test", host: "mx-cnamebare.dane.test", sender: "deliver", secure: false, matched: null, ids: ["dane-tlsa-insecure"],
    must: [/has TLSA records at _25\._tcp\.mx\.insecure\.dane\.test/, /an alias of mx\.insecure\.dane\.test, whose zone is not signed/],
    mustNot: [/its DNS is not signed/],
  },
  // A rollover in progress: the old key's 3 1 1 beside the new one the server holds. Before: the same.
  { domain: "rollover.dane.test", host: "mx-rollover.dane.test", sender: "deliver", secure: true, matched: "3 1 1 LEAF_SPKI", ids: [] },
];

describe.skipIf(!servers.available && !servers.required)("DANE paths (BIND, validating unbound, fronts), posttls-finger beside", () => {
  let d: Record<string, string> = {};
  beforeAll(() => {
    if (!servers.available) throw new Error(`SMTP_GATE_REQUIRE_MTA is set but the DNSSEC servers are not reachable: ${servers.reason}`);
    d = Object.fromEntries(readFileSync(join(DIR, "tlsa.env"), "utf8").trim().split("\n").map((l) => l.split("=") as [string, string]));
  });

  it.each(CASES)("$domain → $sender", { timeout: 120_000 }, async (c) => {
    const t = await probe(c.domain);
    const matched = c.matched ? c.matched.replace(/[A-Z_]+$/, (k) => d[k] ?? k) : null;
    expect(t.dane).toMatchObject({ secure: c.secure, matched, sender: c.sender });
    const found = daneFindings(t);
    expect(found.map((f) => f.id)).toEqual(c.ids);
    // A refusal fails the target; otherwise only the fronts' missing PTR or DANE warnings may warn.
    if (c.sender === "refuse") expect(t.verdict).toBe("fail");
    else expect(t.verdict).not.toBe("fail");
    expect(t.findings.filter((f) => !f.id.startsWith("dane-") && f.id !== "ptr-missing").map((f) => f.id)).toEqual([]);
    const text = advice(c.about ? found.find((f) => f.id === c.about) : found[0]);
    for (const m of c.must ?? []) expect(text).toMatch(m);
    for (const m of c.mustNot ?? []) expect(text).not.toMatch(m);
    const f = await posttlsFinger(c.host);
    expect([f.sender, f.matched], f.out).toEqual([c.sender, matched]);
  });
});
