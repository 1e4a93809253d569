/** The policy keys of a target, validated. */
import { checkHost } from "../protocol/address.js";
import {
  DEFAULT_POLICY, DEFAULT_RELAY_DOMAIN, TLS_VERSIONS, parseExtensionExpectation,
  type BaselineFacts, type ExtensionExpectation, type TransportBaseline, type Policy, type TlsVersion,
} from "./policy.js";
import type { ResolveIo } from "./local-io.js";
import { FILE_LIMITS } from "./read-file.js";
import { parseDecimal, type Problem, type ValueReaders } from "./values.js";

interface PolicyContext extends Pick<ValueReaders, "str" | "list" | "bool" | "oneOf">, Pick<ResolveIo, "readFile"> {
  problem: Problem;
  baseDir?: string;
}

export function resolvePolicy(raw: Record<string, unknown>, c: PolicyContext): Policy {
  const ms = (key: "max-step-ms" | "max-total-ms"): number | null => {
    const s = c.str(key);
    if (s === undefined) return null;
    const n = parseDecimal(s, true);
    if (!Number.isInteger(n) || n <= 0) {
      c.problem(key, `must be a whole number of milliseconds above 0, not "${s}"`);
      return null;
    }
    return n;
  };
  const expectExtensions: ExtensionExpectation[] = [];
  for (const item of c.list("expect-extensions")) {
    const e = parseExtensionExpectation(item);
    if (e) expectExtensions.push(e);
    else c.problem("expect-extensions", `"${item}" is not an extension keyword, or KEYWORD>=NUMBER like SIZE>=10485760`);
  }
  let certMinDays = DEFAULT_POLICY.certMinDays;
  const days = c.str("cert-min-days");
  if (days !== undefined) {
    const n = parseDecimal(days, true);
    if (!Number.isInteger(n) || n < 0 || n > 3650) c.problem("cert-min-days", `must be a whole number of days from 0 to 3650, not "${days}"`);
    else certMinDays = n;
  }
  // `open-relay: true` tests the default foreign domain; any other value names the domain.
  let openRelay: string | null = null;
  const relay = c.str("open-relay");
  if (relay !== undefined && !/^(false|no|off|0)$/i.test(relay)) {
    openRelay = /^(true|yes|on|1)$/i.test(relay) ? DEFAULT_RELAY_DOMAIN : relay;
    if (checkHost(openRelay)) {
      c.problem("open-relay", `must be true, false, or a domain to try relaying to, not "${relay}"`);
      openRelay = null;
    }
  }
  return {
    requireTls: c.bool("require-tls"),
    minTls: c.oneOf<TlsVersion>("min-tls", TLS_VERSIONS, DEFAULT_POLICY.minTls),
    certMinDays,
    maxStepMs: ms("max-step-ms"),
    maxTotalMs: ms("max-total-ms"),
    expectExtensions,
    authRequiresTls: c.bool("auth-requires-tls"),
    openRelay,
    vrfyDisabled: c.bool("vrfy-disabled"),
    baseline: readBaseline(c, raw.baseline),
  };
}

function readBaseline(c: PolicyContext, value: unknown): Policy["baseline"] {
  const path = c.str("baseline");
  if (path === undefined || value === undefined) return null;
  const file = c.baseDir && !path.startsWith("/") ? `${c.baseDir}/${path}` : path;
  const text = c.readFile(file, FILE_LIMITS.baseline, "a baseline");
  if (typeof text !== "string") {
    c.problem("baseline", text.problem);
    return null;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    c.problem("baseline", `cannot read "${path}" as a baseline: ${(e as Error).message}`);
    return null;
  }
  const b = parsed as { schema?: unknown; targets?: Record<string, BaselineFacts>; transport?: unknown };
  if (b.schema !== "smtp-gate/baseline@1" || typeof b.targets !== "object" || b.targets === null) {
    c.problem("baseline", `"${path}" is not a smtp-gate baseline (write one with --write-baseline)`);
    return null;
  }
  // Every entry: an `mx` target is looked up per address once expanded (diagnose/baseline.ts).
  return { file: path, targets: b.targets, transport: readTransportBaseline(b.transport) };
}

/** The `transport` section, each value checked by type: the file is data, anything else reads as absent. */
function readTransportBaseline(v: unknown): TransportBaseline | null {
  const obj = (x: unknown): Record<string, unknown> | null => (x !== null && typeof x === "object" && !Array.isArray(x) ? (x as Record<string, unknown>) : null);
  const strOrNull = (x: unknown) => (typeof x === "string" ? x : null);
  const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : []);
  const b = obj(v);
  if (!b) return null;
  const domains: TransportBaseline["domains"] = {};
  for (const [name, d] of Object.entries(obj(b.domains) ?? {})) {
    const o = obj(d);
    if (o) domains[name] = { policyId: strOrNull(o.policyId), bodySha256: strOrNull(o.bodySha256), mx: strings(o.mx), maxAge: typeof o.maxAge === "number" ? o.maxAge : null };
  }
  const certificates: TransportBaseline["certificates"] = {};
  for (const [name, c] of Object.entries(obj(b.certificates) ?? {})) certificates[name] = strings(c);
  return { domains, certificates };
}
