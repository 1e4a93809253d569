/** The real `@actions/github` client (with retry and throttling) against the loopback stand-in. */
import { afterEach, describe, expect, it } from "vitest";
import { createGitHubApi, httpStatus } from "../../src/github/client.js";
import { BOT, startFakeGitHub, type FakeGitHub } from "./fake-github.js";

let gh: FakeGitHub | null = null;
afterEach(async () => {
  await gh?.close();
  gh = null;
});

const api = (fake: FakeGitHub) => createGitHubApi({ token: "t0ken", repo: { owner: "o", repo: "r" }, baseUrl: fake.url });

describe("createGitHubApi", () => {
  it("pages through comments until the visitor stops", async () => {
    gh = await startFakeGitHub();
    for (let i = 0; i < 250; i++) gh.addComment(3, `c${i}`);
    const seen: string[] = [];
    await (await api(gh)).scanComments(3, (c) => (seen.push(c.body), c.body === "c120"));
    expect(seen).toHaveLength(121);
    expect(gh.requests.map((r) => r.path)).toEqual(["/repos/o/r/issues/3/comments?per_page=100", "/repos/o/r/issues/3/comments?per_page=100&page=2"]);
  });

  it("reads no login for GITHUB_TOKEN (403 on /user) and the login for a PAT", async () => {
    gh = await startFakeGitHub();
    expect(await (await api(gh)).viewerLogin()).toBeNull();
    gh.options.viewer = "octocat";
    expect(await (await api(gh)).viewerLogin()).toBe("octocat");
  });

  it("fails a read-only write once, fast, with the status", async () => {
    gh = await startFakeGitHub({ readOnly: true });
    const err = await (await api(gh)).createComment(1, "x").catch((e: unknown) => e);
    expect(httpStatus(err)).toBe(403);
    // Fast because it is tried once: the request count says so on any machine, a clock would not.
    expect(gh.requests).toHaveLength(1);
  });

  it("lists open labelled issues without pull requests", async () => {
    gh = await startFakeGitHub();
    gh.issues.push(
      { number: 1, title: "a", body: "x", state: "open", state_reason: null, labels: ["smtp-gate-canary"], user: BOT },
      { number: 2, title: "b", body: "y", state: "open", state_reason: null, labels: ["smtp-gate-canary"], user: BOT, pull_request: true },
      { number: 3, title: "c", body: "z", state: "closed", state_reason: null, labels: ["smtp-gate-canary"], user: BOT },
    );
    expect((await (await api(gh)).openIssuesWithLabel("smtp-gate-canary")).map((i) => i.number)).toEqual([1]);
    expect(gh.requests[0]?.path).toBe("/repos/o/r/issues?labels=smtp-gate-canary&state=open&per_page=100");
  });
});
