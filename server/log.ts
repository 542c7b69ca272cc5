import pino from 'pino';

export type Log = pino.Logger;

/** JSON logs; personal data must never be passed in, and known personal fields are censored anyway. */
export function createLog(level = process.env.LOG_LEVEL ?? 'info', destination: pino.DestinationStream = pino.destination(1)): Log {
  return pino({
    level,
    redact: { paths: ['data', '*.data', 'payload', '*.payload', 'nareiziger', '*.nareiziger', 'bsn', '*.bsn', 'name', '*.name'], censor: '[verwijderd]' },
  }, destination);
}
