/**
 * EHLO reply → extensions (RFC 5321 §4.1.1.1): the first line is the greeting, each further
 * line one keyword with optional parameters.
 */
export function parseEhloExtensions(lines: readonly string[]): string[] {
  return lines.slice(1).map((l) => l.trim()).filter((l) => l.length > 0);
}

/** Finds an extension by keyword, case-insensitively: `findExtension(exts, "STARTTLS")`. */
export function findExtension(extensions: readonly string[], keyword: string): string | undefined {
  const k = keyword.toUpperCase();
  // The keyword ends at the first space, or "=" in the pre-standard `AUTH=LOGIN` form.
  return extensions.find((e) => (e.split(/[\s=]/, 1)[0] ?? "").toUpperCase() === k);
}

/** AUTH mechanisms offered, from `AUTH PLAIN LOGIN` and the pre-standard `AUTH=PLAIN LOGIN` form. */
export function authMechanisms(extensions: readonly string[]): string[] {
  const out = new Set<string>();
  for (const e of extensions) {
    const m = /^AUTH[\s=](.*)$/i.exec(e.trim());
    if (m) for (const mech of (m[1] ?? "").trim().split(/\s+/)) if (mech) out.add(mech.toUpperCase());
  }
  return [...out];
}
