// Writes the blueprint's JSON Schema next to the build, as the file `@pl/blueprint/schema.json`.
import { mkdirSync, writeFileSync } from "node:fs"
import { blueprintJsonSchema } from "../src/json-schema.js"

const dir = new URL("../schema/", import.meta.url)
mkdirSync(dir, { recursive: true })
writeFileSync(new URL("blueprint.schema.json", dir), `${JSON.stringify(blueprintJsonSchema(), null, 2)}\n`)
