/**
 * One DNSSEC-aware DNS query to the run's resolver: RD and AD set, EDNS0 with the DO bit
 * (RFC 6891, RFC 3225, RFC 6840 §5.7), over UDP, repeated over TCP when the answer is truncated
 * (RFC 7766 §5). The wire format is dns-packet's. node:dns cannot do this: it exposes no AD bit
 * (nodejs/node#57159). Every failure is a value with a kind; nothing throws.
 */
import { randomInt } from "node:crypto";
import { createSocket } from "node:dgram";
import { connect } from "node:net";
import * as packet from "dns-packet";
import { monotonicMs } from "./clock.js";

export interface DnsAnswer {
  rcode: string;
  /** Authenticated Data: the resolver validated the answer (RFC 4035 §3.2.3). */
  ad: boolean;
  answers: packet.Answer[];
}

export type DnsQueryResult = DnsAnswer | { kind: "timeout" | "network" | "malformed"; message: string };

export interface DnsQueryOptions {
  server: { host: string; port: number };
  /** Time for the whole query, UDP and TCP together. */
  deadlineMs: number;
}

const UDP_SIZE = 1232; // the DNS flag day 2020 default: no fragmentation

function encode(name: string, type: packet.RecordType, id: number): Buffer {
  return packet.encode({
    type: "query", id, flags: packet.RECURSION_DESIRED | packet.AUTHENTIC_DATA,
    questions: [{ type, name, class: "IN" }],
    additionals: [{ type: "OPT", name: ".", udpPayloadSize: UDP_SIZE, flags: packet.DNSSEC_OK } as packet.Answer],
  });
}

function read(buf: Buffer, id: number, name: string): DnsAnswer | { truncated: true } | { kind: "malformed"; message: string } {
  let p: packet.Packet;
  try {
    p = packet.decode(buf);
  } catch (e) {
    return { kind: "malformed", message: `the DNS answer could not be decoded (${(e as Error).message})` };
  }
  if (p.id !== id || p.questions?.[0]?.name.toLowerCase() !== name.toLowerCase()) return { kind: "malformed", message: "the DNS answer does not match the question" };
  if ((p.flags ?? 0) & packet.TRUNCATED_RESPONSE) return { truncated: true };
  return { rcode: (p as { rcode?: string }).rcode ?? "NOERROR", ad: ((p.flags ?? 0) & packet.AUTHENTIC_DATA) !== 0, answers: p.answers ?? [] };
}

export async function dnsQuery(name: string, type: packet.RecordType, o: DnsQueryOptions): Promise<DnsQueryResult> {
  const started = monotonicMs();
  const left = () => o.deadlineMs - (monotonicMs() - started);
  if (o.deadlineMs <= 0) return { kind: "timeout", message: `no time was left for the DNS query for ${name} ${type}` };
  const id = randomInt(0, 65536);
  const query = encode(name, type, id);
  const udp = await overUdp(query, o.server, o.deadlineMs);
  if (!Buffer.isBuffer(udp)) return udp;
  const r = read(udp, id, name);
  if (!("truncated" in r)) return r;
  if (left() <= 0) return { kind: "timeout", message: `the DNS query for ${name} ${type} timed out` };
  const tcp = await overTcp(query, o.server, left());
  if (!Buffer.isBuffer(tcp)) return tcp;
  const again = read(tcp, id, name);
  return "truncated" in again ? { kind: "malformed", message: "the DNS answer over TCP is truncated" } : again;
}

type Failure = { kind: "timeout" | "network"; message: string };

function overUdp(query: Buffer, server: DnsQueryOptions["server"], ms: number): Promise<Buffer | Failure> {
  return new Promise((resolve) => {
    const sock = createSocket(server.host.includes(":") ? "udp6" : "udp4");
    const done = (v: Buffer | Failure) => {
      clearTimeout(timer);
      sock.close();
      resolve(v);
    };
    const timer = setTimeout(() => done({ kind: "timeout", message: `no DNS answer from ${server.host}:${server.port} within ${ms} ms` }), Math.max(1, ms));
    sock.on("error", (e) => done({ kind: "network", message: `DNS over UDP to ${server.host}:${server.port}: ${e.message}` }));
    sock.on("message", (m) => done(m));
    sock.send(query, server.port, server.host);
  });
}

function overTcp(query: Buffer, server: DnsQueryOptions["server"], ms: number): Promise<Buffer | Failure> {
  return new Promise((resolve) => {
    const sock = connect({ host: server.host, port: server.port });
    let buf = Buffer.alloc(0);
    const done = (v: Buffer | Failure) => {
      clearTimeout(timer);
      sock.destroy();
      resolve(v);
    };
    const timer = setTimeout(() => done({ kind: "timeout", message: `no DNS answer over TCP from ${server.host}:${server.port} within ${ms} ms` }), Math.max(1, ms));
    sock.on("error", (e) => done({ kind: "network", message: `DNS over TCP to ${server.host}:${server.port}: ${e.message}` }));
    sock.on("connect", () => sock.write(Buffer.concat([Buffer.from([query.length >> 8, query.length & 0xff]), query])));
    sock.on("data", (d) => {
      buf = Buffer.concat([buf, d]);
      if (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) done(buf.subarray(2, 2 + buf.readUInt16BE(0)));
    });
    sock.on("end", () => done({ kind: "network", message: `the DNS server ${server.host}:${server.port} closed the TCP connection early` }));
  });
}
