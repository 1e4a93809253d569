// What smtp-gate reports when the network between it and the MTA misbehaves: every mode of the
// fault proxy (test/support/fault-proxy.ts), end to end. Each case runs against an in-process
// upstream (the smtp-server package, so it runs everywhere) and, when the test MTA is up (or
// required by SMTP_GATE_REQUIRE_MTA), against the real Postfix.
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TargetConfig } from "../../src/config/target.js";
import type { TargetResult } from "../../src/model/report.js";
import { probeTarget } from "../../src/engine/run.js";
import { Redactor } from "../../src/protocol/redact.js";
import { makeCerts } from "../support/certs.js";
import { startFaultProxy, type FaultMode, type FaultProxy } from "../support/fault-proxy.js";
import { MTA_PASSWORD, MTA_PORTS, MTA_USER, SKIP_HINT, detectMta, mtaCa } from "../support/mta.js";
import { startScriptedSmtp } from "../support/scripted-server.js";
import { startSmtpServer, type RunningSmtpServer } from "../support/smtp-server.js";

const mta = await detectMta();
if (!mta.available && !mta.required) console.warn(`[test/mta] fault proxy cases run against smtp-server only, not Postfix: ${mta.reason}; ${SKIP_HINT}`);

interface Upstream {
  name: string;
  port: number;
  ca: string;
  /** What the upstream answers to an unknown verb (XXXXXXXX). */
  unknownCommand: RegExp;
}

const probe = (t: TargetConfig): Promise<TargetResult> => probeTarget(t, new Redactor());
const commands = (r: TargetResult) => r.steps.map((s) => s.command);
const ids = (r: TargetResult) => r.findings.map((f) => f.id);

function target(port: number, ca: string, over: Partial<TargetConfig> = {}): TargetConfig {
  return {
    name: `proxy:${port}`, host: "127.0.0.1", port, tls: "starttls", ca, insecure: false, helo: "ci.smtp-gate.test",
    from: "app@example.com", to: [], credentials: null, send: false, steps: null, failOn: "hard", timeoutMs: 3000, ...over,
  };
}

const proxies: FaultProxy[] = [];
async function through(up: Upstream, mode: FaultMode): Promise<FaultProxy> {
  const p = await startFaultProxy({ upstreamPort: up.port, mode });
  proxies.push(p);
  return p;
}
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

/** The cases, the same for every upstream. */
function faultCases(upstream: () => Upstream): void {
  it("no fault: the proxy is transparent (STARTTLS, AUTH, envelope pass)", async () => {
    const up = upstream();
    const p = await through(up, {});
    const r = await probe(target(p.port, up.ca, { credentials: { username: MTA_USER, password: MTA_PASSWORD, mechanism: "PLAIN" }, to: [MTA_USER] }));
    expect(r.verdict).toBe("pass");
    expect(r.tls).toMatchObject({ authorized: true });
    expect(r.findings.filter((f) => f.severity !== "notice")).toEqual([]);
    expect(p.stats.tlsSessions).toBe(1);
    expect(p.stats.connections).toBe(1);
  });

  describe("SMTP-inspecting firewall (PIX fixup)", () => {
    it("masked banner, EHLO refused by the firewall, HELO passes, STARTTLS becomes XXXXXXXX", async () => {
      const up = upstream();
      const p = await through(up, { firewall: true });
      const r = await probe(target(p.port, up.ca));
      // The banner keeps its code; its text is asterisks of the same length.
      expect(r.steps[0]?.reply?.code).toBe(220);
      expect(r.steps[0]?.reply?.lines[0]).toMatch(/^\*{28,}$/);
      // EHLO is answered by the firewall itself; smtp-gate falls back to HELO, which passes.
      const ehlo = r.steps[1];
      expect(ehlo).toMatchObject({ command: "EHLO ci.smtp-gate.test", verdict: "warn", reply: { code: 500, enhanced: "5.5.1", lines: ["5.5.1 Command unrecognized"] } });
      expect(r.steps[2]).toMatchObject({ command: "HELO ci.smtp-gate.test", extra: "fallback", verdict: "pass" });
      expect(p.stats.injected).toEqual(["500 5.5.1 Command unrecognized"]);
      // tls: starttls sends STARTTLS anyway; the firewall turns it into XXXXXXXX and the MTA refuses that.
      const starttls = r.steps.find((s) => s.command === "STARTTLS");
      expect(starttls?.reply?.code).toBe(500);
      expect(starttls?.reply?.lines.join(" ")).toMatch(up.unknownCommand);
      expect(p.stats.rewritten).toEqual(["STARTTLS -> XXXXXXXX"]);
      expect(r.verdict).toBe("fail");
      expect(r.error).toBeNull();
      expect(r.tls).toBeNull();
      expect(ids(r)).toContain("starttls-not-advertised");
      expect(ids(r)).toContain("command-unrecognized");
      // The firewall rule sees the masked banner and the EHLO/HELO split.
      const fw = r.findings.find((f) => f.id === "smtp-inspection");
      expect(fw, JSON.stringify(ids(r))).toBeDefined();
      expect(fw?.severity).toBe("error");
      expect(fw?.message).toMatch(/asterisks/);
    });

    it("ASA style (EHLO allowed): STARTTLS and unknown extensions are stripped from the EHLO reply", async () => {
      const up = upstream();
      const p = await through(up, { firewall: { blockEhlo: false } });
      const r = await probe(target(p.port, up.ca, { tls: "opportunistic" }));
      expect(r.steps[1]).toMatchObject({ command: "EHLO ci.smtp-gate.test", verdict: "pass" });
      expect(r.extensions).not.toContain("STARTTLS");
      expect(r.extensions.every((e) => /^(SIZE|8BITMIME|PIPELINING|DSN|ENHANCEDSTATUSCODES|HELP)\b/.test(e))).toBe(true);
      expect(r.extensions.some((e) => e.startsWith("AUTH"))).toBe(false);
      // Opportunistic TLS goes without; every step passes, but the masked banner together with the
      // missing STARTTLS is enough for the firewall rule to fail the target.
      expect(r.tls).toBeNull();
      expect(commands(r)).not.toContain("STARTTLS");
      expect(r.steps.every((s) => s.verdict === "pass")).toBe(true);
      expect(r.findings.map((f) => [f.id, f.severity])).toEqual([["smtp-inspection", "error"]]);
      expect(r.findings[0]?.message).toMatch(/STARTTLS/);
      expect(r.verdict).toBe("fail");
    });

    it("ASA style with tls: starttls: starttls-not-advertised, and STARTTLS sent anyway is XXXX'd", async () => {
      const up = upstream();
      const p = await through(up, { firewall: { blockEhlo: false } });
      const r = await probe(target(p.port, up.ca));
      expect(ids(r)).toContain("starttls-not-advertised");
      const starttls = r.steps.find((s) => s.command === "STARTTLS");
      expect(starttls?.reply?.code).toBe(500);
      expect(r.verdict).toBe("fail");
      expect(p.stats.rewritten).toEqual(["STARTTLS -> XXXXXXXX"]);
    });

    it("a non-RFC-821 command after HELO (AUTH) is replaced by XXXX and refused", async () => {
      const up = upstream();
      const p = await through(up, { firewall: true });
      // A literal AUTH line (no credentials): the masked EHLO advertises no AUTH, so configured
      // credentials would not be sent at all (tested in test/integration/credentials.test.ts).
      const r = await probe(target(p.port, up.ca, { tls: "none", steps: [{ line: "EHLO {helo}", expect: null }, { line: "AUTH PLAIN AHRlc3QAdGVzdA==", expect: null }] }));
      const auth = r.steps.find((s) => s.command?.startsWith("AUTH"));
      expect(auth?.reply?.code).toBe(500);
      expect(p.stats.rewritten[0]).toMatch(/^AUTH PLAIN \S+ -> XXXX PLAIN \S+$/);
      expect(r.verdict).toBe("fail");
      expect(ids(r)).toContain("smtp-inspection");
    });
  });

  describe("TLS interference after STARTTLS", () => {
    it("corrupted TLS bytes: error kind tls, finding tls-failed", async () => {
      const up = upstream();
      const p = await through(up, { tls: "corrupt" });
      const r = await probe(target(p.port, up.ca));
      expect(r.steps.find((s) => s.command === "STARTTLS")?.reply?.code).toBe(220);
      expect(r.error?.kind).toBe("tls");
      expect(r.verdict).toBe("fail");
      expect(ids(r)).toContain("tls-failed");
      expect(p.stats.tlsBytesTampered).toBeGreaterThan(0);
    });

    it("dropped TLS bytes: the handshake never finishes, error kind timeout", async () => {
      const up = upstream();
      const p = await through(up, { tls: "drop" });
      const r = await probe(target(p.port, up.ca, { timeoutMs: 800 }));
      expect(r.error?.kind).toBe("timeout");
      expect(r.verdict).toBe("fail");
      expect(ids(r)).toContain("tls-handshake-stalled");
    });
  });

  describe("line endings", () => {
    it("CRLF turned into bare LF toward the client: bare-lf-replies, verdict warn", async () => {
      const up = upstream();
      const p = await through(up, { bareLf: "toClient" });
      const r = await probe(target(p.port, up.ca, { tls: "none" }));
      expect(r.steps.every((s) => s.reply?.ending === "lf")).toBe(true);
      expect(ids(r)).toEqual(["bare-lf-replies"]);
      expect(r.findings[0]?.severity).toBe("warning");
      expect(r.verdict).toBe("warn");
    });

    it("CRLF turned into bare LF toward the server: the MTA copes, smtp-gate cannot see it", async () => {
      const up = upstream();
      const p = await through(up, { bareLf: "toServer" });
      const r = await probe(target(p.port, up.ca, { tls: "none", to: [MTA_USER] }));
      // smtp-server and Postfix 3.7 (smtpd_forbid_bare_newline = no) accept bare LF commands.
      expect(r.verdict).toBe("pass");
      expect(r.findings).toEqual([]);
      expect(p.stats.clientLines.length).toBeGreaterThanOrEqual(4);
    });
  });

  describe("connection reset", () => {
    it("RST after the 2nd client line (MAIL): error kind closed at MAIL, finding connection-closed", async () => {
      const up = upstream();
      const p = await through(up, { resetAfterClientLines: 2 });
      const r = await probe(target(p.port, up.ca, { tls: "none", to: [MTA_USER] }));
      expect(commands(r)).toEqual([null, "EHLO ci.smtp-gate.test", "MAIL FROM:<app@example.com>"]);
      expect(r.steps[2]?.reply).toBeNull();
      expect(r.error).toMatchObject({ kind: "closed", step: 2 });
      expect(r.verdict).toBe("fail");
      expect(ids(r)).toContain("connection-closed");
      expect(p.stats.resets).toBe(1);
    });
  });

  describe("latency", () => {
    it("150 ms per reply: the probe still passes and the step times show it", async () => {
      const up = upstream();
      const p = await through(up, { latencyMs: { toClient: 150, toServer: 0 } });
      const r = await probe(target(p.port, up.ca, { to: [MTA_USER] }));
      expect(r.verdict).toBe("pass");
      // A lower bound only: each reply was held 150 ms by the proxy's timer, and a loaded machine adds time, never removes it.
      expect(r.steps.every((s) => s.ms >= 149)).toBe(true);
      expect(p.stats.delayedChunks).toMatchObject({ toServer: 0 });
      expect(p.stats.delayedChunks.toClient).toBeGreaterThanOrEqual(r.steps.length);
      expect(p.stats.bytesToClient).toBeGreaterThan(0);
      expect(p.stats.bytesToServer).toBeGreaterThan(0);
    });
  });
}

describe("fault proxy → smtp-server (in process)", () => {
  let server: RunningSmtpServer;
  let ca = "";
  beforeAll(async () => {
    const certs = await makeCerts();
    ca = certs.caPem;
    server = await startSmtpServer({ tls: { cert: certs.certPem, key: certs.keyPem }, users: { [MTA_USER]: MTA_PASSWORD } });
  });
  afterAll(() => server.close());
  faultCases(() => ({ name: "smtp-server", port: server.port, ca, unknownCommand: /command not recognized|unrecognized/i }));
});

describe.skipIf(!mta.available && !mta.required)("fault proxy → Postfix (scripts/test-mta.sh)", () => {
  let ca = "";
  beforeAll(() => {
    if (!mta.available) throw new Error(`SMTP_GATE_REQUIRE_MTA is set but the test MTA is not reachable: ${mta.reason}; run scripts/test-mta.sh start`);
    ca = mtaCa();
  });
  faultCases(() => ({ name: "postfix", port: MTA_PORTS.plain, ca, unknownCommand: /^5\.5\.2 Error: command not recognized$/ }));
});

describe("fault proxy unit behaviour (scripted upstream)", () => {
  it("bare LF toward the server reaches the server as bare LF; CRLF is kept otherwise", async () => {
    const up = await startScriptedSmtp({ EHLO: "250 ok\r\n" });
    const p = await startFaultProxy({ upstreamPort: up.port, mode: { bareLf: "toServer" } });
    try {
      const r = await probe(target(p.port, "", { tls: "none", ca: undefined }));
      expect(r.verdict).toBe("pass");
      expect(up.bareLfLines).toEqual(["EHLO ci.smtp-gate.test", "QUIT"]);
    } finally {
      await p.close();
      await up.close();
    }
  });

  it("the firewall leaves a DATA body alone (lines that look like commands are not XXXX'd)", async () => {
    const up = await startScriptedSmtp({ EHLO: "250 ok\r\n", HELO: "250 ok\r\n", MAIL: "250 ok\r\n", RCPT: "250 ok\r\n" });
    const p = await startFaultProxy({ upstreamPort: up.port, mode: { firewall: true } });
    try {
      const body = "STARTTLS in the body\nVRFY too\n.\nend";
      const r = await probe(target(p.port, "", { tls: "none", ca: undefined, to: ["a@example.com"], send: true, body }));
      expect(r.steps.map((s) => s.verdict)).toEqual(["pass", "warn", "pass", "pass", "pass", "pass", "pass", "pass"]);
      expect(ids(r)).toContain("smtp-inspection");
      expect(up.messages[0]).toContain("\r\nSTARTTLS in the body\r\nVRFY too\r\n..\r\nend\r\n");
      expect(p.stats.rewritten).toEqual([]);
      expect(up.received).toEqual(["HELO ci.smtp-gate.test", "MAIL FROM:<app@example.com>", "RCPT TO:<a@example.com>", "DATA", "QUIT"]);
    } finally {
      await p.close();
      await up.close();
    }
  });

  it("latency keeps the order of a long pipelined burst, line by line", async () => {
    // The proxy forwards line by line; 2000 lines in one write give the clock many chances to
    // tick while they are queued, which once let a line overtake the one before it.
    const up = await startScriptedSmtp({ NOOP: "250 ok\r\n" });
    const p = await startFaultProxy({ upstreamPort: up.port, mode: { latencyMs: { toServer: 5 } } });
    const sent = Array.from({ length: 2000 }, (_, i) => `NOOP ${i}`);
    const client = net.connect({ host: "127.0.0.1", port: p.port });
    try {
      client.on("error", () => {});
      client.resume();
      await new Promise<void>((resolve) => client.once("connect", resolve));
      client.write(`${sent.join("\r\n")}\r\nQUIT\r\n`);
      await new Promise<void>((resolve) => client.once("close", resolve));
      expect(up.received).toEqual([...sent, "QUIT"]);
    } finally {
      client.destroy();
      await p.close();
      await up.close();
    }
  });

  it("latency applies per direction and keeps order", async () => {
    const up = await startScriptedSmtp({ EHLO: "250-a\r\n250-b\r\n250 c\r\n", NOOP: "250 ok\r\n" });
    const p = await startFaultProxy({ upstreamPort: up.port, mode: { latencyMs: { toServer: 100 } } });
    try {
      const r = await probe(target(p.port, "", { tls: "none", ca: undefined, steps: [{ line: "NOOP", expect: null }, { line: "NOOP", expect: null }] }));
      expect(r.verdict).toBe("pass");
      // The greeting and the replies are not held back; EHLO (the production opening: the steps
      // do not open the session), NOOP, NOOP and QUIT reach the server 100 ms late each: the
      // proxy's count says which direction waited, the step times only bound it from below.
      expect(p.stats.delayedChunks).toEqual({ toServer: 4, toClient: 0 });
      expect(r.steps.slice(1).map((s) => s.ms >= 99)).toEqual([true, true, true, true]);
      expect(up.received).toEqual(["EHLO ci.smtp-gate.test", "NOOP", "NOOP", "QUIT"]);
    } finally {
      await p.close();
      await up.close();
    }
  });
});
