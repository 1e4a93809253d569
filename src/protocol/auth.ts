/**
 * SASL encoders for the AUTH exchanges, pure. Every value they return is a secret: the caller
 * must register it with the redactor and never show it.
 */
import { loadCrypto } from "../builtins.js";
import type { SecretForms } from "./redact.js";

import type { AuthMechanism, SaslPayload } from "../model/enums.js";

export { AUTH_MECHANISMS, SASL_PAYLOADS, type AuthMechanism, type SaslPayload } from "../model/enums.js";

/** `AUTH LOGIN (username)`: a line of the exchange by what it carries, never by its content. */
export function saslLabel(mechanism: AuthMechanism, carries: SaslPayload): string {
  return `AUTH ${mechanism} (${carries})`;
}

const b64 = (s: string): string => Buffer.from(s, "utf8").toString("base64");

/** RFC 4616: authzid NUL authcid NUL passwd, with an empty authzid. */
export function plainResponse(user: string, password: string): string {
  return b64(`\0${user}\0${password}`);
}

/** The LOGIN mechanism (draft-murchison-sasl-login): username, then password, each base64. */
export function loginResponses(user: string, password: string): [string, string] {
  return [b64(user), b64(password)];
}

/** RFC 2195: user SP hex(HMAC-MD5(password, challenge)); the challenge arrives base64-encoded. */
export function cramMd5Response(user: string, password: string, challengeB64: string): string {
  const challenge = Buffer.from(challengeB64.trim(), "base64");
  const digest = loadCrypto().createHmac("md5", password).update(challenge).digest("hex");
  return b64(`${user} ${digest}`);
}

/** Google/Microsoft XOAUTH2: `user=U ^A auth=Bearer T ^A ^A`, base64. */
export function xoauth2Response(user: string, token: string): string {
  return b64(`user=${user}\x01auth=Bearer ${token}\x01\x01`);
}

/**
 * Every printable form a secret may take on the wire or in an echo of it: as it is, base64 at
 * each of the three byte alignments (so it is found inside PLAIN's and XOAUTH2's payloads, or a
 * server's base64 JSON that quotes it), base64url, hex, URL-encoded, and the whole payloads.
 * A server that decodes and echoes a payload shows the secret as it is.
 */
export function secretForms(user: string, secret: string): SecretForms {
  const bytes = Buffer.from(secret, "utf8");
  const verbatim = new Set([secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, "+")]);
  const encoded = new Set([b64(secret), plainResponse(user, secret), xoauth2Response(user, secret)]);
  for (let offset = 0; offset < 3; offset++) {
    const core = base64Core(bytes, offset);
    encoded.add(core);
    encoded.add(core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  const hex = bytes.toString("hex");
  encoded.add(hex).add(hex.toUpperCase());
  for (const v of verbatim) encoded.delete(v);
  verbatim.delete("");
  encoded.delete("");
  return { verbatim: [...verbatim], encoded: [...encoded] };
}

/** Every form, for masking with the runner and for scanning. */
export const allForms = (f: SecretForms): string[] => [...f.verbatim, ...f.encoded];

/** The forms of a CRAM-MD5 response (RFC 2195): the base64 line, and the digest a decoding echo shows. */
export function cramMd5Forms(response: string): string[] {
  const digest = Buffer.from(response, "base64").toString("utf8").split(" ").pop() ?? "";
  return [response, digest, digest.toUpperCase()].filter((f) => f.length > 0);
}

/**
 * The base64 characters that depend only on `bytes` when they follow `offset` other bytes in a
 * longer encoded string: each character carries 6 bits, so those overlapping a neighbour's bits
 * at either end are left out.
 */
function base64Core(bytes: Buffer, offset: number): string {
  const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64").replace(/=+$/, "");
  return encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
}
