/**
 * A strict command-line option parser: what node:util parseArgs does in strict mode, for the
 * features the CLI uses. It is ours because loading parseArgs costs every run about 1.5 ms of
 * its start-up; test/property/options.test.ts holds the two to the same answers.
 */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
  readonly short?: string;
}

export type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : O[K] extends { multiple: true } ? string[] : string;
};

export type ParsedOptions<O extends Record<string, OptionSpec>> = { values: OptionValues<O>; positionals: string[] } | { error: string };

/**
 * `--name value`, `--name=value`, booleans without a value, repeatable options in order, short
 * aliases (grouped too), `--` before positionals, `-` as a value or a positional. A value that starts with `-` must be given as `--name=-x`:
 * otherwise a forgotten value would swallow the next option.
 */
export function parseOptions<O extends Record<string, OptionSpec>>(argv: readonly string[], options: O, allowPositionals: boolean): ParsedOptions<O> {
  const values: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  const byShort = new Map<string, string>(Object.entries(options).flatMap(([name, o]) => (o.short ? [[`-${o.short}`, name] as const] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith("--") && arg.length > 2) {
      // A group of short booleans, `-hv`: each letter on its own.
      for (const letter of arg.slice(1)) {
        const grouped = byShort.get(`-${letter}`);
        if (grouped === undefined || options[grouped]?.type !== "boolean") return { error: `Unknown option '-${letter}'` };
        values[grouped] = true;
      }
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const name = flag.startsWith("--") ? flag.slice(2) : byShort.get(flag);
    const spec = name !== undefined && Object.hasOwn(options, name) ? options[name] : undefined;
    if (name === undefined || !spec) return { error: `Unknown option '${flag}'` };
    if (spec.type === "boolean") {
      if (eq !== -1) return { error: `Option '${flag}' does not take an argument` };
      values[name] = true;
      continue;
    }
    let value: string;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined) return { error: `Option '${flag} <value>' argument missing` };
      if (next.startsWith("-") && next !== "-") return { error: `Option '${flag}' argument is ambiguous: did you forget its value? A value starting with a dash is given as '${flag}=-XYZ'` };
      value = next;
      i++;
    }
    if (spec.multiple) values[name] = [...((values[name] as string[] | undefined) ?? []), value];
    else values[name] = value;
  }
  if (!allowPositionals && positionals.length) return { error: `Unexpected argument '${positionals[0]}'` };
  return { values: values as OptionValues<O>, positionals };
}
