// The vitest config every package uses: workspace packages resolve to their sources through the
// `@pl/source` export condition, so tests never run against a stale (or missing) `dist/`. Vitest runs
// tests in Vite's server environment, which has its own conditions: both are extended, not replaced.
// Plain JavaScript: Vite loads config files (and what they import from the workspace) with Node itself.
// Vite's `module` condition is left out on the server side: packages such as the AWS SDK point it at
// builds with extensionless imports that Node cannot load, and tests load dependencies with Node.
import { defaultClientConditions, defaultServerConditions } from "vite"
import { defineConfig } from "vitest/config"

export const SOURCE_CONDITION = "@pl/source"

/**
 * @param {import("vitest/config").ViteUserConfig["test"]} [test] options merged over the defaults
 * @param {import("vitest/config").ViteUserConfig["resolve"]} [resolve] e.g. aliases
 */
export function packageTestConfig(test = {}, resolve = {}) {
  return defineConfig({
    resolve: { ...resolve, conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
    ssr: {
      resolve: {
        conditions: [SOURCE_CONDITION, ...defaultServerConditions.filter((c) => c !== "module")],
        externalConditions: [SOURCE_CONDITION, "node"],
      },
    },
    // 10,000-case property tests share 2 cores with other packages' suites in CI: a generous timeout.
    test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 120_000, ...test },
  })
}
