import type { ReplyCodeEntry } from "./types.js";

/**
 * SMTP reply codes: every code of RFC 5321 §4.2.2/§4.2.3 plus the ones added by
 * extensions (RFC 3207 STARTTLS, RFC 4954 AUTH, RFC 7504). One entry per code; where an
 * extension gives a code a second use, the entry says both and names both sources.
 *
 * A function, built on first use, rather than a constant: V8 compiles a function's literals only
 * when it first runs, so these texts cost nothing to a run that never reads them (a probe that
 * passes).
 */
export function replyCodes(): readonly ReplyCodeEntry[] {
  return (replyCodesTable ??= [
    {
      code: 211,
      meaning: "System status, or system help reply.",
      causes: ["The server answered a HELP (or similar status) command."],
      fixes: ["Nothing to fix: informational."],
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 214,
      meaning: "Help message: text meant for a human, usually the answer to HELP.",
      causes: ["The client sent HELP."],
      fixes: ["Nothing to fix: informational."],
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 220,
      meaning:
        "Service ready (the greeting banner). After STARTTLS, 220 means \"ready to start TLS\": the client must begin the TLS handshake now.",
      causes: [
        "Normal greeting on connect.",
        "Normal answer to STARTTLS (RFC 3207).",
        "A banner of asterisks (\"220 ****************\") means a firewall with SMTP inspection (Cisco PIX/ASA fixup smtp / inspect esmtp) is masking the real banner.",
      ],
      fixes: [
        "Nothing to fix for a normal banner.",
        "If the banner is masked with asterisks, expect the same appliance to strip STARTTLS and mangle commands; disable SMTP inspection on it (no fixup protocol smtp 25 / no inspect esmtp).",
      ],
      source: "RFC 5321 §4.2.2, §4.2.3; RFC 3207 §4 (STARTTLS)",
    },
    {
      code: 221,
      meaning: "Service closing transmission channel: the normal answer to QUIT.",
      causes: ["The client sent QUIT, or the server is ending the session after an error it already reported."],
      fixes: ["Nothing to fix if it follows QUIT; otherwise read the reply before it."],
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 235,
      meaning: "Authentication succeeded.",
      causes: ["AUTH completed with valid credentials."],
      fixes: ["Nothing to fix."],
      source: "RFC 4954 §4, §6",
    },
    {
      code: 250,
      meaning: "Requested mail action okay, completed.",
      causes: ["The command was accepted (after DATA's final dot: the server has taken responsibility for the message)."],
      fixes: [
        "Nothing to fix. If mail accepted with 250 never arrives, the problem is downstream (spam folder, content filter, a later bounce): check the server's logs and the recipient's junk folder.",
      ],
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 251,
      meaning: "User not local; the server will forward to another path.",
      causes: ["The recipient is handled elsewhere and this server relays for it."],
      fixes: ["Nothing to fix."],
      source: "RFC 5321 §4.2.2, §4.2.3, §3.4",
    },
    {
      code: 252,
      meaning: "Cannot verify the user (VRFY), but the server will accept the message and attempt delivery.",
      causes: ["The server disables VRFY address probing, as most do to stop address harvesting."],
      fixes: ["Nothing to fix. Do not rely on VRFY to validate addresses."],
      source: "RFC 5321 §4.2.2, §4.2.3, §3.5.3",
    },
    {
      code: 334,
      meaning: "AUTH continuation: the server sends a (base64) challenge and waits for the client's response.",
      causes: ["A multi-step SASL mechanism (LOGIN, CRAM-MD5, XOAUTH2 error details) is in progress."],
      fixes: [
        "Nothing to fix. With XOAUTH2, a 334 carrying base64 JSON is the error detail: decode it, then send an empty line to get the final 535.",
      ],
      source: "RFC 4954 §4",
    },
    {
      code: 354,
      meaning: "Start mail input; end with <CRLF>.<CRLF>.",
      causes: ["The server accepted DATA and waits for the message."],
      fixes: ["Nothing to fix. Lines beginning with a dot must be dot-stuffed (RFC 5321 §4.5.2)."],
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 421,
      meaning:
        "Service not available, closing transmission channel. The server is shutting the session; this is temporary.",
      causes: [
        "Rate limiting or too many connections from your IP address.",
        "The server is overloaded, restarting, or in maintenance.",
        "An idle or session timeout expired.",
        "A reputation or policy check that defers rather than rejects (some providers send 421 4.7.0 for unauthenticated or suspicious senders).",
      ],
      fixes: [
        "Retry later with backoff; a proper MTA queues and retries automatically (RFC 5321 §4.5.4.1).",
        "Reduce concurrency and sending rate to this server.",
        "If it persists, read the reply text: providers name the limit or link to their postmaster page.",
      ],
      source: "RFC 5321 §4.2.2, §4.2.3, §3.8",
    },
    {
      code: 432,
      meaning: "A password transition is needed: authenticate once with a plain mechanism so the server can set up the new one.",
      causes: ["The server needs your password in clear (over TLS) once to derive credentials for the selected mechanism."],
      fixes: ["Authenticate once with AUTH PLAIN over TLS, then retry the chosen mechanism."],
      source: "RFC 4954 §6",
    },
    {
      code: 450,
      meaning: "Requested mail action not taken: mailbox unavailable (temporarily; e.g. mailbox busy or blocked for policy reasons).",
      causes: [
        "Greylisting: the first attempt from an unknown sender/IP/recipient triplet is deferred on purpose.",
        "The mailbox is locked or busy, or the recipient's server is temporarily unable to verify it.",
        "A temporary policy block (reputation, rate of unknown recipients).",
      ],
      fixes: [
        "Retry after several minutes; greylisting accepts the retry once the delay has passed (typically 1 to 15 minutes).",
        "Make sure your sender retries from the same IP address (a pool of rotating IPs keeps getting greylisted).",
      ],
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 451,
      meaning: "Requested action aborted: local error in processing (temporary).",
      causes: [
        "Greylisting (many servers defer with 451 4.7.1).",
        "A temporary failure on the receiving side: DNS lookup failure, content scanner or milter unavailable, disk or database error.",
        "An SPF/DNS lookup on your domain timed out.",
      ],
      fixes: [
        "Retry after several minutes; a greylisting server accepts the retry.",
        "If it persists, check the receiving server's logs (if it is yours) or your domain's DNS health.",
      ],
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 452,
      meaning: "Requested action not taken: insufficient system storage (temporary). After RCPT it also means too many recipients for this transaction.",
      causes: [
        "The receiving server's disk or queue is full.",
        "The recipient's mailbox is over quota (often with 4.2.2).",
        "Too many RCPT commands in one transaction (RFC 5321 §4.5.3.1.10).",
      ],
      fixes: [
        "Retry later; if you control the server, free disk or queue space.",
        "Send the remaining recipients in another transaction.",
      ],
      source: "RFC 5321 §4.2.2, §4.2.3, §4.5.3.1.10",
    },
    {
      code: 454,
      meaning:
        "Temporary failure: TLS not available for a temporary reason (answer to STARTTLS), or temporary authentication failure (answer to AUTH).",
      causes: [
        "STARTTLS: the server's certificate or key cannot be loaded, or its TLS layer is misconfigured or overloaded.",
        "AUTH: the authentication backend (LDAP, database, SASL daemon) is unreachable.",
      ],
      fixes: [
        "Retry later.",
        "If you run the server: check the TLS certificate/key paths and permissions and the auth backend, and its logs.",
        "Do not fall back to sending credentials without TLS.",
      ],
      source: "RFC 3207 §4 (STARTTLS); RFC 4954 §6 (AUTH)",
    },
    {
      code: 455,
      meaning: "Server unable to accommodate parameters (temporary): a MAIL FROM/RCPT TO parameter cannot be honoured right now.",
      causes: ["An ESMTP parameter (e.g. SIZE, a DSN option) cannot be handled at this time."],
      fixes: ["Retry later, or resend without the parameter."],
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 500,
      meaning:
        "Syntax error, command unrecognized (also: command line too long). Today a 500 rarely means the MTA itself is broken; usually something between the sender and the MTA changed the command, or the sender used something non-standard.",
      causes: [
        "A firewall or security appliance that inspects or rewrites SMTP: Cisco PIX/ASA \"fixup smtp\" / ESMTP inspection masks the banner with asterisks, replaces commands it does not know with XXXX, and removes STARTTLS from the EHLO answer.",
        "A TLS negotiation failure that corrupted the command stream (e.g. the client keeps writing plain text after STARTTLS, or an appliance interferes with the handshake).",
        "The sender uses a non-standard command or extension, e.g. a legacy \"XAUTH2 login\" instead of \"AUTH XOAUTH2\".",
        "Wrong line endings: bare LF instead of CRLF, so the server sees one long or garbled command.",
        "A proxy or load balancer in the path (HTTP proxy, transparent proxy, PROXY protocol mismatch) that speaks something other than plain SMTP.",
        "Authentication exchange line too long (RFC 4954, with 5.5.6).",
      ],
      fixes: [
        "Isolate the middle box: repeat the session by hand with a plain client: `openssl s_client -starttls smtp -connect host:587 -crlf` (STARTTLS), `openssl s_client -connect host:465 -crlf` (implicit TLS), or `nc`/`telnet host 25` (plain).",
        "Compare the same session from inside and outside the firewall; if the banner or EHLO answer differs (asterisks, XXXX, no STARTTLS), an appliance rewrites SMTP.",
        "Disable SMTP inspection on the appliance in the path: `no fixup protocol smtp 25` (PIX) or `no inspect esmtp` in the ASA policy-map.",
        "Make the client send CRLF line endings and only standard commands (AUTH XOAUTH2, not XAUTH2).",
        "Check the MTA's configuration and logs for what it actually received.",
      ],
      source: "RFC 5321 §4.2.2, §4.2.3; RFC 4954 §6",
    },
    {
      code: 501,
      meaning:
        "Syntax error in parameters or arguments. For STARTTLS: the command takes no parameters. For AUTH: the client cancelled the exchange or sent an invalid base64 response.",
      causes: [
        "A malformed address in MAIL FROM/RCPT TO (missing angle brackets, spaces, non-ASCII without SMTPUTF8).",
        "An invalid EHLO/HELO argument (empty or not a domain or address literal).",
        "Parameters given to STARTTLS (RFC 3207).",
        "A bad base64 response, or \"*\" cancelling AUTH (RFC 4954).",
        "Wrong line endings or a middle box mangling the command (see 500).",
      ],
      fixes: [
        "Check the exact command line sent: `MAIL FROM:<user@example.com>` with brackets and no space after the colon.",
        "Send a fully qualified host name in EHLO.",
        "Re-run by hand with `openssl s_client -starttls smtp -connect host:587 -crlf` to see what the server receives.",
      ],
      source: "RFC 5321 §4.2.2, §4.2.3; RFC 3207 §4 (STARTTLS); RFC 4954 §4 (AUTH)",
    },
    {
      code: 502,
      meaning:
        "Command not implemented: the server recognises the command but does not support it here. As with 500, a middle box is a frequent cause.",
      causes: [
        "The server does not offer the command (VRFY, EXPN, TURN, or AUTH/STARTTLS not enabled on this port or listener).",
        "A firewall with SMTP inspection (Cisco PIX/ASA fixup smtp / inspect esmtp) replaced the command with XXXX or removed the extension.",
        "The client used a command without checking the EHLO answer, or sent a non-standard extension.",
        "A proxy or load balancer that forwards to a different service than expected.",
      ],
      fixes: [
        "Look at the EHLO answer and use only advertised extensions; check you are on the right port (587 submission, 465 implicit TLS, 25 relay).",
        "Compare `openssl s_client -starttls smtp -connect host:587 -crlf` from inside and outside the firewall.",
        "Disable SMTP inspection on the appliance in the path (`no fixup protocol smtp 25` / `no inspect esmtp`).",
        "Enable the feature in the MTA configuration if you need it.",
      ],
      source: "RFC 5321 §4.2.2, §4.2.3, §4.2.4",
    },
    {
      code: 503,
      meaning: "Bad sequence of commands.",
      causes: [
        "RCPT before MAIL, DATA before a successful RCPT, or MAIL twice without RSET.",
        "AUTH sent before EHLO, or again after authentication succeeded.",
        "A pipelined command failed earlier and the client did not notice.",
        "Relay attempt without authentication on servers that answer 503 instead of 554.",
      ],
      fixes: [
        "Check the earlier replies: the command that really failed is before this one.",
        "Follow the sequence EHLO, (STARTTLS, EHLO), AUTH, MAIL, RCPT, DATA.",
      ],
      source: "RFC 5321 §4.2.2, §4.2.3, §4.1.4",
    },
    {
      code: 504,
      meaning: "Command parameter not implemented (e.g. an unsupported AUTH mechanism).",
      causes: [
        "AUTH with a mechanism the server does not offer.",
        "A parameter value the server does not support.",
      ],
      fixes: ["Pick a mechanism or parameter from the EHLO answer."],
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 521,
      meaning: "Host does not accept mail: this server never accepts mail (e.g. a dummy MX or a host that only sends).",
      causes: [
        "You connected to a host that is configured to refuse all mail.",
        "The domain's MX points at a host that is not a mail server.",
      ],
      fixes: [
        "Check the MX records of the recipient's domain (`dig MX domain`).",
        "Do not retry: the refusal is permanent.",
      ],
      source: "RFC 7504 §3",
    },
    {
      code: 530,
      meaning:
        "Access denied: authentication required (RFC 4954), or \"must issue a STARTTLS command first\" (RFC 3207).",
      causes: [
        "The server requires STARTTLS before any other command (typical on submission port 587).",
        "The server requires AUTH before MAIL FROM (submission, or relaying).",
        "STARTTLS was stripped by a firewall (SMTP inspection), so the client never upgraded.",
      ],
      fixes: [
        "Issue STARTTLS (then EHLO again) before AUTH and MAIL.",
        "Authenticate with the credentials for this server before sending.",
        "If STARTTLS is missing from the EHLO answer although the server offers it, look for an appliance in the path (`no inspect esmtp`).",
      ],
      source: "RFC 4954 §6; RFC 3207 §4",
    },
    {
      code: 534,
      meaning: "Authentication mechanism is too weak for this user by server policy.",
      causes: [
        "A weak mechanism (PLAIN/LOGIN without TLS, CRAM-MD5) where the server demands a stronger one.",
        "Providers such as Gmail answer 534 5.7.9/5.7.14 when basic authentication is refused and an app password or OAuth is required.",
      ],
      fixes: [
        "Use a stronger mechanism, or the same mechanism over TLS.",
        "For providers that require it, use an app password or OAuth2 (AUTH XOAUTH2).",
      ],
      source: "RFC 4954 §6",
    },
    {
      code: 535,
      meaning: "Authentication credentials invalid.",
      causes: [
        "Wrong user name or password (the user name is often the full e-mail address).",
        "The provider requires an app password because the account has 2-step verification.",
        "OAuth2 token expired or issued without the mail-sending scope (e.g. https://mail.google.com/ or SMTP.Send).",
        "SMTP AUTH disabled for the account or tenant (e.g. Microsoft 365 per-mailbox setting).",
        "Wrong base64 encoding of the credentials.",
      ],
      fixes: [
        "Check the user name and secret; create an app password if the account uses 2-step verification.",
        "Refresh the OAuth2 token and check it carries the SMTP scope.",
        "Enable authenticated SMTP for the mailbox if the provider has a switch for it.",
      ],
      source: "RFC 4954 §6",
    },
    {
      code: 538,
      meaning: "Encryption required for the requested authentication mechanism.",
      causes: ["AUTH with a plain-text mechanism on an unencrypted connection."],
      fixes: ["Issue STARTTLS (or use implicit TLS on port 465) before AUTH."],
      source: "RFC 4954 §6",
    },
    {
      code: 550,
      meaning:
        "Requested action not taken: mailbox unavailable (not found, no access) or refused by policy. Permanent.",
      causes: [
        "The recipient address does not exist (usually with 5.1.1).",
        "Relaying denied: the server is not responsible for the recipient's domain and you are not authenticated.",
        "Policy rejection: SPF/DKIM/DMARC failure, blocklisted IP, missing reverse DNS, spam content (usually 5.7.x).",
        "The recipient's mailbox is disabled.",
      ],
      fixes: [
        "Check the recipient address for typos; remove it from your list if it does not exist (repeated sends hurt your reputation).",
        "Authenticate before relaying to outside domains.",
        "Read the text and enhanced code; for policy rejections fix SPF/DKIM/DMARC and check the sending IP on DNSBLs.",
      ],
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 551,
      meaning: "User not local; the server will not forward, and may name the address to try instead.",
      causes: ["The recipient has moved, or the server refuses to relay for that address."],
      fixes: ["Use the forward path given in the reply text, if any, or check the address with the recipient."],
      source: "RFC 5321 §4.2.2, §4.2.3, §3.4",
    },
    {
      code: 552,
      meaning: "Requested mail action aborted: exceeded storage allocation (message too big, or mailbox full).",
      causes: [
        "The message exceeds the server's SIZE limit (check the SIZE value in the EHLO answer).",
        "The recipient's mailbox is over quota.",
        "Too many recipients (some servers use 552 for this, RFC 5321 §4.5.3.1.10).",
      ],
      fixes: [
        "Send a smaller message: link large attachments instead of attaching them; base64 inflates size by about a third.",
        "Ask the recipient to free space.",
        "Split the recipients over several transactions.",
      ],
      source: "RFC 5321 §4.2.2, §4.2.3, §4.5.3.1.10",
    },
    {
      code: 553,
      meaning: "Requested action not taken: mailbox name not allowed (syntax incorrect, or sender not permitted).",
      causes: [
        "The MAIL FROM address is not owned by the authenticated user (sending as someone else's address).",
        "A syntactically invalid address.",
        "The sender domain does not resolve or is not accepted.",
      ],
      fixes: [
        "Send with a MAIL FROM (and From:) that belongs to the authenticated account, or grant \"send as\" rights to it.",
        "Check the address syntax.",
      ],
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 554,
      meaning:
        "Transaction failed (after DATA), or, in the greeting, no SMTP service here. Permanent.",
      causes: [
        "The sending IP address is on a DNS blocklist (Spamhaus, Barracuda, SpamCop …), often already at the greeting.",
        "Relay access denied.",
        "Content rejected: spam score, virus, forbidden attachment type.",
        "SPF/DKIM/DMARC failure under the receiver's policy.",
      ],
      fixes: [
        "Check the sending IP address on DNSBLs (e.g. query zen.spamhaus.org, or use a multi-RBL checker) and request delisting after fixing the cause.",
        "Authenticate before relaying.",
        "Look at the reply text: receivers usually name the list or the filter that fired.",
        "Fix SPF, DKIM and DMARC for the sending domain.",
      ],
      source: "RFC 5321 §4.2.2, §4.2.3, §3.1",
    },
    {
      code: 555,
      meaning: "MAIL FROM/RCPT TO parameters not recognized or not implemented.",
      causes: [
        "An ESMTP parameter (SIZE, BODY=8BITMIME, SMTPUTF8, DSN options, REQUIRETLS) the server did not advertise.",
      ],
      fixes: ["Send only parameters the server announced in its EHLO answer."],
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 556,
      meaning: "Domain does not accept mail: the recipient's domain declares it receives no mail (e.g. a null MX).",
      causes: ["The recipient domain publishes a null MX (MX 0 \".\") or otherwise refuses all mail."],
      fixes: ["Check the recipient address; the domain cannot receive mail. Do not retry."],
      source: "RFC 7504 §4; RFC 7505",
    },
  ]);
}
let replyCodesTable: readonly ReplyCodeEntry[] | undefined;
