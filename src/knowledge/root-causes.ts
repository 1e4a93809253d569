/**
 * The root causes of a refused reply (contract §8, the vocabulary of src/model/enums.ts): what each one is, which reply classes it can
 * explain, and what to do about it — generic words for any server, and each product family's own
 * knobs. One schema: the diagnosis and `explain` read these rows and nothing else for advice.
 *
 * A fix row with `families` is that product's own setting or tool and is shown only when that
 * product is recognised; a row without is generic and names no product. So no fix can name
 * another product's knobs (docs/diagnosis.md).
 */
import type { RootCause } from "../model/enums.js";
import { fillList, type NamedList } from "./blocklists.js";
import { MICROSOFT, type ServerFamily } from "./servers.js";

export type { RootCause };

export interface FixRow {
  /** The fix in words that hold for any reply of its cause (and for `explain`, which has no reply). */
  text: string;
  /**
   * The fix when the reply names the block list or reputation system that refused (blocklists.ts `namedList`):
   * `{list}` is its name as the reply gives it, `{lookup}` where to look it up. Without a named list, `text` says how to
   * find which one refused, never "the list the reply names".
   */
  named?: string;
  /** Only for these product families; without it the fix is generic and fits any server. */
  families?: readonly ServerFamily[];
  /** The receiving product's setting that explains the refusal, shown after the sender's own fix. */
  receiver?: true;
}

/**
 * A cause and what to do about it: the shape of every row of knowledge about causes, the root
 * causes below and the candidate causes a differential weighs (candidate-causes.ts).
 */
export interface CauseRow {
  /** The cause, in one or two sentences for a person. */
  text: string;
  /** What to do, the recognised product's own settings first (`pickFixes` orders and filters them). */
  fixes: readonly FixRow[];
}

export interface RootCauseEntry extends CauseRow {
  /** Short words for a headline: "the recipient does not exist". */
  title: string;
  /**
   * The reply classes this cause can explain (RFC 5321 §4.2.1): a greylisting is a deliberate
   * 4xx, never a 5xx; a lookup failure is temporary by nature.
   */
  classes: readonly ("transient" | "permanent")[];
}

const BOTH = ["transient", "permanent"] as const;
/** A product family's own setting or tool, shown only when that family is recognised. */
export const on = (families: ServerFamily | readonly ServerFamily[], text: string): FixRow => ({ text, families: typeof families === "string" ? [families] : families });
/** A receiver's setting that explains the refusal: the sender's own fix goes first. */
export const why = (families: ServerFamily | readonly ServerFamily[], text: string): FixRow => ({ ...on(families, text), receiver: true });

export const CAUSE_ENTRIES: Readonly<Record<RootCause, RootCauseEntry>> = {
  "unknown-recipient": {
    title: "the recipient does not exist",
    text: "The recipient address does not exist on this server: a typo, a deleted account, or an alias that was never created.",
    // A 4xx too: Postfix's unverified recipients and `unknown_local_recipient_reject_code = 450`.
    classes: BOTH,
    fixes: [
      { text: "Check the address with its owner; if it should exist, create the mailbox or alias on the receiving server." },
      on("postfix", "Postfix: look the address up in the recipient tables (`postmap -q {rcpt} $(postconf -h virtual_mailbox_maps)`; for local users `local_recipient_maps` and `alias_maps`)."),
      on("exim", "Exim: `exim -bt {rcpt}` shows which router refuses the address; check the routers and `local_domains`."),
      on("sendmail", "Sendmail: `sendmail -bv {rcpt}`; add the user, an alias in /etc/mail/aliases (`newaliases`) or a virtusertable entry."),
      on("opensmtpd", "OpenSMTPD: add the address to the table of the `action … virtual <table>` (or `alias <table>`) rule that matches it, then `smtpctl update table NAME`."),
      on("haraka", "Haraka: a `rcpt_to.*` plugin (rcpt_to.in_host_list, qmail-deliverable, ldap) refused the address: check its list."),
      on("qmail", "qmail: check the user's .qmail files, /var/qmail/users/assign and virtualdomains."),
      on("courier", "Courier: check the account in the authentication backend (`authtest ADDRESS`) and the aliases (`makealiases`)."),
      on("aiosmtpd", "aiosmtpd: the handler's `handle_RCPT` refused the address: check the mailboxes it knows."),
      on("exchange", "Exchange: check that a recipient has this address (`Get-Recipient {rcpt}`) and what recipient filtering knows."),
      on("microsoft365", "Microsoft 365: Directory-Based Edge Blocking refused an address the tenant's directory does not have: check the recipient (and any recently removed proxy address) in the admin center."),
      on(["outlookcom", "gmail", "yahoo", "icloud"], "The provider has no account with this address: confirm the address with the recipient; nothing on the sending side changes that."),
    ],
  },
  "mailbox-full": {
    title: "the recipient's mailbox is full",
    text: "The mailbox exists but is over its storage quota.",
    classes: BOTH,
    fixes: [
      { text: "Ask the recipient to free space or have the quota raised; a 4xx is retried by the sending MTA, a 5xx is final." },
      on("gmail", "Gmail: the recipient's Google storage (shared by Gmail, Drive and Photos) is full; only the recipient can free it or buy more."),
      on("postfix", "Postfix: the quota is enforced where mail is delivered (Dovecot's quota plugin, `virtual_mailbox_limit`): check the mailbox's usage there."),
      on("exim", "Exim: check the `quota` option of the appendfile transport for this mailbox."),
    ],
  },
  "mailbox-disabled": {
    title: "the recipient's mailbox is disabled",
    text: "The mailbox exists but is disabled, inactive or suspended, and does not accept mail.",
    classes: BOTH,
    fixes: [
      { text: "Confirm with the recipient's organisation whether the mailbox is still in use, and use their current address." },
      on("sendmail", "Sendmail: the access or virtusertable entry for the address returns this refusal: re-enable it there (`makemap hash`)."),
    ],
  },
  "relay-denied": {
    title: "relaying denied",
    text: "The recipient's domain is not one this server receives mail for, and it will not relay for this client (not authenticated, or not in its relay networks).",
    classes: BOTH,
    fixes: [
      { text: "Send to the recipient domain's own MX, or submit through this server authenticated (port 587 with AUTH); add the domain to the server's relay or local domains only if it should accept it." },
      on("postfix", "Postfix: relaying is decided by `smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination` in main.cf; list the domain in `relay_domains` or `virtual_mailbox_domains` only if this server should accept it."),
      on("exim", "Exim: the RCPT ACL (`acl_smtp_rcpt`) accepts relaying for `hosts = +relay_from_hosts` and `authenticated = *`; add the domain to `relay_to_domains` only if this server should accept it."),
      on("sendmail", "Sendmail: authenticated clients relay through `TRUST_AUTH_MECH`; allow a domain with `To:example.net RELAY` in /etc/mail/access (`makemap hash /etc/mail/access < /etc/mail/access`)."),
      on("opensmtpd", "OpenSMTPD: only a `match auth from any for any action \"relay\"` (or `match from src <trusted>`) rule in smtpd.conf lets a client relay."),
      on("haraka", "Haraka: relaying needs an authenticated session, or the `relay` plugin with the client in config/relay_acl_allow."),
      on("qmail", "qmail: the domain must be in /var/qmail/control/rcpthosts, or the client must have RELAYCLIENT set (tcpserver rules, SMTP AUTH)."),
      on("courier", "Courier: the domain must be in /etc/courier/esmtpacceptmailfor.dir (then `makeacceptmailfor`), or the client allowed to relay in smtpaccess (`RELAYCLIENT`)."),
      on("exchange", "Exchange: anonymous clients may not relay; authenticate (Client Frontend connector on 587) or create a receive connector for the sender's IP that grants `Ms-Exch-SMTP-Accept-Any-Recipient`."),
      on("microsoft365", "Microsoft 365: the recipient domain is not an accepted domain of the tenant the message was attributed to; relay through an inbound connector that matches the sender's IP or certificate, or send to the recipient's MX."),
      on("gmail", "Google Workspace SMTP relay: register the sending IP (or authenticate) in the Admin console under Apps › Gmail › Routing › SMTP relay service, for a domain of the account."),
      on("aiosmtpd", "aiosmtpd: the handler's `handle_RCPT` decides which domains it accepts without authentication."),
      on("hmailserver", "hMailServer: the IP range the client connects from (Settings › Advanced › IP Ranges) does not allow delivery to external addresses; authenticate, or give that range the right."),
      on("mimecast", "Mimecast: both the sender and the recipient domain are outside the account; an authorised outbound IP (or an authenticated session) is needed to relay."),
    ],
  },
  "auth-required": {
    title: "authentication required",
    text: "The server accepts mail here only from authenticated clients, and the session did not log in before MAIL.",
    classes: BOTH,
    fixes: [
      { text: "Configure credentials (`username` with `password-env`), so AUTH runs after STARTTLS and before MAIL; or send mail for the server's own users to its port 25." },
      on("postfix", "Postfix: the submission service in master.cf requires it (`-o smtpd_client_restrictions=permit_sasl_authenticated,reject`); `reject_sender_login_mismatch` also refuses a sender address owned by an account when nobody logged in."),
      on("exchange", "Exchange: the Client Frontend connector (587) requires authentication; anonymous mail goes to the Default Frontend connector on 25."),
      on("haraka", "Haraka: the submission listener refuses unauthenticated MAIL; log in with an account of the auth plugin."),
      on("gmail", "Gmail: smtp.gmail.com takes mail only after AUTH, with an app password or XOAUTH2."),
      on("sendmail", "Sendmail: the daemon's `M=Ea` (DaemonPortOptions) requires AUTH on this port."),
    ],
  },
  "auth-failed": {
    title: "authentication failed",
    text: "The server refused the credentials: wrong username or password, or the account is locked or disabled.",
    classes: ["permanent"],
    fixes: [
      { text: "Check the username (often the full address) and the password by logging in to the mailbox with them; then update the secret the sender uses." },
      on("postfix", "Postfix: check the SASL backend's log (with Dovecot: `doveadm auth test USER`) for why it refused the account."),
      on("exim", "Exim: check the authenticator's `server_condition` with `exim -d+auth`."),
      on("sendmail", "Sendmail: check the account in Cyrus SASL (`testsaslauthd -u USER -p PASS`, or sasldblistusers2)."),
      on("opensmtpd", "OpenSMTPD: check the `auth <table>` of the `listen` line; its passwords are `smtpctl encrypt` hashes."),
      on("haraka", "Haraka: check the auth plugin's accounts (config/auth_flat_file.ini for auth/flat_file)."),
      on("courier", "Courier: test the account with `authtest USER PASSWORD`."),
      on("aiosmtpd", "aiosmtpd: the `authenticator` callback refused the credentials: check the accounts it knows."),
      on(MICROSOFT, "Microsoft: check the account signs in to Outlook on the web; SMTP AUTH must also be enabled for the mailbox (`Get-CASMailbox USER | fl SmtpClientAuthenticationDisabled`)."),
      on("gmail", "Gmail: with 2-Step Verification an app password is needed; check the account at myaccount.google.com."),
    ],
  },
  "auth-mechanism": {
    title: "authentication mechanism not available",
    text: "The AUTH mechanism used is not offered or not allowed here (or AUTH itself is not offered at this point of the session).",
    classes: BOTH,
    fixes: [
      { text: "Use a mechanism the EHLO reply advertises (`auth: PLAIN` or `LOGIN` after STARTTLS), or let smtp-gate pick one from the EHLO reply." },
      on("postfix", "Postfix: the mechanisms come from the SASL backend; `smtpd_sasl_security_options` and `smtpd_sasl_tls_security_options` filter them."),
      on("exim", "Exim: only the authenticators defined (with `server_advertise_condition` true) are offered; `auth_advertise_hosts` decides to whom."),
      on("sendmail", "Sendmail: `confAUTH_MECHANISMS` and `TRUST_AUTH_MECH` in sendmail.mc list the mechanisms."),
      on("opensmtpd", "OpenSMTPD: it offers PLAIN and LOGIN only, after TLS (`listen … tls auth`)."),
    ],
  },
  "app-password-required": {
    title: "app password required",
    text: "The provider refuses the account's normal password for SMTP and wants an app-specific password (or OAuth 2).",
    classes: BOTH,
    fixes: [
      { text: "Create an app password for the account and use it as the SMTP password, or move the sender to OAuth 2 (`auth: XOAUTH2` with `oauth-token-env`)." },
      on("gmail", "Google: turn on 2-Step Verification, create an app password at myaccount.google.com/apppasswords, or use XOAUTH2."),
      on("yahoo", "Yahoo: generate an app password under Account security."),
      on("icloud", "iCloud: create an app-specific password at account.apple.com."),
    ],
  },
  "basic-auth-disabled": {
    title: "password authentication turned off",
    text: "The provider has turned password (basic) authentication off for SMTP: only OAuth 2 is accepted for this account or tenant.",
    classes: BOTH,
    fixes: [
      { text: "Move the sender to OAuth 2 (`auth: XOAUTH2` with `oauth-token-env`), or have an administrator allow password authentication for this account." },
      on(MICROSOFT, "Microsoft 365: SMTP AUTH is off for the tenant or mailbox: `Set-TransportConfig -SmtpClientAuthenticationDisabled $false` (tenant) or `Set-CASMailbox USER -SmtpClientAuthenticationDisabled $false`, and no security-defaults policy blocking it; or use OAuth 2 (SMTP.Send)."),
      on("gmail", "Google Workspace: less secure app access is gone; use an app password or XOAUTH2 (scope https://mail.google.com/)."),
    ],
  },
  "tls-required": {
    title: "STARTTLS required first",
    text: "The server requires STARTTLS before this command, and the session was still in plain text.",
    classes: BOTH,
    fixes: [
      { text: "Use `tls: starttls` (STARTTLS, then EHLO again, before AUTH and MAIL), or `tls: implicit` on the server's implicit-TLS port (465); make the production sender do the same." },
      on("postfix", "Postfix: `smtpd_tls_auth_only = yes` or `smtpd_tls_security_level = encrypt` asks for this; a client must send STARTTLS first."),
      on("gmail", "Gmail: senders must deliver over TLS (Google's sender guidelines, 4.7.29/5.7.29); a route that requires TLS for the recipient domain closes plain-text sessions."),
      on("mimecast", "Mimecast: the recipient's Secure Receipt policy requires TLS on this route, at TLS 1.2 or later with strong ciphers; send with STARTTLS at TLS 1.2+."),
    ],
  },
  "tls-unavailable": {
    title: "TLS not available",
    text: "The server cannot start TLS now: STARTTLS is not enabled on this listener, or its certificate or key could not be loaded.",
    classes: BOTH,
    fixes: [
      { text: "Look at the server's log at this time: it names the certificate or key it could not load; or enable STARTTLS on this listener." },
      on("postfix", "Postfix: `smtpd_tls_security_level = may` with `smtpd_tls_chain_files` in main.cf; a 502 to STARTTLS means TLS is off for this service (master.cf `-o` overrides)."),
      on("exim", "Exim: `tls_advertise_hosts = *` with `tls_certificate` and `tls_privatekey` readable by the Exim user."),
      on("sendmail", "Sendmail: `confSERVER_CERT` and `confSERVER_KEY` in sendmail.mc (the key not group- or world-readable), then rebuild sendmail.cf."),
      on("opensmtpd", "OpenSMTPD: `pki NAME cert`/`key` lines and `tls pki NAME` on the `listen` line (`smtpd -n` checks them)."),
      on("haraka", "Haraka: enable the `tls` plugin with config/tls.ini (`key`, `cert`)."),
      on("exchange", "Exchange: assign a certificate to SMTP (`Enable-ExchangeCertificate -Services SMTP`) whose name matches the connector's FQDN."),
    ],
  },
  "sender-rejected": {
    title: "the envelope sender is refused",
    text: "The server refuses the envelope sender (MAIL FROM): its domain does not resolve, fails the server's sender checks, or the address or domain is on the server's own access list.",
    classes: BOTH,
    fixes: [
      { text: "Send from an address whose domain has MX or A records and that the receiver can verify; if the receiver lists the sender, ask its postmaster why." },
      on("postfix", "Postfix: the refusal names the restriction (`reject_unknown_sender_domain`, a `check_sender_access` table, `reject_unverified_sender`); look the sender up in that table with `postmap -q`."),
      on("exim", "Exim: sender verification (`verify = sender` in the RCPT ACL) called the sender's domain and was refused: make the sender address deliverable, or exempt the client."),
      on("sendmail", "Sendmail: check the access db for the sender (`From:` entries) and whether the sender's domain resolves (`FEATURE(accept_unresolvable_domains)` turns the check off)."),
      on("qmail", "qmail: the sender is in /var/qmail/control/badmailfrom."),
      on("courier", "Courier: the sender is refused by the BOFH file (`badfrom`) or by the sender's domain check."),
      on(MICROSOFT, "Microsoft: the sender or its domain is refused by the tenant's policy (outbound sender restrictions, blocked senders); check the tenant's mail flow rules and the sender's status in the Defender portal."),
    ],
  },
  "sender-not-authorized": {
    title: "the account may not send as this address",
    text: "The authenticated account may not use this envelope sender: the address belongs to another account.",
    classes: BOTH,
    fixes: [
      { text: "Send from the address the account owns (set `from` to it), or grant the account send-as rights for this address." },
      on("postfix", "Postfix: `reject_sender_login_mismatch` compares the sender with `smtpd_sender_login_maps`: map the address to this login there."),
      on(MICROSOFT, "Microsoft 365: grant the account Send As on that mailbox (`Add-RecipientPermission`); and send only from accepted domains of the tenant (5.7.750: add and verify the domain under Settings › Domains)."),
    ],
  },
  "spf-dkim-dmarc": {
    title: "sender authentication failed",
    text: "The message failed the receiver's sender authentication: SPF does not cover the sending IP, the DKIM signature is missing or invalid, or DMARC alignment failed.",
    classes: BOTH,
    fixes: [
      { text: "Publish an SPF record that includes the sending IP, sign with DKIM for the From domain, and align them with the DMARC policy; check a test message's Authentication-Results header." },
      on("gmail", "Gmail: Postmaster Tools shows SPF, DKIM and DMARC pass rates per domain; bulk senders need all three (Google's sender guidelines)."),
      on("yahoo", "Yahoo: senders must pass SPF or DKIM, and bulk senders DMARC too (Yahoo Sender Hub)."),
      on(MICROSOFT, "Microsoft: the message failed the recipient tenant's SPF/DKIM/DMARC checks; fix the sending domain's records (the recipient's message trace shows which one failed)."),
    ],
  },
  "ip-reputation": {
    title: "the sending IP is refused",
    text: "The connecting IP address is listed on a DNS blocklist or has a poor reputation with the receiver, so it refuses mail from it.",
    classes: BOTH,
    fixes: [
      {
        text: "Find which list or reputation system refused the IP: look it up on the public DNS blocklists (Spamhaus's check.spamhaus.org, or a checker that queries many lists); if it is on none, the receiver's own reputation data refused it, and only its postmaster can say why. Stop what got the IP a bad name (a compromised account, an open relay, a dynamic or shared IP), then ask for removal; or send through a relay with a good reputation.",
        named: "Look up the sending IP on {list}, which the reply names{lookup}; stop what got it listed (a compromised account, an open relay, a dynamic or shared IP), then ask there for removal; or send through a relay with a good reputation.",
      },
      on("gmail", "Gmail: Postmaster Tools shows the IP's reputation; send authenticated, steady volume and follow Google's sender guidelines."),
      on("outlookcom", "Outlook.com: check the IP in SNDS and ask for mitigation through the Outlook.com sender support form."),
      on("microsoft365", "Microsoft 365: when the recipient tenant blocked the IP itself (its connection filter or block list), only that organisation can remove it; contact them."),
      on("yahoo", "Yahoo: the [TSxx] code names the reason; see Yahoo's postmaster error codes and the Sender Hub."),
      on("barracuda", "Barracuda: its own list is the Barracuda Reputation Block List (look the IP up and request removal at www.barracudacentral.org/lookups); the appliance may have checked an IP from the message's Received headers, not only the connecting one."),
      {
        ...why("postfix", "Postfix (the receiver): a DNS list (`reject_rbl_client`, `postscreen_dnsbl_sites`; their default reply names it after \"blocked using\") or a `check_client_access` table refused the client's IP."),
        named: "Postfix (the receiver): the DNS list {list} (`reject_rbl_client` or `postscreen_dnsbl_sites`) refused the client's IP; an exception for a client goes in a `check_client_access` table before it.",
      },
    ],
  },
  "ptr-missing": {
    title: "no reverse DNS for the sending IP",
    text: "The sending IP has no reverse DNS (PTR) record, or its name does not resolve back to the IP (no forward-confirmed reverse DNS).",
    classes: BOTH,
    fixes: [
      { text: "Ask whoever owns the IP (the hosting or access provider) for a PTR record naming the mail host, and make that name's A/AAAA record point back to the IP." },
      on("gmail", "Gmail: IPv4 and IPv6 senders both need forward-confirmed reverse DNS (Google's sender guidelines)."),
      on("microsoft365", "Microsoft 365: mail over IPv6 needs a PTR record for the sending IPv6 address."),
    ],
  },
  "helo-rejected": {
    title: "the EHLO name is refused",
    text: "The name given in EHLO/HELO is refused: empty, not a fully-qualified domain name, or one that does not resolve in DNS.",
    classes: BOTH,
    fixes: [
      { text: "Make the sender announce its own fully-qualified host name in EHLO (`helo:`), one with an A/AAAA record." },
      why("postfix", "Postfix (the receiver): `reject_non_fqdn_helo_hostname` and `reject_unknown_helo_hostname` in `smtpd_helo_restrictions` refused it."),
    ],
  },
  "rate-limited": {
    title: "rate limited",
    text: "The client went over a limit on connections, messages, recipients or logins per time.",
    classes: BOTH,
    fixes: [
      { text: "Slow down: fewer parallel connections and messages per minute; a 4xx passes once the window has gone by." },
      on("postfix", "Postfix: anvil's per-client limits, named in the reply: connections (`smtpd_client_connection_count_limit`, `smtpd_client_connection_rate_limit`), mail (`smtpd_client_message_rate_limit`), recipients (`smtpd_client_recipient_rate_limit`), new TLS sessions (`smtpd_client_new_tls_session_rate_limit`) and AUTH commands (`smtpd_client_auth_rate_limit`); exempt trusted clients with `smtpd_client_event_limit_exceptions`."),
      on("exim", "Exim: `smtp_accept_max_per_host` and `ratelimit` ACL conditions set the limits."),
      on("gmail", "Gmail: the account's daily sending limit (or login attempts) was reached; wait, or send through Google Workspace SMTP relay."),
      on(MICROSOFT, "Microsoft: the IP or the tenant is throttled; spread the sending over time (Exchange Online's sending limits), and check the IP in SNDS."),
    ],
  },
  greylisted: {
    title: "greylisted",
    text: "The receiver defers first contact from an unknown sender on purpose (greylisting); a real MTA retries after a few minutes and is then accepted.",
    classes: ["transient"],
    fixes: [{ text: "Nothing is broken: a retry after 1–15 minutes passes. For a gate, use `fail-on: hard` so a deferral only warns, or whitelist the probe's IP on the receiver." }],
  },
  "server-lookup-failure": {
    title: "the server's own lookup failed",
    text: "A lookup the server depends on failed temporarily: one of its tables, its directory (LDAP, SQL) or its DNS resolver.",
    classes: BOTH,
    fixes: [
      { text: "Nothing to change on the client's side: read the server's log at this time for the lookup that failed, and check its table, directory or resolver." },
      on("postfix", "Postfix: the mail log names the table (\"… lookup error for …\"); check that map (`postmap -q KEY TYPE:TABLE`) and the service behind it (proxymap, LDAP, SQL)."),
      on("opensmtpd", "OpenSMTPD: a table lookup or the lookup agent failed: check the tables smtpd.conf names (`smtpctl show table NAME`) and the log."),
      on("qmail", "qmail: qmail-smtpd could not read its control files (/var/qmail/control); check their permissions."),
      on("cisco-esa", "Cisco Secure Email: a DNS lookup of its SPF verification timed out or went wrong for a moment, so the sender's SPF result is unknown (not negative): check the appliance's DNS servers (`dnsconfig`) and that the sender domain's SPF record and the names it includes resolve."),
      on("exim", "Exim: a lookup in an ACL deferred (DNS or a database); the main log says which."),
    ],
  },
  "server-resource": {
    title: "the server is short of resources",
    text: "The server is short of a resource of its own: disk or queue space, memory, processes or its connection limit.",
    classes: BOTH,
    fixes: [
      { text: "On the server: check free space and inodes where it keeps its queue (`df -h`, `df -i`), its load and its connection limits; a 4xx is retried by the sending MTA." },
      on("postfix", "Postfix: `queue_minfree` and the queue filesystem (`df -h $(postconf -h queue_directory)`), and `default_process_limit`."),
      on("exim", "Exim: `check_spool_space` and the spool filesystem, and `smtp_accept_max` / `smtp_accept_queue` for the connection limit."),
      on("sendmail", "Sendmail: `confMIN_FREE_BLOCKS` and the queue filesystem (/var/spool/mqueue), and `confMAX_DAEMON_CHILDREN`."),
      on("opensmtpd", "OpenSMTPD: free space and permissions of /var/spool/smtpd, and `smtpctl show stats`."),
      on("haraka", "Haraka: `max_connections` / the connection limits in config/connection.ini, and the host's load."),
      on("courier", "Courier: free space of the queue filesystem (/var/spool/courier) and `MAXDELS`/`MAXSMTP` limits."),
    ],
  },
  "message-too-big": {
    title: "message too big",
    text: "The message (or the SIZE= declared in MAIL FROM) is larger than the server's size limit.",
    classes: BOTH,
    fixes: [
      { text: "Send a smaller message (link large files instead of attaching them), or raise the server's limit; the limit is the SIZE value of its EHLO reply." },
      on("postfix", "Postfix: `message_size_limit` in main.cf (and `mailbox_size_limit`, which must be at least as large)."),
      on("exim", "Exim: `message_size_limit` in the main configuration."),
      on("sendmail", "Sendmail: `confMAX_MESSAGE_SIZE` in sendmail.mc (the mailer's `M=` maxsize too)."),
      on("opensmtpd", "OpenSMTPD: `smtp max-message-size` in smtpd.conf."),
      on("haraka", "Haraka: config/databytes sets the limit."),
      on("qmail", "qmail: /var/qmail/control/databytes."),
      on("aiosmtpd", "aiosmtpd: the `data_size_limit` argument of the SMTP server."),
      on(MICROSOFT, "Microsoft: the organisation's or connector's maximum message size (`Get-TransportConfig | fl MaxReceiveSize`)."),
    ],
  },
  "content-rejected": {
    title: "the content is refused",
    text: "The receiver refused the message itself: its format breaks RFC 5322 (a missing Message-ID or Date header, lines over 998 octets), or a content check (a filter, a milter, a virus scanner) judged it.",
    classes: BOTH,
    fixes: [
      { text: "Read the reply for the rule that fired; send a well-formed message (Date, Message-ID and From headers, lines under 998 octets) and check it with the receiver's content filter." },
      on("postfix", "Postfix: a milter or `header_checks`/`body_checks` refused it; the mail log names which."),
      on("sendmail", "Sendmail: a milter refused the message; its log names it (`milter=`)."),
      on("exim", "Exim: the DATA ACL (`acl_smtp_data`) refused it; the reject log says which condition."),
      on("opensmtpd", "OpenSMTPD: its message checks (or a filter) refused the format: send an RFC 5322 message with the required headers."),
    ],
  },
  "command-unrecognized": {
    title: "command not recognised",
    text: "The server does not know or does not implement this command (a typo, a legacy or vendor-specific verb, or something that is not SMTP at all).",
    classes: BOTH,
    fixes: [{ text: "Make the sender use only RFC 5321 commands and the extensions the server's EHLO reply advertises." }],
  },
  "syntax-error": {
    title: "syntax error",
    text: "A parameter of the command is malformed: an address without angle brackets or with an invalid form, or an argument the server does not accept.",
    classes: BOTH,
    fixes: [{ text: "Send the command in RFC 5321 form: `MAIL FROM:<address>`, `RCPT TO:<address>`, only the parameters the EHLO reply advertises." }],
  },
  "bad-sequence": {
    title: "command out of order",
    text: "The command came out of order: MAIL before EHLO/HELO, RCPT before MAIL, DATA without an accepted recipient, or a second MAIL in one transaction.",
    classes: BOTH,
    fixes: [{ text: "Follow RFC 5321's order: EHLO, (STARTTLS, EHLO, AUTH,) MAIL, RCPT, DATA; check that the earlier command of the transaction was accepted." }],
  },
  "too-many-recipients": {
    title: "too many recipients",
    text: "The transaction has more recipients than the server takes at once; the rest must go in another transaction.",
    classes: BOTH,
    fixes: [
      { text: "Send in smaller batches: the sending MTA delivers the refused recipients in a new transaction." },
      on("postfix", "Postfix: `smtpd_recipient_limit` sets the limit."),
      on("exim", "Exim: `recipients_max` sets the limit."),
      on("sendmail", "Sendmail: `confMAX_RCPTS_PER_MESSAGE` sets the limit."),
      on("opensmtpd", "OpenSMTPD: `smtp max-rcpt` sets the limit."),
    ],
  },
  "service-unavailable": {
    title: "service unavailable",
    text: "The server refuses service for now: it is shutting down, overloaded, or not accepting connections from anyone at the moment.",
    classes: BOTH,
    fixes: [{ text: "Ask the server's operator whether it is down or refusing this client; a 421 is retried by the sending MTA by itself, a 5xx is not." }],
  },
  "smtputf8-required": {
    title: "SMTPUTF8 required",
    text: "An address has non-ASCII characters, and the transaction did not declare SMTPUTF8 (RFC 6531).",
    classes: BOTH,
    fixes: [{ text: "Add SMTPUTF8 to MAIL FROM when the server advertises it, or use an ASCII address." }],
  },
  "null-mx": {
    title: "the domain accepts no mail",
    text: "The domain publishes a null MX (RFC 7505): it accepts no mail, so addresses in it cannot be sent to or used as a sender.",
    classes: ["permanent"],
    fixes: [{ text: "Use an address in a domain that receives mail; the domain's owner removes the null MX (`MX 0 .`) only if it should receive mail." }],
  },
  "pipelining-violation": {
    title: "commands sent before their turn",
    text: "The client sent commands before the server's reply where RFC 2920 does not allow it (without PIPELINING, or after STARTTLS or DATA).",
    classes: BOTH,
    fixes: [{ text: "Make the client wait for each reply unless the server advertises PIPELINING, and never pipeline past STARTTLS, DATA or QUIT (RFC 2920 §3.1, RFC 3207 §4.2)." }],
  },
  "early-talker": {
    title: "data sent before the greeting",
    text: "The client sent data before the server's greeting; the server takes that as a spam-bot sign (RFC 5321 §3.1: wait for the 220).",
    classes: BOTH,
    fixes: [
      { text: "Make the client wait for the 220 greeting before EHLO; a proxy or load balancer in front that talks first causes the same." },
      why("postfix", "Postfix (the receiver): postscreen's pregreet test (`postscreen_greet_action`) refused it."),
      why("sendmail", "Sendmail (the receiver): `FEATURE(greet_pause)` refused it."),
      why("exim", "Exim (the receiver): `smtp_enforce_sync` refused input sent before the banner."),
    ],
  },
  "proxy-protocol": {
    title: "PROXY protocol mismatch",
    text: "A PROXY protocol header was expected and not sent, or sent where none was expected.",
    classes: BOTH,
    fixes: [{ text: "Send the PROXY header (`proxy-protocol`) exactly when the listener expects one." }],
  },
  middlebox: {
    title: "a box in front answered",
    text: "A box in front of the server (a balancer, SMTP proxy, filter or TLS terminator) answered or broke the session.",
    classes: BOTH,
    fixes: [{ text: "Compare the session with one straight to the server, and look at the box's log." }],
  },
  other: {
    title: "not decided by the reply",
    text: "The reply does not say why: its code and words fit more than one cause.",
    classes: BOTH,
    fixes: [{ text: "Read the server's log for this session's time: it says which check answered so." }],
  },
};

/** Whether a row (a fix, a cause, a sign) fits this product: it names no family, or the recognised one. */
export function fitsFamily(row: { families?: readonly ServerFamily[] | undefined }, family: ServerFamily | null): boolean {
  return !row.families || (family !== null && row.families.includes(family));
}

/** The rows that fit this product: its own settings first, then the generic words, then the receiver's settings that explain a refusal; never another product's. */
export function pickFixes(rows: readonly FixRow[], family: ServerFamily | null, list: NamedList | null = null): string[] {
  const own = rows.filter((r) => r.families && fitsFamily(r, family));
  return [...own.filter((r) => !r.receiver), ...rows.filter((r) => !r.families), ...own.filter((r) => r.receiver)].map((r) => (list && r.named ? fillList(r.named, list) : r.text));
}

/** A cause's fixes for this product, worded for the list the reply names, if any. */
export function fixesFor(cause: RootCause, family: ServerFamily | null, list: NamedList | null = null): string[] {
  return pickFixes(CAUSE_ENTRIES[cause].fixes, family, list);
}

/** Whether a cause can explain a reply of this class (RFC 5321 §4.2.1). */
export function causeFitsClass(cause: RootCause, cls: "transient" | "permanent"): boolean {
  return CAUSE_ENTRIES[cause].classes.includes(cls);
}
