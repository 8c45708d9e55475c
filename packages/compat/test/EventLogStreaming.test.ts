import { ClientError, type event_log_streaming, ManagementStytchError, type secrets } from "@stytch-effect/compat"
import { EventLogStreaming } from "@stytch-effect/resources"
import { Redacted } from "effect"
import { inspect } from "node:util"
import { describe, expect, expectTypeOf, it } from "vitest"
import { liveProject, rejection, testEnvironment, useServedFake } from "./utils.js"

const { client, server } = useServedFake()

const API_KEY = "0123456789abcdef0123456789abcdef"
const NEW_KEY = "fedcba9876543210fedcba9876543210"
const LOKI = { hostname: "logs.example.com", username: "loki-user", password: "loki-password-9876" }

type Scope = { readonly projectSlug: string; readonly environmentSlug: string }
const datadog = (scope: Scope) => ({ ...scope, destinationType: "DATADOG" as const })
const loki = (scope: Scope) => ({ ...scope, destinationType: "GRAFANA_LOKI" as const })

const apiError = async (promise: Promise<unknown>): Promise<ManagementStytchError> => {
  const error = await rejection(promise)
  expect(error).toBeInstanceOf(ManagementStytchError)
  return error as ManagementStytchError
}

describe("client.eventLogStreaming", () => {
  it("create returns the PLAIN key, get masks it, update, enable, disable, delete", async () => {
    const c = client()
    const scope = await liveProject(c)
    const created: event_log_streaming.CreateResponse = await c.eventLogStreaming.create({
      ...datadog(scope),
      destinationConfig: { datadog: { apiKey: API_KEY, site: "US" } }
    })
    expect(created.eventLogStreamingConfig).toEqual({
      destinationType: "DATADOG",
      destinationConfig: { datadog: { apiKey: API_KEY, site: "US" } },
      streamingStatus: "DISABLED"
    })
    expect(typeof created.eventLogStreamingConfig.destinationConfig?.datadog?.apiKey).toBe("string")
    expect(JSON.stringify(created)).toContain(API_KEY)
    expectTypeOf(created.eventLogStreamingConfig.destinationConfig!.datadog!.apiKey).toEqualTypeOf<string>()
    expect(created.requestID).toMatch(/^request-id-test-/)

    const got: event_log_streaming.GetResponse = await c.eventLogStreaming.get(datadog(scope))
    // A response without secrets is returned as decoded (no copy).
    expect(got.eventLogStreamingConfig).toBeInstanceOf(EventLogStreaming.EventLogStreamingMasked)
    expect(got.eventLogStreamingConfig).toMatchObject({
      destinationType: "DATADOG",
      destinationConfig: { datadog: { apiKeyLastFour: "cdef", site: "US" } },
      streamingStatus: "DISABLED"
    })

    const updated: event_log_streaming.UpdateResponse = await c.eventLogStreaming.update({
      ...datadog(scope),
      destinationConfig: { datadog: { apiKey: NEW_KEY, site: "EU" } }
    })
    expect(updated.eventLogStreamingConfig.destinationConfig?.datadog).toEqual({ apiKey: NEW_KEY, site: "EU" })

    const enabled: event_log_streaming.EnableResponse = await c.eventLogStreaming.enable(datadog(scope))
    expect(enabled.requestID).toMatch(/^request-id-test-/)
    expect((await c.eventLogStreaming.get(datadog(scope))).eventLogStreamingConfig.streamingStatus).toBe("ACTIVE")
    const disabled: event_log_streaming.DisableResponse = await c.eventLogStreaming.disable(datadog(scope))
    expect(disabled.requestID).toMatch(/^request-id-test-/)
    expect((await c.eventLogStreaming.get(datadog(scope))).eventLogStreamingConfig.streamingStatus).toBe("DISABLED")
    const deleted: event_log_streaming.DeleteResponse = await c.eventLogStreaming.delete(datadog(scope))
    expect(deleted.requestID).toMatch(/^request-id-test-/)
    const gone = await apiError(c.eventLogStreaming.get(datadog(scope)))
    expect(gone.status_code).toBe(404)
    expect(gone.error_type).toBe("event_log_streaming_config_not_found")

    const ops = server().requests().filter((r) => r.operation?.startsWith("eventLogStreaming."))
    expect(ops.map((r) => `${r.method} ${r.path.split("/event_log_streaming")[1]}`)).toEqual([
      "POST ",
      "GET /DATADOG",
      "PUT /DATADOG",
      "POST /DATADOG/enable",
      "GET /DATADOG",
      "POST /DATADOG/disable",
      "GET /DATADOG",
      "DELETE /DATADOG",
      "GET /DATADOG"
    ])
  })

  it("Grafana Loki: create and update return the plain password; get masks it", async () => {
    const c = client()
    const scope = await testEnvironment(c, "CONSUMER")
    const created = await c.eventLogStreaming.create({ ...loki(scope), destinationConfig: { grafanaLoki: LOKI } })
    expect(created.eventLogStreamingConfig.destinationConfig?.grafanaLoki).toEqual(LOKI)
    expect(created.eventLogStreamingConfig.streamingStatus).toBe("DISABLED")
    const masked = await c.eventLogStreaming.get(loki(scope))
    expect(masked.eventLogStreamingConfig.destinationConfig?.grafanaLoki).toMatchObject({
      hostname: LOKI.hostname,
      username: LOKI.username,
      passwordLastFour: "9876"
    })
    const next = { hostname: "loki.example.org", username: "other", password: "another-password" }
    // A Redacted password is accepted too (and sent as the plain string).
    const updated = await c.eventLogStreaming.update({
      ...loki(scope),
      destinationConfig: { grafanaLoki: { ...next, password: Redacted.make(next.password) } }
    })
    expect(updated.eventLogStreamingConfig.destinationConfig?.grafanaLoki).toEqual(next)
    expect(server().requests().at(-1)?.body).toEqual({ destination_config: { grafana_loki: next } })
  })

  it("404 for a type with no config (update of GRAFANA_LOKI when only DATADOG exists); 409 for a second create", async () => {
    const c = client()
    const scope = await liveProject(c)
    await c.eventLogStreaming.create({ ...datadog(scope), destinationConfig: { datadog: { apiKey: API_KEY } } })
    const cases = [
      c.eventLogStreaming.update({ ...loki(scope), destinationConfig: { grafanaLoki: LOKI } }),
      c.eventLogStreaming.get(loki(scope)),
      c.eventLogStreaming.enable(loki(scope)),
      c.eventLogStreaming.disable(loki(scope)),
      c.eventLogStreaming.delete(loki(scope))
    ]
    for (const promise of cases) {
      const error = await apiError(promise)
      expect(error.status_code).toBe(404)
      expect(error.error_type).toBe("event_log_streaming_config_not_found")
    }
    const again = await apiError(
      c.eventLogStreaming.create({ ...datadog(scope), destinationConfig: { datadog: { apiKey: NEW_KEY } } })
    )
    expect(again.status_code).toBe(409)
    expect(again.error_type).toBe("event_log_streaming_config_already_exists")
    // The facade's errors do not carry the key sent in the request.
    for (const text of [String(again), again.stack, JSON.stringify(again), inspect(again, { depth: 10 })]) {
      expect(text).not.toContain(NEW_KEY)
    }
  })

  it("MISSING_PATH_PARAMETER for an empty path parameter, before any request", async () => {
    const c = client()
    const empty = { projectSlug: "p", environmentSlug: "e", destinationType: "" as event_log_streaming.DestinationType }
    const cases: ReadonlyArray<readonly [string, Promise<unknown>]> = [
      ["destinationType", c.eventLogStreaming.get(empty)],
      ["destinationType", c.eventLogStreaming.update({ ...empty, destinationConfig: { datadog: { apiKey: API_KEY } } })],
      ["destinationType", c.eventLogStreaming.delete(empty)],
      ["destinationType", c.eventLogStreaming.enable(empty)],
      ["destinationType", c.eventLogStreaming.disable(empty)],
      ["environmentSlug", c.eventLogStreaming.create({ projectSlug: "p", environmentSlug: "", destinationType: "DATADOG" })],
      ["projectSlug", c.eventLogStreaming.get({ ...empty, projectSlug: "", destinationType: "DATADOG" })]
    ]
    for (const [field, promise] of cases) {
      const error = await rejection(promise)
      expect(error).toBeInstanceOf(ClientError)
      expect((error as ClientError).code).toBe("MISSING_PATH_PARAMETER")
      expect((error as ClientError).message).toBe(`${field} cannot be empty`)
    }
    expect(server().requests()).toEqual([])
  })

  it("INVALID_PATH_PARAMETER / INVALID_REQUEST for an unknown destination type / Datadog site, before any request", async () => {
    const c = client()
    const scope = { projectSlug: "p", environmentSlug: "e" }
    const cases = [
      c.eventLogStreaming.enable({ ...scope, destinationType: "SPLUNK" as event_log_streaming.DestinationType }),
      c.eventLogStreaming.create({
        ...datadog(scope),
        destinationConfig: { datadog: { apiKey: API_KEY, site: "MARS" as event_log_streaming.DatadogSite } }
      })
    ]
    const codes = ["INVALID_PATH_PARAMETER", "INVALID_REQUEST"]
    for (const [i, promise] of cases.entries()) {
      const error = await rejection(promise)
      expect(error).toBeInstanceOf(ClientError)
      expect((error as ClientError).code).toBe(codes[i])
      expect(String(error)).not.toContain(API_KEY)
    }
    expect(server().requests()).toEqual([])
  })
})

describe("the facade returns secrets as plain strings", () => {
  it("secrets.create: the value is a string (the Effect API's Redacted, unwrapped)", async () => {
    const c = client()
    const scope = await liveProject(c)
    const created: secrets.CreateResponse = await c.secrets.create(scope)
    const secret: secrets.Secret = created.secret
    expect(typeof secret.secret).toBe("string")
    expect(Redacted.isRedacted(secret.secret)).toBe(false)
    expectTypeOf(secret.secret).toEqualTypeOf<string>()
    expect(JSON.stringify(created)).toContain(secret.secret)
    const masked = await c.secrets.getAll(scope)
    expect(masked.secrets[0]?.lastFour).toBe(secret.secret.slice(-4))
  })

  it("type level: Redacted<string> becomes string deeply in the facade's types only", () => {
    expectTypeOf<NonNullable<EventLogStreaming.DestinationConfig["datadog"]>["apiKey"]>()
      .toEqualTypeOf<Redacted.Redacted<string>>()
    expectTypeOf<event_log_streaming.DatadogConfig>().toEqualTypeOf<{
      readonly apiKey: string
      readonly site?: EventLogStreaming.DatadogConfig["site"]
    }>()
    expectTypeOf<event_log_streaming.GrafanaLokiConfig["password"]>().toEqualTypeOf<string>()
    type Loki = NonNullable<NonNullable<event_log_streaming.EventLogStreaming["destinationConfig"]>["grafanaLoki"]>
    expectTypeOf<Loki["password"]>().toEqualTypeOf<string>()
    // Types without a Redacted are the resource types themselves.
    expectTypeOf<event_log_streaming.GetResponse>().toEqualTypeOf<EventLogStreaming.GetResponse>()
    expectTypeOf<ReturnType<typeof client>["eventLogStreaming"]["get"]>().returns.resolves
      .toEqualTypeOf<EventLogStreaming.GetResponse>()
  })
})
