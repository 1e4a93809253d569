// The DNSSEC-aware query's failures as values: a server that never answers, an answer to another
// question, a truncated UDP answer repeated over TCP (small servers on loopback speaking dns-packet).
import { createSocket, type Socket } from "node:dgram";
import { createServer, type Server } from "node:net";
import * as packet from "dns-packet";
import { afterEach, describe, expect, it } from "vitest";
import { dnsQuery } from "../../src/session/dns-query.js";

const HOST = "127.0.0.29";
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((c) => c()));

/** A UDP server on an ephemeral port; `reply` turns a query into the answer bytes (or none). */
async function udp(reply: (q: packet.Packet) => Buffer | null): Promise<number> {
  const s: Socket = createSocket("udp4");
  s.on("message", (m, from) => {
    const out = reply(packet.decode(m));
    if (out) s.send(out, from.port, from.address);
  });
  await new Promise<void>((r) => s.bind(0, HOST, r));
  closers.push(() => s.close());
  return s.address().port;
}

const answer = (q: packet.Packet, flags: number, answers: packet.Answer[] = []): Buffer =>
  packet.encode({ type: "response", id: q.id, flags: packet.RECURSION_DESIRED | flags, questions: q.questions, answers });

describe("dnsQuery", () => {
  it("asks with RD, AD and the DO bit (EDNS0), and reads the AD flag", async () => {
    let asked: packet.Packet | null = null;
    const port = await udp((q) => ((asked = q), answer(q, packet.AUTHENTIC_DATA, [{ type: "A", name: "mx.example", data: "192.0.2.25" }])));
    const r = await dnsQuery("mx.example", "A", { server: { host: HOST, port }, deadlineMs: 5000 });
    expect(r).toMatchObject({ rcode: "NOERROR", ad: true, answers: [{ type: "A", data: "192.0.2.25" }] });
    const q = asked as unknown as packet.Packet;
    expect((q.flags ?? 0) & packet.AUTHENTIC_DATA).toBeTruthy();
    const opt = q.additionals?.find((a) => a.type === "OPT") as { flags?: number } | undefined;
    expect((opt?.flags ?? 0) & packet.DNSSEC_OK).toBeTruthy();
  });

  it("no answer within the deadline: kind timeout", async () => {
    const port = await udp(() => null);
    expect(await dnsQuery("mx.example", "A", { server: { host: HOST, port }, deadlineMs: 50 })).toMatchObject({ kind: "timeout" });
  });

  it("an answer to another id: kind malformed", async () => {
    const port = await udp((q) => answer({ ...q, id: ((q.id ?? 0) + 1) % 65536 }, 0));
    expect(await dnsQuery("mx.example", "A", { server: { host: HOST, port }, deadlineMs: 5000 })).toMatchObject({ kind: "malformed" });
  });

  it("truncated over UDP: asked again over TCP on the same port (RFC 7766)", async () => {
    const tcp: Server = createServer((sock) => {
      sock.once("data", (d) => {
        const q = packet.decode(d.subarray(2));
        const out = answer(q, packet.AUTHENTIC_DATA, [{ type: "TXT", name: "big.example", data: "x".repeat(200) }]);
        sock.end(Buffer.concat([Buffer.from([out.length >> 8, out.length & 0xff]), out]));
      });
    });
    await new Promise<void>((r) => tcp.listen(0, HOST, r));
    closers.push(() => tcp.close());
    const port = (tcp.address() as { port: number }).port;
    const u = createSocket("udp4");
    u.on("message", (m, from) => u.send(answer(packet.decode(m), packet.TRUNCATED_RESPONSE), from.port, from.address));
    await new Promise<void>((r) => u.bind(port, HOST, r));
    closers.push(() => u.close());
    const r = await dnsQuery("big.example", "TXT", { server: { host: HOST, port }, deadlineMs: 5000 });
    expect(r).toMatchObject({ ad: true, answers: [{ type: "TXT" }] });
  });
});
