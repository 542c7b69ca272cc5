import { useTranslation } from 'react-i18next';
import type { DefinitionError } from '../../../../workflows/dsl/validate-definition';

/** The definition's errors, each with the step it concerns and a button that selects it. */
export function DefinitionIssueList({
  errors,
  lang,
  onGo,
}: {
  errors: readonly DefinitionError[];
  lang: 'nl' | 'en';
  onGo: (nodeId: string) => void;
}) {
  const { t } = useTranslation();
  if (errors.length === 0)
    return (
      <p className="issues-ok" role="status">
        {t('editor.valid')}
      </p>
    );
  return (
    <div className="issues" role="status">
      <p className="issues__summary">{t('designer.errors', { count: errors.length })}</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i} className="issue issue--error">
            <span>{e.message[lang] ?? e.message.nl}</span> <code>{e.code}</code>{' '}
            {e.nodeId && (
              <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => onGo(e.nodeId!)}>
                {t('designer.showStep', { step: e.nodeId })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
