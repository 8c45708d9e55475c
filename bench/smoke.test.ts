/**
 * Smoke test of `pnpm bench`: every section runs end to end with tiny sizes
 * and returns well-formed results. Asserts structure only — never timings.
 */
import { describe, expect, it } from "vitest"
import { render, renderChecks, runAll, smoke } from "./run.js"

const positive = (n: number | undefined) => typeof n === "number" && Number.isFinite(n) && n > 0

describe("pnpm bench --smoke", () => {
  it("runs the four sections and reports every figure with its target", async () => {
    const results = await runAll(smoke)

    const loopback = results.loopback!
    expect(loopback.rows.map((r) => `${r.variant}@${r.concurrency}`)).toEqual(
      [1, 32].flatMap((c) => ["fetch", "node", "effect", "facade", "effectFetch", "effectRawFetch", "effectPlatformFetch"].map((v) => `${v}@${c}`))
    )
    for (const row of loopback.rows) {
      expect(positive(row.callsPerSecond)).toBe(true)
      expect(positive(row.ratio)).toBe(true)
      expect(positive(row.ratioNode)).toBe(true)
      if (row.variant === "fetch") expect(row.ratio).toBe(1)
      if (row.variant === "node") expect(row.ratioNode).toBe(1)
    }

    const inMemory = results.inMemory!
    // The official SDK's row exists only with a build of it (STYTCH_MANAGEMENT_SDK, bench/lib/official.ts).
    expect(inMemory.rows.length).toBe(process.env.STYTCH_MANAGEMENT_SDK ? 13 : 12)
    for (const row of inMemory.rows) expect(positive(row.callsPerSecond)).toBe(true)
    expect(positive(inMemory.secretsGetPerSecond)).toBe(true)

    const bundle = results.bundle!
    expect(bundle.bundles.map((b) => b.entry.key)).toEqual(["floor", "floorBarrel", "one", "oneBarrel", "all", "facade", "project"])
    for (const b of bundle.bundles) {
      expect(b.gzipped).toBeGreaterThan(0)
      expect(b.gzipped).toBeLessThan(b.minified)
      expect(b.byPackage.get("effect")).toBeGreaterThan(0)
    }
    for (const key of ["one", "all", "facade"] as const) {
      const b = bundle.bundles.find((x) => x.entry.key === key)!
      expect(b.byPackage.get("@stytch-effect/core")).toBeGreaterThan(0)
      expect(bundle.overFloor[key]).toBe(b.gzipped - bundle.bundles[0]!.gzipped)
    }

    const importTime = results.importTime!
    expect(importTime.rows.map((r) => `${r.module} ${r.format}`)).toEqual([
      "effect cjs",
      "@stytch-effect/compat cjs",
      "effect esm",
      "@stytch-effect/compat esm"
    ])
    for (const row of importTime.rows) {
      if (row.module === "effect") expect(positive(row.millis)).toBe(true)
      // The facade is timed from its build; without one it is reported as skipped, with the reason.
      else expect(positive(row.millis) || importTime.skipped[row.format] !== undefined).toBe(true)
    }

    expect(results.reports.map((r) => r.title.slice(0, 2))).toEqual(["1.", "2.", "3.", "4."])
    for (const report of results.reports) {
      expect(render(report)).toContain(report.title)
      for (const row of report.table) expect(row.length).toBe(report.table[0]!.length)
    }
    expect(results.checks.length).toBeGreaterThanOrEqual(7)
    expect(renderChecks(results.checks)).toContain("in-memory Secrets.get")
  })
})
