/**
 * Server families: how to recognise a product from what it says — its banner, its EHLO reply,
 * and reply shapes only that product writes (its wording, its enhanced codes, its own reply
 * codes). Data, not code: a new family is a new row here; its causes' fixes go in
 * root-causes.ts and its own meanings of codes in cause-signs.ts (docs/diagnosis.md).
 *
 * Signs are tried in order: the banner first (most products name themselves there), then the
 * EHLO reply, then the replies. A banner can be customised (Postfix's smtpd_banner, Exim's
 * smtp_banner), so reply shapes are the fallback. Rows that share a banner (Microsoft's three
 * services all say "Microsoft ESMTP MAIL Service") come most specific first.
 *
 * What stands in front of a server (a balancer, an SMTP proxy, a filter) is recognised by
 * middleboxes.ts, not here.
 */
import { lineWords } from "../protocol/reply.js";

export const SERVER_FAMILIES = [
  "postfix", "exim", "sendmail", "opensmtpd", "haraka", "qmail", "courier", "aiosmtpd",
  "exchange", "microsoft365", "outlookcom", "gmail", "yahoo", "icloud",
  "mimecast", "proofpoint", "cisco-esa", "barracuda", "hmailserver", "mdaemon",
] as const;
export type ServerFamily = (typeof SERVER_FAMILIES)[number];

/** Microsoft's three mail services: their codes and meanings are shared (learn.microsoft.com, "NDRs in Exchange Online"). */
export const MICROSOFT: readonly ServerFamily[] = ["exchange", "microsoft365", "outlookcom"];

/** A reply, in the pieces recognition looks at (protocol/reply.ts's Reply is one). */
export interface ReplySign {
  code: number;
  enhanced: string | null;
  lines: readonly string[];
}

export interface ServerRow {
  family: ServerFamily;
  product: string;
  /** Matched against each greeting line; group 1, when present, is the version. */
  banner?: RegExp;
  /** Matched against each line of a successful EHLO reply (the greeting line and the keywords). */
  ehlo?: RegExp;
  /**
   * Matched against a successful EHLO reply's keywords in the order sent, each followed by "\n"
   * (the greeting line left out): a product whose banner is customised may still be told by the
   * order its code writes them in.
   */
  ehloOrder?: RegExp;
  /** Matched against each reply's text: wording only this product uses. */
  replies?: RegExp;
  /** Enhanced codes only this product sends (outside the IANA registry, or used for its own meaning). */
  enhanced?: RegExp;
  /** Reply codes only this product sends (Courier's 513, 517, …). */
  codes?: readonly number[];
}

/** qmail-smtpd.c's replies and qmail-queue's (qmail.c qmail_close) as qmail-smtpd passes them on, each with its "(#x.y.z)"; its control files' names. */
const QMAIL_WORDS = new RegExp(String.raw`^(?:timeout|out of memory|unable to read controls|unable to figure out my IP addresses|unimplemented|syntax error|MAIL first|RCPT first|qqt failure|too many hops, this message is looping|qq [a-z ]+|envelope address too long for qq|mail server (?:permanently|temporarily) rejected message|connection to mail server (?:timed out|rejected)|communication with mail server failed|unable to exec qq) \(#[245]\.\d{1,3}\.\d{1,3}\)$|isn't in my list of allowed rcpthosts|my databytes limit|my badmailfrom list|pobox\.com/~djb/docs/smtplf\.html`, "i");

export const SERVERS: readonly ServerRow[] = [
  { family: "aiosmtpd", product: "aiosmtpd", banner: /\baiosmtpd(?:\s+v?(\d[\w.]*))?|Python SMTP(?:\s+(\d[\w.]*))?/i },
  { family: "haraka", product: "Haraka", banner: /\bHaraka(?:\/(\d[\w.]*))?/i, ehlo: /Haraka is at your service/i, replies: /Have a jolly good day|I cannot deliver mail for </i },
  { family: "opensmtpd", product: "OpenSMTPD", banner: /\bOpenSMTPD\b/i, replies: /Invalid command: Command (?:unrecognized|not allowed)|Mailing list expansion problem|Invalid recipient: </i },
  // PIPECONNECT (X_PIPE_CONNECT while experimental) is Exim's early pipelining, which no other server of these rows offers.
  { family: "exim", product: "Exim", banner: /\bExim\s+(\d[\w.]*)/i, ehlo: /^(?:X_)?PIPE_?CONNECT$/i, replies: /Unrouteable address|relay not permitted|sender not yet given|All RCPT commands were rejected|Incorrect authentication data|AUTH command used when not advertised|Sender verify failed/i },
  // DELIVERBY (RFC 2852) is Sendmail's: srvrsmtp.c advertises it by default, and no other server of these rows does.
  { family: "sendmail", product: "Sendmail", banner: /\bSendmail\s+(\d[\w.]*)(?:\/[\w.]+)?/i, ehlo: /^DELIVERBY\b/i, replies: /\.\.\. (?:User unknown|Relaying denied|Access denied)|Need MAIL before RCPT|Need RCPT \(recipient\)|Fix reverse DNS for /i },
  // smtpd.c ehlo_cmd() writes PIPELINING, SIZE, VRFY (unless disable_vrfy_command), ETRN, STARTTLS, AUTH, AUTH= (broken
  // clients), XCLIENT/XFORWARD, ENHANCEDSTATUSCODES, 8BITMIME, DSN, SMTPUTF8, CHUNKING, in that order, each one optional
  // (smtpd_discard_ehlo_keywords); postscreen's own EHLO leaves out PIPELINING. The whole order, with ETRN right after SIZE
  // or VRFY (Sendmail puts DSN between; Exim and the others do not write it there), is Postfix's even when smtpd_banner hides it.
  {
    family: "postfix", product: "Postfix", banner: /\bPostfix\b(?:\s+\(?(\d[\w.]*))?/i,
    ehloOrder: /^(?:PIPELINING\n)?SIZE(?: \d+)?\n(?:VRFY\n)?ETRN\n(?:STARTTLS\n)?(?:AUTH[ =][^\n]*\n){0,2}(?:X(?:CLIENT|FORWARD|VERP)\b[^\n]*\n)*(?:ENHANCEDSTATUSCODES\n)?(?:8BITMIME\n)?(?:DSN\n)?(?:SMTPUTF8\n)?(?:CHUNKING\n)?$/i,
    replies: /(?:Recipient address|Sender address|Client host|Helo command) rejected: |Relay access denied|Error: (?:command not recognized|need MAIL command|authentication failed|no valid recipients|send HELO\/EHLO first|I can break rules)/i,
  },
  // A recipient or host at outlook.com (x@outlook.com) is any server's words; Outlook.com names itself, or links its pages.
  { family: "outlookcom", product: "Outlook.com", banner: /\.olc\.protection\.outlook\.com|\bhotmail\.com\b/i, replies: /(?<![@.])\bOutlook\.com\b|\[(?:SC|DY|RP|OU|BL|SU|CS)-\d{3}\]|postmaster\.live\.com|sendersupport\.olc/i },
  {
    family: "microsoft365", product: "Microsoft 365",
    banner: /\.mail\.protection\.outlook\.com|\.outlook\.office365\.com|smtp\.office365\.com|\.prod\.outlook\.com/i,
    replies: /\.prod\.(?:protection\.)?outlook\.com|aka\.ms\/|TenantAttribution|SmtpClientAuthentication|\bAS\(\d{5,}\)|RESOLVER\.[A-Z]+\.[A-Z]+|Sender (?:was )?not authenticated (?:by organization|for (?:group|mailbox|public folder|mail user))|tenant has exceeded threshold|Tenant Allow Block List/,
    // Microsoft's own enhanced codes: 5.7.50 and up (5.7.57, 5.7.64, 5.7.1xx, 5.7.5xx, 4.7.5xx, 5.7.7xx, 5.7.800), which neither
    // the IANA registry (up to X.7.30) nor Google (X.7.24–X.7.32, X.7.40) uses; and 5.4.1 to RCPT (Directory-Based Edge
    // Blocking, or relay refused). Microsoft's 5.7.30 (basic authentication) is Google's DKIM code and the registry's
    // REQUIRETLS: its words and host names tell.
    enhanced: /^[45]\.7\.(?:[5-9]\d|[1-9]\d\d)$|^5\.4\.1$/,
  },
  { family: "exchange", product: "Microsoft Exchange", banner: /Microsoft ESMTP MAIL Service|Microsoft Exchange/i, ehlo: /^X-ANONYMOUSTLS$|^XEXCH50$|^X-EXPS\b|^XRDST$|^XSHADOWREQUEST$/i, replies: /Client was not authenticated|Client not authenticated to send mail/i },
  { family: "gmail", product: "Gmail", banner: /\bgsmtp\b|mx\.google\.com|smtp\.gmail\.com|smtp-relay\.gmail\.com|\baspmx\b/i, replies: /\bgsmtp$|support\.google\.com\/(?:mail|a)|For more information,? go to|\bGmail\b|\bGoogle(?:'s)? |Google Account/ },
  { family: "yahoo", product: "Yahoo", banner: /\.yahoo(?:dns)?\.(?:com|net)\b/i, replies: /\[TSS?\d\d\]|yahooinc\.com|\bYahoo\b|yahoo\.com account/ },
  { family: "icloud", product: "iCloud Mail", banner: /\.mail\.icloud\.com|\bicloud\.com\b|\.me\.com\b/i, replies: /\[(?:HME|CS)\d+\]|support\.apple\.com|\biCloud\b/ },
  { family: "mimecast", product: "Mimecast", banner: /\bmimecast\b/i, replies: /(?<!@)\bmimecast\b|Anti-Spoofing policy/i },
  { family: "proofpoint", product: "Proofpoint", banner: /\bpphosted\.com\b|\bppops\.net\b|\bProofpoint\b/i, replies: /\bpphosted\b|(?<!@)\bProofpoint\b|\bppops\.net\b/i },
  // Cisco Secure Email (IronPort) writes the enhanced code inside the text, with a '#': "451 #4.4.3 …".
  { family: "cisco-esa", product: "Cisco Secure Email", banner: /\bIronPort\b|\bCisco\b/i, replies: /^#[245]\.\d{1,3}\.\d{1,3}\s/ },
  // Barracuda's public list (b.barracudacentral.org) is queried by any MTA; the appliance writes "Barracuda Reputation"
  // and links its own lookup (bbl.barracudacentral.com/q.cgi).
  { family: "barracuda", product: "Barracuda", banner: /\bBarracuda\b|\bbarracudanetworks\b/i, replies: /\bBarracuda Reputation\b|barracudanetworks\.com|\bbbl\.barracudacentral\.com\/q\.cgi|^permanent failure for one or more recipients \(/i },
  // qmail writes its enhanced code at the end ("(#5.5.1)"), and so do others (Broadcom Email Security.cloud's "sender envelope
  // domain not allowed for sender IP address (#5.1.8)"): qmail is told by its own words, qmail-smtpd.c's and qmail-queue's
  // (qmail.c qmail_close), with that suffix.
  { family: "qmail", product: "qmail", banner: /\bqmail\b|\bnetqmail\b/i, replies: QMAIL_WORDS },
  // Courier replies with codes of its own (RFC 5321 has no 513, 517, 431, 531, 540 or 440).
  { family: "courier", product: "Courier", banner: /\bCourier\b/i, ehlo: /^XVERP=Courier$|^XCOURIEROUTPUTS?\b/i, replies: /Courier mail server/i, codes: [400, 513, 517, 417, 431, 531, 540, 440] },
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
  replies: readonly ReplySign[];
}

/**
 * The union of one kind of pattern of every row, one regular expression per set of flags: a text
 * that matches none of it matches no row, so the common case (a line that names no product) is
 * one test, not one per row. A text the union matches is then tried row by row, in row order.
 * Recognition runs once per target: a fleet of thousands made the per-row tests show.
 */
export class AnyRow {
  private readonly unions: RegExp[];

  constructor(patterns: readonly (RegExp | undefined)[]) {
    const byFlags = new Map<string, string[]>();
    for (const p of patterns) if (p) byFlags.set(p.flags, [...(byFlags.get(p.flags) ?? []), `(?:${p.source})`]);
    this.unions = [...byFlags].map(([flags, sources]) => new RegExp(sources.join("|"), flags));
  }

  test(text: string): boolean {
    for (let i = 0; i < this.unions.length; i++) if ((this.unions[i] as RegExp).test(text)) return true;
    return false;
  }
}

const ANY_BANNER = new AnyRow(SERVERS.map((r) => r.banner));
const ANY_EHLO = new AnyRow(SERVERS.map((r) => r.ehlo));
const ANY_REPLY_WORDS = new AnyRow(SERVERS.map((r) => r.replies));
const ANY_ENHANCED = new AnyRow(SERVERS.map((r) => r.enhanced));
const PRODUCT_CODES = new Set(SERVERS.flatMap((r) => r.codes ?? []));
const ORDERED = SERVERS.filter((r) => r.ehloOrder);

/** The server family these signs show, or null when none matches. */
export function recogniseServer(signs: ServerSigns): RecognisedServer | null {
  const found = (row: ServerRow, version: string | null): RecognisedServer => ({ family: row.family, product: row.product, version });
  if (signs.banner.some((l) => ANY_BANNER.test(l))) {
    for (const row of SERVERS) {
      for (const line of signs.banner) {
        const m = row.banner?.exec(line);
        if (m) return found(row, m.slice(1).find((g) => g !== undefined) ?? null);
      }
    }
  }
  if (signs.ehlo.some((l) => ANY_EHLO.test(l.trim()))) {
    for (const row of SERVERS) if (row.ehlo && signs.ehlo.some((l) => row.ehlo?.test(l.trim()))) return found(row, null);
  }
  if (signs.ehlo.length > 1) {
    const order = `${signs.ehlo.slice(1).map((l) => l.trim()).join("\n")}\n`;
    for (const row of ORDERED) if (row.ehloOrder?.test(order)) return found(row, null);
  }
  // Structured shapes (a product's own codes) before words, which another product may quote.
  if (signs.replies.some((r) => (r.enhanced !== null && ANY_ENHANCED.test(r.enhanced)) || PRODUCT_CODES.has(r.code))) {
    for (const row of SERVERS) {
      if (signs.replies.some((r) => (r.enhanced !== null && row.enhanced?.test(r.enhanced)) || row.codes?.includes(r.code))) return found(row, null);
    }
  }
  // Each line's words, after its enhanced code (protocol/reply.ts lineWords): a product's own text starts there.
  const words = signs.replies.flatMap((r) => r.lines.map(lineWords));
  if (words.some((l) => ANY_REPLY_WORDS.test(l))) {
    for (const row of SERVERS) if (words.some((l) => row.replies?.test(l))) return found(row, null);
  }
  return null;
}

/** The row of a family. */
export function serverRow(family: ServerFamily): ServerRow {
  return SERVERS.find((r) => r.family === family) as ServerRow;
}
