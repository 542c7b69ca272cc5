import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { artifacts, type ArtifactHistory, type ArtifactType, type ArtifactVersion } from '../api/artifacts';
import { FormField } from '../shell/form-field';
import { formatDate, formatDateTime, todayInNl } from '../shell/format';
import { useHasRole, useSession } from '../shell/session-context';
import { DiffView } from './diff-view';
import { HistoryTable } from './history-table';
import { OwnCasesSimulationPanel } from './own-cases-simulation';
import { peopleOf, personName } from './person-name';

/** Marks the simulation summary inside the submit comment, so the approver sees it (the API has no field for it yet). */
export const SIMULATION_MARK = '\n\n— ';

interface Props {
  type: ArtifactType;
  artifactKey: string;
  history: ArtifactHistory;
  version: ArtifactVersion;
  dirty: boolean;
  valid: boolean;
  simulation?: string;
  onChanged: (version: number) => void;
}

/** Four-eyes publishing: the designer submits with a comment; another person approves with a date, or rejects with a reason. */
export function ReviewPanel({ type, artifactKey, history, version, dirty, valid, simulation, onChanged }: Props) {
  const { t } = useTranslation();
  const { session } = useSession();
  const isDesigner = useHasRole('designer');
  const isApprover = useHasRole('approver');
  const [comment, setComment] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(todayInNl());
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const me = session.user.id;
  const base = version.basedOnVersion ?? (version.version > 1 ? version.version - 1 : undefined);

  const act = async (fn: () => Promise<ArtifactVersion>, ok: (v: ArtifactVersion) => string) => {
    try {
      const v = await fn();
      setMessage({ ok: true, text: ok(v) });
      onChanged(v.version);
    } catch (e) {
      setMessage({ ok: false, text: t('app.error', { message: (e as Error).message }) });
    }
  };

  const submit = () =>
    act(
      () =>
        artifacts.submit(
          type,
          artifactKey,
          version.version,
          simulation ? `${comment}${SIMULATION_MARK}${simulation}` : comment,
        ),
      (v) => t('review.submitted', { version: v.version }),
    );
  // "Today" means now: the start of today would lie before the current version's own start and not take over.
  const approve = () =>
    act(
      () =>
        artifacts.approve(
          type,
          artifactKey,
          version.version,
          effectiveFrom === todayInNl() ? undefined : effectiveFrom,
        ),
      (v) => t('review.approved', { version: v.version, date: formatDate(effectiveFrom) }),
    );
  const reject = () =>
    reason.trim()
      ? act(
          () => artifacts.reject(type, artifactKey, version.version, reason),
          (v) => t('review.rejected', { version: v.version }),
        )
      : setMessage({ ok: false, text: t('review.reasonRequired') });
  const own = version.authorId === me || version.submittedBy === me;
  const people = peopleOf(history);

  return (
    <div className="review">
      <h2 className="utrecht-heading-2">{t('review.title')}</h2>
      {message && (
        <div
          role={message.ok ? 'status' : 'alert'}
          className={`utrecht-alert utrecht-alert--${message.ok ? 'ok' : 'error'}`}
        >
          <p className="utrecht-paragraph">{message.text}</p>
        </div>
      )}

      {version.status === 'draft' && isDesigner && (
        <form
          className="stack narrow"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <h3 className="utrecht-heading-3">{t('review.submitTitle')}</h3>
          <p className="utrecht-paragraph">{t('review.submitIntro')}</p>
          {simulation && (
            <p className="utrecht-paragraph">
              <strong>{t('review.simulation')}:</strong> {simulation}
            </p>
          )}
          <FormField
            label={t('review.submitComment')}
            error={dirty ? t('review.saveFirst') : !valid ? t('review.fixErrors') : undefined}
          >
            {({ id, describedBy }) => (
              <textarea
                id={id}
                aria-describedby={describedBy}
                required
                rows={3}
                className="utrecht-textarea utrecht-textarea--html-textarea"
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            )}
          </FormField>
          <div>
            <button
              type="submit"
              className="utrecht-button utrecht-button--primary-action"
              disabled={dirty || !valid || !comment.trim()}
            >
              {t('review.submit')}
            </button>
          </div>
        </form>
      )}

      {version.status === 'in_review' && (
        <div className="stack">
          <h3 className="utrecht-heading-3">{t('review.approveTitle')}</h3>
          <p className="utrecht-paragraph">{t('review.approveIntro', { version: version.version })}</p>
          {version.submitComment && (
            <blockquote className="submit-comment">
              <p className="utrecht-paragraph">
                {t('review.submittedBy', {
                  who: version.submittedBy ? personName(people, version.submittedBy) : '—',
                  when: formatDateTime(version.submittedAt),
                })}
              </p>
              {version.submitComment
                .split('\n')
                .filter(Boolean)
                .map((l, i) => (
                  <p key={i} className="utrecht-paragraph">
                    {l}
                  </p>
                ))}
            </blockquote>
          )}
          {base !== undefined && <DiffView type={type} artifactKey={artifactKey} from={base} to={version.version} />}
          {isApprover && own && <p className="utrecht-alert utrecht-alert--warning">{t('review.ownVersion')}</p>}
          {isApprover && !own && (
            <div className="approve-forms">
              <form
                className="stack"
                onSubmit={(e) => {
                  e.preventDefault();
                  void approve();
                }}
              >
                <FormField label={t('review.effectiveFrom')}>
                  {({ id }) => (
                    <input
                      id={id}
                      type="date"
                      required
                      className="utrecht-textbox utrecht-textbox--html-input"
                      value={effectiveFrom}
                      onChange={(e) => setEffectiveFrom(e.target.value)}
                    />
                  )}
                </FormField>
                <div>
                  <button type="submit" className="utrecht-button utrecht-button--primary-action">
                    {t('review.approve')}
                  </button>
                </div>
              </form>
              <form
                className="stack"
                onSubmit={(e) => {
                  e.preventDefault();
                  void reject();
                }}
              >
                <FormField label={t('review.rejectReason')}>
                  {({ id }) => (
                    <textarea
                      id={id}
                      rows={2}
                      className="utrecht-textarea utrecht-textarea--html-textarea"
                      value={reason}
                      onChange={(e) => setReason(e.target.value)}
                    />
                  )}
                </FormField>
                <div>
                  <button
                    type="submit"
                    className="utrecht-button utrecht-button--secondary-action utrecht-button--danger"
                  >
                    {t('review.reject')}
                  </button>
                </div>
              </form>
            </div>
          )}
        </div>
      )}

      {type === 'rulesets' && (version.status === 'draft' || version.status === 'in_review') && (
        <OwnCasesSimulationPanel
          artifactKey={artifactKey}
          version={version.version}
          canRun={isDesigner || isApprover}
        />
      )}
      {version.status !== 'in_review' && base !== undefined && (
        <DiffView type={type} artifactKey={artifactKey} from={base} to={version.version} />
      )}
      <h3 className="utrecht-heading-3">{t('review.history')}</h3>
      <HistoryTable versions={history.versions} people={people} me={me} />
    </div>
  );
}
