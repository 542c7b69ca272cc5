import { Type } from '@sinclair/typebox';

/** Small shared pieces of the process-definition format (see schema.ts). */

export const Id = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$', description: 'kebab-case identifier' });
export const NodeRef = Type.String({
  minLength: 1,
  maxLength: 63,
  description: 'id of another node in this definition',
});
/** Name of a fact mapping; the upgrader names one after the decision it came from, so node ids fit. */
export const MappingName = Type.String({ minLength: 1, maxLength: 63, description: 'name of a fact mapping' });
export const Label = Type.Object(
  { nl: Type.String({ minLength: 1 }), en: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

/** ISO-8601 duration such as P6M, P2W, P10D or PT1H (calendar-correct, see duration.ts). */
export const DurationSchema = Type.String({
  pattern: '^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$',
  description: 'ISO-8601 duration, e.g. P6M',
});

/**
 * A value from the definition's `parameters`, by dotted path. A segment in braces names a case
 * variable whose value is the key, so `schemes.{scheme}.maxDuration` reads the chosen scheme's term.
 */
export const ParamRefSchema = Type.Object(
  {
    param: Type.String({
      pattern: '^([A-Za-z0-9_+-]+|\\{[A-Za-z][A-Za-z0-9_]*\\})(\\.([A-Za-z0-9_+-]+|\\{[A-Za-z][A-Za-z0-9_]*\\}))*$',
    }),
  },
  {
    additionalProperties: false,
    description: 'reference into the definition parameters, e.g. schemes.{scheme}.maxDuration',
  },
);

/** A duration written out, or taken from the parameters. */
export const DurationValueSchema = Type.Union([DurationSchema, ParamRefSchema]);

/** A point in time relative to a named case date: `from` + `after` (or minus `before`). */
export const RelativeTimeSchema = Type.Object(
  {
    from: Type.String({ minLength: 1, description: 'name of a case date, e.g. hotelStart; caseStarted always exists' }),
    after: Type.Optional(DurationValueSchema),
    before: Type.Optional(DurationValueSchema),
  },
  { additionalProperties: false },
);

/** Where a value comes from: `data.x.y`, `variables.x`, `dates.x` (as YYYY-MM-DD) or `parameters.x`; or a constant. */
export const SOURCE_PATTERN = '^(data|variables|dates|parameters)\\.[A-Za-z0-9_+-]+(\\.[A-Za-z0-9_+-]+)*$';
export const ValueSourceSchema = Type.Union([
  Type.String({ pattern: SOURCE_PATTERN, description: 'data.x, variables.x, dates.x or parameters.x' }),
  Type.Object({ value: Type.Unknown() }, { additionalProperties: false, description: 'a constant' }),
]);
