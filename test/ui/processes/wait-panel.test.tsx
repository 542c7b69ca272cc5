/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ProcessDefinition } from '../../../workflows/dsl/schema';
import { DesignerSidePanel } from '../../../ui/src/processes/editor/designer-side-panel';
import { setParameter } from '../../../ui/src/processes/model/definition-ops';
import { i18n } from '../../../ui/src/i18n/i18n';
import { hotelStay } from './fixtures';

function Harness({ initial, onDoc }: { initial: ProcessDefinition; onDoc: (d: ProcessDefinition) => void }) {
  const [def, setDef] = useState(initial);
  const [selected, setSelected] = useState<string | undefined>('coa-betaalde-periode');
  const change = (d: ProcessDefinition) => {
    setDef(d);
    onDoc(d);
  };
  const ctx = {
    def,
    lang: 'nl' as const,
    readOnly: false,
    dates: ['caseStarted', 'hotelStart', 'housed'],
    setParameter: (p: string, v: unknown) => change(setParameter(def, p, v)),
  };
  return (
    <I18nextProvider i18n={i18n}>
      <DesignerSidePanel ctx={ctx} selected={selected} errors={[]} change={change} select={setSelected} />
    </I18nextProvider>
  );
}

describe('waiting step side panel', () => {
  it('shows each reminder in words and edits the parameter it uses; the words follow', () => {
    let saved: ProcessDefinition | undefined;
    render(
      <Harness
        initial={hotelStay()}
        onDoc={(d) => {
          saved = d;
        }}
      />,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Hotelverblijf (door COA betaald)' })).toBeTruthy();
    const first = screen.getByRole('group', { name: '3 maanden in hotel' });
    expect(within(first).getByTestId('duration-words').textContent).toBe('3 maanden na hotelplaatsing');
    expect(within(first).getByText(/parameter reminders.first/)).toBeTruthy();

    fireEvent.change(within(first).getByLabelText('Aantal'), { target: { value: '2' } });
    expect(within(first).getByTestId('duration-words').textContent).toBe('2 maanden na hotelplaatsing');
    expect(saved?.parameters).toMatchObject({ reminders: { first: 'P2M' } });

    fireEvent.change(within(first).getByLabelText('Eenheid'), { target: { value: 'W' } });
    expect(within(first).getByTestId('duration-words').textContent).toBe('2 weken na hotelplaatsing');
    const timeout = screen.getAllByTestId('duration-words').map((n) => n.textContent);
    expect(timeout).toContain('6 maanden na hotelplaatsing');
  });

  it('a literal term is written into the reminder itself, and before/after and the date change the words', () => {
    const def = hotelStay();
    const wait = def.nodes.find((n) => n.id === 'coa-betaalde-periode');
    if (wait?.kind !== 'wait' || !wait.reminders?.[0]) throw new Error('fixture');
    wait.reminders[0].at = { from: 'hotelStart', after: 'P10W' };
    let saved: ProcessDefinition | undefined;
    render(
      <Harness
        initial={def}
        onDoc={(d) => {
          saved = d;
        }}
      />,
    );
    const first = screen.getByRole('group', { name: '3 maanden in hotel' });
    expect(within(first).getByTestId('duration-words').textContent).toBe('10 weken na hotelplaatsing');
    fireEvent.change(within(first).getByLabelText('Voor of na'), { target: { value: 'before' } });
    fireEvent.change(within(first).getByLabelText('Gerekend vanaf'), { target: { value: 'housed' } });
    expect(within(first).getByTestId('duration-words').textContent).toBe('10 weken voor huisvesting');
    const node = saved?.nodes.find((n) => n.id === 'coa-betaalde-periode');
    expect(node?.kind === 'wait' && node.reminders?.[0]?.at).toEqual({ from: 'housed', before: 'P10W' });
    expect(saved?.parameters).toEqual(hotelStay().parameters);
  });
});
