import { readFile } from 'node:fs/promises';
import type { Language } from '../localized-text';

/** Exit codes a municipal CI can act on (documented in docs/rules.md). */
export const EXIT = {
  ok: 0,
  /** validate: the rule set has errors; simulate: at least one case changes outcome; evaluate: invalid rule set. */
  findings: 1,
  usage: 2,
  /** A file is missing or unreadable, or its JSON, CSV or facts are malformed. */
  input: 3,
  internal: 4,
} as const;

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Progress bars only make sense on a terminal, never in a CI log or a pipe. */
  stderrIsTty: boolean;
  writeErr(text: string): void;
}

export interface CommonOptions {
  lang: Language;
  json: boolean;
}

export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

export async function readText(file: string, lang: Language): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(
      EXIT.input,
      lang === 'nl' ? `Kan ${file} niet lezen (${reason}).` : `Cannot read ${file} (${reason}).`,
    );
  }
}

export async function readJson(file: string, lang: Language): Promise<unknown> {
  const text = await readText(file, lang);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(
      EXIT.input,
      lang === 'nl' ? `${file} is geen geldige JSON: ${reason}` : `${file} is not valid JSON: ${reason}`,
    );
  }
}
