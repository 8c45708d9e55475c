import { ClientError, ManagementStytchError, type trustedTokenProfiles } from "@stytch-effect/compat"
import { describe, expect, it } from "vitest"
import { rejection, testEnvironment, useServedFake } from "./utils.js"

const { client, server } = useServedFake()

// Filler text in PEM armour: the fake never parses key material.
const PEM = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AAIICCgKCAQEA1234567890abcdef\n-----END PUBLIC KEY-----"
const OTHER_PEM = "-----BEGIN PUBLIC KEY-----\nnot really a key at all\n-----END PUBLIC KEY-----"

const apiError = async (promise: Promise<unknown>) => {
  const error = await rejection(promise)
  expect(error).toBeInstanceOf(ManagementStytchError)
  return error as ManagementStytchError
}

describe("client.trustedTokenProfiles", () => {
  it("create (JWK and PEM), get, getAll, update, delete", async () => {
    const c = client()
    const scope = await testEnvironment(c, "B2B")
    expect((await c.trustedTokenProfiles.getAll(scope)).profiles).toEqual([])

    const request: trustedTokenProfiles.CreateRequest = {
      ...scope,
      name: "JWK Profile",
      audience: "test-audience",
      issuer: "https://issuer.example.com",
      jwksURL: "https://issuer.example.com/.well-known/jwks.json",
      publicKeyType: "JWK",
      pemFiles: [],
      canJitProvision: true,
      attributeMapping: { user_id: "sub", email: "email" }
    }
    const { profile: jwk } = await c.trustedTokenProfiles.create(request)
    expect(jwk.profileID).not.toBe("")
    expect(jwk).toMatchObject({
      name: "JWK Profile",
      audience: "test-audience",
      issuer: "https://issuer.example.com",
      jwksURL: "https://issuer.example.com/.well-known/jwks.json",
      publicKeyType: "JWK",
      canJitProvision: true,
      pemFiles: [],
      attributeMapping: { user_id: "sub", email: "email" }
    })

    const { profile: pem } = await c.trustedTokenProfiles.create({
      ...scope,
      name: "PEM Profile",
      audience: "pem-audience",
      issuer: "https://pem-issuer.example.com",
      publicKeyType: "PEM",
      pemFiles: [PEM],
      canJitProvision: false
    })
    expect(pem.pemFiles).toHaveLength(1)
    expect(pem.pemFiles[0]!.pemFileID).not.toBe("")
    expect(pem.pemFiles[0]!.publicKey).toBe(PEM)
    expect(pem.canJitProvision).toBe(false)

    const all = await c.trustedTokenProfiles.getAll(scope)
    expect(all.profiles.map((p) => p.profileID).sort()).toEqual([jwk.profileID, pem.profileID].sort())

    const got = await c.trustedTokenProfiles.get({ ...scope, profileID: jwk.profileID })
    expect(got.profile).toEqual(jwk)
    expect(got.statusCode).toBe(200)

    const { profile: updated } = await c.trustedTokenProfiles.update({
      ...scope,
      profileID: jwk.profileID,
      name: "Updated",
      audience: "updated-audience",
      canJitProvision: false
    })
    expect(updated).toMatchObject({ name: "Updated", audience: "updated-audience", canJitProvision: false })
    expect(updated.issuer).toBe("https://issuer.example.com")
    expect(server().requests().at(-1)?.body).toEqual({
      name: "Updated",
      audience: "updated-audience",
      can_jit_provision: false
    })

    const deleted = await c.trustedTokenProfiles.delete({ ...scope, profileID: jwk.profileID })
    expect(deleted.requestID).not.toBe("")
    const gone = await apiError(c.trustedTokenProfiles.get({ ...scope, profileID: jwk.profileID }))
    expect(gone.status_code).toBe(404)
    expect(gone.error_type).toBe("trusted_token_profile_not_found")
    const unknown = await apiError(c.trustedTokenProfiles.get({ ...scope, profileID: "profile-does-not-exist" }))
    expect(unknown.status_code).toBe(404)
  })

  it("createPEMFile, getPEMFile, deletePEMFile", async () => {
    const c = client()
    const scope = await testEnvironment(c, "B2B")
    const { profile } = await c.trustedTokenProfiles.create({
      ...scope,
      name: "PEM Profile",
      audience: "a",
      issuer: "https://i",
      publicKeyType: "PEM",
      pemFiles: [PEM],
      canJitProvision: false
    })
    const original = profile.pemFiles[0]!
    const { pemFile } = await c.trustedTokenProfiles.createPEMFile({
      ...scope,
      profileID: profile.profileID,
      publicKey: OTHER_PEM
    })
    expect(pemFile.pemFileID).not.toBe(original.pemFileID)
    expect(pemFile.publicKey).toBe(OTHER_PEM)
    expect(server().requests().at(-1)?.body).toEqual({ public_key: OTHER_PEM })
    const duplicate = await c.trustedTokenProfiles.createPEMFile({ ...scope, profileID: profile.profileID, publicKey: PEM })
    expect(duplicate.pemFile.publicKey).toBe(PEM)

    const got = await c.trustedTokenProfiles.getPEMFile({
      ...scope,
      profileID: profile.profileID,
      pemFileID: original.pemFileID
    })
    expect(got.pemFile).toEqual(original)
    const missing = await apiError(
      c.trustedTokenProfiles.getPEMFile({ ...scope, profileID: profile.profileID, pemFileID: "pem-file-nope" })
    )
    expect(missing.status_code).toBe(404)
    expect(missing.error_type).toBe("pem_file_not_found")

    await c.trustedTokenProfiles.deletePEMFile({ ...scope, profileID: profile.profileID, pemFileID: pemFile.pemFileID })
    await c.trustedTokenProfiles.deletePEMFile({
      ...scope,
      profileID: profile.profileID,
      pemFileID: duplicate.pemFile.pemFileID
    })
    const after = await c.trustedTokenProfiles.get({ ...scope, profileID: profile.profileID })
    expect(after.profile.pemFiles).toEqual([original])
  })

  it("createPEMFile fails on a JWK profile (400) and on an unknown profile (404)", async () => {
    const c = client()
    const scope = await testEnvironment(c, "B2B")
    const { profile } = await c.trustedTokenProfiles.create({
      ...scope,
      name: "JWK",
      audience: "a",
      issuer: "https://i",
      jwksURL: "https://i/jwks.json",
      publicKeyType: "JWK",
      pemFiles: [],
      canJitProvision: true
    })
    const jwk = await apiError(c.trustedTokenProfiles.createPEMFile({ ...scope, profileID: profile.profileID, publicKey: PEM }))
    expect(jwk.status_code).toBe(400)
    expect(jwk.error_type).toBe("pem_files_not_supported_for_jwk_profile")
    const unknown = await apiError(
      c.trustedTokenProfiles.createPEMFile({ ...scope, profileID: "profile-does-not-exist", publicKey: PEM })
    )
    expect(unknown.status_code).toBe(404)
    expect(unknown.error_type).toBe("trusted_token_profile_not_found")
  })

  it("MISSING_PATH_PARAMETER for an empty path parameter, before any request", async () => {
    const c = client()
    const scope = { projectSlug: "p", environmentSlug: "e" }
    const cases: ReadonlyArray<readonly [string, Promise<unknown>]> = [
      ["profileID", c.trustedTokenProfiles.get({ ...scope, profileID: "" })],
      ["profileID", c.trustedTokenProfiles.update({ ...scope, profileID: "", name: "x" })],
      ["profileID", c.trustedTokenProfiles.delete({ ...scope, profileID: "" })],
      ["profileID", c.trustedTokenProfiles.createPEMFile({ ...scope, profileID: "", publicKey: PEM })],
      ["pemFileID", c.trustedTokenProfiles.getPEMFile({ ...scope, profileID: "x", pemFileID: "" })],
      ["pemFileID", c.trustedTokenProfiles.deletePEMFile({ ...scope, profileID: "x", pemFileID: " " })],
      ["projectSlug", c.trustedTokenProfiles.getAll({ ...scope, projectSlug: "" })]
    ]
    for (const [field, promise] of cases) {
      const error = await rejection(promise)
      expect(error).toBeInstanceOf(ClientError)
      expect((error as ClientError).code).toBe("MISSING_PATH_PARAMETER")
      expect((error as ClientError).message).toBe(`${field} cannot be empty`)
    }
    expect(server().requests()).toEqual([])
  })

  it("an unknown public_key_type is a ClientError, nothing is sent", async () => {
    const error = await rejection(
      client().trustedTokenProfiles.create({
        projectSlug: "p",
        environmentSlug: "e",
        name: "P",
        audience: "a",
        issuer: "i",
        pemFiles: [],
        canJitProvision: false,
        publicKeyType: "jwk" as trustedTokenProfiles.PublicKeyType
      })
    )
    expect(error).toBeInstanceOf(ClientError)
    expect((error as ClientError).field).toBe("publicKeyType")
    expect(server().requests()).toEqual([])
  })
})
