import type { ProcessDefinition } from '../../../workflows/dsl/schema';
import type { HistoryEntryView } from '../api/cases';
import type { CaseLabels } from './case-labels';

type Words = { nl: string; en: string };

/**
 * A value a set-variables task sets, in words: yes/no, "volgens de norm" for a value read from the
 * definition's parameters (`{ "param": … }`), "niet ingevuld" for null — never `[object Object]`.
 */
const valueWords = (v: unknown, lang: 'nl' | 'en'): string => {
  const nl = lang === 'nl';
  if (typeof v === 'boolean') return v ? (nl ? 'ja' : 'yes') : nl ? 'nee' : 'no';
  if (v === null || v === undefined) return nl ? 'niet ingevuld' : 'not filled in';
  if (typeof v === 'object') return 'param' in v ? (nl ? 'volgens de norm' : 'from the norm') : JSON.stringify(v);
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? '');
};

/**
 * One history entry in words, built from the entry's parts and the definition's labels — the
 * engine's `detail` holds ids ("variabelen gezet: priority", "onvolledig: dateOfBirth") and is
 * only shown where it already is text for people (deadline labels).
 */
export function describeEntry(
  entry: HistoryEntryView,
  labels: CaseLabels,
  definition: ProcessDefinition | null,
): string {
  const { lang } = labels;
  const w = (words: Words) => words[lang];
  const step = labels.step(entry.nodeId);
  const node = entry.nodeId ? definition?.nodes.find((n) => n.id === entry.nodeId) : undefined;
  const decisionKind = node?.kind === 'decision' ? node.ruleSetKind : undefined;
  const detail = entry.detail ?? '';
  const plainDetail = detail ? ` (${detail})` : '';
  switch (entry.type) {
    case 'case-started':
      return w({ nl: 'Zaak gestart', en: 'Case started' });
    case 'step-entered':
      return w({ nl: `Stap “${step}” begonnen`, en: `Step “${step}” entered` });
    case 'event-accepted': {
      if (entry.event === 'gegevens-aanvullen') {
        const facts = detail
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean)
          .map((f) => labels.fact(decisionKind, f).toLowerCase())
          .join(', ');
        return w({
          nl: `Gegevens aangevuld bij “${step}”${facts ? `: ${facts}` : ''}`,
          en: `Facts supplied at “${step}”${facts ? `: ${facts}` : ''}`,
        });
      }
      const event = labels.event(entry.nodeId, entry.event ?? '');
      return w({ nl: `Gebeurtenis “${event}” verwerkt`, en: `Event “${event}” accepted` });
    }
    case 'event-rejected': {
      const event = labels.event(entry.nodeId, entry.event ?? '');
      return w({ nl: `Gebeurtenis “${event}” geweigerd`, en: `Event “${event}” rejected` });
    }
    case 'reminder':
      return w({ nl: `Herinnering bij “${step}”${plainDetail}`, en: `Reminder at “${step}”${plainDetail}` });
    case 'timeout':
      return w({ nl: `Termijn van “${step}” verstreken${plainDetail}`, en: `Term of “${step}” passed${plainDetail}` });
    case 'task': {
      if (node?.kind === 'decision' && detail === 'besluit opgesteld')
        return w({ nl: `Besluit (PDF) opgesteld bij “${step}”`, en: `Besluit (PDF) drawn up at “${step}”` });
      if (node?.kind === 'task' && node.action === 'set-variables') {
        const set = Object.entries(node.params ?? {})
          .map(([k, v]) => `${labels.variable(k)}: ${valueWords(v, lang)}`)
          .join(', ');
        return w({
          nl: `Taak “${step}” uitgevoerd${set ? ` (${set})` : ''}`,
          en: `Task “${step}” done${set ? ` (${set})` : ''}`,
        });
      }
      if (node?.kind === 'task' && node.action === 'notify')
        return w({
          nl: `Taak “${step}” uitgevoerd (melding verstuurd)`,
          en: `Task “${step}” done (notification sent)`,
        });
      if (node?.kind === 'task' && node.action === 'count-placement') {
        const counted = !detail.startsWith('telt niet');
        return w({
          nl: `Taak “${step}” uitgevoerd (${counted ? 'geteld voor de taakstelling' : 'telt niet mee voor de taakstelling'})`,
          en: `Task “${step}” done (${counted ? 'counted for the taakstelling' : 'does not count for the taakstelling'})`,
        });
      }
      return w({ nl: `Taak “${step}” uitgevoerd`, en: `Task “${step}” done` });
    }
    case 'decision': {
      if (detail.startsWith('onvolledig')) {
        const missing = detail
          .replace(/^onvolledig:?\s*/, '')
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean)
          .map((f) => labels.fact(decisionKind, f).toLowerCase())
          .join(', ');
        return w({
          nl: `Onvolledig bij “${step}”: gegevens ontbreken${missing ? ` (${missing})` : ''}`,
          en: `Incomplete at “${step}”: facts missing${missing ? ` (${missing})` : ''}`,
        });
      }
      const outcome = labels.branch(entry.nodeId ?? '', entry.event ?? null);
      // Before the proposal's prefix: a confirmation's detail also starts with "voorstel ".
      if (detail === 'voorstel bevestigd')
        return w({
          nl: `Besluit genomen bij “${step}”: ${outcome} (voorstel bevestigd)`,
          en: `Decided at “${step}”: ${outcome} (proposal confirmed)`,
        });
      if (detail.startsWith('voorstel '))
        return w({ nl: `Voorstel bij “${step}”: ${outcome}`, en: `Proposal at “${step}”: ${outcome}` });
      if (detail === 'afgeweken van het voorstel')
        return w({
          nl: `Besluit genomen bij “${step}”: ${outcome} (afgeweken van het voorstel)`,
          en: `Decided at “${step}”: ${outcome} (deviating from the proposal)`,
        });
      return w({ nl: `Besluit bij “${step}”: ${outcome}`, en: `Decision at “${step}”: ${outcome}` });
    }
    case 'subprocess-started':
      return w({ nl: `Deelproces gestart bij “${step}”`, en: `Subprocess started at “${step}”` });
    case 'subprocess-ended': {
      const failed = detail.endsWith(': mislukt');
      const outcome = entry.event ? labels.outcome(entry.event, entry.nodeId) : '';
      if (failed) return w({ nl: `Deelproces bij “${step}” mislukt`, en: `Subprocess at “${step}” failed` });
      return w({
        nl: `Deelproces bij “${step}” beëindigd${outcome ? `: ${outcome}` : ''}`,
        en: `Subprocess at “${step}” ended${outcome ? `: ${outcome}` : ''}`,
      });
    }
    case 'deadline-met':
      return w({ nl: `Termijn gehaald${plainDetail}`, en: `Deadline met${plainDetail}` });
    case 'deadline-missed':
      return w({ nl: `Termijn niet gehaald${plainDetail}`, en: `Deadline missed${plainDetail}` });
    case 'continued-as-new':
      return w({ nl: 'Zaak voortgezet in een nieuwe run', en: 'Case continued in a new run' });
    case 'cancelled':
      return w({ nl: `Zaak geannuleerd${plainDetail}`, en: `Case cancelled${plainDetail}` });
    case 'completed': {
      const outcome = detail ? labels.outcome(detail) : '';
      return w({
        nl: `Zaak afgerond${outcome ? `: ${outcome}` : ''}`,
        en: `Case completed${outcome ? `: ${outcome}` : ''}`,
      });
    }
    default:
      return entry.type;
  }
}
