/*
 * custom-functions-metadata-plugin appends `CustomFunctions.associate(...)` calls
 * to the functions file through a loader it adds to that one module. ts-loader,
 * in watch mode, re-reads every changed TypeScript file through the loaders it
 * saw after itself on the first module it compiled (functions.ts, the first
 * entry), so on every rebuild the associations were appended to every file:
 * hundreds of false "Cannot find name" errors and a broken bundle.
 *
 * This plugin keeps the association loader to the file it was added for: it
 * swaps in a guard (this file, used as a loader) that passes any other file
 * through unchanged.
 */
const path = require("path");
const { NormalModule } = require("webpack");

const pluginName = "FunctionAssociationsOnlyInTheirFile";
const associationLoader = path.join(path.dirname(require.resolve("custom-functions-metadata-plugin")), "loader.js");

class FunctionAssociationsOnlyInTheirFile {
  apply(compiler) {
    compiler.hooks.compilation.tap(pluginName, (compilation) => {
      // After the metadata plugin has added its loader (a later stage runs later).
      NormalModule.getCompilationHooks(compilation).beforeLoaders.tap({ name: pluginName, stage: 100 }, (loaders) => {
        for (const entry of loaders) {
          if (entry.loader === associationLoader) entry.loader = __filename;
        }
      });
    });
  }
}

/** The guard, as a loader: the metadata plugin's loader on its own file, nothing on any other. */
function guardedAssociations(source, map, meta) {
  const { file } = this.getOptions();
  if (path.resolve(this.resourcePath) !== path.resolve(file)) {
    this.callback(null, source, map, meta);
    return;
  }
  this.callback(null, require(associationLoader).call(this, source), map, meta);
}

module.exports = guardedAssociations;
module.exports.FunctionAssociationsOnlyInTheirFile = FunctionAssociationsOnlyInTheirFile;
