// Administration: the directory's organizations, recruitment campaigns with their targets and printed codes,
// HSDS imports (with live progress and a per-record report), duplicate reviews, exports, and two health tiles.
import { start } from '../core/shell.js';
import { t, language } from '../core/i18n.js';
import { get, post, put, query, ApiError } from '../core/api.js';
import { h, show, $, $$, announce } from '../core/dom.js';
import { day, dateTime, percent, whole } from '../core/format.js';

const CHANNELS = ['billboard', 'transit', 'newspaper', 'social', 'podcast', 'newsletter', 'radio', 'flyer', 'event', 'other'];
const SHARES = ['womenShare', 'peopleOfColorShare', 'retention90', 'retention365', 'surveyedShare', 'respondedShare'];
const UPLOAD_LIMIT = 1024 * 1024; // the gateway refuses bodies over 1 MB (the service itself would take more)
const SOURCE = /^[a-z0-9][a-z0-9._-]{1,59}$/;
const ORG_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const SOC = /^\d{2}-\d{4}\.\d{2}$/;
const state = { orgs: [], campaigns: [], campaign: null, rows: 0 };

// ---- forms: field errors next to fields and in a summary --------------------------------------------------------

/** Every input gets an error line and points at its hint and error, so a screen reader hears both. */
function wire(root) {
  for (const input of $$('input, select, textarea', root)) {
    if (!input.id || input.type === 'checkbox' || input.type === 'search') continue;
    let error = document.getElementById(`${input.id}-error`);
    if (!error) {
      error = h('p', { class: 'error', id: `${input.id}-error` });
      input.after(error);
    }
    const hint = document.getElementById(`${input.id}-hint`);
    input.setAttribute('aria-describedby', [hint ? hint.id : null, error.id].filter(Boolean).join(' '));
  }
}

function clearErrors(form) {
  for (const f of $$('.invalid', form)) f.classList.remove('invalid');
  for (const i of $$('[aria-invalid]', form)) i.removeAttribute('aria-invalid');
  for (const e of $$('.error', form)) e.textContent = '';
  const box = $('.notice.bad', form);
  box.hidden = true;
  show(box);
}

function labelOf(id) {
  const element = document.getElementById(id);
  if (element?.tagName === 'FIELDSET') return element.querySelector('legend').textContent;
  const label = document.querySelector(`label[for="${id}"]`);
  const group = element?.closest('fieldset.component');
  return [group ? group.querySelector('legend').textContent : null, label ? label.textContent : id].filter(Boolean).join(' · ');
}

/** errors: [{ id (input id or null), message, lang? }]; detail: a sentence over the list. Focus goes to the summary. */
function showErrors(form, errors, detail) {
  const items = [];
  for (const { id, message, lang } of errors) {
    const input = id && document.getElementById(id);
    if (input) {
      input.closest('.field')?.classList.add('invalid');
      if (input.tagName !== 'FIELDSET') input.setAttribute('aria-invalid', 'true');
      const line = document.getElementById(`${id}-error`);
      if (line) show(line, h('span', { lang }, message));
      items.push(h('li', {}, h('a', { href: `#${id}` }, t('error.field', { field: labelOf(id), message }))));
    } else {
      items.push(h('li', { lang }, message));
    }
  }
  const box = $('.notice.bad', form);
  show(box, h('p', {}, detail || t('admin.errors.fix')), items.length ? h('ul', {}, items) : null);
  box.hidden = false;
  box.focus();
}

/** The service's own words are English; tag them so a Spanish screen reader pronounces them right. */
const serverLang = () => (language() === 'en' ? null : 'en');

function problemText(error) {
  if (error instanceof ApiError && error.status === 400 && (error.problem.errors || []).length) return t('admin.errors.fix');
  if (error instanceof ApiError && error.status === 403) return t('admin.errors.forbidden');
  if (error instanceof ApiError && error.status === 413) return t('admin.hsds.tooLarge');
  if (error instanceof ApiError && error.status < 500 && error.problem.detail) return error.problem.detail;
  return t('error.offline');
}

function field(id, label, input, hint) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null, input);
}

function table(caption, columns, rows, hiddenCaption = false) {
  return h('table', { class: 'data' }, h('caption', { class: hiddenCaption ? 'visually-hidden' : null }, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell)))))));
}

/** A table wider (or, for organizations, taller) than its box scrolls: keyboard users need a tab stop on it, and it needs a name. */
function scrollable() {
  for (const wrap of $$('.table-wrap')) {
    const wide = wrap.scrollWidth > wrap.clientWidth + 1 || wrap.scrollHeight > wrap.clientHeight + 1;
    if (wide) {
      wrap.tabIndex = 0;
      wrap.setAttribute('role', 'region');
      wrap.setAttribute('aria-label', wrap.querySelector('caption')?.textContent || '');
    } else {
      for (const name of ['tabindex', 'role', 'aria-label']) wrap.removeAttribute(name);
    }
  }
}

// ---- health tiles -----------------------------------------------------------------------------------------------

function tile(label, value, ...extra) {
  return h('li', { class: 'tile' }, h('span', { class: 'label' }, label), h('span', { class: 'value' }, value), extra);
}

async function health() {
  const [coverage, index] = await Promise.allSettled([get('/api/directory/survey/coverage'), get('/api/directory/index')]);
  const tiles = [];
  if (coverage.status === 'fulfilled') {
    const c = coverage.value;
    const badge = (share, target) => h('span', { class: `badge ${share >= target ? 'ok' : 'warn'}` }, t(share >= target ? 'admin.health.met' : 'admin.health.below'));
    tiles.push(tile(t('admin.health.known'), whole(c.knownOrganizations)),
      tile(t('admin.health.surveyed'), percent(c.surveyedShare), h('span', { class: 'hint' }, t('admin.health.ofTarget', { n: whole(c.surveyed), target: percent(c.surveyedTarget) })), ' ', badge(c.surveyedShare, c.surveyedTarget)),
      tile(t('admin.health.responded'), percent(c.respondedShare), h('span', { class: 'hint' }, t('admin.health.ofTarget', { n: whole(c.responded), target: percent(c.respondedTarget) })), ' ', badge(c.respondedShare, c.respondedTarget)));
  } else tiles.push(tile(t('admin.health.surveyed'), '?', h('span', { class: 'hint' }, problemText(coverage.reason))));
  if (index.status === 'fulfilled') {
    const x = index.value;
    const complete = x.documents === x.expectedDocuments;
    tiles.push(tile(t('admin.health.index'), whole(x.documents),
      h('span', { class: 'hint' }, t('admin.health.indexOf', { expected: whole(x.expectedDocuments), listings: whole(x.listings) })), ' ',
      h('span', { class: `badge ${complete ? 'ok' : 'warn'}` }, t(complete ? 'admin.health.complete' : 'admin.health.incomplete')),
      x.rebuild.running ? h('span', { class: 'hint' }, t('admin.health.rebuilding', { done: whole(x.rebuild.done), total: whole(x.rebuild.total) })) : null));
  } else tiles.push(tile(t('admin.health.index'), '?', h('span', { class: 'hint' }, problemText(index.reason))));
  show($('#health-tiles'), tiles);
}

// ---- organizations ----------------------------------------------------------------------------------------------

async function loadOrgs() {
  const all = [];
  for (let page = 1; page <= 50; page++) {
    const found = await get(`/api/directory/hsds/organizations${query({ per_page: 100, page })}`);
    all.push(...found.contents);
    if (found.last_page || !found.contents.length) break;
  }
  state.orgs = all.sort((a, b) => a.name.localeCompare(b.name, language()));
  drawOrgs();
  show($('#export-org'), h('option', { value: '' }, t('admin.export.all')), state.orgs.map((o) => h('option', { value: o.id }, o.name)));
}

function drawOrgs() {
  const words = $('#org-filter').value.trim().toLowerCase();
  const shown = state.orgs.filter((o) => !words || [o.name, o.id, o.description, o.website, o.email].some((v) => v && v.toLowerCase().includes(words)));
  $('#org-count').textContent = t('admin.org.count', { n: whole(shown.length), all: whole(state.orgs.length) });
  show($('#org-list'), table(t('admin.org.list'), [t('admin.org.name'), t('admin.org.website'), t('admin.org.email'), t('admin.actions')],
    shown.map((o) => [o.name, o.website ? h('a', { href: o.website, rel: 'noopener' }, o.website) : '', o.email || '',
      h('button', { type: 'button', class: 'secondary small', 'aria-label': t('admin.org.editNamed', { name: o.name }), onclick: () => editOrg(o) }, t('admin.edit'))])));
  scrollable();
}

function editOrg(o, focus = true) {
  const form = $('#org-form');
  clearErrors(form);
  for (const name of ['id', 'name', 'description', 'website', 'email']) $(`#org-${name}`).value = o ? o[name] || '' : '';
  $('#org-id').readOnly = Boolean(o);
  $('#org-form-title').textContent = o ? t('admin.org.editing', { name: o.name }) : t('admin.org.new');
  if (focus) $('#org-form-title').focus();
}

async function saveOrg(event) {
  event.preventDefault();
  const form = $('#org-form');
  clearErrors(form);
  const v = (name) => $(`#org-${name}`).value.trim();
  const errors = [];
  if (!ORG_ID.test(v('id'))) errors.push({ id: 'org-id', message: t('admin.org.idInvalid') });
  if (!v('name')) errors.push({ id: 'org-name', message: t('admin.required') });
  if (v('website') && !/^https?:\/\/\S+$/i.test(v('website'))) errors.push({ id: 'org-website', message: t('admin.org.websiteInvalid') });
  if (v('email') && !/^[^@\s]+@[^@\s]+$/.test(v('email'))) errors.push({ id: 'org-email', message: t('admin.org.emailInvalid') });
  if (errors.length) return showErrors(form, errors);
  const body = { name: v('name'), description: v('description') || null, website: v('website') || null, email: v('email') || null };
  try {
    const { data } = await put(`/api/directory/organizations/${encodeURIComponent(v('id'))}`, body);
    announce(t('admin.org.saved', { name: data.name }));
    await loadOrgs();
    editOrg(null);
  } catch (error) {
    const fields = error instanceof ApiError ? error.problem.errors || [] : [];
    showErrors(form, fields.map((f) => ({ id: document.getElementById(`org-${f.field}`) ? `org-${f.field}` : null, message: f.message, lang: serverLang() })),
      problemText(error));
  }
}

// ---- campaigns --------------------------------------------------------------------------------------------------

async function loadCampaigns() {
  state.campaigns = await get('/api/metrics/campaigns');
  show($('#campaign-list'), state.campaigns.length
    ? table(t('admin.campaign.list'), [t('admin.campaign.name'), t('admin.campaign.period'), t('admin.campaign.pieces'), t('admin.campaign.updated'), t('admin.actions')],
      state.campaigns.map((c) => [c.name, t('admin.campaign.fromTo', { from: day(c.startsOn), to: day(c.endsOn) }), whole(c.components.length), dateTime(c.updatedAt),
        h('span', { class: 'nowrap' },
          h('button', { type: 'button', class: 'secondary small', 'aria-label': t('admin.campaign.editNamed', { name: c.name }), onclick: () => editCampaign(c) }, t('admin.edit')), ' ',
          h('a', { href: `/dashboard.html${query({ campaign: c.id })}`, 'aria-label': t('admin.campaign.reportNamed', { name: c.name }) }, t('admin.campaign.report')))]))
    : h('p', {}, t('admin.campaign.none')));
  scrollable();
}

/** One printed piece: a code that, once saved, stays with the campaign for good (it may be on posters already). */
function componentRow(c = {}, saved = false) {
  const i = state.rows++;
  const id = (name) => `c-components-${i}-${name}`;
  const row = h('fieldset', { class: 'component', dataset: { saved: String(saved) } },
    h('legend', {}, t('admin.campaign.piece', { n: $$('#c-component-rows fieldset').length + 1 })),
    h('div', { class: 'inline-fields' },
      field(id('code'), t('admin.campaign.code'), h('input', { id: id('code'), value: c.code || '', maxlength: 40, required: true, readonly: saved, spellcheck: 'false', autocomplete: 'off' })),
      field(id('channel'), t('admin.campaign.channel'), h('select', { id: id('channel') }, CHANNELS.map((k) => h('option', { value: k, selected: c.channel === k }, t(`admin.channel.${k}`))))),
      field(id('name'), t('admin.campaign.pieceName'), h('input', { id: id('name'), value: c.name || '', maxlength: 200, required: true })),
      field(id('liveFrom'), t('admin.campaign.liveFrom'), h('input', { id: id('liveFrom'), type: 'date', value: c.liveFrom || '' })),
      field(id('liveTo'), t('admin.campaign.liveTo'), h('input', { id: id('liveTo'), type: 'date', value: c.liveTo || '' }))),
    saved ? h('p', { class: 'hint' }, t('admin.campaign.codeFixed'))
      : h('button', { type: 'button', class: 'danger small', onclick: (event) => {
        event.currentTarget.closest('fieldset').remove();
        $$('#c-component-rows fieldset legend').forEach((l, n) => { l.textContent = t('admin.campaign.piece', { n: n + 1 }); });
        $('#add-component').focus();
      } }, t('admin.campaign.removePiece')));
  row.dataset.index = String(i);
  wire(row);
  return row;
}

function editCampaign(c, focus = true) {
  const form = $('#campaign-form');
  clearErrors(form);
  state.campaign = c;
  const targets = (c && c.targets) || {};
  $('#c-name').value = c ? c.name : '';
  $('#c-startsOn').value = c ? c.startsOn : '';
  $('#c-endsOn').value = c ? c.endsOn : '';
  $('#c-occupations').value = c ? c.occupations.join(', ') : '';
  $('#c-programs').value = c ? c.programs.join(', ') : '';
  for (const name of ['baselineEnrollment', 'baselineFrom', 'baselineTo', 'enrollmentIncreasePercent']) $(`#c-targets-${name}`).value = targets[name] ?? '';
  const defaults = { surveyedShare: 0.9, respondedShare: 0.6 };
  for (const name of SHARES) {
    const share = c ? targets[name] : defaults[name];
    $(`#c-targets-${name}`).value = share === null || share === undefined ? '' : String(Math.round(share * 1000) / 10);
  }
  show($('#c-component-rows'), (c ? c.components : []).map((x) => componentRow(x, true)));
  $('#campaign-form-title').textContent = c ? t('admin.campaign.editing', { name: c.name }) : t('admin.campaign.new');
  if (focus) $('#campaign-form-title').focus();
}

const list = (text) => text.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);

/** Reads the form into a CampaignRequest, with what is wrong in the admin's language. */
function readCampaign() {
  const errors = [];
  const v = (id) => $(`#${id}`).value.trim();
  const number = (id, min, max, scale = 1) => {
    if (!v(id)) return null;
    const n = Number(v(id));
    if (!Number.isFinite(n) || n < min || n > max) {
      errors.push({ id, message: t('admin.range', { min: whole(min), max: whole(max) }) });
      return null;
    }
    return Math.round((n / scale) * 10000) / 10000;
  };
  for (const id of ['c-name', 'c-startsOn', 'c-endsOn']) if (!v(id)) errors.push({ id, message: t('admin.required') });
  if (v('c-startsOn') && v('c-endsOn')) {
    const limit = `${Number(v('c-startsOn').slice(0, 4)) + 5}${v('c-startsOn').slice(4)}`;
    if (v('c-endsOn') < v('c-startsOn') || v('c-endsOn') > limit) errors.push({ id: 'c-endsOn', message: t('admin.campaign.endsOnInvalid') });
  }
  const occupations = list(v('c-occupations'));
  const wrongSoc = occupations.filter((o) => !SOC.test(o));
  if (wrongSoc.length) errors.push({ id: 'c-occupations', message: t('admin.campaign.socInvalid', { codes: wrongSoc.join(', ') }) });
  const targets = {
    baselineEnrollment: number('c-targets-baselineEnrollment', 0, 1000000),
    baselineFrom: v('c-targets-baselineFrom') || null,
    baselineTo: v('c-targets-baselineTo') || null,
    enrollmentIncreasePercent: number('c-targets-enrollmentIncreasePercent', 0, 500),
  };
  for (const name of SHARES) targets[name] = number(`c-targets-${name}`, 0, 100, 100);
  if (targets.baselineEnrollment !== null && (!targets.baselineFrom || !targets.baselineTo || targets.baselineTo < targets.baselineFrom)) {
    errors.push({ id: 'c-targets-baselineTo', message: t('admin.campaign.baselineDates') });
  }
  const seen = new Set();
  const components = $$('#c-component-rows fieldset').map((row) => {
    const id = (name) => `c-components-${row.dataset.index}-${name}`;
    const piece = { code: v(id('code')), channel: v(id('channel')), name: v(id('name')), liveFrom: v(id('liveFrom')) || null, liveTo: v(id('liveTo')) || null };
    if (!/^[A-Za-z0-9_-]{2,40}$/.test(piece.code)) errors.push({ id: id('code'), message: t('admin.campaign.codeInvalid') });
    else if (seen.has(piece.code.toLowerCase())) errors.push({ id: id('code'), message: t('admin.campaign.codeTwice') });
    seen.add(piece.code.toLowerCase());
    if (!piece.name) errors.push({ id: id('name'), message: t('admin.required') });
    if (piece.liveFrom && piece.liveTo && piece.liveTo < piece.liveFrom) errors.push({ id: id('liveTo'), message: t('admin.campaign.liveToInvalid') });
    return piece;
  });
  const body = { name: v('c-name'), startsOn: v('c-startsOn'), endsOn: v('c-endsOn'), occupations, programs: list(v('c-programs')), targets, components };
  return { body, errors };
}

/** A server field such as targets.womenShare or components[0].code is the input c-targets-womenShare / c-components-<row>-code. */
function campaignInput(fieldName) {
  const rows = $$('#c-component-rows fieldset');
  let path = fieldName.replace(/^components\[(\d+)\]/, (all, n) => `components[${rows[Number(n)]?.dataset.index ?? n}]`);
  path = `c-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
  while (path.includes('-') && !document.getElementById(path)) path = path.slice(0, path.lastIndexOf('-'));
  return document.getElementById(path) ? path : null;
}

function conflict(error) {
  const detail = error.problem.detail || '';
  if (error.problem.type?.endsWith('/code-taken')) {
    const [, n, code] = detail.match(/components\[(\d+)\]\.code: '([^']*)'/) || [];
    return [{ id: n !== undefined ? campaignInput(`components[${n}].code`) : null, message: t('admin.campaign.codeTaken', { code: code || '' }) }];
  }
  if (error.problem.type?.endsWith('/code-kept')) {
    const [, code] = detail.match(/'([^']*)' is missing/) || [];
    return [{ id: 'c-components', message: t('admin.campaign.codeKept', { code: code || '' }) }];
  }
  return [{ id: null, message: detail || t('error.generic'), lang: serverLang() }];
}

async function saveCampaign(event) {
  event.preventDefault();
  const form = $('#campaign-form');
  clearErrors(form);
  const { body, errors } = readCampaign();
  if (errors.length) return showErrors(form, errors);
  try {
    const editing = state.campaign;
    const saved = editing
      ? (await put(`/api/metrics/campaigns/${encodeURIComponent(editing.id)}`, body)).data
      : await post('/api/metrics/campaigns', body);
    await loadCampaigns();
    editCampaign(saved);
    announce(t(editing ? 'admin.campaign.saved' : 'admin.campaign.created', { name: saved.name }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return showErrors(form, conflict(error), t('admin.campaign.conflict'));
    const fields = error instanceof ApiError ? error.problem.errors || [] : [];
    showErrors(form, fields.map((f) => ({ id: campaignInput(f.field), message: f.message, lang: serverLang() })), problemText(error));
  }
}

// ---- HSDS import, its progress and report; duplicate reviews; export ----------------------------------------------

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

async function startImport(event) {
  event.preventDefault();
  const form = $('#hsds-form');
  clearErrors(form);
  const file = $('#hsds-file').files[0];
  const source = $('#hsds-source').value.trim();
  const errors = [];
  if (!file) errors.push({ id: 'hsds-file', message: t('admin.hsds.chooseFile') });
  else if (file.size > UPLOAD_LIMIT) errors.push({ id: 'hsds-file', message: t('admin.hsds.tooLarge') });
  if (!SOURCE.test(source)) errors.push({ id: 'hsds-source', message: t('admin.hsds.sourceInvalid') });
  if (errors.length) return showErrors(form, errors);
  const type = /\.zip$/i.test(file.name) || file.type === 'application/zip' ? 'application/zip' : 'application/json';
  $('#hsds-start').disabled = true;
  announce(t('admin.hsds.uploading'));
  try {
    // the body is the file itself, so this goes around api.js (which sends JSON)
    const response = await fetch(`/api/directory/hsds/imports${query({ source, dry_run: String($('#hsds-dry').checked) })}`, {
      method: 'POST', body: file, credentials: 'same-origin',
      headers: { 'Content-Type': type, 'X-XSRF-TOKEN': csrfToken(), Accept: 'application/json, application/problem+json' },
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new ApiError(response.status, data);
    const where = data.progress || new URL(response.headers.get('Location'), location.origin).pathname;
    await follow(where);
  } catch (error) {
    const fields = error instanceof ApiError ? error.problem.errors || [] : [];
    if (error instanceof ApiError && error.status === 413) showErrors(form, [{ id: 'hsds-file', message: t('admin.hsds.tooLarge') }]);
    else showErrors(form, fields.map((f) => ({ id: f.field === 'source' ? 'hsds-source' : 'hsds-file', message: f.message, lang: serverLang() })), problemText(error));
    announce('');
  } finally {
    $('#hsds-start').disabled = false;
  }
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });
const finished = (run) => run.state === 'finished' || run.state === 'failed';

/** Polls a run every second until it is done, drawing its progress; then its report. */
async function follow(path) {
  $('#hsds-run').hidden = false;
  show($('#hsds-outcome'));
  show($('#hsds-report-box'));
  let run = await get(path);
  $('#hsds-run-title').textContent = t(run.dryRun ? 'admin.hsds.runDry' : 'admin.hsds.run', { source: run.source });
  $('#hsds-run-title').focus();
  announce(t('admin.hsds.started'));
  drawProgress(run);
  while (!finished(run)) {
    await sleep(1000);
    run = await get(path);
    drawProgress(run);
  }
  drawReport(run);
  announce(t(run.state === 'failed' ? 'admin.hsds.failedShort' : run.dryRun ? 'admin.hsds.dryDone' : 'admin.hsds.done', counts(run)));
  await Promise.allSettled([history(), reviews(), loadOrgs()]);
}

const counts = (run) => Object.fromEntries(Object.entries(run.counts).map(([k, n]) => [k, whole(n)]));

function drawProgress(run) {
  const bar = $('#hsds-progress');
  if (run.total === null) {
    bar.removeAttribute('value');
    bar.removeAttribute('max');
  } else {
    bar.max = Math.max(run.total, 1);
    bar.value = run.processed;
  }
  $('#hsds-progress-label').textContent = t('admin.hsds.progress', { state: t(`admin.hsds.state.${run.state}`), done: whole(run.processed), total: run.total === null ? '?' : whole(run.total) });
  show($('#hsds-counts'), Object.entries(run.counts).map(([k, n]) => h('li', {}, t(`admin.hsds.count.${k}`, { n: whole(n) }))));
}

function drawReport(run) {
  if (run.state === 'failed') {
    show($('#hsds-outcome'), h('p', { class: 'notice bad' }, t('admin.hsds.failed'), ' ', h('span', { lang: serverLang() }, run.failure || '')));
  } else {
    show($('#hsds-outcome'), h('p', { class: 'notice ok' }, t(run.dryRun ? 'admin.hsds.dryDone' : 'admin.hsds.done', counts(run))));
  }
  const items = (texts) => (texts.length ? h('ul', {}, texts.map((x) => h('li', { lang: serverLang() }, x))) : '');
  show($('#hsds-report-box'), run.report.length
    ? h('div', { class: 'table-wrap' }, table(t('admin.hsds.report'),
      [t('admin.hsds.record'), t('admin.hsds.id'), t('admin.hsds.name'), t('admin.hsds.outcome'), t('admin.hsds.problems'), t('admin.hsds.notes')],
      run.report.map((l) => [whole(l.record), l.id || '', l.name || '', h('span', { class: `badge ${{ rejected: 'bad', queued: 'warn' }[l.outcome] || 'ok'}` }, t(`admin.hsds.outcome.${l.outcome}`)),
        items(l.problems), items(l.notes)])))
    : h('p', {}, t('admin.hsds.noLines')));
  const report = $('#hsds-report-box table');
  if (report) report.id = 'hsds-report';
  scrollable();
}

async function history() {
  const runs = await get('/api/directory/hsds/imports');
  show($('#hsds-history'), runs.length ? table(t('admin.hsds.history'),
    [t('admin.hsds.when'), t('admin.hsds.source'), t('admin.hsds.kind'), t('admin.hsds.stateCol'), t('admin.hsds.records'), t('admin.actions')],
    runs.map((r) => [dateTime(r.startedAt), r.source, t(r.dryRun ? 'admin.hsds.kindDry' : 'admin.hsds.kindReal', { format: r.format.toUpperCase() }),
      t(`admin.hsds.state.${r.state}`), t('admin.hsds.summary', { total: r.total === null ? '?' : whole(r.total), ...counts(r) }),
      h('button', { type: 'button', class: 'secondary small', 'aria-label': t('admin.hsds.showNamed', { source: r.source, when: dateTime(r.startedAt) }),
        onclick: () => follow(`/api/directory/hsds/imports/${encodeURIComponent(r.id)}`).catch((e) => announce(problemText(e))) }, t('admin.hsds.show'))]), true)
    : h('p', {}, t('admin.hsds.noHistory')));
  scrollable();
}

async function reviews() {
  const waiting = await get('/api/directory/hsds/reviews?status=pending');
  const decide = async (review, decision) => {
    try {
      await post(`/api/directory/hsds/reviews/${encodeURIComponent(review.id)}`, { decision });
      announce(t(`admin.reviews.${decision}d`, { name: review.name }));
    } catch (error) {
      const problems = error instanceof ApiError && error.status === 422 ? (error.problem.line?.problems || []).join('; ') : '';
      announce(error instanceof ApiError && error.status === 422 ? t('admin.reviews.notImported', { problems }) : problemText(error));
    }
    await reviews();
    $('#reviews-heading').focus();
  };
  show($('#review-list'), waiting.length ? table(t('admin.reviews.list'),
    [t('admin.reviews.record'), t('admin.reviews.candidate'), t('admin.reviews.score'), t('admin.reviews.reasons'), t('admin.actions')],
    waiting.map((r) => [`${r.name} (${t(`admin.reviews.kind.${r.recordKind}`)}, ${r.source})`, `${r.candidateName} · ${r.candidateId}`,
      percent(r.score), h('span', { lang: serverLang() }, r.reasons),
      h('span', { class: 'actions' },
        h('button', { type: 'button', class: 'small', 'aria-label': t('admin.reviews.mergeNamed', { name: r.name }), onclick: () => decide(r, 'merge') }, t('admin.reviews.merge')),
        h('button', { type: 'button', class: 'secondary small', 'aria-label': t('admin.reviews.separateNamed', { name: r.name }), onclick: () => decide(r, 'separate') }, t('admin.reviews.separate')))]))
    : h('p', {}, t('admin.reviews.none')));
  scrollable();
}

function exportLinks() {
  const org = $('#export-org').value;
  for (const format of ['json', 'csv']) $(`#export-${format}`).href = `/api/directory/hsds/export${query({ format, organization_id: org })}`;
}

// ---- start ------------------------------------------------------------------------------------------------------

function shareFields() {
  show($('#c-share-fields'), SHARES.map((name) => field(`c-targets-${name}`, t(`admin.campaign.${name}`),
    h('input', { id: `c-targets-${name}`, type: 'number', inputmode: 'decimal', min: 0, max: 100, step: 'any' }))));
}

start({
  bundle: 'admin', title: 'admin.title', roles: ['admin'],
  render: async () => {
    $('#reviews-heading').tabIndex = -1;
    shareFields();
    wire($('#org-form'));
    wire($('#campaign-form'));
    wire($('#hsds-form'));
    editCampaign(null, false);
    $('#org-filter').addEventListener('input', drawOrgs);
    $('#org-form').addEventListener('submit', saveOrg);
    $('#org-reset').addEventListener('click', () => editOrg(null));
    $('#campaign-form').addEventListener('submit', saveCampaign);
    $('#campaign-reset').addEventListener('click', () => editCampaign(null));
    $('#add-component').addEventListener('click', () => {
      const row = componentRow();
      $('#c-component-rows').append(row);
      $('input', row).focus();
    });
    $('#hsds-form').addEventListener('submit', startImport);
    $('#export-org').addEventListener('change', exportLinks);
    window.addEventListener('resize', scrollable);
    announce(t('admin.loading'));
    const parts = await Promise.allSettled([health(), loadOrgs(), loadCampaigns(), history(), reviews()]);
    const failed = parts.find((p) => p.status === 'rejected');
    announce(failed ? problemText(failed.reason) : '');
  },
});
