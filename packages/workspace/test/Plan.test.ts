import { Document, Plan, Workspace } from "@stytch-effect/workspace"
import { describe, expect, it } from "vitest"
import { consumerProject } from "./fixtures.js"

const project = consumerProject("demo")
const actual: Document.Document = { version: 1, projects: [project] }
const desired: Document.Document = {
  version: 1,
  projects: [{
    ...project,
    name: "Demo",
    environments: project.environments.map((e) =>
      e.environmentSlug === "staging"
        ? {
          ...e,
          userLockThreshold: 3,
          redirectURLs: [...(e.redirectURLs ?? []), { url: "https://new.example.com", validTypes: [{ type: "LOGIN" as const, isDefault: false }] }],
          trustedTokenProfiles: []
        }
        : e
    )
  }]
}

describe("Plan", () => {
  it("is pure and ordered: project, then each environment with its resources; deletes only with prune", () => {
    const plan = Workspace.plan(desired, actual)
    expect(plan.actions.map((a) => [a.op, a.family, a.environment ?? "", a.key])).toEqual([
      ["update", "project", "", "demo"],
      ["update", "environment", "staging", "staging"],
      ["create", "redirectURLs", "staging", "https://new.example.com"]
    ])
    const pruning = Workspace.plan(desired, actual, { prune: true })
    expect(pruning.actions.slice(3).map((a) => [a.op, a.family, a.key])).toEqual([
      ["delete", "trustedTokenProfiles", "legacy-idp"],
      ["delete", "trustedTokenProfiles", "partner-jwks"]
    ])
    expect(Plan.isEmpty(Workspace.plan(actual, actual, { prune: true }))).toBe(true)
  })

  it("renders like terraform plan, grouped per project and environment, colour on request", () => {
    const plan = Workspace.plan(desired, actual, { prune: true })
    const text = Plan.render(plan, { color: false })
    expect(text).toContain([
      "project demo",
      "  ~ project \"demo\"",
      "      name: \"Consumer app\" -> \"Demo\"",
      "",
      "project demo / environment staging",
      "  ~ environment \"staging\"",
      "      userLockThreshold: 7 -> 3",
      "  + redirectURLs \"https://new.example.com\"",
      "      url: \"https://new.example.com\"",
      "      validTypes: [{\"type\":\"LOGIN\",\"isDefault\":false}]",
      "  - trustedTokenProfiles \"legacy-idp\""
    ].join("\n"))
    expect(text).toContain("Plan: 1 to create, 2 to change, 2 to delete.")
    expect(text).not.toContain("\u001b[")
    expect(Plan.render(plan, { color: true })).toContain("\u001b[32m  + redirectURLs")
    expect(Plan.render(Plan.empty, { color: false })).toMatch(/^No changes/)
  })

  it("has a JSON form with the field changes and a summary, without whole resource values", () => {
    const json = Plan.toJSON(Workspace.plan(desired, actual)) as { actions: Array<Record<string, unknown>>; summary: unknown }
    expect(json.summary).toEqual({ create: 1, update: 2, delete: 0, set: 0 })
    expect(json.actions[0]).toEqual({
      op: "update",
      family: "project",
      project: "demo",
      key: "demo",
      changes: [{ path: "name", before: "Consumer app", after: "Demo" }]
    })
    expect(JSON.stringify(json)).not.toContain("desired")
  })
})
