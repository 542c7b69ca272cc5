import type { FactCatalog, FactDefinition } from '../../../../rules';

export interface SimCase {
  /** Pseudonymous: generated numbers or the file's own reference, never a BSN. */
  id: string;
  facts: Record<string, unknown>;
  peildatum?: string;
}

/** mulberry32: a tiny seeded generator, so the same seed gives the same 10,000 applicants every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inside the fact's own range, so a municipality fact of 0–10 never gets an applicant refused by validation. */
const within = (f: FactDefinition, n: number): number => Math.min(f.maximum ?? Infinity, Math.max(f.minimum ?? 0, n));

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (epochDay: number) => {
  const d = new Date(epochDay * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/**
 * Made-up applicants for a simulation, spread over every fact in the catalog with plausible
 * shares (about a third status holders, mostly linked to this municipality). Derived facts are
 * left out: the rules core computes them from the peildatum.
 */
export function generateApplicants(
  catalog: FactCatalog,
  count: number,
  opts: { tenant: string; peildatum: string; seed?: number },
): SimCase[] {
  const rnd = random(opts.seed ?? 2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const today = Math.floor(Date.parse(`${opts.peildatum}T00:00:00Z`) / 86_400_000);
  const out: SimCase[] = [];
  for (let i = 0; i < count; i++) {
    const facts: Record<string, unknown> = {};
    const statusHolder = rnd() < 0.35;
    for (const [name, f] of Object.entries(catalog.facts)) {
      if (f.derived) continue;
      if (name === 'permitType')
        facts[name] = statusHolder
          ? pick(['asiel', 'asiel', 'nareis'])
          : pick(['regulier', 'geen', 'geen', 'tijdelijke-bescherming']);
      else if (name === 'linkedMunicipality')
        facts[name] = statusHolder && rnd() < 0.9 ? opts.tenant : pick(['GM0344', 'GM0599', 'GM0518']);
      else if (name === 'dateOfBirth') facts[name] = isoDay(today - Math.floor((16 + rnd() * 60) * 365.25));
      else if (f.type === 'boolean')
        facts[name] = rnd() < (name === 'hasIndependentHome' ? (statusHolder ? 0.05 : 0.6) : 0.12);
      else if (f.type === 'enum' && f.options) facts[name] = pick(f.options).value;
      else if (f.type === 'date') facts[name] = isoDay(today - Math.floor(rnd() * 900));
      else if (f.type === 'integer') facts[name] = within(f, Math.floor(rnd() * 6));
      else if (f.type === 'number')
        facts[name] = within(
          f,
          name === 'annualIncome' || name === 'grossAnnualIncome'
            ? Math.round(12_000 + rnd() * 60_000)
            : Math.round(rnd() * 12),
        );
      else if (f.type === 'string-list' && f.options) facts[name] = [pick(f.options).value];
    }
    out.push({ id: `A-${String(i + 1).padStart(5, '0')}`, facts });
  }
  return out;
}
