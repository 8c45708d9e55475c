/** @internal */
export const isLoopbackHost = (hostname: string): boolean => {
  const host = hostname.toLowerCase()
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "[::1]" ||
    /^127(?:\.\d{1,3}){3}$/.test(host)
  )
}

/**
 * Parses and checks a base URL: `https:` anywhere, `http:` only to loopback
 * hosts, so credentials never travel in clear text. Returns the URL without a
 * trailing slash, or a reason.
 *
 * @internal
 */
export const checkBaseURL = (input: string | URL): { readonly url: string } | { readonly error: string } => {
  let url: URL
  try {
    url = new URL(input.toString())
  } catch {
    return { error: "base URL is not a valid URL" }
  }
  if (url.username !== "" || url.password !== "") {
    return { error: "base URL must not contain credentials" }
  }
  if (url.search !== "" || url.hash !== "") {
    return { error: "base URL must not contain a query or fragment" }
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    return { error: `base URL must use https: (http: is only allowed for loopback hosts), got ${url.origin}` }
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { error: `base URL must use https:, got ${url.protocol}` }
  }
  return { url: url.href.replace(/\/+$/, "") }
}
