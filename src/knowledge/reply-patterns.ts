/**
 * Reply families with their own advice, matched on code, enhanced code, reply text and the
 * command they answered. Checked in order; the first match names the finding. Data, not code:
 * a new family is a new row. Sources are named per row.
 */
export interface ReplyPattern {
  id: string;
  /** Short words for the finding message and the summary line. */
  title: string;
  codes: readonly number[];
  enhanced?: RegExp;
  text?: RegExp;
  /** Verbs of the command it answered (the greeting is ""). */
  verbs?: readonly string[];
  causes: string[];
  fixes: string[];
  source: string;
}

/** The reply families, built on first use (only a reply that is not a success is matched): see replyCodes(). */
export function replyPatterns(): readonly ReplyPattern[] {
  return (replyPatternsTable ??= [
    {
      // Before greylisting and "service closing": a server that cannot write its own queue or log
      // (Sendmail "collect: Cannot write ./dfXXXX", "No space left on device") is not busy or greylisting.
      id: "server-storage", title: "the server cannot write to its own storage", codes: [421, 451, 452, 554],
      text: /\b(?:cannot|can't|could not|unable to|failed to) (?:write|create|open|fsync|rename)|no space left|disk (?:full|quota)|insufficient (?:disk|system storage)|queue file write error|\bdf[A-Za-z0-9]{4,}|I\/O error|read-only file system|write error|error writing/i,
      causes: ["The server cannot write to its own storage: the queue or spool filesystem is full, read-only, or has the wrong permissions."],
      fixes: ["Check free space and permissions where the server keeps its queue and logs (`df -h`, `df -i`), and its log for the failing write."],
      source: "RFC 5321 §4.2.2 (421, 451, 452); RFC 3463 X.3.1, X.3.0",
    },
    {
      id: "greylisted", title: "greylisted: retry later", codes: [450, 451, 452], text: /grey|gray|try again later|temporar\w* (?:rejected|deferred)|deferred/i,
      causes: ["The receiver greylists first contact from an unknown (IP, sender, recipient) triplet; a real MTA retries after a few minutes and is then accepted."],
      fixes: ["Nothing is broken: a retry after 1–15 minutes usually passes. For a gate, use `fail-on: hard` so a greylist only warns, or whitelist the probe's IP on the receiver."],
      source: "RFC 6647 (greylisting); RFC 5321 §4.2.1 (4yz)",
    },
    {
      id: "message-too-large", title: "message too large for the server's SIZE limit", codes: [452, 552], enhanced: /^[45]\.(3\.4|2\.3)$/,
      causes: ["The message (or the SIZE= declared in MAIL FROM) exceeds what the server accepts (its EHLO SIZE value)."],
      fixes: ["Compare the message size with the SIZE the server advertises; raise the limit (Postfix: message_size_limit) or send smaller messages."],
      source: "RFC 1870 (SIZE); RFC 3463 X.3.4, X.2.3",
    },
    {
      id: "too-many-recipients", title: "too many recipients", codes: [452], enhanced: /^4\.5\.3$/,
      causes: ["The transaction has more recipients than the server accepts at once."],
      fixes: ["Send in smaller batches; the remaining recipients can go in a new transaction."],
      source: "RFC 5321 §4.5.3.1.10; RFC 3463 X.5.3",
    },
    {
      // "530 5.5.1 Must issue an AUTH command first" (Postfix after a working STARTTLS) asks for AUTH, not TLS.
      id: "auth-required", title: "authentication required", codes: [530], text: /\bAUTH\b|authenticat|log ?in first/i,
      causes: ["The server accepts mail only from authenticated clients on this port (submission)."],
      fixes: ["Configure credentials (`username` with `password-env`/`password`), and AUTH before MAIL."],
      source: "RFC 4954 §6",
    },
    {
      id: "starttls-required-first", title: "must issue STARTTLS first", codes: [530, 538], text: /starttls|tls|encrypt/i,
      causes: ["The server requires TLS before this command (submission ports usually do), and the session is still in plain text: STARTTLS was not sent, was not advertised, or an appliance stripped it."],
      fixes: ["Use `tls: starttls` (and check that the server advertises STARTTLS), or `tls: implicit` on port 465.", "If STARTTLS is missing from EHLO only through the network path, an SMTP-inspecting firewall is removing it: disable its SMTP inspection."],
      source: "RFC 3207 §4; RFC 4954 §6 (538)",
    },
    {
      id: "auth-required", title: "authentication required", codes: [530], enhanced: /^5\.7\.0$/,
      causes: ["The server accepts mail only from authenticated clients on this port (submission)."],
      fixes: ["Configure credentials (`username` with `password-env`/`password`), and AUTH before MAIL."],
      source: "RFC 4954 §6",
    },
    {
      id: "auth-failed", title: "authentication failed", codes: [535],
      causes: [
        "Wrong username or password, or the account is locked or disabled.",
        "The provider disabled basic (password) authentication: Microsoft 365 and Google require OAuth 2 (XOAUTH2) or an app password.",
        "The OAuth token is expired or lacks the SMTP scope (https://mail.google.com/ or SMTP.Send).",
      ],
      fixes: ["Check the credentials with the provider's own tools; for Microsoft 365 enable SMTP AUTH for the mailbox or use XOAUTH2; for Gmail use an app password or XOAUTH2."],
      source: "RFC 4954 §6; RFC 3463 X.7.8",
    },
    {
      id: "auth-mechanism-too-weak", title: "authentication mechanism too weak", codes: [534],
      causes: ["The server refuses this AUTH mechanism for this account (policy), e.g. PLAIN without TLS, or any password mechanism where OAuth is required."],
      fixes: ["Use a mechanism the server offers after STARTTLS, or XOAUTH2."],
      source: "RFC 4954 §6",
    },
    {
      id: "starttls-repeated", title: "STARTTLS on a session already in TLS", codes: [454, 503, 554], verbs: ["STARTTLS"], text: /after start|already|TLS (?:is )?active|once/i,
      causes: ["STARTTLS was sent on a session that is already encrypted; RFC 3207 §4.2 forbids a second STARTTLS."],
      fixes: ["Send STARTTLS once: remove the second STARTTLS."],
      source: "RFC 3207 §4.2",
    },
    {
      id: "tls-unavailable", title: "TLS not available", codes: [454], verbs: ["STARTTLS"],
      causes: ["STARTTLS is advertised but the server cannot start TLS: missing or unreadable certificate or key, or a TLS library error."],
      fixes: ["Look at the MTA's log at this time; check the certificate and key files and their permissions (Postfix: smtpd_tls_chain_files)."],
      source: "RFC 3207 §4",
    },
    {
      id: "temporary-auth-failure", title: "temporary authentication failure", codes: [454],
      causes: ["The authentication backend (LDAP, Dovecot SASL, the provider's identity service) is unreachable or slow."],
      fixes: ["Retry later; check the SASL backend the MTA uses (Postfix: smtpd_sasl_path, Dovecot's auth log)."],
      source: "RFC 4954 §6",
    },
    {
      // OpenSMTPD answers 524 5.2.4 when an address does not expand (RFC 3463 X.2.4).
      id: "recipient-expansion-failed", title: "recipient expansion failed", codes: [524, 550, 554, 450, 451], enhanced: /^[45]\.2\.4$/, verbs: ["RCPT"],
      causes: ["The address did not expand to a deliverable mailbox (alias, list or virtual table)."],
      fixes: ["Check the alias or virtual table the address expands through, and the server's log."],
      source: "RFC 3463 X.2.4",
    },
    {
      id: "unknown-user", title: "unknown user", codes: [550, 551, 553], enhanced: /^5\.1\.[16]$/,
      causes: ["The recipient mailbox does not exist on this server (typo, deleted account, or a missing alias)."],
      fixes: ["Check the address; on the server check the recipient maps (Postfix: local_recipient_maps, virtual_mailbox_maps)."],
      source: "RFC 3463 X.1.1, X.1.6",
    },
    {
      id: "relay-denied", title: "relay access denied", codes: [550, 551, 553, 554], text: /relay/i,
      causes: ["The recipient's domain is not served here and the client is not allowed to relay: it did not authenticate, or is not in the relay networks."],
      fixes: ["Authenticate (submission port 587 with AUTH) before sending to outside domains, or send to the domain's own MX."],
      source: "RFC 5321 §3.6.2 (relaying); RFC 3463 X.7.1",
    },
    {
      id: "blocklisted", title: "sender blocked by a blocklist", codes: [550, 554, 421, 450], text: /block ?list|black ?list|\bRBL\b|DNSBL|spamhaus|barracuda|spamcop|sorbs|listed (?:at|in|on)|blocked using|reputation/i,
      causes: ["The connecting IP address (or the sender's domain) is on a DNS blocklist the receiver checks."],
      fixes: ["Look up the sending IP on the named list (e.g. https://check.spamhaus.org), remove the cause (open relay, compromised account, bad neighbour on a shared IP), then request delisting."],
      source: "RFC 5782 (DNSBLs); RFC 3463 X.7.1",
    },
    {
      id: "unknown-user", title: "unknown user", codes: [550, 551, 553], verbs: ["RCPT"],
      text: /unrouteable address|user unknown|unknown user|no such (?:user|mailbox|recipient)|mailbox (?:unavailable|not found)|does not exist|invalid recipient|recipient address rejected/i,
      causes: ["The recipient mailbox does not exist on this server (typo, deleted account, or a missing alias)."],
      fixes: ["Check the address; on the server check its recipient tables."],
      source: "RFC 5321 §4.2.2 (550); RFC 3463 X.1.1",
    },
    {
      id: "sender-not-allowed", title: "sender address not allowed", codes: [553, 550], enhanced: /^5\.7\.1$/, verbs: ["MAIL"],
      causes: ["The authenticated user may not send as this envelope sender (Postfix: reject_sender_login_mismatch), or the sender's domain fails the receiver's policy."],
      fixes: ["Send from the address the account owns (set `from` to the username), or grant send-as rights."],
      source: "RFC 3463 X.7.1; RFC 5321 §4.2.2 (553)",
    },
    {
      id: "service-closing", title: "service not available, closing", codes: [421],
      causes: ["The server is overloaded, shutting down, or limits connections from this client (rate limit, too many connections, concurrency limit)."],
      fixes: ["Retry later; if it persists, look for rate limits in the MTA (Postfix: smtpd_client_connection_rate_limit, anvil) or ask the provider."],
      source: "RFC 5321 §3.8, §4.2.2",
    },
  ]);
}
let replyPatternsTable: readonly ReplyPattern[] | undefined;

/** Ids for any other rejected reply, by code. */
export const ID_BY_CODE: Readonly<Record<number, string>> = {
  421: "service-closing", 450: "mailbox-busy", 451: "local-error", 452: "insufficient-storage", 454: "temporary-failure",
  500: "command-unrecognized", 501: "syntax-error", 502: "command-not-implemented", 503: "bad-sequence",
  504: "parameter-not-implemented", 521: "no-mail-accepted", 530: "auth-or-tls-required", 550: "mailbox-unavailable",
  551: "user-not-local", 552: "message-too-large", 553: "mailbox-name-not-allowed", 554: "transaction-failed", 524: "recipient-expansion-failed",
  555: "parameters-not-recognized", 556: "domain-accepts-no-mail",
};

export function matchReplyPattern(code: number, enhanced: string | null, text: string, verb: string): ReplyPattern | undefined {
  return replyPatterns().find((p) =>
    p.codes.includes(code) &&
    (!p.enhanced || (enhanced !== null && p.enhanced.test(enhanced))) &&
    (!p.text || p.text.test(text)) &&
    (!p.verbs || p.verbs.includes(verb)));
}
