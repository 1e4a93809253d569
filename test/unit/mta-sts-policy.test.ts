// The pure part of MTA-STS (RFC 8461 §3.1, §3.2, §4.1) and TLS-RPT (RFC 8460 §3).
import { describe, expect, it } from "vitest";
import { compareMx, mxMatches, parsePolicy, readStsTxt } from "../../src/domain/mta-sts.js";
import { readTlsRptTxt } from "../../src/domain/tls-rpt.js";

describe("the _mta-sts TXT record (RFC 8461 §3.1)", () => {
  it.each([
    [[["v=STSv1; id=20190429T010101;"]], { kind: "valid", id: "20190429T010101" }],
    [[["v=STSv1;", " id=abc"]], { kind: "valid", id: "abc" }], // the strings of one record are joined
    [[["v=STSv1; id=abc; ext_1=x"]], { kind: "valid", id: "abc" }],
    [[["v=spf1 -all"]], { kind: "none" }],
    [[], { kind: "none" }],
    [[["v=STSv1; id=one"], ["v=STSv1; id=two"]], { kind: "multiple" }],
    [[["v=STSv1; id=2026-12-07"]], { kind: "invalid" }],
    [[["v=STSv1; id=" + "a".repeat(33)]], { kind: "invalid" }],
    [[["v=STSv1;"]], { kind: "invalid" }],
    [[["v=STSv1; id"]], { kind: "invalid" }],
  ])("%j → %j", (records, expected) => {
    expect(readStsTxt(records)).toMatchObject(expected);
  });
});

describe("the policy file (RFC 8461 §3.2)", () => {
  it("reads CRLF and LF alike, mx repeated, unknown fields ignored", () => {
    const crlf = parsePolicy("version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\nx-extra: 1\r\n");
    const lf = parsePolicy("version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.example.net\nmax_age: 604800\nx-extra: 1\n");
    expect(crlf).toEqual({ policy: { mode: "enforce", maxAge: 604800, mx: ["mail.example.com", "*.example.net"] }, notes: [] });
    expect(lf).toEqual(crlf);
  });

  it("of a repeated field the first counts, with a note", () => {
    const p = parsePolicy("version: STSv1\nmode: testing\nmode: enforce\nmx: a.example.com\nmax_age: 86400\n");
    expect(p).toEqual({ policy: { mode: "testing", maxAge: 86400, mx: ["a.example.com"] }, notes: ["mode appears more than once; the first (testing) counts"] });
  });

  it("empty lines at the end are counted, not refused; one between fields stays a problem", () => {
    const body = "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\n";
    expect(parsePolicy(`${body}\n`)).toEqual({ policy: { mode: "enforce", maxAge: 86400, mx: ["a.example.com"] }, notes: [], trailingBlankLines: 1 });
    expect(parsePolicy(`${body.replaceAll("\n", "\r\n")}\r\n\r\n`)).toMatchObject({ trailingBlankLines: 2 });
    expect(parsePolicy(body)).not.toHaveProperty("trailingBlankLines");
    expect(parsePolicy(body.replace("mode:", "\nmode:"))).toEqual({ problems: ['line 2 is not "key: value"'] });
    expect(parsePolicy("\n")).toMatchObject({ problems: expect.arrayContaining(['line 1 is not "key: value"']) });
  });

  it("mode none needs no mx", () => {
    expect(parsePolicy("version: STSv1\nmode: none\nmax_age: 86400\n")).toMatchObject({ policy: { mode: "none", mx: [] } });
  });

  it.each([
    ["version: STSv2\nmode: enforce\nmx: a.b.c\nmax_age: 1\n", "version is \"STSv2\""],
    ["mode: enforce\nmx: a.b.c\nmax_age: 1\n", "version is missing"],
    ["version: STSv1\nmode: strict\nmx: a.b.c\nmax_age: 1\n", "mode is \"strict\""],
    ["version: STSv1\nmode: enforce\nmx: a.b.c\nmax_age: 31557601\n", "max_age \"31557601\""],
    ["version: STSv1\nmode: enforce\nmx: a.b.c\nmax_age: -1\n", "max_age \"-1\""],
    ["version: STSv1\nmode: enforce\nmax_age: 86400\n", "mode enforce needs at least one mx line"],
    ["version: STSv1\nmode: enforce\nmx: a.*.c\nmax_age: 86400\n", "mx \"a.*.c\""],
    ["version: STSv1\nmode enforce\nmx: a.b.c\nmax_age: 86400\n", "line 2 is not \"key: value\""],
    ["\uFEFFversion: STSv1\nmode: enforce\nmx: a.b.c\nmax_age: 86400\n", "starts with a byte-order mark"],
  ])("%j is refused: %s", (body, problem) => {
    const p = parsePolicy(body);
    expect("problems" in p && p.problems.join("; ")).toContain(problem);
  });
});

describe("mx patterns (RFC 8461 §4.1)", () => {
  it.each([
    ["mail.example.com", "mail.example.com", true],
    ["MAIL.example.com", "mail.EXAMPLE.com.", true],
    ["*.example.com", "mx1.example.com", true],
    ["*.example.com", "example.com", false],
    ["*.example.com", "a.b.example.com", false], // one leftmost label only
    ["*.example.com", "mx1.example.net", false],
  ])("%s vs %s → %s", (pattern, host, expected) => {
    expect(mxMatches(pattern, host)).toBe(expected);
  });

  it("compares both ways: MX hosts no pattern covers, patterns no MX matches", () => {
    expect(compareMx(["mx1.example.com", "*.old.example.com"], ["mx1.example.com", "mx2.example.com"])).toEqual({ uncovered: ["mx2.example.com"], unused: ["*.old.example.com"] });
  });
});

describe("the TLS-RPT record (RFC 8460 §3)", () => {
  it.each([
    [[["v=TLSRPTv1; rua=mailto:tls@example.com"]], { kind: "valid", rua: ["mailto:tls@example.com"] }],
    [[["v=TLSRPTv1;rua=mailto:a@example.com,https://r.example.com/x"]], { kind: "valid", rua: ["mailto:a@example.com", "https://r.example.com/x"] }],
    [[["v=TLSRPTv1; rua=ftp://example.com/x"]], { kind: "invalid" }],
    [[["v=TLSRPTv1; rua=mailto:nobody"]], { kind: "invalid" }],
    [[["v=TLSRPTv1;"]], { kind: "invalid" }],
    [[["v=TLSRPTv1; rua=mailto:a@b.c"], ["v=TLSRPTv1; rua=mailto:d@e.f"]], { kind: "multiple" }],
    [[["v=DMARC1; p=none"]], { kind: "none" }],
    // DMARC's size limit copied over: the address's domain would be "example.com!10m".
    [[["v=TLSRPTv1; rua=mailto:tls@example.com!10m"]], { kind: "invalid", problem: expect.stringContaining("DMARC-style size limit") }],
    [[["v=TLSRPTv1; rua=mailto:tls@exa mple.com"]], { kind: "invalid", problem: expect.stringContaining("is not a mail address") }],
    [[["v=TLSRPTv1; rua=mailto:tls@example.com?subject=tlsrpt"]], { kind: "valid", rua: ["mailto:tls@example.com?subject=tlsrpt"] }],
    [[["v=TLSRPTv1; rua=mailto:tls%2Breports@example.com"]], { kind: "valid" }],
  ])("%j → %j", (records, expected) => {
    expect(readTlsRptTxt(records)).toMatchObject(expected);
  });
});

describe("peer text in MTA-STS findings stays data", () => {
  it("a TXT record with a line break and a workflow command is shown escaped", async () => {
    const { domainFindings } = await import("../../src/diagnose/mta-sts.js");
    const record = "v=STSv1; id=bad\n::error::forged";
    const found = domainFindings({
      domain: "example.com", txt: { kind: "invalid", record, problem: "x" }, fetch: null, parse: null, tlsRpt: { kind: "none" },
      result: { domain: "example.com", mtaSts: null, tlsRpt: null },
    }, []);
    expect(found[0]?.id).toBe("mta-sts-txt-invalid");
    expect(found[0]?.message).not.toMatch(/\n/);
    expect(found[0]?.message).toContain("id=bad\\x0a::error::forged");
  });
});
