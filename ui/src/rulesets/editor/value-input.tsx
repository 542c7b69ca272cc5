import { useTranslation } from 'react-i18next';
import {
  UNITS,
  type FactDefinition,
  type JsonValue,
  type Language,
  type UnitCode,
  type ValueShape,
} from '../../../../rules';

interface Props {
  id: string;
  fact: FactDefinition | undefined;
  shape: ValueShape;
  value: JsonValue;
  lang: Language;
  describedBy?: string;
  onChange: (value: JsonValue) => void;
  disabled?: boolean;
}

function unitOf(
  fact: FactDefinition | undefined,
): { suffix: { nl: string; en: string }; currency?: boolean } | undefined {
  return fact?.unit !== undefined && Object.prototype.hasOwnProperty.call(UNITS, fact.unit)
    ? UNITS[fact.unit as UnitCode]
    : undefined;
}

const toNumber = (raw: string): JsonValue => (raw.trim() === '' ? 0 : Number(raw.replace(',', '.')));

/** The input a value needs, from the fact's type and the operator's shape: number with unit, date, yes/no, a choice, a list. */
export function ValueInput({ id, fact, shape, value, lang, describedBy, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const type = fact?.type ?? 'string';
  const unit = unitOf(fact);
  const common = { id, 'aria-describedby': describedBy, disabled };

  if (shape === 'number' || shape === 'days') {
    return (
      <span className="value-with-unit">
        <input
          {...common}
          type="number"
          min={0}
          step={1}
          className="utrecht-textbox utrecht-textbox--html-input"
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => onChange(toNumber(e.target.value))}
        />
        {shape === 'days' && <span>{t('panel.days')}</span>}
      </span>
    );
  }
  if (shape === 'list' || (shape === 'element' && !fact?.options)) {
    const list = Array.isArray(value) ? value : [];
    if (fact?.options) {
      return (
        <fieldset {...common} className="utrecht-form-fieldset choice-list">
          <legend className="visually-hidden">{t('panel.listHelp')}</legend>
          {fact.options.map((o) => (
            <label key={o.value} className="checkbox-label">
              <input
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input"
                disabled={disabled}
                checked={list.includes(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...list, o.value] : list.filter((v) => v !== o.value))}
              />{' '}
              {o.label[lang]}
            </label>
          ))}
        </fieldset>
      );
    }
    const numeric = type === 'number' || type === 'integer';
    return (
      <input
        {...common}
        className="utrecht-textbox utrecht-textbox--html-input"
        value={list.map((x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x))).join('; ')}
        onChange={(e) =>
          onChange(
            e.target.value
              .split(';')
              .map((s) => s.trim())
              .filter(Boolean)
              .map((s) => (numeric ? toNumber(s) : s)),
          )
        }
      />
    );
  }
  if (fact?.options) {
    return (
      <select
        {...common}
        className="utrecht-select utrecht-select--html-select"
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      >
        {fact.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label[lang]}
          </option>
        ))}
      </select>
    );
  }
  switch (type) {
    case 'boolean':
      return (
        <select
          {...common}
          className="utrecht-select utrecht-select--html-select"
          value={value === true ? 'true' : 'false'}
          onChange={(e) => onChange(e.target.value === 'true')}
        >
          <option value="true">{t('app.yes')}</option>
          <option value="false">{t('app.no')}</option>
        </select>
      );
    case 'number':
    case 'integer':
      return (
        <span className="value-with-unit">
          <input
            {...common}
            type="number"
            step={type === 'integer' ? 1 : 'any'}
            min={fact?.minimum}
            max={fact?.maximum}
            className="utrecht-textbox utrecht-textbox--html-input"
            value={typeof value === 'number' ? value : ''}
            onChange={(e) => onChange(toNumber(e.target.value))}
          />
          {unit && <span>{('currency' in unit && unit.currency ? '€ ' : '') + unit.suffix[lang]}</span>}
        </span>
      );
    case 'date':
      return (
        <input
          {...common}
          type="date"
          className="utrecht-textbox utrecht-textbox--html-input"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    default:
      return (
        <input
          {...common}
          className="utrecht-textbox utrecht-textbox--html-input"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}

/** A sensible first value when a designer picks another fact or operator. */
export function defaultValue(fact: FactDefinition | undefined, shape: ValueShape): JsonValue {
  if (shape === 'number' || shape === 'days') return 0;
  if (shape === 'list') return fact?.options?.[0] ? [fact.options[0].value] : [];
  if (fact?.options?.[0]) return fact.options[0].value;
  switch (fact?.type) {
    case 'boolean':
      return true;
    case 'number':
    case 'integer':
      return fact.minimum ?? 0;
    case 'date':
      return '2026-01-01';
    default:
      return '';
  }
}
