import { it } from "@effect/vitest"
import type { StytchError, StytchManagement } from "@stytch-effect/core"
import { TrustedTokenProfiles } from "@stytch-effect/resources"
import { FakeManagementApi, Fault } from "@stytch-effect/testing"
import * as Effect from "effect/Effect"
import { describe, expect } from "vitest"
import { type Scope, testEnvironment, withFake } from "./utils.js"

// Filler text in PEM armour, as in the official SDKs' tests: the fake never parses key material.
const PEM = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AAIICCgKCAQEA1234567890abcdef\n-----END PUBLIC KEY-----"
const OTHER_PEM = "-----BEGIN PUBLIC KEY-----\nnot really a key at all\n-----END PUBLIC KEY-----"

const jwkProfile = (scope: Scope, name = "JWK Profile") =>
  TrustedTokenProfiles.create({
    ...scope,
    name,
    audience: "test-audience",
    issuer: "https://issuer.example.com",
    jwksURL: "https://issuer.example.com/.well-known/jwks.json",
    publicKeyType: "JWK",
    pemFiles: [],
    canJitProvision: true,
    attributeMapping: { user_id: "sub", email: "email" }
  })

const pemProfile = (scope: Scope) =>
  TrustedTokenProfiles.create({
    ...scope,
    name: "PEM Profile",
    audience: "pem-audience",
    issuer: "https://pem-issuer.example.com",
    publicKeyType: "PEM",
    pemFiles: [PEM],
    canJitProvision: false
  })

const apiError = <A, R>(effect: Effect.Effect<A, { readonly _tag: string }, R>) =>
  Effect.map(Effect.flip(effect), (error) => {
    if (error._tag !== "StytchApiError") throw new Error(`expected a StytchApiError, got ${error._tag}`)
    return error as unknown as { readonly statusCode: number; readonly errorType: string }
  })

describe("TrustedTokenProfiles", () => {
  it.effect("create a JWK profile echoes its fields with a server-generated id; the wire body is snake_case", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const scope = yield* testEnvironment("B2B")
      const { profile } = yield* jwkProfile(scope)
      expect(profile.profileID).not.toBe("")
      expect(profile.name).toBe("JWK Profile")
      expect(profile.audience).toBe("test-audience")
      expect(profile.issuer).toBe("https://issuer.example.com")
      expect(profile.jwksURL).toBe("https://issuer.example.com/.well-known/jwks.json")
      expect(profile.publicKeyType).toBe("JWK")
      expect(profile.canJitProvision).toBe(true)
      expect(profile.pemFiles).toEqual([])
      expect(profile.attributeMapping).toEqual({ user_id: "sub", email: "email" })
      const request = (yield* fake.requests).at(-1)
      expect(request?.operation).toBe("trustedTokenProfiles.create")
      expect(request?.body).toEqual({
        name: "JWK Profile",
        audience: "test-audience",
        issuer: "https://issuer.example.com",
        jwks_url: "https://issuer.example.com/.well-known/jwks.json",
        public_key_type: "JWK",
        pem_files: [],
        can_jit_provision: true,
        attribute_mapping: { user_id: "sub", email: "email" }
      })
    }).pipe(withFake))

  it.effect("create a PEM profile returns one PEMFile with its id and key (key text is never parsed)", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const { profile } = yield* pemProfile(scope)
      expect(profile.publicKeyType).toBe("PEM")
      expect(profile.canJitProvision).toBe(false)
      expect(profile.pemFiles).toHaveLength(1)
      expect(profile.pemFiles[0]!.pemFileID).not.toBe("")
      expect(profile.pemFiles[0]!.publicKey).toBe(PEM)
      expect(profile.jwksURL).toBeUndefined()
    }).pipe(withFake))

  it.effect("an environment starts with no profiles; getAll lists every created one", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      expect((yield* TrustedTokenProfiles.getAll(scope)).profiles).toEqual([])
      const one = yield* jwkProfile(scope, "Profile 1")
      const two = yield* jwkProfile(scope, "Profile 2")
      const { profiles } = yield* TrustedTokenProfiles.getAll(scope)
      expect(profiles).toHaveLength(2)
      expect(profiles.map((p) => p.profileID).sort()).toEqual([one.profile.profileID, two.profile.profileID].sort())
    }).pipe(withFake))

  it.effect("get echoes the profile; update changes the given fields and leaves the others", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const { profile } = yield* jwkProfile(scope)
      const got = yield* TrustedTokenProfiles.get({ ...scope, profileID: profile.profileID })
      expect(got.profile).toEqual(profile)

      const { profile: updated } = yield* TrustedTokenProfiles.update({
        ...scope,
        profileID: profile.profileID,
        name: "Updated Profile",
        audience: "updated-audience",
        canJitProvision: false
      })
      expect(updated.profileID).toBe(profile.profileID)
      expect(updated.name).toBe("Updated Profile")
      expect(updated.audience).toBe("updated-audience")
      expect(updated.canJitProvision).toBe(false)
      expect(updated.issuer).toBe(profile.issuer)
      expect(updated.jwksURL).toBe(profile.jwksURL)
      expect(updated.publicKeyType).toBe("JWK")
      expect(updated.attributeMapping).toEqual(profile.attributeMapping)
      expect((yield* TrustedTokenProfiles.get({ ...scope, profileID: profile.profileID })).profile).toEqual(updated)

      const { profile: mapped } = yield* TrustedTokenProfiles.update({
        ...scope,
        profileID: profile.profileID,
        attributeMapping: { user_id: "uid" }
      })
      expect(mapped.attributeMapping).toEqual({ user_id: "uid" })
      expect(mapped.name).toBe("Updated Profile")
    }).pipe(withFake))

  it.effect("get after delete and get of an unknown profile are 404 trusted_token_profile_not_found", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const { profile } = yield* jwkProfile(scope)
      const deleted = yield* TrustedTokenProfiles.delete({ ...scope, profileID: profile.profileID })
      expect(deleted.requestID).not.toBe("")
      const gone = yield* apiError(TrustedTokenProfiles.get({ ...scope, profileID: profile.profileID }))
      expect(gone.statusCode).toBe(404)
      expect(gone.errorType).toBe("trusted_token_profile_not_found")
      const unknown = yield* apiError(TrustedTokenProfiles.get({ ...scope, profileID: "profile-does-not-exist" }))
      expect(unknown.statusCode).toBe(404)
      expect((yield* apiError(TrustedTokenProfiles.delete({ ...scope, profileID: profile.profileID }))).statusCode)
        .toBe(404)
      expect((yield* TrustedTokenProfiles.getAll(scope)).profiles).toEqual([])
    }).pipe(withFake))

  it.effect("createPEMFile on a PEM profile adds a key with a new id; the same key text is accepted twice", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const { profile } = yield* pemProfile(scope)
      const original = profile.pemFiles[0]!
      const added = yield* TrustedTokenProfiles.createPEMFile({
        ...scope,
        profileID: profile.profileID,
        publicKey: OTHER_PEM
      })
      expect(added.pemFile.pemFileID).not.toBe("")
      expect(added.pemFile.pemFileID).not.toBe(original.pemFileID)
      expect(added.pemFile.publicKey).toBe(OTHER_PEM)
      const same = yield* TrustedTokenProfiles.createPEMFile({ ...scope, profileID: profile.profileID, publicKey: PEM })
      expect(same.pemFile.publicKey).toBe(PEM)
      expect(same.pemFile.pemFileID).not.toBe(original.pemFileID)
      const { profile: after } = yield* TrustedTokenProfiles.get({ ...scope, profileID: profile.profileID })
      expect(after.pemFiles.map((f) => f.pemFileID)).toEqual([
        original.pemFileID,
        added.pemFile.pemFileID,
        same.pemFile.pemFileID
      ])
    }).pipe(withFake))

  it.effect("createPEMFile fails on a JWK profile (400) and on an unknown profile (404)", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const { profile } = yield* jwkProfile(scope)
      const jwk = yield* apiError(
        TrustedTokenProfiles.createPEMFile({ ...scope, profileID: profile.profileID, publicKey: PEM })
      )
      expect(jwk.statusCode).toBe(400)
      expect(jwk.errorType).toBe("pem_files_not_supported_for_jwk_profile")
      const unknown = yield* apiError(
        TrustedTokenProfiles.createPEMFile({ ...scope, profileID: "profile-does-not-exist", publicKey: PEM })
      )
      expect(unknown.statusCode).toBe(404)
      expect(unknown.errorType).toBe("trusted_token_profile_not_found")
    }).pipe(withFake))

  it.effect("getPEMFile echoes id and key; an unknown pem_file_id is 404 pem_file_not_found", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const { profile } = yield* pemProfile(scope)
      const { pemFile } = yield* TrustedTokenProfiles.getPEMFile({
        ...scope,
        profileID: profile.profileID,
        pemFileID: profile.pemFiles[0]!.pemFileID
      })
      expect(pemFile.pemFileID).toBe(profile.pemFiles[0]!.pemFileID)
      expect(pemFile.publicKey).toBe(PEM)
      const unknown = yield* apiError(
        TrustedTokenProfiles.getPEMFile({ ...scope, profileID: profile.profileID, pemFileID: "pem-file-nope" })
      )
      expect(unknown.statusCode).toBe(404)
      expect(unknown.errorType).toBe("pem_file_not_found")
    }).pipe(withFake))

  it.effect("deletePEMFile removes the added key: the profile then lists only the original", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const { profile } = yield* pemProfile(scope)
      const { pemFile } = yield* TrustedTokenProfiles.createPEMFile({
        ...scope,
        profileID: profile.profileID,
        publicKey: OTHER_PEM
      })
      const deleted = yield* TrustedTokenProfiles.deletePEMFile({
        ...scope,
        profileID: profile.profileID,
        pemFileID: pemFile.pemFileID
      })
      expect(deleted.requestID).not.toBe("")
      const { profile: after } = yield* TrustedTokenProfiles.get({ ...scope, profileID: profile.profileID })
      expect(after.pemFiles).toEqual(profile.pemFiles)
      const again = yield* apiError(
        TrustedTokenProfiles.deletePEMFile({ ...scope, profileID: profile.profileID, pemFileID: pemFile.pemFileID })
      )
      expect(again.errorType).toBe("pem_file_not_found")
    }).pipe(withFake))

  it.effect("decision: the last PEM file of a PEM profile cannot be deleted (400)", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const { profile } = yield* pemProfile(scope)
      const last = yield* apiError(
        TrustedTokenProfiles.deletePEMFile({
          ...scope,
          profileID: profile.profileID,
          pemFileID: profile.pemFiles[0]!.pemFileID
        })
      )
      expect(last.statusCode).toBe(400)
      expect(last.errorType).toBe("cannot_delete_last_pem_file")
    }).pipe(withFake))

  it.effect("decision: create validates the key setup (JWK needs jwks_url and no PEM files; PEM needs a file)", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const base = { ...scope, name: "P", audience: "a", issuer: "https://i", canJitProvision: false }
      const noURL = yield* apiError(TrustedTokenProfiles.create({ ...base, publicKeyType: "JWK", pemFiles: [] }))
      expect(noURL).toMatchObject({ statusCode: 400, errorType: "jwks_url_required" })
      const jwkWithPem = yield* apiError(
        TrustedTokenProfiles.create({ ...base, publicKeyType: "JWK", jwksURL: "https://i/jwks", pemFiles: [PEM] })
      )
      expect(jwkWithPem).toMatchObject({ statusCode: 400, errorType: "pem_files_not_supported_for_jwk_profile" })
      const pemWithout = yield* apiError(TrustedTokenProfiles.create({ ...base, publicKeyType: "PEM", pemFiles: [] }))
      expect(pemWithout).toMatchObject({ statusCode: 400, errorType: "pem_files_required" })
      const blank = yield* apiError(
        TrustedTokenProfiles.create({ ...base, issuer: " ", publicKeyType: "PEM", pemFiles: [PEM] })
      )
      expect(blank).toMatchObject({ statusCode: 400, errorType: "missing_issuer" })
      expect((yield* TrustedTokenProfiles.getAll(scope)).profiles).toEqual([])
    }).pipe(withFake))

  it.effect("decision: an omitted public_key_type is PEM when keys are given, else JWK", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const base = { ...scope, name: "P", audience: "a", issuer: "https://i", canJitProvision: false }
      const pem = yield* TrustedTokenProfiles.create({ ...base, pemFiles: [PEM] })
      expect(pem.profile.publicKeyType).toBe("PEM")
      const jwk = yield* TrustedTokenProfiles.create({ ...base, pemFiles: [], jwksURL: "https://i/jwks" })
      expect(jwk.profile.publicKeyType).toBe("JWK")
    }).pipe(withFake))

  it.effect("profiles work in a Consumer environment too", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("CONSUMER")
      const { profile } = yield* jwkProfile(scope)
      expect((yield* TrustedTokenProfiles.getAll(scope)).profiles.map((p) => p.profileID)).toEqual([profile.profileID])
    }).pipe(withFake))

  it.effect("an unknown environment is 404", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const error = yield* apiError(TrustedTokenProfiles.getAll({ ...scope, environmentSlug: "does-not-exist" }))
      expect(error).toMatchObject({ statusCode: 404, errorType: "environment_not_found" })
    }).pipe(withFake))

  it.effect("a profile without pem_files / can_jit_provision on the wire decodes as [] / false", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const scope = yield* testEnvironment("B2B")
      const { profile } = yield* jwkProfile(scope)
      yield* fake.inject(
        Fault.rewrite((body) => {
          const { can_jit_provision: _c, pem_files: _p, ...rest } = body.profile as Record<string, unknown>
          return { ...body, profile: rest }
        }),
        { operation: "trustedTokenProfiles.get" }
      )
      const got = yield* TrustedTokenProfiles.get({ ...scope, profileID: profile.profileID })
      expect(got.profile.pemFiles).toEqual([])
      expect(got.profile.canJitProvision).toBe(false)
    }).pipe(withFake))

  it.effect("empty path params are rejected before any request", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const scope = { projectSlug: "p", environmentSlug: "e" }
      const cases = [
        ["profileID", TrustedTokenProfiles.get({ ...scope, profileID: "" })],
        ["profileID", TrustedTokenProfiles.update({ ...scope, profileID: " ", name: "x" })],
        ["profileID", TrustedTokenProfiles.delete({ ...scope, profileID: "" })],
        ["profileID", TrustedTokenProfiles.createPEMFile({ ...scope, profileID: "", publicKey: PEM })],
        ["pemFileID", TrustedTokenProfiles.getPEMFile({ ...scope, profileID: "x", pemFileID: "" })],
        ["pemFileID", TrustedTokenProfiles.deletePEMFile({ ...scope, profileID: "x", pemFileID: "" })],
        ["environmentSlug", TrustedTokenProfiles.getAll({ ...scope, environmentSlug: "" })]
      ] as const
      for (const [field, operation] of cases) {
        const error = yield* Effect.flip(operation as Effect.Effect<unknown, StytchError.StytchError, StytchManagement.StytchManagement>)
        expect(error._tag).toBe("InvalidRequestError")
        expect(error).toMatchObject({ kind: "MissingPathParameter", field })
      }
      expect(yield* fake.requests).toEqual([])
    }).pipe(withFake))

  it.effect("an unknown public_key_type is an InvalidRequestError, nothing is sent", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const error = yield* Effect.flip(
        TrustedTokenProfiles.create({
          projectSlug: "p",
          environmentSlug: "e",
          name: "P",
          audience: "a",
          issuer: "i",
          pemFiles: [],
          canJitProvision: false,
          publicKeyType: "JWKS" as TrustedTokenProfiles.PublicKeyType
        })
      )
      expect(error._tag).toBe("InvalidRequestError")
      expect(error._tag === "InvalidRequestError" && error.field).toBe("publicKeyType")
      expect(yield* fake.requests).toEqual([])
    }).pipe(withFake))
})
