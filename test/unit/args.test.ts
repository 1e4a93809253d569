import { describe, it, expect } from "vitest";
import { cliLabel, parseCommand } from "../../src/cli/args.js";

type Usage = { usage: string };
const usage = (argv: string[]): string => {
  const r = parseCommand(argv);
  expect(r).toHaveProperty("usage");
  return (r as Usage).usage;
};

describe("parseCommand: explain", () => {
  const cases: [string[], string[], string][] = [
    [["explain", "550"], ["550"], "text"],
    [["explain", "550", "5.1.1", "--format", "json"], ["550", "5.1.1"], "json"],
    [["explain", "--format", "json", "5.7.1"], ["5.7.1"], "json"],
    [["explain", "--format=markdown", "500"], ["500"], "markdown"],
    [["explain"], [], "text"],
  ];
  it.each(cases)("%j", (argv, args, format) => {
    expect(parseCommand(argv)).toEqual({ kind: "explain", args, format });
  });
  it.each([[["explain", "550", "--format", "xml"]], [["explain", "550", "--format"]], [["explain", "--format=yaml", "550"]]])("bad format %j → usage", (argv) => {
    expect(usage(argv)).toMatch(/--format must be one of text, json, markdown/);
  });
});

describe("parseCommand: secrets on the command line are refused", () => {
  const cases = [
    ["--host", "h.example", "--password", "hunter2"],
    ["--host", "h.example", "--password=hunter2"],
    ["--host", "h.example", "--oauth-token", "tok"],
    ["--host", "h.example", "--token=tok"],
  ];
  it.each(cases)("%j", (...argv) => {
    const u = usage(argv);
    expect(u).toMatch(/is not accepted/);
    expect(u).toMatch(/environment variables/);
    expect(u).not.toContain("hunter2");
    expect(u).not.toContain("=tok");
  });
  it("--password-env is fine", () => {
    expect(parseCommand(["--host", "h.example", "--password-env", "SMTP_PASSWORD", "--user", "u"])).toMatchObject({
      kind: "probe",
      target: { host: "h.example", "password-env": "SMTP_PASSWORD", username: "u" },
    });
  });
});

describe("parseCommand: probe", () => {
  it("a full command line", () => {
    expect(
      parseCommand([
        "--host", "smtp.example.com", "--port", "587", "--tls", "starttls", "--helo", "ci.example.com",
        "--from", "a@example.com", "--to", "b@example.com", "--to", "c@example.com", "--send",
        "--fail-on", "soft", "--timeout", "5", "--format", "json", "--report", "out.json", "--concurrency", "4",
      ]),
    ).toEqual({
      kind: "probe",
      target: {
        host: "smtp.example.com", port: "587", tls: "starttls", helo: "ci.example.com", from: "a@example.com",
        to: ["b@example.com", "c@example.com"], send: true, "fail-on": "soft", timeout: "5",
      },
      config: undefined,
      format: "json",
      report: "out.json",
      demo: false,
      concurrency: 4,
    });
  });

  it("--to is repeatable, in order", () => {
    expect(parseCommand(["--host", "h.example", "--to", "a@x.example", "--to", "b@x.example", "--to", "c@x.example"])).toMatchObject({
      target: { to: ["a@x.example", "b@x.example", "c@x.example"] },
    });
  });

  it("--step is repeatable and becomes steps, in order", () => {
    expect(parseCommand(["--host", "h.example", "--step", "EHLO {helo}", "--step", "XAUTH2 login", "--step", "RCPT TO:<x@y> => 550"])).toMatchObject({
      target: { steps: ["EHLO {helo}", "XAUTH2 login", "RCPT TO:<x@y> => 550"] },
    });
  });

  it("leaves unset keys out of the target", () => {
    const r = parseCommand(["--host", "h.example"]);
    expect(r).toMatchObject({ kind: "probe", format: "text", demo: false, concurrency: 16 });
    expect((r as { target: object }).target).toEqual({ host: "h.example" });
  });

  it("--config alone", () => {
    expect(parseCommand(["--config", "targets.yml"])).toMatchObject({ kind: "probe", config: "targets.yml", target: {} });
  });

  it("--demo alone", () => {
    expect(parseCommand(["--demo"])).toMatchObject({ kind: "probe", demo: true });
  });

  it("--help and --version", () => {
    expect(parseCommand(["--help"])).toEqual({ kind: "help" });
    expect(parseCommand(["-h"])).toEqual({ kind: "help" });
    expect(parseCommand(["--version"])).toEqual({ kind: "version" });
  });
});

describe("parseCommand: usage errors", () => {
  const cases: [string, string[], RegExp][] = [
    ["unknown option", ["--host", "h.example", "--bogus"], /bogus/],
    ["unknown option with value", ["--hots", "h.example"], /hots/],
    ["positional argument", ["--host", "h.example", "stray"], /stray/],
    ["missing option value", ["--host"], /host/],
    ["--config with --host", ["--config", "f.yml", "--host", "h.example"], /either --host .* or --config/],
    ["nothing to probe", [], /nothing to probe/],
    ["nothing to probe with options", ["--tls", "none", "--format", "json"], /nothing to probe/],
    ["--concurrency 0", ["--host", "h.example", "--concurrency", "0"], /--concurrency/],
    ["--concurrency -1", ["--host", "h.example", "--concurrency", "-1"], /--concurrency/],
    ["--concurrency 1.5", ["--host", "h.example", "--concurrency", "1.5"], /--concurrency/],
    ["--concurrency abc", ["--host", "h.example", "--concurrency", "abc"], /--concurrency/],
    ["--concurrency 1025", ["--host", "h.example", "--concurrency", "1025"], /--concurrency/],
    ["--format xml", ["--host", "h.example", "--format", "xml"], /--format must be one of/],
  ];
  it.each(cases)("%s", (_, argv, re) => {
    expect(usage(argv)).toMatch(re);
  });

  it("--concurrency bounds 1 and 1024 are accepted", () => {
    expect(parseCommand(["--host", "h.example", "--concurrency", "1"])).toMatchObject({ concurrency: 1 });
    expect(parseCommand(["--host", "h.example", "--concurrency", "1024"])).toMatchObject({ concurrency: 1024 });
  });
});

describe("cliLabel", () => {
  const cases: [string, string][] = [
    ["username", "--user"],
    ["steps", "--step"],
    ["host", "--host"],
    ["password-env", "--password-env"],
  ];
  it.each(cases)("%s → %s", (k, want) => {
    expect(cliLabel(k)).toBe(want);
  });
});

describe("parseCommand: node:util parseArgs for every subcommand", () => {
  it("an unknown option gets a did-you-mean", () => {
    expect(usage(["--hots", "h.example"])).toBe("Unknown option '--hots' (did you mean --host?)");
    expect(usage(["merge", "--fromat", "json", "a.json"])).toMatch(/did you mean --format\?/);
    expect(usage(["--host", "h.example", "--zzzzzzzz"])).toBe("Unknown option '--zzzzzzzz'");
  });
  it("a forgotten value does not swallow the next option", () => {
    expect(usage(["--host", "--port", "25"])).toMatch(/--host=-XYZ/);
  });
  it("demo-mta takes only --port", () => {
    expect(parseCommand(["demo-mta"])).toEqual({ kind: "demo-mta", port: 0 });
    expect(parseCommand(["demo-mta", "--port", "2525"])).toEqual({ kind: "demo-mta", port: 2525 });
    expect(parseCommand(["demo-mta", "--port=2525"])).toEqual({ kind: "demo-mta", port: 2525 });
    for (const argv of [["demo-mta", "--port"], ["demo-mta", "--port", "70000"], ["demo-mta", "--bogus"], ["demo-mta", "stray"]]) {
      expect(usage(argv)).toBe("demo-mta takes only --port N (0 to 65535)");
    }
  });
  it("every option of the table maps to its target key", () => {
    expect(parseCommand(["--host", "h.example", "--user", "u", "--expect-extension", "SIZE", "--every-address"])).toMatchObject({
      target: { host: "h.example", username: "u", "expect-extensions": ["SIZE"], "every-address": true },
    });
  });
  it("the help text lists every option", async () => {
    const { OPTIONS } = await import("../../src/cli/options.js");
    const { HELP } = await import("../../src/cli/args.js");
    for (const o of OPTIONS) expect(HELP).toContain(`--${o.name}`);
  });
});

describe("parseCommand: transport security (contract §9)", () => {
  it("--no-mta-sts sets mta-sts to false; --tls-audit and --domain go to their keys", () => {
    const r = parseCommand(["--host", "mx1.example.com", "--domain", "example.com", "--no-mta-sts", "--tls-audit"]);
    expect(r).toMatchObject({ kind: "probe", target: { host: "mx1.example.com", domain: "example.com", "mta-sts": false, "tls-audit": true } });
  });
  it("without --no-mta-sts the key is absent (on by default)", () => {
    const r = parseCommand(["--mx", "example.com"]);
    expect(r).toMatchObject({ kind: "probe" });
    expect((r as { target: Record<string, unknown> }).target).not.toHaveProperty("mta-sts");
  });
});
