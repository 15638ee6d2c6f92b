// "Find my pathway": a five-step intake (interests, background, time and place, what could get in the way, optional
// questions), then three pathways with programs near the person and support services. Anonymous by default; a case
// manager can run it for a client (?client=<id>), which saves it to the client's record and offers referrals.
import { start } from '../core/shell.js';
import { t, language } from '../core/i18n.js';
import { get, post, ApiError } from '../core/api.js';
import { h, show, $, $$, announce } from '../core/dom.js';
import { money, day, miles, dateTime } from '../core/format.js';

const STEPS = 5;
const SAVED = 'wrd.lastMatches';
const CODE = /^[A-Za-z0-9_-]{1,40}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RADII = [5, 10, 20, 30];
const LANGUAGES = ['en', 'es'];
// directory categories a person may already have worked in (the API takes categories, not free text)
const EXPERIENCE = ['welding', 'cnc', 'machining', 'assembly', 'warehouse', 'forklift', 'quality', 'industrial maintenance'];
const HEARD = ['billboard', 'transit', 'newspaper', 'social', 'podcast', 'newsletter', 'radio', 'flyer', 'event',
  'friend_family', 'case_manager', 'employer', 'school', 'search_engine', 'other'];
const SEX = ['female', 'male', 'nonbinary', 'another'];
const RACE = ['black', 'hispanic_latino', 'white', 'asian', 'native_american', 'pacific_islander',
  'middle_eastern_north_african', 'multiracial', 'another'];
const AGE = ['under_18', '18_24', '25_34', '35_44', '45_54', '55_64', '65_plus'];
const YES_NO = ['veteran', 'disability', 'justiceInvolved'];
// used when the questions endpoint leaves a list out
const CHOICES = {
  education: ['none', 'hs_diploma', 'ged', 'some_college', 'associate', 'bachelor'],
  credentials: ['drivers_license', 'forklift', 'osha10', 'welding_cert', 'cdl', 'nims', 'cpt'],
  when: ['day', 'evening', 'weekend'],
  barriers: ['childcare', 'transportation', 'housing', 'record', 'language', 'digital_access'],
  travel: ['car', 'transit', 'walk', 'bike'],
};

const state = { step: 1, started: false, client: null, result: null };
const slug = (value) => value.replace(/[^a-z0-9_]+/gi, '-');

// ---------------------------------------------------------------- campaign and funnel

/** The campaign this visit came from: the link's ?campaign= wins, else the one the search page kept. */
function campaign() {
  const asked = new URLSearchParams(location.search).get('campaign');
  if (asked && CODE.test(asked)) {
    localStorage.setItem('wrd.campaign', asked);
    return asked;
  }
  const kept = localStorage.getItem('wrd.campaign');
  return kept && CODE.test(kept) ? kept : null;
}

/** Counts the start once per visit, on the first real interaction (a page view is not a start). */
function markStarted() {
  if (state.started) return;
  state.started = true;
  const code = campaign();
  post('/api/matching/intakes/started', code ? { campaign: code } : {}).catch(() => {});
}

// ---------------------------------------------------------------- building the form

function option(value, text, selected = false) {
  return h('option', { value, selected }, text);
}

function check(name, value, text, { checked = false, hint = null } = {}) {
  const id = `${name}-${slug(value)}`;
  return h('label', { class: 'choice', for: id },
    h('input', { type: 'checkbox', id, name, value, checked, 'aria-describedby': hint ? `${id}-hint` : null }),
    h('span', {}, text, hint ? h('span', { class: 'hint block', id: `${id}-hint` }, hint) : null));
}

function interest(question, lang) {
  const text = question.text?.[lang] || question.text?.en || question.id;
  return h('fieldset', { class: 'interest', id: `q-${question.id}` },
    h('legend', {}, text),
    h('div', { class: 'scale' }, [0, 1, 2].map((n) => h('label', { class: 'choice', for: `${question.id}-${n}` },
      h('input', { type: 'radio', id: `${question.id}-${n}`, name: question.id, value: n }),
      h('span', {}, t(`intake.answer.${n}`))))));
}

function yesNo(name) {
  return h('div', { class: 'field' },
    h('label', { for: `demo-${name}` }, t(`intake.demo.${name}`)),
    h('select', { id: `demo-${name}`, name, disabled: true },
      option('', t('intake.demo.unsaid')), option('yes', t('intake.demo.yes')), option('no', t('intake.demo.no'))));
}

function demographics() {
  return [
    h('div', { class: 'field' }, h('label', { for: 'demo-sex' }, t('intake.demo.sex')),
      h('select', { id: 'demo-sex', name: 'sex', disabled: true }, option('', t('intake.demo.unsaid')),
        SEX.map((v) => option(v, t(`intake.sex.${v}`))))),
    h('fieldset', { id: 'demo-race' }, h('legend', {}, t('intake.demo.race')),
      h('div', { class: 'checks' }, RACE.map((v) => check('race', v, t(`intake.race.${v}`))))),
    h('div', { class: 'field' }, h('label', { for: 'demo-age' }, t('intake.demo.age')),
      h('select', { id: 'demo-age', name: 'ageBand', disabled: true }, option('', t('intake.demo.unsaid')),
        AGE.map((v) => option(v, t(`intake.age.${v}`))))),
    YES_NO.map(yesNo),
  ];
}

function consented() {
  const on = $('#consent').checked;
  $$('#demo-fields input, #demo-fields select').forEach((control) => { control.disabled = !on; });
  $('#demo-fields').classList.toggle('off', !on);
}

function buildForm(questions, lang) {
  const choices = { ...CHOICES, ...(questions.choices || {}) };
  show($('#interests'), (questions.interests || []).map((q) => interest(q, lang)));
  show($('#education'), option('', t('intake.education.unsaid')),
    choices.education.map((v) => option(v, t(`intake.education.${v}`))));
  show($('#credentials-list'), choices.credentials.map((v) => check('cred', v, t(`intake.credential.${v}`))));
  show($('#experience-list'), EXPERIENCE.map((v) => check('exp', v, t(`intake.experience.${slug(v)}`))));
  show($('#radius'), RADII.map((r) => option(r, t('intake.radius.option', { n: r }), r === 10)));
  show($('#mode'), choices.travel.map((v) => option(v, t(`intake.mode.${v}`), v === 'transit')));
  show($('#when-list'), choices.when.map((v) => check('when', v, t(`intake.when.${v}`))));
  show($('#languages-list'), LANGUAGES.map((v) => check('lang', v, t(`language.${v}`), { checked: v === lang })));
  show($('#barriers-list'), choices.barriers.map((v) => check('barrier', v, t(`intake.barrier.${v}`),
    { hint: t(`intake.barrier.${v}.hint`) })));
  show($('#heard-from'), option('', t('intake.heard.unsaid')), HEARD.map((v) => option(v, t(`intake.heard.${v}`))));
  show($('#demo-fields'), demographics());
  // a language from a checkbox label is in that language, so screen readers say "Español" right
  $$('#languages-list label span').forEach((span, i) => span.setAttribute('lang', LANGUAGES[i]));
  consented();
}

// ---------------------------------------------------------------- steps and errors

function goTo(step, focus = true) {
  state.step = step;
  $$('.step').forEach((section) => { section.hidden = section.id !== `step-${step}`; });
  $('#intake-progress').value = step;
  $('#progress-text').textContent = t('intake.progress', { step, total: STEPS });
  $('#back').hidden = step === 1;
  $('#next').hidden = step === STEPS;
  $('#see-matches').hidden = step !== STEPS;
  if (focus) $(`#step-${step}-heading`).focus();
}

/** Where a field the service named is shown: [element id, step]. */
function target(field) {
  const f = field.replace(/^intake\./, '');
  const [head, sub] = f.split('.');
  if (f === 'travel.radiusMiles') return ['radius', 3];
  if (f === 'travel.mode') return ['mode', 3];
  if (head === 'travel') return ['zip', 3];
  if (head === 'interests') return [sub && document.getElementById(`q-${sub}`) ? `q-${sub}` : 'interests', 1];
  const places = { education: ['education', 2], credentials: ['credentials', 2], experience: ['experience', 2],
    when: ['when', 3], needsPay: ['needs-pay', 3], languages: ['languages', 3], barriers: ['barriers', 4],
    heardFrom: ['heard-from', 5], demographics: ['consent', 5] };
  return places[head.replace(/\[\d+\]$/, '')] || null;
}

function labelOf(element) {
  let label = document.querySelector(`label[for="${element.id}"]`);
  if (element.tagName === 'FIELDSET') label = element.querySelector('legend');
  if (element.tagName === 'DIV') label = element.closest('section').querySelector('h2');
  return label ? label.textContent.trim() : '';
}

function clearErrors() {
  $$('#intake .error[data-made]').forEach((e) => e.remove());
  $$('#intake .error').forEach((e) => { e.textContent = ''; });
  $$('#intake [aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  $$('#intake .invalid').forEach((e) => e.classList.remove('invalid'));
  $('#error-summary').hidden = true;
}

/** Puts a message next to its field (made on the fly for groups) and links the two. */
function fieldError(id, message) {
  const element = document.getElementById(id);
  let slot = document.getElementById(`${id}-error`);
  if (!slot) {
    slot = h('p', { class: 'error', id: `${id}-error`, 'data-made': 'true' });
    const legend = element.querySelector(':scope > legend');
    if (legend) legend.after(slot); else (element.closest('.field') || element).append(slot);
    const described = element.getAttribute('aria-describedby');
    if (!(described || '').includes(slot.id)) element.setAttribute('aria-describedby', `${described || ''} ${slot.id}`.trim());
  }
  slot.textContent = message;
  if (['INPUT', 'SELECT', 'TEXTAREA'].includes(element.tagName)) element.setAttribute('aria-invalid', 'true');
  (element.closest('.field') || element).classList.add('invalid');
}

function focusField(id, step) {
  if (state.step !== step) goTo(step, false);
  const element = document.getElementById(id);
  const control = ['INPUT', 'SELECT', 'TEXTAREA'].includes(element.tagName) ? element : element.querySelector('input, select');
  (control || element).focus();
}

/** errors: [{id, step, message}] shown next to fields and in a summary; general: messages without a field. */
function showErrors(errors, general = []) {
  clearErrors();
  errors.forEach((e) => fieldError(e.id, e.message));
  const items = [...general.map((m) => h('li', {}, m)),
    ...errors.map((e) => h('li', {}, h('a', { href: `#${e.id}`, onclick: (event) => { event.preventDefault(); focusField(e.id, e.step); } },
      `${labelOf(document.getElementById(e.id))}: ${e.message}`)))];
  show($('#error-summary'), h('p', { class: 'note-title' }, t('intake.error.summary')), h('ul', {}, items));
  $('#error-summary').hidden = false;
}

function zipErrors() {
  const zip = $('#zip').value.trim();
  if (!zip) return [{ id: 'zip', step: 3, message: t('intake.error.zipMissing') }];
  if (!/^\d{5}$/.test(zip)) return [{ id: 'zip', step: 3, message: t('intake.error.zip') }];
  return [];
}

function next() {
  if (state.step === 3) {
    const errors = zipErrors();
    if (errors.length) {
      showErrors(errors);
      $('#zip').focus();
      return;
    }
  }
  clearErrors();
  goTo(Math.min(STEPS, state.step + 1));
}

// ---------------------------------------------------------------- sending

const checked = (name) => $$(`#intake input[name="${name}"]:checked`).map((input) => input.value);

function answers() {
  const interests = {};
  $$('#interests input[type="radio"]:checked').forEach((input) => { interests[input.name] = Number(input.value); });
  const intake = {
    interests,
    education: $('#education').value || null,
    credentials: checked('cred'),
    experience: checked('exp'),
    travel: { zip: $('#zip').value.trim(), radiusMiles: Number($('#radius').value), mode: $('#mode').value },
    when: checked('when'),
    needsPay: $('#needs-pay').checked,
    barriers: checked('barrier'),
    languages: checked('lang'),
    language: language(),
  };
  if (!intake.languages.length) intake.languages = [language()];
  const body = { intake, campaign: campaign(), heardFrom: $('#heard-from').value || null };
  if ($('#consent').checked) {
    const yesNo = (name) => ({ yes: true, no: false })[$(`#demo-${name}`).value] ?? null;
    body.demographics = { consent: true, sex: $('#demo-sex').value || null, raceEthnicity: checked('race'),
      ageBand: $('#demo-age').value || null, veteran: yesNo('veteran'), disability: yesNo('disability'),
      justiceInvolved: yesNo('justiceInvolved') };
  }
  if (state.client) Object.assign(body, { save: true, clientId: state.client.id });
  return body;
}

/** A refusal not tied to a visible field, in the page's language where we know what it means. */
function generalMessage(e) {
  if (e.field === 'clientId') return t('intake.client.notFound');
  if (e.field === 'save') return t('intake.error.save');
  return language() === 'en' && e.message ? `${e.field}: ${e.message}` : t('error.generic');
}

/** Field errors from a 400 go next to their fields; the person is taken back to the first one's step. */
function refused(error) {
  if (!(error instanceof ApiError) || error.status >= 500 || error.status === 0) {
    showErrors([], [t('error.offline')]);
    return;
  }
  const errors = [];
  const general = [];
  for (const e of [].concat(error.problem.errors || [])) {
    const place = target(e.field || '');
    if (!place) { general.push(generalMessage(e)); continue; }
    const [id, step] = place;
    // the service speaks English: a Spanish page shows its own words for the field instead
    const message = id === 'zip' ? t('intake.error.zip') : (language() === 'en' && e.message ? e.message : t('intake.error.check'));
    errors.push({ id, step, message });
  }
  if (!errors.length && !general.length) general.push(error.problem.detail || t('error.generic'));
  if (errors.length) goTo(errors[0].step);
  showErrors(errors, general);
}

async function submit(event) {
  event.preventDefault();
  const zip = zipErrors();
  if (zip.length) {
    goTo(3);
    showErrors(zip);
    return;
  }
  clearErrors();
  const button = $('#see-matches');
  button.disabled = true;
  announce(t('intake.finding'));
  try {
    const result = await post('/api/matching/intakes', answers());
    announce('');
    showResults({ ...result, language: language() });
  } catch (error) {
    announce('');
    refused(error);
  } finally {
    button.disabled = false;
  }
}

// ---------------------------------------------------------------- results

/** Texts the service wrote are in the intake's language, which can differ from the page's (saved results). */
const said = () => (state.result?.language && state.result.language !== language() ? { lang: state.result.language } : {});

function list(className, items) {
  return items?.length ? h('ul', { class: className, ...said() }, items.map((i) => h('li', {}, i))) : null;
}

function program(p, linkClass) {
  const priced = p.kind === 'training_program' || p.kind === 'career_event';
  const facts = [
    p.organization, p.city,
    p.distanceMiles !== null && p.distanceMiles !== undefined ? t('intake.program.away', { distance: miles(p.distanceMiles) }) : null,
    priced ? money(p.free ? 0 : p.cost) : (p.free ? t('format.free') : null),
    p.nextStart ? t('intake.program.starts', { date: day(p.nextStart) }) : null,
  ].filter(Boolean);
  return h('li', { class: 'program-item' },
    h('a', { class: linkClass, href: `/listing.html?id=${encodeURIComponent(p.id)}` }, p.title),
    ' ', h('span', { class: 'badge' }, t(`kind.${p.kind}`)),
    h('ul', { class: 'meta' }, facts.map((f) => h('li', {}, f))),
    p.reasons?.length ? h('p', { class: 'why' }, h('strong', {}, t('intake.program.why')), ' ', h('span', said(), p.reasons.join('; '))) : null,
    p.obstacles?.length ? h('p', { class: 'hint' }, h('strong', {}, t('intake.program.mind')), ' ', h('span', said(), p.obstacles.join('; '))) : null,
    state.client ? referral(p) : null);
}

function stepItem(step) {
  return h('li', { class: 'pathway-step' },
    h('h4', {}, h('span', said(), step.name)),
    h('p', { class: 'meta' }, h('span', { class: 'badge' }, t(`intake.stepKind.${step.kind}`))),
    list('hint', step.obstacles),
    step.programs?.length ? h('ul', { class: 'programs' }, step.programs.slice(0, 3).map((p) => program(p, 'program')))
      : h('p', { class: 'hint' }, t('intake.step.none')));
}

function pathway(p) {
  return h('article', { class: 'card pathway', 'data-pathway': p.id },
    h('h3', {}, h('span', said(), p.name)),
    h('p', said(), p.description),
    p.reasons?.length ? [h('p', { class: 'label' }, t('intake.pathway.why')), list('why', p.reasons)] : null,
    p.obstacles?.length ? [h('p', { class: 'label' }, t('intake.pathway.obstacles')), list('obstacles', p.obstacles)] : null,
    p.occupations?.length ? [h('p', { class: 'label' }, t('intake.pathway.jobs')),
      // O*NET titles come in English only
      h('ul', { class: 'meta occupations', lang: 'en' }, p.occupations.map((o) => h('li', {}, o.title)))] : null,
    h('p', { class: 'label' }, t('intake.pathway.steps')),
    h('ol', { class: 'timeline' }, (p.steps || []).map(stepItem)));
}

function support(s) {
  return h('section', { class: 'support', 'data-barrier': s.barrier },
    h('h3', {}, s.label ? h('span', said(), s.label) : t(`intake.barrier.${s.barrier}`)),
    s.services?.length ? h('ul', { class: 'programs' }, s.services.map((p) => program(p, 'service')))
      : h('p', { class: 'hint' }, t('intake.supports.none')));
}

function showResults(result, savedAt = null) {
  state.result = result;
  $('#intake').hidden = true;
  $('#results').hidden = false;
  $('#share-fallback').hidden = true;
  const notices = (result.notices || []).map((n) => h('p', { class: 'notice', ...said() }, n));
  if (savedAt) notices.unshift(h('p', { class: 'notice' }, t('intake.saved.viewing', { date: dateTime(savedAt) })));
  if (state.client && result.intakeId) {
    notices.unshift(h('p', { class: 'notice ok' }, t('intake.client.saved', { name: state.client.displayName })));
  }
  show($('#result-notices'), notices);
  show($('#matches'), (result.pathways || []).length ? result.pathways.map(pathway) : h('p', { class: 'notice' }, t('intake.results.none')));
  const supports = result.supports || [];
  $('#supports').hidden = supports.length === 0;
  show($('#supports-list'), supports.map(support));
  // a client's answers go to their record (save:true), not into this possibly shared device's storage
  $('#save-results').textContent = t(state.client ? 'intake.actions.saveClient' : 'intake.actions.save');
  $('#edit-answers').textContent = t(savedAt ? 'intake.actions.new' : 'intake.actions.edit');
  $('#results-heading').focus();
}

function saveResults() {
  if (state.client) {
    announce(state.result.intakeId ? t('intake.client.saved', { name: state.client.displayName }) : t('intake.client.notSaved'));
    return;
  }
  try {
    localStorage.setItem(SAVED, JSON.stringify({ ...state.result, savedAt: new Date().toISOString() }));
    announce(t('intake.saved.done'));
  } catch {
    announce(t('intake.saved.failed'));
  }
}

async function shareResults() {
  const names = (state.result.pathways || []).map((p) => p.name).join(', ');
  const url = `${location.origin}/intake.html`;
  const text = t('intake.share.text', { pathways: names });
  if (navigator.share) {
    try {
      await navigator.share({ title: t('intake.share.title'), text, url });
      return;
    } catch (error) {
      if (error.name === 'AbortError') return;
    }
  }
  const whole = `${text}\n${url}`;
  try {
    await navigator.clipboard.writeText(whole);
    announce(t('intake.share.copied'));
  } catch {
    $('#share-text').value = whole;
    $('#share-fallback').hidden = false;
    $('#share-text').focus();
    $('#share-text').select();
    announce(t('intake.share.manual'));
  }
}

function editAnswers() {
  $('#results').hidden = true;
  $('#intake').hidden = false;
  announce('');
  goTo(1);
}

// ---------------------------------------------------------------- referrals (case manager for a client)

function referral(p) {
  const box = h('div', { class: 'refer-box no-print' });
  const button = h('button', { type: 'button', class: 'refer secondary small', 'aria-expanded': 'false',
    'data-listing': p.listingId, 'data-organization': p.organization },
  t('intake.refer.button'), h('span', { class: 'visually-hidden' }, ` ${p.title}`));
  button.addEventListener('click', () => {
    const open = box.querySelector('.referral-form');
    if (open) {
      open.remove();
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    box.append(referralForm(p, button, box));
    button.setAttribute('aria-expanded', 'true');
    box.querySelector('textarea').focus();
  });
  box.append(button);
  return box;
}

function referralProblem(failure) {
  if (!(failure instanceof ApiError) || failure.status >= 500) return t('error.offline');
  if (failure.status === 403) return t('intake.refer.forbidden');
  const fields = [].concat(failure.problem.errors || []).map((e) => e.field);
  if (fields.includes('listingId')) return t('intake.refer.notOpen');
  if (fields.includes('clientId')) return t('intake.client.notFound');
  if (fields.includes('note')) return t('intake.refer.tooLong');
  return language() === 'en' && failure.problem.detail ? failure.problem.detail : t('error.generic');
}

let forms = 0;
function referralForm(p, button, box) {
  const n = ++forms;
  const error = h('p', { class: 'error', id: `ref-${n}-error`, role: 'alert' });
  const note = h('textarea', { id: `ref-${n}-note`, name: 'note', maxlength: 1000, rows: 4, 'aria-describedby': `ref-${n}-hint ref-${n}-error` });
  const share = h('input', { type: 'checkbox', id: `ref-${n}-share`, name: 'share' });
  const form = h('form', { class: 'referral-form', 'aria-label': t('intake.refer.formLabel', { title: p.title }) },
    h('div', { class: 'field' }, h('label', { for: note.id }, t('intake.refer.note')),
      h('p', { class: 'hint', id: `ref-${n}-hint` }, t('intake.refer.noteHint')), note),
    h('label', { class: 'choice', for: share.id }, share, h('span', {}, t('intake.refer.share'))),
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'small' }, t('intake.refer.send')),
      h('button', { type: 'button', class: 'secondary small', onclick: () => { form.remove(); button.setAttribute('aria-expanded', 'false'); button.focus(); } },
        t('cancel'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = form.querySelector('button[type="submit"]');
    submit.disabled = true;
    error.textContent = '';
    try {
      await post('/api/matching/referrals', { listingId: p.listingId, clientId: state.client.id,
        note: note.value.trim() || null, shareWithProvider: share.checked });
      const done = h('p', { class: 'notice ok referral-sent', tabindex: '-1' },
        t('intake.refer.sent', { title: p.title, name: state.client.displayName }), ' ',
        h('a', { href: '/case.html' }, t('intake.refer.board')));
      button.remove();
      form.replaceWith(done);
      done.focus();
      box.classList.add('sent');
    } catch (failure) {
      error.textContent = referralProblem(failure);
      submit.disabled = false;
    }
  });
  return form;
}

// ---------------------------------------------------------------- start

/** Case-manager mode: the client must be one of their organization's. False when the page cannot go on. */
async function clientMode(me, id) {
  if (!me.roles.includes('case_manager')) {
    if (!me.signedIn) {
      $('#intake-notices').append(h('p', { class: 'notice' }, t('intake.client.signIn'), ' ',
        h('a', { href: `/signin?next=${encodeURIComponent(location.pathname + location.search)}` }, t('account.signIn'))));
    }
    return true;
  }
  try {
    const rows = UUID.test(id) ? await get('/api/matching/clients?size=100') : [];
    state.client = rows.map((row) => row.client).find((c) => c.id === id) || null;
  } catch {
    $('#intake-notices').append(h('p', { class: 'notice bad' }, t('error.offline')));
    return false;
  }
  if (!state.client) {
    $('#intake-notices').append(h('p', { class: 'notice bad', id: 'client-error' }, t('intake.client.notFound'), ' ',
      h('a', { href: '/case.html' }, t('intake.client.back'))));
    return false;
  }
  const heading = t('intake.client.heading', { name: state.client.displayName });
  $('#intake-heading').textContent = heading;
  $('#intake-intro').textContent = t('intake.client.intro');
  document.title = `${heading} · ${t('brand')}`;
  return true;
}

/** Results kept on this device: offered as a link, or shown when the link (?saved=1) is opened. */
function savedResults(url) {
  let saved = null;
  try { saved = JSON.parse(localStorage.getItem(SAVED) || 'null'); } catch { saved = null; }
  if (!saved?.pathways) {
    if (url.get('saved')) $('#intake-notices').append(h('p', { class: 'notice' }, t('intake.saved.none')));
    return false;
  }
  if (url.get('saved')) {
    showResults(saved, saved.savedAt);
    return true;
  }
  $('#intake-notices').append(h('p', { class: 'notice', id: 'saved-link' }, t('intake.saved.have', { date: dateTime(saved.savedAt) }), ' ',
    h('a', { href: '/intake.html?saved=1' }, t('intake.saved.see'))));
  return false;
}

start({
  bundle: 'intake',
  title: 'intake.title',
  render: async ({ me, lang }) => {
    campaign(); // keeps a campaign link's code for this visit's start and intake
    const url = new URLSearchParams(location.search);
    if (url.get('client') && !(await clientMode(me, url.get('client')))) return;
    let questions;
    try {
      questions = await get('/api/matching/intake/questions');
    } catch {
      $('#intake-notices').append(h('p', { class: 'notice bad' }, t('error.offline'), ' ',
        h('a', { href: location.pathname + location.search }, t('intake.retry'))));
      return;
    }
    buildForm(questions, lang);
    const form = $('#intake');
    form.addEventListener('change', markStarted);
    form.addEventListener('click', markStarted);
    form.addEventListener('submit', submit);
    $('#next').addEventListener('click', next);
    $('#back').addEventListener('click', () => { clearErrors(); goTo(Math.max(1, state.step - 1)); });
    $('#consent').addEventListener('change', consented);
    $('#zip').addEventListener('input', () => { if ($('#zip').getAttribute('aria-invalid') && !zipErrors().length) clearErrors(); });
    $('#save-results').addEventListener('click', saveResults);
    $('#share-results').addEventListener('click', shareResults);
    $('#print-results').addEventListener('click', () => window.print());
    $('#edit-answers').addEventListener('click', editAnswers);
    goTo(1, false);
    if (state.client || !savedResults(url)) form.hidden = false;
  },
});
