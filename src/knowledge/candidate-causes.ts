/**
 * The differential diagnosis as data, in the schema of root-causes.ts: for each finding id whose
 * causes the conversation can weigh (an unknown command, a refused AUTH, a connection or TLS
 * failure), the candidate causes an expert weighs, most likely first. Each is a cause row (its
 * words and its fixes, generic or a product family's own: `FixRow`, filtered by `pickFixes`)
 * with the condition in the conversation that can rule it out or support it, evaluated in
 * src/diagnose/evidence.ts. A ruled-out cause takes its fixes with it.
 *
 * Placeholders in fix texts, filled for the target in front of us: {openssl} (an `openssl
 * s_client` line with its host, port and TLS mode), {host}, {port}, {nc} (`nc host port`), {rcpt}
 * (the recipient of the step in question).
 */
import { on, why, type CauseRow } from "./root-causes.js";
import { MICROSOFT, type ServerFamily } from "./servers.js";

/** Conditions on the conversation, each implemented once in src/diagnose/evidence.ts. */
export type EvidenceId =
  | "line-endings" | "inspecting-appliance" | "tls-stream" | "non-smtp-proxy" | "nonstandard-command" | "feature-disabled"
  | "not-authenticated" | "client-not-trusted" | "oauth-token" | "wrong-credentials" | "basic-auth-disabled"
  | "tls-already-active" | "port-25-blocked" | "appliance-strips-starttls";

export interface CandidateCause extends CauseRow {
  /** The condition that rules this cause out, or supports it, in this conversation. */
  evidence?: EvidenceId;
  /** A cause that only applies to these product families (e.g. a provider that turned basic auth off). */
  families?: readonly ServerFamily[];
  /** A cause weighed only for a step with one of these verbs (VRFY and EXPN are optional for a server). */
  verbs?: readonly string[];
  /** A cause not weighed for these verbs: another row says it better for them. */
  exceptVerbs?: readonly string[];
}

/** The candidate causes, by id. */
export const CANDIDATE_CAUSES = {
  "nonstandard-command": {
    text: "The sender uses a command this server does not implement (a legacy or home-made name such as XAUTH2 instead of AUTH, or a typo).",
    evidence: "nonstandard-command",
    fixes: [{ text: "Make the sender use only commands the server's EHLO reply advertises (RFC 5321 §4.1.1.1; AUTH per RFC 4954)." }],
  },
  "optional-command": {
    text: "VRFY and EXPN are optional for a server to honour: RFC 5321 lets it answer VRFY 252 or refuse it and refuse EXPN (§3.5.3, §7.3), and most servers turn both off so that nobody can harvest addresses.",
    verbs: ["VRFY", "EXPN"],
    fixes: [
      { text: "Do not make the sender depend on VRFY or EXPN: test an address with MAIL FROM and RCPT TO, then RSET (RFC 5321 §3.5.3), as smtp-gate does with `to:`." },
      why("postfix", "Postfix has no EXPN command (500 whatever the configuration); it answers VRFY unless `disable_vrfy_command = yes`."),
      why("exim", "Exim refuses VRFY and EXPN (\"Administrative prohibition\") unless `acl_smtp_vrfy` / `acl_smtp_expn` name an ACL that accepts them."),
      why("sendmail", "Sendmail: `PrivacyOptions` with `novrfy` / `noexpn` (or `goaway`) turns them off: VRFY is then answered 252 2.5.2, EXPN 502 5.7.0."),
      why("opensmtpd", "OpenSMTPD implements neither VRFY nor EXPN: both are answered 500 whatever smtpd.conf says."),
      why("haraka", "Haraka's core answers VRFY 252 and has no EXPN command (500)."),
      why("aiosmtpd", "aiosmtpd does not implement EXPN (502 \"EXPN not implemented\"); VRFY is answered 252 unless the handler's `handle_VRFY` says more."),
    ],
  },
  "feature-disabled": {
    text: "The server knows the command but has it switched off on this listener.",
    // VRFY and EXPN: "optional-command" says it with each product's own behaviour.
    exceptVerbs: ["VRFY", "EXPN"],
    evidence: "feature-disabled",
    fixes: [{ text: "Enable the feature on this listener if the sender needs it, or point the sender at the listener that has it (587 for submission)." }],
  },
  "inspecting-appliance": {
    text: "An SMTP-inspecting firewall or appliance in the path (Cisco PIX \"fixup smtp\", ASA \"inspect esmtp\") rewrites or blocks commands it does not know.",
    evidence: "inspecting-appliance",
    fixes: [
      { text: "Compare the session from inside the network with the one from here: `{openssl}`; if they differ (asterisks in the banner, XXXX, no STARTTLS), an appliance rewrites SMTP." },
      { text: "Disable SMTP inspection on the appliance: `no fixup protocol smtp 25` (PIX) or remove `inspect esmtp` from the ASA policy-map." },
    ],
  },
  "tls-stream": {
    text: "The TLS stream was corrupted: the client went on writing plain text after STARTTLS, or something in the path interfered with the encrypted stream.",
    evidence: "tls-stream",
    fixes: [{ text: "Repeat the session by hand: `{openssl}`." }],
  },
  "line-endings": {
    text: "Wrong line endings: bare LF instead of CRLF, so the server sees one long or garbled command (RFC 5321 §2.3.8).",
    evidence: "line-endings",
    fixes: [{ text: "Make the sender end every command with CRLF." }],
  },
  "non-smtp-proxy": {
    text: "A proxy or load balancer in the path that speaks something other than plain SMTP (an HTTP proxy, a PROXY-protocol mismatch).",
    evidence: "non-smtp-proxy",
    fixes: [{ text: "Connect by hand (`{nc}`) and compare the banner with the MTA's own." }],
  },

  // Relaying (RFC 5321 §3.6.2)
  "relay-not-authenticated": {
    text: "The recipient's domain is not one this server receives mail for, and the client did not authenticate, so relaying to it is refused.",
    evidence: "not-authenticated",
    fixes: [
      { text: "Authenticate before sending to outside domains (submission on 587 with AUTH), or send to the recipient domain's own MX." },
      on("postfix", "Postfix: relaying is allowed by `smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination` in main.cf; add the domain to `relay_domains` only if this server should accept it."),
      on("exim", "Exim: the RCPT ACL (`acl_smtp_rcpt`) accepts relaying for `hosts = +relay_from_hosts` and `authenticated = *`; add the domain to `relay_to_domains` only if this server should accept it."),
      on("sendmail", "Sendmail: authenticated clients relay with `TRUST_AUTH_MECH`; allow a domain with `To:example.net RELAY` in /etc/mail/access (then `makemap hash /etc/mail/access < /etc/mail/access`)."),
      on("opensmtpd", "OpenSMTPD: only a `match auth from any for any action \"relay\"` (or `match from src <trusted>`) rule in smtpd.conf lets a client relay; the `match from any for domain <local>` rule covers only local domains."),
      on("haraka", "Haraka: relaying needs an authenticated session (`connection.relaying` is set by the auth plugin) or the `relay` plugin with the client in config/relay_acl_allow."),
      on("exchange", "Exchange: anonymous clients may not relay; use an authenticated connection (SMTP client submission on 587) or a dedicated receive connector that grants `Ms-Exch-SMTP-Accept-Any-Recipient` to the sender's IP."),
      on("aiosmtpd", "aiosmtpd: relaying is decided by the handler's `handle_RCPT`; check which domains it accepts without authentication."),
    ],
  },
  "relay-client-not-trusted": {
    text: "The client is authenticated or trusted elsewhere, but not for relaying from this address: its IP is not in the relay networks and the session's identity has no relay right.",
    evidence: "client-not-trusted",
    fixes: [
      on("postfix", "Postfix: check `mynetworks` and that `permit_sasl_authenticated` comes before `reject_unauth_destination`."),
      on("exim", "Exim: check `hostlist relay_from_hosts` and the `authenticated = *` clause in the RCPT ACL."),
      on("exchange", "Exchange: grant relay on the receive connector that handles this client (Get-ReceiveConnector | fl RemoteIPRanges, PermissionGroups)."),
      { text: "Check the server's relay rules for this client's address and identity." },
    ],
  },

  // Recipients
  "mailbox-missing": {
    text: "The recipient mailbox does not exist on this server (a typo, a deleted account, or a missing alias).",
    fixes: [
      { text: "Check the address with its owner." },
      on("postfix", "Postfix: look the address up in the recipient tables: `postmap -q {rcpt} $(postconf -h virtual_mailbox_maps)`; for local users check `local_recipient_maps` and `alias_maps`."),
      on("exim", "Exim: \"Unrouteable address\" means no router accepted the address: test it with `exim -bt {rcpt}` and check the routers and the domain lists (`local_domains`)."),
      on("sendmail", "Sendmail: test with `sendmail -bv {rcpt}`; add the user, an alias in /etc/mail/aliases (`newaliases`), or a virtusertable entry."),
      on("opensmtpd", "OpenSMTPD: add the address to the table of the `action ... virtual <table>` (or `alias <table>`) rule that matches it, then `smtpctl update table NAME`."),
      on("haraka", "Haraka: the recipient is refused by a `rcpt_to.*` plugin (rcpt_to.in_host_list, qmail-deliverable, ldap): check that plugin's list for the address."),
      on("exchange", "Exchange: check the recipient exists (Get-Recipient) and that recipient filtering or Directory-Based Edge Blocking knows it."),
      on("aiosmtpd", "aiosmtpd: the handler's `handle_RCPT` refused the address: check the mailboxes it knows."),
      on("qmail", "qmail: check /var/qmail/control/rcpthosts, virtualdomains and the user's .qmail files."),
    ],
  },
  "expansion-failed": {
    text: "The address exists as an alias, list or virtual entry, but expanding it failed: it resolves to no deliverable mailbox, loops, or names a table the server cannot read (RFC 3463 X.2.4).",
    fixes: [
      on("opensmtpd", "OpenSMTPD: check the `virtual` / `alias` table the matching `action` uses: the address must map to an existing user (`smtpctl show table NAME`; then `smtpctl update table NAME`); `smtpd -dv -T expand` shows why expansion failed."),
      on("postfix", "Postfix: check `virtual_alias_maps` and `alias_maps` for the address (`postmap -q`), and the mail log for the expansion error."),
      on("exim", "Exim: test with `exim -bt {rcpt}` and read the redirect router's error."),
      { text: "Check the alias or list the address expands to, and the server's log for the expansion error." },
    ],
  },

  // Authentication (RFC 4954 §6)
  "wrong-credentials": {
    text: "Wrong username or password, or the account is locked or disabled.",
    evidence: "wrong-credentials",
    fixes: [{ text: "Check the username and password with the provider's or the server's own tools (log in to the mailbox with them)." }],
  },
  "sasl-backend": {
    text: "The server's authentication backend does not accept this account (wrong password database, realm or user name format).",
    fixes: [
      on("postfix", "Postfix: check the SASL backend (`smtpd_sasl_type`, `smtpd_sasl_path`; with Dovecot, its auth log: `doveadm auth test USER`)."),
      on("exim", "Exim: check the authenticator's `server_condition` (e.g. the password lookup in the plain/login authenticators) with `exim -d+auth`."),
      on("sendmail", "Sendmail: check saslauthd (`testsaslauthd -u USER -p PASS`) and `confAUTH_MECHANISMS` / `TRUST_AUTH_MECH` in sendmail.mc."),
      on("opensmtpd", "OpenSMTPD: check the `auth <table>` of the `listen` line in smtpd.conf; passwords there are `smtpctl encrypt` hashes."),
      on("haraka", "Haraka: check the auth plugin's users (config/auth_flat_file.ini for auth/flat_file)."),
      on(MICROSOFT, "Microsoft 365 / Exchange: SMTP AUTH must be enabled for the mailbox (Set-CASMailbox -SmtpClientAuthenticationDisabled $false) and the organisation."),
      on("gmail", "Gmail / Google Workspace: use an app password (with 2-Step Verification) or XOAUTH2; plain passwords are refused."),
      on("aiosmtpd", "aiosmtpd: the `authenticator` callback refused the credentials: check the accounts it knows."),
    ],
  },
  "basic-auth-disabled": {
    text: "The provider turned off password (basic) authentication for SMTP: it takes only OAuth 2 (XOAUTH2) or an app password.",
    evidence: "basic-auth-disabled",
    families: [...MICROSOFT, "gmail", "yahoo"],
    fixes: [
      on(MICROSOFT, "Microsoft 365: enable SMTP AUTH for the mailbox, or switch the sender to XOAUTH2 (`auth: XOAUTH2` with `oauth-token-env`)."),
      on("gmail", "Google: use an app password, or XOAUTH2 (`auth: XOAUTH2` with `oauth-token-env`)."),
      on("yahoo", "Yahoo Mail: a mail program signs in with an app password (Yahoo account › Account security › Generate app password), not the account's own password."),
    ],
  },
  "oauth-token": {
    text: "The OAuth token is expired or lacks the provider's SMTP scope.",
    evidence: "oauth-token",
    fixes: [
      { text: "Refresh the token and check that it carries the provider's SMTP scope." },
      on("gmail", "Google: the token needs the scope https://mail.google.com/."),
      on(MICROSOFT, "Microsoft 365: the token needs the SMTP.Send permission (https://outlook.office.com/SMTP.Send)."),
    ],
  },

  // TLS on the server's side
  "tls-already-active": {
    text: "STARTTLS was sent on a session that is already encrypted; RFC 3207 §4.2 forbids a second STARTTLS, and servers refuse it.",
    evidence: "tls-already-active",
    fixes: [{ text: "Send STARTTLS once: remove the second STARTTLS (and keep one EHLO after the first)." }],
  },
  "tls-not-configured": {
    text: "TLS is not configured on this listener (no certificate, or STARTTLS turned off).",
    fixes: [
      on("postfix", "Postfix: `smtpd_tls_security_level = may` with `smtpd_tls_chain_files` in main.cf (or `-o smtpd_tls_security_level=encrypt` on the submission service in master.cf)."),
      on("exim", "Exim: set `tls_advertise_hosts = *` with `tls_certificate` and `tls_privatekey`."),
      on("sendmail", "Sendmail: define `confSERVER_CERT` and `confSERVER_KEY` in sendmail.mc and rebuild sendmail.cf."),
      on("opensmtpd", "OpenSMTPD: add `tls pki NAME` to the `listen on` line in smtpd.conf."),
      on("haraka", "Haraka: enable the `tls` plugin (config/plugins) with config/tls.ini."),
      on("exchange", "Exchange: the receive connector needs TLS enabled and a certificate for its FQDN."),
      { text: "Enable STARTTLS on this listener with a certificate for its name." },
    ],
  },
  "tls-not-started": {
    text: "The server requires TLS before this command (submission ports usually do), and the session was still in plain text.",
    fixes: [
      { text: "Use `tls: starttls` (STARTTLS, then EHLO again, before AUTH and MAIL), or `tls: implicit` on the server's implicit-TLS port (465)." },
      { text: "Make the production sender start TLS the same way: `{openssl}` shows the sequence by hand." },
    ],
  },
  "appliance-strips-starttls": {
    text: "An SMTP-inspecting firewall or appliance (such as Cisco ASA ESMTP inspection) removed STARTTLS from the EHLO reply.",
    evidence: "appliance-strips-starttls",
    fixes: [{ text: "Compare the EHLO reply from inside the network; if STARTTLS appears there, disable the appliance's SMTP inspection (`no inspect esmtp`)." }],
  },

  // Connecting
  "nothing-listens": {
    text: "Nothing listens on that port, or a firewall on the server's side rejects the connection (a refusal is an active answer: the host is reachable).",
    fixes: [{ text: "Check that the MTA listens on port {port} (`ss -ltn 'sport = :{port}'` on the server) and that its firewall allows it; from here: `{nc}`." }],
  },
  "port-25-blocked": {
    text: "Outbound port 25 is blocked by the network this runs in (common for cloud and hosted runners).",
    evidence: "port-25-blocked",
    fixes: [{ text: "Probe the submission port (587 with STARTTLS, or 465) instead, or run the check from a network that allows outbound port 25." }],
  },
  "filtered": {
    text: "A firewall drops the packets silently (the port is filtered), or the host is down.",
    fixes: [{ text: "Check the path: `{nc}` and `traceroute -T -p {port} {host}`; a refusal would answer at once, a drop waits for the timeout." }],
  },
  "no-route": {
    text: "The host or its network is unreachable from here (no route, or an ICMP unreachable from a router).",
    fixes: [{ text: "Check routing from this network (`ip route get {host}`, `traceroute {host}`); the address may be private or the host down." }],
  },

  // A server that aborts its own TLS handshake
  "server-tls-setup": {
    text: "The server aborted its own TLS handshake (an internal error): it could not load its certificate or key, or its TLS library failed.",
    fixes: [
      on("postfix", "Postfix: check `smtpd_tls_chain_files`; `postfix tls output-server-tls` and the mail log name the failing file."),
      on("exim", "Exim: check `tls_certificate` / `tls_privatekey` and the Exim panic log."),
      on("sendmail", "Sendmail: check `confSERVER_CERT` / `confSERVER_KEY` and their permissions."),
      on("opensmtpd", "OpenSMTPD: check the `pki` lines of smtpd.conf (`smtpd -n`)."),
      on("haraka", "Haraka: check config/tls.ini and the files it names."),
      { text: "Look at the server's log at the time of this handshake: it names what failed." },
    ],
  },
  // SMTP smuggling: SEC Consult (sec-consult.com/blog/detail/smtp-smuggling-spoofing-e-mails-worldwide/),
  // postfix.org/smtp-smuggling.html, Exim's CVE-2023-51766 notice, Sendmail 8.18 RELEASE_NOTES
  // (srv_features `o`), aiosmtpd GHSA-pr2m-px7j-xg65 (CVE-2024-27305).
  "smuggling-lenient-end-of-data": {
    text: "The server's DATA reader accepts an end of data other than <CR><LF>.<CR><LF> (a bare <LF> or <CR> taken as a line ending, or a NUL dropped): an outbound server that passes such a sequence through lets its users hide a second message, with a forged sender, inside the first (SMTP smuggling, CVE-2023-51764/51765/51766).",
    fixes: [
      on("postfix", "Postfix: set `smtpd_forbid_bare_newline = normalize` (Postfix 3.9 and later default to it; the backports 3.8.5, 3.7.10, 3.6.14 and 3.5.24 have it, off by default) and `postfix reload`. Clients in `smtpd_forbid_bare_newline_exclusions` (default `$mynetworks`, loopback included) stay exempt, so test from outside mynetworks. Older releases: `smtpd_data_restrictions = reject_unauth_pipelining` is the short-term mitigation (postfix.org/smtp-smuggling.html)."),
      on("exim", "Exim: upgrade to 4.97.1 or later (CVE-2023-51766), which accepts only <CR><LF>.<CR><LF> as the end of data. Until then, `pipelining_advertise_hosts =` and `chunking_advertise_hosts =` (both empty) in the main configuration narrow what can be smuggled."),
      on("sendmail", "Sendmail: upgrade to 8.18.1 or later (CVE-2023-51765), which by default accepts only <CR><LF>.<CR><LF> (srv_features option `o`); on a patched 8.17 add `o` to the server features (`O SrvFeatures`, or `Srv_Features:` in the access map), and `g`/`u` to refuse bare <LF>/<CR>."),
      on("aiosmtpd", "aiosmtpd: upgrade to 1.4.5 or later (CVE-2024-27305), which accepts only <CR><LF>.<CR><LF>."),
      on("opensmtpd", "OpenSMTPD: upgrade to the current release, and report the accepted sequences upstream if it still takes them."),
      on("haraka", "Haraka: upgrade to the current release, and report the accepted sequences upstream if it still takes them."),
      { text: "Make the server accept only <CR><LF>.<CR><LF> as the end of data, and refuse (or normalise) a bare <CR> or <LF> in message content (RFC 5321 §2.3.8, §4.1.1.4): upgrade to a release that fixes SMTP smuggling, or put a filter in front that does." },
      { text: "Re-run this check (`--send --smuggling`) after the change: every variant must then be answered once." },
    ],
  },
  // TLS 1.3's certificate_required alert (RFC 8446 §4.4.2.4, §6.2): the server wanted the client's certificate.
  "client-certificate-required": {
    text: "The port requires a client certificate (mutual TLS) and smtp-gate presents none: whatever terminates TLS here verifies clients — stunnel `verifyChain = yes` or `verify = 2`, HAProxy `verify required` on the `bind` line, nginx `ssl_verify_client on`, Exim `tls_verify_hosts`. Mail servers and ordinary mail clients present no certificate, so they cannot deliver here either.",
    fixes: [
      { text: "If this port takes mail from other servers or from ordinary mail clients, stop requiring a client certificate where TLS is terminated: stunnel `verifyChain = no` (and no `verify = 2` or `verifyPeer`), HAProxy `verify none` (or `optional`), nginx `ssl_verify_client off` (or `optional`), Exim `tls_try_verify_hosts` instead of `tls_verify_hosts`." },
      { text: "If only clients with certificates may use this port, it is not the path mail takes: probe the port those senders use." },
    ],
  },
  "no-common-protocol": {
    text: "Client and server share no TLS version or cipher: the server refused the handshake (handshake_failure or protocol_version).",
    fixes: [{ text: "See what the server accepts: `{openssl} -tls1_2` and `-tls1_3`; enable TLS 1.2 and 1.3 on the server." }],
  },
} satisfies Readonly<Record<string, CandidateCause>>;

export type CandidateCauseId = keyof typeof CANDIDATE_CAUSES;

/** For each finding id, the causes weighed, in their prior order (before evidence reorders them). */
export const DIFFERENTIALS: Readonly<Record<string, readonly CandidateCauseId[]>> = {
  "command-unrecognized": ["optional-command", "nonstandard-command", "inspecting-appliance", "tls-stream", "line-endings", "non-smtp-proxy"],
  "command-not-implemented": ["optional-command", "feature-disabled", "nonstandard-command", "inspecting-appliance", "tls-stream", "line-endings", "non-smtp-proxy"],
  "address-verification-refused": ["optional-command"],
  "relay-denied": ["relay-not-authenticated", "relay-client-not-trusted"],
  "recipient-expansion-failed": ["expansion-failed", "mailbox-missing"],
  "auth-failed": ["wrong-credentials", "sasl-backend", "basic-auth-disabled", "oauth-token"],
  "starttls-repeated": ["tls-already-active"],
  "starttls-not-advertised": ["tls-not-configured", "appliance-strips-starttls"],
  "starttls-required-first": ["tls-not-started", "appliance-strips-starttls"],
  "connect-refused": ["nothing-listens"],
  "connect-timeout": ["filtered", "port-25-blocked"],
  "host-unreachable": ["no-route"],
  "tls-server-alert": ["server-tls-setup", "no-common-protocol"],
  "tls-client-certificate-required": ["client-certificate-required"],
  "smtp-smuggling": ["smuggling-lenient-end-of-data"],
};
