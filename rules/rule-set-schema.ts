import { Type, type Static } from '@sinclair/typebox';
import { conditionJsonSchema, TopLevelConditionSchema } from './condition-schema';
import { LocalizedTextSchema } from './localized-text';
import { RULE_SET_KINDS } from './rule-set-kinds';

const Name = (description: string) => Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]*$', maxLength: 100, description });
const IsoDate = (description: string) => Type.String({ format: 'date', description });

export const RuleSetStatusSchema = Type.Union(
  [Type.Literal('draft'), Type.Literal('in-review'), Type.Literal('published'), Type.Literal('retired')],
  { description: 'draft → in-review → published → retired (four-eyes publishing)' },
);
export type RuleSetStatus = Static<typeof RuleSetStatusSchema>;

export const RuleSetKindSchema = Type.Union(RULE_SET_KINDS.map((k) => Type.Literal(k)));

export const ParameterTypeSchema = Type.Union([
  Type.Literal('number'), Type.Literal('integer'), Type.Literal('boolean'), Type.Literal('string'),
  Type.Literal('date'), Type.Literal('string-list'), Type.Literal('number-list'),
]);
export type ParameterType = Static<typeof ParameterTypeSchema>;

export const ParameterSchema = Type.Object(
  {
    type: ParameterTypeSchema,
    value: Type.Union([Type.Number(), Type.Boolean(), Type.String(), Type.Array(Type.String()), Type.Array(Type.Number())]),
    unit: Type.Optional(Type.String({ description: 'Same unit code as the facts it is compared with, e.g. EUR/jaar' })),
    label: LocalizedTextSchema,
    description: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type Parameter = Static<typeof ParameterSchema>;

export const RuleEventSchema = Type.Object(
  { type: Type.String({ minLength: 1 }), params: Type.Optional(Type.Record(Type.String(), Type.Unknown())) },
  { additionalProperties: false },
);
export type RuleEvent = Static<typeof RuleEventSchema>;

/**
 * How an outcome (a rule's event type) reads for people: its label in the explanation, editor and
 * monitor, and the one sentence a besluit (formal decision) states when it is the outcome.
 */
export const OutcomeSchema = Type.Object(
  {
    label: LocalizedTextSchema,
    decision: Type.Optional(Type.Object(
      { nl: Type.String({ minLength: 1, maxLength: 1000 }), en: Type.String({ minLength: 1, maxLength: 1000 }) },
      { additionalProperties: false, description: "The besluit's decision sentence, e.g. 'U krijgt voorrang voor een woning als statushouder.'" },
    )),
  },
  { additionalProperties: false },
);
export type Outcome = Static<typeof OutcomeSchema>;

export const RuleSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    title: Type.String({ minLength: 1 }),
    description: Type.String(),
    legalBasis: Type.String({ minLength: 1, description: 'Article of the bye-law (huisvestingsverordening)' }),
    enabled: Type.Optional(Type.Boolean({ description: 'A switch a designer can turn off without deleting the rule' })),
    priority: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000, description: 'Higher runs first; 0 counts as 1 and decimals are truncated, as in json-rules-engine' })),
    conditions: TopLevelConditionSchema,
    event: RuleEventSchema,
  },
  { additionalProperties: false },
);
export type Rule = Static<typeof RuleSchema>;

/** The rule-set file format: the one source of truth for validation, TypeScript types and the API document. */
export const RuleSetSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 100 }),
    tenant: Type.String({ minLength: 1 }),
    kind: RuleSetKindSchema,
    version: Type.Integer({ minimum: 1 }),
    status: RuleSetStatusSchema,
    effectiveFrom: IsoDate('First day (peildatum) this version applies to'),
    effectiveUntil: Type.Optional(IsoDate('Last day this version applies to, inclusive')),
    title: Type.String({ minLength: 1 }),
    description: Type.Optional(Type.String()),
    parameters: Type.Optional(Type.Record(Name('parameter name'), ParameterSchema)),
    namedConditions: Type.Optional(Type.Record(Name('condition name'), TopLevelConditionSchema)),
    conditionLabels: Type.Optional(Type.Record(Name('condition name'), LocalizedTextSchema, {
      description: 'How a named condition reads in an explanation, e.g. basisvoorwaarden → "Basisvoorwaarden (leeftijd, inkomen, geen huurachterstand)"',
    })),
    outcomes: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 100 }), OutcomeSchema, {
      description: "Labels and decision sentences per event type, e.g. priority → 'voorrang'",
    })),
    noOutcome: Type.Optional(OutcomeSchema),
    rules: Type.Array(RuleSchema),
  },
  { additionalProperties: false, $defs: { condition: conditionJsonSchema } },
);
export type RuleSet = Static<typeof RuleSetSchema>;
