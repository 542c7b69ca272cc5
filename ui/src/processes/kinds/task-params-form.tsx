import { useTranslation } from 'react-i18next';
import { paramFields } from '../../../../workflows/dsl/action-params';
import { isParamRef } from '../../../../workflows/dsl/references';
import type { TaskNode } from '../../../../workflows/dsl/schema';
import { JsonField, SelectField, TextField } from '../editor/fields';
import { word } from './declaration-words';

interface Props {
  node: TaskNode;
  lang: 'nl' | 'en';
  readOnly: boolean;
  onChange: (params: Record<string, unknown>, undoKey?: string) => void;
}

/**
 * A task's settings, drawn from its action's params schema in the action registry
 * (workflows/dsl/action-params.ts): one field per setting the action knows. A setting taken from
 * the parameters (`{ "param": … }`) is edited as its path. The JSON below shows everything,
 * including a setting the action does not know (which the validator refuses).
 */
export function TaskParamsForm({ node, lang, readOnly, onChange }: Props) {
  const { t } = useTranslation();
  const params = node.params ?? {};
  const fields = paramFields(node.action);
  const set = (name: string, value: unknown) => {
    const { [name]: _old, ...rest } = params;
    onChange(value === undefined ? rest : { ...rest, [name]: value }, `${node.id}:params:${name}`);
  };
  return (
    <fieldset className="pd-fieldset">
      <legend>{word('settings', lang)}</legend>
      {fields.map((f) => {
        const value = params[f.name];
        const label = `${f.label[lang]}${f.required ? ' *' : ''}`;
        if (isParamRef(value)) {
          return (
            <TextField
              key={f.name}
              label={`${label} — ${word('fromParameter', lang)}`}
              value={value.param}
              disabled={readOnly}
              onChange={(param) => set(f.name, { param })}
            />
          );
        }
        if (f.field === 'boolean') {
          return (
            <SelectField
              key={f.name}
              label={label}
              value={typeof value === 'boolean' ? String(value) : ''}
              disabled={readOnly}
              options={[
                { value: '', label: word('unset', lang) },
                { value: 'true', label: word('yes', lang) },
                { value: 'false', label: word('no', lang) },
              ]}
              onChange={(v) => set(f.name, v === '' ? undefined : v === 'true')}
            />
          );
        }
        if (f.field === 'text') {
          return (
            <TextField
              key={f.name}
              label={label}
              value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
              disabled={readOnly}
              onChange={(v) => set(f.name, v === '' ? undefined : v)}
            />
          );
        }
        return null;
      })}
      <details open={fields.length === 0}>
        <summary>JSON</summary>
        <JsonField
          key={`${node.id}-params`}
          label={t('designer.params')}
          help={t('designer.paramsHelp')}
          value={params}
          disabled={readOnly}
          onChange={(p) => onChange(p, `${node.id}:params`)}
        />
      </details>
    </fieldset>
  );
}
