import { durationInWords } from '../../../../workflows/dsl/duration-words';
import { isDuration } from '../../../../workflows/dsl/duration';
import { parameterLeaves, sourceOfParameter } from '../../../../workflows/dsl/parameter-sources';
import type { ParameterSource, ProcessDefinition } from '../../../../workflows/dsl/schema';
import { formatDate } from '../../shell/format';

type Lang = 'nl' | 'en';

/** Words of this panel, Dutch first; kept here so the panel stays within the process designer. */
const WORDS = {
  title: { nl: 'Normen en hun bron', en: 'Norms and their source' },
  intro: {
    nl: 'Elke parameter met de regeling, het artikel of de brief waar de waarde vandaan komt, en de periode waarin die geldt.',
    en: 'Each parameter with the regulation, article or letter its value comes from, and the period it holds for.',
  },
  parameter: { nl: 'Parameter', en: 'Parameter' },
  value: { nl: 'Waarde', en: 'Value' },
  source: { nl: 'Bron', en: 'Source' },
  noSource: { nl: 'Geen bron vastgelegd', en: 'No source recorded' },
  empty: { nl: 'niet ingevuld', en: 'not entered' },
  yes: { nl: 'ja', en: 'yes' },
  no: { nl: 'nee', en: 'no' },
  from: { nl: 'geldig vanaf', en: 'valid from' },
  until: { nl: 'geldig tot en met', en: 'valid until' },
} as const;

/** A parameter's value as a reader says it: "10 weken", "ja", "niet ingevuld". */
export function valueInWords(value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return WORDS.empty[lang];
  if (typeof value === 'boolean') return value ? WORDS.yes[lang] : WORDS.no[lang];
  if (typeof value === 'string' && isDuration(value)) return durationInWords(value, lang) ?? value;
  if (typeof value === 'number') return value.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function SourceText({ source, lang }: { source: ParameterSource; lang: Lang }) {
  const doc = source.document[lang] ?? source.document.nl;
  const validity = [
    source.validFrom ? `${WORDS.from[lang]} ${formatDate(source.validFrom, lang)}` : '',
    source.validUntil ? `${WORDS.until[lang]} ${formatDate(source.validUntil, lang)}` : '',
  ].filter(Boolean);
  return (
    <>
      <cite>{doc}</cite>
      {source.article && <>, {source.article}</>}
      {source.date && <>, {formatDate(source.date, lang)}</>}
      {validity.length > 0 && <> ({validity.join(', ')})</>}
      {source.reference && (
        <>
          {' '}
          {/^https:\/\//.test(source.reference) ? (
            <a href={source.reference} rel="noreferrer noopener" target="_blank">
              {source.reference}
            </a>
          ) : (
            source.reference
          )}
        </>
      )}
      {source.note && <p className="pd-source__note">{source.note[lang] ?? source.note.nl}</p>}
    </>
  );
}

/**
 * Every parameter of the definition beside its source (issue 14, item 5): a case handler or
 * designer sees where a norm comes from before changing it. Read-only; the sources are edited
 * in the definition's JSON (`parameterSources`).
 */
export function ParameterSources({
  def,
  lang,
}: {
  def: Pick<ProcessDefinition, 'parameters' | 'parameterSources'>;
  lang: Lang;
}) {
  const leaves = parameterLeaves(def.parameters).filter((l) => !l.path.endsWith('.note'));
  if (leaves.length === 0) return null;
  return (
    <section className="pd-sources" aria-labelledby="pd-sources-title">
      <h3 id="pd-sources-title" className="utrecht-heading-3">
        {WORDS.title[lang]}
      </h3>
      <p className="utrecht-paragraph">{WORDS.intro[lang]}</p>
      <table className="utrecht-table pd-sources__table">
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">
              {WORDS.parameter[lang]}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {WORDS.value[lang]}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {WORDS.source[lang]}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {leaves.map((l) => {
            const found = sourceOfParameter(def, l.path);
            return (
              <tr key={l.path} className="utrecht-table__row" data-parameter={l.path}>
                <th className="utrecht-table__header-cell" scope="row">
                  <code>{l.path}</code>
                </th>
                <td className="utrecht-table__cell">{valueInWords(l.value, lang)}</td>
                <td className="utrecht-table__cell">
                  {found ? <SourceText source={found.source} lang={lang} /> : <em>{WORDS.noSource[lang]}</em>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
