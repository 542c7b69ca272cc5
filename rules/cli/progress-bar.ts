import type { Io } from './cli-io';

/** A one-line bar on stderr, redrawn at most once per percent; silent when stderr is not a terminal. */
export function progressBar(io: Io, total: number, label: string): { tick(done: number): void; done(): void } {
  if (!io.stderrIsTty || total < 1000) return { tick: () => undefined, done: () => undefined };
  let shown = -1;
  const width = 30;
  return {
    tick(done) {
      const percent = Math.floor((done / total) * 100);
      if (percent === shown) return;
      shown = percent;
      const filled = Math.round((percent / 100) * width);
      io.writeErr(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% (${done}/${total})`);
    },
    done() {
      io.writeErr('\r\x1b[2K');
    },
  };
}
