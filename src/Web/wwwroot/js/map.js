// The dashboard's map: draws every [data-map] element with Leaflet (window.L, loaded before this module).
// Data comes from GeoJSON endpoints named in data- attributes. Article text is untrusted: every piece of it
// goes into the page as a text node (textContent / createTextNode), never as HTML.
//
// data-geojson      places (/api/map.geojson with the current filter)
// data-sectors      sector outlines (/api/map/sectors.geojson)
// data-areas        places drawn as shaded areas instead of markers (/api/map/areas.geojson: east and west Aleppo)
// data-tile-max-zoom the deepest zoom of a local MBTiles file (Map:Tiles), optional
// data-tile-url     basemap tile template; empty: no tiles (offline), the outlines and labels carry the map. When
//                   the tiles cannot be loaded (no network), the map switches to that offline drawing by itself and
//                   says so in a visible notice.
// data-focus        a place id: the map opens on that place, its marker marked and its popup open
// data-color        "sector" or "outlet" (the outlet that mentions a place most)
// data-label-count  how many of the most mentioned places get a permanent name label
// data-mini         a small, non-interactive preview; a click opens data-href
// data-permanent    the page map: when an interactive component (the time slider) changes the address in place,
//                   Blazor updates its attributes (the new data-geojson, data-focus, ...) but leaves Leaflet's drawing
//                   in it alone; the map is then drawn again from the new attributes on Blazor's enhancedload event.

const L = window.L;
const OUTLET_COLORS = 8;
// Markers are at least 24 px (a tap target, WCAG 2.5.8), up to 48 px for the most mentioned place.
const MIN_DIAMETER = 24;
const MAX_DIAMETER = 48;
// The tiles count as unreachable when this many fail before any loads, or none has loaded after this long.
const FAILED_TILES_OFFLINE = 3;
const TILE_WAIT_MS = 6000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// The Leaflet map drawn in each element, so a redraw can remove it first.
const drawn = new Map();

for (const element of document.querySelectorAll('[data-map]')) {
    draw(element);
}
// blazor.web.js is a deferred script after this module: listen once the document is parsed (both have run by then).
const listen = () => window.Blazor?.addEventListener('enhancedload', redrawAll);
if (window.Blazor) listen();
else document.addEventListener('DOMContentLoaded', listen);

function draw(element) {
    drawMap(element).catch(error => {
        setStatus(element, 'The map could not be drawn: ' + (error && error.message) + '. The table lists the same places.');
    });
}

/** After an in-place page change (its attributes, classes included, are the new page's): draws each map again. */
function redrawAll() {
    for (const element of document.querySelectorAll('[data-map]')) {
        const old = drawn.get(element);
        if (old) {
            // A zoom still animating (the opening fit, a cluster opened for a focused place) ends on a timer that
            // Leaflet does not cancel on remove(), and would then read the removed panes (a TypeError on Back or
            // Forward in quick succession). Its end handler does nothing once this flag is down.
            old._animatingZoom = false;
            old.remove();
        }
        draw(element);
    }
}

async function drawMap(element) {
    delete element.dataset.ready;
    const mini = element.hasAttribute('data-mini');
    const options = {
        zoomControl: !mini, dragging: !mini, touchZoom: !mini, doubleClickZoom: !mini, boxZoom: !mini,
        keyboard: !mini, scrollWheelZoom: false, zoomSnap: 0.25, attributionControl: true,
        minZoom: 10, maxZoom: 18, // the cluster plugin needs a maxZoom even without a tile layer
    };
    const map = L.map(element, options).setView([36.205, 37.16], 12);
    drawn.set(element, map);
    map.attributionControl.setPrefix(false);

    // The map's data is fetched while the tile server is checked, not after.
    const data = Promise.all([
        fetchJson(element.dataset.sectors), fetchJson(element.dataset.geojson),
        element.dataset.areas ? fetchJson(element.dataset.areas) : Promise.resolve({ features: [] })]);
    data.catch(() => {}); // its failure is met below, where it is awaited; not reported as unhandled meanwhile
    const tileUrl = element.dataset.tileUrl;
    // Offline: no tile URL, tiles this server cannot reach (data-tile-check), or tiles that cannot be loaded. The
    // sector names are then drawn on the outlines.
    const offline = { on: !tileUrl, whenSectors: null, tidy: null };
    const serverReachesTiles = tileUrl && element.dataset.tileCheck
        ? await fetchJson(element.dataset.tileCheck).then(r => r.reachable !== false, () => true)
        : true;
    if (tileUrl && !serverReachesTiles) {
        offline.on = true;
        element.classList.add('is-offline');
        element.dataset.offline = 'true';
        showNotice(element, offlineNotice(element));
    } else if (tileUrl) {
        watchTiles(element, map, L.tileLayer(tileUrl, {
            attribution: element.dataset.tileAttribution || '', maxZoom: 19,
            // A local MBTiles file's deepest zoom: beyond it its tiles are enlarged rather than asked for.
            maxNativeZoom: element.dataset.tileMaxZoom ? Number(element.dataset.tileMaxZoom) : undefined,
        }).addTo(map), () => {
            offline.on = true;
            if (offline.whenSectors) offline.whenSectors();
        });
    }
    if (!mini) {
        L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);
    } else if (element.dataset.href) {
        map.on('click', () => window.location.assign(element.dataset.href));
    }

    const [sectors, places, areaShapes] = await data;
    const outlines = drawSectors(map, sectors);
    const areas = drawAreas(map, areaShapes, mini);
    if (!mini) {
        offline.whenSectors = () => {
            drawSectorLabels(map, outlines);
            // The sectors' names give way to the names already on the map (tidy is set once the markers are drawn).
            if (offline.tidy) window.requestAnimationFrame(offline.tidy);
        };
        if (offline.on) offline.whenSectors();
    }
    if (outlines.getLayers().length > 0) {
        map.fitBounds(outlines.getBounds(), { padding: [8, 8] });
    }

    const features = places.features || [];
    const outletRank = new Map((places.outlets || []).map((o, i) => [o.slug, i]));
    const colorBy = element.dataset.color === 'outlet' ? 'outlet' : 'sector';
    const maxMentions = Math.max(1, ...features.map(f => f.properties.mentions));
    const labelCount = mini ? 0 : Number(element.dataset.labelCount || 0);
    const focusId = mini ? null : element.dataset.focus || null;
    let focused = null;

    const group = mini
        ? L.layerGroup()
        : L.markerClusterGroup({
            // Wide enough that markers and clusters seldom sit within a tap target of each other (WCAG 2.5.8; Lighthouse checks it).
            maxClusterRadius: 48, spiderfyOnMaxZoom: true, showCoverageOnHover: false,
            zoomToBoundsOnClick: true, iconCreateFunction: clusterIcon,
        });
    const labelled = [];
    const popupSize = popupOptions(element);
    features.forEach(feature => {
        const p = feature.properties;
        const area = areas.get(p.place_id);
        if (area) {
            // East and west Aleppo: the area carries the place's popup (and its label), not a marker on top of the city.
            area.setStyle({ fillOpacity: 0.22 });
            if (!mini) {
                area.bindPopup(() => popupContent(p), popupSize);
                labelArea(area, `${p.name}: ${plural(p.mentions, 'mention')}`);
            }
            if (p.place_id === focusId) focused = { marker: area, name: p.name };
            return;
        }
        const [lon, lat] = feature.geometry.coordinates;
        const size = diameter(p.mentions, maxMentions);
        const colorClass = colorBy === 'outlet' ? outletClass(outletRank.get(p.top_outlet)) : sectorClass(p.sector);
        const marker = L.marker([lat, lon], {
            icon: L.divIcon({ className: 'map-marker ' + colorClass, iconSize: [size, size] }),
            title: `${p.name}: ${plural(p.mentions, 'mention')}`,
            keyboard: !mini,
            interactive: !mini,
            riseOnHover: true,
        });
        marker.on('add', () => {
            const icon = marker.getElement();
            if (icon) {
                icon.dataset.placeId = p.place_id;
                if (!mini) icon.setAttribute('aria-label', `${p.name}, ${plural(p.mentions, 'mention')}: open details`);
            }
        });
        if (!mini) {
            marker.bindPopup(() => popupContent(p), popupSize);
        }
        // The features come most mentioned first: the first few get a name that stays on screen.
        if (labelled.length < labelCount) {
            marker.bindTooltip(p.name, { permanent: true, direction: 'right', offset: [size / 2, 0], className: 'map-label' });
            labelled.push(marker);
        }
        group.addLayer(marker);
        if (p.place_id === focusId) focused = { marker, name: p.name };
    });
    map.addLayer(group);
    if (!mini) {
        // Labels go most mentioned first; one that would cover a label already placed is hidden until there is room.
        const tidy = () => declutterLabels([...areas.values()], labelled, element);
        offline.tidy = tidy;
        map.on('zoomend moveend', tidy);
        group.on('animationend spiderfied unspiderfied', tidy);
        window.requestAnimationFrame(tidy);
    }
    if (focused) focusOn(element, map, group, focused);

    element.dataset.markers = String(features.length);
    setStatus(element, features.length === 0 ? 'No mentioned place to draw.' : '');
    element.dataset.ready = 'true';
}

async function fetchJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' } });
    if (!response.ok) {
        throw new Error(`${url} answered ${response.status}`);
    }
    return response.json();
}

/**
 * Watches the tile layer: when the tiles cannot be loaded (several fail before any loads, or none loads in time),
 * removes it, switches to the offline drawing and shows a notice saying so.
 */
function watchTiles(element, map, tiles, goOffline) {
    let loaded = 0;
    let failed = 0;
    let switched = false;
    const fallBack = () => {
        if (switched || loaded > 0) return;
        switched = true;
        map.removeLayer(tiles);
        element.classList.add('is-offline');
        element.dataset.offline = 'true';
        // The overview's small map lays its notice over its foot (css/map.css): one short line, not four over the drawing.
        showNotice(element, offlineNotice(element));
        goOffline();
    };
    tiles.on('tileload', () => { loaded++; });
    tiles.on('tileerror', () => {
        failed++;
        if (failed >= FAILED_TILES_OFFLINE) fallBack();
    });
    window.setTimeout(fallBack, TILE_WAIT_MS);
}

/** What the notice says when the tiles cannot be had: the overview's small map lays it over its foot (css/map.css), so one short line there. */
function offlineNotice(element) {
    return element.hasAttribute('data-mini')
        ? 'Map tiles could not be loaded: this is the offline drawing.'
        : 'Map tiles could not be loaded (no connection to the tile server), so this is the offline drawing: '
            + 'sector outlines, their names and a scale. The places and their positions are the same.';
}

/** A visible notice under the map (not only for screen readers). */
function showNotice(element, message) {
    let notice = element.parentElement && element.parentElement.querySelector('.map-notice');
    if (!notice) {
        notice = node('p', 'map-notice');
        notice.setAttribute('role', 'status');
        element.insertAdjacentElement('afterend', notice);
    }
    notice.textContent = message;
}

/** Opens the map on the focused place: zoomed to it (out of its cluster), its marker marked, its popup open. */
function focusOn(element, map, group, focused) {
    const open = () => {
        const icon = focused.marker.getElement();
        if (icon) icon.classList.add('is-focused');
        focused.marker.openPopup();
    };
    if (!focused.marker.getLatLng) {
        // An area: fit it and open its popup.
        map.fitBounds(focused.marker.getBounds(), { padding: [16, 16] });
        focused.marker.getElement()?.classList.add('is-focused');
        focused.marker.openPopup();
    } else if (group.zoomToShowLayer) {
        group.zoomToShowLayer(focused.marker, open);
    } else {
        map.setView(focused.marker.getLatLng(), 15);
        open();
    }
    element.dataset.focused = focused.name;
}

/** Light outlines of each sector (convex hulls of gazetteer points). */
function drawSectors(map, sectors) {
    const layer = L.geoJSON(sectors, {
        interactive: false,
        style: feature => ({
            className: 'sector-hull ' + sectorClass(feature.properties.sector),
            weight: 1.5, opacity: 0.6, fillOpacity: 0.07, dashArray: '4 4',
        }),
    }).addTo(map);
    return layer;
}

/**
 * Places drawn as areas (east and west Aleppo), in a pane under the markers: a light shade in the sector's colour. A
 * place the filtered articles name gets its popup on the area (see the markers' loop); keyboard users reach it too.
 */
function drawAreas(map, shapes, mini) {
    const byPlace = new Map();
    if (!map.getPane('areas')) map.createPane('areas').style.zIndex = 390;
    L.geoJSON(shapes, {
        pane: 'areas',
        interactive: !mini,
        style: feature => ({
            className: 'city-area ' + sectorClass(feature.properties.sector),
            weight: 2, opacity: 0.8, fillOpacity: 0.1,
        }),
        onEachFeature: (feature, layer) => {
            byPlace.set(feature.properties.place_id, layer);
            layer.on('add', () => {
                const path = layer.getElement();
                if (path) path.dataset.placeId = feature.properties.place_id;
            });
        },
    }).addTo(map);
    return byPlace;
}

/** An area's name on it, and its path made a keyboard-reachable button that opens the popup. */
function labelArea(area, text) {
    area.bindTooltip(text, { permanent: true, direction: 'center', className: 'map-label map-area-label' });
    const path = area.getElement();
    if (!path) return;
    path.setAttribute('tabindex', '0');
    path.setAttribute('role', 'button');
    path.setAttribute('aria-label', text + ': open details');
    path.addEventListener('keydown', event => {
        if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            area.openPopup();
        }
    });
}

/**
 * Hides the labels that would overlap one placed before them: area labels first, then the markers' labels in the
 * order given (most mentioned first), then the sectors' names of the offline drawing ("OLD CITY" lay under "EAST
 * ALEPPO: 14 MENTIONS") and those a marker or cluster covers. A marker inside a cluster has no label on screen and takes no room.
 */
function declutterLabels(areas, markers, element) {
    const placed = [];
    const tooltips = [...areas, ...markers].map(layer => layer.getTooltip && layer.getTooltip()).filter(Boolean);
    for (const tooltip of tooltips) {
        const label = tooltip.getElement();
        if (!label || !label.isConnected) continue;
        label.classList.remove('is-crowded');
        const box = label.getBoundingClientRect();
        if (box.width === 0) continue;
        if (placed.some(other => overlaps(box, other))) {
            label.classList.add('is-crowded');
        } else {
            placed.push(box);
        }
    }
    // The sectors' names lie under the markers and clusters too: one half covered by a marker is hidden as well.
    const icons = [...element.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon')]
        .map(icon => icon.getBoundingClientRect()).filter(box => box.width > 0);
    for (const label of element.querySelectorAll('.sector-label span')) {
        label.classList.remove('is-crowded');
        const box = label.getBoundingClientRect();
        if (box.width > 0 && [...placed, ...icons].some(other => overlaps(box, other))) label.classList.add('is-crowded');
    }
}

function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Popups that fit the map on a phone: never wider than the map less its margins, and scrolled when long. */
function popupOptions(element) {
    const width = element.clientWidth || 360;
    const height = element.clientHeight || 560;
    return {
        // Leaflet's widths are the content's; the popup adds about 46 px of margins, and the map needs a little room.
        maxWidth: Math.max(160, Math.min(360, width - 100)),
        minWidth: Math.max(160, Math.min(240, width - 100)),
        maxHeight: Math.max(200, height - 80),
        autoPanPadding: [12, 12],
        // Clear of the zoom buttons in the top-left corner.
        autoPanPaddingTopLeft: [48, 12],
    };
}

/** Without tiles, the sectors' names, in a pane of their own under the markers. */
function drawSectorLabels(map, layer) {
    if (map.getPane('sector-labels')) return;
    map.createPane('sector-labels').style.zIndex = 450;
    layer.eachLayer(hull => {
        const text = document.createElement('span');
        text.textContent = hull.feature.properties.label;
        // Near the top of the outline, where it is less likely to sit on the sector's own markers.
        const bounds = hull.getBounds();
        const at = L.latLng(bounds.getNorth() - (bounds.getNorth() - bounds.getSouth()) * 0.2, bounds.getCenter().lng);
        L.marker(at, {
            icon: L.divIcon({ className: 'sector-label', html: text, iconSize: [0, 0] }),
            interactive: false, keyboard: false, pane: 'sector-labels',
        }).addTo(map);
    });
}

/** The popup, built from DOM nodes: the place, its counts per outlet, up to three excerpts and links. */
function popupContent(p) {
    const root = node('div', 'map-popup');
    root.append(node('h2', null, p.name));
    root.append(node('p', 'small text-body-secondary mb-1', `${p.sector_label} · ${plural(p.mentions, 'mention')}`));

    const counts = node('ul', 'small');
    for (const [slug, count] of Object.entries(p.outlets)) {
        counts.append(node('li', null, `${(p.outlet_names && p.outlet_names[slug]) || slug}: ${count}`));
    }
    root.append(counts);

    for (const excerpt of p.excerpts || []) {
        const quote = node('blockquote', 'map-excerpt');
        const sentence = node('p', 'mb-1');
        if (isArabic(excerpt.text)) {
            // An Arabic excerpt reads right to left in its own block; the popup around it stays left to right.
            sentence.dir = 'rtl';
            sentence.lang = 'ar';
        }
        const start = Math.max(0, Math.min(excerpt.start, excerpt.text.length));
        const end = Math.max(start, Math.min(excerpt.start + excerpt.length, excerpt.text.length));
        sentence.append(document.createTextNode(excerpt.text.slice(0, start)));
        sentence.append(node('mark', null, excerpt.text.slice(start, end)));
        sentence.append(document.createTextNode(excerpt.text.slice(end)));
        quote.append(sentence);
        const source = node('footer', 'small text-body-secondary');
        source.append(document.createTextNode(`${excerpt.outlet_name}, ${pageDate(excerpt.published)} · `));
        source.append(link(excerpt.url, 'read in the article'));
        quote.append(source);
        root.append(quote);
    }

    const links = node('p', 'map-links small mb-0');
    links.append(link(p.compare_url, `Compare what each outlet wrote about ${p.name}`));
    links.append(link(p.articles_url, `Articles naming ${p.name}`));
    root.append(links);
    return root;
}

/** A cluster: a dark square with the number of places in it, unlike the round, coloured place markers. */
function clusterIcon(cluster) {
    const count = cluster.getChildCount();
    const inner = node('span', null, String(count));
    const size = count < 10 ? 36 : count < 50 ? 42 : 48;
    return L.divIcon({ html: inner, className: 'map-cluster', iconSize: L.point(size, size) });
}

/** A yyyy-MM-dd date as the pages write it: "9 Dec 2016" (or "undated"). */
function pageDate(iso) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!match) return iso || 'undated';
    return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** Diameter in pixels: the square root of the count, so area tracks mentions; 24 px for one, 48 px for the most. */
function diameter(mentions, max) {
    if (max <= 1) return 30;
    return Math.round(MIN_DIAMETER + (MAX_DIAMETER - MIN_DIAMETER) * Math.sqrt((mentions - 1) / (max - 1)));
}

function sectorClass(sector) {
    return 'sector-' + String(sector).replace(/[^a-z0-9-]/g, '');
}

function outletClass(rank) {
    return rank === undefined || rank >= OUTLET_COLORS ? 'outlet-other' : 'outlet-' + rank;
}

function plural(count, word) {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Mostly Arabic letters (the rule of TextDirection.cs). */
function isArabic(text) {
    let arabic = 0;
    let other = 0;
    for (const c of text ?? '') {
        if (/[\u0621-\u064A\u0671-\u06D3\u06D5]/.test(c)) arabic++;
        else if (/\p{L}/u.test(c)) other++;
    }
    return arabic > other;
}

function link(href, text) {
    const a = node('a', null, text);
    a.href = href;
    return a;
}

function node(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
}

function setStatus(element, message) {
    const status = element.parentElement && element.parentElement.querySelector('.map-status');
    if (status) status.textContent = message;
}
