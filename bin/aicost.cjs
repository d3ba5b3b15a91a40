#!/usr/bin/env node
// The installed `aicost` command. It runs the TypeScript sources through tsx's
// CommonJS loader, so tsx must be installed with the package (a runtime dependency).
"use strict";
// HyperFormula is plain CommonJS of some 200 files: loaded before tsx's hook is
// registered, it skips the hook's per-file work, which cuts start-up by about a third.
require("hyperformula");
require("tsx/cjs");
require("../src/cli/main.ts");
