import { describe, it, expect } from "vitest";
import { AUTH_MECHANISMS, cramMd5Response, derivedSecretForms, loginResponses, plainResponse, xoauth2Response } from "../../src/protocol/auth.js";

const unb64 = (s: string) => Buffer.from(s, "base64").toString("utf8");

describe("plainResponse (RFC 4616)", () => {
  const cases: [string, string][] = [
    ["user", "pass"],
    ["app@example.com", "s3cr:et with spaces"],
    ["jösé", "pässwörd✓"],
  ];
  it.each(cases)("%s / %s decodes to \\0user\\0pass", (user, pass) => {
    expect(unb64(plainResponse(user, pass))).toBe(`\0${user}\0${pass}`);
  });
  it("has a known encoding", () => {
    expect(plainResponse("user", "pass")).toBe("AHVzZXIAcGFzcw==");
  });
});

describe("loginResponses", () => {
  it("gives the username then the password, each base64", () => {
    expect(loginResponses("tim", "tanstaaftanstaaf")).toEqual(["dGlt", "dGFuc3RhYWZ0YW5zdGFhZg=="]);
  });
  it("encodes UTF-8", () => {
    const [u, p] = loginResponses("jösé", "pä✓");
    expect(unb64(u)).toBe("jösé");
    expect(unb64(p)).toBe("pä✓");
  });
});

describe("cramMd5Response (RFC 2195 §2 example)", () => {
  const challenge = "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+";
  const response = "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw";

  it("the challenge is the RFC's", () => {
    expect(unb64(challenge)).toBe("<1896.697170952@postoffice.reston.mci.net>");
  });
  it("gives the RFC's response", () => {
    expect(cramMd5Response("tim", "tanstaaftanstaaf", challenge)).toBe(response);
    expect(unb64(cramMd5Response("tim", "tanstaaftanstaaf", challenge))).toBe("tim b913a602c7eda7a495b4e6e7334d3890");
  });
  it("tolerates surrounding whitespace in the challenge", () => {
    expect(cramMd5Response("tim", "tanstaaftanstaaf", `  ${challenge} \r`)).toBe(response);
  });
  it("depends on the password and the challenge", () => {
    expect(cramMd5Response("tim", "other", challenge)).not.toBe(response);
    expect(cramMd5Response("tim", "tanstaaftanstaaf", Buffer.from("<1.2@x>").toString("base64"))).not.toBe(response);
  });
});

describe("xoauth2Response", () => {
  it("has the documented format", () => {
    expect(unb64(xoauth2Response("someuser@example.com", "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg"))).toBe(
      "user=someuser@example.com\x01auth=Bearer ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg\x01\x01",
    );
  });
  it("matches Google's documented example encoding", () => {
    expect(xoauth2Response("someuser@example.com", "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg")).toBe(
      "dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ==",
    );
  });
});

describe("derivedSecretForms", () => {
  it("contains the secret, its base64 and the PLAIN and XOAUTH2 payloads", () => {
    const forms = derivedSecretForms("u@x", "hunter22");
    expect(forms).toEqual(
      expect.arrayContaining(["hunter22", Buffer.from("hunter22").toString("base64"), plainResponse("u@x", "hunter22"), xoauth2Response("u@x", "hunter22")]),
    );
  });
  it("AUTH_MECHANISMS lists the four mechanisms", () => {
    expect([...AUTH_MECHANISMS]).toEqual(["PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"]);
  });
});
