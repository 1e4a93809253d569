// Proves the socket-test helpers in test/support work, with raw node:net / node:tls clients.
import { afterEach, describe, expect, it } from "vitest";
import net from "node:net";
import tls from "node:tls";
import { X509Certificate, createHmac } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { makeCerts } from "../support/certs.js";
import { startScriptedServer, startScriptedSmtp } from "../support/scripted-server.js";
import { startSmtpServer } from "../support/smtp-server.js";

/** Minimal line client over a net or tls socket. */
class Client {
  private buf = "";
  private waiters: (() => void)[] = [];
  ended = false;
  errorCode: string | undefined;
  constructor(public socket: net.Socket) {
    this.listen(socket);
  }
  private listen(s: net.Socket): void {
    s.setEncoding("utf8");
    s.on("data", (d: string) => {
      this.buf += d;
      this.flush();
    });
    s.on("error", (e: NodeJS.ErrnoException) => {
      this.errorCode ??= e.code;
    });
    s.on("close", () => {
      this.ended = true;
      this.flush();
    });
  }
  private flush(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
  /** Reads one full SMTP reply (multi-line aware). */
  async reply(): Promise<string> {
    for (;;) {
      const m = /^(?:\d{3}-[^\n]*\n)*\d{3}(?: [^\n]*)?\n/.exec(this.buf);
      if (m) {
        this.buf = this.buf.slice(m[0].length);
        return m[0];
      }
      if (this.ended) throw new Error(`connection closed; buffered ${JSON.stringify(this.buf)}`);
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }
  /** Waits for the connection to close; returns whatever was left unread. */
  async closed(): Promise<string> {
    while (!this.ended) await new Promise<void>((r) => this.waiters.push(r));
    return this.buf;
  }
  send(line: string): void {
    this.socket.write(line);
  }
  async cmd(line: string): Promise<string> {
    this.send(`${line}\r\n`);
    return this.reply();
  }
  async startTls(ca: string): Promise<void> {
    const plain = this.socket;
    plain.removeAllListeners("data");
    const secure = tls.connect({ socket: plain, ca, servername: "localhost" });
    await new Promise<void>((resolve, reject) => {
      secure.once("secureConnect", resolve);
      secure.once("error", reject);
    });
    this.socket = secure;
    this.listen(secure);
  }
}

async function connect(port: number): Promise<Client> {
  const s = net.connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    s.once("connect", resolve);
    s.once("error", reject);
  });
  return new Client(s);
}

async function connectTls(port: number, ca: string): Promise<Client> {
  const s = tls.connect({ port, host: "127.0.0.1", ca, servername: "localhost" });
  await new Promise<void>((resolve, reject) => {
    s.once("secureConnect", resolve);
    s.once("error", reject);
  });
  return new Client(s);
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
function track<T extends { close(): Promise<void> }>(x: T): T {
  cleanups.push(() => x.close());
  return x;
}
function trackClient(c: Client): Client {
  cleanups.push(() => {
    c.socket.destroy();
  });
  return c;
}

describe("makeCerts", () => {
  it("generates a CA, a valid localhost cert, an expired cert and a self-signed cert", async () => {
    const c = await makeCerts();
    expect(await makeCerts()).toBe(c); // memoised
    expect(existsSync(c.caFile)).toBe(true);
    expect(readFileSync(c.caFile, "utf8")).toBe(c.caPem);

    const ca = new X509Certificate(c.caPem);
    const srv = new X509Certificate(c.certPem);
    const expired = new X509Certificate(c.expiredCertPem);
    const self = new X509Certificate(c.selfSignedCertPem);

    expect(ca.ca).toBe(true);
    expect(srv.checkIssued(ca)).toBe(true);
    expect(srv.verify(ca.publicKey)).toBe(true);
    expect(srv.subjectAltName).toContain("DNS:localhost");
    expect(srv.subjectAltName).toContain("IP Address:127.0.0.1");
    expect(srv.checkHost("localhost")).toBe("localhost");
    expect(srv.checkIP("127.0.0.1")).toBe("127.0.0.1");
    const now = Date.now();
    expect(new Date(srv.validFrom).getTime()).toBeLessThanOrEqual(now);
    expect(new Date(srv.validTo).getTime()).toBeGreaterThan(now + 20 * 86_400_000);

    expect(expired.verify(ca.publicKey)).toBe(true);
    expect(new Date(expired.validTo).getTime()).toBeLessThan(now);
    expect(expired.checkHost("localhost")).toBe("localhost");
    expect(new X509Certificate(c.expiredCertPem).publicKey.equals(srv.publicKey)).toBe(false);

    expect(self.verify(self.publicKey)).toBe(true);
    expect(self.verify(ca.publicKey)).toBe(false);
    expect(self.checkHost("localhost")).toBe("localhost");
    expect(c.keyPem).toContain("PRIVATE KEY");
  });

  it("the expired and self-signed certs are rejected by a TLS client trusting the CA", async () => {
    const c = await makeCerts();
    for (const [cert, key, code] of [
      [c.expiredCertPem, c.expiredKeyPem, "CERT_HAS_EXPIRED"],
      [c.selfSignedCertPem, c.selfSignedKeyPem, "DEPTH_ZERO_SELF_SIGNED_CERT"],
    ] as const) {
      const srv = track(
        await startScriptedServer([{ send: "220 hi\r\n" }, { expect: "QUIT" }], {
          tls: { cert, key },
          implicitTls: true,
        }),
      );
      const err = await connectTls(srv.port, c.caPem).then(
        (cl) => {
          cl.socket.destroy();
          return null;
        },
        (e: unknown) => e as NodeJS.ErrnoException,
      );
      expect(err?.code).toBe(code);
    }
  });
});

describe("startScriptedServer", () => {
  it("plays a script, records lines, DATA bodies, raw bytes and bare LF", async () => {
    const srv = track(
      await startScriptedServer([
        { send: "220 scripted ESMTP\r\n" },
        { expect: "EHLO" },
        { send: "250-scripted\r\n250 8BITMIME\r\n" },
        { expect: /^MAIL FROM:<a@example\.com>/ },
        { send: "250 ok\r\n" },
        { expect: "DATA" },
        { send: "354 go\r\n" },
        { readData: true },
        { send: "250 queued\r\n" },
        { expect: "QUIT" },
        { send: "221 bye\r\n" },
        { close: true },
      ]),
    );
    expect(srv.host).toBe("127.0.0.1");
    const c = trackClient(await connect(srv.port));
    expect(await c.reply()).toBe("220 scripted ESMTP\r\n");
    expect(await c.cmd("EHLO client.test")).toBe("250-scripted\r\n250 8BITMIME\r\n");
    expect(await c.cmd("MAIL FROM:<a@example.com>")).toBe("250 ok\r\n");
    expect(await c.cmd("DATA")).toBe("354 go\r\n");
    c.send("Subject: x\r\n\r\n..dotted\nbare\r\n.\r\n");
    expect(await c.reply()).toBe("250 queued\r\n");
    expect(await c.cmd("QUIT")).toBe("221 bye\r\n");
    expect(await c.closed()).toBe("");

    expect(srv.received).toEqual(["EHLO client.test", "MAIL FROM:<a@example.com>", "DATA", "QUIT"]);
    expect(srv.messages).toEqual(["Subject: x\r\n\r\n..dotted\nbare\r\n"]);
    expect(srv.bareLfLines).toEqual(["..dotted"]);
    expect(srv.mismatches).toEqual([]);
    expect(srv.connections).toBe(1);
    expect(srv.rawReceived().toString("latin1")).toContain("..dotted\nbare\r\n.\r\nQUIT\r\n");
  });

  it("reports mismatches with a 500 and records bare-LF command lines", async () => {
    const srv = track(
      await startScriptedServer([{ send: "220 x\r\n" }, { expect: "HELO" }, { expect: "NOOP" }, { send: "250 ok\r\n" }]),
    );
    const c = trackClient(await connect(srv.port));
    await c.reply();
    c.send("EHLO me\n");
    expect(await c.reply()).toBe("500 5.5.1 script expected HELO\r\n");
    expect(await c.cmd("NOOP")).toBe("250 ok\r\n");
    expect(srv.mismatches).toHaveLength(1);
    expect(srv.mismatches[0]).toContain("EHLO me");
    expect(srv.bareLfLines).toEqual(["EHLO me"]);
    expect(srv.received).toEqual(["EHLO me", "NOOP"]);
  });

  it("per-connection scripts, destroy (reset) and raw garbage", async () => {
    const srv = track(
      await startScriptedServer((n) =>
        n === 0
          ? [{ send: "220 first\r\n" }, { expect: "NOOP" }, { destroy: true }]
          : [{ send: "220 second\0garbage\n" }, { close: true }],
      ),
    );
    const a = trackClient(await connect(srv.port));
    expect(await a.reply()).toBe("220 first\r\n");
    a.send("NOOP\r\n");
    await a.closed();
    expect(a.errorCode).toBe("ECONNRESET");
    const b = trackClient(await connect(srv.port));
    expect(await b.closed()).toBe("220 second\0garbage\n");
    expect(srv.connections).toBe(2);
  });

  it("STARTTLS upgrade against the test CA", async () => {
    const certs = await makeCerts();
    const srv = track(
      await startScriptedServer(
        [
          { send: "220 x ESMTP\r\n" },
          { expect: "EHLO" },
          { send: "250-x\r\n250 STARTTLS\r\n" },
          { expect: "STARTTLS" },
          { send: "220 2.0.0 go ahead\r\n" },
          { startTls: true },
          { expect: "EHLO" },
          { send: "250 x secured\r\n" },
          { expect: "QUIT" },
          { send: "221 bye\r\n" },
          { close: true },
        ],
        { tls: { cert: certs.certPem, key: certs.keyPem } },
      ),
    );
    const c = trackClient(await connect(srv.port));
    await c.reply();
    await c.cmd("EHLO me");
    expect(await c.cmd("STARTTLS")).toMatch(/^220 /);
    await c.startTls(certs.caPem);
    expect((c.socket as tls.TLSSocket).authorized).toBe(true);
    expect(await c.cmd("EHLO me")).toBe("250 x secured\r\n");
    expect(await c.cmd("QUIT")).toBe("221 bye\r\n");
    expect(srv.received).toEqual(["EHLO me", "STARTTLS", "EHLO me", "QUIT"]);
    expect(srv.mismatches).toEqual([]);
    // rawReceived holds plaintext application data, including after the upgrade.
    expect(srv.rawReceived().toString()).toBe("EHLO me\r\nSTARTTLS\r\nEHLO me\r\nQUIT\r\n");
  });

  it("destroy after a TLS upgrade resets the connection without unhandled errors", async () => {
    const certs = await makeCerts();
    const srv = track(
      await startScriptedServer([{ send: "220 tls\r\n" }, { expect: "NOOP" }, { destroy: true }], {
        tls: { cert: certs.certPem, key: certs.keyPem },
        implicitTls: true,
      }),
    );
    const c = trackClient(await connectTls(srv.port, certs.caPem));
    await c.reply();
    c.send("NOOP\r\n");
    await c.closed();
    expect(c.errorCode).toBe("ECONNRESET");
  });

  it("implicit TLS", async () => {
    const certs = await makeCerts();
    const srv = track(
      await startScriptedServer([{ send: "220 tls ESMTP\r\n" }, { expect: "EHLO" }, { send: "250 ok\r\n" }], {
        tls: { cert: certs.certPem, key: certs.keyPem },
        implicitTls: true,
      }),
    );
    const c = trackClient(await connectTls(srv.port, certs.caPem));
    expect(await c.reply()).toBe("220 tls ESMTP\r\n");
    expect(await c.cmd("EHLO me")).toBe("250 ok\r\n");
  });

  it("close() returns promptly with an idle client connected", async () => {
    const srv = await startScriptedServer([{ send: "220 x\r\n" }, { expect: "NEVER" }]);
    const c = trackClient(await connect(srv.port));
    await c.reply();
    // close() resolves (a server that waited for its idle client would never) and the client sees the close.
    await srv.close();
    await c.closed();
  });
});

describe("startScriptedSmtp", () => {
  it("answers by verb and exact line, handles DATA, STARTTLS and QUIT", async () => {
    const certs = await makeCerts();
    const srv = track(
      await startScriptedSmtp(
        {
          EHLO: (line) => `250-test.local hello ${line.split(" ")[1] ?? ""}\r\n250 STARTTLS\r\n`,
          STARTTLS: "220 2.0.0 Ready to start TLS\r\n",
          MAIL: "250 2.1.0 Ok\r\n",
          "RCPT TO:<BAD@EXAMPLE.COM>": "550 5.1.1 no such user\r\n",
          RCPT: "250 2.1.5 Ok\r\n",
        },
        { tls: { cert: certs.certPem, key: certs.keyPem } },
      ),
    );
    const c = trackClient(await connect(srv.port));
    expect(await c.reply()).toBe("220 test.local ESMTP\r\n");
    expect(await c.cmd("EHLO me")).toBe("250-test.local hello me\r\n250 STARTTLS\r\n");
    expect(await c.cmd("STARTTLS")).toBe("220 2.0.0 Ready to start TLS\r\n");
    await c.startTls(certs.caPem);
    expect(await c.cmd("EHLO me")).toMatch(/^250-/);
    expect(await c.cmd("MAIL FROM:<a@b.c>")).toBe("250 2.1.0 Ok\r\n");
    expect(await c.cmd("RCPT TO:<bad@example.com>")).toBe("550 5.1.1 no such user\r\n");
    expect(await c.cmd("RCPT TO:<ok@example.com>")).toBe("250 2.1.5 Ok\r\n");
    expect(await c.cmd("VRFY x")).toBe("500 5.5.1 Command unrecognized\r\n");
    expect(await c.cmd("DATA")).toMatch(/^354 /);
    c.send("hello\r\n..x\r\n.\r\n");
    expect(await c.reply()).toBe("250 2.0.0 Ok: queued\r\n");
    expect(await c.cmd("QUIT")).toBe("221 2.0.0 Bye\r\n");
    await c.closed();
    expect(srv.messages).toEqual(["hello\r\n..x\r\n"]);
    expect(srv.received).toEqual([
      "EHLO me",
      "STARTTLS",
      "EHLO me",
      "MAIL FROM:<a@b.c>",
      "RCPT TO:<bad@example.com>",
      "RCPT TO:<ok@example.com>",
      "VRFY x",
      "DATA",
      "QUIT",
    ]);
  });
});

describe("startSmtpServer", () => {
  it("accepts mail in plain text, rejects recipients via onRcpt", async () => {
    const srv = track(await startSmtpServer({ size: 1000, onRcpt: (a) => (a.startsWith("bad") ? "no such user" : null) }));
    const c = trackClient(await connect(srv.port));
    expect(await c.reply()).toMatch(/^220 /);
    const ehlo = await c.cmd("EHLO me");
    expect(ehlo).toContain("SIZE 1000");
    expect(ehlo).toContain("ENHANCEDSTATUSCODES");
    expect(ehlo).toContain("AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2");
    expect(ehlo).not.toContain("STARTTLS");
    expect(await c.cmd("MAIL FROM:<a@example.com>")).toMatch(/^250 /);
    expect(await c.cmd("RCPT TO:<bad@example.com>")).toMatch(/^550 .*no such user/);
    expect(await c.cmd("RCPT TO:<ok@example.com>")).toMatch(/^250 /);
    expect(await c.cmd("DATA")).toMatch(/^354 /);
    c.send("Subject: hi\r\n\r\n..dot\r\n.\r\n");
    expect(await c.reply()).toMatch(/^250 /);
    expect(srv.messages).toEqual([{ from: "a@example.com", to: ["ok@example.com"], raw: "Subject: hi\r\n\r\n.dot\r\n" }]);
    expect(await c.cmd("MAIL FROM:<a@example.com> SIZE=5000")).toMatch(/^552 /);
  });

  it("AUTH PLAIN, LOGIN, CRAM-MD5, XOAUTH2 and wrong credentials", async () => {
    const srv = track(await startSmtpServer({ users: { alice: "s3cret" }, oauthTokens: { bob: "tok" } }));
    const b64 = (s: string): string => Buffer.from(s).toString("base64");

    let c = trackClient(await connect(srv.port));
    await c.reply();
    await c.cmd("EHLO me");
    expect(await c.cmd(`AUTH PLAIN ${b64("\0alice\0wrong")}`)).toMatch(/^535 /);
    expect(await c.cmd(`AUTH PLAIN ${b64("\0alice\0s3cret")}`)).toMatch(/^235 /);

    c = trackClient(await connect(srv.port));
    await c.reply();
    await c.cmd("EHLO me");
    expect(await c.cmd("AUTH LOGIN")).toMatch(/^334 /);
    expect(await c.cmd(b64("alice"))).toMatch(/^334 /);
    expect(await c.cmd(b64("s3cret"))).toMatch(/^235 /);

    c = trackClient(await connect(srv.port));
    await c.reply();
    await c.cmd("EHLO me");
    const challenge = Buffer.from((await c.cmd("AUTH CRAM-MD5")).slice(4).trim(), "base64").toString();
    const digest = createHmac("md5", "s3cret").update(challenge).digest("hex");
    expect(await c.cmd(b64(`alice ${digest}`))).toMatch(/^235 /);

    c = trackClient(await connect(srv.port));
    await c.reply();
    await c.cmd("EHLO me");
    expect(await c.cmd(`AUTH XOAUTH2 ${b64("user=bob\x01auth=Bearer nope\x01\x01")}`)).toMatch(/^535 /);
    expect(await c.cmd(`AUTH XOAUTH2 ${b64("user=bob\x01auth=Bearer tok\x01\x01")}`)).toMatch(/^235 /);

    expect(srv.auths).toEqual([
      { method: "PLAIN", username: "alice" },
      { method: "LOGIN", username: "alice" },
      { method: "CRAM-MD5", username: "alice" },
      { method: "XOAUTH2", username: "bob" },
    ]);
  });

  it("STARTTLS with the CA-signed cert", async () => {
    const certs = await makeCerts();
    const srv = track(await startSmtpServer({ tls: { cert: certs.certPem, key: certs.keyPem } }));
    const c = trackClient(await connect(srv.port));
    await c.reply();
    expect(await c.cmd("EHLO me")).toContain("STARTTLS");
    expect(await c.cmd("STARTTLS")).toMatch(/^220 /);
    await c.startTls(certs.caPem);
    expect(await c.cmd("EHLO me")).not.toContain("STARTTLS");
  });

  it("implicit TLS (secure: true)", async () => {
    const certs = await makeCerts();
    const srv = track(await startSmtpServer({ secure: true, tls: { cert: certs.certPem, key: certs.keyPem } }));
    const c = trackClient(await connectTls(srv.port, certs.caPem));
    expect(await c.reply()).toMatch(/^220 /);
    expect(await c.cmd("EHLO me")).toMatch(/^250/);
  });

  it("close() returns promptly with an idle client connected", async () => {
    const srv = await startSmtpServer({});
    const c = trackClient(await connect(srv.port));
    await c.reply();
    // close() resolves (a server that waited for its idle client would never) and the client sees the close.
    await srv.close();
    await c.closed();
  });
});
