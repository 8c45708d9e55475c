import * as HttpClient from "@effect/platform/HttpClient"
import { it } from "@effect/vitest"
import { StytchManagement } from "@stytch-effect/core"
import { RedirectURLs } from "@stytch-effect/resources"
import { FakeManagementApi, Fault } from "@stytch-effect/testing"
import { Effect, Layer } from "effect"
import { describe, expect } from "vitest"
import { liveProject, type Scope, testEnvironment, withFake } from "./utils.js"

const fakeRequests = Effect.flatMap(FakeManagementApi.FakeManagementApi, (fake) => fake.requests)

/** URLs whose query-string form needs every kind of escaping. */
const awkward = [
  "https://localhost:3002/login?expires_at={}",
  "https://example.com/cb?a=1&b=2",
  "https://example.com/cb#fragment",
  "https://example.com/cb?token=%2F%20already-encoded",
  "https://example.com/cb?q=a+b",
  "https://example.com/a path/with spaces?q=x y",
  "https://例え.jp/ログイン?名前=値&emoji=🎉"
]

const typesOf = (url: RedirectURLs.RedirectURL) =>
  Object.fromEntries(url.validTypes.map((t) => [t.type, t.isDefault]))

const urlsOf = (scope: Scope) => Effect.map(RedirectURLs.getAll(scope), (r) => r.redirectURLs)

describe("RedirectURLs", () => {
  it.effect("every operation round-trips: create, get, getAll, update, delete", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const url = "https://example.com/authenticate"
      const created = yield* RedirectURLs.create({ ...scope, url, validTypes: [{ type: "LOGIN", isDefault: true }] })
      expect(created.redirectURL).toBeInstanceOf(RedirectURLs.RedirectURL)
      expect(created.redirectURL).toMatchObject({ url, validTypes: [{ type: "LOGIN", isDefault: true }] })
      expect(created.statusCode).toBe(200)
      expect(created.requestID).toMatch(/^request-id-test-/)

      const got = yield* RedirectURLs.get({ ...scope, url })
      expect(got.redirectURL).toEqual(created.redirectURL)
      const all = yield* urlsOf(scope)
      expect(all.map((u) => u.url)).toContain(url)

      const updated = yield* RedirectURLs.update({
        ...scope,
        url,
        validTypes: [
          { type: "LOGIN", isDefault: true },
          { type: "SIGNUP", isDefault: true },
          { type: "INVITE", isDefault: false }
        ]
      })
      expect(updated.redirectURL.validTypes).toHaveLength(3)
      expect(typesOf(updated.redirectURL)).toEqual({ LOGIN: true, SIGNUP: true, INVITE: false })

      const deleted = yield* RedirectURLs.delete({ ...scope, url })
      expect(deleted.statusCode).toBe(200)
      const after = yield* Effect.flip(RedirectURLs.get({ ...scope, url }))
      expect(after).toMatchObject({ _tag: "StytchApiError", statusCode: 404, errorType: "redirect_url_not_found" })
    }).pipe(withFake))

  it.effect("sends url (and do_not_promote_defaults) in the query string; delete and get send no body", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const url = "https://example.com/q"
      yield* RedirectURLs.create({ ...scope, url, validTypes: [{ type: "LOGIN", isDefault: false }] })
      yield* RedirectURLs.get({ ...scope, url })
      yield* RedirectURLs.getAll(scope)
      yield* RedirectURLs.update({ ...scope, url, validTypes: [{ type: "SIGNUP", isDefault: false }] })
      yield* RedirectURLs.delete({ ...scope, url, doNotPromoteDefaults: true })
      const path = `/pwa/v3/projects/${scope.projectSlug}/environments/${scope.environmentSlug}/redirect_urls`
      const sent = (yield* fakeRequests).filter((r) => r.operation?.startsWith("redirectURLs."))
      expect(sent.map(({ body, method, path, query }) => ({ method, path, query, body }))).toEqual([
        {
          method: "POST",
          path,
          query: {},
          body: { url, valid_types: [{ type: "LOGIN", is_default: false }] }
        },
        { method: "GET", path, query: { url }, body: undefined },
        { method: "GET", path: `${path}/all`, query: {}, body: undefined },
        { method: "PUT", path, query: { url }, body: { valid_types: [{ type: "SIGNUP", is_default: false }] } },
        { method: "DELETE", path, query: { url, do_not_promote_defaults: "true" }, body: undefined }
      ])
    }).pipe(withFake))

  it.effect("URLs with ?, &, #, %, +, spaces and non-ASCII round-trip through the url query parameter", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      for (const url of awkward) {
        const created = yield* RedirectURLs.create({ ...scope, url, validTypes: [{ type: "LOGIN", isDefault: false }] })
        expect(created.redirectURL.url).toBe(url)
        expect((yield* RedirectURLs.get({ ...scope, url })).redirectURL.url).toBe(url)
        const updated = yield* RedirectURLs.update({ ...scope, url, validTypes: [{ type: "SIGNUP", isDefault: false }] })
        expect(updated.redirectURL).toMatchObject({ url, validTypes: [{ type: "SIGNUP" }] })
      }
      // The fake decoded each query exactly back to the url that was sent.
      const queried = (yield* fakeRequests).filter((r) => r.operation === "redirectURLs.get").map((r) => r.query.url)
      expect(queried).toEqual(awkward)
      expect((yield* urlsOf(scope)).map((u) => u.url)).toEqual(expect.arrayContaining(awkward))
      for (const url of awkward) yield* RedirectURLs.delete({ ...scope, url })
      expect((yield* urlsOf(scope)).map((u) => u.url)).not.toEqual(expect.arrayContaining([awkward[0]]))
    }).pipe(withFake))

  it.effect("the query string is percent-encoded on the wire: no raw reserved characters, spaces as %20", () => {
    const seen: Array<string> = []
    const recording = Layer.effect(
      StytchManagement.StytchManagement,
      Effect.flatMap(FakeManagementApi.FakeManagementApi, (fake) =>
        StytchManagement.make({ credentials: fake.credentials }).pipe(
          Effect.provideService(
            HttpClient.HttpClient,
            HttpClient.make((request, url) => {
              seen.push(url.href)
              return fake.httpClient.execute(request)
            })
          )
        ))
    ).pipe(Layer.provideMerge(FakeManagementApi.layerFake()))
    return Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const url = "https://ex.com/a b?x=1&y=+%#é"
      yield* RedirectURLs.create({ ...scope, url, validTypes: [{ type: "LOGIN", isDefault: false }] })
      seen.length = 0
      yield* RedirectURLs.get({ ...scope, url })
      expect(seen).toHaveLength(1)
      const query = seen[0]!.slice(seen[0]!.indexOf("?") + 1)
      expect(query).toBe("url=https%3A%2F%2Fex.com%2Fa%20b%3Fx%3D1%26y%3D%2B%25%23%C3%A9")
    }).pipe(Effect.provide(recording))
  })

  it.effect("create of an existing URL merges types: LOGIN then SIGNUP gives 2 valid types", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const url = "https://example.com/merge"
      yield* RedirectURLs.create({ ...scope, url, validTypes: [{ type: "LOGIN", isDefault: true }] })
      const merged = yield* RedirectURLs.create({ ...scope, url, validTypes: [{ type: "SIGNUP", isDefault: true }] })
      expect(typesOf(merged.redirectURL)).toEqual({ LOGIN: true, SIGNUP: true })
      const got = yield* RedirectURLs.get({ ...scope, url })
      expect(got.redirectURL.validTypes).toHaveLength(2)
      expect((yield* urlsOf(scope)).filter((u) => u.url === url)).toHaveLength(1)
    }).pipe(withFake))

  it.effect("create with one type echoes it; with three types returns three", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const one = yield* RedirectURLs.create({
        ...scope,
        url: "https://example.com/one",
        validTypes: [{ type: "LOGIN", isDefault: true }]
      })
      expect(one.redirectURL.validTypes).toEqual([{ type: "LOGIN", isDefault: true }])
      const three = yield* RedirectURLs.create({
        ...scope,
        url: "https://example.com/three",
        validTypes: [
          { type: "LOGIN", isDefault: true },
          { type: "SIGNUP", isDefault: true },
          { type: "INVITE", isDefault: true }
        ]
      })
      expect(three.redirectURL.validTypes.map((t) => t.type)).toEqual(["LOGIN", "SIGNUP", "INVITE"])
    }).pipe(withFake))

  it.effect("a fresh TEST environment has one default URL; a LIVE one has none; getAll lists every created URL", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const initial = yield* urlsOf(scope)
      expect(initial).toHaveLength(1)
      expect(initial[0]!.url).toBe("http://localhost:3000/authenticate")
      expect(typesOf(initial[0]!)).toEqual({ LOGIN: true, SIGNUP: true, INVITE: true, RESET_PASSWORD: true, DISCOVERY: true })

      const consumer = yield* testEnvironment("CONSUMER")
      expect(Object.keys(typesOf((yield* urlsOf(consumer))[0]!))).not.toContain("DISCOVERY")

      const live = yield* liveProject("B2B")
      expect(yield* urlsOf(live)).toEqual([])

      const added = ["https://example.com/1", "https://example.com/2", "https://example.com/3"]
      for (const url of added) yield* RedirectURLs.create({ ...scope, url, validTypes: [{ type: "LOGIN", isDefault: false }] })
      expect((yield* urlsOf(scope)).map((u) => u.url)).toEqual(["http://localhost:3000/authenticate", ...added])
    }).pipe(withFake))

  it.effect("the first URL of a type becomes its default even if is_default is false, unless do_not_promote_defaults", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject("B2B")
      const first = yield* RedirectURLs.create({
        ...scope,
        url: "https://example.com/first",
        validTypes: [{ type: "LOGIN", isDefault: false }]
      })
      expect(typesOf(first.redirectURL)).toEqual({ LOGIN: true })
      const second = yield* RedirectURLs.create({
        ...scope,
        url: "https://example.com/second",
        validTypes: [{ type: "LOGIN", isDefault: false }]
      })
      expect(typesOf(second.redirectURL)).toEqual({ LOGIN: false })

      const quiet = yield* RedirectURLs.create({
        ...scope,
        url: "https://example.com/quiet",
        validTypes: [{ type: "RESET_PASSWORD", isDefault: false }],
        doNotPromoteDefaults: true
      })
      expect(quiet.redirectURL.validTypes).toEqual([{ type: "RESET_PASSWORD", isDefault: false }])
    }).pipe(withFake))

  it.effect("with do_not_promote_defaults true and RESET_PASSWORD is_default false, one type is returned (TEST env)", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const res = yield* RedirectURLs.create({
        ...scope,
        url: "https://example.com/reset",
        validTypes: [{ type: "RESET_PASSWORD", isDefault: false }],
        doNotPromoteDefaults: true
      })
      expect(res.redirectURL.validTypes).toEqual([{ type: "RESET_PASSWORD", isDefault: false }])
    }).pipe(withFake))

  it.effect("is_default true moves a type's default to this URL", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      yield* RedirectURLs.create({ ...scope, url: "https://example.com/new", validTypes: [{ type: "LOGIN", isDefault: true }] })
      const old = yield* RedirectURLs.get({ ...scope, url: "http://localhost:3000/authenticate" })
      expect(typesOf(old.redirectURL)).toMatchObject({ LOGIN: false, SIGNUP: true })
      const defaults = (yield* urlsOf(scope)).filter((u) => typesOf(u).LOGIN === true).map((u) => u.url)
      expect(defaults).toEqual(["https://example.com/new"])
    }).pipe(withFake))

  it.effect("update replaces valid types (1 → 3, then 3 → 1)", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const url = "https://example.com/replace"
      yield* RedirectURLs.create({ ...scope, url, validTypes: [{ type: "LOGIN", isDefault: false }] })
      const three = yield* RedirectURLs.update({
        ...scope,
        url,
        validTypes: [
          { type: "LOGIN", isDefault: false },
          { type: "SIGNUP", isDefault: false },
          { type: "INVITE", isDefault: false }
        ]
      })
      expect(three.redirectURL.validTypes.map((t) => t.type)).toEqual(["LOGIN", "SIGNUP", "INVITE"])
      const one = yield* RedirectURLs.update({ ...scope, url, validTypes: [{ type: "INVITE", isDefault: true }] })
      expect(one.redirectURL.validTypes).toEqual([{ type: "INVITE", isDefault: true }])
      expect((yield* RedirectURLs.get({ ...scope, url })).redirectURL.validTypes).toEqual([
        { type: "INVITE", isDefault: true }
      ])
    }).pipe(withFake))

  it.effect("update dropping a default promotes the oldest other URL of that type, unless do_not_promote_defaults", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject("B2B")
      const a = "https://example.com/a"
      const b = "https://example.com/b"
      yield* RedirectURLs.create({ ...scope, url: a, validTypes: [{ type: "LOGIN", isDefault: true }] })
      yield* RedirectURLs.create({ ...scope, url: b, validTypes: [{ type: "LOGIN", isDefault: false }] })
      yield* RedirectURLs.update({ ...scope, url: a, validTypes: [{ type: "SIGNUP", isDefault: false }] })
      expect(typesOf((yield* RedirectURLs.get({ ...scope, url: b })).redirectURL)).toEqual({ LOGIN: true })

      yield* RedirectURLs.update({ ...scope, url: b, validTypes: [], doNotPromoteDefaults: true })
      yield* RedirectURLs.update({ ...scope, url: a, validTypes: [{ type: "LOGIN", isDefault: false }], doNotPromoteDefaults: true })
      expect(typesOf((yield* RedirectURLs.get({ ...scope, url: a })).redirectURL)).toEqual({ LOGIN: false })
    }).pipe(withFake))

  it.effect("deleting a default promotes another URL of that type, unless do_not_promote_defaults", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject("B2B")
      const [a, b, c] = ["https://example.com/a", "https://example.com/b", "https://example.com/c"]
      yield* RedirectURLs.create({ ...scope, url: a, validTypes: [{ type: "LOGIN", isDefault: true }] })
      yield* RedirectURLs.create({ ...scope, url: b, validTypes: [{ type: "LOGIN", isDefault: false }] })
      yield* RedirectURLs.create({ ...scope, url: c, validTypes: [{ type: "LOGIN", isDefault: false }] })
      yield* RedirectURLs.delete({ ...scope, url: a })
      expect(typesOf((yield* RedirectURLs.get({ ...scope, url: b })).redirectURL)).toEqual({ LOGIN: true })
      yield* RedirectURLs.delete({ ...scope, url: b, doNotPromoteDefaults: true })
      expect(typesOf((yield* RedirectURLs.get({ ...scope, url: c })).redirectURL)).toEqual({ LOGIN: false })
      yield* RedirectURLs.delete({ ...scope, url: c, doNotPromoteDefaults: false })
      expect(yield* urlsOf(scope)).toEqual([])
    }).pipe(withFake))

  it.effect("get, update and delete of an unknown URL are 404 redirect_url_not_found", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const url = "https://example.com/nope"
      for (
        const call of [
          RedirectURLs.get({ ...scope, url }),
          RedirectURLs.update({ ...scope, url, validTypes: [{ type: "LOGIN", isDefault: true }] }),
          RedirectURLs.delete({ ...scope, url })
        ]
      ) {
        const error = yield* Effect.flip(call)
        expect(error).toMatchObject({ _tag: "StytchApiError", statusCode: 404, errorType: "redirect_url_not_found" })
      }
      // A failed update created nothing.
      expect((yield* urlsOf(scope)).map((u) => u.url)).not.toContain(url)
    }).pipe(withFake))

  it.effect("an unknown environment is 404", () =>
    Effect.gen(function*() {
      const { projectSlug } = yield* liveProject("B2B")
      const error = yield* Effect.flip(RedirectURLs.getAll({ projectSlug, environmentSlug: "nope" }))
      expect(error).toMatchObject({ _tag: "StytchApiError", statusCode: 404, errorType: "environment_not_found" })
    }).pipe(withFake))

  it.effect("an empty or blank url is an InvalidRequestError before any request", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const before = (yield* fakeRequests).length
      for (const url of ["", "   "]) {
        for (
          const call of [
            RedirectURLs.get({ ...scope, url }),
            RedirectURLs.update({ ...scope, url, validTypes: [] }),
            RedirectURLs.delete({ ...scope, url }),
            RedirectURLs.create({ ...scope, url })
          ]
        ) {
          const error = yield* Effect.flip(call)
          expect(error._tag).toBe("InvalidRequestError")
          expect(error.message).toContain("cannot be empty")
        }
      }
      expect((yield* fakeRequests).length).toBe(before)
    }).pipe(withFake))

  it.effect("empty path params are an InvalidRequestError (MissingPathParameter) before any request", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const before = (yield* fakeRequests).length
      const url = "https://example.com"
      const calls = [
        RedirectURLs.create({ ...scope, projectSlug: "", url }),
        RedirectURLs.get({ ...scope, environmentSlug: "", url }),
        RedirectURLs.getAll({ ...scope, projectSlug: " " }),
        RedirectURLs.update({ ...scope, environmentSlug: "", url }),
        RedirectURLs.delete({ ...scope, projectSlug: "", url })
      ]
      for (const call of calls) {
        const error = yield* Effect.flip(call)
        expect(error).toMatchObject({ _tag: "InvalidRequestError", kind: "MissingPathParameter" })
      }
      expect((yield* fakeRequests).length).toBe(before)
    }).pipe(withFake))

  it.effect("an unknown request enum value is rejected before any request", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const before = (yield* fakeRequests).length
      const validTypes = [{ type: "LOGON", isDefault: true }] as unknown as ReadonlyArray<RedirectURLs.URLType>
      const url = "https://example.com/typo"
      for (const call of [RedirectURLs.create({ ...scope, url, validTypes }), RedirectURLs.update({ ...scope, url, validTypes })]) {
        const error = yield* Effect.flip(call)
        expect(error).toMatchObject({ _tag: "InvalidRequestError", kind: "Body" })
      }
      expect((yield* fakeRequests).length).toBe(before)
    }).pipe(withFake))

  it.effect("DISCOVERY is refused in a Consumer project; accepted in B2B", () =>
    Effect.gen(function*() {
      const consumer = yield* testEnvironment("CONSUMER")
      const url = "https://example.com/discovery"
      const error = yield* Effect.flip(
        RedirectURLs.create({ ...consumer, url, validTypes: [{ type: "DISCOVERY", isDefault: true }] })
      )
      expect(error).toMatchObject({ _tag: "StytchApiError", statusCode: 400, errorType: "invalid_redirect_url_type" })
      const b2b = yield* testEnvironment("B2B")
      const ok = yield* RedirectURLs.create({ ...b2b, url, validTypes: [{ type: "DISCOVERY", isDefault: true }] })
      expect(ok.redirectURL.validTypes).toEqual([{ type: "DISCOVERY", isDefault: true }])
    }).pipe(withFake))

  it.effect("a URL that does not parse is a 400 invalid_redirect_url", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const error = yield* Effect.flip(RedirectURLs.create({ ...scope, url: "not a url" }))
      expect(error).toMatchObject({ _tag: "StytchApiError", statusCode: 400, errorType: "invalid_redirect_url" })
    }).pipe(withFake))

  it.effect("responses decode leniently: unknown types are kept, absent is_default / valid_types read as zero values", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const fake = yield* FakeManagementApi.FakeManagementApi
      yield* fake.inject(
        Fault.rewrite(() => ({
          request_id: "r",
          status_code: 200,
          redirect_urls: [
            { url: "https://example.com/x", valid_types: [{ type: "SOMETHING_NEW" }, { type: "LOGIN", is_default: true }] },
            { url: "https://example.com/y" }
          ]
        })),
        { operation: "redirectURLs.getAll" }
      )
      const urls = yield* urlsOf(scope)
      expect(urls.map((u) => ({ url: u.url, validTypes: u.validTypes }))).toEqual([
        {
          url: "https://example.com/x",
          validTypes: [{ type: "SOMETHING_NEW", isDefault: false }, { type: "LOGIN", isDefault: true }]
        },
        { url: "https://example.com/y", validTypes: [] }
      ])
    }).pipe(withFake))
})
