import { describe, expect, it } from "vitest"
import { observeWhenRead } from "./observe-promise.js"

/** A promise with an SDK-style method of its own and a private field. */
class SdkPromise<T> extends Promise<T> {
  readonly #label = "sdk"
  asResponse(): string {
    return `raw ${this.#label}`
  }
  withResponse(): Promise<{ data: T; label: string }> {
    return this.then((data) => ({ data, label: this.#label }))
  }
}

describe("observeWhenRead", () => {
  it("lets the observer see the result before the caller does", async () => {
    const order: string[] = []
    const promise = SdkPromise.resolve(42) as SdkPromise<number>
    const observed = observeWhenRead(promise, () => {
      void promise.then(() => order.push("observer"))
    })
    await observed.then(() => order.push("caller"))
    expect(order).toEqual(["observer", "caller"])
  })

  it("keeps the promise's own methods, private fields included", async () => {
    const promise = SdkPromise.resolve(7) as SdkPromise<number>
    const observed = observeWhenRead(promise, () => {})
    expect(observed).toBeInstanceOf(SdkPromise)
    expect(await observed.withResponse()).toEqual({ data: 7, label: "sdk" })
  })

  it("observes nothing when only the raw response is asked for", () => {
    let observations = 0
    const observed = observeWhenRead(SdkPromise.resolve(1) as SdkPromise<number>, () => observations++)
    expect(observed.asResponse()).toBe("raw sdk")
    expect(observations).toBe(0)
  })
})
