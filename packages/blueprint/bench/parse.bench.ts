// `parseBlueprint` on a 50-message blueprint against `JSON.parse` of the same text.

import { parseBlueprint } from "@pl/blueprint"
import { runBenchmarks } from "@pl/devtools/bench"

const messages = Array.from({ length: 50 }, (_, i) =>
  i % 2 === 0
    ? {
        role: "user",
        content: [
          { type: "text", text: `Question ${i}: what is in this picture, {name}?` },
          { type: "image_url", image_url: { url: `https://example.com/${i}.png`, detail: "auto" } },
        ],
        template_format: "f-string",
        input_variables: ["name"],
      }
    : {
        role: "assistant",
        content: [
          {
            type: "thinking",
            thinking: "Let me look at the picture carefully.",
            signature: "EqQBCkYIARgCIkA".repeat(4),
          },
          { type: "text", text: `Answer ${i}: a cat on a sofa.` },
        ],
        tool_calls: [
          { id: `call_${i}`, type: "function", function: { name: "lookup", arguments: '{"q":"cat"}' } },
        ],
      },
)
const text = JSON.stringify({
  prompt_template: {
    type: "chat",
    messages,
    tools: [
      {
        type: "function",
        function: { name: "lookup", parameters: { type: "object", properties: { q: { type: "string" } } } },
      },
    ],
    input_variables: ["name"],
  },
  metadata: { model: { provider: "openai", name: "gpt-4o", parameters: { temperature: 0.3 } } },
})
const value = JSON.parse(text)

runBenchmarks("@pl/blueprint", [
  {
    name: "parseBlueprint, 50-message chat (already parsed JSON)",
    ours: () => parseBlueprint(value),
    baseline: () => JSON.parse(text),
    baselineLabel: "JSON.parse of the same text",
  },
  {
    name: "JSON.parse + parseBlueprint, 50-message chat",
    ours: () => parseBlueprint(JSON.parse(text)),
    baseline: () => JSON.parse(text),
    baselineLabel: "JSON.parse of the same text",
  },
])
