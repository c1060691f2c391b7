import { type KeyboardEvent, useContext } from 'react';
import { codeMessageIn } from '../../db/model/index.js';
import { useT } from '../app/i18n.js';
import { AdvanceContext } from './advance.js';
import { FieldMessages } from './FieldMessages.js';

interface ChoiceGroupProps<T extends string | number> {
  label: string;
  field: string;
  options: readonly T[];
  /** Selected values (one for a single choice). */
  selected: readonly T[];
  onToggle: (value: T) => void;
  /** Keyboard keys that pick an option while focus is in the group, shown on the buttons. */
  keys?: Partial<Record<string, T>>;
  optionLabel?: (value: T) => string;
  multiple?: boolean;
  disabled?: boolean;
  compact?: boolean;
}

/**
 * Big toggle buttons for a vocabulary: one tap or one key, readable at arm's length.
 * Single choices behave as a radio group; several as pressed/unpressed buttons.
 */
export function ChoiceGroup<T extends string | number>({
  label,
  field,
  options,
  selected,
  onToggle,
  keys = {},
  optionLabel,
  multiple = false,
  disabled = false,
  compact = false,
}: ChoiceGroupProps<T>) {
  const advance = useContext(AdvanceContext);
  // A code's words in the window's language (its vocabulary's own where it has them), unless the caller names its options itself.
  const t = useT();
  const labelOf = optionLabel ?? ((value: T) => t(codeMessageIn(options, String(value))));
  const keyOf = (value: T) => Object.entries(keys).find(([, option]) => option === value)?.[0];
  // One tab stop per group (the selected option, else the first); arrows move within it,
  // and in a single-choice group they also choose, as radio groups do.
  const tabStop = Math.max(
    0,
    options.findIndex((value) => selected.includes(value)),
  );
  const focusOption = (container: HTMLElement, index: number) => {
    const buttons = container.querySelectorAll<HTMLButtonElement>('button[data-value]');
    const target = buttons[(index + buttons.length) % buttons.length];
    target?.focus();
    return target;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (disabled || event.ctrlKey || event.metaKey || event.altKey) return;
    const current = options.findIndex((value) => String(value) === (event.target as HTMLElement).dataset.value);
    if (event.key === 'Enter' && advance && !event.shiftKey) {
      // Enter moves on; with nothing chosen yet it first takes the option in focus.
      event.preventDefault();
      const value = options[current];
      if (selected.length === 0 && value !== undefined) onToggle(value);
      advance(event.target as HTMLElement);
      return;
    }
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step !== undefined || event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      const index = event.key === 'Home' ? 0 : event.key === 'End' ? options.length - 1 : current + (step ?? 0);
      const wrapped = (index + options.length) % options.length;
      focusOption(event.currentTarget, wrapped);
      const value = options[wrapped];
      if (!multiple && value !== undefined && !selected.includes(value)) onToggle(value);
      return;
    }
    const value = keys[event.key.toLowerCase()] ?? keys[event.key];
    if (value === undefined) return;
    event.preventDefault();
    onToggle(value);
    focusOption(event.currentTarget, options.indexOf(value));
  };
  return (
    <fieldset className={`choice-group${compact ? ' compact' : ''}`} data-field={field} disabled={disabled}>
      <legend>{label}</legend>
      {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useAriaPropsSupportedByRole: the role (group or radiogroup) is set just here and supports aria-label; the group forwards shortcut keys to its buttons */}
      <div className="choices" role={multiple ? 'group' : 'radiogroup'} aria-label={label} onKeyDown={onKeyDown}>
        {options.map((value, index) => {
          const isSelected = selected.includes(value);
          const key = keyOf(value);
          const text = labelOf(value);
          return (
            <button
              key={String(value)}
              type="button"
              data-value={String(value)}
              tabIndex={index === tabStop ? 0 : -1}
              className={`choice${isSelected ? ' selected' : ''}`}
              {...(multiple ? { 'aria-pressed': isSelected } : { role: 'radio', 'aria-checked': isSelected })}
              aria-keyshortcuts={key?.toUpperCase()}
              // The key is a visual hint (announced as a shortcut): the name is the label alone.
              aria-label={key ? text : undefined}
              onClick={() => onToggle(value)}
            >
              {text}
              {key && key.toUpperCase() !== text.toUpperCase() && <kbd>{key.toUpperCase()}</kbd>}
            </button>
          );
        })}
      </div>
      <FieldMessages field={field} />
    </fieldset>
  );
}
