import { Type } from '@sinclair/typebox';
import { IDENT_PATTERN } from '../../contract/id-patterns';

/** Small shared pieces of the process-definition format (see schema.ts). */

export const Id = Type.String({ pattern: IDENT_PATTERN, description: 'kebab-case identifier' });
export const NodeRef = Type.String({
  minLength: 1,
  maxLength: 63,
  description: 'id of another node in this definition',
});
/** Name of a fact mapping; the upgrader names one after the decision it came from, so node ids fit. */
export const MappingName = Type.String({ minLength: 1, maxLength: 63, description: 'name of a fact mapping' });
/** A parameter path without case variables, e.g. `norms.findHome` or `schemes.HAR.maxDuration`. */
export const PLAIN_PARAM_PATTERN = '^[A-Za-z0-9_+-]+(\\.[A-Za-z0-9_+-]+)*$';

export const Label = Type.Object(
  {
    nl: Type.String({ minLength: 1 }),
    en: Type.Optional(Type.String()),
    /**
     * The parameters whose durations this text states, in the order it states them ("10 weken tot
     * een woning, 12 weken tot de verhuizing" → norms.findHome, norms.moved). The validator refuses
     * a stated duration that differs from its parameter; the designer rewrites it when the value
     * changes (label-durations.ts). A reminder, timeout or deadline at `{param}` after a date is
     * linked to that parameter without saying so.
     */
    params: Type.Optional(Type.Array(Type.String({ pattern: PLAIN_PARAM_PATTERN }), { maxItems: 10 })),
  },
  { additionalProperties: false },
);

const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

/**
 * Where a parameter's value comes from: the regulation, agreement or letter (with article and
 * date where known), and the period it holds for. Only what is certain is filled in: a document
 * named without an article is better than an invented one (say so in `note`).
 */
export const ParameterSourceSchema = Type.Object(
  {
    /** The document: "Algemene wet bestuursrecht", "Kamerbrief …", "Huisvestingsverordening van de gemeente". */
    document: Label,
    /** Article or section, e.g. "art. 4:13 lid 2". */
    article: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    /** Date of the document (a Kamerbrief, a Staatscourant publication). */
    date: Type.Optional(DateText),
    /** Kenmerk or web address of the document. */
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    note: Type.Optional(Label),
    validFrom: Type.Optional(DateText),
    validUntil: Type.Optional(DateText),
  },
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
