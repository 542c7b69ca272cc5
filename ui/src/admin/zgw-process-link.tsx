import type { ZgwProcessLink } from '../../../contract/zgw';
import type { ProcessInfo } from '../api/monitor';
import type { ZgwWords } from '../i18n/admin-zgw';
import { FormField } from '../shell/form-field';

export type LinkWords = ZgwWords;

type UrlKey =
  'zaaktype' | 'besluittype' | 'informatieobjecttype' | 'resultaattype' | 'eindstatustype' | 'cancelledResultaattype';
type Option = { value: string; label: string };

function Select(props: {
  label: string;
  value: string;
  options: Option[];
  choose: string;
  onChange: (v: string) => void;
}) {
  // Without the process catalogue (the monitor's; not every deployment of this screen has it) the id is typed.
  if (props.options.length === 0) return <Text label={props.label} value={props.value} onChange={props.onChange} />;
  return (
    <FormField label={props.label}>
      {({ id, describedBy }) => (
        <select
          id={id}
          aria-describedby={describedBy}
          className="utrecht-select utrecht-select--html-select"
          required
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        >
          <option value="">{props.choose}</option>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {props.value && !props.options.some((o) => o.value === props.value) && (
            <option value={props.value}>{props.value}</option>
          )}
        </select>
      )}
    </FormField>
  );
}

function Text(props: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <FormField label={props.label}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type="text"
          aria-describedby={describedBy}
          className="utrecht-textbox utrecht-textbox--html-input"
          required
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}

function Url(props: {
  label: string;
  value: string;
  required?: boolean;
  help?: string;
  onChange: (v: string) => void;
}) {
  return (
    <FormField label={props.label} help={props.help}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type="url"
          aria-describedby={describedBy}
          className="utrecht-textbox utrecht-textbox--html-input"
          required={props.required ?? false}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}

/**
 * One process linked to a zaaktype: the process, its steps, decision steps and outcomes chosen by
 * their labels (from the published definitions), each with the catalogus URL it is written as.
 */
export function ZgwProcessLinkEditor(props: {
  index: number;
  link: ZgwProcessLink;
  processes: ProcessInfo[];
  words: LinkWords;
  lang: 'nl' | 'en';
  onChange: (link: ZgwProcessLink) => void;
  onRemove: () => void;
}) {
  const { link, words: w, lang, onChange } = props;
  const process = props.processes.find((p) => p.processId === link.processId);
  const steps = (process?.steps ?? []).map((s) => ({ value: s.id, label: s.label[lang] }));
  const decisions = (process?.steps ?? [])
    .filter((s) => s.kind === 'decision')
    .map((s) => ({ value: s.id, label: s.label[lang] }));
  const outcomes = (process?.outcomes ?? []).map((o) => ({ value: o.id, label: o.label[lang] }));
  const besluittypen = link.besluittypen ?? [];
  const resultaattypen = link.resultaattypen ?? [];
  const n = props.index + 1;
  return (
    <div className="role-map-line stack">
      <Select
        label={`${w.process} ${n}`}
        value={link.processId}
        choose={w.choose}
        options={props.processes.map((p) => ({ value: p.processId, label: p.title[lang] }))}
        onChange={(v) => onChange({ ...link, processId: v })}
      />
      {(
        [
          'zaaktype',
          'besluittype',
          'informatieobjecttype',
          'resultaattype',
          'eindstatustype',
          'cancelledResultaattype',
        ] as UrlKey[]
      ).map((k) => (
        <Url
          key={k}
          label={w[k]}
          value={link[k] ?? ''}
          required={k === 'zaaktype'}
          help={k === 'cancelledResultaattype' ? w.cancelledHelp : undefined}
          onChange={(v) => onChange({ ...link, [k]: v })}
        />
      ))}
      {link.statustypen.map((s, j) => (
        <div key={`s${j}`} className="stack">
          <Select
            label={`${w.step} ${j + 1}`}
            value={s.step}
            choose={w.choose}
            options={steps}
            onChange={(v) =>
              onChange({ ...link, statustypen: link.statustypen.map((x, m) => (m === j ? { ...x, step: v } : x)) })
            }
          />
          <Url
            label={`${w.statustype} ${j + 1}`}
            value={s.statustype}
            required
            onChange={(v) =>
              onChange({
                ...link,
                statustypen: link.statustypen.map((x, m) => (m === j ? { ...x, statustype: v } : x)),
              })
            }
          />
        </div>
      ))}
      {besluittypen.map((b, j) => (
        <div key={`b${j}`} className="stack">
          <Select
            label={`${w.decision} ${j + 1}`}
            value={b.decision}
            choose={w.choose}
            options={decisions}
            onChange={(v) =>
              onChange({ ...link, besluittypen: besluittypen.map((x, m) => (m === j ? { ...x, decision: v } : x)) })
            }
          />
          <Url
            label={`${w.besluittype} ${j + 1}`}
            value={b.besluittype}
            required
            onChange={(v) =>
              onChange({ ...link, besluittypen: besluittypen.map((x, m) => (m === j ? { ...x, besluittype: v } : x)) })
            }
          />
        </div>
      ))}
      {resultaattypen.map((r, j) => (
        <div key={`r${j}`} className="stack">
          <Select
            label={`${w.outcome} ${j + 1}`}
            value={r.outcome}
            choose={w.choose}
            options={outcomes}
            onChange={(v) =>
              onChange({ ...link, resultaattypen: resultaattypen.map((x, m) => (m === j ? { ...x, outcome: v } : x)) })
            }
          />
          <Url
            label={`${w.resultaattype} ${j + 1}`}
            value={r.resultaattype}
            required
            onChange={(v) =>
              onChange({
                ...link,
                resultaattypen: resultaattypen.map((x, m) => (m === j ? { ...x, resultaattype: v } : x)),
              })
            }
          />
        </div>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => onChange({ ...link, statustypen: [...link.statustypen, { step: '', statustype: '' }] })}
        >
          {w.addStatus}
        </button>
        {(decisions.length > 0 || !process) && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => onChange({ ...link, besluittypen: [...besluittypen, { decision: '', besluittype: '' }] })}
          >
            {w.addBesluit}
          </button>
        )}
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => onChange({ ...link, resultaattypen: [...resultaattypen, { outcome: '', resultaattype: '' }] })}
        >
          {w.addResultaat}
        </button>
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={props.onRemove}>
          {w.remove}
        </button>
      </div>
    </div>
  );
}
