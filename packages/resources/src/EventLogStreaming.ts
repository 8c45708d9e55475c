/**
 * Event log streaming: an environment's event logs streamed to Datadog or
 * Grafana Loki. An environment has at most one configuration per
 * destination type, addressed by that type (`DATADOG`, `GRAFANA_LOKI`). A
 * new configuration starts `DISABLED`; {@link enable} and {@link disable}
 * switch it.
 *
 * Secrets: {@link create} and {@link update} answer with the unmasked
 * configuration, whose Datadog `apiKey` and Grafana Loki `password` are
 * `Redacted<string>` (they print as `<redacted>`; read them with
 * `Redacted.value`). {@link get} answers with the masked form, which carries
 * only their last four characters. In requests these secrets are a plain
 * string or a `Redacted<string>` (`Wire.Secret`).
 *
 * @since 0.1.0
 */
import * as Endpoint from "@stytch-effect/core/Endpoint"
import * as Wire from "@stytch-effect/core/Wire"
import * as Schema from "effect/Schema"
import { environmentScope, PE } from "./internal/scope.js"

/**
 * The schema of {@link DestinationType}, closed (the request and path form);
 * `DestinationType.open` is the response form.
 *
 * @since 0.1.0
 * @category enums
 */
export const DestinationType = Wire.Enum("DestinationType", "DATADOG", "GRAFANA_LOKI")

/**
 * Where event logs are streamed. Requests (and the `{destination_type}` path
 * parameter) accept only these values; responses decode any other value.
 *
 * @since 0.1.0
 * @category enums
 */
export type DestinationType = typeof DestinationType.Type

/**
 * The schema of {@link DatadogSite}, closed (the request form);
 * `DatadogSite.open` is the response form.
 *
 * @since 0.1.0
 * @category enums
 */
export const DatadogSite = Wire.Enum("DatadogSite", "US", "US3", "US5", "EU", "AP1")

/**
 * The Datadog site logs are sent to.
 *
 * @since 0.1.0
 * @category enums
 */
export type DatadogSite = typeof DatadogSite.Type

/**
 * The schema of {@link StreamingStatus}; responses use its open form,
 * `StreamingStatus.open`.
 *
 * @since 0.1.0
 * @category enums
 */
export const StreamingStatus = Wire.Enum("StreamingStatus", "ACTIVE", "DISABLED", "PENDING")

/**
 * Whether streaming is on. Only appears in responses (open there).
 *
 * @since 0.1.0
 * @category enums
 */
export type StreamingStatus = typeof StreamingStatus.Type

// ---------------------------------------------------------------------------
// Responses: unmasked (create, update) and masked (get)
// ---------------------------------------------------------------------------

/**
 * Datadog settings, unmasked (create and update responses). `apiKey` is
 * `Redacted`: it never prints.
 *
 * @since 0.1.0
 * @category models
 */
export class DatadogConfig extends Schema.Class<DatadogConfig>("DatadogConfig")({
  apiKey: Wire.field("api_key", Schema.Redacted(Schema.String.annotations({ description: "Datadog API key." }))),
  site: Wire.optionalField("site", DatadogSite.open, "Datadog site.")
}) {}

/**
 * Grafana Loki settings, unmasked (create and update responses). `password`
 * is `Redacted`: it never prints.
 *
 * @since 0.1.0
 * @category models
 */
export class GrafanaLokiConfig extends Schema.Class<GrafanaLokiConfig>("GrafanaLokiConfig")({
  hostname: Schema.String.annotations({ description: "Grafana Loki host." }),
  username: Schema.String.annotations({ description: "Username for Loki." }),
  password: Schema.Redacted(Schema.String.annotations({ description: "Password for Loki." }))
}) {}

/**
 * A destination's settings, unmasked: the key of its type is set.
 *
 * @since 0.1.0
 * @category models
 */
export class DestinationConfig extends Schema.Class<DestinationConfig>("DestinationConfig")({
  datadog: Wire.optionalField("datadog", DatadogConfig, "Set when destination_type is DATADOG."),
  grafanaLoki: Wire.optionalField("grafana_loki", GrafanaLokiConfig, "Set when destination_type is GRAFANA_LOKI.")
}) {}

/**
 * An event log streaming configuration, unmasked: returned by
 * {@link create} and {@link update} (secrets in full, as `Redacted`).
 *
 * @since 0.1.0
 * @category models
 */
export class EventLogStreaming extends Schema.Class<EventLogStreaming>("EventLogStreaming")({
  destinationType: Wire.optionalField("destination_type", DestinationType.open, "Destination kind."),
  destinationConfig: Wire.optionalField("destination_config", DestinationConfig, "Destination settings, unmasked."),
  streamingStatus: Wire.optionalField("streaming_status", StreamingStatus.open, "Whether streaming is on.")
}) {}

/**
 * Datadog settings, masked: only the API key's last four characters.
 *
 * @since 0.1.0
 * @category models
 */
export class DatadogConfigMasked extends Schema.Class<DatadogConfigMasked>("DatadogConfigMasked")({
  apiKeyLastFour: Wire.field("api_key_last_four", Schema.String, "Final 4 chars of the Datadog API key."),
  site: Wire.optionalField("site", DatadogSite.open, "Datadog site.")
}) {}

/**
 * Grafana Loki settings, masked: only the password's last four characters.
 *
 * @since 0.1.0
 * @category models
 */
export class GrafanaLokiConfigMasked extends Schema.Class<GrafanaLokiConfigMasked>("GrafanaLokiConfigMasked")({
  hostname: Schema.String.annotations({ description: "Grafana Loki host." }),
  username: Schema.String.annotations({ description: "Username for Loki." }),
  passwordLastFour: Wire.field("password_last_four", Schema.String, "Last four characters of the password.")
}) {}

/**
 * A destination's settings, masked.
 *
 * @since 0.1.0
 * @category models
 */
export class DestinationConfigMasked extends Schema.Class<DestinationConfigMasked>("DestinationConfigMasked")({
  datadog: Wire.optionalField("datadog", DatadogConfigMasked, "Masked Datadog settings."),
  grafanaLoki: Wire.optionalField("grafana_loki", GrafanaLokiConfigMasked, "Masked Grafana Loki settings.")
}) {}

/**
 * An event log streaming configuration, masked: returned by {@link get}.
 *
 * @since 0.1.0
 * @category models
 */
export class EventLogStreamingMasked extends Schema.Class<EventLogStreamingMasked>("EventLogStreamingMasked")({
  destinationType: Wire.optionalField("destination_type", DestinationType.open, "Destination kind."),
  destinationConfig: Wire.optionalField(
    "destination_config",
    DestinationConfigMasked,
    "Destination settings with secrets masked."
  ),
  streamingStatus: Wire.optionalField("streaming_status", StreamingStatus.open, "Whether streaming is on.")
}) {}

// ---------------------------------------------------------------------------
// Request settings: secrets as a plain string or a Redacted<string>
// ---------------------------------------------------------------------------

const DatadogConfigInput_ = Schema.Struct({
  apiKey: Wire.field("api_key", Wire.secret("Datadog API key.")),
  site: Wire.optionalField("site", DatadogSite, "Datadog site.")
})
/**
 * Datadog settings in a request. `apiKey` is a string or a `Redacted<string>`.
 *
 * @since 0.1.0
 * @category models
 */
export interface DatadogConfigInput extends Schema.Schema.Type<typeof DatadogConfigInput_> {}
/**
 * The schema of {@link DatadogConfigInput}: sends `apiKey` as plain text in
 * `api_key`, whether it was given as a string or a `Redacted<string>`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DatadogConfigInput: Schema.Schema<DatadogConfigInput, typeof DatadogConfigInput_.Encoded> =
  DatadogConfigInput_

const GrafanaLokiConfigInput_ = Schema.Struct({
  hostname: Schema.String.annotations({ description: "Grafana Loki host." }),
  username: Schema.String.annotations({ description: "Username for Loki." }),
  password: Wire.secret("Password for Loki.")
})
/**
 * Grafana Loki settings in a request. `password` is a string or a
 * `Redacted<string>`.
 *
 * @since 0.1.0
 * @category models
 */
export interface GrafanaLokiConfigInput extends Schema.Schema.Type<typeof GrafanaLokiConfigInput_> {}
/**
 * The schema of {@link GrafanaLokiConfigInput}: sends `password` as plain text,
 * whether it was given as a string or a `Redacted<string>`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GrafanaLokiConfigInput: Schema.Schema<GrafanaLokiConfigInput, typeof GrafanaLokiConfigInput_.Encoded> =
  GrafanaLokiConfigInput_

const DestinationConfigInput_ = Schema.Struct({
  datadog: Wire.optionalField("datadog", DatadogConfigInput, "Set when destination_type is DATADOG."),
  grafanaLoki: Wire.optionalField("grafana_loki", GrafanaLokiConfigInput, "Set when destination_type is GRAFANA_LOKI.")
})
/**
 * A destination's settings in a request: set the key of its type only.
 *
 * @since 0.1.0
 * @category models
 */
export interface DestinationConfigInput extends Schema.Schema.Type<typeof DestinationConfigInput_> {}
/**
 * The schema of {@link DestinationConfigInput} (`grafanaLoki` is `grafana_loki`
 * on the wire).
 *
 * @since 0.1.0
 * @category schemas
 */
export const DestinationConfigInput: Schema.Schema<DestinationConfigInput, typeof DestinationConfigInput_.Encoded> =
  DestinationConfigInput_

// ---------------------------------------------------------------------------
// Requests and responses
// ---------------------------------------------------------------------------

/** The `{destination_type}` path parameter: a closed enum. */
const destinationType = Wire.field("destination_type", DestinationType, "Destination kind.")

const GetRequest_ = Schema.Struct({ ...environmentScope, destinationType })
/**
 * The input of {@link get}: the environment (`projectSlug`, `environmentSlug`) and `destinationType`.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetRequest extends Schema.Schema.Type<typeof GetRequest_> {}
/**
 * The schema of {@link GetRequest}. {@link get} encodes its input with it: a value that does not fit fails
 * with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug`, `environmentSlug` and
 * `destinationType` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetRequest: Schema.Schema<GetRequest, typeof GetRequest_.Encoded> = GetRequest_

const GetResponse_ = Wire.Response({
  eventLogStreamingConfig: Wire.field("event_log_streaming_config", EventLogStreamingMasked, "Config with secrets masked.")
})
/**
 * What {@link get} succeeds with: `eventLogStreamingConfig` ({@link EventLogStreamingMasked}), beside the
 * `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetResponse extends Schema.Schema.Type<typeof GetResponse_> {}
/**
 * The schema of {@link GetResponse}: decodes the JSON body of a successful {@link get} (snake_case keys) into
 * it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetResponse: Schema.Schema<GetResponse, typeof GetResponse_.Encoded> = GetResponse_

const CreateRequest_ = Schema.Struct({
  ...environmentScope,
  destinationType: Wire.optionalField(
    "destination_type",
    DestinationType,
    "Destination kind (Node marks it optional; always sent in tests)."
  ),
  destinationConfig: Wire.optionalField("destination_config", DestinationConfigInput, "Destination settings.")
})
/**
 * The input of {@link create}: the environment (`projectSlug`, `environmentSlug`), and optionally
 * `destinationType` and `destinationConfig`. The destination's settings go under the key of its type
 * (`datadog` for `DATADOG`, `grafanaLoki` for `GRAFANA_LOKI`).
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateRequest extends Schema.Schema.Type<typeof CreateRequest_> {}
/**
 * The schema of {@link CreateRequest}. {@link create} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and
 * `environmentSlug` in the path and the other fields in the JSON body, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreateRequest: Schema.Schema<CreateRequest, typeof CreateRequest_.Encoded> = CreateRequest_

const CreateResponse_ = Wire.Response({
  eventLogStreamingConfig: Wire.field(
    "event_log_streaming_config",
    EventLogStreaming,
    "Created config, unmasked; streaming_status starts DISABLED."
  )
})
/**
 * What {@link create} succeeds with: `eventLogStreamingConfig` ({@link EventLogStreaming}), beside the
 * `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateResponse extends Schema.Schema.Type<typeof CreateResponse_> {}
/**
 * The schema of {@link CreateResponse}: decodes the JSON body of a successful {@link create} (snake_case
 * keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreateResponse: Schema.Schema<CreateResponse, typeof CreateResponse_.Encoded> = CreateResponse_

const UpdateRequest_ = Schema.Struct({
  ...environmentScope,
  destinationType,
  destinationConfig: Wire.optionalField("destination_config", DestinationConfigInput, "New destination settings.")
})
/**
 * The input of {@link update}: the environment (`projectSlug`, `environmentSlug`) and `destinationType`, and
 * optionally `destinationConfig`, which replaces the settings of the destination `destinationType`; its
 * streaming status is kept.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateRequest extends Schema.Schema.Type<typeof UpdateRequest_> {}
/**
 * The schema of {@link UpdateRequest}. {@link update} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug`,
 * `environmentSlug` and `destinationType` in the path and `destinationConfig` in the JSON body, with
 * snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UpdateRequest: Schema.Schema<UpdateRequest, typeof UpdateRequest_.Encoded> = UpdateRequest_

const UpdateResponse_ = Wire.Response({
  eventLogStreamingConfig: Wire.field("event_log_streaming_config", EventLogStreaming, "Updated config, unmasked.")
})
/**
 * What {@link update} succeeds with: `eventLogStreamingConfig` ({@link EventLogStreaming}), beside the
 * `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateResponse extends Schema.Schema.Type<typeof UpdateResponse_> {}
/**
 * The schema of {@link UpdateResponse}: decodes the JSON body of a successful {@link update} (snake_case
 * keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UpdateResponse: Schema.Schema<UpdateResponse, typeof UpdateResponse_.Encoded> = UpdateResponse_

const DeleteRequest_ = Schema.Struct({ ...environmentScope, destinationType })
/**
 * The input of {@link delete}: the environment (`projectSlug`, `environmentSlug`) and `destinationType`.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeleteRequest extends Schema.Schema.Type<typeof DeleteRequest_> {}
/**
 * The schema of {@link DeleteRequest}. {@link delete} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug`,
 * `environmentSlug` and `destinationType` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DeleteRequest: Schema.Schema<DeleteRequest, typeof DeleteRequest_.Encoded> = DeleteRequest_

const DeleteResponse_ = Wire.Response({})
/**
 * What {@link delete} succeeds with: only the `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeleteResponse extends Schema.Schema.Type<typeof DeleteResponse_> {}
/**
 * The schema of {@link DeleteResponse}: decodes the JSON body of a successful {@link delete} (snake_case
 * keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DeleteResponse: Schema.Schema<DeleteResponse, typeof DeleteResponse_.Encoded> = DeleteResponse_

const EnableRequest_ = Schema.Struct({ ...environmentScope, destinationType })
/**
 * The input of {@link enable}: the environment (`projectSlug`, `environmentSlug`) and `destinationType`.
 *
 * @since 0.1.0
 * @category models
 */
export interface EnableRequest extends Schema.Schema.Type<typeof EnableRequest_> {}
/**
 * The schema of {@link EnableRequest}. {@link enable} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug`,
 * `environmentSlug` and `destinationType` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const EnableRequest: Schema.Schema<EnableRequest, typeof EnableRequest_.Encoded> = EnableRequest_

const EnableResponse_ = Wire.Response({})
/**
 * What {@link enable} succeeds with: only the `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface EnableResponse extends Schema.Schema.Type<typeof EnableResponse_> {}
/**
 * The schema of {@link EnableResponse}: decodes the JSON body of a successful {@link enable} (snake_case
 * keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const EnableResponse: Schema.Schema<EnableResponse, typeof EnableResponse_.Encoded> = EnableResponse_

const DisableRequest_ = Schema.Struct({ ...environmentScope, destinationType })
/**
 * The input of {@link disable}: the environment (`projectSlug`, `environmentSlug`) and `destinationType`.
 *
 * @since 0.1.0
 * @category models
 */
export interface DisableRequest extends Schema.Schema.Type<typeof DisableRequest_> {}
/**
 * The schema of {@link DisableRequest}. {@link disable} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug`,
 * `environmentSlug` and `destinationType` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DisableRequest: Schema.Schema<DisableRequest, typeof DisableRequest_.Encoded> = DisableRequest_

const DisableResponse_ = Wire.Response({})
/**
 * What {@link disable} succeeds with: only the `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface DisableResponse extends Schema.Schema.Type<typeof DisableResponse_> {}
/**
 * The schema of {@link DisableResponse}: decodes the JSON body of a successful {@link disable} (snake_case
 * keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DisableResponse: Schema.Schema<DisableResponse, typeof DisableResponse_.Encoded> = DisableResponse_

/**
 * The endpoint definitions of this group.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const endpoints = Endpoint.group("eventLogStreaming", {
  get: {
    method: "GET",
    path: `${PE}/event_log_streaming/{destination_type}`,
    request: GetRequest,
    response: GetResponse,
    description: "Gets the configuration of a destination type, with secrets masked."
  },
  create: {
    method: "POST",
    path: `${PE}/event_log_streaming`,
    request: CreateRequest,
    response: CreateResponse,
    description: "Creates the configuration of a destination type (DISABLED); the response is unmasked."
  },
  update: {
    method: "PUT",
    path: `${PE}/event_log_streaming/{destination_type}`,
    request: UpdateRequest,
    response: UpdateResponse,
    description: "Replaces the settings of a destination type; the response is unmasked."
  },
  delete: {
    method: "DELETE",
    path: `${PE}/event_log_streaming/{destination_type}`,
    request: DeleteRequest,
    response: DeleteResponse,
    description: "Deletes the configuration of a destination type."
  },
  enable: {
    method: "POST",
    path: `${PE}/event_log_streaming/{destination_type}/enable`,
    request: EnableRequest,
    response: EnableResponse,
    description: "Starts streaming."
  },
  disable: {
    method: "POST",
    path: `${PE}/event_log_streaming/{destination_type}/disable`,
    request: DisableRequest,
    response: DisableResponse,
    description: "Stops streaming."
  }
})

/**
 * Gets the configuration of a destination type, masked (the key's or
 * password's last four characters only). Fails with a 404 when the
 * environment has no configuration for that type.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { EventLogStreaming } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { eventLogStreamingConfig } = yield* EventLogStreaming.get({
 *     projectSlug: "my-project",
 *     environmentSlug: "production",
 *     destinationType: "DATADOG"
 *   })
 *   return eventLogStreamingConfig.destinationConfig?.datadog?.apiKeyLastFour
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const get = Endpoint.operation(endpoints.get)

/**
 * Creates the configuration of a destination type; it starts `DISABLED`.
 * The response is unmasked (the secret as `Redacted<string>`).
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { EventLogStreaming } from "@stytch-effect/resources"
 *
 * const program = EventLogStreaming.create({
 *   projectSlug: "my-project",
 *   environmentSlug: "production",
 *   destinationType: "DATADOG",
 *   destinationConfig: { datadog: { apiKey: Redacted.make("dd-api-key"), site: "EU" } }
 * }).pipe(Effect.map(({ eventLogStreamingConfig }) => eventLogStreamingConfig.streamingStatus)) // "DISABLED"
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const create = Endpoint.operation(endpoints.create)

/**
 * Replaces the settings of an existing destination type (404 when there is
 * none). The response is unmasked (the secret as `Redacted<string>`).
 *
 * @example
 * ```ts
 * import { EventLogStreaming } from "@stytch-effect/resources"
 *
 * const program = EventLogStreaming.update({
 *   projectSlug: "my-project",
 *   environmentSlug: "production",
 *   destinationType: "GRAFANA_LOKI",
 *   destinationConfig: { grafanaLoki: { hostname: "logs.example.com", username: "stytch", password: "new-password" } }
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const update = Endpoint.operation(endpoints.update)

const delete_ = Endpoint.operation(endpoints.delete)
export {
  /**
   * Deletes the configuration of a destination type (404 when there is none).
   *
   * @example
   * ```ts
   * import { EventLogStreaming } from "@stytch-effect/resources"
   *
   * const program = EventLogStreaming.delete({
   *   projectSlug: "my-project",
   *   environmentSlug: "production",
   *   destinationType: "DATADOG"
   * })
   * ```
   *
   * @since 0.1.0
   * @category operations
   */
  delete_ as delete
}

/**
 * Starts streaming to a configured destination (404 when there is none).
 *
 * @example
 * ```ts
 * import { EventLogStreaming } from "@stytch-effect/resources"
 *
 * const program = EventLogStreaming.enable({
 *   projectSlug: "my-project",
 *   environmentSlug: "production",
 *   destinationType: "DATADOG"
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const enable = Endpoint.operation(endpoints.enable)

/**
 * Stops streaming to a configured destination (404 when there is none).
 *
 * @example
 * ```ts
 * import { EventLogStreaming } from "@stytch-effect/resources"
 *
 * const program = EventLogStreaming.disable({
 *   projectSlug: "my-project",
 *   environmentSlug: "production",
 *   destinationType: "DATADOG"
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const disable = Endpoint.operation(endpoints.disable)
