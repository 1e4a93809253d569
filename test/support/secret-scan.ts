// What a leaked secret looks like in an artifact: any form of it (auth.ts: secretForms, and the
// CRAM-MD5 response and digest), whole, or a run taken from a form: FRAGMENT characters of an
// encoded form, VERBATIM_FRAGMENT of the secret as it is (see protocol/redact.ts for why).
import { cramMd5Forms, cramMd5Response, secretForms } from "../../src/protocol/auth.js";
import { FRAGMENT, VERBATIM_FRAGMENT, type SecretForms } from "../../src/protocol/redact.js";
import { ECHO_CHALLENGE } from "./echo-server.js";

export interface Secret {
  user: string;
  password?: string;
  token?: string;
}

/** The strings whose presence in an artifact is a leak, each with a name for the message. */
export function leakNeedles(secrets: readonly Secret[]): Map<string, string> {
  const needles = new Map<string, string>();
  const add = (forms: readonly string[], run: number) => {
    for (const f of forms) {
      if (f.length >= 4) needles.set(f, `form ${JSON.stringify(f)}`);
      for (let i = 0; i + run <= f.length; i++) {
        const piece = f.slice(i, i + run);
        if (!needles.has(piece)) needles.set(piece, `${run} characters of ${JSON.stringify(f)}`);
      }
    }
  };
  for (const { user, password, token } of secrets) {
    const all: SecretForms[] = [...(password ? [secretForms(user, password)] : []), ...(token ? [secretForms(user, token)] : [])];
    for (const f of all) {
      add(f.verbatim, VERBATIM_FRAGMENT);
      add(f.encoded, FRAGMENT);
    }
    if (password) add(cramMd5Forms(cramMd5Response(user, password, ECHO_CHALLENGE)), FRAGMENT);
  }
  return needles;
}

/** Every needle found in `text`, named with where it was found. */
export function findLeaks(where: string, text: string, needles: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [needle, name] of needles) if (text.includes(needle)) found.push(`${where}: ${name}`);
  return found;
}
