/** Small numeric helpers and the table printer for the bench. */

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  // Nearest rank: p90 of 20 runs is the 18th smallest.
  const rank = Math.min(s.length, Math.max(1, Math.ceil(q * s.length)));
  return s[rank - 1] as number;
}

export const median = (v: readonly number[]): number => {
  if (v.length === 0) return NaN;
  const s = [...v].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

export const ms = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : "—");
export const mib = (kib: number): string => (Number.isFinite(kib) ? `${(kib / 1024).toFixed(1)} MiB` : "—");

export interface Row {
  measure: string;
  value: string;
  target?: string;
  met?: boolean | null;
}

/** A plain Markdown table: readable in a terminal and pasteable into the README. */
export function table(title: string, rows: readonly Row[]): string {
  const cells = rows.map((r) => [r.measure, r.value, r.target ?? "", r.met === undefined || r.met === null ? "" : r.met ? "met" : "MISSED"]);
  const head = ["measure", "value", "target", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: readonly string[]) => `| ${c.map((x, i) => x.padEnd(widths[i] as number)).join(" | ")} |`;
  return [`### ${title}`, "", line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.map(line), ""].join("\n");
}
