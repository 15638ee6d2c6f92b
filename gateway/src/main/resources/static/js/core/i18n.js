// Texts come from message bundles (/i18n/<lang>/<bundle>.json); nothing a person reads is written in the code.
// A key without a text is shown as the key and listed on <html data-missing-texts>, which the browser tests check.

const LANGUAGES = ['en', 'es'];
const STORED = 'wrd.lang';
let texts = {};
const missing = new Set();

/** The language chosen before (a campaign link's ?lang= wins), else the browser's, else English. */
export function language() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (LANGUAGES.includes(asked)) {
    localStorage.setItem(STORED, asked);
    return asked;
  }
  const stored = localStorage.getItem(STORED);
  if (LANGUAGES.includes(stored)) return stored;
  return (navigator.language || 'en').toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function otherLanguage() {
  return language() === 'es' ? 'en' : 'es';
}

export function chooseLanguage(lang) {
  if (LANGUAGES.includes(lang)) localStorage.setItem(STORED, lang);
}

export async function loadTexts(bundles) {
  const lang = language();
  const loaded = await Promise.all(bundles.map(async (bundle) => {
    const response = await fetch(`/i18n/${lang}/${bundle}.json`);
    if (!response.ok) throw new Error(`texts ${lang}/${bundle}: ${response.status}`);
    return response.json();
  }));
  texts = Object.assign({}, ...loaded);
  document.documentElement.lang = lang;
}

/** The text of a key, with {name} placeholders filled in. */
export function t(key, values) {
  const text = texts[key];
  if (text === undefined) {
    missing.add(key);
    document.documentElement.dataset.missingTexts = [...missing].join(' ');
    return key;
  }
  return values ? text.replace(/\{(\w+)\}/g, (all, name) => (values[name] ?? '')) : text;
}

/** A counted text: key.one or key.other, with {n} formatted for the language. */
export function tn(key, n, values = {}) {
  const form = new Intl.PluralRules(language()).select(n) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}`, { ...values, n: number(n) });
}

export function number(n) {
  return new Intl.NumberFormat(language()).format(n);
}

export function has(key) {
  return texts[key] !== undefined;
}

/** Fills data-i18n (text) and data-i18n-<attribute> (e.g. data-i18n-placeholder) under root. */
export function applyTexts(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const attribute of ['placeholder', 'aria-label', 'title', 'alt']) {
    const data = `data-i18n-${attribute}`;
    for (const element of root.querySelectorAll(`[${data}]`)) {
      element.setAttribute(attribute, t(element.getAttribute(data)));
    }
  }
}
