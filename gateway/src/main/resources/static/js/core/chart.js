// A chart always comes with its table and a CSV of the same numbers: the table is what screen readers and
// keyboards use, the chart is a picture of it (role="img" with a name saying so). Chart.js is loaded only on
// pages that draw charts, from the gateway's own copy (a WebJar pinned in the pom).
import { h } from './dom.js';
import { t } from './i18n.js';

const CHART_JS = '/webjars/chart.js/4.5.1/dist/chart.umd.min.js';
const PALETTE = ['#1f5fa8', '#b3541e', '#2e7d32', '#6a3d9a', '#8a6d00', '#00838f'];
let loading;

function library() {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = CHART_JS;
    script.onload = () => resolve(window.Chart);
    script.onerror = () => reject(new Error('chart library'));
    document.head.append(script);
  });
  return loading;
}

function csv(columns, rows) {
  const cell = (value) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [columns, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/**
 * A figure: caption, chart, table and CSV link.
 * spec = { id, title, type: 'bar'|'line', labels: [...], series: [{ name, values: [number|null], shown: [text] }],
 *          columns: [header...], rows: [[cell...]] (the table; defaults to labels × series shown values) }
 * A value of null is drawn as a gap (a suppressed cell) and its table cell shows what the report shows, e.g. "<10".
 */
export function figure(spec) {
  const columns = spec.columns || [t('chart.period'), ...spec.series.map((s) => s.name)];
  const rows = spec.rows || spec.labels.map((label, i) => [label, ...spec.series.map((s) => (s.shown ? s.shown[i] : s.values[i]))]);
  const canvas = h('canvas', { role: 'img', 'aria-label': t('chart.name', { title: spec.title }) });
  const table = h('table', { class: 'data' },
    h('caption', { class: 'visually-hidden' }, spec.title),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell)))))));
  const download = h('a', {
    class: 'button secondary small', download: `${spec.id}.csv`,
    href: URL.createObjectURL(new Blob([csv(columns, rows)], { type: 'text/csv' })),
  }, t('chart.csv'));
  const element = h('figure', { class: 'figure', id: spec.id, 'aria-labelledby': `${spec.id}-title` },
    h('figcaption', { id: `${spec.id}-title` }, spec.title),
    h('div', { class: 'figure-body' }, h('div', { class: 'chart' }, canvas), h('div', { class: 'table-wrap' }, table)),
    h('p', {}, download));
  library().then((Chart) => {
    new Chart(canvas, {
      type: spec.type || 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s, i) => ({
          label: s.name, data: s.values, spanGaps: false,
          backgroundColor: PALETTE[i % PALETTE.length], borderColor: PALETTE[i % PALETTE.length],
          borderDash: s.dashed ? [6, 4] : undefined,
        })),
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } } },
    });
  }).catch(() => canvas.replaceWith(h('p', { class: 'notice' }, t('chart.unavailable'))));
  return element;
}
