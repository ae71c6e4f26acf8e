type Option = { id: string; name: string };

type OptionSelectProps = {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  /** The label of the empty choice ("Any", "Unassigned"…). */
  emptyLabel: string;
  testId?: string;
  ariaLabel?: string;
  disabled?: boolean;
};

/** A select over records or fixed choices by id, with an empty choice first. */
export function OptionSelect({ id, value, onChange, options, emptyLabel, testId, ariaLabel, disabled }: OptionSelectProps) {
  return (
    <select
      id={id}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      data-testid={testId}
      aria-label={ariaLabel}
      disabled={disabled}
    >
      <option value="">{emptyLabel}</option>
      {options.map((option) => (
        <option key={option.id} value={option.id}>
          {option.name}
        </option>
      ))}
    </select>
  );
}
