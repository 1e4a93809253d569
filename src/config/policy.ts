/**
 * Policy assertions (issue: diagnosis and policy): what a healthy server must also satisfy,
 * beyond each reply meeting its expectation. Each produces findings, never exceptions.
 */
export const TLS_VERSIONS = ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

/** `PIPELINING`, or `SIZE>=10485760` for a keyword whose numeric parameter must reach a bound. */
export interface ExtensionExpectation {
  keyword: string;
  atLeast?: number;
}

export interface BaselineFacts {
  banner: string | null;
  extensionsBeforeTls: string[] | null;
  extensions: string[];
  tlsProtocol: string | null;
  certIssuer: string | null;
  certFingerprint: string | null;
  /** SHA-256 of the certificate's public key; absent in baselines written before it was recorded. */
  certKey?: string | null;
}

/** The baseline file's `transport` section (diagnose/transport-drift.ts; contract §9). */
export interface TransportBaseline {
  domains: Record<string, { policyId: string | null; bodySha256: string | null; mx: string[]; maxAge: number | null }>;
  /** Per target name: "KEY by ISSUER" for each certificate the TLS audit saw. */
  certificates: Record<string, string[]>;
}

export interface Policy {
  requireTls: boolean;
  minTls: TlsVersion;
  certMinDays: number;
  maxStepMs: number | null;
  maxTotalMs: number | null;
  expectExtensions: ExtensionExpectation[];
  authRequiresTls: boolean;
  /** A foreign domain to try relaying to without authentication, or null for no relay test. */
  openRelay: string | null;
  vrfyDisabled: boolean;
  /** What the server looked like when healthy, for drift findings. */
  baseline: { file: string; targets: Readonly<Record<string, BaselineFacts>>; transport?: TransportBaseline | null } | null;
}

export const DEFAULT_POLICY: Policy = {
  requireTls: false, minTls: "TLSv1.2", certMinDays: 14, maxStepMs: null, maxTotalMs: null,
  expectExtensions: [], authRequiresTls: false, openRelay: null, vrfyDisabled: false, baseline: null,
};

/** Parses `PIPELINING`, `SIZE>=10485760`. */
export function parseExtensionExpectation(text: string): ExtensionExpectation | null {
  const m = /^([A-Za-z0-9][A-Za-z0-9-]*)(?:\s*>=\s*(\d+))?$/.exec(text.trim());
  if (!m) return null;
  return { keyword: (m[1] as string).toUpperCase(), ...(m[2] !== undefined ? { atLeast: Number(m[2]) } : {}) };
}

export function tlsVersionRank(v: string | null): number {
  return v === null ? -1 : (TLS_VERSIONS as readonly string[]).indexOf(v);
}

/** Relay tests go to a domain nobody may relay to; RFC 2606's example.net is that domain. */
export const DEFAULT_RELAY_DOMAIN = "example.net";
