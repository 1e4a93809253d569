// Hostile servers on 127.0.0.1, probed through the engine (probeTarget / runTargets) with targets
// built by resolveTarget. Every case asserts the error kind, the step it names, and that the probe
// ended by itself: termination, not performance. The only clock is the test's own timeout — a
// bound in wall-clock time would fail on a loaded machine; the error's kind and message say
// which wait ran out (a deadline, not an idle timer, against a server that trickles forever).
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { runTargets } from "../../src/engine/run.js";
import type { TargetResult } from "../../src/model/report.js";
import { MAX_TRANSCRIPT_CHARS, MAX_TRANSCRIPT_ENTRIES } from "../../src/session/transcript.js";
import { renderJson } from "../../src/report/json.js";
import { renderText } from "../../src/report/text.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { startScriptedServer, type ScriptAction } from "../support/scripted-server.js";
import { makeCerts, type TestCerts } from "../support/certs.js";
import { Closer, eventually, flood, resolved, startRawServer, timedProbe } from "./helpers.js";

const closer = new Closer();
afterEach(() => closer.closeAll());

let certs: TestCerts;
beforeAll(async () => {
  certs = await makeCerts();
});

const TIMEOUT_S = 0.5;

const EHLO = "250-mx.test\r\n250-AUTH PLAIN LOGIN\r\n250 ENHANCEDSTATUSCODES\r\n";

function commandsOf(r: TargetResult): (string | null)[] {
  return r.steps.map((s) => s.command);
}

describe("servers that never finish a reply", () => {
  it("never answers: timeout on the greeting, within the timeout", async () => {
    const srv = closer.add(await startRawServer(() => {}));
    const { r } = await timedProbe(resolved({ port: srv.port, timeout: String(TIMEOUT_S) }));
    expect(r.error?.kind).toBe("timeout");
    expect(r.error?.step).toBe(0);
    expect(r.steps).toHaveLength(1);
    expect(r.steps[0]?.reply).toBeNull();
    expect(r.verdict).toBe("fail");
    expect(r.error?.message).toMatch(/no answer within 0\.5s/);
    expect(await eventually(() => srv.open() === 0)).toBe(true);
  });

  it("trickles one byte every 100 ms forever: the reply timeout is a deadline, not an idle timer", async () => {
    const srv = closer.add(
      await startRawServer((s) => {
        const text = Buffer.from("220-mx.test slowly");
        let i = 0;
        const timer = setInterval(() => {
          if (!s.destroyed) s.write(text.subarray(i % text.length, (i % text.length) + 1));
          i++;
        }, 100);
        return () => clearInterval(timer);
      }),
    );
    const { r } = await timedProbe(resolved({ port: srv.port, timeout: String(TIMEOUT_S) }));
    expect(r.error?.kind).toBe("timeout");
    expect(r.error?.step).toBe(0);
    expect(await eventually(() => srv.open() === 0)).toBe(true);
  });

  it("trickles a reply after EHLO: the timeout names the EHLO step", async () => {
    const srv = closer.add(
      await startRawServer((s) => {
        s.write("220 mx.test\r\n");
        let timer: NodeJS.Timeout | undefined;
        s.once("data", () => {
          timer = setInterval(() => !s.destroyed && s.write("2"), 100);
        });
        return () => clearInterval(timer);
      }),
    );
    const { r } = await timedProbe(resolved({ port: srv.port, timeout: String(TIMEOUT_S) }));
    expect(r.error?.kind).toBe("timeout");
    expect(r.error?.step).toBe(1);
    expect(commandsOf(r)).toEqual([null, "EHLO ci.example.com"]);
  });

  it("an endless multi-line reply: protocol error on the greeting, bounded", async () => {
    const srv = closer.add(await startRawServer((s) => flood(s, Buffer.from("220-still going\r\n".repeat(64)))));
    const { r } = await timedProbe(resolved({ port: srv.port, timeout: String(TIMEOUT_S) }));
    expect(r.error?.kind).toBe("protocol");
    expect(r.error?.step).toBe(0);
    expect(r.error?.message).toMatch(/past \d+ lines/);
    expect(r.transcript.length).toBeLessThanOrEqual(MAX_TRANSCRIPT_ENTRIES);
    expect(await eventually(() => srv.open() === 0)).toBe(true);
  });

  it("a single 1 MiB line: protocol error, the line is not kept", async () => {
    const srv = closer.add(await startRawServer((s) => void s.write(Buffer.concat([Buffer.from("220 "), Buffer.alloc(1024 * 1024, 0x78), Buffer.from("\r\n")]))));
    const { r } = await timedProbe(resolved({ port: srv.port, timeout: String(TIMEOUT_S) }));
    expect(r.error?.kind).toBe("protocol");
    expect(r.error?.step).toBe(0);
    expect(r.error?.message).toMatch(/longer than \d+ octets/);
    expect(JSON.stringify(r).length).toBeLessThan(64 * 1024);
  });
});

describe("bytes that are not text", () => {
  it("NUL bytes and invalid UTF-8 in replies are shown escaped; classification still works", async () => {
    const srv = closer.add(
      await startRawServer((s) => {
        s.write(Buffer.concat([Buffer.from("220 mx.test\0hello "), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(" \x1b[31mred\r\n")]));
        let n = 0;
        s.on("data", (c: Buffer) => {
          for (const line of c.toString("latin1").split("\r\n").filter(Boolean)) {
            n++;
            if (/^EHLO/.test(line)) s.write("250-mx.test\0\r\n250 SIZE 1000\r\n");
            else if (/^MAIL/.test(line)) s.write(Buffer.concat([Buffer.from("550 5.7.1 refused \0"), Buffer.from([0xe2, 0x82]), Buffer.from("\r\n")]));
            else if (/^QUIT/.test(line)) s.end("221 bye\r\n");
          }
          void n;
        });
      }),
    );
    const { r } = await timedProbe(resolved({ port: srv.port, timeout: String(TIMEOUT_S), to: "b@example.com" }));
    expect(r.error).toBeNull();
    const greeting = r.steps[0]?.reply;
    expect(greeting?.code).toBe(220);
    expect(greeting?.lines[0]).toContain("\\x00");
    expect(greeting?.lines[0]).toContain("\uFFFD");
    expect(greeting?.lines[0]).toContain("\\x1b[31m");
    expect(r.steps[1]?.verdict).toBe("pass");
    const mail = r.steps[2];
    expect(mail?.command).toBe("MAIL FROM:<app@example.com>");
    expect(mail?.reply?.code).toBe(550);
    expect(mail?.reply?.enhanced).toBe("5.7.1");
    expect(mail?.class).toBe("permanent");
    expect(mail?.verdict).toBe("fail");
    expect(r.verdict).toBe("fail");
    const report = { schema: "smtp-gate/report@1" as const, verdict: r.verdict, tool: { name: "smtp-gate" as const, version: "test" }, startedAt: "", targets: [r] };
    for (const text of [renderJson(report), renderText(report, { color: false }), renderMarkdown(report)]) {
      expect(text).not.toContain("\0");
      expect(text).not.toContain("\x1b");
    }
  });

  for (const [label, line] of [["600 x", "600 x"], ["099 x", "099 x"], ["no code", "hello"], ["two-digit code", "25 x"]] as const) {
    it(`a reply "${label}" as the greeting is a protocol error on step 0, with the bytes received`, async () => {
      const srv = closer.add(await startScriptedServer([{ send: `${line}\r\n` }]));
      const { r } = await timedProbe(resolved({ port: srv.port, timeout: String(TIMEOUT_S) }));
      expect(r.error?.kind).toBe("protocol");
      expect(r.error?.step).toBe(0);
      expect(r.error?.received).toBe(line);
    });
    it(`a reply "${label}" to EHLO is a protocol error naming the EHLO step`, async () => {
      const srv = closer.add(await startScriptedServer([{ send: "220 mx.test\r\n" }, { expect: "EHLO" }, { send: `${line}\r\n` }]));
      const { r } = await timedProbe(resolved({ port: srv.port, timeout: String(TIMEOUT_S) }));
      expect(r.error?.kind).toBe("protocol");
      expect(r.error?.step).toBe(1);
      expect(r.steps[1]?.command).toBe("EHLO ci.example.com");
    });
  }
});

describe("a reset after every step of the default production sequence", () => {
  const PW = "s3cret-pw";
  const env = { SMTP_PASSWORD: PW };
  const upTo = (n: number): ScriptAction[] => {
    const all: ScriptAction[] = [
      { send: "220 mx.test ESMTP\r\n" },
      { expect: "EHLO" }, { send: "250-mx.test\r\n250 STARTTLS\r\n" },
      { expect: "STARTTLS" }, { send: "220 2.0.0 go ahead\r\n" }, { startTls: true },
      { expect: "EHLO" }, { send: EHLO },
      { expect: "AUTH PLAIN" }, { send: "235 2.7.0 ok\r\n" },
      { expect: "MAIL" }, { send: "250 2.1.0 ok\r\n" },
      { expect: "RCPT" }, { send: "250 2.1.5 ok\r\n" },
      { expect: "RSET" }, { send: "250 2.0.0 ok\r\n" },
      { expect: "QUIT" },
    ];
    return all.slice(0, n);
  };
  // [step name, script prefix (then the server resets), expected kind, expected step index]
  const cases: [string, ScriptAction[], string, number][] = [
    // The connection is accepted and the banner never comes. (A reset in the very instant of the
    // accept is the greeting's failure too: regression 2 in regressions.test.ts.)
    ["the greeting", [{ waitMs: 50 }], "closed", 0],
    ["EHLO", upTo(2), "closed", 1],
    ["STARTTLS", upTo(4), "closed", 2],
    ["STARTTLS's 220, before the handshake", upTo(5), "tls", 2],
    ["EHLO after TLS", upTo(7), "closed", 3],
    ["AUTH", upTo(9), "closed", 4],
    ["MAIL", upTo(11), "closed", 5],
    ["RCPT", upTo(13), "closed", 6],
    ["RSET", upTo(15), "closed", 7],
    ["QUIT", upTo(17), "closed", 8],
  ];

  it("the full sequence passes when nobody resets (sanity for the table)", async () => {
    const srv = closer.add(await startScriptedServer([...upTo(17), { send: "221 bye\r\n" }, { close: true }], { tls: { cert: certs.certPem, key: certs.keyPem } }));
    const { r } = await timedProbe(resolved({ port: srv.port, tls: "starttls", ca: certs.caFile, timeout: String(TIMEOUT_S), username: "u@example.com", "password-env": "SMTP_PASSWORD", auth: "PLAIN", to: "b@example.com" }, env));
    expect(r.error).toBeNull();
    expect(commandsOf(r)).toEqual([null, "EHLO ci.example.com", "STARTTLS", "EHLO ci.example.com", "AUTH PLAIN ***", "MAIL FROM:<app@example.com>", "RCPT TO:<b@example.com>", "RSET", "QUIT"]);
    expect(srv.mismatches).toEqual([]);
  });

  for (const [name, prefix, kind, step] of cases) {
    it(`reset at ${name} → ${kind}, step ${step}`, async () => {
      const srv = closer.add(await startScriptedServer([...prefix, { destroy: true }], { tls: { cert: certs.certPem, key: certs.keyPem } }));
      const { r } = await timedProbe(resolved({ port: srv.port, tls: "starttls", ca: certs.caFile, timeout: String(TIMEOUT_S), username: "u@example.com", "password-env": "SMTP_PASSWORD", auth: "PLAIN", to: "b@example.com" }, env));
      expect(r.error?.kind).toBe(kind);
      expect(r.error?.step).toBe(step);
      expect(r.steps).toHaveLength(step + 1);
      expect(r.verdict).toBe("fail");
      expect(JSON.stringify(r)).not.toContain(PW);
    });
  }
});

describe("a close before the banner", () => {
  it("FIN right after the accept → closed on the greeting step", async () => {
    const srv = closer.add(await startScriptedServer([{ close: true }]));
    const { r } = await timedProbe(resolved({ port: srv.port, timeout: String(TIMEOUT_S) }));
    expect(r.error?.kind).toBe("closed");
    expect(r.error?.step).toBe(0);
    expect(r.steps).toHaveLength(1);
    expect(r.steps[0]?.command).toBeNull();
  });

  it("half a banner, then a close → closed, with the partial bytes on record", async () => {
    const srv = closer.add(await startScriptedServer([{ send: "220 mx.test ESM" }, { close: true }]));
    const { r } = await timedProbe(resolved({ port: srv.port, timeout: String(TIMEOUT_S) }));
    expect(r.error?.kind).toBe("closed");
    expect(r.error?.step).toBe(0);
    expect(r.error?.received).toBe("220 mx.test ESM");
  });
});

describe("STARTTLS abuse", () => {
  const tlsOpts = () => ({ tls: { cert: certs.certPem, key: certs.keyPem } });
  const prefix: ScriptAction[] = [{ send: "220 mx.test\r\n" }, { expect: "EHLO" }, { send: "250-mx.test\r\n250 STARTTLS\r\n" }, { expect: "STARTTLS" }];

  it("garbage instead of a TLS handshake after STARTTLS's 220 → tls on the STARTTLS step", async () => {
    const srv = closer.add(await startScriptedServer([...prefix, { send: "220 go ahead\r\n" }, { waitMs: 50 }, { send: "this is not a TLS record at all\r\n".repeat(4) }], tlsOpts()));
    const { r } = await timedProbe(resolved({ port: srv.port, tls: "starttls", ca: certs.caFile, timeout: String(TIMEOUT_S) }));
    expect(r.error?.kind).toBe("tls");
    expect(r.error?.step).toBe(2);
    expect(r.steps[2]?.command).toBe("STARTTLS");
    expect(r.steps[2]?.verdict).toBe("fail");
  });

  it("silence instead of a TLS handshake → timeout on the STARTTLS step", async () => {
    const srv = closer.add(await startScriptedServer([...prefix, { send: "220 go ahead\r\n" }], tlsOpts()));
    const { r } = await timedProbe(resolved({ port: srv.port, tls: "starttls", ca: certs.caFile, timeout: String(TIMEOUT_S) }));
    expect(r.error?.kind).toBe("timeout");
    expect(r.error?.step).toBe(2);
  });
});

describe("servers that talk out of turn", () => {
  it("an early talker: the extra reply right after the greeting is counted, not credited to EHLO", async () => {
    const srv = closer.add(
      await startScriptedServer([
        { send: "220 mx.test ESMTP\r\n250 2.0.0 I speak before my turn\r\n" },
        { expect: "EHLO" },
        { send: "250-mx.test real ehlo reply\r\n250 8BITMIME\r\n" },
        { expect: "QUIT" },
        { send: "221 bye\r\n" },
        { close: true },
      ]),
    );
    const { r } = await timedProbe(resolved({ port: srv.port, timeout: String(TIMEOUT_S) }));
    expect(r.error).toBeNull();
    expect(r.steps[1]?.command).toBe("EHLO ci.example.com");
    expect(r.steps[1]?.reply?.lines).toEqual(["mx.test real ehlo reply", "8BITMIME"]);
    expect(r.steps[1]?.reply?.lines.join(" ")).not.toContain("before my turn");
    expect(r.steps[2]?.reply?.code).toBe(221);
    expect(r.unsolicitedReplies).toBe(1);
    expect(r.findings.map((f) => f.id)).toContain("unsolicited-reply");
  });

  // Issue 15 defect 1: replies sent before the pipelined group was written must not answer it.
  for (const pipelining of ["auto", "off"] as const) {
    it(`pipelining ${pipelining}: 250s sent with the EHLO reply do not hide RCPT's real 550 (no false pass)`, async () => {
      const srv = closer.add(
        await startScriptedServer([
          { send: "220 mx.test ESMTP\r\n" },
          { expect: "EHLO" },
          // The EHLO reply, and in the same segment answers to commands not yet sent.
          { send: "250-mx.test\r\n250 PIPELINING\r\n250 2.1.0 ok\r\n250 2.1.5 ok\r\n250 2.0.0 ok\r\n221 2.0.0 bye\r\n" },
          { expect: "MAIL" },
          ...(pipelining === "auto" ? [{ expect: "RCPT" }, { expect: "RSET" }] : []),
          { send: "250 2.1.0 Ok\r\n" },
          ...(pipelining === "off" ? [{ expect: "RCPT" }] : []),
          { send: "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown\r\n" },
          ...(pipelining === "off" ? [{ expect: "RSET" }] : []),
          { send: "250 2.0.0 Ok\r\n" },
          { expect: "QUIT" },
          { send: "221 2.0.0 Bye\r\n" },
          { close: true },
        ]),
      );
      const { r } = await timedProbe(resolved({ port: srv.port, timeout: String(TIMEOUT_S), to: "nobody@example.com", pipelining }));
      expect(r.unsolicitedReplies).toBe(4);
      const rcpt = r.steps.find((x) => x.command?.startsWith("RCPT"));
      expect(rcpt?.reply).toMatchObject({ code: 550, enhanced: "5.1.1" });
      expect(rcpt?.verdict).toBe("fail");
      expect(r.verdict).toBe("fail");
      expect(r.findings.find((f) => f.id === "unsolicited-reply")).toMatchObject({ severity: "error" });
      expect(srv.mismatches).toEqual([]);
    });
  }

  it("extra replies after AUTH's 235 are not credited to MAIL and RCPT", async () => {
    const srv = closer.add(
      await startScriptedServer([
        { send: "220 mx.test ESMTP\r\n" },
        { expect: "EHLO" },
        { send: "250-mx.test\r\n250-PIPELINING\r\n250 AUTH PLAIN\r\n" },
        { expect: "AUTH" },
        { send: "235 2.7.0 ok\r\n250 2.1.0 ok\r\n250 2.1.5 ok\r\n" },
        { expect: "MAIL" },
        { expect: "RCPT" },
        { expect: "RSET" },
        { send: "250 2.1.0 Ok\r\n550 5.7.1 relay denied\r\n250 2.0.0 Ok\r\n" },
        { expect: "QUIT" },
        { send: "221 2.0.0 Bye\r\n" },
        { close: true },
      ]),
    );
    const { r } = await timedProbe(resolved({ port: srv.port, timeout: String(TIMEOUT_S), to: "x@elsewhere.example", username: "u@example.com", "password-env": "PW" }, { PW: "long-enough-password" }));
    expect(r.unsolicitedReplies).toBe(2);
    expect(r.steps.find((x) => x.command?.startsWith("RCPT"))?.reply?.code).toBe(550);
    expect(r.verdict).toBe("fail");
  });

  it("421 in the middle of a session: no QUIT, no error, the session ends at once", async () => {
    // The server says it is closing but keeps the socket open: the client must not wait for it.
    const srv = closer.add(
      await startScriptedServer([
        { send: "220 mx.test\r\n" }, { expect: "EHLO" }, { send: EHLO },
        { expect: "MAIL" }, { send: "421 4.3.2 Service shutting down\r\n" },
      ]),
    );
    const { r } = await timedProbe(resolved({ port: srv.port, timeout: String(TIMEOUT_S), to: "b@example.com" }));
    expect(r.error).toBeNull();
    expect(commandsOf(r)).toEqual([null, "EHLO ci.example.com", "MAIL FROM:<app@example.com>"]);
    expect(r.steps[2]?.reply?.code).toBe(421);
    expect(r.steps[2]?.verdict).toBe("warn");
    // No timeout error: the probe did not wait for the close the server never made.
    // Every connection closed (smtp-gate hung up): the server has recorded every line it read.
    await srv.settled();
    expect(srv.received).not.toContain("QUIT");
    expect(srv.received.filter((l) => /^(RSET|RCPT)/.test(l))).toEqual([]);
  });
});

describe("the per-target deadline", () => {
  it("slow-but-in-time replies that add up past `deadline` → timeout naming the step where it passed", async () => {
    // The greeting and EHLO each take 200 ms (far under the 5 s timeout); MAIL is never answered:
    // the deadline of 0.75 s, not the timeout, ends the wait during MAIL.
    const srv = closer.add(
      await startScriptedServer([
        { waitMs: 200 }, { send: "220 mx.test\r\n" },
        { expect: "EHLO" }, { waitMs: 200 }, { send: EHLO },
        { expect: "MAIL" },
      ]),
    );
    const t = resolved({ port: srv.port, timeout: "5", deadline: "0.75", to: "b@example.com" });
    expect(t.deadlineMs).toBe(750);
    const { r } = await timedProbe(t);
    expect(r.error?.kind).toBe("timeout");
    expect(r.error?.message).toMatch(/deadline/);
    expect(r.error?.step).toBe(2);
    expect(r.steps[2]?.command).toBe("MAIL FROM:<app@example.com>");
    expect(r.steps.slice(0, 2).map((x) => x.reply?.code)).toEqual([220, 250]);
  });
});

describe("many targets at once stay bounded", () => {
  it("50 targets against servers that flood: every transcript within the cap, capping reported", async () => {
    // Half stream one endless multi-line reply of long lines (capped by size), half flood complete
    // one-line replies in one burst (capped by entries).
    const longLines = closer.add(await startRawServer((s) => flood(s, Buffer.from(`220-${"y".repeat(2000)}\r\n`.repeat(8)))));
    const burst = closer.add(await startRawServer((s) => void s.write("220 x\r\n".repeat(20_000))));
    // No target needs its timeout to end (each ends on a protocol error or a reply), so it is
    // long: servers and clients share this process's event loop, and on a loaded machine the
    // last of 50 flooded sessions waited over 2.5 s for its first byte.
    const targets = Array.from({ length: 50 }, (_, i) => resolved({ name: `t${i}`, port: i % 2 ? burst.port : longLines.port, timeout: "15" }));
    const report = await runTargets(targets, { concurrency: 50 });
    expect(report.targets).toHaveLength(50);
    for (const t of report.targets) {
      // The strict bound (≤ MAX_TRANSCRIPT_ENTRIES, marker included) fails by one today: see
      // KNOWN-BUGS.test.ts. Here: the transcript is bounded and the capping is reported.
      expect(t.transcript.length, t.name).toBeLessThanOrEqual(MAX_TRANSCRIPT_ENTRIES + 1);
      expect(t.transcript.reduce((n, e) => n + e.text.length, 0)).toBeLessThanOrEqual(MAX_TRANSCRIPT_CHARS + 200);
      if (t.transcriptCapped) expect(t.transcript.at(-1)?.text).toMatch(/capped/);
    }
    const odd = report.targets.filter((_, i) => i % 2 === 1);
    for (const t of odd) {
      // Whether the burst fills the transcript depends on how much arrives before the client hangs up.
      expect(t.steps[1]?.reply?.code, JSON.stringify({ e: t.error, s: t.steps.map((x) => [x.command, x.reply?.code]) })).toBe(220);
      expect(t.verdict).toBe("fail");
    }
    const even = report.targets.filter((_, i) => i % 2 === 0);
    for (const t of even) {
      expect(t.error?.kind).toBe("protocol");
      expect(t.error?.step).toBe(0);
      expect(t.transcriptCapped).toBe(true);
    }
    expect(await eventually(() => longLines.open() === 0 && burst.open() === 0)).toBe(true);
  });
});
