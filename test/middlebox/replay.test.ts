// The golden transcripts of the middlebox paths (test/middlebox/golden/BOX/PATH.json, recorded by
// paths.test.ts under SMTP_GATE_RECORD_GOLDEN=1), replayed through diagnosis without the boxes:
// the recognised box and the findings stay what they were, and every case has its golden.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ProbeOutcome } from "../../src/engine/result.js";
import type { Finding, ServerIdentity } from "../../src/model/report.js";
import { diagnose, prepareOutcome } from "../../src/diagnose/index.js";
import { PATH_CASES } from "./cases.js";
import { MIDDLEBOX_GOLDEN_DIR } from "./golden-dir.js";

interface Recorded {
  outcome: ProbeOutcome;
  findings: Finding[];
  server: ServerIdentity | null;
}

function read(id: string): Recorded | null {
  const file = join(MIDDLEBOX_GOLDEN_DIR, `${id}.json`);
  if (!existsSync(file)) return null;
  const raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const { verdict: _v, findings, server, ...rest } = raw;
  const steps = (rest.steps as Record<string, unknown>[]).map((s) => ({ ms: 5, ...s }));
  const transcript = (rest.transcript as Record<string, unknown>[]).map((e, t) => ({ t, ...e }));
  const last = steps[steps.length - 1] as { reply?: { code: number } | null } | undefined;
  const outcome = { durationMs: 0, ...rest, steps, transcript, closedByServer: last?.reply?.code === 421 } as unknown as ProbeOutcome;
  return { outcome, findings: findings as Finding[], server: (server ?? null) as ServerIdentity | null };
}

describe("middlebox golden transcripts, replayed", () => {
  for (const c of PATH_CASES) {
    it(`${c.id}: recorded, and diagnosed the same without the box`, () => {
      const g = read(c.id);
      expect(g, `no golden for ${c.id}: record with SMTP_GATE_RECORD_GOLDEN=1 npx vitest run test/middlebox/paths.test.ts`).not.toBeNull();
      if (!g) return;
      const p = prepareOutcome(g.outcome);
      expect(p.server?.via ?? null).toBe(g.server?.via ?? null);
      const again = diagnose(p);
      // Goldens are recorded without certificate dates, and which certificate findings appear
      // depends on them (an expired one is said once, as expired): those are left to the live run.
      const kept = (fs: Finding[]) => fs.filter((f) => !/^certificate-/.test(f.id)).map((f) => [f.id, f.cause ?? null]);
      expect(kept(again)).toEqual(kept(g.findings));
      if (c.first) expect(again[0]?.id).toBe(c.first.id);
    });
  }
});
