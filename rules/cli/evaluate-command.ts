import { evaluate } from '../evaluate';
import { renderExplanation } from '../explanation/render-explanation';
import { catalogOf } from '../facts/catalog-of';
import { validateFacts } from '../facts/facts-schema';
import { CliError, EXIT, readJson, type CommonOptions, type Io } from './cli-io';
import { issueLines, loadRuleSet } from './load-rule-set';

/** `doorstroom rules evaluate RULESET FACTS`: the events and the explanation for one case. */
export async function evaluateCommand(
  ruleSetFile: string,
  factsFile: string,
  options: CommonOptions & { peildatum: string },
  io: Io,
): Promise<number> {
  const { lang } = options;
  const ruleSet = await loadRuleSet(ruleSetFile, lang, io);
  const facts = await readJson(factsFile, lang);
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) {
    throw new CliError(
      EXIT.input,
      lang === 'nl' ? `${factsFile}: verwacht één object met feiten.` : `${factsFile}: expected one object of facts.`,
    );
  }
  const checked = validateFacts(catalogOf(ruleSet), facts as Record<string, unknown>);
  if (!checked.valid) {
    io.err(lang === 'nl' ? `${factsFile}: ongeldige feiten` : `${factsFile}: invalid facts`);
    for (const line of issueLines(checked.errors, lang, '✗')) io.err(line);
    return EXIT.input;
  }
  const result = evaluate(ruleSet, facts as Record<string, unknown>, { peildatum: options.peildatum, explain: true });
  if (options.json) {
    io.out(JSON.stringify(result, null, 2));
    return EXIT.ok;
  }
  const outcome =
    result.events.length === 0
      ? lang === 'nl'
        ? '(geen)'
        : '(none)'
      : result.events.map((e) => `${e.type}${e.params ? ' ' + JSON.stringify(e.params) : ''}`).join(', ');
  io.out(`${lang === 'nl' ? 'Uitkomst' : 'Outcome'}: ${outcome}`);
  io.out('');
  if (result.explanation) io.out(renderExplanation(result.explanation, lang));
  return EXIT.ok;
}
