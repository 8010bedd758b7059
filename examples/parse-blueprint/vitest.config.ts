import { packageTestConfig } from "@pl/devtools/vitest"

export default packageTestConfig({ include: ["src/**/*.test.ts"] })
