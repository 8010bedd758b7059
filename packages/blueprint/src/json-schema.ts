import * as z from "zod/mini"
import { promptBlueprintSchema } from "./blueprint.js"

/**
 * The blueprint as a JSON Schema (draft 2020-12), generated from the zod schemas, for tools outside
 * TypeScript. It describes what parsing accepts (optional fields may be `null`, unknown fields allowed).
 * The same document ships as `@pl/blueprint/schema.json`.
 *
 * @example
 * new Ajv2020().compile(blueprintJsonSchema())
 */
export function blueprintJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://github.com/pl-toolkit/pl/packages/blueprint/schema/blueprint.schema.json",
    title: "PromptBlueprint",
    ...z.toJSONSchema(promptBlueprintSchema, { io: "input", target: "draft-2020-12", reused: "ref" }),
  }
}
