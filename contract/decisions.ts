import { Type, type Static } from '@sinclair/typebox';
import { Ident, MAX_FREE_FORM_PROPERTIES } from './common';

/** Advice: a rule set evaluated on given facts (POST /rulesets/{key}/evaluate). */

export const EvaluateParams = Type.Object({
  key: Ident('Rule-set kind, e.g. housing-priority'),
});

export const EvaluateBody = Type.Object(
  {
    facts: Type.Record(Type.String(), Type.Unknown(), {
      maxProperties: MAX_FREE_FORM_PROPERTIES,
      description:
        "Facts from the kind's fact catalog (derived facts such as weeksSinceKoppeling are computed from the peildatum).",
      examples: [
        {
          permitType: 'asiel',
          linkedMunicipality: 'GM0363',
          birthDate: '1990-05-01',
          householdSize: 4,
          hasIndependentHousing: false,
        },
      ],
    }),
    peildatum: Type.Optional(
      Type.String({
        format: 'date',
        maxLength: 10,
        description: 'Reference date: the rule-set version in force on it is used. Default: today.',
      }),
    ),
    language: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')], { default: 'nl' })),
  },
  { additionalProperties: false },
);
export type EvaluateBody = Static<typeof EvaluateBody>;

export const EvaluateResponse = Type.Object({
  ruleSet: Type.Object({ id: Type.String(), version: Type.Integer(), effectiveFrom: Type.String({ format: 'date' }) }),
  peildatum: Type.String({ format: 'date' }),
  status: Type.Union([Type.Literal('complete'), Type.Literal('incomplete')], {
    description:
      'incomplete (onvolledig): the outcome rests on a needed fact that is unknown; no events, the missing facts listed',
  }),
  missingFacts: Type.Optional(
    Type.Array(
      Type.Object({
        name: Type.String(),
        label: Type.Object({ nl: Type.String(), en: Type.String() }),
        type: Type.String(),
        unit: Type.Optional(Type.String()),
        // The catalog's options are read-only; a reader never needs to change them.
        options: Type.Optional(Type.Unsafe<readonly unknown[]>(Type.Array(Type.Unknown()))),
      }),
      { description: 'The facts to supply before the rules can advise' },
    ),
  ),
  events: Type.Array(
    Type.Object({ type: Type.String(), params: Type.Optional(Type.Record(Type.String(), Type.Unknown())) }),
  ),
  explanation: Type.Unknown({
    description: 'Per rule and per condition: fact, operator, expected, actual, held / failed / not evaluated',
  }),
  text: Type.String({ description: 'The explanation as plain sentences in the requested language' }),
});
export type EvaluateResponse = Static<typeof EvaluateResponse>;

export type EvaluateParams = Static<typeof EvaluateParams>;
