/**
 * The full YAML parser (the `yaml` package) behind the loader's tree: every text the plain-subset
 * reader declines comes here, and so does every syntax error. Loaded only when needed.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import type { ConfigNode } from "./tree.js";

export interface YamlError {
  message: string;
  line: number;
}

export function readYaml(text: string): { root: ConfigNode | null } | { errors: YamlError[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const last = lastLine(text);
    return { errors: doc.errors.map((err) => ({ message: err.message.split("\n")[0] ?? err.message, line: Math.min(err.linePos?.[0]?.line ?? lc.linePos(err.pos[0]).line, last) })) };
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
    if (isScalar(node)) return { kind: "scalar", line, value: node.value, block: node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED" };
    return { kind: "other", line };
  };
  return { root: convert(doc.contents) };
}

/** The last line with content: a parser error "at the end" points there, not past it. */
function lastLine(text: string): number {
  return text.replace(/\s+$/, "").split("\n").length;
}
