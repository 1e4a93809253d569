/** Reply classes by first digit (RFC 5321 §4.2.1). */
import type { ReplyClass } from "../model/enums.js";

export type { ReplyClass } from "../model/enums.js";

export function classify(code: number): ReplyClass {
  const first = Math.floor(code / 100);
  if (first === 2) return "success";
  if (first === 3) return "intermediate";
  if (first === 4) return "transient";
  return "permanent";
}
