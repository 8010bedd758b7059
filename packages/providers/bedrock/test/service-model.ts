/**
 * A validator for values against an AWS service model (`service-2.json`, botocore's JSON form of the Smithy
 * model). The model is not JSON Schema, so it is read directly:
 * - `structure`: a plain object; members listed, `required` members set, no unknown member; a `union`
 *   structure has exactly one member set; a `document` structure holds any JSON value;
 * - `list` and `map`: with `min`/`max` on their length; `string`: `enum`, `min`/`max` in code points, and
 *   `pattern` matched against the whole string (AWS services validate the whole value);
 * - `integer`/`long` (whole numbers), `float`/`double`, `boolean`, with `min`/`max`;
 * - `blob`: bytes (`Uint8Array`) in an SDK command input, base64 text in an HTTP body.
 * Members with a `location` (`uri`, `header`, `querystring`) are fields of the SDK input but not of the body.
 */
import { readFileSync } from "node:fs"

interface MemberRef {
  shape: string
  location?: string
}

interface Shape {
  type: string
  members?: Record<string, MemberRef>
  required?: string[]
  union?: boolean
  document?: boolean
  member?: MemberRef
  key?: MemberRef
  value?: MemberRef
  enum?: string[]
  min?: number
  max?: number
  pattern?: string
}

/** Where the value comes from: an SDK command input (blobs as bytes) or an HTTP body (blobs as base64). */
export type ValueForm = "input" | "body"

export interface ServiceModelValidator {
  /** The problems of `value` as shape `shapeName` (`[]` when valid), each as `path: message`. */
  errors(shapeName: string, value: unknown, form: ValueForm): string[]
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Loads a service model and validates values against its shapes. */
export function serviceModelValidator(path: string): ServiceModelValidator {
  const model = JSON.parse(readFileSync(path, "utf8")) as { shapes: Record<string, Shape> }
  const patterns = new Map<string, RegExp>()

  const shapeOf = (name: string): Shape => {
    const shape = model.shapes[name]
    if (!shape) throw new Error(`the service model has no shape ${name}`)
    return shape
  }

  const range = (shape: Shape, size: number, what: string, at: string, errors: string[]) => {
    if (shape.min !== undefined && size < shape.min)
      errors.push(`${at}: ${what} ${size} is under the minimum ${shape.min}`)
    if (shape.max !== undefined && size > shape.max)
      errors.push(`${at}: ${what} ${size} is over the maximum ${shape.max}`)
  }

  const checkDocument = (value: unknown, at: string, errors: string[]) => {
    if (value === null || typeof value === "boolean" || typeof value === "string") return
    if (typeof value === "number") {
      if (!Number.isFinite(value)) errors.push(`${at}: a document number must be finite`)
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        checkDocument(item, `${at}[${i}]`, errors)
      })
    } else if (isPlainObject(value)) {
      for (const [key, item] of Object.entries(value)) checkDocument(item, `${at}.${key}`, errors)
    } else errors.push(`${at}: not a JSON value (${typeof value})`)
  }

  const check = (name: string, value: unknown, at: string, form: ValueForm, errors: string[]): void => {
    const shape = shapeOf(name)
    switch (shape.type) {
      case "structure": {
        if (shape.document) {
          checkDocument(value, at, errors)
          return
        }
        if (!isPlainObject(value)) {
          errors.push(`${at}: expected an object (${name})`)
          return
        }
        const members = shape.members ?? {}
        let set = 0
        for (const [key, item] of Object.entries(value)) {
          const member = members[key]
          if (!member) {
            errors.push(`${at}: ${name} has no member ${key}`)
            continue
          }
          if (item === undefined) {
            errors.push(`${at}.${key}: undefined (leave the member out instead)`)
            continue
          }
          if (form === "body" && member.location) {
            errors.push(`${at}.${key}: belongs in the ${member.location}, not the body`)
            continue
          }
          if (item !== null) set++
          check(member.shape, item, `${at}.${key}`, form, errors)
        }
        for (const key of shape.required ?? []) {
          if (form === "body" && members[key]?.location) continue
          if (value[key] === undefined || value[key] === null) errors.push(`${at}: ${name} requires ${key}`)
        }
        if (shape.union && set !== 1)
          errors.push(`${at}: ${name} is a union: exactly one member must be set, found ${set}`)
        return
      }
      case "list":
        if (!Array.isArray(value)) {
          errors.push(`${at}: expected a list (${name})`)
          return
        }
        range(shape, value.length, "length", at, errors)
        value.forEach((item, i) => {
          check(shape.member!.shape, item, `${at}[${i}]`, form, errors)
        })
        return
      case "map":
        if (!isPlainObject(value)) {
          errors.push(`${at}: expected a map (${name})`)
          return
        }
        range(shape, Object.keys(value).length, "size", at, errors)
        for (const [key, item] of Object.entries(value)) {
          check(shape.key!.shape, key, `${at} key ${JSON.stringify(key)}`, form, errors)
          check(shape.value!.shape, item, `${at}.${key}`, form, errors)
        }
        return
      case "string": {
        if (typeof value !== "string") {
          errors.push(`${at}: expected a string (${name})`)
          return
        }
        if (shape.enum && !shape.enum.includes(value))
          errors.push(`${at}: ${JSON.stringify(value)} is not one of ${shape.enum.join(", ")}`)
        range(shape, [...value].length, "length", at, errors)
        if (shape.pattern !== undefined) {
          let pattern = patterns.get(name)
          if (!pattern) {
            pattern = new RegExp(`^(?:${shape.pattern})$`)
            patterns.set(name, pattern)
          }
          if (!pattern.test(value))
            errors.push(`${at}: ${JSON.stringify(value)} does not match ${shape.pattern}`)
        }
        return
      }
      case "integer":
      case "long":
        if (typeof value !== "number" || !Number.isInteger(value))
          errors.push(`${at}: expected a whole number`)
        else range(shape, value, "value", at, errors)
        return
      case "float":
      case "double":
        if (typeof value !== "number" || !Number.isFinite(value)) errors.push(`${at}: expected a number`)
        else range(shape, value, "value", at, errors)
        return
      case "boolean":
        if (typeof value !== "boolean") errors.push(`${at}: expected a boolean`)
        return
      case "blob":
        if (form === "input") {
          if (!(value instanceof Uint8Array))
            errors.push(`${at}: expected bytes (Uint8Array) in an SDK input`)
          else range(shape, value.length, "byte length", at, errors)
        } else if (typeof value !== "string" || !BASE64.test(value)) {
          errors.push(`${at}: expected base64 text in a body`)
        } else {
          range(shape, atob(value).length, "byte length", at, errors)
        }
        return
      default:
        errors.push(`${at}: shape type ${shape.type} is not checked by this validator`)
    }
  }

  return {
    errors(shapeName, value, form) {
      const errors: string[] = []
      check(shapeName, value, "$", form, errors)
      return errors
    },
  }
}
