// RFC 4954 §4 and contract §7, as a table: when credentials may go, and the reason when not.
import { describe, expect, it } from "vitest";
import { gateCredentials, type CredentialGateInput } from "../../src/engine/auth-gate.js";
import { isLoopbackAddress, isLoopbackHost } from "../../src/protocol/address.js";

const base: CredentialGateInput = {
  asked: null, credentials: { username: "u", password: "pw-long-enough", mechanism: null }, tlsMode: "starttls", tlsActive: true,
  allowPlaintextAuth: false, remoteAddress: "192.0.2.10", extensions: ["PIPELINING", "AUTH PLAIN LOGIN"], extensionsBeforeTls: ["STARTTLS"],
};
const gate = (over: Partial<CredentialGateInput>) => gateCredentials({ ...base, ...over });

describe("gateCredentials", () => {
  it.each<[string, Partial<CredentialGateInput>, unknown]>([
    ["after TLS, PLAIN offered: PLAIN", {}, { mechanism: "PLAIN" }],
    ["automatic choice takes only what is offered (LOGIN)", { extensions: ["AUTH LOGIN CRAM-MD5"] }, { mechanism: "LOGIN" }],
    ["the pre-standard AUTH= form counts", { extensions: ["AUTH=LOGIN"] }, { mechanism: "LOGIN" }],
    ["a token alone picks XOAUTH2 when offered", { credentials: { username: "u", oauthToken: "tok-long-enough", mechanism: null }, extensions: ["AUTH PLAIN XOAUTH2"] }, { mechanism: "XOAUTH2" }],
    ["implicit TLS", { tlsMode: "implicit" }, { mechanism: "PLAIN" }],
  ])("%s", (_name, over, want) => {
    expect(gate(over)).toEqual(want);
  });

  it.each<[string, Partial<CredentialGateInput>, string, string | null]>([
    ["starttls, TLS not active", { tlsActive: false }, "tls-not-active", null],
    ["implicit, TLS not active", { tlsMode: "implicit", tlsActive: false }, "tls-not-active", null],
    ["no AUTH in the current EHLO", { extensions: ["PIPELINING"] }, "auth-not-offered", null],
    ["no EHLO after STARTTLS (nothing known)", { extensions: [] }, "auth-not-offered", null],
    ["--auth PLAIN against CRAM-MD5 only", { asked: "PLAIN", extensions: ["AUTH CRAM-MD5"] }, "mechanism-not-offered", "PLAIN"],
    ["a token, but only PLAIN offered", { credentials: { username: "u", oauthToken: "tok", mechanism: null }, extensions: ["AUTH PLAIN"] }, "mechanism-not-offered", null],
    ["tls none, not loopback, no opt-in", { tlsMode: "none", tlsActive: false, extensionsBeforeTls: null }, "cleartext", "PLAIN"],
    ["opportunistic without STARTTLS, not loopback", { tlsMode: "opportunistic", tlsActive: false, extensionsBeforeTls: null }, "cleartext", "PLAIN"],
    ["no remote address known", { tlsMode: "none", tlsActive: false, remoteAddress: undefined }, "cleartext", "PLAIN"],
  ])("withheld: %s", (_name, over, reason, mechanism) => {
    expect(gate(over)).toMatchObject({ reason, mechanism });
  });

  it("clear text goes to loopback without an opt-in, and anywhere with it", () => {
    for (const remoteAddress of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) {
      expect(gate({ tlsMode: "none", tlsActive: false, remoteAddress })).toEqual({ mechanism: "PLAIN" });
    }
    expect(gate({ tlsMode: "opportunistic", tlsActive: false, allowPlaintextAuth: true })).toEqual({ mechanism: "PLAIN" });
  });

  it("the withheld record says what was offered before and after TLS", () => {
    expect(gate({ extensions: ["PIPELINING"], extensionsBeforeTls: ["AUTH PLAIN LOGIN", "STARTTLS"] })).toEqual({
      reason: "auth-not-offered", mechanism: null, offered: [], offeredBeforeTls: ["PLAIN", "LOGIN"], tls: true,
    });
  });
});

describe("loopback", () => {
  it.each([["127.0.0.1", true], ["127.255.0.1", true], ["::1", true], ["0:0:0:0:0:0:0:1", true], ["::ffff:127.0.0.1", true],
    ["128.0.0.1", false], ["192.0.2.1", false], ["::2", false], ["2001:db8::1", false], ["::ffff:192.0.2.1", false], ["", false]])("%s → %s", (a, want) => {
    expect(isLoopbackAddress(a)).toBe(want);
  });
  it("localhost is a loopback host; other names are not known to be", () => {
    expect([isLoopbackHost("localhost"), isLoopbackHost("LOCALHOST."), isLoopbackHost("mail.example.com"), isLoopbackHost("127.0.0.1")]).toEqual([true, true, false, true]);
  });
});
