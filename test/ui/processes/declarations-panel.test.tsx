/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import harJson from '../../../workflows/definitions/har-overdracht.json';
import housingJson from '../../../workflows/definitions/huisvesting-statushouder.json';
import { expectedEvents } from '../../../workflows/dsl/declarations';
import type { ProcessDefinition } from '../../../workflows/dsl/schema';
import { validateDefinition } from '../../../workflows/dsl/validate-definition';
import { DesignerSidePanel } from '../../../ui/src/processes/editor/designer-side-panel';
import { setParameter } from '../../../ui/src/processes/model/definition-ops';
import { i18n } from '../../../ui/src/i18n/i18n';

const copy = (d: unknown) => JSON.parse(JSON.stringify(d)) as ProcessDefinition;

function Harness({
  initial,
  step,
  onDoc,
}: {
  initial: ProcessDefinition;
  step: string;
  onDoc: (d: ProcessDefinition) => void;
}) {
  const [def, setDef] = useState(initial);
  const [selected, setSelected] = useState<string | undefined>(step || undefined);
  const change = (d: ProcessDefinition) => {
    setDef(d);
    onDoc(d);
  };
  const ctx = {
    def,
    lang: 'nl' as const,
    readOnly: false,
    dates: ['caseStarted', 'placed', 'housed'],
    setParameter: (p: string, v: unknown) => change(setParameter(def, p, v)),
  };
  return (
    <I18nextProvider i18n={i18n}>
      <DesignerSidePanel ctx={ctx} selected={selected} errors={[]} change={change} select={setSelected} />
    </I18nextProvider>
  );
}

function renderStep(def: ProcessDefinition, step: string) {
  const saved: { doc?: ProcessDefinition } = {};
  render(<Harness initial={def} step={step} onDoc={(d) => (saved.doc = d)} />);
  return saved;
}

describe('designer: task settings drawn from the action registry', () => {
  it('shows one field per setting of set-status; typing writes params.status', () => {
    const saved = renderStep(copy(harJson), 'termijn-verstreken');
    const settings = screen.getByRole('group', { name: 'Instellingen van de actie' });
    const status = within(settings).getByLabelText('Status *');
    expect((status as HTMLInputElement).value).toBe('termijn-verstreken');
    fireEvent.change(status, { target: { value: 'afgerond' } });
    const task = saved.doc?.nodes.find((n) => n.id === 'termijn-verstreken');
    expect(task?.kind === 'task' && task.params).toEqual({ status: 'afgerond' });
  });

  it('count-placement: a parameter reference is edited as its path, a yes/no as a choice', () => {
    const saved = renderStep(copy(harJson), 'tel-plaatsing');
    const settings = screen.getByRole('group', { name: 'Instellingen van de actie' });
    expect(within(settings).getByLabelText<HTMLInputElement>('Geplaatst op (bijv. dates.placed)').value).toBe(
      'dates.placed',
    );
    const counts = within(settings).getByLabelText<HTMLInputElement>('Telt mee — uit parameter');
    expect(counts.value).toBe('schemes.{scheme}.countsForTaakstelling');
    fireEvent.change(within(settings).getByLabelText('Gemeente (standaard data.municipality)'), {
      target: { value: 'data.municipality' },
    });
    const task = saved.doc?.nodes.find((n) => n.id === 'tel-plaatsing');
    expect(task?.kind === 'task' && task.params).toMatchObject({ municipality: 'data.municipality' });
    expect(validateDefinition(saved.doc).valid).toBe(true);
  });

  it('changing the action keeps only the settings the new action knows', () => {
    const saved = renderStep(copy(harJson), 'termijn-verstreken');
    fireEvent.change(screen.getByLabelText('Actie'), { target: { value: 'notify' } });
    const task = saved.doc?.nodes.find((n) => n.id === 'termijn-verstreken');
    expect(task).toMatchObject({ action: 'notify', params: {} });
  });
});

describe('designer: events and fact mappings declared once', () => {
  it('the label of woning-gevonden, edited in one waiting step, changes in all three', () => {
    const saved = renderStep(copy(harJson), 'na-termijn');
    const declared = screen.getByRole('group', { name: 'Gebeurtenis woning-gevonden' });
    fireEvent.change(within(declared).getAllByLabelText('Nederlands')[0] as HTMLElement, {
      target: { value: 'Woning gevonden' },
    });
    const doc = saved.doc as ProcessDefinition;
    const labels = doc.nodes.flatMap((n) =>
      n.kind === 'wait'
        ? expectedEvents(doc, n)
            .filter((e) => e.name === 'woning-gevonden')
            .map((e) => e.label.nl)
        : [],
    );
    expect(labels).toEqual(['Woning gevonden', 'Woning gevonden', 'Woning gevonden']);
    expect(validateDefinition(doc).valid).toBe(true);
  });

  it('a new event is declared and expected in one go', () => {
    const saved = renderStep(copy(harJson), 'na-termijn');
    fireEvent.click(screen.getByRole('button', { name: 'Nieuwe gebeurtenis declareren' }));
    const doc = saved.doc as ProcessDefinition;
    expect(doc.events?.gebeurtenis).toMatchObject({ payloadSchema: { type: 'object' } });
    const wait = doc.nodes.find((n) => n.id === 'na-termijn');
    expect(wait?.kind === 'wait' && wait.events.map((e) => e.name)).toEqual([
      'woning-gevonden',
      'uitgeschreven',
      'gebeurtenis',
    ]);
  });

  it('a fact mapping shared by two decisions is edited once, for both', () => {
    const saved = renderStep(copy(housingJson), 'voorrangsbesluit');
    const mapping = screen.getByRole('group', { name: 'Feitenkoppeling statushouder' });
    expect(within(mapping).getByText(/voorrangsbesluit, voorrang-na-weigering/)).toBeTruthy();
    const rows = within(mapping).getAllByLabelText('Gegeven');
    fireEvent.change(rows[0] as HTMLElement, { target: { value: 'verblijfsvergunning' } });
    expect(Object.keys(saved.doc?.factMappings?.statushouder ?? {})[0]).toBe('verblijfsvergunning');
  });

  it('the process panel lists the declarations with their steps; one nothing uses can be removed', () => {
    const def = copy(harJson);
    def.events = { ...def.events, 'nooit-verwacht': { label: { nl: 'Nooit' }, payloadSchema: { type: 'object' } } };
    const saved = renderStep(def, '');
    const events = screen.getByRole('region', { name: 'Gebeurtenissen' });
    expect(within(events).getAllByText(/wacht-op-plaatsing, tijdelijk-verblijf, na-termijn/)).toHaveLength(2);
    expect(within(events).getAllByRole('button')).toHaveLength(1);
    fireEvent.click(within(events).getByRole('button', { name: 'Verwijderen nooit-verwacht' }));
    expect(Object.keys(saved.doc?.events ?? {})).toEqual(['plaatsing-bevestigd', 'woning-gevonden', 'uitgeschreven']);
    expect(validateDefinition(saved.doc).warnings).toEqual([]);
  });
});
