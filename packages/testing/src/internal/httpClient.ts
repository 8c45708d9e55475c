import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import type { FakeServer } from "./server.js"

const decoder = new TextDecoder()

/** An `HttpClient` that hands every request to the fake, in memory. @internal */
export const make = (server: FakeServer): HttpClient.HttpClient =>
  HttpClient.make((request, url) =>
    Effect.flatMap(
      Effect.suspend(() => {
        const body = request.body
        const text = body._tag === "Uint8Array"
          ? decoder.decode(body.body)
          : body._tag === "Raw" && typeof body.body === "string"
          ? body.body
          : ""
        return server.handle({ method: request.method, url, headers: request.headers, body: text })
      }),
      (response) =>
        response._tag === "Drop"
          ? Effect.fail(
            new HttpClientError.RequestError({
              request,
              reason: "Transport",
              cause: Object.assign(new Error(`fake: ${response.code}`), { code: response.code })
            })
          )
          : Effect.succeed(
            HttpClientResponse.fromWeb(
              request,
              new Response(response.body, { status: response.status, headers: response.headers })
            )
          )
    )
  )
