import { parseArgs } from 'node:util';
import { isIsoDate, todayIso } from '../dates';
import type { Language } from '../localized-text';
import { RulesError, type RulesIssue } from '../rules-error';
import { CliError, EXIT, type Io } from './cli-io';
import { evaluateCommand } from './evaluate-command';
import { issueLines } from './load-rule-set';
import { simulateCommand } from './simulate-command';
import { validateCommand } from './validate-command';

const USAGE = `Usage: doorstroom rules <command> [options]

  validate FILE...              check rule sets; exit 1 when any has errors
  evaluate RULESET FACTS        evaluate one case and explain the outcome
  simulate OLD NEW CASES        compare two versions over cases (JSON or CSV); exit 1 when any case changes

Options:
  --peildatum YYYY-MM-DD        reference date (default: today)
  --lang nl|en                  language of messages (default: nl)
  --json                        machine-readable output
  --strict                      validate: warnings count as errors
  --show N                      simulate: list at most N changed cases (default 50)

Exit codes: 0 ok, 1 errors or changes found, 2 usage error, 3 unreadable or invalid input
(files, facts, cases; simulate still reports the valid cases), 4 internal error.`;

export const processIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  writeErr: (text) => process.stderr.write(text),
  stderrIsTty: Boolean(process.stderr.isTTY),
};

function usage(io: Io, message?: string): number {
  if (message) io.err(message);
  io.err(USAGE);
  return EXIT.usage;
}

/** Runs `doorstroom rules ...` with the arguments after `rules`; resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        peildatum: { type: 'string' },
        lang: { type: 'string', default: 'nl' },
        json: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        show: { type: 'string', default: '50' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usage(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (values.lang !== 'nl' && values.lang !== 'en') return usage(io, `--lang must be nl or en, not ${values.lang}`);
  const lang: Language = values.lang;
  const peildatum = values.peildatum ?? todayIso();
  if (!isIsoDate(peildatum)) return usage(io, `--peildatum must be a date (YYYY-MM-DD), not ${peildatum}`);
  const show = Number(values.show);
  if (!Number.isInteger(show) || show < 0) return usage(io, `--show must be a whole number, not ${values.show}`);
  const common = { lang, json: values.json };
  try {
    switch (command) {
      case 'validate':
        if (files.length === 0) return usage(io, 'validate needs at least one FILE');
        return await validateCommand(files, { ...common, strict: values.strict }, io);
      case 'evaluate':
        if (files.length !== 2) return usage(io, 'evaluate needs RULESET and FACTS');
        return await evaluateCommand(files[0] as string, files[1] as string, { ...common, peildatum }, io);
      case 'simulate':
        if (files.length !== 3) return usage(io, 'simulate needs OLD, NEW and CASES');
        return await simulateCommand(
          files[0] as string,
          files[1] as string,
          files[2] as string,
          { ...common, peildatum, show },
          io,
        );
      default:
        return usage(io, command ? `unknown command: ${command}` : undefined);
    }
  } catch (error) {
    return reportFailure(error, lang, io);
  }
}

/** Every failure is a message and an exit code: a stack trace helps no municipal CI, and may leak paths. */
function reportFailure(error: unknown, lang: Language, io: Io): number {
  if (error instanceof CliError) {
    io.err(error.message);
    return error.exitCode;
  }
  if (error instanceof RulesError) {
    io.err(`${error.path || '/'}  ${error.code}  ${error.messages[lang]}`);
    const issues = (error as { issues?: RulesIssue[] }).issues;
    if (issues) for (const line of issueLines(issues, lang, '✗')) io.err(line);
    return EXIT.input;
  }
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  io.err(
    lang === 'nl' ? `doorstroom rules: interne fout (${reason}).` : `doorstroom rules: internal error (${reason}).`,
  );
  if (process.env.DOORSTROOM_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
  return EXIT.internal;
}
