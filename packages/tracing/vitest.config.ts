import { fileURLToPath } from "node:url"
import { packageTestConfig } from "@pl/devtools/vitest"

// The client loads @pl/tracing by name for `enableTracing` (an optional peer it cannot declare as a
// dependency, since this package depends on it): point that name at this package's Node entry.
export default packageTestConfig(
  {},
  {
    alias: [
      { find: /^@pl\/tracing$/, replacement: fileURLToPath(new URL("./src/node.ts", import.meta.url)) },
    ],
  },
)
