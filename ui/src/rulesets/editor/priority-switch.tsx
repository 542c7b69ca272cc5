import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSet } from '../../../../rules';
import { setStatusHolderPriority, statusHolderPriorityOn } from '../model/status-holder-switch';

/** The one obvious control: "Statushouders krijgen voorrang", shown when the rule set has such a rule. */
export function PrioritySwitch({
  doc,
  readOnly,
  tenant,
  onChange,
}: {
  doc: RuleSet;
  readOnly: boolean;
  tenant: string;
  onChange: (doc: RuleSet) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const on = statusHolderPriorityOn(doc);
  if (on === undefined) return null;
  const code = doc.parameters?.gemeentecode?.value;
  return (
    <div className="priority-switch">
      <div className="priority-switch__row">
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-help`}
          id={id}
          className={`switch${on ? ' is-on' : ''}`}
          disabled={readOnly}
          onClick={() => onChange(setStatusHolderPriority(doc, !on))}
        >
          <span className="switch__knob" aria-hidden="true" />
        </button>
        <span id={`${id}-label`} className="priority-switch__label">
          {t('switch.title')}
        </span>
        <strong className="priority-switch__state" aria-live="polite">
          {on ? t('switch.on') : t('switch.off')}
        </strong>
      </div>
      <p id={`${id}-help`} className="utrecht-form-field-description">
        {t('switch.help')}
      </p>
      {on && typeof code === 'string' && code !== tenant && (
        <p className="utrecht-alert utrecht-alert--warning">{t('switch.codeWarning', { code, tenant })}</p>
      )}
    </div>
  );
}
