import { useEffect, useState } from 'react';
import { fetchCases, type CaseSummary } from './api';

const STATUS_NL: Record<string, string> = { running: 'Loopt', completed: 'Afgerond', terminated: 'Beëindigd', failed: 'Mislukt', cancelled: 'Geannuleerd', timed_out: 'Verlopen' };

function formatDate(iso?: string): string {
  return iso ? new Date(iso).toLocaleString('nl-NL', { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}

/** The cases of this municipality, newest first, from Temporal visibility through the API. */
export function CasesPage() {
  const [cases, setCases] = useState<CaseSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    const load = () =>
      fetchCases().then(
        (c) => live && (setCases(c), setError(undefined)),
        (e: Error) => live && setError(`Zaken konden niet worden geladen: ${e.message}`),
      );
    void load();
    const timer = setInterval(() => void load(), 5000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">Zaken</h1>
      {error && <p role="alert" className="error">{error}</p>}
      {!cases && !error && <p>Laden…</p>}
      {cases && cases.length === 0 && <p>Er zijn nog geen zaken. Start een zaak via de API (zie de README).</p>}
      {cases && cases.length > 0 && (
        <table>
          <caption className="visually-hidden">Lopende en afgeronde zaken</caption>
          <thead>
            <tr>
              <th scope="col">Zaakreferentie</th>
              <th scope="col">Proces</th>
              <th scope="col">Stap</th>
              <th scope="col">Status</th>
              <th scope="col">Uitkomst</th>
              <th scope="col">Gestart</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.caseId} data-case-id={c.caseId}>
                <td>{c.caseRef}</td>
                <td>{c.processId}</td>
                <td>{c.step}</td>
                <td>{STATUS_NL[c.status] ?? c.status}</td>
                <td>{c.outcome ?? '—'}</td>
                <td>{formatDate(c.startedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
