/** mulberry32: seeded, so every benchmark run judges the same applicants. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Applicants for the urgency scheme: a realistic mix, with some facts unknown as in real intake data. */
export function generateApplicants(count: number, seed = 2026): Array<Record<string, unknown>> {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const date = (fromYear: number, toYear: number) =>
    `${fromYear + Math.floor(random() * (toYear - fromYear + 1))}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
  return Array.from({ length: count }, () => {
    const householdSize = 1 + Math.floor(random() * 6);
    const facts: Record<string, unknown> = {
      dateOfBirth: date(1950, 2010),
      householdSize,
      annualIncome: Math.round(10000 + random() * 60000),
      rentArrears: chance(0.08),
      permitType: pick(['asiel', 'asiel', 'nareis', 'regulier', 'regulier', 'geen']),
      linkedMunicipality: pick(['GM0363', 'GM0363', 'GM0599']),
      hasIndependentHome: chance(0.3),
      yearsOfRegionalTies: Math.floor(random() * 10),
      medicalUrgency: chance(0.05),
      mantelzorg: chance(0.05),
      socialEmergency: chance(0.04),
      demolition: chance(0.03),
      leavingInstitution: pick([
        'geen',
        'geen',
        'geen',
        'geen',
        'maatschappelijke-opvang',
        'beschermd-wonen',
        'vrouwenopvang',
      ]),
      emergencySelfCaused: chance(0.2),
      solvableByApplicant: chance(0.2),
      solvableByMoveMonths: Math.floor(random() * 8),
      readyForIndependentLiving: chance(0.7),
      mantelzorgUrenPerWeek: Math.floor(random() * 20),
    };
    if (chance(0.6)) facts.koppelingDate = date(2025, 2025);
    // Intake is rarely complete: leave one fact out now and then.
    if (chance(0.1)) delete facts[pick(Object.keys(facts))];
    return facts;
  });
}
