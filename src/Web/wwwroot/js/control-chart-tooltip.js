// The control chart's tooltips and claim details (see control-chart.js): a claim's sentence, attribution and link
// are fetched from /api/claims/{id} once, when its point is hovered, focused or opened, and shown as text lines.

const kindLabels = { area: 'area share', neighbourhood_count: 'neighbourhood count', fraction: 'fraction' };

export function tooltipTitle(claims) {
  if (claims.length === 0) return '';
  if (claims.length === 1) return `${claims[0].outletName} · ${formatDate(claims[0].published)}`;
  return `${claims.length} claims · ${formatDate(claims[0].published)}`;
}

// The tooltip's lines; until the claim's sentence has arrived, a note in its place (and the request is made).
export function describeLines(claim, scopeLabel, details) {
  const detail = details.get(claim);
  const count = detail?.count != null && detail?.of != null ? ` (${detail.count} of ${detail.of})` : '';
  const hedge = claim.hedge === 'exact' ? '' : `${claim.hedge} `;
  const first = `${hedge}${claim.valuePercent}% of ${scopeLabel}${count}, ${kindLabels[claim.kind] ?? claim.kind}`;
  if (!detail) {
    details.load(claim).catch(() => {});
    return [first, details.failed(claim) ? 'The sentence could not be loaded.' : 'Loading the sentence…'];
  }
  const stated = detail.stated ? [`(${detail.stated}; shown as the government's share)`] : [];
  const quoted = isArabic(detail.sentence)
    // The canvas draws each line left to right; an Arabic line is a right-to-left isolate (RLI ... PDI) inside it, so
    // its words, numbers and quote marks keep their order.
    ? wrap(detail.sentence, 70).map((line, i, all) => `\u2067${i === 0 ? '“' : ''}${line}${i === all.length - 1 ? '”' : ''}\u2069`)
    : wrap(`“${detail.sentence}”`, 70);
  return [first, ...stated, `Attributed to: ${detail.attributedTo}`, ...quoted];
}

// Mostly Arabic letters (the rule of TextDirection.cs): such a sentence reads right to left.
export function isArabic(text) {
  let arabic = 0;
  let other = 0;
  for (const c of text ?? '') {
    if (/[\u0621-\u064A\u0671-\u06D3\u06D5]/.test(c)) arabic++;
    else if (/\p{L}/u.test(c)) other++;
  }
  return arabic > other;
}

// Each claim's detail (sentence, attribution, link) from /api/claims/{id}, fetched once; when one arrives while
// its point's tooltip is open, the tooltip is drawn again with it.
export function claimDetails(src, getChart) {
  const base = new URL(src, window.location.href);
  const loaded = new Map();
  const pending = new Map();
  const failed = new Set();
  const load = (claim) => {
    if (loaded.has(claim.claimId)) return Promise.resolve(loaded.get(claim.claimId));
    if (!pending.has(claim.claimId)) {
      // With the chart's own query (its filter), so the claim's link to its sentence keeps the reader's filter.
      const url = new URL(`/api/claims/${claim.claimId}${base.search}`, base);
      pending.set(claim.claimId, fetch(url, { headers: { Accept: 'application/json' } })
        .then((response) => {
          if (!response.ok) throw new Error(`the claim request answered ${response.status}`);
          return response.json();
        })
        .then((detail) => {
          loaded.set(claim.claimId, detail);
          redrawTooltip(getChart(), claim);
          return detail;
        }, (error) => {
          failed.add(claim.claimId);
          pending.delete(claim.claimId);
          redrawTooltip(getChart(), claim);
          throw error;
        }));
    }
    return pending.get(claim.claimId);
  };
  return {
    get: (claim) => loaded.get(claim.claimId),
    failed: (claim) => failed.has(claim.claimId),
    load,
    open: (claim) => load(claim).then((detail) => window.location.assign(detail.href), () => {}),
  };
}

function redrawTooltip(chart, claim) {
  if (!chart) return;
  const active = chart.tooltip.getActiveElements();
  const shows = active.some((e) => chart.data.datasets[e.datasetIndex].data[e.index]?.claim?.claimId === claim.claimId);
  if (!shows) return;
  const element = chart.getDatasetMeta(active[0].datasetIndex).data[active[0].index];
  chart.tooltip.setActiveElements(active, { x: element.x, y: element.y });
  chart.update();
}

function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function formatDate(iso) {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
