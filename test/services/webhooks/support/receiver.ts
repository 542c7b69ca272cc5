import http from 'node:http';

export interface ReceivedDelivery {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback only; answers `status` (default 204) and records each request. */
export interface Receiver {
  port: number;
  url: string;
  received: ReceivedDelivery[];
  listen(): Promise<void>;
  close(): Promise<void>;
}

export function createReceiver(port: number, status = 204): Receiver {
  const received: ReceivedDelivery[] = [];
  let server: http.Server | undefined;
  return {
    port,
    url: `http://127.0.0.1:${port}/doorstroom/webhook`,
    received,
    listen: () =>
      new Promise<void>((resolve, reject) => {
        server = http.createServer((req, res) => {
          let body = '';
          req.setEncoding('utf8');
          req.on('data', (chunk: string) => (body += chunk));
          req.on('end', () => {
            received.push({ headers: req.headers, body });
            res.statusCode = status;
            res.end();
          });
        });
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}
