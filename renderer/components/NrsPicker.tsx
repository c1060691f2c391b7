import { ChoiceGroup } from './ChoiceGroup.js';

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
const KEYS: Record<string, number> = {
  '0': 0,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 7,
  '8': 8,
  '9': 9,
  t: 10,
};

/** Numeric rating scale 0–10: digits pick 0–9, T picks 10. */
export function NrsPicker(props: {
  label: string;
  field: string;
  value: number | null | undefined;
  onChange: (value: number | undefined) => void;
  disabled?: boolean;
}) {
  return (
    <ChoiceGroup
      label={props.label}
      field={props.field}
      options={SCORES}
      selected={props.value == null ? [] : [props.value]}
      onToggle={(score) => props.onChange(props.value === score ? undefined : score)}
      keys={KEYS}
      optionLabel={String}
      disabled={props.disabled}
      compact
    />
  );
}
