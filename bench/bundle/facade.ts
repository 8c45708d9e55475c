/** Bundle (d): the promise facade, one call. */
import { ManagementClient } from "@stytch-effect/compat"

const client = new ManagementClient({ workspace_key_id: "key", workspace_key_secret: "secret" })
client.secrets.get({ projectSlug: "p", environmentSlug: "e", secretID: "s" }).then(console.log, console.error)
