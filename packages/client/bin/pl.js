#!/usr/bin/env node
// The `pl` binary: a file of its own, there before the build, so that an install can link it; the command
// line itself is built into dist/cli.
import "../dist/cli/main.js"
