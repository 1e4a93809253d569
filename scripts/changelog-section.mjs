// Prints one version's section of CHANGELOG.md (Keep a Changelog): `node scripts/changelog-section.mjs 0.2.0`.
// The release workflow's notes. Exit 1 when the version has no section or it is empty: a release
// without notes is a mistake, not a default.
import { readFileSync } from "node:fs";
import process from "node:process";
import { pathToFileURL } from "node:url";

/**
 * @param {string} changelog
 * @param {string} version
 * @returns {string | null} the section's body, trimmed, or null
 */
export function changelogSection(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const heading = (l) => /^## \[/.test(l);
  const start = lines.findIndex((l) => heading(l) && l.startsWith(`## [${version}]`));
  if (start === -1) return null;
  const end = lines.findIndex((l, i) => i > start && heading(l));
  const body = lines.slice(start + 1, end === -1 ? undefined : end).join("\n").trim();
  return body || null;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const version = process.argv[2];
  if (!version) {
    process.stderr.write("usage: node scripts/changelog-section.mjs VERSION\n");
    process.exit(2);
  }
  const section = changelogSection(readFileSync(new URL("../CHANGELOG.md", import.meta.url), "utf8"), version);
  if (section === null) {
    process.stderr.write(`CHANGELOG.md has no "## [${version}]" section with entries: write it before tagging\n`);
    process.exit(1);
  }
  process.stdout.write(`${section}\n`);
}
