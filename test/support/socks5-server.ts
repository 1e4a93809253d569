// A SOCKS5 proxy stand-in on loopback (RFC 1928, RFC 1929) for the tunnel tests: it records each
// CONNECT (address type, host, port) and relays to a port on 127.0.0.1 — every domain name it is
// asked for resolves to 127.0.0.1, so tests can use names. It can also misbehave on purpose.
import net from "node:net";
import type { AddressInfo } from "node:net";

export interface Socks5Request {
  /** 1 IPv4, 3 domain name, 4 IPv6 (RFC 1928 §4). */
  atyp: number;
  host: string;
  port: number;
  username?: string;
}

export interface Socks5ServerOptions {
  /** Require RFC 1929 username/password authentication with these values. */
  credentials?: { username: string; password: string };
  /** Answer every CONNECT with this REP code instead of connecting (RFC 1928 §6). */
  reply?: number;
  /** Where a CONNECT goes: by default to 127.0.0.1 at the requested port. */
  relayTo?: (req: Socks5Request) => number;
  /** BND.ADDR and BND.PORT in the CONNECT reply: the upstream socket's own (default), or 0.0.0.0:0 as some proxies say. */
  bound?: "upstream" | "zeros";
  /** The local address the proxy connects from (what the target sees), e.g. another loopback address. */
  fromAddress?: string;
  /** Misbehave after the greeting arrives: say nothing, reset, or answer garbage. */
  misbehave?: "stall" | "reset" | "garbage";
}

export interface Socks5Server {
  port: number;
  requests: Socks5Request[];
  close(): Promise<void>;
}

export async function startSocks5Server(opts: Socks5ServerOptions = {}): Promise<Socks5Server> {
  const sockets = new Set<net.Socket>();
  const requests: Socks5Request[] = [];
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("error", () => {});
    client.once("close", () => sockets.delete(client));
    let buf = Buffer.alloc(0);
    let stage: "greeting" | "auth" | "request" | "relay" = "greeting";
    let username: string | undefined;
    const onData = (chunk: Buffer): void => {
      buf = Buffer.concat([buf, chunk]);
      if (stage === "greeting") {
        if (buf.length < 2 || buf.length < 2 + (buf[1] as number)) return;
        const methods = [...buf.subarray(2, 2 + (buf[1] as number))];
        buf = buf.subarray(2 + (buf[1] as number));
        if (opts.misbehave === "stall") return;
        if (opts.misbehave === "reset") return void client.resetAndDestroy();
        if (opts.misbehave === "garbage") return void client.write("HTTP/1.1 400 Bad Request\r\n\r\n");
        const want = opts.credentials ? 0x02 : 0x00;
        if (!methods.includes(want)) return void client.end(Buffer.from([0x05, 0xff]));
        client.write(Buffer.from([0x05, want]));
        stage = opts.credentials ? "auth" : "request";
      }
      if (stage === "auth") {
        if (buf.length < 2) return;
        const ulen = buf[1] as number;
        if (buf.length < 3 + ulen) return;
        const plen = buf[2 + ulen] as number;
        if (buf.length < 3 + ulen + plen) return;
        username = buf.subarray(2, 2 + ulen).toString("utf8");
        const password = buf.subarray(3 + ulen, 3 + ulen + plen).toString("utf8");
        buf = buf.subarray(3 + ulen + plen);
        const ok = username === opts.credentials?.username && password === opts.credentials?.password;
        if (!ok) return void client.end(Buffer.from([0x01, 0x01]));
        client.write(Buffer.from([0x01, 0x00]));
        stage = "request";
      }
      if (stage === "request") {
        if (buf.length < 5) return;
        const atyp = buf[3] as number;
        const alen = atyp === 1 ? 4 : atyp === 4 ? 16 : 1 + (buf[4] as number);
        if (buf.length < 4 + alen + 2) return;
        const a = buf.subarray(4, 4 + alen);
        const host = atyp === 1 ? [...a].join(".") : atyp === 4 ? (a.toString("hex").match(/.{4}/g) ?? []).join(":") : a.subarray(1).toString("utf8");
        const port = buf.readUInt16BE(4 + alen);
        buf = buf.subarray(4 + alen + 2);
        const req: Socks5Request = { atyp, host, port, ...(username ? { username } : {}) };
        requests.push(req);
        if (opts.reply) return void client.end(Buffer.from([0x05, opts.reply, 0x00, 0x01, 0, 0, 0, 0, 0, 0]));
        stage = "relay";
        client.off("data", onData);
        client.pause();
        const upstream = net.connect({ host: "127.0.0.1", port: opts.relayTo?.(req) ?? port, ...(opts.fromAddress ? { localAddress: opts.fromAddress } : {}) }, () => {
          const bound = opts.bound === "zeros" ? [0, 0, 0, 0, 0, 0] : [...(upstream.localAddress as string).split(".").map(Number), (upstream.localPort as number) >> 8, (upstream.localPort as number) & 0xff];
          client.write(Buffer.from([0x05, 0x00, 0x00, 0x01, ...bound]));
          if (buf.length) upstream.write(buf);
          client.pipe(upstream);
          upstream.pipe(client);
          client.resume();
        });
        sockets.add(upstream);
        upstream.on("error", () => client.end(Buffer.from([0x05, 0x05, 0x00, 0x01, 0, 0, 0, 0, 0, 0])));
        upstream.once("close", () => {
          sockets.delete(upstream);
          client.end();
        });
        client.once("close", () => upstream.destroy());
      }
    };
    client.on("data", onData);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}
