/*
 * Runs webpack in watch mode, as `npm start` does (the development config from
 * webpack.config.js), in the current directory, and prints one JSON line per
 * compilation: { build, errors: [{ file, line, column, code, message }] }.
 * Used by tests/build/watch.test.ts on a scratch copy of the repository.
 */
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const root = process.cwd();
const require = createRequire(join(root, "package.json"));
const webpack = require("webpack");
const configFactory = require(join(root, "webpack.config.js"));

/** "[tsl] ERROR in /abs/src/x.ts(41,44)\n      TS2304: Cannot find name 'y'." -> its parts. */
function located(message) {
  const match = /ERROR in (.+?)\((\d+),(\d+)\)\s+TS(\d+): ([^\n]*)/.exec(message);
  if (!match) return { file: "", line: 0, column: 0, code: "", message: message.split("\n")[0] };
  return { file: relative(root, match[1]), line: Number(match[2]), column: Number(match[3]), code: `TS${match[4]}`, message: match[5].trim() };
}

const config = await configFactory({}, { mode: "development" });
config.mode = "development";
config.context = root;
config.stats = "none";
config.output = { ...config.output, path: mkdtempSync(join(tmpdir(), "aicost-watch-dist-")) };

let build = 0;
const watching = webpack(config).watch({}, (error, stats) => {
  build += 1;
  if (error) {
    console.log(JSON.stringify({ build, errors: [{ file: "", line: 0, column: 0, code: "", message: String(error) }] }));
    return;
  }
  const errors = stats.toJson({ all: false, errors: true }).errors ?? [];
  console.log(JSON.stringify({ build, errors: errors.map((e) => located(typeof e === "string" ? e : e.message)) }));
});
process.on("SIGTERM", () => watching.close(() => process.exit(0)));
