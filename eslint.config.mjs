// ESLint for the site's hand-written JavaScript (`make lint`). Each file's parse target is the
// oldest engine that must parse it, so the browser floors below are checked, not just commented.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    // Only the hand-written JavaScript: never the built site, caches, installed packages or
    // test output (the same directories .gitignore names), wherever a build or test put them.
    ignores: [
      "**/site/**",
      "**/node_modules/**",
      "**/.cache/**",
      "**/.venv/**",
      "**/build/**",
      "**/test-results/**",
      "**/screenshots/**",
      "**/.hypothesis/**",
      "**/.pytest_cache/**",
    ],
  },
  js.configs.recommended,
  {
    // ES2017 has no optional catch binding, so `catch (e)` with an unused `e` is required there.
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
  {
    // Widget and kit: ES modules that old browsers (Chrome 61+, Safari 11+) must still parse, so
    // that they can run the feature checks and show the fallback message (widget.js header).
    files: ["docs/**/*.js"],
    ignores: ["docs/assets/calculator/worker.js", "docs/assets/calculator/legacy.js"],
    languageOptions: {
      ecmaVersion: 2017,
      sourceType: "module",
      // BigInt is newer than the parse target; widget.js only touches it after `typeof` checks it.
      globals: { ...globals.browser, BigInt: "readonly" },
    },
  },
  {
    // The module worker needs class static blocks (ES2022) on purpose: an engine that cannot
    // parse it cannot run the pinned Pyodide either, and the page keeps its static result.
    files: ["docs/assets/calculator/worker.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.worker },
    },
  },
  {
    // The nomodule script for browsers without ES modules: ES5, a classic script.
    files: ["docs/assets/calculator/legacy.js"],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: "script",
      globals: { ...globals.browser },
    },
  },
  {
    // Node scripts (Node 20): the build's brotli encoder and Pyodide driver (macros/), the runner
    // of the calculator tests inside Pyodide (tests/test_pyodide_suite.py), this file.
    files: ["**/*.mjs"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.node },
    },
  },
];
