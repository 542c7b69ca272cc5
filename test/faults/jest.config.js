/** `npm run test:faults`: the fault-injection suite, real OS processes killed on purpose. Not part of `npm test`. */
const base = require('../../jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/test/faults'],
  testPathIgnorePatterns: ['/node_modules/'],
  // One product at a time: timing bounds (503 within 2 s) are asserted, and two cores are shared.
  maxWorkers: 1,
  testTimeout: 240_000,
};
