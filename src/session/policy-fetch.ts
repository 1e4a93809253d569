/**
 * Fetches an MTA-STS policy (RFC 8461 §3.3): `https://mta-sts.<domain>/.well-known/mta-sts.txt`,
 * the certificate valid for that name (the target's `ca` trusted beside the system's roots), no
 * redirect followed, 200 only, `text/plain`, at most `maxBytes`, one total deadline. The caller
 * resolves the host name (through the run's DNS: the target's `resolver`, not the system's) and
 * hands over the addresses. Every failure is a value with a kind; nothing throws.
 */
import { request } from "node:https";
import { checkServerIdentity, rootCertificates } from "node:tls";
import type { LookupAddress } from "node:dns";
import { describeVerifyError } from "./tls-facts.js";

export type PolicyFetch =
  | { ok: true; body: string; url: string }
  | { ok: false; kind: "dns" | "connect" | "tls" | "redirect" | "status" | "content-type" | "too-large" | "timeout"; message: string; url: string; code?: string };

export interface FetchOptions {
  /** The addresses of mta-sts.<domain>, resolved by the caller; empty when it has none. */
  addresses: LookupAddress[];
  /** RFC 8461 §3.3 leaves the cap to senders. */
  maxBytes: number;
  /** PEM text of a CA to trust besides the system's roots (the target's `ca`). */
  ca?: string;
  /** Total time for the lookup, the handshake and the whole body. */
  deadlineMs: number;
  port?: number;
}

export function policyUrl(domain: string): string {
  return `https://mta-sts.${domain}/.well-known/mta-sts.txt`;
}

export async function fetchPolicy(domain: string, o: FetchOptions): Promise<PolicyFetch> {
  const host = `mta-sts.${domain}`;
  const url = policyUrl(domain);
  const fail = (kind: Exclude<PolicyFetch, { ok: true }>["kind"], message: string, code?: string): PolicyFetch => ({ ok: false, kind, message, url, ...(code ? { code } : {}) });
  const addresses = o.addresses;
  if (!addresses.length) return fail("dns", `${host} has no address record`);
  if (o.deadlineMs <= 0) return fail("timeout", "no time was left for the policy fetch");
  return new Promise<PolicyFetch>((resolve) => {
    let settled = false;
    // The names of a certificate that chained but does not name the host: evidence for the finding.
    let certNames = "";
    const done = (r: PolicyFetch) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(r);
    };
    const req = request({
      host, port: o.port ?? 443, path: "/.well-known/mta-sts.txt", method: "GET", servername: host,
      ca: o.ca ? [...rootCertificates, o.ca] : undefined,
      checkServerIdentity: (name, cert) => {
        const problem = checkServerIdentity(name, cert);
        if (problem) certNames = (cert.subjectaltname ?? "").replace(/DNS:/g, "").slice(0, 300) || String(cert.subject?.CN ?? "");
        return problem;
      },
      headers: { "user-agent": "smtp-gate (MTA-STS check)", accept: "text/plain" },
      agent: false,
      // The run's resolver answers, never the system's (contract §9: `resolver` answers every lookup).
      lookup: (_name, opts, cb) => {
        const all = (opts as { all?: boolean }).all;
        const first = addresses[0] as LookupAddress;
        if (all) (cb as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        else cb(null, first.address, first.family);
      },
    });
    const timer = setTimeout(() => done(fail("timeout", `the policy did not arrive in full within ${o.deadlineMs} ms`)), o.deadlineMs);
    req.on("error", (e: NodeJS.ErrnoException) => {
      const code = e.code ?? "";
      const tls = /CERT|SELF_SIGNED|ALTNAME|UNABLE_TO|ERR_SSL|ERR_TLS/.test(code);
      const names = code === "ERR_TLS_CERT_ALTNAME_INVALID" && certNames ? `; it names ${certNames}` : "";
      done(fail(tls ? "tls" : "connect", `${host}: ${tls ? describeCertError(code, e.message) : e.message}${names}`, code || undefined));
    });
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) return done(fail("redirect", `HTTP ${status} to ${String(res.headers.location ?? "(no location)")}: RFC 8461 §3.3 forbids following redirects`));
      if (status !== 200) return done(fail("status", `HTTP ${status}; only 200 delivers a policy (RFC 8461 §3.3)`));
      const type = String(res.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
      if (type !== "text/plain") return done(fail("content-type", `Content-Type ${type || "(none)"}, not text/plain (RFC 8461 §3.2)`));
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > o.maxBytes) done(fail("too-large", `the body is larger than ${o.maxBytes} bytes, more than senders read`));
        else chunks.push(c);
      });
      res.on("end", () => done({ ok: true, body: Buffer.concat(chunks).toString("utf8"), url }));
      res.on("error", (e) => done(fail("connect", `${host}: ${e.message}`)));
    });
    req.end();
  });
}

function describeCertError(code: string, message: string): string {
  return code ? `${describeVerifyError(code)} (${code})` : `the certificate does not verify (${message})`;
}
