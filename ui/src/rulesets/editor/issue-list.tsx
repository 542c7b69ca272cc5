import { useTranslation } from 'react-i18next';
import type { RulesIssue } from '../../../../rules';
import type { Lang } from '../../i18n/i18n';

/** Errors and warnings with a button that selects the part they concern. */
export function IssueList({
  errors,
  warnings,
  lang,
  onGo,
  lineOf,
}: {
  errors: RulesIssue[];
  warnings: RulesIssue[];
  lang: Lang;
  onGo?: (path: string) => void;
  lineOf?: (path: string) => number;
}) {
  const { t } = useTranslation();
  if (errors.length === 0 && warnings.length === 0)
    return (
      <p className="issues-ok" role="status">
        {t('editor.valid')}
      </p>
    );
  return (
    <div className="issues" role="status">
      <p className="issues__summary">
        {t('editor.errors', { count: errors.length })}
        {warnings.length > 0 ? ` · ${t('editor.warnings', { count: warnings.length })}` : ''}
      </p>
      <ul>
        {[...errors.map((e) => ['error', e] as const), ...warnings.map((w) => ['warning', w] as const)].map(
          ([level, issue], i) => (
            <li key={i} className={`issue issue--${level}`}>
              <span>{issue.message[lang] ?? issue.message.nl}</span> <code>{issue.path || '/'}</code>
              {lineOf ? ` (${t('json.line', { line: lineOf(issue.path) })})` : ''}{' '}
              {onGo && (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle"
                  onClick={() => onGo(issue.path)}
                >
                  {t('editor.goTo')}
                </button>
              )}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
