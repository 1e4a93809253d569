import { describe, it, expect } from "vitest";
import { LineSplitter, MAX_LINE_OCTETS, decodeLine, type LineEvent } from "../../src/protocol/lines.js";

/** Small deterministic PRNG (mulberry32) so "random" chunkings are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function feed(chunks: Buffer[]): LineEvent[] {
  const s = new LineSplitter();
  return chunks.flatMap((c) => s.push(c));
}

function splitAt(buf: Buffer, positions: number[]): Buffer[] {
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of positions) {
    out.push(buf.subarray(prev, p));
    prev = p;
  }
  out.push(buf.subarray(prev));
  return out;
}

describe("LineSplitter: endings", () => {
  const cases: { name: string; input: string; want: LineEvent[] }[] = [
    { name: "CRLF", input: "250 ok\r\n", want: [{ text: "250 ok", ending: "crlf" }] },
    { name: "bare LF", input: "250 ok\n", want: [{ text: "250 ok", ending: "lf" }] },
    {
      name: "two CRLF lines",
      input: "250-a\r\n250 b\r\n",
      want: [
        { text: "250-a", ending: "crlf" },
        { text: "250 b", ending: "crlf" },
      ],
    },
    {
      name: "mixed endings",
      input: "250-a\n250 b\r\n",
      want: [
        { text: "250-a", ending: "lf" },
        { text: "250 b", ending: "crlf" },
      ],
    },
    { name: "empty CRLF line", input: "\r\n", want: [{ text: "", ending: "crlf" }] },
    { name: "empty LF line", input: "\n", want: [{ text: "", ending: "lf" }] },
    { name: "CR in the middle is escaped, not an ending", input: "a\rb\n", want: [{ text: "a\\x0db", ending: "lf" }] },
    { name: "no ending yet", input: "250 ok", want: [] },
  ];
  it.each(cases)("$name", ({ input, want }) => {
    expect(feed([Buffer.from(input, "latin1")])).toEqual(want);
  });
});

describe("LineSplitter: chunking invariance", () => {
  const stream = Buffer.concat([
    Buffer.from("220 mx.example.com ESMTP\r\n250-mx.example.com\r\n250-PIPELINING\n250 SIZE 1000\r\n", "latin1"),
    Buffer.from("550 5.1.1 jösé unknown ✓\r\n", "utf8"),
    Buffer.from("\r\n\n221 bye\r\n", "latin1"),
  ]);
  const whole = feed([stream]);

  it("the whole stream gives the expected lines", () => {
    expect(whole).toEqual([
      { text: "220 mx.example.com ESMTP", ending: "crlf" },
      { text: "250-mx.example.com", ending: "crlf" },
      { text: "250-PIPELINING", ending: "lf" },
      { text: "250 SIZE 1000", ending: "crlf" },
      { text: "550 5.1.1 jösé unknown ✓", ending: "crlf" },
      { text: "", ending: "crlf" },
      { text: "", ending: "lf" },
      { text: "221 bye", ending: "crlf" },
    ]);
  });

  it("split once at every position gives the same lines", () => {
    for (let p = 0; p <= stream.length; p++) {
      expect(feed(splitAt(stream, [p])), `split at ${p}`).toEqual(whole);
    }
  });

  it("split twice at every pair of positions gives the same lines", () => {
    for (let p = 0; p <= stream.length; p += 3) {
      for (let q = p; q <= stream.length; q += 5) {
        expect(feed(splitAt(stream, [p, q])), `split at ${p},${q}`).toEqual(whole);
      }
    }
  });

  it("one byte at a time gives the same lines", () => {
    const chunks = [...stream].map((b) => Buffer.from([b]));
    expect(feed(chunks)).toEqual(whole);
  });

  it("random chunk sizes give the same lines", () => {
    const r = rng(42);
    for (let trial = 0; trial < 200; trial++) {
      const positions: number[] = [];
      let p = 0;
      for (;;) {
        p += 1 + Math.floor(r() * 12);
        if (p >= stream.length) break;
        positions.push(p);
      }
      expect(feed(splitAt(stream, positions)), `trial ${trial}`).toEqual(whole);
    }
  });
});

describe("LineSplitter: over-long lines", () => {
  const long = Buffer.alloc(MAX_LINE_OCTETS + 100, 0x61);
  const stream = Buffer.concat([Buffer.from("250-first\r\n"), long, Buffer.from("\r\n250 next\r\n")]);
  const strip = (evs: LineEvent[]) => evs.map((e) => ("kind" in e ? { kind: e.kind } : e));
  const want = [{ text: "250-first", ending: "crlf" }, { kind: "too-long" }, { text: "250 next", ending: "crlf" }];

  it("in one chunk: too-long event, then recovery on the next line", () => {
    const evs = feed([stream]);
    expect(strip(evs)).toEqual(want);
    const tl = evs[1];
    expect(tl && "kind" in tl ? tl.octets : 0).toBeGreaterThan(MAX_LINE_OCTETS);
  });

  it("in many chunks: exactly one too-long event, then recovery", () => {
    const r = rng(7);
    for (let trial = 0; trial < 30; trial++) {
      const positions: number[] = [];
      let p = 0;
      for (;;) {
        p += 1 + Math.floor(r() * 3000);
        if (p >= stream.length) break;
        positions.push(p);
      }
      const evs = feed(splitAt(stream, positions));
      expect(strip(evs), `trial ${trial}`).toEqual(want);
    }
  });

  it("one byte at a time: exactly one too-long event, then recovery", () => {
    const evs = feed([...stream].map((b) => Buffer.from([b])));
    expect(strip(evs)).toEqual(want);
  });

  it("a line of exactly MAX_LINE_OCTETS (LF ending) is accepted, one more octet is not", () => {
    const exact = Buffer.concat([Buffer.alloc(MAX_LINE_OCTETS, 0x62), Buffer.from("\n")]);
    const evs = feed([exact]);
    expect(evs).toHaveLength(1);
    expect(evs[0]).toEqual({ text: "b".repeat(MAX_LINE_OCTETS), ending: "lf" });
    const over = Buffer.concat([Buffer.alloc(MAX_LINE_OCTETS + 1, 0x62), Buffer.from("\n")]);
    expect(strip(feed([over]))).toEqual([{ kind: "too-long" }]);
  });

  it("pending() is empty after an overflow, nothing is buffered", () => {
    const s = new LineSplitter();
    s.push(Buffer.alloc(MAX_LINE_OCTETS + 10, 0x61));
    expect(s.pending()).toBe("");
    s.push(Buffer.alloc(50, 0x61));
    expect(s.pending()).toBe("");
    expect(s.push(Buffer.from("\r\n220 ok\r\n"))).toEqual([{ text: "220 ok", ending: "crlf" }]);
  });
});

describe("LineSplitter: pending() and reset()", () => {
  it("pending() shows the bytes not yet forming a line", () => {
    const s = new LineSplitter();
    expect(s.pending()).toBe("");
    expect(s.push(Buffer.from("250 o"))).toEqual([]);
    expect(s.pending()).toBe("250 o");
    s.push(Buffer.from("k"));
    expect(s.pending()).toBe("250 ok");
    expect(s.push(Buffer.from("\r\n421 cut"))).toEqual([{ text: "250 ok", ending: "crlf" }]);
    expect(s.pending()).toBe("421 cut");
  });

  it("pending() decodes and escapes like decodeLine", () => {
    const s = new LineSplitter();
    s.push(Buffer.from("x\x1by\r", "latin1"));
    expect(s.pending()).toBe("x\\x1by\\x0d");
  });

  it("reset() returns the number of dropped bytes and forgets them", () => {
    const s = new LineSplitter();
    s.push(Buffer.from("220 ready\r\n250 injected-before-tls"));
    expect(s.reset()).toBe("250 injected-before-tls".length);
    expect(s.pending()).toBe("");
    expect(s.push(Buffer.from("\r\n"))).toEqual([{ text: "", ending: "crlf" }]);
    expect(s.reset()).toBe(0);
  });

  it("reset() counts octets, not characters", () => {
    const s = new LineSplitter();
    s.push(Buffer.from("é✓", "utf8"));
    expect(s.reset()).toBe(5);
  });

  it("reset() clears an overflow so the next line is read whole", () => {
    const s = new LineSplitter();
    s.push(Buffer.alloc(MAX_LINE_OCTETS + 1, 0x61));
    s.reset();
    expect(s.push(Buffer.from("220 fresh\r\n"))).toEqual([{ text: "220 fresh", ending: "crlf" }]);
  });
});

describe("decodeLine", () => {
  const cases: { name: string; bytes: number[] | Buffer; want: string }[] = [
    { name: "plain ASCII", bytes: Buffer.from("250 ok"), want: "250 ok" },
    { name: "TAB kept", bytes: Buffer.from("a\tb"), want: "a\tb" },
    { name: "NUL escaped", bytes: [0x61, 0x00, 0x62], want: "a\\x00b" },
    { name: "ESC escaped", bytes: Buffer.from("\x1b[31mred", "latin1"), want: "\\x1b[31mred" },
    { name: "CR escaped", bytes: [0x0d], want: "\\x0d" },
    { name: "LF escaped", bytes: [0x0a], want: "\\x0a" },
    { name: "DEL escaped", bytes: [0x7f], want: "\\x7f" },
    { name: "0x01 and 0x1f escaped", bytes: [0x01, 0x1f], want: "\\x01\\x1f" },
    { name: "UTF-8 kept", bytes: Buffer.from("jösé ✓ 😀", "utf8"), want: "jösé ✓ 😀" },
    { name: "invalid UTF-8 replaced", bytes: [0x61, 0xff, 0x62], want: "a\uFFFDb" },
    { name: "truncated UTF-8 replaced", bytes: [0x61, 0xc3], want: "a\uFFFD" },
    { name: "latin1 é (0xe9) replaced", bytes: [0xe9, 0x74, 0xe9], want: "\uFFFDt\uFFFD" },
  ];
  it.each(cases)("$name", ({ bytes, want }) => {
    expect(decodeLine(Uint8Array.from(bytes))).toBe(want);
  });

  it("a decoded line holds no control characters other than TAB", () => {
    const all = Uint8Array.from({ length: 128 }, (_, i) => i);
    // eslint-disable-next-line no-control-regex
    expect(decodeLine(all)).not.toMatch(/[\x00-\x08\x0a-\x1f\x7f]/);
  });
});
