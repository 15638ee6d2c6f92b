// One listing: what you learn, cost, schedule as a week line, supports, how to apply, and the visitor's rating.
// A case manager can refer a client from here; the listing's provider gets a link to edit seats and dates.
import { start } from '../core/shell.js';
import { t, tn, language } from '../core/i18n.js';
import { get, post, query, ApiError } from '../core/api.js';
import { h, show, $, announce } from '../core/dom.js';
import { money, day, whole } from '../core/format.js';

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const campaign = () => localStorage.getItem('wrd.campaign') || undefined;

function time(hhmm) {
  if (!hhmm) return '';
  const [hours, minutes] = hhmm.split(':').map(Number);
  return new Intl.DateTimeFormat(language(), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })
    .format(new Date(Date.UTC(2000, 0, 3, hours, minutes)));
}

function weekday(code, style) {
  // 2024-01-01 was a Monday
  const date = new Date(Date.UTC(2024, 0, 1 + DAYS.indexOf(code)));
  return new Intl.DateTimeFormat(language(), { weekday: style, timeZone: 'UTC' }).format(date);
}

/** The schedule as a week: each day shows whether and when the program meets. */
function week(schedules) {
  const weekly = schedules.filter((s) => s.byday);
  if (!weekly.length) return null;
  return weekly.map((s) => {
    const days = s.byday.split(',');
    const hours = s.opensAt ? `${time(s.opensAt)}–${time(s.closesAt)}` : '';
    return h('div', { class: 'week-block' },
      h('ol', { class: 'week', 'aria-label': t('listing.week') }, DAYS.map((code) => {
        const on = days.includes(code);
        return h('li', { class: on ? 'on' : 'off' },
          h('span', { 'aria-hidden': 'true', class: 'day' }, weekday(code, 'short')),
          h('span', { 'aria-hidden': 'true', class: 'hours' }, on ? hours : '·'),
          h('span', { class: 'visually-hidden' }, `${weekday(code, 'long')}: ${on ? hours || t('listing.meets') : t('listing.noClass')}`));
      })),
      s.dtstart && s.until ? h('p', { class: 'hint' }, t('listing.between', { from: day(s.dtstart), to: day(s.until) }))
        : (s.dtstart ? h('p', { class: 'hint' }, t('listing.from', { from: day(s.dtstart) })) : null),
      s.description ? h('p', {}, s.description) : null);
  });
}

function fact(label, ...value) {
  const shown = value.flat().filter((v) => v !== null && v !== undefined && v !== '');
  return shown.length ? [h('dt', {}, t(label)), h('dd', {}, shown)] : [];
}

function cost(listing) {
  const w = listing.workforce || {};
  if (listing.kind === 'support_service' || listing.kind === 'job_opening') return w.free ? t('format.free') : null;
  return [money(w.free ? 0 : w.cost), w.paid ? ` · ${t('listing.paid')}` : ''];
}

function eligibility(listing) {
  const e = listing.workforce?.eligibility;
  const lines = [];
  if (listing.eligibilityDescription) lines.push(listing.eligibilityDescription);
  if (e?.minAge) lines.push(t('listing.minAge', { n: e.minAge }));
  if (e?.incomeMaxPercent) lines.push(t(`listing.income.${e.incomeMeasure || 'poverty_line'}`, { n: e.incomeMaxPercent }));
  if (e?.justiceInvolvedWelcome) lines.push(t('listing.justiceWelcome'));
  return lines.length ? h('ul', {}, lines.map((l) => h('li', {}, l))) : null;
}

function recordAction(listing, action, channel) {
  post('/api/directory/engagement/actions', { serviceId: listing.id, action, channel, campaign: campaign() }).catch(() => {});
}

function howToApply(listing) {
  const items = [];
  if (listing.url) {
    items.push(h('a', { class: 'button', href: listing.url, rel: 'noopener', id: 'apply', onclick: () => recordAction(listing, 'apply', 'website') }, t('listing.applyOnline')));
  }
  for (const phone of listing.phones || []) {
    const number = phone.number.replace(/[^0-9+]/g, '');
    items.push(h('a', { class: 'button secondary', href: `tel:${number}`, onclick: () => recordAction(listing, 'contact', 'phone') },
      t('listing.call', { number: phone.number })));
  }
  if (listing.email) {
    items.push(h('a', { class: 'button secondary', href: `mailto:${listing.email}`, onclick: () => recordAction(listing, 'contact', 'email') }, t('listing.email')));
  }
  return h('div', { class: 'actions' }, items.length ? items : h('p', {}, t('listing.noContact')));
}

function places(listing) {
  const located = (listing.locations || []).map((l) => l.location).filter(Boolean);
  if (!located.length) return h('p', {}, t('listing.online'));
  return h('ul', { class: 'results' }, located.map((place) => {
    const a = place.address;
    const line = a ? `${a.address1}, ${a.city}, ${a.stateProvince} ${a.postalCode}` : place.name;
    const map = place.latitude && place.longitude
      ? `https://www.openstreetmap.org/?mlat=${place.latitude}&mlon=${place.longitude}#map=16/${place.latitude}/${place.longitude}` : null;
    return h('li', { class: 'card' }, h('strong', {}, place.name), h('br'), line,
      place.transportation ? h('p', { class: 'hint' }, place.transportation) : null,
      map ? h('p', {}, h('a', { href: map, rel: 'noopener', onclick: () => recordAction(listing, 'contact', 'directions') }, t('listing.map'))) : null);
  }));
}

async function outcomes(listing) {
  if (listing.kind !== 'training_program') return null;
  try {
    const found = await get(`/api/directory/services/${encodeURIComponent(listing.id)}/outcomes`);
    if (found.suppressed) return h('p', { class: 'hint' }, t('listing.outcomesSuppressed'));
    const o = found.outcome;
    return h('dl', { class: 'facts' },
      fact('listing.completion', o.completionRate !== null ? `${whole(o.completionRate)}%` : null),
      fact('listing.employed', o.employedQ2 !== null ? `${whole(o.employedQ2)}%` : null),
      fact('listing.earnings', o.medianEarnings !== null ? money(o.medianEarnings) : null),
      fact('listing.cohort', t('listing.cohortOf', { n: whole(o.cohortSize), from: day(o.periodStart), to: day(o.periodEnd) })));
  } catch {
    return null; // most listings report no outcomes yet
  }
}

/** "Is this information correct?" and a 1–5 rating: anonymous, counted, flags the listing to its provider. */
function rating(listing) {
  const stars = [1, 2, 3, 4, 5].map((n) => h('label', {}, h('input', { type: 'radio', name: 'stars', value: n, id: `stars-${n}` }), tn('listing.stars', n)));
  const form = h('form', { id: 'rating', class: 'card no-print' },
    h('h2', {}, t('listing.feedback')),
    h('fieldset', {}, h('legend', {}, t('listing.correct')),
      h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'correct', value: 'yes', id: 'correct-yes' }), t('listing.yes')),
      h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'correct', value: 'no', id: 'correct-no' }), t('listing.no'))),
    h('fieldset', { 'aria-describedby': 'stars-error' }, h('legend', {}, t('listing.rate')), h('div', { class: 'rating' }, stars),
      h('p', { class: 'error', id: 'stars-error' })),
    h('button', { type: 'submit', id: 'rate-submit' }, t('listing.send')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = form.querySelector('input[name=stars]:checked');
    if (!chosen) {
      $('#stars-error').textContent = t('listing.pickStars');
      form.querySelector('input[name=stars]').focus();
      return;
    }
    const correct = form.querySelector('input[name=correct]:checked');
    try {
      await post(`/api/directory/services/${encodeURIComponent(listing.id)}/ratings`,
        { stars: Number(chosen.value), informationCorrect: correct ? correct.value === 'yes' : null });
      const thanks = h('p', { class: 'notice ok', id: 'rating-thanks', tabindex: '-1' }, t('listing.thanks'));
      form.replaceWith(thanks);
      thanks.focus();
    } catch {
      $('#stars-error').textContent = t('error.generic');
    }
  });
  return form;
}

/** A case manager refers one of their clients straight from the listing. */
async function referral(listing) {
  let clients = [];
  try {
    clients = await get('/api/matching/clients?size=100');
  } catch {
    return h('p', { class: 'notice bad' }, t('listing.refer.noClients'));
  }
  const form = h('form', { id: 'refer', class: 'card no-print' },
    h('h2', {}, t('listing.refer.heading')),
    clients.length === 0 ? h('p', {}, t('listing.refer.addClientFirst'), ' ', h('a', { href: '/case.html' }, t('nav.clients'))) : [
      h('div', { class: 'field' }, h('label', { for: 'refer-client' }, t('listing.refer.client')),
        h('select', { id: 'refer-client', required: true }, clients.map((c) => h('option', { value: c.client.id }, c.client.displayName)))),
      h('div', { class: 'field' }, h('label', { for: 'refer-note' }, t('listing.refer.note'), ' ', h('span', { class: 'hint' }, t('listing.refer.noteHint'))),
        h('textarea', { id: 'refer-note', maxlength: 1000 })),
      h('label', { class: 'choice' }, h('input', { type: 'checkbox', id: 'refer-share' }), t('listing.refer.share')),
      h('p', { class: 'error', id: 'refer-error', role: 'alert' }),
      h('button', { type: 'submit', id: 'refer-submit' }, t('listing.refer.send')),
    ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await post('/api/matching/referrals', {
        listingId: listing.id, clientId: $('#refer-client').value, note: $('#refer-note').value.trim() || null,
        shareWithProvider: $('#refer-share').checked,
      });
      const done = h('p', { class: 'notice ok referral-sent', tabindex: '-1' }, t('listing.refer.sent'), ' ', h('a', { href: '/case.html' }, t('listing.refer.board')));
      form.replaceWith(done);
      done.focus();
    } catch (error) {
      $('#refer-error').textContent = error instanceof ApiError ? error.message : t('error.generic');
    }
  });
  return form;
}

async function render({ me }) {
  const id = new URLSearchParams(location.search).get('id');
  if (document.referrer.startsWith(`${location.origin}/?`) || document.referrer === `${location.origin}/`) {
    $('#back-to-search').href = document.referrer;
  }
  let found;
  try {
    found = await get(`/api/directory/services/${encodeURIComponent(id || '')}${query({ campaign: campaign() })}`);
  } catch (error) {
    show($('#listing'), h('h1', {}, t(error instanceof ApiError && error.status === 404 ? 'error.notFound' : 'error.offline')));
    return;
  }
  const { listing, organization } = found;
  const w = listing.workforce || {};
  document.title = `${listing.title} · ${t('brand')}`;
  const canEdit = me.roles.includes('provider') && me.organization === listing.organizationId;
  show($('#listing'),
    h('h1', {}, listing.title),
    h('p', { class: 'meta' }, h('span', { class: 'badge' }, t(`kind.${listing.kind}`)), ' ', organization?.name,
      listing.sample ? [' ', h('span', { class: 'badge warn' }, t('listing.sample'))] : null),
    canEdit ? h('p', {}, h('a', { href: '/provider.html' }, t('listing.edit'))) : null,
    h('div', { class: 'layout-aside' },
      h('div', {},
        listing.description ? h('section', {}, h('h2', {}, t('listing.learn')), h('p', { class: 'description' }, listing.description)) : null,
        h('dl', { class: 'facts' },
          fact('listing.credential', w.credential),
          fact('listing.cost', cost(listing)),
          fact('listing.nextStart', w.nextStart ? day(w.nextStart) : null),
          fact('listing.duration', w.durationWeeks ? tn('listing.weeks', w.durationWeeks) : null),
          fact('listing.seats', w.seatsOpen !== null && w.seatsOpen !== undefined
            ? t('listing.seatsOf', { open: whole(w.seatsOpen), total: w.seatsTotal ?? '?' }) : null),
          fact('listing.languages', (listing.languages || []).map((l) => new Intl.DisplayNames([language()], { type: 'language' }).of(l)).join(', ')),
          fact('listing.format', (w.schedule || []).map((s) => t(`schedule.${s}`)).join(', ')),
          fact('listing.supports', (w.supports || []).map((s) => t(`supports.${s}`)).join(', ')),
          fact('listing.eligibility', eligibility(listing))),
        (listing.schedules || []).length ? h('section', {}, h('h2', {}, t('listing.schedule')), week(listing.schedules)) : null,
        h('section', {}, h('h2', {}, t('listing.outcomes')), (await outcomes(listing)) || h('p', { class: 'hint' }, t('listing.noOutcomes')))),
      h('div', {},
        h('section', {}, h('h2', {}, t('listing.apply')), howToApply(listing)),
        h('section', {}, h('h2', {}, t('listing.where')), places(listing)),
        me.roles.includes('case_manager') ? await referral(listing) : null,
        rating(listing))));
  announce('');
}

start({ bundle: 'listing', title: 'listing.title', render });
