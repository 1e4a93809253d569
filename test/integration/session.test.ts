// The session layer (src/session/session.ts) against real loopback sockets.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { SmtpSession, isReply, type ReadResult, type SessionOptions } from "../../src/session/session.js";
import type { Reply } from "../../src/protocol/reply.js";
import type { PeerError } from "../../src/session/errors.js";
import { monotonicMs } from "../../src/session/clock.js";
import { startScriptedServer, type ScriptAction } from "../support/scripted-server.js";
import { makeCerts, type TestCerts } from "../support/certs.js";
import { Servers, freePort } from "./helpers.js";

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

function session(port: number, over: Partial<SessionOptions> = {}): SmtpSession {
  const s = new SmtpSession({ host: "127.0.0.1", port, implicitTls: false, insecure: false, timeoutMs: 1000, redact: (x) => x, ...over });
  sessions.push(s);
  return s;
}

async function scripted(script: Parameters<typeof startScriptedServer>[0], opts?: Parameters<typeof startScriptedServer>[1]) {
  return servers.add(await startScriptedServer(script, opts));
}

function asReply(r: ReadResult): Reply {
  if (!isReply(r)) throw new Error(`expected a reply, got ${JSON.stringify(r)}`);
  return r;
}

function asError(r: ReadResult | PeerError | null): PeerError {
  if (r === null || isReply(r as ReadResult)) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return r as PeerError;
}

/** Connects and returns the first reply. */
async function greet(port: number, over: Partial<SessionOptions> = {}): Promise<{ s: SmtpSession; r: ReadResult }> {
  const s = session(port, over);
  const err = await s.connect();
  expect(err).toBeNull();
  return { s, r: await s.readReply() };
}

const STARTTLS_PREFIX: ScriptAction[] = [
  { send: "220 mx.test ESMTP\r\n" },
  { expect: "EHLO" },
  { send: "250-mx.test\r\n250 STARTTLS\r\n" },
  { expect: "STARTTLS" },
];

/** Client side of EHLO + STARTTLS up to (not including) the handshake. */
async function upToStartTls(s: SmtpSession): Promise<void> {
  expect(await s.connect()).toBeNull();
  expect(asReply(await s.readReply()).code).toBe(220);
  s.writeLine("EHLO ci.example.com");
  expect(asReply(await s.readReply()).lines).toEqual(["mx.test", "STARTTLS"]);
  s.writeLine("STARTTLS");
  expect(asReply(await s.readReply()).code).toBe(220);
}

describe("redaction of what the server sends", () => {
  it("each line is redacted once, as it arrives, and the reply and the transcript both keep the redacted text", async () => {
    const server = await scripted([{ send: "220-mx.test ESMTP secret-token\r\n220 ready\r\n" }]);
    const seen: string[] = [];
    const { s, r } = await greet(server.port, { redact: (x) => (seen.push(x), x.replace("secret-token", "***")) });
    expect(asReply(r).lines).toEqual(["mx.test ESMTP ***", "ready"]);
    expect(s.transcript.entries.filter((e) => e.dir === "S").map((e) => e.text)).toEqual(["220-mx.test ESMTP ***", "220 ready"]);
    expect(seen.filter((x) => x.startsWith("220"))).toEqual(["220-mx.test ESMTP secret-token", "220 ready"]);
  });
});

describe("session: reading replies", () => {
  it("reads the greeting", async () => {
    const srv = await scripted([{ send: "220 mx.test ESMTP ready\r\n" }]);
    const { r } = await greet(srv.port);
    expect(asReply(r)).toEqual({ code: 220, enhanced: null, lines: ["mx.test ESMTP ready"], ending: "crlf" });
  });

  it("reads a multi-line reply as one reply, and the enhanced code", async () => {
    const srv = await scripted([
      { send: "220 mx.test\r\n" },
      { expect: "EHLO" },
      { send: "250-mx.test hello\r\n250-SIZE 1000\r\n250-AUTH PLAIN LOGIN\r\n250 ENHANCEDSTATUSCODES\r\n" },
      { expect: "MAIL" },
      { send: "550-5.1.1 first line\r\n550 5.1.1 second line\r\n" },
    ]);
    const { s } = await greet(srv.port);
    s.writeLine("EHLO ci.example.com");
    expect(asReply(await s.readReply())).toEqual({
      code: 250, enhanced: null, lines: ["mx.test hello", "SIZE 1000", "AUTH PLAIN LOGIN", "ENHANCEDSTATUSCODES"], ending: "crlf",
    });
    s.writeLine("MAIL FROM:<a@example.com>");
    expect(asReply(await s.readReply())).toEqual({ code: 550, enhanced: "5.1.1", lines: ["5.1.1 first line", "5.1.1 second line"], ending: "crlf" });
    expect(srv.received).toEqual(["EHLO ci.example.com", "MAIL FROM:<a@example.com>"]);
  });

  it("accepts bare-LF replies and says so (ending: lf)", async () => {
    const srv = await scripted([{ send: "220-mx.test\n220 bare lf\n" }]);
    const { r } = await greet(srv.port);
    expect(asReply(r)).toEqual({ code: 220, enhanced: null, lines: ["mx.test", "bare lf"], ending: "lf" });
  });

  it("reports mixed line endings within one reply (ending: mixed)", async () => {
    const srv = await scripted([{ send: "220-mx.test\n220 crlf here\r\n" }]);
    const { r } = await greet(srv.port);
    expect(asReply(r)).toEqual({ code: 220, enhanced: null, lines: ["mx.test", "crlf here"], ending: "mixed" });
  });

  it("accepts a bare code with no text", async () => {
    const srv = await scripted([{ send: "220 hi\r\n" }, { expect: "NOOP" }, { send: "250\r\n" }]);
    const { s } = await greet(srv.port);
    s.writeLine("NOOP");
    expect(asReply(await s.readReply())).toEqual({ code: 250, enhanced: null, lines: [""], ending: "crlf" });
  });

  it("assembles a reply that arrives one byte per write", async () => {
    const text = "220-mx.test first\r\n220 2.0.0 second\r\n";
    const script: ScriptAction[] = [];
    for (const ch of text) script.push({ send: ch }, { waitMs: 1 });
    const srv = await scripted(script);
    const { s, r } = await greet(srv.port, { timeoutMs: 3000 });
    expect(asReply(r)).toEqual({ code: 220, enhanced: "2.0.0", lines: ["mx.test first", "2.0.0 second"], ending: "crlf" });
    expect(s.unsolicited).toBe(0);
  });

  it("sessions reading at once keep their own partial lines (plain sockets share one read buffer)", async () => {
    // Each server sends half a line, waits while the other sessions' reads go through the shared
    // buffer, then the rest: a partial line kept as a view into that buffer would come back garbled.
    const n = 12;
    const text = (conn: number) => `220-conn ${conn} ${"x".repeat(40 + conn)}`;
    const srv = await scripted((conn): ScriptAction[] => [{ send: text(conn).slice(0, 20) }, { waitMs: 30 }, { send: `${text(conn).slice(20)}\r\n` }, { waitMs: 10 }, { send: `220 ${"y".repeat(conn)} end\r\n` }]);
    const greetings = await Promise.all(Array.from({ length: n }, async () => asReply((await greet(srv.port)).r)));
    const conns = greetings.map((g) => Number(/^conn (\d+) /.exec(g.lines[0] ?? "")?.[1]));
    expect(new Set(conns).size).toBe(n);
    for (const [i, g] of greetings.entries()) {
      const conn = conns[i] as number;
      expect(g.lines).toEqual([text(conn).slice(4), `${"y".repeat(conn)} end`]);
    }
  });
});

describe("session: failures are values", () => {
  it("times out when the server never answers", async () => {
    const srv = await scripted([{ waitMs: 5000 }]);
    const s = session(srv.port, { timeoutMs: 400 });
    expect(await s.connect()).toBeNull();
    const err = asError(await s.readReply());
    // The message names the wait that ran out; no wall-clock bound (a loaded machine stretches it).
    expect(err.kind).toBe("timeout");
    expect(err.message).toBe("no answer within 0.4s");
    expect(s.usable).toBe(false);
  });

  it("a trickling server (1 byte / 100 ms) runs out of time at the deadline, not an idle timer", async () => {
    const banner = "220 this banner trickles in far too slowly";
    const script: ScriptAction[] = [];
    for (const ch of `${banner}\r\n`) script.push({ send: ch }, { waitMs: 100 });
    const srv = await scripted(script);
    const s = session(srv.port, { timeoutMs: 500 });
    expect(await s.connect()).toBeNull();
    const err = asError(await s.readReply());
    // An idle timer would never fire (a byte comes every 100 ms) and the whole banner takes over
    // 4 s: a timeout with only the start of the banner received is the deadline's, on any machine.
    expect(err).toMatchObject({ kind: "timeout", message: "no answer within 0.5s" });
    expect(banner.startsWith(err.received ?? "")).toBe(true);
    expect((err.received ?? "").length).toBeLessThan(banner.length);
  });

  it("honours an absolute deadline shorter than the timeout", async () => {
    const srv = await scripted([{ waitMs: 5000 }]);
    const s = session(srv.port, { timeoutMs: 5000, deadline: monotonicMs() + 300 });
    expect(await s.connect()).toBeNull();
    const err = asError(await s.readReply());
    // The deadline's wait ran out, not the 5 s timeout's: the message says which.
    expect(err.kind).toBe("timeout");
    expect(err.message).toBe("the target's deadline passed");
  });

  it("connection refused is kind connect", async () => {
    const port = await freePort();
    const s = session(port);
    const err = asError(await s.connect());
    expect(err.kind).toBe("connect");
    expect(err.nodeCode).toBe("ECONNREFUSED");
    expect(s.usable).toBe(false);
  });

  it("an unresolvable host is kind dns", async () => {
    const s = new SmtpSession({ host: "nonexistent.invalid", port: 25, implicitTls: false, insecure: false, timeoutMs: 1500, redact: (x) => x });
    sessions.push(s);
    const err = asError(await s.connect());
    expect(err.kind).toBe("dns");
    expect(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_FAIL"]).toContain(err.nodeCode);
  });

  it("a close in the middle of a reply is kind closed, with what was received", async () => {
    const srv = await scripted([{ send: "220-mx.test hello\r\n220 cut o" }, { waitMs: 30 }, { close: true }]);
    const { r, s } = await greet(srv.port);
    const err = asError(r);
    expect(err.kind).toBe("closed");
    expect(err.received).toBe("220 cut o");
    expect(err.message).toMatch(/in the middle of a reply/);
    expect(s.usable).toBe(false);
  });

  it("a clean close between replies is kind closed without received", async () => {
    const srv = await scripted([{ send: "220 hi\r\n" }, { expect: "NOOP" }, { close: true }]);
    const { s } = await greet(srv.port);
    s.writeLine("NOOP");
    const err = asError(await s.readReply());
    expect(err.kind).toBe("closed");
    expect(err.received).toBeUndefined();
  });

  it("a line written after the server closed is a note in the transcript, not a line sent", async () => {
    const srv = await scripted([{ send: "220 hi\r\n" }, { expect: "NOOP" }, { close: true }]);
    const { s } = await greet(srv.port);
    s.writeLine("NOOP");
    expect(asError(await s.readReply()).kind).toBe("closed");
    s.writeLine("QUIT");
    s.writeLines([{ wire: "RSET", shown: "RSET" }]);
    const sent = s.transcript.entries.filter((e) => e.dir === "C").map((e) => e.text);
    expect(sent).toEqual(["NOOP"]);
    expect(s.transcript.entries.filter((e) => e.dir === "*").map((e) => e.text)).toEqual(expect.arrayContaining([
      "not sent, the connection is closed: QUIT", "not sent, the connection is closed: RSET",
    ]));
    expect(srv.received).toEqual(["NOOP"]);
  });

  it("a reset is kind closed", async () => {
    const srv = await scripted([{ send: "220 hi\r\n" }, { expect: "EHLO" }, { destroy: true }]);
    const { s } = await greet(srv.port);
    s.writeLine("EHLO ci.example.com");
    const err = asError(await s.readReply());
    expect(err.kind).toBe("closed");
    expect(err.nodeCode).toBe("ECONNRESET");
    expect(err.message).toMatch(/reset by the server/);
    expect(s.usable).toBe(false);
  });

  it("a non-SMTP banner is kind protocol, with the banner", async () => {
    const srv = await scripted([{ send: "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n" }]);
    const { r, s } = await greet(srv.port);
    const err = asError(r);
    expect(err.kind).toBe("protocol");
    expect(err.received).toBe("HTTP/1.1 400 Bad Request");
    expect(s.usable).toBe(false);
  });

  it("a 20 KB line is kind protocol", async () => {
    const srv = await scripted([{ send: `220 ${"x".repeat(20 * 1024)}\r\n` }]);
    const { r } = await greet(srv.port);
    const err = asError(r);
    expect(err.kind).toBe("protocol");
    expect(err.message).toMatch(/octets/);
  });

  it("an endless multi-line reply is kind protocol", async () => {
    const srv = await scripted([{ send: "220-x\r\n".repeat(2000) }, { waitMs: 3000 }]);
    const { r } = await greet(srv.port);
    const err = asError(r);
    expect(err.kind).toBe("protocol");
    expect(err.message).toMatch(/went on past 256 lines/);
  });
});

describe("session: TLS", () => {
  it("upgrades with STARTTLS and reports the negotiated facts (trusting the test CA)", async () => {
    const srv = await scripted(
      [...STARTTLS_PREFIX, { send: "220 2.0.0 go ahead\r\n" }, { startTls: true }, { expect: "EHLO" }, { send: "250-mx.test secure\r\n250 AUTH PLAIN\r\n" }],
      { tls: { cert: certs.certPem, key: certs.keyPem } },
    );
    const s = session(srv.port, { ca: certs.caPem });
    await upToStartTls(s);
    expect(await s.startTls()).toBeNull();
    const tls = s.tls;
    expect(tls).not.toBeNull();
    expect(tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(tls?.authorized).toBe(true);
    expect(tls?.authorizationError).toBeNull();
    expect(tls?.subject).toBe("localhost");
    expect(tls?.daysLeft).toBeGreaterThanOrEqual(29);
    expect(tls?.daysLeft).toBeLessThanOrEqual(30);
    expect(s.droppedAfterStartTls).toBe(0);
    s.writeLine("EHLO ci.example.com");
    expect(asReply(await s.readReply()).lines).toEqual(["mx.test secure", "AUTH PLAIN"]);
    expect(srv.received).toEqual(["EHLO ci.example.com", "STARTTLS", "EHLO ci.example.com"]);
  });

  it.each([
    ["self-signed", "selfSignedCertPem", "selfSignedKeyPem", "DEPTH_ZERO_SELF_SIGNED_CERT", /self-signed/],
    ["expired", "expiredCertPem", "expiredKeyPem", "CERT_HAS_EXPIRED", /has expired/],
  ] as const)("a %s certificate without insecure is kind tls with the reason", async (_name, certKey, keyKey, code, words) => {
    const srv = await scripted([...STARTTLS_PREFIX, { send: "220 go ahead\r\n" }, { startTls: true }], {
      tls: { cert: certs[certKey], key: certs[keyKey] },
    });
    const s = session(srv.port, { ca: certs.caPem });
    await upToStartTls(s);
    const err = asError(await s.startTls());
    expect(err.kind).toBe("tls");
    expect(err.nodeCode).toBe(code);
    expect(err.message).toMatch(words);
    expect(err.message).toContain(code);
    expect(s.tls?.authorized).toBe(false);
    expect(s.usable).toBe(false);
  });

  it("with insecure, a self-signed certificate proceeds (authorized false)", async () => {
    const srv = await scripted(
      [...STARTTLS_PREFIX, { send: "220 go ahead\r\n" }, { startTls: true }, { expect: "EHLO" }, { send: "250 mx.test secure\r\n" }],
      { tls: { cert: certs.selfSignedCertPem, key: certs.selfSignedKeyPem } },
    );
    const s = session(srv.port, { insecure: true });
    await upToStartTls(s);
    expect(await s.startTls()).toBeNull();
    expect(s.tls?.authorized).toBe(false);
    expect(s.tls?.authorizationError).toBe("DEPTH_ZERO_SELF_SIGNED_CERT");
    s.writeLine("EHLO ci.example.com");
    expect(asReply(await s.readReply()).lines).toEqual(["mx.test secure"]);
  });

  it("garbage instead of a TLS handshake after STARTTLS's 220 is kind tls", async () => {
    const srv = await scripted([...STARTTLS_PREFIX, { send: "220 go ahead\r\n" }, { waitMs: 100 }, { send: "this is not TLS, just plain text\r\n" }, { waitMs: 2000 }]);
    const s = session(srv.port, { ca: certs.caPem });
    await upToStartTls(s);
    const err = asError(await s.startTls());
    expect(err.kind).toBe("tls");
    expect(s.tls).toBeNull();
    expect(s.usable).toBe(false);
  });

  it("a handshake that never finishes is kind timeout", async () => {
    const srv = await scripted([...STARTTLS_PREFIX, { send: "220 go ahead\r\n" }, { waitMs: 3000 }]);
    const s = session(srv.port, { ca: certs.caPem, timeoutMs: 500 });
    await upToStartTls(s);
    const err = asError(await s.startTls());
    expect(err).toMatchObject({ kind: "timeout", message: "no answer within 0.5s" });
  });

  it("implicit TLS: handshake first, then the greeting", async () => {
    const srv = await scripted([{ send: "220 mx.test ESMTP over TLS\r\n" }], { tls: { cert: certs.certPem, key: certs.keyPem }, implicitTls: true });
    const { s, r } = await greet(srv.port, { implicitTls: true, ca: certs.caPem });
    expect(asReply(r).lines).toEqual(["mx.test ESMTP over TLS"]);
    expect(s.tls?.authorized).toBe(true);
    expect(s.tls?.subject).toBe("localhost");
  });

  it("implicit TLS against a plaintext server is kind tls", async () => {
    const srv = await scripted([{ send: "220 plain text greeting\r\n" }, { waitMs: 2000 }]);
    const s = session(srv.port, { implicitTls: true, ca: certs.caPem });
    const err = asError(await s.connect());
    expect(err.kind).toBe("tls");
    expect(s.tls).toBeNull();
  });

  it("plaintext injected right after STARTTLS's 220 is discarded, not read as the EHLO reply", async () => {
    const srv = await scripted(
      [
        ...STARTTLS_PREFIX,
        // One write: the 220 and a forged EHLO answer (no STARTTLS, AUTH offered in the clear) plus a partial line.
        { send: "220 go ahead\r\n250-forged.injected\r\n250 AUTH PLAIN LOGIN\r\n250 part" },
        { startTls: true },
        { expect: "EHLO" },
        { send: "250-mx.test real\r\n250 SIZE 1000\r\n" },
      ],
      { tls: { cert: certs.certPem, key: certs.keyPem } },
    );
    const s = session(srv.port, { ca: certs.caPem });
    await upToStartTls(s);
    expect(await s.startTls()).toBeNull();
    // The forged (queued) reply and the buffered bytes of "250 part" are all dropped.
    expect(s.droppedAfterStartTls).toBeGreaterThan(0);
    s.writeLine("EHLO ci.example.com");
    const r = asReply(await s.readReply());
    expect(r.lines).toEqual(["mx.test real", "SIZE 1000"]);
    expect(s.unsolicited).toBe(0);
    expect(s.transcript.entries.some((e) => e.dir === "*" && /discarded/.test(e.text))).toBe(true);
  });
});
