/**
 * DANE findings (contract §9, RFC 7672): per MX address what a DANE sender does, and why; the
 * rollover readiness of the TLSA set; a candidate certificate against what the DNS publishes. Ids
 * start with `dane-`; they are about the domain's publication, so they name no step and no cause.
 */
import type { X509Certificate } from "node:crypto";
import { eeRecordOf, recordsInUse, tlsaText, unusedMatches, verifyDane, type Tlsa } from "../dane/tlsa.js";
import { chainSettings } from "../knowledge/certificates.js";
import { SERVER_FAMILIES, type ServerFamily } from "../knowledge/servers.js";
import { isOneOf } from "../model/enums.js";
import { mxMatches } from "../domain/mta-sts.js";
import type { AddressDaneCheck } from "../engine/dane.js";
import type { AddressDane, DomainResult, Finding, TargetResult } from "../model/report.js";
import { safe } from "./mta-sts.js";
import { finding } from "./rule.js";

const RFC = "RFC 7672";

/** A sender's verdict and the findings for one address. `where` is `host [address]`. */
export function judgeDane(c: AddressDaneCheck, r: TargetResult, where: string): { dane: AddressDane; findings: Finding[] } {
  const reached = r.tls !== null || !(r.error && (r.error.kind === "connect" || r.error.kind === "dns" || r.error.kind === "timeout"));
  const out: Finding[] = [];
  const d = c.dns;
  const tlsa = d.kind === "secure" ? d.records.map(tlsaText).sort() : [];
  const dane: AddressDane = { secure: d.kind === "secure" || (d.kind === "insecure" && d.addressesSecure), tlsa, matched: null, sender: reached ? "deliver" : null };
  if (c.resolverValidates === false) {
    out.push(finding("dane-resolver-not-validating", "warning", null,
      `The resolver answered a signed zone without the AD bit: it does not validate DNSSEC, so DANE cannot be judged for ${where} (every answer looks unsigned).`,
      ["The resolver is a forwarder or an authoritative server, or validation is off."],
      ["Point `resolver` at a validating resolver (unbound, BIND with dnssec-validation auto, or a local one), reached over a trusted path (docs/dane.md)."]));
    dane.sender = null;
    return { dane, findings: out.map(safe) };
  }
  if (d.kind === "bogus") {
    out.push(finding("dane-dns-bogus", "error", null,
      `The DNSSEC lookup of ${d.what} failed (${d.rcode}): a DANE sender treats ${c.host} as unusable and delivers no mail to it (${RFC} §2.1.1, §2.2), not even without TLS.`,
      ["A signature is broken or expired (a zone re-signed with a wrong key, an altered record, a stale DS at the parent), or the zone's servers fail."],
      [`Check the zone with a DNSSEC debugger (delv, dnsviz): delv ${d.what.split(" ")[0]}; re-sign it or fix the DS at the parent.`]));
    dane.sender = "refuse";
    return { dane, findings: out.map(safe) };
  }
  if (d.kind === "insecure") {
    if (d.tlsaIgnored.length) {
      // Where the records are, and which answer was unsigned: with a CNAME, the target's zone.
      const at = d.tlsaAt ? ` at ${d.tlsaAt}` : "";
      const unsigned = d.alias ? `the address records of ${c.host} (an alias of ${d.alias}, whose zone is not signed) are not secure (no AD)` : "its DNS is not signed (no AD)";
      out.push(finding("dane-tlsa-insecure", "notice", null,
        `${c.host} has TLSA records${at} (${d.tlsaIgnored.map(tlsaText).join("; ")}), but ${unsigned}: senders ignore them (${RFC} §2.2) and deliver without DANE.`,
        [], [d.alias ? `Sign the zone of ${d.alias} and publish its DS at the parent, or publish TLSA records at _25._tcp.${c.host} in the signed zone of the alias (${RFC} §2.2.3), or remove the records.` : "Sign the zone and publish its DS at the parent, or remove the records."]));
    }
    return { dane, findings: out.map(safe) };
  }
  if (!d.records.length) {
    if (d.elsewhere?.length) {
      const where = d.elsewhere.map((e) => `${e.name} (${e.records.map(tlsaText).join("; ")})`).join(", ");
      const sample = d.elsewhere[0]?.records[0];
      out.push(finding("dane-tlsa-wrong-name", "warning", null,
        `${c.host} has no TLSA records at _25._tcp.${d.base}, the only name a DANE sender reads for MX delivery (port 25: ${RFC} §2.2.3, RFC 6698 §3), but has signed ones at ${where}: senders deliver to it without DANE.`,
        [d.elsewhere.every((e) => e.name.startsWith("_25._tcp.")) ? "The records were published at the mail domain, not at its MX host." : "The records were published for the submission ports (465, 587) or another port, not for port 25, where MX delivery goes."],
        [`Publish the records at _25._tcp.${d.base} too${sample ? ` (e.g. _25._tcp.${d.base}. IN TLSA ${tlsaText(sample)}, if port 25 serves the same key)` : ""}; keep the others if those ports use them.`]));
    }
    return { dane, findings: out.map(safe) };
  }
  const inUse = recordsInUse(d.records);
  // Not offered in EHLO; or, when the EHLO was not seen, no TLS reached by any handshake.
  const noTls = c.starttls === false || (c.starttls === null && reached && r.tls === null && c.match === null);
  if (!inUse.length) {
    out.push(finding("dane-unusable-only", "warning", null,
      `None of the TLSA records of ${c.host} is usable for SMTP (${tlsa.join("; ")}): only DANE-TA(2) and DANE-EE(3), selector 0/1, matching 0/1/2 are. A DANE sender then requires TLS but does not authenticate the server (${RFC} §2.2).`,
      ["PKIX-TA(0) or PKIX-EE(1) records (meant for the web), or an unknown selector or matching type."],
      ["Publish `3 1 1` of the server's key (and `2 1 1` of its issuing CA as a rollover anchor)."]));
    if (noTls) out.push(noStarttls(c.host, where));
    dane.sender = !reached ? null : noTls ? "refuse" : "deliver";
    return { dane, findings: out.map(safe) };
  }
  out.push(...rollover(c.host, inUse));
  if (c.mxSecure === false) {
    out.push(finding("dane-mx-insecure", "notice", null,
      `The MX RRset that names ${c.host} is not signed (no AD), though ${c.host} publishes TLSA records: senders that apply DANE only below a signed MX (RFC 7672 §2.2.1; Postfix with smtp_tls_dane_insecure_mx_policy = may) deliver without it, and an attacker can forge the MX set.`,
      [], ["Sign the mail domain's zone and publish its DS at the parent."]));
  }
  if (c.match?.ok) {
    dane.matched = tlsaText(c.match.record);
    return { dane, findings: out.map(safe) };
  }
  if (!reached) {
    dane.sender = null; // the address did not answer: what a sender does there is not known
    return { dane, findings: out.map(safe) };
  }
  dane.sender = "refuse";
  if (noTls || c.match?.reason === "STARTTLS is not offered") out.push(noStarttls(c.host, where));
  else if (c.match) {
    const served = c.chain[0] ? tlsaText(eeRecordOf(c.chain[0])) : null;
    // The product's own chain setting, unless a box in front may be what serves the certificate.
    const family = r.server?.via ? null : r.server?.family;
    const { causes, fixes } = noMatchAdvice(c, d.base, served, isOneOf(SERVER_FAMILIES, family) ? family : null);
    // A secure alias of an unsigned target: its own records are the ones in use (§2.2.3).
    const alias = d.aliasOf ? ` (${c.host} is an alias of ${d.aliasOf}, in an unsigned zone: the alias's own records are the ones in use, ${RFC} §2.2.3)` : "";
    out.push(finding("dane-no-match", "error", null,
      `No TLSA record of ${c.host} authenticates ${where}: ${c.match.reason}. DANE senders will not deliver to it (${RFC} §3).${served ? ` The server's key: ${served}.` : ""} Published: ${tlsa.join("; ")}${alias}.`,
      causes, fixes));
  }
  return { dane, findings: out.map(safe) };
}

/**
 * Why no record matched, from the evidence: a record of the server's key that senders do not use
 * (PKIX usages, RFC 7672 §3.1.3; a weaker digest hidden by a stronger one, RFC 7671 §9); a
 * DANE-TA(2) anchor the server does not send (RFC 7671 §5.2.2); else a key change or another
 * server's records.
 */
function noMatchAdvice(c: AddressDaneCheck, base: string, served: string | null, family: ServerFamily | null): { causes: string[]; fixes: string[] } {
  const records = c.dns.kind === "secure" ? c.dns.records : [];
  const publish = served ? `_25._tcp.${base}. IN TLSA ${served}` : null;
  const unused = unusedMatches(records, c.chain);
  const pkix = unused.find((r) => r.usage === 0 || r.usage === 1);
  if (pkix) {
    return {
      causes: [`The server's ${pkix.usage === 1 ? "key" : "CA"} is published as ${tlsaText(pkix).slice(0, 5)} (${pkix.usage === 1 ? "PKIX-EE" : "PKIX-TA"}), a usage DANE SMTP senders do not use (${RFC} §3.1.3); the records they do use name other keys.`],
      fixes: [publish ? `Publish ${publish} (DANE-EE, usage 3) in place of the ${tlsaText(pkix).slice(0, 5)} record.` : `Publish the record with usage ${pkix.usage === 1 ? 3 : 2} instead of ${pkix.usage}.`],
    };
  }
  const hidden = unused.find((r) => r.usage === 2 || r.usage === 3);
  if (hidden) {
    return {
      causes: [`${tlsaText(hidden).slice(0, 5)} matches, but a stronger digest of the same usage and selector is published and does not: senders use only the strongest (RFC 7671 §9).`],
      fixes: [`Correct or remove the record with matching type ${records.filter((r) => r.usage === hidden.usage && r.selector === hidden.selector && r.matchingType !== hidden.matchingType).map((r) => r.matchingType).join(", ")} for usage ${hidden.usage}, selector ${hidden.selector}.`],
    };
  }
  if (c.match && !c.match.ok && c.match.anchorNotSent) {
    return {
      causes: [
        "The server sends its chain without the CA certificate the DANE-TA(2) record names: the certificate file stops below it (a leaf alone, or fullchain.pem when the record names the root, which fullchain.pem does not hold).",
        "The DANE-TA(2) record names a CA that did not issue this certificate.",
      ],
      fixes: [
        `Send the chain up to the CA the DANE-TA(2) record names (RFC 7671 §5.2.2), appending that CA's certificate to the server's certificate file; or publish ${publish ?? "a 3 1 1 record of the server's key"} (DANE-EE needs no chain).`,
        ...chainSettings(family),
      ],
    };
  }
  return {
    causes: ["The certificate was renewed with a new key before the TLSA records were updated, or the records name another server's key."],
    fixes: [publish ? `Publish ${publish} (or put the matching key back), then keep both records until every sender's cache has the new set.` : "Serve the certificate whose key the records name."],
  };
}

function noStarttls(host: string, where: string): Finding {
  return finding("dane-no-starttls", "error", null,
    `${where} does not offer STARTTLS, but ${host} publishes TLSA records: DANE senders require TLS and will not deliver to it (${RFC} §2.2).`,
    ["STARTTLS is turned off, or a middlebox strips it from the EHLO reply."], ["Offer STARTTLS on the MX host, or withdraw its TLSA records first."]);
}

/**
 * Rollover readiness (as internet.nl judges it): one DANE-EE(3) key and no DANE-TA(2) anchor means
 * the next key change breaks every DANE sender unless the new record is published first.
 */
function rollover(host: string, inUse: readonly Tlsa[]): Finding[] {
  const eeKeys = new Set(inUse.filter((r) => r.usage === 3).map((r) => `${r.selector} ${r.matchingType} ${r.data}`));
  if (eeKeys.size !== 1 || inUse.some((r) => r.usage === 2)) return [];
  return [finding("dane-rollover", "warning", null,
    `${host} publishes a single DANE-EE record (${tlsaText(inUse.find((r) => r.usage === 3) as Tlsa)}) and no DANE-TA(2) anchor: a certificate renewal with a new key breaks every DANE sender at once.`,
    [], ["Publish the next key's `3 1 1` beside the current one (or `2 1 1` of the issuing CA) before the renewal; check it with candidate-cert."])];
}

export interface Candidate {
  path: string;
  chain: X509Certificate[];
}

/**
 * A certificate about to be deployed on `host` (contract §9, candidate-cert): against the TLSA
 * records in use (would DANE senders still deliver?) and the MTA-STS mx patterns (does it name the
 * host?). Prints the record to publish either way.
 */
export function judgeCandidate(cand: Candidate, c: AddressDaneCheck, domain: DomainResult | null): Finding[] {
  const leaf = cand.chain[0] as X509Certificate;
  const record = tlsaText(eeRecordOf(leaf));
  const base = c.dns.kind === "secure" ? c.dns.base : c.host;
  const publish = `_25._tcp.${base}. IN TLSA ${record}`;
  const out: Finding[] = [];
  const inUse = c.dns.kind === "secure" ? recordsInUse(c.dns.records) : [];
  if (inUse.length) {
    const m = verifyDane({ chain: cand.chain, records: inUse, names: [...new Set([base, c.host])] });
    if (m.ok) out.push(finding("dane-candidate-matches", "notice", null, `The candidate certificate ${cand.path} matches the published TLSA record ${tlsaText(m.record)} of ${c.host}: DANE senders keep delivering after the deploy. Its own record: ${publish}`, [], []));
    else {
      out.push(finding("dane-candidate-mismatch", "error", null,
        `The candidate certificate ${cand.path} matches no published TLSA record of ${c.host} (${m.reason}): deploying it breaks every DANE sender. Publish first: ${publish}`,
        ["The new certificate has a new key, and the TLSA set names only the old one."],
        [`Add ${publish} beside the current records, wait at least the TLSA TTL (better two), then deploy; remove the old record after.`]));
    }
  } else {
    out.push(finding("dane-candidate-record", "notice", null, `The TLSA record of the candidate certificate ${cand.path} for ${c.host}: ${publish}`, [], []));
  }
  const sts = domain?.mtaSts;
  if (sts?.mode && sts.mode !== "none" && sts.mx.some((p) => mxMatches(p, c.host)) && leaf.checkHost(c.host) === undefined) {
    out.push(finding("dane-candidate-mta-sts-name", sts.mode === "enforce" ? "error" : "warning", null,
      `The candidate certificate ${cand.path} does not name ${c.host}, an MX host of ${domain?.domain}'s MTA-STS policy (${sts.mode}): MTA-STS senders would refuse it (RFC 8461 §4.2).`,
      [], [`Issue the certificate for ${c.host} too.`]));
  }
  return out.map(safe);
}
