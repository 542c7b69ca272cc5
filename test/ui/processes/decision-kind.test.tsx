/** @jest-environment jsdom */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ProcessDefinition, ProcessNode } from '../../../workflows/dsl/schema';
import { DesignerSidePanel } from '../../../ui/src/processes/editor/designer-side-panel';
import { describeNode } from '../../../ui/src/processes/kinds/node-specs';
import { setParameter } from '../../../ui/src/processes/model/definition-ops';
import { i18n } from '../../../ui/src/i18n/i18n';
import { hotelStay } from './fixtures';

const DECISION = 'beslis-voorrang';

/** The hotel-stay definition with one decision step of the given rule-set kind. */
function withDecision(ruleSetKind: string): ProcessDefinition {
  const def = hotelStay();
  const node: ProcessNode = {
    id: DECISION,
    kind: 'decision',
    label: { nl: 'Beslissing over voorrang', en: 'Priority decision' },
    ruleSetKind,
    peildatum: 'caseStarted',
    factMappings: [],
    branches: [],
    otherwise: 'gehuisvest',
  };
  def.nodes.push(node);
  return def;
}

function Harness({
  initial,
  lang,
  onDoc,
}: {
  initial: ProcessDefinition;
  lang: 'nl' | 'en';
  onDoc: (d: ProcessDefinition) => void;
}) {
  const [def, setDef] = useState(initial);
  const change = (d: ProcessDefinition) => {
    setDef(d);
    onDoc(d);
  };
  const ctx = {
    def,
    lang,
    readOnly: false,
    dates: ['caseStarted'],
    setParameter: (p: string, v: unknown) => change(setParameter(def, p, v)),
  };
  return (
    <I18nextProvider i18n={i18n}>
      <DesignerSidePanel ctx={ctx} selected={DECISION} errors={[]} change={change} select={() => undefined} />
    </I18nextProvider>
  );
}

const kindOf = (def: ProcessDefinition | undefined) => {
  const node = def?.nodes.find((n) => n.id === DECISION);
  return node?.kind === 'decision' ? node.ruleSetKind : undefined;
};

describe('decision step: kind of rule set', () => {
  afterEach(async () => {
    cleanup();
    await i18n.changeLanguage('nl');
  });

  it('is a select of the registered kinds by their Dutch names; choosing one stores its id', () => {
    let saved: ProcessDefinition | undefined;
    render(<Harness initial={withDecision('housing-priority')} lang="nl" onDoc={(d) => (saved = d)} />);
    const select = screen.getByLabelText<HTMLSelectElement>('Soort regelset');
    expect(select.tagName).toBe('SELECT');
    expect(select.value).toBe('housing-priority');
    expect(Array.from(select.options).map((o) => [o.value, o.text])).toEqual([
      ['housing-priority', 'Voorrang bij woningtoewijzing'],
      ['urgency-scheme', 'Urgentieregeling'],
      ['inburgering-pip', 'Persoonlijk plan inburgering en participatie (PIP)'],
    ]);
    expect(screen.getByText(/bijvoorbeeld Voorrang bij woningtoewijzing/)).toBeTruthy();
    expect(screen.queryByText(/housing-priority/)).toBeNull();
    expect(select.getAttribute('aria-invalid')).toBeNull();

    fireEvent.change(select, { target: { value: 'urgency-scheme' } });
    expect(kindOf(saved)).toBe('urgency-scheme');
    expect(select.value).toBe('urgency-scheme');
  });

  it('shows English names in English', async () => {
    await i18n.changeLanguage('en');
    render(<Harness initial={withDecision('urgency-scheme')} lang="en" onDoc={() => undefined} />);
    const select = screen.getByLabelText<HTMLSelectElement>('Kind of rule set');
    expect(
      Array.from(select.options)
        .map((o) => o.text)
        .slice(0, 2),
    ).toEqual(['Housing allocation priority', 'Urgency scheme']);
    expect(select.value).toBe('urgency-scheme');
  });

  it('an unknown kind is shown as unknown with an error, and is not changed until the designer chooses', () => {
    let saved: ProcessDefinition | undefined;
    render(<Harness initial={withDecision('oude-regeling')} lang="nl" onDoc={(d) => (saved = d)} />);
    const select = screen.getByLabelText<HTMLSelectElement>('Soort regelset');
    expect(select.value).toBe('oude-regeling');
    expect(select.options[select.selectedIndex]?.text).toBe('Onbekende regelset (oude-regeling)');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByText(/De soort regelset "oude-regeling" is niet bekend\. Kies een soort uit de lijst/),
    ).toBeTruthy();
    expect(saved).toBeUndefined();

    fireEvent.change(select, { target: { value: 'housing-priority' } });
    expect(kindOf(saved)).toBe('housing-priority');
    expect(screen.queryByText(/is niet bekend/)).toBeNull();
    expect(Array.from(select.options).map((o) => o.value)).not.toContain('oude-regeling');
  });

  it('the canvas line names the rule set by its label, the unknown one as unknown', () => {
    const known = withDecision('urgency-scheme');
    const node = known.nodes.find((n) => n.id === DECISION);
    if (!node) throw new Error('fixture');
    expect(describeNode(node, known, 'nl')).toEqual(['Regelset: Urgentieregeling']);
    expect(describeNode(node, known, 'en')).toEqual(['Rule set: Urgency scheme']);
    const unknown = { ...node, ruleSetKind: 'oude-regeling' } as ProcessNode;
    expect(describeNode(unknown, known, 'nl')).toEqual(['Regelset: Onbekende regelset (oude-regeling)']);
  });
});
