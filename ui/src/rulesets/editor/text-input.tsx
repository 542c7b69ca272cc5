import { FormField } from '../../shell/form-field';

/** A labelled text box or area that reports every keystroke (the editor joins them into one undo step). */
export function TextInput({
  label,
  help,
  value,
  onChange,
  disabled,
  multiline,
}: {
  label: string;
  help?: string;
  value: string;
  onChange: (v: string) => void;
  disabled?: boolean;
  multiline?: boolean;
}) {
  return (
    <FormField label={label} help={help}>
      {({ id, describedBy }) =>
        multiline ? (
          <textarea
            id={id}
            aria-describedby={describedBy}
            rows={3}
            className="utrecht-textarea utrecht-textarea--html-textarea"
            disabled={disabled}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input
            id={id}
            aria-describedby={describedBy}
            className="utrecht-textbox utrecht-textbox--html-input"
            disabled={disabled}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </FormField>
  );
}
