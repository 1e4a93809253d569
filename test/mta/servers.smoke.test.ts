// Smoke test for OpenSMTPD, Haraka and aiosmtpd (scripts/mta/{opensmtpd,haraka,aiosmtpd}.sh):
// the production sequence passes on each one's STARTTLS port (AUTH offered only after TLS) and on
// its implicit-TLS port. The matrix (test/mta/matrix.test.ts) runs every case on the STARTTLS
// port; this proves the servers are usable and that the implicit port takes AUTH. A server
// without a descriptor is skipped, unless SMTP_GATE_REQUIRE_MTA=1 and `scripts/test-mta.sh start`
// listed it in $STATE/expected-servers: then its absence fails.
import { describe, expect, it } from "vitest";
import { probeTarget } from "../../src/engine/run.js";
import { Redactor } from "../../src/protocol/redact.js";
import { expectedServers, loadDescriptors } from "../support/mta-matrix.js";
import { mtaTarget, testUser } from "../support/mta.js";

const SERVERS = ["opensmtpd", "haraka", "aiosmtpd"] as const;
const descriptors = loadDescriptors();
const required = !!process.env.SMTP_GATE_REQUIRE_MTA && process.env.SMTP_GATE_REQUIRE_MTA !== "0";
const expected = expectedServers();

for (const name of SERVERS) {
  const d = descriptors.get(name);
  const mustRun = required && expected.includes(name);
  if (!d && !mustRun) console.warn(`[test/mta] skipping the ${name} smoke test: no descriptor; start it with \`sudo scripts/test-mta.sh start ${name}\``);

  describe.skipIf(!d && !mustRun)(`${name} (scripts/mta/${name}.sh)`, () => {
    it("the production sequence on the STARTTLS port passes: STARTTLS, AUTH, MAIL, RCPT to a local user, RSET", async () => {
      if (!d) throw new Error(`${name} is listed in expected-servers but has no descriptor: run scripts/test-mta.sh start ${name}`);
      const t = mtaTarget(d.ports.starttls, { credentials: testUser(), from: d.user, to: [d.user] });
      const r = await probeTarget(t, new Redactor());
      expect(r.steps.map((s) => s.command?.split(" ")[0] ?? null)).toEqual([null, "EHLO", "STARTTLS", "EHLO", "AUTH", "MAIL", "RCPT", "RSET", "QUIT"]);
      expect(r.findings).toEqual([]);
      expect(r.verdict).toBe("pass");
      expect(r.tls).toMatchObject({ authorized: true, subject: "localhost" });
      // All three offer AUTH only once the connection is encrypted.
      expect(r.extensionsBeforeTls?.some((e) => /^AUTH\b/i.test(e))).toBe(false);
      expect(r.extensions.find((e) => /^AUTH\b/i.test(e))?.toUpperCase().split(/\s+/)).toEqual(expect.arrayContaining(["PLAIN", "LOGIN"]));
    });

    it("the implicit-TLS port: greeting after the handshake, AUTH, MAIL, RCPT", async () => {
      if (!d) throw new Error(`${name} is listed in expected-servers but has no descriptor: run scripts/test-mta.sh start ${name}`);
      if (d.ports.implicit === null) return;
      const t = mtaTarget(d.ports.implicit, { tls: "implicit", credentials: testUser(), from: d.user, to: [d.user] });
      const r = await probeTarget(t, new Redactor());
      expect(r.steps.map((s) => s.command?.split(" ")[0] ?? null)).toEqual([null, "EHLO", "AUTH", "MAIL", "RCPT", "RSET", "QUIT"]);
      expect(r.verdict).toBe("pass");
    });
  });
}
