import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../../rules';
import { FormField } from '../../shell/form-field';
import { getAt, setAt, type Json } from '../model/json-pointer';
import type { EditorApi } from './editor-api';
import { ItemActions } from './item-actions';
import { TextInput } from './text-input';

const uniqueName = (rule: Rule, names: Set<string>) => {
  let n = 2;
  while (names.has(`${rule.name}-${n}`)) n++;
  return `${rule.name}-${n}`;
};

/** Title, description, legal basis, on/off, priority and outcome of one rule. */
export function RuleForm({ api, path }: { api: EditorApi; path: string }) {
  const { t } = useTranslation();
  const rule = getAt(api.doc, path) as Rule | undefined;
  const [paramsText, setParamsText] = useState<string>();
  if (!rule) return null;
  const set = (patch: Partial<Rule>, key?: string) => api.change(setAt(api.doc, path, { ...rule, ...patch }), key);
  const names = new Set(api.doc.rules.map((r) => r.name));
  const shownParams = paramsText ?? JSON.stringify(rule.event.params ?? {}, null, 2);
  let paramsError: string | undefined;
  try {
    JSON.parse(shownParams);
  } catch {
    paramsError = t('panel.invalidJson');
  }
  return (
    <div className="stack">
      <h3 className="utrecht-heading-3">
        {t('node.rule')}: {rule.title}
      </h3>
      <label className="checkbox-label toggle-row">
        <input
          type="checkbox"
          role="switch"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          disabled={api.readOnly}
          checked={rule.enabled !== false}
          onChange={(e) => set({ enabled: e.target.checked })}
        />
        {t('panel.enabled')}
      </label>
      <TextInput
        label={t('panel.ruleTitle')}
        value={rule.title}
        disabled={api.readOnly}
        onChange={(v) => set({ title: v }, `${path}/title`)}
      />
      <TextInput
        label={t('panel.description')}
        value={rule.description}
        multiline
        disabled={api.readOnly}
        onChange={(v) => set({ description: v }, `${path}/description`)}
      />
      <TextInput
        label={t('panel.legalBasis')}
        help={t('panel.legalBasisHelp')}
        value={rule.legalBasis}
        disabled={api.readOnly}
        onChange={(v) => set({ legalBasis: v }, `${path}/legalBasis`)}
      />
      <FormField label={t('panel.priority')} help={t('panel.priorityHelp')}>
        {({ id, describedBy }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            type="number"
            min={1}
            step={1}
            className="utrecht-textbox utrecht-textbox--html-input"
            disabled={api.readOnly}
            value={rule.priority ?? 1}
            onChange={(e) => set({ priority: Number(e.target.value) || 1 }, `${path}/priority`)}
          />
        )}
      </FormField>
      <TextInput
        label={t('panel.name')}
        value={rule.name}
        disabled={api.readOnly}
        onChange={(v) => set({ name: v }, `${path}/name`)}
      />
      <TextInput
        label={t('panel.eventType')}
        value={rule.event.type}
        disabled={api.readOnly}
        onChange={(v) => set({ event: { ...rule.event, type: v } }, `${path}/event/type`)}
      />
      <FormField label={t('panel.eventParams')} error={paramsError}>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            rows={4}
            className="utrecht-textarea utrecht-textarea--html-textarea code"
            disabled={api.readOnly}
            value={shownParams}
            onChange={(e) => {
              setParamsText(e.target.value);
              try {
                set(
                  { event: { ...rule.event, params: JSON.parse(e.target.value) as Record<string, unknown> } },
                  `${path}/event/params`,
                );
              } catch {
                // keep the text; the error shows until it parses
              }
            }}
          />
        )}
      </FormField>
      <ItemActions
        api={api}
        path={path}
        rename={(copy: Json) => ({ ...(copy as Rule), name: uniqueName(copy as Rule, names) })}
      />
    </div>
  );
}
