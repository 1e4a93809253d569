// smtp-gate through the real middleboxes of scripts/test-middleboxes.sh (HAProxy, nginx mail
// proxy, stunnel, Dante, proxsmtp, qpsmtpd) in front of the test Postfix: every path of
// cases.ts. Under SMTP_GATE_REQUIRE_MTA=1 (CI) a box that was started but has no descriptor fails
// the run; locally the boxes that are not running are skipped with a message.
// SMTP_GATE_RECORD_GOLDEN=1 also writes each result to test/middlebox/golden/BOX/PATH.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TargetConfig } from "../../src/config/target.js";
import type { TargetResult } from "../../src/model/report.js";
import { probeTarget } from "../../src/engine/run.js";
import { Redactor } from "../../src/protocol/redact.js";
import { goldenOf, recordingGolden } from "../support/golden.js";
import { BOX_HOST, BOX_SKIP_HINT, boxesRequired, expectedBoxes, loadBox } from "../support/middleboxes.js";
import { detectMta, mtaTarget } from "../support/mta.js";
import { loadDescriptors } from "../support/mta-matrix.js";
import { PATH_CASES, boxAndPath, type PathCase } from "./cases.js";
import { MIDDLEBOX_GOLDEN_DIR } from "./golden-dir.js";

const required = boxesRequired();
const expected = expectedBoxes();
const postfix = await detectMta();
/** The other test MTAs that some paths put behind a box (PathCase.mta). */
const otherMtas = loadDescriptors();
const boxes = [...new Set(PATH_CASES.map((c) => boxAndPath(c.id).box))];
if (!required) {
  const missing = boxes.filter((b) => b !== "postfix" && !loadBox(b));
  if (missing.length) console.warn(`[test/middlebox] skipping ${missing.join(", ")}: not running; ${BOX_SKIP_HINT}`);
}

/** The target of a case: the box's port from its descriptor (or the case's own host and port). */
function targetOf(c: PathCase): (TargetConfig & { helo: string }) | string {
  const { box, path } = boxAndPath(c.id);
  // Long enough to see a listener give up waiting for a PROXY header (5 s in this suite).
  const base = { timeoutMs: 15_000, ...c.target };
  if (box === "postfix" || c.direct) {
    if (c.socks) {
      const d = loadBox(box);
      const port = d?.paths[path]?.port;
      if (!d || port === undefined) return `${box} has no path ${path}`;
      const where = c.direct ?? { host: "127.0.0.1", port: 2525 };
      return mtaTarget(where.port, { ...base, host: where.host, name: `${c.id}`, socks5: { host: BOX_HOST, port, credentials: c.socks === "no-auth" ? null : c.socks } });
    }
    const where = c.direct as { host: string; port: number };
    return mtaTarget(where.port, { ...base, host: where.host, name: c.id });
  }
  const d = loadBox(box);
  const port = d?.paths[path]?.port;
  if (!d || port === undefined) return `${box} has no path ${path} (descriptor ${d ? "without it" : "missing"})`;
  if (c.socks) {
    return mtaTarget(2525, { ...base, name: c.id, socks5: { host: d.host, port, credentials: c.socks === "no-auth" ? null : c.socks } });
  }
  return mtaTarget(port, { ...base, host: d.host, name: c.id });
}

function available(c: PathCase): boolean {
  const { box } = boxAndPath(c.id);
  if (box === "postfix") return postfix.available;
  return postfix.available && loadBox(box) !== null && (!c.mta || otherMtas.has(c.mta));
}

/**
 * goldenOf, plus the greeting's wait and the wait of the step the session ended on, rounded down
 * to whole seconds: how long a box stayed silent is evidence here (a listener waiting for a PROXY
 * header, a balancer's retries or idle timeout), and replay.test.ts needs it.
 */
function middleboxGolden(r: TargetResult, helo: string): unknown {
  const g = goldenOf(r, helo) as { steps: Record<string, unknown>[] };
  for (const i of new Set([0, r.error?.step ?? 0])) {
    const s = r.steps[i];
    if (s && g.steps[i]) g.steps[i] = { ...g.steps[i], ms: Math.floor(s.ms / 1000) * 1000 };
  }
  return g;
}

const allText = (r: TargetResult) => r.findings.map((f) => [f.message, ...f.causes, ...f.fixes].join("\n")).join("\n");

describe("the boxes that were started have descriptors", () => {
  it.runIf(required)("every box in expected-boxes wrote box.json (SMTP_GATE_REQUIRE_MTA)", () => {
    expect(expected.length, "scripts/test-middleboxes.sh start never ran: no expected-boxes").toBeGreaterThan(0);
    for (const b of expected) expect(loadBox(b), `${b} was started but has no descriptor: it did not come up`).not.toBeNull();
    expect(postfix.available, `the test Postfix: ${postfix.reason}`).toBe(true);
  });
});

describe.concurrent("paths through the middleboxes (scripts/test-middleboxes.sh)", () => {
  for (const c of PATH_CASES) {
    const run = required || available(c);
    it.runIf(run)(`${c.id}: ${c.title} → ${c.verdict}`, async () => {
      const t = targetOf(c);
      if (typeof t === "string") throw new Error(t);
      const r = await probeTarget(t, new Redactor());
      if (recordingGolden()) {
        const file = join(MIDDLEBOX_GOLDEN_DIR, `${c.id}.json`);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, `${JSON.stringify(middleboxGolden(r, t.helo), null, 2)}\n`);
      }
      const ids = r.findings.map((f) => f.id);
      const story = `${c.id}: verdict ${r.verdict}, error ${JSON.stringify(r.error)}, findings ${JSON.stringify(ids)}, server ${JSON.stringify(r.server)}`;
      expect(r.verdict, story).toBe(c.verdict);
      if (c.verdict === "pass") expect(r.findings.filter((f) => f.severity !== "notice"), story).toEqual([]);
      if (c.via !== undefined) expect(r.server?.via ?? null, story).toBe(c.via);
      if (c.first) {
        const f = r.findings[0];
        expect(f?.id, story).toBe(c.first.id);
        if (c.first.cause) expect(f?.cause, story).toBe(c.first.cause);
        for (const w of c.first.message ?? []) expect(f?.message, story).toMatch(w);
        for (const w of c.first.fixes ?? []) expect(f?.fixes.join("\n"), story).toMatch(w);
      }
      for (const id of c.ids ?? []) expect(ids, story).toContain(id);
      for (const id of c.absent ?? []) expect(ids, story).not.toContain(id);
      if (c.never) expect(allText(r), story).not.toMatch(c.never);
    });
  }
});
