import { useEffect, useState } from 'react';
import type { InburgeringWaiting } from '../../../contract/inburgering-waiting';
import { durationInWords } from '../../../workflows/dsl/duration-words';
import { inburgeringWaiting } from '../api/inburgering-waiting';
import { formatDate, formatDateTime } from '../shell/format';

// Its words live here, not in the shared i18n files (issue 14; another view is added beside it).
const WORDS = {
  nl: {
    title: 'Wachtlijst inburgering',
    intro: (norm: string) =>
      `Wie wacht op de brede intake en wie op het PIP, per week van de koppeling. Streeftermijn voor het PIP: ${norm} na de koppeling.`,
    week: 'Week van de koppeling',
    intake: 'Wacht op brede intake',
    pip: 'Wacht op PIP',
    overdue: 'Streeftermijn PIP verstreken',
    total: 'Totaal',
    none: 'Niemand wacht op een brede intake of een PIP.',
    weekOf: (d: string) => `week van ${d}`,
    truncated: 'Niet alle zaken zijn geteld: de lijst is langer dan de grens.',
    generated: (d: string) => `Bijgewerkt ${d}`,
    error: 'De wachtlijst kon niet worden geladen.',
  },
  en: {
    title: 'Civic integration waiting list',
    intro: (norm: string) =>
      `Who waits for the broad intake and who for the PIP, per week of linking. Target term for the PIP: ${norm} after linking.`,
    week: 'Week of linking',
    intake: 'Waiting for broad intake',
    pip: 'Waiting for PIP',
    overdue: 'PIP target term passed',
    total: 'Total',
    none: 'Nobody waits for a broad intake or a PIP.',
    weekOf: (d: string) => `week of ${d}`,
    truncated: 'Not every case was counted: the list is longer than the limit.',
    generated: (d: string) => `Updated ${d}`,
    error: 'The waiting list could not be loaded.',
  },
} as const;

/** The waiting list as a table: one row per week of koppeling, dates in words. */
export function InburgeringWaitingTable({ data, lang }: { data: InburgeringWaiting; lang: 'nl' | 'en' }) {
  const w = WORDS[lang];
  const norm = durationInWords(data.pipWithin, lang) ?? data.pipWithin;
  return (
    <section className="inburgering-waiting" aria-labelledby="inburgering-waiting-title">
      <h2 id="inburgering-waiting-title">{w.title}</h2>
      <p>{w.intro(norm)}</p>
      {data.weeks.length === 0 ? (
        <p>{w.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{w.week}</th>
              <th scope="col">{w.intake}</th>
              <th scope="col">{w.pip}</th>
              <th scope="col">{w.overdue}</th>
            </tr>
          </thead>
          <tbody>
            {data.weeks.map((row) => (
              <tr key={row.week} data-week={row.week}>
                <th scope="row">{w.weekOf(formatDate(row.week, lang))}</th>
                <td>{row.intake}</td>
                <td>{row.pip}</td>
                <td>{row.overdue}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{w.total}</th>
              <td>{data.totals.intake}</td>
              <td>{data.totals.pip}</td>
              <td>{data.totals.overdue}</td>
            </tr>
          </tfoot>
        </table>
      )}
      {data.truncated && <p role="note">{w.truncated}</p>}
      <p className="muted">{w.generated(formatDateTime(data.generatedAt, lang))}</p>
    </section>
  );
}

/** Loads the waiting list from the API and shows it. */
export function InburgeringWaitingPanel({ lang }: { lang: 'nl' | 'en' }) {
  const [data, setData] = useState<InburgeringWaiting | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    inburgeringWaiting
      .get()
      .then((d) => live && setData(d))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);
  if (failed) return <p role="alert">{WORDS[lang].error}</p>;
  return data ? <InburgeringWaitingTable data={data} lang={lang} /> : null;
}
