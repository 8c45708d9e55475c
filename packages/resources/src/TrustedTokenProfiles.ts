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
 * @since 0.2.0
 */
import * as Endpoint from "@stytch-effect/core/Endpoint"
import * as Wire from "@stytch-effect/core/Wire"
import * as Schema from "effect/Schema"
import { environmentScope, PE } from "./internal/scope.js"

/**
 * @since 0.2.0
 * @category enums
 */
export const PublicKeyType = Wire.Enum("PublicKeyType", "JWK", "PEM")

/**
 * How a profile's keys are supplied: a JWKS URL (`JWK`) or PEM files (`PEM`).
 * Requests accept only these values; responses decode any other value the
 * server may add (`TrustedTokenProfile.publicKeyType` is open).
 *
 * @since 0.2.0
 * @category enums
 */
export type PublicKeyType = typeof PublicKeyType.Type

/**
 * A free-form JSON object mapping token claims to attributes
 * (e.g. `{ user_id: "sub", email: "email" }`). Sent and returned as is: its
 * keys are not renamed.
 *
 * @since 0.2.0
 * @category schemas
 */
export const AttributeMapping = Schema.Record({ key: Schema.String, value: Schema.Unknown }).annotations({
  identifier: "AttributeMapping"
})

/**
 * @since 0.2.0
 * @category models
 */
export type AttributeMapping = typeof AttributeMapping.Type

/**
 * A PEM public key attached to a profile.
 *
 * @since 0.2.0
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
 * @since 0.2.0
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
 * @since 0.2.0
 * @category models
 */
export interface CreateRequest extends Schema.Schema.Type<typeof CreateRequest_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const CreateRequest: Schema.Schema<CreateRequest, typeof CreateRequest_.Encoded> = CreateRequest_

const CreateResponse_ = Wire.Response({ profile: TrustedTokenProfile })
/**
 * @since 0.2.0
 * @category models
 */
export interface CreateResponse extends Schema.Schema.Type<typeof CreateResponse_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const CreateResponse: Schema.Schema<CreateResponse, typeof CreateResponse_.Encoded> = CreateResponse_

const GetRequest_ = Schema.Struct({ ...environmentScope, ...profileScope })
/**
 * @since 0.2.0
 * @category models
 */
export interface GetRequest extends Schema.Schema.Type<typeof GetRequest_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const GetRequest: Schema.Schema<GetRequest, typeof GetRequest_.Encoded> = GetRequest_

const GetResponse_ = Wire.Response({ profile: TrustedTokenProfile })
/**
 * @since 0.2.0
 * @category models
 */
export interface GetResponse extends Schema.Schema.Type<typeof GetResponse_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const GetResponse: Schema.Schema<GetResponse, typeof GetResponse_.Encoded> = GetResponse_

const GetAllRequest_ = Schema.Struct(environmentScope)
/**
 * @since 0.2.0
 * @category models
 */
export interface GetAllRequest extends Schema.Schema.Type<typeof GetAllRequest_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const GetAllRequest: Schema.Schema<GetAllRequest, typeof GetAllRequest_.Encoded> = GetAllRequest_

const GetAllResponse_ = Wire.Response({
  profiles: Schema.Array(TrustedTokenProfile)
})
/**
 * @since 0.2.0
 * @category models
 */
export interface GetAllResponse extends Schema.Schema.Type<typeof GetAllResponse_> {}
/**
 * @since 0.2.0
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
 * @since 0.2.0
 * @category models
 */
export interface UpdateRequest extends Schema.Schema.Type<typeof UpdateRequest_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const UpdateRequest: Schema.Schema<UpdateRequest, typeof UpdateRequest_.Encoded> = UpdateRequest_

const UpdateResponse_ = Wire.Response({ profile: TrustedTokenProfile })
/**
 * @since 0.2.0
 * @category models
 */
export interface UpdateResponse extends Schema.Schema.Type<typeof UpdateResponse_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const UpdateResponse: Schema.Schema<UpdateResponse, typeof UpdateResponse_.Encoded> = UpdateResponse_

const DeleteRequest_ = Schema.Struct({ ...environmentScope, ...profileScope })
/**
 * @since 0.2.0
 * @category models
 */
export interface DeleteRequest extends Schema.Schema.Type<typeof DeleteRequest_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const DeleteRequest: Schema.Schema<DeleteRequest, typeof DeleteRequest_.Encoded> = DeleteRequest_

const DeleteResponse_ = Wire.Response({})
/**
 * @since 0.2.0
 * @category models
 */
export interface DeleteResponse extends Schema.Schema.Type<typeof DeleteResponse_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const DeleteResponse: Schema.Schema<DeleteResponse, typeof DeleteResponse_.Encoded> = DeleteResponse_

const CreatePEMFileRequest_ = Schema.Struct({
  ...environmentScope,
  ...profileScope,
  publicKey: Wire.field("public_key", Schema.String, "PEM-encoded public key.")
})
/**
 * @since 0.2.0
 * @category models
 */
export interface CreatePEMFileRequest extends Schema.Schema.Type<typeof CreatePEMFileRequest_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const CreatePEMFileRequest: Schema.Schema<CreatePEMFileRequest, typeof CreatePEMFileRequest_.Encoded> = CreatePEMFileRequest_

const CreatePEMFileResponse_ = Wire.Response({ pemFile: Wire.field("pem_file", PEMFile, "The created PEM file.") })
/**
 * @since 0.2.0
 * @category models
 */
export interface CreatePEMFileResponse extends Schema.Schema.Type<typeof CreatePEMFileResponse_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const CreatePEMFileResponse: Schema.Schema<CreatePEMFileResponse, typeof CreatePEMFileResponse_.Encoded> = CreatePEMFileResponse_

const GetPEMFileRequest_ = Schema.Struct({ ...environmentScope, ...profileScope, ...pemFileScope })
/**
 * @since 0.2.0
 * @category models
 */
export interface GetPEMFileRequest extends Schema.Schema.Type<typeof GetPEMFileRequest_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const GetPEMFileRequest: Schema.Schema<GetPEMFileRequest, typeof GetPEMFileRequest_.Encoded> = GetPEMFileRequest_

const GetPEMFileResponse_ = Wire.Response({ pemFile: Wire.field("pem_file", PEMFile, "The PEM file.") })
/**
 * @since 0.2.0
 * @category models
 */
export interface GetPEMFileResponse extends Schema.Schema.Type<typeof GetPEMFileResponse_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const GetPEMFileResponse: Schema.Schema<GetPEMFileResponse, typeof GetPEMFileResponse_.Encoded> = GetPEMFileResponse_

const DeletePEMFileRequest_ = Schema.Struct({ ...environmentScope, ...profileScope, ...pemFileScope })
/**
 * @since 0.2.0
 * @category models
 */
export interface DeletePEMFileRequest extends Schema.Schema.Type<typeof DeletePEMFileRequest_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const DeletePEMFileRequest: Schema.Schema<DeletePEMFileRequest, typeof DeletePEMFileRequest_.Encoded> = DeletePEMFileRequest_

const DeletePEMFileResponse_ = Wire.Response({})
/**
 * @since 0.2.0
 * @category models
 */
export interface DeletePEMFileResponse extends Schema.Schema.Type<typeof DeletePEMFileResponse_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const DeletePEMFileResponse: Schema.Schema<DeletePEMFileResponse, typeof DeletePEMFileResponse_.Encoded> = DeletePEMFileResponse_


const TTP = `${PE}/trusted_token_profiles` as const

/**
 * The endpoint definitions of this group.
 *
 * @since 0.2.0
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
 * @since 0.2.0
 * @category operations
 */
export const create = Endpoint.operation(endpoints.create)

/**
 * @since 0.2.0
 * @category operations
 */
export const get = Endpoint.operation(endpoints.get)

/**
 * Lists an environment's profiles (a new environment has none).
 *
 * @since 0.2.0
 * @category operations
 */
export const getAll = Endpoint.operation(endpoints.getAll)

/**
 * Partial update: omitted fields keep their values. PEM keys are managed with
 * {@link createPEMFile} and {@link deletePEMFile}; the key type is fixed.
 *
 * @since 0.2.0
 * @category operations
 */
export const update = Endpoint.operation(endpoints.update)

const delete_ = Endpoint.operation(endpoints.delete)
export {
  /**
   * Deletes a profile and its PEM files.
   *
   * @since 0.2.0
   * @category operations
   */
  delete_ as delete
}

/**
 * Adds a PEM public key to a PEM profile. Fails for a JWK profile.
 *
 * @since 0.2.0
 * @category operations
 */
export const createPEMFile = Endpoint.operation(endpoints.createPEMFile)

/**
 * @since 0.2.0
 * @category operations
 */
export const getPEMFile = Endpoint.operation(endpoints.getPEMFile)

/**
 * Removes a PEM public key from a profile.
 *
 * @since 0.2.0
 * @category operations
 */
export const deletePEMFile = Endpoint.operation(endpoints.deletePEMFile)
