// Issue 26 item 4 against the real things: Dante (SOCKS5, 127.0.0.26:2610, no authentication)
// in front of Postfix 3.7's listeners that require a PROXY header (127.0.0.1:2540,
// smtpd_upstream_proxy_protocol = haproxy; 2541, postscreen's). Both come from scripts/test-middleboxes.sh and
// scripts/mta/postfix.sh; required in CI (SMTP_GATE_REQUIRE_MTA=1), skipped locally when absent.
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { localIo } from "../../src/config/local-io.js";
import { resolveTarget } from "../../src/config/resolve.js";
import type { RawTarget } from "../../src/config/keys.js";
import { runTargets } from "../../src/engine/run.js";

const STATE = process.env.SMTP_GATE_MTA_DIR ?? "/tmp/smtp-gate-mta";
const DANTE = `${STATE}/middlebox/dante/box.json`;
const POSTFIX_PROXY_PORT = 2540;
const required = process.env.SMTP_GATE_REQUIRE_MTA === "1";

async function detect(): Promise<{ socks5: string } | { reason: string }> {
  if (!existsSync(DANTE)) return { reason: `${DANTE} is missing: run scripts/test-middleboxes.sh start` };
  const box = JSON.parse(readFileSync(DANTE, "utf8")) as { host: string; paths: { "no-auth": { port: number } } };
  const listening = await new Promise<boolean>((done) => {
    const s = net.connect({ host: "127.0.0.1", port: POSTFIX_PROXY_PORT }, () => (s.destroy(), done(true)));
    s.once("error", () => done(false));
  });
  if (!listening) return { reason: `Postfix's PROXY listener 127.0.0.1:${POSTFIX_PROXY_PORT} is not running: run scripts/test-mta.sh start postfix` };
  return { socks5: `${box.host}:${box.paths["no-auth"].port}` };
}
const found = await detect();
if ("reason" in found && !required) console.warn(`[test/mta/proxy-through-socks] skipping: ${found.reason}`);
const socks5 = "socks5" in found ? found.socks5 : "127.0.0.26:2610";

const run = async (raw: RawTarget) => {
  const t = resolveTarget({ port: String(POSTFIX_PROXY_PORT), socks5, tls: "starttls", ca: `${STATE}/ca.pem`, helo: "ci.smtp-gate.test", timeout: "10", ...raw }, { ...localIo(), env: {}, label: (k) => k });
  if ("problems" in t) throw new Error(JSON.stringify(t.problems));
  const [r] = (await runTargets([t])).targets;
  if (!r) throw new Error("no result");
  return r;
};
const headerLine = (r: { transcript: { dir: string; text: string }[] }) => r.transcript.find((e) => e.dir === "C")?.text;

describe.skipIf("reason" in found && !required)("the PROXY header through Dante to Postfix", () => {
  it("the servers answer", () => {
    expect(found).toHaveProperty("socks5");
  });

  it("to an address: TCP4 with Dante's bound address and port as the source; Postfix greets and the probe passes", async () => {
    const r = await run({ host: "127.0.0.1", "proxy-protocol": "v1" });
    expect(headerLine(r)).toMatch(new RegExp(`^PROXY TCP4 127\\.0\\.0\\.1 127\\.0\\.0\\.1 [1-9]\\d* ${POSTFIX_PROXY_PORT}$`));
    expect([r.verdict, r.steps[0]?.reply?.code]).toEqual(["pass", 220]);
  });

  it.each([
    [POSTFIX_PROXY_PORT, "smtpd", "4.3.0 mta.smtp-gate.test Server local error"],
    [POSTFIX_PROXY_PORT + 1, "postscreen", "4.3.2 No system resources"],
  ])("to a name Dante resolves: UNKNOWN, which Postfix refuses (port %i, %s: 421 %s); the finding says why", async (port, _daemon, text) => {
    const r = await run({ host: "localhost", port: String(port), "proxy-protocol": "v1" });
    expect(headerLine(r)).toBe("PROXY UNKNOWN");
    expect(r.steps[0]?.reply).toMatchObject({ code: 421, lines: [text] });
    expect(r.verdict).toBe("fail");
    expect(r.findings.map((f) => [f.id, f.cause])).toEqual([["proxy-header-unknown-refused", "proxy-protocol"]]);
    expect(r.findings[0]?.message).toMatch(/the target localhost is a name the proxy resolved/);
    expect(r.findings[0]?.fixes.join("\n")).toMatch(/proxy-protocol: v2/);
  });

  it("v2 to the same name: a LOCAL header, which Postfix accepts", async () => {
    const r = await run({ host: "localhost", "proxy-protocol": "v2" });
    expect([r.verdict, r.steps[0]?.reply?.code]).toEqual(["pass", 220]);
  });
});
