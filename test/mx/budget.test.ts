// Issue 26 item 6: DNS within the budget. Every query is bounded by the timeout and a target's
// whole expansion by its deadline; lookups go out at once (with a bound); the configured resolver
// answers host names too; through SOCKS5 names go to the proxy; addresses that can never be a
// remote MTA are not connected to. Counts of queries and results, never elapsed time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localIo } from "../../src/config/local-io.js";
import { resolveTarget } from "../../src/config/resolve.js";
import type { RawTarget } from "../../src/config/keys.js";
import { DNS_CONCURRENCY, createResolver, runDns } from "../../src/engine/dns.js";
import { runTargets } from "../../src/engine/run.js";
import type { TargetResult } from "../../src/model/report.js";
import { startScriptedSmtp, type ScriptedServer } from "../support/scripted-server.js";
import { startSocks5Server, type Socks5Server } from "../support/socks5-server.js";
import { startDnsServer, type DnsServer, type Zone } from "./dns-server.js";

const HOST = "127.0.0.36";
const SILENT_HOSTS = Array.from({ length: 20 }, (_, i) => `mx${i + 1}.silent.test`);
const NEVER: Record<string, Zone> = {
  "zero.never.test": { A: ["0.0.0.0"] },
  "metadata.never.test": { A: ["169.254.169.254"] },
  "multicast.never.test": { A: ["224.0.0.251"], AAAA: ["ff02::1"] },
  "broadcast.never.test": { A: ["255.255.255.255"] },
  "linklocal.never.test": { AAAA: ["fe80::1"] },
  "unspecified6.never.test": { AAAA: ["::"] },
};

let dns: DnsServer;
let smtp: ScriptedServer;
let socks: Socks5Server;
beforeAll(async () => {
  smtp = await startScriptedSmtp({ greeting: "220 mx.budget.test ESMTP\r\n", EHLO: "250-mx.budget.test\r\n250 PIPELINING\r\n" });
  socks = await startSocks5Server();
  dns = await startDnsServer({
    // 20 MX hosts whose A and AAAA queries are never answered.
    "silent.test": { MX: SILENT_HOSTS.map((exchange, i) => ({ preference: 10 + i, exchange })) },
    ...Object.fromEntries(SILENT_HOSTS.map((h) => [h, { silent: true }])),
    // Names only this server knows: the system resolver would say NXDOMAIN.
    "only-here.budget.test": { A: ["127.0.0.1"] },
    "mixed.budget.test": { A: ["0.0.0.0", "127.0.0.1"] },
    "socks.budget.test": { A: ["127.0.0.1"] },
    "never.test": { MX: Object.keys(NEVER).map((exchange, i) => ({ preference: i, exchange })) },
    ...NEVER,
  }, { host: HOST });
});
afterAll(async () => {
  await smtp?.close();
  await socks?.close();
  await dns?.close();
});

const target = (raw: RawTarget) => {
  // The domains' MTA-STS and TLS-RPT lookups are another suite's (test/mta-sts): only the budget here.
  const t = resolveTarget({ tls: "none", helo: "ci.example.com", port: String(smtp.port), timeout: "0.3", "mta-sts": "false", ...raw }, { env: {}, label: (k) => k, ...localIo() });
  if ("problems" in t) throw new Error(JSON.stringify(t.problems));
  return t;
};
const run = (raw: RawTarget) => runTargets([target(raw)], { resolver: { host: HOST, port: dns.port } });
const asked = (from: number) => dns.queries.slice(from);

describe("the budget", () => {
  it("20 MX hosts whose address queries go unanswered: each is a dns result, each query asked once, none connected", async () => {
    const before = dns.queries.length;
    const report = await run({ mx: "silent.test", deadline: "0.5" });
    expect(report.targets).toHaveLength(20);
    for (const t of report.targets) {
      expect(t.error?.kind).toBe("dns");
      // Cut by the query's timeout or by the target's deadline, whichever came first on this machine.
      expect(t.error?.message).toMatch(/ETIMEOUT|deadline/);
      expect(t.steps).toEqual([]);
    }
    const q = asked(before);
    expect(q.filter((x) => x === "MX silent.test")).toHaveLength(1);
    // Each (host, type) asked by one lookup: at most c-ares' two tries, never once per target or retry of ours.
    const perQuestion = new Map<string, number>();
    for (const x of q) perQuestion.set(x, (perQuestion.get(x) ?? 0) + 1);
    expect(Math.max(...perQuestion.values())).toBeLessThanOrEqual(2);
    expect([...perQuestion.keys()].every((x) => x === "MX silent.test" || /^(A|AAAA) mx\d+\.silent\.test$/.test(x))).toBe(true);
  });

  it("an MX set's lookups go out at once: a server that answers only when 8 queries wait answers them all", async () => {
    const held = await startDnsServer({
      "held.test": { MX: [1, 2, 3, 4].map((n) => ({ preference: n, exchange: `mx${n}.held.test` })) },
      ...Object.fromEntries([1, 2, 3, 4].map((n) => [`mx${n}.held.test`, { A: ["127.0.0.1"], AAAA: ["::1"] }])),
    }, { host: HOST });
    try {
      // The MX query goes alone: let it through, then hold the 8 A/AAAA queries until all are there.
      const resolver = createResolver({ host: HOST, port: held.port }, 2000);
      const first = await resolver.resolveMx("held.test");
      expect(first).toHaveLength(4);
      await held.close();
      const gate = await startDnsServer({
        "held.test": { MX: [1, 2, 3, 4].map((n) => ({ preference: n, exchange: `mx${n}.held.test` })) },
        ...Object.fromEntries([1, 2, 3, 4].map((n) => [`mx${n}.held.test`, { A: ["127.0.0.1"], AAAA: ["::1"] }])),
      }, { host: HOST, holdUntil: 8 });
      try {
        const d = runDns(createResolver({ host: HOST, port: gate.port }, 2000));
        const all = await Promise.all([1, 2, 3, 4].flatMap((n) => [d.addresses(`mx${n}.held.test`, 4), d.addresses(`mx${n}.held.test`, 6)]));
        expect(all).toEqual([1, 2, 3, 4].flatMap(() => [["127.0.0.1"], ["::1"]]));
        expect(gate.queries).toHaveLength(8);
      } finally {
        await gate.close();
      }
    } finally {
      await held.close().catch(() => {});
    }
  });

  it(`at most ${DNS_CONCURRENCY} queries wait at once: the next goes out only when one is given up`, async () => {
    const names = Array.from({ length: DNS_CONCURRENCY + 1 }, (_, i) => `h${i}.bound.test`);
    // Answers held until DNS_CONCURRENCY + 1 questions wait: while the bound holds, only the
    // last question, asked once the others were given up, gets there — and it is answered.
    const gate = await startDnsServer(Object.fromEntries(names.map((n) => [n, { A: ["127.0.0.1"] }])), { host: HOST, holdUntil: DNS_CONCURRENCY + 1 });
    try {
      const d = runDns(createResolver({ host: HOST, port: gate.port }, 300));
      const all = await Promise.all(names.map((n) => d.addresses(n, 4)));
      // All at once, every one would have been answered: with the bound, the first ones time out
      // (all of them, unless an answer slips in as their timers fire), and the last is answered.
      expect(all[DNS_CONCURRENCY]).toEqual(["127.0.0.1"]);
      const timedOut = all.filter((r) => !Array.isArray(r));
      expect(timedOut.length).toBeGreaterThanOrEqual(1);
      expect(timedOut.every((r) => (r as { code: string }).code === "ETIMEOUT")).toBe(true);
    } finally {
      await gate.close();
    }
  });
});

describe("--resolver for every lookup", () => {
  it("a host target's name is looked up through the configured resolver, not the system's", async () => {
    const before = dns.queries.length;
    const report = await run({ host: "only-here.budget.test" });
    expect(report.targets.map((t) => [t.verdict, t.address, t.steps[0]?.reply?.code])).toEqual([["pass", "127.0.0.1", 220]]);
    expect(asked(before)).toEqual(expect.arrayContaining(["A only-here.budget.test", "AAAA only-here.budget.test"]));
  });

  it("through the CLI too", async () => {
    const { ensureBuilt, runNode } = await import("../support/built.js");
    const r = await runNode(ensureBuilt().cli, ["--host", "only-here.budget.test", "--port", String(smtp.port), "--tls", "none", "--helo", "ci.example.com", "--resolver", `${HOST}:${dns.port}`, "--format", "json"], {});
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(JSON.parse(r.stdout).targets[0]).toMatchObject({ verdict: "pass", address: "127.0.0.1" });
  });
});

describe("addresses that can never be a remote MTA", () => {
  const ids = (t: TargetResult | undefined) => t?.findings.map((f) => f.id);
  it("every MX address of that kind is a failed target with a finding saying why, and is not connected to", async () => {
    const report = await run({ mx: "never.test" });
    const byAddress = Object.fromEntries(report.targets.map((t) => [/\[(.*)\]$/.exec(t.name)?.[1], t]));
    expect(Object.keys(byAddress).sort()).toEqual(["0.0.0.0", "169.254.169.254", "224.0.0.251", "255.255.255.255", "::", "fe80::1", "ff02::1"]);
    for (const t of report.targets) {
      expect(t.verdict).toBe("fail");
      expect(t.error?.kind).toBe("dns");
      expect(t.steps).toEqual([]);
      expect(t.transcript).toEqual([]);
      expect(ids(t)).toEqual(["unroutable-address"]);
      expect(t.error?.message).toMatch(/can never be a remote MTA, so smtp-gate did not connect to it/);
    }
    expect(byAddress["169.254.169.254"]?.error?.message).toMatch(/instance-metadata/);
    expect(byAddress["0.0.0.0"]?.error?.message).toMatch(/reaches the runner itself/);
    expect(byAddress["255.255.255.255"]?.error?.message).toMatch(/broadcast/);
    expect(byAddress["ff02::1"]?.error?.message).toMatch(/multicast/);
  });

  it("a host given as such an address is not connected to; loopback still is", async () => {
    for (const host of ["0.0.0.0", "169.254.169.254", "::ffff:169.254.169.254"]) {
      const [t] = (await run({ host })).targets;
      expect([t?.verdict, t?.error?.kind, ids(t), t?.steps]).toEqual(["fail", "dns", ["unroutable-address"], []]);
    }
    expect((await run({ host: "127.0.0.1" })).targets[0]?.verdict).toBe("pass");
  });

  it("a host name with one such address and one usable: only the usable one is connected to, and a warning names the other", async () => {
    const report = await run({ host: "mixed.budget.test" });
    expect(report.targets.map((t) => [t.verdict, t.address])).toEqual([["warn", "127.0.0.1"]]);
    const f = report.targets[0]?.findings.find((x) => x.id === "unroutable-address");
    expect(f?.severity).toBe("warning");
    expect(f?.message).toMatch(/^mixed\.budget\.test also resolves to 0\.0\.0\.0 \(.*runner itself\).*probed 127\.0\.0\.1/);
    expect(f?.fixes[0]).toContain("`dig +short A mixed.budget.test`");
  });
});

describe("through a SOCKS5 proxy, names go to the proxy", () => {
  it("a host target's name is not looked up here either", async () => {
    const before = dns.queries.length;
    const report = await run({ host: "only-at-the-proxy.test", socks5: `127.0.0.1:${socks.port}` });
    expect(report.targets[0]?.verdict).toBe("pass");
    expect(socks.requests.at(-1)).toEqual({ atyp: 3, host: "only-at-the-proxy.test", port: smtp.port });
    expect(asked(before)).toEqual([]);
  });

  it("the proxy's own name is looked up through the configured resolver; the target's still goes to the proxy", async () => {
    const before = dns.queries.length;
    const report = await run({ host: "only-at-the-proxy.test", socks5: `socks.budget.test:${socks.port}` });
    expect(report.targets[0]?.verdict).toBe("pass");
    expect(socks.requests.at(-1)).toEqual({ atyp: 3, host: "only-at-the-proxy.test", port: smtp.port });
    expect(asked(before).sort()).toEqual(["A socks.budget.test", "AAAA socks.budget.test"]);
  });

  it("every-address with socks5 is a configuration error naming the key", () => {
    const r = resolveTarget({ host: "mx.example.com", "every-address": true, socks5: "127.0.0.1:1080" }, { env: {}, label: (k) => k, ...localIo() });
    expect(r).toHaveProperty("problems");
    expect(r).toMatchObject({ problems: [{ field: "every-address", message: expect.stringMatching(/^cannot be used with socks5: the proxy resolves the host name/) }] });
  });
});
