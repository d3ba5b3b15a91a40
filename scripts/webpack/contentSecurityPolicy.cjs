/*
 * The pages' Content-Security-Policies, in one place: webpack writes each into its
 * page's <meta http-equiv="Content-Security-Policy"> (HtmlWebpackPlugin template
 * parameter), and the dev server sends the same text as a header, so the two
 * cannot drift.
 */

/** Where the task pane's office.js and the scripts it loads come from (Microsoft's CDN). */
const officeJsScriptHosts = ["https://appsforoffice.microsoft.com", "https://ajax.aspnetcdn.com"];

/**
 * The one frame office.js opens itself: a hidden telemetry proxy
 * (https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html,
 * framed by the Windows host scripts a few seconds after loading).
 */
const officeJsFrameHosts = ["https://telemetryservice.firstpartyapps.oaspapps.com"];

/**
 * The one origin the pages may fetch from besides their own: where genai-prices
 * publishes its price data (publishedPriceDataUrl in src/calc/priceDataStore.ts),
 * fetched only when the user asks the pane to check for newer prices.
 */
const priceDataOrigin = "https://raw.githubusercontent.com";

/** @param {Record<string, readonly string[]>} directives */
function policyText(directives) {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}

/**
 * The task pane (taskpane.html, loaded by Excel): no inline script and no eval;
 * scripts from the add-in's own files and the office.js CDN. Inline styles are
 * allowed because office.js sets some itself (Excel on the web).
 */
const taskpanePolicy = policyText({
  "default-src": ["'self'"],
  "script-src": ["'self'", ...officeJsScriptHosts],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'", priceDataOrigin],
  "frame-src": [...officeJsFrameHosts],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'none'"],
});

/** The preview host (preview.html) and every other page: everything from this server, nothing inline, no eval. */
const previewPolicy = policyText({
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'", priceDataOrigin],
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'none'"],
});

/** The policy for a request path: the task pane's for taskpane.html, the preview's for anything else. */
function policyForPath(pathname) {
  return /^\/taskpane\.html$/.test(pathname) ? taskpanePolicy : previewPolicy;
}

module.exports = { taskpanePolicy, previewPolicy, policyForPath, officeJsScriptHosts, officeJsFrameHosts, priceDataOrigin };
