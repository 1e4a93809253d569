/**
 * Advice for findings that are not about a refusal (contract §8 `cause: null`): what the server's
 * policy allows that it should not (VRFY, open relay, AUTH before TLS), and the server's own
 * name and extensions. Each fix is either the recognised product's own setting (`families`) or
 * generic words; the diagnosis shows a product's rows only to that product (docs/diagnosis.md).
 */
import { on, pickFixes, why, type FixRow } from "./root-causes.js";
import { MICROSOFT, type ServerFamily } from "./servers.js";

export interface PolicyAdvice {
  causes: readonly FixRow[];
  fixes: readonly FixRow[];
}

export const POLICY_ADVICE = {
  "open-relay": {
    causes: [{ text: "The relay rules let any client send to any domain: recipients in domains the server does not serve are accepted from a client that did not authenticate, or the trusted networks include the probe's address." }],
    fixes: [
      on("postfix", "Postfix: `smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination` in main.cf, with a tight `mynetworks` (`postconf mynetworks`), then `postfix reload`."),
      on("exim", "Exim: in the RCPT ACL (`acl_smtp_rcpt`), accept other domains only for `hosts = +relay_from_hosts` or `authenticated = *` and deny the rest (`require verify = recipient`, `deny … !domains = +local_domains : +relay_to_domains`); narrow `relay_from_hosts`."),
      on("sendmail", "Sendmail: remove `FEATURE(`promiscuous_relay')` and broad `Connect:… RELAY` entries from /etc/mail/access and /etc/mail/relay-domains, rebuild (`makemap hash /etc/mail/access < /etc/mail/access`) and restart."),
      on("opensmtpd", "OpenSMTPD: a `match from any for any action \"relay\"` rule makes it open: use `match auth from any for any action \"relay\"` (or `match from src <trusted>`), then `smtpctl reload`."),
      on("haraka", "Haraka: `connection.relaying` is set for everyone: check config/relay_acl_allow and config/relay_dest_domains of the relay plugin."),
      on("qmail", "qmail: RELAYCLIENT is set for every client in the tcpserver rules (tcp.smtp), or /var/qmail/control/rcpthosts is missing: fix them and rebuild tcp.smtp.cdb."),
      on("courier", "Courier: /etc/courier/smtpaccess gives RELAYCLIENT to too wide a network: narrow it and run `makesmtpaccess`."),
      on(MICROSOFT, "Exchange: a receive connector grants `Ms-Exch-SMTP-Accept-Any-Recipient` to anonymous senders: remove it (`Get-ReceiveConnector | Get-ADPermission | where ExtendedRights -like '*Any-Recipient*'`)."),
      on("aiosmtpd", "aiosmtpd: the handler's `handle_RCPT` accepts any domain: accept only the domains it serves unless the session authenticated."),
      { text: "Let only authenticated clients and a narrow list of trusted networks relay; then check the server's IP on blocklists, since open relays are found and abused within hours." },
    ],
  },
  "vrfy-enabled": {
    causes: [{ text: "VRFY is enabled and answers truthfully, so anyone can test which addresses exist (RFC 5321 §7.3 allows turning it off)." }],
    fixes: [
      on("postfix", "Postfix: `disable_vrfy_command = yes` in main.cf, then `postfix reload`."),
      on("exim", "Exim: the `acl_smtp_vrfy` ACL accepts VRFY: make it deny (without that ACL, Exim refuses VRFY)."),
      on("sendmail", "Sendmail: add `novrfy` to the privacy flags (`define(`confPRIVACY_FLAGS', `goaway')` or `novrfy`, i.e. `O PrivacyOptions=novrfy`), rebuild sendmail.cf and restart."),
      on("haraka", "Haraka: remove the plugin that answers VRFY (a `hook_vrfy`) from config/plugins."),
      { text: "Answer VRFY with 252 (cannot verify, will attempt delivery) or refuse it (RFC 5321 §3.5.3)." },
    ],
  },
  "auth-before-tls": {
    causes: [{ text: "The server offers AUTH on the unencrypted session, so a client may send its password in clear text before STARTTLS." }],
    fixes: [
      on("postfix", "Postfix: `smtpd_tls_auth_only = yes` in main.cf (or `-o smtpd_tls_auth_only=yes` on the service in master.cf)."),
      on("exim", "Exim: `auth_advertise_hosts = ${if eq{$tls_in_cipher}{}{}{*}}` in the main configuration."),
      on("sendmail", "Sendmail: `define(`confAUTH_OPTIONS', `A p')` in sendmail.mc (`p`: no plaintext mechanisms without TLS), then rebuild sendmail.cf."),
      on("opensmtpd", "OpenSMTPD: put `tls-require` on the `listen … auth` line in smtpd.conf."),
      on("courier", "Courier: in /etc/courier/esmtpd set `ESMTPAUTH=\"\"` and `ESMTPAUTH_TLS=\"LOGIN PLAIN\"`."),
      on(MICROSOFT, "Exchange: on the receive connector use `Set-ReceiveConnector … -AuthMechanism 'Tls, BasicAuth, BasicAuthRequireTLS'`."),
      { text: "Offer AUTH only after STARTTLS, or only on the implicit-TLS port (465)." },
    ],
  },
  // A command smtp-gate did not send: the server did not advertise the extension it needs.
  "smtputf8-not-offered": {
    causes: [
      { text: "The server does not offer SMTPUTF8 on this listener (internationalised addresses are not enabled, or not supported): a compliant sender must not send a non-ASCII address there (RFC 6531 §3.4), and one that does is refused or mangles it." },
    ],
    fixes: [
      { text: "Use the recipient's (or sender's) ASCII address; a non-ASCII domain alone needs no SMTPUTF8 when written as its A-label (`xn--…`, IDNA 2008)." },
      why("postfix", "Postfix: `smtputf8_enable = yes` in main.cf (Postfix 3.0 or later), then `postfix reload`: Postfix then advertises SMTPUTF8."),
      why("exim", "Exim: `smtputf8_advertise_hosts` (default `*`) must match this client, in an Exim built with internationalisation support (`exim -bV` lists I18N)."),
      why("sendmail", "Sendmail 8.17: `O SMTPUTF8=True` in sendmail.cf, in a binary built with USE_EAI (otherwise Sendmail warns that the option needs USE_EAI)."),
      why("aiosmtpd", "aiosmtpd: pass `enable_SMTPUTF8=True` to the SMTP server (the `SMTP` class or the `Controller`)."),
    ],
  },
  "chunking-not-offered": {
    causes: [
      { text: "The server does not offer CHUNKING (RFC 3030): BDAT is not a command it knows, and the message chunk sent after it would be read line by line as commands." },
    ],
    fixes: [
      { text: "Send the message with DATA (RFC 5321 §4.1.1.4), as every server supports; use BDAT only when the EHLO reply lists CHUNKING, as production MTAs do." },
      why("postfix", "Postfix offers CHUNKING unless `smtpd_discard_ehlo_keywords` lists it (Postfix 3.4 or later)."),
      why("exim", "Exim offers CHUNKING to the hosts in `chunking_advertise_hosts` (default `*`)."),
    ],
  },
  "slow-step": {
    causes: [{ text: "A slow lookup on the server (reverse DNS of the client, DNSBL checks), a policy service, deliberate delays (tarpitting), or an overloaded server." }],
    fixes: [
      on("postfix", "Postfix: look at what runs at this step: `smtpd_delay_reject`, DNSBL lookups (`reject_rbl_client`, postscreen), policy services, `smtpd_error_sleep_time`."),
      on("exim", "Exim: look at the ACL for this command (DNS lists, `delay =` conditions) and `rfc1413_query_timeout`."),
      { text: "Look at what the server does at this step: lookups about the client, policy services, deliberate delays." },
    ],
  },
  "server-name": {
    causes: [{ text: "The server's own host name is a bare name, or not the one its PTR and MX record give." }],
    fixes: [
      on("postfix", "Postfix: set `myhostname` in main.cf to the FQDN its PTR names."),
      on("exim", "Exim: set `primary_hostname` to the FQDN its PTR names."),
      on("sendmail", "Sendmail: set `confDOMAIN_NAME` (or `Dj`) in sendmail.mc to the FQDN its PTR names."),
      on("opensmtpd", "OpenSMTPD: set `hostname` on the `listen` line (or the machine's name in /etc/mail/mailname)."),
      on(MICROSOFT, "Exchange: set the receive connector's FQDN (`Set-ReceiveConnector -Fqdn`)."),
      { text: "Set the MTA's own name to its fully qualified domain name, the same as the PTR of its address." },
    ],
  },
  "pipelining-broken": {
    causes: [
      { text: "An appliance or proxy in the path that inspects SMTP does not handle several commands in one packet, although the server behind it advertises PIPELINING." },
      { text: "A server bug in its pipelining support." },
    ],
    fixes: [
      { text: "Retry with `pipelining: off` to confirm; then fix or bypass the appliance, or make the server stop advertising PIPELINING." },
      on("postfix", "Postfix: `smtpd_discard_ehlo_keywords = pipelining` stops advertising it."),
      on("exim", "Exim: `pipelining_advertise_hosts =` (empty) stops advertising it."),
    ],
  },
  // The TLS audit (contract §9): the server still completes TLS 1.0 or 1.1 handshakes (RFC 8996).
  "tls-old-protocol": {
    causes: [{ text: "TLS 1.0 and 1.1 were never turned off: the server's TLS settings (or its TLS library's defaults) still enable them." }],
    fixes: [
      on("postfix", "Postfix: `smtpd_tls_protocols = >=TLSv1.2` and `smtpd_tls_mandatory_protocols = >=TLSv1.2` in main.cf (before Postfix 3.6: `!SSLv2, !SSLv3, !TLSv1, !TLSv1.1`), then `postfix reload`."),
      on("exim", "Exim built with OpenSSL: `openssl_options = +no_sslv3 +no_tlsv1 +no_tlsv1_1`; built with GnuTLS (Debian's exim4): `tls_require_ciphers = NORMAL:-VERS-TLS1.0:-VERS-TLS1.1` (`exim -bV` names the library); then restart Exim."),
      on("sendmail", "Sendmail: `define(`confSERVER_SSL_OPTIONS', `+SSL_OP_NO_SSLv3 +SSL_OP_NO_TLSv1 +SSL_OP_NO_TLSv1_1')` in sendmail.mc (the ServerSSLOptions option), rebuild sendmail.cf and restart."),
      on("opensmtpd", "OpenSMTPD: add `protocols \"tlsv1.2:tlsv1.3\"` to the `listen on … tls` line in smtpd.conf, then restart smtpd."),
      on("haraka", "Haraka: `minVersion=TLSv1.2` in config/tls.ini, then restart Haraka."),
      on("aiosmtpd", "aiosmtpd: set `minimum_version = ssl.TLSVersion.TLSv1_2` on the `ssl.SSLContext` passed as `tls_context`, then restart the server."),
      on("exchange", "Exchange: turn TLS 1.0 and 1.1 off in Schannel: `Enabled` = 0 and `DisabledByDefault` = 1 under `HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server` and `…\\TLS 1.1\\Server` (Microsoft's Exchange Server TLS configuration guidance), then restart the server."),
      { text: "Accept TLS 1.2 and 1.3 only: raise the minimum protocol version of whatever terminates TLS on this port (the MTA, or a TLS terminator in front of it), then reload it." },
    ],
  },
  "tls-version-too-old": {
    causes: [
      { text: "What terminates TLS on this port supports nothing newer: an old TLS library (OpenSSL before 1.0.1 has no TLS 1.2) or settings that leave out TLS 1.2 and 1.3." },
      { text: "Or a box in the path (an SMTP-inspecting firewall, a TLS terminator) negotiates an old version itself." },
    ],
    fixes: [
      on("postfix", "Postfix: `postconf smtpd_tls_protocols smtpd_tls_mandatory_protocols` must not exclude TLSv1.2 and TLSv1.3 (`>=TLSv1.2` is right); `postconf -d tls_medium_cipherlist` and the OpenSSL Postfix is linked with (`ldd $(postconf -h daemon_directory)/smtpd | grep ssl`) tell whether TLS 1.2 is there at all."),
      on("exim", "Exim: `exim -bV` names its TLS library and version; `openssl_options` (OpenSSL) or `tls_require_ciphers` (GnuTLS) must not leave out TLS 1.2 and 1.3; an old library needs an Exim built against a current one."),
      on("sendmail", "Sendmail: `sendmail -d0.1 -bv root` shows the OpenSSL it was built with; `ServerSSLOptions` (`confSERVER_SSL_OPTIONS`) must not turn TLS 1.2 off."),
      on("exchange", "Exchange: enable TLS 1.2 in Schannel (`Enabled` = 1, `DisabledByDefault` = 0 under `HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server`) and .NET's strong cryptography (`SchUseStrongCrypto`), then restart the server."),
      { text: "Enable TLS 1.2 and 1.3 where TLS ends for this port (the MTA and its TLS library, or the TLS terminator in front), upgrading the library if it has no TLS 1.2; then reload it." },
    ],
  },
  "listens-on-every-address": {
    causes: [],
    fixes: [
      on("postfix", "Postfix: `inet_protocols = all` and `inet_interfaces` must cover every address of the host."),
      on("exim", "Exim: `local_interfaces` (and `disable_ipv6`) must cover every address of the host."),
      { text: "Check that the MTA listens on every address of the host, IPv4 and IPv6." },
    ],
  },
} as const satisfies Record<string, PolicyAdvice>;

export type PolicyAdviceId = keyof typeof POLICY_ADVICE;

/** A policy finding's causes and fixes for this product: its own settings first, generic words for any. */
export function policyAdvice(id: PolicyAdviceId, family: ServerFamily | null): { causes: string[]; fixes: string[] } {
  const a: PolicyAdvice = POLICY_ADVICE[id];
  return { causes: pickFixes(a.causes, family), fixes: pickFixes(a.fixes, family) };
}
