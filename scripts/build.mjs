// Builds the two committed bundles with ncc: the action (dist/index.js) and the CLI
// (dist/cli/index.js). Both are single files so a probe starts without resolving node_modules.
import { execFileSync } from "node:child_process";
import { rmSync, readFileSync, writeFileSync, chmodSync, existsSync } from "node:fs";

const ncc = "node_modules/.bin/ncc";
const bundles = [
  { entry: "src/action/index.ts", out: "dist" },
  { entry: "src/cli/index.ts", out: "dist/cli", shebang: true },
];
rmSync("dist", { recursive: true, force: true });
for (const b of bundles) {
  if (!existsSync(b.entry)) continue;
  const outDir = b.out === "dist" ? "dist/.action" : b.out;
  execFileSync(ncc, ["build", b.entry, "-o", outDir, "--target", "es2022", "--no-source-map-register", "-q"], { stdio: "inherit" });
  if (b.out === "dist") {
    // ncc wipes its output folder; build the action beside the CLI, then move it up.
    execFileSync("sh", ["-c", `mv ${outDir}/* dist/ && rmdir ${outDir}`]);
  }
  if (b.shebang) {
    const file = `${b.out}/index.js`;
    const code = readFileSync(file, "utf8");
    if (!code.startsWith("#!")) writeFileSync(file, `#!/usr/bin/env node\n${code}`);
    chmodSync(file, 0o755);
  }
}
