import { packageTestConfig } from "@pl/devtools/vitest"

export default packageTestConfig()
