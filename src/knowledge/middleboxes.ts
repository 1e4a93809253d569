/**
 * Boxes in front of an MTA — balancers, SMTP proxies, content filters, TLS terminators — and how
 * each shows itself: its own greeting, EHLO keywords and reply texts. Data, not code: a new box is
 * a row here. Recorded from the real boxes of scripts/test-middleboxes.sh (docs/testing.md) and
 * their sources (nginx src/mail/ngx_mail_smtp_handler.c, proxsmtp's smtppass.c, stunnel's
 * protocol.c, qpsmtpd's plugins).
 *
 * A box that only forwards bytes (HAProxy in TCP mode, a SOCKS proxy) says nothing of its own: it
 * is told by its behaviour instead (src/diagnose/middlebox.ts).
 */

import { AnyRow } from "./servers.js";

/** `server.via` (contract §8): what stands in front of the MTA. */
export const MIDDLEBOX_IDS = ["nginx", "proxsmtp", "stunnel", "qpsmtpd", "haproxy", "tls-terminator"] as const;
export type MiddleboxId = (typeof MIDDLEBOX_IDS)[number];

/** A `server.via` read from a report (any string) as a box of this table, or null. */
export const asMiddlebox = (v: string | undefined): MiddleboxId | null =>
  (MIDDLEBOX_IDS as readonly string[]).includes(v ?? "") ? (v as MiddleboxId) : null;

/** The server as one phrase: "Postfix 3.7", "Postfix via nginx", "via nginx". */
export function serverLabel(s: { product: string | null; version: string | null; via?: string }): string {
  const mta = s.product ? `${s.product}${s.version ? ` ${s.version}` : ""}` : "";
  return [mta, s.via ? `via ${s.via}` : ""].filter(Boolean).join(" ");
}

export interface MiddleboxRow {
  via: MiddleboxId;
  /** The product, as a person names it. */
  product: string;
  /** Matched against each greeting line. */
  banner?: RegExp;
  /**
   * The banner's form is one that servers which are no box use too: it names the box only when the
   * banner names no known server (src/diagnose/prepare.ts).
   */
  bannerShared?: boolean;
  /** Matched against the EHLO reply's lines (the keywords). */
  ehlo?: RegExp;
  /** Where the box writes why it refused or broke a session. */
  log: string;
}

export const MIDDLEBOXES: readonly MiddleboxRow[] = [
  // ngx_mail_smtp_handler.c: "220 <server_name> ESMTP ready"; the MTA's banner never reaches the client.
  // Yahoo's MX greets in the same form ("220 mta7.am0.yahoodns.net ESMTP ready").
  { via: "nginx", product: "nginx mail proxy", banner: /^\S+ ESMTP ready$/, bannerShared: true, log: "nginx's error log (`error_log` in nginx.conf, /var/log/nginx/error.log by default)" },
  // smtppass.c: the default greeting "220 smtp.passthru" and the XFILTERED keyword it adds to EHLO.
  { via: "proxsmtp", product: "proxsmtp", banner: /^smtp\.passthru\b/i, ehlo: /^XFILTERED$/i, log: "proxsmtpd's messages in syslog (facility mail) and the FilterCommand's own log" },
  // stunnel's `protocol = smtp` (server side) prefixes the MTA's banner: "220 <host> stunnel for <rest>".
  { via: "stunnel", product: "stunnel", banner: /\bstunnel for\b/i, log: "stunnel's log (`output =` in stunnel.conf, else syslog)" },
  { via: "qpsmtpd", product: "qpsmtpd", banner: /\bqpsmtpd\b/i, log: "qpsmtpd's log (the logging plugin's file, /var/log/qpsmtpd/qpsmtpd.log on Debian)" },
];

export const middleboxRow = (via: MiddleboxId): MiddleboxRow | undefined => MIDDLEBOXES.find((r) => r.via === via);

/** What each box is, in a phrase that reads after "through …". */
export const BOX_NAME: Readonly<Record<MiddleboxId, string>> = {
  nginx: "nginx's mail proxy",
  proxsmtp: "proxsmtp (a filtering SMTP proxy)",
  stunnel: "stunnel",
  qpsmtpd: "qpsmtpd (an SMTP front end)",
  haproxy: "HAProxy",
  "tls-terminator": "a TLS terminator (stunnel, HAProxy `ssl`, nginx `stream` with `ssl`)",
};

/**
 * Replies a box writes itself, for a command the MTA behind it never saw or for a failure
 * between the box and the MTA. `via` null: any box of that kind (a content filter whatever its
 * product). The first row that matches a failing step's reply explains it.
 */
export interface BoxReply {
  id: string;
  /** The box that writes this reply; null when the words say "a filter" whatever the product. */
  via: MiddleboxId | null;
  code: number;
  /** Matched against the reply's text (its lines joined with a space). */
  text: RegExp;
  /** Verbs it answers (`.` is the end of the message); any when absent. */
  verbs?: readonly string[];
  /** Only after these AUTH mechanisms (the step's SASL mechanism); any when absent. */
  mechanisms?: readonly string[];
  /** Only when this box was recognised from its greeting or EHLO (the words alone are too common). */
  needsVia?: boolean;
  /** What happened, said after "<box> answered …": who refused and what the MTA saw. */
  says: string;
  causes: readonly string[];
  fixes: readonly string[];
}

export const BOX_REPLIES: readonly BoxReply[] = [
  {
    // ngx_mail_smtp_handler.c: STARTTLS is a command only with `starttls on|only` (default off); else "500 5.5.1 Invalid command".
    id: "middlebox-starttls-off", via: "nginx", code: 500, text: /^(?:5\.5\.1 )?Invalid command$/i, verbs: ["STARTTLS"],
    says: "nginx offers and accepts STARTTLS only when its mail `server` block says `starttls on` (or `only`), and its default is off: it left STARTTLS out of the EHLO reply and refused the command itself. The MTA behind it never saw the command; nginx terminates TLS for its clients, so the MTA's own STARTTLS and certificate never reach them",
    causes: ["nginx's mail proxy has no `starttls on` for this server (the directive's default is off), so the port speaks plain text only."],
    fixes: [
      "In nginx's mail `server` block for this port: `starttls on;` (or `starttls only;`) with `ssl_certificate` and `ssl_certificate_key` naming the certificate clients should see, then `nginx -s reload`.",
      "If this port is meant to be plain text (a hop inside the network), probe it with `tls: none` (CLI `--tls none`).",
    ],
  },
  {
    // ngx_mail_smtp_handler.c: MAIL before AUTH without `none` in smtp_auth (default `login plain`).
    id: "middlebox-auth-required", via: "nginx", code: 530, text: /Authentication required/i, verbs: ["MAIL"], needsVia: true,
    says: "nginx takes MAIL FROM without a login only when its `smtp_auth` lists `none`, and its default (`smtp_auth login plain`) does not: nginx refused the transaction itself and never handed the session to the MTA",
    causes: ["nginx's `smtp_auth` for this server lacks `none`: every client must log in first, so mail from other servers (which never log in) is refused on this port whatever the MTA would accept."],
    fixes: [
      "If this port receives mail from other servers (an MX, port 25): add `none` to nginx's `smtp_auth` (`smtp_auth login plain none;`); nginx then asks its auth_http service at RCPT TO (Auth-Method: none) which backend takes the mail.",
      "If it is a submission port: give the probe credentials (`username` with `password-env`), so that AUTH runs before MAIL.",
    ],
  },
  {
    id: "middlebox-command-refused", via: "nginx", code: 500, text: /^(?:5\.5\.1 )?Invalid command$/i,
    says: "nginx answers every command itself until it hands the session to the MTA (after MAIL FROM), and it knows only EHLO, HELO, STARTTLS, AUTH, MAIL, NOOP, RSET and QUIT: the MTA behind it never saw this command",
    causes: ["nginx's mail proxy is in front of the MTA: before MAIL FROM, commands are nginx's to answer, and it refuses any it does not implement (XCLIENT-style or vendor commands, a custom AUTH verb)."],
    fixes: [
      "To test what the MTA does with this command, probe the MTA's own port (behind nginx), not the proxy.",
      "If clients need the command, it cannot go through nginx's mail proxy: route them to the MTA directly (nginx `stream` proxies bytes and answers nothing itself).",
    ],
  },
  {
    id: "middlebox-backend-failed", via: "nginx", code: 451, text: /^(?:4\.3\.2 )?Internal server error$/i,
    says: "nginx could not hand the session to the MTA: its auth_http service failed or did not answer, the backend it named (Auth-Server, Auth-Port) refused the connection, or the backend refused nginx's XCLIENT; then it closes. The MTA refused nothing: the reason is only in nginx's log",
    causes: [
      "The auth_http service is down, slow (auth_http_timeout) or answered something nginx could not use.",
      "The backend the auth service named (Auth-Server, Auth-Port) is down or refuses nginx's connections.",
      "`xclient on` while the backend does not allow XCLIENT from nginx's address (it answers 550 5.7.0 and nginx gives up).",
    ],
    fixes: [
      "Read nginx's error log (`error_log` in nginx.conf, /var/log/nginx/error.log): it names the step that failed (\"auth http server … failed\", \"upstream … refused\", \"upstream sent invalid response\" to XCLIENT).",
      "Check that the auth_http URL answers (`curl -i -H 'Auth-Method: none' -H 'Auth-Protocol: smtp' URL`) and that the Auth-Server/Auth-Port it returns accepts SMTP connections.",
      "With `xclient on`, let the backend accept XCLIENT from nginx's address, or set `xclient off` in nginx's mail block.",
    ],
  },
  {
    // nginx's auth_http protocol: for CRAM-MD5 nginx sends the client's digest as Auth-Pass and its challenge as Auth-Salt;
    // smtp_auth cram-md5 works only when "the password is stored unencrypted" (ngx_mail_smtp_module).
    id: "middlebox-auth-refused", via: "nginx", code: 535, text: /Invalid login or password/i, verbs: ["AUTH"], mechanisms: ["CRAM-MD5"], needsVia: true,
    says: "nginx checks credentials itself through its auth_http service and relays its Auth-Status; for CRAM-MD5 it passes the client's digest (Auth-Pass) and its own challenge (Auth-Salt), which the service can check only against the password in plain text. The MTA behind never saw this login",
    causes: [
      "nginx offers CRAM-MD5 (`smtp_auth … cram-md5`), and its auth_http service does not verify it: it compares Auth-Pass with a stored password or hash, while for CRAM-MD5 Auth-Pass is the HMAC-MD5 digest of the Auth-Salt challenge, so every CRAM-MD5 login is refused, right password or not.",
      "The user name or password is wrong.",
    ],
    fixes: [
      "Take `cram-md5` out of nginx's `smtp_auth` unless the auth_http service computes the digest from Auth-Salt and the password in plain text; clients then use PLAIN or LOGIN, over TLS.",
      "To tell a wrong password from a mechanism the service cannot check, probe once with `auth: PLAIN` (CLI `--auth PLAIN`).",
    ],
  },
  {
    id: "middlebox-auth-refused", via: "nginx", code: 535, text: /Invalid login or password/i, verbs: ["AUTH"], needsVia: true,
    says: "nginx checks credentials itself through its auth_http service and relays its Auth-Status; the MTA behind never saw this login",
    causes: ["The auth_http service refused the user name or password (wrong credentials, or the service checks another user database than the MTA)."],
    fixes: [
      "Check the credentials against the user database the auth_http service reads, and its log for this login.",
      "If the MTA accepts these credentials directly, the auth_http service and the MTA disagree: point the service at the same user database.",
    ],
  },
  {
    id: "middlebox-starttls-stripped", via: "proxsmtp", code: 502, text: /^Command not implemented$/i, verbs: ["STARTTLS"], needsVia: true,
    says: "proxsmtp reads every message to filter it, so it cannot pass TLS through: it removes STARTTLS from the EHLO reply and refuses the command itself, whatever the MTA behind it offers",
    causes: ["A filtering SMTP proxy (proxsmtp) is in front of the MTA and does not speak TLS; the MTA's own STARTTLS never reaches clients of this port."],
    fixes: [
      "Terminate TLS in front of proxsmtp (stunnel, HAProxy `ssl`) for an implicit-TLS port, or move the filter into the MTA (a milter or content filter) so that the MTA's STARTTLS reaches clients.",
      "If this port is meant to be plain text (a hop inside the network), probe it with `tls: none` (CLI `--tls none`).",
    ],
  },
  {
    id: "middlebox-content-filter", via: "proxsmtp", code: 550, text: /./, verbs: ["."], needsVia: true,
    says: "proxsmtp's filter refused the message at the end of DATA (its FilterCommand exited non-zero), so proxsmtp never passed it to the MTA",
    causes: ["The content filter behind proxsmtp (a virus or spam scanner run as its FilterCommand) judged the message and refused it; the MTA did not see it."],
    fixes: [
      "Read proxsmtpd's syslog lines and the filter's own log: the last line the filter wrote to stderr is the reply text.",
      "If the message is legitimate, fix the filter's verdict (signatures, policy) or the FilterCommand in proxsmtpd.conf; smtp-gate's test message is a few lines of plain text.",
    ],
  },
  {
    // proxsmtp's smtppass.c: "451 Local Error" for its own failures (a filter past FilterTimeout, one that cannot run or dies).
    id: "middlebox-filter-failed", via: "proxsmtp", code: 451, text: /^Local Error$/i, verbs: ["."], needsVia: true,
    says: "proxsmtp answers \"451 Local Error\" itself when its filter fails — the FilterCommand ran past FilterTimeout, could not be run, or died — and then passes nothing to the MTA",
    causes: [
      "The FilterCommand outlasted proxsmtpd's `FilterTimeout` (30 s by default): a scanner that is slow or overloaded, or one waiting on its own daemon (clamd, spamd) that is down.",
      "The FilterCommand cannot run (a wrong path, not executable by proxsmtpd's `User`) or crashed, or proxsmtpd cannot write its `TempDirectory`.",
    ],
    fixes: [
      "Read proxsmtpd's syslog lines for this session: \"timeout while listening to filter command\" or \"timeout waiting for filter command to exit\" is FilterTimeout; any other line names the failure.",
      "Run the FilterCommand by hand as proxsmtpd's `User` on a message and time it; fix the scanner (or the daemon it talks to), or raise `FilterTimeout` in proxsmtpd.conf above its run time.",
    ],
  },
  {
    id: "middlebox-content-filter", via: null, code: 550, text: /\bcontent filter\b|\bFOUND$|\bvirus\b|\binfected\b/i, verbs: ["."],
    says: "a content filter (virus or spam scanner) in front of the MTA refused the message at the end of DATA",
    causes: ["A content filter (an SMTP proxy such as proxsmtp or amavis, or a milter) scanned the message and refused it; the recipient and the MTA's routing are not the cause."],
    fixes: [
      "Read the filter's log for this message: it names the signature or rule that matched.",
      "If the message is legitimate, fix the filter's verdict (signatures, policy); the recipient address is not the cause.",
    ],
  },
  {
    id: "middlebox-backend-failed", via: "qpsmtpd", code: 451, text: /Unable to queue message|Queuing declined or disabled/i, verbs: ["."],
    says: "qpsmtpd accepted the recipients itself and could not pass the message on to the MTA behind it (queue/smtp-forward): that MTA refused the message or a recipient, or is down. The 250s to RCPT came from the front end, not from the server that holds the mailboxes",
    causes: [
      "The front end accepts every recipient of its domains (rcpt_ok) without asking the backend, which refuses an unknown recipient only when the message is forwarded.",
      "The backend named in queue/smtp-forward is down or refuses the front end's connection.",
    ],
    fixes: [
      "Read qpsmtpd's log (the logging plugin's file): smtp-forward logs the backend's own reply.",
      "Let the front end check recipients against the backend at RCPT time (a recipient-validation plugin or a map of valid users), so that an unknown user is refused at RCPT, not after DATA.",
      "Check that the backend of queue/smtp-forward is up and accepts the front end's connections.",
    ],
  },
];

/**
 * The box reply that explains a failing reply, if any. `via`: the box recognised in the session;
 * `mechanism`: the SASL mechanism of an AUTH step (its continuation lines carry the verb AUTH too).
 */
export function boxReply(code: number, text: string, verb: string, via: MiddleboxId | null, mechanism: string | null = null): BoxReply | null {
  return BOX_REPLIES.find((r) =>
    r.code === code && r.text.test(text) && (!r.verbs || r.verbs.includes(verb)) &&
    (!r.mechanisms || (mechanism !== null && r.mechanisms.includes(mechanism))) &&
    (r.via === null || r.via === via || (!r.needsVia && via === null))) ?? null;
}

const ANY_BOX_BANNER = new AnyRow(MIDDLEBOXES.map((r) => r.banner));
const ANY_BOX_EHLO = new AnyRow(MIDDLEBOXES.map((r) => r.ehlo));

/** What the greeting and EHLO say about a box in front, or null. */
export function recogniseMiddlebox(signs: { banner: readonly string[]; ehlo: readonly string[] }): MiddleboxRow | null {
  if (signs.banner.some((l) => ANY_BOX_BANNER.test(l))) {
    for (const row of MIDDLEBOXES) if (row.banner && signs.banner.some((l) => row.banner?.test(l))) return row;
  }
  if (signs.ehlo.some((l) => ANY_BOX_EHLO.test(l))) {
    for (const row of MIDDLEBOXES) if (row.ehlo && signs.ehlo.some((l) => row.ehlo?.test(l))) return row;
  }
  return null;
}
