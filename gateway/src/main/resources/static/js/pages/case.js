// Case manager's desk: their organization's clients, the referrals they sent (a board by status), retention
// check-ins that are due, and referrals a provider has not answered in time. Intakes themselves run on /intake.html.
import { start } from '../core/shell.js';
import { t, tn } from '../core/i18n.js';
import { get, post, query, ApiError } from '../core/api.js';
import { h, show, $, $$, announce } from '../core/dom.js';
import { day, dateTime, whole } from '../core/format.js';

const STATUSES = ['sent', 'accepted', 'enrolled', 'completed', 'declined', 'exited', 'withdrawn'];
const OPEN = ['sent', 'accepted', 'enrolled'];
const OUTCOMES = ['got_help', 'could_not_contact', 'not_eligible', 'no_capacity', 'no_longer_interested', 'other'];
const names = new Map(); // clientId -> display name, for the cards and follow-ups
const providers = new Map(); // organization id -> Promise of its name

const today = () => new Date().toISOString().slice(0, 10);
const path = (id) => `/api/matching/referrals/${encodeURIComponent(id)}`;

/** The words to show for a failed call: the service's own detail when it gave one. */
function problem(error) {
  if (!(error instanceof ApiError)) return t('error.offline');
  if (error.status >= 500) return t('error.offline');
  return error.problem.detail || t('error.generic');
}

const slug = (error) => (error instanceof ApiError && error.problem.type ? error.problem.type.split('/').pop() : '');
const clientName = (id) => (id ? names.get(id) || t('case.client.unknown') : t('case.client.self'));

// ---------------------------------------------------------------- clients

function clientRow({ client, intakes, openReferrals, followUpsDue }) {
  return h('tr', { 'data-client': client.id },
    h('th', { scope: 'row' }, client.displayName),
    h('td', { class: 'num' }, whole(intakes)),
    h('td', { class: 'num' }, whole(openReferrals)),
    h('td', { class: 'num' }, followUpsDue > 0 ? h('span', { class: 'badge warn' }, whole(followUpsDue)) : whole(followUpsDue)),
    h('td', {}, h('a', { class: 'run-intake', href: `/intake.html?client=${encodeURIComponent(client.id)}` },
      t('case.clients.runIntake'), h('span', { class: 'visually-hidden' }, ` ${t('case.clients.for', { name: client.displayName })}`))));
}

async function loadClients(q) {
  const body = $('#clients tbody');
  try {
    const found = await get(`/api/matching/clients${query({ q, size: 50 })}`);
    found.forEach((row) => names.set(row.client.id, row.client.displayName));
    show(body, found.length ? found.map(clientRow)
      : h('tr', {}, h('td', { colspan: 5 }, t(q ? 'case.clients.noMatch' : 'case.clients.none'))));
    return found.length;
  } catch (error) {
    show(body, h('tr', {}, h('td', { colspan: 5, class: 'error' }, problem(error))));
    return 0;
  }
}

function clientSearch() {
  const form = $('#client-search');
  let timer;
  const run = async () => {
    clearTimeout(timer);
    const q = $('#client-q').value.trim();
    announce(tn('case.clients.found', await loadClients(q)));
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); run(); });
  $('#client-q').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 400); });
}

function newClient() {
  const form = $('#new-client');
  const input = $('#new-client-name');
  const error = $('#new-client-error');
  const fail = (text) => {
    error.textContent = text;
    input.setAttribute('aria-invalid', 'true');
    input.closest('.field').classList.add('invalid');
    input.focus();
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const displayName = input.value.trim();
    if (!displayName) { fail(t('case.newClient.required')); return; }
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    input.closest('.field').classList.remove('invalid');
    try {
      const client = await post('/api/matching/clients', { displayName });
      names.set(client.id, client.displayName);
      const body = $('#clients tbody');
      $$('tr:not([data-client])', body).forEach((row) => row.remove());
      body.prepend(clientRow({ client, intakes: 0, openReferrals: 0, followUpsDue: 0 }));
      input.value = '';
      announce(t('case.newClient.added', { name: client.displayName }));
    } catch (failure) {
      fail(failure instanceof ApiError && failure.fieldMessage('displayName')
        ? t('error.field', { field: t('case.newClient.name'), message: failure.fieldMessage('displayName') }) : problem(failure));
    }
  });
}

// ---------------------------------------------------------------- referral board

/** The provider organization's name (the public HSDS API takes the directory's organization id too). */
function providerName(referral) {
  const org = referral.providerOrganizationId;
  if (!providers.has(org)) {
    providers.set(org, get(`/api/directory/hsds/organizations/${encodeURIComponent(org)}`)
      .then((o) => o.name || org).catch(() => org));
  }
  const span = h('span', {}, org);
  providers.get(org).then((name) => { span.textContent = name; });
  return span;
}

function checkIns(referral) {
  if (!referral.checkIns?.length) return null;
  return h('details', { class: 'check-ins' },
    h('summary', {}, tn('case.checkIns.show', referral.checkIns.length)),
    h('ul', {}, referral.checkIns.map((c) => h('li', {},
      t('case.checkIns.line', { day: c.day, due: day(c.dueOn) }), ' ',
      c.recordedAt ? t(c.employed ? 'case.checkIns.employed' : 'case.checkIns.notEmployed', { on: day(c.recordedAt) })
        : t(c.noContactByChoice ? 'case.checkIns.noContact' : 'case.checkIns.open')))));
}

function withdrawControls(referral, card) {
  const question = h('p', { id: `withdraw-q-${referral.id}` }, t('case.withdraw.question'));
  const confirm = h('div', { class: 'confirm', hidden: true }, question,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'danger small confirm-withdraw', 'aria-describedby': question.id,
        onclick: () => move(referral, card, { status: 'withdrawn' }, t('case.withdraw.done', { title: referral.listingTitle })) },
      t('case.withdraw.yes')),
      h('button', { type: 'button', class: 'secondary small cancel-withdraw', onclick: () => {
        confirm.hidden = true;
        card.querySelector('.withdraw').focus();
      } }, t('case.withdraw.no'))));
  const open = h('button', { type: 'button', class: 'secondary small withdraw', onclick: () => {
    confirm.hidden = false;
    confirm.querySelector('.confirm-withdraw').focus();
  } }, t('case.withdraw.button'));
  return [h('div', { class: 'actions' }, open), confirm];
}

function outcomeControls(referral, card) {
  const id = `outcome-${referral.id}`;
  const select = h('select', { id, name: 'outcome' },
    h('option', { value: '' }, t('case.outcome.choose')),
    OUTCOMES.map((o) => h('option', { value: o, selected: referral.outcome === o }, t(`case.outcome.${o}`))));
  const button = h('button', { type: 'button', class: 'small record-outcome', onclick: () => {
    if (!select.value) { say(card, t('case.outcome.pick'), select); return; }
    act(referral, card, 'outcome', { outcome: select.value }, t('case.outcome.done', { outcome: t(`case.outcome.${select.value}`) }));
  } }, t('case.outcome.record'));
  return h('div', { class: 'inline-fields' },
    h('div', { class: 'field' }, h('label', { for: id }, t('case.outcome.label')), select),
    h('div', { class: 'field' }, button));
}

function placementControls(referral, card) {
  if (!['enrolled', 'completed'].includes(referral.status) || referral.placedOn) return null;
  const id = `placed-${referral.id}`;
  const input = h('input', { type: 'date', id, name: 'placedOn', max: today() });
  const button = h('button', { type: 'button', class: 'small record-placement', onclick: () => {
    if (!input.value) { say(card, t('case.placement.pick'), input); return; }
    act(referral, card, 'placement', { placedOn: input.value }, t('case.placement.done', { on: day(input.value) }));
  } }, t('case.placement.record'));
  return h('div', { class: 'inline-fields' },
    h('div', { class: 'field' }, h('label', { for: id }, t('case.placement.label')), input),
    h('div', { class: 'field' }, button));
}

function card(referral) {
  const article = h('article', { class: 'card referral', 'data-referral': referral.id, 'data-status': referral.status });
  const badgeClass = { sent: '', accepted: 'ok', enrolled: 'ok', completed: 'ok', declined: 'bad', exited: 'warn', withdrawn: '' }[referral.status];
  show(article,
    h('h4', { tabindex: '-1' }, h('a', { href: `/listing.html?id=${encodeURIComponent(referral.listingId)}` }, referral.listingTitle)),
    h('ul', { class: 'meta' },
      h('li', {}, t('case.card.client'), ' ', h('strong', {}, clientName(referral.clientId))),
      h('li', {}, t('case.card.provider'), ' ', providerName(referral)),
      h('li', {}, h('span', { class: `badge ${badgeClass}` }, t(`case.status.${referral.status}`)),
        referral.overdue ? [' ', h('span', { class: 'badge bad' }, t('case.card.overdue'))] : null),
      h('li', {}, t('case.card.updated', { on: day(referral.updatedAt) }))),
    referral.reason ? h('p', {}, t('case.card.reason'), ' ', t(`case.reason.${referral.reason}`)) : null,
    referral.note ? h('p', { class: 'note' }, t('case.card.note'), ' ', referral.note) : null,
    referral.placedOn ? h('p', {}, t('case.card.placed', { on: day(referral.placedOn) })) : null,
    referral.outcome ? h('p', {}, t('case.card.outcome'), ' ', t(`case.outcome.${referral.outcome}`)) : null,
    h('p', { class: 'error card-error', role: 'alert' }),
    OPEN.includes(referral.status) ? withdrawControls(referral, article) : null,
    outcomeControls(referral, article),
    placementControls(referral, article),
    checkIns(referral));
  return article;
}

function say(cardElement, text, field) {
  cardElement.querySelector('.card-error').textContent = text;
  if (field) field.focus();
}

function count(section) {
  const n = section.querySelectorAll('article.referral').length;
  section.querySelector('.count').textContent = `(${whole(n)})`;
  const empty = section.querySelector('.empty');
  empty.hidden = n > 0;
}

/** Puts a referral's card in its status column (first), replacing the old card wherever it was. */
function place(referral, focus) {
  const old = $(`#board article[data-referral="${referral.id}"]`);
  const from = old?.closest('section');
  old?.remove();
  if (from) count(from);
  const section = $(`#board section[data-status="${referral.status}"]`);
  const made = card(referral);
  section.querySelector('.cards').prepend(made);
  count(section);
  if (focus) made.querySelector('h4').focus();
}

async function act(referral, cardElement, action, body, done) {
  try {
    const updated = await post(`${path(referral.id)}/${action}`, body);
    place(updated, true);
    announce(done);
  } catch (error) {
    say(cardElement, slug(error) === 'placed' ? t('case.placement.already') : problem(error));
  }
}

async function move(referral, cardElement, body, done) {
  try {
    const updated = await post(`${path(referral.id)}/status`, body);
    place(updated, true);
    announce(done);
  } catch (error) {
    say(cardElement, problem(error));
    if (slug(error) === 'invalid-transition') {
      // Someone else moved it first: show the board as it is now, and say why (the card's own message went with it).
      await loadBoard();
      $(`#board article[data-referral="${referral.id}"] h4`)?.focus();
      announce(`${problem(error)} ${t('case.board.reloaded')}`);
    }
  }
}

async function loadBoard() {
  const board = $('#board');
  const lists = await Promise.all(STATUSES.map((status) =>
    get(`/api/matching/referrals${query({ status, size: 100 })}`).catch((error) => ({ error }))));
  show(board, STATUSES.map((status, i) => {
    const headingId = `board-${status}`;
    const section = h('section', { 'data-status': status, 'aria-labelledby': headingId },
      h('h3', { id: headingId }, t(`case.status.${status}`), ' ', h('span', { class: 'count' })),
      lists[i].error ? h('p', { class: 'error' }, problem(lists[i].error)) : null,
      h('p', { class: 'empty hint' }, t('case.board.empty')),
      h('div', { class: 'cards results' }, (lists[i].error ? [] : lists[i]).map(card)));
    count(section);
    return section;
  }));
}

async function refreshCard(id) {
  try {
    place(await get(path(id)), false);
  } catch { /* the board keeps the older card; a reload shows the change */ }
}

// ---------------------------------------------------------------- follow-ups and overdue

function followUp(item) {
  const questionId = `employed-q-${item.referralId}-${item.day}`;
  const error = h('p', { class: 'error', role: 'alert' });
  const li = h('li', { class: 'card follow-up', 'data-referral': item.referralId, 'data-day': item.day });
  const record = async (employed) => {
    try {
      await post(`${path(item.referralId)}/check-ins/${item.day}`, { employed });
      li.remove();
      if (!$('#follow-ups li')) show($('#follow-ups'), h('li', { class: 'hint' }, t('case.followUps.none')));
      announce(t(employed ? 'case.followUps.doneYes' : 'case.followUps.doneNo', { title: item.listingTitle }));
      $('#follow-ups-heading').setAttribute('tabindex', '-1');
      $('#follow-ups-heading').focus();
      refreshCard(item.referralId);
    } catch (failure) {
      const kind = slug(failure);
      error.textContent = ['no-consent', 'do-not-contact', 'recorded', 'not-due'].includes(kind)
        ? t(`case.followUps.problem.${kind}`) : problem(failure);
    }
  };
  return show(li,
    h('h3', {}, item.listingTitle),
    h('ul', { class: 'meta' },
      h('li', {}, t('case.card.client'), ' ', h('strong', {}, clientName(item.clientId))),
      h('li', {}, t('case.followUps.day', { day: item.day })),
      h('li', {}, t('case.followUps.due', { on: day(item.dueOn) })),
      item.overdue ? h('li', {}, h('span', { class: 'badge bad' }, t('case.card.overdue'))) : null),
    h('div', { role: 'group', 'aria-labelledby': questionId, class: 'actions' },
      h('span', { id: questionId, class: 'question' }, t('case.followUps.question')),
      h('button', { type: 'button', class: 'small employed-yes', onclick: () => record(true) }, t('case.followUps.yes')),
      h('button', { type: 'button', class: 'small secondary employed-no', onclick: () => record(false) }, t('case.followUps.no'))),
    error);
}

async function loadFollowUps() {
  const list = $('#follow-ups');
  try {
    const due = await get('/api/matching/follow-ups');
    show(list, due.length ? due.map(followUp) : h('li', { class: 'hint' }, t('case.followUps.none')));
  } catch (error) {
    show(list, h('li', { class: 'error' }, problem(error)));
  }
}

async function loadOverdue() {
  try {
    const late = await get('/api/matching/referrals/overdue');
    if (!late.length) { show($('#overdue')); return; }
    show($('#overdue'), h('div', { class: 'notice bad', id: 'overdue-notice' },
      h('h2', {}, tn('case.overdue.heading', late.length)),
      h('p', {}, t('case.overdue.intro')),
      h('ul', {}, late.map((r) => h('li', {},
        h('a', { href: `/listing.html?id=${encodeURIComponent(r.listingId)}` }, r.listingTitle), ' · ',
        clientName(r.clientId), ' · ', providerName(r), ' · ',
        t('case.overdue.since', { when: dateTime(r.deadlineAt) }))))));
  } catch {
    show($('#overdue')); // the board still shows overdue badges
  }
}

async function render() {
  clientSearch();
  newClient();
  // Names for the cards first (the 100 newest clients), then everything that shows them.
  try {
    (await get('/api/matching/clients?size=100')).forEach((row) => names.set(row.client.id, row.client.displayName));
  } catch { /* cards fall back to "client not in your list" */ }
  await Promise.all([loadClients(''), loadBoard(), loadFollowUps(), loadOverdue()]);
}

start({ bundle: 'case', title: 'case.title', roles: ['case_manager'], render });
