import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PutZgwSettingsBody, ZgwProcessLink, ZgwSettingsResponse } from '../../../contract/zgw';
import { api } from '../api/http';
import { monitor, type ProcessInfo } from '../api/monitor';
import { FormField } from '../shell/form-field';
import { ErrorAlert, ReasonField, StatusMessage, useAction, useLoaded } from './admin-parts';
import { ZGW_SETTINGS_WORDS } from '../i18n/admin-zgw';
import { ZgwProcessLinkEditor } from './zgw-process-link';

type Form = Omit<PutZgwSettingsBody, 'clientSecret' | 'reason'>;
type UrlKey = 'zakenUrl' | 'catalogiUrl' | 'besluitenUrl' | 'documentenUrl';

const EMPTY: Form = {
  zakenUrl: '',
  catalogiUrl: '',
  besluitenUrl: '',
  documentenUrl: '',
  clientId: '',
  bronorganisatie: '',
  processLinks: [],
  enabled: false,
};

const WORDS = ZGW_SETTINGS_WORDS;

const loadSettings = () => api<ZgwSettingsResponse>('GET', '/api/v1/zgw-settings');

/** Beheer → Notificaties: the municipality's ZGW APIs, its client for the JWT, and which process writes to which zaaktype. */
export function ZgwSettingsForm() {
  const { i18n } = useTranslation();
  const lang = i18n.language?.startsWith('en') ? 'en' : 'nl';
  const w = WORDS[lang];
  const { data, error, setError, reload } = useLoaded(loadSettings);
  // The published processes with their steps and outcomes: links are chosen by label.
  const [processes, setProcesses] = useState<ProcessInfo[]>([]);
  useEffect(() => {
    monitor.processes().then(setProcesses, () => setProcesses([]));
  }, []);
  const { run, busy } = useAction(setError);
  const [form, setForm] = useState<Form>(EMPTY);
  const [secret, setSecret] = useState('');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (data?.settings) {
      const { hasClientSecret: _h, updatedAt: _a, updatedBy: _b, ...rest } = data.settings;
      setForm(rest);
    }
  }, [data]);

  const setLink = (i: number, link: ZgwProcessLink) =>
    setForm({ ...form, processLinks: form.processLinks.map((l, j) => (j === i ? link : l)) });

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    // Empty optional fields are left out: the server refuses an empty URL.
    const processLinks = form.processLinks.map((l) =>
      Object.fromEntries(Object.entries(l).filter(([, v]) => v !== '')),
    ) as ZgwProcessLink[];
    const body: PutZgwSettingsBody = {
      ...form,
      processLinks,
      ...(secret ? { clientSecret: secret } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    if (await run(() => api<ZgwSettingsResponse>('PUT', '/api/v1/zgw-settings', body))) {
      setSecret('');
      setSaved(true);
      await reload();
    }
  }

  const input = (
    label: string,
    value: string,
    onChange: (v: string) => void,
    opts: { help?: string; type?: string; required?: boolean } = {},
  ) => (
    <FormField label={label} help={opts.help}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type={opts.type ?? 'text'}
          aria-describedby={describedBy}
          className="utrecht-textbox utrecht-textbox--html-input"
          required={opts.required ?? false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <section aria-labelledby="zgw-title" className="stack">
      <h2 id="zgw-title" className="utrecht-heading-2">
        {w.title}
      </h2>
      <p className="utrecht-paragraph">{w.intro}</p>
      <ErrorAlert message={error} />
      {saved && <StatusMessage>{w.saved}</StatusMessage>}
      {data && (
        <form className="stack narrow" onSubmit={(e) => void save(e)}>
          {(['zakenUrl', 'catalogiUrl', 'besluitenUrl', 'documentenUrl'] as UrlKey[]).map((k) => (
            <div key={k}>
              {input(w[k], form[k], (v) => setForm({ ...form, [k]: v }), {
                help: `${w.baseHelp} https://openzaak.gemeente.nl/${k.replace('Url', '')}/api/v1`,
                type: 'url',
                required: true,
              })}
            </div>
          ))}
          {input(w.clientId, form.clientId, (v) => setForm({ ...form, clientId: v }), { required: true })}
          {input(w.clientSecret, secret, setSecret, {
            type: 'password',
            help: `${w.secretHelp}${data.settings?.hasClientSecret ? ` ${w.secretStored}` : ''}`,
          })}
          {input(w.rsin, form.bronorganisatie, (v) => setForm({ ...form, bronorganisatie: v }), { required: true })}
          <label className="checkbox-label">
            <input
              type="checkbox"
              checked={form.enabled}
              onChange={(e) => setForm({ ...form, enabled: e.target.checked })}
            />{' '}
            {w.enabled}
          </label>
          <fieldset className="utrecht-form-fieldset stack">
            <legend className="utrecht-form-fieldset__legend">{w.links}</legend>
            {form.processLinks.map((link, i) => (
              <ZgwProcessLinkEditor
                key={i}
                index={i}
                link={link}
                processes={processes}
                words={w}
                lang={lang}
                onChange={(l) => setLink(i, l)}
                onRemove={() => setForm({ ...form, processLinks: form.processLinks.filter((_, j) => j !== i) })}
              />
            ))}
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={() =>
                setForm({
                  ...form,
                  processLinks: [...form.processLinks, { processId: '', zaaktype: '', statustypen: [] }],
                })
              }
            >
              {w.addLink}
            </button>
          </fieldset>
          <ReasonField value={reason} onChange={setReason} />
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
            {w.save}
          </button>
        </form>
      )}
    </section>
  );
}
