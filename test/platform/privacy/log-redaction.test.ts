import { Writable } from 'node:stream';
import { ApiError } from '../../../platform/errors';
import { createLog } from '../../../platform/log';
import { declarePersonalFields } from '../../../platform/privacy/redact-personal';

const NAME = 'Fatima Testpersoon-Uniek';
const BIRTH = '1991-07-23';

function capture(): { log: ReturnType<typeof createLog>; lines: () => string } {
  let out = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      out += String(chunk);
      done();
    },
  });
  return { log: createLog('debug', sink), lines: () => out };
}

describe('log lines never carry personal data', () => {
  it('censors declared personalData fields at any depth, and the usual personal keys', () => {
    declarePersonalFields(['gezinshoofd', 'contact.telefoonPrive']);
    const { log, lines } = capture();
    log.info({ tenant: 'GM0363', gezinshoofd: { naam: NAME, geboren: BIRTH } }, 'start');
    log.info({ request: { body: { caseRef: 'ZAAK-1', input: { gezinshoofd: NAME } } } }, 'nested');
    log.info({ contact: { telefoonPrive: BIRTH } }, 'dotted declaration');
    log.warn({ statushouder: { dateOfBirth: BIRTH }, data: { x: NAME }, payload: NAME }, 'built-in keys');
    const text = lines();
    expect(text).not.toContain(NAME);
    expect(text).not.toContain(BIRTH);
    // What is not personal stays readable.
    expect(text).toContain('"tenant":"GM0363"');
    expect(text).toContain('ZAAK-1');
    expect(text.match(/\[verwijderd\]/g)?.length).toBeGreaterThanOrEqual(5);
  });

  it('censors BSNs and V-nummers inside texts: messages, format arguments and error messages', () => {
    const { log, lines } = capture();
    log.error({ err: new Error('lookup of 123456782 failed') }, 'could not find 1234.56.782');
    log.error(new ApiError(400, 'VALIDATION_FAILED', 'V-nummer 1234-5678-90 unknown'));
    log.info('person %s arrived', 'V1234567890');
    const text = lines();
    expect(text).not.toMatch(/123456782|1234\.56\.782|1234-5678-90|1234567890/);
    expect(text).toContain('"type":"ApiError"');
    expect(text).toContain('lookup of [verwijderd] failed');
  });

  it('keeps case ids and dates of the case readable', () => {
    const { log, lines } = capture();
    const caseId = 'GM0363-nareiziger-hotelverblijf-3f1234567890ab1234567890';
    log.info({ caseId, at: '2026-11-20' }, 'event');
    expect(lines()).toContain(caseId);
    expect(lines()).toContain('2026-11-20');
  });
});
