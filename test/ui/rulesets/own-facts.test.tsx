/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { catalogOf, validateRuleSet, type MunicipalityFact, type RuleSet } from '../../../rules';
import { i18n } from '../../../ui/src/i18n/i18n';
import { ConditionForm } from '../../../ui/src/rulesets/editor/condition-form';
import type { EditorApi } from '../../../ui/src/rulesets/editor/editor-api';
import { OwnFactsForm, textToOptions } from '../../../ui/src/rulesets/editor/own-facts-form';
import { TestPanel } from '../../../ui/src/rulesets/test/test-panel';
import { finishedTemplate } from '../../rules/support/finished-template';

const score: MunicipalityFact = {
  type: 'integer',
  minimum: 0,
  maximum: 10,
  label: { nl: 'Hulpbehoevendheidsscore', en: 'Dependency score' },
  description: { nl: 'Score van de indicatiesteller.', en: "The assessor's score." },
  source: { nl: 'advies GGD-arts', en: 'GGD doctor' },
};

/** The status-holder template with one rule more, on a fact of the municipality's own. */
function withOwnFact(): RuleSet {
  const rs = finishedTemplate('status-holder-priority');
  rs.facts = { hulpbehoevendheidsscore: score };
  rs.rules.push({
    name: 'zorg',
    title: 'Zorgurgentie',
    description: '',
    legalBasis: 'Huisvestingsverordening Amsterdam 2026, art. 2.9',
    priority: 1,
    conditions: { all: [{ fact: 'hulpbehoevendheidsscore', operator: 'greaterThanInclusive', value: 7 }] },
    event: { type: 'priority', params: { category: 'care' } },
  });
  return rs;
}

function Editor({ initial, children }: { initial: RuleSet; children: (api: EditorApi) => React.ReactNode }) {
  const [doc, setDoc] = useState(initial);
  const api: EditorApi = {
    doc,
    catalog: catalogOf(doc),
    lang: 'nl',
    readOnly: false,
    change: (d) => setDoc(d),
    select: () => undefined,
    tenant: 'GM0363',
  };
  return (
    <I18nextProvider i18n={i18n}>
      {children(api)}
      <pre data-testid="doc">{JSON.stringify(doc)}</pre>
    </I18nextProvider>
  );
}
const docOf = () => JSON.parse(screen.getByTestId('doc').textContent ?? '{}') as RuleSet;

describe("the editor with the municipality's own facts", () => {
  it('the test panel lists an own fact by its label, with its source and a number input within its range, and decides on it', () => {
    const rs = withOwnFact();
    localStorage.clear();
    render(
      <I18nextProvider i18n={i18n}>
        <TestPanel
          ruleSet={rs}
          catalog={catalogOf(rs)}
          lang="nl"
          storageKey="GM0363/housing-priority"
          onStatuses={() => undefined}
        />
      </I18nextProvider>,
    );
    const input = screen.getByLabelText<HTMLInputElement>('Hulpbehoevendheidsscore', { exact: true });
    expect([input.type, input.min, input.max]).toEqual(['number', '0', '10']);
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'Bron: advies GGD-arts.',
    );
    const run = () => fireEvent.click(screen.getByRole('button', { name: 'Test uitvoeren' }));

    run();
    const incomplete = screen.getByTestId('incomplete');
    expect(Array.from(incomplete.querySelectorAll('li')).map((li) => li.textContent)).toEqual([
      'Hulpbehoevendheidsscore',
    ]);

    fireEvent.change(input, { target: { value: '8' } });
    run();
    expect(screen.getByTestId('explanation').textContent).toContain(
      'Hulpbehoevendheidsscore is 8; vereist is minstens 7: voldaan.',
    );

    fireEvent.change(input, { target: { value: '8.5' } });
    run();
    expect(screen.getByTestId('fact-errors').textContent).toContain(
      "'Hulpbehoevendheidsscore' verwacht een geheel getal.",
    );
  });

  it('the condition form offers the own fact by its label and only the operators of its type', () => {
    render(
      <Editor initial={withOwnFact()}>{(api) => <ConditionForm api={api} path="/rules/1/conditions/all/0" />}</Editor>,
    );
    const factSelect = screen.getByLabelText<HTMLSelectElement>('Gegeven');
    expect(factSelect.value).toBe('hulpbehoevendheidsscore');
    expect(within(factSelect).getByRole('option', { name: 'Hulpbehoevendheidsscore' })).toBeTruthy();
    const ops = Array.from(screen.getByLabelText<HTMLSelectElement>('Vergelijking').options).map((o) => o.value);
    expect(ops).toContain('greaterThanInclusive');
    expect(ops).not.toContain('contains');
  });

  it('adds and edits an own fact in the rule-set form; the draft stays valid and a rule can use it', () => {
    render(<Editor initial={finishedTemplate('status-holder-priority')}>{(api) => <OwnFactsForm api={api} />}</Editor>);
    fireEvent.click(screen.getByRole('button', { name: 'Gegeven toevoegen' }));
    fireEvent.change(screen.getByLabelText('Technische naam'), { target: { value: 'adviesWijkteam' } });
    fireEvent.change(screen.getByLabelText('Soort'), { target: { value: 'enum' } });
    fireEvent.change(screen.getByLabelText('Label (Nederlands)'), { target: { value: 'Advies wijkteam' } });
    fireEvent.change(screen.getByLabelText('Keuzes'), {
      target: { value: 'urgent; urgent; urgent\nniet-urgent; niet urgent; not urgent' },
    });
    fireEvent.click(screen.getByLabelText(/Mag onbekend zijn/));
    const doc = docOf();
    expect(doc.facts?.adviesWijkteam).toMatchObject({
      type: 'enum',
      label: { nl: 'Advies wijkteam' },
      mayBeUnknown: true,
      options: [
        { value: 'urgent', label: { nl: 'urgent', en: 'urgent' } },
        { value: 'niet-urgent', label: { nl: 'niet urgent', en: 'not urgent' } },
      ],
    });
    expect(within(screen.getByTestId('own-facts')).getByRole('button', { name: /Advies wijkteam/ })).toBeTruthy();
    doc.rules[0]!.conditions = { all: [{ fact: 'adviesWijkteam', operator: 'equal', value: 'urgent' }] };
    expect(validateRuleSet(doc).errors).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Gegeven verwijderen' }));
    expect(docOf().facts).toBeUndefined();
  });

  it('renaming an own fact renames its uses in conditions, and says so; a name the catalog has is refused with the reason', () => {
    render(<Editor initial={withOwnFact()}>{(api) => <OwnFactsForm api={api} />}</Editor>);
    fireEvent.click(within(screen.getByTestId('own-facts')).getByRole('button', { name: /Hulpbehoevendheidsscore/ }));
    fireEvent.change(screen.getByLabelText('Technische naam'), { target: { value: 'zorgscore' } });
    const doc = docOf();
    expect(Object.keys(doc.facts ?? {})).toEqual(['zorgscore']);
    expect(doc.rules.at(-1)?.conditions).toEqual({
      all: [{ fact: 'zorgscore', operator: 'greaterThanInclusive', value: 7 }],
    });
    expect(validateRuleSet(doc).errors).toEqual([]);
    expect(screen.getByTestId('own-fact-rename').textContent).toBe(
      "Hernoemd naar 'zorgscore'; 1 verwijzing aangepast.",
    );

    fireEvent.change(screen.getByLabelText('Technische naam'), { target: { value: 'age' } });
    expect(Object.keys(docOf().facts ?? {})).toEqual(['zorgscore']);
    expect(screen.getByTestId('own-fact-rename').textContent).toBe(
      "'age' is al een feit van de catalogus; kies een andere naam.",
    );
  });

  it('a derived own fact shows how it is computed, by labels', () => {
    const rs = withOwnFact();
    rs.facts = {
      ...rs.facts,
      dubbel: {
        ...score,
        label: { nl: 'Dubbele score', en: 'Double score' },
        derivation: { op: 'sum', facts: ['hulpbehoevendheidsscore', 'hulpbehoevendheidsscore'] },
      },
    };
    render(<Editor initial={rs}>{(api) => <OwnFactsForm api={api} />}</Editor>);
    fireEvent.click(within(screen.getByTestId('own-facts')).getByRole('button', { name: /Dubbele score/ }));
    expect(screen.getByTestId('own-fact-derivation').textContent).toBe(
      "berekend: de som van 'Hulpbehoevendheidsscore' en 'Hulpbehoevendheidsscore'",
    );
  });

  it('reads option lines leniently: a missing English label takes the Dutch one', () => {
    expect(textToOptions('ja; ja\n\n nee ')).toEqual([
      { value: 'ja', label: { nl: 'ja', en: 'ja' } },
      { value: 'nee', label: { nl: 'nee', en: 'nee' } },
    ]);
  });
});
