import { builtInDefinitions } from '../../../workflows/definitions';
import type { JsonSchema } from '../../../ui/src/api/monitor';
import { optionLabel } from '../../../ui/src/monitor/event-form';

const overgang = builtInDefinitions.get('overgang-oekraine')!;
const field = (event: string, name: string) =>
  (overgang.events?.[event]?.payloadSchema as { properties: Record<string, JsonSchema> }).properties[name]!;

describe('optionLabel: the choices of an event form in words, from the payload schema', () => {
  it("uses the schema's x-labels for the reader's language, Dutch when English is missing", () => {
    const route = {
      type: 'string',
      enum: ['blijven', 'regulier'],
      'x-labels': {
        blijven: { nl: 'Blijven in de huidige woonruimte', en: 'Stay in the current home' },
        regulier: { nl: 'Verhuizen naar een reguliere woning' },
      },
    } as JsonSchema;
    expect(optionLabel(route, 'blijven', 'nl')).toBe('Blijven in de huidige woonruimte');
    expect(optionLabel(route, 'blijven', 'en')).toBe('Stay in the current home');
    expect(optionLabel(route, 'regulier', 'en')).toBe('Verhuizen naar een reguliere woning');
  });

  it("overgang-oekraine's choices come from its x-labels: Dutch with the accent, English alongside", () => {
    const zorg = field('zorg-geregeld', 'route');
    expect(optionLabel(zorg, 'psychosociale-zorg', 'nl')).toBe('Psychosociale zorgroute');
    expect(optionLabel(zorg, 'psychosociale-zorg', 'en')).toBe('Psychosocial care pathway');
    expect(optionLabel(field('huishouden-vertrokken', 'reden'), 'terug-naar-oekraine', 'nl')).toBe(
      'Terug naar Oekraïne',
    );
    expect(optionLabel(field('huisvesting-geregeld', 'route'), 'regulier', 'nl')).toBe(
      'Verhuizen naar een reguliere woning',
    );
  });

  it('never shows the raw value: without labels the value is humanised', () => {
    const s = { type: 'string', enum: ['psychosociale-zorg', 'terug-naar-oekraine'] } as JsonSchema;
    expect(optionLabel(s, 'psychosociale-zorg', 'nl')).toBe('Psychosociale zorg');
    expect(optionLabel(s, 'terug-naar-oekraine', 'nl')).toBe('Terug naar oekraine');
  });

  it('ignores a malformed or empty label and falls back to the humanised value', () => {
    const s = { enum: ['a-b'], 'x-labels': { 'a-b': { nl: ' ' } } } as JsonSchema;
    expect(optionLabel(s, 'a-b', 'nl')).toBe('A b');
    expect(optionLabel({ enum: ['a-b'], 'x-labels': 'nonsense' } as JsonSchema, 'a-b', 'nl')).toBe('A b');
  });
});
