import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessDefinition } from '../../../../workflows/dsl/schema';
import type { DefinitionError } from '../../../../workflows/dsl/validate-definition';
import { lineOf, prettyJson } from '../../rulesets/editor/pretty-json';

/** The definition as JSON for experts: edits apply as soon as they parse; error lines are marked. It is exactly what is saved. */
export function DefinitionJsonView({ doc, errors, readOnly, onChange }: { doc: ProcessDefinition; errors: readonly DefinitionError[]; readOnly: boolean; onChange(doc: ProcessDefinition): void }) {
  const { t } = useTranslation();
  const pretty = useMemo(() => prettyJson(doc), [doc]);
  const [draft, setDraft] = useState<string>();
  const [parseError, setParseError] = useState<string>();
  const text = draft ?? pretty.text;
  const lineCount = text.split('\n').length;
  const errorLines = useMemo(() => {
    const m = new Map<number, string[]>();
    if (draft === undefined) for (const e of errors) {
      const l = lineOf(pretty.lines, e.path);
      m.set(l, [...(m.get(l) ?? []), e.message.nl]);
    }
    return m;
  }, [errors, pretty, draft]);
  return (
    <div className="json-view">
      <label htmlFor="pd-json-text" className="utrecht-form-label">{t('json.title')}</label>
      <p className="utrecht-form-field-description" id="pd-json-help">{t('json.help')}</p>
      {parseError && <p role="alert" className="error">{t('json.parseError', { message: parseError })}</p>}
      <div className="json-view__editor">
        <div className="json-view__gutter" aria-hidden="true">
          {Array.from({ length: lineCount }, (_, i) => (
            <div key={i} className={errorLines.has(i + 1) ? 'has-error' : undefined} title={errorLines.get(i + 1)?.join('\n')}>{errorLines.has(i + 1) ? '● ' : ''}{i + 1}</div>
          ))}
        </div>
        <textarea id="pd-json-text" aria-describedby="pd-json-help" spellCheck={false} wrap="off" readOnly={readOnly} className="utrecht-textarea code" rows={Math.min(lineCount, 40)} value={text}
          onBlur={() => { if (!parseError) setDraft(undefined); }}
          onChange={(e) => {
            setDraft(e.target.value);
            try {
              const parsed = JSON.parse(e.target.value) as ProcessDefinition;
              setParseError(undefined);
              onChange(parsed);
            } catch (err) {
              setParseError((err as Error).message);
            }
          }} />
      </div>
    </div>
  );
}
