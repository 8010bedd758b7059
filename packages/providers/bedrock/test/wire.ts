/**
 * Test helpers that put recorded Bedrock data back on the wire, as the real service sends it, for the real
 * SDK: JSON for Converse, binary `application/vnd.amazon.eventstream` frames for ConverseStream.
 */

import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime"
import { EventStreamCodec } from "@smithy/eventstream-codec"
import { NodeHttpHandler } from "@smithy/node-http-handler"
import { fromUtf8, toUtf8 } from "@smithy/util-utf8"
import type { BedrockSendContext } from "../src/index.js"

const codec = new EventStreamCodec(toUtf8, fromUtf8)

/**
 * One ConverseStream event (`{ "contentBlockDelta": {...} }`, as the fixtures hold them decoded) as one
 * event-stream frame: the event type in `:event-type`, the inner object as the JSON payload.
 */
export function eventFrame(event: object): Uint8Array {
  const entries = Object.entries(event)
  if (entries.length !== 1) throw new Error(`an event has exactly one member, found ${entries.length}`)
  const [type, payload] = entries[0]!
  return codec.encode({
    headers: {
      ":event-type": { type: "string", value: type },
      ":message-type": { type: "string", value: "event" },
      ":content-type": { type: "string", value: "application/json" },
    },
    body: fromUtf8(JSON.stringify(payload)),
  })
}

/** The recorded events as one event-stream body. */
export function eventStreamBody(events: readonly object[]): Buffer {
  return Buffer.concat(events.map(eventFrame))
}

/** Reads the frames of an event-stream body back (to check the encoding round-trips). */
export function decodeFrames(body: Uint8Array): { headers: Record<string, unknown>; payload: unknown }[] {
  const frames: { headers: Record<string, unknown>; payload: unknown }[] = []
  let offset = 0
  while (offset < body.length) {
    const length = new DataView(body.buffer, body.byteOffset + offset, 4).getUint32(0)
    const message = codec.decode(body.subarray(offset, offset + length))
    const headers = Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, v.value]))
    frames.push({ headers, payload: JSON.parse(toUtf8(message.body)) })
    offset += length
  }
  return frames
}

/** How tests reach a local server with the real SDK: HTTP/1.1, static fake credentials, a fixed region. */
export function localContext(baseURL: string, extra: Partial<BedrockSendContext> = {}): BedrockSendContext {
  return {
    baseURL,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDLOCALTEST", secretAccessKey: "local-test-secret" },
    // The client's default handler speaks HTTP/2; the local server speaks HTTP/1.1.
    requestHandler: new NodeHttpHandler(),
    ...extra,
  }
}

type Block = {
  text?: string
  reasoning?: { text: string; signature?: string }
  tool?: { toolUseId: string; name: string; input: string }
}

/**
 * The non-streaming Converse response (wire JSON) of the same answer as a recorded stream, built straight
 * from the events: what Bedrock's Converse returns for what ConverseStream sent piecewise.
 */
export function responseFromEvents(events: readonly ConverseStreamOutput[]): Record<string, unknown> {
  const blocks = new Map<number, Block>()
  const block = (index: number | undefined) => {
    const found = blocks.get(index!) ?? {}
    blocks.set(index!, found)
    return found
  }
  const response: Record<string, unknown> = {}
  for (const event of events) {
    const toolUse = event.contentBlockStart?.start?.toolUse
    if (toolUse)
      block(event.contentBlockStart!.contentBlockIndex).tool = {
        toolUseId: toolUse.toolUseId!,
        name: toolUse.name!,
        input: "",
      }
    const delta = event.contentBlockDelta?.delta
    if (delta) {
      const target = block(event.contentBlockDelta!.contentBlockIndex)
      if (delta.text !== undefined) target.text = (target.text ?? "") + delta.text
      if (delta.toolUse) target.tool!.input += delta.toolUse.input
      if (delta.reasoningContent) {
        target.reasoning ??= { text: "" }
        target.reasoning.text += delta.reasoningContent.text ?? ""
        if (delta.reasoningContent.signature) target.reasoning.signature = delta.reasoningContent.signature
      }
    }
    if (event.messageStop) response.stopReason = event.messageStop.stopReason
    if (event.metadata) response.usage = event.metadata.usage
  }
  const content = [...blocks.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, b]) =>
      b.tool
        ? { toolUse: { ...b.tool, input: JSON.parse(b.tool.input || "{}") } }
        : b.reasoning
          ? { reasoningContent: { reasoningText: b.reasoning } }
          : { text: b.text ?? "" },
    )
  return { output: { message: { role: "assistant", content } }, ...response }
}
