import { compileRuleSet, type RuleEvent, type RuleSet } from '../../../../rules';
import type { SimCase } from './generate-applicants';

export interface ChangedCase {
  index: number;
  id: string;
  before: string;
  after: string;
}

export interface SimulationResult {
  total: number;
  changed: ChangedCase[];
  /** outcome label → [count before, count after] */
  counts: Map<string, [number, number]>;
}

/** One label per outcome, as the CLI's simulate prints it: 'priority:status-holder', or '' for none. */
export function outcomeLabel(events: RuleEvent[]): string {
  return events
    .map((e) => {
      const detail = e.params?.category ?? e.params?.reason;
      return detail === undefined
        ? e.type
        : `${e.type}:${typeof detail === 'string' ? detail : JSON.stringify(detail)}`;
    })
    .join(' + ');
}

const CHUNK = 500;
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Runs both versions over every case in chunks of 500, yielding to the browser between chunks,
 * so the progress bar moves and the page stays responsive (compiled rules do ~1M evaluations/s).
 */
export async function runSimulation(
  before: RuleSet,
  after: RuleSet,
  cases: readonly SimCase[],
  peildatum: string,
  onProgress: (done: number) => void,
  signal?: { cancelled: boolean },
): Promise<SimulationResult> {
  const a = compileRuleSet(before);
  const b = compileRuleSet(after);
  const counts = new Map<string, [number, number]>();
  const changed: ChangedCase[] = [];
  for (let start = 0; start < cases.length; start += CHUNK) {
    if (signal?.cancelled) break;
    const end = Math.min(cases.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const c = cases[i] as SimCase;
      const options = { peildatum: c.peildatum ?? peildatum };
      const la = outcomeLabel(a.evaluate(c.facts, options).events);
      const lb = outcomeLabel(b.evaluate(c.facts, options).events);
      const ca = counts.get(la) ?? [0, 0];
      ca[0]++;
      counts.set(la, ca);
      const cb = counts.get(lb) ?? [0, 0];
      cb[1]++;
      counts.set(lb, cb);
      if (la !== lb) changed.push({ index: i, id: c.id, before: la, after: lb });
    }
    onProgress(end);
    await tick();
  }
  return { total: cases.length, changed, counts };
}
