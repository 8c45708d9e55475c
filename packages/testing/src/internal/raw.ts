/**
 * What any transport hands the fake and what it must do with the answer:
 * shared by the fake's server, its authorization server and its transports
 * (its own module so none of them imports another for these types).
 *
 * @internal
 */

/** A request as any transport hands it to the fake. @internal */
export interface RawRequest {
  readonly method: string
  readonly url: URL
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly body: string
}

/** What the transport must do. @internal */
export type RawResponse =
  | {
    readonly _tag: "Response"
    readonly status: number
    readonly headers: Readonly<Record<string, string>>
    readonly body: string
  }
  | { readonly _tag: "Drop"; readonly code: "ECONNRESET" | "ECONNREFUSED" }
