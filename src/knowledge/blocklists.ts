/**
 * The block lists and reputation systems a refusal can name: DNS lists of addresses (RFC 5782 §2.1) and of names
 * (§2.2), by their zones and their own names, with the page where a listing is looked up and removal asked for.
 * Advice names a list only when the reply names it (`namedList`); otherwise it says how to find which list or
 * which reputation system refused, without claiming the reply named one (root-causes.ts FixRow `named`).
 */

export interface NamedList {
  /** As the reply names it: its zone ("zen.spamhaus.org") or its own name ("Spamhaus XBL", "Barracuda Reputation"). */
  name: string;
  /** Where a listing is looked up and removal asked for, when known. */
  lookup: string | null;
}

interface ListRow {
  /** Its DNS zones, or a page of its own a reply links to. */
  zones: RegExp;
  /** Its own name in a reply's words. */
  words: RegExp;
  lookup: string | null;
  /** What to call it when `zones` is a web page, not a zone (a reputation system that is no DNS list). */
  system?: string;
}

const LISTS: readonly ListRow[] = [
  // Spamhaus: ZEN (SBL, XBL/CSS, PBL), DBL and ZRD, and the DQS zones (KEY.zen.dq.spamhaus.net); check.spamhaus.org looks up all.
  { zones: /\b(?:(?:zen|sbl|xbl|pbl|sbl-xbl|dbl|zrd|css|authbl)\.spamhaus\.org|[\w-]+\.(?:zen|sbl|xbl|pbl|dbl|zrd)\.dq\.spamhaus\.net)\b/i, words: /\bSpamhaus(?: (?:ZEN|SBL|XBL|PBL|DBL|CSS|ZRD)\b)?/i, lookup: "check.spamhaus.org" },
  { zones: /\bbl\.spamcop\.net\b/i, words: /\bSpamCop\b/i, lookup: "www.spamcop.net/bl.shtml" },
  { zones: /\bb{1,2}\.barracudacentral\.org\b/i, words: /\bBarracuda Reputation(?: Block List)?\b|\bBRBL\b/i, lookup: "www.barracudacentral.org/lookups" },
  { zones: /\bdnsbl-[123]\.uceprotect\.net\b/i, words: /\bUCEPROTECT(?:-Level ?[123])?\b/i, lookup: "www.uceprotect.net/en/rblcheck.php" },
  { zones: /\bpsbl\.surriel\.com\b/i, words: /\bPSBL\b/, lookup: "psbl.org" },
  { zones: /\b(?:[\w-]+\.)?mail\.abusix\.zone\b/i, words: /\bAbusix\b/i, lookup: "lookup.abusix.com" },
  { zones: /\b(?:dyna|noptr|spam|all)\.spamrats\.com\b/i, words: /\bSpamRATS\b/i, lookup: "www.spamrats.com" },
  { zones: /\b(?:bl|rep|z)\.mailspike\.net\b/i, words: /\bMailspike\b/i, lookup: null },
  // SORBS closed in 2024: a receiver that still names it should drop it.
  { zones: /\b(?:[\w-]+\.)*sorbs\.net\b/i, words: /\bSORBS\b/, lookup: null },
  // Reputation systems that are no DNS list, named by the page a refusal links to.
  { zones: /\bipcheck\.proofpoint\.com\b/i, words: /\bProofpoint\b(?=.{0,40}\breputation\b)/i, lookup: "ipcheck.proofpoint.com", system: "Proofpoint's IP reputation" },
  { zones: /\bcsi\.cloudmark\.com\b/i, words: /\bCloudmark\b/i, lookup: "csi.cloudmark.com", system: "Cloudmark's sender reputation" },
];

/** A zone named where a list is: "blocked using ZONE" (Postfix, Haraka), "listed in/on/at ZONE", "black list ZONE". */
const NAMED_ZONE = /\b(?:blocked using|(?:black|block) ?list(?:ed)?(?: (?:on|in|at|by))?|listed (?:on|in|at|by)(?: the)?)\s+((?:[a-z0-9-]+\.)+[a-z]{2,})\b/i;

/** The list or reputation system a reply names, or null when it names none. */
export function namedList(text: string): NamedList | null {
  for (const row of LISTS) {
    const zone = row.zones.exec(text)?.[0];
    const words = row.words.exec(text)?.[0];
    if (zone === undefined && words === undefined) continue;
    return { name: row.system ?? zone ?? words ?? "", lookup: row.lookup };
  }
  const zone = NAMED_ZONE.exec(text)?.[1];
  return zone ? { name: zone, lookup: null } : null;
}

/** A fix written for a named list (`{list}`, `{lookup}`), filled in with the list the reply names. */
export function fillList(template: string, list: NamedList): string {
  return template.replace(/\{list\}/g, list.name).replace(/\{lookup\}/g, list.lookup ? ` (lookup and removal: ${list.lookup})` : "");
}
