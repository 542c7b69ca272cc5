import pino from 'pino';
import { redactPersonal } from './privacy/redact-personal';

export type Log = pino.Logger;

/**
 * JSON logs. Personal data must never be passed in, and a line is cleaned anyway before it is
 * written: keys that hold personal data (the usual ones and every `personalData` a definition
 * declares) are censored at any depth, and BSNs and V-nummers are censored inside every text,
 * the message and error messages included (docs/privacy.md).
 */
export function createLog(
  level = process.env.LOG_LEVEL ?? 'info',
  destination: pino.DestinationStream = pino.destination(1),
): Log {
  return pino(
    {
      level,
      hooks: {
        logMethod(args, method) {
          const clean = args.map((a) => redactPersonal(a)) as Parameters<typeof method>;
          // pino reads a leading Error as { err }: keep that shape after it became a plain object.
          if (args[0] instanceof Error) clean[0] = { err: clean[0] };
          return method.apply(this, clean);
        },
      },
    },
    destination,
  );
}
