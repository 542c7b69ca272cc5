#!/usr/bin/env node
'use strict';
// Runs the TypeScript sources directly through tsx, so the CLI needs no build step.
require('tsx/cjs');

const USAGE = 'Usage: doorstroom rules <validate|evaluate|simulate> ... (doorstroom rules --help for more)';

async function main() {
  const [area, ...rest] = process.argv.slice(2);
  if (area === 'rules') {
    const { main: rules } = require('../rules/cli/main.ts');
    return rules(rest);
  }
  process.stderr.write(`${USAGE}\n`);
  return area === '--help' || area === '-h' ? 0 : 2;
}

main().then((code) => { process.exitCode = code; }).catch((error) => {
  process.stderr.write(`doorstroom: ${error && error.stack ? error.stack : error}\n`);
  process.exitCode = 4;
});
