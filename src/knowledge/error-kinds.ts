/** Advice for failures that left no reply to explain (contract §6 error kinds). */
import type { ErrorKind } from "../session/errors.js";

/**
 * Advice about the port's mode (implicit TLS vs STARTTLS vs plain): true only while no handshake
 * ran. Once STARTTLS was answered 220 or a handshake completed, the mode is right and these go.
 */
const MODE = {
  timeoutCause: "A TLS mode mismatch: a STARTTLS (plain) client on an implicit-TLS port waits for a greeting that only comes after a TLS handshake.",
  timeoutFix: "Try `openssl s_client -connect {hostport}` (implicit TLS) and `openssl s_client -starttls smtp -connect {hostport} -crlf` to see which the port speaks.",
  tlsCause: "Implicit TLS against a plain port (OpenSSL says `wrong version number`), or the reverse.",
  tlsFix: "Check the port's mode: 465 is implicit TLS, 587 and 25 use STARTTLS.",
  protocolCause: "An appliance in the path corrupted the stream, or TLS bytes arrived where text was expected (mode mismatch).",
  protocolFix: "If the banner is TLS noise, use implicit TLS (`tls: implicit`).",
} as const;
export const PORT_MODE_ADVICE: ReadonlySet<string> = new Set(Object.values(MODE));

export interface ErrorAdvice {
  id: string;
  causes: string[];
  fixes: string[];
}

/** Sharper advice for an error kind in a particular phase (matched on the error message). */
export const ERROR_IN_PHASE: readonly (ErrorAdvice & { kind: ErrorKind; phase: RegExp })[] = [
  {
    kind: "timeout", phase: /TLS handshake after STARTTLS/, id: "tls-handshake-stalled",
    causes: [
      "The server answered 220 to STARTTLS but the handshake never completed: something in the path drops or holds the TLS bytes (an SMTP-inspecting firewall, an IPS, a proxy that only speaks plain SMTP).",
      "An MTU or fragmentation problem that loses the large handshake packets (certificates) but not short SMTP lines.",
    ],
    fixes: [
      "Run `{openssl}` from here and from inside the network; if it hangs only from outside, look at the appliances in between.",
      "Disable SMTP/ESMTP inspection on the firewall, or exempt this server from TLS interception.",
    ],
  },
  {
    // STARTTLS was answered 220, so the port's mode is right: the handshake itself failed.
    kind: "tls", phase: /TLS handshake after STARTTLS/, id: "tls-failed",
    causes: [
      "The server accepted STARTTLS but could not complete the handshake: no protocol version or cipher in common, or its TLS setup is broken (certificate or key unreadable, the key does not match the certificate).",
      "An appliance in the path interferes with the encrypted stream (an SMTP-inspecting firewall, a proxy that only speaks plain SMTP).",
    ],
    fixes: [
      "Repeat the handshake by hand and read the server's alert: `{openssl}`.",
      "Read the MTA's log for this connection: it names what its TLS library refused.",
    ],
  },
  {
    kind: "dns", phase: /can never be a remote MTA/, id: "unroutable-address",
    causes: [
      "A placeholder or parked record: `0.0.0.0` (or `::`) is what blocklist hosts files and some DNS filters answer for names they block, and what a zone template leaves behind.",
      "A mistyped or copied record pointing at a link-local, multicast or broadcast address, which no sender can deliver to; 169.254.169.254 is a cloud provider's instance-metadata service, never a mail server.",
    ],
    fixes: [
      "Check the record where senders see it: `dig +short A {host}` and `dig +short AAAA {host}`; point it at the mail server's public address (and an MX record at a host that has one).",
      "If only this runner sees that answer (a filtering resolver, a hosts file), set `resolver` to the DNS server senders use.",
    ],
  },
  {
    kind: "dns", phase: /null MX/, id: "null-mx",
    causes: ["The domain publishes a null MX (RFC 7505): it declares that it accepts no mail at all."],
    fixes: ["If the domain should receive mail, replace the null MX (`MX 0 .`) with real MX records; otherwise do not probe it as a mail domain."],
  },
];

export const ERROR_ADVICE: Record<ErrorKind, ErrorAdvice> = {
  dns: {
    id: "dns-failure",
    causes: ["The host name does not exist or has no address record.", "The runner's DNS resolver cannot reach the zone (split-horizon DNS, private zone)."],
    fixes: ["Check the name with `dig +short A {host}` and `dig +short AAAA {host}`.", "Use the name the runner can resolve, or an address."],
  },
  connect: {
    id: "connect-failed",
    causes: [
      "Nothing listens on that port, or a firewall rejects the connection.",
      "Outbound port 25 is blocked by the network the runner is in (common for cloud and hosted runners).",
    ],
    fixes: ["Check the port: `{nc}`.", "For submission use 587 (STARTTLS) or 465 (implicit TLS); hosted runners often cannot reach port 25."],
  },
  timeout: {
    id: "timeout",
    causes: [
      "A firewall drops packets silently, or the server is overloaded.",
      MODE.timeoutCause,
      "The server delays its greeting on purpose (anti-spam tarpitting) longer than the timeout.",
    ],
    fixes: [
      MODE.timeoutFix,
      "Raise `timeout` if the server tarpits on purpose.",
    ],
  },
  tls: {
    id: "tls-failed",
    causes: [
      MODE.tlsCause,
      "The certificate is not trusted: self-signed, expired, issued for another name, or signed by a private CA.",
      "No common protocol version or cipher, or an appliance in the path interfered with the handshake.",
    ],
    fixes: [
      MODE.tlsFix,
      "Inspect the certificate: `{openssl} -showcerts`.",
      "Trust a private CA with `--ca FILE` (input `ca`) rather than `--insecure`.",
    ],
  },
  closed: {
    id: "connection-closed",
    causes: [
      "The server or an appliance in the path dropped the connection (policy, rate limit, crash).",
      "A proxy or load balancer with a short idle timeout, or one that does not speak SMTP.",
    ],
    fixes: ["Look at the MTA's log for this connection's time.", "Repeat the conversation by hand with `{openssl}`."],
  },
  protocol: {
    id: "not-smtp",
    causes: [
      "The peer is not an SMTP server (an HTTP, SSH or TLS service on that port), or a proxy answered.",
      MODE.protocolCause,
    ],
    fixes: ["Check the host and port; connect by hand with `{nc}` and read the banner.", MODE.protocolFix],
  },
  proxy: {
    id: "socks5-failed",
    causes: [
      "The SOCKS5 proxy could not reach the target (its reply says why: refused, unreachable, not allowed by its rules), or it cannot resolve the target's name.",
      "The proxy is not running, is not a SOCKS5 proxy, or wants a username and password that were not given or are wrong.",
    ],
    fixes: [
      "Check the proxy from the runner: `curl -v --socks5-hostname PROXY:PORT telnet://{hostport}`.",
      "Check the proxy's own rules and logs for the target's host and port (a bastion often allows only some ports).",
    ],
  },
};
