/** The `aicost` command: `npm run --silent aicost -- <command>` or `bin/aicost.cjs`. */
import { runCli } from "./cli";
import { processIo, watchStandardOutput } from "./io";

const output = watchStandardOutput(process.stdout, (line) => process.stderr.write(line));
void runCli(process.argv.slice(2), processIo()).then((status) => {
  process.exitCode = output.failed() ? 1 : status;
});
