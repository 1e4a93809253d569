// The held-out replies (held-out-rows.ts), each decided by `decideCause` from its words as a person who knows the
// product would name its cause; test/diagnose/held-out-replay.test.ts sends the same replies through the diagnosis.
import { describe, expect, it } from "vitest";
import { decideCause } from "../../src/knowledge/root-cause.js";
import { HELD_OUT } from "./held-out-rows.js";

describe("decideCause over replies the project was not tuned on", () => {
  it.each(HELD_OUT)("%s %s %i %s %s → %s", (family, phase, code, enhanced, text, cause) => {
    expect(decideCause({ family, phase, code, enhanced, text }).cause).toBe(cause);
  });
});
