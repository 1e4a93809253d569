// Issue "credentials only where it is safe" (RFC 4954 §4; contract §7): credentials go only with a
// mechanism the current EHLO advertised, only after TLS when the target asks for TLS, and in clear
// text only to loopback or with allow-plaintext-auth. Each refusal is proved on the wire: the
// server's record of received lines (decrypted after STARTTLS) holds no AUTH line.
import { localIo } from "../../src/config/local-io.js";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { resolveTarget } from "../../src/config/resolve.js";
import type { RawTarget } from "../../src/config/keys.js";
import { plainResponse } from "../../src/protocol/auth.js";
import { startScriptedSmtp, type ScriptedServer } from "../support/scripted-server.js";
import { makeCerts, type TestCerts } from "../support/certs.js";
import { ensureBuilt, runNode } from "../support/built.js";
import { Servers, commands, probe, target } from "./helpers.js";

const servers = new Servers();
afterEach(() => servers.closeAll());
let certs: TestCerts;
beforeAll(async () => {
  certs = await makeCerts();
});

const USER = "app@example.com";
const PW = "Canary-Pw-9f3b";
const creds = (mechanism: "PLAIN" | "LOGIN" | "CRAM-MD5" | null = null) => ({ username: USER, password: PW, mechanism });
const authLines = (srv: ScriptedServer) => srv.received.filter((l) => /^AUTH\b/i.test(l) || l.includes(plainResponse(USER, PW)));
const ids = (r: { findings: { id: string }[] }) => r.findings.map((f) => f.id);

describe("the server's EHLO decides", () => {
  it("no AUTH advertised: nothing of the credentials is sent; the finding says so; RSET-free QUIT", async () => {
    const srv = servers.add(await startScriptedSmtp({ EHLO: "250-mx.test\r\n250 PIPELINING\r\n", AUTH: "235 2.7.0 would accept anything\r\n" }));
    const r = await probe(target(srv.port, { credentials: creds("PLAIN"), to: ["a@example.com"] }));
    expect(authLines(srv)).toEqual([]);
    expect(srv.received).toEqual(["EHLO ci.example.com", "QUIT"]);
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "QUIT"]);
    expect(r.verdict).toBe("fail");
    const f = r.findings.find((x) => x.id === "auth-withheld");
    expect(f).toMatchObject({ severity: "error", step: 1 });
    expect(f?.message).toContain("did not advertise AUTH");
    expect(r.authWithheld).toMatchObject({ reason: "auth-not-offered", offered: [] });
  });

  it("--auth PLAIN against a server that offers only CRAM-MD5: nothing sent, the finding names what it offers", async () => {
    const srv = servers.add(await startScriptedSmtp({ EHLO: "250-mx.test\r\n250 AUTH CRAM-MD5\r\n", AUTH: "235 2.7.0 would accept anything\r\n" }));
    const r = await probe(target(srv.port, { credentials: creds("PLAIN") }));
    expect(authLines(srv)).toEqual([]);
    expect(r.findings.find((x) => x.id === "auth-withheld")?.message).toContain("AUTH PLAIN was asked for, but the server's EHLO reply offers AUTH CRAM-MD5");
    expect(r.verdict).toBe("fail");
  });

  it("automatic choice takes only an advertised mechanism (LOGIN here), never PLAIN by default", async () => {
    const srv = servers.add(await startScriptedSmtp({ EHLO: "250-mx.test\r\n250 AUTH LOGIN\r\n", "AUTH LOGIN": "334 VXNlcm5hbWU6\r\n", AUTH: "504 no\r\n" }));
    const r = await probe(target(srv.port, { credentials: creds(), timeoutMs: 300 }));
    expect(commands(r)[2]).toBe("AUTH LOGIN");
    expect(srv.received.filter((l) => /^AUTH PLAIN/i.test(l))).toEqual([]);
  });

  it("AUTH only before STARTTLS: after TLS nothing is sent, and the finding says it was offered only in clear text", async () => {
    let ehlos = 0;
    const srv = servers.add(
      await startScriptedSmtp(
        {
          EHLO: () => (++ehlos === 1 ? "250-mx.test\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n" : "250-mx.test\r\n250 PIPELINING\r\n"),
          STARTTLS: "220 2.0.0 Ready\r\n",
          AUTH: "235 2.7.0 would accept anything\r\n",
        },
        { tls: { cert: certs.certPem, key: certs.keyPem } },
      ),
    );
    const r = await probe(target(srv.port, { tls: "starttls", ca: certs.caPem, credentials: creds() }));
    expect(r.tls?.authorized).toBe(true);
    expect(authLines(srv)).toEqual([]);
    expect(srv.received).toEqual(["EHLO ci.example.com", "STARTTLS", "EHLO ci.example.com", "QUIT"]);
    const message = r.findings.find((x) => x.id === "auth-withheld")?.message ?? "";
    expect(message).toContain("after STARTTLS did not advertise AUTH");
    expect(message).toContain("Before STARTTLS it offered AUTH PLAIN LOGIN");
  });

  it("AUTH offered before TLS only: with tls starttls the credentials wait for TLS and go once offered after it", async () => {
    let ehlos = 0;
    const srv = servers.add(
      await startScriptedSmtp(
        {
          EHLO: () => (++ehlos === 1 ? "250-mx.test\r\n250 STARTTLS\r\n" : "250-mx.test\r\n250 AUTH PLAIN\r\n"),
          STARTTLS: "220 2.0.0 Ready\r\n",
          AUTH: (l: string) => (l === `AUTH PLAIN ${plainResponse(USER, PW)}` ? "235 2.7.0 ok\r\n" : "535 no\r\n"),
        },
        { tls: { cert: certs.certPem, key: certs.keyPem } },
      ),
    );
    const r = await probe(target(srv.port, { tls: "starttls", ca: certs.caPem, credentials: creds() }));
    expect(srv.received.indexOf(`AUTH PLAIN ${plainResponse(USER, PW)}`)).toBe(3);
    expect(r.verdict).toBe("pass");
    expect(ids(r)).toEqual([]);
  });
});

describe("clear text", () => {
  it("loopback without TLS: sent without an opt-in, and a warning says so", async () => {
    const srv = servers.add(await startScriptedSmtp({ EHLO: "250-mx.test\r\n250 AUTH PLAIN\r\n", AUTH: "235 2.7.0 ok\r\n" }));
    const r = await probe(target(srv.port, { credentials: creds() }));
    expect(authLines(srv)).toHaveLength(1);
    expect(r.findings.map((f) => [f.id, f.severity])).toEqual([["auth-cleartext", "warning"]]);
    expect(r.verdict).toBe("warn");
  });

  it("a custom sequence under tls starttls that would send AUTH before STARTTLS is a configuration error naming the line", () => {
    const raw: RawTarget = { host: "mail.example.com", username: USER, "password-env": "PW", steps: "EHLO {helo}\nAUTH PLAIN\nSTARTTLS\nEHLO {helo}" };
    const r = resolveTarget(raw, { env: { PW }, label: (k) => k, ...localIo() });
    expect("problems" in r && r.problems).toEqual([expect.objectContaining({ field: "steps line 2", message: expect.stringContaining("before the STARTTLS step") })]);
    const noStartTls = resolveTarget({ ...raw, steps: "EHLO {helo}\nAUTH LOGIN" }, { env: { PW }, label: (k) => k, ...localIo() });
    expect("problems" in noStartTls && noStartTls.problems[0]?.message).toContain("no step runs STARTTLS");
    // STARTTLS first is fine; so is a literal AUTH line, which carries no configured secret.
    expect("problems" in resolveTarget({ ...raw, steps: "EHLO {helo}\nSTARTTLS\nEHLO {helo}\nAUTH PLAIN" }, { env: { PW }, label: (k) => k, ...localIo() })).toBe(false);
    expect("problems" in resolveTarget({ ...raw, username: undefined, "password-env": undefined, steps: "EHLO {helo}\nAUTH PLAIN dGVzdA==" }, { env: {}, label: (k) => k, ...localIo() })).toBe(false);
  });

  it("tls none to a server not on loopback needs allow-plaintext-auth: a configuration error, exit 2, nothing sent", async () => {
    const built = ensureBuilt();
    const args = ["--host", "192.0.2.25", "--tls", "none", "--user", USER, "--password-env", "PW", "--timeout", "1"];
    const run = await runNode(built.cli, args, { env: { PW } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--allow-plaintext-auth");
    expect(run.stdout + run.stderr).not.toContain(PW);
    const ok = resolveTarget({ host: "192.0.2.25", tls: "none", username: USER, "password-env": "PW", "allow-plaintext-auth": true }, { env: { PW }, label: (k) => k, ...localIo() });
    expect("problems" in ok).toBe(false);
    // Loopback and localhost need no opt-in.
    for (const host of ["127.0.0.1", "localhost", "::1"]) expect("problems" in resolveTarget({ host, tls: "none", username: USER, "password-env": "PW" }, { env: { PW }, label: (k) => k, ...localIo() })).toBe(false);
  });

  it("--insecure changes none of this: it is about the certificate, not clear text", () => {
    const r = resolveTarget({ host: "192.0.2.25", tls: "none", insecure: true, username: USER, "password-env": "PW" }, { env: { PW }, label: (k) => k, ...localIo() });
    expect("problems" in r && r.problems.map((p) => p.field)).toEqual(["allow-plaintext-auth"]);
  });
});
