const path = require("path");
const fs = require("fs");
const os = require("os");
const { spawnSync } = require("child_process");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { sources, Compilation } = require("webpack");
const { HelpPagesPlugin } = require("./scripts/webpack/helpPages.cjs");
const { FunctionAssociationsOnlyInTheirFile } = require("./scripts/webpack/functionAssociations.cjs");
const { previewPolicy, taskpanePolicy } = require("./scripts/webpack/contentSecurityPolicy.cjs");
const { securityHeaders, verifyLiveReloadClient } = require("./scripts/webpack/devServerSecurity.cjs");
const { devServerPort, prodUrl, toProductionUrls } = require("./scripts/webpack/urls.cjs");

/** Rewrites localhost URLs in emitted text assets for a production build. */
class ProductionUrlsPlugin {
  constructor(files) {
    this.files = files;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ProductionUrlsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ProductionUrlsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        () => {
          for (const file of this.files) {
            const asset = compilation.getAsset(file);
            if (asset) {
              compilation.updateAsset(file, new sources.RawSource(toProductionUrls(asset.source.source().toString())));
            }
          }
        },
      );
    });
  }
}

/**
 * HyperFormula (GPL-3.0) reaches only the preview host, as its own chunk
 * (hyperformula.js, which preview.js loads with the preview's workbook, after
 * mounting the pane; see src/preview/preview.ts). It comes from the package's
 * own minified build: webpack neither parses it nor minifies it again, which
 * keeps builds quick. Tests import the package's ES modules as usual.
 */
const hyperFormulaBuild = path.resolve(path.dirname(require.resolve("hyperformula")), "..", "dist", "hyperformula.full.min.js");
const hyperFormulaChunk = "hyperformula";
/** The preview's entry and the workbook it imports (src/preview/openWorkbook.ts), the only chunks that reach HyperFormula. */
const previewChunks = ["preview", "previewWorkbook"];

/** Marks the prebuilt HyperFormula chunk as minimized so the minimizer leaves it alone. */
class PrebuiltChunkPlugin {
  constructor(chunkName) {
    this.chunkName = chunkName;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("PrebuiltChunkPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "PrebuiltChunkPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE }, () => {
        for (const chunk of compilation.chunks) {
          if (chunk.name !== this.chunkName) continue;
          for (const file of chunk.files) compilation.updateAsset(file, (source) => source, { minimized: true });
        }
      });
    });
  }
}

/** Where office-addin-dev-certs keeps its files (it generates them before trying to install the CA). */
function devCertificateFiles() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  return { cert: path.join(dir, "localhost.crt"), key: path.join(dir, "localhost.key") };
}

/** Whether office-addin-dev-certs can install its CA here without asking for a password. */
function canInstallDevCertificates() {
  if (process.platform === "win32" || process.platform === "darwin") return true;
  if (process.platform !== "linux") return false;
  // Its Linux installer runs `sudo update-ca-certificates`: only worth trying with passwordless sudo.
  const probe = spawnSync("sudo", ["-n", "true"], { stdio: "ignore", timeout: 5000 });
  return probe.status === 0;
}

function firstLine(error) {
  return String((error && error.message) || error).split("\n").find((line) => line.trim() !== "") || "unknown error";
}

/**
 * How the dev server talks: https with the Office dev certificates where they are
 * (or can be) installed; otherwise, for Excel, the certificate files generated
 * earlier (not trusted by this machine); otherwise plain http on localhost, which
 * is enough for the preview host but not for Excel. Never rejects.
 *
 * @param {{ purpose?: "excel" | "preview" }} [options] "preview" prefers plain http to an untrusted certificate.
 * @returns {Promise<{ server: string | { type: "https", options: object }, protocol: "http" | "https", trusted: boolean, note: string }>}
 */
async function devServerTransport({ purpose = "excel" } = {}) {
  if (process.env.AICOST_HTTP === "1") {
    return { server: "http", protocol: "http", trusted: false, note: "http: AICOST_HTTP=1" };
  }
  let problem = "Office dev certificates cannot be installed here";
  const devCerts = require("office-addin-dev-certs");
  let installed = false;
  try {
    installed = devCerts.verifyCertificates();
  } catch (verifyError) {
    problem = `Office dev certificates cannot be checked here: ${firstLine(verifyError)}`;
  }
  if (installed || canInstallDevCertificates()) {
    try {
      const options = await devCerts.getHttpsServerOptions();
      return { server: { type: "https", options }, protocol: "https", trusted: true, note: "https: Office dev certificates" };
    } catch (installError) {
      problem = `Office dev certificates could not be installed: ${firstLine(installError)}`;
    }
  }
  const files = devCertificateFiles();
  if (purpose === "excel" && fs.existsSync(files.cert) && fs.existsSync(files.key)) {
    return {
      server: { type: "https", options: { cert: fs.readFileSync(files.cert), key: fs.readFileSync(files.key) } },
      protocol: "https",
      trusted: false,
      note: `https: certificate files generated earlier, not trusted by this machine (${problem})`,
    };
  }
  return { server: "http", protocol: "http", trusted: false, note: `http: ${problem}` };
}

module.exports = async (env, options) => {
  const production = options.mode === "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  // `webpack serve` (the dev-server script that office-addin-debugging runs) serves Excel.
  // scripts/start.mjs calls this factory without WEBPACK_SERVE and sets devServer.server itself.
  const transport = serving ? await devServerTransport({ purpose: "excel" }) : undefined;
  if (transport) console.log(`AICOST dev server: ${transport.note}`);

  return {
    devtool: production ? false : "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
      // The preview host (a HyperFormula workbook beside the task pane). HyperFormula
      // is GPL-3.0: it is bundled here and only here, never into functions.js or taskpane.js.
      preview: "./src/preview/preview.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
      alias: { hyperformula$: hyperFormulaBuild },
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          [hyperFormulaChunk]: {
            test: (module) => module.resource === hyperFormulaBuild,
            name: hyperFormulaChunk,
            chunks: (chunk) => previewChunks.includes(chunk.name),
            enforce: true,
          },
        },
      },
    },
    module: {
      noParse: (resource) => resource === hyperFormulaBuild,
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new FunctionAssociationsOnlyInTheirFile(),
      new HelpPagesPlugin({ metadata: "functions.json", namespace: "AICOST" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        templateParameters: { contentSecurityPolicy: taskpanePolicy },
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "blocking",
        inject: "body",
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        templateParameters: { contentSecurityPolicy: previewPolicy },
        chunks: ["preview"],
        scriptLoading: "defer",
        inject: "head",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "src/preview/preview.css", to: "preview.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (production ? toProductionUrls(content.toString()) : content),
          },
        ],
      }),
      new PrebuiltChunkPlugin(hyperFormulaChunk),
      ...(production ? [new ProductionUrlsPlugin(["functions.json"])] : []),
    ],
    devServer: {
      // Loopback only: nothing on the network can reach the dev server.
      host: "localhost",
      // Only what webpack built, from memory: no stale dist/ folder, no directory listings.
      static: false,
      // Each page's CSP as a header too (the text of its meta tag) and nosniff; no CORS header.
      headers: (request) => securityHeaders(request.url),
      // The live-reload socket is refused (403) to any page but this server's own.
      webSocketServer: { type: "ws", options: { verifyClient: verifyLiveReloadClient } },
      port: devServerPort,
      server: transport ? transport.server : "http",
      // The page's live-reload client connects back to the page's own origin (scheme, host, port),
      // however the page was opened (localhost or 127.0.0.1), so the origin rule above lets it in.
      client: { overlay: false, webSocketURL: "auto://0.0.0.0:0/ws" },
    },
    infrastructureLogging: { level: "warn" },
  };
};

module.exports.prodUrl = prodUrl;
module.exports.devServerTransport = devServerTransport;
