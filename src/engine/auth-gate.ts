/**
 * Whether configured credentials may go to this server now (RFC 4954 §4; contract §7). Pure:
 * what the session knows in, a mechanism or the reason to withhold out.
 */
import type { Credentials, TlsMode } from "../config/target.js";
import { isLoopbackAddress } from "../protocol/address.js";
import { AUTH_MECHANISMS, type AuthMechanism } from "../protocol/auth.js";
import { authMechanisms } from "../protocol/ehlo.js";
import type { AuthWithheld } from "../model/report.js";

export interface CredentialGateInput {
  /** The mechanism asked for (`--auth`, or a custom `AUTH PLAIN` step); null to choose. */
  asked: AuthMechanism | null;
  credentials: Credentials | null;
  tlsMode: TlsMode;
  tlsActive: boolean;
  allowPlaintextAuth: boolean;
  /** The address connected to: loopback traffic never leaves the machine. */
  remoteAddress: string | undefined;
  /** The current EHLO reply's extensions (after STARTTLS, the second one's). */
  extensions: readonly string[];
  extensionsBeforeTls: readonly string[] | null;
}

/**
 * Credentials go only after TLS when the target asks for TLS, only with a mechanism the current
 * EHLO reply advertised, and in clear text only to a loopback address or with the explicit
 * opt-in. Checked in that order, so the reason given is the first thing to fix.
 */
export function gateCredentials(i: CredentialGateInput): AuthWithheld | { mechanism: AuthMechanism } {
  const offered = authMechanisms(i.extensions);
  const offeredBeforeTls = i.extensionsBeforeTls && authMechanisms(i.extensionsBeforeTls);
  const withheld = (reason: AuthWithheld["reason"], mechanism = i.asked): AuthWithheld => ({ reason, mechanism, offered, offeredBeforeTls, tls: i.tlsActive });
  if (!i.tlsActive && (i.tlsMode === "starttls" || i.tlsMode === "implicit")) return withheld("tls-not-active");
  if (!offered.length) return withheld("auth-not-offered");
  const mechanism = i.asked ?? usableMechanisms(i.credentials).find((m) => offered.includes(m)) ?? null;
  if (!mechanism || !offered.includes(mechanism)) return withheld("mechanism-not-offered");
  if (!i.tlsActive && !i.allowPlaintextAuth && !isLoopbackAddress(i.remoteAddress ?? "")) return withheld("cleartext", mechanism);
  return { mechanism };
}

/** What the credentials can do, in the order production senders (nodemailer, Postfix) prefer. */
function usableMechanisms(c: Credentials | null): AuthMechanism[] {
  return AUTH_MECHANISMS.filter((m) => (m === "XOAUTH2" ? c?.oauthToken : c?.password));
}
