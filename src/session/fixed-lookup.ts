/**
 * A `lookup` for net.connect that answers with addresses already looked up (engine/expand.ts
 * resolveHost, through the run's resolver), so that the connection never asks the system's
 * resolver and node's Happy Eyeballs (RFC 8305, autoSelectFamily) still tries them in turn.
 */
import type { LookupFunction } from "node:net";
import { ipFamily } from "../protocol/address.js";

export function fixedLookup(addresses: readonly string[]): LookupFunction {
  const all = addresses.map((address) => ({ address, family: ipFamily(address) }));
  return (_host, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
    const list = wanted.length ? wanted : all;
    if (options.all) (callback as (e: null, a: typeof all) => void)(null, list);
    else callback(null, (list[0] as (typeof all)[number]).address, (list[0] as (typeof all)[number]).family);
  };
}
