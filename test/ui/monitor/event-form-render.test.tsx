/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { builtInDefinitions } from '../../../workflows/definitions';
import type { JsonSchema } from '../../../ui/src/api/monitor';
import '../../../ui/src/i18n/i18n';
import { EventForm } from '../../../ui/src/monitor/event-form';

const overgang = builtInDefinitions.get('overgang-oekraine')!;
const schemaOf = (event: string) => overgang.events?.[event]?.payloadSchema as JsonSchema;

describe('the event form on the case page shows choices in words, not raw values', () => {
  it('care arranged: the route options of overgang-oekraine are words, their values unchanged', () => {
    render(
      <EventForm name="zorg-geregeld" schema={schemaOf('zorg-geregeld')} idPrefix="ev" onSubmit={async () => {}} />,
    );
    const select = screen.getByLabelText(/Route/);
    const options = within(select).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      '—',
      'Geen zorgvraag',
      'Reguliere zorg',
      'Psychosociale zorgroute',
    ]);
    expect(options.map((o) => (o as HTMLOptionElement).value)).toEqual([
      '',
      'geen-zorgvraag',
      'reguliere-zorg',
      'psychosociale-zorg',
    ]);
    for (const o of options) expect(o.textContent).not.toMatch(/-/);
  });
});
