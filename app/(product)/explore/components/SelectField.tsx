'use client';

export interface SelectOption {
  value: string;
  label: string;
  /** The full text of a shortened label, shown on hover. */
  title?: string;
}

/** A labelled native <select>: keyboard, screen readers and phones all know how to work it. */
export function SelectField({
  id,
  label,
  value,
  options,
  groups,
  onChange,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  options?: SelectOption[];
  groups?: { label: string; options: SelectOption[] }[];
  onChange: (value: string) => void;
  /** A line under the select, read with it (aria-describedby). */
  hint?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined}>
        {options?.map((o) => (
          <option key={o.value} value={o.value} title={o.title}>
            {o.label}
          </option>
        ))}
        {groups
          ?.filter((g) => g.options.length)
          .map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value} title={o.title}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
