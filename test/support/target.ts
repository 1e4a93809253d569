// The one TargetConfig fixture: the fields every test target shares, so that a new field of
// TargetConfig is added in one place. Suites override what they need.
import type { TargetConfig } from "../../src/config/target.js";

export function testTarget(over: Partial<TargetConfig> = {}): TargetConfig {
  return {
    name: "t",
    host: "smtp.example.com",
    port: 25,
    tls: "starttls",
    insecure: false,
    helo: "ci.example.com",
    from: "app@example.com",
    to: [],
    credentials: null,
    send: false,
    steps: null,
    failOn: "hard",
    timeoutMs: 30_000,
    ...over,
  };
}
