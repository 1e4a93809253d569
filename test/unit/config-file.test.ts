import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import type { ConfigProblem } from "../../src/config/errors.js";
import { parseConfigText, type LoadedConfig } from "../../src/config/file.js";

const ENV = { SMTP_PASSWORD: "file-secret-pw" };
const FILE = "/cfg/smtp-gate.yml";

async function ok(text: string): Promise<LoadedConfig> {
  const r = await parseConfigText(text, FILE, ENV);
  if ("problems" in r) throw new Error(`unexpected problems: ${JSON.stringify(r.problems)}`);
  return r;
}
async function problems(text: string): Promise<ConfigProblem[]> {
  const r = await parseConfigText(text, FILE, ENV);
  if (!("problems" in r)) throw new Error("expected problems");
  expect(r.problems.length).toBeGreaterThan(0);
  for (const p of r.problems) expect(p.file).toBe(FILE);
  return r.problems;
}
const y = (...lines: string[]) => `${lines.join("\n")}\n`;

describe("parseConfigText: a valid file", () => {
  const text = y(
    "defaults:", //                              1
    "  helo: ci.example.com", //                 2
    "  fail-on: soft", //                        3
    "  timeout: 10", //                          4
    "targets:", //                               5
    "  - name: submission", //                   6
    "    host: smtp.example.com", //             7
    "    port: 587", //                          8
    "    username: app@example.com", //          9
    "    password-env: SMTP_PASSWORD", //        10
    "    to: [postmaster@example.com, b@example.com]", // 11
    "    steps: |", //                           12
    "      EHLO {helo}", //                      13
    "      STARTTLS", //                         14
    "      EHLO {helo}", //                      15
    "      AUTH PLAIN", //                       16
    "      MAIL FROM:<{from}>", //               17
    "      RCPT TO:<{to}> => 250|251", //        18
    "  - host: mx.example.org", //               19
    "    tls: none", //                          20
    "    fail-on: hard", //                      21
    "    helo: other.example.com", //            22
  );

  it("merges defaults into each target, per-target values win", async () => {
    const { targets } = await ok(text);
    expect(targets).toHaveLength(2);
    const [a, b] = targets;
    expect(a).toMatchObject({
      name: "submission",
      host: "smtp.example.com",
      port: 587,
      tls: "starttls",
      helo: "ci.example.com",
      failOn: "soft",
      timeoutMs: 10_000,
      from: "app@example.com",
      to: ["postmaster@example.com", "b@example.com"],
      credentials: { username: "app@example.com", password: "file-secret-pw", mechanism: null },
      source: { file: FILE, line: 6 },
    });
    expect(a?.steps?.map((s) => s.line)).toEqual(["EHLO {helo}", "STARTTLS", "EHLO {helo}", "AUTH PLAIN", "MAIL FROM:<{from}>", "RCPT TO:<{to}>"]);
    expect(a?.steps?.[5]?.expect).toEqual([{ code: 250 }, { code: 251 }]);
    expect(b).toMatchObject({
      name: "mx.example.org:25",
      host: "mx.example.org",
      port: 25,
      tls: "none",
      helo: "other.example.com",
      failOn: "hard",
      timeoutMs: 10_000,
      credentials: null,
      steps: null,
      source: { file: FILE, line: 19 },
    });
  });

  it("a list value for to", async () => {
    const { targets } = await ok(y("targets:", "  - host: h.example", "    to:", "      - a@example.com", "      - b@example.com"));
    expect(targets[0]?.to).toEqual(["a@example.com", "b@example.com"]);
  });

  it("a comma-separated string for to", async () => {
    expect((await ok(y("targets:", "  - host: h.example", "    to: a@example.com, b@example.com"))).targets[0]?.to).toEqual(["a@example.com", "b@example.com"]);
  });

  it("defaults are optional", async () => {
    expect((await ok(y("targets:", "  - host: h.example"))).targets[0]?.host).toBe("h.example");
  });

  it("layers: over beats defaults, under sits beneath them, a target's own keys win", async () => {
    const text = y("defaults:", "  fail-on: soft", "  timeout: 5", "targets:", "  - host: a.example", "  - host: b.example", "    fail-on: hard", "    tls: none");
    const r = await parseConfigText(text, FILE, ENV, { over: { "fail-on": "never" }, under: { timeout: "60", tls: "implicit" } });
    if ("problems" in r) throw new Error(JSON.stringify(r.problems));
    expect(r.targets.map((t) => t.failOn)).toEqual(["never", "hard"]);
    expect(r.targets.map((t) => t.timeoutMs)).toEqual([5000, 5000]);
    expect(r.targets.map((t) => t.tls)).toEqual(["implicit", "none"]);
  });
});

describe("parseConfigText: problems with file and line", () => {
  it("unknown key: did you mean, right line", async () => {
    const ps = await problems(y("targets:", "  - name: a", "    hots: smtp.example.com"));
    const p = ps.find((x) => x.field === "hots");
    expect(p).toBeDefined();
    expect(p?.message).toContain('did you mean "host"');
    expect(p?.line).toBe(3);
  });

  it("unknown key in defaults: did you mean, right line", async () => {
    const ps = await problems(y("defaults:", "  helo: x.example", "  fial-on: soft", "targets:", "  - host: h.example"));
    expect(ps).toEqual([{ field: "fial-on", message: expect.stringContaining('did you mean "fail-on"'), file: FILE, line: 3 }]);
  });

  it("unknown top-level key", async () => {
    const ps = await problems(y("target:", "  - host: h.example"));
    expect(ps.find((p) => p.field === "target")).toMatchObject({ line: 1, message: expect.stringContaining('did you mean "targets"') });
  });

  it("a literal password is refused with its line", async () => {
    const ps = await problems(y("targets:", "  - host: h.example", "    username: u", "    password: hunter2"));
    const p = ps.find((x) => x.field === "password");
    expect(p).toMatchObject({ line: 4, message: expect.stringContaining("password-env") });
    expect(JSON.stringify(ps)).not.toContain("hunter2");
  });

  it("a literal oauth-token is refused with its line", async () => {
    const ps = await problems(y("targets:", "  - host: h.example", "    oauth-token: tok-123456"));
    expect(ps.find((x) => x.field === "oauth-token")).toMatchObject({ line: 3 });
    expect(JSON.stringify(ps)).not.toContain("tok-123456");
  });

  it("a YAML syntax error is reported as yaml", async () => {
    const ps = await problems(y("targets:", "  - host: h.example", "    port: [1"));
    expect(ps[0]?.field).toBe("yaml");
  });

  const missingTargets: [string, string][] = [
    ["no targets key", y("defaults:", "  helo: x.example")],
    ["empty targets", y("targets: []")],
    ["targets is a map", y("targets:", "  host: h.example")],
  ];
  it.each(missingTargets)("%s → targets problem", async (_, text) => {
    const ps = await problems(text);
    expect(ps.some((p) => p.field === "targets" && /non-empty list/.test(p.message))).toBe(true);
  });

  it("a document that is not a mapping", async () => {
    expect(await problems("- a\n- b\n")).toEqual([{ field: "config", message: expect.stringContaining("targets"), file: FILE, line: 1 }]);
  });

  it("a bad step in a steps: | block names the right line", async () => {
    const ps = await problems(
      y(
        "targets:", //                      1
        "  - host: h.example", //           2
        "    to: a@example.com", //         3
        "    steps: |", //                  4
        "      EHLO {helo}", //             5
        "      # comment", //               6
        "", //                              7
        "      RCPT TO:<{nope}>", //        8
        "      NOOP => 55", //              9
      ),
    );
    expect(ps).toEqual([
      { field: "targets[0].steps line 4", message: expect.stringMatching(/unknown placeholder \{nope\}/), file: FILE, line: 8 },
      { field: "targets[0].steps line 5", message: expect.stringMatching(/NOOP => 55/), file: FILE, line: 9 },
    ]);
  });

  it("a resolve problem names the target's key and its line", async () => {
    const ps = await problems(y("targets:", "  - host: a.example", "  - host: b.example", "    port: 99999"));
    expect(ps).toEqual([{ field: "targets[1].port", message: expect.stringContaining("99999"), file: FILE, line: 4 }]);
  });

  it("a problem from a default value names the defaults line", async () => {
    const ps = await problems(y("defaults:", "  tls: bogus", "targets:", "  - host: a.example"));
    expect(ps).toEqual([{ field: "targets[0].tls", message: expect.stringContaining("bogus"), file: FILE, line: 2 }]);
  });

  it("a missing host names the target's line", async () => {
    const ps = await problems(y("targets:", "  - host: a.example", "  - port: 25"));
    expect(ps).toEqual([{ field: "targets[1].host", message: "is required", file: FILE, line: 3 }]);
  });

  it("a target that is not a mapping", async () => {
    const ps = await problems(y("targets:", "  - just-a-string"));
    expect(ps).toEqual([{ field: "targets[0]", message: expect.any(String), file: FILE, line: 2 }]);
  });

  it("a nested mapping value is refused", async () => {
    const ps = await problems(y("targets:", "  - host:", "      name: x"));
    expect(ps[0]).toMatchObject({ field: "host", line: 2 });
  });

  it("a duplicate key is an error", async () => {
    const ps = await problems(y("targets:", "  - host: a.example", "    host: b.example"));
    expect(ps[0]?.field).toBe("yaml");
  });
});

describe("the config example in docs/configuration.md", () => {
  it("loads as written", async () => {
    const doc = readFileSync(new URL("../../docs/configuration.md", import.meta.url), "utf8");
    const example = /## Config file\n+```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toContain("targets:");
    const loaded = await ok(example as string);
    expect(loaded.targets.map((t) => t.name)).toEqual(["submission", "mx"]);
  });
});
