/**
 * A config file as the loader sees it: plain values and the line each node starts on, read by the
 * `yaml` package. The loader (file.ts) imports this module lazily, so a run without a config file
 * never loads the parser.
 */
import { Composer, Lexer, LineCounter, Parser, YAMLParseError, isMap, isPair, isScalar, isSeq, type CST, type Document } from "yaml";
import type { ConfigProblem } from "./errors.js";

/**
 * How deep a config file may nest: its own shape needs four levels (targets, a target, a list
 * value); past this a text is an attack or an accident. The parser refuses it with its line
 * before the nesting costs time or the call stack.
 */
export const MAX_NESTING = 64;

export type ConfigNode = ConfigMap | ConfigSeq | ConfigScalar | ConfigOther;

export interface ConfigMap {
  kind: "map";
  line: number | undefined;
  pairs: ConfigPair[];
}

export interface ConfigPair {
  key: string;
  line: number | undefined;
  value: ConfigNode | null;
}

export interface ConfigSeq {
  kind: "seq";
  line: number | undefined;
  items: (ConfigNode | null)[];
}

export interface ConfigScalar {
  kind: "scalar";
  line: number | undefined;
  value: unknown;
  /** A `|` or `>` block: its content starts on the line after `line`. */
  block: boolean;
}

/** An alias or anything else no config key accepts. */
export interface ConfigOther {
  kind: "other";
  line: number | undefined;
}

/** A number written any other way (0x10, 1e3, .inf) stays the text it was: numbers are decimal. */
const DECIMAL = /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;

/** The file's tree, or its syntax problems (each with file and line, under the field `yaml`). */
export function parseYaml(text: string, file: string): { root: ConfigNode | null } | { problems: ConfigProblem[] } {
  const lc = new LineCounter();
  const parsed = parseGuarded(text, lc);
  if ("tooDeep" in parsed) return { problems: [{ field: "yaml", message: `nested more than ${MAX_NESTING} levels deep; a config file needs a few`, file, line: lc.linePos(parsed.tooDeep).line }] };
  const doc = parsed.doc;
  if (doc.errors.length) {
    const last = lastLine(text);
    return { problems: doc.errors.map((err) => ({ field: "yaml", file, message: err.message.split("\n")[0] ?? err.message, line: Math.min(err.linePos?.[0]?.line ?? lc.linePos(err.pos[0]).line, last) })) };
  }
  const lineOf = (n: unknown): number | undefined => {
    const range = (n as { range?: [number, number, number] | null } | null)?.range;
    return range ? lc.linePos(range[0]).line : undefined;
  };
  const convert = (node: unknown): ConfigNode | null => {
    if (node === null || node === undefined) return null;
    const line = lineOf(node);
    if (isMap(node)) {
      const pairs = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        pairs.push({ key: isScalar(pair.key) ? String(pair.key.value) : String(pair.key), line: lineOf(pair.key), value: convert(pair.value) });
      }
      return { kind: "map", line, pairs };
    }
    if (isSeq(node)) return { kind: "seq", line, items: node.items.map(convert) };
    if (isScalar(node)) {
      const value = typeof node.value === "number" && node.source !== undefined && !DECIMAL.test(node.source) ? node.source : node.value;
      return { kind: "scalar", line, value, block: node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED" };
    }
    return { kind: "other", line };
  };
  return { root: convert(doc.contents) };
}

/**
 * What `parseDocument` does, with the nesting depth watched on the parser's stack as it goes: a
 * text of 2,000 nested `[` would otherwise cost seconds in the parser and then overflow the call
 * stack in the composer. Past MAX_NESTING, the offset where it happened.
 */
function parseGuarded(text: string, lc: LineCounter): { doc: Document.Parsed } | { tooDeep: number } {
  const parser = new Parser(lc.addNewLine);
  let tooDeep: number | null = null;
  function* tokens(): Generator<CST.Token> {
    lc.addNewLine(0);
    for (const lexeme of new Lexer().lex(text)) {
      yield* parser.next(lexeme);
      // The stack also holds the document and a scalar being read: count collections only when it could matter.
      if (parser.stack.length > MAX_NESTING && parser.stack.filter(isCollection).length > MAX_NESTING) {
        tooDeep = parser.offset;
        return;
      }
    }
    yield* parser.end();
  }
  let doc: Document.Parsed | null = null;
  for (const d of new Composer({ uniqueKeys: true }).compose(tokens(), true, text.length)) {
    if (doc) {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents; a config file is one document"));
      break;
    }
    doc = d;
  }
  return tooDeep !== null ? { tooDeep } : { doc: doc as Document.Parsed };
}

function isCollection(t: CST.Token): boolean {
  return t.type === "block-map" || t.type === "block-seq" || t.type === "flow-collection";
}

/** The last line with content: a parser error "at the end" points there, not past it. */
function lastLine(text: string): number {
  return text.replace(/\s+$/, "").split("\n").length;
}
