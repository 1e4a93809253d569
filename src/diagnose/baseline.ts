/**
 * Baseline drift: what a healthy server looked like (`--write-baseline`) against now. STARTTLS
 * disappearing since the baseline is the classic sign that an inspecting appliance was added.
 */
import type { BaselineFacts } from "../config/policy.js";
import type { ProbeOutcome } from "../engine/result.js";
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
  };
}

const keywords = (exts: readonly string[] | null): string[] => (exts ?? []).map((e) => (e.split(/[\s=]/, 1)[0] ?? "").toUpperCase());

export const baselineDrift: Rule = (p, policy) => {
  const b = policy.baseline;
  if (!b || p.error) return [];
  if (!b.facts) {
    return [finding("baseline-missing", "notice", null, `The baseline ${b.file} has no entry for ${p.name}; nothing to compare.`, [], ["Record one with --write-baseline FILE from a healthy run."])];
  }
  const now = baselineFacts(p);
  const out = [];
  const was = b.facts;
  const beforeNow = now.extensionsBeforeTls ?? now.extensions;
  const beforeWas = was.extensionsBeforeTls ?? was.extensions;
  if (findExtension(beforeWas, "STARTTLS") && !findExtension(beforeNow, "STARTTLS")) {
    out.push(finding("baseline-starttls-lost", "error", null, "STARTTLS is no longer offered since the baseline.",
      ["An SMTP-inspecting firewall or appliance was put in the path (it strips STARTTLS to read the traffic).", "TLS was disabled or broke in the MTA (certificate missing after a change)."],
      ["Compare the EHLO reply from inside the network; check recent firewall and MTA changes."]));
  }
  const lost = keywords(was.extensions).filter((k) => k !== "STARTTLS" && !keywords(now.extensions).includes(k));
  const gained = keywords(now.extensions).filter((k) => !keywords(was.extensions).includes(k));
  if (lost.length) out.push(finding("baseline-extensions-lost", "warning", null, `Extensions no longer advertised since the baseline: ${lost.join(", ")}.`, ["An MTA configuration change, or an appliance that strips unknown extensions."], ["Check recent changes to the MTA and the network path."]));
  if (gained.length) out.push(finding("baseline-extensions-gained", "notice", null, `Extensions advertised since the baseline: ${gained.join(", ")}.`, [], []));
  if (was.tlsProtocol && now.tlsProtocol !== was.tlsProtocol) {
    out.push(finding("baseline-tls-changed", "warning", null, `The TLS protocol changed since the baseline: ${was.tlsProtocol} → ${now.tlsProtocol ?? "no TLS"}.`, ["A server or appliance change; a downgrade may mean interception."], ["Check the server's TLS configuration and the path."]));
  }
  if (was.certFingerprint && now.certFingerprint && was.certFingerprint !== now.certFingerprint) {
    const issuerChanged = was.certIssuer !== now.certIssuer;
    out.push(finding("baseline-certificate-changed", issuerChanged ? "warning" : "notice", null,
      `The certificate changed since the baseline${issuerChanged ? `, and so did its issuer (${was.certIssuer} → ${now.certIssuer})` : " (same issuer: probably a renewal)"}.`,
      issuerChanged ? ["A new CA, or a TLS-intercepting appliance presenting its own certificate."] : [], issuerChanged ? ["Check that the new issuer is expected."] : []));
  }
  if (was.banner && now.banner && was.banner !== now.banner) {
    out.push(finding("baseline-banner-changed", "warning", 0, `The greeting's host changed since the baseline: ${was.banner} → ${now.banner}.`, ["Another server or a proxy answers now, or the banner is masked by an appliance."], ["Check DNS and load balancer changes."]));
  }
  return out;
};
