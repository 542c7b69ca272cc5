/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { NodeOfKind, ProcessDefinition } from '../../../workflows/dsl/schema';
import { DesignerSidePanel } from '../../../ui/src/processes/editor/designer-side-panel';
import { i18n } from '../../../ui/src/i18n/i18n';
import housing from '../../../workflows/definitions/huisvesting-statushouder.json';
import { hotelStay } from './fixtures';

function Harness(p: { initial: ProcessDefinition; selected: string; onDoc: (d: ProcessDefinition) => void }) {
  const [def, setDef] = useState(p.initial);
  const change = (d: ProcessDefinition) => {
    setDef(d);
    p.onDoc(d);
  };
  const ctx = { def, lang: 'nl' as const, readOnly: false, dates: ['caseStarted'], setParameter: () => undefined };
  return (
    <I18nextProvider i18n={i18n}>
      <DesignerSidePanel ctx={ctx} selected={p.selected} errors={[]} change={change} select={() => undefined} />
    </I18nextProvider>
  );
}

const nodeOf = <K extends 'decision' | 'subprocess'>(def: ProcessDefinition | undefined, id: string, _kind: K) =>
  def?.nodes.find((n) => n.id === id) as NodeOfKind<K> | undefined;

describe('the branch list of the decision and subprocess side panels', () => {
  it('a decision: a branch is edited, added and removed, and the "otherwise" step is chosen and cleared', () => {
    let saved: ProcessDefinition | undefined;
    const initial = JSON.parse(JSON.stringify(housing)) as ProcessDefinition;
    render(<Harness initial={initial} selected="voorrangsbesluit" onDoc={(d) => (saved = d)} />);
    expect(screen.getByRole('heading', { level: 3, name: 'Uitkomsten' })).toBeTruthy();
    const branch = screen.getByRole('group', { name: 'Voorrang' });

    fireEvent.change(within(branch).getByLabelText('Uitkomst van de regelset'), { target: { value: 'urgent' } });
    expect(nodeOf(saved, 'voorrangsbesluit', 'decision')?.branches[0]).toMatchObject({
      event: 'urgent',
      next: 'voorrang-toegekend',
    });
    fireEvent.change(within(branch).getByLabelText('Volgende stap'), { target: { value: 'geen-voorrang' } });
    expect(nodeOf(saved, 'voorrangsbesluit', 'decision')?.branches[0]?.next).toBe('geen-voorrang');

    fireEvent.click(screen.getByRole('button', { name: 'Tak toevoegen' }));
    expect(nodeOf(saved, 'voorrangsbesluit', 'decision')?.branches).toHaveLength(2);
    expect(nodeOf(saved, 'voorrangsbesluit', 'decision')?.branches[1]).toEqual({ event: 'uitkomst', next: '' });
    fireEvent.click(within(branch).getByRole('button', { name: 'Tak verwijderen' }));
    expect(nodeOf(saved, 'voorrangsbesluit', 'decision')?.branches).toEqual([{ event: 'uitkomst', next: '' }]);

    const otherwise = screen.getByLabelText('Anders');
    expect((otherwise as HTMLSelectElement).value).toBe('geen-voorrang');
    fireEvent.change(otherwise, { target: { value: '' } });
    expect(nodeOf(saved, 'voorrangsbesluit', 'decision')).not.toHaveProperty('otherwise');
    fireEvent.change(otherwise, { target: { value: 'voorrang-toegekend' } });
    expect(nodeOf(saved, 'voorrangsbesluit', 'decision')?.otherwise).toBe('voorrang-toegekend');
  });

  it('a subprocess: an outcome is renamed, added and removed with the same list', () => {
    let saved: ProcessDefinition | undefined;
    render(<Harness initial={hotelStay()} selected="overdracht-har" onDoc={(d) => (saved = d)} />);
    expect(screen.getByRole('heading', { level: 3, name: 'Uitkomsten van het deelproces' })).toBeTruthy();
    const housed = screen.getByRole('group', { name: 'gehuisvest' });
    fireEvent.change(within(housed).getByLabelText('Uitkomst'), { target: { value: 'gehuisvest-elders' } });
    expect(nodeOf(saved, 'overdracht-har', 'subprocess')?.outcomes[0]).toEqual({
      outcome: 'gehuisvest-elders',
      next: 'gehuisvest-via-har',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Uitkomst toevoegen' }));
    expect(nodeOf(saved, 'overdracht-har', 'subprocess')?.outcomes).toHaveLength(3);
    fireEvent.click(
      within(screen.getByRole('group', { name: 'beeindigd' })).getByRole('button', { name: 'Uitkomst verwijderen' }),
    );
    expect(nodeOf(saved, 'overdracht-har', 'subprocess')?.outcomes.map((o) => o.outcome)).toEqual([
      'gehuisvest-elders',
      'uitkomst',
    ]);
  });
});
