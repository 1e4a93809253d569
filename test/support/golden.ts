// Golden transcripts: a real server's finished result for one matrix case, with what changes from
// run to run taken out, so that diagnosis work can replay it without the server
// (test/golden/SERVER/CASE.json, written by the matrix under SMTP_GATE_RECORD_GOLDEN=1).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TargetResult } from "../../src/model/report.js";

export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "golden");

export const recordingGolden = (): boolean => !!process.env.SMTP_GATE_RECORD_GOLDEN && process.env.SMTP_GATE_RECORD_GOLDEN !== "0";

/**
 * The result without timings and certificate dates (they change every run), and with the
 * per-run EHLO name replaced by `{helo}` (null: a case whose EHLO name is part of the test, such as
 * `127.0.0.1`, keeps it). Server text (dates, queue ids) stays as it was.
 */
export function goldenOf(r: TargetResult, helo: string | null): unknown {
  const { durationMs: _d, ...rest } = r;
  const stable = {
    ...rest,
    tls: r.tls && { ...r.tls, validFrom: null, validTo: null, daysLeft: null, fingerprint256: null },
    steps: r.steps.map(({ ms: _ms, ...s }) => s),
    transcript: r.transcript.map(({ t: _t, ...e }) => e),
  };
  const text = JSON.stringify(stable);
  return JSON.parse(helo === null ? text : text.split(helo).join("{helo}"));
}

export function writeGolden(server: string, caseId: string, r: TargetResult, helo: string | null): string {
  const file = join(GOLDEN_DIR, server, `${caseId}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(goldenOf(r, helo), null, 2)}\n`);
  return file;
}
