import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@pl/source"] },
  ssr: { resolve: { conditions: ["@pl/source"], externalConditions: ["@pl/source"] } },
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 30_000 },
})
