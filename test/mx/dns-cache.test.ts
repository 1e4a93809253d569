/**
 * The run's DNS keeps the most recently asked answers, not every answer of the run: what many
 * targets share is asked once, and a fleet of 100,000 domains does not hold 100,000 answers.
 */
import { describe, expect, it } from "vitest";
import { RecentlyUsed, createResolver, runDns } from "../../src/engine/dns.js";
import { startDnsServer } from "./dns-server.js";

const HOST = "127.0.0.36";

describe("RecentlyUsed", () => {
  it("keeps the most recently used entries, a hit counting as a use", () => {
    const c = new RecentlyUsed<number>(2);
    c.set("a", 1);
    c.set("b", 2);
    expect(c.get("a")).toBe(1); // a is now the most recent
    c.set("c", 3); // b goes
    expect([c.get("a"), c.get("b"), c.get("c")]).toEqual([1, undefined, 3]);
    c.set("a", 10); // a replaced, not added twice
    c.set("d", 4); // c goes
    expect([c.get("a"), c.get("c"), c.get("d")]).toEqual([10, undefined, 4]);
  });
});

describe("the run's DNS cache", () => {
  it("answers a name asked again from the cache while it is recent, and asks the server again once it is not", async () => {
    const names = ["a.cache.test", "b.cache.test", "c.cache.test"];
    const dns = await startDnsServer(Object.fromEntries(names.map((n) => [n, { A: ["127.0.0.1"] }])), { host: HOST });
    try {
      const d = runDns(createResolver({ host: HOST, port: dns.port }, 2000), 2);
      const asked = () => dns.queries.filter((q) => q.includes("a.cache.test")).length;
      await d.addresses("a.cache.test", 4);
      await d.addresses("a.cache.test", 4);
      expect(asked()).toBe(1);
      await d.addresses("b.cache.test", 4);
      await d.addresses("c.cache.test", 4); // a is the least recent of three: it goes
      await d.addresses("a.cache.test", 4);
      expect(asked()).toBe(2);
    } finally {
      await dns.close();
    }
  });
});
