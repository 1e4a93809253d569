/**
 * A parsed config file as the loader sees it: plain values and the line each node starts on.
 * Two readers produce it — the plain-subset reader (plain-yaml.ts), which is fast and declines
 * anything unusual, and the full YAML parser (yaml-tree.ts) — so the loader has one input shape.
 */
/**
 * How deep a config file may nest: its own shape needs four levels (targets, a target, a list
 * value); past this a text is an attack or an accident. The plain reader declines it, and the
 * full parser refuses it with its line before the nesting costs time or the call stack.
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
