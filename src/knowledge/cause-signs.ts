/**
 * What a refused reply says about its root cause: signs read from the reply's structured parts
 * (the phase it answered, its enhanced code, its reply code), its words, and the recognised
 * product. Tried tier by tier, first match wins, so the order of the tiers is the order of
 * weight (docs/diagnosis.md):
 *
 * 1. VENDOR_SIGNS — a product's own meaning of an enhanced code, only when that product is
 *    recognised (Microsoft's 5.1.10 is "recipient not found", RFC 7505's X.1.10 is null MX).
 * 2. WORD_SIGNS — the general wording products use for one cause ("Relay access denied",
 *    "User unknown", "blocked using"), most specific first.
 * 3. REGISTRY_SIGNS — the IANA enhanced-code registry's meanings, at the phases where they apply.
 * 4. CODE_SIGNS — the basic reply code at its phase (RFC 5321 §4.2.2/§4.3.2): the last resort,
 *    and where the code fits several causes it says so (`cause: "other"` with `also`).
 *
 * Data only: rows read fields (phase, codes, family), and the only text they match is the
 * server's reply. The causes' words and fixes are in root-causes.ts.
 */
import { on, why, type FixRow, type RootCause } from "./root-causes.js";
import { MICROSOFT, type ServerFamily } from "./servers.js";

/** The command a reply answered: its verb, "CONNECT" for the greeting, "END-OF-DATA" after the final dot. */
export type Phase = string;

export interface CauseSign {
  cause: RootCause;
  /** Causes the evidence does not tell apart from `cause` (with `cause: "other"`, the candidates). */
  also?: readonly RootCause[];
  /** Only when one of these products is recognised. */
  families?: readonly ServerFamily[];
  /** The enhanced code, class digit included ("5.7.9") or as X ("X.7.26"); or a pattern over it. */
  enhanced?: readonly string[] | RegExp;
  /** Only a reply to one of these phases. */
  phases?: readonly Phase[];
  /** Only one of these reply codes. */
  codes?: readonly number[];
  /** The reply's text (its lines joined by a space). */
  words?: RegExp;
  /**
   * A recipient refusal whose words do not say whether the address is unknown or the domain is
   * foreign (OpenSMTPD's "Invalid recipient"): the conversation decides (diagnose/replies.ts).
   */
  contextual?: true;
  /**
   * What the reply says, in the product's own words, when the cause's general words would mislead: with
   * `cause: "other"`, a cause outside the vocabulary (a mail loop); with any cause, the product's reading of
   * its code (Microsoft's 5.7.133 is a recipient that takes mail only from its own organisation).
   */
  meaning?: string;
  /**
   * Short words for the finding's headline when the product's reading names something the cause's title would
   * misstate ("the envelope sender is refused" for a group that takes mail only from its members).
   */
  title?: string;
  /** With `cause: "other"`: what to do, shown first. */
  fix?: string;
  /**
   * What to do for this reading of the reply, generic rows and product rows as in root-causes.ts: they
   * replace the cause's own fixes, which are written for its usual readings (sender-rejected's "make the
   * domain resolve" is no fix for a group that refuses outside senders).
   */
  fixes?: readonly FixRow[];
  /** Where the meaning comes from. */
  source: string;
}

const ENVELOPE = ["MAIL", "RCPT"];
const LOOP_TITLE = "a mail loop";
const LOOP_MEANING = "A mail loop: the message passed through too many hops (its Received headers), so the server refused it (RFC 5321 §6.3).";
const LOOP_FIX = "Find the loop in the message's Received headers: two hosts (an alias, a forward, MX records) hand it to each other.";
const MESSAGE = ["DATA", "END-OF-DATA", "BDAT"];

/** A product's own reading of a reply: its headline, what it means and what to do (CauseSign `title`, `meaning`, `fixes`). */
type Reading = Required<Pick<CauseSign, "title" | "meaning" | "fixes">>;

/**
 * Microsoft's recipient restrictions (5.7.12, 5.7.13, 5.7.133–5.7.136; Exchange Server's RESOLVER.RST.AuthRequired):
 * the recipient takes mail only from senders its organisation knows as its own. "Authenticated" is the
 * recipient's word for internal, not SMTP AUTH: no setting of the sender's changes it.
 */
const INTERNAL_ONLY: Reading = {
  title: "the recipient takes mail only from senders inside its own organisation",
  meaning: "The recipient (a group, mailbox, mail user or public folder) accepts mail only from senders inside its own organisation (Exchange's \"Require that all senders are authenticated\", RequireSenderAuthenticationEnabled), and this sender is outside it. \"Authenticated\" here means known to the recipient's organisation as one of its own senders: nothing on the sending side changes it.",
  fixes: [
    { text: "Only the recipient's organisation can change this: ask the recipient (or the group's owner) to accept mail from outside senders for this address, or to add you to its allowed senders; meanwhile use another address of theirs." },
    why(MICROSOFT, "Microsoft 365 / Exchange (the recipient's admin): allow senders from outside the organisation for this recipient. A group: `Set-DistributionGroup GROUP -RequireSenderAuthenticationEnabled $false` (Exchange admin center: Groups › Delivery management › people inside and outside my organization). A mailbox, mail user or public folder: clear \"Require that all senders are authenticated\" in its message delivery restrictions (`Set-Mailbox`, `Set-MailUser` or `Set-MailPublicFolder` with `-RequireSenderAuthenticationEnabled $false`). Or list this sender, as a mail contact, in its allowed senders (`-AcceptMessagesOnlyFrom`)."),
  ],
};

/** Microsoft's blocks of the sending tenant, account or domain (Exchange Online NDRs 5.7.501–503, 5.7.700–749, 5.7.800): not an IP listing. */
const TENANT_BLOCKED: Reading = {
  title: "the sending Microsoft 365 tenant is blocked from sending",
  meaning: "Exchange Online has blocked the sending tenant's outgoing mail: too much of it was judged spam or bulk (typically a compromised account, an on-premises server that routes through the tenant, or a connector an attacker created), or the subscription is being renewed. The block is on the sending organisation in Microsoft 365, not on an IP address or a blocklist.",
  fixes: [
    on(MICROSOFT, "Microsoft 365 (the sending tenant's admin): find what sent the mail and secure it (compromised accounts: Microsoft Defender portal › Review › Restricted entities; unknown inbound connectors: Exchange admin center › Mail flow › Connectors; an open relay on premises), then open a service request in the Microsoft 365 admin center (Support) to have the tenant's block removed."),
    { text: "Only the sending organisation's Microsoft 365 administrator can have this block lifted; it is not a listing of an IP, so sending through another IP or relay does not help." },
  ],
};
const ACCOUNT_BANNED: Reading = {
  title: "the sending account is banned for sending spam",
  meaning: "Exchange Online banned the sending account for spam it sent (usually a compromised account); the block is on the account in Microsoft 365, not on an IP address.",
  fixes: [
    on(MICROSOFT, "Microsoft 365 (the sending tenant's admin): secure the account (reset its password, revoke its sessions, remove forwarding and inbox rules it should not have), then release it in the Microsoft Defender portal (Review › Restricted entities), or ask Microsoft Support through the Microsoft 365 admin center if it is not listed there."),
  ],
};
const DOMAIN_BANNED: Reading = {
  title: "the sending domain is banned for spam sent in its name",
  meaning: "Exchange Online banned the sending domain (the EHLO, envelope or header sender's domain) for spam sent in its name; the block is on the domain, not on an IP address.",
  fixes: [
    on(MICROSOFT, "Microsoft 365: stop what sent spam in the domain's name (compromised accounts, a form or service sending as the domain), then ask Microsoft Support through the Microsoft 365 admin center to restore the domain's ability to send."),
  ],
};
const TENANT_IP: Reading = {
  title: "the tenant's sending IP is refused for its reputation",
  meaning: "Exchange Online refuses the IP the tenant's mail came from for its low reputation, most often for a new or trial tenant; Microsoft's NDR reference counts it with 5.7.705 as a block of the sending tenant, lifted only through Microsoft Support.",
  fixes: [
    on(MICROSOFT, "Microsoft 365 (the sending tenant's admin): make sure no compromised account, connector or open relay sends through the tenant, then contact Microsoft Support from the Microsoft 365 admin center and ask for an IP exception (in a trial subscription, until Exchange Online licences are assigned)."),
    { text: "Only the sending tenant's administrator can have this lifted, through Microsoft Support; no public blocklist is involved." },
  ],
};
const TENANT_LIST: Reading = {
  title: "the sending organisation's own Tenant Allow/Block List blocks a recipient",
  meaning: "The sending organisation's own Tenant Allow/Block List blocks one of the recipients (or its domain), so Exchange Online refused the whole message, for every recipient.",
  fixes: [
    on(MICROSOFT, "Microsoft 365 (the sending tenant's admin): remove or narrow the block entry in the Microsoft Defender portal (Policies & rules › Threat policies › Tenant Allow/Block Lists), or send the message without that recipient."),
  ],
};

/** The sending domain's reputation or listing, not the IP's (Gmail, Spamhaus DBL, Outlook.com, Yahoo): one set of fixes, at the domain. */
const DOMAIN_FIXES: readonly FixRow[] = [
  on("gmail", "Gmail: Postmaster Tools (postmaster.google.com) shows the domain's reputation and its user-reported spam rate; keep that rate under 0.3 %, sign with DKIM and pass SPF aligned with the From domain (DMARC), and give bulk mail one-click unsubscribe (Google's sender guidelines)."),
  on("yahoo", "Yahoo: the Sender Hub (senders.yahooinc.com) shows complaints per DKIM domain through its Complaint Feedback Loop; follow Yahoo's sender requirements (SPF and DKIM aligned with DMARC, one-click unsubscribe)."),
  {
    text: "Work on the domain: see whether a domain list has it (Spamhaus's check.spamhaus.org shows DBL listings) and ask for removal there once the cause is gone; otherwise the receiver's own view of the domain refused it. Authenticate with SPF and DKIM aligned with the From domain (DMARC); send only to people who asked for the mail, drop addresses that bounce or complain, and raise volume slowly (a new domain needs a warm-up). The sending IP is not what is refused, so another IP or relay does not help.",
    named: "Work on the domain: look it up on {list}, which the reply names{lookup}, and ask for removal there once the cause is gone; authenticate with SPF and DKIM aligned with the From domain (DMARC); send only to people who asked for the mail, drop addresses that bounce or complain, and raise volume slowly (a new domain needs a warm-up). The sending IP is not what is refused, so another IP or relay does not help.",
  },
];
const DOMAIN_REPUTATION: Reading = { title: "the sending domain has a poor reputation", meaning: "The receiver refuses (or defers) mail for the reputation of the sending domain (the From, DKIM or SPF domain), which its recipients' spam reports and the domain's unauthenticated or unwanted mail have built; the reply names the domain, not the sending IP.", fixes: DOMAIN_FIXES };
const DOMAIN_LISTED: Reading = { title: "the sender's domain is on a domain blocklist", meaning: "The sender's domain is listed on a domain blocklist (Spamhaus DBL, or a URI list such as SURBL or URIBL): the listing is of the domain, not of the sending IP.", fixes: DOMAIN_FIXES };

/** Mimecast's Anti-Spoofing policy (Mimecast SMTP error codes: "Create an Anti-Spoofing policy to take no action for the sender's address or IP address"). */
const ANTI_SPOOFING: Reading = {
  title: "the recipient's Anti-Spoofing policy refused the sender",
  meaning: "The recipient's Anti-Spoofing policy refused the message: its sender (the envelope or header From) is in one of the recipient organisation's own domains, but the message came from outside, from a source that policy does not trust.",
  fixes: [
    { text: "If the mail is legitimate (a service sending in the name of the recipient organisation's own domain), only the recipient's administrator can let it through; otherwise send from the sender's own domain, not the recipient's." },
    why("mimecast", "Mimecast (the recipient's admin): add an Anti-Spoofing policy that takes no action for this sender address or source IP (or an SPF-based Anti-Spoofing bypass) on this route."),
  ],
};

/**
 * A domain blocklist (RFC 5782 §2.2: a list of names, not addresses) by its zone's name: Spamhaus DBL (dbl.spamhaus.org,
 * the DQS zone KEY.dbl.dq.spamhaus.net), SURBL, URIBL, Abusix's dblack and any rhsbl zone.
 */
const DOMAIN_LIST = String.raw`(?:[\w-]+\.)*(?:dbl|dblack|rhsbl|surbl|uribl)\.[\w.-]+`;

/**
 * Postfix's reject_rhsbl_client and reject_rhsbl_reverse_client (postconf(5); smtpd_check.c names the second
 * "Unverified Client host"): the client's host name, its PTR name, looked up on a domain list. The name's domain is
 * listed, not the IP.
 */
const CLIENT_NAME_LISTED: Reading = {
  title: "the client's host name is on a domain blocklist",
  meaning: "The sending host's name (the PTR name of its IP) is in a domain that a domain blocklist lists, so the receiver refused the client by its name: the listing is of that domain, not of the sending IP.",
  fixes: [
    {
      text: "Look up the domain of the host name the reply shows on the domain list that refused it (Spamhaus DBL: check.spamhaus.org). If the domain is yours, stop what got it listed and ask for removal there; if it is a provider's generic host name, ask the owner of the IP for a PTR record in a domain of yours, forward-confirmed (the name's A/AAAA record pointing back to the IP). The sending IP is not what is listed, so another IP or relay does not help.",
      named: "Look up the domain of the host name the reply shows on {list}, which the reply names{lookup}. If the domain is yours, stop what got it listed and ask for removal there; if it is a provider's generic host name, ask the owner of the IP for a PTR record in a domain of yours, forward-confirmed (the name's A/AAAA record pointing back to the IP). The sending IP is not what is listed, so another IP or relay does not help.",
    },
    why("postfix", "Postfix (the receiver): `reject_rhsbl_reverse_client` (the unverified PTR name) or `reject_rhsbl_client` (the verified client name) looked the client's host name up in the list named after \"blocked using\"; an exception for a client goes in a `check_client_access` table before it."),
  ],
};
/** Postfix's reject_rhsbl_helo: the EHLO name looked up on a domain list. */
const HELO_NAME_LISTED: Reading = {
  title: "the EHLO name's domain is on a domain blocklist",
  meaning: "The name the client gave in EHLO is in a domain that a domain blocklist lists: the receiver refused the EHLO name's domain, not the sending IP.",
  fixes: [
    {
      text: "Announce a host name in a domain of yours that is not listed (`helo:`, a name with an A/AAAA record), or find the EHLO name's domain on the domain list that refused it and ask the list to remove it once the cause is gone.",
      named: "Announce a host name in a domain of yours that is not listed (`helo:`, a name with an A/AAAA record), or look the EHLO name's domain up on {list}, which the reply names{lookup}, and ask it to remove the domain once the cause is gone.",
    },
    why("postfix", "Postfix (the receiver): `reject_rhsbl_helo` looked the EHLO name up in the list named after \"blocked using\"."),
  ],
};
/** Gmail's 4.7.28 for a URL domain: the links in the message, not the sender's IP or rate. */
const URL_DOMAIN: Reading = {
  title: "a URL domain in the message has a poor reputation",
  meaning: "The receiver limits mail that links to a domain (a URL in the body: a site, a link shortener or a click-tracking domain) it has seen in unwanted mail; the limit is on mail with that URL, not on the sending IP or the sending rate.",
  fixes: [
    { text: "Find the URL domain: send test messages with the links removed one at a time, tracking and shortener domains first (a shared shortener is often the one); track clicks on a domain of your own, and mail only recipients who asked for it. Sending slower does not lift it while the URL stays in the message." },
    on("gmail", "Gmail: Postmaster Tools shows the domain's reputation and its user-reported spam rate; keep that rate under 0.3 % and follow Google's sender guidelines."),
  ],
};
/**
 * A group, mailing list or mailbox that takes mail only from the senders its owner allows (Exchange's delivery
 * restrictions, RESOLVER.RST.NotAuthorized and NotAuthorizedToGroup; list managers' posting restrictions).
 */
const RECIPIENT_RESTRICTED: Reading = {
  title: "the group or list takes mail only from the senders it allows",
  meaning: "The recipient is a group or mailing list (or a mailbox with delivery restrictions) that takes mail only from the senders its owner allows, such as its members, and this sender is not one of them; nothing is wrong with the envelope sender itself.",
  fixes: [
    { text: "Only the recipient's side can change this: ask the group's owner to allow this sender (or to open the group to outside senders); meanwhile write to a person instead of the group." },
    why(MICROSOFT, "Exchange / Microsoft 365 (the recipient's admin): the recipient's delivery restrictions decide: for a group, `Set-DistributionGroup GROUP -AcceptMessagesOnlyFromSendersOrMembers` (or `-RejectMessagesFromSendersOrMembers`; Exchange admin center: the group's delivery management); for a mailbox, `Set-Mailbox -AcceptMessagesOnlyFromSendersOrMembers`."),
  ],
};

/** A receiving server (an inbound MX) that takes no logins at all: the client meant the provider's submission server (RFC 6409). */
const NO_LOGIN_HERE: Reading = {
  title: "this server takes no logins (it receives mail for its domains)",
  meaning: "The server refuses AUTH altogether: it receives mail for its own domains (an inbound MX) and is not where accounts submit mail, so no mechanism or password is accepted here.",
  fixes: [
    { text: "Send authenticated mail through the provider's submission server (its documented SMTP host, port 587 with STARTTLS or 465), not its MX; to this host, deliver without AUTH and only to the domains it receives for." },
  ],
};

/** The receiving organisation's own block list names the sender's address or domain: no DNS record of the sender's changes it. */
const SENDER_LISTED: Reading = {
  title: "the receiver's own block list names the sender",
  meaning: "The receiving organisation (or its filter) has put the sender's address or domain on its own block list; the sender's DNS and authentication are not what is refused, and no public list is involved.",
  fixes: [
    { text: "Ask the recipient, by another channel, to take the address or domain off their organisation's block list (or to add it to their allowed senders); if the address was abused to send spam, secure the account first." },
    why("postfix", "Postfix (the receiver): a `check_sender_access` table returns REJECT for this address or domain; remove the entry and `postmap` the table."),
    why("exim", "Exim (the receiver): a `senders =` list in the MAIL or RCPT ACL denies this address or domain."),
    why("mimecast", "Mimecast (the recipient's admin): remove the sender from the Blocked Senders policy, or add a Permitted Senders entry."),
    why(MICROSOFT, "Microsoft 365 (the recipient's admin): remove the block entry from the Tenant Allow/Block List (Microsoft Defender portal), or from the anti-spam policy's blocked senders and domains."),
  ],
};

/** An outbound relay or filtering service that sends, from an IP, only for the domains registered to the account. */
const UNREGISTERED_DOMAIN: Reading = {
  title: "the sending domain is not registered for this IP at the service",
  meaning: "The service relays mail from this IP only for the sending domains registered (and active) in the account that owns the IP; this envelope sender's domain is not one of them, or the IP is not among the account's outbound routes.",
  fixes: [
    { text: "Register and verify the sending domain in the service's account (and the sending IP in its outbound routes), or send from a domain that is registered there." },
  ],
};

/** Postfix's reply when a milter defers, or does not answer under milter_default_action = tempfail (milter8.c). */
const MILTER_TEMPFAIL: Reading = {
  title: "a milter deferred the message or did not answer",
  meaning: "A milter (a filter Postfix consults: a spam or virus scanner, a DKIM or DMARC checker) asked Postfix to defer, or did not answer and Postfix's `milter_default_action` (tempfail by default) deferred for it; the reply does not say which.",
  fixes: [
    { text: "Nothing to change on the client's side: the sending MTA retries. The receiving side's mail log says whether the milter answered so or failed (\"milter …: can't read …\", \"connect to milter service … failed\")." },
    why("postfix", "Postfix (the receiver): check that each milter in `smtpd_milters` (and `non_smtpd_milters`) runs and answers within its `milter_*_timeout`; `milter_default_action` decides what an unanswering milter means (tempfail, accept, reject)."),
  ],
};

/** A forwarding or filtering service that passes back its next hop's failure ("Upstream error"): not its own resources. */
const UPSTREAM_FAILED: Reading = {
  title: "the server behind a forwarding service failed",
  meaning: "A forwarding or filtering service that relays the recipient domain's mail onward could not hand the message to the server behind it (that next hop refused, deferred or did not answer) and passed the failure back; the reply does not say which.",
  fixes: [
    { text: "For a 4xx nothing changes on the sending side: the sending MTA retries. The recipient's side sees the cause in the forwarding service's activity log and at the final destination; a repeated failure there (a full mailbox, a refusal of forwarded mail) is theirs to fix." },
  ],
};

/** postscreen's deferral of a new client that passed its after-220 tests (postscreen(8), "AFTER-220 TESTS"): a first-contact deferral. */
const POSTSCREEN_RECONNECT: Reading = {
  title: "postscreen defers a new client until it reconnects",
  meaning: "Postfix's postscreen ran its after-220 tests on this new client (pipelining, non-SMTP commands, bare newlines), which it passed; postscreen cannot hand a passed session to the real SMTP server, so it defers the client, which must reconnect and is then let through (for postscreen_cache_ttl). A first-contact deferral, like greylisting.",
  fixes: [
    { text: "Nothing is broken: a real MTA retries (from the same IP) and passes. For a gate, use `fail-on: hard` so this deferral only warns, or run the probe twice." },
    why("postfix", "Postfix (the receiver): the after-220 tests (`postscreen_pipelining_enable`, `postscreen_non_smtp_command_enable`, `postscreen_bare_newline_enable`) cause the reconnect; list the probe's IP in `postscreen_access_list` (permit) to exempt it."),
  ],
};
/** postscreen's refusal of a client that failed one of its protocol tests under an enforce action. */
const POSTSCREEN_PROTOCOL: Pick<CauseSign, "title" | "meaning" | "fix"> = {
  title: "postscreen refused the client for a protocol test",
  meaning: "Postfix's postscreen refused the client after it failed one of its protocol tests whose action is enforce: it talked before the greeting (pregreet), pipelined commands without PIPELINING, or ended a line with a bare newline. The reply does not say which; postscreen's log does (PREGREET, COMMAND PIPELINING, BARE NEWLINE).",
  fix: "Check the client and anything in front of it (a proxy, a balancer) for data sent before the greeting, unannounced pipelining or bare LF line endings; on the receiver, `postscreen_access_list` exempts a client.",
};

/** Barracuda's per-recipient "blocked": its policy refused the message for that recipient and does not say which rule. */
const BARRACUDA_BLOCKED: Pick<CauseSign, "title" | "meaning" | "fix"> = {
  title: "Barracuda's policy blocked the message for the recipient",
  meaning: "The recipient's Barracuda gateway blocked the message for this recipient without saying why: a content or attachment rule, a block list of the recipient's or the organisation's (the sender or its domain), or the sender's reputation. Its Message Log names the rule.",
  fix: "Ask the recipient's administrator to look the message up in the Barracuda Message Log, which names the rule that blocked it; meanwhile send a plain test message from the same sender to tell content from sender.",
};

/** Exchange Online's refusal of an automatically forwarded message (5.7.520): the sending organisation's own policy. */
const NO_EXTERNAL_FORWARDING: Reading = {
  title: "the sending organisation does not allow automatic forwarding outside it",
  meaning: "Exchange Online recognised the message as automatically forwarded (an inbox rule, mailbox forwarding) to an outside address, and the sending organisation's outbound spam filter policy blocks automatic external forwarding (the default since 2021); neither the recipient nor the sending IP is at fault.",
  fixes: [
    { text: "Only the sending organisation's administrator can allow automatic forwarding to outside addresses (for every mailbox, or for this one); until then, forward the message by hand." },
    on(MICROSOFT, "Microsoft 365 (the sending tenant's admin): set automatic forwarding to \"On - Forwarding is enabled\" in an outbound spam filter policy that covers this mailbox (Microsoft Defender portal › Policies › Anti-spam), and check that the remote domain allows it (`Set-RemoteDomain -AutoForwardEnabled $true`)."),
  ],
};

/** Exchange Online's 5.7.139 under security defaults: the tenant's baseline blocks legacy (password) sign-ins to SMTP AUTH. */
const SECURITY_DEFAULTS: Reading = {
  title: "the tenant's security defaults block password sign-in to SMTP",
  meaning: "The account's Microsoft Entra tenant has security defaults on, which block legacy authentication (a password over SMTP AUTH) for every account; the password itself may be right.",
  fixes: [
    { text: "Use OAuth 2 for SMTP (`auth: XOAUTH2` with `oauth-token-env`), or have the tenant's administrator replace security defaults with Conditional Access policies that allow this one account; nothing in the client's password changes it." },
    on(MICROSOFT, "Microsoft 365 (the tenant's admin): Microsoft Entra admin center › Identity › Overview › Properties › Manage security defaults shows the setting; SMTP AUTH must also be on for the mailbox (`Set-CASMailbox USER -SmtpClientAuthenticationDisabled $false`)."),
  ],
};
/** Exchange Online's 5.7.139 when a sign-in policy refuses the password sign-in (Conditional Access, per-user MFA). */
const SIGN_IN_POLICY: Reading = {
  title: "a sign-in policy of the tenant refused the password sign-in",
  meaning: "The account's Microsoft Entra tenant refused the sign-in by policy, not for the password: a Conditional Access policy that blocks legacy authentication or requires MFA, or per-user MFA, which a password over SMTP AUTH cannot satisfy.",
  fixes: [
    { text: "Use OAuth 2 for SMTP (`auth: XOAUTH2` with `oauth-token-env`), or have the tenant's administrator exempt this account from the policy that blocks it; the sign-in logs name the policy." },
    on(MICROSOFT, "Microsoft 365 (the tenant's admin): Microsoft Entra admin center › Monitoring › Sign-in logs, filtered on the account and client app \"Authenticated SMTP\", shows which Conditional Access policy failed the sign-in; exclude the account there (or use a service account without MFA only where policy allows)."),
  ],
};

/** Cyrus SASL's SASL_FAIL ("generic failure"), as Postfix passes it back: its back end failed, which says nothing about the password. */
const SASL_BACKEND: Pick<CauseSign, "title" | "meaning" | "fix"> = {
  title: "the server's SASL back end failed",
  meaning: "The server's SASL library (Cyrus SASL) reported a generic failure (SASL_FAIL), the answer when its own back end fails (saslauthd not running or unreachable, a broken auxprop database or mechanism plugin), not when the password is wrong (that is \"authentication failure\").",
  fix: "Retrying with another password does not help: tell the server's administrator, whose mail log shows the SASL error (\"warning: SASL authentication failure: …\"); saslauthd must run and its socket be readable by the SMTP server (`testsaslauthd` checks it).",
};

/** Exim's sender verification that could not finish (acl.c: "Could not complete sender verify", a DEFER): a check that failed, not a greylisting. */
const SENDER_VERIFY_DEFERRED: Reading = {
  title: "the receiver could not finish verifying the envelope sender",
  meaning: "The receiver verifies the envelope sender before it accepts the recipients (sender verification, with a callout: a test RCPT TO the sender address at the sender domain's MX) and could not finish: the sender domain's DNS gave no answer, or its MX deferred or did not answer the callout. A temporary failure of that check, not a greylisting.",
  fixes: [
    { text: "Make sure the envelope sender's domain answers in DNS (its name servers, its MX or A records) and that its MX accepts, from anywhere and with a null sender, a RCPT TO the sender address; the sending MTA retries meanwhile." },
    why("exim", "Exim (the receiver): `verify = sender` (with `/callout`) in the RCPT ACL deferred; its log line names the lookup or callout that failed, and `/callout=…,defer_ok` accepts when the callout cannot complete."),
  ],
};

/** A sending service that sends only from identities verified in the account: Amazon SES, Twilio SendGrid. */
const SES_UNVERIFIED: Reading = {
  title: "the sender's address is not verified in Amazon SES",
  meaning: "Amazon SES sends only from addresses and domains verified in the AWS account, in the Region of the SMTP endpoint; the From, Sender or Return-Path address is not one of them (an account still in the sandbox must also verify each recipient).",
  fixes: [
    { text: "Amazon SES: verify the address or its domain (SES console › Identities, in the Region of the SMTP endpoint the client uses), or send from one that is verified there; out of the sandbox (a production access request), recipients need no verification." },
  ],
};
const SENDGRID_UNVERIFIED: Reading = {
  title: "the From address is not a verified Sender Identity in SendGrid",
  meaning: "Twilio SendGrid sends only from a verified Sender Identity: the From address must be a verified single sender, or in a domain authenticated in the account.",
  fixes: [
    { text: "Twilio SendGrid: verify the From address (Settings › Sender Authentication › Single Sender Verification) or authenticate its domain (Domain Authentication), or send from an identity already verified there." },
  ],
};
const SES_IAM: Reading = {
  title: "the SMTP credentials' IAM user may not send from this identity",
  meaning: "Amazon SES refused the message because the IAM policy of the user that owns the SMTP credentials (or the identity's sending authorization policy) does not allow ses:SendRawEmail on this sending identity.",
  fixes: [
    { text: "Amazon SES: allow `ses:SendRawEmail` on the identity's ARN (the one the reply names) in the IAM policy of the SMTP credentials' user, or send from an identity that policy allows; the identity's sending authorization policy must allow it too when it belongs to another account." },
  ],
};

/** An access table's REJECT for a recipient (Postfix's check_recipient_access): the receiver's own rule, not a missing address. */
const RECIPIENT_ACCESS_DENIED: Pick<CauseSign, "title" | "meaning" | "fix"> = {
  title: "the receiver's access table refuses this recipient",
  meaning: "The receiving server refuses this recipient address by a rule of its own (Postfix's check_recipient_access table answering REJECT for the address or its domain): an address that takes no mail from outside (an internal-only list or role address), a retired address kept refused, or a domain it blocks. The reply does not say which, nor whether the address exists; it is not about the client, the sender or relaying.",
  fix: "Only the receiving side can say why: ask its postmaster (by another channel) whether this address takes mail from outside, and write to another address of theirs meanwhile; on the receiver, `postmap -q ADDRESS TABLE` shows the entry of its check_recipient_access table.",
};

/** Amazon SES's 24-hour sending quota: a per-account quota, which slowing down within the day does not lift. */
const SES_DAILY_QUOTA: Reading = {
  title: "the Amazon SES account's 24-hour sending quota is used up",
  meaning: "The Amazon SES account has sent as many messages as its sending quota allows in the last 24 hours; SES takes more only as the oldest of them leave that window.",
  fixes: [
    { text: "Amazon SES: wait for the 24-hour window to move (the SES console's account dashboard shows the quota and what is used), or request a higher sending quota (Service Quotas, or a production access request for an account still in the sandbox)." },
  ],
};

/** Postfix's address verification still probing (verify(8)): the first message to an unverified address waits. */
const ADDRESS_VERIFY_PENDING: Reading = {
  title: "the receiver is still verifying the address (a first-contact deferral)",
  meaning: "Postfix's address verification (reject_unverified_recipient or reject_unverified_sender) has not finished probing this address: it defers the first message while its verify service asks the next hop, then answers from its cache. A deliberate first-time deferral, like greylisting; it says nothing yet about whether the address exists.",
  fixes: [
    { text: "Nothing to change: a real MTA retries and is then answered from the verification's result (accepted, or refused if the address does not exist). For a gate, use `fail-on: hard` so this deferral only warns, or probe again after a minute." },
    why("postfix", "Postfix (the receiver): `reject_unverified_recipient` (or `reject_unverified_sender`) with the verify(8) service; `address_verify_poll_count` and `address_verify_poll_delay` make smtpd wait for the probe's answer instead of deferring."),
  ],
};

/** NetEase's DT:SUM (mail.163.com/help/help_spam_16.htm): the header From differs from the envelope sender. */
const NETEASE_FROM_MISMATCH: Reading = {
  title: "the header From is not the envelope sender (NetEase)",
  meaning: "NetEase's mail service (163.com, 126.com, yeah.net) refused the message because its header From differs from the envelope sender (MAIL FROM), which must be the account that logged in (its code DT:SUM).",
  fixes: [
    { text: "Send with the header From equal to the envelope sender, and both equal to the NetEase account that logs in; a From of another address or domain is refused, not rewritten." },
  ],
};

/** An SPF check that could not finish on DNS (RFC 7208 §2.6.6 temperror): the check failed, not the sender. */
const SPF_TEMPERROR: Reading = {
  title: "the receiver's SPF check could not finish (a DNS error)",
  meaning: "The receiver could not complete its SPF check of the sender's domain (RFC 7208 temperror): a DNS query the check needs timed out or failed, at the sender domain's name servers (its SPF record, an include: or redirect= target) or at the receiver's own resolver. A temporary failure of the check, not a verdict on the sender.",
  fixes: [
    { text: "Check that the sender domain's SPF record and each include: or redirect= target it names resolve quickly from outside (`dig TXT DOMAIN`), and that all its name servers answer; the sending MTA retries meanwhile. If they do, the receiver's resolver is at fault and only its postmaster can fix it." },
  ],
};
/** An SPF record that cannot be evaluated (RFC 7208 §2.6.7 permerror): the domain's record is broken. */
const SPF_PERMERROR: Reading = {
  title: "the sender domain's SPF record is invalid",
  meaning: "The sender domain's SPF record could not be evaluated (RFC 7208 permerror): a syntax error, more than one v=spf1 record, or more than 10 terms that need DNS lookups (include, a, mx, ptr, exists, redirect); the receiver treats the mail as unauthenticated.",
  fixes: [
    { text: "Fix the domain's SPF record: a single TXT record starting v=spf1, valid mechanisms only, and at most 10 DNS-querying terms (flatten nested include: chains); check it with an SPF validator, then send again." },
  ],
};

/** A recipient whose own preferences refuse this sender (Facebook's RCP-P2): the address exists, whatever its X.1.1. */
const RECIPIENT_PREFERENCES: Reading = {
  title: "the recipient's own preferences refuse this sender",
  meaning: "The recipient exists, but its own preferences (who may write to it) refuse mail from this sender; the enhanced code's X.1.1 notwithstanding, nothing is wrong with the address or the sending server.",
  fixes: [
    { text: "Only the recipient can change this: ask them, by another channel, to accept mail from this sender; until then the address refuses it." },
  ],
};

/** Sender ID (RFC 4407) that found no Purported Responsible Address: the headers, not the SPF record, are at fault. */
const SENDER_ID_PRA: Reading = {
  title: "the receiver's Sender ID check found no responsible address in the headers",
  meaning: "The receiver's Sender ID check (RFC 4407) could not determine the message's Purported Responsible Address from its headers (Resent-Sender, Resent-From, Sender, From): one of them is missing, repeated or malformed, and Sender ID refuses such a message before any record is looked up.",
  fixes: [
    { text: "Send with exactly one well-formed From header (one Sender header at most, and no repeated Resent- headers); once the address is found, its domain's SPF must permit the sending IP." },
  ],
};

/** The receiving server's own configuration failed (RFC 3463 X.3.5; Postfix's "Server configuration error/problem"). */
const MISCONFIGURED: Pick<CauseSign, "title" | "meaning" | "fix"> = {
  title: "the receiving server is misconfigured",
  meaning: "The receiving server is misconfigured (RFC 3463 X.3.5): only its operator can fix it.",
  fix: "Tell the server's operator; its log at this time names what is misconfigured.",
};

/** Yandex Mail: a mail program logs in with an app password, and only when mail-client access is on. */
const YANDEX_APP_PASSWORD: Reading = {
  title: "the account takes no mail-program login without an app password (Yandex)",
  meaning: "Yandex Mail refused the login for this service: mail programs may log in only with an app password, and only when access by mail clients is switched on in the mailbox's settings; the account's own password is refused however right it is.",
  fixes: [
    { text: "Yandex: switch on access by mail clients (Mail › All settings › Email clients: IMAP/SMTP), create an app password for mail (Yandex ID › Security › App passwords) and use it as the SMTP password." },
  ],
};

export const VENDOR_SIGNS: readonly CauseSign[] = [
  // Not at AUTH: there Google's 504 5.7.40 is "Unrecognized authentication type".
  { cause: "spf-dkim-dmarc", families: ["gmail"], enhanced: ["X.7.24", "X.7.26", "X.7.27", "X.7.30", "X.7.40"], phases: ["CONNECT", ...ENVELOPE, ...MESSAGE], source: "Google: SMTP error reference (4.7.24/5.7.24 suspicious SPF record, 5.7.26 unauthenticated, 5.7.27 SPF, 5.7.30 DKIM, 4.7.40/5.7.40 no DMARC record)" },
  { cause: "tls-required", families: ["gmail"], enhanced: ["X.7.29"], source: "Google: SMTP error reference (4.7.29/5.7.29 the message was not sent over TLS)" },
  { cause: "app-password-required", families: ["gmail"], enhanced: ["5.7.9"], phases: ["AUTH"], source: "Google: SMTP error reference (534 5.7.9 application-specific password required)" },
  { cause: "app-password-required", families: ["gmail"], enhanced: ["X.7.14"], phases: ["AUTH"], source: "Google: SMTP error reference (534 5.7.14 sign in through a web browser first)" },
  { cause: "spf-dkim-dmarc", families: ["gmail"], enhanced: ["X.7.32"], source: "Google: SMTP error reference (5.7.32 From header not aligned with SPF or DKIM)" },
  // Yahoo's help names DKIM, SPF and DMARC for "Message not accepted for policy reasons"; its error-code page keeps content refused "for policy reasons" in the 5xx too.
  { cause: "spf-dkim-dmarc", also: ["content-rejected"], families: ["yahoo"], enhanced: ["X.7.9"], phases: [...ENVELOPE, ...MESSAGE], words: /policy reasons/i, source: "Yahoo: help.yahoo.com SLN7253 (554 5.7.9 Message not accepted for policy reasons: DKIM, SPF or DMARC failed); postmaster.yahooinc.com/error-codes (5xx: authentication, or content refused for policy reasons)" },
  { cause: "spf-dkim-dmarc", families: ["yahoo"], enhanced: ["X.7.9"], phases: [...ENVELOPE, ...MESSAGE], source: "Yahoo: postmaster error codes (5.7.9 sender unauthenticated)" },
  { cause: "ip-reputation", families: ["yahoo"], words: /\[TSS?\d\d\]/, source: "Yahoo: postmaster error codes ([TSxx] deferrals and blocks by IP reputation)" },
  { cause: "relay-denied", families: MICROSOFT, words: /relay/i, enhanced: /^5\.(?:4\.1|7\.64)$/, source: "Microsoft: Exchange Online NDR 5.4.1 / 5.7.64 (relay access denied, tenant attribution)" },
  { cause: "unknown-recipient", families: MICROSOFT, enhanced: ["X.1.10", "5.4.1"], phases: ["RCPT", ...MESSAGE], source: "Microsoft: NDR 5.1.10 (RecipientNotFound) and 5.4.1 (Directory-Based Edge Blocking)" },
  { cause: "rate-limited", families: MICROSOFT, enhanced: ["X.2.2"], words: /submission quota|sending (?:limit|quota)|recipient rate/i, source: "Microsoft: NDR 5.2.2 (submission quota exceeded)" },
  // 5.7.139 is any refused SMTP AUTH sign-in: the words say which (wrong credentials, security defaults, a sign-in policy).
  { cause: "auth-failed", families: MICROSOFT, enhanced: ["5.7.139"], words: /\bcredentials (?:were|are) incorrect\b|\b(?:user ?name|password) (?:is |was )?(?:incorrect|invalid|wrong)\b/i, source: "Microsoft: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect" },
  { cause: "basic-auth-disabled", families: MICROSOFT, enhanced: ["5.7.139"], words: /\bsecurity defaults\b/i, ...SECURITY_DEFAULTS, source: "Microsoft: 535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy (security defaults block legacy authentication)" },
  { cause: "basic-auth-disabled", families: MICROSOFT, enhanced: ["5.7.139"], words: /\bdid not meet the criteria\b/i, ...SIGN_IN_POLICY, source: "Microsoft: 535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully (Conditional Access, MFA)" },
  { cause: "basic-auth-disabled", families: MICROSOFT, enhanced: ["5.7.30", "5.7.139"], source: "Microsoft: 5.7.30 basic authentication not supported, 5.7.139 SMTP AUTH disabled for the tenant" },
  { cause: "auth-required", families: MICROSOFT, enhanced: ["5.7.57"], source: "Microsoft: NDR 5.7.57 (client not authenticated to send mail)" },
  { cause: "sender-not-authorized", families: MICROSOFT, enhanced: ["5.7.60"], source: "Microsoft: NDR 5.7.60 (no permission to send as this sender)" },
  { cause: "relay-denied", families: MICROSOFT, enhanced: ["5.7.64"], source: "Microsoft: NDR 5.7.64 (TenantAttribution; relay access denied)" },
  { cause: "spf-dkim-dmarc", families: MICROSOFT, enhanced: ["5.7.509", "5.7.515", "X.7.26"], source: "Microsoft: 5.7.509 DMARC reject, 5.7.515 authentication level, 4.7.26/5.7.26 IPv6 SPF/DKIM" },
  { cause: "content-rejected", families: MICROSOFT, enhanced: ["5.7.512"], source: "Microsoft: NDR 5.7.512 (message must be RFC 5322 compliant)" },
  { cause: "sender-rejected", families: MICROSOFT, enhanced: ["5.7.12", "5.7.13", "5.7.133", "5.7.134", "5.7.135", "5.7.136"], phases: ["RCPT", ...MESSAGE], ...INTERNAL_ONLY, source: "Microsoft: NDR 5.7.12 (sender not authenticated by organization), 5.7.133 group, 5.7.134 mailbox, 5.7.13/5.7.135 public folder, 5.7.136 mail user: the recipient rejects senders from outside its organisation" },
  { cause: "other", families: MICROSOFT, enhanced: ["5.7.703"], ...TENANT_LIST, source: "Microsoft: NDR 5.7.703 (recipients blocked by the sending organisation's Tenant Allow/Block List)" },
  { cause: "other", families: MICROSOFT, enhanced: ["5.7.520"], ...NO_EXTERNAL_FORWARDING, source: "Microsoft: Control automatic external email forwarding in Microsoft 365 (5.7.520 Access denied, Your organization does not allow external forwarding. AS(7555))" },
  { cause: "ip-reputation", families: MICROSOFT, enhanced: ["5.7.708"], ...TENANT_IP, source: "Microsoft: NDR 5.7.708 (traffic not accepted from this IP: a low-reputation IP, new and trial tenants; support lifts it)" },
  // The rest of the range; 703 and 708 (above) mean something else, and explain shows every row that matches.
  { cause: "sender-rejected", families: MICROSOFT, enhanced: /^5\.7\.7(?:0[0-24-79]|[1-4]\d)$/, ...TENANT_BLOCKED, source: "Microsoft: NDR 5.7.700–5.7.749 (access denied, tenant has exceeded threshold: the sending tenant is banned from sending)" },
  { cause: "sender-rejected", families: MICROSOFT, enhanced: ["5.7.501", "5.7.502", "5.7.503"], ...ACCOUNT_BANNED, source: "Microsoft: NDR 5.7.501 (spam abuse detected), 5.7.502–503 (banned sender: the sending account)" },
  { cause: "sender-rejected", families: MICROSOFT, enhanced: ["5.7.800"], ...DOMAIN_BANNED, source: "Microsoft: NDR 5.7.800 (banned sender: the EHLO, P1 or P2 sender domain)" },
  { cause: "sender-not-authorized", families: MICROSOFT, enhanced: ["5.7.750"], source: "Microsoft: NDR 5.7.750 (client blocked from sending from unregistered domains: the tenant sends from domains it has not added)" },
  { cause: "ip-reputation", families: MICROSOFT, enhanced: /^5\.7\.(?:507|51[13]|60[6-9]|6[1-4]\d)$/, source: "Microsoft: 5.7.507 IP rejected by the recipient's organisation, 5.7.511 banned sender IP, 5.7.513 customer block list, 5.7.606–649 banned IP" },
  // Outlook.com's 4.7.650–651 name the IP's reputation as the reason for the throttle.
  { cause: "ip-reputation", families: MICROSOFT, enhanced: /^4\.7\.[5-6]\d\d$/, words: /\breputation\b/i, source: "Microsoft: 4.7.650 (the mail server has been temporarily rate limited due to IP reputation)" },
  { cause: "rate-limited", families: MICROSOFT, enhanced: /^4\.7\.[5-6]\d\d$/, source: "Microsoft: 4.7.500–699 (access denied, try again later: throttled for suspicious volume)" },
  { cause: "other", families: ["postfix"], codes: [451], words: /\bService unavailable - try again later$/i, ...MILTER_TEMPFAIL, source: "Postfix milter8.c (SMFIR_TEMPFAIL, and milter_default_action = tempfail: 451 4.7.1 Service unavailable - try again later)" },
  // postscreen's own replies (postscreen_early.c, postscreen_smtpd.c): its words are anchored, a Postfix smtpd reply says more.
  { cause: "greylisted", families: ["postfix"], codes: [450], words: /^Service currently unavailable$/i, ...POSTSCREEN_RECONNECT, source: "Postfix postscreen(8): 450 4.3.2 Service currently unavailable when a new client has passed the after-220 tests and must reconnect" },
  { cause: "other", also: ["early-talker", "pipelining-violation"], families: ["postfix"], codes: [550], phases: ["MAIL", "RCPT", "DATA"], words: /^Protocol error$/i, ...POSTSCREEN_PROTOCOL, source: "Postfix postscreen_early.c and postscreen_smtpd.c: 550 5.5.1 Protocol error under postscreen_greet_action, postscreen_pipelining_action or postscreen_bare_newline_action = enforce" },
  { cause: "content-rejected", families: ["qmail"], words: /^mail server permanently rejected message\b/i, source: "qmail.c qmail_close: qmail-queue's exit 31, how a queue filter that replaces it (a virus or spam scanner) refuses the message" },
  { cause: "server-lookup-failure", families: ["opensmtpd"], codes: [451], phases: ["RCPT", "MAIL"], words: /Temporary failure/i, source: "OpenSMTPD smtp_session.c: 451 Temporary failure when a table or lookup-agent query fails" },
  { cause: "server-resource", families: ["opensmtpd"], enhanced: ["4.3.0"], phases: MESSAGE, source: "OpenSMTPD smtp_session.c: 421 4.3.0 Temporary Error when the queue cannot take the message" },
  { cause: "relay-denied", families: ["courier"], codes: [513], source: "Courier: 513 relaying denied" },
  { cause: "server-lookup-failure", families: ["courier"], codes: [400], words: /^Service temporarily unavailable\.?$/i, source: "Courier submit.C: 400 Service temporarily unavailable. when its aliases lookup fails" },
  { cause: "other", also: ["content-rejected", "sender-rejected", "ip-reputation"], families: ["barracuda"], words: /permanent failure for one or more recipients \([^)]*:blocked\)/i, ...BARRACUDA_BLOCKED, source: "Barracuda Email Security Gateway / Service: 550 permanent failure for one or more recipients (ADDRESS:blocked), its per-recipient result without a reason" },
  { cause: "greylisted", families: ["mimecast"], words: /Internal resource temporarily unavailable/i, source: "Mimecast: 451 Internal resource temporarily unavailable is its greylisting" },
  { cause: "sender-rejected", families: ["mimecast"], words: /Envelope blocked/i, source: "Mimecast: envelope blocked by a user or policy entry" },
  { cause: "sender-rejected", families: ["courier"], codes: [517, 417], source: "Courier: 517/417 sender rejected" },
  { cause: "relay-denied", families: ["hmailserver"], phases: ["RCPT"], words: /Delivery is not allowed to this address/i, source: "hMailServer: error messages (the IP range's settings forbid delivery to this address: relaying)" },
  { cause: "greylisted", families: ["hmailserver"], codes: [451], words: /^Please try again later/i, source: "hMailServer: SMTP error messages (451 Please try again later. is its greylisting)" },
];

export const WORD_SIGNS: readonly CauseSign[] = [
  // NetEase's own codes lead its replies (mail.163.com/help/help_spam_16.htm): the code says what the words around it do not.
  { cause: "content-rejected", phases: MESSAGE, words: /^DT:SPM\b/, source: "NetEase (163.com, 126.com): 554 DT:SPM, the content was judged spam or carries what it does not permit" },
  { cause: "sender-not-authorized", words: /^DT:SUM\b/, ...NETEASE_FROM_MISMATCH, source: "NetEase (163.com, 126.com): 554 DT:SUM, the envelope sender and the header From differ" },
  { cause: "spf-dkim-dmarc", words: /^MI:(?:SPF|DMA)\b/, source: "NetEase (163.com, 126.com): 550 MI:SPF, the sending IP is not permitted by the domain's SPF; 550 MI:DMA, the message is not permitted by its DMARC policy" },
  { cause: "rate-limited", words: /^(?:MI:(?:SFQ|DMC|STC)|RP:(?:QRC|DRC|TRC|RCL)|HL:(?:IFC|ICC))\b/, source: "NetEase (163.com, 126.com): MI:SFQ (the sender's 15-minute limit), MI:DMC (messages per connection), MI:STC, RP:QRC/DRC/TRC/RCL (recipients per period), HL:IFC (the IP's message rate), HL:ICC (the IP's concurrent connections)" },
  // Postfix answers a restriction that hit a broken table under its restriction class ("Sender address rejected: Server
  // configuration error"): the server's configuration, not the sender, the client or the EHLO name the class names.
  { cause: "other", words: /\bServer configuration (?:error|problem)\b/i, ...MISCONFIGURED, source: "Postfix smtpd_check.c (451 4.3.5 … rejected: Server configuration error; Server configuration problem)" },
  { cause: "greylisted", phases: ["MAIL", "RCPT"], words: /\bAddress verification in progress\b/i, ...ADDRESS_VERIFY_PENDING, source: "Postfix verify(8) with reject_unverified_recipient/reject_unverified_sender (450 4.1.1 … Recipient address rejected: unverified address: Address verification in progress)" },
  { cause: "early-talker", phases: ["CONNECT"], words: /synchroni[sz]ation error|not accepting messages|Protocol error|talk(?:ed|ing)? too (?:soon|early)|pregreet/i, source: "Exim smtp_enforce_sync, Sendmail greet_pause, Postfix postscreen pregreet" },
  { cause: "pipelining-violation", words: /synchroni[sz]ation|Pipelining not supported|no commands allowed to pipeline|SMTP protocol error|improper use of SMTP command pipelining/i, source: "RFC 2920 §3.1; Exim, Postfix, Sendmail, OpenSMTPD, Gmail wordings" },
  // MailChannels Inbound Filtering leads its replies with its own code: [S09] is its greylisting.
  { cause: "greylisted", codes: [450, 451], words: /^\[S09\] Try Again Later\b/i, source: "MailChannels Inbound Filtering: SMTP errors (450 [S09] Try Again Later: the message has been greylisted; a retry passes)" },
  { cause: "greylisted", words: /gr[ae]y ?list|come back later|deferred for \d+ seconds/i, source: "RFC 6647; postgrey, milter-greylist, greylistd wordings" },
  // greylistd's Exim configuration words its deferral as an authorisation the triplet does not have yet.
  { cause: "greylisted", codes: [450, 451], words: /\bis not yet authori[sz]ed to deliver mail from\b/i, source: "greylistd (Debian's Exim ACL: 451 <IP> is not yet authorized to deliver mail from <sender> to <recipient>. Please try later.)" },
  // Rspamd's greylist module answers with its default message through its milter, after the message (it greylists on
  // the message's hash): a bare "Try again later" under 451 4.7.1 there is that first-time deferral.
  { cause: "greylisted", codes: [451], enhanced: ["4.7.1"], phases: MESSAGE, words: /^Try again later\.?$/i, meaning: "A bare 451 4.7.1 Try again later after the message is the default reply of greylisting in a filter such as Rspamd, which greylists on the message's content and so answers only after it: a deliberate first-time deferral that a sending server's retry passes.", source: "Rspamd greylist module (message = \"Try again later\", its default; soft reject through rspamd_proxy's milter as 451 4.7.1)" },
  // Texts that hide their cause (Exim's ACL default and its deferral): the conversation may tell more.
  { cause: "other", also: ["relay-denied", "ip-reputation", "sender-rejected"], contextual: true, words: /Administrative prohibition/i, source: "Exim: an ACL `deny` without a message" },
  { cause: "other", also: ["server-lookup-failure", "server-resource"], words: /Temporary local problem/i, source: "Exim: an ACL or lookup deferred" },
  { cause: "other", words: /(?:e-?mail|mail|routing) loop|loop(?:ing)? detected|message is looping|hop count exceeded|too many hops|exceeded \d+ hops|too many "?Received:?"? (?:header|line)s?/i, title: LOOP_TITLE, meaning: LOOP_MEANING, fix: LOOP_FIX, source: "RFC 5321 §6.3 (loop detection); Exchange, Gmail, Mimecast, qmail wordings; the replies Broadcom KB 161393 lists (554 Too many Received: headers)" },
  // What a domain list (RFC 5782 §2.2) lists is a name, not an address: the client's host name, the EHLO name or the
  // sender's domain. Before null MX and the IP's listing signs: an RHS list's text may say "Domain does not accept mail".
  { cause: "other", words: new RegExp(String.raw`Unverified Client host \[[^\]]*\] blocked using|Client host (?:\[(?![\d.]+\]|[^\]]*:)[^\]]*\] |rejected: .{0,120})blocked using ${DOMAIN_LIST}`, "i"), ...CLIENT_NAME_LISTED, source: "Postfix reject_rhsbl_reverse_client, reject_rhsbl_client (postconf(5); smtpd_check.c default_rbl_reply)" },
  { cause: "helo-rejected", words: /Helo command \[[^\]]*\] blocked using/i, ...HELO_NAME_LISTED, source: "Postfix reject_rhsbl_helo (postconf(5); smtpd_check.c default_rbl_reply)" },
  { cause: "sender-rejected", words: new RegExp(String.raw`Sender address (?:\[[^\]]*\] |rejected: .{0,120})blocked using|\b(?:[a-z0-9-]+\.)+[a-z]{2,} is (?:black ?|block ?)?listed (?:at|in|on) ${DOMAIN_LIST}`, "i"), ...DOMAIN_LISTED, source: "Postfix reject_rhsbl_sender (postconf(5); smtpd_check.c default_rbl_reply); Exim dnslists on $sender_address_domain (Exim wiki BlackLists)" },
  { cause: "other", words: /\bupstream (?:error|server|failure|host)\b/i, ...UPSTREAM_FAILED, source: "Cloudflare Email Routing (421 4.3.0 Upstream error); forwarding and filtering services' wording for their next hop's failure" },
  { cause: "null-mx", words: /null ?MX|does not accept mail/i, source: "RFC 7505; Postfix nullMX wording" },
  { cause: "smtputf8-required", words: /SMTPUTF8|unicode address|non-ASCII address/i, source: "RFC 6531" },
  { cause: "basic-auth-disabled", words: /SmtpClientAuthentication is disabled|basic authentication is (?:disabled|not supported)/i, source: "Microsoft: SMTP AUTH disabled" },
  { cause: "app-password-required", words: /application-specific password|app password required|\bapplication password is required\b|\benter your authori[sz]ation code to log ?in\b/i, source: "Google, Yahoo, Apple: app passwords; Mail.ru (535 5.7.0 … Application password is REQUIRED); QQ Mail (535 Login Fail. Please enter your authorization code to login: its app password)" },
  // Yandex's refusal of a mail program's login: app passwords only, and mail-client access switched on in its settings.
  { cause: "app-password-required", phases: ["AUTH"], words: /\bThis user does not have access rights to this service\b/i, ...YANDEX_APP_PASSWORD, source: "Yandex Mail (535 5.7.8 Error: authentication failed: This user does not have access rights to this service)" },
  { cause: "too-many-recipients", words: /too many recipients(?! (?:from|received|this|per)\b)|domains per transaction|per transaction exceeded/i, source: "RFC 5321 §4.5.3.1.10; every product's wording" },
  // The sending domain's reputation or listing, before the IP's words ("reputation", "listed in", "rate limited").
  // A deferral ("temporarily rate limited") by the domain's reputation: the cause is the domain, not a per-client limit.
  { cause: "content-rejected", words: /unusual rate of (?:unsolicited )?(?:e-?)?mail containing (?:one of )?your URL domains?|\bURL domains?\b.{0,60}\b(?:poor|low|bad) reputation/i, ...URL_DOMAIN, source: "Google: SMTP error reference (421 4.7.28 unusual rate of unsolicited mail containing one of your URL domains)" },
  { cause: "sender-rejected", words: /unusual rate of (?:unsolicited )?(?:e-?)?mail originating from your (?:DKIM |SPF |sending )?domain/i, ...DOMAIN_REPUTATION, source: "Google: SMTP error reference (421 4.7.28 unusual rate of mail from your DKIM or SPF domain)" },
  { cause: "sender-rejected", words: /reputation of the sending domain|(?<!IP\/)\bdomain(?:'s)? reputation|\b(?:sending|sender(?:'s)?|your|From) domain\b.{0,40}\b(?:poor|low|bad)(?: \w+)? reputation/i, ...DOMAIN_REPUTATION, source: "Google: SMTP error reference (421 4.7.0, 550 5.7.1 very low reputation of the sending domain)" },
  { cause: "sender-rejected", words: /\b(?:MailFrom|sender(?:'s)?|sending|From) domain\b.{0,60}\b(?:listed|blocked|black ?listed|block ?listed)\b|\bSpamhaus DBL\b|\blisted (?:in|on|at|by) (?:the )?dbl\.spamhaus\.org\b/i, ...DOMAIN_LISTED, source: "Spamhaus DBL; Outlook.com (MailFrom domain is listed in Spamhaus)" },
  // A recipient that takes mail only from its own organisation: "not authenticated" is not "log in first".
  { cause: "sender-rejected", phases: ["RCPT", ...MESSAGE], words: /\bSenderNotAuthenticated\w*|RESOLVER\.RST\.AuthRequired|Sender (?:was )?not authenticated (?:by organi[sz]ation|for (?:group|mailbox|public folder|mail user))|Delivery restriction check failed/i, ...INTERNAL_ONLY, source: "Microsoft: NDR 5.7.12, 5.7.133–5.7.136 wordings; Exchange Server RESOLVER.RST.AuthRequired" },
  { cause: "sender-rejected", phases: ["RCPT", ...MESSAGE], words: /RESOLVER\.RST\.NotAuthorized\w*|(?:not (?:authori[sz]ed|allowed|permitted)|(?:no|do not have|don't have) permission) to (?:send|post|mail|write)(?: messages)? to (?:this|the) (?:distribution |mailing )?(?:list|group)/i, ...RECIPIENT_RESTRICTED, source: "Exchange Server SmtpResponse (550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized, RESOLVER.RST.NotAuthorizedToGroup; not authorized to send to the distribution list); list managers' posting restrictions" },
  { cause: "sender-rejected", phases: ["RCPT", ...MESSAGE], words: /\bRefused due to recipient preferences\b/i, ...RECIPIENT_PREFERENCES, source: "Facebook's former @facebook.com mail (550 5.1.1 RCP-P2 … Refused due to recipient preferences)" },
  { cause: "sender-rejected", words: /Anti-Spoofing policy/i, ...ANTI_SPOOFING, source: "Mimecast: SMTP error codes (Anti-Spoofing policy - Inbound not allowed; Rejected by header-based Anti-Spoofing policy)" },
  // "Not accepted for policy reasons" with X.7.9 is Yahoo's wording for an authentication failure or content it refuses: unrecognised, the words do not tell which.
  { cause: "other", also: ["spf-dkim-dmarc", "content-rejected"], enhanced: ["X.7.9"], phases: [...ENVELOPE, ...MESSAGE], words: /not accepted for policy reasons/i, source: "Yahoo: help.yahoo.com SLN7253; postmaster.yahooinc.com/error-codes" },
  { cause: "sender-rejected", also: ["server-lookup-failure"], words: /\bCould not complete sender verify\b/i, ...SENDER_VERIFY_DEFERRED, source: "Exim acl.c (verify = sender deferred: 451 Could not complete sender verify, … callout)" },
  { cause: "sender-rejected", words: /Sender verif(?:y|ication) failed|(?:real )?domain name required for sender|sender address must contain a domain|Verification failed for|badmailfrom|Domain of sender address|bad outbound sender|Sender address rejected: Domain not found|envelope sender (?:domain )?must exist|unresolvable (?:RFC\.?5321 )?(?:from|sender) domain|\bsender\b(?: address| domain)?.{0,30}(?:does not (?:exist|resolve)|not found|has no MX|no such domain)/i, source: "Exim sender verification and unqualified senders (smtp_in.c), qmail badmailfrom, Sendmail check_mail (a sender without a real domain), Postfix reject_unknown_sender_domain, Microsoft" },
  // At MAIL the only address is the sender's: IceWarp's "Domain name required" is a sender without a domain.
  { cause: "sender-rejected", phases: ["MAIL"], words: /^domain name required\b/i, source: "IceWarp (501 5.5.2 Domain name required: the sender has no domain)" },
  { cause: "sender-rejected", words: /\bmail from (?:<[^<>]*> )?(?:rejected|refused|denied)\b/i, source: "HCL Domino inbound sender controls (554 Mail from rejected for policy reasons.)" },
  { cause: "sender-not-authorized", words: /(?:sender|sending) (?:envelope )?domain (?:is )?not allowed for (?:the |this )?sender(?:'s)? IP/i, ...UNREGISTERED_DOMAIN, source: "Broadcom Email Security.cloud (550 sender envelope domain not allowed for sender IP address (#5.1.8): the domain is not registered, or inactive, or the IP is not in the outbound routes)" },
  { cause: "sender-not-authorized", words: /\bidentities failed the check\b|\bMessage rejected: Email address is not verified\b/i, ...SES_UNVERIFIED, source: "Amazon SES: SMTP response codes (554 Message rejected: Email address is not verified. The following identities failed the check in region …)" },
  { cause: "sender-not-authorized", words: /\bnot authori[sz]ed to perform:? ses:Send\w*Email\b/i, ...SES_IAM, source: "Amazon SES: SMTP response codes (554 Access denied: User … is not authorized to perform ses:SendRawEmail on resource …)" },
  { cause: "sender-not-authorized", words: /\bdoes not match a verified Sender Identity\b/i, ...SENDGRID_UNVERIFIED, source: "Twilio SendGrid: 550 The from address does not match a verified Sender Identity" },
  { cause: "sender-not-authorized", words: /\bSender is not allowed to relay\b|\bRelaying disallowed as\b|not owned by (?:user )?|\b(?:From|sender) (?:address|domain) (?:must|does not|doesn't) match (?:the |your )?(?:authenticated|login|logged[- ]in)|permissions? to send as|not authori[sz]ed to send (?:as|on behalf|from (?:this|that|the) (?:header |From: ?)?address|(?<!(?:\bSPF\b|\b\d{1,3}(?:\.\d{1,3}){3}\b).*)from (?:[a-z0-9-]+\.)+[a-z]{2,}\b(?!\.\d))/i, source: "Postfix reject_sender_login_mismatch; Microsoft send-as; SmarterMail (From domain must match authenticated domain); Zoho Mail (553 Sender is not allowed to relay emails: the From is not the account's address or alias) and ZeptoMail (553 Relaying disallowed as <address>: a From in a domain not verified there); MailChannels (550 5.7.1 This sender is not authorized to send from example.com: its Domain Lockdown)" },
  { cause: "relay-denied", words: /relay(?:ing)? (?:is |temporarily |access )?(?:denied|not permitted|prohibited|not allowed|disallowed)|auth(?:entication)? (?:is )?required (?:for|to) relay|not permitted to relay|we do not relay|isn't in my list of allowed rcpthosts|unable to relay|relay denied|I cannot deliver mail for|TenantAttribution|use (?:me|this (?:server|host)) .{0,80}as a relay|\bnot allowed to relay through\b|\binsecure mail relay\b|requires authentication when attempting to send to a non-local e-?mail address|\bDomain of forward-path is not allowed\b/i, source: "RFC 5321 §3.6.2; Postfix, Exim, Sendmail (Relaying temporarily denied), Courier, qmail, Haraka, Kerio Connect (Relaying is denied), SmarterMail (Authentication is required for relay), Microsoft, Google, Broadcom wordings, Zoho (its MX: 553 Relaying disallowed); MailEnable (This mail server requires authentication when attempting to send to a non-local e-mail address); 'Not allowed to relay through this machine', 'Insecure Mail Relay' (sisimai's NoRelaying index, from real bounces); Trend Micro InterScan Messaging Security (550 Domain of forward-path is not allowed: the recipient's domain is not among its relay domains)" },
  { cause: "auth-required", words: /not logged in|authentication required|must (?:authenticate|issue an AUTH)|log ?in first|not authenticated|AUTH first|authenticate first/i, phases: ["MAIL", "RCPT", "DATA", "END-OF-DATA", "CONNECT"], source: "RFC 4954 §6; Postfix, Sendmail, Haraka, Gmail, aiosmtpd wordings" },
  // Sendmail's access map (TLS_Clt:, TLS_Srv: with ENCR:bits; cf/m4/proto.m4) refuses a session encrypted with fewer
  // bits than it wants: "0 less than 128" is a session without STARTTLS (a weak cipher, "56 less than 128", is not).
  { cause: "tls-required", words: /\bencryption too weak 0 less than \d+\b/i, meaning: "The receiver's Sendmail requires an encrypted session of at least the strength it names (its access map's ENCR: for this client or domain), and this session, without STARTTLS, had none (0 bits).", source: "Sendmail cf/m4/proto.m4 (403 4.7.0, or 503 5.7.0 with TLS_PERM_ERR: encryption too weak <bits> less than <required>)" },
  { cause: "tls-required", words: /STARTTLS (?:command )?(?:is )?(?:required|first)|Must issue a STARTTLS|Encryption required|(?:TLS|SSL)(?:\/(?:TLS|SSL)\w*)? (?:connection |encryption )?(?:is )?required|requires? (?:STARTTLS|TLS|encryption)|(?:not|wasn't|was not) (?:using|sent over|over) a TLS/i, source: "RFC 3207 §4; RFC 4954 §6 (X.7.11)" },
  { cause: "tls-unavailable", phases: ["STARTTLS"], words: /TLS (?:currently )?(?:not )?(?:un)?available|not implemented|not (?:supported|available)/i, source: "RFC 3207 §4 (454); Exim, Postfix wordings" },
  // A login that no longer holds: hMailServer checks the credentials again at each MAIL and refuses when the password changed.
  { cause: "auth-failed", phases: ["MAIL", "RCPT"], words: /credentials (?:are )?no longer valid|please re-?authenticate/i, source: "hMailServer SMTPConnection.cpp (550 Login credentials no longer valid. Please re-authenticate.)" },
  // Before the failure words: Postfix passes its SASL back end's reason after "authentication failed: ".
  { cause: "auth-mechanism", phases: ["AUTH"], words: /\binvalid authentication mechanism\b|\bno mechanism available\b/i, source: "Postfix xsasl_dovecot_server.c (Invalid authentication mechanism: one Dovecot does not offer); Cyrus SASL SASL_NOMECH (no mechanism available)" },
  { cause: "other", phases: ["AUTH"], words: /\bauthentication failed: generic failure\b/i, ...SASL_BACKEND, source: "Cyrus SASL sasl_errstring (SASL_FAIL: generic failure) through Postfix smtpd_sasl_glue.c (535 5.7.8 Error: authentication failed: …)" },
  { cause: "auth-failed", phases: ["AUTH"], words: /authentication (?:credentials )?(?:failed|invalid|unsuccessful)|Incorrect authentication data|Username and Password not accepted|Invalid credentials|bad (?:user ?name|password)|authentication failure/i, source: "RFC 4954 §6 (535); every product's wording" },
  { cause: "server-lookup-failure", phases: ["AUTH"], words: /Unable to authenticate at present|temporary authentication failure/i, source: "RFC 4954 §6 (454); Exim, Postfix wordings" },
  { cause: "auth-mechanism", phases: ["AUTH"], words: /(?:authentication|AUTH)(?: is)? not (?:allowed|permitted) (?:on|here|for|with)/i, ...NO_LOGIN_HERE, source: "GoDaddy (535 Authentication not allowed on IBSMTP Servers. IB401); RFC 6409 §4 (submission is its own service)" },
  { cause: "auth-mechanism", phases: ["AUTH"], words: /mechanism.{0,30}not (?:supported|available|enabled)|not advertised|authentication not enabled|AUTH not (?:available|supported|enabled)|Unrecognized authentication type|Security features not supported|method .{0,20}not supported/i, source: "RFC 4954 §4 (504); Sendmail, Exim, OpenSMTPD wordings" },
  { cause: "rate-limited", phases: ["AUTH"], words: /too many (?:login|auth\w*) (?:attempts|failures)/i, source: "Gmail and Microsoft login throttling" },
  { cause: "ptr-missing", words: /reverse DNS|\bPTR\b|\brDNS\b|cannot find your (?:host ?name|reverse)|forged host ?name|\b(?:client|your) IP(?: address)? (?:\S+ )?does not resolve/i, source: "RFC 7372 (X.7.25); Sendmail FEATURE(require_rdns) (Client IP address … does not resolve, Possibly forged hostname for …); Postfix reject_unknown_client_hostname, Sendmail, Haraka, Gmail, Microsoft wordings" },
  { cause: "helo-rejected", phases: ["EHLO", "HELO"], words: /invalid (?:domain|host) ?name|domain name|host ?name/i, source: "Exchange, Postfix wordings for a refused EHLO argument" },
  { cause: "helo-rejected", words: /Helo command rejected|(?:HELO|EHLO)(?:\/(?:HELO|EHLO))? argument|(?:Bad|bogus) HELO|invalid (?:HELO|EHLO)|need fully-qualified hostname/i, source: "Postfix smtpd_helo_restrictions, Gmail, Microsoft wordings" },
  { cause: "bad-sequence", words: /(?:HELO|EHLO)(?:\/(?:HELO|EHLO))? first|send HELO|\bsend hello first\b|Need MAIL|need RCPT|sender already given|nested MAIL|MAIL first|RCPT first|no valid recipients|out of sequence|bad sequence|must precede|already (?:identified|authenticated|started)/i, source: "RFC 5321 §4.1.4 (503); every product's wording" },
  { cause: "ip-reputation", words: /unsolicited (?:e-?)?mail originating from your IP|\b(?:this|your|the sending) IP(?: address)? (?:has been|is) (?:temporarily |permanently )?(?:blocked|banned|black ?listed|block ?listed)|\b(?:sender|client|host|IP(?: address)?) \[?\d{1,3}(?:\.\d{1,3}){3}\]? (?:is|has been) (?:banned|blocked|black ?listed|block ?listed)|\b(?:spam|unsolicited (?:e-?)?mail) from your (?:mail server|server|IP|host|network)\b|not in (?:the )?(?:white|allow) ?list|not authori[sz]ed to send (?:e-?mail|mail) directly|ipcheck\.proofpoint|dnsbl-lookup|Blocked - see /i, source: "Gmail (unusual rate of unsolicited mail; IPs that should use a relay), Proofpoint block pages; GoDaddy, Broadcom (this IP / your IP address has been blocked), Baruwa (the sender 192.0.2.1 is banned), Rackspace (too much spam from your mail server)" },
  { cause: "rate-limited", words: /\bThrottling failure: Daily message quota exceeded\b/i, ...SES_DAILY_QUOTA, source: "Amazon SES: SMTP response codes (454 Throttling failure: Daily message quota exceeded)" },
  { cause: "rate-limited", words: /\b(?:hourly |daily )?send(?:ing)? rate exceeded\b|rate limit|submission quota|SubmissionQuotaExceeded|\bmax(?:imum)? concurrent sessions\b|\bper[- ](?:source|IP|host|client) (?:connection )?limit\b|\btoo many sessions opened\b|\btoo many (?:new TLS sessions|AUTH commands) from\b|quota for sending|too many open connections|(?:sending|relay) limit|receiving (?:e-?mail|mail) (?:too quickly|at a rate)|excessive volume|too much mail from|\b(?:received|sent) (?:this|per|in the last) (?:hour|minute|day)\b|max(?:imum)? (?:number of )?messages? per (?:connection|session)|too many (?:messages|connections|sessions|recipients|login attempts)(?: \w+)? from|too many (?:messages|recipients)\b.{0,20}\b(?:this|per|an?|in the last) (?:hour|minute|day|session)\b|(?<!(?:mailbox|folder|inbox) (?:has|contains) )too many messages\b|\bslow down\b|\blimit\b.{0,60}\bfrom your (?:host|IP|server|network)\b|received too much (?:e-?mail|mail)|too much (?:e-?mail|mail) in a short (?:period|time)|too many (?:concurrent )?(?:SMTP )?connections from|exceeded the (?:rate|connection)|throttl/i, source: "iridis mailRelay (HST-RTE Hourly / Daily send rate exceeded, retry later); Postfix anvil, Exim ratelimit, Gmail and Outlook.com limits; Exchange Online (STOREDRV.Submission.Exception:SubmissionQuotaExceededException, the mailbox's daily limit); FTGate (Max concurrent sessions, per address); Exchange (MaxInboundConnectionPerSource: a per-source limit); Comcast (Too many sessions opened); Postfix anvil (too many new TLS sessions, too many AUTH commands from the client)" },
  // Sendmail's "IP name lookup failed" is the client's IP without a name (no PTR), not a failure of the server's lookups;
  // after "Relaying denied" it only explains the relay refusal.
  { cause: "ptr-missing", words: /(?<!Relaying denied\. )\bIP name (?:lookup failed|possibly forged)\b/i, source: "Sendmail cf/m4/proto.m4 (Access denied. IP name lookup failed [IP]; IP name possibly forged)" },
  { cause: "server-lookup-failure", words: /temporary (?:error|failure) (?:occurred )?(?:during|in|when|while) (?:checking |evaluating |verifying )?(?:the )?SPF\b|\bSPF temp(?:orary)? ?error\b|\bSPF\b.{0,20}\btemperror\b/i, ...SPF_TEMPERROR, source: "RFC 7208 §2.6.6 (temperror); Cisco Secure Email (#4.4.3 Temporary error occurred during SPF verification), Qsmtp (451 4.4.3 temporary error when checking the SPF policy), Haraka spf plugin (sender <address> SPF Temporary Error)" },
  { cause: "server-lookup-failure", words: /lookup (?:failure|failed|error)|can ?not check MX records|\bDNS (?:temporary )?(?:failure|error)|temporary DNS|temporary (?:error|failure) (?:occurred )?(?:during|in) (?:DNS|lookup|directory)|unable to read controls|directory (?:server )?(?:unavailable|failure)/i, source: "Postfix table lookups, qmail control files" },
  { cause: "spf-dkim-dmarc", words: /\bSPF perm(?:anent)? ?error\b|\bSPF\b.{0,20}\bpermerror\b/i, ...SPF_PERMERROR, source: "RFC 7208 §2.6.7 (permerror); Haraka spf plugin (sender <address> SPF Permanent Error)" },
  { cause: "spf-dkim-dmarc", words: /\bcan'?t determine Purported Responsible Address\b/i, ...SENDER_ID_PRA, source: "RFC 4407 (Sender ID, the Purported Responsible Address); Exchange's Sender ID agent (550 5.7.1 can't determine Purported Responsible Address)" },
  { cause: "spf-dkim-dmarc", words: /\b(?:SPF|DKIM)\b.{0,40}(?:fail|did not pass|didn't pass|invalid|unauthori[sz]ed|not (?:allowed|permitted|authori[sz]ed) to send)|(?:fail\w*|did not pass|didn't pass|invalid).{0,40}\b(?:SPF|DKIM)\b|\b(?:SPF|DKIM) policy\b|\b(?:prohibited|rejected|blocked|refused|denied) by (?:the (?:domain's )?)?SPF\b|\bDMARC\b|sender is unauthenticated|must pass either SPF or DKIM|authentication checks|aligned with .{0,40}\b(?:SPF|DKIM)\b|unauthenticated (?:e-?mail|mail|message)/i, source: "RFC 7208 (SPF), RFC 6376 (DKIM), RFC 7489 (DMARC); Gmail, Yahoo, Microsoft, iCloud, Haraka (sender <address> SPF Fail), MailChannels ([BFD] Sender prohibited by SPF) wordings" },
  // After the authentication signs: "Invalid Sender. SPF check failed" names its reason.
  { cause: "sender-rejected", words: /\bInvalid sender\b(?! (?:address )?syntax)/i, source: "Orange (Invalid Sender) wording" },
  { cause: "sender-rejected", words: /\b(?:your (?:e-?mail address|sender address|(?:sending )?domain)|the domain (?:[a-z0-9-]+\.)+[a-z]{2,}|sender (?:address )?<[^<>]*>) (?:has been |is )?(?:blocked|banned|black ?listed|block ?listed)\b|\bheader[- ]based Blocked Senders\b|\bBlock policy for (?:Header|Envelope) From\b/i, ...SENDER_LISTED, source: "Broadcom Email Security.cloud (your email address / domain has been blacklisted), Baruwa (the domain example.com is banned), smtpf (sender <a@example.com> black listed) wordings; Mimecast (Rejected by header based Blocked Senders - Block policy for Header From)" },
  { cause: "content-rejected", words: /spam-like characteristics/i, source: "Outlook.com [SC-001]" },
  // The sender on the recipient domain's own list: its address, not the client's IP (the blocklist words below).
  { cause: "sender-rejected", phases: ["MAIL", "RCPT", ...MESSAGE], words: /\bSender is on (?:the )?(?:recipient )?domain'?s (?:black ?|block ?|deny ?)list\b/i, ...SENDER_LISTED, source: "Broadcom KB 169925 (551 Sender is on domain's blacklist: the recipient domain's list of refused senders)" },
  // After the message a file extension is the attachment's: "Blacklisted high risk file extension" names no client.
  { cause: "content-rejected", phases: MESSAGE, words: /\bfile extensions?\b/i, source: "iridis mailRelay (MSG-EXT Blacklisted high risk file extension detected); Rspamd's FORBIDDEN_FILE_EXTENSION" },
  { cause: "ip-reputation", words: /blocked using|block ?list|black ?list|\bRBLs?\b|\bDNSBLs?\b|listed (?:on|at|in) |reputation|dynamic IP|not accepted from this IP|banned sender|permanently deferred|spamhaus/i, source: "RFC 5782 (DNSBLs); Postfix, Haraka, Barracuda, Gmail, Outlook.com, Microsoft, Yahoo, Comcast (found on one or more DNSBLs) wordings" },
  // Before the message a block "for spam" or "for abuse" is the client's; after it, the message's (the content signs).
  { cause: "ip-reputation", phases: ["CONNECT", "EHLO", "HELO", ...ENVELOPE], words: /\bblock(?:ed)? for (?:spam|abuse)\b/i, source: "Comcast (BL000000: Comcast block for spam), AT&T (Blocked for abuse)" },
  // Postfix names the restriction class; it rejects sender restrictions at RCPT (smtpd_delay_reject).
  { cause: "sender-rejected", words: /Sender address rejected|envelope sender/i, source: "Postfix smtpd_sender_restrictions, qmail wordings" },
  // Postfix's `reject` in smtpd_client_restrictions: on a submission port that is "log in first" (permit_sasl_authenticated, reject).
  { cause: "other", also: ["auth-required", "ip-reputation"], contextual: true, words: /Client host rejected: Access denied/i, source: "Postfix smtpd_client_restrictions (permit_sasl_authenticated, reject; check_client_access)" },
  { cause: "ip-reputation", words: /Client host rejected/i, source: "Postfix smtpd_client_restrictions (check_client_access, reject_rbl_client)" },
  // FTGate reuses X.2.2 for a mailbox it cannot open: the words say the server's fault, not a full mailbox.
  { cause: "other", phases: ["RCPT", ...MESSAGE], words: /\bmailbox access error\b/i, title: "the server could not open the recipient's mailbox", meaning: "The receiving server failed to open the recipient's mailbox (its message store): a fault on its side; the enhanced code it sent (X.2.2) does not make the mailbox full.", fix: "Nothing to change on the sending side: a 4xx is retried; if it persists, tell the receiver's postmaster, whose log names the store error.", source: "FTGate service error messages (451 4.2.2 … mailbox access error (#3.15))" },
  { cause: "mailbox-full", words: /over ?quota|quota exceeded|\bQuotaExceededException\b|mailbox (?:is )?full|out of storage|storage space/i, source: "RFC 3463 X.2.2; iCloud, Gmail, Exim, Dovecot wordings; Exchange's store driver (STOREDRV.Deliver.Exception:QuotaExceededException)" },
  { cause: "message-too-big", words: /too (?:big|large)|\bmessage (?:is )?too long\b|size (?:exceeds|exceeded)|size limits?\b|max(?:imum)? (?:e-?mail |message )?size|exceeds (?:the )?(?:maximum|size|\w+ limit)|message file too big|too much mail data|message size/i, source: "RFC 1870 (before the content signs: a header too large is a size limit); Postfix, Exim, Haraka, qmail, aiosmtpd, IceWarp (Message is too long) wordings" },
  { cause: "content-rejected", words: /\bspam\b|\banti-?spam (?:system|server|filter|engine)\b|spamassassin|rspamd|virus|malware|\binfected\b|\bBANNED: |rejected due to (?:the )?security polic(?:y|ies)|content|Message-ID|\bheader\b|RFC ?(?:2822|5322)|line length|malformed|policy reasons|Command rejected|not authorized, message refused|\bfiltered\b|\battachments?\b.{0,30}\bnot (?:allowed|permitted|accepted)|\b(?:forbidden|prohibited|blocked|banned) (?:attachment|file (?:type|extension))|\battachment (?:type|extension) (?:is )?(?:forbidden|not allowed|blocked)|\bFrom:? (?:header|address(?:es)?)\b|\b(?:blank|empty|missing) From\b|\b(?:VBA )?macros? found\b|\bcontaining (?:VBA )?macros\b/i, phases: [...MESSAGE], source: "RFC 5322; milters, content filters, Gmail, Exim, OpenSMTPD wordings; amavisd-new (Reject, id=… - INFECTED: …, BANNED: …); Mimecast (Email rejected due to security policies); 21cn and QQ (rejected by antispam system / server); a gateway's macro rule (552 MS-Office file containing VBA macros found inside of the email, Broadcom KB 162445)" },
  { cause: "server-resource", words: /insufficient (?:system storage|disk space)|resource temporarily unavailable|internal resource|space shortage|disk (?:full|space)|no space left|mail system full|too busy|too many concurrent (?:SMTP )?connections(?! from)|\b(?:server|screening) ports are busy\b|\bno system resources\b|\btoo much load\b|maximum number of concurrent (?:server )?connections has exceeded a limit\b|out of memory|queue file write error/i, source: "RFC 5321 §4.2.2 (452, 421); Postfix (postscreen: All server ports are busy, All screening ports are busy, No system resources), Sendmail, Exim (smtp_accept_max; smtp_load_reserve: Too much load), Haraka (toobusy), Courier, Exchange (MaxInboundConnection) wordings" },
  { cause: "mailbox-disabled", words: /(?:mailbox|account) (?:is )?(?:currently )?(?:disabled|inactive|suspended)|Mailbox disabled/i, source: "RFC 3463 X.2.1; Sendmail, AT&T wordings" },
  // Yahoo's "This account has been disabled or discontinued", NetEase's "User suspended": the mailbox exists but takes no mail.
  { cause: "mailbox-disabled", phases: ["RCPT", ...MESSAGE], words: /\b(?:mailbox|account) has been (?:disabled|deactivated|suspended|discontinued)\b|^User (?:is )?(?:suspended|frozen)\b|\bis an? (?:deactivated|disabled|suspended|inactive) (?:mailbox|account)\b/i, source: "Yahoo (554 delivery error: dd … This account has been disabled or discontinued [#102]); NetEase mail.163.com/help/help_spam_16.htm (550 User suspended); 'is a deactivated mailbox' (sisimai's Suspend index, from real bounces)" },
  { cause: "mailbox-disabled", phases: ["RCPT", ...MESSAGE], words: /recipient(?:'s)? (?:account|mailbox) (?:is ?)?(?:blocked|locked|archived)|archived recipient|recipient (?:is )?archived/i, source: "Orange / La Poste wordings (archived recipient, the recipient account is blocked)" },
  { cause: "unknown-recipient", phases: ["RCPT", ...MESSAGE], words: /(?:user|recipient|e-?mail) (?:e-?mail )?address is (?:marked as )?invalid|user unknown|unknown user|no such (?:user|mailbox|recipient)|no mailbox here|mailbox not found|Unrouteable address|does(?:n't| not) have an? .{0,30}account|does(?:n't| not) exist|Recipient not found|RecipientNotFound|User .{0,80} unknown|unknown (?:local part|recipient)|\binvalid (?:user|mailbox)\b(?! (?:name|syntax))|\bnot a valid (?:user|mailbox|recipient)\b|\baddress not present in directory\b/i, source: "RFC 5321 §4.2.2 (550); every product's wording; 'Recipient address rejected: Invalid user', 'is not a valid mailbox', 'Address not present in directory' (sisimai's UserUnknown index, from real bounces)" },
  // Postfix names the restriction class: "Recipient address rejected: Access denied" is an access table's REJECT for the
  // recipient (check_recipient_access), which says nothing about whether the address exists; with X.7.x it is policy.
  { cause: "other", phases: ["RCPT"], enhanced: /^[45]\.7\.\d+$/, words: /\bRecipient address rejected: Access denied\b/i, ...RECIPIENT_ACCESS_DENIED, source: "Postfix smtpd_check.c (check_recipient_access REJECT: 554 5.7.1 <address>: Recipient address rejected: Access denied)" },
  { cause: "unknown-recipient", phases: ["RCPT"], contextual: true, words: /Invalid recipient|mailbox unavailable|Recipient address rejected: Access denied/i, source: "OpenSMTPD, Outlook.com and Microsoft wordings (unknown user, or relaying, by context)" },
  { cause: "sender-rejected", phases: ["MAIL"], words: /sender (?:address )?(?:rejected|refused|blocked|denied)|Sender rejected|Access denied/i, source: "Postfix, Sendmail, Courier, Mimecast wordings" },
  { cause: "ip-reputation", phases: ["CONNECT"], codes: [521, 550, 553, 554], words: /\bIP(?: address)? ?[=:] ?\[?\d{1,3}(?:\.\d{1,3}){3}\b/i, source: "RFC 5321 §3.1 (a greeting refusal that names the client's IP is about that IP); T-Online wording" },
  { cause: "ip-reputation", phases: ["CONNECT"], words: /blocked|denied|denial of connection|rejected|refused|not (?:accepted|welcome|allowed)/i, source: "RFC 5321 §3.1 (a refusal at the greeting can only be about the client's address)" },
  { cause: "syntax-error", words: /syntax|Invalid address|malformed|bad address|line too long|^(?:the )?address is not valid\b|^a valid address is required\b/i, source: "RFC 5321 §4.2.2 (501, 553, 555); hMailServer (The address is not valid., A valid address is required.)" },
  { cause: "command-unrecognized", words: /unrecogni[sz]ed command|command (?:not )?unrecogni[sz]ed|not recogni[sz]ed|unimplemented|not implemented|unknown command|command error|I can break rules/i, source: "RFC 5321 §4.2.4 (500, 502); Postfix's reply to HTTP and other non-SMTP commands" },
  { cause: "service-unavailable", words: /service (?:temporarily )?(?:not )?(?:un)?available|server busy|unable to process connection|try again later|closing (?:transmission|connection)/i, codes: [421, 554], source: "RFC 5321 §3.8, §4.2.2 (421, 554)" },
];

export const REGISTRY_SIGNS: readonly CauseSign[] = [
  { cause: "other", enhanced: ["X.3.5"], ...MISCONFIGURED, source: "RFC 3463 X.3.5 (system incorrectly configured)" },
  { cause: "other", enhanced: ["X.4.6"], title: LOOP_TITLE, meaning: LOOP_MEANING, fix: LOOP_FIX, source: "RFC 3463 X.4.6 (routing loop detected)" },
  { cause: "other", enhanced: ["X.1.4"], phases: ["RCPT", ...MESSAGE], title: "the recipient address is ambiguous", meaning: "The receiving directory holds more than one recipient with this address (RFC 3463 X.1.4: destination mailbox address ambiguous); only its administrator can fix that.", fix: "Tell the recipient's postmaster, by another channel, that their directory has this address twice (two mailboxes, contacts or groups); nothing on the sending side changes it.", source: "RFC 3463 X.1.4 (destination mailbox address ambiguous); Exchange RESOLVER.ADR.Ambiguous" },
  { cause: "unknown-recipient", enhanced: ["X.1.1", "X.1.6", "X.1.2"], phases: ["RCPT", ...MESSAGE], source: "RFC 3463 X.1.1, X.1.2, X.1.6" },
  { cause: "null-mx", enhanced: ["X.1.10", "X.7.27"], source: "RFC 7505 X.1.10, X.7.27" },
  { cause: "mailbox-full", enhanced: ["X.2.2"], source: "RFC 3463 X.2.2" },
  { cause: "message-too-big", enhanced: ["X.3.4", "X.2.3"], source: "RFC 3463 X.3.4, X.2.3" },
  { cause: "too-many-recipients", enhanced: ["X.5.3"], source: "RFC 3463 X.5.3" },
  { cause: "auth-failed", enhanced: ["X.7.8"], phases: ["AUTH"], source: "RFC 4954 X.7.8" },
  { cause: "auth-mechanism", enhanced: ["X.7.9", "X.7.4"], phases: ["AUTH"], source: "RFC 4954 X.7.9; RFC 3463 X.7.4" },
  { cause: "tls-required", enhanced: ["X.7.10", "X.7.11"], source: "RFC 5248 X.7.10; RFC 4954 X.7.11" },
  { cause: "mailbox-disabled", enhanced: ["X.7.13", "X.2.1"], phases: ["RCPT", ...MESSAGE], source: "RFC 4954 X.7.13; RFC 3463 X.2.1" },
  { cause: "ptr-missing", enhanced: ["X.7.25"], source: "RFC 7372 X.7.25" },
  { cause: "spf-dkim-dmarc", enhanced: ["X.7.20", "X.7.21", "X.7.22", "X.7.23", "X.7.26"], source: "RFC 7372 X.7.20–X.7.23, X.7.26" },
  { cause: "server-lookup-failure", enhanced: ["X.7.24", "X.4.3"], source: "RFC 7372 X.7.24; RFC 3463 X.4.3" },
  { cause: "rate-limited", enhanced: ["X.7.28"], source: "IANA registry X.7.28 (mail flood detected)" },
  { cause: "smtputf8-required", enhanced: ["X.6.7"], source: "RFC 6531 X.6.7" },
  { cause: "command-unrecognized", also: ["syntax-error"], enhanced: ["X.5.2"], codes: [500, 502], source: "RFC 3463 X.5.2 (the command could not be interpreted)" },
  { cause: "syntax-error", enhanced: ["X.1.3", "X.1.7", "X.5.2", "X.5.4"], source: "RFC 3463 X.1.3, X.1.7, X.5.2, X.5.4" },
  { cause: "sender-rejected", enhanced: ["X.1.8"], source: "RFC 3463 X.1.8" },
  { cause: "server-resource", enhanced: ["X.3.1", "X.3.0"], source: "RFC 3463 X.3.1, X.3.0" },
  { cause: "service-unavailable", enhanced: ["X.3.2", "X.4.5"], source: "RFC 3463 X.3.2, X.4.5" },
  { cause: "content-rejected", enhanced: ["X.6.0", "X.6.1", "X.6.2", "X.6.3", "X.6.4", "X.6.5", "X.6.6"], source: "RFC 3463 X.6.0–X.6.6" },
];

export const CODE_SIGNS: readonly CauseSign[] = [
  { cause: "service-unavailable", codes: [421], source: "RFC 5321 §3.8 (421)" },
  { cause: "service-unavailable", codes: [554, 550, 521], phases: ["CONNECT"], source: "RFC 5321 §3.1 (554 at the greeting); RFC 7504 (521)" },
  { cause: "tls-unavailable", codes: [454, 500, 502], phases: ["STARTTLS"], source: "RFC 3207 §4" },
  { cause: "helo-rejected", codes: [501, 504, 550, 553, 554], phases: ["EHLO", "HELO"], source: "RFC 5321 §4.1.1.1 (a refused EHLO argument)" },
  { cause: "server-lookup-failure", codes: [454], phases: ["AUTH"], source: "RFC 4954 §6 (454 temporary authentication failure)" },
  { cause: "auth-mechanism", codes: [504, 502, 534], phases: ["AUTH"], source: "RFC 4954 §4, §6 (504, 534)" },
  { cause: "auth-failed", codes: [535], source: "RFC 4954 §6 (535)" },
  { cause: "auth-required", codes: [530], source: "RFC 4954 §6 (530)" },
  { cause: "tls-required", codes: [538], source: "RFC 4954 §6 (538)" },
  { cause: "command-unrecognized", codes: [500, 502], source: "RFC 5321 §4.2.4 (500, 502)" },
  { cause: "syntax-error", codes: [501, 504, 555], source: "RFC 5321 §4.2.2 (501, 504, 555)" },
  { cause: "bad-sequence", codes: [503], source: "RFC 5321 §4.2.2 (503)" },
  { cause: "null-mx", codes: [556], source: "RFC 7504 §3 (556)" },
  // A policy refusal (X.7.x) of a recipient that names no reason: relaying, the client, or the content policy.
  { cause: "other", also: ["relay-denied", "ip-reputation", "sender-rejected"], contextual: true, codes: [550, 553, 554], enhanced: /^5\.7\.\d+$/, phases: ["RCPT"], source: "RFC 3463 X.7.x (security or policy status) with RFC 5321 §4.2.2 (550, 553, 554)" },
  { cause: "unknown-recipient", also: ["relay-denied"], contextual: true, codes: [550, 551, 553], phases: ["RCPT"], source: "RFC 5321 §4.2.2 (550 mailbox unavailable, 551 user not local, 553 mailbox name not allowed)" },
  { cause: "sender-rejected", codes: [550, 553], phases: ["MAIL"], source: "RFC 5321 §4.2.2 (550, 553 to MAIL)" },
  { cause: "mailbox-full", codes: [552], phases: ["RCPT"], source: "RFC 5321 §4.2.2 (552 exceeded storage allocation)" },
  { cause: "message-too-big", codes: [552], source: "RFC 5321 §4.2.2 (552); RFC 1870" },
  { cause: "too-many-recipients", codes: [452], phases: ["RCPT"], source: "RFC 5321 §4.5.3.1.10 (452)" },
  { cause: "server-resource", codes: [452], source: "RFC 5321 §4.2.2 (452 insufficient system storage)" },
  { cause: "content-rejected", also: ["ip-reputation", "spf-dkim-dmarc"], codes: [550, 554], phases: MESSAGE, source: "RFC 5321 §4.2.2 (554 transaction failed, 550 after the message)" },
  { cause: "other", also: ["server-lookup-failure", "server-resource", "greylisted"], codes: [451, 450], source: "RFC 5321 §4.2.2 (450, 451: the code alone does not say why)" },
];
