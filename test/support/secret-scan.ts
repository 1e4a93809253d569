// What a leaked secret looks like in an artifact: any form of it (auth.ts: secretForms, and the
// CRAM-MD5 response and digest), whole, or any run of FRAGMENT characters taken from a form.
import { cramMd5Forms, cramMd5Response, secretForms } from "../../src/protocol/auth.js";
import { FRAGMENT } from "../../src/protocol/redact.js";
import { ECHO_CHALLENGE } from "./echo-server.js";

export interface Secret {
  user: string;
  password?: string;
  token?: string;
}

/** The strings whose presence in an artifact is a leak, each with a name for the message. */
export function leakNeedles(secrets: readonly Secret[]): Map<string, string> {
  const needles = new Map<string, string>();
  for (const { user, password, token } of secrets) {
    const forms = [
      ...(password ? [...secretForms(user, password), ...cramMd5Forms(cramMd5Response(user, password, ECHO_CHALLENGE))] : []),
      ...(token ? secretForms(user, token) : []),
    ];
    for (const f of forms) {
      if (f.length >= 4) needles.set(f, `form ${JSON.stringify(f)}`);
      for (let i = 0; i + FRAGMENT <= f.length; i++) {
        const piece = f.slice(i, i + FRAGMENT);
        if (!needles.has(piece)) needles.set(piece, `${FRAGMENT} characters of ${JSON.stringify(f)}`);
      }
    }
  }
  return needles;
}

/** Every needle found in `text`, named with where it was found. */
export function findLeaks(where: string, text: string, needles: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [needle, name] of needles) if (text.includes(needle)) found.push(`${where}: ${name}`);
  return found;
}
