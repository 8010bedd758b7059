/**
 * The official OpenAI OpenAPI document (`../shared/specs/openai/openapi.yaml`) as a request validator.
 *
 * TODO(shared): `openApiValidator` (@pl/devtools/openapi) compiles with `allErrors: true`, which makes Ajv
 * try every branch of the Responses `InputItem` union: about 1.2 ms a request, too slow for 10,000
 * property cases. Until it checks with an `allErrors: false` validator first (and collects every error only
 * for an invalid value), this file does that check itself, with the same adjustments of the document
 * (`adjust` below is devtools' own, copied), and asks devtools for the full errors only on failure.
 */
import { readFileSync } from "node:fs"
import { specsDir } from "@pl/devtools/fixtures"
import { openApiValidator } from "@pl/devtools/openapi"
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js"
import { parse } from "yaml"

const SPEC = `${specsDir}/openai/openapi.yaml`

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** 3.0-style `nullable` as a union with null, `oneOf` as `anyOf`, no `discriminator` (shared/README.md). */
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

let ajv: Ajv2020 | undefined
const checks = new Map<string, ValidateFunction>()

function passes(name: string, value: unknown): boolean {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true })
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
    ])
      ajv.addFormat(format, true)
    ajv.addSchema({ ...(adjust(parse(readFileSync(SPEC, "utf8")) as Json) as object), $id: "spec" })
  }
  let check = checks.get(name)
  if (!check) {
    check = ajv.compile({ $ref: `spec#/components/schemas/${name}` })
    checks.set(name, check)
  }
  return check(value)
}

function errors(name: string, value: unknown): string[] {
  return passes(name, value) ? [] : openApiValidator(SPEC).errors(name, value)
}

/** Spec errors of a Chat Completions request (`[]` when valid). */
export function chatSpecErrors(request: unknown): string[] {
  return errors("CreateChatCompletionRequest", request)
}

/**
 * Spec errors of a Responses API request (`[]` when valid). `input` is a wide union whose errors list
 * every branch, so a failing request is reported item by item.
 */
export function responsesSpecErrors(request: unknown): string[] {
  const all = errors("CreateResponse", withSpecDefectsPatched(request))
  if (all.length === 0) return all
  const input = (request as { input?: unknown }).input
  if (!Array.isArray(input)) return all
  const items = input.flatMap((item, i) => {
    const itemErrors = errors("InputItem", patchItem(item))
    return itemErrors.length === 0
      ? []
      : [`input[${i}] ${JSON.stringify(item).slice(0, 200)}: ${itemErrors.slice(0, 6).join("; ")}`]
  })
  return items.length > 0 ? items : all
}

/**
 * The document's `MCPApprovalResponse` (openapi.yaml line 43264) lists `request_id` as required, a property
 * it does not define (the field is `approval_request_id`, which it also requires; the SDK's type has no
 * `request_id`). Every valid approval response fails that line, so the validator sees a copy of the field.
 */
function withSpecDefectsPatched(request: unknown): unknown {
  const input = (request as { input?: unknown }).input
  return Array.isArray(input) ? { ...(request as object), input: input.map(patchItem) } : request
}

function patchItem(item: unknown): unknown {
  const approval = item as { type?: unknown; approval_request_id?: unknown }
  return approval.type === "mcp_approval_response"
    ? { ...approval, request_id: approval.approval_request_id }
    : item
}
