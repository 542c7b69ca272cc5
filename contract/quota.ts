import { Type, type Static } from '@sinclair/typebox';
import { Instant, Reason, TenantId } from './common';
import { HALF_YEAR_PATTERN } from './id-patterns';

export { HALF_YEAR_PATTERN };

export const HalfYear = Type.String({
  pattern: HALF_YEAR_PATTERN,
  maxLength: 7,
  description: 'Half-year: 1 Jan–30 Jun is H1, 1 Jul–31 Dec is H2',
  examples: ['2026-H1'],
});
const Count = Type.Integer({ minimum: 0, maximum: 999999 });
const NullableCount = Type.Union([Count, Type.Null()]);

export const QuotaTargetSchema = Type.Object(
  {
    municipality: TenantId,
    halfYear: HalfYear,
    target: Count,
    backlog: NullableCount,
    surplus: NullableCount,
    source: Type.Union([Type.Literal('manual'), Type.Literal('csv')]),
    updatedBy: Type.String(),
    updatedAt: Instant,
  },
  { additionalProperties: false },
);

export const QuotaTargetList = Type.Object({ items: Type.Array(QuotaTargetSchema) }, { additionalProperties: false });

export const ListTargetsQuery = Type.Object({ halfYear: Type.Optional(HalfYear) }, { additionalProperties: false });

export const TargetParams = Type.Object(
  { municipality: TenantId, halfYear: HalfYear },
  { additionalProperties: false },
);

export const SetTargetBody = Type.Object(
  {
    target: Type.Integer({
      minimum: 0,
      maximum: 999999,
      description: 'The population share: round(T_NL × inhabitants / inhabitants_NL)',
    }),
    backlog: Type.Optional(
      Type.Union([Count, Type.Null()], {
        description: "Achterstand carried over; leave out or null to carry over the previous half-year's result",
      }),
    ),
    surplus: Type.Optional(
      Type.Union([Count, Type.Null()], {
        description: "Voorsprong carried over; leave out or null to carry over the previous half-year's result",
      }),
    ),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);

export const ImportTargetsBody = Type.Object(
  {
    csv: Type.String({
      minLength: 1,
      maxLength: 200000,
      description:
        'Header gemeente;halfjaar;taakstelling[;achterstand;voorsprong], then one line per municipality and half-year',
    }),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);

export const ImportTargetsResult = Type.Object(
  { imported: Type.Integer({ minimum: 0 }), items: Type.Array(QuotaTargetSchema) },
  { additionalProperties: false },
);

export const TaakstellingPeriodSchema = Type.Object(
  {
    municipality: Type.String(),
    halfYear: HalfYear,
    target: NullableCount,
    backlog: Type.Integer(),
    surplus: Type.Integer(),
    carryOver: Type.Union([Type.Literal('entered'), Type.Literal('computed'), Type.Literal('none')]),
    effectiveTarget: Type.Union([Type.Integer(), Type.Null()], { description: 'target + backlog − surplus' }),
    realised: Type.Integer({ minimum: 0 }),
    remaining: Type.Union([Type.Integer(), Type.Null()]),
    next: Type.Union([
      Type.Object({ backlog: Type.Integer(), surplus: Type.Integer() }, { additionalProperties: false }),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);

export const TaakstellingSummarySchema = Type.Object(
  {
    current: Type.Array(TaakstellingPeriodSchema),
    previous: Type.Array(TaakstellingPeriodSchema),
  },
  { additionalProperties: false },
);

export const TaakstellingResponse = Type.Object(
  {
    currentHalfYear: HalfYear,
    previousHalfYear: HalfYear,
    taakstelling: TaakstellingSummarySchema,
  },
  { additionalProperties: false },
);

export type HalfYear = Static<typeof HalfYear>;
export type QuotaTarget = Static<typeof QuotaTargetSchema>;
export type QuotaTargetList = Static<typeof QuotaTargetList>;
export type ListTargetsQuery = Static<typeof ListTargetsQuery>;
export type TargetParams = Static<typeof TargetParams>;
export type SetTargetBody = Static<typeof SetTargetBody>;
export type ImportTargetsBody = Static<typeof ImportTargetsBody>;
export type ImportTargetsResult = Static<typeof ImportTargetsResult>;
export type TaakstellingPeriod = Static<typeof TaakstellingPeriodSchema>;
export type TaakstellingSummary = Static<typeof TaakstellingSummarySchema>;
export type TaakstellingResponse = Static<typeof TaakstellingResponse>;
