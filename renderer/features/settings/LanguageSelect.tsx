import type { ChangeEvent, ReactNode } from 'react';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../db/model/index.js';

/**
 * A chooser of the languages RootLog speaks, each in its own name and marked with its language
 * (a screen reader reads "Français" in French). Uncontrolled with `defaultValue` (a form field)
 * or controlled with `value`/`onChange`; `none` is an empty first choice ("the department's").
 */
export function LanguageSelect({
  id,
  name,
  defaultValue,
  value,
  onChange,
  none,
}: {
  id: string;
  name?: string;
  defaultValue?: Language;
  value?: Language | '';
  onChange?: (language: Language | '') => void;
  none?: ReactNode;
}) {
  return (
    <select
      id={id}
      name={name}
      {...(value === undefined ? { defaultValue } : { value })}
      onChange={
        onChange ? (event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value as Language | '') : undefined
      }
    >
      {none === undefined ? null : <option value="">{none}</option>}
      {LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {LANGUAGE_NAMES[language]}
        </option>
      ))}
    </select>
  );
}
