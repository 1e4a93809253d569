// Property-based tests of configuration: the YAML loader never throws on any text, and
// resolveTarget never throws and never lets CR, LF or NUL reach a value that goes on the wire.
import { localIo } from "../../src/config/local-io.js";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseConfigText } from "../../src/config/file.js";
import { resolveTarget } from "../../src/config/resolve.js";
import type { RawTarget, RawValue } from "../../src/config/keys.js";
import { TARGET_KEYS, type TargetKey } from "../../src/config/keys.js";
import type { TargetConfig } from "../../src/config/target.js";

 
const FORBIDDEN = /[\r\n\0]/;
const ENV = { SMTP_PASSWORD: "pw", TOKEN: "tok" };

const VALID_YAML = `defaults:
  helo: ci.example.com
  fail-on: hard
  timeout: 5
targets:
  - name: submission
    host: smtp.example.com
    port: 587
    tls: starttls
    username: app@example.com
    password-env: SMTP_PASSWORD
    from: app@example.com
    to: [postmaster@example.com, "b@example.com"]
    steps: |
      EHLO {helo}
      STARTTLS
      EHLO {helo}
      AUTH PLAIN
      MAIL FROM:<{from}>
      RCPT TO:<{to}> => 250|251
  - name: mx
    host: mx1.example.com
    tls: opportunistic
    oauth-token-env: TOKEN
    username: u@example.com
    auth: XOAUTH2
    steps:
      - EHLO {helo}
      - "MAIL FROM:<>"
      - RCPT TO:<postmaster@example.com> => 5xx
`;

function checkResult(r: Awaited<ReturnType<typeof parseConfigText>>): void {
  expect(r).toBeTypeOf("object");
  if ("problems" in r) {
    expect(r.problems.length).toBeGreaterThan(0);
    for (const p of r.problems) {
      expect(typeof p.field).toBe("string");
      expect(p.field.length).toBeGreaterThan(0);
      expect(typeof p.message).toBe("string");
      expect(p.message.length).toBeGreaterThan(0);
      if (p.line !== undefined) expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
    }
  } else {
    expect(Array.isArray(r.targets)).toBe(true);
    for (const t of r.targets) expectClean(t);
  }
}

/** No value that reaches the wire carries CR, LF or NUL. */
function expectClean(t: TargetConfig): void {
  const wire = [
    // helo and from are null when the EHLO name is the address literal, known only once connected (RFC 5321 §4.1.4).
    t.helo ?? "", t.from ?? "", ...t.to, t.host, t.servername ?? "",
    t.credentials?.username ?? "", t.credentials?.password ?? "", t.credentials?.oauthToken ?? "",
    ...(t.steps ?? []).map((s) => s.line), t.policy?.openRelay ?? "",
  ];
  for (const v of wire) expect(v, JSON.stringify(v)).not.toMatch(FORBIDDEN);
  if (t.body !== undefined) expect(t.body).not.toContain("\0");
}

describe("parseConfigText never throws", () => {
  it("on the valid example (sanity)", async () => {
    const r = await parseConfigText(VALID_YAML, "smtp-gate.yml", ENV);
    expect("targets" in r ? r.targets.map((t) => t.name) : r.problems).toEqual(["submission", "mx"]);
  });

  it("on arbitrary text", async () => {
    const yamlish = fc.string({ unit: fc.constantFrom(..."abc:- \n\t[]{}\"'|>&*!%@#,?0123\r\u0000\u00e9"), maxLength: 120 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }), yamlish), async (text) => {
        checkResult(await parseConfigText(text, "fuzz.yml", ENV));
      }),
      { numRuns: 300 },
    );
  });

  it("on mutated valid YAML (bytes flipped, inserted, deleted; lines swapped)", async () => {
    const edit = fc.tuple(fc.nat(), fc.constantFrom(..."x: -\n\t[]{}\"'|>&*!\r\u0000 9"), fc.constantFrom("flip", "insert", "delete", "swap-lines"));
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
        let chars = [...VALID_YAML];
        for (const [pos, c, op] of edits) {
          const i = pos % chars.length;
          if (op === "flip") chars[i] = c;
          else if (op === "insert") chars.splice(i, 0, c);
          else if (op === "delete") chars.splice(i, 1);
          else {
            const lines = chars.join("").split("\n");
            const a = i % lines.length;
            const b = (a + 1) % lines.length;
            [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
            chars = [...lines.join("\n")];
          }
        }
        checkResult(await parseConfigText(chars.join(""), "mutated.yml", ENV));
      }),
      { numRuns: 300 },
    );
  });
});

// Keys whose value is read from disk: keep fuzzed values away from real paths.
const PATH_KEYS: readonly TargetKey[] = ["ca", "baseline"];
const nasty = fc.constantFrom("\r", "\n", "\0", "\r\n", " \r", "\u2028", "\u0085", "\t");
const plausible = fc.constantFrom(
  "127.0.0.1", "mx.example.com", "587", "465", "starttls", "implicit", "none", "opportunistic", "hard", "soft", "never", "true", "false",
  "ci.example.com", "app@example.com", "a@b.c", "PLAIN", "LOGIN", "XOAUTH2", "CRAM-MD5", "SMTP_PASSWORD", "TOKEN", "5", "0.5",
  "EHLO {helo}\nMAIL FROM:<{from}>\nRCPT TO:<{to}> => 250", "NOOP => 2xx", "DATA", "yes", "SIZE>=1000", "example.net",
);
const str = fc.oneof(
  { weight: 3, arbitrary: plausible },
  { weight: 3, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 24 }) },
  { weight: 3, arbitrary: fc.tuple(plausible, nasty, fc.oneof(plausible, fc.string({ maxLength: 6 }))).map(([a, n, b]) => `${a}${n}${b}`) },
  { weight: 1, arbitrary: fc.tuple(nasty, plausible).map(([n, a]) => `${n}${a}`) },
  { weight: 1, arbitrary: fc.tuple(plausible, nasty).map(([a, n]) => `${a}${n}`) },
);
const value: fc.Arbitrary<RawValue> = fc.oneof(
  { weight: 8, arbitrary: str },
  { weight: 1, arbitrary: fc.array(str, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
);
const rawTarget: fc.Arbitrary<RawTarget> = fc
  .record(Object.fromEntries(TARGET_KEYS.map((k) => [k, value])) as Record<TargetKey, fc.Arbitrary<RawValue>>, { requiredKeys: [] })
  .map((r) => {
    const out: RawTarget = { ...r };
    for (const k of PATH_KEYS) if (out[k] !== undefined) out[k] = `/nonexistent/smtp-gate-fuzz/${String(out[k])}`;
    return out;
  });
const env = fc.record({ SMTP_PASSWORD: fc.oneof(plausible, str), TOKEN: fc.oneof(plausible, str) });

/**
 * Whether a forbidden character is in a value that (after the legitimate splitting of the
 * multi-line keys `steps` and `to`) would reach the wire. `body` may hold line breaks (it is
 * framed), but not NUL.
 */
function forbiddenOnTheWay(raw: RawTarget, e: Record<string, string>): string | null {
  for (const k of TARGET_KEYS) {
    const v = raw[k];
    if (v === undefined || v === null || typeof v === "boolean" || typeof v === "number") continue;
    if (k === "body") {
      if (String(v).includes("\0")) return k;
      continue;
    }
    const items = Array.isArray(v) ? v.map(String) : k === "steps" ? String(v).split(/\r?\n/) : k === "to" || k === "expect-extensions" ? String(v).split(/,|\r?\n/) : [String(v)];
    if (items.some((i) => FORBIDDEN.test(i))) return k;
  }
  for (const k of ["password-env", "oauth-token-env"] as const) {
    const name = raw[k];
    if (typeof name === "string" && name.trim() in e && FORBIDDEN.test(e[name.trim()] as string)) return `${k} → ${name}`;
  }
  return null;
}

describe("resolveTarget with arbitrary values in every key", () => {
  it("never throws, and a resolved target carries no CR, LF or NUL in anything sent", async () => {
    await fc.assert(
      fc.asyncProperty(rawTarget, env, (raw, e) => {
        const r = resolveTarget(raw, { env: e, label: (k) => k, ...localIo() });
        if ("problems" in r) {
          for (const p of r.problems) {
            expect(p.field.length).toBeGreaterThan(0);
            expect(p.message.length).toBeGreaterThan(0);
          }
        } else expectClean(r);
      }),
      { numRuns: 600 },
    );
  });

  it("returns problems whenever a value that reaches the wire contains CR, LF or NUL (ordinary placements)", async () => {
    // Forbidden characters inside a value, or anywhere in a single-line key. (CR/LF at either end of a
    // `steps` line, which resolve.ts trims away instead of refusing, is in test/hostile/KNOWN-BUGS.test.ts.)
    await fc.assert(
      fc.asyncProperty(rawTarget, env, (raw, e) => {
        const why = forbiddenOnTheWay(raw, e);
        if (why === null) return;
        const steps = raw.steps;
        const stepItems = Array.isArray(steps) ? steps.map(String) : typeof steps === "string" ? steps.split(/\r?\n/) : [];
        if (stepItems.some((s) => FORBIDDEN.test(s) && !FORBIDDEN.test(s.trim()))) return;
        const r = resolveTarget(raw, { env: e, label: (k) => k, ...localIo() });
        expect("problems" in r, `${why}: ${JSON.stringify(raw[why as TargetKey] ?? null)}`).toBe(true);
      }),
      { numRuns: 600 },
    );
  });
});
