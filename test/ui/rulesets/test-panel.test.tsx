/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { factCatalogFor } from '../../../rules';
import { i18n } from '../../../ui/src/i18n/i18n';
import { TestPanel } from '../../../ui/src/rulesets/test/test-panel';
import { finishedTemplate } from '../../rules/support/finished-template';

const catalog = factCatalogFor('housing-priority');

function renderPanel(lang: 'nl' | 'en' = 'nl') {
  localStorage.clear();
  render(
    <I18nextProvider i18n={i18n}>
      <TestPanel
        ruleSet={finishedTemplate('status-holder-priority')}
        catalog={catalog}
        lang={lang}
        storageKey="GM0363/housing-priority"
        onStatuses={() => undefined}
      />
    </I18nextProvider>,
  );
  const set = (label: string, value: string) =>
    fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
  const run = () => fireEvent.click(screen.getByRole('button', { name: lang === 'nl' ? 'Test uitvoeren' : /run/i }));
  return { set, run };
}

describe('editor test panel', () => {
  it('decides a complete case, naming the outcome by its label and the besluit sentence', () => {
    const { run } = renderPanel();
    run();
    expect(screen.getByText('voorrang')).toBeTruthy();
    expect(screen.getByText(/U krijgt voorrang voor een woning als statushouder\./)).toBeTruthy();
    expect(screen.getByTestId('explanation').textContent).toContain('Uitkomst: voorrang.');
    expect(screen.queryByText('priority')).toBeNull();
  });

  it('shows onvolledig with the missing facts by their Dutch label when the date of birth is unknown', () => {
    const { set, run } = renderPanel();
    set('Geboortedatum', '');
    run();
    const incomplete = screen.getByTestId('incomplete');
    expect(incomplete.textContent).toContain('Onvolledig');
    expect(Array.from(incomplete.querySelectorAll('li')).map((li) => li.textContent)).toEqual(['Geboortedatum']);
    expect(screen.getByTestId('explanation').textContent).not.toMatch(/Leeftijd is onbekend[^.]*: voldaan/);
  });

  it('shows fact errors with their Dutch messages instead of running on a coerced value', () => {
    const { set, run } = renderPanel();
    set('Huishoudgrootte', '2.5');
    run();
    expect(screen.getByTestId('fact-errors').textContent).toContain("'Huishoudgrootte' verwacht een geheel getal.");
    expect(screen.queryByTestId('explanation')).toBeNull();
  });
});
