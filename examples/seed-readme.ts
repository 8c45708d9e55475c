/**
 * The TypeScript snippets of the official `stytch-management` README, run
 * against `@stytch-effect/compat` and a fake served on loopback HTTP:
 *
 *   tsx examples/seed-readme.ts
 *
 * packages/compat/test/SeedReadme.test.ts runs {@link seedReadme} so this
 * stays true. Each snippet is copied verbatim inside a block (the snippets
 * reuse `const response`); the block returns what later snippets use. The
 * only changes:
 *
 * - one import statement from `@stytch-effect/compat` instead of several from
 *   `stytch-management`; `type ClientConfig`, because this repository
 *   compiles with `verbatimModuleSyntax`; `secrets` is not imported, as no
 *   snippet uses it (`noUnusedLocals`);
 * - `base_url` in the config: the loopback URL of the fake;
 * - ADDED: the project's LIVE environment is created before `getAll`. The
 *   README assumes it exists, but a project created through the API has no
 *   environments (and a TEST environment needs the LIVE one first);
 * - `liveEnv!` in the secrets snippet (`liveEnv` may be undefined under
 *   strict null checks);
 * - ADDED: a CONSUMER project with its LIVE environment for the
 *   `client.sdk.getConsumerConfig` snippet. The README's project is B2B, and
 *   the API refuses a Consumer SDK configuration on a B2B project's
 *   environment (the fake too: 400 `sdk_config_vertical_mismatch`); the
 *   snippet runs unchanged with `newProject` / `liveEnv` bound to the
 *   Consumer project and its LIVE environment;
 * - the error-handling snippet rethrows after logging, as in the README; the
 *   rejection is checked to be a `ManagementStytchError`.
 */
import {
  type ClientConfig,
  environments,
  ManagementClient,
  ManagementStytchError,
  projects
} from "@stytch-effect/compat"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Redacted } from "effect"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"

/**
 * Runs the README's snippets against `base_url`, with credentials read from
 * `STYTCH_WORKSPACE_KEY_ID` / `STYTCH_WORKSPACE_KEY_SECRET` as the README
 * does. Returns the client (close it) and what the snippets created.
 */
export async function seedReadme(base_url: string) {
  // --- Set your Stytch Management API credentials.
  const client = (() => {
    // Set your Stytch Management API credentials.
    const config: ClientConfig = {
      workspace_key_id: process.env.STYTCH_WORKSPACE_KEY_ID!,
      workspace_key_secret: process.env.STYTCH_WORKSPACE_KEY_SECRET!,
      base_url // changed: the fake on loopback
    };
    const client = new ManagementClient(config);
    return client
  })()

  // --- Create a project.
  const newProject = await (async () => {
    const response = await client.projects.create({
      name: "My new project",
      vertical: "B2B" as projects.Vertical,
    });
    const newProject = response.project;
    console.log(`Created project: ${newProject.projectSlug}`);
    return newProject
  })()

  // ADDED: the LIVE environment the README takes for granted.
  await client.environments.create({ projectSlug: newProject.projectSlug, name: "Production", type: "LIVE" })

  // --- Get all environments and find the LIVE one.
  const liveEnv = await (async () => {
    const response = await client.environments.getAll({
      projectSlug: newProject.projectSlug,
    });
    const liveEnv = response.environments.find(
      (env) => env.type === ("LIVE" as environments.EnvironmentType)
    );
    console.log(`Live environment: ${liveEnv?.environmentSlug}`);
    return liveEnv
  })()

  // --- Create an environment.
  const customEnv = await (async () => {
    const response = await client.environments.create({
      projectSlug: newProject.projectSlug,
      name: "My custom environment",
      type: "TEST" as environments.EnvironmentType,
    });
    const customEnv = response.environment;
    console.log(`Created environment: ${customEnv.environmentSlug}`);
    return customEnv
  })()

  // --- Create a secret.
  const secret = await (async () => {
    const response = await client.secrets.create({
      projectSlug: newProject.projectSlug,
      environmentSlug: liveEnv!.environmentSlug, // changed: `liveEnv!`
    });
    const secret = response.secret;
    console.log(`Created secret: ${secret.secretID}`);
    return secret
  })()

  // ADDED: a Consumer project for the SDK configuration snippet (the README's
  // project is B2B, which has no Consumer SDK configuration).
  const consumerProject = (await client.projects.create({ name: "My consumer project", vertical: "CONSUMER" })).project
  const consumerLiveEnv = (
    await client.environments.create({ projectSlug: consumerProject.projectSlug, name: "Production", type: "LIVE" })
  ).environment

  // --- Get the Consumer SDK configuration (on the Consumer project).
  const consumerSDKConfig = await (async (newProject, liveEnv) => {
    const response = await client.sdk.getConsumerConfig({
      projectSlug: newProject.projectSlug,
      environmentSlug: liveEnv.environmentSlug,
    });
    console.log("Consumer SDK config:", response.config);
    return response.config
  })(consumerProject, consumerLiveEnv)

  // --- Typed requests and responses.
  const typedResponse = await (async () => {
    // Use typed requests
    const createRequest: projects.CreateRequest = {
      name: "My project",
      vertical: "B2B",
    };

    // Responses are also typed
    const response: projects.CreateResponse = await client.projects.create(
      createRequest
    );
    return response
  })()

  // --- Error handling (the snippet rethrows after logging).
  const rethrown = await (async () => {
    try {
      await client.projects.get({ projectSlug: "invalid-slug" });
    } catch (error) {
      if (error instanceof ManagementStytchError) {
        console.error(`Stytch error: ${error.error_type}`);
        console.error(`Message: ${error.error_message}`);
        console.error(`Request ID: ${error.request_id}`);
      }
      throw error;
    }
  })().then(
    () => undefined,
    (error: unknown) => error
  )
  if (!(rethrown instanceof ManagementStytchError)) {
    throw new Error("expected the error-handling snippet to throw a ManagementStytchError", { cause: rethrown })
  }

  return {
    client,
    newProject,
    liveEnv: liveEnv!,
    customEnv,
    secret,
    consumerProject,
    consumerSDKConfig,
    typedResponse,
    error: rethrown
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href

if (isMain) {
  const server = await FakeManagementApi.start()
  console.log(`Running the seed README's snippets against the fake API served at ${server.url}.`)
  // The README reads its credentials from the environment: point it at the fake's.
  process.env.STYTCH_WORKSPACE_KEY_ID = server.credentials.keyID
  process.env.STYTCH_WORKSPACE_KEY_SECRET = Redacted.value(server.credentials.keySecret)
  try {
    const { client } = await seedReadme(server.url)
    await client.close()
    console.log("done.")
  } finally {
    await server.close()
  }
}
