import { Type, type Static } from '@sinclair/typebox';
import { conditionJsonSchema, TopLevelConditionSchema } from './condition-schema';
import { LocalizedTextSchema } from './localized-text';
import { RULE_SET_KINDS } from './rule-set-kinds';

const NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_-]*$';
const Name = (description: string) => Type.String({ pattern: NAME_PATTERN, maxLength: 100, description });
const IsoDate = (description: string) => Type.String({ format: 'date', description });

export const RuleSetStatusSchema = Type.Union(
  [Type.Literal('draft'), Type.Literal('in-review'), Type.Literal('published'), Type.Literal('retired')],
  { description: 'draft → in-review → published → retired (four-eyes publishing)' },
);
export type RuleSetStatus = Static<typeof RuleSetStatusSchema>;

export const RuleSetKindSchema = Type.Union(RULE_SET_KINDS.map((k) => Type.Literal(k)));

export const ParameterTypeSchema = Type.Union([
  Type.Literal('number'),
  Type.Literal('integer'),
  Type.Literal('boolean'),
  Type.Literal('string'),
  Type.Literal('date'),
  Type.Literal('string-list'),
  Type.Literal('number-list'),
]);
export type ParameterType = Static<typeof ParameterTypeSchema>;

export const ParameterSchema = Type.Object(
  {
    type: ParameterTypeSchema,
    value: Type.Union([
      Type.Number(),
      Type.Boolean(),
      Type.String(),
      Type.Array(Type.String()),
      Type.Array(Type.Number()),
    ]),
    unit: Type.Optional(Type.String({ description: 'Same unit code as the facts it is compared with, e.g. EUR/jaar' })),
    label: LocalizedTextSchema,
    description: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type Parameter = Static<typeof ParameterSchema>;

/** Bounded texts of a municipality fact: labels read in forms and explanations, descriptions as help. */
const Text = (maxLength: number, description?: string) =>
  Type.Object(
    { nl: Type.String({ minLength: 1, maxLength }), en: Type.String({ minLength: 1, maxLength }) },
    { additionalProperties: false, ...(description ? { description } : {}) },
  );

export const MunicipalityFactTypeSchema = Type.Union([
  Type.Literal('boolean'),
  Type.Literal('integer'),
  Type.Literal('number'),
  Type.Literal('date'),
  Type.Literal('enum'),
  Type.Literal('string'),
  Type.Literal('string-list'),
]);

export const FactOptionSchema = Type.Object(
  { value: Type.String({ minLength: 1, maxLength: 100 }), label: Text(200) },
  { additionalProperties: false },
);
export type FactOption = Static<typeof FactOptionSchema>;

const FactName = Type.String({ pattern: NAME_PATTERN, maxLength: 100, description: 'a fact of the effective catalog' });

/** Most inputs one sum may add up; a bye-law's sums have two or three (income of applicant and partner). */
export const MAX_SUM_INPUTS = 20;
/** Most entries of one lookup table: an enum fact's options are bounded at 500 as well. */
export const MAX_LOOKUP_ENTRIES = 500;

/**
 * Where a derived own fact's value comes from: computed before evaluation from other facts (and the
 * peildatum), never supplied. Declarative on purpose: a rule set is data that a designer edits and an
 * approver reads, and it runs in the browser, the API and workflows alike, so it holds no code.
 */
export const DerivationSchema = Type.Union(
  [
    Type.Object(
      {
        op: Type.Union([Type.Literal('years-since'), Type.Literal('weeks-since'), Type.Literal('days-since')], {
          description: 'Whole years (as birthdays count), weeks or days from a date fact to the peildatum',
        }),
        fact: FactName,
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        op: Type.Literal('sum'),
        facts: Type.Array(FactName, { minItems: 2, maxItems: MAX_SUM_INPUTS, description: 'Numbers added up' }),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        op: Type.Literal('difference'),
        facts: Type.Array(FactName, { minItems: 2, maxItems: 2, description: 'The first minus the second' }),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        op: Type.Literal('lookup'),
        fact: FactName,
        table: Type.Record(
          Type.String({ minLength: 1, maxLength: 100 }),
          Type.Union([Type.Number(), Type.String(), Type.Boolean()]),
          {
            maxProperties: MAX_LOOKUP_ENTRIES,
            description:
              "The input fact's value (an option value, text, a whole number or true/false) → this fact's value",
          },
        ),
        default: Type.Optional(
          Type.Union([Type.Number(), Type.String(), Type.Boolean()], {
            description: 'For a value the table does not list; without it, such a value leaves this fact unknown',
          }),
        ),
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'How the value is computed from other facts; a derived fact is never supplied' },
);
export type Derivation = Static<typeof DerivationSchema>;

/**
 * A fact the municipality's own bye-law asks for and the kind's catalog does not have, e.g. a
 * hulpbehoevendheidsscore. It lives in the rule set, so it is versioned and published with
 * four-eyes together with the rules that read it, and a decision record's version pins it.
 */
export const MunicipalityFactSchema = Type.Object(
  {
    type: MunicipalityFactTypeSchema,
    label: Text(200),
    description: Text(2000),
    unit: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        description: 'A unit code of the catalog (UNITS), e.g. EUR/jaar, uren/week',
      }),
    ),
    options: Type.Optional(
      Type.Array(FactOptionSchema, { minItems: 1, description: 'The allowed values of an enum or string-list fact' }),
    ),
    minimum: Type.Optional(Type.Number()),
    maximum: Type.Optional(Type.Number()),
    source: Type.Optional(Text(200, 'Where the value comes from, e.g. "advies GGD-arts", "BRP"')),
    mayBeUnknown: Type.Optional(
      Type.Boolean({
        description: 'Absence is an answer (a claim not made); otherwise an unknown value makes a case onvolledig',
      }),
    ),
    sensitive: Type.Optional(
      Type.Boolean({ description: 'Special-category data (AVG art. 9): hidden from roles without need to know' }),
    ),
    derivation: Type.Optional(DerivationSchema),
  },
  { additionalProperties: false },
);
export type MunicipalityFact = Static<typeof MunicipalityFactSchema>;

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
    decision: Type.Optional(
      Type.Object(
        { nl: Type.String({ minLength: 1, maxLength: 1000 }), en: Type.String({ minLength: 1, maxLength: 1000 }) },
        {
          additionalProperties: false,
          description: "The besluit's decision sentence, e.g. 'U krijgt voorrang voor een woning als statushouder.'",
        },
      ),
    ),
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
    priority: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 1_000_000,
        description: 'Higher runs first; 0 counts as 1 and decimals are truncated, as in json-rules-engine',
      }),
    ),
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
    facts: Type.Optional(
      Type.Record(Name('fact name'), MunicipalityFactSchema, {
        // A Record's key pattern alone only selects which keys get the value schema; this refuses the rest.
        propertyNames: { pattern: NAME_PATTERN, maxLength: 100 },
        description:
          "The municipality's own facts, added to the kind's built-in catalog (they may not redefine a built-in fact)",
      }),
    ),
    namedConditions: Type.Optional(Type.Record(Name('condition name'), TopLevelConditionSchema)),
    conditionLabels: Type.Optional(
      Type.Record(Name('condition name'), LocalizedTextSchema, {
        description:
          'How a named condition reads in an explanation, e.g. basisvoorwaarden → "Basisvoorwaarden (leeftijd, inkomen, geen huurachterstand)"',
      }),
    ),
    outcomes: Type.Optional(
      Type.Record(Type.String({ minLength: 1, maxLength: 100 }), OutcomeSchema, {
        description: "Labels and decision sentences per event type, e.g. priority → 'voorrang'",
      }),
    ),
    noOutcome: Type.Optional(OutcomeSchema),
    rules: Type.Array(RuleSchema),
  },
  { additionalProperties: false, $defs: { condition: conditionJsonSchema } },
);
export type RuleSet = Static<typeof RuleSetSchema>;
