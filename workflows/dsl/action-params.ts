import { Type, type TObject, type TRecord, type TSchema } from '@sinclair/typebox';
import type { ActionName } from './schema';
import { ParamRefSchema } from './schema-parts';

/**
 * What each task action accepts in `params`: one JSON Schema per action, used by the validator
 * (a misspelled `stauts` is refused with its path) and by the designer, whose task form is drawn
 * from it. The mapped type makes an action without a schema a compile error. Every value may
 * also be `{ "param": "…" }`, read from the definition's parameters when the task runs.
 * Each property carries a `label` (Dutch and English) for the form; ajv ignores it.
 */

type Words = { nl: string; en: string };
/** A property as the form sees it: text, yes/no, or free JSON. */
export type ParamField = 'text' | 'boolean' | 'json';

const orParam = <T extends TSchema>(schema: T, label: Words, field: ParamField) =>
  Type.Union([schema, ParamRefSchema], { label, field });

/** A value source (`dates.placed`, `data.municipality`, `variables.scheme`) or a literal text. */
const SourceOrText = Type.String({ minLength: 1, maxLength: 200 });

export interface ActionParamsSpec {
  /** An object schema with named properties (drawn as fields), or a record of free names (drawn as JSON). */
  params: TObject | TRecord;
}

export const ACTION_PARAMS: { [K in ActionName]: ActionParamsSpec } = {
  'set-variables': {
    params: Type.Record(Type.String({ pattern: '^[A-Za-z0-9_+-]+$' }), Type.Unknown(), {
      additionalProperties: false,
    }),
  },
  'set-status': {
    params: Type.Object(
      {
        status: orParam(Type.String({ minLength: 1, maxLength: 100 }), { nl: 'Status', en: 'Status' }, 'text'),
      },
      { additionalProperties: false },
    ),
  },
  notify: {
    params: Type.Object(
      {
        template: Type.Optional(
          orParam(
            Type.String({ minLength: 1, maxLength: 100 }),
            { nl: 'Sjabloon (standaard: de stap-id)', en: 'Template (default: the step id)' },
            'text',
          ),
        ),
      },
      { additionalProperties: false },
    ),
  },
  /**
   * Case dates by name, each from a `{ "param": … }` (a date parameter; a `{name}` segment is a
   * case variable or else a top-level input property), a source (`data.x`, `dates.x`,
   * `parameters.x`) or a literal date (YYYY-MM-DD). Deadlines that count from them start then.
   */
  'set-dates': {
    params: Type.Record(
      Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$' }),
      Type.Union([Type.String({ minLength: 1, maxLength: 200 }), ParamRefSchema]),
      { additionalProperties: false },
    ),
  },
  'count-placement': {
    params: Type.Object(
      {
        placedOn: Type.Optional(
          orParam(
            SourceOrText,
            { nl: 'Geplaatst op (bijv. dates.placed)', en: 'Placed on (e.g. dates.placed)' },
            'text',
          ),
        ),
        municipality: Type.Optional(
          orParam(
            SourceOrText,
            { nl: 'Gemeente (standaard data.municipality)', en: 'Municipality (default data.municipality)' },
            'text',
          ),
        ),
        scheme: Type.Optional(
          orParam(
            SourceOrText,
            { nl: 'Regeling (bijv. variables.scheme)', en: 'Scheme (e.g. variables.scheme)' },
            'text',
          ),
        ),
        counts: Type.Optional(orParam(Type.Boolean(), { nl: 'Telt mee', en: 'Counts' }, 'boolean')),
      },
      { additionalProperties: false },
    ),
  },
  /**
   * Starts a linked case of another process (not a subprocess: it outlives this case and is not
   * waited for), at most once: its id is this case's id and the step's id. `data` is its input, each
   * value a source (`data.x`, `dates.x` as a date, `variables.x`) or a literal; `linkProperty` names
   * the input property that receives this case's id; `caseIdAs` the variable that keeps the linked
   * case's id; `enabled: false` (usually a parameter) skips it.
   */
  'start-linked-case': {
    params: Type.Object(
      {
        process: orParam(
          Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 }),
          { nl: 'Proces van de gekoppelde zaak', en: 'Process of the linked case' },
          'text',
        ),
        data: Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$' }), SourceOrText, {
          additionalProperties: false,
          maxProperties: 20,
          label: { nl: 'Gegevens voor de gekoppelde zaak', en: 'Data for the linked case' },
          field: 'json',
        }),
        linkProperty: Type.Optional(
          Type.String({
            pattern: '^[A-Za-z][A-Za-z0-9_]*$',
            maxLength: 100,
            label: { nl: 'Veld voor het zaak-id van deze zaak', en: "Property for this case's id" },
            field: 'text',
          }),
        ),
        caseIdAs: Type.Optional(
          Type.String({
            pattern: '^[A-Za-z][A-Za-z0-9_]*$',
            maxLength: 100,
            label: { nl: 'Variabele voor het zaak-id', en: 'Variable for the case id' },
            field: 'text',
          }),
        ),
        enabled: Type.Optional(orParam(Type.Boolean(), { nl: 'Aan', en: 'On' }, 'boolean')),
      },
      { additionalProperties: false },
    ),
  },
};

/** The form fields of an action's params, in order; empty for a free record (the form shows JSON then). */
export function paramFields(
  action: ActionName,
): Array<{ name: string; label: Words; field: ParamField; required: boolean }> {
  const schema = ACTION_PARAMS[action].params as {
    properties?: Record<string, { label?: Words; field?: ParamField }>;
    required?: string[];
  };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({
    name,
    label: s.label ?? { nl: name, en: name },
    field: s.field ?? 'json',
    required: (schema.required ?? []).includes(name),
  }));
}
