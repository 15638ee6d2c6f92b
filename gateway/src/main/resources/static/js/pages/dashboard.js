// City staff watch one recruitment campaign: headline tiles, then every measure as a chart with its table.
// The report hides small counts ("<10", "suppressed"); those cells are gaps in charts and words in tables,
// never guessed back, so nobody can be picked out of a small group.
import { start } from '../core/shell.js';
import { t, tn, language } from '../core/i18n.js';
import { get, query, ApiError } from '../core/api.js';
import { h, show, $, announce } from '../core/dom.js';
import { day, percent, whole } from '../core/format.js';
import { figure } from '../core/chart.js';

const DASH = '—';
const MARKS = { '<10': 'dashboard.under10', suppressed: 'dashboard.suppressed' };
const DAYS = 24 * 3600 * 1000;
let asked = 0; // the latest report asked for; an older answer arriving late is dropped

// ---- how a value reads ------------------------------------------------------------------------------------------

/** A Figure as the report gives it: a number, "<10" or "suppressed". */
const shown = (v) => (typeof v === 'number' ? whole(v) : MARKS[v] ? t(MARKS[v]) : DASH);
const value = (v) => (typeof v === 'number' ? v : null);
const rate = (r) => (r === null || r === undefined ? DASH : percent(r));
const long = (n) => (n === null || n === undefined ? DASH : whole(n));
const chartRate = (r) => (r === null || r === undefined ? null : Math.round(r * 1000) / 10);
const hidden = (data) => data.rows.some((r) => typeof r.count !== 'number') || typeof data.total !== 'number';

/** "—" is read out as "not shown", so a gap is never silent. */
function text(v) {
  return v === DASH ? [h('span', { 'aria-hidden': 'true' }, DASH), h('span', { class: 'visually-hidden' }, t('dashboard.notShown'))] : v;
}

function notShownCells(root) {
  for (const cell of root.querySelectorAll('td')) {
    if (cell.textContent === DASH) show(cell, text(DASH));
  }
  return root;
}

function bucket(key, granularity) {
  return granularity === 'month' ? day(key, { month: 'short', year: 'numeric' }) : day(key);
}

function met(flag) {
  if (flag === null || flag === undefined) return h('span', { class: 'badge' }, t('dashboard.met.unknown'));
  return h('span', { class: `badge ${flag ? 'ok' : 'bad'}` }, t(flag ? 'dashboard.met.yes' : 'dashboard.met.no'));
}
const metText = (flag) => t(flag === null || flag === undefined ? 'dashboard.met.unknown' : flag ? 'dashboard.met.yes' : 'dashboard.met.no');

function tile(id, label, shownValue, ...extra) {
  return h('li', { class: 'tile', id }, h('span', { class: 'label' }, label), h('span', { class: 'value' }, text(shownValue)), extra);
}

function section(id, title, ...children) {
  return h('section', { id, 'aria-labelledby': `${id}-heading`, class: 'report-part' }, h('h2', { id: `${id}-heading` }, title), children);
}

/** A plain table (no chart), wide ones scroll inside their box at 360 px. */
function table(caption, columns, rows, numeric = []) {
  return h('div', { class: 'table-wrap' }, notShownCells(h('table', { class: 'data' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map((c, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null }, c)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) => (i === 0
      ? h('th', { scope: 'row' }, cell) : h('td', { class: numeric.includes(i) ? 'num' : null }, cell)))))))));
}

const hiddenNote = () => h('p', { class: 'hint' }, t('dashboard.hiddenHere'), ' ', h('a', { href: '#suppression' }, t('dashboard.hiddenHow')));

/** A chart with its table; "—" cells are read as "not shown", and a note says why some cells are words. */
function chart(spec, anyHidden) {
  const element = notShownCells(figure(spec));
  if (anyHidden) element.append(hiddenNote());
  return element;
}

/** One report Table (rows of key, count, share) as a bar chart plus table with a total row. */
function countFigure(id, title, data, labelOf, firstColumn) {
  const labels = data.rows.map((r) => labelOf(r.key));
  return chart({
    id, title, type: 'bar', labels,
    series: [{ name: t('dashboard.count'), values: data.rows.map((r) => value(r.count)) }],
    columns: [firstColumn, t('dashboard.count'), t('dashboard.share')],
    rows: [...data.rows.map((r, i) => [labels[i], shown(r.count), rate(r.share)]), [t('dashboard.total'), shown(data.total), '']],
  }, hidden(data));
}

// ---- the report, part by part -----------------------------------------------------------------------------------

function headline(r) {
  const e = r.enrollment;
  const track = e.onTrack === null ? 'unknown' : e.onTrack ? 'yes' : 'no';
  const searches = r.traffic.searches.total;
  const views = r.traffic.listingViews.total;
  const ctr = typeof searches === 'number' && typeof views === 'number' && searches > 0 ? views / searches : null;
  return section('headline', t('dashboard.headline'), h('ul', { class: 'tiles' },
    tile('enrolled', t('dashboard.tile.enrolled'), shown(e.enrolled)),
    tile('tile-baseline', t('dashboard.tile.baseline'), long(e.baselineForPeriod)),
    tile('tile-target', t('dashboard.tile.target'), long(e.target)),
    tile('tile-forecast', t('dashboard.tile.forecast'), long(e.forecast),
      h('span', { class: `badge ${{ yes: 'ok', no: 'bad', unknown: '' }[track]}` }, t(`dashboard.track.${track}`))),
    tile('tile-applicants', t('dashboard.tile.applicants'), shown(r.equity.applicants.sex.total)),
    tile('tile-completion', t('dashboard.tile.completion'), rate(r.intakes.completionRate),
      h('span', { class: 'hint' }, t('dashboard.tile.completionOf', { done: shown(r.intakes.completed.total), started: shown(r.intakes.started.total) }))),
    tile('tile-ctr', t('dashboard.tile.ctr'), rate(ctr), h('span', { class: 'hint' }, t('dashboard.tile.ctrHint')))));
}

/** Enrolled in each period against the baseline's and the target's share of it (both spread evenly by day). */
function enrollment(r, g) {
  const e = r.enrollment;
  const from = Date.parse(r.period.from);
  const to = Date.parse(r.period.to);
  const today = Date.parse(r.generatedAt.slice(0, 10));
  const rows = e.trend.rows;
  const share = (total, i) => {
    if (total === null || total === undefined) return null;
    const first = Math.max(from, Date.parse(rows[i].key));
    const last = Math.min(to, i + 1 < rows.length ? Date.parse(rows[i + 1].key) - DAYS : to);
    return Math.round((total * Math.max(0, last - first + DAYS)) / (to - from + DAYS) * 10) / 10;
  };
  // a period that has not started yet shows nothing rather than a zero that looks like a drop
  const future = rows.map((row) => Date.parse(row.key) > today);
  const labels = rows.map((row) => bucket(row.key, g));
  const series = [{ name: t('dashboard.enrollment.inPeriod'), values: rows.map((row, i) => (future[i] ? null : value(row.count))) }];
  if (e.baselineForPeriod !== null) series.push({ name: t('dashboard.enrollment.baseline'), values: rows.map((row, i) => share(e.baselineForPeriod, i)), dashed: true });
  if (e.target !== null) series.push({ name: t('dashboard.enrollment.target'), values: rows.map((row, i) => share(e.target, i)), dashed: true });
  return section('enrollment', t('dashboard.enrollment'),
    h('p', { class: 'hint' }, t('dashboard.enrollment.hint')),
    chart({
      id: 'enrollment-trend', title: t('dashboard.enrollment.trend'), type: 'line', labels, series,
      columns: [t(`dashboard.bucket.${g}`), ...series.map((s) => s.name)],
      rows: rows.map((row, i) => [labels[i], future[i] ? t('dashboard.notYet') : shown(row.count),
        ...series.slice(1).map((s) => whole(s.values[i]))]),
    }, hidden(e.trend)));
}

function referrals(r) {
  return section('referrals', t('dashboard.referrals'),
    countFigure('referrals-status', t('dashboard.referrals.byStatus'), r.referrals.byStatus, (k) => t(`dashboard.status.${k}`), t('dashboard.referrals.status')));
}

function equityFigure(id, dimension, r, note) {
  const a = r.equity.applicants[dimension];
  const e = r.equity.enrollees[dimension];
  const keys = a.rows.map((row) => row.key);
  const other = (key) => e.rows.find((row) => row.key === key) || { count: null, share: null };
  const labels = keys.map((k) => t(`dashboard.${dimension}.${k}`));
  const element = chart({
    id, title: t(`dashboard.equity.${dimension}`), type: 'bar', labels,
    series: [{ name: t('dashboard.equity.applicantsShare'), values: a.rows.map((row) => chartRate(row.share)) },
      { name: t('dashboard.equity.enrolleesShare'), values: keys.map((k) => chartRate(other(k).share)) }],
    columns: [t('dashboard.equity.group'), t('dashboard.equity.applicants'), t('dashboard.equity.applicantsShare'),
      t('dashboard.equity.enrollees'), t('dashboard.equity.enrolleesShare')],
    rows: [...keys.map((k, i) => [labels[i], shown(a.rows[i].count), rate(a.rows[i].share), shown(other(k).count), rate(other(k).share)]),
      [t('dashboard.total'), shown(a.total), '', shown(e.total), '']],
  }, hidden(a) || hidden(e));
  element.classList.add('wide');
  if (note) element.append(h('p', { class: 'hint' }, note));
  return element;
}

function equity(r) {
  const targets = r.equity.targets;
  return section('equity', t('dashboard.equity'),
    h('p', { class: 'hint' }, t('dashboard.equity.hint')),
    equityFigure('equity-sex', 'sex', r),
    equityFigure('equity-race', 'race', r, r.equity.applicants.race.additive ? null : t('dashboard.equity.raceNote')),
    targets.length ? table(t('dashboard.equity.targets'),
      [t('dashboard.equity.stageGroup'), t('dashboard.equity.share'), t('dashboard.equity.target'), t('dashboard.equity.met')],
      targets.map((x) => [t('dashboard.equity.targetRow', { stage: t(`dashboard.stage.${x.stage}`), group: t(`dashboard.targetGroup.${x.group}`) }),
        rate(x.share), rate(x.target), met(x.met)]), [1, 2])
      : h('p', {}, t('dashboard.equity.noTargets')));
}

function retention(r) {
  const overall = r.retention.overall;
  const labels = overall.map((c) => t('dashboard.retention.day', { n: c.day }));
  const checkpoints = [30, 90, 180, 365];
  return section('retention', t('dashboard.retention'),
    h('p', { class: 'hint' }, t('dashboard.retention.hint')),
    chart({
      id: 'retention-overall', title: t('dashboard.retention.overall'), type: 'line', labels,
      series: [{ name: t('dashboard.retention.rate'), values: overall.map((c) => chartRate(c.rate)) },
        { name: t('dashboard.retention.target'), values: overall.map((c) => chartRate(c.target)), dashed: true }],
      columns: [t('dashboard.retention.after'), t('dashboard.retention.rate'), t('dashboard.retention.target'), t('dashboard.equity.met')],
      rows: overall.map((c, i) => [labels[i], rate(c.rate), rate(c.target), metText(c.met)]),
    }, false),
    r.retention.cohorts.length ? table(t('dashboard.retention.cohorts'),
      [t('dashboard.retention.cohort'), ...checkpoints.map((d) => t('dashboard.retention.day', { n: d }))],
      r.retention.cohorts.map((c) => [day(`${c.month}-01`, { month: 'short', year: 'numeric' }),
        ...checkpoints.map((d) => rate((c.checkpoints.find((x) => x.day === d) || {}).rate))]), [1, 2, 3, 4])
      : h('p', {}, t('dashboard.retention.none')));
}

function traffic(r, g) {
  const tr = r.traffic;
  const labels = tr.searches.rows.map((row) => bucket(row.key, g));
  const views = (key) => tr.listingViews.rows.find((row) => row.key === key) || {};
  const ctr = (key) => (tr.clickThroughRate.find((c) => c.bucket === key) || {}).value;
  return section('traffic', t('dashboard.traffic'),
    chart({
      id: 'traffic', title: t('dashboard.traffic.chart'), type: 'line', labels,
      series: [{ name: t('dashboard.traffic.searches'), values: tr.searches.rows.map((row) => value(row.count)) },
        { name: t('dashboard.traffic.views'), values: tr.searches.rows.map((row) => value(views(row.key).count)) }],
      columns: [t(`dashboard.bucket.${g}`), t('dashboard.traffic.searches'), t('dashboard.traffic.views'), t('dashboard.traffic.ctr')],
      rows: [...tr.searches.rows.map((row, i) => [labels[i], shown(row.count), shown(views(row.key).count), rate(ctr(row.key))]),
        [t('dashboard.total'), shown(tr.searches.total), shown(tr.listingViews.total), '']],
    }, hidden(tr.searches) || hidden(tr.listingViews)),
    h('ul', { class: 'tiles' }, tile('tile-zero', t('dashboard.traffic.zero'), shown(tr.zeroResultSearches))),
    tr.zeroResultQueries.length
      ? table(t('dashboard.traffic.zeroTop'), [t('dashboard.traffic.query'), t('dashboard.count')],
        tr.zeroResultQueries.map((q) => [q.query, shown(q.count)]), [1])
      : h('p', {}, t('dashboard.traffic.zeroNone')));
}

function qr(code) {
  const base = `/api/metrics/codes/${encodeURIComponent(code)}/qr`;
  return h('span', { class: 'qr-links' },
    h('a', { href: `${base}.png`, download: `${code}.png` }, t('dashboard.qr.png'), h('span', { class: 'visually-hidden' }, t('dashboard.qr.for', { code }))),
    ' · ',
    h('a', { href: `${base}.svg`, download: `${code}.svg` }, t('dashboard.qr.svg'), h('span', { class: 'visually-hidden' }, t('dashboard.qr.for', { code }))));
}

function channels(r) {
  const pieces = r.channels.pieces;
  const live = (p) => (p.liveFrom || p.liveTo ? t('dashboard.channels.live', { from: p.liveFrom ? day(p.liveFrom) : DASH, to: p.liveTo ? day(p.liveTo) : DASH }) : DASH);
  return section('channels', t('dashboard.channels'),
    countFigure('landings-code', t('dashboard.channels.landings'), r.traffic.landingsByCode, (k) => (k === 'none_or_other' ? t('dashboard.channels.noCode') : k), t('dashboard.channels.code')),
    pieces.length ? table(t('dashboard.channels.pieces'),
      [t('dashboard.channels.code'), t('dashboard.channels.channel'), t('dashboard.channels.name'), t('dashboard.channels.when'),
        t('dashboard.channels.landingsCol'), t('dashboard.channels.applicants'), t('dashboard.qr')],
      pieces.map((p) => [p.code, t(`dashboard.channel.${p.channel}`), p.name, live(p), shown(p.landings), shown(p.applicants), qr(p.code)]), [4, 5])
      : h('p', {}, t('dashboard.channels.none')),
    pieces.some((p) => typeof p.applicants !== 'number' || typeof p.landings !== 'number') ? hiddenNote() : null);
}

function seats(r) {
  const s = r.unfilledSeats;
  return section('seats', t('dashboard.seats'),
    h('ul', { class: 'tiles' },
      tile('tile-open', t('dashboard.seats.open'), long(s.open)),
      tile('tile-seats', t('dashboard.seats.total'), long(s.total)),
      tile('tile-programs', t('dashboard.seats.programs'), long(s.programsWithOpenSeats))),
    s.byProgram.length ? table(t('dashboard.seats.byProgram'),
      [t('dashboard.seats.program'), t('dashboard.seats.organization'), t('dashboard.seats.open'), t('dashboard.seats.total'), t('dashboard.seats.next')],
      s.byProgram.map((p) => [h('a', { href: `/listing.html?id=${encodeURIComponent(p.listingId)}` }, p.name), p.organizationId,
        long(p.open), long(p.total), p.nextStart ? day(p.nextStart) : DASH]), [2, 3])
      : h('p', {}, t('dashboard.seats.none')));
}

function events(r) {
  const c = r.careerEvents;
  const formats = c.registeredByFormat.rows.map((row) => row.key);
  const attended = (k) => (c.attendedByFormat.rows.find((row) => row.key === k) || {}).count;
  const labels = formats.map((k) => t(`dashboard.format.${k}`));
  return section('events', t('dashboard.events'),
    h('ul', { class: 'tiles' },
      tile('tile-dates', t('dashboard.events.dates'), long(c.dates)),
      tile('tile-event-orgs', t('dashboard.events.organizations'), long(c.organizations))),
    chart({
      id: 'events-attendance', title: t('dashboard.events.chart'), type: 'bar', labels,
      series: [{ name: t('dashboard.events.registered'), values: c.registeredByFormat.rows.map((row) => value(row.count)) },
        { name: t('dashboard.events.attended'), values: formats.map((k) => value(attended(k))) }],
      columns: [t('dashboard.events.format'), t('dashboard.events.registered'), t('dashboard.events.attended')],
      rows: [...formats.map((k, i) => [labels[i], shown(c.registeredByFormat.rows[i].count), shown(attended(k))]),
        [t('dashboard.total'), shown(c.registeredByFormat.total), shown(c.attendedByFormat.total)]],
    }, hidden(c.registeredByFormat) || hidden(c.attendedByFormat)));
}

function survey(r) {
  const s = r.survey;
  const reached = (share, target) => (share === null || target === null ? null : share >= target);
  return section('survey', t('dashboard.survey'), h('ul', { class: 'tiles' },
    tile('tile-known', t('dashboard.survey.known'), long(s.knownOrganizations)),
    tile('tile-surveyed', t('dashboard.survey.surveyed'), rate(s.surveyedShare),
      h('span', { class: 'hint' }, t('dashboard.survey.of', { n: long(s.surveyed), target: rate(s.surveyedTarget) })), ' ', met(reached(s.surveyedShare, s.surveyedTarget))),
    tile('tile-responded', t('dashboard.survey.responded'), rate(s.respondedShare),
      h('span', { class: 'hint' }, t('dashboard.survey.of', { n: long(s.responded), target: rate(s.respondedTarget) })), ' ', met(reached(s.respondedShare, s.respondedTarget)))));
}

function ratings(r) {
  const x = r.ratings;
  const average = x.average === null ? DASH : new Intl.NumberFormat(language(), { maximumFractionDigits: 1 }).format(x.average);
  return section('ratings', t('dashboard.ratings'),
    h('ul', { class: 'tiles' },
      tile('tile-average', t('dashboard.ratings.average'), average, h('span', { class: 'hint' }, t('dashboard.ratings.outOf'))),
      tile('tile-outdated', t('dashboard.ratings.outdated'), shown(x.reportedOutOfDate))),
    countFigure('ratings-stars', t('dashboard.ratings.stars'), x.stars, (k) => tn('dashboard.ratings.starsN', Number(k)), t('dashboard.ratings.rating')));
}

function render(report, g) {
  const c = report.campaign;
  return [
    h('p', { class: 'meta' }, t('dashboard.period', { from: day(report.period.from), to: day(report.period.to) }), ' · ',
      t('dashboard.generated', { when: new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(report.generatedAt)) })),
    h('div', { class: 'notice', id: 'suppression', tabindex: '-1' }, h('h2', { class: 'note-title' }, t('dashboard.suppression.title')),
      h('p', {}, t('dashboard.suppression.under10', { under10: t('dashboard.under10') })),
      h('p', {}, t('dashboard.suppression.hidden', { hidden: t('dashboard.suppressed') })),
      h('p', {}, t('dashboard.suppression.dash'))),
    headline(report), enrollment(report, g), referrals(report), equity(report), retention(report), traffic(report, g),
    channels(report), seats(report), events(report), survey(report), ratings(report),
    h('p', { class: 'hint' }, t('dashboard.campaignUpdated', { name: c.name, when: day(c.updatedAt) })),
  ];
}

/** A table wider than its box scrolls sideways: keyboard users need a tab stop on it, and it needs a name. */
function scrollable(root) {
  for (const wrap of root.querySelectorAll('.table-wrap')) {
    const wide = wrap.scrollWidth > wrap.clientWidth + 1;
    if (wide) {
      wrap.tabIndex = 0;
      wrap.setAttribute('role', 'region');
      wrap.setAttribute('aria-label', wrap.querySelector('caption')?.textContent || '');
    } else {
      wrap.removeAttribute('tabindex');
      wrap.removeAttribute('role');
      wrap.removeAttribute('aria-label');
    }
  }
}

// ---- loading ----------------------------------------------------------------------------------------------------

function problem(error) {
  if (error instanceof ApiError && error.status === 404) return t('dashboard.error.notFound');
  if (error instanceof ApiError && error.status === 403) return t('dashboard.error.forbidden');
  if (error instanceof ApiError && error.status < 500) return error.problem.detail || t('error.generic');
  return t('error.offline');
}

async function load() {
  const id = $('#campaign').value;
  const g = $('#granularity').value;
  const mine = ++asked;
  history.replaceState(null, '', `/dashboard.html${query({ campaign: id, granularity: g === 'week' ? '' : g })}`);
  const path = `/api/metrics/campaigns/${encodeURIComponent(id)}/report`;
  $('#report-csv').href = `${path}${query({ granularity: g, format: 'csv' })}`;
  const box = $('#report');
  box.setAttribute('aria-busy', 'true');
  show($('#notices'));
  announce(t('dashboard.loading'));
  try {
    const report = await get(`${path}${query({ granularity: g })}`);
    if (mine !== asked) return;
    show(box, render(report, g));
    scrollable(box);
    announce(t('dashboard.loaded', { name: report.campaign.name }));
  } catch (error) {
    if (mine !== asked) return;
    show(box);
    show($('#notices'), h('p', { class: 'notice bad', role: 'alert' }, problem(error)));
    announce('');
  } finally {
    if (mine === asked) box.removeAttribute('aria-busy');
  }
}

start({
  bundle: 'dashboard', title: 'dashboard.title', roles: ['city_staff', 'admin'],
  render: async () => {
    const params = new URLSearchParams(location.search);
    if (params.get('granularity') === 'month') $('#granularity').value = 'month';
    let campaigns;
    try {
      announce(t('dashboard.loading'));
      campaigns = await get('/api/metrics/campaigns');
    } catch (error) {
      announce('');
      show($('#notices'), h('p', { class: 'notice bad', role: 'alert' }, problem(error)));
      return;
    }
    if (!campaigns.length) {
      announce('');
      $('#report-controls').hidden = true;
      show($('#notices'), h('p', { class: 'notice' }, t('dashboard.noCampaigns')));
      return;
    }
    show($('#campaign'), campaigns.map((c) => h('option', { value: c.id }, t('dashboard.campaignOption', { name: c.name, from: day(c.startsOn), to: day(c.endsOn) }))));
    const wanted = params.get('campaign');
    if (campaigns.some((c) => c.id === wanted)) $('#campaign').value = wanted;
    $('#campaign').addEventListener('change', load);
    $('#granularity').addEventListener('change', load);
    $('#report-controls').addEventListener('submit', (event) => event.preventDefault());
    let resizing;
    window.addEventListener('resize', () => {
      clearTimeout(resizing);
      resizing = setTimeout(() => scrollable($('#report')), 200);
    });
    await load();
  },
});
