/**
 * Server families: how to recognise an MTA from what it says (banner, EHLO reply, reply texts),
 * and the name of each family's own configuration, for advice that fits the server in front of
 * us. Data, not code: a new family is a new row here (and, for its knobs, rows in causes.ts).
 *
 * Signs are tried in order: the banner first (most MTAs name themselves there), then the EHLO
 * greeting line, then reply texts that only one product writes. A banner can be customised
 * (Postfix's smtpd_banner, Exim's smtp_banner), so reply texts are the fallback.
 */

export type ServerFamily =
  | "postfix" | "exim" | "sendmail" | "opensmtpd" | "haraka" | "exchange" | "gmail"
  | "qmail" | "courier" | "aiosmtpd" | "hmailserver" | "mdaemon";

export interface ServerRow {
  family: ServerFamily;
  product: string;
  /** Matched against the greeting; group 1, when present, is the version. */
  banner?: RegExp;
  /** Matched against the first line of an EHLO reply, and against the EHLO keywords. */
  ehlo?: RegExp;
  /** Matched against each reply's text: wordings only this product uses. */
  replies?: RegExp;
}

export const SERVERS: readonly ServerRow[] = [
  { family: "aiosmtpd", product: "aiosmtpd", banner: /\baiosmtpd(?:\s+v?(\d[\w.]*))?|Python SMTP(?:\s+(\d[\w.]*))?/i },
  { family: "haraka", product: "Haraka", banner: /\bHaraka(?:\/(\d[\w.]*))?/i, ehlo: /Haraka is at your service/i, replies: /Have a jolly good day|I cannot deliver mail for </i },
  { family: "opensmtpd", product: "OpenSMTPD", banner: /\bOpenSMTPD\b/i, replies: /Invalid command: Command (?:unrecognized|not allowed)|Mailing list expansion problem|Invalid recipient: </i },
  { family: "exim", product: "Exim", banner: /\bExim\s+(\d[\w.]*)/i, replies: /Unrouteable address|relay not permitted|sender not yet given|All RCPT commands were rejected|Incorrect authentication data/i },
  { family: "sendmail", product: "Sendmail", banner: /\bSendmail\s+(\d[\w.]*)(?:\/[\w.]+)?/i, replies: /\.\.\. (?:User unknown|Relaying denied)|Need MAIL before RCPT|Need RCPT \(recipient\)/i },
  { family: "postfix", product: "Postfix", banner: /\bPostfix\b(?:\s+\(?(\d[\w.]*))?/i, replies: /Recipient address rejected|Relay access denied|Error: (?:command not recognized|need MAIL command|authentication failed|no valid recipients)|Sender address rejected/i },
  { family: "exchange", product: "Microsoft Exchange", banner: /Microsoft ESMTP MAIL Service|Microsoft Exchange|\.outlook\.com|\.protection\.outlook\.com/i, ehlo: /^X-ANONYMOUSTLS$|^XEXCH50$|^X-EXPS\b/i, replies: /\.prod\.outlook\.com|SmtpClientAuthentication is disabled|Client not authenticated to send mail/i },
  { family: "gmail", product: "Gmail", banner: /\bgsmtp\b|mx\.google\.com|smtp\.gmail\.com/i, replies: /\bgsmtp$|support\.google\.com\/(?:mail|a)/i },
  { family: "qmail", product: "qmail", banner: /\bqmail\b|\bnetqmail\b/i, replies: /isn't in my list of allowed rcpthosts|\(#\d\.\d\.\d\)$/i },
  { family: "courier", product: "Courier", banner: /\bCourier\b/i, replies: /Courier mail server/i },
  { family: "hmailserver", product: "hMailServer", banner: /\bhMailServer\b/i },
  { family: "mdaemon", product: "MDaemon", banner: /\bMDaemon\s+(?:PRO\s+)?v?(\d[\w.]*)/i },
];

export interface RecognisedServer {
  family: ServerFamily;
  product: string;
  version: string | null;
}

/** What the server said, in the pieces recognition looks at. */
export interface ServerSigns {
  banner: readonly string[];
  ehlo: readonly string[];
  replies: readonly string[];
}

/** The server family these signs show, or null when none matches. */
export function recogniseServer(signs: ServerSigns): RecognisedServer | null {
  const versionOf = (m: RegExpExecArray) => m.slice(1).find((g) => g !== undefined) ?? null;
  for (const row of SERVERS) {
    for (const line of signs.banner) {
      const m = row.banner?.exec(line);
      if (m) return { family: row.family, product: row.product, version: versionOf(m) };
    }
  }
  for (const row of SERVERS) if (row.ehlo && signs.ehlo.some((l) => row.ehlo?.test(l))) return { family: row.family, product: row.product, version: null };
  for (const row of SERVERS) if (row.replies && signs.replies.some((l) => row.replies?.test(l))) return { family: row.family, product: row.product, version: null };
  return null;
}

/** The family of a product name as recorded on a target (`server.product`). */
export function familyOfProduct(product: string | null | undefined): ServerFamily | null {
  return SERVERS.find((r) => r.product === product)?.family ?? null;
}
