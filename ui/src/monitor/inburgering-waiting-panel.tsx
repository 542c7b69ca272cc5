import { useEffect, useState } from 'react';
import type { InburgeringWaiting } from '../../../contract/inburgering-waiting';
import { durationInWords } from '../../../workflows/dsl/duration-words';
import { inburgeringWaiting } from '../api/inburgering-waiting';
import { INBURGERING_WAITING_WORDS } from '../i18n/monitor-inburgering';
import { formatDate, formatDateTime } from '../shell/format';

const WORDS = INBURGERING_WAITING_WORDS;

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
