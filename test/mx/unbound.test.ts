// Issue 26 item 6, the healthy paths against real software: unbound (scripts/test-dns.sh, on
// 127.0.0.28, zones in scripts/dns/zones.conf) answers every lookup, and the real Postfix on
// 127.0.0.1:2525 takes the probes. Required in CI (SMTP_GATE_REQUIRE_MTA=1); skipped with a
// message locally when they are not running.
import { Resolver } from "node:dns/promises";
import { describe, expect, it } from "vitest";
import { localIo } from "../../src/config/local-io.js";
import { resolveTarget } from "../../src/config/resolve.js";
import type { RawTarget } from "../../src/config/keys.js";
import { runTargets } from "../../src/engine/run.js";

const DNS = "127.0.0.28";
const CA = `${process.env.SMTP_GATE_MTA_DIR ?? "/tmp/smtp-gate-mta"}/ca.pem`;
const required = process.env.SMTP_GATE_REQUIRE_MTA === "1";

async function reachable(): Promise<string | null> {
  const r = new Resolver({ timeout: 500, tries: 1 });
  r.setServers([DNS]);
  try {
    await r.resolve4("mta.smtp-gate.test");
  } catch (e) {
    return `the test DNS server on ${DNS} does not answer (${(e as { code?: string }).code}): run scripts/test-dns.sh start`;
  }
  const { connect } = await import("node:net");
  return new Promise((done) => {
    const s = connect({ host: "127.0.0.1", port: 2525 }, () => (s.destroy(), done(null)));
    s.once("error", () => done("Postfix does not listen on 127.0.0.1:2525: run scripts/test-mta.sh start postfix"));
  });
}
const why = await reachable();
if (why && !required) console.warn(`[test/mx/unbound] skipping: ${why}`);

const target = (raw: RawTarget) => {
  // The domain's MTA-STS is test/mta-sts's: only the lookups and the probe here.
  const t = resolveTarget({ port: "2525", resolver: DNS, ca: CA, helo: "ci.smtp-gate.test", timeout: "10", "mta-sts": "false", ...raw }, { ...localIo(), env: {}, label: (k) => k });
  if ("problems" in t) throw new Error(JSON.stringify(t.problems));
  return t;
};

describe.skipIf(why !== null && !required)("DNS through unbound, probes to Postfix", () => {
  it("the servers answer", () => {
    expect(why).toBeNull();
  });

  it("an mx target: the MX set, the address and its forward-confirmed PTR all from unbound; the probe passes", async () => {
    const report = await runTargets([target({ mx: "plain.sts.test", ip: "4" })]);
    expect(report.targets.map((t) => [t.name, t.address, t.verdict])).toEqual([["mx plain.sts.test → mta.smtp-gate.test (10) [127.0.0.1]", "127.0.0.1", "pass"]]);
    expect(report.targets[0]?.rdns).toEqual({ address: "127.0.0.1", names: ["mta.smtp-gate.test"], confirmed: ["mta.smtp-gate.test"] });
  });

  it("a host target's name is looked up through unbound too (the system resolver does not know it)", async () => {
    const report = await runTargets([target({ host: "mta.smtp-gate.test" })]);
    expect(report.targets.map((t) => [t.address, t.verdict, t.steps[0]?.reply?.code])).toEqual([["127.0.0.1", "pass", 220]]);
  });
});
