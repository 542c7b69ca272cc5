import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lineOf, prettyJson } from '../rulesets/editor/pretty-json';

/** A problem at a JSON pointer into the document, with its Dutch message (rule-set issues and definition errors both fit). */
export interface JsonDocumentIssue {
  path: string;
  message: { nl: string };
}

export interface JsonDocumentViewProps<T> {
  doc: T;
  issues: readonly JsonDocumentIssue[];
  readOnly: boolean;
  onChange: (doc: T) => void;
  /** Prefix of the element ids, unique per page. */
  idPrefix: string;
}

/**
 * A rule set or process definition as JSON for experts: edits apply as soon as they parse; error
 * lines are marked in the gutter. It is exactly what is saved.
 */
export function JsonDocumentView<T>({ doc, issues, readOnly, onChange, idPrefix }: JsonDocumentViewProps<T>) {
  const { t } = useTranslation();
  const pretty = useMemo(() => prettyJson(doc), [doc]);
  const [draft, setDraft] = useState<string>();
  const [parseError, setParseError] = useState<string>();
  const text = draft ?? pretty.text;
  const lineCount = text.split('\n').length;
  const errorLines = useMemo(() => {
    const m = new Map<number, string[]>();
    if (draft === undefined)
      for (const i of issues) {
        const l = lineOf(pretty.lines, i.path);
        m.set(l, [...(m.get(l) ?? []), i.message.nl]);
      }
    return m;
  }, [issues, pretty, draft]);

  return (
    <div className="json-view">
      <label htmlFor={`${idPrefix}-text`} className="utrecht-form-label">
        {t('json.title')}
      </label>
      <p className="utrecht-form-field-description" id={`${idPrefix}-help`}>
        {t('json.help')}
      </p>
      {parseError && (
        <p role="alert" className="error">
          {t('json.parseError', { message: parseError })}
        </p>
      )}
      <div className="json-view__editor">
        <div className="json-view__gutter" aria-hidden="true">
          {Array.from({ length: lineCount }, (_, i) => (
            <div
              key={i}
              className={errorLines.has(i + 1) ? 'has-error' : undefined}
              title={errorLines.get(i + 1)?.join('\n')}
            >
              {errorLines.has(i + 1) ? '● ' : ''}
              {i + 1}
            </div>
          ))}
        </div>
        <textarea
          id={`${idPrefix}-text`}
          aria-describedby={`${idPrefix}-help`}
          spellCheck={false}
          wrap="off"
          readOnly={readOnly}
          className="utrecht-textarea code"
          rows={Math.min(lineCount, 40)}
          value={text}
          onBlur={() => {
            if (!parseError) setDraft(undefined);
          }}
          onChange={(e) => {
            setDraft(e.target.value);
            try {
              const parsed = JSON.parse(e.target.value) as T;
              setParseError(undefined);
              onChange(parsed);
            } catch (err) {
              setParseError((err as Error).message);
            }
          }}
        />
      </div>
    </div>
  );
}
