/*
 * What the dev server (npm start's preview, and `webpack serve` for Excel) sends
 * and accepts beyond serving files: each page's Content-Security-Policy as a
 * header (the same text as its meta tag), nosniff on every response, and a
 * live-reload WebSocket that only the server's own pages may open.
 */
const { policyForPath } = require("./contentSecurityPolicy.cjs");

/** Host names that reach this machine's loopback interface. */
const loopbackNames = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The headers for a response to `url` (a request's path and query). */
function securityHeaders(url) {
  const pathname = new URL(url ?? "/", "http://localhost").pathname;
  return {
    "Content-Security-Policy": policyForPath(pathname),
    "X-Content-Type-Options": "nosniff",
  };
}

/**
 * Whether a WebSocket upgrade comes from a page this server served: its Origin is
 * exactly the server's own (scheme, loopback host name and port, as the Host
 * header names it). Another site's page (Origin: http://evil.example), or a page
 * reached through a rebound DNS name, is refused.
 *
 * @param {string | undefined} origin the Origin header
 * @param {string | undefined} host the Host header
 * @param {boolean} secure whether the connection is https
 */
function isOwnOrigin(origin, host, secure) {
  if (!origin || !host) return false;
  let parsedHost;
  try {
    parsedHost = new URL(`http://${host}`);
  } catch {
    return false;
  }
  if (!loopbackNames.has(parsedHost.hostname)) return false;
  return origin === `${secure ? "https" : "http"}://${host}`;
}

/** ws's verifyClient: refuses the upgrade itself (403) when the Origin is not the server's own. */
function verifyLiveReloadClient(info, done) {
  if (isOwnOrigin(info.origin, info.req.headers.host, info.secure)) done(true);
  else done(false, 403, "Forbidden: live reload is only for this server's own pages");
}

module.exports = { securityHeaders, isOwnOrigin, verifyLiveReloadClient };
