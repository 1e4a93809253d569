/**
 * `shard: I/N` — a stable subset of the targets for one job of a GitHub Actions matrix. The
 * choice hashes the target's name, so adding a target does not reshuffle the others.
 */
export interface Shard {
  index: number; // 1-based, as people write "1/3"
  count: number;
}

export function parseShard(text: string): Shard | { problem: string } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) return { problem: `must be I/N with 1 ≤ I ≤ N (like 2/4), not "${text}"` };
  return { index, count };
}

/** FNV-1a, 32 bits: small, stable across Node versions and platforms. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, "utf8")) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function inShard(name: string, s: Shard): boolean {
  return fnv1a(name) % s.count === s.index - 1;
}
