/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ProcessDefinition, WaitNode } from '../../../workflows/dsl/schema';
import { MAX_COMPLETE_DATES } from '../../../workflows/dsl/schema-nodes';
import { validateDefinition } from '../../../workflows/dsl/validate-definition';
import { knownNames } from '../../../workflows/dsl/validation/reference-checks';
import oekraine from '../../../workflows/definitions/overgang-oekraine.json';
import { DesignerSidePanel } from '../../../ui/src/processes/editor/designer-side-panel';
import { setParameter } from '../../../ui/src/processes/model/definition-ops';
import { i18n } from '../../../ui/src/i18n/i18n';
import { hotelStay } from './fixtures';

const transition = () => JSON.parse(JSON.stringify(oekraine)) as ProcessDefinition;
const waitOf = (def: ProcessDefinition | undefined, id: string) =>
  def?.nodes.find((n): n is WaitNode => n.id === id && n.kind === 'wait');

function Harness(props: { initial: ProcessDefinition; selected: string; onDoc: (d: ProcessDefinition) => void }) {
  const [def, setDef] = useState(props.initial);
  const [selected, setSelected] = useState<string | undefined>(props.selected);
  const change = (d: ProcessDefinition) => {
    setDef(d);
    props.onDoc(d);
  };
  const ctx = {
    def,
    lang: 'nl' as const,
    readOnly: false,
    dates: [...knownNames(def).dates],
    setParameter: (p: string, v: unknown) => change(setParameter(def, p, v)),
  };
  return (
    <I18nextProvider i18n={i18n}>
      <DesignerSidePanel ctx={ctx} selected={selected} errors={[]} change={change} select={setSelected} />
    </I18nextProvider>
  );
}

function renderPanel(initial: ProcessDefinition, selected: string) {
  const seen: { doc?: ProcessDefinition } = {};
  render(<Harness initial={initial} selected={selected} onDoc={(d) => (seen.doc = d)} />);
  return seen;
}

describe("a waiting step's 'go on when every date is set' (complete) in the designer", () => {
  it('lists the dates by their Dutch labels, the chosen ones ticked, and edits the list', () => {
    const seen = renderPanel(transition(), 'domeinen');
    const group = screen.getByRole('group', { name: /Datums die gezet moeten zijn/ });
    const boxes = within(group).getAllByRole('checkbox');
    const labels = boxes.map((b) => b.parentElement?.textContent?.trim());
    expect(labels).toEqual(
      expect.arrayContaining([
        'Huisvesting geregeld',
        'Inkomen geregeld',
        'Participatie geregeld',
        'Zorg geregeld',
        'Inschrijving geregeld',
        'Vertrek van het huishouden',
      ]),
    );
    for (const id of ['huisvestingGeregeld', 'zorgGeregeld', 'cohortStart'])
      expect(group.textContent).not.toContain(id);
    const care = within(group).getByLabelText<HTMLInputElement>('Zorg geregeld');
    expect(care.checked).toBe(true);
    fireEvent.click(care);
    expect(waitOf(seen.doc, 'domeinen')?.complete?.dates).toEqual([
      'huisvestingGeregeld',
      'inkomenGeregeld',
      'participatieGeregeld',
      'inschrijvingGeregeld',
    ]);
    expect(validateDefinition(seen.doc).valid).toBe(true);
    fireEvent.click(within(group).getByLabelText('Zorg geregeld'));
    expect(waitOf(seen.doc, 'domeinen')?.complete?.dates.at(-1)).toBe('zorgGeregeld');
    // The graph's lines say it in words as well.
    expect(screen.getByLabelText('Daarna naar')).toBeTruthy();
  });

  it('refuses an empty list: says so in Dutch, and the definition does not validate', () => {
    const def = transition();
    const wait = waitOf(def, 'domeinen')!;
    wait.complete!.dates = ['huisvestingGeregeld'];
    const seen = renderPanel(def, 'domeinen');
    const group = screen.getByRole('group', { name: /Datums die gezet moeten zijn/ });
    fireEvent.click(within(group).getByLabelText('Huisvesting geregeld'));
    expect(screen.getByText('Kies minstens één datum.')).toBeTruthy();
    expect(group.getAttribute('aria-invalid')).toBe('true');
    const result = validateDefinition(seen.doc);
    expect(result.valid).toBe(false);
    expect(!result.valid && result.errors.map((e) => e.path)).toContainEqual(
      expect.stringMatching(/^\/nodes\/\d+\/complete\/dates$/),
    );
  });

  it(`allows at most ${MAX_COMPLETE_DATES} dates: the others are disabled once full`, () => {
    const def = transition();
    const wait = waitOf(def, 'domeinen')!;
    // Eleven events that loop back, each setting its own date.
    for (let i = 1; i <= MAX_COMPLETE_DATES + 1; i++) {
      def.events = {
        ...def.events,
        [`klaar-${i}`]: { ...def.events!['inschrijving-geregeld']!, label: { nl: `Klaar ${i}` } },
      };
      wait.events.push({ name: `klaar-${i}`, dates: { [`klaar${i}`]: 'date' }, next: 'domeinen' });
    }
    wait.complete!.dates = Array.from({ length: MAX_COMPLETE_DATES }, (_, i) => `klaar${i + 1}`);
    renderPanel(def, 'domeinen');
    const group = screen.getByRole('group', { name: /ten hoogste 10/ });
    const unticked = within(group)
      .getAllByRole('checkbox')
      .filter((b) => !(b as HTMLInputElement).checked);
    expect(unticked.length).toBeGreaterThan(0);
    for (const b of unticked) expect((b as HTMLInputElement).disabled).toBe(true);
  });

  it('adds a complete to a waiting step without one, and removes it again', () => {
    const seen = renderPanel(hotelStay(), 'coa-betaalde-periode');
    fireEvent.click(screen.getByRole('button', { name: 'Verder als datums gezet zijn…' }));
    const added = waitOf(seen.doc, 'coa-betaalde-periode')?.complete;
    expect(added).toEqual({ dates: [], label: { nl: 'Alles geregeld' }, next: '' });
    fireEvent.click(within(screen.getByRole('group', { name: /Datums die gezet/ })).getByLabelText('Hotelplaatsing'));
    expect(waitOf(seen.doc, 'coa-betaalde-periode')?.complete?.dates).toEqual(['hotelStart']);
    fireEvent.click(screen.getByRole('button', { name: 'Niet meer op datums wachten' }));
    expect(waitOf(seen.doc, 'coa-betaalde-periode')?.complete).toBeUndefined();
  });
});
