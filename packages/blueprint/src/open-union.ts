import * as z from "zod/mini"

/**
 * A discriminated union on `type` that also accepts objects whose `type` it does not know, kept as they
 * are: PromptLayer adds content and tool types over time, and an older client must not reject a whole
 * blueprint for one new part. A known `type` with bad fields still fails, with the known branch's issues.
 */
export function openUnion<Known extends z.ZodMiniType>(known: Known, knownTypes: readonly string[]) {
  const types: ReadonlySet<string> = new Set(knownTypes)
  const unknown = z.looseObject({
    type: z
      .string()
      .check(z.refine((type) => !types.has(type), { message: "known type with invalid fields", abort: true }))
      // The refinement, said in JSON Schema for the generated schema file.
      .register(z.globalRegistry, { not: { enum: [...knownTypes] } }),
  })
  return z.union([known, unknown])
}
