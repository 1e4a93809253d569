// The report's field table round-trips every field: what json.ts writes, read-report.ts reads back.
// The arbitraries are typed `Required<…>`, so a field added to the model that they do not fill does not compile.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.js";
import { Path, Reader } from "../../src/model/fields.js";
import { reportFields } from "../../src/model/report-fields.js";
import { renderJson } from "../../src/report/json.js";
import { parseReportJson } from "../../src/report/read-report.js";
import { fullReport } from "../support/report-arbitrary.js";

const report = fullReport();

describe("the report's field table", () => {
  it("reads back every field it wrote, optional ones filled", () => {
    fc.assert(fc.property(report, (r) => {
      const read = parseReportJson(renderJson(r)) as Report;
      // Verdicts are recomputed from the targets (a file's are not trusted); every other field is as written.
      expect(read).toEqual({ ...r, verdict: read.verdict, targets: r.targets.map((t, i) => ({ ...t, verdict: read.targets[i]?.verdict })) });
    }), { numRuns: 200 });
  });

  it("writes the same JSON again from what it read (the table alone, verdicts as given)", () => {
    fc.assert(fc.property(report, (r) => {
      const once = renderJson(r);
      const reader = new Reader();
      const read = reportFields.read(JSON.parse(once), new Path(null, ""), reader);
      expect(reader.problem).toBeNull();
      expect(renderJson(read)).toBe(once);
    }), { numRuns: 50 });
  });

  it("recomputes the verdicts: a report that says pass with a failing target fails", () => {
    const json = JSON.stringify({ schema: "smtp-gate/report@1", verdict: "pass", targets: [
      { name: "a", verdict: "pass", steps: [{ command: null, reply: { code: 554, lines: [] }, verdict: "fail" }] },
      { name: "b", verdict: "pass", error: { kind: "timeout", message: "m", step: null } },
    ] });
    expect(parseReportJson(json)).toMatchObject({ verdict: "fail", targets: [{ verdict: "fail" }, { verdict: "warn" }] });
  });

  it("reads the error kind the SOCKS5 tunnel writes", () => {
    const json = JSON.stringify({ schema: "smtp-gate/report@1", targets: [{ name: "a", error: { kind: "proxy", message: "SOCKS5 refused", step: null } }] });
    expect(parseReportJson(json)).toMatchObject({ targets: [{ error: { kind: "proxy" } }] });
  });

  it("names a string longer than a report can hold", () => {
    const json = JSON.stringify({ schema: "smtp-gate/report@1", targets: [{ name: "a".repeat(20_000) }] });
    expect(parseReportJson(json)).toMatchObject({ problem: { field: "targets[0].name", message: "must be a string of at most 16384 characters" } });
  });
});
