import { describe, expect, it } from "vitest"
import { TracingConfigError } from "./errors.js"
import { exportTarget } from "./export-target.js"

describe("exportTarget", () => {
  it("sends to PromptLayer's /v1/traces with X-API-KEY given a key", () => {
    expect(exportTarget({ apiKey: "pl_1" }, {})).toEqual({
      url: "https://api.promptlayer.com/v1/traces",
      headers: { "X-API-KEY": "pl_1" },
      protocol: "http/protobuf",
    })
    expect(exportTarget({ apiKey: "pl_1", baseURL: "http://127.0.0.1:9/" }, {}).url).toBe(
      "http://127.0.0.1:9/v1/traces",
    )
    expect(
      exportTarget({}, { PROMPTLAYER_API_KEY: "pl_env", PROMPTLAYER_BASE_URL: "https://pl.internal" }),
    ).toEqual({
      url: "https://pl.internal/v1/traces",
      headers: { "X-API-KEY": "pl_env" },
      protocol: "http/protobuf",
    })
  })

  it("sends to any OTLP endpoint, and never with a PromptLayer key read from the environment", () => {
    const env = { PROMPTLAYER_API_KEY: "pl_env" }
    expect(
      exportTarget({ endpoint: "http://collector:4318/v1/traces", headers: { "x-team": "a" } }, env),
    ).toEqual({
      url: "http://collector:4318/v1/traces",
      headers: { "x-team": "a" },
      protocol: "http/protobuf",
    })
    expect(exportTarget({}, { ...env, OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" })).toEqual({
      url: "http://collector:4318/v1/traces",
      headers: {},
      protocol: "http/protobuf",
    })
    expect(
      exportTarget(
        {},
        { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://c/traces", OTEL_EXPORTER_OTLP_ENDPOINT: "http://x" },
      ).url,
    ).toBe("http://c/traces")
    // An explicit key goes where the caller says.
    expect(exportTarget({ endpoint: "https://proxy/v1/traces", apiKey: "pl_1" }, env).headers).toEqual({
      "X-API-KEY": "pl_1",
    })
  })

  it("takes the protocol from the option or OTEL_EXPORTER_OTLP_PROTOCOL, and refuses gRPC", () => {
    expect(exportTarget({ apiKey: "k", protocol: "http/json" }, {}).protocol).toBe("http/json")
    expect(exportTarget({ apiKey: "k" }, { OTEL_EXPORTER_OTLP_PROTOCOL: "http/json" }).protocol).toBe(
      "http/json",
    )
    expect(() => exportTarget({ apiKey: "k" }, { OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" })).toThrow(
      TracingConfigError,
    )
  })

  it("refuses a traces URL that is not http(s): a gRPC address, a host without a scheme", () => {
    expect(() => exportTarget({ endpoint: "grpc://collector:4317" }, {})).toThrow(
      'Spans go over OTLP/HTTP: the traces URL must start with http:// or https://, got "grpc://collector:4317"',
    )
    expect(() => exportTarget({}, { OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toThrow(
      TracingConfigError,
    )
    expect(exportTarget({ endpoint: "HTTPS://collector/v1/traces" }, {}).url).toBe(
      "HTTPS://collector/v1/traces",
    )
  })

  it("refuses to guess when nothing says where to send", () => {
    expect(() => exportTarget({}, {})).toThrow(/Nowhere to send spans/)
  })

  it("sends PromptLayer's spans to PROMPTLAYER_OTLP_TRACES_ENDPOINT when set, with the key, unless baseURL is passed", () => {
    const env = {
      PROMPTLAYER_API_KEY: "pl_env",
      PROMPTLAYER_OTLP_TRACES_ENDPOINT: "https://otlp.pl.internal/v1/traces",
    }
    expect(exportTarget({}, env)).toEqual({
      url: "https://otlp.pl.internal/v1/traces",
      headers: { "X-API-KEY": "pl_env" },
      protocol: "http/protobuf",
    })
    expect(exportTarget({ apiKey: "pl_1", baseURL: "http://127.0.0.1:9" }, env).url).toBe(
      "http://127.0.0.1:9/v1/traces",
    )
  })
})
