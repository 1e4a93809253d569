// Issue 20 at the session: a SOCKS5 tunnel (RFC 1928, RFC 1929) to a scripted server through a
// loopback proxy stand-in, TLS through it, and the HAProxy PROXY header (v1 text, v2 binary)
// read by servers that require it.
import net from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { SmtpSession, type SessionOptions } from "../../src/session/session.js";
import { startScriptedServer, startScriptedSmtp, type ScriptAction } from "../support/scripted-server.js";
import { startSocks5Server, type Socks5ServerOptions } from "../support/socks5-server.js";
import { makeCerts, type TestCerts } from "../support/certs.js";
import { Servers, probe, target } from "./helpers.js";

const servers = new Servers();
const sessions: SmtpSession[] = [];
let certs: TestCerts;
beforeAll(async () => {
  certs = await makeCerts();
});
afterEach(async () => {
  for (const s of sessions.splice(0)) s.close();
  await servers.closeAll();
});

function session(over: Partial<SessionOptions> & { port: number }): SmtpSession {
  const s = new SmtpSession({ host: "127.0.0.1", implicitTls: false, insecure: false, timeoutMs: 1000, redact: (x) => x, ...over });
  sessions.push(s);
  return s;
}

const GREET: ScriptAction[] = [{ send: "220 mx.test ESMTP\r\n" }, { expect: "QUIT" }, { send: "221 bye\r\n" }, { close: true }];

async function proxy(opts: Socks5ServerOptions = {}) {
  return servers.add(await startSocks5Server(opts));
}

describe("through a SOCKS5 proxy", () => {
  it("a host name goes to the proxy as a domain name (ATYP 3); the greeting arrives through the tunnel", async () => {
    const srv = servers.add(await startScriptedServer(GREET));
    const p = await proxy();
    const s = session({ host: "mail.smtp-gate.test", port: srv.port, socks5: { host: "127.0.0.1", port: p.port, credentials: null } });
    expect(await s.connect()).toBeNull();
    expect(await s.readReply()).toMatchObject({ code: 220 });
    expect(p.requests).toEqual([{ atyp: 3, host: "mail.smtp-gate.test", port: srv.port }]);
    // Through a proxy the real peer is unknown: never treated as loopback.
    expect(s.remoteAddress).toBeUndefined();
    expect(s.transcript.entries.map((e) => e.text)).toContain(`connecting to mail.smtp-gate.test:${srv.port} through the SOCKS5 proxy 127.0.0.1:${p.port}`);
  });

  it("an address goes as an address (ATYP 1), with RFC 1929 username and password", async () => {
    const srv = servers.add(await startScriptedServer(GREET));
    const p = await proxy({ credentials: { username: "bastion", password: "proxy-pw" } });
    const s = session({ port: srv.port, socks5: { host: "127.0.0.1", port: p.port, credentials: { username: "bastion", password: "proxy-pw" } } });
    expect(await s.connect()).toBeNull();
    expect(await s.readReply()).toMatchObject({ code: 220 });
    expect(p.requests).toEqual([{ atyp: 1, host: "127.0.0.1", port: srv.port, username: "bastion" }]);
  });

  it.each([
    [{ reply: 5 }, null, /connection refused by destination/],
    [{ reply: 3 }, null, /network unreachable/],
    [{ reply: 2 }, null, /not allowed by the proxy's rules/],
    [{ credentials: { username: "u", password: "right" } }, { username: "u", password: "wrong" }, /refused the username and password/],
    [{ credentials: { username: "u", password: "right" } }, null, /none of the offered authentication methods/],
    [{ misbehave: "garbage" as const }, null, /does not speak SOCKS version 5/],
    [{ misbehave: "reset" as const }, null, /reset|closed the connection/],
  ])("proxy %j: error kind proxy, in words", async (opts, credentials, words) => {
    const p = await proxy(opts);
    const s = session({ host: "mail.smtp-gate.test", port: 25, socks5: { host: "127.0.0.1", port: p.port, credentials } });
    const err = await s.connect();
    expect(err).toMatchObject({ kind: "proxy", message: expect.stringMatching(words) });
    expect(err?.message).toContain(`the SOCKS5 proxy 127.0.0.1:${p.port}`);
  });

  it("a proxy that stalls: timeout, naming the proxy", async () => {
    const p = await proxy({ misbehave: "stall" });
    const s = session({ port: 25, timeoutMs: 300, socks5: { host: "127.0.0.1", port: p.port, credentials: null } });
    expect(await s.connect()).toMatchObject({ kind: "timeout", message: expect.stringContaining("SOCKS5 proxy") });
  });

  it("no proxy listening: error kind proxy with the socket's reason", async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const s = session({ port: 25, socks5: { host: "127.0.0.1", port, credentials: null } });
    expect(await s.connect()).toMatchObject({ kind: "proxy", message: expect.stringMatching(/ECONNREFUSED/) });
  });

  it("implicit TLS through the tunnel verifies the target's name (SNI localhost), not the proxy's", async () => {
    const srv = servers.add(await startScriptedServer(GREET, { implicitTls: true, tls: { cert: certs.certPem, key: certs.keyPem } }));
    const p = await proxy();
    const s = session({ host: "localhost", port: srv.port, implicitTls: true, ca: certs.caPem, socks5: { host: "127.0.0.1", port: p.port, credentials: null } });
    expect(await s.connect()).toBeNull();
    expect(s.tls?.authorized).toBe(true);
    expect(await s.readReply()).toMatchObject({ code: 220 });
    expect(p.requests[0]).toMatchObject({ atyp: 3, host: "localhost" });
  });

  it("STARTTLS through the tunnel", async () => {
    const srv = servers.add(await startScriptedServer([{ send: "220 mx.test ESMTP\r\n" }, { expect: "STARTTLS" }, { send: "220 go ahead\r\n" }, { startTls: true }, { expect: "QUIT" }, { send: "221 bye\r\n" }], { tls: { cert: certs.certPem, key: certs.keyPem } }));
    const p = await proxy();
    const s = session({ host: "localhost", port: srv.port, ca: certs.caPem, socks5: { host: "127.0.0.1", port: p.port, credentials: null } });
    expect(await s.connect()).toBeNull();
    expect(await s.readReply()).toMatchObject({ code: 220 });
    expect(s.writeLine("STARTTLS")).toBeNull();
    expect(await s.readReply()).toMatchObject({ code: 220 });
    expect(await s.startTls()).toBeNull();
    expect(s.tls?.authorized).toBe(true);
    expect(s.writeLine("QUIT")).toBeNull();
    expect(await s.readReply()).toMatchObject({ code: 221 });
  });
});

interface GreetFirstTiming {
  /** The greeting at once on connect, or only once the header's first line has arrived. */
  greet: "at-once" | "after-header";
  /** Each line answered as it arrives, or the header's answers held back until the client's next command, then sent with its answer. */
  answer: "at-once" | "with-next";
  /** The v2 signature's `QUIT<LF>`: obeyed (221 and close, as Postfix 3.7 does) or refused as a bare LF. */
  bareQuit: "obeyed" | "refused";
}

/** A plain SMTP server that knows nothing of the PROXY protocol: it greets and reads the header as command lines. */
async function greetFirstServer(timing: GreetFirstTiming): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((c) => {
    sockets.add(c);
    c.on("error", () => {});
    let buf = Buffer.alloc(0);
    const greeting = "220 mx.test ESMTP\r\n";
    let greeted = timing.greet === "at-once";
    let out = greeted ? "" : greeting;
    if (greeted) c.write(greeting);
    let held = timing.answer === "with-next";
    c.on("data", (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a)) {
        const crlf = nl > 0 && buf[nl - 1] === 0x0d;
        const line = buf.subarray(0, crlf ? nl - 1 : nl).toString("latin1");
        buf = buf.subarray(nl + 1);
        // The client's next command (after a v2 header, glued to its binary tail).
        const command = crlf && /(NOOP|QUIT|EHLO \S+)$/.test(line);
        if (command) held = false;
        if (!greeted) {
          greeted = true;
          // The greeting that waited for the header goes out with the header's answer, or alone when that is held back.
          if (held) {
            c.write(out);
            out = "";
          }
        }
        if (line === "QUIT" && (crlf || timing.bareQuit === "obeyed")) return void c.end(`${out}221 2.0.0 Bye\r\n`);
        out += line === "NOOP" ? "250 2.0.0 Ok\r\n" : line.startsWith("EHLO ") ? "250 mx.test\r\n" : "500 5.5.2 Error: command not recognized\r\n";
        if (!held) {
          c.write(out);
          out = "";
        }
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => new Promise<void>((done) => {
      for (const s of sockets) s.destroy();
      server.close(() => done());
    }),
  };
}

/**
 * A server that requires the PROXY header: it reads it before its greeting, as postscreen does.
 * It records each header and the peer it came from; `refuseUnknown` answers a v1 UNKNOWN as
 * Postfix 3.7 does ("bad or missing protocol type" in its log, 421 to the client).
 */
async function proxyAwareServer(opts: { refuseUnknown?: boolean } = {}): Promise<{ port: number; headers: Buffer[]; peers: { address: string; port: number }[]; close(): Promise<void> }> {
  const headers: Buffer[] = [];
  const peers: { address: string; port: number }[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((c) => {
    sockets.add(c);
    peers.push({ address: c.remoteAddress as string, port: c.remotePort as number });
    c.on("error", () => {});
    let buf = Buffer.alloc(0);
    let greeted = false;
    c.on("data", (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      if (greeted) {
        // After the header, a plain SMTP server: each line answered in turn.
        for (let nl = buf.indexOf("\r\n"); nl >= 0; nl = buf.indexOf("\r\n")) {
          const line = buf.subarray(0, nl).toString("latin1");
          buf = buf.subarray(nl + 2);
          if (line === "QUIT") return void c.end("221 bye\r\n");
          c.write(line === "NOOP" ? "250 2.0.0 Ok\r\n" : line.startsWith("EHLO ") ? "250 behind-the-balancer\r\n" : "500 5.5.1 unrecognized\r\n");
        }
        return;
      }
      const v2 = buf.subarray(0, 12).equals(Buffer.from("0d0a0d0a000d0a515549540a", "hex"));
      const end = v2 ? (buf.length >= 16 ? 16 + buf.readUInt16BE(14) : Infinity) : buf.indexOf("\r\n") + 2;
      if (end < 2 || end > buf.length) return;
      headers.push(buf.subarray(0, end));
      if (opts.refuseUnknown && buf.subarray(0, end).toString("latin1").startsWith("PROXY UNKNOWN")) return void c.end("421 4.3.0 behind-the-balancer Server local error\r\n");
      buf = buf.subarray(end);
      greeted = true;
      c.write("220 behind-the-balancer ESMTP\r\n");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as net.AddressInfo).port,
    headers,
    peers,
    close: () => new Promise<void>((done) => {
      for (const s of sockets) s.destroy();
      server.close(() => done());
    }),
  };
}

describe("the PROXY protocol header", () => {
  it("v1: the text line with the connection's real addresses, before the greeting", async () => {
    const srv = servers.add(await proxyAwareServer());
    const s = session({ port: srv.port, proxyProtocol: "v1" });
    expect(await s.connect()).toBeNull();
    expect(await s.readReply()).toMatchObject({ code: 220, lines: ["behind-the-balancer ESMTP"] });
    expect(srv.headers[0]?.toString("latin1")).toMatch(new RegExp(`^PROXY TCP4 127\\.0\\.0\\.1 127\\.0\\.0\\.1 \\d+ ${srv.port}\\r\\n$`));
  });

  it("v2: the binary header, signature, PROXY command, TCP over IPv4, 12 octets of addresses", async () => {
    const srv = servers.add(await proxyAwareServer());
    const s = session({ port: srv.port, proxyProtocol: "v2" });
    expect(await s.connect()).toBeNull();
    expect(await s.readReply()).toMatchObject({ code: 220 });
    const h = srv.headers[0] as Buffer;
    expect(h.subarray(12, 16)).toEqual(Buffer.from([0x21, 0x11, 0x00, 0x0c]));
    expect([...h.subarray(16, 24)]).toEqual([127, 0, 0, 1, 127, 0, 0, 1]);
    expect(h.readUInt16BE(26)).toBe(srv.port);
  });

  it("without the header, a listener that requires it sends nothing: the wait times out", async () => {
    const srv = servers.add(await proxyAwareServer());
    const s = session({ port: srv.port, timeoutMs: 300 });
    expect(await s.connect()).toBeNull();
    expect(await s.readReply()).toMatchObject({ kind: "timeout" });
  });
});

describe("the PROXY header through a SOCKS5 proxy (issue 26)", () => {
  const via = (port: number) => ({ host: "127.0.0.1", port, credentials: null });

  it("carries the endpoints the proxy told: its bound address as the source, the target as the destination", async () => {
    const srv = servers.add(await proxyAwareServer());
    const p = await proxy();
    const s = session({ port: srv.port, proxyProtocol: "v1", socks5: via(p.port) });
    expect(await s.connect()).toBeNull();
    expect(await s.readReply()).toMatchObject({ code: 220 });
    // The source is the connection the server really got from the proxy (BND.ADDR, BND.PORT).
    const peer = srv.peers[0] as { address: string; port: number };
    expect(srv.headers[0]?.toString("latin1")).toBe(`PROXY TCP4 127.0.0.1 127.0.0.1 ${peer.port} ${srv.port}\r\n`);
    expect(s.proxyHeaderUnknown).toBeNull();
  });

  it("v2 too: PROXY command, TCP over IPv4, the bound port as the source port", async () => {
    const srv = servers.add(await proxyAwareServer());
    const p = await proxy();
    const s = session({ port: srv.port, proxyProtocol: "v2", socks5: via(p.port) });
    expect(await s.connect()).toBeNull();
    expect(await s.readReply()).toMatchObject({ code: 220 });
    const h = srv.headers[0] as Buffer;
    expect(h.subarray(12, 16)).toEqual(Buffer.from([0x21, 0x11, 0x00, 0x0c]));
    expect([h.readUInt16BE(24), h.readUInt16BE(26)]).toEqual([srv.peers[0]?.port, srv.port]);
  });

  it.each([
    ["a target given by name (the proxy resolved it)", { host: "mail.smtp-gate.test" }, {}, /the target mail\.smtp-gate\.test is a name the proxy resolved/],
    ["a proxy that answers BND 0.0.0.0:0", {}, { bound: "zeros" as const }, /no usable bound address \(0\.0\.0\.0:0\)/],
  ])("UNKNOWN where they cannot be known — %s — and a server that refuses it gets the finding that says so", async (_what, over, proxyOpts, why) => {
    const srv = servers.add(await proxyAwareServer({ refuseUnknown: true }));
    const p = await proxy(proxyOpts);
    const r = await probe(target(srv.port, { ...over, proxyProtocol: "v1", socks5: via(p.port) }));
    expect(srv.headers[0]?.toString("latin1")).toBe("PROXY UNKNOWN\r\n");
    expect(r.steps[0]?.reply?.code).toBe(421);
    expect(r.verdict).toBe("fail");
    expect(r.findings.map((f) => [f.id, f.cause])).toEqual([["proxy-header-unknown-refused", "proxy-protocol"]]);
    const f = r.findings[0];
    expect(f?.message).toMatch(why);
    expect(f?.message).toMatch(/sent `PROXY UNKNOWN`.*answered 421 instead of a greeting/);
    expect(f?.causes[0]).toMatch(/bad or missing protocol type/);
    expect(f?.fixes.some((x) => /address instead of its name/.test(x))).toBe("host" in over);
  });
});

describe("probes through tunnels, and the mismatches diagnosed", () => {
  it("a whole probe through SOCKS5 to a name passes; the proxy saw a domain-name CONNECT", async () => {
    const srv = servers.add(await startScriptedSmtp({ EHLO: "250-mx.test\r\n250 PIPELINING\r\n" }));
    const p = await proxy();
    const r = await probe(target(srv.port, { host: "mail.smtp-gate.test", socks5: { host: "127.0.0.1", port: p.port, credentials: null } }));
    expect(r.verdict).toBe("pass");
    expect(r.socks5).toBe(`127.0.0.1:${p.port}`);
    expect(p.requests).toEqual([{ atyp: 3, host: "mail.smtp-gate.test", port: srv.port }]);
    expect(srv.received).toEqual(["EHLO ci.example.com", "QUIT"]);
  });

  it("a PROXY header to a server that greets first is proxy-header-unexpected in every run, whatever the timing", async () => {
    // 24 runs over every order the replies can take: greeting before or after the header
    // arrives, the header answered at once or only with the next command's answer (where EHLO
    // used to get the header's 500), v1 and v2, a v2 signature's "QUIT" obeyed or refused.
    const timings: GreetFirstTiming[] = [];
    for (const greet of ["at-once", "after-header"] as const) for (const answer of ["at-once", "with-next"] as const) for (const bareQuit of ["obeyed", "refused"] as const) timings.push({ greet, answer, bareQuit });
    for (let run = 0; run < 24; run++) {
      const timing = timings[run % timings.length] as GreetFirstTiming;
      const version = run % 2 === 0 ? "v1" : "v2";
      const srv = servers.add(await greetFirstServer(timing));
      const r = await probe(target(srv.port, { proxyProtocol: version, to: ["a@example.com"] }));
      const at = `run ${run}, ${version}, ${JSON.stringify(timing)}`;
      expect(r.findings.map((f) => f.id), at).toEqual(["proxy-header-unexpected"]);
      expect(r.verdict, at).toBe("fail");
      expect(r.unsolicitedReplies, at).toBeGreaterThanOrEqual(1);
      expect(r.error, at).toMatchObject({ kind: "protocol", message: expect.stringContaining("answered the PROXY protocol header as a command") });
      // Nothing past the barrier: no EHLO, no transaction, no reply credited to the wrong command.
      expect(r.steps.map((x) => x.command).filter((c) => c !== null && c !== "NOOP" && c !== "QUIT"), at).toEqual([]);
      for (const x of r.steps) if (x.command === "QUIT" && x.reply) expect(x.reply.code, at).toBe(221);
      expect(r.steps.some((x) => x.command === "NOOP" && x.reply !== null), at).toBe(false);
      await srv.close();
    }
  });

  it("a listener that expects the header takes it: NOOP answered 250, the probe passes", async () => {
    for (const version of ["v1", "v2"] as const) {
      const srv = servers.add(await proxyAwareServer());
      const r = await probe(target(srv.port, { proxyProtocol: version }));
      expect(r.steps.map((x) => [x.command, x.reply?.code, x.extra])).toEqual([
        [null, 220, undefined], ["NOOP", 250, "proxy-header"], ["EHLO ci.example.com", 250, undefined], ["QUIT", 221, undefined],
      ]);
      expect(r.findings).toEqual([]);
      expect(r.verdict).toBe("pass");
    }
  });

  it("no header to a listener that requires one: the silent-server finding names the PROXY-protocol listener", async () => {
    const srv = servers.add(await proxyAwareServer());
    const r = await probe(target(srv.port, { timeoutMs: 300 }));
    const f = r.findings.find((x) => x.id === "tls-mode-mismatch");
    expect(f?.message).toContain("or a PROXY protocol header");
    expect(f?.causes[1]).toMatch(/PROXY protocol header first/);
    expect(f?.fixes.some((x) => x.includes("proxy-protocol: v1"))).toBe(true);
    // With the header, the same listener answers and the probe passes.
    const ok = await probe(target(srv.port, { proxyProtocol: "v2", steps: [{ line: "QUIT", expect: null }] }));
    expect(ok.steps[0]?.reply?.code).toBe(220);
  });
});

describe("through the CLI", () => {
  it("--socks5 with a username and a password from the environment: the probe passes, the password is nowhere", async () => {
    const { ensureBuilt, runNode } = await import("../support/built.js");
    const srv = servers.add(await startScriptedSmtp({ EHLO: "250-mx.test\r\n250 PIPELINING\r\n" }));
    const p = await proxy({ credentials: { username: "bastion", password: "Proxy-Canary-5e1f" } });
    const run = await runNode(ensureBuilt().cli, [
      "--host", "mail.smtp-gate.test", "--port", String(srv.port), "--tls", "none", "--helo", "ci.example.com",
      "--socks5", `127.0.0.1:${p.port}`, "--socks5-username", "bastion", "--socks5-password-env", "PROXY_PW", "--format", "json",
    ], { env: { PROXY_PW: "Proxy-Canary-5e1f" } });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.targets[0]).toMatchObject({ verdict: "pass", socks5: `127.0.0.1:${p.port}` });
    expect(p.requests).toEqual([{ atyp: 3, host: "mail.smtp-gate.test", port: srv.port, username: "bastion" }]);
    expect(run.stdout + run.stderr).not.toContain("Proxy-Canary");
  });
});
