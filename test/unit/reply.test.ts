import { describe, it, expect } from "vitest";
import type { Line } from "../../src/protocol/lines.js";
import {
  MAX_REPLY_LINES,
  ReplyAssembler,
  parseCodeLine,
  parseEnhancedCode,
  parseReply,
  type Reply,
  type ReplyProblem,
} from "../../src/protocol/reply.js";

describe("parseCodeLine", () => {
  const cases: [string, ReturnType<typeof parseCodeLine>][] = [
    ["250 ok", { code: 250, continued: false, text: "ok" }],
    ["250-x", { code: 250, continued: true, text: "x" }],
    ["250", { code: 250, continued: false, text: "" }],
    ["250 ", { code: 250, continued: false, text: "" }],
    ["250-", { code: 250, continued: true, text: "" }],
    ["220 mx.example.com ESMTP ready", { code: 220, continued: false, text: "mx.example.com ESMTP ready" }],
    ["550 5.1.1 <a@b>: no such user", { code: 550, continued: false, text: "5.1.1 <a@b>: no such user" }],
    ["599 x", { code: 599, continued: false, text: "x" }],
    ["200 x", { code: 200, continued: false, text: "x" }],
    ["250  two spaces", { code: 250, continued: false, text: " two spaces" }],
    ["250x", null],
    ["2500", null],
    ["099", null],
    ["099 x", null],
    ["600", null],
    ["600 x", null],
    ["100 x", null],
    ["1xx", null],
    ["2xx ok", null],
    ["25", null],
    ["", null],
    [" 250 ok", null],
    ["abc", null],
    ["250\tok", null],
  ];
  it.each(cases)("%j", (text, want) => {
    expect(parseCodeLine(text)).toEqual(want);
  });
});

describe("parseEnhancedCode", () => {
  const cases: [string, string | null][] = [
    ["5.5.1 text", "5.5.1"],
    ["5.5.1", "5.5.1"],
    ["5.1.10", "5.1.10"],
    ["5.1.10 user unknown", "5.1.10"],
    ["2.0.0", "2.0.0"],
    ["2.0.0 Ok: queued", "2.0.0"],
    ["4.7.0\ttab", "4.7.0"],
    ["5.999.999 x", "5.999.999"],
    ["5.01.1", "5.1.1"],
    ["5.01.001 x", "5.1.1"],
    ["4.00.00", "4.0.0"],
    ["5.5.1x", null],
    ["5.5.1.2", null],
    ["5.5.1: text", null],
    ["3.0.0 x", null],
    ["1.0.0 x", null],
    ["6.0.0 x", null],
    ["5.5 text", null],
    ["5.1234.1", null],
    ["5.1.1234", null],
    [" 5.5.1 leading space", null],
    ["text 5.5.1", null],
    ["", null],
  ];
  it.each(cases)("%j", (text, want) => {
    expect(parseEnhancedCode(text)).toBe(want);
  });
});

const crlf = (text: string): Line => ({ text, ending: "crlf" });
const lf = (text: string): Line => ({ text, ending: "lf" });

function run(lines: Line[]): (Reply | ReplyProblem | null)[] {
  const a = new ReplyAssembler();
  return lines.map((l) => a.push(l));
}

describe("ReplyAssembler", () => {
  it("assembles a multi-line EHLO reply", () => {
    const a = new ReplyAssembler();
    expect(a.started).toBe(false);
    expect(a.push(crlf("250-mx.example.com Hello"))).toBeNull();
    expect(a.started).toBe(true);
    expect(a.push(crlf("250-PIPELINING"))).toBeNull();
    expect(a.push(crlf("250-SIZE 10240000"))).toBeNull();
    expect(a.push(crlf("250-AUTH PLAIN LOGIN"))).toBeNull();
    expect(a.push(crlf("250 ENHANCEDSTATUSCODES"))).toEqual({
      code: 250,
      enhanced: null,
      lines: ["mx.example.com Hello", "PIPELINING", "SIZE 10240000", "AUTH PLAIN LOGIN", "ENHANCEDSTATUSCODES"],
      ending: "crlf",
    });
    expect(a.started).toBe(false);
  });

  it("a bare code is a complete one-line reply with empty text", () => {
    expect(run([crlf("250")])).toEqual([{ code: 250, enhanced: null, lines: [""], ending: "crlf" }]);
  });

  it("bare-LF lines give ending lf", () => {
    expect(run([lf("250-a"), lf("250 b")])[1]).toEqual({ code: 250, enhanced: null, lines: ["a", "b"], ending: "lf" });
  });

  it("mixed endings give ending mixed", () => {
    expect(run([crlf("250-a"), lf("250-b"), crlf("250 c")])[2]).toMatchObject({ ending: "mixed", lines: ["a", "b", "c"] });
    expect(run([lf("250-a"), crlf("250 c")])[1]).toMatchObject({ ending: "mixed" });
  });

  const malformed: string[] = ["hello", "", "1xx", "099 x", "250x", "600 x", " 250 ok"];
  it.each(malformed)("a malformed first line %j is reported as malformed", (text) => {
    expect(run([crlf(text)])).toEqual([{ kind: "malformed", line: text }]);
  });

  it("after a malformed line the assembler starts over", () => {
    const a = new ReplyAssembler();
    expect(a.push(lf("garbage"))).toEqual({ kind: "malformed", line: "garbage" });
    expect(a.started).toBe(false);
    expect(a.push(crlf("220 ready"))).toEqual({ code: 220, enhanced: null, lines: ["ready"], ending: "crlf" });
  });

  it("keeps a non-matching line inside a multi-line reply as text", () => {
    const r = run([crlf("250-first"), crlf("garbage line"), crlf("251 other code"), crlf("250-more"), crlf("250 last")]);
    expect(r.slice(0, 4)).toEqual([null, null, null, null]);
    expect(r[4]).toEqual({
      code: 250,
      enhanced: null,
      lines: ["first", "garbage line", "251 other code", "more", "last"],
      ending: "crlf",
    });
  });

  it("a line with a different code does not end the reply, even without a dash", () => {
    const r = run([crlf("550-a"), crlf("250 not the end"), crlf("550 end")]);
    expect(r[1]).toBeNull();
    expect(r[2]).toMatchObject({ code: 550, lines: ["a", "250 not the end", "end"] });
  });

  it(`caps a reply at MAX_REPLY_LINES (${MAX_REPLY_LINES}) continued lines`, () => {
    const a = new ReplyAssembler();
    let got: Reply | ReplyProblem | null = null;
    let n = 0;
    while (got === null && n < MAX_REPLY_LINES * 2) {
      got = a.push(crlf(`250-line ${n}`));
      n++;
    }
    expect(got).toEqual({ kind: "too-many-lines", lines: MAX_REPLY_LINES });
    expect(n).toBe(MAX_REPLY_LINES);
    expect(a.started).toBe(false);
  });

  it("a reply of exactly MAX_REPLY_LINES lines is still accepted", () => {
    const a = new ReplyAssembler();
    for (let i = 0; i < MAX_REPLY_LINES - 1; i++) expect(a.push(crlf(`250-l${i}`))).toBeNull();
    const r = a.push(crlf("250 end"));
    expect(r).toMatchObject({ code: 250 });
    expect(r && "lines" in r && Array.isArray(r.lines) ? r.lines.length : -1).toBe(MAX_REPLY_LINES);
  });

  const enhancedCases: { name: string; lines: string[]; want: string | null }[] = [
    { name: "on the only line", lines: ["550 5.1.1 no such user"], want: "5.1.1" },
    { name: "on the second line", lines: ["550-Sorry", "550-5.7.1 relaying denied", "550 5.1.1 later"], want: "5.7.1" },
    { name: "on the last line", lines: ["250-x", "250 2.0.0 ok"], want: "2.0.0" },
    { name: "normalised", lines: ["550 5.01.01 x"], want: "5.1.1" },
    { name: "absent", lines: ["250-x", "250 y"], want: null },
    { name: "glued is not a code", lines: ["550 5.5.1x nope"], want: null },
  ];
  it.each(enhancedCases)("enhanced code $name", ({ lines, want }) => {
    const r = run(lines.map(crlf));
    expect(r[r.length - 1]).toMatchObject({ enhanced: want });
  });
});

describe("parseReply", () => {
  const cases: { name: string; text: string; want: Reply | null }[] = [
    { name: "one CRLF line", text: "250 ok\r\n", want: { code: 250, enhanced: null, lines: ["ok"], ending: "crlf" } },
    { name: "one LF line", text: "250 ok\n", want: { code: 250, enhanced: null, lines: ["ok"], ending: "lf" } },
    { name: "no final newline", text: "221 bye", want: { code: 221, enhanced: null, lines: ["bye"], ending: "lf" } },
    {
      name: "multi-line with enhanced",
      text: "550-5.7.1 denied\r\n550 see policy\r\n",
      want: { code: 550, enhanced: "5.7.1", lines: ["5.7.1 denied", "see policy"], ending: "crlf" },
    },
    { name: "mixed", text: "250-a\n250 b\r\n", want: { code: 250, enhanced: null, lines: ["a", "b"], ending: "mixed" } },
    { name: "two replies", text: "250 a\r\n250 b\r\n", want: null },
    { name: "incomplete", text: "250-a\r\n", want: null },
    { name: "malformed", text: "hello\r\n", want: null },
    { name: "empty", text: "", want: null },
  ];
  it.each(cases)("$name", ({ text, want }) => {
    expect(parseReply(text)).toEqual(want);
  });
});
