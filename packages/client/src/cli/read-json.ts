import { readFile } from "node:fs/promises"
import { resolve } from "node:path"
import { PromptLayerValidationError } from "../errors.js"

/** Reads and parses a JSON file, relative to the working directory. */
export async function readJsonFile(cwd: string, file: string): Promise<unknown> {
  const path = resolve(cwd, file)
  const text = await readFile(path, "utf8")
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new PromptLayerValidationError(`${file} is not valid JSON: ${(error as Error).message}`, {
      path: file,
      cause: error,
    })
  }
}
