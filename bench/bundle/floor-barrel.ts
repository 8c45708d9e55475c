/**
 * Bundle (a′): the floor program of floor.ts written with barrel imports
 * (`import { Effect, Schema } from "effect"`). esbuild keeps every export of
 * a module reached through the barrel's `export * as`, so this is much
 * bigger than (a): a reference point, not the floor.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { Effect, Schema } from "effect"

const GetSecretResponse = Schema.Struct({
  request_id: Schema.String,
  status_code: Schema.Number,
  secret: Schema.Struct({ secret_id: Schema.String, last_four: Schema.String })
})

const program = Effect.gen(function*() {
  const client = yield* HttpClient.HttpClient
  const request = HttpClientRequest.get("https://management.stytch.com/pwa/v3/projects/p/environments/e/secrets/s").pipe(
    HttpClientRequest.setHeader("authorization", "Basic a2V5OnNlY3JldA==")
  )
  const response = yield* client.execute(request)
  return yield* HttpClientResponse.schemaBodyJson(GetSecretResponse)(response)
})

program.pipe(Effect.provide(FetchHttpClient.layer), Effect.runPromise).then(console.log, console.error)
