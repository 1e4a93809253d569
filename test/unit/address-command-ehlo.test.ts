import { describe, it, expect } from "vitest";
import { checkEhloName, checkHost, checkMailbox } from "../../src/protocol/address.js";
import { MAX_COMMAND_OCTETS, describeControl, describeForbidden, hasForbiddenChars, verbOf } from "../../src/protocol/command.js";
import { authMechanisms, findExtension, parseEhloExtensions } from "../../src/protocol/ehlo.js";

describe("command: hasForbiddenChars / describeForbidden", () => {
  const cases: [string, boolean, string | null][] = [
    ["MAIL FROM:<a@b>", false, null],
    ["with\ttab", false, null],
    ["", false, null],
    ["a\rb", true, "CR"],
    ["a\nb", true, "LF"],
    ["a\0b", true, "NUL"],
    ["trailing\r\n", true, "CR"],
    ["lf first\n then cr\r", true, "LF"],
    ["nul first\0\r", true, "NUL"],
  ];
  it.each(cases)("%j → %s %s", (value, bad, name) => {
    expect(hasForbiddenChars(value)).toBe(bad);
    if (name) expect(describeForbidden(value)).toBe(name);
  });

  it("is not stateful across calls (no lastIndex leaks)", () => {
    for (let i = 0; i < 5; i++) expect(hasForbiddenChars("x\ny")).toBe(true);
  });
});

describe("command: verbOf", () => {
  const cases: [string, string][] = [
    ["mail FROM:<a@b>", "MAIL"],
    ["  ehlo   host", "EHLO"],
    ["QUIT", "QUIT"],
    ["StartTLS", "STARTTLS"],
    ["AUTH\tPLAIN", "AUTH"],
    ["", ""],
  ];
  it.each(cases)("%j → %j", (line, want) => {
    expect(verbOf(line)).toBe(want);
  });

  it("MAX_COMMAND_OCTETS is RFC 5321's 512", () => {
    expect(MAX_COMMAND_OCTETS).toBe(512);
  });
});

describe("address: checkMailbox", () => {
  const valid = [
    "user@example.com",
    "first.last+tag@sub.example.co.uk",
    "jösé@exämple.de",
    "用户@例子.广告",
    '"john doe"@example.com',
    '"quoted\\"escaped"@example.com',
    "user@[192.0.2.1]",
    "user@[IPv6:2001:db8::1]",
    "postmaster@localhost",
    "user@example.com.",
    "o'brien@example.com",
    `${"a".repeat(64)}@example.com`,
  ];
  it.each(valid)("%j is valid", (v) => {
    expect(checkMailbox(v)).toBeNull();
  });

  const invalid: [string, RegExp][] = [
    ["", /not a mailbox/],
    ["user", /not a mailbox/],
    ["user@", /not a mailbox/],
    ["@example.com", /not a mailbox/],
    ["us er@example.com", /not a mailbox/],
    [".user@example.com", /not a mailbox/],
    ["user.@example.com", /not a mailbox/],
    ["us..er@example.com", /not a mailbox/],
    ["user@exa mple.com", /not a mailbox/],
    ["user@-example.com", /not a mailbox/],
    ["user@example-.com", /not a mailbox/],
    ["user@example..com", /not a mailbox/],
    ["<user@example.com>", /not a mailbox/],
    ["user@@example.com", /not a mailbox/],
    ['"unterminated@example.com', /not a mailbox/],
    ["user@[not an ip]", /not a mailbox/],
    [`${"a".repeat(65)}@example.com`, /local part longer than 64 octets/],
    [`${"é".repeat(33)}@example.com`, /local part longer than 64 octets/],
    [`user@${"a".repeat(60)}.${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.${"e".repeat(60)}.com`, /longer than 254 octets/],
  ];
  it.each(invalid)("%j is invalid (%s)", (v, re) => {
    expect(checkMailbox(v)).toMatch(re);
  });

  it("32 two-octet characters (64 octets) in the local part are still fine", () => {
    expect(checkMailbox(`${"é".repeat(32)}@example.com`)).toBeNull();
  });
});

// Issue 15: U+2028, U+2029, U+0085 and the other C1 controls passed as "UTF-8".
describe("address: line separators and C1 controls are not UTF-8 text", () => {
  it.each(["\u2028", "\u2029", "\u0085", "\u009b"])("%j in a mailbox, a host or an EHLO name is refused", (c) => {
    expect(checkMailbox(`us${c}er@example.com`)).toMatch(/not a mailbox/);
    expect(checkMailbox(`"us${c}er"@example.com`)).toMatch(/not a mailbox/);
    expect(checkMailbox(`user@exa${c}mple.com`)).toMatch(/not a mailbox/);
    expect(checkHost(`mx${c}.example.com`)).not.toBeNull();
    expect(checkEhloName(`ci${c}.example.com`)).not.toBeNull();
  });
  it("the printable characters around them still pass", () => {
    expect(checkMailbox("\u00a0x\u2027\u202a@example.com")).toBeNull();
  });
});

describe("command: describeControl", () => {
  it.each([
    ["a\tb", "TAB (U+0009)"], ["\v", "VT (U+000B)"], ["\f", "FF (U+000C)"], ["\x1b[2J", "ESC (U+001B)"], ["\x7f", "DEL (U+007F)"],
    ["\u0085", "NEL (U+0085)"], ["\u009b", "the control character U+009B"], ["\u2028", "LINE SEPARATOR (U+2028)"], ["\u2029", "PARAGRAPH SEPARATOR (U+2029)"],
    ["\r", "CR (U+000D)"], ["\0", "NUL (U+0000)"],
  ])("%j → %s", (v, name) => {
    expect(describeControl(`x${v}y`)).toBe(name);
  });
  it("printable ASCII and printable UTF-8 have none; TAB only where allowed", () => {
    expect(describeControl("RCPT TO:<jörg@exämple.com> ~")).toBeNull();
    expect(describeControl("a\tb", true)).toBeNull();
    expect(describeControl("a\tb\x1b", true)).toBe("ESC (U+001B)");
  });
});

describe("address: checkHost", () => {
  const valid = ["smtp.example.com", "localhost", "mx1.example.co.uk", "192.0.2.1", "::1", "2001:db8::25", "exämple.de", "example.com."];
  it.each(valid)("%j is valid", (v) => {
    expect(checkHost(v)).toBeNull();
  });
  const invalid = ["", "bad host", "-bad.example.com", "bad-.example.com", "under_score.example.com", "mail..example.com", "host:25", "[192.0.2.1]", `${"a".repeat(64)}.com`, `${"abcdefghi.".repeat(26)}com`];
  it.each(invalid)("%j is invalid", (v) => {
    expect(checkHost(v)).toBe("is not a host name or IP address");
  });
});

describe("address: checkEhloName", () => {
  const valid = ["ci.example.com", "localhost.localdomain", "[192.0.2.1]", "[IPv6:2001:db8::1]", "exämple.de"];
  it.each(valid)("%j is valid", (v) => {
    expect(checkEhloName(v)).toBeNull();
  });
  const invalid = ["", "bad name", "-x.example.com", "ci.example.com\r\nMAIL FROM:<a@b>", "[bad]", "a_b.example.com", "ci.example.com extra"];
  it.each(invalid)("%j is invalid", (v) => {
    expect(checkEhloName(v)).toMatch(/not a domain name or an address literal/);
  });
});

describe("ehlo: parseEhloExtensions", () => {
  it("drops the greeting line, trims, and drops empty lines", () => {
    expect(parseEhloExtensions(["mx.example.com Hello [192.0.2.1]", "PIPELINING", " SIZE 1000 ", "", "AUTH=PLAIN", "STARTTLS"])).toEqual([
      "PIPELINING",
      "SIZE 1000",
      "AUTH=PLAIN",
      "STARTTLS",
    ]);
  });
  it("a one-line EHLO reply has no extensions", () => {
    expect(parseEhloExtensions(["mx.example.com"])).toEqual([]);
    expect(parseEhloExtensions([])).toEqual([]);
  });
});

describe("ehlo: findExtension", () => {
  const exts = ["PIPELINING", "SIZE 1000", "AUTH=PLAIN", "8BITMIME", "starttls", "X-EXPS GSSAPI"];
  const cases: [string, string | undefined][] = [
    ["SIZE", "SIZE 1000"],
    ["size", "SIZE 1000"],
    ["AUTH", "AUTH=PLAIN"],
    ["auth", "AUTH=PLAIN"],
    ["STARTTLS", "starttls"],
    ["pipelining", "PIPELINING"],
    ["8bitmime", "8BITMIME"],
    ["X-EXPS", "X-EXPS GSSAPI"],
    ["SIZ", undefined],
    ["SIZE 1000", undefined],
    ["PIPE", undefined],
    ["CHUNKING", undefined],
  ];
  it.each(cases)("%j → %j", (k, want) => {
    expect(findExtension(exts, k)).toBe(want);
  });

  it("returns the first matching line", () => {
    expect(findExtension(["AUTH PLAIN LOGIN", "AUTH=LOGIN"], "auth")).toBe("AUTH PLAIN LOGIN");
  });
});

describe("ehlo: authMechanisms", () => {
  const cases: [string[], string[]][] = [
    [["AUTH PLAIN LOGIN"], ["PLAIN", "LOGIN"]],
    [["AUTH=CRAM-MD5"], ["CRAM-MD5"]],
    [["AUTH PLAIN LOGIN", "AUTH=CRAM-MD5"], ["PLAIN", "LOGIN", "CRAM-MD5"]],
    [["AUTH=PLAIN LOGIN", "AUTH PLAIN LOGIN XOAUTH2"], ["PLAIN", "LOGIN", "XOAUTH2"]],
    [["auth plain  login"], ["PLAIN", "LOGIN"]],
    [["PIPELINING", "SIZE 10"], []],
    [["AUTHX PLAIN"], []],
    [["AUTH"], []],
    [[], []],
  ];
  it.each(cases)("%j → %j", (exts, want) => {
    expect(authMechanisms(exts)).toEqual(want);
  });
});
