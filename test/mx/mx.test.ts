// MX expansion against a real DNS server on loopback UDP (test/mx/dns-server.ts): no mocks.
import { Resolver } from "node:dns/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandMx } from "../../src/engine/mx.js";
import { startDnsServer, type DnsServer } from "./dns-server.js";

let dns: DnsServer;
const resolver = (): Resolver => {
  const r = new Resolver({ timeout: 300, tries: 1 });
  r.setServers([`127.0.0.1:${dns.port}`]);
  return r;
};

beforeAll(async () => {
  dns = await startDnsServer({
    "example.com": {
      MX: [
        { preference: 20, exchange: "mx3.example.com" },
        { preference: 10, exchange: "mx2.example.com" },
        { preference: 10, exchange: "mx1.example.com" },
        { preference: 30, exchange: "backup.example.net" },
      ],
    },
    "single.example": { MX: [{ preference: 5, exchange: "Mail.Single.Example." }] },
    "noMx.example": { A: ["192.0.2.10"] },
    "v6only.example": { AAAA: ["2001:db8::25"] },
    "empty.example": {},
    "nullmx.example": { MX: [{ preference: 0, exchange: "." }], A: ["192.0.2.11"] },
    "broken.example": { rcode: "SERVFAIL" },
    "refused.example": { rcode: "REFUSED" },
    "slow.example": { silent: true },
  });
});
afterAll(async () => {
  await dns.close();
});

describe("expandMx", () => {
  it("sorts MX hosts by preference, ties by name", async () => {
    expect(await expandMx("example.com", resolver())).toEqual({
      hosts: [
        { host: "mx1.example.com", preference: 10 },
        { host: "mx2.example.com", preference: 10 },
        { host: "mx3.example.com", preference: 20 },
        { host: "backup.example.net", preference: 30 },
      ],
    });
  });

  it("normalises case and the trailing dot, of the domain and the exchanges", async () => {
    expect(await expandMx("SINGLE.example.", resolver())).toEqual({ hosts: [{ host: "mail.single.example", preference: 5 }] });
  });

  it("falls back to the domain itself when it has no MX but an A record (RFC 5321 §5.1)", async () => {
    expect(await expandMx("nomx.example", resolver())).toEqual({ hosts: [{ host: "nomx.example", preference: 0 }], implicit: true });
    expect(dns.queries).toContain("MX nomx.example");
    expect(dns.queries).toContain("A nomx.example");
  });

  it("falls back on an AAAA record alone too", async () => {
    expect(await expandMx("v6only.example", resolver())).toEqual({ hosts: [{ host: "v6only.example", preference: 0 }], implicit: true });
  });

  it("a name with no MX and no address is a dns error", async () => {
    const r = await expandMx("empty.example", resolver());
    expect(r).toMatchObject({ error: { kind: "dns", code: "ENODATA" } });
    expect("error" in r && r.error.message).toMatch(/no MX and no address records/);
  });

  it("reports a null MX (RFC 7505) as such: no hosts, its own code and message", async () => {
    const r = await expandMx("nullmx.example", resolver());
    expect(r).toMatchObject({ error: { kind: "dns", code: "NULL_MX", nullMx: true } });
    expect("error" in r && r.error.message).toMatch(/null MX \(RFC 7505\).*accepts no mail/);
    // A null MX is an answer: no fallback to the A record.
    expect(dns.queries).not.toContain("A nullmx.example");
  });

  it("NXDOMAIN is a dns error naming it", async () => {
    const r = await expandMx("nowhere.example", resolver());
    expect(r).toMatchObject({ error: { kind: "dns", code: "ENOTFOUND" } });
    expect("error" in r && r.error.message).toMatch(/does not exist \(NXDOMAIN\)/);
  });

  it("SERVFAIL is a dns error, without falling back", async () => {
    const r = await expandMx("broken.example", resolver());
    expect(r).toMatchObject({ error: { kind: "dns", code: "ESERVFAIL" } });
    expect("error" in r && r.error.message).toMatch(/SERVFAIL/);
    expect(dns.queries).not.toContain("A broken.example");
  });

  it("REFUSED is a dns error", async () => {
    expect(await expandMx("refused.example", resolver())).toMatchObject({ error: { kind: "dns", code: "EREFUSED" } });
  });

  it("a server that never answers is a dns error (timeout), not a hang", async () => {
    const r = await expandMx("slow.example", resolver());
    expect(r).toMatchObject({ error: { kind: "dns", code: "ETIMEOUT" } });
  });

  it("a malformed domain is a dns error before any query", async () => {
    const before = dns.queries.length;
    expect(await expandMx("bad domain..example", resolver())).toMatchObject({ error: { kind: "dns", code: "EBADNAME" } });
    expect(dns.queries.length).toBe(before);
  });
});
