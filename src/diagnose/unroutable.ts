/**
 * A host name that resolves to a usable address and also to one that can never be a remote MTA
 * (engine/address-scope.ts): the probe went to the usable one, but a sender that picks the other
 * fails. A warning that names it; a name with no usable address at all is a failed target of its
 * own (error kind dns, the same finding id, from the error-kind table).
 */
import { ERROR_IN_PHASE } from "../knowledge/error-kinds.js";
import { forTarget } from "./evidence.js";
import { finding, type Rule } from "./rule.js";

const ADVICE = ERROR_IN_PHASE.find((a) => a.id === "unroutable-address");

export const unroutableAddresses: Rule = (p) => {
  if (!p.unroutable?.length || !ADVICE) return [];
  const listed = p.unroutable.map((u) => `${u.address} (${u.why})`).join("; ");
  return [finding("unroutable-address", "warning", null,
    `${p.host} also resolves to ${listed}: it can never be a remote MTA, so smtp-gate did not connect to it${p.address ? ` and probed ${p.address}` : ""}. A sender that picks that address cannot deliver.`,
    ADVICE.causes, ADVICE.fixes.map((f) => forTarget(f, p)))];
};
