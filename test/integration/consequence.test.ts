// Contract §7: in a pipelined transaction the client sends on after a refusal, so the server's
// answers to what follows (503 "need MAIL", 554 "no valid recipients") are consequences of that
// refusal: marked consequenceOf it, failing, but with no finding of their own. Real servers'
// wording is in test/mta/expect/ (Postfix 554 5.5.1, Exim 503, Sendmail 503 5.0.0).
import { afterEach, describe, expect, it } from "vitest";
import { startScriptedSmtp } from "../support/scripted-server.js";
import { EHLO_REPLY, Servers, commands, probe, replyCodes, target } from "./helpers.js";

const servers = new Servers();
afterEach(() => servers.closeAll());

const base = { EHLO: EHLO_REPLY, RSET: "250 2.0.0 Ok\r\n" };
const consequences = (r: Awaited<ReturnType<typeof probe>>) => r.steps.map((s) => s.consequenceOf ?? null);
const findingSteps = (r: Awaited<ReturnType<typeof probe>>) => r.findings.map((f) => [f.id, f.step]);

describe("consequenceOf in a pipelined transaction", () => {
  it("RCPT answered 503 after MAIL was refused follows from MAIL: one finding, on MAIL", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...base, MAIL: "550 5.7.1 sender rejected\r\n", RCPT: "503 5.5.1 Error: need MAIL command\r\n" }));
    const r = await probe(target(srv.port, { to: ["a@example.com"], pipelining: "auto" }));
    expect(commands(r).slice(2, 4)).toEqual(["MAIL FROM:<app@example.com>", "RCPT TO:<a@example.com>"]);
    expect(replyCodes(r).slice(2, 4)).toEqual([550, 503]);
    expect(consequences(r)).toEqual([null, null, null, 2, null, null]);
    expect(r.steps[3]?.verdict).toBe("fail");
    expect(findingSteps(r).filter(([, step]) => step === 3)).toEqual([]);
    expect(findingSteps(r).some(([, step]) => step === 2)).toBe(true);
    expect(r.verdict).toBe("fail");
  });

  it("DATA refused after the only RCPT was refused follows from that RCPT (Postfix: 554 5.5.1 no valid recipients)", async () => {
    const srv = servers.add(await startScriptedSmtp({
      ...base, MAIL: "250 2.1.0 Ok\r\n", RCPT: "550 5.1.1 <nobody@example.com>: User unknown\r\n", DATA: "554 5.5.1 Error: no valid recipients\r\n",
    }));
    const r = await probe(target(srv.port, { to: ["nobody@example.com"], send: true, pipelining: "auto" }));
    const data = r.steps.findIndex((s) => s.command === "DATA");
    const rcpt = r.steps.findIndex((s) => s.command?.startsWith("RCPT"));
    expect(r.steps[data]?.consequenceOf).toBe(rcpt);
    expect(r.findings.map((f) => f.step)).not.toContain(data);
    expect(r.findings.find((f) => f.step === rcpt)?.id).toBe("unknown-user");
  });

  it("DATA refused while a RCPT was accepted is a failure of its own, with its finding", async () => {
    const srv = servers.add(await startScriptedSmtp({
      ...base, MAIL: "250 2.1.0 Ok\r\n", RCPT: (l) => (l.includes("bad@") ? "550 5.1.1 User unknown\r\n" : "250 2.1.5 Ok\r\n"), DATA: "451 4.3.0 try later\r\n",
    }));
    const r = await probe(target(srv.port, { to: ["good@example.com", "bad@example.com"], send: true, pipelining: "auto" }));
    const data = r.steps.findIndex((s) => s.command === "DATA");
    expect(r.steps[data]?.reply?.code).toBe(451);
    expect(r.steps[data]?.consequenceOf).toBeUndefined();
    expect(r.findings.some((f) => f.step === data)).toBe(true);
  });

  it("in lockstep nothing follows a refusal, so nothing is a consequence", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...base, MAIL: "550 5.7.1 sender rejected\r\n", RCPT: "503 5.5.1 need MAIL\r\n" }));
    const r = await probe(target(srv.port, { to: ["a@example.com"], pipelining: "off" }));
    expect(commands(r)).not.toContain("RCPT TO:<a@example.com>");
    expect(consequences(r).every((c) => c === null)).toBe(true);
  });
});
