// Draws every <canvas data-control-chart data-src="/api/claims?..."> with Chart.js (window.Chart, UMD,
// with the date-fns adapter): one scatter series per outlet, a point shape per kind of claim, hollow points for
// hedged claims, and a grey min–max bar where several claims share a date. Text from the articles is only ever
// drawn on the canvas by Chart.js or set with textContent, never parsed as HTML.
// The data (/api/claims) holds only the points; a claim's sentence, attribution and link come from /api/claims/{id}
// when its point is hovered, focused or opened.
// For tests, each canvas gets data-state ("ready" / "error"), data-plotted-points, and a controlChart property.

import { tooltipTitle, describeLines, claimDetails, formatDate } from './control-chart-tooltip.js';

const palette = ['#1b6ca8', '#d1495b', '#2a9d8f', '#e09f3e', '#6a4c93', '#3a7d44', '#9c6644', '#c1121f', '#5c6b73', '#0077b6'];
const shapes = { area: 'circle', neighbourhood_count: 'rect', fraction: 'triangle' };
const day = 24 * 60 * 60 * 1000;

for (const canvas of document.querySelectorAll('canvas[data-control-chart]')) {
  drawOrReport(canvas);
}
// After an in-place page change (the filter bar changes the address through enhanced navigation), a chart that no
// component draws (the overview's small one) has its new data-src but its old drawing: draw it again. The interactive
// chart of /control is drawn by its component (drawChart) after each render, so it is left to it.
// blazor.web.js is a deferred script after this module: listen once the document is parsed (both have run by then).
const redrawStatic = () => {
  for (const canvas of document.querySelectorAll('canvas[data-control-chart]')) {
    if (!canvas.selectClaim && canvas.drawnSrc !== canvas.dataset.src) drawOrReport(canvas);
  }
};
const listen = () => window.Blazor?.addEventListener('enhancedload', redrawStatic);
if (window.Blazor) listen();
else document.addEventListener('DOMContentLoaded', listen);

/**
 * Called by the interactive chart component (Interactive/ControlChart.razor) after each render: draws the canvas again
 * (its data-src or data-highlighted changed). A click on a point, or Enter, then selects it through the circuit
 * (the component changes the address to claim={id}); on the selected point it opens the sentence.
 */
export function drawChart(canvas, component) {
  canvas.selectClaim = component ? (id) => component.invokeMethodAsync('SelectClaim', id) : null;
  return drawOrReport(canvas);
}

function drawOrReport(canvas) {
  canvas.controlChart?.destroy();
  canvas.listeners?.abort();
  canvas.parentElement.parentElement.querySelector(':scope > .control-chart-message')?.remove();
  delete canvas.dataset.state;
  canvas.drawnSrc = canvas.dataset.src;
  return draw(canvas).catch((error) => {
    canvas.dataset.state = 'error';
    const message = document.createElement('p');
    message.className = 'notice notice-warning control-chart-message';
    message.textContent = `The chart could not be drawn (${error.message}). The table lists the same claims.`;
    canvas.parentElement.after(message);
  });
}

// The claim a reader selected or came to see (data-highlighted): drawn larger, with a dark ring, until another is selected.
const isHighlighted = (ctx) => ctx.raw?.claim && ctx.chart.highlightedClaim === ctx.raw.claim.claimId;

async function draw(canvas) {
  const mini = canvas.hasAttribute('data-mini');
  const response = await fetch(canvas.dataset.src, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`the data request answered ${response.status}`);
  const data = await response.json();
  const claims = data.claims.map((p) => ({
    claimId: p.id, published: p.date, valuePercent: p.value, kind: p.kind, hedge: p.hedge,
    outletSlug: data.outlets[p.outlet].slug, outletName: data.outlets[p.outlet].name,
  }));
  if (claims.length === 0) throw new Error('no claim with a full date');
  const details = claimDetails(canvas.dataset.src, () => chart);
  const highlighted = canvas.dataset.highlighted ? Number(canvas.dataset.highlighted) : null;
  // A click or Enter: select the point (when the component is up and it is not selected yet), else open its sentence.
  const choose = (claim) => (canvas.selectClaim && claim.claimId !== highlighted ? canvas.selectClaim(claim.claimId) : details.open(claim));

  const times = claims.map((c) => Date.parse(c.published));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const pad = Math.max(3 * day, (last - first) * 0.05);
  const msPerPixel = (last - first + 2 * pad) / Math.max(canvas.parentElement.clientWidth, 100);

  const datasets = outletSeries(claims, mini, sideBySide(claims, (mini ? 6 : 14) * msPerPixel), data.outlets.map((o) => o.slug));
  const spread = spreadSegments(claims);
  if (spread.length > 0) {
    datasets.push({
      type: 'line', label: 'Spread on one date (min–max)', data: spread, spread: true, order: 10,
      borderColor: 'rgba(80, 80, 80, 0.35)', backgroundColor: 'rgba(80, 80, 80, 0.35)', borderWidth: mini ? 5 : 12,
      borderCapStyle: 'round', pointRadius: 0, pointHoverRadius: 0, pointHitRadius: 0, spanGaps: false,
    });
  }

  const chart = new window.Chart(canvas, {
    type: 'scatter',
    data: { datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      events: mini ? [] : ['mousemove', 'mouseout', 'click', 'touchstart', 'touchmove'],
      // 'point': every claim under the pointer, so claims that coincide (same date and value) all show.
      interaction: { mode: 'point', intersect: true },
      scales: {
        x: {
          type: 'time', min: first - pad, max: last + pad,
          time: { minUnit: 'day', tooltipFormat: 'd MMM yyyy', displayFormats: { day: 'd MMM', week: 'd MMM', month: 'MMM yyyy' } },
          title: { display: !mini, text: 'Article publication date' },
          ticks: { maxTicksLimit: mini ? 4 : 10 },
        },
        y: {
          min: 0, max: 100,
          title: { display: !mini, text: `Claimed government-held share of ${data.scopeLabel}` },
          ticks: { callback: (v) => `${v}%`, stepSize: mini ? 50 : 10 },
        },
      },
      plugins: {
        legend: {
          display: !mini, position: 'bottom',
          labels: { usePointStyle: true, generateLabels: legendLabels },
        },
        tooltip: {
          enabled: !mini,
          filter: (item) => !item.dataset.spread,
          callbacks: {
            title: (items) => tooltipTitle(items.map((item) => item.raw.claim)),
            label: (item) => [`${item.raw.claim.outletName}:`, ...describeLines(item.raw.claim, data.scopeLabel, details)],
            footer: (items) => (canvas.selectClaim && items[0]?.raw.claim?.claimId !== highlighted
              ? 'Click or press Enter to select; again to open the sentence' : 'Click or press Enter to open the sentence'),
          },
        },
      },
      onHover: (event, elements) => {
        canvas.style.cursor = claimElements(chart, elements).length ? 'pointer' : 'default';
      },
      onClick: (event, elements) => {
        const [hit] = claimElements(chart, elements);
        if (hit) choose(hit.claim);
      },
    },
  });
  chart.highlightedClaim = highlighted;
  if (highlighted !== null && claims.some((c) => c.claimId === highlighted)) {
    canvas.dataset.highlightedClaim = String(highlighted);
  } else {
    delete canvas.dataset.highlightedClaim;
  }

  canvas.listeners = new AbortController();
  if (!mini) enableKeyboard(canvas, chart, data.scopeLabel, details, choose, canvas.listeners.signal);
  canvas.controlChart = chart;
  canvas.dataset.plottedPoints = String(claims.length);
  canvas.dataset.state = 'ready';
}

// Claims published on the same date would hide one another: set them a few pixels apart (in date order of
// outlet name, then value), centred on the date. Tooltips and the table still give the real date.
function sideBySide(claims, step) {
  const offsets = new Map();
  const byDate = Map.groupBy(claims, (c) => c.published);
  for (const group of byDate.values()) {
    group.sort((a, b) => a.outletName.localeCompare(b.outletName) || a.valuePercent - b.valuePercent);
    group.forEach((c, i) => offsets.set(c.claimId, (i - (group.length - 1) / 2) * step));
  }
  return offsets;
}

// One series per outlet; an outlet's colour comes from its place among all outlets, so it stays the same across scopes and filters.
function outletSeries(claims, mini, offsets, allOutlets) {
  const outlets = [...new Map(claims.map((c) => [c.outletSlug, c.outletName])).entries()]
    .sort((a, b) => a[1].localeCompare(b[1]));
  return outlets.map(([slug, name]) => {
    const own = claims.filter((c) => c.outletSlug === slug);
    const colour = palette[Math.max(allOutlets.indexOf(slug), 0) % palette.length];
    return {
      label: name,
      colour,
      data: own.map((c) => ({ x: Date.parse(c.published) + offsets.get(c.claimId), y: c.valuePercent, claim: c })),
      borderColor: colour,
      backgroundColor: own.map((c) => (c.hedge === 'exact' ? colour : '#ffffff')),
      pointStyle: own.map((c) => shapes[c.kind] ?? 'crossRot'),
      pointRadius: (ctx) => (mini ? 3 : isHighlighted(ctx) ? 11 : 7),
      pointHoverRadius: mini ? 3 : 11,
      pointBorderWidth: (ctx) => (isHighlighted(ctx) ? 4 : 2),
      pointBorderColor: (ctx) => (isHighlighted(ctx) ? '#111111' : colour),
      clip: false, // a point at 100% stays whole
      order: 1,
    };
  });
}

// Two points per shared date (min and max), each pair ended by a gap so the line draws separate bars.
function spreadSegments(claims) {
  const byDate = new Map();
  for (const c of claims) byDate.set(c.published, [...(byDate.get(c.published) ?? []), c.valuePercent]);
  const segments = [];
  for (const [date, values] of [...byDate.entries()].sort()) {
    if (values.length < 2) continue;
    const x = Date.parse(date);
    segments.push({ x, y: Math.min(...values) }, { x, y: Math.max(...values) }, { x, y: null });
  }
  return segments;
}

function legendLabels(chart) {
  return chart.data.datasets.map((dataset, i) => ({
    text: dataset.label,
    datasetIndex: i,
    hidden: !chart.isDatasetVisible(i),
    pointStyle: dataset.spread ? 'line' : 'circle',
    fillStyle: dataset.spread ? dataset.borderColor : dataset.colour,
    strokeStyle: dataset.spread ? dataset.borderColor : dataset.colour,
    lineWidth: dataset.spread ? 6 : 1,
    fontColor: chart.options.color,
  }));
}

// The active elements that are claims (not the spread bars), with their claim.
function claimElements(chart, elements) {
  return elements
    .filter((e) => !chart.data.datasets[e.datasetIndex].spread)
    .map((e) => ({ ...e, claim: chart.data.datasets[e.datasetIndex].data[e.index].claim }));
}

// Keyboard: the canvas is focusable; arrows move through the points in date order, Enter opens the sentence.
function enableKeyboard(canvas, chart, scopeLabel, details, choose, signal) {
  const points = [];
  chart.data.datasets.forEach((dataset, datasetIndex) => {
    if (dataset.spread) return;
    dataset.data.forEach((point, index) => points.push({ datasetIndex, index, claim: point.claim }));
  });
  points.sort((a, b) => a.claim.published.localeCompare(b.claim.published) || a.claim.valuePercent - b.claim.valuePercent);
  const live = canvas.closest('figure')?.querySelector('[data-control-chart-focus]');
  // The keyboard starts at the highlighted point, if any.
  let at = points.findIndex((p) => p.claim.claimId === chart.highlightedClaim);

  const show = () => {
    const { datasetIndex, index, claim } = points[at];
    const element = chart.getDatasetMeta(datasetIndex).data[index];
    const active = [{ datasetIndex, index }];
    chart.setActiveElements(active);
    chart.tooltip.setActiveElements(active, { x: element.x, y: element.y });
    chart.update();
    canvas.dataset.focusedClaim = String(claim.claimId);
    const say = () => {
      if (live && canvas.dataset.focusedClaim === String(claim.claimId)) {
        live.textContent = `Point ${at + 1} of ${points.length}. ${claim.outletName}, ${formatDate(claim.published)}. ${describeLines(claim, scopeLabel, details).join(' ')}`;
      }
    };
    say();
    details.load(claim).then(say, () => {});
  };
  const hide = () => {
    chart.setActiveElements([]);
    chart.tooltip.setActiveElements([], { x: 0, y: 0 });
    chart.update();
    delete canvas.dataset.focusedClaim;
  };

  canvas.addEventListener('focus', () => { at = Math.max(at, 0); show(); }, { signal });
  canvas.addEventListener('blur', hide, { signal });
  canvas.addEventListener('keydown', (event) => {
    const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (event.key in moves) {
      at = (at + moves[event.key] + points.length) % points.length;
    } else if (event.key === 'Home') {
      at = 0;
    } else if (event.key === 'End') {
      at = points.length - 1;
    } else if (event.key === 'Enter' || event.key === ' ') {
      choose(points[at].claim);
    } else if (event.key === 'Escape') {
      hide();
      return;
    } else {
      return;
    }
    event.preventDefault();
    show();
  }, { signal });
  // Drawn again while focused (a point was just selected by keyboard): show the selected point at once.
  if (document.activeElement === canvas && at >= 0) show();
}
