/**
 * A TCP connection to the target through a SOCKS5 proxy (RFC 1928, RFC 1929): connect to the
 * proxy, agree on authentication, CONNECT to the target, and hand back the socket as if it were
 * connected to the target. Its own listeners are removed before it is handed back; bytes that
 * came with the proxy's last answer (the server's greeting, say) are handed back too, and so is
 * the address the proxy says it connected from (BND.ADDR, BND.PORT), when it says one.
 */
import net from "node:net";
import { parseSocks5Reply, socks5Auth, socks5Connect, socks5Greeting, type Socks5Bound, type Socks5Credentials, type Socks5Step } from "../protocol/socks5.js";
import { fromSocketError, type PeerError } from "./errors.js";
import { fixedLookup } from "./fixed-lookup.js";

export interface Socks5Proxy {
  host: string;
  port: number;
  credentials: Socks5Credentials | null;
  /** The proxy's name already looked up (through the run's resolver): connect to one of these. */
  addresses?: readonly string[];
}

export interface Socks5Tunnel {
  socket: net.Socket;
  rest: Buffer;
  bound?: Socks5Bound;
}

export function openSocks5Tunnel(proxy: Socks5Proxy, target: { host: string; port: number }, timeoutMs: number): Promise<Socks5Tunnel | PeerError> {
  const where = `the SOCKS5 proxy ${proxy.host}:${proxy.port}`;
  return new Promise((resolve) => {
    const socket = net.connect({ host: proxy.host, port: proxy.port, noDelay: true, ...(proxy.addresses ? { lookup: fixedLookup(proxy.addresses) } : {}) });
    let step: Socks5Step = "method";
    let buffered = Buffer.alloc(0);
    const timer = setTimeout(() => finish({ kind: "timeout", message: `${where} did not complete the ${step === "connect" ? "CONNECT to the target" : "handshake"} within ${Math.round(timeoutMs / 100) / 10}s` }), timeoutMs);
    const finish = (r: Socks5Tunnel | PeerError): void => {
      clearTimeout(timer);
      socket.off("data", onData);
      socket.off("error", onError);
      socket.off("close", onClose);
      if ("kind" in r) {
        socket.on("error", () => {});
        socket.destroy();
      }
      resolve(r);
    };
    const onError = (e: Error): void => {
      const err = fromSocketError(e, "connect");
      finish({ kind: "proxy", message: `${where}: ${err.message}`, ...(err.nodeCode ? { nodeCode: err.nodeCode } : {}) });
    };
    const onClose = (): void => finish({ kind: "proxy", message: `${where} closed the connection during the SOCKS5 ${step === "connect" ? "CONNECT" : "handshake"}` });
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const r = parseSocks5Reply(step, buffered);
        if ("need" in r) return;
        if ("problem" in r) return finish({ kind: "proxy", message: `${where}: ${r.problem}` });
        buffered = buffered.subarray(r.done);
        if (step === "method" && r.method === 0x02 && !proxy.credentials) return finish({ kind: "proxy", message: `${where} asks for a username and password (set socks5-username and socks5-password)` });
        if (step === "method" && r.method === 0x02 && proxy.credentials) {
          step = "auth";
          socket.write(socks5Auth(proxy.credentials));
        } else if (step === "method" || step === "auth") {
          step = "connect";
          socket.write(socks5Connect(target.host, target.port));
        } else {
          return finish({ socket, rest: buffered, ...(r.bound ? { bound: r.bound } : {}) });
        }
      }
    };
    socket.on("data", onData);
    socket.on("error", onError);
    socket.on("close", onClose);
    socket.once("connect", () => socket.write(socks5Greeting(proxy.credentials)));
  });
}
