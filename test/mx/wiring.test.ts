// `mx` targets through runTargets: expanded from a DNS server on loopback UDP, probed for real.
import { localIo } from "../../src/config/local-io.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveTarget } from "../../src/config/resolve.js";
import { startDemoMta, type DemoMta } from "../../src/demo/mta.js";
import { runTargets } from "../../src/engine/run.js";
import { startDnsServer, type DnsServer } from "./dns-server.js";

let dns: DnsServer;
let mta: DemoMta;
beforeAll(async () => {
  mta = await startDemoMta(0);
  // Exchanges whose addresses are loopback, so the probes reach the demo MTA.
  dns = await startDnsServer({
    "example.com": { MX: [{ preference: 20, exchange: "mx2.example.com" }, { preference: 10, exchange: "mx1.example.com" }] },
    "mx1.example.com": { A: ["127.0.0.1"] },
    "mx2.example.com": { A: ["127.0.0.1"] },
    "nullmx.example": { MX: [{ preference: 0, exchange: "." }] },
    "broken.example": { rcode: "SERVFAIL" },
  });
});
afterAll(async () => {
  await dns.close();
  await mta.close();
});

const resolver = () => ({ host: "127.0.0.1", port: dns.port });
const mxTarget = (domain: string) => {
  const t = resolveTarget({ mx: domain, port: mta.port, tls: "none", helo: "ci.example.com" }, { env: {}, label: (k) => k, ...localIo() });
  if ("problems" in t) throw new Error(JSON.stringify(t.problems));
  return t;
};

describe("mx targets", () => {
  it("one target per MX host and address, in preference order, named after the domain", async () => {
    const report = await runTargets([mxTarget("example.com")], { resolver: resolver() });
    expect(report.targets.map((t) => [t.name, t.host, t.address, t.mxHost])).toEqual([
      ["mx example.com → mx1.example.com (10) [127.0.0.1]", "mx1.example.com", "127.0.0.1", "mx1.example.com"],
      ["mx example.com → mx2.example.com (20) [127.0.0.1]", "mx2.example.com", "127.0.0.1", "mx2.example.com"],
    ]);
    // Both probes reached the demo MTA; neither address has a PTR in this zone (a warning each).
    expect(report.targets.map((t) => t.steps[0]?.reply?.code)).toEqual([220, 220]);
    expect(report.targets.map((t) => t.findings.map((f) => f.id))).toEqual([["ptr-missing"], ["ptr-missing"]]);
  });

  it("a DNS failure is that target's result, error kind dns, with a finding; the others still run", async () => {
    const plain = resolveTarget({ host: "127.0.0.1", port: mta.port, tls: "none", helo: "ci.example.com" }, { env: {}, label: (k) => k, ...localIo() });
    if ("problems" in plain) throw new Error("bad target");
    const report = await runTargets([mxTarget("broken.example"), plain, mxTarget("nullmx.example")], { resolver: resolver() });
    expect(report.targets.map((t) => [t.name, t.verdict, t.error?.kind ?? null])).toEqual([
      ["mx broken.example", "fail", "dns"],
      [`127.0.0.1:${mta.port}`, "pass", null],
      ["mx nullmx.example", "fail", "dns"],
    ]);
    expect(report.targets[0]?.error?.message).toMatch(/SERVFAIL/);
    expect(report.targets[2]?.error?.message).toMatch(/null MX/);
    expect(report.targets[0]?.findings.map((f) => f.id)).toEqual(["dns-failure"]);
    expect(report.targets[2]?.findings.map((f) => f.id)).toEqual(["null-mx"]);
  });

  it("host and mx together is a configuration error", () => {
    expect(resolveTarget({ host: "a.example", mx: "example.com" }, { env: {}, label: (k) => k, ...localIo() })).toHaveProperty("problems");
  });
});
