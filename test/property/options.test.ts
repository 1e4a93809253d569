// The CLI's own option parser (src/cli/parse-options.ts) against node:util parseArgs, which it replaces
// to save start-up time: on every generated command line both accept with the same values and
// positionals, or both refuse.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseArgs } from "node:util";
import { OPTIONS } from "../../src/cli/options.js";
import { parseOptions, type OptionSpec } from "../../src/cli/parse-options.js";

const SMALL = { host: { type: "string" }, to: { type: "string", multiple: true }, send: { type: "boolean" }, help: { type: "boolean", short: "h" }, verbose: { type: "boolean", short: "v" } } as const;

function reference(argv: string[], options: Record<string, OptionSpec>, allowPositionals: boolean): unknown {
  try {
    const r = parseArgs({ args: argv, options: options as never, strict: true, allowPositionals });
    return { values: { ...(r.values as object) }, positionals: r.positionals };
  } catch {
    return "error";
  }
}

function ours(argv: string[], options: Record<string, OptionSpec>, allowPositionals: boolean): unknown {
  const r = parseOptions(argv, options, allowPositionals);
  return "error" in r ? "error" : { values: { ...r.values }, positionals: r.positionals };
}

const token = (names: string[]) =>
  fc.oneof(
    fc.constantFrom(...names.map((n) => `--${n}`)),
    fc.constantFrom(...names.map((n) => `--${n}=`)).chain((p) => fc.constantFrom(p, `${p}v`, `${p}-x`, `${p}a=b`)),
    fc.constantFrom("-h", "-v", "-hv", "-vh", "-hh", "-x", "-hx", "-", "--", "--bogus", "--__proto__", "--toString", "-h=1"),
    fc.constantFrom("value", "a@example.com", "-1", "--x", "stray", ""),
  );

describe("parseOptions agrees with node:util parseArgs (strict)", () => {
  it("on a small table, with and without positionals", () => {
    fc.assert(
      fc.property(fc.array(token(Object.keys(SMALL)), { maxLength: 8 }), fc.boolean(), (argv, pos) => {
        expect(ours(argv, SMALL, pos)).toEqual(reference(argv, SMALL, pos));
      }),
      { numRuns: 3000 },
    );
  });

  it("on the CLI's own table", () => {
    const names = Object.keys(OPTIONS);
    fc.assert(
      fc.property(fc.array(token(names), { maxLength: 10 }), (argv) => {
        expect(ours(argv, OPTIONS, false)).toEqual(reference(argv, OPTIONS, false));
      }),
      { numRuns: 3000 },
    );
  });

  it("names the option in its messages", () => {
    expect(parseOptions(["--bogus"], SMALL, false)).toEqual({ error: "Unknown option '--bogus'" });
    expect(parseOptions(["--host"], SMALL, false)).toEqual({ error: "Option '--host <value>' argument missing" });
    expect(parseOptions(["--send=yes"], SMALL, false)).toEqual({ error: "Option '--send' does not take an argument" });
    expect(parseOptions(["stray"], SMALL, false)).toEqual({ error: "Unexpected argument 'stray'" });
    expect(parseOptions(["--host", "-x"], SMALL, false)).toMatchObject({ error: expect.stringContaining("'--host=-XYZ'") });
  });
});
