/**
 * Bugs the hostile-peer suite found where src/ contradicts the contract or its own guarantees.
 * These tests state the expected behaviour and FAIL until src/ is fixed; do not weaken them.
 * Each names the place in src/ and a one-line fix.
 */
import { localIo } from "../../src/config/local-io.js";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { resolveTarget } from "../../src/config/resolve.js";
import { runTargets } from "../../src/engine/run.js";
import { MAX_TRANSCRIPT_ENTRIES } from "../../src/session/transcript.js";
import { startScriptedServer, startScriptedSmtp } from "../support/scripted-server.js";
import { makeCerts, type TestCerts } from "../support/certs.js";
import { Closer, eventually, flood, resolved, startRawServer, timedProbe } from "./helpers.js";

const closer = new Closer();
afterEach(() => closer.closeAll());
let certs: TestCerts;
beforeAll(async () => {
  certs = await makeCerts();
});

describe("regression 1 — src/session/transcript.ts: the capped transcript holds MAX_TRANSCRIPT_ENTRIES + 1 entries", () => {
  // The cap marker is pushed after the list is already full, so `transcript.length` reaches 2001.
  // Fix: cap at `entries.length >= MAX_TRANSCRIPT_ENTRIES - 1` so the marker is the 2000th entry.
  it("a burst of 20 000 one-line replies: transcript.length ≤ MAX_TRANSCRIPT_ENTRIES", async () => {
    const srv = closer.add(await startRawServer((s) => void s.write("220 x\r\n".repeat(20_000))));
    const { r } = await timedProbe(resolved({ port: srv.port, timeout: "0.8" }));
    expect(r.transcriptCapped).toBe(true);
    expect(r.transcript.length).toBeLessThanOrEqual(MAX_TRANSCRIPT_ENTRIES);
  });

  it("50 targets against servers that flood: every transcript within MAX_TRANSCRIPT_ENTRIES", async () => {
    const longLines = closer.add(await startRawServer((s) => flood(s, Buffer.from(`220-${"y".repeat(2000)}\r\n`.repeat(8)))));
    const burst = closer.add(await startRawServer((s) => void s.write("220 x\r\n".repeat(20_000))));
    const targets = Array.from({ length: 50 }, (_, i) => resolved({ name: `t${i}`, port: i % 2 ? burst.port : longLines.port, timeout: "3" }));
    const report = await runTargets(targets, { concurrency: 50 });
    for (const t of report.targets) {
      expect(t.transcript.length, t.name).toBeLessThanOrEqual(MAX_TRANSCRIPT_ENTRIES);
      if (t.transcriptCapped) expect(t.transcript.at(-1)?.text).toMatch(/capped/);
    }
  });
});

describe("regression 2 — src/engine/probe.ts (with src/session/session.ts): a reset right after the accept is a connect failure with no step", () => {
  // The server accepted the connection (a refusal would be ECONNREFUSED), so the probe was waiting
  // for the banner; the same server sending its RST 50 ms later gives `closed` on step 0. The
  // result depends on timing. Fix: in Probe.run, when connect() fails with kind "closed", record
  // the greeting step (`this.record(null, connectError, GREETING_EXPECTATION, began)`) instead of setError(…, null, …).
  it("reset at once after the accept → closed, naming the greeting (step 0)", async () => {
    for (let i = 0; i < 3; i++) {
      const srv = closer.add(await startScriptedServer([{ destroy: true }]));
      const { r } = await timedProbe(resolved({ port: srv.port, timeout: "0.5" }));
      expect(r.error?.kind).toBe("closed");
      expect(r.error?.step).toBe(0);
      expect(r.steps).toHaveLength(1);
    }
  });
});

describe("regression 3 — src/session/session.ts (receive): bytes after STARTTLS's 220 in the same segment are parsed as SMTP", () => {
  // RFC 3207 §4.2: what follows the 220 before the handshake is to be discarded (startTls() does
  // count it as droppedAfterStartTls). But receive() keeps feeding the rest of the chunk to the
  // assembler: non-SMTP bytes there fail the session as `protocol` (with a `not-smtp` or
  // `tls-mode-mismatch` finding) before startTls() runs, while the same bytes one segment later
  // give `tls`. Fix: after delivering the reply to a STARTTLS, stop parsing and keep the rest of the
  // chunk for startTls() to drop (e.g. a `pauseAfterReply` flag set by writeLine("STARTTLS")).
  // The garbage is discarded (RFC 3207 §4.2); this scripted server then never answers the
  // ClientHello, so the handshake stalls: a timeout on the STARTTLS step, not a protocol error.
  it("garbage in the same write as the 220 is discarded, never parsed as a reply", async () => {
    const srv = closer.add(
      await startScriptedServer(
        [{ send: "220 mx.test\r\n" }, { expect: "EHLO" }, { send: "250-mx.test\r\n250 STARTTLS\r\n" }, { expect: "STARTTLS" }, { send: "220 go ahead\r\nthis is not a TLS record\r\n" }],
        { tls: { cert: certs.certPem, key: certs.keyPem } },
      ),
    );
    const { r } = await timedProbe(resolved({ port: srv.port, tls: "starttls", ca: certs.caFile, timeout: "0.5" }));
    expect(r.error?.kind).toBe("timeout");
    expect(r.error?.step).toBe(2);
    expect(r.transcript.some((e) => e.dir === "*" && /discarded \d+ byte/.test(e.text))).toBe(true);
    expect(r.findings.map((f) => f.id)).toEqual(["tls-handshake-stalled"]);
  });
});

describe("regression 4 — src/config/resolve.ts: CR/LF at either end of a steps line is trimmed away instead of refused", () => {
  // Contract §1: "A line or any configured value containing CR, LF or NUL is a configuration error".
  // str() checks before trimming (a host "mx\r" is refused), but steps lines are trimmed first, so a
  // lone CR at the end of a steps text, or a list item "EHLO x\r" / "\nQUIT", is silently repaired.
  // Nothing unsafe reaches the wire, but the value is accepted where the contract says refuse.
  // Fix: check hasForbiddenChars(text) before `const t = text.trim()` (and report it like parseStepLine does).
  const base = { host: "127.0.0.1", tls: "none" };
  for (const steps of ["EHLO x\r", "\rEHLO x", "EHLO x\nNOOP\r", ["EHLO x\r"], ["\nQUIT"], ["NOOP", "EHLO x\r\n"]]) {
    it(`steps ${JSON.stringify(steps)} is a configuration error`, () => {
      const r = resolveTarget({ ...base, steps }, { env: {}, label: (k) => k, ...localIo() });
      expect("problems" in r).toBe(true);
    });
  }
});

describe("regression 5 — src/engine/plan.ts (pipelineGroupLength): a pipelined custom sequence ending after RCPT sends QUIT with the transaction open, no RSET", () => {
  // Without PIPELINING, Probe.quit() sends RSET before QUIT when a transaction is open (and the
  // default sequence plans RSET). With PIPELINING, MAIL, RCPT and the appended QUIT form one group
  // and runPipelined() writes QUIT straight after RCPT: no RSET. (QUIT aborts the transaction, so
  // nothing is delivered, but the "RSET, never DATA" behaviour depends on what the server advertises.)
  // Fix: end a pipeline group before QUIT (`if (verb === "QUIT") return n;`) so quit() adds the RSET.
  it("custom sequence EHLO, MAIL, RCPT against a PIPELINING server: RSET after RCPT, before QUIT", async () => {
    const srv = closer.add(
      await startScriptedSmtp({ EHLO: "250-mx.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n", MAIL: "250 2.1.0 Ok\r\n", RCPT: "250 2.1.5 Ok\r\n", RSET: "250 2.0.0 Ok\r\n" }),
    );
    const { r } = await timedProbe(resolved({ port: srv.port, timeout: "2", to: "b@example.com", steps: "EHLO {helo}\nMAIL FROM:<{from}>\nRCPT TO:<{to}>" }));
    expect(r.error).toBeNull();
    await eventually(() => srv.received.includes("QUIT"));
    const verbs = srv.received.map((l) => l.split(" ")[0]);
    expect(verbs).not.toContain("DATA");
    expect(verbs).toEqual(["EHLO", "MAIL", "RCPT", "RSET", "QUIT"]);
  });
});

// Issue 15 defect 3: a required STARTTLS answered 4xx used to give warn and exit 0, though nothing
// after STARTTLS was tested.
describe("a required STARTTLS refused for now (454)", () => {
  const handlers = { EHLO: "250-mx.test\r\n250 STARTTLS\r\n", STARTTLS: "454 4.7.0 TLS not available due to local problem\r\n" };
  it("fails the target, with one finding that says the refusal is temporary and on the server's side", async () => {
    const srv = closer.add(await startScriptedSmtp(handlers));
    const { r } = await timedProbe(resolved({ port: srv.port, tls: "starttls", timeout: "2" }));
    expect(r.steps.map((s) => s.verdict)).toEqual(["pass", "pass", "warn", "pass"]);
    expect(r.verdict).toBe("fail");
    expect(r.findings.filter((f) => f.step === 2).map((f) => [f.id, f.severity])).toEqual([["tls-unavailable", "error"]]);
    expect(r.findings.find((f) => f.step === 2)?.message).toContain("temporary and on the server's side");
  });

  it("fail-on never still only reports; opportunistic TLS stays a warning", async () => {
    const srv = closer.add(await startScriptedSmtp(handlers));
    expect((await timedProbe(resolved({ port: srv.port, tls: "starttls", timeout: "2", "fail-on": "never" }))).r.verdict).toBe("warn");
    expect((await timedProbe(resolved({ port: srv.port, tls: "opportunistic", timeout: "2" }))).r.verdict).toBe("warn");
  });
});
