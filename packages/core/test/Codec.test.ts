import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { it } from "@effect/vitest"
import { Credentials, Endpoint, StytchManagement } from "@stytch-effect/core"
import { Api, ProjectApi } from "@stytch-effect/resources"
import { Arbitrary, Effect, Either, FastCheck as fc, Layer, Redacted, Schema } from "effect"
import { describe, expect } from "vitest"
import * as Codec from "../src/internal/codec.js"

// The compiled fast path (internal/codec.ts) must give exactly Schema's
// result: for every endpoint's request (encoding) and response (decoding)
// schema, on valid values and on mutated ones, both succeed with the same
// value (same keys, same prototypes, same Redacted contents) or both fail.

/** Deep equality that also compares prototypes, own key order and the contents of `Redacted` and `Date` values. */
const same = (a: unknown, b: unknown, path = "$"): void => {
  if (Redacted.isRedacted(a) || Redacted.isRedacted(b)) {
    expect(Redacted.isRedacted(a) && Redacted.isRedacted(b), path).toBe(true)
    return same(Redacted.value(a as Redacted.Redacted), Redacted.value(b as Redacted.Redacted), `${path}<redacted>`)
  }
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
    expect(Object.is(a, b), `${path}: ${String(a)} vs ${String(b)}`).toBe(true)
    return
  }
  expect(Object.getPrototypeOf(a), `${path}: prototype`).toBe(Object.getPrototypeOf(b))
  if (a instanceof Date) expect(Object.is(a.getTime(), (b as Date).getTime()), `${path}: date`).toBe(true)
  expect(Reflect.ownKeys(a), `${path}: keys`).toEqual(Reflect.ownKeys(b))
  for (const key of Reflect.ownKeys(a)) {
    same((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key], `${path}.${String(key)}`)
  }
}

const isPlain = (value: unknown): value is Record<string, unknown> | Array<unknown> =>
  Array.isArray(value) ||
  (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype)

/** A copy of the plain objects and arrays of a value (class instances and `Redacted` values are shared). */
const clone = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(clone)
    : isPlain(value)
    ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)]))
    : value

/** Every plain object and array inside a value (the value itself first). */
const containers = (value: unknown, out: Array<Record<string, unknown> | Array<unknown>> = []) => {
  if (isPlain(value)) {
    out.push(value)
    for (const item of Object.values(value)) containers(item, out)
  }
  return out
}

/** Wrong or unexpected values: other types, unknown enum strings, empty strings, nested junk. */
const junk = fc.oneof(
  fc.constantFrom<unknown>("NOT_A_KNOWN_VALUE", "", 0, -1.5, Number.NaN, null, undefined, true, false, [], {}),
  fc.anything()
)

/** A mutation of a value: a key removed, a value replaced by junk, an extra key, or the whole value replaced. */
const mutated = (valid: fc.Arbitrary<unknown>) =>
  fc.tuple(valid, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 }), junk).map(([value, at, keyAt, op, other]) => {
    if (op === 3) return other
    const copy = clone(value)
    const targets = containers(copy)
    if (targets.length === 0) return other
    const target = targets[at % targets.length]!
    const keys = Object.keys(target)
    const key = keys.length > 0 ? keys[keyAt % keys.length]! : "extra"
    if (op === 0) delete (target as Record<string, unknown>)[key]
    else if (op === 1) (target as Record<string, unknown>)[key] = other
    else (target as Record<string, unknown>)[`extra_${keyAt % 3}`] = other
    return copy
  })

/** Runs the fast path first (so a fast path that mutated its input would make Schema's result differ), then Schema. */
const agrees = (fast: (input: unknown) => unknown, reference: (input: unknown) => Either.Either<unknown, unknown>) =>
(input: unknown) => {
  const result = fast(input)
  const expected = reference(input)
  if (Either.isLeft(expected)) {
    expect(result, "Schema fails, the fast path must miss").toBe(Codec.miss)
  } else {
    expect(result, "Schema succeeds, the fast path must be taken").not.toBe(Codec.miss)
    same(result, expected.right)
  }
}

const endpoints = [...Api.endpoints, ...ProjectApi.endpoints]
const params = { numRuns: 60 }

describe("the compiled codec gives Schema's result", () => {
  it("covers every operation of both APIs", () => {
    expect(Api.endpoints.length).toBe(62)
    expect(ProjectApi.endpoints.length).toBeGreaterThan(0)
    for (const endpoint of endpoints) {
      if (endpoint.request !== undefined) expect(Codec.compile(endpoint.request.ast, false)).toBeTypeOf("function")
      expect(Codec.compile(endpoint.response.ast, true), `${endpoint.group}.${endpoint.name}`).toBeTypeOf("function")
    }
  })

  for (const endpoint of endpoints) {
    const label = `${endpoint.group}.${endpoint.name}`
    if (endpoint.request !== undefined) {
      const request = endpoint.request as Schema.Schema<unknown, unknown>
      it(`${label}: request encoding`, () => {
        const check = agrees(Codec.compile(request.ast, false)!, Schema.encodeUnknownEither(request))
        const valid = Arbitrary.make(request)
        fc.assert(fc.property(valid, check), params)
        fc.assert(fc.property(mutated(valid), check), params)
      })
    }
    const response = endpoint.response as Schema.Schema<unknown, unknown>
    it(`${label}: response decoding`, () => {
      const check = agrees(Codec.compile(response.ast, true)!, Schema.decodeUnknownEither(response))
      // Valid wire bodies: values of the type, encoded by Schema.
      const valid = Arbitrary.make(response).map(Schema.encodeSync(response))
      fc.assert(fc.property(valid, check), params)
      fc.assert(fc.property(mutated(valid), check), params)
    })
  }
})

describe("the compiled codec on shapes our endpoints do not use (yet)", () => {
  class Item extends Schema.Class<Item>("Item")({ at: Schema.DateFromString, n: Schema.NumberFromString }) {}
  const shapes: ReadonlyArray<Schema.Schema<unknown, unknown>> = [
    // fields beside an index signature: the index type checks a field's value too, but does not overwrite it
    Schema.Struct({ a: Schema.NumberFromString }, Schema.Record({ key: Schema.String, value: Schema.Union(Schema.String, Schema.Number) })),
    // declarations that reject (DateFromSelf), transformations to them (DateFromString), nested classes in a union
    Schema.Struct({ when: Schema.DateFromSelf, item: Schema.optional(Schema.NullOr(Item)), items: Schema.Array(Item) }),
    Schema.Struct({ n: Schema.optionalWith(Schema.NumberFromString, { default: () => 1 }).pipe(Schema.fromKey("wire_n")) }),
    Schema.Struct({}),
    Schema.Struct({ u: Schema.Unknown, id: Schema.String.pipe(Schema.pattern(/^[a-z]+$/)) })
  ] as never
  for (const schema of shapes) {
    it(String(schema), () => {
      const encoded = Arbitrary.make(schema).map(Schema.encodeSync(schema))
      const decode = agrees(Codec.compile(schema.ast, true)!, Schema.decodeUnknownEither(schema))
      const encode = agrees(Codec.compile(schema.ast, false)!, Schema.encodeUnknownEither(schema))
      fc.assert(fc.property(encoded, decode), params)
      fc.assert(fc.property(mutated(encoded), decode), params)
      fc.assert(fc.property(Arbitrary.make(schema), encode), params)
      fc.assert(fc.property(mutated(Arbitrary.make(schema)), encode), params)
    })
  }
})

describe("shapes the codec does not know", () => {
  const A = Schema.Struct({ kind: Schema.Literal("a"), a: Schema.String })
  const B = Schema.Struct({ kind: Schema.Literal("b"), b: Schema.Number })
  interface Tree {
    readonly children: ReadonlyArray<Tree>
  }
  const Tree: Schema.Schema<Tree> = Schema.Struct({ children: Schema.Array(Schema.suspend(() => Tree)) })
  it("compile to no fast path", () => {
    for (
      const schema of [
        Schema.Struct({ items: Schema.Union(A, B) }), // Schema picks a member by its literal field
        Schema.Struct({ pair: Schema.Tuple(Schema.String, Schema.Number) }),
        Schema.Struct({ id: Schema.TemplateLiteral("id-", Schema.Number) }),
        Schema.Struct({ n: Schema.BigIntFromSelf }),
        Tree,
        Schema.Struct({ a: Schema.String }).annotations({ parseOptions: { onExcessProperty: "error" } }),
        Schema.Struct({ a: Schema.String }).pipe(Schema.filter(() => true))
      ] as ReadonlyArray<Schema.Schema.Any>
    ) {
      expect(Codec.compile(schema.ast, true), String(schema)).toBeUndefined()
      expect(Codec.compile(schema.ast, false), String(schema)).toBeUndefined()
    }
  })

  it("a transformation that throws misses (Schema's call then decides)", () => {
    const Throwing = Schema.transform(Schema.String, Schema.String, {
      strict: true,
      decode: () => {
        throw new Error("boom")
      },
      encode: (s) => s
    })
    expect(Codec.compile(Throwing.ast, true)!("x")).toBe(Codec.miss)
  })
})

describe("operations take the fast path", () => {
  /** The stacks a transformation was called with: through the codec, or through Schema's parser. */
  const callers: Array<string> = []
  const Traced = Schema.transform(Schema.String, Schema.String, {
    strict: true,
    decode: (s) => {
      callers.push(new Error().stack ?? "")
      return s
    },
    encode: (s) => {
      callers.push(new Error().stack ?? "")
      return s
    }
  })
  const endpoint = Endpoint.make({
    group: "codecTest",
    name: "echo",
    method: "POST",
    path: "/codec",
    request: Schema.Struct({ value: Traced }),
    response: Schema.Struct({ value: Traced, status_code: Schema.Number }),
    description: "echoes its value"
  })
  const echo = Endpoint.operation(endpoint)
  const layer = StytchManagement.layerWithHttpClient({ credentials: Credentials.workspaceKey("id", "secret") }).pipe(
    Layer.provide(Layer.succeed(
      HttpClient.HttpClient,
      HttpClient.make((request) =>
        Effect.succeed(HttpClientResponse.fromWeb(request, new Response(`{"value":"v"}`, { status: 200 })))
      )
    ))
  )

  it.effect("the request is encoded and the response decoded by the codec, not by Schema", () =>
    Effect.gen(function*() {
      callers.length = 0
      const result = yield* echo({ value: "v" })
      expect(result).toEqual({ value: "v", status_code: 200 })
      expect(callers).toHaveLength(2)
      for (const caller of callers) {
        expect(caller).toContain("internal/codec.ts")
        expect(caller).not.toContain("ParseResult")
      }
    }).pipe(Effect.provide(layer)))

  it.effect("a response the codec misses is decoded by Schema, with Schema's error", () =>
    Effect.gen(function*() {
      const failing = StytchManagement.layerWithHttpClient({ credentials: Credentials.workspaceKey("id", "secret") })
        .pipe(Layer.provide(Layer.succeed(
          HttpClient.HttpClient,
          HttpClient.make((request) =>
            Effect.succeed(HttpClientResponse.fromWeb(request, new Response(`{"value":1}`, { status: 200 })))
          )
        )))
      const error = yield* Effect.flip(echo({ value: "v" })).pipe(Effect.provide(failing))
      expect(error._tag).toBe("UnexpectedResponseError")
      expect(error.message).toContain("value")
    }))
})
