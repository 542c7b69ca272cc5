import { wholeYearsBetween } from '../rules/dates';
import type { RuleEvent } from '../rules/rule-set-schema';

// The urgency-scheme template (rules/templates/urgency-scheme.json) written by hand as one plain
// function: the ceiling a compiler could hope to reach. Parameters as in the template, with
// gemeentecode GM0363. Not used anywhere but the benchmark.

type Facts = Record<string, unknown>;

const P = { minAge: 18, single: 51537, multi: 56910, ties: 2, moveMonths: 4, careHours: 8, gemeente: 'GM0363' };

const num = (v: unknown): boolean => (typeof v === 'number' ? v === v : !Number.isNaN(Number.parseFloat(v as string)));

function basic(f: Facts, age: unknown): boolean {
  const size = f.householdSize;
  const income = f.annualIncome;
  const incomeOk =
    (size === 1 && num(income) && (income as number) <= P.single) ||
    (num(size) && (size as number) >= 2 && num(income) && (income as number) <= P.multi);
  return num(age) && (age as number) >= P.minAge && incomeOk && f.rentArrears === false;
}

const ties = (f: Facts) => num(f.yearsOfRegionalTies) && (f.yearsOfRegionalTies as number) >= P.ties;
const emergency = (f: Facts) =>
  f.emergencySelfCaused === false &&
  f.solvableByApplicant === false &&
  num(f.solvableByMoveMonths) &&
  (f.solvableByMoveMonths as number) <= P.moveMonths;
const INSTITUTIONS = ['maatschappelijke-opvang', 'beschermd-wonen', 'vrouwenopvang'];

export function urgencySchemeByHand(f: Facts, peildatum: string): RuleEvent[] {
  const age = typeof f.dateOfBirth === 'string' ? wholeYearsBetween(f.dateOfBirth, peildatum) : undefined;
  const events: RuleEvent[] = [];
  const b = basic(f, age);
  if (!b) events.push({ type: 'not-eligible', params: { reason: 'basic-conditions' } });
  if (!b) return events;
  const t = ties(f);
  const e = emergency(f);
  if (t && e && f.medicalUrgency === true) events.push({ type: 'priority', params: { category: 'medical', rank: 1 } });
  if (INSTITUTIONS.indexOf(f.leavingInstitution as string) > -1 && f.readyForIndependentLiving === true)
    events.push({ type: 'priority', params: { category: 'leaving-institution', rank: 2 } });
  if (
    t &&
    e &&
    f.mantelzorg === true &&
    num(f.mantelzorgUrenPerWeek) &&
    (f.mantelzorgUrenPerWeek as number) >= P.careHours
  )
    events.push({ type: 'priority', params: { category: 'mantelzorg', rank: 3 } });
  if (t && e && f.socialEmergency === true)
    events.push({ type: 'priority', params: { category: 'social-emergency', rank: 3 } });
  if (f.demolition === true && f.hasIndependentHome === true)
    events.push({ type: 'priority', params: { category: 'demolition', rank: 4 } });
  if (
    (f.permitType === 'asiel' || f.permitType === 'nareis') &&
    f.linkedMunicipality === P.gemeente &&
    f.hasIndependentHome === false
  ) {
    events.push({ type: 'priority', params: { category: 'status-holder', rank: 5 } });
  }
  return events;
}
