// The reply corpus in the suite: 142 real replies of 17 products (test/fixtures/corpus, copied from
// ../shared/corpus), each replayed at its phase against a scripted server through the real probe
// and diagnosis. Each row must get its root cause; its first cause and first fix must make none of
// the claims an expert says it must not; no fix may name another product's knobs.
import { describe, expect, it } from "vitest";
import { SERVERS } from "../../src/knowledge/servers.js";
import { otherProducts } from "../support/product-words.js";
import { CLAIMS } from "../fixtures/corpus/claims.js";
import { CORPUS, replay, type CorpusRow } from "../support/corpus-replay.js";
import type { Finding } from "../../src/model/report.js";

/** The must_not claims the finding makes as its cause, first cause or first fix. */
function violations(row: CorpusRow, f: Finding | undefined): string[] {
  if (!f) return [];
  const first = [f.causes[0] ?? "", f.fixes[0] ?? ""].join("\n");
  return row.must_not.filter((m) => {
    const claim = CLAIMS[m];
    if (!claim) throw new Error(`${row.id}: the claim "${m}" is not in test/fixtures/corpus/claims.ts`);
    return (f.cause !== undefined && f.cause !== null && claim.causes.includes(f.cause)) || claim.words.test(first);
  });
}

/** A row whose reply is a success (221 to QUIT) needs no finding; any other needs one with its cause. */
function causeOf(row: CorpusRow, f: Finding | undefined): string {
  if (!f) return row.code < 400 ? "other" : "(no finding)";
  return f.cause ?? "(null)";
}

describe("the reply corpus, replayed at each row's phase", () => {
  it("knows every family of the corpus", () => {
    const known = new Set<string>(SERVERS.map((s) => s.family));
    expect(CORPUS.map((r) => r.family).filter((f) => !known.has(f))).toEqual([]);
    expect(CORPUS.length).toBe(142);
  });

  for (const row of CORPUS) {
    it(`${row.id}: ${row.code}${row.enhanced ? ` ${row.enhanced}` : ""} at ${row.phase} → ${row.class}`, async () => {
      const { result, step, finding } = await replay(row);
      const why = JSON.stringify({ steps: result.steps.map((s) => [s.command, s.reply?.code]), finding, server: result.server });
      expect(step, why).toBeGreaterThanOrEqual(0);
      expect(causeOf(row, finding), why).toBe(row.class);
      expect(violations(row, finding), why).toEqual([]);
      const others = (finding?.fixes ?? []).flatMap((x) => otherProducts(x, row.family).map((o) => `${o}: ${x}`));
      expect(others, why).toEqual([]);
    });
  }
});
