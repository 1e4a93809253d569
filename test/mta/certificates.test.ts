// The most common first run, against every real MTA (docs/testing.md): their certificate comes
// from a private CA (/tmp/smtp-gate-mta/ca.pem), so a probe without `ca` meets an unknown issuer.
// One finding, whose first fix is `--ca`; the STARTTLS port's mode is right, so no port-mode
// advice; with the CA, the same probe passes. On the implicit-TLS port likewise.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import type { TargetResult } from "../../src/model/report.js";
import { probeTarget } from "../../src/engine/run.js";
import { Redactor } from "../../src/protocol/redact.js";
import { MTA_DIR, SKIP_HINT, mtaTarget } from "../support/mta.js";
import { matrixServers } from "../support/mta-matrix.js";

const required = !!process.env.SMTP_GATE_REQUIRE_MTA && process.env.SMTP_GATE_REQUIRE_MTA !== "0";
const servers = await matrixServers();
const PORT_MODE = /465 is implicit|587 and 25 use STARTTLS|port's mode|tls: implicit/;
const why = (r: TargetResult) => JSON.stringify({ error: r.error, findings: r.findings.map((f) => [f.id, f.severity, f.step, f.fixes[0]]) });

if (servers.length === 0) {
  if (required) {
    describe("real MTAs' certificates", () => {
      it("has servers to run", () => {
        throw new Error(`SMTP_GATE_REQUIRE_MTA is set but ${join(MTA_DIR, "expected-servers")} names no server`);
      });
    });
  } else console.warn(`[test/mta] skipping the certificate cases: no servers in ${MTA_DIR}; ${SKIP_HINT}`);
}

for (const s of servers) {
  describe(`${s.name}: a first run without its private CA`, () => {
    const d = s.descriptor;
    it.skipIf(!d && !required)("STARTTLS: one finding, certificate-untrusted, first fix --ca; with the CA it passes", async () => {
      if (!d) throw new Error(s.reason);
      const r = await probeTarget(mtaTarget(d.ports.starttls, { ca: undefined, tls: "starttls" }), new Redactor());
      expect(r.steps[2]?.reply?.code, why(r)).toBe(220);
      expect(r.findings.map((f) => [f.id, f.severity, f.step]), why(r)).toEqual([["certificate-untrusted", "error", 2]]);
      const f = r.findings[0];
      expect(f?.summary).toBe("the certificate's issuer is not trusted");
      expect(f?.message).toMatch(/issued by "smtp-gate test MTA CA"/);
      expect(f?.fixes[0]).toMatch(/`--ca FILE`/);
      expect([...(f?.causes ?? []), ...(f?.fixes ?? [])].join(" ")).not.toMatch(PORT_MODE);
      const ok = await probeTarget(mtaTarget(d.ports.starttls, { tls: "starttls" }), new Redactor());
      expect(ok.verdict, why(ok)).toBe("pass");
    });

    it.skipIf((!d || d.ports.implicit === null) && !(required && !d))("implicit TLS: the same one finding, on no step (the handshake came first)", async () => {
      if (!d) throw new Error(s.reason);
      const r = await probeTarget(mtaTarget(d.ports.implicit as number, { ca: undefined, tls: "implicit" }), new Redactor());
      expect(r.findings.map((f) => [f.id, f.severity, f.step]), why(r)).toEqual([["certificate-untrusted", "error", null]]);
      expect(r.findings[0]?.fixes[0]).toMatch(/`--ca FILE`/);
    });
  });
}
