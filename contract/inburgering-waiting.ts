import { Type, type Static } from '@sinclair/typebox';

/** The monitor's waiting list for civic integration (inburgering): who waits for the brede intake and for a PIP, per week. */

const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const WaitingWeek = Type.Object(
  {
    /** Monday of the week of the koppeling (Europe/Amsterdam calendar date). */
    week: DateText,
    /** Waiting for the brede intake (step brede-intake). */
    intake: Type.Integer({ minimum: 0 }),
    /** Intake done, waiting for the PIP (its decision or its sending). */
    pip: Type.Integer({ minimum: 0 }),
    /** Of those waiting: the PIP norm after koppeling has passed. */
    overdue: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

export const InburgeringWaiting = Type.Object(
  {
    processId: Type.Literal('inburgering'),
    /** The PIP norm after koppeling (parameter norms.pipWithin), as ISO-8601 duration. */
    pipWithin: Type.String(),
    weeks: Type.Array(WaitingWeek),
    totals: Type.Object(
      {
        intake: Type.Integer({ minimum: 0 }),
        pip: Type.Integer({ minimum: 0 }),
        overdue: Type.Integer({ minimum: 0 }),
      },
      { additionalProperties: false },
    ),
    /** Running cases read; at most the limit, `truncated` when there were more. */
    cases: Type.Integer({ minimum: 0 }),
    truncated: Type.Boolean(),
    generatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type InburgeringWaiting = Static<typeof InburgeringWaiting>;
export type WaitingWeek = Static<typeof WaitingWeek>;
