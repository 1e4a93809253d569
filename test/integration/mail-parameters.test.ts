import { afterEach, describe, expect, it } from "vitest";
import { startScriptedSmtp } from "../support/scripted-server.js";
import { Servers, probe, target } from "./helpers.js";

const servers = new Servers();
afterEach(() => servers.closeAll());

const HANDLERS = { MAIL: "250 2.1.0 Ok\r\n", RCPT: "250 2.1.5 Ok\r\n", RSET: "250 2.0.0 Ok\r\n", DATA: "354 go\r\n" };

describe("MAIL FROM parameters on the wire", () => {
  it("UTF-8 addresses and an 8-bit body get SMTPUTF8, BODY=8BITMIME and SIZE= when offered", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...HANDLERS, EHLO: "250-mx\r\n250-SIZE 100000\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n" }));
    const r = await probe(target(srv.port, { from: "jösé@exämple.de", to: ["b@example.com"], send: true, body: "grüße" }));
    expect(r.verdict).toBe("pass");
    expect(srv.received[1]).toMatch(/^MAIL FROM:<jösé@exämple\.de> SIZE=\d+ BODY=8BITMIME SMTPUTF8$/);
  });

  it("a custom MAIL step is sent as written", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...HANDLERS, EHLO: "250-mx\r\n250 SIZE 100000\r\n" }));
    await probe(target(srv.port, { to: ["b@example.com"], steps: [{ line: "EHLO {helo}", expect: null }, { line: "MAIL FROM:<{from}>", expect: null }] }));
    expect(srv.received[1]).toBe("MAIL FROM:<app@example.com>");
  });
});
