import { validateRuleSet } from '../validation/validate-rule-set';
import { EXIT, readJson, type CommonOptions, type Io } from './cli-io';
import { issueLines } from './load-rule-set';

/** `doorstroom rules validate FILE...`: exit 1 when any file has errors (or warnings, with --strict). */
export async function validateCommand(
  files: string[],
  options: CommonOptions & { strict: boolean },
  io: Io,
): Promise<number> {
  const { lang } = options;
  let failed = false;
  const reports = [];
  for (const file of files) {
    const result = validateRuleSet(await readJson(file, lang));
    const bad = !result.valid || (options.strict && result.warnings.length > 0);
    failed ||= bad;
    reports.push({ file, ...result });
    if (options.json) continue;
    const counts =
      lang === 'nl'
        ? `${result.errors.length} fout(en), ${result.warnings.length} waarschuwing(en)`
        : `${result.errors.length} error(s), ${result.warnings.length} warning(s)`;
    io.out(
      `${bad ? '✗' : '✓'} ${file}: ${result.valid ? (lang === 'nl' ? 'geldig' : 'valid') : lang === 'nl' ? 'ongeldig' : 'invalid'} (${counts})`,
    );
    for (const line of issueLines(result.errors, lang, '✗')) io.out(line);
    for (const line of issueLines(result.warnings, lang, '!')) io.out(line);
  }
  if (options.json) io.out(JSON.stringify(reports, null, 2));
  return failed ? EXIT.findings : EXIT.ok;
}
