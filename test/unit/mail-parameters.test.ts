import { describe, expect, it } from "vitest";
import { buildTestMessage, isAscii, mailParameters } from "../../src/protocol/message.js";

const offered = (...keys: string[]) => (k: string) => keys.includes(k);

describe("MAIL FROM parameters, as a production sender adds them", () => {
  it.each([
    ["nothing advertised, nothing added", { size: 592, eightBit: true, utf8Addresses: true, advertised: offered() }, ""],
    ["SIZE= only when sending and SIZE is offered", { size: 592, eightBit: false, utf8Addresses: false, advertised: offered("SIZE") }, " SIZE=592"],
    ["no SIZE= without a message", { size: null, eightBit: false, utf8Addresses: false, advertised: offered("SIZE") }, ""],
    ["BODY=8BITMIME for 8-bit content (RFC 6152)", { size: null, eightBit: true, utf8Addresses: false, advertised: offered("8BITMIME") }, " BODY=8BITMIME"],
    ["SMTPUTF8 for UTF-8 addresses (RFC 6531)", { size: null, eightBit: false, utf8Addresses: true, advertised: offered("SMTPUTF8") }, " SMTPUTF8"],
    ["all three, in a stable order", { size: 10, eightBit: true, utf8Addresses: true, advertised: offered("SIZE", "8BITMIME", "SMTPUTF8") }, " SIZE=10 BODY=8BITMIME SMTPUTF8"],
  ])("%s", (_, o, expected) => {
    expect(mailParameters(o)).toBe(expected);
  });

  it("the test message declares 7bit for ASCII bodies and 8bit otherwise", () => {
    expect(isAscii("plain")).toBe(true);
    expect(isAscii("grüße")).toBe(false);
    expect(buildTestMessage({ from: "a@example.com", to: ["b@example.com"], helo: "x.example" })).toContain("Content-Transfer-Encoding: 7bit");
    expect(buildTestMessage({ from: "a@example.com", to: ["b@example.com"], helo: "x.example", body: "grüße" })).toContain("Content-Transfer-Encoding: 8bit");
  });
});
