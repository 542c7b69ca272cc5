import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PutZgwSettingsBody, ZgwProcessLink, ZgwSettingsResponse } from '../../../contract/zgw';
import { api } from '../api/http';
import { monitor, type ProcessInfo } from '../api/monitor';
import { FormField } from '../shell/form-field';
import { ErrorAlert, ReasonField, StatusMessage, useAction, useLoaded } from './admin-parts';
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

// The words of this form, Dutch first; kept here so the shared translation files stay untouched.
const WORDS = {
  nl: {
    title: 'ZGW-koppeling (Open Zaak)',
    intro:
      'Doorstroom leest de zaak achter een notificatie en schrijft statussen, besluiten en documenten terug in de Zaken-, Catalogi-, Besluiten- en Documenten-API van de gemeente. Zie docs/zgw.md.',
    zakenUrl: 'Zaken API',
    catalogiUrl: 'Catalogi API',
    besluitenUrl: 'Besluiten API',
    documentenUrl: 'Documenten API',
    baseHelp: 'Basisadres, bijvoorbeeld',
    clientId: 'Client id',
    clientSecret: 'Client secret',
    secretHelp: 'Ondertekent het JWT (HS256). Wordt versleuteld bewaard en nooit meer getoond.',
    secretStored: 'Er is een secret opgeslagen; leeg laten houdt het.',
    rsin: 'RSIN van de gemeente (bronorganisatie)',
    enabled: 'Koppeling aan',
    links: 'Processen met een zaaktype',
    process: 'Proces',
    zaaktype: 'Zaaktype',
    besluittype: 'Besluittype',
    informatieobjecttype: 'Informatieobjecttype van de besluit-PDF',
    resultaattype: 'Resultaattype bij het einde',
    eindstatustype: 'Eindstatustype (sluit de zaak)',
    step: 'Stap',
    statustype: 'Statustype',
    decision: 'Besluitstap',
    outcome: 'Uitkomst',
    choose: '— kies —',
    addLink: 'Proces toevoegen',
    addStatus: 'Stap met statustype toevoegen',
    addBesluit: 'Besluittype voor een besluitstap toevoegen',
    addResultaat: 'Resultaattype voor een uitkomst toevoegen',
    remove: 'Verwijderen',
    save: 'Opslaan',
    saved: 'Opgeslagen.',
  },
  en: {
    title: 'ZGW link (Open Zaak)',
    intro:
      "Doorstroom reads the zaak behind a notification and writes statuses, decisions and documents back to the municipality's Zaken, Catalogi, Besluiten and Documenten APIs. See docs/zgw.md.",
    zakenUrl: 'Zaken API',
    catalogiUrl: 'Catalogi API',
    besluitenUrl: 'Besluiten API',
    documentenUrl: 'Documenten API',
    baseHelp: 'Base address, e.g.',
    clientId: 'Client id',
    clientSecret: 'Client secret',
    secretHelp: 'Signs the JWT (HS256). Stored encrypted and never shown again.',
    secretStored: 'A secret is stored; leave empty to keep it.',
    rsin: "Municipality's RSIN (bronorganisatie)",
    enabled: 'Link on',
    links: 'Processes with a zaaktype',
    process: 'Process',
    zaaktype: 'Zaaktype',
    besluittype: 'Besluittype',
    informatieobjecttype: 'Informatieobjecttype of the decision PDF',
    resultaattype: 'Resultaattype at the end',
    eindstatustype: 'Final statustype (closes the zaak)',
    step: 'Step',
    statustype: 'Statustype',
    decision: 'Decision step',
    outcome: 'Outcome',
    choose: '— choose —',
    addLink: 'Add process',
    addStatus: 'Add step with statustype',
    addBesluit: 'Add besluittype for a decision step',
    addResultaat: 'Add resultaattype for an outcome',
    remove: 'Remove',
    save: 'Save',
    saved: 'Saved.',
  },
};

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
