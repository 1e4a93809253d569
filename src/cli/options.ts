/** The CLI's options, as data: read by the option parser (./parse-options.ts) and the help text. */
import type { OptionSpec } from "./parse-options.js";

export const OPTIONS = {
  host: { type: "string" }, mx: { type: "string" }, port: { type: "string" }, tls: { type: "string" }, helo: { type: "string" },
  from: { type: "string" }, to: { type: "string", multiple: true }, user: { type: "string" },
  "password-env": { type: "string" }, "oauth-token-env": { type: "string" }, auth: { type: "string" }, "allow-plaintext-auth": { type: "boolean" },
  resolver: { type: "string" }, ip: { type: "string" }, "every-address": { type: "boolean" }, "proxy-protocol": { type: "string" },
  socks5: { type: "string" }, "socks5-username": { type: "string" }, "socks5-password-env": { type: "string" },
  send: { type: "boolean" }, step: { type: "string", multiple: true }, config: { type: "string" },
  "fail-on": { type: "string" }, timeout: { type: "string" }, deadline: { type: "string" },
  insecure: { type: "boolean" }, ca: { type: "string" }, servername: { type: "string" }, name: { type: "string" },
  format: { type: "string" }, report: { type: "string" }, pipelining: { type: "string" }, shard: { type: "string" }, baseline: { type: "string" }, "write-baseline": { type: "string" },
  "require-tls": { type: "boolean" }, "min-tls": { type: "string" }, "cert-min-days": { type: "string" },
  "max-step-ms": { type: "string" }, "max-total-ms": { type: "string" }, "expect-extension": { type: "string", multiple: true },
  "auth-requires-tls": { type: "boolean" }, "open-relay": { type: "string" }, "vrfy-disabled": { type: "boolean" }, demo: { type: "boolean" }, concurrency: { type: "string" },
  smuggling: { type: "boolean" },
  help: { type: "boolean", short: "h" }, version: { type: "boolean" },
} as const satisfies Record<string, OptionSpec>;
