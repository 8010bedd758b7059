import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: {
    conditions: ["@pl/source"],
    // The client loads @pl/tracing by name for `enableTracing` (an optional peer it cannot declare as a
    // dependency, since this package depends on it): point that name at this package's Node entry.
    alias: [
      { find: /^@pl\/tracing$/, replacement: fileURLToPath(new URL("./src/node.ts", import.meta.url)) },
    ],
  },
  ssr: { resolve: { conditions: ["@pl/source"], externalConditions: ["@pl/source"] } },
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 30_000 },
})
