/** The example workflows: least privilege, pinned third-party actions, no pull_request_target. */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

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

  it("pins every third-party action by full commit SHA", () => {
    for (const job of Object.values(wf.jobs)) {
      for (const s of job.steps) {
        if (!s.uses || s.uses.startsWith("smtp-gate/smtp-gate@")) continue;
        expect(s.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      }
    }
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
