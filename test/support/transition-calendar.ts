import request from 'supertest';
import type { Express } from 'express';
import { addDuration } from '../../workflows/dsl/duration';

/** The phasing and end date the e2e tests of the Ukrainian transition give the test municipality. */
export interface TransitionCalendar {
  /** The day the calendar was computed from (YYYY-MM-DD, the municipality's calendar). */
  today: string;
  /** Parameter norms.endOfTemporaryProtection. */
  endOfTemporaryProtection: string;
  /** Parameter phasing.cohorts: cohort → start date. */
  cohorts: Record<'cohort-1' | 'cohort-2' | 'cohort-3', string>;
}

const shift = (day: string, duration: string, sign: 1 | -1 = 1): string =>
  addDuration(new Date(`${day}T00:00:00Z`), duration, sign)
    .toISOString()
    .slice(0, 10);

/**
 * Dates relative to `today`, so the e2e tests say the same thing in any year: cohort 1 started
 * five weeks ago (its four weeks for registration have passed, its six weeks for care end within
 * the at-risk window), cohorts 2 and 3 start in four and eight weeks, and temporary protection
 * ends six months from today (no term before the end date is near). The built-in parameters
 * (1 September 2026 … 4 March 2027) are real dates that the calendar passes.
 */
export function transitionCalendar(today: string): TransitionCalendar {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be YYYY-MM-DD, not ${today}`);
  return {
    today,
    endOfTemporaryProtection: shift(today, 'P6M'),
    cohorts: {
      'cohort-1': shift(today, 'P5W', -1),
      'cohort-2': shift(today, 'P4W'),
      'cohort-3': shift(today, 'P8W'),
    },
  };
}

/** The calendar's day `duration` after (sign 1) or before (sign -1) `day`, as the workflow counts terms. */
export const dayAfter = (day: string, duration: string, sign: 1 | -1 = 1): string => shift(day, duration, sign);

const DUTCH_DAY = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });

/** "4 maart 2027": a calendar day as the monitor writes it (ui/src/shell/format.ts formatDate, Dutch). */
export const dutchDay = (day: string): string => DUTCH_DAY.format(new Date(`${day}T12:00:00Z`));

interface Sessions {
  designer: Record<string, string>;
  approver: Record<string, string>;
}

/**
 * The municipality sets its transition calendar the way a municipality does: a designer puts the
 * end date and the cohort dates in a new version of its `overgang-oekraine` parameters (with the
 * end date's validity moved with it), an approver publishes it, in force at once. Returns the
 * published version.
 */
export async function publishTransitionCalendar(
  app: Express,
  sessions: Sessions,
  calendar: TransitionCalendar,
): Promise<number> {
  const api = () => request(app);
  const key = 'overgang-oekraine';
  const fail = (step: string, res: request.Response): never => {
    throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const history = await api().get(`/api/v1/definitions/${key}`).set(sessions.designer);
  if (history.status !== 200) fail('history', history);
  const versions = history.body.versions as Array<{ version: number; status: string }>;
  const published = versions.filter((v) => v.status === 'published').map((v) => v.version);
  const current = await api()
    .get(`/api/v1/definitions/${key}/versions/${Math.max(...published)}`)
    .set(sessions.designer);
  if (current.status !== 200) fail('current version', current);
  const content = structuredClone(current.body.content) as {
    parameters: { norms: Record<string, string>; phasing: { cohorts: Record<string, string> } };
    parameterSources?: Record<string, { validUntil?: string }>;
  };
  content.parameters.norms.endOfTemporaryProtection = calendar.endOfTemporaryProtection;
  content.parameters.phasing.cohorts = { ...calendar.cohorts };
  const endSource = content.parameterSources?.['norms.endOfTemporaryProtection'];
  if (endSource?.validUntil) endSource.validUntil = calendar.endOfTemporaryProtection;

  const draft = await api().post(`/api/v1/definitions/${key}/versions`).set(sessions.designer).send({ content });
  if (draft.status !== 201) fail('draft', draft);
  const version = draft.body.version as number;
  const submitted = await api()
    .post(`/api/v1/definitions/${key}/versions/${version}/submit`)
    .set(sessions.designer)
    .send({ comment: 'Fasering en einddatum van de gemeente ingevuld' });
  if (submitted.status !== 200) fail('submit', submitted);
  const approved = await api()
    .post(`/api/v1/definitions/${key}/versions/${version}/approve`)
    .set(sessions.approver)
    .send({ comment: 'akkoord' });
  if (approved.status !== 200) fail('approve', approved);
  return version;
}
