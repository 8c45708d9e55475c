/**
 * Trusted token profiles of an environment: which externally issued JWTs
 * (audience, issuer, and keys from a JWKS URL or from PEM files) Stytch
 * accepts for token exchange. A PEM profile's keys are managed through the
 * `/keys` sub-resource ({@link createPEMFile}, {@link getPEMFile},
 * {@link deletePEMFile}); a JWK profile has none.
 *
 * Note the asymmetry of `pemFiles`: {@link create} takes the raw PEM texts
 * (`string[]`), responses return {@link PEMFile} objects with their ids.
 *
 * @since 0.1.0
 */
import * as Endpoint from "@stytch-effect/core/Endpoint"
import * as Wire from "@stytch-effect/core/Wire"
import * as Schema from "effect/Schema"
import { environmentScope, PE } from "./internal/scope.js"

/**
 * The schema of {@link PublicKeyType}, closed (the request form);
 * `PublicKeyType.open` is the response form.
 *
 * @since 0.1.0
 * @category enums
 */
export const PublicKeyType = Wire.Enum("PublicKeyType", "JWK", "PEM")

/**
 * How a profile's keys are supplied: a JWKS URL (`JWK`) or PEM files (`PEM`).
 * Requests accept only these values; responses decode any other value the
 * server may add (`TrustedTokenProfile.publicKeyType` is open).
 *
 * @since 0.1.0
 * @category enums
 */
export type PublicKeyType = typeof PublicKeyType.Type

/**
 * A free-form JSON object mapping token claims to attributes
 * (e.g. `{ user_id: "sub", email: "email" }`). Sent and returned as is: its
 * keys are not renamed.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AttributeMapping = Schema.Record({ key: Schema.String, value: Schema.Unknown }).annotations({
  identifier: "AttributeMapping"
})

/**
 * The type of {@link AttributeMapping}: a record of claim names by attribute
 * name (values are JSON).
 *
 * @since 0.1.0
 * @category models
 */
export type AttributeMapping = typeof AttributeMapping.Type

/**
 * A PEM public key attached to a profile.
 *
 * @since 0.1.0
 * @category models
 */
export class PEMFile extends Schema.Class<PEMFile>("PEMFile")({
  pemFileID: Wire.field("pem_file_id", Schema.String, "Server-generated id of the PEM file."),
  publicKey: Wire.field("public_key", Schema.String, "PEM-encoded public key text.")
}) {}

/**
 * A trusted token profile. `pemFiles` and `canJitProvision` decode as `[]` and
 * `false` when the server leaves them out.
 *
 * @since 0.1.0
 * @category models
 */
export class TrustedTokenProfile extends Schema.Class<TrustedTokenProfile>("TrustedTokenProfile")({
  profileID: Wire.field("profile_id", Schema.String, "Server-generated id of the profile."),
  name: Schema.String.annotations({ description: "Human-readable name; need not be unique." }),
  audience: Schema.String.annotations({ description: "Expected token audience." }),
  issuer: Schema.String.annotations({ description: "Expected token issuer." }),
  pemFiles: Schema.optionalWith(
    Schema.Array(PEMFile).annotations({ description: "PEM public keys attached to the profile." }),
    { default: () => [] }
  ).pipe(Schema.fromKey("pem_files")),
  canJitProvision: Schema.optionalWith(
    Schema.Boolean.annotations({ description: "Whether users/members may be provisioned just-in-time." }),
    { default: () => false }
  ).pipe(Schema.fromKey("can_jit_provision")),
  jwksURL: Wire.optionalField("jwks_url", Schema.String, "JWKS URL (for JWK profiles)."),
  attributeMapping: Wire.optionalField(
    "attribute_mapping",
    AttributeMapping,
    "Free-form JSON object mapping token claims to attributes (e.g. {\"user_id\":\"sub\"})."
  ),
  publicKeyType: Wire.optionalField("public_key_type", PublicKeyType.open, "How keys are supplied.")
}) {}

const profileScope = {
  profileID: Wire.field("profile_id", Wire.PathParam)
}

const pemFileScope = {
  pemFileID: Wire.field("pem_file_id", Wire.PathParam)
}

const CreateRequest_ = Schema.Struct({
  ...environmentScope,
  name: Schema.String.annotations({ description: "Profile name." }),
  audience: Schema.String.annotations({ description: "Expected audience." }),
  issuer: Schema.String.annotations({ description: "Expected issuer." }),
  pemFiles: Wire.field(
    "pem_files",
    Schema.Array(Schema.String),
    "PEM public keys as plain strings (empty list for JWK profiles). Note: request uses strings, response uses PEMFile objects."
  ),
  canJitProvision: Wire.field("can_jit_provision", Schema.Boolean, "JIT provisioning allowed."),
  jwksURL: Wire.optionalField("jwks_url", Schema.String, "JWKS URL for JWK profiles."),
  attributeMapping: Wire.optionalField("attribute_mapping", AttributeMapping, "Claim-to-attribute mapping."),
  publicKeyType: Wire.optionalField("public_key_type", PublicKeyType, "JWK or PEM.")
})
/**
 * The input of {@link create}: the environment (`projectSlug`, `environmentSlug`), `name`, `audience`,
 * `issuer`, `pemFiles` and `canJitProvision`, and optionally `jwksURL`, `attributeMapping` and
 * `publicKeyType`.
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

const CreateResponse_ = Wire.Response({ profile: TrustedTokenProfile })
/**
 * What {@link create} succeeds with: `profile` ({@link TrustedTokenProfile}), beside the `requestID` and
 * `statusCode` every response carries.
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

const GetRequest_ = Schema.Struct({ ...environmentScope, ...profileScope })
/**
 * The input of {@link get}: the environment (`projectSlug`, `environmentSlug`) and `profileID`.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetRequest extends Schema.Schema.Type<typeof GetRequest_> {}
/**
 * The schema of {@link GetRequest}. {@link get} encodes its input with it: a value that does not fit fails
 * with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug`, `environmentSlug` and
 * `profileID` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetRequest: Schema.Schema<GetRequest, typeof GetRequest_.Encoded> = GetRequest_

const GetResponse_ = Wire.Response({ profile: TrustedTokenProfile })
/**
 * What {@link get} succeeds with: `profile` ({@link TrustedTokenProfile}), beside the `requestID` and
 * `statusCode` every response carries.
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

const GetAllRequest_ = Schema.Struct(environmentScope)
/**
 * The input of {@link getAll}: the environment (`projectSlug`, `environmentSlug`); nothing else.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetAllRequest extends Schema.Schema.Type<typeof GetAllRequest_> {}
/**
 * The schema of {@link GetAllRequest}. {@link getAll} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and
 * `environmentSlug` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetAllRequest: Schema.Schema<GetAllRequest, typeof GetAllRequest_.Encoded> = GetAllRequest_

const GetAllResponse_ = Wire.Response({
  profiles: Schema.Array(TrustedTokenProfile)
})
/**
 * What {@link getAll} succeeds with: `profiles` (an array of {@link TrustedTokenProfile}), beside the
 * `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetAllResponse extends Schema.Schema.Type<typeof GetAllResponse_> {}
/**
 * The schema of {@link GetAllResponse}: decodes the JSON body of a successful {@link getAll} (snake_case
 * keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetAllResponse: Schema.Schema<GetAllResponse, typeof GetAllResponse_.Encoded> = GetAllResponse_

const UpdateRequest_ = Schema.Struct({
  ...environmentScope,
  ...profileScope,
  name: Schema.optional(Schema.String).annotations({ description: "Human-readable name; need not be unique." }),
  audience: Schema.optional(Schema.String).annotations({ description: "Expected token audience." }),
  issuer: Schema.optional(Schema.String).annotations({ description: "Expected token issuer." }),
  jwksURL: Wire.optionalField("jwks_url", Schema.String, "JWKS URL (for JWK profiles)."),
  attributeMapping: Wire.optionalField(
    "attribute_mapping",
    AttributeMapping,
    "Free-form JSON object mapping token claims to attributes; replaces the whole mapping."
  ),
  canJitProvision: Wire.optionalField(
    "can_jit_provision",
    Schema.Boolean,
    "Whether users/members may be provisioned just-in-time."
  )
})
/**
 * The input of {@link update}: the environment (`projectSlug`, `environmentSlug`) and `profileID`, and
 * optionally `name`, `audience`, `issuer`, `jwksURL`, `attributeMapping` and `canJitProvision`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateRequest extends Schema.Schema.Type<typeof UpdateRequest_> {}
/**
 * The schema of {@link UpdateRequest}. {@link update} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug`,
 * `environmentSlug` and `profileID` in the path and the other fields in the JSON body, with snake_case wire
 * names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UpdateRequest: Schema.Schema<UpdateRequest, typeof UpdateRequest_.Encoded> = UpdateRequest_

const UpdateResponse_ = Wire.Response({ profile: TrustedTokenProfile })
/**
 * What {@link update} succeeds with: `profile` ({@link TrustedTokenProfile}), beside the `requestID` and
 * `statusCode` every response carries.
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

const DeleteRequest_ = Schema.Struct({ ...environmentScope, ...profileScope })
/**
 * The input of {@link delete}: the environment (`projectSlug`, `environmentSlug`) and `profileID`.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeleteRequest extends Schema.Schema.Type<typeof DeleteRequest_> {}
/**
 * The schema of {@link DeleteRequest}. {@link delete} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug`,
 * `environmentSlug` and `profileID` in the path, with snake_case wire names.
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

const CreatePEMFileRequest_ = Schema.Struct({
  ...environmentScope,
  ...profileScope,
  publicKey: Wire.field("public_key", Schema.String, "PEM-encoded public key.")
})
/**
 * The input of {@link createPEMFile}: the environment (`projectSlug`, `environmentSlug`), `profileID` and
 * `publicKey`.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreatePEMFileRequest extends Schema.Schema.Type<typeof CreatePEMFileRequest_> {}
/**
 * The schema of {@link CreatePEMFileRequest}. {@link createPEMFile} encodes its input with it: a value that
 * does not fit fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug`,
 * `environmentSlug` and `profileID` in the path and `publicKey` in the JSON body, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreatePEMFileRequest: Schema.Schema<CreatePEMFileRequest, typeof CreatePEMFileRequest_.Encoded> = CreatePEMFileRequest_

const CreatePEMFileResponse_ = Wire.Response({ pemFile: Wire.field("pem_file", PEMFile, "The created PEM file.") })
/**
 * What {@link createPEMFile} succeeds with: `pemFile` ({@link PEMFile}), beside the `requestID` and
 * `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreatePEMFileResponse extends Schema.Schema.Type<typeof CreatePEMFileResponse_> {}
/**
 * The schema of {@link CreatePEMFileResponse}: decodes the JSON body of a successful {@link createPEMFile}
 * (snake_case keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreatePEMFileResponse: Schema.Schema<CreatePEMFileResponse, typeof CreatePEMFileResponse_.Encoded> = CreatePEMFileResponse_

const GetPEMFileRequest_ = Schema.Struct({ ...environmentScope, ...profileScope, ...pemFileScope })
/**
 * The input of {@link getPEMFile}: the environment (`projectSlug`, `environmentSlug`), `profileID` and
 * `pemFileID`.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetPEMFileRequest extends Schema.Schema.Type<typeof GetPEMFileRequest_> {}
/**
 * The schema of {@link GetPEMFileRequest}. {@link getPEMFile} encodes its input with it: a value that does
 * not fit fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug`,
 * `environmentSlug`, `profileID` and `pemFileID` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetPEMFileRequest: Schema.Schema<GetPEMFileRequest, typeof GetPEMFileRequest_.Encoded> = GetPEMFileRequest_

const GetPEMFileResponse_ = Wire.Response({ pemFile: Wire.field("pem_file", PEMFile, "The PEM file.") })
/**
 * What {@link getPEMFile} succeeds with: `pemFile` ({@link PEMFile}), beside the `requestID` and `statusCode`
 * every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetPEMFileResponse extends Schema.Schema.Type<typeof GetPEMFileResponse_> {}
/**
 * The schema of {@link GetPEMFileResponse}: decodes the JSON body of a successful {@link getPEMFile}
 * (snake_case keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetPEMFileResponse: Schema.Schema<GetPEMFileResponse, typeof GetPEMFileResponse_.Encoded> = GetPEMFileResponse_

const DeletePEMFileRequest_ = Schema.Struct({ ...environmentScope, ...profileScope, ...pemFileScope })
/**
 * The input of {@link deletePEMFile}: the environment (`projectSlug`, `environmentSlug`), `profileID` and
 * `pemFileID`.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeletePEMFileRequest extends Schema.Schema.Type<typeof DeletePEMFileRequest_> {}
/**
 * The schema of {@link DeletePEMFileRequest}. {@link deletePEMFile} encodes its input with it: a value that
 * does not fit fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug`,
 * `environmentSlug`, `profileID` and `pemFileID` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DeletePEMFileRequest: Schema.Schema<DeletePEMFileRequest, typeof DeletePEMFileRequest_.Encoded> = DeletePEMFileRequest_

const DeletePEMFileResponse_ = Wire.Response({})
/**
 * What {@link deletePEMFile} succeeds with: only the `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeletePEMFileResponse extends Schema.Schema.Type<typeof DeletePEMFileResponse_> {}
/**
 * The schema of {@link DeletePEMFileResponse}: decodes the JSON body of a successful {@link deletePEMFile}
 * (snake_case keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DeletePEMFileResponse: Schema.Schema<DeletePEMFileResponse, typeof DeletePEMFileResponse_.Encoded> = DeletePEMFileResponse_


const TTP = `${PE}/trusted_token_profiles` as const

/**
 * The endpoint definitions of this group.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const endpoints = Endpoint.group("trustedTokenProfiles", {
  create: {
    method: "POST",
    path: TTP,
    request: CreateRequest,
    response: CreateResponse,
    description: "Creates a trusted token profile (JWK: give jwks_url; PEM: give the keys in pem_files)."
  },
  get: {
    method: "GET",
    path: `${TTP}/{profile_id}`,
    request: GetRequest,
    response: GetResponse,
    description: "Gets a trusted token profile."
  },
  getAll: {
    method: "GET",
    path: TTP,
    request: GetAllRequest,
    response: GetAllResponse,
    description: "Lists an environment's trusted token profiles."
  },
  update: {
    method: "PATCH",
    path: `${TTP}/{profile_id}`,
    request: UpdateRequest,
    response: UpdateResponse,
    description:
      "Updates a trusted token profile; omitted fields keep their values. PEM keys and the key type cannot be changed here."
  },
  delete: {
    method: "DELETE",
    path: `${TTP}/{profile_id}`,
    request: DeleteRequest,
    response: DeleteResponse,
    description: "Deletes a trusted token profile."
  },
  createPEMFile: {
    method: "POST",
    path: `${TTP}/{profile_id}/keys`,
    request: CreatePEMFileRequest,
    response: CreatePEMFileResponse,
    description: "Adds a PEM public key to a PEM profile (fails for a JWK profile)."
  },
  getPEMFile: {
    method: "GET",
    path: `${TTP}/{profile_id}/keys/{pem_file_id}`,
    request: GetPEMFileRequest,
    response: GetPEMFileResponse,
    description: "Gets a PEM public key of a profile."
  },
  deletePEMFile: {
    method: "DELETE",
    path: `${TTP}/{profile_id}/keys/{pem_file_id}`,
    request: DeletePEMFileRequest,
    response: DeletePEMFileResponse,
    description: "Removes a PEM public key from a profile."
  }
})

/**
 * Creates a profile. A JWK profile takes `jwksURL` and `pemFiles: []`; a PEM
 * profile takes its keys' PEM texts in `pemFiles`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { TrustedTokenProfiles } from "@stytch-effect/resources"
 *
 * const program = TrustedTokenProfiles.create({
 *   projectSlug: "my-project",
 *   environmentSlug: "production",
 *   name: "Auth0 tokens",
 *   audience: "https://api.example.com",
 *   issuer: "https://example.eu.auth0.com/",
 *   jwksURL: "https://example.eu.auth0.com/.well-known/jwks.json",
 *   publicKeyType: "JWK",
 *   pemFiles: [], // a JWK profile has no PEM files
 *   canJitProvision: false
 * }).pipe(Effect.map(({ profile }) => profile.profileID))
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const create = Endpoint.operation(endpoints.create)

/**
 * Gets a trusted token profile by id, with its PEM files.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { TrustedTokenProfiles } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { profile } = yield* TrustedTokenProfiles.get({
 *     projectSlug: "my-project",
 *     environmentSlug: "production",
 *     profileID: "trusted-token-profile-live-2f4c9a"
 *   })
 *   return profile.pemFiles.map((pemFile) => pemFile.pemFileID)
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const get = Endpoint.operation(endpoints.get)

/**
 * Lists an environment's profiles (a new environment has none).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { TrustedTokenProfiles } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { profiles } = yield* TrustedTokenProfiles.getAll({ projectSlug: "my-project", environmentSlug: "production" })
 *   return profiles.map((profile) => `${profile.name}: ${profile.issuer}`)
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const getAll = Endpoint.operation(endpoints.getAll)

/**
 * Partial update: omitted fields keep their values. PEM keys are managed with
 * {@link createPEMFile} and {@link deletePEMFile}; the key type is fixed.
 *
 * @example
 * ```ts
 * import { TrustedTokenProfiles } from "@stytch-effect/resources"
 *
 * const program = TrustedTokenProfiles.update({
 *   projectSlug: "my-project",
 *   environmentSlug: "production",
 *   profileID: "trusted-token-profile-live-2f4c9a",
 *   canJitProvision: true
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
   * Deletes a profile and its PEM files.
   *
   * @example
   * ```ts
   * import { TrustedTokenProfiles } from "@stytch-effect/resources"
   *
   * const program = TrustedTokenProfiles.delete({
   *   projectSlug: "my-project",
   *   environmentSlug: "production",
   *   profileID: "trusted-token-profile-live-2f4c9a"
   * })
   * ```
   *
   * @since 0.1.0
   * @category operations
   */
  delete_ as delete
}

/**
 * Adds a PEM public key to a PEM profile. Fails for a JWK profile.
 *
 * @example
 * ```ts
 * import * as fs from "node:fs"
 * import { Effect } from "effect"
 * import { TrustedTokenProfiles } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { pemFile } = yield* TrustedTokenProfiles.createPEMFile({
 *     projectSlug: "my-project",
 *     environmentSlug: "production",
 *     profileID: "trusted-token-profile-live-2f4c9a",
 *     publicKey: fs.readFileSync("keys/issuer-2025.pem", "utf8")
 *   })
 *   return pemFile.pemFileID
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const createPEMFile = Endpoint.operation(endpoints.createPEMFile)

/**
 * Gets one PEM public key of a profile by id.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { TrustedTokenProfiles } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { pemFile } = yield* TrustedTokenProfiles.getPEMFile({
 *     projectSlug: "my-project",
 *     environmentSlug: "production",
 *     profileID: "trusted-token-profile-live-2f4c9a",
 *     pemFileID: "pem-file-live-81d3e7"
 *   })
 *   return pemFile.publicKey
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const getPEMFile = Endpoint.operation(endpoints.getPEMFile)

/**
 * Removes a PEM public key from a profile.
 *
 * @example
 * ```ts
 * import { TrustedTokenProfiles } from "@stytch-effect/resources"
 *
 * const program = TrustedTokenProfiles.deletePEMFile({
 *   projectSlug: "my-project",
 *   environmentSlug: "production",
 *   profileID: "trusted-token-profile-live-2f4c9a",
 *   pemFileID: "pem-file-live-81d3e7"
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const deletePEMFile = Endpoint.operation(endpoints.deletePEMFile)
