import { useTranslation } from 'react-i18next';
import { isDuration } from '../../../../workflows/dsl/duration';
import { isParamRef, resolveDurationValue } from '../../../../workflows/dsl/references';
import type { RelativeTime } from '../../../../workflows/dsl/schema';
import type { PanelContext } from '../kinds/node-spec';
import { dateInWords, relativeTimeInWords, singleUnit } from '../model/duration-words';
import { SelectField, TextField } from './fields';

const UNITS = ['M', 'W', 'D', 'Y'] as const;

/**
 * A moment relative to a case date: amount and unit (or an ISO-8601 duration when it mixes
 * units), before or after, and the date. A term given by parameter is edited in the parameter,
 * so every step using it follows. The moment is repeated in words below the fields.
 */
export function DurationField({
  legend,
  at,
  ctx,
  onChange,
  undoKey,
}: {
  legend: string;
  at: RelativeTime;
  ctx: PanelContext;
  onChange: (at: RelativeTime, undoKey?: string) => void;
  undoKey: string;
}) {
  const { t } = useTranslation();
  const direction: 'after' | 'before' = at.before !== undefined && at.after === undefined ? 'before' : 'after';
  const value = at[direction];
  const param = isParamRef(value) ? value.param : undefined;
  const iso =
    value === undefined
      ? 'P0D'
      : (resolveDurationValue(value, { parameters: ctx.def.parameters ?? {}, variables: {} }) ?? '');
  const single = singleUnit(iso);
  const words = relativeTimeInWords(at, ctx.lang, ctx.def.parameters ?? {});
  const disabled = ctx.readOnly;

  const setIso = (next: string) => {
    if (param) ctx.setParameter(param, next, `${undoKey}:param`);
    else onChange({ from: at.from, [direction]: next }, `${undoKey}:duration`);
  };
  const dates = [...new Set([...ctx.dates, at.from])];

  return (
    <fieldset className="pd-fieldset pd-duration">
      <legend>{legend}</legend>
      <div className="pd-grid2">
        {single ? (
          <>
            <TextField
              label={t('designer.amount')}
              value={String(single.amount)}
              disabled={disabled}
              onChange={(v) => {
                const n = Number(v.replace(',', '.'));
                if (Number.isInteger(n) && n >= 0) setIso(`P${n}${single.unit}`);
              }}
            />
            <SelectField
              label={t('designer.unit')}
              value={single.unit}
              disabled={disabled}
              options={UNITS.map((u) => ({ value: u, label: t(`designer.units.${u}`) }))}
              onChange={(u) => setIso(`P${single.amount}${u}`)}
            />
          </>
        ) : (
          <TextField
            label={t('designer.isoDuration')}
            help={t('designer.isoHelp')}
            value={iso}
            disabled={disabled}
            error={isDuration(iso) ? undefined : t('designer.isoInvalid')}
            onChange={(v) => {
              if (isDuration(v)) setIso(v);
            }}
          />
        )}
        <SelectField
          label={t('designer.direction')}
          value={direction}
          disabled={disabled}
          options={[
            { value: 'after', label: t('designer.after') },
            { value: 'before', label: t('designer.before') },
          ]}
          onChange={(d) => onChange({ from: at.from, [d]: value ?? 'P0D' }, `${undoKey}:direction`)}
        />
        <SelectField
          label={t('designer.fromDate')}
          value={at.from}
          disabled={disabled}
          options={dates.map((d) => ({ value: d, label: dateInWords(d, ctx.lang) }))}
          onChange={(from) => onChange({ ...at, from }, `${undoKey}:from`)}
        />
      </div>
      <p className="pd-words" data-testid="duration-words">
        {words}
      </p>
      {param && <p className="utrecht-form-field-description">{t('designer.viaParameter', { name: param })}</p>}
    </fieldset>
  );
}
