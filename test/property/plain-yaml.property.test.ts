// The plain-subset reader (src/config/plain-yaml.ts) against the full YAML parser it stands in
// for: on every text it either declines or returns exactly the tree the full parser gives —
// the same values, types and lines. The texts are config-shaped documents generated with tricky
// scalars, every indentation style, comments and blank lines, and then mutated.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readPlainYaml } from "../../src/config/plain-yaml.js";
import { readYaml } from "../../src/config/yaml-tree.js";

/** The reader's promise: decline, or agree with the full parser. Returns whether it accepted. */
function agrees(text: string): boolean {
  const plain = readPlainYaml(text);
  if (plain === undefined) return false;
  expect(readYaml(text), JSON.stringify(text)).toStrictEqual({ root: plain });
  return true;
}

/** Scalars the plain subset reads: most of every document, so that most documents are read. */
const PLAIN_SCALARS = [
  "a", "EHLO {helo}", "RCPT TO:<{to}> => 250|251", "127.0.0.1", "smtp.example.com", "a@example.com", "a  b",
  "x{y}", "a]", "a,b", "a:b", "a# b", "a #b", "1_000", "0.0.0.0", "1:2", "Infinity", "NaN", "yes", "no", "on", "off", "y",
  ".", "..", "--", "a'b", 'a"b', "Truex", "nulls", "tRue", "0", "25", "123456789012345", "true", "False", "TRUE",
  "'a'", "'it''s'", "''", "'a' # c", '"a"', '""', "\"a'b\"", '"a" # c', '"a,b"', '"#x"', "'a,b'", "'#'",
];
/** Scalars YAML reads in its own way, or that no plain scalar may be. */
const TRICKY_SCALARS = [
  // null, and numbers in every form
  "007", "00", "-5", "+5", "-0", "0o17", "0o8", "0x1F", "0xg", "1e3", "1E+3", "1.5", ".5", "1.", "-1.5e-3", ".inf", "-.Inf", "+.INF", ".nan", ".NaN",
  "~", "null", "Null", "NULL", "1234567890123456", "12345678901234567890",
  // indicators, and what a plain scalar may not hold
  "a: b", "a:", "[a]", "[a, b]", "[ ]", "[a,]", "{a: 1}", "&anc x", "*anc", "!tag x", "!!str 5", "%x", "@x", "`x", "-x", "- x", "?x", ":x", ",x", "#x", "|", ">", "|-", "-",
  // quoted, with escapes or unclosed
  "'a", "'a' x", '"a\\nb"', '"a\\"b"', '"a" x', '"a',
  // outside printable ASCII
  "é", "a\tb", "a\rb",
];
const KEYS = ["name", "host", "port", "to", "steps", "tls", "defaults", "targets", "a-b", "_x", "k9", "true", "Null", "x".repeat(70), "9k", "-k", "k k", "k:", "'q'"];
const BLOCK_LINES = ["EHLO {helo}", "MAIL FROM:<{from}>", "", "  deeper", "# not a comment", "   ", "x #y", "\tx"];

type Model =
  | { t: "map"; pairs: [string, Model][] }
  | { t: "seq"; items: Model[]; flow: boolean }
  | { t: "scalar"; text: string }
  | { t: "block"; lines: string[] };

const { model } = fc.letrec<{ model: Model; map: Model; seq: Model; scalar: Model; block: Model }>((tie) => ({
  model: fc.oneof({ depthSize: "small", withCrossShrink: true }, tie("scalar"), tie("map"), tie("seq"), tie("block")),
  scalar: fc.oneof({ arbitrary: fc.constantFrom(...PLAIN_SCALARS), weight: 4 }, { arbitrary: fc.constantFrom(...TRICKY_SCALARS), weight: 1 }).map((text): Model => ({ t: "scalar", text })),
  block: fc.array(fc.constantFrom(...BLOCK_LINES), { minLength: 1, maxLength: 4 }).map((lines): Model => ({ t: "block", lines })),
  map: fc.array(fc.tuple(fc.constantFrom(...KEYS), tie("model")), { minLength: 1, maxLength: 4 }).map((pairs): Model => ({ t: "map", pairs })),
  seq: fc.tuple(fc.array(tie("model"), { minLength: 1, maxLength: 3 }), fc.boolean()).map(([items, flow]): Model => ({ t: "seq", items, flow })),
}));

interface Style {
  step: number;
  /** A mapping's block sequence at the key's own indent (`key:` then `- a` below it). */
  seqAtKeyIndent: boolean;
}

const pad = (n: number) => " ".repeat(n);

/** YAML text for `m` at indent `n`, as lines. */
function render(m: Model, n: number, s: Style): string[] {
  switch (m.t) {
    case "scalar":
      return [pad(n) + m.text];
    case "block":
      return [`${pad(n)}|`, ...m.lines.map((l) => (l === "" ? "" : pad(n + s.step) + l))];
    case "seq":
      if (m.flow) return [`${pad(n)}[${m.items.map((i) => (i.t === "scalar" ? i.text : "x")).join(", ")}]`];
      return m.items.flatMap((item) => {
        const inner = render(item, n + 2, s);
        if (item.t === "map" || item.t === "scalar") return [`${pad(n)}- ${(inner[0] as string).slice(n + 2)}`, ...inner.slice(1)];
        return [`${pad(n)}-`, ...inner];
      });
    case "map":
      return m.pairs.flatMap(([k, v]) => {
        const head = `${pad(n)}${k}:`;
        if (v.t === "scalar" || v.t === "block" || (v.t === "seq" && v.flow)) {
          const [first, ...rest] = render(v, n + s.step, s);
          return [`${head} ${(first as string).trimStart()}`, ...rest];
        }
        return [head, ...render(v, v.t === "seq" && s.seqAtKeyIndent ? n : n + s.step, s)];
      });
  }
}

const DECORATIONS = ["", "   ", "# c", "  # c", " # c@end", "  ", "\t"];

const document = fc
  .record({
    root: fc.oneof(model, fc.constant<Model>({ t: "map", pairs: [["targets", { t: "seq", flow: false, items: [{ t: "map", pairs: [["name", { t: "scalar", text: "a" }]] }] }]] })),
    step: fc.integer({ min: 1, max: 4 }),
    seqAtKeyIndent: fc.boolean(),
    decorations: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...DECORATIONS), fc.boolean()), { maxLength: 3 }),
    finalNewline: fc.boolean(),
  })
  .map(({ root, step, seqAtKeyIndent, decorations, finalNewline }) => {
    const lines = render(root, 0, { step, seqAtKeyIndent });
    for (const [pos, d, append] of decorations) {
      const i = pos % (lines.length + 1);
      if (append && i < lines.length) lines[i] += d.startsWith(" #") ? d : d.trimEnd() === "" ? d : ` ${d}`;
      else lines.splice(i, 0, d.trim() === "@end" ? "" : d.replace("@end", ""));
    }
    return lines.join("\n") + (finalNewline ? "\n" : "");
  });

const CONFIG = `# smtp-gate fleet
defaults:
  host: 127.0.0.1
  port: 2525
  tls: none   # loopback
  helo: bench.example.com
  from: 'a@example.com'
  to: [b@example.com, "c@example.com"]
  fail-on: hard
  insecure: false
targets:
  - name: t000
  - name: t001
    steps: |
      EHLO {helo}

      # a literal line, not a comment
      RCPT TO:<{to}> => 250|251
  -   name: t002
      steps:
      - EHLO {helo}
      - "MAIL FROM:<>"
      - RCPT TO:<postmaster@example.com> => 5xx
`;

describe("readPlainYaml: the plain subset, or nothing", () => {
  it("reads a typical config file, as the full parser does", () => {
    expect(agrees(CONFIG)).toBe(true);
    const root = readPlainYaml(CONFIG);
    expect(root?.kind === "map" && root.pairs.map((p) => [p.key, p.line])).toEqual([["defaults", 2], ["targets", 11]]);
  });

  it("reads the README's config example, which the README says it reads", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const example = /### Config file\n+```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toContain("targets:");
    expect(agrees(example as string)).toBe(true);
  });

  it.each([
    ["an anchor", "a: &x 1\nb: *x\n"],
    ["a tag", "a: !!str 5\n"],
    ["a flow mapping", "a: {b: 1}\n"],
    ["a tab", "a:\tb\n"],
    ["CRLF", "a: b\r\n"],
    ["non-ASCII", "a: é\n"],
    ["a null", "a:\nb: ~\n"],
    ["a multi-line plain scalar", "a: b\n  c\n"],
    ["an escape", 'a: "b\\tc"\n'],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["a directive", "%YAML 1.2\n---\na: 1\n"],
    ["a document marker", "---\na: 1\n"],
    ["a folded block", "a: >\n  b\n"],
    ["a number YAML reads in its own way", "a: 0o17\n"],
    ["a leading zero", "a: 007\n"],
    ["a float", "a: 1.5\n"],
    ["a syntax error", "a: [1\n"],
    ["an indented root", "  a: 1\n"],
  ])("declines %s", (_, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });

  it("agrees with the full parser on generated config-shaped documents", () => {
    let accepted = 0;
    fc.assert(
      fc.property(document, (text) => {
        if (agrees(text)) accepted++;
      }),
      { numRuns: 3000 },
    );
    // Guard against a reader that declines everything, for which the property holds vacuously.
    expect(accepted).toBeGreaterThan(300);
  });

  it("agrees with the full parser on one-line flow sequences", () => {
    const item = fc.oneof(fc.constantFrom(...PLAIN_SCALARS), fc.constantFrom(...TRICKY_SCALARS));
    const gap = fc.constantFrom("", " ", "  ");
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(gap, item, gap), { maxLength: 4 }), gap, (items, tail) => {
        if (agrees(`to: [${items.map(([a, i, b]) => a + i + b).join(",")}]${tail}\n`)) accepted++;
      }),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(200);
  });

  it("agrees with the full parser on mutated config files", () => {
    const edit = fc.tuple(fc.nat(), fc.constantFrom(..."x: -\n\t[]{}\"'|>&*!#,0 ~."), fc.constantFrom("flip", "insert", "delete"));
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const chars = [...CONFIG];
        for (const [pos, c, op] of edits) {
          const i = pos % chars.length;
          if (op === "flip") chars[i] = c;
          else if (op === "insert") chars.splice(i, 0, c);
          else chars.splice(i, 1);
        }
        if (agrees(chars.join(""))) accepted++;
      }),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(200);
  });
});
