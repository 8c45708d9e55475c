import { TrustedTokenProfiles } from "@stytch-effect/resources"
import { badRequest, FakeError, notFound } from "../errors.js"
import { type EnvironmentState, slot } from "../state.js"
import { environmentOf, type Handlers } from "./common.js"

/**
 * A stored profile. Key material is kept as the caller sent it and never
 * parsed: the official SDKs' tests send filler text in PEM armour.
 */
interface StoredProfile {
  readonly profileID: string
  name: string
  audience: string
  issuer: string
  canJitProvision: boolean
  jwksURL: string | undefined
  attributeMapping: TrustedTokenProfiles.AttributeMapping | undefined
  readonly publicKeyType: TrustedTokenProfiles.PublicKeyType
  /** PEM files by id, in the order they were added. */
  readonly pemFiles: Map<string, string>
}

/** A new environment has no profiles. */
const profilesOf = slot((_: EnvironmentState) => new Map<string, StoredProfile>())

const kindOf = (environment: EnvironmentState) => environment.environment.type === "LIVE" ? "live" : "test"

const profileOf = (environment: EnvironmentState, profileID: string): StoredProfile => {
  const profile = profilesOf(environment).get(profileID)
  if (profile === undefined) throw notFound("trusted token profile", profileID)
  return profile
}

const pemFileNotFound = (pemFileID: string) => new FakeError(404, "pem_file_not_found", `PEM file not found: ${pemFileID}`)

const pemFilesNotSupported = () =>
  badRequest("pem_files_not_supported_for_jwk_profile", "PEM files cannot be added to a JWK trusted token profile.")

const addPEMFile = (environment: EnvironmentState, profile: StoredProfile, publicKey: string): string => {
  if (publicKey.trim() === "") throw badRequest("invalid_public_key", "public_key cannot be empty.")
  const pemFileID = `pem-file-${kindOf(environment)}-${crypto.randomUUID()}`
  profile.pemFiles.set(pemFileID, publicKey)
  return pemFileID
}

const required = (field: string, value: string) => {
  if (value.trim() === "") throw badRequest(`missing_${field}`, `${field} cannot be empty.`)
}

const checkJwksURL = (profile: { readonly publicKeyType: string; readonly jwksURL: string | undefined }) => {
  if (profile.publicKeyType === "JWK" && (profile.jwksURL === undefined || profile.jwksURL.trim() === "")) {
    throw badRequest("jwks_url_required", "A JWK trusted token profile needs a jwks_url.")
  }
  if (profile.publicKeyType === "PEM" && profile.jwksURL !== undefined && profile.jwksURL !== "") {
    throw badRequest("jwks_url_not_supported_for_pem_profile", "A PEM trusted token profile cannot have a jwks_url.")
  }
}

const pemFile = (pemFileID: string, publicKey: string) => new TrustedTokenProfiles.PEMFile({ pemFileID, publicKey })

const view = (profile: StoredProfile) =>
  new TrustedTokenProfiles.TrustedTokenProfile({
    profileID: profile.profileID,
    name: profile.name,
    audience: profile.audience,
    issuer: profile.issuer,
    pemFiles: Array.from(profile.pemFiles, ([id, key]) => pemFile(id, key)),
    canJitProvision: profile.canJitProvision,
    ...(profile.jwksURL === undefined ? {} : { jwksURL: profile.jwksURL }),
    ...(profile.attributeMapping === undefined ? {} : { attributeMapping: profile.attributeMapping }),
    publicKeyType: profile.publicKeyType
  })

/** @internal */
export const trustedTokenProfiles: Handlers<typeof TrustedTokenProfiles> = {
  create: (request, { workspace }) => {
    const state = environmentOf(workspace, request)
    required("name", request.name)
    required("audience", request.audience)
    required("issuer", request.issuer)
    // Omitted type (Go drops an empty one): PEM when keys are given, else JWK.
    const publicKeyType = request.publicKeyType ?? (request.pemFiles.length > 0 ? "PEM" : "JWK")
    checkJwksURL({ publicKeyType, jwksURL: request.jwksURL })
    if (publicKeyType === "JWK" && request.pemFiles.length > 0) throw pemFilesNotSupported()
    if (publicKeyType === "PEM" && request.pemFiles.length === 0) {
      throw badRequest("pem_files_required", "A PEM trusted token profile needs at least one PEM file.")
    }
    const profile: StoredProfile = {
      profileID: `trusted-token-profile-${kindOf(state)}-${crypto.randomUUID()}`,
      name: request.name,
      audience: request.audience,
      issuer: request.issuer,
      canJitProvision: request.canJitProvision,
      jwksURL: request.jwksURL,
      attributeMapping: request.attributeMapping,
      publicKeyType,
      pemFiles: new Map()
    }
    for (const key of request.pemFiles) addPEMFile(state, profile, key)
    profilesOf(state).set(profile.profileID, profile)
    return { profile: view(profile) }
  },
  get: (request, { workspace }) => ({ profile: view(profileOf(environmentOf(workspace, request), request.profileID)) }),
  getAll: (request, { workspace }) => ({ profiles: Array.from(profilesOf(environmentOf(workspace, request)).values(), view) }),
  update: (request, { workspace }) => {
    const profile = profileOf(environmentOf(workspace, request), request.profileID)
    if (request.name !== undefined) required("name", request.name)
    if (request.audience !== undefined) required("audience", request.audience)
    if (request.issuer !== undefined) required("issuer", request.issuer)
    const jwksURL = request.jwksURL ?? profile.jwksURL
    checkJwksURL({ publicKeyType: profile.publicKeyType, jwksURL })
    profile.name = request.name ?? profile.name
    profile.audience = request.audience ?? profile.audience
    profile.issuer = request.issuer ?? profile.issuer
    profile.jwksURL = jwksURL
    profile.attributeMapping = request.attributeMapping ?? profile.attributeMapping
    profile.canJitProvision = request.canJitProvision ?? profile.canJitProvision
    return { profile: view(profile) }
  },
  delete: (request, { workspace }) => {
    const state = environmentOf(workspace, request)
    profileOf(state, request.profileID)
    profilesOf(state).delete(request.profileID)
    return {}
  },
  createPEMFile: (request, { workspace }) => {
    const state = environmentOf(workspace, request)
    const profile = profileOf(state, request.profileID)
    if (profile.publicKeyType !== "PEM") throw pemFilesNotSupported()
    const pemFileID = addPEMFile(state, profile, request.publicKey)
    return { pemFile: pemFile(pemFileID, request.publicKey) }
  },
  getPEMFile: (request, { workspace }) => {
    const profile = profileOf(environmentOf(workspace, request), request.profileID)
    const publicKey = profile.pemFiles.get(request.pemFileID)
    if (publicKey === undefined) throw pemFileNotFound(request.pemFileID)
    return { pemFile: pemFile(request.pemFileID, publicKey) }
  },
  deletePEMFile: (request, { workspace }) => {
    const profile = profileOf(environmentOf(workspace, request), request.profileID)
    if (!profile.pemFiles.has(request.pemFileID)) throw pemFileNotFound(request.pemFileID)
    if (profile.pemFiles.size === 1) {
      throw badRequest(
        "cannot_delete_last_pem_file",
        "The last PEM file of a PEM trusted token profile cannot be deleted; delete the profile instead."
      )
    }
    profile.pemFiles.delete(request.pemFileID)
    return {}
  }
}
