// Contract §6: the JSON report's shape, for a passing and failing targets, as renderJson writes it.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { runTargets } from "../../src/engine/run.js";
import { renderJson } from "../../src/report/json.js";
import { parseSteps, type StepSpec } from "../../src/protocol/steps.js";
import { startScriptedServer, startScriptedSmtp } from "../support/scripted-server.js";
import { makeCerts, type TestCerts } from "../support/certs.js";
import { EHLO_STARTTLS, Servers, target } from "./helpers.js";

const servers = new Servers();
let certs: TestCerts;
beforeAll(async () => {
  certs = await makeCerts();
});
afterEach(() => servers.closeAll());

const TARGET_KEYS = ["name", "host", "port", "tlsMode", "verdict", "durationMs", "error", "tls", "extensions", "steps", "findings"];
const STEP_KEYS = ["command", "reply", "class", "expected", "verdict", "ms"];
const TLS_KEYS = ["protocol", "cipher", "authorized", "authorizationError", "subject", "validTo", "daysLeft"];
const FINDING_KEYS = ["id", "severity", "step", "message", "causes", "fixes"];
const VERDICTS = ["pass", "warn", "fail"];
const CLASSES = ["success", "intermediate", "transient", "permanent"];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;

function checkStep(s: J): void {
  for (const k of STEP_KEYS) expect(s, k).toHaveProperty(k);
  expect(s.command === null || typeof s.command === "string").toBe(true);
  expect(typeof s.expected).toBe("string");
  expect(s.expected).toMatch(/^([2-5](\d\d|xx))(\|[2-5](\d\d|xx))*$/);
  expect(VERDICTS).toContain(s.verdict);
  expect(Number.isInteger(s.ms) && s.ms >= 0).toBe(true);
  if (s.reply === null) {
    expect(s.class).toBeNull();
  } else {
    expect(Object.keys(s.reply).slice(0, 3)).toEqual(["code", "enhanced", "lines"]);
    expect(Number.isInteger(s.reply.code)).toBe(true);
    expect(s.reply.enhanced === null || /^[245]\.\d{1,3}\.\d{1,3}$/.test(s.reply.enhanced)).toBe(true);
    expect(Array.isArray(s.reply.lines)).toBe(true);
    expect(CLASSES).toContain(s.class);
  }
}

function checkTarget(t: J): void {
  for (const k of TARGET_KEYS) expect(t, k).toHaveProperty(k);
  expect(typeof t.name).toBe("string");
  expect(typeof t.host).toBe("string");
  expect(Number.isInteger(t.port)).toBe(true);
  expect(["starttls", "implicit", "opportunistic", "none"]).toContain(t.tlsMode);
  expect(VERDICTS).toContain(t.verdict);
  expect(Number.isInteger(t.durationMs) && t.durationMs >= 0).toBe(true);
  expect(Array.isArray(t.extensions)).toBe(true);
  expect(Array.isArray(t.steps)).toBe(true);
  if (t.steps.length) expect(t.steps[0].command).toBeNull();
  t.steps.forEach(checkStep);
  for (const f of t.findings) {
    for (const k of FINDING_KEYS) expect(f, k).toHaveProperty(k);
    expect(["error", "warning", "notice"]).toContain(f.severity);
    expect(f.step === null || (Number.isInteger(f.step) && f.step >= 0 && f.step < t.steps.length)).toBe(true);
    expect(Array.isArray(f.causes) && Array.isArray(f.fixes)).toBe(true);
  }
  if (t.error !== null) {
    expect(Object.keys(t.error)).toEqual(expect.arrayContaining(["kind", "message", "step"]));
    expect(["dns", "connect", "timeout", "tls", "closed", "protocol"]).toContain(t.error.kind);
    expect(t.error.step === null || (t.error.step >= 0 && t.error.step < t.steps.length)).toBe(true);
  }
}

describe("JSON report (smtp-gate/report@1)", () => {
  it("one passing target (STARTTLS) and failing ones (rejected step, no reply)", async () => {
    const good = servers.add(
      await startScriptedSmtp({ EHLO: EHLO_STARTTLS, STARTTLS: "220 2.0.0 Ready\r\n" }, { tls: { cert: certs.certPem, key: certs.keyPem } }),
    );
    const legacy = servers.add(await startScriptedSmtp({ EHLO: EHLO_STARTTLS, XAUTH2: (l) => `500 5.5.1 Command unrecognized: "${l}"\r\n` }));
    const http = servers.add(await startScriptedServer([{ send: "HTTP/1.1 400 Bad Request\r\n\r\n" }, { waitMs: 1000 }]));
    const report = await runTargets([
      target(good.port, { name: "submission", tls: "starttls", ca: certs.caPem }),
      target(legacy.port, { steps: parseSteps("EHLO {helo}\nXAUTH2 login\nMAIL FROM:<{from}>") as StepSpec[] }),
      target(http.port),
    ]);
    const j = JSON.parse(renderJson(report));
    expect(j.schema).toBe("smtp-gate/report@1");
    expect(j.verdict).toBe("fail");
    expect(j.targets).toHaveLength(3);
    j.targets.forEach(checkTarget);
    const [pass, fail, broken] = j.targets;

    // Passing target.
    expect(pass).toMatchObject({ name: "submission", host: "127.0.0.1", port: good.port, tlsMode: "starttls", verdict: "pass", error: null, findings: [] });
    for (const k of TLS_KEYS) expect(pass.tls, k).toHaveProperty(k);
    expect(pass.tls).toMatchObject({ authorized: true, authorizationError: null, subject: "localhost" });
    expect(pass.tls.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(typeof pass.tls.cipher).toBe("string");
    expect(new Date(pass.tls.validTo).toISOString()).toBe(pass.tls.validTo);
    expect(pass.tls.daysLeft).toBeGreaterThanOrEqual(29);
    expect(pass.steps.map((s: J) => s.command)).toEqual([null, "EHLO ci.example.com", "STARTTLS", "EHLO ci.example.com", "QUIT"]);
    expect(pass.steps[0]).toMatchObject({ command: null, reply: { code: 220, enhanced: null, lines: ["test.local ESMTP"] }, class: "success", expected: "220", verdict: "pass" });
    expect(pass.extensions).toEqual(["PIPELINING", "STARTTLS", "8BITMIME"]);

    // Failing target: a rejected step.
    expect(fail).toMatchObject({ name: `127.0.0.1:${legacy.port}`, tlsMode: "none", verdict: "fail", error: null, tls: null });
    expect(fail.steps[2]).toMatchObject({
      command: "XAUTH2 login",
      reply: { code: 500, enhanced: "5.5.1", lines: ['5.5.1 Command unrecognized: "XAUTH2 login"'] },
      class: "permanent", expected: "2xx|3xx", verdict: "fail",
    });
    expect(fail.findings[0]).toMatchObject({ id: "command-unrecognized", severity: "error", step: 2 });
    expect(typeof fail.findings[0].message).toBe("string");

    // Failing target: no reply at all.
    expect(broken.verdict).toBe("fail");
    expect(broken.steps).toEqual([expect.objectContaining({ command: null, reply: null, class: null, verdict: "fail", expected: "220" })]);
    expect(broken.error).toMatchObject({ kind: "protocol", step: 0 });
    expect(typeof broken.error.message).toBe("string");
    expect(broken.findings[0]).toMatchObject({ id: "not-smtp", severity: "error", step: 0 });
  });

  it("a connect failure has error.step null and no steps", async () => {
    const { freePort } = await import("./helpers.js");
    const report = await runTargets([target(await freePort())]);
    const j = JSON.parse(renderJson(report));
    checkTarget(j.targets[0]);
    expect(j.targets[0]).toMatchObject({ verdict: "fail", steps: [], tls: null, extensions: [], error: { kind: "connect", step: null } });
  });
});
