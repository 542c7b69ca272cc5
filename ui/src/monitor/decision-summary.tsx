import { Fragment } from 'react';
import { formatValue, type Explanation } from '../../../rules';
import { useSession } from '../shell/session-context';
import type { DecisionRecordView } from '../api/cases';
import { catalogOf, type CaseLabels } from './case-labels';
import { ExplanationView } from './explanation-view';
import { useMonitorT } from './use-monitor-t';
import { formatDate } from '../shell/format';

/** "Volgens de regelset “Voorrang statushouders”, versie 2 (geldig vanaf 1 december 2026); peildatum 14 november 2026." */
export function RuleSetLine({ record }: { record: DecisionRecordView }) {
  const { t, pick } = useMonitorT();
  const ruleSet = (record.explanation as Partial<Explanation> | null)?.ruleSet;
  const name = ruleSet?.title ?? pick(catalogOf(record.ruleSetKind)?.label, record.ruleSetId);
  const from = ruleSet?.effectiveFrom
    ? t('decision.from', { date: formatDate(ruleSet.effectiveFrom.slice(0, 10)) })
    : '';
  return (
    <p className="utrecht-paragraph" data-testid="decision-ruleset">
      {t('decision.ruleSet', { name, v: record.ruleSetVersion, from, peildatum: formatDate(record.peildatum) })}
    </p>
  );
}

/** The facts the rules judged, by their catalog labels and as a letter writes them. */
export function FactsUsed({ record, labels }: { record: DecisionRecordView; labels: CaseLabels }) {
  const { session } = useSession();
  const catalog = catalogOf(record.ruleSetKind);
  // The municipality's own CBS code reads as its name ("Gemeente Amsterdam (GM0363)").
  const words = (value: unknown, text: string) =>
    value === session.tenant && session.tenantName !== session.tenant ? `${session.tenantName} (${text})` : text;
  const entries = Object.entries(record.facts ?? {});
  if (entries.length === 0) return null;
  return (
    <dl className="monitor-facts monitor-facts--small" data-testid="decision-facts">
      {entries.map(([name, value]) => {
        const fact =
          catalog && Object.prototype.hasOwnProperty.call(catalog.facts, name) ? catalog.facts[name] : undefined;
        return (
          <Fragment key={name}>
            <dt>{labels.fact(record.ruleSetKind, name)}</dt>
            <dd>{words(value, formatValue(value, fact, labels.lang))}</dd>
          </Fragment>
        );
      })}
    </dl>
  );
}

/** Rule set, facts used and reasons of one decision record. */
export function DecisionGrounds({
  record,
  labels,
  headingLevel = 3,
}: {
  record: DecisionRecordView;
  labels: CaseLabels;
  headingLevel?: 3 | 4;
}) {
  const { t } = useMonitorT();
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <>
      <RuleSetLine record={record} />
      {Object.keys(record.facts ?? {}).length > 0 && (
        <>
          <H className={`utrecht-heading-${headingLevel}`}>{t('decision.facts')}</H>
          <FactsUsed record={record} labels={labels} />
        </>
      )}
      <H className={`utrecht-heading-${headingLevel}`}>{t('decision.reasons')}</H>
      <ExplanationView explanation={record.explanation} lang={labels.lang} empty={t('decision.noReasons')} />
    </>
  );
}
