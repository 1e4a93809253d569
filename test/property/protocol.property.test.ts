// Property-based tests of the pure protocol layer: line framing, reply assembly, code parsing,
// step lines and expectations. Random and mutated byte streams in random chunkings must never
// throw, always terminate, and give the same results however the bytes are cut.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { LineSplitter, MAX_LINE_OCTETS, type LineEvent } from "../../src/protocol/lines.js";
import { ReplyAssembler, parseCodeLine, parseEnhancedCode, type Reply, type ReplyProblem } from "../../src/protocol/reply.js";
import { formatStepLine, parseStepLine, type StepSpec } from "../../src/protocol/steps.js";
import { formatExpectation, parseExpectation, type ExpectTerm } from "../../src/protocol/expect.js";
import { verbOf } from "../../src/protocol/command.js";

const RUNS = 150;

type Outcome = Reply | ReplyProblem | { kind: "too-long"; octets: number } | { pending: string };

/** Feeds the chunks through a fresh splitter and assembler, as the session does, and records every result. */
function run(chunks: readonly Buffer[]): Outcome[] {
  const splitter = new LineSplitter();
  const assembler = new ReplyAssembler();
  const out: Outcome[] = [];
  for (const chunk of chunks) {
    const events: LineEvent[] = splitter.push(chunk);
    for (const ev of events) {
      if ("kind" in ev) {
        out.push(ev);
        continue;
      }
      const r = assembler.push(ev);
      if (r) out.push(r);
    }
  }
  out.push({ pending: splitter.pending() });
  return out;
}

/** Cuts `bytes` at the given (unsorted, possibly repeated) positions. */
function cut(bytes: Buffer, positions: readonly number[]): Buffer[] {
  const at = [...new Set(positions.map((p) => (bytes.length ? p % (bytes.length + 1) : 0)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let prev = 0;
  for (const p of at) {
    chunks.push(bytes.subarray(prev, p));
    prev = p;
  }
  chunks.push(bytes.subarray(prev));
  return chunks;
}

const code = fc.integer({ min: 100, max: 699 }).map(String);
const text = fc.string({ maxLength: 40 });
const replyLine = fc.tuple(fc.oneof(code, fc.constantFrom("250", "220", "421", "550")), fc.constantFrom("-", " ", ""), text, fc.constantFrom("\r\n", "\n")).map(
  ([c, sep, t, end]) => Buffer.from(`${c}${sep}${sep ? t : ""}${end}`, "utf8"),
);
const validReply = fc.tuple(fc.constantFrom(220, 250, 354, 421, 550), fc.array(text, { minLength: 0, maxLength: 5 }), text).map(([c, more, last]) =>
  Buffer.from([...more.map((t) => `${c}-${t}\r\n`), `${c} ${last}\r\n`].join(""), "utf8"),
);
const segment = fc.oneof(
  { weight: 4, arbitrary: validReply },
  { weight: 3, arbitrary: replyLine },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)) },
  { weight: 1, arbitrary: fc.constantFrom(Buffer.from([0]), Buffer.from("250 a\0b\r\n"), Buffer.from([0x0d]), Buffer.from([0x0a]), Buffer.from("\r\n")) },
  // Invalid UTF-8: lone continuation bytes, truncated sequences, overlongs, 0xff.
  { weight: 1, arbitrary: fc.constantFrom(Buffer.from([0xff, 0xfe]), Buffer.from([0xc3]), Buffer.from([0xe2, 0x82]), Buffer.from([0xc0, 0xaf]), Buffer.from("250 \xe9t\xe9\r\n", "latin1")) },
  // Lines around the cap, and well past it.
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: MAX_LINE_OCTETS - 3, max: MAX_LINE_OCTETS + 3 }), fc.constantFrom("\r\n", "\n", "")).map(([n, end]) => Buffer.from(`250 ${"x".repeat(n - 4)}${end}`)) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 40_000 }).map((n) => Buffer.alloc(n, 0x41)) },
);
const stream = fc.array(segment, { maxLength: 12 }).map((s) => Buffer.concat(s));

/** A valid stream with bytes flipped, inserted or deleted. */
const mutated = fc.tuple(fc.array(validReply, { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom("flip", "insert", "delete")), { maxLength: 8 })).map(
  ([replies, edits]) => {
    const bytes = [...Buffer.concat(replies)];
    for (const [pos, b, op] of edits) {
      const i = bytes.length ? pos % bytes.length : 0;
      if (op === "flip" && bytes.length) bytes[i] = b;
      else if (op === "insert") bytes.splice(i, 0, b);
      else bytes.splice(i, 1);
    }
    return Buffer.from(bytes);
  },
);

const cuts = fc.array(fc.nat(), { maxLength: 40 });

describe("LineSplitter + ReplyAssembler over hostile byte streams", () => {
  for (const [name, arb] of [["random and hostile streams", stream], ["mutated valid replies", mutated]] as const) {
    it(`${name}: never throw, terminate, and give the same results in any chunking`, () => {
      fc.assert(
        fc.property(arb, cuts, cuts, (bytes, a, b) => {
          const whole = run([bytes]);
          expect(run(cut(bytes, a))).toEqual(whole);
          expect(run(cut(bytes, b))).toEqual(whole);
          // One byte at a time is the worst chunking of all (kept to modest sizes).
          if (bytes.length <= 2048) expect(run([...bytes].map((x) => Buffer.from([x])))).toEqual(whole);
          for (const o of whole) {
            if ("code" in o) {
              expect(o.code).toBeGreaterThanOrEqual(200);
              expect(o.code).toBeLessThanOrEqual(599);
              // Decoded text never carries raw control characters (shown as \xNN instead).
              // eslint-disable-next-line no-control-regex
              for (const l of o.lines) expect(l).not.toMatch(/[\x00-\x08\x0a-\x1f\x7f]/);
            }
          }
        }),
        { numRuns: RUNS },
      );
    });
  }

  it("a too-long line is one event of fixed size whatever the chunking", () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_LINE_OCTETS + 1, max: 3 * MAX_LINE_OCTETS }), cuts, (n, a) => {
        const bytes = Buffer.concat([Buffer.alloc(n, 0x35), Buffer.from("\r\n250 ok\r\n")]);
        const out = run(cut(bytes, a));
        expect(out[0]).toEqual({ kind: "too-long", octets: MAX_LINE_OCTETS + 1 });
        expect(out.filter((o) => "kind" in o && o.kind === "too-long")).toHaveLength(1);
      }),
      { numRuns: 40 },
    );
  });
});

describe("parseCodeLine / parseEnhancedCode", () => {
  const anyText = fc.oneof(
    fc.string({ unit: "binary", maxLength: 60 }),
    fc.tuple(fc.string({ unit: fc.constantFrom("0", "1", "2", "5", "9", ".", "-", " ", "\0", "\u00e9", "x"), maxLength: 12 }), fc.string({ unit: "binary", maxLength: 20 })).map(([a, b]) => a + b),
  );

  it("never throw; a parsed code is 2xx–5xx and an enhanced code is class.subject.detail", () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const p = parseCodeLine(t);
        if (p) {
          expect(p.code).toBeGreaterThanOrEqual(200);
          expect(p.code).toBeLessThanOrEqual(599);
          expect(t.startsWith(String(p.code))).toBe(true);
        }
        const e = parseEnhancedCode(t);
        if (e !== null) expect(e).toMatch(/^[245]\.\d{1,3}\.\d{1,3}$/);
      }),
      { numRuns: 500 },
    );
  });

  it("codes outside 200–599 and missing codes are refused", () => {
    for (const t of ["600 x", "099 x", "199 x", "hello", "25 x", "2500 x", "", " 250 x"]) expect(parseCodeLine(t)).toBeNull();
  });
});

const term: fc.Arbitrary<ExpectTerm> = fc.oneof(fc.integer({ min: 200, max: 599 }).map((c) => ({ code: c })), fc.integer({ min: 2, max: 5 }).map((f) => ({ first: f })));
const expectation = fc.array(term, { minLength: 1, maxLength: 4 });

describe("expectations round trip", () => {
  it("formatExpectation then parseExpectation is lossless", () => {
    fc.assert(fc.property(expectation, (e) => {
      expect(parseExpectation(formatExpectation(e))).toEqual(e);
    }), { numRuns: RUNS });
  });

  it("any text that parses formats to a text that parses to the same expectation", () => {
    const t = fc.string({ unit: fc.constantFrom("2", "5", "0", "x", "X", "|", " ", "4", "9"), maxLength: 16 });
    fc.assert(
      fc.property(fc.oneof(t, fc.string({ maxLength: 16 })), (s) => {
        const p = parseExpectation(s);
        if ("error" in p) return;
        expect(parseExpectation(formatExpectation(p))).toEqual(p);
      }),
      { numRuns: 400 },
    );
  });
});

describe("step lines round trip", () => {
  const word = fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz0123456789:<>@.-_"), minLength: 1, maxLength: 12 });
  const arg = fc.oneof(word, fc.constantFrom("{helo}", "{from}", "{to}", "<{from}>", "TO:<{to}>", "=", "==", "=>=", "a=>b", "x =", "|", "\u00e9t\u00e9", "\t"));
  const command = fc.tuple(word, fc.array(arg, { maxLength: 4 })).map(([v, a]) => [v, ...a].join(" ").trim());
  const spec: fc.Arbitrary<StepSpec> = fc.tuple(command, fc.option(expectation, { nil: null })).map(([line, e]) => {
    // The spec a user would get from writing `line` (possibly `line => e`).
    const p = parseStepLine(line);
    return "error" in p ? { line: "NOOP", expect: e } : { line: p.line, expect: e ?? p.expect };
  });

  it("formatStepLine then parseStepLine gives the same step (generated valid steps)", () => {
    fc.assert(fc.property(spec, (s) => {
      expect(parseStepLine(formatStepLine(s))).toEqual(s);
    }), { numRuns: 300 });
  });

  it("any line that parses prints to a line that parses to the same step", () => {
    const raw = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(" => ", " =>", "\t=> ", " => 5xx => ", "=>"), fc.string({ unit: fc.constantFrom("2", "5", "x", "|", " ", "0", "="), maxLength: 10 })).map((p) => p.join("")),
    );
    fc.assert(
      fc.property(raw, (t) => {
        const p = parseStepLine(t);
        if ("error" in p) {
          expect(typeof p.error).toBe("string");
          return;
        }
        expect(parseStepLine(formatStepLine(p))).toEqual(p);
         
        expect(p.line).not.toMatch(/[\r\n\0]/);
      }),
      { numRuns: 500 },
    );
  });

  it("a line with CR, LF or NUL anywhere is refused", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.constantFrom("\r", "\n", "\0", "\r\n"), fc.string({ maxLength: 20 }), (a, bad, b) => {
        expect("error" in parseStepLine(`${a}${bad}${b}`)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("hand-written scanners agree with the regular expressions they replaced", () => {
  // The forms before the fleet work: parseCodeLine, parseEnhancedCode and verbOf now scan by hand.
  const refCodeLine = (t: string) => {
    const m = /^([2-5][0-9][0-9])(?:([ -])(.*))?$/s.exec(t);
    return m ? { code: Number(m[1]), continued: m[2] === "-", text: m[3] ?? "" } : null;
  };
  const refEnhanced = (t: string) => {
    const m = /^([245])\.(\d{1,3})\.(\d{1,3})(?=\s|$)/.exec(t);
    return m ? `${m[1]}.${Number(m[2])}.${Number(m[3])}` : null;
  };
  const refVerb = (line: string) => {
    const t = line.trim();
    const end = t.search(/\s/);
    return (end === -1 ? t : t.slice(0, end)).toUpperCase();
  };
  const pieces = fc.constantFrom("2", "5", "0", "9", "1", "6", ".", "-", " ", "\t", "\r", "\n", "\u00a0", "\u2028", "\u3000", "\ufeff", "\ud83d", "x", "é", "ß", "250", "5.1.1", "4.7.0 ", "EHLO", "mail");
  const codeLike = fc.tuple(fc.constantFrom("2", "3", "5", "6", "1", "x"), fc.constantFrom("0", "5", "9", "a"), fc.constantFrom("0", "1", "9", ""), fc.constantFrom("", " ", "-", "\t", ".", "0"));
  const texts = fc.oneof(
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.array(pieces, { maxLength: 10 }).map((a) => a.join("")),
    fc.tuple(codeLike, fc.array(pieces, { maxLength: 6 })).map(([c, rest]) => c.join("") + rest.join("")),
  );

  it("parseCodeLine", () => {
    fc.assert(fc.property(texts, (t) => {
        expect(parseCodeLine(t)).toEqual(refCodeLine(t));
      }), { numRuns: 3000 });
  });

  it("parseEnhancedCode", () => {
    fc.assert(fc.property(texts, (t) => {
        expect(parseEnhancedCode(t)).toBe(refEnhanced(t));
      }), { numRuns: 3000 });
  });

  it("verbOf", () => {
    fc.assert(fc.property(texts, (t) => {
        expect(verbOf(t)).toBe(refVerb(t));
      }), { numRuns: 3000 });
  });

  it("the generators reach the interesting cases", () => {
    // Guards the three properties above against a generator that never produces a match.
    const sample = fc.sample(texts, { numRuns: 3000, seed: 7 });
    expect(sample.filter((t) => refCodeLine(t) !== null).length).toBeGreaterThan(50);
    expect(sample.filter((t) => refEnhanced(t) !== null).length).toBeGreaterThan(20);
    expect(sample.filter((t) => /\S\s/.test(t.trim())).length).toBeGreaterThan(100);
  });
});
