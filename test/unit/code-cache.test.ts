// The code-cache file format (src/cli/code-cache.ts): run shapes and the header, pure.
import { describe, expect, it } from "vitest";
import { HEADER_BYTES, codeCacheFile, formatHeader, parseHeader, runShape } from "../../src/cli/code-cache.js";

const DIGEST = "ab".repeat(32);

describe("runShape", () => {
  it("is the subcommand and the sorted option names, without values", () => {
    expect(runShape(["--host", "mx.example.com", "--to", "a@example.com", "--to", "b@example.com", "--send"])).toBe("probe --host --send --to");
    expect(runShape(["explain", "550", "5.1.1"])).toBe("explain");
    expect(runShape(["merge", "a.json", "--format", "json"])).toBe("merge --format=json");
    expect(runShape(["--version"])).toBe("probe --version");
    expect(runShape([])).toBe("probe");
  });

  it("keeps the value of an option that picks a code path, when it is one of that option's values", () => {
    expect(runShape(["--host", "h", "--tls=none", "--format", "json", "--auth", "CRAM-MD5"])).toBe("probe --auth=CRAM-MD5 --format=json --host --tls=none");
    expect(runShape(["--host", "h", "--tls", "starttls"])).not.toBe(runShape(["--host", "h", "--tls", "implicit"]));
    expect(runShape(["--host", "h", "--tls", "whatever", "--auth=s3cret"])).toBe("probe --auth --host --tls");
  });

  it("records only the CLI's own option names: nothing else from the command line reaches the file", () => {
    expect(runShape(["--x\nsha256:forged", "--Host", "-", "--", "--hunter2-is-my-password", "--user", "bob", "-h"])).toBe("probe --user -h");
  });
});

describe("the header", () => {
  const SECTIONS = [{ name: "cli.js", bytes: 3 }, { name: "815.cli.js", bytes: 2 }];
  const withSections = (head: Buffer, bytes = 5) => Buffer.concat([head, Buffer.alloc(bytes, 1)]);

  it("round-trips, padded to its fixed size", () => {
    const head = formatHeader({ digest: DIGEST, sections: SECTIONS, shapes: ["probe --version", "explain"] });
    expect(head?.length).toBe(HEADER_BYTES);
    expect(parseHeader(withSections(head as Buffer), DIGEST)).toEqual({ digest: DIGEST, sections: SECTIONS, shapes: ["probe --version", "explain"] });
  });

  it("belongs to one build: another digest, another format or a bare header is not this cache", () => {
    const head = formatHeader({ digest: DIGEST, sections: SECTIONS, shapes: [] }) as Buffer;
    expect(parseHeader(withSections(head), DIGEST)).toEqual({ digest: DIGEST, sections: SECTIONS, shapes: [] });
    expect(parseHeader(withSections(head), "cd".repeat(32))).toBeNull();
    expect(parseHeader(head, DIGEST)).toBeNull();
    expect(parseHeader(withSections(Buffer.from("something else\n".padEnd(HEADER_BYTES))), DIGEST)).toBeNull();
    // The first format, with no sections line.
    expect(parseHeader(withSections(Buffer.from(`smtp-gate code cache 1\nsha256:${DIGEST}\nexplain\n`.padEnd(HEADER_BYTES))), DIGEST)).toBeNull();
  });

  it("refuses sections that do not add up to the data, repeat a name, or name something other than a file of the CLI", () => {
    const head = formatHeader({ digest: DIGEST, sections: SECTIONS, shapes: [] }) as Buffer;
    expect(parseHeader(withSections(head, 4), DIGEST)).toBeNull();
    expect(parseHeader(withSections(head, 6), DIGEST)).toBeNull();
    const raw = (sections: string) => withSections(Buffer.from(`smtp-gate code cache 2\nsha256:${DIGEST}\nsections ${sections}\n`.padEnd(HEADER_BYTES)));
    expect(parseHeader(raw("cli.js:3 815.cli.js:2"), DIGEST)).not.toBeNull();
    for (const bad of ["cli.js:3 cli.js:2", "../cli.js:3 815.cli.js:2", "cli.js:3 /etc/passwd:2", "cli.js:05", "cli.js:-5", "cli.js:5:", "cli.js", ""]) {
      expect(parseHeader(raw(bad), DIGEST), bad).toBeNull();
    }
    expect(formatHeader({ digest: DIGEST, sections: [{ name: "../x.js", bytes: 1 }], shapes: [] })).toBeNull();
  });

  it("is null when the shapes would not fit (the cache then stays as it is)", () => {
    const many = Array.from({ length: 40 }, (_, i) => `probe --host --port --tls --to --from --helo --n${i}`);
    expect(formatHeader({ digest: DIGEST, sections: SECTIONS, shapes: many })).toBeNull();
  });
});

describe("codeCacheFile", () => {
  const home = () => "/home/u";
  it("is per Node version and architecture, under XDG_CACHE_HOME or ~/.cache", () => {
    expect(codeCacheFile({}, home)).toBe(`/home/u/.cache/smtp-gate/cli-${process.version}-${process.arch}.v8cache`);
    expect(codeCacheFile({ XDG_CACHE_HOME: "/x" }, home)).toBe(`/x/smtp-gate/cli-${process.version}-${process.arch}.v8cache`);
    // A relative XDG_CACHE_HOME is invalid (XDG Base Directory spec): the default is used.
    expect(codeCacheFile({ XDG_CACHE_HOME: "rel/cache" }, home)).toBe(`/home/u/.cache/smtp-gate/cli-${process.version}-${process.arch}.v8cache`);
  });
  it("is off with NODE_DISABLE_COMPILE_CACHE", () => {
    expect(codeCacheFile({ NODE_DISABLE_COMPILE_CACHE: "1" }, home)).toBeNull();
  });
});
