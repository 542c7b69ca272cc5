/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { factCatalogFor } from '../../../rules';
import { i18n } from '../../../ui/src/i18n/i18n';
import { FactsForm, type RawFacts } from '../../../ui/src/rulesets/test/facts-form';

const catalog = factCatalogFor('housing-priority');
if (!catalog) throw new Error('no housing-priority catalog');

function Harness({ onValues, lang = 'nl' }: { onValues: (v: RawFacts) => void; lang?: 'nl' | 'en' }) {
  const [values, setValues] = useState<RawFacts>({});
  return (
    <I18nextProvider i18n={i18n}>
      <FactsForm
        catalog={catalog}
        lang={lang}
        values={values}
        onChange={(v) => {
          setValues(v);
          onValues(v);
        }}
      />
    </I18nextProvider>
  );
}

describe('test form generated from the fact catalog', () => {
  it('has one labelled input per fact that is not derived, of the fact kind', () => {
    render(<Harness onValues={() => undefined} />);
    const facts = Object.entries(catalog.facts);
    for (const [, f] of facts) {
      const found = screen.queryByLabelText(f.label.nl, { exact: true });
      if (f.derived) expect(found).toBeNull();
      else expect(found).not.toBeNull();
    }
    const byType = (type: string) => facts.find(([, f]) => f.type === type && !f.derived)?.[1];
    const date = byType('date');
    if (date) expect(screen.getByLabelText<HTMLInputElement>(date.label.nl, { exact: true }).type).toBe('date');
    const integer = byType('integer');
    if (integer) expect(screen.getByLabelText<HTMLInputElement>(integer.label.nl, { exact: true }).type).toBe('number');
    const choice = byType('enum');
    if (choice) {
      const select = screen.getByLabelText<HTMLSelectElement>(choice.label.nl, { exact: true });
      expect(select.tagName).toBe('SELECT');
      // "unknown" first, then the catalog's options by their Dutch label.
      expect(Array.from(select.options).map((o) => o.textContent)).toEqual([
        'onbekend',
        ...(choice.options ?? []).map((o) => o.label.nl),
      ]);
    }
    const flag = byType('boolean');
    if (flag)
      expect(
        Array.from(screen.getByLabelText<HTMLSelectElement>(flag.label.nl, { exact: true }).options).map(
          (o) => o.value,
        ),
      ).toEqual(['', 'ja', 'nee']);
  });

  it('reports what is filled in by fact name; unit and description are the help text', () => {
    let values: RawFacts = {};
    render(
      <Harness
        onValues={(v) => {
          values = v;
        }}
      />,
    );
    fireEvent.change(screen.getByLabelText('Soort verblijfsvergunning', { exact: true }), {
      target: { value: 'asiel' },
    });
    fireEvent.change(screen.getByLabelText('Huishoudgrootte', { exact: true }), { target: { value: '4' } });
    expect(values).toEqual({ permitType: 'asiel', householdSize: '4' });
    const size = screen.getByLabelText('Huishoudgrootte', { exact: true });
    expect(document.getElementById(size.getAttribute('aria-describedby') ?? '')?.textContent).toContain('personen');
  });

  it('speaks English when asked', () => {
    render(<Harness onValues={() => undefined} lang="en" />);
    expect(screen.getByLabelText('Household size', { exact: true })).toBeTruthy();
  });
});
