/**
 * Tests that fail against the current src/ because the behaviour contradicts the contract
 * (/work/shared/contract.md) or the module's own doc comment. Each names the place and the fix.
 * They are expected to fail until src/ is fixed; do not weaken them.
 */
import { localIo } from "../../src/config/local-io.js";
import { describe, it, expect } from "vitest";
import type { ConfigProblem } from "../../src/config/errors.js";
import { parseConfigText } from "../../src/config/file.js";
import { resolveTarget } from "../../src/config/resolve.js";
import type { RawTarget } from "../../src/config/keys.js";
import { checkHost } from "../../src/protocol/address.js";
import { LineSplitter, MAX_LINE_OCTETS, decodeLine, type LineEvent } from "../../src/protocol/lines.js";

const FILE = "/cfg/smtp-gate.yml";
const probs = (r: Awaited<ReturnType<typeof parseConfigText>> | ReturnType<typeof resolveTarget>): ConfigProblem[] =>
  "problems" in r ? r.problems : [];

describe("regression 1 — src/config/file.ts: YAML syntax errors carry no line (contract §4: a config error names file, line and key)", () => {
  // parseDocument is called with prettyErrors: false, so err.linePos is never filled in.
  const cases: [string, string, number][] = [
    ["unterminated flow sequence", "targets:\n  - host: h.example\n    port: [1\n", 3],
    ["duplicate key", "targets:\n  - host: a.example\n    host: b.example\n", 3],
    ["bad indentation", "targets:\n  - host: h.example\n   tls: none\n", 3],
  ];
  it.each(cases)("%s → yaml problem with a line", async (_, text, atLeast) => {
    const ps = probs(await parseConfigText(text, FILE, {}));
    expect(ps[0]?.field).toBe("yaml");
    expect(ps[0]?.line).toBeTypeOf("number");
    expect(ps[0]?.line).toBeGreaterThanOrEqual(2);
    expect(ps[0]?.line).toBeLessThanOrEqual(atLeast);
  });
});

describe("regression 2 — src/config/file.ts-129 + src/config/resolve.ts: a single-line `steps:` value is reported one line too low", () => {
  it("steps: <inline step> names the key's own line", async () => {
    const text = ["targets:", "  - host: h.example", "    steps: RCPT TO:<{nope}>", ""].join("\n");
    const ps = probs(await parseConfigText(text, FILE, {}));
    const p = ps.find((x) => x.field.startsWith("targets[0].steps line"));
    expect(p?.line).toBe(3);
  });
  it("steps: [flow, list] names the key's own line", async () => {
    const text = ["targets:", "  - host: h.example", '    steps: [NOOP, "RCPT TO:<{nope}>"]', ""].join("\n");
    const ps = probs(await parseConfigText(text, FILE, {}));
    const p = ps.find((x) => x.field.startsWith("targets[0].steps line"));
    expect(p?.line).toBe(3);
  });
});

describe("regression 3 — src/config/resolve.ts-54: helo is checked twice, so a bad helo is reported twice", () => {
  it("CR in helo → exactly one helo problem", async () => {
    const ps = probs(resolveTarget({ host: "h.example", helo: "ci.example.com\r\nRSET" }, { env: {}, label: (k) => k, ...localIo() }));
    expect(ps.filter((p) => p.field === "helo")).toHaveLength(1);
  });
});

describe("regression 4 — src/config/resolve.ts and :173: a value rejected for CR/LF/NUL is also reported as missing", () => {
  const cases: [string, RawTarget][] = [
    ["host", { host: "smtp.example.com\nQUIT" }],
    ["username", { host: "h.example", username: "u\r\nQUIT", "password-env": "P" }],
  ];
  it.each(cases)("%s with LF → one problem, not also \"is required\"", (field, raw) => {
    const ps = probs(resolveTarget(raw, { env: { P: "pw-value" }, label: (k) => k, ...localIo() }));
    const mine = ps.filter((p) => p.field === field);
    expect(mine.map((p) => p.message)).toEqual([expect.stringMatching(/contains (CR|LF|NUL)/)]);
  });
});

describe("regression 5 — src/protocol/address.ts: checkHost accepts strings that are neither a host name nor an IP address", () => {
  it.each(["...", "a..b", ":", "deadbeef..cafe", "::::::::::"])("%j is rejected", async (v) => {
    expect(checkHost(v)).toBe("is not a host name or IP address");
  });
});

describe("regression 6 — src/protocol/lines.ts: C1 control characters (U+0080–U+009F) pass through decodeLine", () => {
  // The doc comment: "control characters other than TAB are shown as \xNN so that a hostile reply
  // cannot forge terminal escapes". U+009B is CSI, a terminal escape introducer.
  it.each([
    ["CSI U+009B", [0x61, 0xc2, 0x9b, 0x33, 0x31, 0x6d], "a\\x9b31m"],
    ["NEL U+0085", [0xc2, 0x85], "\\x85"],
  ])("%s is escaped", async (_, bytes, want) => {
    expect(decodeLine(Uint8Array.from(bytes as number[]))).toBe(want);
  });
});

describe("regression 7 — src/protocol/lines.ts/55: the too-long event depends on how the bytes were chunked", () => {
  // Module doc: "Pure (no I/O) so the session can feed it any chunking and the result is the same."
  it("same stream, different chunking → same events", async () => {
    const stream = Buffer.concat([Buffer.alloc(MAX_LINE_OCTETS + 500, 0x61), Buffer.from("\r\n250 ok\r\n")]);
    const feed = (size: number): LineEvent[] => {
      const s = new LineSplitter();
      const out: LineEvent[] = [];
      for (let i = 0; i < stream.length; i += size) out.push(...s.push(stream.subarray(i, i + size)));
      return out;
    };
    expect(feed(100)).toEqual(feed(stream.length));
  });
});
