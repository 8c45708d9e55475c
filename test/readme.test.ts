import * as fs from "node:fs"
import { describe, expect, it } from "vitest"

// README.md is for users first: what it is, Install, a quick start and the error story in
// the first screenful; contributors' material lives in CONTRIBUTING.md.
const read = (file: string) => fs.readFileSync(new URL(`../${file}`, import.meta.url), "utf8")

describe("README.md", () => {
  const lines = read("README.md").split("\n")

  it("shows its first usage example within its first 60 lines", () => {
    const first = lines.findIndex((line) => /^```(ts|typescript)\s*$/.test(line))
    expect(first).toBeGreaterThanOrEqual(0)
    expect(first + 1).toBeLessThanOrEqual(60)
  })

  it("has Install before the quick start, and leaves contributors' material to CONTRIBUTING.md", () => {
    const headings = lines.filter((line) => line.startsWith("## "))
    expect(headings.indexOf("## Install")).toBe(0)
    expect(headings.indexOf("## Quick start")).toBe(1)
    expect(headings).not.toContain("## Development")
    expect(read("README.md")).toContain("](CONTRIBUTING.md)")
    expect(read("CONTRIBUTING.md")).toMatch(/^## Development$/m)
  })
})
