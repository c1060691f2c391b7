import { DASHBOARD_MESSAGES as D } from '../../../db/model/dashboard-messages.js';
import { codeMessage, formatNumber, type Quantiles, type Translate } from '../../../db/model/index.js';

/** The screen's figures as the reader's locale writes them (de-DE: 12,5 %). */
export function figuresIn(locale: string) {
  const pct = (value: number | null) =>
    value === null ? '—' : `${formatNumber(value * 100, locale, { maximumDecimals: 1, minimumDecimals: 1 })} %`;
  const num = (value: number | null) => (value === null ? '—' : formatNumber(value, locale));
  const iqr = (q: Quantiles) => (q.n === 0 ? '—' : `${num(q.median)} (${num(q.q1)}–${num(q.q3)})`);
  /** A share in whole per cent (the outcomes, the reference levels: "75 %"). */
  const wholePct = (value: number | null) =>
    value === null ? '—' : `${formatNumber(value * 100, locale, { maximumDecimals: 0 })} %`;
  return { pct, wholePct, num, iqr };
}

/**
 * A group's name in the reader's words: the whole view, a code (an indication, a modality)
 * or the procedures without an operator; a root or an operator's name as it is.
 */
export function groupWords(t: Translate) {
  return {
    code: (code: string) => (code === '' ? t(D.noModality) : t(codeMessage(code))),
    operator: (group: { key: string; label: string }) => (group.key === '' ? t(D.noOperator) : group.label),
    all: () => t(D.allProcedures),
  };
}

/**
 * The locale month names are written in: the reader's locale when it is of the reader's
 * language, else that language in the locale's country (an English reader in a de-CH
 * department: en-CH, "Dec 2026", never "Dez. 2026").
 */
export function monthsLocale(language: string, locale: string): string {
  const [localeLanguage, country] = locale.split('-');
  return localeLanguage === language ? locale : country ? `${language}-${country}` : language;
}
