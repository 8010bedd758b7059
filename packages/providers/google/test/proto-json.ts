/**
 * A strict check of a JSON body against the Gemini API's v1beta protos (`../shared/specs/google`), read
 * with the proto3 JSON mapping: every key is a field of its message (by its JSON name, lowerCamelCase or an
 * explicit `json_name`, or by its proto name), repeated fields are arrays, maps are objects, enum values
 * are names (or numbers) of the enum, at most one field of a `oneof` is set, scalars have their JSON type
 * (64-bit integers may be strings, bytes are base64), and `google.protobuf.Struct`/`Value`/`ListValue`
 * take any JSON of their kind.
 */
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { specsDir } from "@pl/devtools/fixtures"
import protobuf from "protobufjs"

const require = createRequire(import.meta.url)
// google/api/*.proto import descriptor.proto, which protobufjs ships pre-parsed but does not register.
protobuf.common(
  "google/protobuf/descriptor.proto",
  JSON.parse(readFileSync(require.resolve("protobufjs/google/protobuf/descriptor.json"), "utf8")),
)

const PACKAGE = "google.ai.generativelanguage.v1beta"

function loadRoot(): protobuf.Root {
  const root = new protobuf.Root()
  root.resolvePath = (_origin, target) => `${specsDir}/google/${target}`
  root.loadSync("google/ai/generativelanguage/v1beta/generative_service.proto", { keepCase: true })
  root.resolveAll()
  return root
}

let cached: protobuf.Root | undefined
const root = () => (cached ??= loadRoot())

const camelCase = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())

/** The problems of `body` as a `google.ai.generativelanguage.v1beta.<message>` (none: `[]`). */
export function protoErrors(message: string, body: unknown): string[] {
  const errors: string[] = []
  checkMessage(root().lookupType(`${PACKAGE}.${message}`), body, "$", errors)
  return errors
}

const fieldsByJsonKey = new WeakMap<protobuf.Type, Map<string, protobuf.Field>>()

function jsonKeys(type: protobuf.Type): Map<string, protobuf.Field> {
  let keys = fieldsByJsonKey.get(type)
  if (!keys) {
    keys = new Map()
    for (const field of type.fieldsArray) {
      const jsonName = (field.options?.json_name as string | undefined) ?? camelCase(field.name)
      keys.set(field.name, field)
      keys.set(jsonName, field)
    }
    fieldsByJsonKey.set(type, keys)
  }
  return keys
}

function checkMessage(type: protobuf.Type, value: unknown, path: string, errors: string[]) {
  switch (type.fullName) {
    case ".google.protobuf.Value":
      return
    case ".google.protobuf.Struct":
      if (!isObject(value)) errors.push(`${path}: a Struct must be a JSON object`)
      return
    case ".google.protobuf.ListValue":
      if (!Array.isArray(value)) errors.push(`${path}: a ListValue must be a JSON array`)
      return
    case ".google.protobuf.Duration":
      if (typeof value !== "string" || !/^-?\d+(\.\d{1,9})?s$/.test(value))
        errors.push(`${path}: not a Duration`)
      return
    case ".google.protobuf.Timestamp":
      if (typeof value !== "string" || Number.isNaN(Date.parse(value)))
        errors.push(`${path}: not a Timestamp`)
      return
  }
  if (!isObject(value)) {
    errors.push(`${path}: ${type.name} must be a JSON object`)
    return
  }
  const keys = jsonKeys(type)
  const set = new Set<protobuf.Field>()
  for (const [key, item] of Object.entries(value)) {
    const field = keys.get(key)
    if (!field) {
      errors.push(`${path}.${key}: ${type.name} has no field ${key}`)
      continue
    }
    if (set.has(field)) errors.push(`${path}.${key}: ${field.name} is given twice`)
    set.add(field)
    checkField(field, item, `${path}.${key}`, errors)
  }
  for (const oneof of type.oneofsArray) {
    const given = oneof.fieldsArray.filter((f) => set.has(f))
    if (given.length > 1)
      errors.push(`${path}: only one of ${oneof.name} may be set, got ${given.map((f) => f.name).join(", ")}`)
  }
}

function checkField(field: protobuf.Field, value: unknown, path: string, errors: string[]) {
  if (field.map) {
    if (!isObject(value)) errors.push(`${path}: a map must be a JSON object`)
    else for (const [key, item] of Object.entries(value)) checkValue(field, item, `${path}.${key}`, errors)
  } else if (field.repeated) {
    if (!Array.isArray(value)) errors.push(`${path}: a repeated field must be a JSON array`)
    else for (const [i, item] of value.entries()) checkValue(field, item, `${path}[${i}]`, errors)
  } else checkValue(field, value, path, errors)
}

const INTEGER_32 = new Set(["int32", "uint32", "sint32", "fixed32", "sfixed32"])
const INTEGER_64 = new Set(["int64", "uint64", "sint64", "fixed64", "sfixed64"])

function checkValue(field: protobuf.Field, value: unknown, path: string, errors: string[]) {
  const resolved = field.resolvedType
  if (resolved instanceof protobuf.Type) return checkMessage(resolved, value, path, errors)
  if (resolved instanceof protobuf.Enum) {
    const ok =
      (typeof value === "string" && Object.hasOwn(resolved.values, value)) ||
      (typeof value === "number" && Object.values(resolved.values).includes(value))
    if (!ok) errors.push(`${path}: ${JSON.stringify(value)} is not a value of ${resolved.name}`)
    return
  }
  const type = field.type
  const ok =
    type === "string"
      ? typeof value === "string"
      : type === "bool"
        ? typeof value === "boolean"
        : type === "bytes"
          ? typeof value === "string" && /^[A-Za-z0-9+/_-]*={0,2}$/.test(value)
          : type === "double" || type === "float"
            ? typeof value === "number" || value === "NaN" || value === "Infinity" || value === "-Infinity"
            : INTEGER_32.has(type)
              ? Number.isInteger(value) || (typeof value === "string" && /^-?\d+$/.test(value))
              : INTEGER_64.has(type)
                ? Number.isInteger(value) || (typeof value === "string" && /^-?\d+$/.test(value))
                : false
  if (!ok) errors.push(`${path}: ${JSON.stringify(value)} is not a ${type}`)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}
