/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // The fault-injection suite, the cluster test and the run against Open Zaak have their own runs:
  // npm run test:faults (test/faults/jest.config.js), npm run test:cluster (test/cluster/jest.config.js)
  // and npm run test:zgw (test/zgw-e2e/jest.config.js).
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/test/faults/',
    '<rootDir>/test/cluster/',
    '<rootDir>/test/zgw-e2e/',
  ],
  transform: { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }] },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  setupFiles: ['<rootDir>/test/support/egress-env.ts'],
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  // Temporal tests start servers and workers: two cores do not take more than two at once.
  maxWorkers: 2,
};
