// A later session's transcript appended to the first (the smuggling check's reconnection): both
// clocks round to the millisecond, so a moved time can be off by one; the entries must stay in
// the order they happened (test/integration/smuggling.test.ts saw 73 before 72 once).
import { describe, expect, it } from "vitest";
import { Transcript } from "../../src/session/transcript.js";

/** A transcript whose clock started `ms` after (or before) `of`'s. */
function startedAt(of: Transcript, ms: number): Transcript {
  const t = new Transcript((s) => s);
  Object.defineProperty(t, "start", { value: of.start + ms });
  return t;
}

describe("Transcript.append", () => {
  it("keeps a moved time no earlier than the last entry and no later than now", () => {
    const first = new Transcript((s) => s);
    first.add("*", "reconnecting", 0);
    // Rounded on its own clock, the other session's first line would land before the entry above.
    const early = startedAt(first, -0.6);
    early.add("S", "220 ready", 0);
    // And a line stamped after the moment it is copied cannot have come yet.
    const late = startedAt(first, 10_000);
    late.add("S", "250 ok", 0);
    first.append(early);
    first.append(late);
    const times = first.entries.map((e) => e.t);
    expect(times[1]).toBe(0);
    expect(times[2]).toBeLessThan(10_000);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("moves each entry by the difference of the two clocks when nothing is off", () => {
    // A session that began 10 s ago, and one that began 2 s into it.
    const first = startedAt(new Transcript((s) => s), -10_000);
    first.add("*", "reconnecting", 1_990);
    const other = startedAt(first, 2_000);
    other.add("S", "220 ready", 60);
    other.add("S", "250 ok", 75);
    first.append(other);
    expect(first.entries.map((e) => e.t)).toEqual([1_990, 2_060, 2_075]);
  });
});
