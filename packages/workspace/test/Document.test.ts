import { it } from "@effect/vitest"
import { Document } from "@stytch-effect/workspace"
import * as Effect from "effect/Effect"
import { readFileSync } from "node:fs"
import { describe, expect } from "vitest"
import { fullDocument } from "./fixtures.js"

const reversed = (doc: Document.Document): Document.Document => ({
  ...doc,
  projects: [...doc.projects].reverse().map((p) => ({
    ...p,
    environments: [...p.environments].reverse().map((e) => ({
      ...e,
      ...(e.redirectURLs ? { redirectURLs: [...e.redirectURLs].reverse() } : {}),
      ...(e.trustedTokenProfiles
        ? { trustedTokenProfiles: [...e.trustedTokenProfiles].reverse().map((t) => ({ ...t, pemFiles: [...(t.pemFiles ?? [])].reverse() })) }
        : {}),
      ...(e.countryCodeAllowlist?.sms ? { countryCodeAllowlist: { ...e.countryCodeAllowlist, sms: [...e.countryCodeAllowlist.sms].reverse().map((c) => c.toLowerCase()) } } : {})
    }))
  }))
})

describe("Document", () => {
  it.effect("reads what it writes, in JSON and YAML, and writes it deterministically", () =>
    Effect.gen(function*() {
      const doc = fullDocument()
      for (const format of ["json", "yaml"] as const) {
        const text = Document.format(doc, format)
        const back = yield* Document.parse(text, format)
        expect(Document.format(back, format)).toBe(text)
        // The order of sets (and the case of country codes) does not change the output.
        expect(Document.format(reversed(doc), format)).toBe(text)
      }
      // YAML is the default and reads JSON too.
      expect(yield* Document.parse(Document.format(doc, "json"))).toEqual(yield* Document.parse(Document.format(doc, "json"), "json"))
    }))

  it.effect("fails with a DocumentError that says where", () =>
    Effect.gen(function*() {
      const notYaml = yield* Effect.flip(Document.parse("projects: [unclosed", "yaml"))
      expect(notYaml._tag).toBe("DocumentError")
      expect(notYaml.message).toMatch(/not valid YAML/)
      const notJson = yield* Effect.flip(Document.parse("{", "json"))
      expect(notJson.message).toMatch(/not valid JSON/)
      const badField = yield* Effect.flip(Document.parse(
        "version: 1\nprojects:\n  - projectSlug: p\n    name: P\n    vertical: B2C\n    environments: []\n"
      ))
      expect(badField.message).toContain("vertical")
      const unknownKey = yield* Effect.flip(Document.parse("version: 1\nprojects: []\nextra: true\n"))
      expect(unknownKey.message).toContain("extra")
      const duplicate = yield* Effect.flip(Document.decode({
        version: 1,
        projects: [{
          projectSlug: "p",
          name: "P",
          vertical: "B2B",
          environments: [
            { environmentSlug: "production", name: "a", type: "LIVE", redirectURLs: [{ url: "https://x", validTypes: [] }, { url: "https://x", validTypes: [] }] },
            { environmentSlug: "live2", name: "b", type: "LIVE" }
          ]
        }]
      }))
      expect(duplicate.message).toContain("duplicate \"https://x\"")
      expect(duplicate.message).toContain("more than one LIVE environment")
      const wrongVertical = yield* Effect.flip(Document.decode({
        version: 1,
        projects: [{
          projectSlug: "b",
          name: "B",
          vertical: "B2B",
          environments: [{
            environmentSlug: "production",
            name: "p",
            type: "LIVE",
            countryCodeAllowlist: { whatsapp: ["US"] },
            sdkConfig: { consumer: {} },
            eventLogStreaming: [{ destinationType: "DATADOG", destinationConfig: {} }]
          }]
        }]
      }))
      expect(wrongVertical.message.split("\n")).toEqual([
        "projects[b].environments[production]: countryCodeAllowlist.whatsapp does not exist in B2B projects",
        "projects[b].environments[production]: sdkConfig.consumer does not exist in B2B projects",
        "projects[b].environments[production].eventLogStreaming[DATADOG]: destinationConfig.datadog is required"
      ])
    }))

  it.effect("accepts partial sections (absent fields keep the server's values) and a $schema key", () =>
    Effect.gen(function*() {
      const doc = yield* Document.parse([
        "$schema: ./node_modules/@stytch-effect/workspace/schema/workspace.schema.json",
        "version: 1",
        "projects:",
        "  - projectSlug: p",
        "    name: P",
        "    vertical: CONSUMER",
        "    environments:",
        "      - environmentSlug: production",
        "        name: Production",
        "        type: LIVE",
        "        sdkConfig: { consumer: { magicLinks: { pkceRequired: true } } }",
        "        eventLogStreaming:",
        "          - destinationType: DATADOG",
        "            destinationConfig: { datadog: { apiKey: { fromEnv: DATADOG_API_KEY } } }"
      ].join("\n"))
      expect(doc.projects[0]!.environments[0]!.sdkConfig).toEqual({ consumer: { magicLinks: { pkceRequired: true } } })
      const inline = yield* Effect.flip(Document.decode({
        version: 1,
        projects: [{ projectSlug: "p", name: "P", vertical: "B2B", environments: [{ environmentSlug: "e", name: "e", type: "LIVE", eventLogStreaming: [{ destinationType: "DATADOG", destinationConfig: { datadog: { apiKey: "0123456789abcdef" } } }] }] }]
      }))
      // A secret value written inline is refused: only references are accepted.
      expect(inline.message).toContain("apiKey")
      expect(inline.message).not.toContain("0123456789abcdef")
    }))

  it("ships a JSON Schema file that matches the Schema (pnpm workspace:schema regenerates it)", () => {
    const file = readFileSync(new URL("../schema/workspace.schema.json", import.meta.url), "utf8")
    expect(JSON.parse(file)).toEqual(Document.jsonSchema)
    expect(Document.jsonSchema).toMatchObject({ $schema: "http://json-schema.org/draft-07/schema#" })
  })
})
