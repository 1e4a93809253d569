// The middlebox rules (src/diagnose/middlebox.ts) on built transcripts: what each box shows, and
// what must not be read as one. The real boxes are in test/middlebox.
import { describe, expect, it } from "vitest";
import { diagnose, prepareOutcome } from "../../src/diagnose/index.js";
import type { ProbeOutcome } from "../../src/engine/result.js";
import { unsolicitedNote } from "../../src/session/transcript.js";
import { EHLO_PLAIN, GREETING, outcome, tlsFacts } from "./fixtures.js";

const run = (p: ProbeOutcome) => diagnose(prepareOutcome(p));

/** Nothing from the server for `ms`, then the connection closed (or was reset) before any greeting. */
function silentThenClosed(ms: number, message: string, over: Partial<ProbeOutcome> = {}): ProbeOutcome {
  const p = outcome([GREETING], { error: { kind: "closed", message, step: 0 } });
  const step = { ...(p.steps[0] as ProbeOutcome["steps"][number]), reply: null, class: null, verdict: "fail" as const, ms };
  return { ...p, steps: [step], transcript: [], ...over };
}

describe("a listener that requires a PROXY header (cause proxy-protocol)", () => {
  it("silence, then Postfix's 421 4.3.0 … Server local error: proxy-header-missing, an error, overload ruled out", () => {
    const f = run(outcome(["S: 421 4.3.0 mx.example.com Server local error ## ms=5004"]));
    expect(f.map((x) => x.id)).toEqual(["proxy-header-missing"]);
    expect(f[0]).toMatchObject({ severity: "error", step: 0, cause: "proxy-protocol" });
    expect(f[0]?.fixes[0]).toMatch(/send-proxy/);
    expect(f[0]?.ruledOut[0]?.cause).toMatch(/overloaded/);
  });

  it("postscreen's 421 4.3.2 No system resources after the wait: the same", () => {
    expect(run(outcome(["S: 421 4.3.2 No system resources ## ms=5000"]))[0]?.id).toBe("proxy-header-missing");
  });

  it("the same words at once (a real resource shortage) are not read as a missing header, but still fail the target", () => {
    const f = run(outcome(["S: 421 4.3.2 No system resources ## ms=3"]));
    expect(f.map((x) => x.id)).not.toContain("proxy-header-missing");
    expect(f[0]).toMatchObject({ step: 0, severity: "error" });
    expect(f[0]?.message).toMatch(/temporary/);
  });

  it("not when smtp-gate sent a header itself", () => {
    const p = outcome(["S: 421 4.3.0 mx.example.com Server local error ## ms=5004"]);
    expect(run({ ...p, proxyProtocol: "v1" }).map((x) => x.id)).not.toContain("proxy-header-missing");
  });

  it("a header sent, then Postfix's 421 at once: the listener could not use it", () => {
    const p = outcome(["S: 421 4.3.0 mx.example.com Server local error ## ms=4"]);
    const withHeader = { ...p, proxyProtocol: "v1" as const, transcript: [{ t: 0, dir: "C" as const, text: "PROXY TCP4 192.0.2.1 192.0.2.2 40000 25" }, ...p.transcript] };
    const f = run(withHeader);
    expect(f.map((x) => x.id)).toEqual(["proxy-header-refused"]);
    expect(f[0]).toMatchObject({ cause: "proxy-protocol", step: 0 });
  });

  it("PROXY UNKNOWN refused: one finding, proxy-unknown's, which knows why the endpoints were missing", () => {
    const p = outcome(["S: 421 4.3.0 mx.example.com Server local error ## ms=4"]);
    const unknown = { ...p, proxyProtocol: "v1" as const, proxyHeaderUnknown: "the target localhost is a name the proxy resolved", transcript: [{ t: 0, dir: "C" as const, text: "PROXY UNKNOWN" }, ...p.transcript] };
    const f = run(unknown);
    expect(f.map((x) => x.id)).toEqual(["proxy-header-unknown-refused"]);
    expect(f[0]?.causes[0]).toMatch(/bad or missing protocol type/);
  });

  it("silence, then a close without a greeting (nginx proxy_protocol, HAProxy accept-proxy)", () => {
    const f = run(silentThenClosed(5001, "connection closed by the server while waiting for the greeting"));
    expect(f[0]).toMatchObject({ id: "proxy-header-missing", cause: "proxy-protocol" });
    expect(f.map((x) => x.id)).not.toContain("connection-closed");
  });
});

describe("a box with no live backend (cause middlebox)", () => {
  const closedAtOnce = (tls: boolean): ProbeOutcome =>
    silentThenClosed(3, "connection reset by the server (ECONNRESET) while waiting for the greeting",
      tls ? { tlsMode: "implicit", tls: tlsFacts({ protocol: "TLSv1.3" }) } : {});
  it("accepted and closed at once: a balancer whose backend is down, not the MTA", () => {
    const f = run(closedAtOnce(false));
    expect(f[0]).toMatchObject({ id: "middlebox-backend-down", cause: "middlebox" });
    expect(f[0]?.fixes.join(" ")).toMatch(/HAProxy/);
  });
  it("TLS done, then reset: a TLS terminator whose connect= is down", () => {
    const f = run(closedAtOnce(true));
    expect(f[0]?.message).toMatch(/TLS handshake/);
    expect(f[0]?.fixes.join(" ")).toMatch(/connect =/);
  });
});

describe("replies a box writes itself", () => {
  const NGINX = "S: 220 mx.example.com ESMTP ready";
  const NGINX_EHLO = ["C: EHLO ci.example.com", "S: 250-mx.example.com", "S: 250-SIZE 10240000", "S: 250 AUTH PLAIN LOGIN"];

  it("the seed case through nginx: nginx, not the MTA, refused XAUTH2", () => {
    const p = prepareOutcome(outcome([NGINX, ...NGINX_EHLO, "C: XAUTH2 login", "S: 500 5.5.1 Invalid command"]));
    expect(p.server).toEqual({ product: null, version: null, via: "nginx" });
    const f = diagnose(p);
    expect(f.map((x) => x.id)).toEqual(["middlebox-command-refused"]);
    expect(f[0]?.message).toMatch(/by nginx's mail proxy, not by the MTA behind it/);
  });

  it("nginx's 451 4.3.2 Internal server error and the close after it: one finding, nginx's log", () => {
    const p = outcome([NGINX, ...NGINX_EHLO, "C: MAIL FROM:<a@example.com>", "S: 250 2.0.0 OK", "C: RCPT TO:<b@example.com>", "S: 451 4.3.2 Internal server error", "C: RSET"],
      { error: { kind: "closed", message: "connection closed by the server while resetting the transaction", step: 4 } });
    const f = run(p);
    expect(f.map((x) => x.id)).toEqual(["middlebox-backend-failed"]);
    expect(f[0]).toMatchObject({ severity: "error", cause: "middlebox" });
    expect(f[0]?.message).toMatch(/nginx's error log/);
    expect(f[0]?.message).not.toMatch(/greylist/i);
  });

  it("without nginx's banner, a Postfix 500 is the MTA's own", () => {
    const f = run(outcome([GREETING, ...EHLO_PLAIN, "C: XAUTH2 login", "S: 500 5.5.2 Error: command not recognized"]));
    expect(f.map((x) => x.id)).not.toContain("middlebox-command-refused");
  });

  it("a content filter's refusal at the end of DATA is not a recipient problem", () => {
    const f = run(outcome([GREETING, ...EHLO_PLAIN, "C: MAIL FROM:<a@example.com>", "S: 250 2.1.0 Ok", "C: RCPT TO:<b@example.com>", "S: 250 2.1.5 Ok",
      "C: DATA", "S: 354 go ahead", "C: .", "S: 550 5.7.1 Message refused by content filter: Eicar-Test-Signature FOUND"]));
    expect(f[0]).toMatchObject({ id: "middlebox-content-filter", cause: "middlebox" });
    expect(f.map((x) => [x.message, ...x.fixes].join(" ")).join(" ")).not.toMatch(/typo/i);
  });
});

describe("the paths added with the boxes' common misconfigurations", () => {
  const NGINX = "S: 220 mx.example.com ESMTP ready";
  const NGINX_EHLO = ["C: EHLO ci.example.com", "S: 250-mx.example.com", "S: 250-SIZE 10240000", "S: 250 AUTH PLAIN LOGIN"];

  it("Yahoo's MX greets like nginx (\"HOST ESMTP ready\"): the banner names Yahoo, not a box, and its 530 is not nginx's smtp_auth", () => {
    const p = prepareOutcome(outcome(["S: 220 mta7.am0.yahoodns.net ESMTP ready", ...NGINX_EHLO, "C: MAIL FROM:<a@example.com>", "S: 530 5.7.1 Authentication required"]));
    expect(p.server).toMatchObject({ product: "Yahoo", family: "yahoo" });
    expect(p.server?.via).toBeUndefined();
    expect(diagnose(p).map((x) => x.id)).not.toContain("middlebox-auth-required");
  });

  it("nginx without starttls on: its 500 to STARTTLS asks for `starttls on`, not for another route", () => {
    const f = run(outcome([NGINX, ...NGINX_EHLO, "C: STARTTLS", "S: 500 5.5.1 Invalid command"]));
    expect(f[0]).toMatchObject({ id: "middlebox-starttls-off", cause: "middlebox" });
    expect(f[0]?.fixes[0]).toMatch(/starttls on;/);
    expect(f.map((x) => x.fixes.join(" ")).join(" ")).not.toMatch(/route them to the MTA directly/);
  });

  /** A greeting, then replies to lines smtp-gate never sent (the session marks each one). */
  function answeredBeforeAnyCommand(codes: number[], rest: readonly string[], o: Parameters<typeof outcome>[1] = {}): ProbeOutcome {
    const p = outcome([GREETING, ...rest], o);
    const extra = codes.flatMap((c, i) => [
      { t: 0.1 + i / 100, dir: "S" as const, text: `${c} 5.5.2 Error: command not recognized` },
      { t: 0.1 + i / 100, dir: "*" as const, text: unsolicitedNote(c) },
    ]);
    const [first, ...after] = p.transcript;
    return { ...p, transcript: [...(first ? [first] : []), ...extra, ...after], unsolicitedReplies: codes.length };
  }

  it("a syntax error before smtp-gate wrote anything: a balancer's PROXY v1 line, one finding, no bare unsolicited-reply", () => {
    const f = run(answeredBeforeAnyCommand([500], EHLO_PLAIN));
    expect(f.map((x) => x.id)).toEqual(["proxy-header-from-balancer"]);
    expect(f[0]).toMatchObject({ severity: "error", cause: "proxy-protocol" });
    expect(f[0]?.message).toMatch(/PROXY protocol v1/);
    expect(f[0]?.fixes.join(" ")).toMatch(/send-proxy/);
  });

  it("syntax errors, 221 and the close: the v2 signature's QUIT obeyed; the close is not a finding of its own", () => {
    const f = run(answeredBeforeAnyCommand([500, 500, 500, 221], ["C: EHLO ci.example.com"],
      { error: { kind: "closed", message: "connection closed by the server while performing the EHLO handshake", step: 1 } }));
    expect(f.map((x) => x.id)).toEqual(["proxy-header-from-balancer"]);
    expect(f[0]?.message).toMatch(/PROXY protocol v2/);
  });

  it("the same header when EHLO went out before its answer came: EHLO gets the 500, HELO gets EHLO's keywords, one finding", () => {
    const p = outcome([GREETING, "C: EHLO ci.example.com", "S: 500 5.5.2 Error: command not recognized", "C: HELO ci.example.com", "S: 250-mx.example.com", "S: 250 8BITMIME",
      "C: MAIL FROM:<a@example.com>", "S: 250 2.0.0 Ok", "C: QUIT", "S: 250 2.0.0 Ok"]);
    const f = run({ ...p, unsolicitedReplies: 1 });
    expect(f.map((x) => x.id)).toEqual(["proxy-header-from-balancer"]);
    expect(f[0]?.message).toMatch(/PROXY protocol v1/);
    expect(f.map((x) => x.fixes.join(" ")).join(" ")).not.toMatch(/inspect esmtp|fixup/);
  });

  it("silent for 3 s, then closed: a balancer's retries of a dead server (HAProxy), not a PROXY listener", () => {
    const f = run(silentThenClosed(3004, "connection closed by the server while waiting for the greeting"));
    expect(f.map((x) => x.id)).toEqual(["middlebox-backend-down"]);
    expect(f[0]?.fixes.join(" ")).toMatch(/option redispatch/);
    expect(f[0]?.causes[1]).toMatch(/PROXY protocol header/);
  });

  it("a command answered by nothing and a close seconds later, no 421: a box's idle timeout; at once, or after a 421, it is not", () => {
    const base = outcome([GREETING, ...EHLO_PLAIN, "C: MAIL FROM:<a@example.com>", "S: 250 2.1.0 Ok", "C: RCPT TO:<b@example.com>", "S: 250 2.1.5 Ok",
      "C: DATA", "S: 354 go ahead", "C: ."], { error: { kind: "closed", message: "connection closed by the server while sending the message content", step: 5 } });
    const closedAfter = (ms: number): ProbeOutcome => ({ ...base, steps: base.steps.map((s, i) => (i === 5 ? { ...s, reply: null, class: null, verdict: "fail" as const, ms } : s)) });
    const f = run(closedAfter(2004));
    expect(f[0]).toMatchObject({ id: "middlebox-idle-timeout", cause: "middlebox", step: 5 });
    expect(f.map((x) => x.id)).not.toContain("connection-closed");
    expect(run(closedAfter(40)).map((x) => x.id)).not.toContain("middlebox-idle-timeout");
  });

  it("an HTTP 408 after a wait, instead of a greeting: a balancer in mode http, not a wrong port", () => {
    const f = run(outcome(["S! HTTP/1.1 408 Request Time-out"], { error: { kind: "protocol", message: "the server's reply is not an SMTP reply (no valid 3-digit code) while waiting for the greeting", step: 0, received: "HTTP/1.1 408 Request Time-out" } }));
    expect(f.map((x) => x.id)).toEqual(["middlebox-http-mode"]);
    expect(f[0]?.fixes[0]).toMatch(/mode tcp/);
  });

  it("Haraka's 421 PROXY not allowed from …: the MTA knows the header, not from this balancer — its hosts list, not the MTA's log", () => {
    const p = outcome([GREETING, "C: EHLO ci.example.com"], { error: { kind: "closed", message: "connection closed by the server while performing the EHLO handshake", step: 1 } });
    const [greeting, ...rest] = p.transcript;
    const note = [{ t: 1, dir: "S" as const, text: "421 PROXY not allowed from 192.0.2.7" }, { t: 1, dir: "*" as const, text: unsolicitedNote(421) }];
    const f = run({ ...p, transcript: [...(greeting ? [greeting] : []), ...note, ...rest], unsolicitedReplies: 1 });
    expect(f[0]).toMatchObject({ id: "proxy-header-from-balancer", cause: "proxy-protocol" });
    expect(f[0]?.fixes[0]).toMatch(/connection\.ini/);
  });

  it.each([
    ["Haraka: EHLO answered 421 PROXY not allowed, then the close", ["C: EHLO ci.example.com", "S: 421 PROXY not allowed from 127.0.0.1"], 0, /connection\.ini/],
    ["aiosmtpd: EHLO answered 530 (the PROXY line's), QUIT answered by EHLO's 250, its 221 extra", ["C: EHLO ci.example.com", "S: 530 Must issue a STARTTLS command first", "C: QUIT", "S: 250 HELP"], 1, /send-proxy/],
    ["OpenSMTPD: EHLO, sent alone, answered 500 Pipelining not supported, then the close", ["C: EHLO ci.example.com", "S: 500 5.5.1 Invalid command: Pipelining not supported"], 0, /send-proxy/],
    ["OpenSMTPD: EHLO answered the PROXY line's 500, HELO a complaint of pipelining, then the close", ["C: EHLO ci.example.com", "S: 500 5.5.1 Invalid command: Command unrecognized", "C: HELO ci.example.com", "S: 500 5.5.1 Invalid command: Pipelining not supported"], 0, /send-proxy/],
  ] as const)("the header when EHLO took its answer — %s", (_name, lines, extra, fix) => {
    const p = outcome([GREETING, ...lines], { error: { kind: "closed", message: "connection closed by the server", step: extra ? null : 1 } });
    const f = run({ ...p, error: extra ? null : p.error, unsolicitedReplies: extra });
    expect(f.map((x) => x.id)).toEqual(["proxy-header-from-balancer"]);
    expect(f[0]?.fixes[0]).toMatch(fix);
  });

  it("an EHLO refused with nothing out of step is the server's own refusal, not a header", () => {
    expect(run(outcome([GREETING, "C: EHLO ci.example.com", "S: 550 5.7.1 Go away"])).map((x) => x.id)).not.toContain("proxy-header-from-balancer");
  });

  it("an extra 250 before any command is the server talking out of turn, not a PROXY header", () => {
    const p = answeredBeforeAnyCommand([500], EHLO_PLAIN);
    const f = run({ ...p, transcript: p.transcript.map((e) => ({ ...e, text: e.text.replace(/^500\b|reply 500\b/, (m) => m.replace("500", "250")) })) });
    expect(f.map((x) => x.id)).toEqual(["unsolicited-reply"]);
  });

  it("proxsmtp's own 451 Local Error at the end of DATA: its filter failed, not a lookup of the MTA's", () => {
    const f = run(outcome(["S: 220 smtp.passthru", "C: EHLO ci.example.com", "S: 250-smtp.passthru", "S: 250 XFILTERED",
      "C: MAIL FROM:<a@example.com>", "S: 250 2.1.0 Ok", "C: RCPT TO:<b@example.com>", "S: 250 2.1.5 Ok", "C: DATA", "S: 354 go ahead", "C: .", "S: 451 Local Error"]));
    expect(f[0]).toMatchObject({ id: "middlebox-filter-failed", cause: "middlebox" });
    expect(f.map((x) => [x.message, ...x.causes, ...x.fixes].join(" ")).join(" ")).not.toMatch(/greylist|lookup/i);
  });
});
