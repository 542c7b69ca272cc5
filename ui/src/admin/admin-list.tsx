import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Td, Th } from './admin-parts';

/**
 * The list-and-form shape of the administration panels: a table of what exists (or "none yet"),
 * buttons per row named after the row for screen readers, and a form that adds one more.
 */

export interface AdminColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

/** Nothing while loading; with `emptyText`, that text instead of an empty table. */
export function AdminTable<T>({
  rows,
  columns,
  rowKey,
  emptyText,
}: {
  rows: T[] | undefined;
  columns: AdminColumn<T>[];
  rowKey: (row: T) => string;
  emptyText?: string;
}) {
  if (!rows) return null;
  if (emptyText !== undefined && rows.length === 0) return <p className="utrecht-paragraph">{emptyText}</p>;
  return (
    <table className="utrecht-table">
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          {columns.map((c, i) => (
            <Th key={i}>{c.header}</Th>
          ))}
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {rows.map((row) => (
          <tr key={rowKey(row)} className="utrecht-table__row">
            {columns.map((c, i) => (
              <Td key={i}>{c.cell(row)}</Td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A button in a row: its accessible name says which row (`Intrekken: Zaaksysteem`); `confirm` asks first. */
export function RowAction({
  label,
  of,
  onClick,
  disabled,
  confirm = false,
  secondary = false,
}: {
  label: string;
  /** The row's name, for the accessible name; without it the button is named by its label. */
  of?: string;
  onClick: () => void;
  disabled?: boolean;
  confirm?: boolean;
  secondary?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`utrecht-button ${secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--subtle'}`}
      disabled={disabled}
      aria-label={of !== undefined ? `${label}: ${of}` : undefined}
      onClick={() => {
        if (!confirm || window.confirm(t('beheer.common.confirm'))) onClick();
      }}
    >
      {label}
    </button>
  );
}

/** The form below a list: a heading, the fields, and one submit button with the same words. */
export function AdminCreateForm({
  title,
  onSubmit,
  disabled,
  wide = false,
  children,
}: {
  title: string;
  onSubmit: (e: FormEvent) => void;
  disabled?: boolean;
  /** Full width (a JSON text area); otherwise the narrow column of short fields. */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <h3 className="utrecht-heading-3">{title}</h3>
      <form className={wide ? 'stack' : 'stack narrow'} onSubmit={onSubmit}>
        {children}
        <div>
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={disabled}>
            {title}
          </button>
        </div>
      </form>
    </>
  );
}

/** A fieldset of checkboxes choosing some of `options`; `label` gives each one's words. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  label,
}: {
  legend: string;
  options: readonly T[];
  value: T[];
  onChange: (value: T[]) => void;
  label: (option: T) => ReactNode;
}) {
  return (
    <fieldset className="utrecht-form-fieldset">
      <legend className="utrecht-form-fieldset__legend">{legend}</legend>
      {options.map((o) => (
        <label key={o} className="checkbox-label">
          <input
            type="checkbox"
            className="utrecht-checkbox utrecht-checkbox--html-input"
            checked={value.includes(o)}
            onChange={(e) => onChange(e.target.checked ? [...value, o] : value.filter((x) => x !== o))}
          />{' '}
          {label(o)}
        </label>
      ))}
    </fieldset>
  );
}
