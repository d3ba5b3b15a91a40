/*
 * npm run start:web -- --document <workbook URL>
 * Sideloads the add-in into Excel on the web with office-addin-debugging, which
 * starts the dev server itself. That tool exits 0 and prints "Debugging started"
 * even after an error, so its output is read: an error is reported as a failure
 * (exit 1, one line), never as started.
 */
import { problemIn, runOfficeAddinDebugging } from "./officeDebugging.mjs";

const args = process.argv.slice(2);
if (!args.includes("--document")) {
  console.error("AICOST: Excel on the web needs a workbook: npm run start:web -- --document <workbook URL>");
  process.exit(1);
}
const { code, output } = await runOfficeAddinDebugging(["start", "manifest.xml", "web", ...args]);
const problem = problemIn(output);
if (code !== 0 || problem !== "") {
  console.error(`AICOST: starting in Excel on the web failed: ${problem || `office-addin-debugging exited with ${code}`}`);
  console.error("AICOST: stop anything it started with npm stop; sideload manifest.xml by hand (README), or use npm start for the preview.");
  process.exit(1);
}
console.log("AICOST started in Excel on the web. Stop with npm stop.");
