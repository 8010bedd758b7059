// The SDK takes and returns blobs (image, document, redacted reasoning) as bytes, the blueprint holds them as
// base64 text, and the wire JSON holds them as base64 too. `atob`/`btoa` keep the converters free of `Buffer`.

/** Base64 (padded or not; `atob` is forgiving) to bytes. */
export function base64ToBytes(data: string): Uint8Array {
  const binary = atob(data)
  const bytes = new Uint8Array(binary.length)
  // A plain loop: `Uint8Array.from(binary, mapFn)` is some 25 times slower.
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Bytes to standard, padded base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  // One string per byte: the shortest code, and fast enough for what is read back (images, redacted
  // reasoning); `String.fromCharCode(...bytes)` would overflow the stack on a large image.
  return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(""))
}

/** A blob as the SDK (bytes) or the wire JSON (base64) gives it, as base64; `undefined` for anything else. */
export function blobToBase64(value: unknown): string | undefined {
  if (value instanceof Uint8Array) return bytesToBase64(value)
  if (typeof value === "string") return value
  return undefined
}
