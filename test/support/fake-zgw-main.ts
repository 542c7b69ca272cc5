import { startFakeZgw } from './fake-zgw';

// The fake Zaken API as a process of its own (test/support/fake-zgw.ts): prints its URLs as one
// JSON line, then serves until it is stopped.
void startFakeZgw().then((zgw) => {
  process.stdout.write(`${JSON.stringify({ bases: zgw.bases, zaakUrl: zgw.zaakUrl, statusUrl: zgw.statusUrl })}\n`);
  const stop = () => void zgw.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
});
