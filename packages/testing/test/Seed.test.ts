import { it } from "@effect/vitest"
import { EmailTemplates, Environments, Projects } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Effect, Redacted } from "effect"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { describe, expect } from "vitest"

const seedJSON = {
  credentials: { keyID: "workspace-key-local", keySecret: "local-secret" },
  projectFeatures: { verifiedSendingDomain: true },
  projects: [
    {
      name: "Acme",
      vertical: "B2B",
      projectSlug: "acme",
      features: { dfppa: true },
      environments: [
        { name: "Production", type: "LIVE", environmentSlug: "production" },
        { name: "Staging", type: "TEST" }
      ]
    },
    { name: "Shop" }
  ]
}

const messageOf = (input: unknown) => Effect.map(Effect.flip(FakeManagementApi.decodeSeed(input)), (e) => e.message)

describe("FakeManagementApi.Seed", () => {
  it.effect("decodes the JSON form: the secret becomes Redacted", () =>
    Effect.gen(function*() {
      const seed = yield* FakeManagementApi.decodeSeed(seedJSON)
      expect(seed.credentials?.keyID).toBe("workspace-key-local")
      expect(Redacted.isRedacted(seed.credentials?.keySecret)).toBe(true)
      expect(Redacted.value(seed.credentials!.keySecret)).toBe("local-secret")
      expect(String(seed.credentials?.keySecret)).not.toContain("local-secret")
      expect(seed.projects?.map((p) => p.name)).toEqual(["Acme", "Shop"])
    }))

  it.effect("a layer with a seed starts with its projects, accepts its credentials and goes back to it on reset", () =>
    Effect.gen(function*() {
      const seed = yield* FakeManagementApi.decodeSeed(seedJSON)
      yield* Effect.gen(function*() {
        const fake = yield* FakeManagementApi.FakeManagementApi
        expect(fake.credentials.keyID).toBe("workspace-key-local")
        const { projects } = yield* Projects.getAll()
        expect(projects.map((p) => [p.name, p.vertical])).toEqual([["Acme", "B2B"], ["Shop", "CONSUMER"]])
        const { environments } = yield* Environments.getAll({ projectSlug: "acme" })
        expect(environments.map((e) => [e.name, e.type])).toEqual([["Production", "LIVE"], ["Staging", "TEST"]])
        expect(environments[0]!.environmentSlug).toBe("production")

        // The seed's projectFeatures hold for its projects (and new ones) unless a project says otherwise.
        const shop = projects[1]!.projectSlug
        yield* EmailTemplates.create({
          projectSlug: shop,
          templateID: "login",
          senderInformation: { fromDomain: "mail.example.com" },
          customHtmlCustomization: { templateType: "LOGIN", htmlContent: "<a href=\"{{magic_link_url}}\">Log in</a>" }
        })

        yield* Projects.delete({ projectSlug: "acme" })
        yield* Projects.create({ name: "Later" })
        yield* fake.reset
        const after = yield* Projects.getAll()
        expect(after.projects.map((p) => p.name)).toEqual(["Acme", "Shop"])
      }).pipe(Effect.provide(FakeManagementApi.layer({}, { seed })))
    }))

  it.effect("refuses, with one line per field, a seed that does not fit (unknown keys included)", () =>
    Effect.gen(function*() {
      expect(yield* messageOf({ projects: [{ name: "x", vertical: "b2b", extra: 1 }] })).toBe(
        "projects[0].extra: is unexpected, expected: \"name\" | \"vertical\" | \"projectSlug\" | \"features\" | \"environments\"\n" +
          "projects[0].vertical: expected \"ALL\" or \"CONSUMER\" or \"B2B\", got \"b2b\""
      )
      expect(yield* messageOf({ projectFeatures: { dfppa: "yes" } })).toBe(
        "projectFeatures.dfppa: expected boolean, got \"yes\""
      )
      expect(yield* messageOf({ credentials: { keyID: "k" } })).toBe("credentials.keySecret: is missing")
    }))

  it.effect("refuses invalid credentials and projects the API would refuse, naming the project", () =>
    Effect.gen(function*() {
      expect(yield* messageOf({ credentials: { keyID: "a:b", keySecret: "s" } })).toBe(
        "credentials.keyID must not contain \":\""
      )
      expect(yield* messageOf({ projects: [{ name: "x", environments: [{ name: "t", type: "TEST" }] }] })).toMatch(
        /^seed: projects\[0\] \("x"\): live_environment_required: /
      )
      expect(yield* messageOf({ projects: [{ name: "a", projectSlug: "same" }, { name: "b", projectSlug: "same" }] }))
        .toMatch(/^seed: projects\[1\] \("same"\): project_slug_already_exists: /)
      // make (and so every layer) throws for such a seed: a defect with the same message.
      expect(() =>
        FakeManagementApi.make({ seed: { projects: [{ name: "x", environments: [{ name: "t", type: "TEST" }] }] } })
      ).toThrow(/live_environment_required/)
    }))

  it.effect("loadSeed reads a JSON file; a missing file or bad JSON is a SeedError naming the file", () =>
    Effect.gen(function*() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stytch-effect-seed-"))
      try {
        const good = path.join(dir, "seed.json")
        fs.writeFileSync(good, JSON.stringify(seedJSON))
        expect((yield* FakeManagementApi.loadSeed(good)).projects).toHaveLength(2)
        const bad = path.join(dir, "bad.json")
        fs.writeFileSync(bad, "{ projects: [")
        const notJSON = yield* Effect.flip(FakeManagementApi.loadSeed(bad))
        expect(notJSON._tag).toBe("SeedError")
        expect(notJSON.message).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: .*JSON`))
        const missing = yield* Effect.flip(FakeManagementApi.loadSeed(path.join(dir, "missing.json")))
        expect(missing.message).toContain("missing.json: ENOENT")
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    }))

  it.live("start and serve take a seed too; shellExports prints the seed's credentials", () =>
    Effect.promise(async () => {
      const seed = await Effect.runPromise(FakeManagementApi.decodeSeed(seedJSON))
      await using server = await FakeManagementApi.start({ seed })
      expect(FakeManagementApi.shellExports(server)).toBe(
        `export STYTCH_MANAGEMENT_BASE_URL=${server.url} STYTCH_WORKSPACE_KEY_ID=workspace-key-local STYTCH_WORKSPACE_KEY_SECRET=local-secret`
      )
      const response = await fetch(`${server.url}/pwa/v3/projects`, {
        headers: { authorization: `Basic ${btoa("workspace-key-local:local-secret")}` }
      })
      expect(((await response.json()) as { projects: Array<{ name: string }> }).projects.map((p) => p.name))
        .toEqual(["Acme", "Shop"])
    }))
})
