/**
 * `npm run test:cluster`: the product on a real Temporal cluster (the Temporal server with PostgreSQL,
 * deploy/temporal/config.yaml), two API replicas and two workers. Not part of `npm test`: the server
 * binary is built once per machine (docs/deployment.md, README).
 */
const base = require('../../jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/test/cluster'],
  testPathIgnorePatterns: ['/node_modules/'],
  // One cluster at a time on two shared cores.
  maxWorkers: 1,
  testTimeout: 300_000,
};
