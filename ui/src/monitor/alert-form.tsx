import { useState, type FormEvent } from 'react';
import { FormField } from '../shell/form-field';
import { WEEKDAYS, type AlertConfig, type AlertConfigInput, type Weekday } from '../api/alerts';
import { useMonitorT } from './use-monitor-t';

export type AlertField = 'enabled' | 'daysAhead' | 'time' | 'days' | 'channel' | 'url' | 'to' | 'reason';
export type FieldErrors = Partial<Record<AlertField, string>>;

/** The form field an API error's path names (`/body/schedule/hour` → time); undefined: show it above the form. */
export function fieldOfPath(path: string | undefined): AlertField | undefined {
  const parts = (path ?? '').split('/').filter(Boolean);
  if (parts[0] !== 'body') return undefined;
  if (parts[1] === 'schedule') return parts[2] === 'daysOfWeek' ? 'days' : 'time';
  if (parts[1] === 'delivery') return parts[2] === 'to' ? 'to' : parts[2] === 'url' ? 'url' : 'channel';
  const top = parts[1] as AlertField | undefined;
  return top && ['enabled', 'daysAhead', 'reason'].includes(top) ? top : undefined;
}

interface FormState {
  enabled: boolean;
  daysAhead: string;
  time: string;
  days: Weekday[];
  channel: 'webhook' | 'email';
  url: string;
  to: string;
  reason: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
function fromConfig(c: AlertConfig | null): FormState {
  return {
    enabled: c?.enabled ?? true,
    daysAhead: String(c?.daysAhead ?? 7),
    time: c ? `${pad(c.schedule.hour)}:${pad(c.schedule.minute)}` : '07:00',
    days: c?.schedule.daysOfWeek ?? ['MONDAY'],
    channel: c?.delivery.channel ?? 'webhook',
    url: c?.delivery.channel === 'webhook' ? c.delivery.url : '',
    to: c?.delivery.channel === 'email' ? c.delivery.to : '',
    reason: '',
  };
}
function toInput(f: FormState): AlertConfigInput {
  const [hour, minute] = f.time.split(':').map(Number);
  return {
    enabled: f.enabled,
    daysAhead: Number(f.daysAhead),
    schedule: { hour: hour ?? 0, minute: minute ?? 0, daysOfWeek: f.days },
    delivery:
      f.channel === 'webhook' ? { channel: 'webhook', url: f.url.trim() } : { channel: 'email', to: f.to.trim() },
    ...(f.reason.trim() ? { reason: f.reason.trim() } : {}),
  };
}

/** The deadline digest's settings; the page saves them and hands back the API's errors per field. */
export function AlertForm({
  config,
  errors,
  onSave,
}: {
  config: AlertConfig | null;
  errors: FieldErrors;
  onSave: (input: AlertConfigInput) => void;
}) {
  const { t } = useMonitorT();
  const [form, setForm] = useState(() => fromConfig(config));
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(toInput(form));
  };
  const errorOf = (key: AlertField) =>
    errors[key] && (
      <div className="utrecht-form-field-error-message" id={`alert-${key}-error`}>
        {errors[key]}
      </div>
    );
  const described = (key: AlertField) =>
    errors[key] ? { 'aria-describedby': `alert-${key}-error`, 'aria-invalid': true } : {};

  return (
    <form className="stack monitor-card" onSubmit={submit} noValidate aria-labelledby="alert-settings">
      <h2 id="alert-settings" className="utrecht-heading-2">
        {t('alerts.settings')}
      </h2>
      <div className="monitor-check">
        <label className="utrecht-form-label utrecht-form-label--checkbox monitor-check-label">
          <input
            type="checkbox"
            role="switch"
            className="utrecht-checkbox utrecht-checkbox--html-input"
            checked={form.enabled}
            onChange={(e) => set('enabled', e.target.checked)}
            {...described('enabled')}
          />{' '}
          {t('alerts.enabled')}
        </label>
        {errorOf('enabled')}
      </div>
      <FormField label={t('alerts.daysAhead')} error={errors.daysAhead}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="number"
            min={1}
            max={365}
            required
            className="utrecht-textbox utrecht-textbox--html-input monitor-short"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={form.daysAhead}
            onChange={(e) => set('daysAhead', e.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('alerts.time')} error={errors.time}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="time"
            required
            className="utrecht-textbox utrecht-textbox--html-input monitor-short"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={form.time}
            onChange={(e) => set('time', e.target.value)}
          />
        )}
      </FormField>
      <fieldset
        className="utrecht-form-fieldset monitor-fieldset"
        aria-describedby={['alert-days-help', errors.days ? 'alert-days-error' : ''].join(' ').trim()}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-label">{t('alerts.days')}</legend>
        <div className="monitor-weekdays">
          {WEEKDAYS.map((d) => (
            <label key={d} className="utrecht-form-label utrecht-form-label--checkbox">
              <input
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={form.days.includes(d)}
                onChange={(e) =>
                  set(
                    'days',
                    e.target.checked
                      ? WEEKDAYS.filter((w) => w === d || form.days.includes(w))
                      : form.days.filter((w) => w !== d),
                  )
                }
              />{' '}
              {t(`alerts.weekdays.${d}`)}
            </label>
          ))}
        </div>
        <div className="utrecht-form-field-description" id="alert-days-help">
          {t('alerts.daysHelp')}
        </div>
        {errorOf('days')}
      </fieldset>
      <fieldset
        className="utrecht-form-fieldset monitor-fieldset"
        {...(errors.channel ? { 'aria-describedby': 'alert-channel-error' } : {})}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-label">{t('alerts.channel')}</legend>
        <div className="monitor-inline-form">
          {(['webhook', 'email'] as const).map((c) => (
            <label key={c} className="utrecht-form-label utrecht-form-label--radio">
              <input
                type="radio"
                name="alert-channel"
                className="utrecht-radio-button utrecht-radio-button--html-input"
                checked={form.channel === c}
                onChange={() => set('channel', c)}
              />{' '}
              {t(`alerts.${c}`)}
            </label>
          ))}
        </div>
        {errorOf('channel')}
      </fieldset>
      {form.channel === 'webhook' ? (
        <FormField label={t('alerts.url')} help={t('alerts.urlHelp')} error={errors.url}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="url"
              required
              className="utrecht-textbox utrecht-textbox--html-input"
              placeholder="https://"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={form.url}
              onChange={(e) => set('url', e.target.value)}
            />
          )}
        </FormField>
      ) : (
        <FormField label={t('alerts.to')} error={errors.to}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="email"
              required
              className="utrecht-textbox utrecht-textbox--html-input"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={form.to}
              onChange={(e) => set('to', e.target.value)}
            />
          )}
        </FormField>
      )}
      <FormField label={t('alerts.reason')} error={errors.reason}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            maxLength={2000}
            className="utrecht-textbox utrecht-textbox--html-input"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={form.reason}
            onChange={(e) => set('reason', e.target.value)}
          />
        )}
      </FormField>
      <div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {t('alerts.save')}
        </button>
      </div>
    </form>
  );
}
