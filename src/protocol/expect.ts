/**
 * What a step's reply must be: `550`, `5xx`, or alternatives `250|251`. Defaults per verb come
 * from RFC 5321 §4.3.2 (and RFC 3207 for STARTTLS, RFC 4954 for AUTH).
 */
export type ExpectTerm = { code: number } | { first: number };
export type Expectation = readonly ExpectTerm[];

export function parseExpectation(text: string): Expectation | { error: string } {
  const terms: ExpectTerm[] = [];
  for (const raw of text.split("|")) {
    const t = raw.trim().toLowerCase();
    if (/^[2-5][0-9][0-9]$/.test(t)) terms.push({ code: Number(t) });
    else if (/^[2-5]xx$/.test(t)) terms.push({ first: Number(t[0]) });
    else return { error: `"${raw.trim()}" is not a reply code (like 250), a class (like 5xx) or alternatives (like 250|251)` };
  }
  return terms;
}

export function formatExpectation(e: Expectation): string {
  return e.map((t) => ("code" in t ? String(t.code) : `${t.first}xx`)).join("|");
}

export function meetsExpectation(code: number, e: Expectation): boolean {
  return e.some((t) => ("code" in t ? t.code === code : Math.floor(code / 100) === t.first));
}

const codes = (...c: number[]): Expectation => c.map((code) => ({ code }));

/** RFC 5321 §4.3.2 success replies per verb; anything else: "2xx or 3xx". */
const BY_VERB: Record<string, Expectation> = {
  EHLO: codes(250),
  HELO: codes(250),
  MAIL: codes(250),
  RCPT: codes(250, 251),
  DATA: codes(354),
  RSET: codes(250),
  VRFY: codes(250, 251, 252),
  EXPN: codes(250, 252),
  HELP: codes(211, 214),
  NOOP: codes(250),
  QUIT: codes(221),
  STARTTLS: codes(220),
  AUTH: codes(235),
  BDAT: codes(250),
};

export const GREETING_EXPECTATION: Expectation = codes(220);
export const END_OF_DATA_EXPECTATION: Expectation = codes(250);
export const AUTH_CHALLENGE_EXPECTATION: Expectation = codes(334);
export const ANY_POSITIVE: Expectation = [{ first: 2 }, { first: 3 }];

export function defaultExpectation(verb: string): Expectation {
  return BY_VERB[verb.toUpperCase()] ?? ANY_POSITIVE;
}
