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

// The commands report their own failures; this only catches what escapes them (a broken install,
// a closed pipe). A message, never a stack trace, unless DOORSTROOM_DEBUG asks for one.
main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
    process.stderr.write(`doorstroom: internal error (${reason})\n`);
    if (process.env.DOORSTROOM_DEBUG && error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 4;
  });
