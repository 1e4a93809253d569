// Issue 19: every address of every MX, both IP families, and forward-confirmed reverse DNS — with
// the DNS stand-in and one MX host listening on 127.0.0.1 (healthy) and ::1 (refusing) on one port.
import { localIo } from "../../src/config/local-io.js";
import net from "node:net";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderBaseline } from "../../src/report/baseline.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveTarget } from "../../src/config/resolve.js";
import type { RawTarget } from "../../src/config/keys.js";
import { reverseName } from "../../src/engine/dns.js";
import { runTargets } from "../../src/engine/run.js";
import { fnv1a } from "../../src/model/shard.js";
import type { TargetResult } from "../../src/model/report.js";
import { startScriptedSmtp, type ScriptedServer } from "../support/scripted-server.js";
import { ensureBuilt, runNode } from "../support/built.js";
import { startDnsServer, type DnsServer } from "./dns-server.js";

let dns: DnsServer;
let v4: ScriptedServer;
let v6: net.Server;
const v6Sockets = new Set<net.Socket>();
let port: number;

beforeAll(async () => {
  v4 = await startScriptedSmtp({ greeting: "220 mx1.mail.test ESMTP\r\n", EHLO: "250-mx1.mail.test\r\n250 PIPELINING\r\n" });
  port = v4.port;
  // The same port on ::1 refuses every session: the IPv6 path is broken, the IPv4 one is not.
  v6 = net.createServer((s) => {
    v6Sockets.add(s);
    s.once("close", () => v6Sockets.delete(s));
    s.on("error", () => {});
    s.end("554 5.7.1 mx1.mail.test: no service on this address\r\n");
  });
  await new Promise<void>((resolve, reject) => v6.once("error", reject).listen(port, "::1", resolve));
  dns = await startDnsServer({
    "mail.test": { MX: [{ preference: 10, exchange: "mx1.mail.test" }] },
    "mx1.mail.test": { A: ["127.0.0.1"], AAAA: ["::1"] },
    // IPv4's PTR confirms and names the MX host; IPv6's names a host without that AAAA record.
    [reverseName("127.0.0.1")]: { PTR: ["mx1.mail.test"] },
    [reverseName("::1")]: { PTR: ["generic-1.provider.example"] },
    "generic-1.provider.example": { AAAA: ["2001:db8::99"] },
    "nullmx.test": { MX: [{ preference: 0, exchange: "." }] },
  });
});
afterAll(async () => {
  await v4?.close();
  for (const s of v6Sockets) s.destroy();
  await new Promise<void>((r) => (v6 ? v6.close(() => r()) : r()));
  await dns?.close();
});

const resolved = (raw: RawTarget) => {
  const t = resolveTarget({ tls: "none", helo: "ci.example.com", port: String(port), timeout: "2", ...raw }, { env: {}, label: (k) => k, ...localIo() });
  if ("problems" in t) throw new Error(JSON.stringify(t.problems));
  return t;
};
const run = (raw: RawTarget) => runTargets([resolved(raw)], { resolver: { host: "127.0.0.1", port: dns.port } });
const ids = (t: TargetResult | undefined) => t?.findings.map((f) => f.id) ?? [];

describe("mx: one target per (MX host, address), both families", () => {
  it("IPv6 fails, IPv4 passes: two targets with their verdicts, the comparison, and the PTR findings", async () => {
    const report = await run({ mx: "mail.test" });
    expect(report.targets.map((t) => [t.name, t.address, t.mxHost, t.verdict])).toEqual([
      ["mx mail.test → mx1.mail.test (10) [::1]", "::1", "mx1.mail.test", "fail"],
      ["mx mail.test → mx1.mail.test (10) [127.0.0.1]", "127.0.0.1", "mx1.mail.test", "pass"],
    ]);
    const [six, four] = report.targets;
    // The IPv6 address: its PTR does not confirm, and it disagrees with the IPv4 one.
    expect(ids(six)).toEqual(expect.arrayContaining(["ptr-mismatch", "addresses-disagree"]));
    expect(six?.findings.find((f) => f.id === "ptr-mismatch")?.message).toContain("generic-1.provider.example, which does not resolve back to ::1");
    expect(six?.findings.find((f) => f.id === "addresses-disagree")?.message).toMatch(/::1 \(IPv6\) fails while 127\.0\.0\.1 \(IPv4\) passes/);
    // The IPv4 address: forward-confirmed, names the MX host: no PTR finding.
    expect(four?.rdns).toEqual({ address: "127.0.0.1", names: ["mx1.mail.test"], confirmed: ["mx1.mail.test"] });
    expect(ids(four)).toEqual([]);
    // Each address was really connected to.
    expect(six?.steps[0]?.reply?.code).toBe(554);
    expect(four?.steps[0]?.reply?.code).toBe(220);
  });

  it("ip: 4 gives one target; ip: 6 the other", async () => {
    expect((await run({ mx: "mail.test", ip: "4" })).targets.map((t) => t.address)).toEqual(["127.0.0.1"]);
    expect((await run({ mx: "mail.test", ip: "6" })).targets.map((t) => t.address)).toEqual(["::1"]);
  });

  it("a host target connects as before, unless every-address is set", async () => {
    expect((await run({ host: "127.0.0.1" })).targets.map((t) => [t.name, t.address, t.rdns])).toEqual([[`127.0.0.1:${port}`, "127.0.0.1", undefined]]);
    const every = await run({ host: "mx1.mail.test", "every-address": true });
    expect(every.targets.map((t) => [t.name, t.address, t.mxHost])).toEqual([
      [`mx1.mail.test:${port} [::1]`, "::1", undefined],
      [`mx1.mail.test:${port} [127.0.0.1]`, "127.0.0.1", undefined],
    ]);
  });

  it("a null MX and an unknown domain keep their dns results", async () => {
    const report = await run({ mx: "nullmx.test" });
    expect(report.targets.map((t) => [t.error?.kind, ids(t)])).toEqual([["dns", ["null-mx"]]]);
    const nx = await run({ mx: "nowhere.test" });
    expect(nx.targets[0]?.error?.kind).toBe("dns");
  });

  it("--shard splits by address: a matrix's shards are disjoint, cover every address, and may split one MX host", async () => {
    const t = resolved({ mx: "mail.test" });
    const r = { host: "127.0.0.1", port: dns.port };
    // A shard count under which the two addresses' names fall into different shards.
    const names = (await runTargets([t], { resolver: r })).targets.map((x) => x.name);
    const count = [2, 3, 4, 5, 6, 7, 8].find((n) => fnv1a(names[0] as string) % n !== fnv1a(names[1] as string) % n) as number;
    const shards = await Promise.all(Array.from({ length: count }, (_, i) => runTargets([t], { resolver: r, shard: { index: i + 1, count } })));
    const addresses = shards.map((x) => x.targets.map((y) => y.address));
    expect(addresses.flat().sort()).toEqual(["127.0.0.1", "::1"]);
    expect(addresses.filter((a) => a.length > 0)).toHaveLength(2);
  });

  it("every lookup went to the configured resolver, PTR included", async () => {
    const before = dns.queries.length;
    await run({ mx: "mail.test" });
    const asked = dns.queries.slice(before);
    expect(asked).toEqual(expect.arrayContaining(["MX mail.test", "A mx1.mail.test", "AAAA mx1.mail.test", `PTR ${reverseName("127.0.0.1")}`, `PTR ${reverseName("::1")}`]));
  });
});

describe("configuration of how a target is reached", () => {
  const problems = (raw: RawTarget) => {
    const r = resolveTarget({ host: "mx.example.com", ...raw }, { env: { PROXY_PW: "pw" }, label: (k) => k, ...localIo() });
    return "problems" in r ? r.problems.map((p) => `${p.field}: ${p.message}`) : [];
  };
  it.each<[RawTarget, RegExp]>([
    [{ resolver: "not a host" }, /^resolver: .*not HOST\[:PORT\]/],
    [{ resolver: "127.0.0.1:70000" }, /^resolver: .*port outside/],
    [{ ip: "5" }, /^ip: must be 4 or 6/],
    [{ "proxy-protocol": "v3" }, /^proxy-protocol: must be v1 or v2, not "v3"/],
    [{ socks5: "proxy.example.com:abc" }, /^socks5: /],
    [{ socks5: "127.0.0.1:1080", "socks5-username": "u" }, /the SOCKS5 proxy's username and password go together/],
    [{ "socks5-username": "u", "socks5-password-env": "PROXY_PW" }, /^socks5: is required/],
    [{ mx: "example.com", host: undefined, socks5: "127.0.0.1:1080" }, /^socks5: does not go with mx/],
  ])("%j: a configuration error naming the key", (raw, want) => {
    expect(problems(raw)).toEqual([expect.stringMatching(want)]);
  });
  it("good values resolve", () => {
    const r = resolveTarget({ host: "mx.example.com", resolver: "[::1]:5353", ip: "6", "proxy-protocol": "V2", socks5: "bastion.example.com", "socks5-username": "u", "socks5-password-env": "PROXY_PW" }, { env: { PROXY_PW: "pw" }, label: (k) => k, ...localIo() });
    expect(r).toMatchObject({ resolver: { host: "::1", port: 5353 }, ip: 6, proxyProtocol: "v2", socks5: { host: "bastion.example.com", port: 1080, credentials: { username: "u", password: "pw" } } });
  });
  it("through the CLI: exit 2, the option named, nothing sent", async () => {
    const before = await v4.connectionsBeforeNow();
    const run = await runNode(ensureBuilt().cli, ["--host", "127.0.0.1", "--port", String(v4.port), "--resolver", "bad value"], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--resolver");
    // Between the two markers only the first one connected.
    expect(await v4.connectionsBeforeNow()).toBe(before + 1);
  });
});

describe("the job summary groups addresses under their MX host", () => {
  it("the MX host first, with each family's verdict, then its addresses", async () => {
    const { renderJobSummary } = await import("../../src/report/job-summary.js");
    const report = await run({ mx: "mail.test" });
    const lines = renderJobSummary(report).split("\n");
    const at = lines.findIndex((l) => l.startsWith("- **mx1.mail.test**"));
    expect(lines[at]).toBe("- **mx1.mail.test**: IPv6 ❌, IPv4 ✅");
    expect(lines[at + 1]).toMatch(/^ {2}- ❌ .*::1/);
    expect(lines[at + 2]).toMatch(/^ {2}- ✅ .*127\.0\.0\.1/);
  });
});

describe("baseline for an mx target: one entry per address, looked up per address", () => {
  it("a baseline written from an mx run matches the next mx run (no baseline-missing), and drift is per address", async () => {
    const dir = mkdtempSync(join(tmpdir(), "smtp-gate-mx-baseline-"));
    const file = join(dir, "baseline.json");
    const first = await run({ mx: "mail.test", ip: "4" });
    writeFileSync(file, renderBaseline(first));
    expect(Object.keys((JSON.parse(readFileSync(file, "utf8")) as { targets: object }).targets)).toEqual(["mx mail.test → mx1.mail.test (10) [127.0.0.1]"]);
    const second = await run({ mx: "mail.test", ip: "4", baseline: file });
    expect(second.targets.map((t) => [t.name, ids(t).filter((id) => id.startsWith("baseline-"))])).toEqual([["mx mail.test → mx1.mail.test (10) [127.0.0.1]", []]]);
    // The IPv6 address was not in that baseline: it alone says so.
    const both = await run({ mx: "mail.test", baseline: file });
    expect(both.targets.filter((t) => !t.error).map((t) => [t.address, ids(t).includes("baseline-missing")])).toEqual([["127.0.0.1", false]]);
    rmSync(dir, { recursive: true, force: true });
  });
});
