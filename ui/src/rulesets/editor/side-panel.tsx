import { useTranslation } from 'react-i18next';
import { ConditionForm } from './condition-form';
import type { EditorApi } from './editor-api';
import { RuleForm } from './rule-form';
import { RuleSetForm } from './ruleset-form';

/** The form for what is selected on the graph, chosen by its pointer. */
export function SidePanel({ api, path }: { api: EditorApi; path: string | undefined }) {
  const { t } = useTranslation();
  let body;
  if (path === undefined) body = <p className="utrecht-paragraph">{t('panel.nothing')}</p>;
  else if (path === '') body = <RuleSetForm api={api} />;
  else if (/^\/rules\/\d+$/.test(path)) body = <RuleForm key={path} api={api} path={path} />;
  else if (/^\/rules\/\d+\/conditions/.test(path)) body = <ConditionForm key={path} api={api} path={path} />;
  else body = <RuleSetForm api={api} />;
  return (
    <aside className="side-panel" aria-labelledby="panel-title" tabIndex={0}>
      <h2 id="panel-title" className="utrecht-heading-2">
        {t('panel.title')}
      </h2>
      {body}
    </aside>
  );
}
