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
  return { stdout, stderr, raw, out: (l) => stdout.push(l), err: (l) => stderr.push(l), writeErr: (t) => raw.push(t), stderrIsTty };
}

describe('doorstroom rules (CLI)', () => {
  let dir: string;
  const file = (name: string, content: unknown) => {
    const p = path.join(dir, name);
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
    return p;
  };
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'doorstroom-rules-')); });
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
    expect(await main(['validate', '--strict', file('w.json', aRuleSet({ rules: [aRule({ priority: 2.5 })] }))], io)).toBe(1);
  });

  it('exits 2 on a usage error and 3 on unreadable input', async () => {
    expect(await main(['evaluate', 'only-one.json'], fakeIo())).toBe(2);
    expect(await main(['validate', file('x.json', aRuleSet()), '--peildatum', 'gisteren'], fakeIo())).toBe(2);
    expect(await main(['validate', path.join(dir, 'missing.json')], fakeIo())).toBe(3);
    expect(await main(['validate', file('broken.json', '{ "id": ')], fakeIo())).toBe(3);
  });

  it('evaluate prints the outcome and the explanation in Dutch', async () => {
    const io = fakeIo();
    const code = await main(['evaluate', file('rs.json', aRuleSet()), file('f.json', { householdSize: 5 }), '--peildatum', '2026-02-01'], io);
    expect(code).toBe(0);
    expect(io.stdout.join('\n')).toContain('Huishoudgrootte is 5 personen; vereist is minstens 4 personen: voldaan.');
  });

  it('evaluate refuses facts that do not fit the catalog', async () => {
    const io = fakeIo();
    expect(await main(['evaluate', file('rs.json', aRuleSet()), file('f.json', { householdSize: 'vijf' })], io)).toBe(3);
    expect(io.stderr.join('\n')).toContain('/householdSize');
  });

  it('simulate lists who changes outcome from a CSV file and exits 1', async () => {
    const before = file('v1.json', aRuleSet());
    const after = file('v2.json', aRuleSet({ version: 2, rules: [aRule({ conditions: { all: [aFactCondition('householdSize', 'greaterThanInclusive', 5)] } })] }));
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
