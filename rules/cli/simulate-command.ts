import { compileRuleSet } from '../compiler/compile-rule-set';
import { isIsoDate } from '../dates';
import { catalogOf } from '../facts/catalog-of';
import type { FactCatalog } from '../facts/fact-catalog';
import { validateFacts } from '../facts/facts-schema';
import type { RuleEvent } from '../rule-set-schema';
import { RulesError, type RulesIssue } from '../rules-error';
import { CliError, EXIT, type CommonOptions, type Io } from './cli-io';
import { issueLines, loadRuleSet } from './load-rule-set';
import { progressBar } from './progress-bar';
import { readCases, type Case } from './read-cases';
import { formatTable } from './table';

export interface SimulateOptions extends CommonOptions {
  peildatum: string;
  /** How many changed cases to list; the summary always counts all. */
  show: number;
}

/** One readable label per outcome: 'priority:status-holder + priority:medical', or '(geen)'. */
function outcomeLabel(events: RuleEvent[] | undefined, lang: CommonOptions['lang']): string {
  if (!events) return lang === 'nl' ? '(fout)' : '(error)';
  if (events.length === 0) return lang === 'nl' ? '(geen)' : '(none)';
  return events
    .map((e) => {
      const detail = e.params?.category ?? e.params?.reason;
      return detail === undefined
        ? e.type
        : `${e.type}:${typeof detail === 'string' ? detail : JSON.stringify(detail)}`;
    })
    .join(' + ');
}

/** What is wrong with one case before any rule sees it: facts outside the catalog, a peildatum that is no date. */
function caseIssues(c: Case, catalog: FactCatalog): RulesIssue[] {
  const issues = [...(c.issues ?? []), ...validateFacts(catalog, c.facts).errors];
  if (c.peildatum !== undefined && !isIsoDate(c.peildatum)) {
    issues.push({
      code: 'invalid-peildatum',
      path: '/peildatum',
      message: { nl: 'De peildatum is geen datum (JJJJ-MM-DD).', en: 'The peildatum is not a date (YYYY-MM-DD).' },
    });
  }
  return issues;
}

/**
 * `doorstroom rules simulate OLD NEW CASES`: who changes outcome between two versions; exit 1 when
 * anyone does. Cases whose facts do not fit the catalog are listed with their row and left out of
 * the comparison; the others are still simulated, and the exit code is then 3.
 */
export async function simulateCommand(
  oldFile: string,
  newFile: string,
  casesFile: string,
  options: SimulateOptions,
  io: Io,
): Promise<number> {
  const { lang } = options;
  const before = compileRuleSet(await loadRuleSet(oldFile, lang, io));
  const after = compileRuleSet(await loadRuleSet(newFile, lang, io));
  if (before.ruleSet.kind !== after.ruleSet.kind) {
    throw new CliError(
      EXIT.input,
      lang === 'nl'
        ? `${oldFile} en ${newFile} zijn regelsets van een andere soort (${before.ruleSet.kind}, ${after.ruleSet.kind}).`
        : `${oldFile} and ${newFile} are rule sets of different kinds (${before.ruleSet.kind}, ${after.ruleSet.kind}).`,
    );
  }
  // Both versions' facts: a case may carry a municipality fact only one of them defines.
  const newer = catalogOf(after.ruleSet);
  const catalog: FactCatalog = { ...newer, facts: { ...catalogOf(before.ruleSet).facts, ...newer.facts } };
  const invalid: Array<{ row: number; id: string; errors: RulesIssue[] }> = [];
  const cases = (await readCases(casesFile, catalog, lang)).filter((c) => {
    const errors = caseIssues(c, catalog);
    if (errors.length > 0) invalid.push({ row: c.row, id: c.id, errors });
    return errors.length === 0;
  });
  const finish = (code: number) => (invalid.length > 0 ? EXIT.input : code);
  const bar = progressBar(io, cases.length, lang === 'nl' ? 'Simuleren' : 'Simulating');
  const run = (compiled: typeof before, c: (typeof cases)[number]): RuleEvent[] | undefined => {
    try {
      return compiled.evaluate(c.facts, { peildatum: c.peildatum ?? options.peildatum }).events;
    } catch (error) {
      if (error instanceof RulesError) return undefined;
      throw error;
    }
  };
  const counts = new Map<string, [number, number]>();
  const changes: Array<{
    id: string;
    before: string;
    after: string;
    events: { before?: RuleEvent[]; after?: RuleEvent[] };
  }> = [];
  cases.forEach((c, i) => {
    const a = run(before, c);
    const b = run(after, c);
    const la = outcomeLabel(a, lang);
    const lb = outcomeLabel(b, lang);
    const ca = counts.get(la) ?? [0, 0];
    ca[0]++;
    counts.set(la, ca);
    const cb = counts.get(lb) ?? [0, 0];
    cb[1]++;
    counts.set(lb, cb);
    if (JSON.stringify(a) !== JSON.stringify(b))
      changes.push({ id: c.id, before: la, after: lb, events: { before: a, after: b } });
    bar.tick(i + 1);
  });
  bar.done();

  const summary = [...counts.entries()]
    .sort((x, y) => y[1][1] - x[1][1])
    .map(([label, [x, y]]) => ({ outcome: label, before: x, after: y, difference: y - x }));
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          cases: cases.length,
          changed: changes.length,
          invalid: invalid.length,
          summary,
          changes,
          invalidCases: invalid,
        },
        null,
        2,
      ),
    );
    return finish(changes.length > 0 ? EXIT.findings : EXIT.ok);
  }
  const v = (r: typeof before) => `v${r.ruleSet.version}`;
  io.out(
    lang === 'nl'
      ? `${cases.length} gevallen, peildatum ${options.peildatum}: ${changes.length} veranderen van uitkomst (${v(before)} → ${v(after)}).`
      : `${cases.length} cases, peildatum ${options.peildatum}: ${changes.length} change outcome (${v(before)} → ${v(after)}).`,
  );
  if (changes.length > 0) {
    io.out('');
    const listed = changes.slice(0, options.show);
    for (const line of formatTable(
      [lang === 'nl' ? 'zaak' : 'case', v(before), v(after)],
      listed.map((c) => [c.id, c.before, c.after]),
    ))
      io.out(line);
    if (changes.length > listed.length)
      io.out(
        lang === 'nl'
          ? `… en nog ${changes.length - listed.length} (zie --show of --json)`
          : `… and ${changes.length - listed.length} more (see --show or --json)`,
      );
  }
  io.out('');
  const header = [
    lang === 'nl' ? 'uitkomst' : 'outcome',
    v(before),
    v(after),
    lang === 'nl' ? 'verschil' : 'difference',
  ];
  for (const line of formatTable(
    header,
    summary.map((s) => [s.outcome, s.before, s.after, s.difference]),
  ))
    io.out(line);
  reportInvalid(invalid, options, io);
  return finish(changes.length > 0 ? EXIT.findings : EXIT.ok);
}

function reportInvalid(
  invalid: ReadonlyArray<{ row: number; id: string; errors: RulesIssue[] }>,
  options: SimulateOptions,
  io: Io,
): void {
  if (invalid.length === 0) return;
  const { lang } = options;
  io.err(
    lang === 'nl'
      ? `${invalid.length} geval(len) niet gesimuleerd: de feiten passen niet bij de catalogus.`
      : `${invalid.length} case(s) not simulated: their facts do not fit the catalog.`,
  );
  for (const c of invalid.slice(0, options.show)) {
    io.err(`${lang === 'nl' ? 'rij' : 'row'} ${c.row} (${c.id}):`);
    for (const line of issueLines(c.errors, lang, '✗')) io.err(line);
  }
  if (invalid.length > options.show)
    io.err(
      lang === 'nl'
        ? `… en nog ${invalid.length - options.show} (zie --show of --json)`
        : `… and ${invalid.length - options.show} more (see --show or --json)`,
    );
}
