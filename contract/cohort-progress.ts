import { Type, type Static } from '@sinclair/typebox';

/** The monitor's view of the Ukrainian transition (overgang-oekraine): progress per cohort against the end date. */

const Text = Type.Object({ nl: Type.String(), en: Type.String() });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const DomainProgress = Type.Object(
  {
    id: Type.String({ description: 'the case deadline of the domain, e.g. huisvesting' }),
    label: Text,
    /** Households whose domain is arranged. */
    done: Type.Integer({ minimum: 0 }),
    /** Households still open whose term is near (within the at-risk window) or passed. */
    atRisk: Type.Integer({ minimum: 0 }),
    /** Of those at risk: the term has passed. */
    overdue: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

export const CohortProgress = Type.Object(
  {
    cohort: Type.String(),
    /** The date the municipality starts with this cohort (phasing parameter). */
    start: DateText,
    households: Type.Integer({ minimum: 0 }),
    /** Every domain arranged (the case completed with all five). */
    completed: Type.Integer({ minimum: 0 }),
    /** Households that left (case ended with vertrokken). */
    left: Type.Integer({ minimum: 0 }),
    /** Open households with at least one domain at risk. */
    atRisk: Type.Integer({ minimum: 0 }),
    domains: Type.Array(DomainProgress),
  },
  { additionalProperties: false },
);

export const TransitionProgress = Type.Object(
  {
    processId: Type.Literal('overgang-oekraine'),
    /** End of temporary protection (parameter norms.endOfTemporaryProtection) and where it comes from. */
    endDate: DateText,
    endDateSource: Type.Optional(Text),
    /** A term this many days ahead or less counts as at risk. */
    atRiskDays: Type.Integer({ minimum: 0 }),
    cohorts: Type.Array(CohortProgress),
    /** Households counted; at most the limit, `truncated` when there were more. */
    households: Type.Integer({ minimum: 0 }),
    truncated: Type.Boolean(),
    generatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type TransitionProgress = Static<typeof TransitionProgress>;
export type CohortProgress = Static<typeof CohortProgress>;
