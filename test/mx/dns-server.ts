// A tiny authoritative DNS server on loopback UDP for the MX tests: answers MX, A and AAAA
// queries from a table, NXDOMAIN for names it does not know, SERVFAIL or silence on request.
// The packet encoding is RFC 1035 §4, written out here (no compression in answers).
import dgram from "node:dgram";
import type { AddressInfo } from "node:net";

export interface Zone {
  /** Exchange "." (or "") is the root: a null MX (RFC 7505). */
  MX?: { preference: number; exchange: string }[];
  A?: string[];
  AAAA?: string[];
  /** For a reverse name (`1.0.0.127.in-addr.arpa`, `…ip6.arpa`): the names its PTR records give. */
  PTR?: string[];
  /** Answer every query for the name with this response code instead. */
  rcode?: "SERVFAIL" | "REFUSED" | "NXDOMAIN";
  /** Never answer (the resolver times out). */
  silent?: boolean;
}

export interface DnsServer {
  port: number;
  /** Every question received, as `TYPE name`. */
  queries: string[];
  close(): Promise<void>;
}

const TYPES: Record<number, string> = { 1: "A", 12: "PTR", 15: "MX", 28: "AAAA" };
const RCODES = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

export interface DnsServerOptions {
  /** The loopback address to listen on (default 127.0.0.1). */
  host?: string;
  /**
   * Hold every answer until this many different questions are waiting, then send them all:
   * lookups asked one after another never get there (each times out), lookups asked at once do.
   */
  holdUntil?: number;
}

export async function startDnsServer(table: Record<string, Zone>, opts: DnsServerOptions = {}): Promise<DnsServer> {
  const zones = new Map(Object.entries(table).map(([k, v]) => [k.toLowerCase().replace(/\.$/, ""), v]));
  const queries: string[] = [];
  const socket = dgram.createSocket("udp4");
  // Held answers by question: a resolver's retry of a question waits beside the first.
  const held = new Map<string, (() => void)[]>();
  socket.on("error", () => {});
  socket.on("message", (msg, rinfo) => {
    const reply = answer(msg, zones, queries);
    if (!reply) return;
    const question = queries[queries.length - 1] as string;
    held.set(question, [...(held.get(question) ?? []), () => socket.send(reply, rinfo.port, rinfo.address)]);
    if (held.size < (opts.holdUntil ?? 1)) return;
    for (const sends of held.values()) for (const send of sends) send();
    held.clear();
  });
  await new Promise<void>((resolve) => socket.bind(0, opts.host ?? "127.0.0.1", resolve));
  return {
    port: (socket.address() as AddressInfo).port,
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

function answer(query: Buffer, zones: Map<string, Zone>, log: string[]): Buffer | null {
  if (query.length < 12) return null;
  const id = query.readUInt16BE(0);
  const qdcount = query.readUInt16BE(4);
  if (qdcount !== 1) return header(id, query.readUInt16BE(2), 1 /* FORMERR */, 0, 0);
  const q = readName(query, 12);
  if (!q) return null;
  const qtype = query.readUInt16BE(q.end);
  const question = query.subarray(12, q.end + 4); // echoed as received (case and all)
  const name = q.name.toLowerCase();
  log.push(`${TYPES[qtype] ?? qtype} ${name}`);
  const zone = zones.get(name);
  if (zone?.silent) return null;
  const rcode = zone ? RCODES[zone.rcode ?? "NOERROR"] : RCODES.NXDOMAIN;
  const records: Buffer[] = [];
  if (zone && rcode === 0) {
    if (qtype === 15) for (const mx of zone.MX ?? []) records.push(rr(q.name, 15, Buffer.concat([u16(mx.preference), encodeName(mx.exchange)])));
    if (qtype === 1) for (const a of zone.A ?? []) records.push(rr(q.name, 1, Buffer.from(a.split(".").map(Number))));
    if (qtype === 28) for (const a of zone.AAAA ?? []) records.push(rr(q.name, 28, ipv6(a)));
    if (qtype === 12) for (const n of zone.PTR ?? []) records.push(rr(q.name, 12, encodeName(n)));
  }
  return Buffer.concat([header(id, query.readUInt16BE(2), rcode, 1, records.length), question, ...records]);
}

/** QR, opcode copied, AA, RD copied, RA. */
function header(id: number, queryFlags: number, rcode: number, qd: number, an: number): Buffer {
  const flags = 0x8000 | (queryFlags & 0x7800) | 0x0400 | (queryFlags & 0x0100) | 0x0080 | rcode;
  return Buffer.concat([u16(id), u16(flags), u16(qd), u16(an), u16(0), u16(0)]);
}

function rr(name: string, type: number, rdata: Buffer): Buffer {
  return Buffer.concat([encodeName(name), u16(type), u16(1), u32(300), u16(rdata.length), rdata]);
}

export function encodeName(name: string): Buffer {
  const labels = name.replace(/\.$/, "").split(".").filter((l) => l !== "");
  return Buffer.concat([...labels.map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, "ascii")])), Buffer.from([0])]);
}

/** Reads an uncompressed name (queries carry none); null when malformed. */
function readName(buf: Buffer, at: number): { name: string; end: number } | null {
  const labels: string[] = [];
  let i = at;
  while (i < buf.length) {
    const len = buf[i] as number;
    if (len === 0) return { name: labels.join("."), end: i + 1 };
    if (len > 63 || i + 1 + len > buf.length) return null;
    labels.push(buf.toString("ascii", i + 1, i + 1 + len));
    i += 1 + len;
  }
  return null;
}

function ipv6(text: string): Buffer {
  const [head, tail] = text.split("::") as [string, string | undefined];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t];
  return Buffer.concat(groups.map((g) => u16(parseInt(g, 16))));
}

const u16 = (n: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
};
const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
