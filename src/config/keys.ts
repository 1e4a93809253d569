/**
 * Every per-target key, named as the action's inputs are (contract §4: "keys are the action's
 * input names"). One table serves the CLI, the action and the config file.
 */
export const TARGET_KEYS = [
  "name", "host", "mx", "port", "tls", "servername", "ca", "insecure", "helo", "from", "to",
  "username", "password", "password-env", "oauth-token", "oauth-token-env", "auth", "allow-plaintext-auth",
  "send", "steps", "body", "fail-on", "timeout", "deadline", "pipelining",
  // How the target is reached.
  "resolver", "ip", "every-address", "proxy-protocol", "socks5", "socks5-username", "socks5-password", "socks5-password-env",
  // Policy assertions.
  "require-tls", "min-tls", "cert-min-days", "max-step-ms", "max-total-ms", "expect-extensions",
  "auth-requires-tls", "open-relay", "vrfy-disabled", "baseline",
  "smuggling-check",
  // Transport security of the mail domain (contract §9).
  "domain", "mta-sts", "tls-audit", "dane", "candidate-cert",
] as const;

export type TargetKey = (typeof TARGET_KEYS)[number];

/** A key's value as a face hands it over: argv strings, input strings, YAML scalars and lists. */
export type RawValue = string | number | boolean | readonly (string | number)[] | null | undefined;
export type RawTarget = Partial<Record<TargetKey, RawValue>>;

/** Keys whose value is a secret: a config file must reference them through `*-env`. */
export const SECRET_KEYS: readonly TargetKey[] = ["password", "oauth-token", "socks5-password"];

/**
 * The problem with a value outside an enumeration, with the nearest allowed value for a typo:
 * `must be one of hard, soft, never, not "hardd"; did you mean "hard"?`.
 */
export function notOneOf(value: string, allowed: readonly string[]): string {
  // Two characters are too few to guess from ("v3" is no typo of "v1").
  const guess = value.length > 2 ? closestKey(value, allowed) : null;
  const list = allowed.length === 2 ? `${allowed[0]} or ${allowed[1]}` : `one of ${allowed.join(", ")}`;
  return `must be ${list}, not "${value}"${guess ? `; did you mean "${guess}"?` : ""}`;
}

/** Suggests the closest known key for a typo ("did you mean"). */
export function closestKey(word: string, known: readonly string[] = TARGET_KEYS, maxDistance?: number): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return bestD <= (maxDistance ?? Math.max(2, Math.floor(word.length / 3))) ? best : null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}
