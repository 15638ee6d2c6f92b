// What every page shares: texts, the visitor, the header with its menu, the language switch and sign-in/out.
import { loadTexts, applyTexts, t, language, otherLanguage, chooseLanguage } from './i18n.js';
import { get, csrfToken } from './api.js';
import { h, show } from './dom.js';

const MENU = [
  { href: '/', key: 'nav.search' },
  { href: '/intake.html', key: 'nav.intake' },
  { href: '/case.html', key: 'nav.clients', role: 'case_manager' },
  { href: '/provider.html', key: 'nav.provider', role: 'provider' },
  { href: '/dashboard.html', key: 'nav.dashboard', role: 'city_staff' },
  { href: '/admin.html', key: 'nav.admin', role: 'admin' },
];

async function visitor() {
  try {
    return await get('/api/session');
  } catch {
    return { signedIn: false, roles: [] };
  }
}

function header(me) {
  const here = location.pathname;
  const links = MENU.filter((item) => !item.role || me.roles.includes(item.role))
    .map((item) => h('li', {}, h('a', { href: item.href, 'aria-current': item.href === here ? 'page' : null }, t(item.key))));
  const other = otherLanguage();
  const switcher = h('button', { type: 'button', class: 'link', lang: other, id: 'language', onclick: () => {
    chooseLanguage(other);
    location.reload();
  } }, t(`language.${other}`));
  const account = me.signedIn
    ? h('form', { method: 'post', action: '/logout', class: 'account' },
      h('span', { class: 'who' }, me.name),
      h('input', { type: 'hidden', name: '_csrf', value: csrfToken() || '' }),
      h('button', { type: 'submit', class: 'link', id: 'signout' }, t('account.signOut')))
    : h('a', { href: `/signin?next=${encodeURIComponent(here + location.search)}`, id: 'signin' }, t('account.signIn'));
  return [
    h('div', { class: 'bar' },
      h('a', { href: '/', class: 'brand' }, h('img', { src: '/img/logo.svg', alt: '', width: 28, height: 28 }), t('brand')),
      h('div', { class: 'tools' }, switcher, account)),
    h('nav', { 'aria-label': t('nav.label') }, h('ul', {}, links)),
  ];
}

/**
 * Starts a page: loads its texts and the visitor, draws header and footer, then hands over to render. A page for
 * some roles only tells a visitor without them to sign in (or that it is not for them) instead of failing.
 */
export async function start({ bundle, title, roles = [], render }) {
  const [, me] = await Promise.all([loadTexts(['common', bundle]), visitor()]);
  document.title = `${t(title)} · ${t('brand')}`;
  show(document.getElementById('top'), header(me));
  show(document.getElementById('bottom'), h('p', {}, t('footer.sample')), h('p', {}, t('footer.onet')));
  applyTexts();
  const main = document.getElementById('main');
  const allowed = roles.length === 0 || roles.some((role) => me.roles.includes(role));
  if (!allowed) {
    show(main, h('h1', {}, t(title)), me.signedIn
      ? h('p', { class: 'notice' }, t('account.notForYou'))
      : h('p', { class: 'notice' }, t('account.pleaseSignIn'), ' ',
        h('a', { href: `/signin?next=${encodeURIComponent(location.pathname + location.search)}` }, t('account.signIn'))));
    document.body.dataset.ready = 'true';
    return;
  }
  try {
    await render({ me, main, lang: language() });
  } finally {
    document.body.dataset.ready = 'true';
  }
}
