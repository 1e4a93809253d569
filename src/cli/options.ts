/**
 * The CLI's options and the small parser that reads them. The table is shared with the launcher,
 * which records option names (never values) in its code cache.
 *
 * The parser does what node:util parseArgs does in strict mode, for the features used here; it
 * is ours because loading parseArgs costs every run about 1.5 ms of its start-up.
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

export const OPTIONS = {
  host: { type: "string" }, mx: { type: "string" }, port: { type: "string" }, tls: { type: "string" }, helo: { type: "string" },
  from: { type: "string" }, to: { type: "string", multiple: true }, user: { type: "string" },
  "password-env": { type: "string" }, "oauth-token-env": { type: "string" }, auth: { type: "string" },
  send: { type: "boolean" }, step: { type: "string", multiple: true }, config: { type: "string" },
  "fail-on": { type: "string" }, timeout: { type: "string" }, deadline: { type: "string" },
  insecure: { type: "boolean" }, ca: { type: "string" }, servername: { type: "string" }, name: { type: "string" },
  format: { type: "string" }, report: { type: "string" }, pipelining: { type: "string" }, shard: { type: "string" }, baseline: { type: "string" }, "write-baseline": { type: "string" },
  "require-tls": { type: "boolean" }, "min-tls": { type: "string" }, "cert-min-days": { type: "string" },
  "max-step-ms": { type: "string" }, "max-total-ms": { type: "string" }, "expect-extension": { type: "string", multiple: true },
  "auth-requires-tls": { type: "boolean" }, "open-relay": { type: "string" }, "vrfy-disabled": { type: "boolean" }, demo: { type: "boolean" }, concurrency: { type: "string" },
  help: { type: "boolean", short: "h" }, version: { type: "boolean" },
} as const;
