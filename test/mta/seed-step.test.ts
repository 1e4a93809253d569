// The README's showcase, as a user types it: `--step "XAUTH2 login"` alone against the real
// Sendmail (scripts/mta/sendmail.sh). The line does not open the session, so it runs after the
// production opening (EHLO, STARTTLS, EHLO) and gets the README's finding: the server offers
// AUTH LOGIN, the sender means `AUTH LOGIN`, and the firewall/TLS/line-ending causes are ruled out.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureBuilt, runNode } from "../support/built.js";
import { expectedServers, loadDescriptors } from "../support/mta-matrix.js";
import { MTA_CA_FILE } from "../support/mta.js";

const d = loadDescriptors().get("sendmail");
const required = !!process.env.SMTP_GATE_REQUIRE_MTA && process.env.SMTP_GATE_REQUIRE_MTA !== "0";
const mustRun = required && expectedServers().includes("sendmail");
if (!d && !mustRun) console.warn("[test/mta] skipping the --step seed test: no Sendmail descriptor; start it with `sudo scripts/test-mta.sh start sendmail`");

describe.skipIf(!d && !mustRun)('`--step "XAUTH2 login"` against the real Sendmail', () => {
  it("runs after the production opening and gives the README's finding", async () => {
    if (!d) throw new Error("sendmail is listed in expected-servers but has no descriptor: run scripts/test-mta.sh start sendmail");
    const { cli } = ensureBuilt();
    const args = ["--host", "127.0.0.1", "--port", String(d.ports.starttls), "--ca", MTA_CA_FILE, "--helo", "ci.example.com", "--step", "XAUTH2 login"];
    const text = await runNode(cli, args, { guardMs: 30_000 });
    expect(text.code, text.stderr).toBe(1);
    const json = await runNode(cli, [...args, "--format", "json"], { guardMs: 30_000 });
    const target = (JSON.parse(json.stdout) as { targets: { steps: { command: string | null }[]; findings: { id: string; step: number | null }[] }[] }).targets[0];
    expect(target?.steps.map((s) => s.command)).toEqual([null, "EHLO ci.example.com", "STARTTLS", "EHLO ci.example.com", "XAUTH2 login", "QUIT"]);
    expect(target?.findings.map((f) => [f.id, f.step])).toEqual([["command-unrecognized", 4]]);

    const out = text.stdout.replace(/\s+/g, " ");
    // The README's finding, its first sentence word for word (the rest is shortened there).
    const readme = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");
    const shown = /```text\n(error command-unrecognized[\s\S]*?)```/.exec(readme)?.[1]?.replace(/\s+/g, " ") ?? "";
    const first = shown.slice(0, shown.indexOf(" was expected.") + " was expected.".length);
    expect(first).toMatch(/^error command-unrecognized \(step 4\): "XAUTH2 login" was answered 500 5\.5\.1/);
    expect(out).toContain(first);
    expect(out).toMatch(/The server offers AUTH (PLAIN LOGIN|LOGIN PLAIN) \(the argument "login" names that mechanism\): the sender probably means `AUTH LOGIN`/);
    expect(out).toContain("what to do: Make the sender use the standard command: `AUTH LOGIN` (RFC 4954).");
    expect(out).toMatch(/ruled out: - An SMTP-inspecting firewall .*STARTTLS was offered and completed/);
    expect(out).toMatch(/The TLS stream was corrupted.* — commands after the handshake were understood \(EHLO\)/);
    expect(out).toMatch(/Wrong line endings.* — every reply ended in CRLF and every command was sent with CRLF/);
    expect(out).toContain('FAIL 127.0.0.1:2527 — 500 5.5.1 on "XAUTH2 login" (command unrecognized)'.replace("2527", String(d.ports.starttls)));
  });
});
