/**
 * A reader for the plain subset of YAML that config files are written in: block mappings with
 * identifier keys, block sequences, one-line plain or quoted scalars, one-line flow sequences of
 * scalars and `|` literal blocks, printable ASCII, spaces for indentation.
 *
 * Why: the full parser costs about 150 µs per list item while its code is cold, which a
 * 200-target fleet pays on every run. This reader returns the same tree the full parser would
 * (test/property/plain-yaml.property.test.ts holds it to that) or `undefined` for anything it
 * does not fully understand — anchors, tags, flow maps, multi-line plain scalars, escapes, tabs,
 * non-ASCII, directives, duplicate keys, every malformed text — and the caller falls back to the
 * full parser, which also owns every error message.
 */
import { MAX_NESTING, type ConfigMap, type ConfigNode, type ConfigScalar, type ConfigSeq } from "./tree.js";

interface Line {
  indent: number;
  /** The line from its first non-space character. */
  text: string;
  no: number;
}

/** The tree of `text`, or `undefined` when the text is outside the plain subset. */
export function readPlainYaml(text: string): ConfigNode | undefined {
  if (!printableAscii(text)) return undefined;
  const reader = new Reader(text.split("\n"));
  const first = reader.peek();
  if (first === undefined || first.indent !== 0) return undefined;
  reader.take();
  const root = reader.node(first);
  return root !== undefined && reader.peek() === undefined ? root : undefined;
}

function printableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a) || c > 0x7e) return false;
  }
  return true;
}

class Reader {
  private i = 0;
  /** Collections open around the current line: past MAX_NESTING the text declines (the full parser names the line). */
  private depth = 0;
  constructor(private readonly lines: string[]) {}

  /** The next line with content, skipping blank and comment-only lines; not consumed. */
  peek(): Line | undefined {
    for (; this.i < this.lines.length; this.i++) {
      const raw = this.lines[this.i] as string;
      const indent = spacesAt(raw, 0);
      if (indent < raw.length && raw.charCodeAt(indent) !== 0x23 /* # */) return { indent, text: raw.slice(indent), no: this.i + 1 };
    }
    return undefined;
  }

  take(): void {
    this.i++;
  }

  /** A block node whose first line (already taken) is `first`. */
  node(first: Line): ConfigNode | undefined {
    return isSeqEntry(first.text) ? this.seq(first.indent, first) : this.map(first.indent, first);
  }

  private map(indent: number, first: Line): ConfigMap | undefined {
    if (this.depth >= MAX_NESTING) return undefined;
    this.depth++;
    const map = this.mapAt(indent, first);
    this.depth--;
    return map;
  }

  private mapAt(indent: number, first: Line): ConfigMap | undefined {
    const pairs: ConfigMap["pairs"] = [];
    const seen = new Set<string>();
    for (let line = first; ;) {
      const key = splitKey(line.text);
      if (key === undefined || seen.has(key.name)) return undefined;
      seen.add(key.name);
      const value = this.value(indent, key.rest, line.no);
      if (value === undefined) return undefined;
      pairs.push({ key: key.name, line: line.no, value });
      const next = this.peek();
      if (next === undefined || next.indent < indent) break;
      if (next.indent > indent) return undefined;
      this.take();
      line = next;
    }
    return { kind: "map", line: first.no, pairs };
  }

  private seq(indent: number, first: Line): ConfigSeq | undefined {
    if (this.depth >= MAX_NESTING) return undefined;
    this.depth++;
    const seq = this.seqAt(indent, first);
    this.depth--;
    return seq;
  }

  private seqAt(indent: number, first: Line): ConfigSeq | undefined {
    const items: ConfigNode[] = [];
    for (let line = first; ;) {
      const item = this.seqItem(indent, line);
      if (item === undefined) return undefined;
      items.push(item);
      const next = this.peek();
      if (next === undefined || next.indent < indent) break;
      if (next.indent > indent) return undefined;
      if (!isSeqEntry(next.text)) break; // the next key of a mapping at this indent
      this.take();
      line = next;
    }
    return { kind: "seq", line: first.no, items };
  }

  private seqItem(indent: number, line: Line): ConfigNode | undefined {
    const gap = 1 + spacesAt(line.text, 1);
    const rest = line.text.slice(gap);
    if (rest === "" || rest.startsWith("#")) return this.nested(indent, false);
    if (isSeqEntry(rest)) return undefined;
    // `- key: value` opens a mapping whose indent is the column of its first key.
    if (splitKey(rest) !== undefined) return this.map(indent + gap, { indent: indent + gap, text: rest, no: line.no });
    return this.inline(indent, rest, line.no);
  }

  /** The value after `key:`, where `rest` is what follows the colon. */
  private value(indent: number, rest: string, no: number): ConfigNode | undefined {
    if (rest === "" || rest.startsWith("#")) return this.nested(indent, true);
    if (rest === "|") return this.literal(indent, no);
    return this.inline(indent, rest, no);
  }

  /** The block on the lines below; a mapping's value may be a sequence at the key's own indent. */
  private nested(indent: number, inMap: boolean): ConfigNode | undefined {
    const next = this.peek();
    if (next === undefined || next.indent < indent) return undefined; // an empty value: null
    if (next.indent === indent && !(inMap && isSeqEntry(next.text))) return undefined;
    this.take();
    return next.indent === indent ? this.seq(indent, next) : this.node(next);
  }

  private inline(indent: number, text: string, no: number): ConfigNode | undefined {
    const node = !text.startsWith("[") ? scalarAt(text, no) : this.depth < MAX_NESTING ? flowSeq(text, no) : undefined;
    const next = this.peek();
    // A deeper line after a one-line value continues it (or is an error): not plain.
    return next !== undefined && next.indent > indent ? undefined : node;
  }

  /** A `|` block with clip chomping: the lines indented deeper than the key, one final newline. */
  private literal(indent: number, no: number): ConfigScalar | undefined {
    const content: string[] = [];
    let blockIndent = -1;
    for (; this.i < this.lines.length; this.i++) {
      const raw = this.lines[this.i] as string;
      if (raw === "") {
        content.push("");
        continue;
      }
      const spaces = spacesAt(raw, 0);
      if (spaces === raw.length) return undefined; // a line of spaces only: its meaning depends on the indent
      if (blockIndent < 0) {
        if (spaces <= indent) break;
        blockIndent = spaces;
      }
      if (spaces < blockIndent) break;
      content.push(raw.slice(blockIndent));
    }
    if (blockIndent < 0) return undefined;
    while (content[content.length - 1] === "") content.pop();
    return { kind: "scalar", line: no, value: `${content.join("\n")}\n`, block: true };
  }
}

function spacesAt(s: string, from: number): number {
  let i = from;
  while (s.charCodeAt(i) === 0x20) i++;
  return i - from;
}

function isSeqEntry(text: string): boolean {
  return text === "-" || text.startsWith("- ");
}

/**
 * Plain scalars YAML 1.2's core schema reads as booleans, and as null (a config key that is one
 * of these declines). Sets and char codes rather than regular expressions here and below: this
 * runs once per process, cold, and V8 compiles each regular expression on its first use.
 */
const BOOLEAN = new Map([["true", true], ["True", true], ["TRUE", true], ["false", false], ["False", false], ["FALSE", false]]);
const NULL = new Set(["~", "null", "Null", "NULL"]);
/** The full parser refuses implicit keys over 1024 characters; config keys are short. */
const MAX_KEY = 64;

/** `name: rest` with an identifier key (not one YAML reads as a boolean or null). */
function splitKey(text: string): { name: string; rest: string } | undefined {
  let j = 0;
  for (; j < text.length && j <= MAX_KEY; j++) {
    const c = text.charCodeAt(j);
    const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
    if (!(letter || (j > 0 && ((c >= 0x30 && c <= 0x39) || c === 0x2d)))) break;
  }
  if (j === 0 || j > MAX_KEY || text.charCodeAt(j) !== 0x3a /* : */) return undefined;
  if (j + 1 < text.length && text.charCodeAt(j + 1) !== 0x20) return undefined;
  const name = text.slice(0, j);
  if (BOOLEAN.has(name) || NULL.has(name)) return undefined;
  return { name, rest: text.slice(j + 1 + spacesAt(text, j + 1)) };
}

/** What may follow a one-line value: nothing, or spaces and a comment. */
const TRAILER = /^(?: +(?:#.*)?)?$/;
/** First characters with a meaning of their own in YAML (quotes are read; the rest decline). */
const INDICATORS = "-?:,[]{}#&*!|>%@`";
const startsWithIndicator = (text: string): boolean => INDICATORS.includes(text.charAt(0));

/** A one-line scalar value: single- or double-quoted (no escapes) or plain. */
function scalarAt(text: string, no: number): ConfigScalar | undefined {
  let value: unknown;
  if (text.startsWith('"')) {
    const end = text.indexOf('"', 1);
    if (end < 0 || !TRAILER.test(text.slice(end + 1))) return undefined;
    const inner = text.slice(1, end);
    if (inner.includes("\\")) return undefined;
    value = inner;
  } else if (text.startsWith("'")) {
    let end = 1;
    let s = "";
    for (;;) {
      const q = text.indexOf("'", end);
      if (q < 0) return undefined;
      s += text.slice(end, q);
      if (text.charCodeAt(q + 1) !== 0x27) {
        end = q + 1;
        break;
      }
      s += "'";
      end = q + 2;
    }
    if (!TRAILER.test(text.slice(end))) return undefined;
    value = s;
  } else {
    if (startsWithIndicator(text)) return undefined;
    const hash = text.indexOf(" #");
    const plain = (hash < 0 ? text : text.slice(0, hash)).trimEnd();
    if (plain.includes(": ") || plain.endsWith(":")) return undefined;
    value = resolvePlain(plain);
    if (value === undefined) return undefined;
  }
  return { kind: "scalar", line: no, value, block: false };
}

/** `[a, "b", 'c']` on one line, of scalars only. */
function flowSeq(text: string, no: number): ConfigSeq | undefined {
  const close = text.indexOf("]");
  if (close < 0 || !TRAILER.test(text.slice(close + 1))) return undefined;
  const inner = text.slice(1, close);
  if (/[[{}#:]/.test(inner)) return undefined;
  if (inner.trim() === "") return { kind: "seq", line: no, items: [] };
  const items: ConfigNode[] = [];
  for (const part of inner.split(",")) {
    const item = part.trim();
    let value: unknown;
    if (/^"[^"\\]*"$/.test(item) || /^'[^']*'$/.test(item)) value = item.slice(1, -1);
    else if (item === "" || startsWithIndicator(item) || /["']/.test(item)) return undefined;
    else value = resolvePlain(item);
    if (value === undefined) return undefined;
    items.push({ kind: "scalar", line: no, value, block: false });
  }
  return { kind: "seq", line: no, items };
}

/** The core schema's number forms, as the full parser writes them. */
const NUMBER = [
  /^[-+]?[0-9]+$/,
  /^0o[0-7]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
];

/** 0, or 1 to 15 digits without a leading zero: a whole number a double holds exactly. */
function isSmallInt(s: string): boolean {
  if (s.length === 0 || s.length > 15 || (s.charCodeAt(0) === 0x30 && s.length > 1)) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * YAML 1.2 core schema (the full parser's default): booleans and small decimal integers are
 * resolved here; null and every other number form (signs, leading zeros, 0o, 0x, floats, .inf,
 * .nan) decline, so their exact values stay the full parser's business.
 */
function resolvePlain(s: string): string | number | boolean | undefined {
  const bool = BOOLEAN.get(s);
  if (bool !== undefined) return bool;
  if (isSmallInt(s)) return Number(s);
  if (NULL.has(s)) return undefined;
  // Every number form YAML knows starts with a digit, a sign or a dot.
  const c = s.charCodeAt(0);
  const numberish = (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
  return numberish && NUMBER.some((re) => re.test(s)) ? undefined : s;
}
