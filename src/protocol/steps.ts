/**
 * Custom step lines (contract §1): `COMMAND [=> EXPECT]`, one per line, with placeholders
 * `{helo}`, `{from}`, `{to}`. Pure: the same text always gives the same steps.
 */
import { describeControl, describeForbidden, hasForbiddenChars, verbOf } from "./command.js";
import { formatExpectation, parseExpectation, type Expectation } from "./expect.js";

export interface StepSpec {
  /** The command template, placeholders not yet filled. */
  line: string;
  /** From `=> EXPECT`, or null for the verb's default. */
  expect: Expectation | null;
}

export interface StepLineError {
  /** 1-based line within the steps text. */
  line: number;
  message: string;
}

export const PLACEHOLDERS = ["helo", "from", "to"] as const;
export type PlaceholderValues = Record<(typeof PLACEHOLDERS)[number], string>;

const ARROW = /\s=>\s*([^=]*)$/;

/**
 * A step that runs a whole SASL exchange with the configured credentials (contract §1): the
 * bare `AUTH <mechanism>`. Any other AUTH line is sent verbatim, like every other step.
 */
export const CREDENTIAL_AUTH_STEP = /^AUTH\s+(PLAIN|LOGIN|CRAM-MD5|XOAUTH2)$/i;

/** Verbs that open a session: custom steps starting with one replace the production opening. */
const OPENING_VERBS = ["EHLO", "HELO", "STARTTLS"];

/** True when the steps open the session themselves and so run exactly as written (contract §1). */
export function opensSession(steps: readonly StepSpec[]): boolean {
  const first = steps[0];
  return first !== undefined && OPENING_VERBS.includes(verbOf(first.line));
}

export function parseStepLine(text: string): StepSpec | { error: string } {
  if (hasForbiddenChars(text)) return { error: `contains ${describeForbidden(text)}, which would inject a second command` };
  const control = describeControl(text);
  if (control) return { error: `contains ${control}; a step is printable text` };
  let line = text.trim();
  let expect: Expectation | null = null;
  const m = ARROW.exec(line);
  if (m) {
    const parsed = parseExpectation(m[1] ?? "");
    if ("error" in parsed) return { error: `expectation ${parsed.error}` };
    expect = parsed;
    line = line.slice(0, m.index).trim();
  } else if (/^=>/.test(line)) {
    return { error: "has an expectation but no command" };
  }
  if (!line) return { error: "is empty" };
  const unknown = [...line.matchAll(/\{([a-z][a-z0-9-]*)\}/g)].map((x) => x[1] as string).filter((n) => !(PLACEHOLDERS as readonly string[]).includes(n));
  if (unknown.length) return { error: `uses unknown placeholder {${unknown[0]}} (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")})` };
  return { line, expect };
}

/** The inverse of parseStepLine: `parseStepLine(formatStepLine(s))` gives `s` back. */
export function formatStepLine(s: StepSpec): string {
  return s.expect ? `${s.line} => ${formatExpectation(s.expect)}` : s.line;
}

/** Parses a multi-line steps text. Blank lines and lines starting with `#` are skipped. */
export function parseSteps(text: string): StepSpec[] | { errors: StepLineError[] } {
  const steps: StepSpec[] = [];
  const errors: StepLineError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const t = raw.trim();
    if (!t || t.startsWith("#")) return;
    const r = parseStepLine(t);
    if ("error" in r) errors.push({ line: i + 1, message: `step "${t}" ${r.error}` });
    else steps.push(r);
  });
  return errors.length ? { errors } : steps;
}

export function fillPlaceholders(line: string, values: PlaceholderValues): string {
  if (!line.includes("{")) return line;
  return line.replace(/\{(helo|from|to)\}/g, (_, name: keyof PlaceholderValues) => values[name]);
}
