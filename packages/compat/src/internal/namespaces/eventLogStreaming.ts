/**
 * The facade's `event_log_streaming` / `eventLogStreaming` type namespace.
 * The same as the `@stytch-effect/resources` module `EventLogStreaming`,
 * except that the types holding secrets ({@link EventLogStreaming},
 * {@link DestinationConfig}, {@link DatadogConfig}, {@link GrafanaLokiConfig},
 * {@link CreateResponse}, {@link UpdateResponse}) say `string` where the
 * Effect API says `Redacted<string>`: the facade's methods return plain
 * strings, as the official SDK does. Their Effect schemas (which decode to
 * `Redacted`) are not re-exported here; import them from
 * `@stytch-effect/resources`.
 *
 * @internal
 */
import { EventLogStreaming as M } from "@stytch-effect/resources"
import type { Unredacted } from "../unredact.js"

/**
 * Datadog settings as create/update return them: `apiKey` in clear.
 *
 * @since 0.1.0
 * @category models
 */
export interface DatadogConfig extends Unredacted<M.DatadogConfig> {}

/**
 * Grafana Loki settings as create/update return them: `password` in clear.
 *
 * @since 0.1.0
 * @category models
 */
export interface GrafanaLokiConfig extends Unredacted<M.GrafanaLokiConfig> {}

/**
 * @since 0.1.0
 * @category models
 */
export interface DestinationConfig extends Unredacted<M.DestinationConfig> {}

/**
 * A configuration as create/update return it: secrets in clear.
 *
 * @since 0.1.0
 * @category models
 */
export interface EventLogStreaming extends Unredacted<M.EventLogStreaming> {}

/**
 * @since 0.1.0
 * @category models
 */
export interface CreateResponse extends Unredacted<M.CreateResponse> {}

/**
 * @since 0.1.0
 * @category models
 */
export interface UpdateResponse extends Unredacted<M.UpdateResponse> {}

/** @since 0.1.0 */
export type DestinationType = M.DestinationType
/** @since 0.1.0 */
export const DestinationType = M.DestinationType
/** @since 0.1.0 */
export type DatadogSite = M.DatadogSite
/** @since 0.1.0 */
export const DatadogSite = M.DatadogSite
/** @since 0.1.0 */
export type StreamingStatus = M.StreamingStatus
/** @since 0.1.0 */
export const StreamingStatus = M.StreamingStatus
/** @since 0.1.0 */
export type DatadogConfigMasked = M.DatadogConfigMasked
/** @since 0.1.0 */
export const DatadogConfigMasked = M.DatadogConfigMasked
/** @since 0.1.0 */
export type GrafanaLokiConfigMasked = M.GrafanaLokiConfigMasked
/** @since 0.1.0 */
export const GrafanaLokiConfigMasked = M.GrafanaLokiConfigMasked
/** @since 0.1.0 */
export type DestinationConfigMasked = M.DestinationConfigMasked
/** @since 0.1.0 */
export const DestinationConfigMasked = M.DestinationConfigMasked
/** @since 0.1.0 */
export type EventLogStreamingMasked = M.EventLogStreamingMasked
/** @since 0.1.0 */
export const EventLogStreamingMasked = M.EventLogStreamingMasked
/** @since 0.1.0 */
export type DatadogConfigInput = M.DatadogConfigInput
/** @since 0.1.0 */
export const DatadogConfigInput = M.DatadogConfigInput
/** @since 0.1.0 */
export type GrafanaLokiConfigInput = M.GrafanaLokiConfigInput
/** @since 0.1.0 */
export const GrafanaLokiConfigInput = M.GrafanaLokiConfigInput
/** @since 0.1.0 */
export type DestinationConfigInput = M.DestinationConfigInput
/** @since 0.1.0 */
export const DestinationConfigInput = M.DestinationConfigInput
/** @since 0.1.0 */
export type GetRequest = M.GetRequest
/** @since 0.1.0 */
export const GetRequest = M.GetRequest
/** @since 0.1.0 */
export type GetResponse = M.GetResponse
/** @since 0.1.0 */
export const GetResponse = M.GetResponse
/** @since 0.1.0 */
export type CreateRequest = M.CreateRequest
/** @since 0.1.0 */
export const CreateRequest = M.CreateRequest
/** @since 0.1.0 */
export type UpdateRequest = M.UpdateRequest
/** @since 0.1.0 */
export const UpdateRequest = M.UpdateRequest
/** @since 0.1.0 */
export type DeleteRequest = M.DeleteRequest
/** @since 0.1.0 */
export const DeleteRequest = M.DeleteRequest
/** @since 0.1.0 */
export type DeleteResponse = M.DeleteResponse
/** @since 0.1.0 */
export const DeleteResponse = M.DeleteResponse
/** @since 0.1.0 */
export type EnableRequest = M.EnableRequest
/** @since 0.1.0 */
export const EnableRequest = M.EnableRequest
/** @since 0.1.0 */
export type EnableResponse = M.EnableResponse
/** @since 0.1.0 */
export const EnableResponse = M.EnableResponse
/** @since 0.1.0 */
export type DisableRequest = M.DisableRequest
/** @since 0.1.0 */
export const DisableRequest = M.DisableRequest
/** @since 0.1.0 */
export type DisableResponse = M.DisableResponse
/** @since 0.1.0 */
export const DisableResponse = M.DisableResponse
/** @since 0.1.0 */
export const endpoints = M.endpoints
/** @since 0.1.0 */
export const get = M.get
/** @since 0.1.0 */
export const create = M.create
/** @since 0.1.0 */
export const update = M.update
/** @since 0.1.0 */
export const enable = M.enable
/** @since 0.1.0 */
export const disable = M.disable
const delete_ = M.delete
export {
  /** @since 0.1.0 */
  delete_ as delete
}
