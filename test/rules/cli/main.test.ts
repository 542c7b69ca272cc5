import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Io } from '../../../rules/cli/cli-io';
import { main } from '../../../rules/cli/main';
import { progressBar } from '../../../rules/cli/progress-bar';
import { aFactCondition, aRule, aRuleSet, aRuleSetWith } from '../support/factories';

function fakeIo(stderrIsTty = false): Io & { stdout: string[]; stderr: string[]; raw: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const raw: string[] = [];
  return {
    stdout,
    stderr,
    raw,
    out: (l) => stdout.push(l),
    err: (l) => stderr.push(l),
    writeErr: (t) => raw.push(t),
    stderrIsTty,
  };
}

describe('doorstroom rules (CLI)', () => {
  let dir: string;
  const file = (name: string, content: unknown) => {
    const p = path.join(dir, name);
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
    return p;
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'doorstroom-rules-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('validate exits 0 for a valid rule set and 1 when one file has errors, naming path and code', async () => {
    const io = fakeIo();
    const good = file('good.json', aRuleSet());
    const bad = file('bad.json', aRuleSetWith({ all: [aFactCondition('schoenmaat')] }));
    expect(await main(['validate', good], io)).toBe(0);
    expect(await main(['validate', good, bad, '--lang', 'en'], io)).toBe(1);
    expect(io.stdout.join('\n')).toContain('/rules/0/conditions/all/0/fact  unknown-fact');
  });

  it('validate --strict fails on warnings', async () => {
    const io = fakeIo();
    expect(
      await main(['validate', '--strict', file('w.json', aRuleSet({ rules: [aRule({ priority: 2.5 })] }))], io),
    ).toBe(1);
  });

  it('exits 2 on a usage error and 3 on unreadable input', async () => {
    expect(await main(['evaluate', 'only-one.json'], fakeIo())).toBe(2);
    expect(await main(['validate', file('x.json', aRuleSet()), '--peildatum', 'gisteren'], fakeIo())).toBe(2);
    expect(await main(['validate', path.join(dir, 'missing.json')], fakeIo())).toBe(3);
    expect(await main(['validate', file('broken.json', '{ "id": ')], fakeIo())).toBe(3);
  });

  it('evaluate prints the outcome and the explanation in Dutch', async () => {
    const io = fakeIo();
    const code = await main(
      ['evaluate', file('rs.json', aRuleSet()), file('f.json', { householdSize: 5 }), '--peildatum', '2026-02-01'],
      io,
    );
    expect(code).toBe(0);
    expect(io.stdout.join('\n')).toContain('Huishoudgrootte is 5 personen; vereist is minstens 4 personen: voldaan.');
  });

  it('evaluate refuses facts that do not fit the catalog', async () => {
    const io = fakeIo();
    expect(await main(['evaluate', file('rs.json', aRuleSet()), file('f.json', { householdSize: 'vijf' })], io)).toBe(
      3,
    );
    expect(io.stderr.join('\n')).toContain('/householdSize');
  });

  it('simulate lists who changes outcome from a CSV file and exits 1', async () => {
    const before = file('v1.json', aRuleSet());
    const after = file(
      'v2.json',
      aRuleSet({
        version: 2,
        rules: [aRule({ conditions: { all: [aFactCondition('householdSize', 'greaterThanInclusive', 5)] } })],
      }),
    );
    const cases = file('cases.csv', 'id,householdSize,medicalUrgency\nzaak-1,4,nee\nzaak-2,6,ja\nzaak-3,,\n');
    const io = fakeIo();
    expect(await main(['simulate', before, after, cases, '--peildatum', '2026-02-01'], io)).toBe(1);
    const text = io.stdout.join('\n');
    expect(text).toContain('3 gevallen, peildatum 2026-02-01: 1 veranderen van uitkomst (v1 → v2).');
    expect(text).toMatch(/zaak-1\s+priority:large-family\s+\(geen\)/);
    const json = fakeIo();
    await main(['simulate', before, after, cases, '--json', '--peildatum', '2026-02-01'], json);
    expect(JSON.parse(json.stdout.join('\n'))).toMatchObject({ cases: 3, changed: 1, changes: [{ id: 'zaak-1' }] });
  });

  it('simulate exits 0 when no case changes', async () => {
    const rs = file('v1.json', aRuleSet());
    expect(await main(['simulate', rs, rs, file('c.json', [{ id: 'a', householdSize: 4 }])], fakeIo())).toBe(0);
  });

  describe('never a stack trace: a message and a documented exit code', () => {
    const noStack = (io: ReturnType<typeof fakeIo>) =>
      expect([...io.stdout, ...io.stderr].join('\n')).not.toMatch(/\n\s+at |RangeError|TypeError/);

    it('validate reports a rule set nested 100,000 levels deep as nesting-too-deep (exit 1)', async () => {
      const io = fakeIo();
      const deep =
        '{"all":['.repeat(100_000) + '{"fact":"householdSize","operator":"equal","value":1}' + ']}'.repeat(100_000);
      const text = JSON.stringify(aRuleSet()).replace(/"conditions":\{.*?\}\]\}/, `"conditions":${deep}`);
      expect(await main(['validate', file('deep.json', text), '--lang', 'en'], io)).toBe(1);
      expect(io.stdout.join('\n')).toContain('nesting-too-deep');
      noStack(io);
    });

    it('evaluate and simulate refuse such a rule set with exit 1, without a stack trace', async () => {
      const io = fakeIo();
      const deep =
        '{"all":['.repeat(2_000) + '{"fact":"householdSize","operator":"equal","value":1}' + ']}'.repeat(2_000);
      const rs = file(
        'deep.json',
        JSON.stringify(aRuleSet()).replace(/"conditions":\{.*?\}\]\}/, `"conditions":${deep}`),
      );
      expect(await main(['evaluate', rs, file('f.json', { householdSize: 5 })], io)).toBe(1);
      expect(await main(['simulate', rs, rs, file('c.json', [{ householdSize: 5 }])], io)).toBe(1);
      expect(io.stderr.join('\n')).toContain('nesting-too-deep');
      noStack(io);
    });

    it('evaluate reports a __proto__ fact and an Infinity as coded facts errors (exit 3)', async () => {
      const io = fakeIo();
      const facts = file('f.json', '{"householdSize": 1e999, "__proto__": {"medicalUrgency": true}}');
      expect(await main(['evaluate', file('rs.json', aRuleSet()), facts, '--lang', 'en'], io)).toBe(3);
      const text = io.stderr.join('\n');
      expect(text).toContain('/householdSize  value-type-mismatch');
      expect(text).toMatch(/\/__proto__ {2}(forbidden-fact-name|unknown-fact)/);
      noStack(io);
    });

    it('an internal error is one line with exit 4', async () => {
      const io = fakeIo();
      const exploding: typeof io = {
        ...io,
        out: () => {
          throw new TypeError('pipe closed');
        },
      };
      expect(await main(['validate', file('ok.json', aRuleSet()), '--lang', 'en'], exploding)).toBe(4);
      expect(io.stderr).toEqual(['doorstroom rules: internal error (TypeError: pipe closed).']);
    });
  });

  describe('simulate checks every case against the catalog', () => {
    it('lists invalid CSV rows by spreadsheet row with a coded error, simulates the rest and exits 3', async () => {
      const rs = file('v1.json', aRuleSet());
      const cases = file('cases.csv', 'id,householdSize,schoenmaat\nzaak-1,4,\nzaak-2,vijf,\nzaak-3,2,44\nzaak-4,6,\n');
      const io = fakeIo();
      expect(await main(['simulate', rs, rs, cases, '--peildatum', '2026-02-01', '--lang', 'en'], io)).toBe(3);
      expect(io.stdout.join('\n')).toContain('2 cases, peildatum 2026-02-01: 0 change outcome');
      const err = io.stderr.join('\n');
      expect(err).toContain('2 case(s) not simulated');
      expect(err).toMatch(/row 3 \(zaak-2\):\n\s+✗ \/householdSize {2}value-type-mismatch/);
      expect(err).toMatch(/row 4 \(zaak-3\):\n\s+✗ \/schoenmaat {2}unknown-fact/);
    });

    it('reports JSON cases by position, with forbidden keys and bad peildatums, in --json output too', async () => {
      const rs = file('v1.json', aRuleSet());
      const cases = file(
        'cases.json',
        '[{"id":"a","householdSize":4},{"id":"b","__proto__":{"householdSize":9}},{"id":"c","peildatum":"gisteren"},7]',
      );
      const io = fakeIo();
      expect(await main(['simulate', rs, rs, cases, '--json'], io)).toBe(3);
      const out = JSON.parse(io.stdout.join('\n')) as {
        cases: number;
        invalid: number;
        invalidCases: Array<{ row: number; errors: Array<{ code: string }> }>;
      };
      expect(out.cases).toBe(1);
      expect(out.invalidCases.map((c) => [c.row, c.errors.map((e) => e.code)])).toEqual([
        [2, [expect.stringMatching(/^(forbidden-fact-name|unknown-fact)$/)]],
        [3, ['invalid-peildatum']],
        [4, ['invalid-case']],
      ]);
    });
  });

  it('draws a progress bar on stderr only when it is a terminal', () => {
    const tty = fakeIo(true);
    const pipe = fakeIo(false);
    for (const io of [tty, pipe]) {
      const bar = progressBar(io, 5000, 'Simuleren');
      for (let i = 1; i <= 5000; i++) bar.tick(i);
      bar.done();
    }
    expect(tty.raw.length).toBeGreaterThan(50);
    expect(tty.raw.some((t) => t.includes('100%'))).toBe(true);
    expect(pipe.raw).toEqual([]);
  });
});
