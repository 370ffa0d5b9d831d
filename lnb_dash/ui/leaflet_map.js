// The dashboard's map: Leaflet in the page itself (no iframe), drawn once per geography and restyled
// on every rerun. Leaflet and the boundaries are the app's own static files, so nothing leaves the
// machine unless the optional basemap is switched on. `data` is built by lnb_dash.maps.
const STATIC = new URL("./app/static/", document.baseURI);
const pending = (window.__lnbPending = window.__lnbPending || {});  // shared by every instance, across reruns

function once(key, make) {
  pending[key] = pending[key] || make().catch((error) => { delete pending[key]; throw error; });
  return pending[key];
}

function loadLeaflet() {
  if (window.L) return Promise.resolve(window.L);
  return once("leaflet", () => new Promise((resolve, reject) => {
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = new URL("leaflet/leaflet.css", STATIC).href;
    document.head.appendChild(css);
    const script = document.createElement("script");
    script.src = new URL("leaflet/leaflet.js", STATIC).href;
    script.onload = () => resolve(window.L);
    script.onerror = () => reject(new Error("Leaflet could not be loaded from " + script.src));
    document.head.appendChild(script);
  }));
}

function loadGeometry(path) {
  return once(path, () => fetch(new URL(path, STATIC)).then((response) => {
    if (!response.ok) throw new Error(path + ": HTTP " + response.status);
    return response.json();
  }));
}

function tooltipContent(rows) {
  // Text nodes only: names and values from data files never become markup.
  const table = document.createElement("table");
  table.className = "lnb-tip";
  for (const [label, text] of rows) {
    const tr = table.insertRow();
    if (label) {
      const th = document.createElement("th");
      th.textContent = label;
      tr.appendChild(th);
    }
    tr.insertCell().textContent = text;
  }
  return table;
}

function featureOf(state, layer) {
  return state.data.features[layer.feature.properties[state.data.key]] || state.data.missing;
}

function paint(state) {
  const data = state.data;
  state.areas.eachLayer((layer) => {
    const feature = featureOf(state, layer);
    layer.setStyle(feature.style);
    const path = layer.getElement && layer.getElement();
    if (data.interactive) {
      layer.setTooltipContent(tooltipContent(feature.tip));
      if (path) path.setAttribute("aria-label", feature.label);
    }
  });
  if (state.highlight) state.map.removeLayer(state.highlight);
  state.highlight = null;
  const codes = new Set(data.highlight || []);
  if (codes.size) {
    state.highlight = L.geoJSON(state.geometry, {
      filter: (f) => codes.has(f.properties[data.key]), interactive: false,
      style: () => data.highlight_style,
    }).addTo(state.map);
  }
  if (data.basemap && !state.tiles) {
    state.tiles = L.tileLayer(data.basemap.url, { attribution: data.basemap.attribution, opacity: 0.5 }).addTo(state.map);
    state.tiles.bringToBack();
  } else if (!data.basemap && state.tiles) {
    state.map.removeLayer(state.tiles);
    state.tiles = null;
  }
  state.root.setAttribute("aria-label", data.label);
  performance.mark("lnb-map:drawn");  // with "called" and "ready": where the time to map goes, in the browser's timeline
  if (data.report_drawn && !state.reported) {
    state.reported = true;
    state.report("drawn", true);
  }
}

function build(state, L, geometry, counties) {
  const data = state.data;
  const map = L.map(state.box, {
    zoomSnap: 0.25, minZoom: 6, maxZoom: 12, attributionControl: true, zoomControl: data.interactive,
    dragging: data.interactive, scrollWheelZoom: data.interactive, doubleClickZoom: data.interactive,
    boxZoom: data.interactive, keyboard: data.interactive, touchZoom: data.interactive,
  });
  map.attributionControl.setPrefix(false);
  map.fitBounds(data.bounds);
  if (data.interactive) L.control.scale({ imperial: false }).addTo(map);
  state.map = map;
  state.geometry = geometry;
  state.areas = L.geoJSON(geometry, {
    interactive: data.interactive,
    onEachFeature: (feature, layer) => {
      if (!data.interactive) return;
      layer.bindTooltip("", { sticky: true });
      const open = () => {
        if (state.data.clickable) state.trigger("clicked", feature.properties[state.data.key]);
      };
      layer.on("click", open);
      layer.on("mouseover", () => layer.setStyle(state.data.hover_style));
      layer.on("mouseout", () => layer.setStyle(featureOf(state, layer).style));
      layer.on("add", () => {
        const path = layer.getElement();
        path.setAttribute("tabindex", "0");
        path.setAttribute("role", state.data.clickable ? "link" : "img");
        path.addEventListener("keydown", (event) => {
          if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(); }
        });
        path.addEventListener("focus", () => { layer.setStyle(state.data.hover_style); layer.openTooltip(layer.getCenter()); });
        path.addEventListener("blur", () => { layer.setStyle(featureOf(state, layer).style); layer.closeTooltip(); });
      });
    },
  }).addTo(map);
  if (counties) {
    L.geoJSON(counties, { interactive: false, style: () => data.county_style }).addTo(map);
  }
  if (data.attribution) map.attributionControl.addAttribution(data.attribution);
}

export default function ({ parentElement, data, setTriggerValue, setStateValue }) {
  if (data.preload) {
    // An invisible instance early in the page: fetch Leaflet and the boundaries while the rest arrives.
    loadLeaflet().catch(() => {});
    data.preload.forEach((path) => loadGeometry(path).catch(() => {}));
    return;
  }
  let state = parentElement.__lnbMap;
  if (!state || state.geometryPath !== data.geometry || state.interactive !== data.interactive || state.key !== data.key) {
    if (state && state.map) state.map.remove();
    parentElement.replaceChildren();
    const root = document.createElement("div");
    root.className = "lnb-map";
    root.setAttribute("role", "region");
    const box = document.createElement("div");
    box.className = "lnb-map-box";
    root.appendChild(box);
    parentElement.appendChild(root);
    state = { root, box, geometryPath: data.geometry, interactive: data.interactive, key: data.key };
    parentElement.__lnbMap = state;
  }
  state.data = data;
  state.trigger = setTriggerValue;
  state.report = setStateValue;
  state.box.style.height = data.height + "px";
  const ready = [loadLeaflet(), loadGeometry(data.geometry), data.counties ? loadGeometry(data.counties) : Promise.resolve(null)];
  performance.mark("lnb-map:called");
  Promise.all(ready).then(([L, geometry, counties]) => {
    performance.mark("lnb-map:ready");
    if (parentElement.__lnbMap !== state) return;
    if (!state.map) build(state, L, geometry, counties);
    paint(state);
  }).catch((error) => {
    state.box.textContent = data.error_text + " (" + error.message + ")";
    if (data.report_drawn) state.report("drawn", true);  // the table below is the way to the figures now
  });
}
