/**
 * Builds the monitor's browser-test host (index.html here) into the directory given as the
 * first argument, with the UI's own Vite config. Run: npx tsx ui/src/monitor/e2e/build.mts <outDir>
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

async function main(): Promise<void> {
  const outDir = process.argv[2];
  if (!outDir) throw new Error('build.mts: give the output directory');
  await build({
    configFile: fileURLToPath(new URL('../../../vite.config.mts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: fileURLToPath(new URL('./index.html', import.meta.url)) } },
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
