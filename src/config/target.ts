/** A fully validated target: what the engine runs. Built by config/resolve.ts from any face. */
import type { AuthMechanism } from "../protocol/auth.js";
import type { ProxyProtocolVersion } from "../protocol/proxy-header.js";
import type { Socks5Credentials } from "../protocol/socks5.js";
import type { ReverseDns } from "../model/report.js";
import type { FailOn, TlsMode } from "../model/enums.js";
import type { StepSpec } from "../protocol/steps.js";
import type { Policy } from "./policy.js";

export { FAIL_ON, TLS_MODES, type FailOn, type TlsMode } from "../model/enums.js";

export interface Credentials {
  username: string;
  password?: string;
  oauthToken?: string;
  /** Chosen by the user, or null to pick from what EHLO advertises. */
  mechanism: AuthMechanism | null;
}

export interface TargetConfig {
  name: string;
  /** For an `mx` target, the mail domain until runTargets expands it (engine/mx.ts). */
  host: string;
  /** Probe the domain's MX hosts (RFC 5321 §5.1) instead of `host`: one target per host, in preference order. */
  mx?: string;
  port: number;
  tls: TlsMode;
  servername?: string;
  /** PEM text of a CA to trust. */
  ca?: string;
  insecure: boolean;
  /** The EHLO name; null: the address literal of the connection's local end (RFC 5321 §4.1.4), known once connected. */
  helo: string | null;
  /** The envelope sender; null: `smtp-gate@` the address literal of the local end, known once connected. */
  from: string | null;
  to: string[];
  credentials: Credentials | null;
  /** Credentials may go in clear text to a server that is not on loopback (contract §7). */
  allowPlaintextAuth?: boolean;
  send: boolean;
  /** A custom sequence (contract §1), or null for the default production sequence. */
  steps: StepSpec[] | null;
  body?: string;
  failOn: FailOn;
  timeoutMs: number;
  /** RFC 2920: pipeline the transaction when the server advertises PIPELINING (default auto). */
  pipelining?: "auto" | "off";
  /** Total time for the whole target, if set. */
  deadlineMs?: number;
  /** Policy assertions; DEFAULT_POLICY when absent. */
  policy?: Policy;
  /** DNS server for every lookup (MX, A, AAAA, PTR, host names); the system's when absent (contract §7). */
  resolver?: { host: string; port: number };
  /** Restrict address expansion to one family (contract §7). */
  ip?: 4 | 6;
  /** Probe every address of a `host` target too (`mx` targets always expand). */
  everyAddress?: boolean;
  /** Set by expansion: the address to connect to (the host name stays for TLS and messages). */
  address?: string;
  /** Set just before the probe (engine/expand.ts resolveHost): the usable addresses `host` resolved to, tried in order. */
  addresses?: string[];
  /** Set with `addresses`: those it also resolved to that can never be a remote MTA, and why. */
  unroutable?: { address: string; why: string }[];
  /** Set by expansion of an `mx` target: the MX host this address belongs to. */
  mxHost?: string;
  /** Set by expansion: the address's forward-confirmed reverse DNS. */
  rdns?: ReverseDns;
  /** Send the HAProxy PROXY header first (contract §7). */
  proxyProtocol?: ProxyProtocolVersion;
  /** Connect through this SOCKS5 proxy (contract §7). */
  socks5?: { host: string; port: number; credentials: Socks5Credentials | null; /** Set just before the probe: the proxy's name looked up through `resolver`. */ addresses?: string[] };
  /** After the normal transaction, test whether the server accepts a non-standard end of data (SMTP smuggling; contract §7). Needs send and a recipient. */
  smugglingCheck?: boolean;
  // --- Transport security of a mail domain (contract §9) ---
  /** The mail domain whose MTA-STS and TLS-RPT apply: the `mx` domain, or `domain` for a host target. */
  domain?: string;
  /** False turns off reading the domain's MTA-STS policy (`mta-sts: false`, `--no-mta-sts`). */
  mtaSts?: boolean;
  /** Extra handshakes per address: protocol versions, chain, key types (`tls-audit`). */
  tlsAudit?: boolean;
  /** False turns off DANE (`dane: false`, `--no-dane`; docs/dane.md). */
  dane?: boolean;
  /** A PEM chain about to be deployed, checked against the published TLSA records and MTA-STS mx patterns (`candidate-cert`). */
  candidateCert?: { path: string; pem: string };
  /** Where the target was defined, for messages and annotations. */
  source?: { file: string; line: number };
}
