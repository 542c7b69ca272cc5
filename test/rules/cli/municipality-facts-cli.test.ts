import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Io } from '../../../rules/cli/cli-io';
import { main } from '../../../rules/cli/main';
import type { MunicipalityFact } from '../../../rules/rule-set-schema';
import { aRule, aRuleSet } from '../support/factories';

function fakeIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (l) => stdout.push(l),
    err: (l) => stderr.push(l),
    writeErr: () => undefined,
    stderrIsTty: false,
  };
}

const facts: Record<string, MunicipalityFact> = {
  hulpbehoevendheidsscore: {
    type: 'integer',
    minimum: 0,
    maximum: 10,
    label: { nl: 'Hulpbehoevendheidsscore', en: 'Dependency score' },
    description: { nl: 'Score.', en: 'Score.' },
  },
  wijkteamAkkoord: {
    type: 'boolean',
    label: { nl: 'Akkoord wijkteam', en: 'Neighbourhood team agrees' },
    description: { nl: 'Akkoord.', en: 'Agrees.' },
  },
};
const careRule = aRule({
  name: 'zorg',
  title: 'Zorgurgentie',
  conditions: {
    all: [
      { fact: 'hulpbehoevendheidsscore', operator: 'greaterThanInclusive', value: 7 },
      { fact: 'wijkteamAkkoord', operator: 'equal', value: true },
    ],
  },
  event: { type: 'priority', params: { category: 'care' } },
});

describe("doorstroom rules with a rule set's own facts", () => {
  let dir: string;
  const file = (name: string, content: unknown) => {
    const p = path.join(dir, name);
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
    return p;
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'doorstroom-facts-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('evaluate accepts and explains them, and refuses a value of the wrong type', async () => {
    const rs = file('rs.json', aRuleSet({ facts, rules: [careRule] }));
    const io = fakeIo();
    expect(
      await main(
        [
          'evaluate',
          rs,
          file('f.json', { hulpbehoevendheidsscore: 8, wijkteamAkkoord: true }),
          '--peildatum',
          '2026-02-01',
        ],
        io,
      ),
    ).toBe(0);
    expect(io.stdout.join('\n')).toContain('Hulpbehoevendheidsscore is 8; vereist is minstens 7: voldaan.');
    const bad = fakeIo();
    expect(await main(['evaluate', rs, file('g.json', { hulpbehoevendheidsscore: 'acht' })], bad)).toBe(3);
    expect(bad.stderr.join('\n')).toContain('/hulpbehoevendheidsscore');
  });

  it('simulate reads CSV cells by the type of the newer version\'s own facts ("ja" is yes)', async () => {
    const before = file('v1.json', aRuleSet());
    const after = file('v2.json', aRuleSet({ version: 2, facts, rules: [aRule(), careRule] }));
    const cases = file(
      'cases.csv',
      'id,householdSize,hulpbehoevendheidsscore,wijkteamAkkoord\nzaak-1,2,8,ja\nzaak-2,2,3,ja\nzaak-3,2,acht,nee\n',
    );
    const io = fakeIo();
    expect(await main(['simulate', before, after, cases, '--json', '--peildatum', '2026-02-01'], io)).toBe(3);
    const out = JSON.parse(io.stdout.join('\n')) as {
      cases: number;
      changes: Array<{ id: string }>;
      invalidCases: Array<{ row: number; errors: Array<{ code: string; path: string }> }>;
    };
    expect(out.cases).toBe(2);
    expect(out.changes.map((c) => c.id)).toEqual(['zaak-1']);
    expect(out.invalidCases).toEqual([
      expect.objectContaining({
        row: 4,
        errors: [expect.objectContaining({ code: 'value-type-mismatch', path: '/hulpbehoevendheidsscore' })],
      }),
    ]);
  });
});
