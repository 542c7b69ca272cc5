import type { HouseholdImportResult } from '../../contract/household-import';
import { ApiError } from '../../platform/errors';
import type { CaseService } from './case-service';
import { parseHouseholdCsv } from './household-csv';

/** The process a household list starts cases of. */
export const TRANSITION_PROCESS = 'overgang-oekraine';
/** Cases started at once: Temporal takes them in parallel, the shared machine stays responsive. */
const CONCURRENCY = 4;

/**
 * Imports a municipality's list of GOO households: the whole file is checked first (every error
 * by line and column; then nothing starts), and each household is started through the normal start
 * of a case with its reference as caseRef, so importing the same list again starts nothing twice.
 */
export async function importHouseholds(
  cases: Pick<CaseService, 'start' | 'definitionOf'>,
  tenant: string,
  csv: string,
): Promise<HouseholdImportResult> {
  const definition = await cases.definitionOf(tenant, TRANSITION_PROCESS);
  if (!definition)
    throw new ApiError(404, 'PROCESS_NOT_FOUND', `Process ${TRANSITION_PROCESS} is not published for ${tenant}.`);
  const parsed = parseHouseholdCsv(csv, definition, tenant);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new ApiError(
      422,
      'INVALID_IMPORT',
      `${parsed.errors.length === 100 ? 'Ten minste 100' : parsed.errors.length} fout(en) in de lijst; niets gestart. Eerste: regel ${first?.line}${first?.column ? `, kolom ${first.column}` : ''}: ${first?.message.nl}`,
      '/body/csv',
      { errors: parsed.errors },
    );
  }
  const out: HouseholdImportResult['cases'] = [];
  const queue = [...parsed.rows];
  const worker = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      const { caseId, created } = await cases.start(tenant, TRANSITION_PROCESS, row.caseRef, row.data);
      out.push({ line: row.line, caseId, created });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  out.sort((a, b) => a.line - b.line);
  const started = out.filter((c) => c.created).length;
  return { households: out.length, started, existing: out.length - started, cases: out };
}
