import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@pl/source"] },
  test: { include: ["src/**/*.test.ts"] },
})
