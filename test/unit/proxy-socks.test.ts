// The PROXY header (haproxy doc/proxy-protocol.txt) and SOCKS5 messages (RFC 1928, RFC 1929), as tables.
import { describe, expect, it } from "vitest";
import { addressBytes, proxyHeader, tunnelEndpoints } from "../../src/protocol/proxy-header.js";
import { neverRemoteMta } from "../../src/engine/address-scope.js";
import { parseSocks5Reply, socks5Auth, socks5Connect, socks5Greeting } from "../../src/protocol/socks5.js";

const SIG = "0d0a0d0a000d0a515549540a";

describe("proxyHeader", () => {
  const v4 = { source: "192.0.2.7", sourcePort: 51234, destination: "198.51.100.25", destinationPort: 25 };
  const v6 = { source: "2001:db8::7", sourcePort: 1, destination: "::ffff:192.0.2.1", destinationPort: 587 };
  it("v1 text for IPv4 and IPv6; IPv4-mapped addresses are written as IPv4", () => {
    expect(proxyHeader("v1", v4).toString()).toBe("PROXY TCP4 192.0.2.7 198.51.100.25 51234 25\r\n");
    expect(proxyHeader("v1", { ...v4, source: "::ffff:192.0.2.7" }).toString()).toBe("PROXY TCP4 192.0.2.7 198.51.100.25 51234 25\r\n");
    expect(proxyHeader("v1", { source: "2001:db8::7", sourcePort: 1, destination: "2001:db8::25", destinationPort: 25 }).toString()).toBe("PROXY TCP6 2001:db8::7 2001:db8::25 1 25\r\n");
  });
  it("v1 UNKNOWN and v2 LOCAL when the endpoints are unknown or of two families", () => {
    expect(proxyHeader("v1", null).toString()).toBe("PROXY UNKNOWN\r\n");
    expect(proxyHeader("v1", v6).toString()).toBe("PROXY UNKNOWN\r\n");
    expect(proxyHeader("v2", null).toString("hex")).toBe(`${SIG}20000000`);
  });
  it("v2 binary for IPv4 (12 octets) and IPv6 (36 octets)", () => {
    expect(proxyHeader("v2", v4).toString("hex")).toBe(`${SIG}2111000cc0000207c6336419c822 0019`.replace(" ", ""));
    const h = proxyHeader("v2", { source: "2001:db8::7", sourcePort: 1, destination: "::1", destinationPort: 25 });
    expect(h.subarray(12, 16).toString("hex")).toBe("21210024");
    expect(h.subarray(16, 32).toString("hex")).toBe("20010db8000000000000000000000007");
    expect(h.subarray(32, 48).toString("hex")).toBe("00000000000000000000000000000001");
  });
  it("addressBytes expands :: and an embedded IPv4 tail", () => {
    expect(addressBytes("::ffff:192.0.2.1", 6).toString("hex")).toBe("00000000000000000000ffffc0000201");
    expect(addressBytes("fe80::1:2", 6).toString("hex")).toBe("fe800000000000000000000000010002");
  });
});

describe("SOCKS5 messages", () => {
  it("greeting offers no-auth, and username/password only with credentials", () => {
    expect(socks5Greeting(null).toString("hex")).toBe("050100");
    expect(socks5Greeting({ username: "u", password: "p" }).toString("hex")).toBe("05020002");
    expect(socks5Auth({ username: "ab", password: "xyz" }).toString("hex")).toBe("010261620378797a");
  });
  it("CONNECT: a name as ATYP 3, IPv4 as 1, IPv6 as 4, port in network order", () => {
    expect(socks5Connect("mx.example.com", 25).toString("hex")).toBe(`050100030e${Buffer.from("mx.example.com").toString("hex")}0019`);
    expect(socks5Connect("192.0.2.1", 587).toString("hex")).toBe("05010001c0000201024b");
    expect(socks5Connect("::1", 465).subarray(0, 4).toString("hex")).toBe("05010004");
  });
  it("replies: need more, done with the bytes taken, or a problem in words", () => {
    expect(parseSocks5Reply("method", Buffer.from([5]))).toEqual({ need: true });
    expect(parseSocks5Reply("method", Buffer.from([5, 0]))).toEqual({ done: 2, method: 0 });
    expect(parseSocks5Reply("method", Buffer.from([5, 0xff]))).toMatchObject({ problem: expect.stringMatching(/none of the offered/) });
    expect(parseSocks5Reply("method", Buffer.from([4, 0]))).toMatchObject({ problem: expect.stringMatching(/version 5/) });
    expect(parseSocks5Reply("connect", Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0]))).toEqual({ need: true });
    expect(parseSocks5Reply("connect", Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 25, 0x32]))).toEqual({ done: 10, bound: { address: "127.0.0.1", port: 25 } });
    // BND.ADDR as IPv6 (ATYP 4), in groups without leading zeros.
    const v6 = Buffer.concat([Buffer.from([5, 0, 0, 4]), Buffer.from("20010db8000000000000000000000025", "hex"), Buffer.from([0x30, 0x39])]);
    expect(parseSocks5Reply("connect", v6)).toEqual({ done: 22, bound: { address: "2001:db8:0:0:0:0:0:25", port: 12345 } });
    expect(parseSocks5Reply("connect", Buffer.from([5, 0, 0, 3, 2, 0x61, 0x62, 0, 25]))).toEqual({ done: 9 });
    expect(parseSocks5Reply("connect", Buffer.from([5, 4, 0, 1, 0, 0, 0, 0, 0, 0]))).toMatchObject({ problem: expect.stringMatching(/host unreachable/) });
  });
});

describe("tunnelEndpoints: what a PROXY header through SOCKS5 can say", () => {
  it("the bound address as the source, the target's address as the destination", () => {
    expect(tunnelEndpoints({ address: "198.51.100.7", port: 40001 }, { host: "192.0.2.25", port: 25 })).toEqual({ source: "198.51.100.7", sourcePort: 40001, destination: "192.0.2.25", destinationPort: 25 });
    expect(tunnelEndpoints({ address: "2001:db8:0:0:0:0:0:7", port: 40001 }, { host: "2001:db8::25", port: 25 })).toMatchObject({ source: "2001:db8:0:0:0:0:0:7", destination: "2001:db8::25" });
  });
  it("unknown, with the reason, where SOCKS does not tell", () => {
    expect(tunnelEndpoints({ address: "0.0.0.0", port: 0 }, { host: "192.0.2.25", port: 25 })).toEqual({ unknown: expect.stringMatching(/no usable bound address \(0\.0\.0\.0:0\)/) });
    expect(tunnelEndpoints({ address: "0:0:0:0:0:0:0:0", port: 1080 }, { host: "192.0.2.25", port: 25 })).toHaveProperty("unknown");
    expect(tunnelEndpoints({ address: "198.51.100.7", port: 0 }, { host: "192.0.2.25", port: 25 })).toHaveProperty("unknown");
    expect(tunnelEndpoints(undefined, { host: "192.0.2.25", port: 25 })).toEqual({ unknown: expect.stringMatching(/bound address as a name/) });
    expect(tunnelEndpoints({ address: "198.51.100.7", port: 40001 }, { host: "mx.example.com", port: 25 })).toEqual({ unknown: expect.stringMatching(/mx\.example\.com is a name the proxy resolved/) });
    expect(tunnelEndpoints({ address: "198.51.100.7", port: 40001 }, { host: "2001:db8::25", port: 25 })).toEqual({ unknown: expect.stringMatching(/not of one IP family/) });
  });
});

describe("neverRemoteMta: addresses smtp-gate does not connect to", () => {
  it.each([
    ["0.0.0.0", /unspecified/], ["0.1.2.3", /unspecified/], ["::", /unspecified/], ["169.254.169.254", /instance-metadata/], ["169.254.1.1", /link-local/],
    ["fe80::1", /link-local/], ["224.0.0.251", /multicast/], ["239.255.255.250", /multicast/], ["ff02::1", /multicast/], ["255.255.255.255", /broadcast/],
    ["::ffff:169.254.169.254", /instance-metadata/], ["::ffff:0.0.0.0", /unspecified/],
  ])("%s", (address, why) => {
    expect(neverRemoteMta(address)).toMatch(why);
  });
  it.each(["127.0.0.1", "::1", "127.0.0.36", "192.0.2.25", "10.0.0.1", "2001:db8::25", "255.255.255.254", "mx.example.com"])("%s may be one", (address) => {
    expect(neverRemoteMta(address)).toBeNull();
  });
});
