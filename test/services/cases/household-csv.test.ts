import { MAX_IMPORT_ROWS } from '../../../contract/household-import';
import { builtInDefinitions } from '../../../workflows/definitions';
import type { ProcessDefinition } from '../../../workflows/dsl/schema';
import { parseHouseholdCsv } from '../../../services/cases/household-csv';

const def = builtInDefinitions.get('overgang-oekraine') as ProcessDefinition;
const parse = (csv: string) => parseHouseholdCsv(csv, def, 'GM0363');
const errorsOf = (csv: string) => {
  const r = parse(csv);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};

describe('the GOO household list (CSV)', () => {
  it('reads households with ; or , and optional columns, as case data of overgang-oekraine', () => {
    const r = parse(
      'referentie;cohort;huishoudgrootte;kinderen;opvang;medische_urgentie;jaren_binding\n' +
        'HH-0001;cohort-1;3;1;gemeentelijke-opvang;ja;2,5\r\n' +
        '"HH-0002";cohort-2;1;;;nee;\n\n',
    );
    expect(r).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          caseRef: 'HH-0001',
          data: {
            municipality: 'GM0363',
            cohort: 'cohort-1',
            householdSize: 3,
            numberOfChildren: 1,
            accommodation: 'gemeentelijke-opvang',
            medicalUrgency: true,
            yearsOfRegionalTies: 2.5,
          },
        },
        {
          line: 3,
          caseRef: 'HH-0002',
          data: { municipality: 'GM0363', cohort: 'cohort-2', householdSize: 1, medicalUrgency: false },
        },
      ],
    });
    expect(parse('referentie,cohort,huishoudgrootte\nHH-9,cohort-3,2\n')).toMatchObject({
      ok: true,
      rows: [{ caseRef: 'HH-9' }],
    });
  });

  it('header errors: unknown, double and missing required columns, on line 1', () => {
    expect(errorsOf('referentie;cohort;naam;cohort\nHH-1;cohort-1;x;y\n')).toEqual([
      {
        line: 1,
        column: 'naam',
        message: { nl: 'Onbekende kolom "naam" (kolom 3).', en: 'Unknown column "naam" (column 3).' },
      },
      { line: 1, column: 'cohort', message: expect.objectContaining({ nl: 'Kolom "cohort" staat er twee keer in.' }) },
      {
        line: 1,
        column: 'huishoudgrootte',
        message: expect.objectContaining({ nl: 'De verplichte kolom "huishoudgrootte" ontbreekt.' }),
      },
    ]);
  });

  it('line errors name line and column in Dutch, never repeat a personal number, and report every line', () => {
    const errors = errorsOf(
      'referentie;cohort;huishoudgrootte;kinderen;opvang;zelfstandige_woonruimte\n' +
        'HH-1;cohort-1;drie;0;gemeentelijke-opvang;nee\n' + // not a number
        '123456782;cohort-1;2;0;;\n' + // a BSN (elfproef) as reference
        'HH-3;cohort-9;2;0;;\n' + // unknown cohort
        'HH-4;cohort-1;25;0;hotel;misschien\n' + // too large, unknown accommodation, not yes/no
        'HH-5;cohort-1;2\n' + // too few fields
        ';cohort-1;2;0;;\n', // empty reference
    );
    expect(errors).toEqual([
      {
        line: 2,
        column: 'huishoudgrootte',
        message: { nl: '"huishoudgrootte" is geen geheel getal.', en: expect.any(String) },
      },
      {
        line: 3,
        column: 'referentie',
        message: expect.objectContaining({
          nl: 'De referentie lijkt op een BSN of V-nummer; gebruik een pseudonieme huishoudreferentie.',
        }),
      },
      {
        line: 4,
        column: 'cohort',
        message: expect.objectContaining({
          nl: expect.stringMatching(
            /^Cohort "cohort-9" staat niet in de fasering; bekend zijn: cohort-1, cohort-2, cohort-3\.$/,
          ),
        }),
      },
      {
        line: 5,
        column: 'zelfstandige_woonruimte',
        message: expect.objectContaining({ nl: '"zelfstandige_woonruimte" is geen ja of nee.' }),
      },
      { line: 6, column: '', message: expect.objectContaining({ nl: 'De regel heeft 3 velden, de kopregel 6.' }) },
      { line: 7, column: 'referentie', message: expect.objectContaining({ nl: '"referentie" is leeg.' }) },
    ]);
    expect(JSON.stringify(errors)).not.toContain('123456782');
  });

  it('the input schema checks what the columns cannot: range and allowed values, by column', () => {
    const errors = errorsOf('referentie;cohort;huishoudgrootte;opvang\nHH-1;cohort-1;25;hotel\n');
    expect(errors).toEqual(
      expect.arrayContaining([
        {
          line: 2,
          column: 'huishoudgrootte',
          message: expect.objectContaining({ nl: '"huishoudgrootte" is groter dan 20.' }),
        },
        {
          line: 2,
          column: 'opvang',
          message: expect.objectContaining({
            nl: expect.stringMatching(/^"opvang" is geen van: gemeentelijke-opvang/),
          }),
        },
      ]),
    );
  });

  it('a reference twice: once when the data are the same, an error when they differ', () => {
    const same = parse('referentie;cohort;huishoudgrootte\nHH-1;cohort-1;2\nHH-1;cohort-1;2\n');
    expect(same).toMatchObject({ ok: true, rows: [{ line: 2, caseRef: 'HH-1' }] });
    expect((same as { rows: unknown[] }).rows).toHaveLength(1);
    expect(errorsOf('referentie;cohort;huishoudgrootte\nHH-1;cohort-1;2\nHH-1;cohort-1;4\n')).toEqual([
      {
        line: 3,
        column: 'referentie',
        message: expect.objectContaining({ nl: 'Deze referentie staat ook op regel 2, met andere gegevens.' }),
      },
    ]);
  });

  it('bounded: more than the maximum number of households is refused as a whole; an unclosed quote is a line error', () => {
    const many = [
      'referentie;cohort;huishoudgrootte',
      ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `HH-${i + 100};cohort-1;1`),
    ];
    const errors = errorsOf(many.join('\n'));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message.nl).toMatch(/ten hoogste 2000/);
    expect(errorsOf('referentie;cohort;huishoudgrootte\n"HH-1;cohort-1;2\n')[0]).toMatchObject({ line: 2, column: '' });
    expect(errorsOf('referentie;cohort;huishoudgrootte\n')[0]?.message.nl).toBe('Het bestand bevat geen huishoudens.');
  });
});
