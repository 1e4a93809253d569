/**
 * Baseline drift: what a healthy server looked like (`--write-baseline`) against now, as a table
 * of comparisons — each reads two BaselineFacts and may give one finding. Security drift first:
 * STARTTLS disappearing (the classic sign of an inspecting appliance), AUTH offered before TLS
 * where it was not, a lower TLS version, a new certificate key or issuer. Add a row to compare
 * a new fact.
 */
import type { BaselineFacts } from "../config/policy.js";
import type { ProbeOutcome } from "../engine/result.js";
import type { Finding } from "../model/report.js";
import { findExtension } from "../protocol/ehlo.js";
import { finding, type Rule } from "./rule.js";

export function baselineFacts(p: Pick<ProbeOutcome, "steps" | "extensions" | "extensionsBeforeTls" | "tls">): BaselineFacts {
  const banner = p.steps[0]?.reply?.lines[0] ?? null;
  return {
    banner: banner ? (banner.split(/\s+/)[0] ?? null) : null,
    extensionsBeforeTls: p.extensionsBeforeTls,
    extensions: p.extensions,
    tlsProtocol: p.tls?.protocol ?? null,
    certIssuer: p.tls?.issuer ?? null,
    certFingerprint: p.tls?.fingerprint256 ?? null,
    certKey: p.tls?.publicKey256 ?? null,
  };
}

const keywords = (exts: readonly string[] | null): string[] => (exts ?? []).map((e) => (e.split(/[\s=]/, 1)[0] ?? "").toUpperCase());

/** What the server offered in clear text: the EHLO before STARTTLS, or the whole session without TLS (none under implicit TLS). */
const offeredInClear = (f: BaselineFacts): readonly string[] => f.extensionsBeforeTls ?? (f.tlsProtocol ? [] : f.extensions);

/** RFC 1870: SIZE's argument, the largest message accepted; null without SIZE or without a limit (0). */
function sizeLimit(exts: readonly string[]): number | null {
  const n = Number(findExtension(exts, "SIZE")?.split(/\s+/)[1]);
  return Number.isInteger(n) && n > 0 ? n : null;
}

const TLS_ORDER = ["SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];
const tlsRank = (v: string | null): number => (v === null ? -1 : TLS_ORDER.indexOf(v));

type Comparison = (was: BaselineFacts, now: BaselineFacts) => Finding | null;

const DRIFT: readonly Comparison[] = [
  (was, now) => findExtension(offeredInClear(was), "STARTTLS") && !findExtension(offeredInClear(now), "STARTTLS")
    ? finding("baseline-starttls-lost", "error", null, "STARTTLS is no longer offered since the baseline.",
      ["An SMTP-inspecting firewall or appliance was put in the path (it strips STARTTLS to read the traffic).", "TLS was disabled or broke in the MTA (certificate missing after a change)."],
      ["Compare the EHLO reply from inside the network; check recent firewall and MTA changes."])
    : null,
  // RFC 4954 §4: a password offered a place before TLS will cross the network in clear text.
  (was, now) => !findExtension(offeredInClear(was), "AUTH") && findExtension(offeredInClear(now), "AUTH")
    ? finding("baseline-auth-before-tls", "error", null, `AUTH is offered before TLS since the baseline (${findExtension(offeredInClear(now), "AUTH")}): clients may now send passwords in clear text.`,
      ["The MTA's setting that hides AUTH until TLS was changed (Postfix smtpd_tls_auth_only, Exim auth_advertise_hosts, Sendmail AUTH_OPTIONS `p`).", "An appliance in the path stripped STARTTLS, and the server offers AUTH on plain connections."],
      ["Offer AUTH only after STARTTLS again (RFC 4954 §4), and check what changed in the path."])
    : null,
  (was, now) => {
    if (!was.tlsProtocol || now.tlsProtocol === was.tlsProtocol) return null;
    const lower = tlsRank(now.tlsProtocol) < tlsRank(was.tlsProtocol);
    return finding(lower ? "baseline-tls-downgraded" : "baseline-tls-changed", lower ? "error" : "notice", null,
      `The TLS protocol ${lower ? "is lower" : "changed"} since the baseline: ${was.tlsProtocol} → ${now.tlsProtocol ?? "no TLS"}.`,
      lower ? ["A server or appliance change; a downgrade may mean interception or a weakened configuration."] : [],
      lower ? ["Check the server's TLS configuration (its minimum protocol) and the path."] : []);
  },
  (was, now) => {
    if (!was.certFingerprint || !now.certFingerprint || was.certFingerprint === now.certFingerprint) return null;
    const issuer = was.certIssuer !== now.certIssuer;
    const key = was.certKey && now.certKey && was.certKey !== now.certKey;
    const what = issuer ? `, and so did its issuer (${was.certIssuer} → ${now.certIssuer})` : key ? ", with a new key (same issuer)" : " (same issuer and key: a renewal)";
    return finding("baseline-certificate-changed", issuer ? "warning" : "notice", null, `The certificate changed since the baseline${what}.`,
      issuer ? ["A new CA, or a TLS-intercepting appliance presenting its own certificate."] : [],
      issuer ? ["Check that the new issuer is expected."] : key ? ["Check that the key change was planned (a renewal that rotates the key; DANE TLSA records must follow)."] : []);
  },
  (was, now) => {
    const before = sizeLimit(was.extensions);
    const after = sizeLimit(now.extensions);
    return before !== null && after !== null && after < before
      ? finding("baseline-size-lowered", "warning", null, `The largest message the server accepts (SIZE, RFC 1870) fell since the baseline: ${before} → ${after} octets; messages in between now bounce.`,
        ["A message size limit was lowered in the MTA (Postfix message_size_limit, Exim message_size_limit, Sendmail MaxMessageSize) or on an appliance."],
        ["Check that the new limit is intended, and that senders' largest messages fit."])
      : null;
  },
  (was, now) => {
    const lost = keywords(was.extensions).filter((k) => k !== "STARTTLS" && !keywords(now.extensions).includes(k));
    return lost.length ? finding("baseline-extensions-lost", "warning", null, `Extensions no longer advertised since the baseline: ${lost.join(", ")}.`, ["An MTA configuration change, or an appliance that strips unknown extensions."], ["Check recent changes to the MTA and the network path."]) : null;
  },
  (was, now) => {
    const gained = keywords(now.extensions).filter((k) => !keywords(was.extensions).includes(k));
    return gained.length ? finding("baseline-extensions-gained", "notice", null, `Extensions advertised since the baseline: ${gained.join(", ")}.`, [], []) : null;
  },
  (was, now) => was.banner && now.banner && was.banner !== now.banner
    ? finding("baseline-banner-changed", "warning", 0, `The greeting's host changed since the baseline: ${was.banner} → ${now.banner}.`, ["Another server or a proxy answers now, or the banner is masked by an appliance."], ["Check DNS and load balancer changes."])
    : null,
];

export const baselineDrift: Rule = (p, policy) => {
  const b = policy.baseline;
  if (!b || p.error) return [];
  // Looked up by the probed target's own name: an `mx` target's addresses each have their entry.
  const was = Object.hasOwn(b.targets, p.name) ? b.targets[p.name] : undefined;
  if (!was) {
    return [finding("baseline-missing", "notice", null, `The baseline ${b.file} has no entry for ${p.name}; nothing to compare.`, [], ["Record one with --write-baseline FILE from a healthy run."])];
  }
  const now = baselineFacts(p);
  const out: Finding[] = [];
  for (const compare of DRIFT) {
    const f = compare(was, now);
    if (f) out.push(f);
  }
  return out;
};
