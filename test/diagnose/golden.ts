// Golden transcripts of real servers (test/golden/SERVER/CASE.json, recorded by the MTA matrix)
// read back as ProbeOutcomes, so diagnosis can be replayed over them without the servers.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ProbeOutcome } from "../../src/engine/result.js";
import { stepVerb } from "../../src/engine/plan.js";

export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "golden");

export interface Golden {
  server: string;
  case: string;
  p: ProbeOutcome;
}

/** Every golden transcript, as the outcome the probe handed to diagnosis (no findings, no verdict). */
export function goldens(): Golden[] {
  const out: Golden[] = [];
  for (const server of readdirSync(GOLDEN_DIR).sort()) {
    for (const file of readdirSync(join(GOLDEN_DIR, server)).filter((f) => f.endsWith(".json")).sort()) {
      const raw = JSON.parse(readFileSync(join(GOLDEN_DIR, server, file), "utf8")) as Record<string, unknown>;
      const { verdict: _v, findings: _f, server: _s, ...rest } = raw;
      // Goldens recorded before contract §8 have no step.verb: the engine's own reading of the line.
      const steps = (rest.steps as Record<string, unknown>[]).map((s) => ({ ms: 5, verb: stepVerb(s.command as string | null), ...s }));
      const transcript = (rest.transcript as Record<string, unknown>[]).map((e, t) => ({ t, ...e }));
      const last = steps[steps.length - 1] as { reply?: { code: number } | null } | undefined;
      out.push({ server, case: file.replace(/\.json$/, ""), p: { durationMs: 0, ...rest, steps, transcript, closedByServer: last?.reply?.code === 421 } as unknown as ProbeOutcome });
    }
  }
  return out;
}
