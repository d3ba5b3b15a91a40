/* eslint-disable no-undef */
const path = require("path");
const fs = require("fs");
const os = require("os");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { sources, Compilation } = require("webpack");
const { HelpPagesPlugin } = require("./scripts/webpack/helpPages.cjs");
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
 * HTTPS for the dev server: the Office dev certificates where they can be
 * installed; otherwise certificate files generated earlier; otherwise plain http
 * (enough for the preview host, not for Excel). Never rejects.
 */
async function devServerTransport() {
  if (process.env.AICOST_HTTP === "1") return { server: "http", note: "http (AICOST_HTTP=1)" };
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { server: { type: "https", options }, note: "https (Office dev certificates)" };
  } catch (installError) {
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const cert = path.join(dir, "localhost.crt");
    const key = path.join(dir, "localhost.key");
    if (fs.existsSync(cert) && fs.existsSync(key)) {
      return {
        server: { type: "https", options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } },
        note: "https (generated certificate files, not trusted by this machine)",
      };
    }
    return { server: "http", note: `http (dev certificates unavailable: ${String(installError.message || installError).split("\n")[0]})` };
  }
}

module.exports = async (env, options) => {
  const production = options.mode === "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const transport = serving ? await devServerTransport() : undefined;
  if (transport) console.log(`AICOST dev server transport: ${transport.note}`);

  return {
    devtool: production ? false : "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
    },
    module: {
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
      new HelpPagesPlugin({ metadata: "functions.json", namespace: "AICOST" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "blocking",
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (production ? toProductionUrls(content.toString()) : content),
          },
        ],
      }),
      ...(production ? [new ProductionUrlsPlugin(["functions.json"])] : []),
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      port: devServerPort,
      server: transport ? transport.server : "http",
      client: { overlay: false },
    },
    infrastructureLogging: { level: "warn" },
  };
};

module.exports.prodUrl = prodUrl;
