// The golden transcripts (test/golden/SERVER/CASE.json, recorded from real MTAs by the matrix
// under SMTP_GATE_RECORD_GOLDEN=1) stay usable without the servers: each parses and holds a
// conversation, and they cover every case of every server recorded.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GOLDEN_DIR } from "../support/golden.js";
import { CASE_IDS } from "../support/mta-matrix.js";

const servers = existsSync(GOLDEN_DIR) ? readdirSync(GOLDEN_DIR).filter((d) => !d.startsWith(".")) : [];

describe("golden transcripts", () => {
  it("exist", () => {
    expect(servers.length, `no server directories in ${GOLDEN_DIR}`).toBeGreaterThan(0);
  });

  for (const server of servers) {
    it(`${server}: every file parses, with steps and a transcript, and names a matrix case`, () => {
      const files = readdirSync(join(GOLDEN_DIR, server)).filter((f) => f.endsWith(".json"));
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        expect(CASE_IDS as readonly string[], `${server}/${f} is not a matrix case`).toContain(f.replace(/\.json$/, ""));
        const r = JSON.parse(readFileSync(join(GOLDEN_DIR, server, f), "utf8")) as { steps?: unknown[]; transcript?: unknown[]; verdict?: string };
        // A TLS handshake that fails on connect leaves no step; its transcript still says why.
        if (f !== "implicit-on-plain-port.json") expect(r.steps?.length, `${server}/${f}: steps`).toBeGreaterThan(0);
        expect(r.transcript?.length, `${server}/${f}: transcript`).toBeGreaterThan(0);
        expect(["pass", "warn", "fail"]).toContain(r.verdict);
        // Recorded without the per-run timings.
        expect(JSON.stringify(r)).not.toMatch(/"(ms|durationMs|t|daysLeft)":\s*\d/);
      }
    });
  }
});
