/**
 * `npm run test:zgw`: Doorstroom against a real Open Zaak and Open Notificaties (scripts/zgw-stack.ts,
 * docs/zgw.md "Tegen Open Zaak testen"). Not part of `npm test`: the stack is set up once per machine.
 */
const base = require('../../jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/test/zgw-e2e'],
  testPathIgnorePatterns: ['/node_modules/'],
  // One stack at a time on two shared cores; its ports are fixed.
  maxWorkers: 1,
  testTimeout: 300_000,
};
