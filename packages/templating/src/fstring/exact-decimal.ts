/**
 * Decimal digits of a double, rounded half-to-even from its exact binary value, as Python's float
 * formatting rounds (`format(2.5, ".0f")` is `2`, `format(0.125, ".2f")` is `0.12`). JavaScript's
 * `toFixed` rounds ties away from zero and switches to exponent notation above 1e21, so it cannot be used.
 */

/** `value` (finite, ≥ 0) as `numerator / denominator`, exactly; the denominator is a power of two. */
function exactRational(value: number): { numerator: bigint; denominator: bigint } {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, value)
  const high = view.getUint32(0)
  const low = view.getUint32(4)
  const biased = (high >>> 20) & 0x7ff
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low)
  let exponent = -1074
  if (biased !== 0) {
    mantissa |= 1n << 52n
    exponent = biased - 1075
  }
  return exponent >= 0
    ? { numerator: mantissa << BigInt(exponent), denominator: 1n }
    : { numerator: mantissa, denominator: 1n << BigInt(-exponent) }
}

function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator
  const twice = (numerator % denominator) * 2n
  if (twice > denominator || (twice === denominator && (quotient & 1n) === 1n)) return quotient + 1n
  return quotient
}

const TEN = 10n

/** The digits of `round(value × 10^places)` (value finite, ≥ 0), at least `places + 1` of them. */
export function fixedDigits(value: number, places: number): string {
  const { numerator, denominator } = exactRational(value)
  const digits = divideRounded(numerator * TEN ** BigInt(places), denominator).toString()
  return digits.padStart(places + 1, "0")
}

/** Whether `numerator / denominator` ≥ 10^exponent, exactly. */
function atLeastPowerOfTen(numerator: bigint, denominator: bigint, exponent: number): boolean {
  return exponent >= 0
    ? numerator >= denominator * TEN ** BigInt(exponent)
    : numerator * TEN ** BigInt(-exponent) >= denominator
}

/**
 * `value` (finite, > 0) rounded to `significant` digits: the digits and the decimal exponent of the
 * first one (`value ≈ d.ddd × 10^exponent`). The exponent is found on the exact value first, then the
 * digits are rounded (a carry to a new digit, 9.99 → 10.0, moves the exponent up by one).
 */
export function significantDigits(value: number, significant: number): { digits: string; exponent: number } {
  const { numerator, denominator } = exactRational(value)
  // log10 is only an estimate near powers of ten: settle it on the exact value.
  let exponent = Math.floor(Math.log10(value))
  while (!atLeastPowerOfTen(numerator, denominator, exponent)) exponent--
  while (atLeastPowerOfTen(numerator, denominator, exponent + 1)) exponent++
  const shift = significant - 1 - exponent
  const scaled =
    shift >= 0
      ? divideRounded(numerator * TEN ** BigInt(shift), denominator)
      : divideRounded(numerator, denominator * TEN ** BigInt(-shift))
  const digits = scaled.toString()
  if (digits.length > significant) return { digits: digits.slice(0, significant), exponent: exponent + 1 }
  return { digits, exponent }
}
