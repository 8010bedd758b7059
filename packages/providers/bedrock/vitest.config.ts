import { defineConfig } from "vitest/config"

// Workspace packages resolve to their sources through the `@pl/source` condition, in the server (SSR)
// environment the tests run in too, like @pl/devtools/vitest's `packageTestConfig`. Unlike it, the server
// conditions leave out Vite's default `module`: the AWS SDK's packages map `module` to ES modules with
// extensionless imports, which Node cannot load.
export default defineConfig({
  resolve: { conditions: ["@pl/source"] },
  ssr: { resolve: { conditions: ["@pl/source", "node"], externalConditions: ["@pl/source", "node"] } },
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 30_000 },
})
