/** The `aicost` command: `npm run --silent aicost -- <command>` or `bin/aicost.cjs`. */
import { runCli } from "./cli";
import { processIo } from "./io";

void runCli(process.argv.slice(2), processIo()).then((status) => {
  process.exitCode = status;
});
