import { describe, it, expect } from "vitest";
import {
  ANY_POSITIVE,
  defaultExpectation,
  formatExpectation,
  meetsExpectation,
  parseExpectation,
  type Expectation,
} from "../../src/protocol/expect.js";

describe("parseExpectation", () => {
  const valid: [string, Expectation][] = [
    ["550", [{ code: 550 }]],
    ["5xx", [{ first: 5 }]],
    ["2XX", [{ first: 2 }]],
    ["250|251", [{ code: 250 }, { code: 251 }]],
    ["250 | 251", [{ code: 250 }, { code: 251 }]],
    [" 250|  5xx ", [{ code: 250 }, { first: 5 }]],
    ["2xx|3xx", [{ first: 2 }, { first: 3 }]],
    ["220", [{ code: 220 }]],
    ["599", [{ code: 599 }]],
  ];
  it.each(valid)("%j parses", (text, want) => {
    expect(parseExpectation(text)).toEqual(want);
  });

  const invalid = ["55", "5555", "6xx", "1xx", "600", "199", "abc", "", " ", "250|", "|250", "250||251", "5x", "x50", "250,251", "25O"];
  it.each(invalid)("%j is an error", (text) => {
    const r = parseExpectation(text);
    expect(r).toHaveProperty("error");
    expect((r as { error: string }).error).toMatch(/is not a reply code/);
  });

  it("the error quotes the bad term", () => {
    expect(parseExpectation("250|abc")).toEqual({ error: expect.stringContaining('"abc"') });
  });
});

describe("formatExpectation", () => {
  const cases: [Expectation, string][] = [
    [[{ code: 550 }], "550"],
    [[{ first: 5 }], "5xx"],
    [[{ code: 250 }, { code: 251 }], "250|251"],
    [ANY_POSITIVE, "2xx|3xx"],
  ];
  it.each(cases)("%j → %s", (e, want) => {
    expect(formatExpectation(e)).toBe(want);
  });

  const roundTrip = ["550", "5xx", "250|251", "2xx|3xx", "421|4xx|250", "354"];
  it.each(roundTrip)("round-trips %s", (text) => {
    const e = parseExpectation(text) as Expectation;
    expect(formatExpectation(e)).toBe(text);
    expect(parseExpectation(formatExpectation(e))).toEqual(e);
  });

  it("normalises case and spaces", () => {
    expect(formatExpectation(parseExpectation(" 2XX | 251 ") as Expectation)).toBe("2xx|251");
  });
});

describe("meetsExpectation", () => {
  const cases: [number, string, boolean][] = [
    [550, "550", true],
    [551, "550", false],
    [550, "5xx", true],
    [599, "5xx", true],
    [450, "5xx", false],
    [250, "5xx", false],
    [250, "250|251", true],
    [251, "250|251", true],
    [252, "250|251", false],
    [354, "2xx|3xx", true],
    [421, "2xx|3xx", false],
    [250, "4xx|250", true],
    [451, "4xx|250", true],
  ];
  it.each(cases)("%i against %s → %s", (code, text, want) => {
    expect(meetsExpectation(code, parseExpectation(text) as Expectation)).toBe(want);
  });
});

describe("defaultExpectation (RFC 5321 §4.3.2, RFC 3207, RFC 4954)", () => {
  const cases: [string, string][] = [
    ["EHLO", "250"],
    ["HELO", "250"],
    ["MAIL", "250"],
    ["RCPT", "250|251"],
    ["DATA", "354"],
    ["RSET", "250"],
    ["VRFY", "250|251|252"],
    ["EXPN", "250|252"],
    ["HELP", "211|214"],
    ["NOOP", "250"],
    ["QUIT", "221"],
    ["STARTTLS", "220"],
    ["AUTH", "235"],
    ["XAUTH2", "2xx|3xx"],
    ["FOO", "2xx|3xx"],
    ["", "2xx|3xx"],
  ];
  it.each(cases)("%s → %s", (verb, want) => {
    expect(formatExpectation(defaultExpectation(verb))).toBe(want);
  });

  it("is case-insensitive", () => {
    expect(formatExpectation(defaultExpectation("rcpt"))).toBe("250|251");
    expect(formatExpectation(defaultExpectation("StartTls"))).toBe("220");
  });
});
