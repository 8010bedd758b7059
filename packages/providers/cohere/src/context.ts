import { type ConversionWarning, ProviderResponseError, UnsupportedFeatureError } from "@pl/blueprint"

/** The adapter's name, as warnings and errors report it. */
export const PROVIDER = "cohere"

/** `ToRequestOptions.onWarning`: told about every feature that was dropped. */
export type Warn = ((warning: ConversionWarning) => void) | undefined

/** Reports a dropped feature: what, where in the blueprint, and why. */
export function warn(onWarning: Warn, feature: string, path: string, why: string): void {
  onWarning?.({ provider: PROVIDER, feature, path, message: `${why}; it was not sent` })
}

/** A feature whose loss would change the prompt's meaning: conversion stops. */
export function unsupported(feature: string, path: string, message: string): UnsupportedFeatureError {
  return new UnsupportedFeatureError({ provider: PROVIDER, feature, path, message })
}

/** Placeholders, media variables and tool variables are filled in by @pl/templating before conversion. */
export const RENDER_FIRST = "render the template first (@pl/templating)"

/** A response or stream event without the shape Cohere documents. */
export function malformed(message: string): ProviderResponseError {
  return new ProviderResponseError(PROVIDER, message)
}
