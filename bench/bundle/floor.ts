/**
 * Bundle (a): Effect's own floor — build one HttpClient request, send it with
 * FetchHttpClient, decode the JSON body with one Schema. No SDK code.
 * Imports each Effect module by its own path (`effect/Effect`), which is
 * what lets esbuild drop the unused parts of each module.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

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
