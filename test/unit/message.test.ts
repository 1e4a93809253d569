import { describe, it, expect } from "vitest";
import { DEFAULT_BODY, MAX_TEXT_LINE_OCTETS, buildTestMessage, frameForData, rfc5322Date } from "../../src/protocol/message.js";

/** The framed lines, without the final CRLF; asserts every line ends in CRLF. */
function framedLines(buf: Buffer): string[] {
  const s = buf.toString("utf8");
  expect(s.endsWith("\r\n")).toBe(true);
  const lines = s.slice(0, -2).split("\r\n");
  for (const l of lines) {
    expect(l).not.toContain("\r");
    expect(l).not.toContain("\n");
  }
  return lines;
}

/** Undoes the framing: drops the terminator and one leading dot from stuffed lines. */
function unstuff(lines: string[]): string[] {
  expect(lines[lines.length - 1]).toBe(".");
  return lines.slice(0, -1).map((l) => (l.startsWith(".") ? l.slice(1) : l));
}

describe("frameForData: dot-stuffing and line endings", () => {
  const cases: { name: string; text: string; want: string }[] = [
    { name: "plain", text: "a\nb", want: "a\r\nb\r\n.\r\n" },
    { name: "trailing LF not doubled", text: "a\nb\n", want: "a\r\nb\r\n.\r\n" },
    { name: "CRLF kept", text: "a\r\nb\r\n", want: "a\r\nb\r\n.\r\n" },
    { name: "bare CR normalised", text: "a\rb", want: "a\r\nb\r\n.\r\n" },
    { name: "mixed endings", text: "a\rb\nc\r\nd", want: "a\r\nb\r\nc\r\nd\r\n.\r\n" },
    { name: "CR LF order matters: LF CR is two breaks", text: "a\n\rb", want: "a\r\n\r\nb\r\n.\r\n" },
    { name: "a lone dot in the first line", text: ".\nx", want: "..\r\nx\r\n.\r\n" },
    { name: "every dot line, not only the first", text: "a\n.\nb\n.", want: "a\r\n..\r\nb\r\n..\r\n.\r\n" },
    { name: "double dot", text: "..", want: "...\r\n.\r\n" },
    { name: "dot then text", text: ".x\n.y", want: "..x\r\n..y\r\n.\r\n" },
    { name: "dot not at line start untouched", text: "a.b\n x.", want: "a.b\r\n x.\r\n.\r\n" },
    { name: "empty lines kept", text: "a\n\nb", want: "a\r\n\r\nb\r\n.\r\n" },
    { name: "CRLF.CRLF inside the text is stuffed", text: "a\r\n.\r\nb", want: "a\r\n..\r\nb\r\n.\r\n" },
    { name: "empty text", text: "", want: ".\r\n" },
  ];
  it.each(cases)("$name", ({ text, want }) => {
    expect(frameForData(text).toString("utf8")).toBe(want);
  });

  it("the framed message contains the end-of-data sequence exactly once, at the end", () => {
    const framed = frameForData(`x\n.\n..\n.x\r\n.\r.\n${DEFAULT_BODY}`).toString("utf8");
    expect(framed.endsWith("\r\n.\r\n")).toBe(true);
    expect(framed.indexOf("\r\n.\r\n")).toBe(framed.length - 5);
    expect(framed.startsWith(".\r\n")).toBe(false);
  });

  it("stuffs the dot lines of the default body", () => {
    const lines = framedLines(frameForData(DEFAULT_BODY));
    expect(lines).toContain("..");
    expect(lines).toContain("...");
    expect(lines).toContain("..x");
    expect(unstuff(lines)).toEqual(DEFAULT_BODY.split("\n"));
  });

  it("is UTF-8", () => {
    expect(frameForData("jösé ✓")).toEqual(Buffer.from("jösé ✓\r\n.\r\n", "utf8"));
  });
});

describe("frameForData: long lines", () => {
  const cases: { name: string; line: string }[] = [
    { name: "3000 ASCII octets", line: "a".repeat(3000) },
    { name: "3000 octets starting with a dot", line: `.${"b".repeat(2999)}` },
    { name: "dots at every fold position", line: ".".repeat(3000) },
    { name: "two-octet characters", line: "é".repeat(1500) },
    { name: "three-octet characters", line: "✓".repeat(1000) },
    { name: "four-octet characters", line: "😀".repeat(750) },
    { name: "mixed widths", line: "aé✓😀".repeat(300) },
    { name: "exactly 998 octets", line: "c".repeat(998) },
    { name: "997 octets + one 2-octet char", line: `${"d".repeat(997)}é` },
  ];
  it.each(cases)("$name: folded into lines of at most 998 octets, no character split", ({ line }) => {
    const buf = frameForData(`head\n${line}\ntail`);
    // Valid UTF-8 all the way: no character was cut in two.
    expect(new TextDecoder("utf-8", { fatal: true }).decode(buf)).toBe(buf.toString("utf8"));
    const lines = framedLines(buf);
    for (const l of lines) expect(Buffer.byteLength(l, "utf8")).toBeLessThanOrEqual(MAX_TEXT_LINE_OCTETS);
    const body = unstuff(lines);
    expect(body[0]).toBe("head");
    expect(body[body.length - 1]).toBe("tail");
    // The folded pieces, joined, are the original line.
    expect(body.slice(1, -1).join("")).toBe(line);
    if (Buffer.byteLength(line) > MAX_TEXT_LINE_OCTETS) expect(body.length).toBeGreaterThan(3);
  });

  it("a 3000-octet line becomes several lines", () => {
    const lines = unstuff(framedLines(frameForData("a".repeat(3000))));
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines.join("")).toBe("a".repeat(3000));
  });
});

describe("buildTestMessage", () => {
  const fixed = new Date(Date.UTC(2026, 10, 28, 20, 53, 10));
  const m = { from: "app@example.com", to: ["a@example.org", "b@example.net"], helo: "ci.example.com", date: fixed };

  function headers(text: string): Map<string, string> {
    const head = text.split("\n\n")[0] as string;
    return new Map(head.split("\n").map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
  }

  it("has the expected headers", () => {
    const h = headers(buildTestMessage(m));
    expect(h.get("from")).toBe("<app@example.com>");
    expect(h.get("to")).toBe("<a@example.org>, <b@example.net>");
    expect(h.get("date")).toBe("Sat, 28 Nov 2026 20:53:10 +0000");
    expect(h.get("auto-submitted")).toBe("auto-generated");
    expect(h.get("subject")).toMatch(/smtp-gate/);
    expect(h.get("mime-version")).toBe("1.0");
    expect(h.get("message-id")).toMatch(/^<[0-9a-f-]{36}@ci\.example\.com>$/);
  });

  it("Message-ID is unique across two calls", () => {
    const a = headers(buildTestMessage(m)).get("message-id");
    const b = headers(buildTestMessage(m)).get("message-id");
    expect(a).toBeTruthy();
    expect(a).not.toBe(b);
  });

  it("Message-ID domain drops the brackets of an address literal", () => {
    expect(headers(buildTestMessage({ ...m, helo: "[192.0.2.1]" })).get("message-id")).toMatch(/@192\.0\.2\.1>$/);
  });

  it("Date defaults to now in RFC 5322 form", () => {
    const d = headers(buildTestMessage({ from: "a@b.c", to: ["d@e.f"], helo: "x.y" })).get("date");
    expect(d).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(Math.abs(Date.parse(d as string) - Date.now())).toBeLessThan(60_000);
  });

  it("a blank line separates headers and body; the default body is used", () => {
    const text = buildTestMessage(m);
    expect(text.slice(text.indexOf("\n\n") + 2)).toBe(DEFAULT_BODY);
    expect(buildTestMessage({ ...m, body: "hello" }).endsWith("\n\nhello")).toBe(true);
  });

  it("every header line is shorter than 998 octets and has no CR", () => {
    for (const l of (buildTestMessage(m).split("\n\n")[0] as string).split("\n")) {
      expect(Buffer.byteLength(l)).toBeLessThan(998);
      expect(l).not.toContain("\r");
    }
  });
});

describe("rfc5322Date", () => {
  const cases: [Date, string][] = [
    [new Date(Date.UTC(2026, 10, 28, 20, 53, 10)), "Sat, 28 Nov 2026 20:53:10 +0000"],
    [new Date(Date.UTC(2000, 0, 1, 0, 0, 0)), "Sat, 01 Jan 2000 00:00:00 +0000"],
    [new Date(Date.UTC(1999, 11, 31, 23, 59, 59)), "Fri, 31 Dec 1999 23:59:59 +0000"],
    [new Date(Date.UTC(2024, 1, 29, 5, 6, 7)), "Thu, 29 Feb 2024 05:06:07 +0000"],
  ];
  it.each(cases)("%s → %s", (d, want) => {
    expect(rfc5322Date(d)).toBe(want);
  });
});
