/**
 * A PROXY header that could not carry the endpoints (through a SOCKS5 proxy that did not say its
 * bound address, or to a target given by name that the proxy resolved) says `PROXY UNKNOWN` (v1)
 * or LOCAL (v2). A listener that requires the header may refuse that: Postfix 3.7
 * (`smtpd_upstream_proxy_protocol` / `postscreen_upstream_proxy_protocol = haproxy`) logs "bad or
 * missing protocol type" for UNKNOWN and answers 421 (smtpd `4.3.0 Server local error`, postscreen
 * `4.3.2 No system resources`); it accepts v2 LOCAL. Then nothing of the server was tested: the
 * refusal follows from what smtp-gate could send, and the one finding says so.
 */
import { finding, type Rule } from "./rule.js";

export const proxyUnknownRefused: Rule = (p) => {
  const why = p.proxyHeaderUnknown;
  const greeting = p.steps[0];
  if (!why || !p.proxyProtocol || greeting?.reply?.code === 220) return [];
  const sent = p.proxyProtocol === "v1" ? "`PROXY UNKNOWN`" : "a PROXY v2 LOCAL header (no addresses)";
  const answer = greeting?.reply ? `answered ${greeting.reply.code} instead of a greeting` : p.error ? `gave no greeting (${p.error.message})` : "gave no greeting";
  const nameTarget = /is a name the proxy resolved/.test(why);
  return [finding("proxy-header-unknown-refused", "error", greeting ? 0 : p.error?.step ?? null,
    `smtp-gate sent ${sent} because the endpoints were not known (${why}), and the server ${answer}: a listener that requires the PROXY protocol refuses a header without addresses. The server behind it was not tested.`,
    [
      "The listener requires a PROXY header with TCP4 or TCP6 addresses; Postfix (`smtpd_upstream_proxy_protocol = haproxy`, or postscreen's) refuses UNKNOWN with \"bad or missing protocol type\" in its log and answers 421.",
    ],
    [
      ...(nameTarget ? [`Give the target's address instead of its name (\`host: ADDRESS\`), so that the header can carry it.`] : []),
      ...(p.proxyProtocol === "v1" ? ["Or send `proxy-protocol: v2`: its LOCAL header (no addresses) asks the server to use the connection's own, and Postfix accepts it."] : []),
      "Use a SOCKS5 proxy that reports the address it connects from in its CONNECT reply (BND.ADDR, RFC 1928 §6; Dante does), or probe the port from a host that reaches it directly.",
    ], [], "proxy-protocol")];
};
