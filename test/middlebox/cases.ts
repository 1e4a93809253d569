// Every path through the real middleboxes of scripts/test-middleboxes.sh (issue 26), and what
// smtp-gate must say about it: healthy paths pass; each broken one fails (or warns) with the
// finding that names the box in front — not the MTA behind it. Read by paths.test.ts (live) and
// replay.test.ts (the golden transcripts, without the boxes).
import type { TargetConfig } from "../../src/config/target.js";
import type { Verdict } from "../../src/engine/verdict.js";
import type { MiddleboxId } from "../../src/knowledge/middleboxes.js";
import { MTA_PASSWORD, MTA_USER } from "../support/mta.js";

export const SOCKS_USER = "smtp-gate-socks";
export const SOCKS_PASSWORD = "smtp-gate-socks-password";

export interface PathCase {
  /** `BOX/PATH`: the box's descriptor and one of its paths; `postfix/...` for Postfix's own PROXY listeners. */
  id: string;
  /** What the path is, in words. */
  title: string;
  /** The target: host/port come from the descriptor unless `direct` names them. */
  target: Partial<TargetConfig>;
  /** The test MTA behind the box when it is not the Postfix (scripts/test-mta.sh; its descriptor must exist). */
  mta?: string;
  /** A path that is not a box's port: the MTA itself (host, port). */
  direct?: { host: string; port: number };
  /** Through the box as a SOCKS5 proxy: the target is Postfix, the box the proxy. */
  socks?: { username: string; password: string } | "no-auth";
  verdict: Verdict;
  /** `server.via` (undefined: not asserted; null: absent). */
  via?: MiddleboxId | null;
  /** The first finding: its id, cause, and words its message or fixes must hold. */
  first?: { id: string; cause?: string; message?: RegExp[]; fixes?: RegExp[] };
  /** Finding ids that must all be present. */
  ids?: string[];
  /** Finding ids that must not be (one cause said twice). */
  absent?: string[];
  /** Words no finding may say (advice that contradicts the transcript or fits another box). */
  never?: RegExp;
}

const user = { username: MTA_USER, password: MTA_PASSWORD, mechanism: null };
const toTester = { to: [MTA_USER] };
/** The Postfix behind the balancers: its certificate names mta.smtp-gate.test, not 127.0.0.26. */
const postfixName = { servername: "mta.smtp-gate.test" };
const steps = (...lines: string[]) => lines.map((line) => ({ line, expect: null }));

/** Findings that send the user to the MTA for what the box in front did. */
const BLAMES_MTA = /the MTA's log|postfix reload|greylist|overloaded/i;

export const PATH_CASES: readonly PathCase[] = [
  // HAProxy 2.6
  { id: "haproxy/transparent", title: "TCP balancer, no header, plain backend", target: { ...postfixName, ...toTester }, verdict: "pass", via: null },
  { id: "haproxy/send-proxy", title: "send-proxy (v1) to smtpd that requires it", target: { ...postfixName, ...toTester }, verdict: "pass" },
  { id: "haproxy/send-proxy-v2", title: "send-proxy-v2 to smtpd that requires it", target: { ...postfixName, ...toTester }, verdict: "pass" },
  { id: "haproxy/send-proxy-v2-postscreen", title: "send-proxy-v2 to postscreen that requires it", target: { ...postfixName, ...toTester }, verdict: "pass" },
  {
    id: "haproxy/missing-send-proxy", title: "no send-proxy in front of smtpd that requires the header: silence, 421 4.3.0", target: { ...postfixName, ...toTester },
    verdict: "fail", first: { id: "proxy-header-missing", cause: "proxy-protocol", message: [/silent for/, /PROXY protocol header/, /target fails/], fixes: [/send-proxy/, /--proxy-protocol v1/] }, never: BLAMES_MTA,
  },
  {
    id: "haproxy/missing-send-proxy-postscreen", title: "no send-proxy in front of postscreen: silence, 421 4.3.2", target: { ...postfixName, ...toTester },
    verdict: "fail", first: { id: "proxy-header-missing", cause: "proxy-protocol", message: [/No system resources/, /postscreen_upstream_proxy_protocol/], fixes: [/send-proxy-v2/] }, never: BLAMES_MTA,
  },
  {
    id: "haproxy/no-backend", title: "every backend server down: accepted, closed at once", target: { ...postfixName, ...toTester },
    verdict: "fail", first: { id: "middlebox-backend-down", cause: "middlebox", message: [/closed it at once/, /no live backend/], fixes: [/HAProxy/, /no server available/] }, never: BLAMES_MTA,
  },
  {
    id: "haproxy/accept-proxy", title: "a balancer that itself requires a header, probed without one", target: { ...postfixName, ...toTester },
    verdict: "fail", first: { id: "proxy-header-missing", cause: "proxy-protocol", message: [/accept-proxy/], fixes: [/--proxy-protocol v1/] }, never: BLAMES_MTA,
  },
  { id: "haproxy/accept-proxy+header", title: "the same balancer, with --proxy-protocol v1", target: { ...postfixName, ...toTester, proxyProtocol: "v1" }, verdict: "pass" },
  {
    // Before: fail on a bare unsolicited-reply (cause null, "capture the raw stream"), nothing of send-proxy.
    id: "haproxy/unexpected-send-proxy", title: "send-proxy (v1) to a listener that does not expect a header: 500 to the PROXY line right after the greeting", target: { ...postfixName, ...toTester },
    verdict: "fail", via: null, first: { id: "proxy-header-from-balancer", cause: "proxy-protocol", message: [/smtp-gate never sent/, /PROXY protocol v1/], fixes: [/send-proxy/, /smtpd_upstream_proxy_protocol/] },
    absent: ["unsolicited-reply"], never: BLAMES_MTA,
  },
  {
    // Before: connection-closed first, "Look at the MTA's log for this connection's time".
    id: "haproxy/unexpected-send-proxy-v2", title: "send-proxy-v2 to a listener that does not expect a header: 500 ×3 and 221 to the v2 signature, closed", target: { ...postfixName, ...toTester },
    verdict: "fail", via: null, first: { id: "proxy-header-from-balancer", cause: "proxy-protocol", message: [/PROXY protocol v2/, /QUIT/], fixes: [/send-proxy-v2/] },
    absent: ["unsolicited-reply", "connection-closed"], never: BLAMES_MTA,
  },
  {
    // Before: proxy-header-missing, "send the header to this backend: send-proxy" — advice for another fault.
    id: "haproxy/dead-server-no-check", title: "a dead server without check picked first, no option redispatch: ~3 s of retries, then a close", target: { ...postfixName, ...toTester },
    verdict: "fail", via: null, first: { id: "middlebox-backend-down", cause: "middlebox", message: [/retries/], fixes: [/`check`/, /option redispatch/] }, absent: ["proxy-header-missing"], never: BLAMES_MTA,
  },
  {
    // Before: connection-closed, "Look at the MTA's log for this connection's time".
    id: "haproxy/timeout-server", title: "timeout server 2s in front of a 4 s content filter: closed at the end of DATA with no reply", target: { tls: "none", send: true, ...toTester },
    verdict: "fail", first: { id: "middlebox-idle-timeout", cause: "middlebox", message: [/no 421/, /RFC 5321 §3\.8/], fixes: [/timeout server/] }, absent: ["connection-closed"], never: BLAMES_MTA,
  },
  // The same mistake in front of the other test MTAs: each answers the header its own way (Haraka knows PROXY but not from this address).
  // Slower servers answer the header after smtp-gate's EHLO went out, so the reading must hold in
  // either order; when the close comes before the replies tell v1 from v2, the finding says either.
  { id: "haproxy/unexpected-send-proxy-v1-exim", mta: "exim", title: "send-proxy to exim, which expects no header", target: toTester, verdict: "fail", first: { id: "proxy-header-from-balancer", cause: "proxy-protocol", message: [/PROXY protocol v1|the v1 text line or the v2 binary block/] }, absent: ["unsolicited-reply", "connection-closed"], never: BLAMES_MTA },
  { id: "haproxy/unexpected-send-proxy-v2-exim", mta: "exim", title: "send-proxy-v2 to exim, which expects no header", target: toTester, verdict: "fail", first: { id: "proxy-header-from-balancer", cause: "proxy-protocol", message: [/PROXY protocol v2|the v1 text line or the v2 binary block/] }, absent: ["unsolicited-reply", "connection-closed"], never: BLAMES_MTA },
  { id: "haproxy/unexpected-send-proxy-v1-sendmail", mta: "sendmail", title: "send-proxy to sendmail, which expects no header", target: toTester, verdict: "fail", first: { id: "proxy-header-from-balancer", cause: "proxy-protocol", message: [/PROXY protocol v1|the v1 text line or the v2 binary block/] }, absent: ["unsolicited-reply", "connection-closed"], never: BLAMES_MTA },
  { id: "haproxy/unexpected-send-proxy-v2-sendmail", mta: "sendmail", title: "send-proxy-v2 to sendmail, which expects no header", target: toTester, verdict: "fail", first: { id: "proxy-header-from-balancer", cause: "proxy-protocol", message: [/PROXY protocol v2|the v1 text line or the v2 binary block/] }, absent: ["unsolicited-reply", "connection-closed"], never: BLAMES_MTA },
  { id: "haproxy/unexpected-send-proxy-v1-opensmtpd", mta: "opensmtpd", title: "send-proxy to opensmtpd, which expects no header", target: toTester, verdict: "fail", first: { id: "proxy-header-from-balancer", cause: "proxy-protocol", message: [/PROXY protocol v1|the v1 text line or the v2 binary block/] }, absent: ["unsolicited-reply", "connection-closed"], never: BLAMES_MTA },
  { id: "haproxy/unexpected-send-proxy-v2-opensmtpd", mta: "opensmtpd", title: "send-proxy-v2 to opensmtpd, which expects no header", target: toTester, verdict: "fail", first: { id: "proxy-header-from-balancer", cause: "proxy-protocol", message: [/the v1 text line or the v2 binary block/] }, absent: ["unsolicited-reply", "connection-closed"], never: BLAMES_MTA },
  { id: "haproxy/unexpected-send-proxy-v1-haraka", mta: "haraka", title: "send-proxy to haraka, which expects no header", target: toTester, verdict: "fail", first: { id: "proxy-header-from-balancer", cause: "proxy-protocol", message: [/PROXY not allowed from/], fixes: [/connection\.ini/] }, absent: ["unsolicited-reply", "connection-closed"], never: BLAMES_MTA },
  { id: "haproxy/unexpected-send-proxy-v2-haraka", mta: "haraka", title: "send-proxy-v2 to haraka, which expects no header", target: toTester, verdict: "fail", first: { id: "proxy-header-from-balancer", cause: "proxy-protocol", message: [/PROXY protocol v2|the v1 text line or the v2 binary block/] }, absent: ["unsolicited-reply", "connection-closed"], never: BLAMES_MTA },
  { id: "haproxy/unexpected-send-proxy-v1-aiosmtpd", mta: "aiosmtpd", title: "send-proxy to aiosmtpd, which expects no header", target: toTester, verdict: "fail", first: { id: "proxy-header-from-balancer", cause: "proxy-protocol", message: [/PROXY protocol v1|the v1 text line or the v2 binary block/] }, absent: ["unsolicited-reply", "connection-closed"], never: BLAMES_MTA },
  { id: "haproxy/unexpected-send-proxy-v2-aiosmtpd", mta: "aiosmtpd", title: "send-proxy-v2 to aiosmtpd, which expects no header", target: toTester, verdict: "fail", first: { id: "proxy-header-from-balancer", cause: "proxy-protocol", message: [/PROXY protocol v2|the v1 text line or the v2 binary block/] }, absent: ["unsolicited-reply", "connection-closed"], never: BLAMES_MTA },
  { id: "haproxy/dead-server-redispatch", title: "the same dead server, with option redispatch: the last retry reaches Postfix, greeting after ~3 s", target: { ...postfixName, ...toTester }, verdict: "pass", via: null },
  {
    // Before: not-smtp, "Check the host and port … Mail submission is usually 587".
    id: "haproxy/mode-http", title: "an SMTP frontend in mode http: HTTP/1.1 408 Request Time-out after timeout http-request", target: { ...postfixName, ...toTester },
    verdict: "fail", first: { id: "middlebox-http-mode", cause: "middlebox", message: [/408/, /mode http/], fixes: [/mode tcp/] }, absent: ["not-smtp"], never: /usually 587|Check the host and port|the MTA's log/,
  },

  // Postfix's own PROXY listeners, probed directly (the port meant for the balancer)
  {
    id: "postfix/smtpd-proxy-direct", title: "smtpd_upstream_proxy_protocol listener without a header", direct: { host: "127.0.0.1", port: 2540 }, target: toTester,
    verdict: "fail", first: { id: "proxy-header-missing", cause: "proxy-protocol", message: [/Server local error/] }, never: BLAMES_MTA,
  },
  {
    id: "postfix/postscreen-proxy-direct", title: "postscreen_upstream_proxy_protocol listener without a header", direct: { host: "127.0.0.1", port: 2541 }, target: toTester,
    verdict: "fail", first: { id: "proxy-header-missing", cause: "proxy-protocol" }, never: BLAMES_MTA,
  },
  { id: "postfix/smtpd-proxy-direct+v2", title: "the smtpd PROXY listener with --proxy-protocol v2", direct: { host: "127.0.0.1", port: 2540 }, target: { ...toTester, proxyProtocol: "v2" }, verdict: "pass" },
  { id: "postfix/postscreen-proxy-direct+v1", title: "the postscreen PROXY listener with --proxy-protocol v1", direct: { host: "127.0.0.1", port: 2541 }, target: { ...toTester, proxyProtocol: "v1" }, verdict: "pass" },

  // nginx 1.22 mail proxy
  { id: "nginx/starttls-auth", title: "STARTTLS, AUTH through auth_http, envelope to Postfix", target: { credentials: user, ...toTester }, verdict: "pass", via: "nginx" },
  {
    id: "nginx/starttls-auth+xauth2", title: "the seed case: XAUTH2 login through nginx", target: { steps: steps("EHLO {helo}", "STARTTLS", "EHLO {helo}", "XAUTH2 login") },
    verdict: "fail", via: "nginx", first: { id: "middlebox-command-refused", cause: "middlebox", message: [/by nginx's mail proxy, not by the MTA/, /never saw this command/, /nginx's error log/] }, never: /Postfix|smtpd_|main\.cf/,
  },
  {
    id: "nginx/starttls-auth+wrong-password", title: "AUTH refused by the auth_http service", target: { credentials: { ...user, password: "wrong-password" }, ...toTester },
    verdict: "fail", via: "nginx", first: { id: "middlebox-auth-refused", cause: "middlebox", message: [/auth_http/] },
  },
  {
    id: "nginx/xclient-refused", title: "xclient on, the backend refuses XCLIENT: 451 4.3.2 and close", target: { tls: "none", ...toTester },
    verdict: "fail", via: "nginx", first: { id: "middlebox-backend-failed", cause: "middlebox", message: [/Internal server error/, /nginx's error log/], fixes: [/xclient off/] }, never: BLAMES_MTA,
  },
  { id: "nginx/xclient", title: "xclient on, the backend allows it", target: { tls: "none", ...toTester }, verdict: "pass", via: "nginx" },
  {
    id: "nginx/auth-service-down", title: "auth_http does not answer: 451 4.3.2", target: { tls: "none", ...toTester },
    verdict: "fail", via: "nginx", first: { id: "middlebox-backend-failed", cause: "middlebox", fixes: [/auth_http/] }, never: BLAMES_MTA,
  },
  {
    id: "nginx/dead-backend", title: "the backend named by auth_http is down: 451 4.3.2", target: { tls: "none", ...toTester },
    verdict: "fail", via: "nginx", first: { id: "middlebox-backend-failed", cause: "middlebox" }, never: BLAMES_MTA,
  },
  {
    id: "nginx/proxy-protocol", title: "listen … proxy_protocol without a header: silence, close", target: { tls: "none", ...toTester },
    verdict: "fail", first: { id: "proxy-header-missing", cause: "proxy-protocol", message: [/proxy_protocol/] }, never: BLAMES_MTA,
  },
  { id: "nginx/proxy-protocol+header", title: "the same listener with --proxy-protocol v1", target: { tls: "none", proxyProtocol: "v1", ...toTester }, verdict: "pass", via: "nginx" },
  {
    // Before: middlebox-command-refused, "it cannot go through nginx's mail proxy: route them to the MTA directly".
    id: "nginx/starttls-off", title: "starttls off (nginx's default): no STARTTLS in EHLO, STARTTLS refused 500 5.5.1 by nginx", target: toTester,
    verdict: "fail", via: "nginx", first: { id: "middlebox-starttls-off", cause: "middlebox", message: [/by nginx's mail proxy/, /starttls/], fixes: [/starttls on;/, /ssl_certificate/] },
    never: /route them to the MTA directly|cannot go through nginx|Postfix|smtpd_|main\.cf/,
  },
  {
    // Before: auth-required, "Configure credentials … or send mail for the server's own users to its port 25": nothing of nginx.
    id: "nginx/auth-required", title: "smtp_auth without none: MAIL before AUTH refused 530 5.7.1 by nginx", target: toTester,
    verdict: "fail", via: "nginx", first: { id: "middlebox-auth-required", cause: "middlebox", message: [/by nginx's mail proxy/, /smtp_auth/], fixes: [/smtp_auth .*none/] },
    never: /Postfix|smtpd_|main\.cf|the MTA's log/,
  },
  {
    // Before: connection-closed first ("Look at the MTA's log"), then a generic auth-failed.
    id: "nginx/cram-md5", title: "CRAM-MD5 offered by nginx, refused by an auth_http service that compares plain passwords", target: { credentials: { ...user, mechanism: "CRAM-MD5" }, ...toTester },
    verdict: "fail", via: "nginx", first: { id: "middlebox-auth-refused", cause: "middlebox", message: [/auth_http/, /CRAM-MD5/], fixes: [/Auth-Salt/, /cram-md5/] },
    absent: ["connection-closed", "auth-failed"], never: BLAMES_MTA,
  },
  {
    id: "nginx/proxy-timeout", title: "proxy_timeout 2s in front of a 4 s content filter: closed at the end of DATA with no reply", target: { tls: "none", send: true, ...toTester },
    verdict: "fail", via: "nginx", first: { id: "middlebox-idle-timeout", cause: "middlebox", message: [/nginx/], fixes: [/proxy_timeout/] }, absent: ["connection-closed"], never: /HAProxy|the MTA's log|postfix reload|greylist/,
  },

  // stunnel 5 (TLS terminator)
  { id: "stunnel/good-cert", title: "implicit TLS in front of a plain port", target: { tls: "implicit", ...toTester }, verdict: "pass", via: "tls-terminator", ids: ["middlebox-tls-terminator"] },
  {
    id: "stunnel/expired-cert", title: "an expired certificate", target: { tls: "implicit", ...toTester },
    verdict: "fail", first: { id: "certificate-expired", fixes: [/stunnel/] }, absent: ["certificate-untrusted", "tls-failed"], never: /port's mode|postfix reload/,
  },
  {
    id: "stunnel/wrong-name-cert", title: "a certificate for another name", target: { tls: "implicit", ...toTester },
    verdict: "fail", first: { id: "certificate-name-mismatch", fixes: [/stunnel/] }, absent: ["certificate-untrusted", "tls-failed"], never: /port's mode/,
  },
  {
    id: "stunnel/dead-backend", title: "connect= is down: TLS done, then reset", target: { tls: "implicit", ...toTester },
    verdict: "fail", first: { id: "middlebox-backend-down", cause: "middlebox", message: [/TLS handshake/, /never saw this connection/], fixes: [/connect =/] }, never: BLAMES_MTA,
  },
  { id: "stunnel/protocol-smtp", title: "protocol = smtp: stunnel answers EHLO and STARTTLS itself", target: toTester, verdict: "pass", via: "stunnel" },
  {
    // Before: timeout, "a firewall drops packets … raise `timeout` if the server tarpits".
    id: "stunnel/tls-backend", title: "connect= the MTA's implicit-TLS port: TLS done, then silence", target: { tls: "implicit", ...toTester, timeoutMs: 8_000 },
    verdict: "fail", first: { id: "middlebox-backend-silent", cause: "middlebox", message: [/TLS handshake/, /implicit TLS/], fixes: [/connect =/] },
    absent: ["timeout"], never: /firewall|tarpit|Raise `timeout`|Try `tls: implicit`/,
  },
  {
    // Before: timeout, "a firewall drops packets … raise `timeout` if the server tarpits".
    id: "stunnel/http-backend", title: "connect= a web service (a wrong port): TLS done, then silence", target: { tls: "implicit", ...toTester, timeoutMs: 8_000 },
    verdict: "fail", first: { id: "middlebox-backend-silent", cause: "middlebox", message: [/not SMTP/], fixes: [/connect =/] },
    absent: ["timeout"], never: /firewall|tarpit|Raise `timeout`|Try `tls: implicit`/,
  },
  {
    // Before: tls-failed, "the certificate is not trusted … trust a private CA with --ca".
    id: "stunnel/client-cert", title: "a client certificate required (verifyChain = yes): TLS 1.3 alert certificate required", target: { tls: "implicit", ...toTester },
    verdict: "fail", first: { id: "tls-client-certificate-required", message: [/client certificate/], fixes: [/verifyChain|verify =/] },
    absent: ["tls-failed"], never: /--ca|self-signed|--insecure|not trusted/,
  },
  {
    // Before: proxy-header-missing with HAProxy's, nginx's and an NLB's fixes only.
    id: "stunnel/proxy-backend", title: "connect= smtpd that requires a PROXY header, without protocol = proxy: TLS done, 421 after 5 s", target: { tls: "implicit", ...toTester },
    verdict: "fail", first: { id: "proxy-header-missing", cause: "proxy-protocol", message: [/TLS handshake/, /terminator/], fixes: [/protocol = proxy/] }, never: BLAMES_MTA,
  },
  { id: "stunnel/protocol-proxy", title: "the same with protocol = proxy", target: { tls: "implicit", ...toTester }, verdict: "pass" },

  // Dante 1.4 (SOCKS5), in front of Postfix 2525
  { id: "dante/no-auth", title: "SOCKS5 without authentication", socks: "no-auth", target: toTester, verdict: "pass" },
  { id: "dante/username", title: "SOCKS5 username/password", socks: { username: SOCKS_USER, password: SOCKS_PASSWORD }, target: toTester, verdict: "pass" },
  {
    id: "dante/username+wrong-password", title: "SOCKS5 with a wrong password", socks: { username: SOCKS_USER, password: "wrong-password" }, target: toTester,
    verdict: "fail", first: { id: "socks5-failed" },
  },
  {
    id: "dante/username+no-credentials", title: "SOCKS5 that requires a username, without credentials", socks: "no-auth", target: toTester,
    verdict: "fail", first: { id: "socks5-failed", message: [/none of the offered authentication methods/] },
  },
  {
    id: "dante/no-auth+dead-target", title: "SOCKS5 to a port where nothing listens", socks: "no-auth", direct: { host: "127.0.0.1", port: 2699 }, target: toTester,
    verdict: "fail", first: { id: "socks5-failed", message: [/refused/] },
  },

  {
    id: "dante/no-auth+proxy-v1", title: "PROXY v1 through SOCKS to smtpd that requires a header: the header carries Dante's bound address", socks: "no-auth", direct: { host: "127.0.0.1", port: 2540 },
    target: { ...toTester, proxyProtocol: "v1" },
    verdict: "pass",
  },
  {
    id: "dante/no-auth+proxy-v1-name", title: "PROXY v1 through SOCKS to a name Dante resolves (PROXY UNKNOWN) at smtpd that requires a header", socks: "no-auth", direct: { host: "localhost", port: 2540 },
    target: { ...toTester, proxyProtocol: "v1" },
    verdict: "fail", first: { id: "proxy-header-unknown-refused", cause: "proxy-protocol", message: [/PROXY UNKNOWN/] }, never: /overloaded|connection limits/,
  },

  // proxsmtp 1.10 (filtering SMTP proxy)
  { id: "proxsmtp/filter-pass", title: "a filter that passes: the message reaches Postfix", target: { tls: "none", send: true, ...toTester }, verdict: "pass", via: "proxsmtp" },
  {
    id: "proxsmtp/filter-refuse", title: "a filter that refuses at the end of DATA", target: { tls: "none", send: true, ...toTester },
    verdict: "fail", via: "proxsmtp", first: { id: "middlebox-content-filter", cause: "middlebox", message: [/proxsmtp/, /FilterCommand/] }, never: /typo|recipient address/i,
  },
  {
    id: "proxsmtp/filter-pass+starttls", title: "STARTTLS required: proxsmtp strips it", target: toTester,
    verdict: "fail", via: "proxsmtp", first: { id: "middlebox-starttls-stripped", cause: "middlebox" }, never: /ASA|inspect esmtp|Enable STARTTLS on this listener/,
  },

  {
    // Before: local-error (cause other): "the server's own lookup failed … or greylisted", the MTA's log.
    id: "proxsmtp/filter-timeout", title: "a filter slower than FilterTimeout: 451 Local Error from proxsmtp at the end of DATA", target: { tls: "none", send: true, ...toTester },
    verdict: "warn", via: "proxsmtp", first: { id: "middlebox-filter-failed", cause: "middlebox", message: [/proxsmtp/, /FilterTimeout/] }, absent: ["local-error"], never: /greylist|lookup|disk|the MTA's log/i,
  },
  { id: "proxsmtp/slow-filter", title: "a filter that takes 4 s and passes (the backend of haproxy/timeout-server)", target: { tls: "none", send: true, ...toTester }, verdict: "pass", via: "proxsmtp" },

  // qpsmtpd 0.94 (front end relaying to Postfix)
  { id: "qpsmtpd/relay", title: "relaying a message to Postfix", target: { tls: "none", send: true, ...toTester }, verdict: "pass", via: "qpsmtpd" },
  {
    id: "qpsmtpd/relay+unknown-user", title: "a recipient the front end accepts and the backend refuses: 451 after DATA", target: { tls: "none", send: true, to: ["nobody@smtp-gate.test"] },
    verdict: "warn", via: "qpsmtpd", first: { id: "middlebox-backend-failed", cause: "middlebox", message: [/qpsmtpd/, /came from the front end/] }, never: /greylist/i,
  },
  {
    id: "qpsmtpd/dead-backend", title: "the relay target is down: 451 after DATA", target: { tls: "none", send: true, ...toTester },
    verdict: "warn", via: "qpsmtpd", first: { id: "middlebox-backend-failed", cause: "middlebox" }, never: /greylist/i,
  },
];

/** The box and the path of a case id ("nginx/starttls-auth+xauth2" → nginx, starttls-auth). */
export function boxAndPath(id: string): { box: string; path: string } {
  const [box = "", rest = ""] = id.split("/");
  return { box, path: rest.split("+")[0] ?? "" };
}
