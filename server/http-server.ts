import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Express } from 'express';

export interface DrainableServer {
  server: Server;
  port: number;
  /** Requests being answered now (event streams not counted: they never end by themselves). */
  inFlight(): number;
  /**
   * Stops accepting connections, lets the requests in flight finish (at most `drainMs`), then
   * closes every connection still open (idle keep-alives, event streams, stragglers).
   * Resolves with the number of requests that did not finish in time.
   */
  close(drainMs?: number): Promise<number>;
}

const isEventStream = (req: IncomingMessage): boolean => (req.headers.accept ?? '').includes('text/event-stream');

/** The express app on a port, with a shutdown that drains instead of cutting requests off. */
export async function listenDrainable(app: Express, port: number, host: string): Promise<DrainableServer> {
  const server: Server = await new Promise((resolve, reject) => {
    // Express 5 calls back with the error when listening fails (EADDRINUSE).
    const s = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const active = new Set<ServerResponse>();
  let closing = false;
  let drained: (() => void) | undefined;
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    // While draining, a request on a kept-alive connection is still answered, and the connection then closed.
    if (closing) res.setHeader('Connection', 'close');
    if (isEventStream(req)) return;
    active.add(res);
    res.once('close', () => {
      active.delete(res);
      if (closing && active.size === 0) drained?.();
    });
  });
  return {
    server,
    port: (server.address() as { port: number }).port,
    inFlight: () => active.size,
    async close(drainMs = 10_000): Promise<number> {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (active.size > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, drainMs);
          timer.unref();
          drained = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      const unfinished = active.size;
      server.closeAllConnections();
      await closed;
      return unfinished;
    },
  };
}
