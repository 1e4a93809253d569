import { describe, it, expect } from "vitest";
import { parseExpectation, type Expectation } from "../../src/protocol/expect.js";
import { fillPlaceholders, formatStepLine, parseStepLine, parseSteps, type StepSpec } from "../../src/protocol/steps.js";

const exp = (t: string): Expectation => parseExpectation(t) as Expectation;

describe("parseStepLine: valid", () => {
  const cases: [string, StepSpec][] = [
    ["EHLO {helo}", { line: "EHLO {helo}", expect: null }],
    ["  NOOP  ", { line: "NOOP", expect: null }],
    ["XAUTH2 login", { line: "XAUTH2 login", expect: null }],
    ["RCPT TO:<nobody@example.invalid> => 550", { line: "RCPT TO:<nobody@example.invalid>", expect: [{ code: 550 }] }],
    ["RCPT TO:<{to}> => 250|251", { line: "RCPT TO:<{to}>", expect: [{ code: 250 }, { code: 251 }] }],
    ["RCPT TO:<{to}> => 250 | 251", { line: "RCPT TO:<{to}>", expect: [{ code: 250 }, { code: 251 }] }],
    ["VRFY root => 5xx", { line: "VRFY root", expect: [{ first: 5 }] }],
    ["VRFY root =>5xx", { line: "VRFY root", expect: [{ first: 5 }] }],
    ["MAIL FROM:<{from}>", { line: "MAIL FROM:<{from}>", expect: null }],
    ["HELO {helo} => 2xx", { line: "HELO {helo}", expect: [{ first: 2 }] }],
    ["AUTH=PLAIN", { line: "AUTH=PLAIN", expect: null }],
    ["{FOO} uppercase braces are not placeholders", { line: "{FOO} uppercase braces are not placeholders", expect: null }],
    // RFC 6531: printable UTF-8 is allowed at config time (the server's SMTPUTF8 decides the rest).
    ["RCPT TO:<jörg@exämple.com>", { line: "RCPT TO:<jörg@exämple.com>", expect: null }],
  ];
  it.each(cases)("%j", (text, want) => {
    expect(parseStepLine(text)).toEqual(want);
  });
});

describe("parseStepLine: errors", () => {
  const cases: [string, RegExp][] = [
    ["", /is empty/],
    ["   ", /is empty/],
    ["RCPT TO:<a@b> => 55", /expectation/],
    ["RCPT TO:<a@b> => 6xx", /expectation/],
    ["RCPT TO:<a@b> => abc", /expectation/],
    ["RCPT TO:<a@b> =>", /expectation/],
    ["=> 550", /no command/],
    ["MAIL FROM:<a@b>\r\nRCPT TO:<c@d>", /CR/],
    ["MAIL FROM:<a@b>\nRCPT TO:<c@d>", /LF/],
    ["MAIL FROM:<a@b>\0", /NUL/],
    ["NOOP\r", /CR/],
    // Issue 15: a step line is printable text; every other control character is named.
    ["X\tTAB", /TAB \(U\+0009\)/],
    ["NOOP\vX", /VT \(U\+000B\)/],
    ["NOOP\fX", /FF \(U\+000C\)/],
    ["NOOP \x1b[2J", /ESC \(U\+001B\)/],
    ["NOOP\x7f", /DEL \(U\+007F\)/],
    ["NOOP\u0085X", /NEL \(U\+0085\)/],
    ["NOOP \u009b31m", /U\+009B/],
    ["NOOP\u2028RSET", /LINE SEPARATOR \(U\+2028\)/],
    ["NOOP\u2029RSET", /PARAGRAPH SEPARATOR \(U\+2029\)/],
    ["RCPT TO:<{foo}>", /unknown placeholder \{foo\}/],
    ["EHLO {helo} {bar-baz}", /unknown placeholder \{bar-baz\}/],
  ];
  it.each(cases)("%j → %s", (text, re) => {
    const r = parseStepLine(text);
    expect(r).toHaveProperty("error");
    expect((r as { error: string }).error).toMatch(re);
  });

  it("CR/LF error says it would inject a second command", () => {
    expect(parseStepLine("NOOP\nQUIT")).toEqual({ error: expect.stringMatching(/inject/) });
  });

  it("all three placeholders are known", () => {
    expect(parseStepLine("X {helo} {from} {to}")).toEqual({ line: "X {helo} {from} {to}", expect: null });
  });
});

describe("formatStepLine / parseStepLine round-trip", () => {
  const specs: StepSpec[] = [
    { line: "EHLO {helo}", expect: null },
    { line: "STARTTLS", expect: null },
    { line: "RCPT TO:<nobody@example.invalid>", expect: exp("550") },
    { line: "RCPT TO:<{to}>", expect: exp("250|251") },
    { line: "VRFY root", expect: exp("5xx") },
    { line: "XAUTH2 login", expect: exp("2xx|3xx") },
    { line: "MAIL FROM:<{from}> SIZE=100", expect: exp("250") },
    { line: "X => Y", expect: exp("550") },
    { line: "A =>= 5", expect: null },
    { line: "A =>= 5", expect: exp("4xx") },
  ];
  it.each(specs)("%j", (s) => {
    expect(parseStepLine(formatStepLine(s))).toEqual(s);
  });

  const lines = ["EHLO {helo}", "RCPT TO:<x@y> => 550", "NOOP => 2xx|3xx", "MAIL FROM:<{from}>", "QUIT => 221"];
  it.each(lines)("format(parse(%j)) is the same text", (text) => {
    const s = parseStepLine(text) as StepSpec;
    expect(formatStepLine(s)).toBe(text);
  });

  it("formats with the canonical arrow", () => {
    expect(formatStepLine({ line: "RCPT TO:<x@y>", expect: exp("250|251") })).toBe("RCPT TO:<x@y> => 250|251");
    expect(formatStepLine({ line: "NOOP", expect: null })).toBe("NOOP");
  });
});

describe("parseSteps", () => {
  it("skips comments and blank lines", () => {
    const text = ["# a comment", "EHLO {helo}", "", "   ", "  # indented comment", "STARTTLS", "RCPT TO:<x@y> => 550", ""].join("\n");
    expect(parseSteps(text)).toEqual([
      { line: "EHLO {helo}", expect: null },
      { line: "STARTTLS", expect: null },
      { line: "RCPT TO:<x@y>", expect: [{ code: 550 }] },
    ]);
  });

  it("accepts CRLF between lines", () => {
    expect(parseSteps("EHLO x\r\nNOOP\r\n")).toEqual([
      { line: "EHLO x", expect: null },
      { line: "NOOP", expect: null },
    ]);
  });

  it("reports every bad line with its 1-based line number", () => {
    const text = ["# header", "EHLO {helo}", "", "RCPT TO:<{nope}>", "NOOP => 55", "QUIT"].join("\n");
    const r = parseSteps(text);
    expect(r).toHaveProperty("errors");
    const errors = (r as { errors: { line: number; message: string }[] }).errors;
    expect(errors.map((e) => e.line)).toEqual([4, 5]);
    expect(errors[0]?.message).toContain("RCPT TO:<{nope}>");
    expect(errors[0]?.message).toMatch(/unknown placeholder \{nope\}/);
    expect(errors[1]?.message).toContain("NOOP => 55");
  });

  it("a lone CR inside a line is an error on that line", () => {
    const r = parseSteps("EHLO x\nNOOP\rQUIT\n");
    expect(r).toEqual({ errors: [{ line: 2, message: expect.stringMatching(/CR/) }] });
  });

  it("an empty text gives no steps", () => {
    expect(parseSteps("")).toEqual([]);
    expect(parseSteps("# only\n\n")).toEqual([]);
  });
});

describe("fillPlaceholders", () => {
  const values = { helo: "ci.example.com", from: "app@example.com", to: "rcpt@example.org" };
  const cases: [string, string][] = [
    ["EHLO {helo}", "EHLO ci.example.com"],
    ["MAIL FROM:<{from}>", "MAIL FROM:<app@example.com>"],
    ["RCPT TO:<{to}>", "RCPT TO:<rcpt@example.org>"],
    ["X {to} {to} {helo}", "X rcpt@example.org rcpt@example.org ci.example.com"],
    ["NOOP", "NOOP"],
    ["X {FOO} {Helo}", "X {FOO} {Helo}"],
  ];
  it.each(cases)("%j → %j", (line, want) => {
    expect(fillPlaceholders(line, values)).toBe(want);
  });

  it("does not re-expand placeholders inside values", () => {
    expect(fillPlaceholders("X {from}", { helo: "h", from: "{to}", to: "t" })).toBe("X {to}");
  });
});
