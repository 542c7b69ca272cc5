import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n/i18n';
import { FormField } from '../shell/form-field';
import { adminApi, type Profile } from './admin-api';
import { ErrorAlert, ReasonField, StatusMessage, useAction, useLoaded } from './admin-parts';

type Fields = Record<
  'name' | 'street' | 'postcode' | 'city' | 'signName' | 'signFunction' | 'lawName' | 'lawYear' | 'articles' | 'court',
  string
>;

function toFields(p: Profile): Fields {
  return {
    name: p.name,
    street: p.address?.street ?? '',
    postcode: p.address?.postcode ?? '',
    city: p.address?.city ?? '',
    signName: p.signatory?.name ?? '',
    signFunction: p.signatory?.function ?? '',
    lawName: p.byeLaw?.name ?? '',
    lawYear: p.byeLaw ? String(p.byeLaw.year) : '',
    articles: Object.entries(p.byeLaw?.articles ?? {})
      .map(([k, v]) => `${k} = ${v}`)
      .join('\n'),
    court: p.court ?? '',
  };
}

function toProfile(f: Fields, before: Profile): Omit<Profile, 'name'> & { name?: string } {
  const articles = Object.fromEntries(
    f.articles
      .split('\n')
      .map((l) => l.split('='))
      .filter((p) => p.length >= 2 && p[0]!.trim())
      .map(([k, ...v]) => [k!.trim(), v.join('=').trim()]),
  );
  return {
    ...(f.name.trim() ? { name: f.name.trim() } : {}),
    address: f.street.trim() ? { street: f.street.trim(), postcode: f.postcode.trim(), city: f.city.trim() } : null,
    objectionAddress: before.objectionAddress,
    signatory: f.signName.trim() ? { name: f.signName.trim(), function: f.signFunction.trim() } : null,
    byeLaw: f.lawName.trim() ? { name: f.lawName.trim(), year: Number(f.lawYear), articles } : null,
    court: f.court.trim() || null,
  };
}

/** The municipality's profile (what a besluit is signed with), with what is still missing. */
export function ProfileForm() {
  const { t } = useTranslation();
  const { data, error, setError, reload } = useLoaded(adminApi.profile);
  const { run, busy } = useAction(setError);
  const [fields, setFields] = useState<Fields>();
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (data) setFields(toFields(data.profile));
  }, [data]);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!data || !fields) return;
    setSaved(false);
    const body = { ...toProfile(fields, data.profile), ...(reason.trim() ? { reason: reason.trim() } : {}) };
    if (await run(() => adminApi.saveProfile(body))) {
      setSaved(true);
      await reload();
    }
  }

  const field = (key: keyof Fields, label: string, opts: { required?: boolean; type?: string } = {}) => (
    <FormField label={label}>
      {({ id }) => (
        <input
          id={id}
          type={opts.type ?? 'text'}
          className="utrecht-textbox utrecht-textbox--html-input"
          value={fields?.[key] ?? ''}
          onChange={(e) => fields && setFields({ ...fields, [key]: e.target.value })}
        />
      )}
    </FormField>
  );

  return (
    <section aria-labelledby="profile-title" className="stack">
      <h2 id="profile-title" className="utrecht-heading-2">
        {t('beheer.municipality.profileTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('beheer.municipality.profileIntro')}</p>
      <ErrorAlert message={error} />
      {saved && <StatusMessage>{t('beheer.common.saved')}</StatusMessage>}
      {data &&
        (data.completeness.complete ? (
          <p className="utrecht-paragraph">{t('beheer.municipality.complete')}</p>
        ) : (
          <div className="utrecht-alert">
            <p className="utrecht-paragraph">{t('beheer.municipality.incomplete')}</p>
            <ul className="utrecht-unordered-list">
              {data.completeness.missing.map((m) => (
                <li key={`${m.code}-${m.message.nl}`}>{m.message[currentLang()]}</li>
              ))}
            </ul>
          </div>
        ))}
      {fields && (
        <form className="stack narrow" onSubmit={(e) => void save(e)}>
          {field('name', t('beheer.municipality.name'))}
          <fieldset className="utrecht-form-fieldset">
            <legend className="utrecht-form-fieldset__legend">{t('beheer.municipality.address')}</legend>
            {field('street', t('beheer.municipality.street'))}
            {field('postcode', t('beheer.municipality.postcode'))}
            {field('city', t('beheer.municipality.city'))}
          </fieldset>
          <fieldset className="utrecht-form-fieldset">
            <legend className="utrecht-form-fieldset__legend">{t('beheer.municipality.signatory')}</legend>
            {field('signName', t('beheer.municipality.signatoryName'))}
            {field('signFunction', t('beheer.municipality.signatoryFunction'))}
          </fieldset>
          <fieldset className="utrecht-form-fieldset">
            <legend className="utrecht-form-fieldset__legend">{t('beheer.municipality.byeLaw')}</legend>
            {field('lawName', t('beheer.municipality.byeLawName'))}
            {field('lawYear', t('beheer.municipality.byeLawYear'), { type: 'number' })}
            <FormField label={t('beheer.municipality.articles')}>
              {({ id }) => (
                <textarea
                  id={id}
                  rows={4}
                  className="utrecht-textarea utrecht-textarea--html-textarea code-textarea"
                  value={fields.articles}
                  onChange={(e) => setFields({ ...fields, articles: e.target.value })}
                />
              )}
            </FormField>
          </fieldset>
          {field('court', t('beheer.municipality.court'))}
          <ReasonField value={reason} onChange={setReason} />
          <div>
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
              {t('beheer.municipality.saveProfile')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
