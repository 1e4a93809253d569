/**
 * SASL encoders for the AUTH exchanges, pure. Every value they return is a secret: the caller
 * must register it with the redactor and never show it.
 */
import { loadCrypto } from "../builtins.js";

export type AuthMechanism = "PLAIN" | "LOGIN" | "CRAM-MD5" | "XOAUTH2";
export const AUTH_MECHANISMS: readonly AuthMechanism[] = ["PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"];

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

/** Every printable form a secret may take on the wire or in a log. */
export function derivedSecretForms(user: string, secret: string): string[] {
  return [secret, b64(secret), plainResponse(user, secret), xoauth2Response(user, secret)].filter((s) => s.length >= 4);
}
