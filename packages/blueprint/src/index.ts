/**
 * @pl/blueprint: the PromptLayer prompt blueprint as zod schemas and types, and the pieces every
 * provider adapter shares. Pure: no I/O, no globals, zod its only dependency.
 */
export * from "./adapter.js"
export * from "./blueprint.js"
export * from "./client-cache.js"
export * from "./completion.js"
export * from "./content.js"
export * from "./errors.js"
export * from "./json-arguments.js"
export * from "./json-schema.js"
export * from "./known-types.js"
export * from "./media.js"
export * from "./message.js"
export * from "./objects.js"
export * from "./parameters.js"
export * from "./parse.js"
export * from "./streaming.js"
export * from "./template.js"
export * from "./tool.js"
