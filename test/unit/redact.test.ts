import { describe, it, expect } from "vitest";
import { secretForms } from "../../src/protocol/auth.js";
import { Redactor } from "../../src/protocol/redact.js";

describe("Redactor", () => {
  const cases: { name: string; secrets: string[]; text: string; want: string }[] = [
    { name: "single occurrence", secrets: ["hunter2"], text: "pass=hunter2;", want: "pass=***;" },
    { name: "multiple occurrences (touching ones become one mark)", secrets: ["hunter2"], text: "hunter2 hunter2hunter2 x", want: "*** *** x" },
    { name: "longest first (short added first)", secrets: ["abc", "abcdef"], text: "xabcdefy abc", want: "x***y ***" },
    { name: "longest first (long added first)", secrets: ["abcdef", "abc"], text: "xabcdefy abc", want: "x***y ***" },
    { name: "base64 payload containing a shorter secret's encoding", secrets: ["c2Vj", "AHVzZXIAc2VjcmV0"], text: "AUTH PLAIN AHVzZXIAc2VjcmV0", want: "AUTH PLAIN ***" },
    { name: "several different secrets", secrets: ["alpha1", "beta22"], text: "alpha1/beta22/alpha1", want: "***/***/***" },
    { name: "no secret present", secrets: ["zzz"], text: "nothing here", want: "nothing here" },
    { name: "short secrets are redacted too; the empty one is ignored", secrets: ["ab", ""], text: "ab cab", want: "*** c***" },
    { name: "a fragment of 8 characters anywhere", secrets: ["Canary-Pw-9f3b"], text: "550 bad: xCanary-Pw-9 and more", want: "550 bad: x*** and more" },
    { name: "a fragment of 7 characters inside a text stays", secrets: ["Canary-Pw-9f3b"], text: "550 bad: xCanary- and more", want: "550 bad: xCanary- and more" },
    { name: "4+ characters of a form at the end of a line (a split echo's first part)", secrets: ["AGFwcEBleGFtcGxl"], text: "500-5.5.2 unknown: AUTH PLAIN AGFwc", want: "500-5.5.2 unknown: AUTH PLAIN ***" },
    { name: "4+ characters of a form at the start of a line, after its codes", secrets: ["AGFwcEBleGFtcGxl"], text: "500 5.5.2 tcGxl rest", want: "500 5.5.2 *** rest" },
    { name: "the reply code is never redacted", secrets: ["250 x"], text: "250 xyz", want: "250 xyz" },
    { name: "3 characters at an edge stay", secrets: ["AGFwcEBleGFtcGxl"], text: "500 5.5.2 bad AGF", want: "500 5.5.2 bad AGF" },
    { name: "regex metacharacters are literal", secrets: ["a.b*c"], text: "a.b*c axbbc", want: "*** axbbc" },
  ];
  it.each(cases)("$name", ({ secrets, text, want }) => {
    const r = new Redactor();
    r.add(...secrets);
    expect(r.redact(text)).toBe(want);
  });

  it("keeps values sorted longest first, without duplicates or undefined", () => {
    const r = new Redactor();
    r.add("abc", undefined, "abcdefgh", "abcde");
    r.add("abc");
    expect(r.values).toEqual(["abcdefgh", "abcde", "abc"]);
  });

  it("redact is usable detached (bound)", () => {
    const r = new Redactor();
    r.add("secret");
    const f = r.redact;
    expect(["a secret", "b"].map(f)).toEqual(["a ***", "b"]);
  });
});

describe("AUTH LOGIN's prompts", () => {
  // The server's constant challenges: a password with "password" in it shares 10 characters with
  // base64 "Password:" at some alignment, and the prompt used to come out as "334 U***6".
  const forms = (password: string) => secretForms("user@example.com", password);
  it.each(["smtp-gate-test-password", "Password123", "my password:", "Username:x"])("stay whole with the password %j", (password) => {
    const r = new Redactor();
    r.addSecret(forms(password));
    expect(r.redact("334 UGFzc3dvcmQ6")).toBe("334 UGFzc3dvcmQ6");
    expect(r.redact("334 VXNlcm5hbWU6")).toBe("334 VXNlcm5hbWU6");
    expect(r.redact("334 UGFzc3dvcmQA")).toBe("334 UGFzc3dvcmQA");
  });
  it("an echo of the password inside a reply is still cut, and a prompt that is the password's own form is masked whole", () => {
    const r = new Redactor();
    r.addSecret(forms("smtp-gate-test-password"));
    expect(r.redact(`535 5.7.8 echo ${Buffer.from("smtp-gate-test-password").toString("base64").slice(0, 12)} end`)).toBe("535 5.7.8 echo *** end");
    const same = new Redactor();
    same.addSecret(forms("Password:"));
    expect(same.redact("334 UGFzc3dvcmQ6")).toBe("334 ***");
  });
});

describe("verbatim forms", () => {
  it("a password made of words does not blank ordinary text that shares a shorter run", () => {
    const r = new Redactor();
    r.addVerbatim("smtp-gate-test-password");
    expect(r.redact("250-haraka.smtp-gate.test Hello")).toBe("250-haraka.smtp-gate.test Hello");
    expect(r.redact("535 you sent smtp-gate-test-passw")).toBe("535 you sent ***");
    expect(r.redact("535 smtp-gate-test-password")).toBe("535 ***");
  });
  it("an encoded form of the same secret is still cut at 8 characters and at the edges", () => {
    const r = new Redactor();
    r.addSecret({ verbatim: ["smtp-gate-test-password"], encoded: [Buffer.from("smtp-gate-test-password").toString("base64")] });
    expect(r.redact("535 5.7.8 c210cC1nYXRl and more")).toBe("535 5.7.8 *** and more");
  });
});
