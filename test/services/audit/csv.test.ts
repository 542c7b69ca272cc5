import { auditCsv, csvCell } from '../../../services/audit/csv';
import type { AuditEvent } from '../../../services/audit/audit';

describe('audit CSV', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+31 6')).toBe("'+31 6");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-1')).toBe("'-1");
  });

  it('writes a header and one CRLF-terminated line per event', () => {
    const event: AuditEvent = {
      seq: 1,
      id: 'e',
      tenantId: 'GM0363',
      at: '2026-03-02T09:00:00.000Z',
      actor: { kind: 'user', id: 'u' },
      action: 'version.approve',
      target: { type: 'ruleset', id: 'housing-priority' },
      before: null,
      after: 'ruleset/housing-priority@1',
      reason: 'akkoord',
      details: { a: 1 },
    };
    expect(auditCsv([event])).toBe(
      'seq,at,tenant,actor_kind,actor_id,action,target_type,target_id,before,after,reason,details\r\n' +
        '1,2026-03-02T09:00:00.000Z,GM0363,user,u,version.approve,ruleset,housing-priority,,ruleset/housing-priority@1,akkoord,"{""a"":1}"\r\n',
    );
  });
});
