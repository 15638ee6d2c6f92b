// A provider's desk: seats and start dates of their listings (saved with If-Match, so two people editing at once
// never overwrite each other silently), what changed and who changed it, listings that need a look, the referrals
// case managers sent them, and attendance at their career events.
import { start } from '../core/shell.js';
import { t, tn, has } from '../core/i18n.js';
import { get, post, put, request, query, ApiError } from '../core/api.js';
import { h, show, $, announce } from '../core/dom.js';
import { day, dateTime, whole } from '../core/format.js';

const DECLINE = ['no_capacity', 'not_eligible', 'could_not_contact', 'no_longer_interested', 'schedule_conflict', 'other'];
const EXIT = ['found_employment', 'moved', 'health', 'no_longer_interested', 'schedule_conflict', 'could_not_contact', 'other'];
const INCOMING = ['sent', 'accepted', 'enrolled'];
const FIELDS = ['seatsOpen', 'seatsTotal', 'nextStart'];
const FORMATS = ['in_person', 'virtual', 'hybrid'];
const service = (id) => `/api/directory/services/${encodeURIComponent(id)}`;
const slug = (error) => (error instanceof ApiError && error.problem.type ? error.problem.type.split('/').pop() : '');
const empty = (v) => (v === null || v === undefined || v === '' ? t('provider.none') : v);
let attentionItems = [];
let listed = new Set();
let wholeDirectory = false; // an admin's attention list covers every organization

function problem(error) {
  if (!(error instanceof ApiError) || error.status >= 500) return t('error.offline');
  return error.problem.detail || t('error.generic');
}

// ---------------------------------------------------------------- which listings are this organization's

/**
 * The HSDS read API lists the organization's services, but under HSDS ids (name-based UUIDs), which the directory's
 * own endpoints do not take. Search gives listing ids: first one search for the organization's name, then, one at a
 * time (search is heavy), a search for each title still missing. An HSDS id that is itself a listing id (records
 * imported with UUIDs) is used as it is when search does not find the title.
 */
async function listingIds(org) {
  const services = [];
  for (let page = 1; page <= 10; page++) {
    const found = await get(`/api/directory/hsds/services${query({ organization_id: org, per_page: 100, page })}`);
    services.push(...found.contents);
    if (found.last_page || !found.contents.length) break;
  }
  const byTitle = new Map(); // title -> listing ids of this organization
  const collect = (results) => results.filter((r) => r.organizationId === org).forEach((r) => {
    byTitle.set(r.title, new Set([...(byTitle.get(r.title) || []), r.serviceId]));
  });
  const search = (q, cursor) => get(`/api/directory/search${query({ q, size: 50, cursor })}`);
  const name = services[0]?.organization?.name;
  if (name) {
    try {
      let found = await search(name);
      collect(found.results);
      for (let more = 0; more < 3 && found.nextCursor && services.some((s) => !byTitle.has(s.name)); more++) {
        found = await search(name, found.nextCursor);
        collect(found.results);
      }
    } catch { /* the titles below still find them */ }
  }
  const ids = [];
  for (const s of services) {
    if (!byTitle.has(s.name)) {
      try { collect((await search(s.name)).results); } catch { /* use the HSDS id */ }
    }
    ids.push(...(byTitle.get(s.name) || [s.id]));
  }
  return [...new Set(ids)];
}

// ---------------------------------------------------------------- listings table

function cellInput(listing, name, attributes) {
  const id = `${name}-${listing.id}`;
  const input = h('input', { id, name, 'aria-describedby': `${id}-error`, ...attributes });
  return h('td', { class: `cell-${name}` },
    h('label', { for: id, class: 'cell-label' }, t(`provider.listings.${name}`),
      h('span', { class: 'visually-hidden' }, ` – ${listing.title}`)),
    input, h('p', { class: 'error', id: `${id}-error` }));
}

function fill(row, listing) {
  const w = listing.workforce || {};
  row.querySelector('[name=seatsOpen]').value = w.seatsOpen ?? '';
  row.querySelector('[name=seatsTotal]').value = w.seatsTotal ?? '';
  row.querySelector('[name=nextStart]').value = w.nextStart ?? '';
}

function listingRow(listing, etag) {
  const row = h('tr', { 'data-listing': listing.id, 'data-etag': etag });
  const hidden = (text) => h('span', { class: 'visually-hidden' }, ` – ${text}`);
  show(row,
    h('td', { class: 'cell-title' },
      h('a', { href: `/listing.html?id=${encodeURIComponent(listing.id)}` }, listing.title),
      listing.status !== 'active' ? [' ', h('span', { class: 'badge warn' }, t(`provider.listingStatus.${listing.status.replace(' ', '_')}`))] : null,
      h('div', { class: 'row-messages' })),
    h('td', { class: 'cell-kind' }, t(`kind.${listing.kind}`)),
    cellInput(listing, 'seatsOpen', { type: 'number', min: 0, max: 100000, inputmode: 'numeric' }),
    cellInput(listing, 'seatsTotal', { type: 'number', min: 0, max: 100000, inputmode: 'numeric' }),
    cellInput(listing, 'nextStart', { type: 'date' }),
    h('td', { class: 'cell-actions' }, h('div', { class: 'row-actions' },
      h('button', { type: 'button', class: 'small save-availability', onclick: () => save(row, listing) }, t('save'), hidden(listing.title)),
      h('button', { type: 'button', class: 'small secondary history', onclick: () => history(listing) }, t('provider.listings.history'), hidden(listing.title)),
      h('button', { type: 'button', class: 'small secondary verify', onclick: () => verify(listing) }, t('provider.listings.verify'), hidden(listing.title)),
      listing.kind === 'career_event'
        ? h('button', { type: 'button', class: 'small secondary attendance', onclick: () => attendance(listing) }, t('provider.listings.attendance'), hidden(listing.title))
        : null)));
  fill(row, listing);
  return row;
}

function clearErrors(row) {
  show(row.querySelector('.row-messages'));
  for (const name of FIELDS) {
    const input = row.querySelector(`[name=${name}]`);
    input.removeAttribute('aria-invalid');
    input.closest('td').classList.remove('invalid');
    input.closest('td').querySelector('.error').textContent = '';
  }
}

function fieldErrors(row, error) {
  const errors = [].concat(error.problem.errors || []);
  let first;
  const unplaced = [];
  for (const e of errors) {
    const name = String(e.field || '').split('.').pop();
    if (!FIELDS.includes(name)) { unplaced.push(e.message); continue; }
    const input = row.querySelector(`[name=${name}]`);
    input.setAttribute('aria-invalid', 'true');
    input.closest('td').classList.add('invalid');
    input.closest('td').querySelector('.error').textContent = e.message;
    first ??= input;
  }
  show(row.querySelector('.row-messages'), h('p', { class: 'error', role: 'alert' },
    first ? t('provider.save.fix') : problem(error), unplaced.length ? ` ${unplaced.join(' ')}` : ''));
  (first || row.querySelector('.save-availability')).focus();
}

const numberOf = (input) => (input.value === '' ? null : Number(input.value));

async function save(row, listing) {
  clearErrors(row);
  const body = {
    seatsOpen: numberOf(row.querySelector('[name=seatsOpen]')),
    seatsTotal: numberOf(row.querySelector('[name=seatsTotal]')),
    nextStart: row.querySelector('[name=nextStart]').value || null,
  };
  if (body.seatsOpen !== null && body.seatsTotal !== null && body.seatsOpen > body.seatsTotal) {
    fieldErrors(row, new ApiError(400, { errors: [{ field: 'workforce.seatsOpen', message: t('provider.save.openOverTotal') }] }));
    return;
  }
  try {
    const { data, etag } = await request('PATCH', `${service(listing.id)}/availability`, { body, etag: row.dataset.etag });
    row.dataset.etag = etag;
    fill(row, data);
    announce(t('provider.save.done', { title: listing.title }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      await stale(row, listing, error);
    } else if (error instanceof ApiError && error.status === 400 && error.problem.errors) {
      fieldErrors(row, error);
    } else {
      show(row.querySelector('.row-messages'), h('p', { class: 'error', role: 'alert' }, problem(error)));
    }
  }
}

/** Someone saved in between: show what is there now, keep what this person typed, and let the next Save win. */
async function stale(row, listing, error) {
  const area = row.querySelector('.row-messages');
  try {
    const { data, etag } = await request('GET', service(listing.id));
    row.dataset.etag = etag;
    const w = data.listing.workforce || {};
    show(area, h('div', { class: 'notice bad stale-notice', role: 'alert' }, t('provider.save.stale', {
      open: empty(w.seatsOpen), total: empty(w.seatsTotal), start: w.nextStart ? day(w.nextStart) : t('provider.none'),
    })));
  } catch {
    show(area, h('p', { class: 'error stale-notice', role: 'alert' }, problem(error)));
  }
}

async function loadListings(org) {
  const body = $('#listings tbody');
  show(body, h('tr', {}, h('td', { colspan: 6 }, t('loading'))));
  try {
    const ids = await listingIds(org);
    const loaded = await Promise.all(ids.map((id) => request('GET', service(id)).catch(() => null)));
    const rows = loaded.filter(Boolean)
      .filter(({ data }) => data.listing.organizationId === org)
      .sort((a, b) => a.data.listing.title.localeCompare(b.data.listing.title));
    listed = new Set(rows.map(({ data }) => data.listing.id));
    show(body, rows.length ? rows.map(({ data, etag }) => listingRow(data.listing, etag))
      : h('tr', {}, h('td', { colspan: 6 }, t('provider.listings.none'))));
  } catch (error) {
    show(body, h('tr', {}, h('td', { colspan: 6, class: 'error' }, problem(error))));
  }
}

// ---------------------------------------------------------------- history, verify, attention

function value(v) {
  if (v === null || v === undefined || v === '') return t('provider.none');
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : x)).join(', ') : t('provider.none');
  const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

const fieldName = (field) => (has(`provider.field.${field}`) ? t(`provider.field.${field}`) : field);
const known = (prefix, v) => (has(`${prefix}.${v}`) ? t(`${prefix}.${v}`) : v);

async function history(listing) {
  const panel = $('#history');
  panel.hidden = false;
  $('#history-heading').textContent = t('provider.history.heading', { title: listing.title });
  const list = $('#history-list');
  show(list, h('li', {}, t('loading')));
  $('#history-heading').focus();
  try {
    const entries = await get(`${service(listing.id)}/history`);
    show(list, entries.length ? entries.map((e) => {
      const fields = Object.entries(e.fields || {});
      return h('li', {},
        h('strong', {}, t('provider.history.version', { n: e.version }), ' · ', known('provider.change', e.change)), ' · ',
        dateTime(e.changedAt), ' · ', t('provider.history.by', { who: known('provider.role', e.actorRole || 'system') }),
        e.source ? [' · ', t('provider.history.source', { source: e.source })] : null,
        e.change === 'created' ? null : fields.length ? h('ul', {}, fields.map(([field, change]) => h('li', {},
          fieldName(field), ': ', value(change.from), ' → ', value(change.to)))) : null);
    }) : h('li', {}, t('provider.history.none')));
  } catch (error) {
    show(list, h('li', { class: 'error' }, problem(error)));
  }
}

async function verify(listing) {
  try {
    const done = await post(`${service(listing.id)}/verify`);
    attentionItems = attentionItems.filter((a) => a.serviceId !== listing.id);
    drawAttention();
    if (document.activeElement === document.body) { // the button pressed was in the list just redrawn
      $('#attention-heading').tabIndex = -1;
      $('#attention-heading').focus();
    }
    announce(t('provider.verify.done', { title: listing.title, when: dateTime(done.verifiedAt) }));
  } catch (error) {
    announce(problem(error));
  }
}

function drawAttention() {
  const list = $('#attention');
  show(list, attentionItems.length ? attentionItems.map((a) => h('li', { class: 'notice', 'data-listing': a.serviceId },
    h('strong', {}, a.title), ' ',
    a.notVerified ? h('span', {}, a.verifiedAt ? t('provider.attention.since', { when: day(a.verifiedAt) }) : t('provider.attention.never'), ' ') : null,
    a.reportedIncorrect > 0 ? h('span', {}, tn('provider.attention.reported', a.reportedIncorrect), ' ') : null,
    h('button', { type: 'button', class: 'small secondary attention-verify', onclick: () => verify({ id: a.serviceId, title: a.title }) },
      t('provider.listings.verify'), h('span', { class: 'visually-hidden' }, ` – ${a.title}`))))
    : h('li', { class: 'hint' }, t('provider.attention.none')));
}

async function loadAttention() {
  try {
    const found = await get('/api/directory/attention');
    // An admin sees the whole directory here; keep the organization being looked at.
    attentionItems = wholeDirectory ? found.filter((a) => listed.has(a.serviceId)) : found;
  } catch {
    attentionItems = [];
  }
  drawAttention();
}

// ---------------------------------------------------------------- career-event attendance

let attendanceFor;

async function attendance(listing) {
  attendanceFor = listing;
  const panel = $('#attendance');
  panel.hidden = false;
  $('#attendance-heading').textContent = t('provider.attendance.heading', { title: listing.title });
  $('#attendance-heading').focus();
  await pastAttendance();
}

async function pastAttendance() {
  const past = $('#attendance-past');
  try {
    const rows = await get(`/api/directory/listings/${encodeURIComponent(attendanceFor.id)}/attendance`);
    show(past, rows.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
      h('caption', {}, t('provider.attendance.past')),
      h('thead', {}, h('tr', {}, ['eventOn', 'format', 'registered', 'attended'].map((c) =>
        h('th', { scope: 'col', class: c === 'registered' || c === 'attended' ? 'num' : null }, t(`provider.attendance.${c}`))))),
      h('tbody', {}, rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, day(r.eventOn)), h('td', {}, t(`provider.attendance.format.${r.format}`)),
        h('td', { class: 'num' }, whole(r.registered)), h('td', { class: 'num' }, whole(r.attended)))))))
      : h('p', { class: 'hint' }, t('provider.attendance.none')));
  } catch (error) {
    show(past, h('p', { class: 'error' }, problem(error)));
  }
}

function attendanceForm() {
  const form = $('#attendance-form');
  show($('#attendance-format'), FORMATS.map((f) => h('option', { value: f }, t(`provider.attendance.format.${f}`))));
  $('#attendance-close').addEventListener('click', () => { $('#attendance').hidden = true; });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const names = ['eventOn', 'format', 'registered', 'attended'];
    names.forEach((n) => { $(`#attendance-${n}`).removeAttribute('aria-invalid'); $(`#attendance-${n}-error`).textContent = ''; });
    $('#attendance-error').textContent = '';
    const missing = names.filter((n) => $(`#attendance-${n}`).value === '');
    if (missing.length) {
      missing.forEach((n) => { $(`#attendance-${n}`).setAttribute('aria-invalid', 'true'); $(`#attendance-${n}-error`).textContent = t('provider.attendance.required'); });
      $('#attendance-error').textContent = t('provider.attendance.fix');
      $(`#attendance-${missing[0]}`).focus();
      return;
    }
    try {
      await put(`/api/directory/listings/${encodeURIComponent(attendanceFor.id)}/attendance`, {
        eventOn: $('#attendance-eventOn').value, format: $('#attendance-format').value,
        registered: Number($('#attendance-registered').value), attended: Number($('#attendance-attended').value),
      });
      announce(t('provider.attendance.done', { title: attendanceFor.title }));
      await pastAttendance();
    } catch (error) {
      let placed = false;
      for (const n of names) {
        const message = error instanceof ApiError && error.fieldMessage(n);
        if (message) { $(`#attendance-${n}`).setAttribute('aria-invalid', 'true'); $(`#attendance-${n}-error`).textContent = message; placed = true; }
      }
      $('#attendance-error').textContent = placed ? t('provider.attendance.fix') : problem(error);
    }
  });
}

// ---------------------------------------------------------------- incoming referrals

const screeners = new Map();
const organizations = new Map();

/** The referring organization's name (the public HSDS API takes the directory's organization id too). */
function organizationName(org) {
  if (!organizations.has(org)) {
    organizations.set(org, get(`/api/directory/hsds/organizations/${encodeURIComponent(org)}`).then((o) => o.name || org).catch(() => org));
  }
  const span = h('span', {}, org);
  organizations.get(org).then((name) => { span.textContent = name; });
  return span;
}

function screenerAnswers(referral) {
  if (!referral.screener) return null;
  const list = h('dl', { class: 'facts screener' });
  if (!screeners.has(referral.listingId)) {
    screeners.set(referral.listingId, get(`${service(referral.listingId)}/screener`).then((s) => s.questions).catch(() => []));
  }
  screeners.get(referral.listingId).then((questions) => {
    const lang = document.documentElement.lang;
    show(list, Object.entries(referral.screener.answers || {}).map(([qid, answer]) => {
      const q = questions.find((x) => x.id === qid);
      return [h('dt', {}, q ? q.text[lang] || q.text.en : qid), h('dd', {}, known('provider.answer', answer))];
    }));
  });
  return h('div', {}, h('p', {}, t('provider.card.screener'), ' ', h('strong', {}, known('provider.screener', referral.screener.result))), list);
}

function reasonPicker(referral, reasons, buttonClass, label, status) {
  const id = `reason-${status}-${referral.id}`;
  const select = h('select', { id, name: 'reason' }, h('option', { value: '' }, t('provider.reason.choose')),
    reasons.map((r) => h('option', { value: r }, t(`provider.reason.${r}`))));
  return h('div', { class: 'inline-fields' },
    h('div', { class: 'field' }, h('label', { for: id }, t(status === 'declined' ? 'provider.reason.declineLabel' : 'provider.reason.exitLabel')), select),
    h('div', { class: 'field' }, h('button', { type: 'button', class: `small danger ${buttonClass}`, onclick: (event) => {
      if (!select.value) {
        event.target.closest('article').querySelector('.card-error').textContent = t('provider.reason.pick');
        select.focus();
        return;
      }
      move(referral, status, select.value);
    } }, t(label))));
}

function incomingCard(referral) {
  const article = h('article', { class: 'card referral', 'data-referral': referral.id, 'data-status': referral.status });
  const button = (cls, label, status) => h('button', { type: 'button', class: `small ${cls}`, onclick: () => move(referral, status) }, t(label));
  const actions = {
    sent: [h('div', { class: 'actions' }, button('accept', 'provider.card.accept', 'accepted')), reasonPicker(referral, DECLINE, 'decline', 'provider.card.decline', 'declined')],
    accepted: [h('div', { class: 'actions' }, button('enroll', 'provider.card.enroll', 'enrolled')), reasonPicker(referral, DECLINE, 'decline', 'provider.card.decline', 'declined')],
    enrolled: [h('div', { class: 'actions' }, button('complete', 'provider.card.complete', 'completed')), reasonPicker(referral, EXIT, 'exit', 'provider.card.exit', 'exited')],
  }[referral.status];
  return show(article,
    h('h4', { tabindex: '-1' }, h('a', { href: `/listing.html?id=${encodeURIComponent(referral.listingId)}` }, referral.listingTitle)),
    h('ul', { class: 'meta' },
      h('li', {}, t('provider.card.received', { on: day(referral.createdAt) })),
      referral.referringOrganizationId ? h('li', {}, t('provider.card.from'), ' ', organizationName(referral.referringOrganizationId)) : h('li', {}, t('provider.card.self')),
      referral.status === 'sent' ? h('li', {}, referral.overdue
        ? h('span', { class: 'badge bad' }, t('provider.card.overdue', { when: dateTime(referral.deadlineAt) }))
        : t('provider.card.deadline', { when: dateTime(referral.deadlineAt) })) : null),
    referral.detailsWithheld ? h('p', { class: 'notice withheld' }, t('provider.card.withheld')) : [
      referral.note ? h('p', { class: 'note' }, t('provider.card.note'), ' ', referral.note) : null,
      screenerAnswers(referral)],
    h('p', { class: 'error card-error', role: 'alert' }),
    actions);
}

function countIncoming(section) {
  const n = section.querySelectorAll('article.referral').length;
  section.querySelector('.count').textContent = `(${whole(n)})`;
  section.querySelector('.empty').hidden = n > 0;
}

async function move(referral, status, reason) {
  const card = $(`#incoming-board article[data-referral="${referral.id}"]`);
  try {
    const updated = await post(`/api/matching/referrals/${encodeURIComponent(referral.id)}/status`, { status, reason });
    const from = card.closest('section');
    card.remove();
    countIncoming(from);
    const message = t(`provider.moved.${status}`, { title: updated.listingTitle });
    if (INCOMING.includes(updated.status)) {
      const section = $(`#incoming-board section[data-status="${updated.status}"]`);
      const made = incomingCard(updated);
      section.querySelector('.cards').prepend(made);
      countIncoming(section);
      made.querySelector('h4').focus();
    } else {
      from.querySelector('h3').focus();
    }
    show($('#incoming-message'));
    announce(message);
  } catch (error) {
    if (slug(error) === 'invalid-transition') {
      show($('#incoming-message'), h('p', { class: 'notice bad', role: 'alert' }, problem(error), ' ', t('provider.incoming.reloaded')));
      await loadIncoming();
    } else if (card) {
      card.querySelector('.card-error').textContent = problem(error);
    }
  }
}

async function loadIncoming() {
  const lists = await Promise.all(INCOMING.map((status) =>
    get(`/api/matching/referrals${query({ status, size: 100 })}`).catch((error) => ({ error }))));
  show($('#incoming-board'), INCOMING.map((status, i) => {
    const section = h('section', { 'data-status': status, 'aria-labelledby': `incoming-${status}` },
      h('h3', { id: `incoming-${status}`, tabindex: '-1' }, t(`provider.incoming.${status}`), ' ', h('span', { class: 'count' })),
      lists[i].error ? h('p', { class: 'error' }, problem(lists[i].error)) : null,
      h('p', { class: 'empty hint' }, t('provider.incoming.empty')),
      h('div', { class: 'cards results' }, (lists[i].error ? [] : lists[i]).map(incomingCard)));
    countIncoming(section);
    return section;
  }));
}

// ---------------------------------------------------------------- page

async function showOrganization(org) {
  await loadListings(org);
  await loadAttention();
}

async function render({ me }) {
  const admin = me.roles.includes('admin');
  const provider = me.roles.includes('provider');
  wholeDirectory = admin;
  $('#history-close').addEventListener('click', () => { $('#history').hidden = true; });
  attendanceForm();
  if (admin || !me.organization) {
    const picker = $('#org-picker');
    picker.hidden = false;
    $('#org-id').value = me.organization || '';
    picker.addEventListener('submit', async (event) => {
      event.preventDefault();
      const org = $('#org-id').value.trim();
      if (!org) { $('#org-id').focus(); return; }
      $('#history').hidden = true;
      $('#attendance').hidden = true;
      await showOrganization(org);
      announce(tn('provider.listings.count', $('#listings tbody').querySelectorAll('tr[data-listing]').length));
    });
  }
  const org = me.organization || '';
  const work = [org ? showOrganization(org) : Promise.resolve(drawAttention())];
  if (provider) {
    work.push(loadIncoming());
  } else {
    $('#incoming .hint').hidden = true;
    show($('#incoming-board'), h('p', { class: 'notice' }, t('provider.incoming.adminNote')));
  }
  await Promise.all(work);
}

start({ bundle: 'provider', title: 'provider.title', roles: ['provider', 'admin'], render });
