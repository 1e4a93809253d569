/** The example workflows: least privilege, pinned third-party actions, no pull_request_target. */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { findSplicedExpressions, runScripts, workflowSources, yamlBlocks } from "../../scripts/lint-workflows.mjs";

const DIR = join(import.meta.dirname, "../../examples");
const files = readdirSync(DIR).filter((f) => f.endsWith(".yml"));

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; steps: { uses?: string }[] }>;
}

describe.each(files)("examples/%s", (file) => {
  const text = readFileSync(join(DIR, file), "utf8");
  const wf = parse(text) as Workflow;

  it("reads contents only at the top level and never runs on pull_request_target", () => {
    expect(wf.permissions).toEqual({ contents: "read" });
    expect(Object.keys(wf.on)).not.toContain("pull_request_target");
  });

  it("pins every action, this one included, by full commit SHA", () => {
    for (const job of Object.values(wf.jobs)) {
      for (const s of job.steps) if (s.uses) expect(s.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    }
  });

  it("names the version beside each SHA, and this action as OWNER/smtp-gate", () => {
    for (const line of text.split("\n").filter((l) => /^\s*(- )?uses: /.test(l))) {
      expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+/);
      if (/smtp-gate@/.test(line)) expect(line).toMatch(/uses: OWNER\/smtp-gate@/);
    }
  });
});

describe("README and docs pin this action as the examples do", () => {
  const ROOT = join(import.meta.dirname, "../..");
  const docs = ["README.md", ...readdirSync(join(ROOT, "docs")).map((f) => `docs/${f}`)];
  it.each(docs)("%s", (file) => {
    const uses = readFileSync(join(ROOT, file), "utf8").split("\n").filter((l) => /uses: [\w.-]+\/smtp-gate@/.test(l));
    for (const line of uses) expect(line, file).toMatch(/uses: OWNER\/smtp-gate@[0-9a-f]{40} # v\d+\.\d+\.\d+/);
  });
});

describe("the GitHub feature examples", () => {
  const load = (f: string) => parse(readFileSync(join(DIR, f), "utf8")) as Workflow;
  it("grant each job only the write it needs", () => {
    expect(load("canary.yml").jobs.canary?.permissions).toEqual({ issues: "write" });
    expect(load("pr-comment.yml").jobs.probe?.permissions).toEqual({ contents: "read", "pull-requests": "write" });
    expect(load("pr-probe.yml").jobs.probe?.permissions).toBeUndefined();
    expect(load("pr-comment-workflow-run.yml").jobs.comment?.permissions).toEqual({ actions: "read", "pull-requests": "write" });
    expect(Object.keys(load("canary.yml").on)).toEqual(["schedule", "workflow_dispatch"]);
  });
});

describe("no expression inside a run: script (scripts/lint-workflows.mjs)", () => {
  const ROOT = join(import.meta.dirname, "../..");
  const workflow = (steps: string) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - id: x\n        uses: ./\n${steps}`;

  it("finds a step output spliced into a script, on its line, in a one-line or a block script", () => {
    expect(findSplicedExpressions(workflow(`      - run: echo "\${{ steps.x.outputs.summary }}"\n`), "w.yml")).toEqual([
      { file: "w.yml", line: 8, message: expect.stringContaining("${{ steps.x.outputs.summary }}") },
    ]);
    const block = workflow(`      - run: |\n          echo ok\n          test "\${{ steps.x.outcome }}" = failure && echo \${{ github.event.pull_request.number }}\n`);
    expect(findSplicedExpressions(block, "w.yml").map((f) => f.line)).toEqual([10, 10]);
  });

  it("accepts the same values passed through env: and quoted, and expressions in with:", () => {
    const text = workflow(`      - uses: ./\n        with:\n          port: \${{ steps.x.outputs.port }}\n      - env:\n          SUMMARY: \${{ steps.x.outputs.summary }}\n        run: echo "$SUMMARY"\n`);
    expect(runScripts(text, "w.yml").scripts.map((s) => s.script)).toEqual(['echo "$SUMMARY"']);
    expect(findSplicedExpressions(text, "w.yml")).toEqual([]);
  });

  it("reads a README block (a list of steps) at its lines in the file", () => {
    const [block] = yamlBlocks('# t\n\n```yaml\n- id: gate\n  uses: ./\n- run: echo "${{ steps.gate.outputs.summary }}"\n```\n');
    expect(block?.firstLine).toBe(4);
    expect(findSplicedExpressions(block!.text, "README.md", block!.firstLine).map((f) => f.line)).toEqual([6]);
  });

  it("passes the repository's workflows, examples and README", () => {
    const sources = workflowSources(ROOT);
    expect(sources.map((s) => s.file)).toEqual(expect.arrayContaining([".github/workflows/ci.yml", "examples/matrix.yml", "README.md"]));
    for (const s of sources) expect(findSplicedExpressions(s.text, s.file, s.firstLine), s.file).toEqual([]);
    const readme = sources.filter((s) => s.file === "README.md").flatMap((s) => runScripts(s.text, s.file).scripts);
    expect(readme.length).toBeGreaterThan(0); // the README's step example was read, not skipped
  });
});
