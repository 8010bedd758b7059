import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// TODO(shared): @pl/templating is written in parallel; until its source exists, tests use a stand-in
// that follows the agreed contract. This switches itself off when the package lands.
const templatingLanded = existsSync(fileURLToPath(new URL("../templating/src/index.ts", import.meta.url)))

export default defineConfig({
  resolve: {
    conditions: ["@pl/source"],
    alias: templatingLanded
      ? {}
      : {
          "@pl/templating": fileURLToPath(new URL("./test/support/templating-stand-in.ts", import.meta.url)),
        },
  },
  ssr: { resolve: { conditions: ["@pl/source"], externalConditions: ["@pl/source"] } },
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 30_000 },
})
