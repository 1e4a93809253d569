import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Socket tests bind loopback ports; forks keep them isolated per file.
    pool: "forks",
    globalSetup: ["test/support/temp-root.ts"],
  },
});
