#!/usr/bin/env node
// The smtp-gate command: Node's compile cache on (where Node has it), then the CLI bundle.
"use strict";
require("node:module").enableCompileCache?.();
require("./cli.js");
