// bench:rules compares with GoRules' zen-engine. It is not a devDependency: its package lists
// native builds for every platform as optional dependencies, and a registry that lacks some of
// them makes `npm ci` refuse the lock file. So the benchmark installs it for itself, unsaved.
const { execSync } = require('node:child_process');

try {
  require.resolve('@gorules/zen-engine');
} catch {
  console.log('bench:rules: installing @gorules/zen-engine@0.54.0 (not saved to package.json)');
  execSync('npm install --no-save --no-audit --no-fund @gorules/zen-engine@0.54.0', { stdio: 'inherit' });
}
