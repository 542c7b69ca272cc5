import { useTranslation } from 'react-i18next';
import type { NodeKind } from '../../../../workflows/dsl/schema';
import { NODE_KINDS, nodeSpecs } from '../kinds/node-specs';

/** Adds a step of a kind; with a step selected, the new one follows it where that step has an open way out. */
export function Palette({ onAdd, disabled }: { onAdd: (kind: NodeKind) => void; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <nav className="pd-palette" aria-labelledby="pd-palette-title">
      <h2 id="pd-palette-title" className="pd-palette__title">
        {t('designer.palette')}
      </h2>
      <ul>
        {NODE_KINDS.map((k) => (
          <li key={k}>
            <button
              type="button"
              className={`pd-palette__button pd-kind-${k}`}
              disabled={disabled}
              onClick={() => onAdd(k)}
              aria-describedby={`pd-help-${k}`}
            >
              <span aria-hidden="true" className="pd-palette__icon">
                {nodeSpecs[k].icon}
              </span>
              <span>{t('designer.add', { kind: t(`designer.kinds.${k}`) })}</span>
            </button>
            <span id={`pd-help-${k}`} className="pd-palette__help">
              {t(`designer.kindHelp.${k}`)}
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
