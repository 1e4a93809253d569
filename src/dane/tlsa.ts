/**
 * TLSA records and what a DANE SMTP client makes of them (RFC 6698, RFC 7671, RFC 7672 §3).
 * Pure: certificates in, verdicts out; node:crypto parses and checks signatures.
 *
 * - Usable: DANE-TA(2) and DANE-EE(3) only (RFC 7672 §3.1.3: PKIX-TA(0) and PKIX-EE(1) are
 *   unusable for SMTP), selector Cert(0) or SPKI(1), matching Full(0), SHA2-256(1), SHA2-512(2).
 * - Digest agility (RFC 7671 §9): per usage and selector only the records of the strongest
 *   matching type published are used (SHA2-512 > SHA2-256 > Full).
 * - DANE-EE(3): the leaf's data matches; names and dates are ignored (RFC 7672 §3.1.1).
 * - DANE-TA(2): some certificate the server sent (or the record itself, for `2 0 0`/`2 1 0`)
 *   matches, the chain from the leaf up to it verifies and is within its dates, and the leaf names
 *   a reference identifier: the TLSA base domain or the MX host name (RFC 7672 §3.1.2, §3.2.3).
 */
import { X509Certificate, createHash, createPublicKey, type KeyObject } from "node:crypto";

export interface Tlsa {
  usage: number;
  selector: number;
  matchingType: number;
  /** Lower-case hex. */
  data: string;
}

export const tlsaText = (r: Tlsa): string => `${r.usage} ${r.selector} ${r.matchingType} ${r.data}`;

export function isUsable(r: Tlsa): boolean {
  return (r.usage === 2 || r.usage === 3) && (r.selector === 0 || r.selector === 1) && r.matchingType >= 0 && r.matchingType <= 2;
}

/** SHA2-512 over SHA2-256 over Full (RFC 7671 §9). */
const STRENGTH: Record<number, number> = { 2: 3, 1: 2, 0: 1 };

/** The records a client uses: usable ones, and per usage/selector only the strongest matching type. */
export function recordsInUse(records: readonly Tlsa[]): Tlsa[] {
  const usable = records.filter(isUsable);
  const best = new Map<string, number>();
  for (const r of usable) {
    const key = `${r.usage} ${r.selector}`;
    best.set(key, Math.max(best.get(key) ?? 0, STRENGTH[r.matchingType] ?? 0));
  }
  return usable.filter((r) => STRENGTH[r.matchingType] === best.get(`${r.usage} ${r.selector}`));
}

/** The bytes a selector picks: the DER certificate, or its SubjectPublicKeyInfo. */
function selected(c: X509Certificate, selector: number): Buffer {
  return selector === 0 ? c.raw : (c.publicKey.export({ type: "spki", format: "der" }) as Buffer);
}

function associated(bytes: Buffer, matchingType: number): string {
  if (matchingType === 0) return bytes.toString("hex");
  return createHash(matchingType === 1 ? "sha256" : "sha512").update(bytes).digest("hex");
}

export function matchesCertificate(r: Tlsa, c: X509Certificate): boolean {
  return associated(selected(c, r.selector), r.matchingType) === r.data.toLowerCase();
}

/** The record a key change needs published first: `3 1 1` of the certificate's key. */
export function eeRecordOf(c: X509Certificate): Tlsa {
  return { usage: 3, selector: 1, matchingType: 1, data: associated(selected(c, 1), 1) };
}

export type DaneMatch =
  | { ok: true; record: Tlsa; depth: number }
  /**
   * `anchorNotSent`: DANE-TA(2) records are in use but no certificate the server sent matches
   * them (nor does the record carry the anchor itself): RFC 7671 §5.2.2 requires the server to
   * send its trust anchor's certificate, so the likely fix is the chain the server sends.
   */
  | { ok: false; reason: string; anchorNotSent?: boolean };

export interface DaneVerifyInput {
  /** Leaf first, as the server sent them. */
  chain: readonly X509Certificate[];
  records: readonly Tlsa[];
  /** The reference identifiers a DANE-TA(2) match needs one of (RFC 7672 §3.2.3). */
  names: readonly string[];
  now?: Date;
}

/** The first record in use that authenticates the chain, or why none does. */
export function verifyDane(i: DaneVerifyInput): DaneMatch {
  const leaf = i.chain[0];
  if (!leaf) return { ok: false, reason: "the server sent no certificate" };
  const inUse = recordsInUse(i.records);
  for (const r of inUse.filter((x) => x.usage === 3)) {
    if (matchesCertificate(r, leaf)) return { ok: true, record: r, depth: 0 };
  }
  const reasons: string[] = [];
  for (const r of inUse.filter((x) => x.usage === 2)) {
    const anchor = anchorFor(r, i.chain);
    if (!anchor) continue;
    const problem = chainProblem(i.chain, anchor, i.now ?? new Date());
    if (problem) {
      reasons.push(`the chain to the ${tlsaText(r).slice(0, 6)} anchor ${problem}`);
      continue;
    }
    if (!i.names.some((n) => leaf.checkHost(n) !== undefined)) {
      reasons.push(`the certificate names none of ${i.names.join(", ")} (a DANE-TA(2) match checks the name)`);
      continue;
    }
    return { ok: true, record: r, depth: anchor.depth };
  }
  if (reasons.length) return { ok: false, reason: reasons.join("; ") };
  const ta = inUse.filter((x) => x.usage === 2);
  if (ta.length) {
    const ee = inUse.some((x) => x.usage === 3) ? "no DANE-EE(3) record matches the server's key, and " : "";
    const sent = i.chain.length === 1 ? "its own certificate alone, not" : `${i.chain.length} certificates, none of them`;
    return { ok: false, anchorNotSent: true, reason: `${ee}the server sent ${sent} the trust anchor its DANE-TA(2) record names (${ta.map((r) => tlsaText(r).slice(0, 5)).join(", ")}), which RFC 7671 §5.2.2 requires it to send` };
  }
  return { ok: false, reason: "no TLSA record in use matches the certificate chain" };
}

/**
 * Published records a DANE sender does not use that match the chain: a PKIX-TA(0)/PKIX-EE(1)
 * record of the server's key or CA (RFC 7672 §3.1.3: not for SMTP), or a usable record hidden by
 * a stronger digest of the same usage and selector (RFC 7671 §9). Evidence for why nothing matched.
 */
export function unusedMatches(records: readonly Tlsa[], chain: readonly X509Certificate[]): Tlsa[] {
  const inUse = new Set(recordsInUse(records));
  return records.filter((r) => !inUse.has(r) && (r.selector === 0 || r.selector === 1) && r.matchingType >= 0 && r.matchingType <= 2 && chain.some((c) => matchesCertificate(r, c)));
}

interface Anchor {
  /** Position in the chain; chain.length when the anchor came from the record only. */
  depth: number;
  key: KeyObject;
  cert: X509Certificate | null;
}

/** A sent certificate that matches the record, or for Full(0) the certificate or key in the record itself. */
function anchorFor(r: Tlsa, chain: readonly X509Certificate[]): Anchor | null {
  for (let d = 0; d < chain.length; d++) {
    const c = chain[d] as X509Certificate;
    if (matchesCertificate(r, c)) return { depth: d, key: c.publicKey, cert: c };
  }
  if (r.matchingType !== 0) return null;
  try {
    const der = Buffer.from(r.data, "hex");
    if (r.selector === 0) {
      const cert = new X509Certificate(der);
      return { depth: chain.length, key: cert.publicKey, cert };
    }
    return { depth: chain.length, key: createPublicKey({ key: der, format: "der", type: "spki" }), cert: null };
  } catch {
    return null;
  }
}

/** Null when each certificate up to the anchor is signed by the next and within its dates. */
function chainProblem(chain: readonly X509Certificate[], anchor: Anchor, now: Date): string | null {
  const upTo = chain.slice(0, Math.min(anchor.depth, chain.length - 1) + 1);
  for (let d = 0; d < upTo.length; d++) {
    const c = upTo[d] as X509Certificate;
    if (now < new Date(c.validFrom) || now > new Date(c.validTo)) return `has a certificate outside its dates (${c.subject.replace(/\n/g, ", ")})`;
    if (d === anchor.depth) return null; // the anchor itself: trusted by the record
    // The next certificate sent, or past the end of the chain the anchor from the record.
    const issuerKey = d + 1 < chain.length ? (chain[d + 1] as X509Certificate).publicKey : anchor.key;
    if (!c.verify(issuerKey)) return `does not verify at depth ${d}`;
  }
  return null;
}

/** Certificates of a PEM text, in order; a problem when there are none or one does not parse. */
export function readPemChain(text: string): X509Certificate[] | { problem: string } {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (!blocks.length) return { problem: "no PEM certificate in it" };
  const out: X509Certificate[] = [];
  for (const [n, b] of blocks.entries()) {
    try {
      out.push(new X509Certificate(b));
    } catch (e) {
      return { problem: `certificate ${n + 1} does not parse (${(e as Error).message})` };
    }
  }
  return out;
}
