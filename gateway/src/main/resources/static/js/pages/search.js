// The jobseeker's home: search the directory with type-ahead and filter chips, read why each result matched.
import { start } from '../core/shell.js';
import { t, tn, language } from '../core/i18n.js';
import { get, post, query, ApiError } from '../core/api.js';
import { h, show, $, announce } from '../core/dom.js';
import { money, day, miles } from '../core/format.js';

const CHIPS = [
  { id: 'free', param: ['cost', 'free'] },
  { id: 'evening', param: ['schedule', 'evening'] },
  { id: 'weekend', param: ['schedule', 'weekend'] },
  { id: 'spanish', param: ['language', 'es'] },
  { id: 'openSeats', param: ['openSeats', 'true'] },
  { id: 'near', param: null },
];
const KINDS = ['', 'training_program', 'support_service', 'career_event', 'job_opening'];
const RADII = [5, 10, 20, 50];
const state = { cursor: null, last: null, pressed: new Set() };

function chipButton(chip) {
  return h('li', {}, h('button', {
    type: 'button', class: 'chip', id: `chip-${chip.id}`, 'aria-pressed': String(state.pressed.has(chip.id)),
    onclick: (event) => {
      const on = !state.pressed.has(chip.id);
      if (on) state.pressed.add(chip.id); else state.pressed.delete(chip.id);
      event.currentTarget.setAttribute('aria-pressed', String(on));
      if (chip.id === 'near' && on && !/^\d{5}$/.test($('#zip').value)) {
        $('#zip').focus();
        announce(t('search.needZip'));
        return;
      }
      search();
    },
  }, t(`search.chip.${chip.id}`)));
}

function params(cursor) {
  const zip = $('#zip').value.trim();
  const near = state.pressed.has('near') && /^\d{5}$/.test(zip);
  const chosen = {
    q: $('#q').value.trim(), kind: $('#kind').value, zip: /^\d{5}$/.test(zip) ? zip : '',
    radiusMiles: near ? $('#radius').value : '',
    // with no words to rank by, what starts soonest is the most useful order
    sort: near ? 'distance' : ($('#q').value.trim() ? '' : 'start'), campaign: localStorage.getItem('wrd.campaign') || '',
    size: 10, cursor,
  };
  const schedule = [];
  for (const chip of CHIPS) {
    if (!chip.param || !state.pressed.has(chip.id)) continue;
    const [name, value] = chip.param;
    if (name === 'schedule') schedule.push(value); else chosen[name] = value;
  }
  if (schedule.length) chosen.schedule = schedule.join(',');
  return chosen;
}

/** Keeps the search in the address, so back, reload and a shared link show the same results. */
function remember(chosen) {
  const keep = { ...chosen, size: undefined, cursor: undefined, campaign: undefined, sort: undefined, chips: [...state.pressed].join(',') };
  history.replaceState(null, '', `/${query(keep)}`);
}

/** Highlighted fragments come as text with <em> marks; they are split, never parsed as HTML. */
function marked(fragment) {
  return fragment.split(/(<em>.*?<\/em>)/g).filter(Boolean)
    .map((part) => (part.startsWith('<em>') ? h('mark', {}, part.slice(4, -5)) : part));
}

function why(result, chosen) {
  const reasons = [];
  const fragment = (result.highlights?.title || result.highlights?.description || [])[0];
  if (fragment) reasons.push(h('span', {}, t('search.why.words'), ' “', marked(fragment), '”'));
  if (chosen.cost === 'free' && result.free) reasons.push(t('search.why.free'));
  if ((chosen.schedule || '').includes('evening')) reasons.push(t('search.why.evening'));
  if ((chosen.schedule || '').includes('weekend')) reasons.push(t('search.why.weekend'));
  if (chosen.language === 'es') reasons.push(t('search.why.spanish'));
  if (chosen.openSeats && result.seatsOpen) reasons.push(t('search.why.openSeats'));
  if (result.distanceMiles !== null && result.distanceMiles !== undefined && chosen.zip) {
    reasons.push(t('search.why.near', { distance: miles(result.distanceMiles), zip: chosen.zip }));
  }
  if (!reasons.length) return null;
  return h('p', { class: 'why' }, h('strong', {}, t('search.why.label')), ' ', reasons.flatMap((r, i) => (i ? ['; ', r] : [r])));
}

function priced(result) {
  return result.kind === 'training_program' || result.kind === 'career_event';
}

function card(result, chosen) {
  const facts = [
    result.distanceMiles !== null && result.distanceMiles !== undefined ? miles(result.distanceMiles) : null,
    priced(result) ? money(result.free ? 0 : result.cost) : (result.kind === 'support_service' && result.free ? t('format.free') : null),
    result.nextStart ? t('search.starts', { date: day(result.nextStart) }) : null,
    result.seatsOpen !== null && result.seatsOpen !== undefined ? tn('search.seats', result.seatsOpen) : null,
    result.schedule?.length ? result.schedule.map((s) => t(`schedule.${s}`)).join(', ') : null,
    result.city ? result.city : null,
  ].filter(Boolean);
  return h('li', {}, h('article', { class: 'card result', dataset: { id: result.id } },
    h('h3', {}, h('a', { href: `/listing.html?id=${encodeURIComponent(result.id)}`, class: 'result-link' }, result.title)),
    h('p', { class: 'meta' }, h('span', { class: 'badge' }, t(`kind.${result.kind}`)), ' ', result.organization,
      result.sample ? [' ', h('span', { class: 'badge warn' }, t('search.sample'))] : null),
    h('ul', { class: 'meta' }, facts.map((f) => h('li', {}, f))),
    result.matchesAllWords === false ? h('p', { class: 'hint' }, t('search.someWords')) : null,
    why(result, chosen)));
}

function notices(page, chosen) {
  const list = [];
  if (page.showingResultsFor) list.push(h('p', { class: 'notice' }, t('search.showingFor', { text: page.showingResultsFor })));
  else if (page.didYouMean) {
    list.push(h('p', { class: 'notice' }, t('search.didYouMean'), ' ', h('button', {
      type: 'button', class: 'link', onclick: () => { $('#q').value = page.didYouMean; search(); },
    }, page.didYouMean)));
  }
  if (page.relaxed) {
    const dropped = Object.keys(page.droppedFilters || {}).map((f) => t(`search.filter.${f}`)).join(', ');
    list.push(h('p', { class: 'notice' }, t('search.relaxed', { filters: dropped })));
  }
  if (chosen.q && page.total === 0) list.push(h('p', { class: 'notice' }, t('search.nothing')));
  return list;
}

async function search(more = false) {
  const chosen = params(more ? state.cursor : null);
  if (!more) remember(chosen);
  const results = $('#results');
  announce(t('loading'));
  try {
    const page = await get(`/api/directory/search${query(chosen)}`);
    const cards = page.results.map((r) => card(r, chosen));
    if (more) results.append(...cards); else show(results, ...cards);
    const before = results.previousElementSibling;
    document.querySelectorAll('.search-notice').forEach((n) => n.remove());
    notices(page, chosen).forEach((n) => { n.classList.add('search-notice'); before.before(n); });
    state.cursor = page.nextCursor;
    $('#more').hidden = !page.nextCursor;
    announce(tn('search.found', page.total));
  } catch (error) {
    const field = error instanceof ApiError ? (error.problem.errors || [])[0] : null;
    announce(field ? t('error.field', { field: t(`search.field.${field.field}`), message: field.message })
      : t(error instanceof ApiError && error.status < 500 ? 'error.generic' : 'error.offline'));
  }
}

let typing;
function suggest() {
  clearTimeout(typing);
  const text = $('#q').value.trim();
  if (text.length < 2) return;
  typing = setTimeout(async () => {
    try {
      const { suggestions } = await get(`/api/directory/suggest${query({ q: text, size: 8 })}`);
      show($('#suggestions'), suggestions.map((s) => h('option', { value: s.text })));
    } catch {
      // type-ahead is a help, not a need: searching still works
    }
  }, 150);
}

/** A visitor from a poster or QR code: remember the campaign for later searches and intakes, count the landing. */
function landing() {
  const campaign = new URLSearchParams(location.search).get('campaign');
  if (!campaign || !/^[A-Za-z0-9_-]{1,40}$/.test(campaign)) return;
  localStorage.setItem('wrd.campaign', campaign);
  if (sessionStorage.getItem('wrd.landed') === campaign) return;
  sessionStorage.setItem('wrd.landed', campaign);
  post('/api/directory/engagement/landings', { campaign, page: '/', language: language() }).catch(() => {});
}

function restore() {
  const url = new URLSearchParams(location.search);
  $('#q').value = url.get('q') || '';
  $('#zip').value = url.get('zip') || '';
  $('#kind').value = KINDS.includes(url.get('kind')) ? url.get('kind') : '';
  if (RADII.includes(Number(url.get('radiusMiles')))) $('#radius').value = url.get('radiusMiles');
  (url.get('chips') || '').split(',').filter((c) => CHIPS.some((chip) => chip.id === c)).forEach((c) => state.pressed.add(c));
}

start({
  bundle: 'search',
  title: 'search.title',
  render: async () => {
    show($('#kind'), KINDS.map((k) => h('option', { value: k }, t(k ? `kind.${k}` : 'search.kind.all'))));
    show($('#radius'), RADII.map((r) => h('option', { value: r, selected: r === 10 }, t('search.within', { n: r }))));
    restore();
    show($('#chips'), CHIPS.map(chipButton));
    landing();
    $('#q').addEventListener('input', suggest);
    $('#search').addEventListener('submit', (event) => { event.preventDefault(); search(); });
    $('#more').addEventListener('click', () => search(true));
    await search();
  },
});
