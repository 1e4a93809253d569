/** `--demo`: two probes of the embedded MTA — the healthy production sequence and the classic broken one. */
import type { TargetConfig } from "../config/target.js";
import type { Report } from "../model/report.js";
import { runTargets } from "../engine/run.js";
import { parseSteps, type StepSpec } from "../protocol/steps.js";
import { DEMO_USER, startDemoMta, type DemoMta } from "./mta.js";

// One entry for the CLI's demo commands, so the bundle holds the MTA in one lazy chunk.
export { startDemoMta };

/** The embedded MTA on 127.0.0.1, or why it cannot listen there (a port in use: EADDRINUSE). */
export async function listenDemoMta(port = 0): Promise<DemoMta | { problem: string }> {
  try {
    return await startDemoMta(port);
  } catch (e) {
    return { problem: `cannot listen on 127.0.0.1:${port}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

export async function runDemo(timeoutMs = 10_000): Promise<Report | { problem: string }> {
  const mta = await listenDemoMta();
  if ("problem" in mta) return mta;
  try {
    const base = {
      host: "127.0.0.1", port: mta.port, tls: "none", insecure: false, helo: "ci.smtp-gate.test",
      from: DEMO_USER, to: ["postmaster@smtp-gate.test"], send: false, failOn: "hard", timeoutMs,
    } as const;
    // No credentials: the demo MTA has no TLS, and credentials in clear text are a warning.
    const healthy: TargetConfig = { ...base, name: "demo: production sequence", to: [...base.to], steps: null, credentials: null };
    const broken: TargetConfig = {
      ...base, name: "demo: legacy sender", to: [...base.to], credentials: null,
      steps: parseSteps("EHLO {helo}\nXAUTH2 login\nMAIL FROM:<{from}>\nRCPT TO:<{to}>") as StepSpec[],
    };
    return await runTargets([healthy, broken]);
  } finally {
    await mta.close();
  }
}
