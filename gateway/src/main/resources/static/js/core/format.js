// Numbers, money, dates and distances in the visitor's language.
import { language, t } from './i18n.js';

export function money(amount, currency = 'USD') {
  if (amount === null || amount === undefined) return t('format.unknown');
  if (Number(amount) === 0) return t('format.free');
  return new Intl.NumberFormat(language(), { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** "2026-12-01" (a day, no time zone) as a date in words. */
export function day(iso, options = { day: 'numeric', month: 'short', year: 'numeric' }) {
  if (!iso) return t('format.unknown');
  const [y, m, d] = String(iso).slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(language(), { ...options, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function dateTime(iso) {
  if (!iso) return t('format.unknown');
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function miles(distance) {
  if (distance === null || distance === undefined) return '';
  return t('format.miles', { n: new Intl.NumberFormat(language(), { maximumFractionDigits: 1 }).format(distance) });
}

export function percent(share) {
  if (share === null || share === undefined) return '';
  return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function whole(n) {
  return new Intl.NumberFormat(language()).format(n);
}
