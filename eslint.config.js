import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Errors the peer can cause are values; a floating promise hides one.
      "no-restricted-imports": ["error", { patterns: [{ group: ["@actions/*"], message: "Only src/action and src/github may use @actions/*." }] }],
    },
  },
  {
    files: ["src/action/**", "src/github/**"],
    rules: { "no-restricted-imports": "off" },
  },
);
