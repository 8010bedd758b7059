/**
 * Validates request bodies against an official OpenAPI document (`../shared/specs`), with the
 * adjustments those documents need before Ajv compiles them (see shared/README.md):
 * 3.0-style `nullable: true` rewritten as a union with null, `oneOf` treated as `anyOf` (overlapping
 * branches), `discriminator` removed, the `unixtime` format registered; and one defect of the OpenAI
 * document: a schema that requires a property it never defines (`MCPApprovalResponse` requires
 * `request_id`, its field is `approval_request_id`) keeps only the required names it defines.
 */
import { readFileSync } from "node:fs"
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js"
import { parse } from "yaml"

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

function adjust(node: Json): Json {
  if (Array.isArray(node)) return node.map(adjust)
  if (node === null || typeof node !== "object") return node
  const out: { [key: string]: Json } = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === "discriminator" && value !== null && typeof value === "object" && !Array.isArray(value))
      continue
    if (key === "nullable") continue
    out[key === "oneOf" ? "anyOf" : key] = adjust(value)
  }
  if (Array.isArray(out.required) && out.properties && typeof out.properties === "object") {
    const defined = out.properties as { [key: string]: Json }
    out.required = out.required.filter((name) => typeof name === "string" && name in defined)
  }
  if (node.nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"]
    else if (
      out.$ref !== undefined ||
      out.anyOf !== undefined ||
      out.allOf !== undefined ||
      out.enum !== undefined
    ) {
      const { description, ...rest } = out
      return { ...(description === undefined ? {} : { description }), anyOf: [rest, { type: "null" }] }
    }
  }
  return out
}

export interface SpecValidator {
  /** Validates `value` against `components/schemas/<name>`; returns the Ajv errors, or `[]` when valid. */
  errors(name: string, value: unknown): string[]
}

const cache = new Map<string, SpecValidator>()

/** A validator for the schemas of one OpenAPI document (loaded once per process). */
export function openApiValidator(path: string): SpecValidator {
  const cached = cache.get(path)
  if (cached) return cached
  const document = adjust(parse(readFileSync(path, "utf8")) as Json) as { [key: string]: Json }
  // Two compilations of the same document: a fast check that stops at the first error (wide unions like
  // the Responses `InputItem` cost ~4x more with `allErrors`), and a thorough one that runs only to report.
  const fast = compiler(document, false)
  const thorough = compiler(document, true)
  const validator: SpecValidator = {
    errors(name, value) {
      if (fast(name)(value)) return []
      const validate = thorough(name)
      validate(value)
      return (validate.errors ?? []).map(
        (e) => `${e.instancePath || "(root)"} ${e.message ?? ""} ${JSON.stringify(e.params)}`,
      )
    },
  }
  cache.set(path, validator)
  return validator
}

function compiler(document: { [key: string]: Json }, allErrors: boolean): (name: string) => ValidateFunction {
  const ajv = new Ajv2020({ strict: false, allErrors, validateFormats: true })
  ajv.addFormat("unixtime", { type: "number", validate: (n: number) => Number.isInteger(n) })
  for (const format of [
    "uri",
    "binary",
    "int64",
    "int32",
    "double",
    "float",
    "date-time",
    "email",
    "uuid",
    "byte",
  ]) {
    ajv.addFormat(format, true)
  }
  ajv.addSchema({ ...document, $id: "spec" })
  const compiled = new Map<string, ValidateFunction>()
  return (name) => {
    let validate = compiled.get(name)
    if (!validate) {
      validate = ajv.compile({ $ref: `spec#/components/schemas/${name}` })
      compiled.set(name, validate)
    }
    return validate
  }
}
