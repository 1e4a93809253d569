/**
 * Secrets out of everything smtp-gate stores or prints. A server may echo what it was sent in any
 * shape — whole, cut off, split across reply lines, decoded, hex or URL-encoded — so the redactor
 * is given every form a secret takes (auth.ts: secretForms) and replaces with `***`:
 *  - each form wherever it appears whole, however short;
 *  - for an encoded form (base64, hex, an AUTH payload), any run of FRAGMENT or more characters
 *    taken from it (an echo cut off or split inside), and a run of EDGE or more that touches the
 *    start or the end of the text (where a split echo breaks: the end of one reply line, the
 *    start of the next). A reply line's code and enhanced code are not part of its text for
 *    this, and are never redacted;
 *  - for a verbatim form (the secret as it is), a run of VERBATIM_FRAGMENT or more: a password
 *    made of words shares shorter runs with ordinary text ("smtp-gate" in a host name).
 * Pure: no I/O; the session passes every line from the wire through it before storing it.
 */
export const FRAGMENT = 8;
export const VERBATIM_FRAGMENT = 12;
export const EDGE = 4;

/** The forms of one secret, by how they are matched (auth.ts: secretForms). */
export interface SecretForms {
  verbatim: string[];
  encoded: string[];
}

/**
 * AUTH LOGIN's challenges as servers send them (draft-murchison-sasl-login §2: "Username:" and
 * "Password:", base64; some send "User Name" and "Password", NUL-terminated or not). They are the
 * server's own constant text, never an echo of what we sent, so only a whole secret form is masked
 * in them: a password with "password" in it shares ten characters with `UGFzc3dvcmQ6`, and the
 * transcript showed the prompt as `334 U***6`.
 */
const LOGIN_PROMPTS = new Set(["Username:", "Password:", "User Name", "Password", "User Name\0", "Password\0"].map((p) => Buffer.from(p).toString("base64")));

/** `250 `, `500-5.5.1 `: kept as they are, and the text after them counts as the line's start. */
const REPLY_PREFIX = /^\d{3}(?:[ -](?:[245]\.\d{1,3}\.\d{1,3}(?: |$))?|$)/;

interface GramHit {
  form: string;
  at: number;
  verbatim: boolean;
}

export class Redactor {
  private forms: string[] = [];
  /** Every EDGE-character piece of every form long enough to have one, with where it sits. */
  private grams = new Map<string, GramHit[]>();

  /** Encoded forms: base64, hex, AUTH payloads, responses. */
  add(...values: (string | undefined)[]): void {
    this.register(values, false);
  }

  /** Forms that are the secret as it is (or URL-encoded, which leaves words as they are). */
  addVerbatim(...values: (string | undefined)[]): void {
    this.register(values, true);
  }

  addSecret(forms: SecretForms): void {
    this.addVerbatim(...forms.verbatim);
    this.add(...forms.encoded);
  }

  private register(values: readonly (string | undefined)[], verbatim: boolean): void {
    for (const v of values) {
      if (!v || this.forms.includes(v)) continue;
      this.forms.push(v);
      for (let at = 0; at + EDGE <= v.length; at++) {
        const g = v.slice(at, at + EDGE);
        const hits = this.grams.get(g);
        if (hits) hits.push({ form: v, at, verbatim });
        else this.grams.set(g, [{ form: v, at, verbatim }]);
      }
    }
    this.forms.sort((a, b) => b.length - a.length);
  }

  /** Every registered form, longest first (the action masks each with the runner). */
  get values(): readonly string[] {
    return this.forms;
  }

  readonly redact = (text: string): string => {
    if (!this.forms.length || !text) return text;
    const start = REPLY_PREFIX.exec(text)?.[0].length ?? 0;
    const marks: [number, number][] = [];
    for (const f of this.forms) {
      for (let i = text.indexOf(f, start); i !== -1; i = text.indexOf(f, i + 1)) marks.push([i, i + f.length]);
    }
    const prompt = LOGIN_PROMPTS.has(text.slice(start));
    for (let i = start; !prompt && i + EDGE <= text.length; i++) {
      const hits = this.grams.get(text.slice(i, i + EDGE));
      if (!hits) continue;
      for (const { form, at, verbatim } of hits) {
        let n = EDGE;
        while (i + n < text.length && at + n < form.length && text[i + n] === form[at + n]) n++;
        const cut = verbatim ? n >= VERBATIM_FRAGMENT : n >= FRAGMENT || i === start || i + n === text.length;
        if (cut) marks.push([i, i + n]);
      }
    }
    return marks.length ? blank(text, marks) : text;
  };
}

/** Replaces each union of overlapping or touching ranges with one `***`. */
function blank(text: string, marks: [number, number][]): string {
  marks.sort((a, b) => a[0] - b[0]);
  let out = "";
  let from = 0;
  let [s, e] = marks[0] as [number, number];
  for (const [ms, me] of marks) {
    if (ms <= e) {
      e = Math.max(e, me);
      continue;
    }
    out += `${text.slice(from, s)}***`;
    from = e;
    [s, e] = [ms, me];
  }
  return `${out}${text.slice(from, s)}***${text.slice(e)}`;
}
