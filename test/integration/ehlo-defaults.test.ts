// RFC 5321 §4.1.4: the EHLO name is the client's fully qualified domain name or, failing that,
// the address literal of its end of the connection. On a host whose name has no dot (a
// GitHub-hosted runner's), the probe says `EHLO [127.0.0.1]` — never an invented name — and the
// default sender is `smtp-gate@[127.0.0.1]` (RFC 5321 §4.1.3 allows an address-literal domain).
import { afterEach, describe, expect, it } from "vitest";
import { resolveTarget, type ResolveContext } from "../../src/config/resolve.js";
import type { TargetConfig } from "../../src/config/target.js";
import type { TargetKey } from "../../src/config/keys.js";
import { addressLiteral } from "../../src/protocol/address.js";
import { startScriptedSmtp } from "../support/scripted-server.js";
import { startSocks5Server } from "../support/socks5-server.js";
import { EHLO_REPLY, Servers, commands, probe } from "./helpers.js";

const servers = new Servers();
afterEach(() => servers.closeAll());

const ctx = (hostname: string): ResolveContext => ({ env: { P: "secret" }, label: (k: TargetKey) => k, hostname, readFile: () => ({ problem: "no files here" }) });
function resolved(raw: Record<string, unknown>, hostname: string): TargetConfig {
  const t = resolveTarget(raw, ctx(hostname));
  if ("problems" in t) throw new Error(JSON.stringify(t.problems));
  return t;
}

describe("the default EHLO name and sender", () => {
  it.each(["runnervm3x1", "localhost", "box.localdomain", "bad_name.example"])("a host named %j has no FQDN: both wait for the connection", (hostname) => {
    const t = resolved({ host: "smtp.example.com" }, hostname);
    expect([t.helo, t.from]).toEqual([null, null]);
  });

  it("a fully qualified host name is the EHLO name, and the sender's domain", () => {
    const t = resolved({ host: "smtp.example.com" }, "ci-7.build.example.org");
    expect([t.helo, t.from]).toEqual(["ci-7.build.example.org", "smtp-gate@ci-7.build.example.org"]);
  });

  it("a given helo is kept as given, and the username (a mailbox) is the sender", () => {
    const t = resolved({ host: "smtp.example.com", helo: "[192.0.2.10]", username: "app@example.com", "password-env": "P" }, "runner");
    expect([t.helo, t.from]).toEqual(["[192.0.2.10]", "app@example.com"]);
  });

  it("on the wire: EHLO and MAIL FROM name the local end's address literal", async () => {
    const srv = servers.add(await startScriptedSmtp({ EHLO: EHLO_REPLY, MAIL: "250 2.1.0 Ok\r\n", RCPT: "250 2.1.5 Ok\r\n", RSET: "250 2.0.0 Ok\r\n" }));
    const t = resolved({ host: "127.0.0.1", port: String(srv.port), tls: "none", to: "postmaster@example.com", pipelining: "off" }, "runner");
    const r = await probe(t);
    const sent = commands(r);
    expect(sent[1]).toMatch(/^EHLO \[127\.\d+\.\d+\.\d+\]$/);
    const literal = (sent[1] as string).slice("EHLO ".length);
    expect(sent[2]).toBe(`MAIL FROM:<smtp-gate@${literal}>`);
    expect(r.verdict).toBe("pass");
  });

  it.each([
    ["192.0.2.10", "[192.0.2.10]"],
    ["::ffff:192.0.2.10", "[192.0.2.10]"],
    ["2001:db8::1", "[IPv6:2001:db8::1]"],
  ])("addressLiteral(%j) is %s", (ip, want) => {
    expect(addressLiteral(ip)).toBe(want);
  });
});

describe("the default EHLO name through a SOCKS5 proxy", () => {
  it("is the address the proxy connected from (BND.ADDR), which the server sees; 0.0.0.0 falls back to our end", async () => {
    const srv = servers.add(await startScriptedSmtp({ EHLO: EHLO_REPLY }));
    // The proxy connects from 127.0.0.27 (this suite's own loopback address), we from 127.0.0.1.
    const proxy = servers.add(await startSocks5Server({ fromAddress: "127.0.0.27" }));
    const t = resolved({ host: "127.0.0.1", port: String(srv.port), tls: "none", socks5: `127.0.0.1:${proxy.port}` }, "runner");
    const r = await probe(t);
    expect(commands(r)[1]).toBe("EHLO [127.0.0.27]");
    const zeros = servers.add(await startSocks5Server({ fromAddress: "127.0.0.27", bound: "zeros" }));
    const r2 = await probe(resolved({ host: "127.0.0.1", port: String(srv.port), tls: "none", socks5: `127.0.0.1:${zeros.port}` }, "runner"));
    expect(commands(r2)[1]).toMatch(/^EHLO \[127\.0\.0\.1\]$/);
  });
});
