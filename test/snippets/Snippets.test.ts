import * as fs from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { generate, generatedDir } from "../../scripts/snippets.js"

describe("README snippets", () => {
  it("test/snippets/generated is up to date with the READMEs (pnpm snippets)", () => {
    const expected = generate()
    const actual = new Map(fs.readdirSync(generatedDir).map((name) => [name, fs.readFileSync(path.join(generatedDir, name), "utf8")]))
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort())
    for (const [name, content] of expected) expect(actual.get(name), name).toBe(content)
  })

  it("every README has its snippets extracted", () => {
    expect([...generate().keys()].filter((name) => name.startsWith("README-")).length).toBeGreaterThanOrEqual(5)
    for (const pkg of ["core", "resources", "compat", "testing"]) {
      expect([...generate().keys()].some((name) => name.startsWith(`${pkg}-`)), pkg).toBe(true)
    }
  })
})
