import { describe, it, expect } from "vitest";
import { localIo } from "../../src/config/local-io.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ConfigProblem } from "../../src/config/errors.js";
import type { TargetKey } from "../../src/config/keys.js";
import { resolveTarget, type ResolveContext } from "../../src/config/resolve.js";
import type { RawTarget } from "../../src/config/keys.js";
import type { TargetConfig } from "../../src/config/target.js";

const SECRET = "Sup3r-S3cret-Value";
const TOKEN = "ya29.TokenValue-XYZ";
const ENV = { SMTP_PASSWORD: SECRET, SMTP_TOKEN: TOKEN, EMPTY: "" };
const ctx = (env: Record<string, string | undefined> = ENV): ResolveContext => ({ env, label: (k: TargetKey) => k, ...localIo() });

function ok(raw: RawTarget, c: ResolveContext = ctx()): TargetConfig {
  const r = resolveTarget(raw, c);
  if ("problems" in r) throw new Error(`unexpected problems: ${JSON.stringify(r.problems)}`);
  return r;
}
function problems(raw: RawTarget, c: ResolveContext = ctx()): ConfigProblem[] {
  const r = resolveTarget(raw, c);
  if (!("problems" in r)) throw new Error(`expected problems, got a target: ${JSON.stringify(r)}`);
  expect(r.problems.length).toBeGreaterThan(0);
  return r.problems;
}
const fields = (ps: ConfigProblem[]) => [...new Set(ps.map((p) => p.field))];

describe("resolveTarget: host", () => {
  it("host is required", () => {
    const ps = problems({});
    expect(ps).toEqual([{ field: "host", message: "is required" }]);
  });
  it("an empty host is missing", () => {
    expect(fields(problems({ host: "" }))).toEqual(["host"]);
  });
  it("a minimal target gets the defaults", () => {
    const t = ok({ host: "smtp.example.com", helo: "ci.example.com" });
    expect(t).toMatchObject({
      name: "smtp.example.com:25",
      host: "smtp.example.com",
      port: 25,
      tls: "starttls",
      insecure: false,
      helo: "ci.example.com",
      from: "smtp-gate@ci.example.com",
      to: [],
      credentials: null,
      send: false,
      steps: null,
      failOn: "hard",
      timeoutMs: 30_000,
    });
  });
  it("strips brackets from an IP literal", () => {
    expect(ok({ host: "[192.0.2.1]" }).host).toBe("192.0.2.1");
  });
  it("an invalid host names the field", () => {
    const ps = problems({ host: "bad host" });
    expect(fields(ps)).toEqual(["host"]);
    expect(ps[0]?.message).toMatch(/bad host/);
  });
  it("the default helo is a fully qualified name, or null (the local address literal, once connected)", () => {
    const t = ok({ host: "smtp.example.com" });
    if (t.helo !== null) expect(t.helo).toMatch(/\./);
  });
});

describe("resolveTarget: port and tls", () => {
  const ports: [RawTarget, number][] = [
    [{ host: "h.example" }, 25],
    [{ host: "h.example", tls: "implicit" }, 465],
    [{ host: "h.example", tls: "IMPLICIT" }, 465],
    [{ host: "h.example", tls: "none" }, 25],
    [{ host: "h.example", tls: "opportunistic" }, 25],
    [{ host: "h.example", tls: "implicit", port: 2465 }, 2465],
    [{ host: "h.example", port: "587" }, 587],
    [{ host: "h.example", port: 1 }, 1],
    [{ host: "h.example", port: "65535" }, 65535],
  ];
  it.each(ports)("%j → port %i", (raw, want) => {
    expect(ok(raw).port).toBe(want);
  });

  const badPorts = ["0", "65536", "-1", "1.5", "abc", "25x", "99999999"];
  it.each(badPorts)("port %j is a problem", (port) => {
    const ps = problems({ host: "h.example", port });
    expect(fields(ps)).toEqual(["port"]);
    expect(ps[0]?.message).toContain(port);
  });

  const tlsModes = ["starttls", "implicit", "opportunistic", "none"] as const;
  it.each(tlsModes)("tls %s is accepted", (tls) => {
    expect(ok({ host: "h.example", tls }).tls).toBe(tls);
  });
  it.each(["ssl", "tls", "yes", "STARTTLS2"])("tls %j is a problem", (tls) => {
    const ps = problems({ host: "h.example", tls });
    expect(fields(ps)).toEqual(["tls"]);
    expect(ps[0]?.message).toMatch(/starttls, implicit, opportunistic, none/);
  });
});

describe("resolveTarget: CR, LF, NUL in values", () => {
  const cases: [TargetKey, string][] = [
    ["host", "smtp.example.com\r\nMAIL FROM:<x@y>"],
    ["host", "smtp.example.com\0"],
    ["helo", "ci.example.com\nRCPT TO:<x@y>"],
    ["helo", "ci.example.com\0evil"],
    ["from", "a@example.com\r\nRCPT TO:<x@y>"],
    ["from", "a@example.com\0"],
    ["username", "user\r\nQUIT"],
    ["username", "user\0x"],
  ];
  it.each(cases)("%s with %j → a problem naming %s, no target", (key, value) => {
    const raw: RawTarget = { host: "smtp.example.com", "password-env": "SMTP_PASSWORD", username: "u@example.com", [key]: value };
    const r = resolveTarget(raw, ctx());
    expect(r).not.toHaveProperty("host");
    expect("problems" in r).toBe(true);
    const ps = (r as { problems: ConfigProblem[] }).problems;
    const mine = ps.filter((p) => p.field === key);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.some((p) => /CR|LF|NUL/.test(p.message))).toBe(true);
  });

  it("a CR in a recipient is a problem naming to", () => {
    const ps = problems({ host: "h.example", to: ["a@example.com\rRCPT TO:<b@c>"] });
    expect(fields(ps)).toEqual(["to"]);
    expect(ps[0]?.message).toMatch(/CR/);
  });

  it("a NUL in the body is a problem naming body", () => {
    expect(fields(problems({ host: "h.example", body: "x\0y" }))).toEqual(["body"]);
  });

  it("a CR/LF in a step is a problem naming the step line", () => {
    const ps = problems({ host: "h.example", steps: ["NOOP", "MAIL FROM:<a@b>\rRCPT TO:<c@d>"] });
    expect(ps).toHaveLength(1);
    expect(ps[0]?.field).toBe("steps line 2");
    expect(ps[0]?.message).toMatch(/CR/);
  });
});

describe("resolveTarget: to", () => {
  const lists: [RawTarget["to"], string[]][] = [
    ["a@example.com", ["a@example.com"]],
    ["a@example.com, b@example.com", ["a@example.com", "b@example.com"]],
    ["a@example.com\nb@example.com\n", ["a@example.com", "b@example.com"]],
    ["a@example.com,\n b@example.com ,,\n\nc@example.com", ["a@example.com", "b@example.com", "c@example.com"]],
    [["a@example.com", " b@example.com "], ["a@example.com", "b@example.com"]],
    ["", []],
  ];
  it.each(lists)("%j → %j", (to, want) => {
    expect(ok({ host: "h.example", to }).to).toEqual(want);
  });

  it("an invalid address is named", () => {
    const ps = problems({ host: "h.example", to: "good@example.com, not-an-address" });
    expect(ps).toHaveLength(1);
    expect(ps[0]?.field).toBe("to");
    expect(ps[0]?.message).toContain('"not-an-address"');
  });
  it("an invalid from is named", () => {
    const ps = problems({ host: "h.example", from: "nope" });
    expect(ps).toEqual([{ field: "from", message: expect.stringContaining('"nope"') }]);
  });
  it("from defaults to the username when it is a mailbox", () => {
    expect(ok({ host: "h.example", username: "app@example.com", "password-env": "SMTP_PASSWORD" }).from).toBe("app@example.com");
  });
  it("from defaults to smtp-gate@helo when the username is no mailbox", () => {
    expect(ok({ host: "h.example", helo: "[192.0.2.7]", username: "app", "password-env": "SMTP_PASSWORD" }).from).toBe("smtp-gate@[192.0.2.7]");
  });
});

describe("resolveTarget: credentials", () => {
  it("password from the environment", () => {
    expect(ok({ host: "h.example", username: "u@example.com", "password-env": "SMTP_PASSWORD" }).credentials).toEqual({
      username: "u@example.com",
      password: SECRET,
      oauthToken: undefined,
      mechanism: null,
    });
  });
  it("token and mechanism", () => {
    expect(ok({ host: "h.example", username: "u@example.com", "oauth-token-env": "SMTP_TOKEN", auth: "xoauth2" }).credentials).toEqual({
      username: "u@example.com",
      password: undefined,
      oauthToken: TOKEN,
      mechanism: "XOAUTH2",
    });
  });
  it("a direct password (action input) is used", () => {
    expect(ok({ host: "h.example", username: "u", password: "direct-pw" }).credentials?.password).toBe("direct-pw");
  });

  const bad: { name: string; raw: RawTarget; field: TargetKey; re: RegExp }[] = [
    { name: "password-env variable missing", raw: { username: "u", "password-env": "NOPE_NOT_SET" }, field: "password-env", re: /NOPE_NOT_SET is not set/ },
    { name: "password-env variable empty", raw: { username: "u", "password-env": "EMPTY" }, field: "password-env", re: /EMPTY is not set/ },
    { name: "password-env not a variable name", raw: { username: "u", "password-env": "1-bad" }, field: "password-env", re: /not an environment variable name/ },
    { name: "password without username", raw: { "password-env": "SMTP_PASSWORD" }, field: "username", re: /is required/ },
    { name: "direct password without username", raw: { password: "x-secret" }, field: "username", re: /is required/ },
    { name: "username without any secret", raw: { username: "u" }, field: "username", re: /no secret/ },
    { name: "auth without username", raw: { auth: "PLAIN" }, field: "auth", re: /needs a username/ },
    { name: "auth XOAUTH2 without token", raw: { username: "u", "password-env": "SMTP_PASSWORD", auth: "XOAUTH2" }, field: "auth", re: /XOAUTH2 needs a token/ },
    { name: "auth PLAIN without password", raw: { username: "u", "oauth-token-env": "SMTP_TOKEN", auth: "PLAIN" }, field: "auth", re: /PLAIN needs a password/ },
    { name: "unknown mechanism", raw: { username: "u", "password-env": "SMTP_PASSWORD", auth: "GSSAPI" }, field: "auth", re: /must be one of PLAIN, LOGIN, CRAM-MD5, XOAUTH2/ },
  ];
  it.each(bad)("$name → problem naming $field", ({ raw, field, re }) => {
    const ps = problems({ host: "h.example", ...raw });
    expect(fields(ps)).toEqual([field]);
    expect(ps.map((p) => p.message).join("\n")).toMatch(re);
  });
});

describe("resolveTarget: secrets never appear in messages", () => {
  const leaky: { name: string; raw: RawTarget; env?: Record<string, string> }[] = [
    { name: "XOAUTH2 with a password only", raw: { username: "u", "password-env": "SMTP_PASSWORD", auth: "XOAUTH2" } },
    { name: "PLAIN with a token only", raw: { username: "u", "oauth-token-env": "SMTP_TOKEN", auth: "PLAIN" } },
    { name: "password without username", raw: { "password-env": "SMTP_PASSWORD" } },
    { name: "direct password without username", raw: { password: SECRET } },
    { name: "direct token without username", raw: { "oauth-token": SECRET } },
    { name: "direct password with CR", raw: { username: "u", password: `${SECRET}\r\nQUIT` } },
    { name: "direct token with NUL", raw: { username: "u", "oauth-token": `${SECRET}\0` } },
    { name: "env password with LF", raw: { username: "u", "password-env": "BAD_PW" }, env: { BAD_PW: `${SECRET}\nRSET` } },
    { name: "env token with CR", raw: { username: "u", "oauth-token-env": "BAD_TOK" }, env: { BAD_TOK: `${SECRET}\r` } },
    { name: "secret fine but another field bad", raw: { username: "u", "password-env": "SMTP_PASSWORD", port: "0", tls: "x", to: "bad" } },
  ];
  it.each(leaky)("$name", ({ raw, env }) => {
    const ps = problems({ host: "h.example", ...raw }, ctx({ ...ENV, ...env }));
    const text = JSON.stringify(ps);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(Buffer.from(SECRET).toString("base64"));
  });
});

describe("resolveTarget: steps and send", () => {
  it("steps are parsed, comments and blanks skipped", () => {
    expect(ok({ host: "h.example", to: "a@b.example", steps: "# c\nEHLO {helo}\n\nRCPT TO:<{to}> => 250|251\n" }).steps).toEqual([
      { line: "EHLO {helo}", expect: null },
      { line: "RCPT TO:<{to}>", expect: [{ code: 250 }, { code: 251 }] },
    ]);
  });
  it("steps as a list", () => {
    expect(ok({ host: "h.example", steps: ["NOOP", "VRFY x => 5xx"] }).steps).toEqual([
      { line: "NOOP", expect: null },
      { line: "VRFY x", expect: [{ first: 5 }] },
    ]);
  });
  it("a bad step names its line", () => {
    const ps = problems({ host: "h.example", steps: "EHLO {helo}\n# c\nRCPT TO:<{nope}>" });
    expect(ps).toEqual([{ field: "steps line 3", message: expect.stringMatching(/unknown placeholder \{nope\}/) }]);
  });
  it("only comments → has no steps", () => {
    expect(problems({ host: "h.example", steps: "# nothing\n" })).toEqual([{ field: "steps", message: "has no steps" }]);
  });
  it("a DATA step without send is a problem", () => {
    const ps = problems({ host: "h.example", to: "a@b.example", steps: "MAIL FROM:<{from}>\nRCPT TO:<{to}>\nDATA" });
    expect(fields(ps)).toEqual(["steps"]);
    expect(ps[0]?.message).toMatch(/DATA.*send/);
  });
  it("a DATA step with send is fine", () => {
    expect(ok({ host: "h.example", to: "a@b.example", send: "true", steps: "DATA" }).send).toBe(true);
  });
  it("{to} without recipients is a problem", () => {
    const ps = problems({ host: "h.example", steps: "RCPT TO:<{to}>" });
    expect(fields(ps)).toEqual(["steps"]);
    expect(ps[0]?.message).toMatch(/\{to\}/);
  });
  it("AUTH PLAIN step without credentials is a problem", () => {
    expect(fields(problems({ host: "h.example", steps: "AUTH PLAIN" }))).toEqual(["steps"]);
  });
  it("send: true without to is a problem", () => {
    const ps = problems({ host: "h.example", send: true });
    expect(ps).toEqual([{ field: "send", message: expect.stringMatching(/recipient/) }]);
  });
  const bools: [RawTarget["send"], boolean][] = [
    [true, true], ["true", true], ["yes", true], ["1", true], ["on", true], ["TRUE", true],
    [false, false], ["false", false], ["no", false], ["0", false], ["off", false], ["", false],
  ];
  it.each(bools)("send %j → %s", (send, want) => {
    expect(ok({ host: "h.example", to: "a@b.example", send }).send).toBe(want);
  });
  it("send: maybe is a problem", () => {
    expect(fields(problems({ host: "h.example", to: "a@b.example", send: "maybe" }))).toEqual(["send"]);
  });
});

describe("resolveTarget: timeout, fail-on, ca", () => {
  const goodTimeouts: [RawTarget["timeout"], number][] = [
    [undefined, 30_000], ["10", 10_000], [0.5, 500], ["3600", 3_600_000], [1, 1000],
  ];
  it.each(goodTimeouts)("timeout %j → %i ms", (timeout, want) => {
    expect(ok({ host: "h.example", timeout }).timeoutMs).toBe(want);
  });
  it.each(["0", "-1", "3601", "abc", "Infinity", "NaN"])("timeout %j is a problem", (timeout) => {
    const ps = problems({ host: "h.example", timeout });
    expect(fields(ps)).toEqual(["timeout"]);
  });
  it("deadline is optional and in seconds", () => {
    expect(ok({ host: "h.example" })).not.toHaveProperty("deadlineMs");
    expect(ok({ host: "h.example", deadline: "90" }).deadlineMs).toBe(90_000);
    expect(fields(problems({ host: "h.example", deadline: "0" }))).toEqual(["deadline"]);
  });
  it.each(["hard", "soft", "never", "SOFT"])("fail-on %s is accepted", (f) => {
    expect(ok({ host: "h.example", "fail-on": f }).failOn).toBe(f.toLowerCase());
  });
  it("fail-on sometimes is a problem", () => {
    expect(fields(problems({ host: "h.example", "fail-on": "sometimes" }))).toEqual(["fail-on"]);
  });
  it("a ca path that does not exist is a problem naming ca", () => {
    const ps = problems({ host: "h.example", ca: "/nonexistent/dir/ca.pem" });
    expect(fields(ps)).toEqual(["ca"]);
    expect(ps[0]?.message).toContain("/nonexistent/dir/ca.pem");
  });
  it("a ca file without a PEM certificate is a problem naming ca", () => {
    const dir = mkdtempSync(join(tmpdir(), "smtp-gate-ca-"));
    writeFileSync(join(dir, "junk.pem"), "not a certificate\n");
    expect(fields(problems({ host: "h.example", ca: join(dir, "junk.pem") }))).toEqual(["ca"]);
  });
  it("a PEM ca file is read, relative to baseDir", () => {
    const dir = mkdtempSync(join(tmpdir(), "smtp-gate-ca-"));
    const pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    writeFileSync(join(dir, "ca.pem"), pem);
    expect(ok({ host: "h.example", ca: "ca.pem" }, { ...ctx(), baseDir: dir }).ca).toBe(pem);
  });
});

// Issue 15: VT, FF, ESC, DEL and TAB were sent verbatim in steps; U+2028/U+2029/U+0085 passed everywhere.
describe("resolveTarget: control characters", () => {
  const controls: [string, RegExp][] = [
    ["\t", /TAB/], ["\v", /VT/], ["\f", /FF/], ["\x1b", /ESC/], ["\x7f", /DEL/], ["\u0085", /NEL/], ["\u009b", /U\+009B/], ["\u2028", /U\+2028/], ["\u2029", /U\+2029/],
  ];
  it.each(controls)("%j in a step is a problem naming the step line, even at its end (where trimming would hide it)", (c, name) => {
    for (const line of [`NOOP${c}RSET`, `NOOP${c}`, `${c}NOOP`]) {
      const ps = problems({ host: "h.example", steps: ["EHLO {helo}", line] });
      expect(ps, JSON.stringify(line)).toEqual([{ field: "steps line 2", message: expect.stringMatching(name) }]);
    }
  });
  it.each(controls)("%j in helo, from, to or a host is a problem naming the key", (c, name) => {
    for (const key of ["helo", "from", "to", "host"] as const) {
      const value = key === "helo" || key === "host" ? `ci${c}.example.com` : `a${c}@example.com`;
      const ps = problems({ host: "h.example", [key]: value });
      expect(ps.find((p) => p.field === key)?.message, key).toMatch(name);
    }
  });
  it("the message never echoes the control character (an ESC would restyle the terminal)", () => {
    const ps = problems({ host: "h.example", helo: "x\x1b[31m.example", steps: ["NOOP \x1b[2J"] });
    expect(JSON.stringify(ps)).not.toContain("\\u001b");
  });
  it("a body line may hold TAB but no other control", () => {
    expect(ok({ host: "h.example", body: "a\tb\r\nc" }).body).toBe("a\tb\r\nc");
    for (const c of ["\x1b", "\v", "\u2028", "\0"]) expect(fields(problems({ host: "h.example", body: `ok\nbad${c}line` }))).toEqual(["body"]);
  });
  it("printable UTF-8 in a step is allowed (SMTPUTF8 is the server's to advertise)", () => {
    expect(ok({ host: "h.example", steps: ["RCPT TO:<jörg@exämple.com>"] }).steps?.[0]?.line).toBe("RCPT TO:<jörg@exämple.com>");
  });
});

// Issue 15: `--timeout 0x10` was read as 16 s (Number() reads hex, binary, octal and exponents).
describe("resolveTarget: numbers are decimal", () => {
  const notDecimal = ["0x10", "0b1", "0o7", "1e1", "1_0", "+5", "Infinity", " ", "5 s"];
  const keys = ["port", "timeout", "deadline", "max-step-ms", "max-total-ms", "cert-min-days"] as const;
  it.each(notDecimal)("%j is a problem for every numeric key", (v) => {
    for (const key of keys) expect(fields(problems({ host: "h.example", [key]: v })), key).toEqual([key]);
  });
  it("decimal numbers still read, as strings or as numbers", () => {
    expect(ok({ host: "h.example", port: "0587", timeout: ".5", deadline: 12.5, "max-step-ms": "100" })).toMatchObject({ port: 587, timeoutMs: 500, deadlineMs: 12_500, policy: { maxStepMs: 100 } });
  });
});

describe("resolveTarget: labels and where", () => {
  it("problems use the context's label and location", () => {
    const r = resolveTarget(
      { port: "0" },
      { env: {}, label: (k) => `--${k}`, where: (k) => ({ file: "f.yml", line: k === "port" ? 7 : 3 }) , ...localIo() },
    );
    expect(r).toEqual({
      problems: expect.arrayContaining([
        { field: "--host", message: "is required", file: "f.yml", line: 3 },
        { field: "--port", message: expect.stringContaining('"0"'), file: "f.yml", line: 7 },
      ]),
    });
  });
});

describe("resolveTarget is pure: files and the host name come through the context", () => {
  it("reads the CA bundle and the default EHLO name from the context", () => {
    const read: string[] = [];
    const pem = "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n";
    const r = resolveTarget({ host: "h.example", ca: "ca.pem" }, {
      env: {}, label: (k) => k, hostname: "runner.ci.example.org",
      readFile: (path, _limit, what) => (read.push(`${what}: ${path}`), pem),
    });
    expect(r).toMatchObject({ ca: pem, helo: "runner.ci.example.org" });
    expect(read).toEqual(["a CA bundle: ca.pem"]);
  });
  it("a file the context cannot read is a problem of its key", () => {
    const r = resolveTarget({ host: "h.example", baseline: "b.json" }, { env: {}, label: (k) => k, hostname: "x", readFile: () => ({ problem: "cannot read \"b.json\": ENOENT" }) });
    expect(r).toEqual({ problems: [{ field: "baseline", message: "cannot read \"b.json\": ENOENT" }] });
  });
});

describe("a secret's variable is an own property of the environment", () => {
  it("socks5-password-env: toString is not set (was a TypeError from Object.prototype.toString)", () => {
    const r = resolveTarget({ host: "h.example", socks5: "proxy.example:1080", "socks5-username": "u", "socks5-password-env": "toString" }, { env: {}, label: (k) => k, ...localIo() });
    expect(r).toMatchObject({ problems: expect.arrayContaining([{ field: "socks5-password-env", message: "environment variable toString is not set" }]) });
  });
});

describe("enumerated values: a typo gets a \"did you mean\", as a mistyped key does", () => {
  it.each([
    [{ host: "h.example", "fail-on": "hardd" }, "fail-on", 'must be one of hard, soft, never, not "hardd"; did you mean "hard"?'],
    [{ host: "h.example", tls: "startls" }, "tls", 'must be one of starttls, implicit, opportunistic, none, not "startls"; did you mean "starttls"?'],
    [{ host: "h.example", send: "ture" }, "send", 'must be true or false, not "ture"; did you mean "true"?'],
    [{ host: "h.example", username: "u", "password-env": "SMTP_PASSWORD", auth: "PLAN" }, "auth", 'must be one of PLAIN, LOGIN, CRAM-MD5, XOAUTH2, not "PLAN"; did you mean "PLAIN"?'],
    [{ host: "h.example", "fail-on": "whenever" }, "fail-on", 'must be one of hard, soft, never, not "whenever"'],
  ] as const)("%j", (raw, field, message) => {
    expect(problems(raw as RawTarget)).toEqual([{ field, message }]);
  });
});

describe("credentials in a URL-shaped value are never echoed", () => {
  const PASS = "Pr0xy-S3cret";
  it.each([
    ["socks5", `socks5://user:${PASS}@proxy.example:1080`, /^"socks5:\/\/\*\*\*@proxy\.example:1080" is not HOST\[:PORT\]: give the address alone \(a proxy's username and password go in socks5-username and socks5-password/],
    ["socks5", `user:${PASS}@proxy.example:1080`, /^"\*\*\*@proxy\.example:1080" is not HOST\[:PORT\]/],
    ["resolver", `dns://admin:${PASS}@192.0.2.53`, /^"dns:\/\/\*\*\*@192\.0\.2\.53" is not HOST\[:PORT\]/],
    ["host", `smtp://app:${PASS}@smtp.example.com`, /^"smtp:\/\/\*\*\*@smtp\.example\.com" is not/],
  ] as const)("%s: %s", (key, value, re) => {
    const ps = problems({ host: "h.example", [key]: value } as RawTarget);
    expect(ps.map((p) => p.field)).toEqual([key]);
    expect(ps[0]?.message).toMatch(re);
    expect(JSON.stringify(ps)).not.toContain(PASS);
  });
});
