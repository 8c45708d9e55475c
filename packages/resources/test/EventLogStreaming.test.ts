import { it } from "@effect/vitest"
import { RetryPolicy, type StytchError, type StytchManagement } from "@stytch-effect/core"
import { EventLogStreaming } from "@stytch-effect/resources"
import { FakeManagementApi, Fault } from "@stytch-effect/testing"
import { Effect, Inspectable, Logger, LogLevel, Redacted, Tracer } from "effect"
import { describe, expect } from "vitest"
import { liveProject, recordSpansInto, renderings, type Scope, testEnvironment, withFake } from "./utils.js"

/** A 32-character Datadog key ending in "cdef", as the Go suite uses. */
const API_KEY = "0123456789abcdef0123456789abcdef"
const NEW_KEY = "fedcba9876543210fedcba9876543210"
const LOKI = { hostname: "logs.example.com", username: "loki-user", password: "loki-password-9876" }

const datadog = (scope: Scope) => ({ ...scope, destinationType: "DATADOG" as const })
const loki = (scope: Scope) => ({ ...scope, destinationType: "GRAFANA_LOKI" as const })

const createDatadog = (scope: Scope, apiKey: string | Redacted.Redacted<string> = API_KEY) =>
  EventLogStreaming.create({ ...datadog(scope), destinationConfig: { datadog: { apiKey, site: "US" } } })
const createLoki = (scope: Scope) =>
  EventLogStreaming.create({ ...loki(scope), destinationConfig: { grafanaLoki: LOKI } })

/** The API error of a failed effect (fails the test for any other error). */
const apiError = <A, R>(effect: Effect.Effect<A, StytchError.StytchError, R>) =>
  Effect.map(Effect.flip(effect), (error) => {
    if (error._tag !== "StytchApiError") throw new Error(`expected a StytchApiError, got ${error._tag}`)
    return error
  })

describe("EventLogStreaming", () => {
  it.effect("create DATADOG returns the unmasked config (key as Redacted), DISABLED", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject("B2B")
      const { eventLogStreamingConfig: config, requestID } = yield* createDatadog(scope)
      expect(requestID).not.toBe("")
      expect(config.destinationType).toBe("DATADOG")
      expect(config.streamingStatus).toBe("DISABLED")
      const dd = config.destinationConfig?.datadog
      expect(dd?.site).toBe("US")
      expect(Redacted.isRedacted(dd?.apiKey)).toBe(true)
      expect(Redacted.value(dd!.apiKey)).toBe(API_KEY)
      expect(String(dd!.apiKey)).toBe("<redacted>")
      expect(config.destinationConfig?.grafanaLoki).toBeUndefined()
    }).pipe(withFake))

  it.effect("create GRAFANA_LOKI returns hostname, username and the full password (Redacted), DISABLED", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject("CONSUMER")
      const { eventLogStreamingConfig: config } = yield* createLoki(scope)
      expect(config.destinationType).toBe("GRAFANA_LOKI")
      expect(config.streamingStatus).toBe("DISABLED")
      const gl = config.destinationConfig?.grafanaLoki
      expect(gl).toMatchObject({ hostname: LOKI.hostname, username: LOKI.username })
      expect(Redacted.value(gl!.password)).toBe(LOKI.password)
      expect(config.destinationConfig?.datadog).toBeUndefined()
    }).pipe(withFake))

  it.effect("get returns the masked form: last four of the key / password", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject()
      yield* createDatadog(scope)
      yield* createLoki(scope)
      const dd = (yield* EventLogStreaming.get(datadog(scope))).eventLogStreamingConfig
      expect(dd).toBeInstanceOf(EventLogStreaming.EventLogStreamingMasked)
      expect(dd.destinationType).toBe("DATADOG")
      expect(dd.streamingStatus).toBe("DISABLED")
      expect(dd.destinationConfig?.datadog).toEqual(
        new EventLogStreaming.DatadogConfigMasked({ apiKeyLastFour: "cdef", site: "US" })
      )
      expect(JSON.stringify(dd)).not.toContain(API_KEY)
      // The wire answer of get carries no secret at all.
      const fake = yield* FakeManagementApi.FakeManagementApi
      let wire: unknown
      yield* fake.inject(Fault.rewrite((body) => (wire = body)))
      const gl = (yield* EventLogStreaming.get(loki(scope))).eventLogStreamingConfig
      expect(gl.destinationConfig?.grafanaLoki).toEqual(
        new EventLogStreaming.GrafanaLokiConfigMasked({ ...LOKI, passwordLastFour: "9876" })
      )
      expect(wire).toMatchObject({
        event_log_streaming_config: {
          destination_type: "GRAFANA_LOKI",
          streaming_status: "DISABLED",
          destination_config: { grafana_loki: { hostname: LOKI.hostname, username: LOKI.username, password_last_four: "9876" } }
        }
      })
      expect(JSON.stringify(wire)).not.toContain(LOKI.password)
    }).pipe(withFake))

  it.effect("get with no config for that destination type is a 404", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject()
      const none = yield* apiError(EventLogStreaming.get(datadog(scope)))
      expect(none.statusCode).toBe(404)
      expect(none.errorType).toBe("event_log_streaming_config_not_found")
      yield* createDatadog(scope)
      const other = yield* apiError(EventLogStreaming.get(loki(scope)))
      expect(other.statusCode).toBe(404)
    }).pipe(withFake))

  it.effect("update (PUT) returns the new settings unmasked and keeps the status", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject()
      yield* createDatadog(scope)
      yield* createLoki(scope)
      yield* EventLogStreaming.enable(datadog(scope))
      const dd = yield* EventLogStreaming.update({
        ...datadog(scope),
        destinationConfig: { datadog: { apiKey: NEW_KEY, site: "EU" } }
      })
      expect(dd.eventLogStreamingConfig.destinationType).toBe("DATADOG")
      expect(dd.eventLogStreamingConfig.streamingStatus).toBe("ACTIVE")
      expect(dd.eventLogStreamingConfig.destinationConfig?.datadog?.site).toBe("EU")
      expect(Redacted.value(dd.eventLogStreamingConfig.destinationConfig!.datadog!.apiKey)).toBe(NEW_KEY)
      const masked = (yield* EventLogStreaming.get(datadog(scope))).eventLogStreamingConfig
      expect(masked.destinationConfig?.datadog).toMatchObject({ apiKeyLastFour: "3210", site: "EU" })

      const next = { hostname: "loki.example.org", username: "other", password: "another-password" }
      const gl = yield* EventLogStreaming.update({ ...loki(scope), destinationConfig: { grafanaLoki: next } })
      expect(gl.eventLogStreamingConfig.streamingStatus).toBe("DISABLED")
      const settings = gl.eventLogStreamingConfig.destinationConfig?.grafanaLoki
      expect({ ...settings, password: Redacted.value(settings!.password) }).toEqual(next)
    }).pipe(withFake))

  it.effect("update of a destination type with no config is a 404, also GRAFANA_LOKI when only DATADOG exists", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject()
      const none = yield* apiError(
        EventLogStreaming.update({ ...datadog(scope), destinationConfig: { datadog: { apiKey: NEW_KEY } } })
      )
      expect(none.statusCode).toBe(404)
      yield* createDatadog(scope)
      const other = yield* apiError(
        EventLogStreaming.update({ ...loki(scope), destinationConfig: { grafanaLoki: LOKI } })
      )
      expect(other.statusCode).toBe(404)
      expect(other.errorType).toBe("event_log_streaming_config_not_found")
    }).pipe(withFake))

  it.effect("enable → ACTIVE, disable → DISABLED, delete; each answers with a request id", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject()
      yield* createDatadog(scope)
      const enabled = yield* EventLogStreaming.enable(datadog(scope))
      expect(enabled.requestID).not.toBe("")
      expect((yield* EventLogStreaming.get(datadog(scope))).eventLogStreamingConfig.streamingStatus).toBe("ACTIVE")
      // Enabling twice is not an error.
      yield* EventLogStreaming.enable(datadog(scope))
      const disabled = yield* EventLogStreaming.disable(datadog(scope))
      expect(disabled.requestID).not.toBe("")
      expect((yield* EventLogStreaming.get(datadog(scope))).eventLogStreamingConfig.streamingStatus).toBe("DISABLED")
      const deleted = yield* EventLogStreaming.delete(datadog(scope))
      expect(deleted.requestID).not.toBe("")
      expect((yield* apiError(EventLogStreaming.get(datadog(scope)))).statusCode).toBe(404)
    }).pipe(withFake))

  it.effect("enable, disable and delete with no config are 404s", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject()
      yield* createLoki(scope)
      for (const op of [EventLogStreaming.enable, EventLogStreaming.disable, EventLogStreaming.delete]) {
        const error = yield* apiError(op(datadog(scope)))
        expect(error.statusCode).toBe(404)
        expect(error.errorType).toBe("event_log_streaming_config_not_found")
      }
      // The Loki config is untouched.
      expect((yield* EventLogStreaming.get(loki(scope))).eventLogStreamingConfig.destinationType).toBe("GRAFANA_LOKI")
    }).pipe(withFake))

  it.effect("one config per destination type per environment: a second create is a 409", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment()
      yield* createDatadog(scope)
      const again = yield* apiError(createDatadog(scope, NEW_KEY))
      expect(again.statusCode).toBe(409)
      expect(again.errorType).toBe("event_log_streaming_config_already_exists")
      // The first config is kept.
      const masked = (yield* EventLogStreaming.get(datadog(scope))).eventLogStreamingConfig
      expect(masked.destinationConfig?.datadog?.apiKeyLastFour).toBe("cdef")
      // Another environment of the project has its own.
      yield* createDatadog({ ...scope, environmentSlug: "production" }, NEW_KEY)
    }).pipe(withFake))

  it.effect("create needs a destination type and exactly the settings of that type (400)", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject()
      const noType = yield* apiError(EventLogStreaming.create({ ...scope, destinationConfig: { grafanaLoki: LOKI } }))
      expect(noType).toMatchObject({ statusCode: 400, errorType: "destination_type_required" })
      const mismatch = yield* apiError(
        EventLogStreaming.create({ ...datadog(scope), destinationConfig: { grafanaLoki: LOKI } })
      )
      expect(mismatch).toMatchObject({ statusCode: 400, errorType: "invalid_destination_config" })
      const noConfig = yield* apiError(EventLogStreaming.create(datadog(scope)))
      expect(noConfig.statusCode).toBe(400)
      const emptyKey = yield* apiError(createDatadog(scope, ""))
      expect(emptyKey.statusCode).toBe(400)
      // A Datadog site left out is US.
      const { eventLogStreamingConfig } = yield* EventLogStreaming.create({
        ...datadog(scope),
        destinationConfig: { datadog: { apiKey: API_KEY } }
      })
      expect(eventLogStreamingConfig.destinationConfig?.datadog?.site).toBe("US")
    }).pipe(withFake))

  it.effect("a Redacted key in a request is sent as the plain string", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject()
      const { eventLogStreamingConfig } = yield* createDatadog(scope, Redacted.make(API_KEY))
      expect(Redacted.value(eventLogStreamingConfig.destinationConfig!.datadog!.apiKey)).toBe(API_KEY)
      const fake = yield* FakeManagementApi.FakeManagementApi
      const sent = (yield* fake.requests).find((r) => r.operation === "eventLogStreaming.create")
      expect(sent?.body).toEqual({ destination_type: "DATADOG", destination_config: { datadog: { api_key: API_KEY, site: "US" } } })
      // A response's Redacted value can be passed back as is.
      const { apiKey } = eventLogStreamingConfig.destinationConfig!.datadog!
      yield* EventLogStreaming.update({ ...datadog(scope), destinationConfig: { datadog: { apiKey, site: "EU" } } })
      const put = (yield* fake.requests).find((r) => r.operation === "eventLogStreaming.update")
      expect(put?.method).toBe("PUT")
      expect(put?.body).toEqual({ destination_config: { datadog: { api_key: API_KEY, site: "EU" } } })
    }).pipe(withFake))

  it.effect("an empty path parameter is an InvalidRequestError and nothing is sent", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject()
      const fake = yield* FakeManagementApi.FakeManagementApi
      const before = (yield* fake.requests).length
      const empty = { ...scope, destinationType: "" as EventLogStreaming.DestinationType }
      const errors = [
        yield* Effect.flip(EventLogStreaming.get(empty)),
        yield* Effect.flip(EventLogStreaming.update({ ...empty, destinationConfig: { datadog: { apiKey: API_KEY } } })),
        yield* Effect.flip(EventLogStreaming.delete(empty)),
        yield* Effect.flip(EventLogStreaming.enable(empty)),
        yield* Effect.flip(EventLogStreaming.disable(empty)),
        yield* Effect.flip(EventLogStreaming.create({ ...scope, environmentSlug: "", destinationType: "DATADOG" })),
        yield* Effect.flip(EventLogStreaming.get({ ...datadog(scope), projectSlug: " " }))
      ]
      for (const error of errors) {
        expect(error._tag).toBe("InvalidRequestError")
        expect(error._tag === "InvalidRequestError" && error.kind).toBe("MissingPathParameter")
      }
      expect(errors[0]!.message).toBe("destinationType cannot be empty")
      expect((yield* fake.requests).length).toBe(before)
    }).pipe(withFake))

  it.effect("an unknown destination type or Datadog site is rejected before sending", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject()
      const fake = yield* FakeManagementApi.FakeManagementApi
      const before = (yield* fake.requests).length
      const splunk = { ...scope, destinationType: "SPLUNK" as EventLogStreaming.DestinationType }
      const errors = [
        yield* Effect.flip(EventLogStreaming.get(splunk)),
        yield* Effect.flip(EventLogStreaming.enable(splunk)),
        yield* Effect.flip(EventLogStreaming.create({ ...splunk, destinationConfig: { datadog: { apiKey: API_KEY } } })),
        yield* Effect.flip(EventLogStreaming.create({
          ...datadog(scope),
          destinationConfig: { datadog: { apiKey: API_KEY, site: "MARS" as EventLogStreaming.DatadogSite } }
        }))
      ]
      for (const error of errors) {
        expect(error._tag).toBe("InvalidRequestError")
        // The message names the field, never a value (the key is in the same request).
        expect(error.message).not.toContain(API_KEY)
      }
      expect((yield* fake.requests).length).toBe(before)
      // An unknown value FROM the server still decodes (open enums in responses).
      yield* createDatadog(scope)
      yield* fake.inject(Fault.rewrite((body) => ({
        ...body,
        event_log_streaming_config: { destination_type: "SPLUNK", streaming_status: "PAUSED" }
      })))
      const got = yield* EventLogStreaming.get(datadog(scope))
      expect(got.eventLogStreamingConfig).toMatchObject({ destinationType: "SPLUNK", streamingStatus: "PAUSED" })
    }).pipe(withFake))
})

describe("secrets in responses never print (acceptance)", () => {
  it.effect("the Datadog API key is in no log line, span attribute, error rendering or JSON of the response", () => {
    const lines: Array<string> = []
    const capture = (logger: Logger.Logger<unknown, string>) => Logger.map(logger, (line) => lines.push(line))
    const loggers = Logger.replace(
      Logger.defaultLogger,
      Logger.zip(
        capture(Logger.logfmtLogger),
        Logger.zip(capture(Logger.jsonLogger), Logger.zip(capture(Logger.stringLogger), capture(Logger.structuredLogger.pipe(
          Logger.map((entry) => JSON.stringify(entry))
        ))))
      )
    )
    const spans: Array<Tracer.Span> = []
    const errors: Array<unknown> = []
    const failing = <A, E>(effect: Effect.Effect<A, E, StytchManagement.StytchManagement>) =>
      effect.pipe(
        Effect.tapErrorCause((cause) => Effect.logError("operation failed", cause)),
        Effect.catchAll((error) => Effect.sync(() => errors.push(error)))
      )

    return Effect.gen(function*() {
      const scope = yield* liveProject()
      const response = yield* createDatadog(scope).pipe(Effect.withSpan("app.create-destination"))
      // The application logs the whole response at Debug, annotates its span with it, and prints it.
      yield* Effect.logDebug("created destination", response)
      yield* Effect.logDebug(response.eventLogStreamingConfig.destinationConfig?.datadog?.apiKey)
      yield* Effect.annotateLogs(Effect.logInfo("done"), "config", response.eventLogStreamingConfig)
      yield* Effect.annotateCurrentSpan("response", response).pipe(Effect.withSpan("app.annotated"))
      const json = JSON.stringify(response)

      // Operations fail afterwards, with the key in their requests.
      const fake = yield* FakeManagementApi.FakeManagementApi
      yield* failing(createDatadog(scope)) // 409: already exists
      yield* failing(EventLogStreaming.create({
        ...datadog(scope),
        destinationConfig: { datadog: { apiKey: API_KEY, site: "MARS" as EventLogStreaming.DatadogSite } }
      })) // InvalidRequestError
      // A 2xx answer carrying the key that does not decode: UnexpectedResponseError.
      yield* fake.inject(Fault.rewrite((body) => ({ ...body, streaming_status: 1, event_log_streaming_config: 7 })))
      yield* failing(EventLogStreaming.update({ ...datadog(scope), destinationConfig: { datadog: { apiKey: API_KEY } } }))
      yield* failing(Effect.fail(response)) // even a failure that IS the response
      expect(errors.length).toBe(4)
      expect(errors.map((e) => (e as { _tag?: string })._tag).slice(0, 3)).toEqual([
        "StytchApiError",
        "InvalidRequestError",
        "UnexpectedResponseError"
      ])

      const attributes = spans.flatMap((span) =>
        Array.from(span.attributes.values(), (v) => `${String(v)} ${JSON.stringify(v)} ${Inspectable.format(v)}`)
      )
      expect(lines.some((line) => line.includes("created destination"))).toBe(true)
      expect(lines.some((line) => line.includes("operation failed"))).toBe(true)
      expect(spans.some((s) => s.name === "stytch.eventLogStreaming.create")).toBe(true)
      expect(spans.some((s) => s.attributes.has("response"))).toBe(true)
      const everything = [json, String(response), Inspectable.format(response), ...lines, ...attributes, ...errors.flatMap(renderings)]
      for (const text of everything) expect(text).not.toContain(API_KEY)
      for (const text of everything) expect(text).not.toContain(API_KEY.slice(0, 16))
      // The key really was there: the response holds it, redacted.
      expect(json).toContain("<redacted>")
      expect(Redacted.value(response.eventLogStreamingConfig.destinationConfig!.datadog!.apiKey)).toBe(API_KEY)
    }).pipe(
      recordSpansInto(spans),
      Logger.withMinimumLogLevel(LogLevel.Debug),
      Effect.provide(loggers),
      Effect.provide(RetryPolicy.none),
      withFake
    )
  })
})
