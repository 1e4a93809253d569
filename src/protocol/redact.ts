/**
 * Replaces every registered secret (and each form derived from it) with `***`. Longest first,
 * so a base64 payload that contains a shorter secret's encoding is removed whole.
 */
export class Redactor {
  private secrets: string[] = [];

  add(...values: (string | undefined)[]): void {
    for (const v of values) if (v && v.length >= 3 && !this.secrets.includes(v)) this.secrets.push(v);
    this.secrets.sort((a, b) => b.length - a.length);
  }

  get values(): readonly string[] {
    return this.secrets;
  }

  readonly redact = (text: string): string => {
    let out = text;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join("***");
    return out;
  };
}
