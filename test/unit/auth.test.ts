import { describe, it, expect } from "vitest";
import { AUTH_MECHANISMS, allForms, cramMd5Forms, cramMd5Response, secretForms, loginResponses, plainResponse, xoauth2Response } from "../../src/protocol/auth.js";

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

describe("secretForms", () => {
  it("contains the secret, its base64 and the PLAIN and XOAUTH2 payloads", () => {
    const forms = allForms(secretForms("u@x", "hunter22"));
    expect(forms).toEqual(
      expect.arrayContaining(["hunter22", Buffer.from("hunter22").toString("base64"), plainResponse("u@x", "hunter22"), xoauth2Response("u@x", "hunter22")]),
    );
  });
  it("has hex, URL-encoded and base64url forms", () => {
    const forms = secretForms("u", "a b/c?+é");
    expect(forms.encoded).toEqual(expect.arrayContaining([Buffer.from("a b/c?+é").toString("hex"), Buffer.from("a b/c?+é").toString("hex").toUpperCase()]));
    // As it is and URL-encoded, the secret keeps its words: matched as verbatim forms (redact.ts).
    expect(forms.verbatim).toEqual(["a b/c?+é", "a%20b%2Fc%3F%2B%C3%A9", "a+b%2Fc%3F%2B%C3%A9"]);
  });
  it.each([["u", "Canary-Pw-9f3b"], ["app@example.com", "Canary-Pw-9f3b"], ["ab", "x"], ["jösé", "tok€n-1234567"]])(
    "base64 of %s's payloads, and of the secret after any number of other bytes, contains one of the forms (%s)",
    (user, secret) => {
      const forms = allForms(secretForms(user, secret)).filter((f) => f.length >= 4);
      const inside = [plainResponse(user, secret), xoauth2Response(user, secret), ...[0, 1, 2, 3, 4, 5].map((n) => Buffer.from(`${"x".repeat(n)}${secret}"}`).toString("base64"))];
      for (const encoded of inside) if (Buffer.byteLength(secret) >= 3) expect(forms.some((f) => f !== secret && encoded.includes(f)), encoded).toBe(true);
    },
  );
  it("CRAM-MD5: the response line and the digest a decoding echo shows", () => {
    const response = cramMd5Response("u@x", "pw", Buffer.from("<1.2@h>").toString("base64"));
    const digest = unb64(response).split(" ")[1] as string;
    expect(cramMd5Forms(response)).toEqual([response, digest, digest.toUpperCase()]);
  });
  it("AUTH_MECHANISMS lists the four mechanisms", () => {
    expect([...AUTH_MECHANISMS]).toEqual(["PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"]);
  });
});
