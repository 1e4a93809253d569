/**
 * SMTP TLS Reporting (RFC 8460 §3): the `_smtp._tls.<domain>` TXT record. Exactly one record that
 * starts with `v=TLSRPTv1`, with `rua=` a comma-separated list of `mailto:` or `https:` URIs.
 */
import { checkMailbox } from "../protocol/address.js";

export type TlsRptVerdict =
  | { kind: "none" }
  | { kind: "valid"; rua: string[] }
  | { kind: "multiple"; records: string[] }
  | { kind: "invalid"; record: string; problem: string };

export function readTlsRptTxt(records: readonly (readonly string[])[]): TlsRptVerdict {
  const rpt = records.map((r) => r.join("")).filter((r) => /^v=TLSRPTv1(;|\s|$)/.test(r));
  if (rpt.length === 0) return { kind: "none" };
  if (rpt.length > 1) return { kind: "multiple", records: rpt };
  const record = rpt[0] as string;
  const rua = record.split(";").map((f) => f.trim()).find((f) => f.startsWith("rua="));
  if (!rua) return { kind: "invalid", record, problem: "it has no rua field (where reports go)" };
  const uris = rua.slice(4).split(",").map((u) => u.trim()).filter((u) => u !== "");
  if (uris.length === 0) return { kind: "invalid", record, problem: "its rua field is empty" };
  for (const uri of uris) {
    const bad = ruaProblem(uri);
    if (bad) return { kind: "invalid", record, problem: `rua "${uri}" ${bad}` };
  }
  return { kind: "valid", rua: uris };
}

/**
 * RFC 8460 §3: a `mailto:` address or an `https:` URL; nothing else receives reports. A mailto
 * address must be one a sender can mail (RFC 6068: its `?` headers aside). DMARC's size limit
 * (`mailto:x@example.com!10m`, RFC 7489 §6.2) is not part of TLS-RPT's syntax: copied over, it
 * makes the domain `example.com!10m`, which no report reaches.
 */
function ruaProblem(uri: string): string | null {
  const m = /^mailto:([^?]+)(\?.*)?$/i.exec(uri);
  if (m) {
    const address = decodeURIComponentSafe(m[1] as string);
    if (/![0-9]+[kmgt]?$/i.test(address)) return "carries a DMARC-style size limit (!…), which RFC 8460 does not have: reports would go to a domain that does not exist";
    return address.includes("@") && checkMailbox(address) === null && /@[^@]+\.[^@]+$/.test(address) ? null : "is not a mail address";
  }
  if (/^https:\/\//i.test(uri)) {
    try {
      new URL(uri);
      return null;
    } catch {
      return "is not a URL";
    }
  }
  return "is neither mailto: nor https: (RFC 8460 §3)";
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
