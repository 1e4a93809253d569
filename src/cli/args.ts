/** argv → what to do. Pure: no I/O, so every usage error is testable as a value. */
import { parseArgs } from "node:util";
import { closestKey, notOneOf } from "../config/keys.js";
import type { RawTarget, RawValue } from "../config/keys.js";
import { DEFAULT_CONCURRENCY, parseConcurrency, parseDecimal } from "../config/values.js";
import { parseShard, type Shard } from "../model/shard.js";
import { OPTIONS, parseArgsOptions, renderHelp, type CliOption } from "./options.js";

export { cliLabel } from "./options.js";

export type Format = "text" | "json" | "markdown";

export type Command =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "explain"; args: string[]; format: Format }
  | { kind: "demo-mta"; port: number }
  | { kind: "merge"; files: string[]; format: Format; report?: string }
  | { kind: "probe"; target: RawTarget; config?: string; targetsFile?: string; format: Format; report?: string; writeBaseline?: string; demo: boolean; concurrency: number; shard?: Shard };

export const HELP = renderHelp();

const FORMATS: readonly Format[] = ["text", "json", "markdown"];
const FORMAT_OPTION: CliOption = { name: "format", type: "string", arg: "text|json|markdown", help: "", group: "Run" };
const MERGE_OPTIONS: readonly CliOption[] = [FORMAT_OPTION, { name: "report", type: "string", arg: "FILE", help: "", group: "Run" }];
const EXPLAIN_OPTIONS: readonly CliOption[] = [FORMAT_OPTION];
const DEMO_MTA_OPTIONS: readonly CliOption[] = [{ name: "port", type: "string", arg: "N", help: "", group: "Run" }];

type Parsed = { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };

/**
 * node:util parseArgs in strict mode over one option table. An unknown option gets the closest
 * known one ("did you mean"), as a mistyped config key does.
 */
function parseWith(argv: readonly string[], options: readonly CliOption[], allowPositionals: boolean): Parsed | { usage: string } {
  const config = { args: [...argv], options: parseArgsOptions(options), allowPositionals };
  try {
    const { values, positionals } = parseArgs({ ...config, strict: true });
    return { values, positionals };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const { tokens } = parseArgs({ ...config, strict: false, allowPositionals: true, tokens: true });
      const unknown = tokens.find((tk) => tk.kind === "option" && !options.some((o) => o.name === tk.name || o.short === tk.name));
      if (unknown?.kind === "option") {
        const near = closestKey(unknown.name, options.map((o) => o.name));
        return { usage: `Unknown option '${unknown.rawName}'${near ? ` (did you mean --${near}?)` : ""}` };
      }
    }
    return { usage: (e as Error).message.replace(/\s*\n\s*/g, " ") };
  }
}

function parseFormat(value: unknown): Format | { usage: string } {
  const format = value ?? "text";
  return FORMATS.includes(format as Format) ? (format as Format) : { usage: `--format ${notOneOf(String(format), FORMATS)}` };
}

export function parseCommand(argv: readonly string[]): Command | { usage: string } {
  if (argv[0] === "demo-mta") {
    const parsed = parseWith(argv.slice(1), DEMO_MTA_OPTIONS, false);
    const port = "usage" in parsed ? NaN : parsed.values.port === undefined ? 0 : parseDecimal(String(parsed.values.port), true);
    if (!Number.isInteger(port) || port < 0 || port > 65535) return { usage: "demo-mta takes only --port N (0 to 65535)" };
    return { kind: "demo-mta", port };
  }
  if (argv[0] === "merge") {
    const parsed = parseWith(argv.slice(1), MERGE_OPTIONS, true);
    if ("usage" in parsed) return parsed;
    const format = parseFormat(parsed.values.format);
    if (typeof format === "object") return format;
    if (!parsed.positionals.length) return { usage: "merge needs one or more report files: smtp-gate merge shard-*.json" };
    return { kind: "merge", files: parsed.positionals, format, report: parsed.values.report as string | undefined };
  }
  if (argv[0] === "explain") {
    const parsed = parseWith(argv.slice(1), EXPLAIN_OPTIONS, true);
    // `explain 550 --format` has no format to show: the message says which ones there are.
    if ("usage" in parsed) return parsed.usage.includes("--format") ? parseFormat("") as { usage: string } : parsed;
    const format = parseFormat(parsed.values.format);
    if (typeof format === "object") return format;
    return { kind: "explain", args: parsed.positionals, format };
  }
  for (const a of argv) {
    // Secrets on the command line end up in shell history and `ps`: refuse them outright.
    if (/^--(password|oauth-token|token)(=|$)/.test(a)) return { usage: `${a.split("=")[0]} is not accepted: secrets come from environment variables (--password-env VAR, --oauth-token-env VAR)` };
  }
  const parsed = parseWith(argv, OPTIONS, false);
  if ("usage" in parsed) return parsed;
  const v = parsed.values;
  if (v.help) return { kind: "help" };
  if (v.version) return { kind: "version" };
  const format = parseFormat(v.format);
  if (typeof format === "object") return format;
  const concurrency = v.concurrency === undefined ? DEFAULT_CONCURRENCY : parseConcurrency(String(v.concurrency));
  if (typeof concurrency === "object") return { usage: `--concurrency ${concurrency.problem}` };
  let shard: Shard | undefined;
  if (v.shard !== undefined) {
    const s = parseShard(String(v.shard));
    if ("problem" in s) return { usage: `--shard ${s.problem}` };
    shard = s;
  }
  if (v.config && v.host) return { usage: "give either --host (one target) or --config (a file of targets), not both" };
  if (v.config && v.mx) return { usage: "give either --mx (one mail domain) or --config (a file of targets), not both" };
  if (v["targets-file"] && (v.host || v.mx)) return { usage: "give either --host/--mx (one target) or --targets-file (a list of targets), not both" };
  if (!v.demo && !v.config && !v.host && !v.mx && !v["targets-file"]) return { usage: "nothing to probe: give --host HOST, --mx DOMAIN, --config FILE, --targets-file FILE or --demo (see --help)" };
  const target: RawTarget = {};
  for (const o of OPTIONS) if (o.key && v[o.name] !== undefined) target[o.key] = (o.negate ? !v[o.name] : v[o.name]) as RawValue;
  const str = (name: string) => v[name] as string | undefined;
  return { kind: "probe", target, config: str("config"), targetsFile: str("targets-file"), format, report: str("report"), writeBaseline: str("write-baseline"), demo: v.demo === true, concurrency, shard };
}
