export interface CaseSummary {
  caseId: string;
  processId: string;
  caseRef: string;
  step: string;
  status: string;
  outcome?: string;
  startedAt: string;
  closedAt?: string;
}

export class ApiProblem extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export async function fetchCases(): Promise<CaseSummary[]> {
  const res = await fetch('/api/v1/cases?limit=200', { headers: { accept: 'application/json' } });
  const body = (await res.json()) as { cases?: CaseSummary[]; error?: { code: string; message: string } };
  if (!res.ok || !body.cases) throw new ApiProblem(body.error?.code ?? String(res.status), body.error?.message ?? res.statusText);
  return body.cases;
}
