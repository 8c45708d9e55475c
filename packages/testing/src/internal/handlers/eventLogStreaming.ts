import { EventLogStreaming } from "@stytch-effect/resources"
import * as Redacted from "effect/Redacted"
import { badRequest, conflict, notFound } from "../errors.js"
import { type EnvironmentState, slot } from "../state.js"
import { environmentOf, type Handlers } from "./common.js"

/** A stored destination: secrets kept in clear, only to echo them and derive their last four. */
type Stored =
  | {
    readonly type: "DATADOG"
    readonly apiKey: string
    readonly site: EventLogStreaming.DatadogSite
    status: EventLogStreaming.StreamingStatus
  }
  | {
    readonly type: "GRAFANA_LOKI"
    readonly hostname: string
    readonly username: string
    readonly password: string
    status: EventLogStreaming.StreamingStatus
  }

type Settings = { readonly [K in Stored["type"]]: Omit<Extract<Stored, { type: K }>, "status"> }[Stored["type"]]

/** One configuration per destination type per environment. */
const destinationsOf = slot((_: EnvironmentState) => new Map<EventLogStreaming.DestinationType, Stored>())

const reveal = (secret: string | Redacted.Redacted<string>): string =>
  Redacted.isRedacted(secret) ? Redacted.value(secret) : secret

const keyOf = { DATADOG: "datadog", GRAFANA_LOKI: "grafanaLoki" } as const

/** The settings of `type` from a request's config: exactly that type's key, with non-empty secrets. */
const settingsOf = (
  type: EventLogStreaming.DestinationType,
  config: EventLogStreaming.DestinationConfigInput | undefined
): Settings => {
  const given = config === undefined ? [] : Object.keys(config).filter((k) => config[k as keyof typeof config] !== undefined)
  if (given.length !== 1 || given[0] !== keyOf[type]) {
    throw badRequest(
      "invalid_destination_config",
      `destination_config must contain exactly the ${type === "DATADOG" ? "datadog" : "grafana_loki"} settings.`
    )
  }
  if (type === "DATADOG") {
    const { apiKey, site = "US" } = config!.datadog!
    const key = reveal(apiKey)
    if (key === "") throw badRequest("invalid_destination_config", "datadog.api_key cannot be empty.")
    return { type, apiKey: key, site }
  }
  const { hostname, password, username } = config!.grafanaLoki!
  const secret = reveal(password)
  if (hostname === "" || username === "" || secret === "") {
    throw badRequest("invalid_destination_config", "grafana_loki.hostname, username and password cannot be empty.")
  }
  return { type, hostname, username, password: secret }
}

const storedOf = (environment: EnvironmentState, type: EventLogStreaming.DestinationType): Stored => {
  const stored = destinationsOf(environment).get(type)
  if (stored === undefined) throw notFound("event log streaming config", type)
  return stored
}

const unmasked = (stored: Stored) =>
  new EventLogStreaming.EventLogStreaming({
    destinationType: stored.type,
    streamingStatus: stored.status,
    destinationConfig: new EventLogStreaming.DestinationConfig(
      stored.type === "DATADOG"
        ? { datadog: new EventLogStreaming.DatadogConfig({ apiKey: Redacted.make(stored.apiKey), site: stored.site }) }
        : {
          grafanaLoki: new EventLogStreaming.GrafanaLokiConfig({
            hostname: stored.hostname,
            username: stored.username,
            password: Redacted.make(stored.password)
          })
        }
    )
  })

const masked = (stored: Stored) =>
  new EventLogStreaming.EventLogStreamingMasked({
    destinationType: stored.type,
    streamingStatus: stored.status,
    destinationConfig: new EventLogStreaming.DestinationConfigMasked(
      stored.type === "DATADOG"
        ? {
          datadog: new EventLogStreaming.DatadogConfigMasked({ apiKeyLastFour: stored.apiKey.slice(-4), site: stored.site })
        }
        : {
          grafanaLoki: new EventLogStreaming.GrafanaLokiConfigMasked({
            hostname: stored.hostname,
            username: stored.username,
            passwordLastFour: stored.password.slice(-4)
          })
        }
    )
  })

/** @internal */
export const eventLogStreaming: Handlers<typeof EventLogStreaming> = {
  get: (request, { workspace }) => ({
    eventLogStreamingConfig: masked(storedOf(environmentOf(workspace, request), request.destinationType))
  }),
  create: (request, { workspace }) => {
    const state = environmentOf(workspace, request)
    const type = request.destinationType
    if (type === undefined) throw badRequest("destination_type_required", "destination_type is required.")
    const settings = settingsOf(type, request.destinationConfig)
    if (destinationsOf(state).has(type)) {
      throw conflict(
        "event_log_streaming_config_already_exists",
        `This environment already has an event log streaming config for ${type}.`
      )
    }
    const stored: Stored = { ...settings, status: "DISABLED" }
    destinationsOf(state).set(type, stored)
    return { eventLogStreamingConfig: unmasked(stored) }
  },
  update: (request, { workspace }) => {
    const state = environmentOf(workspace, request)
    const type = request.destinationType
    const { status } = storedOf(state, type)
    const stored: Stored = { ...settingsOf(type, request.destinationConfig), status }
    destinationsOf(state).set(type, stored)
    return { eventLogStreamingConfig: unmasked(stored) }
  },
  delete: (request, { workspace }) => {
    const state = environmentOf(workspace, request)
    storedOf(state, request.destinationType)
    destinationsOf(state).delete(request.destinationType)
    return {}
  },
  enable: (request, { workspace }) => {
    storedOf(environmentOf(workspace, request), request.destinationType).status = "ACTIVE"
    return {}
  },
  disable: (request, { workspace }) => {
    storedOf(environmentOf(workspace, request), request.destinationType).status = "DISABLED"
    return {}
  }
}
