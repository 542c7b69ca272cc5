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
