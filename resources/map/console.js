// The map page's script (maps.pages): map.js beside the console's page, inlined in the
// exported page. It reads window.ECC_CONFIG (config.js) and window.ECC_DATA (data/NN.js);
// the folium page calls ECC_START with the map folium made (resources/map/page.j2).
window.ECC_START = function (map) {
  'use strict';
  var CFG = window.ECC_CONFIG, DATA = window.ECC_DATA;
  var T = CFG.texts;
  var timings = {script: Math.round(performance.now())};

  // -- point symbols on the canvas: one shape per kind, smaller when zoomed out ----------
  function shapePoints(shape, x, y, r) {
    var n, start, inner = null;
    switch (shape) {
      case 'triangle': n = 3; start = -90; r *= 1.25; break;
      case 'triangle_down': n = 3; start = 90; r *= 1.25; break;
      case 'square': n = 4; start = 45; r *= 1.15; break;
      case 'diamond': n = 4; start = -90; r *= 1.25; break;
      case 'pentagon': n = 5; start = -90; r *= 1.1; break;
      case 'hexagon': n = 6; start = 0; r *= 1.05; break;
      case 'star': n = 5; start = -90; r *= 1.35; inner = r * 0.45; break;
      default: return null;
    }
    var pts = [], steps = inner ? n * 2 : n;
    for (var i = 0; i < steps; i++) {
      var a = (start + i * 360 / steps) * Math.PI / 180;
      var rr = inner && i % 2 ? inner : r;
      pts.push([x + rr * Math.cos(a), y + rr * Math.sin(a)]);
    }
    return pts;
  }
  L.Canvas.include({
    _updateShape: function (layer) {
      if (!this._drawing || layer._empty()) { return; }
      var p = layer._point, ctx = this._ctx;
      var pts = shapePoints(layer.options.shape, p.x, p.y, Math.max(layer._radius, 1));
      if (!pts) { return this._updateCircle(layer); }
      ctx.beginPath();
      ctx.moveTo(pts[0][0], pts[0][1]);
      for (var i = 1; i < pts.length; i++) { ctx.lineTo(pts[i][0], pts[i][1]); }
      ctx.closePath();
      this._fillStroke(ctx, layer);
    }
  });
  function symbolScale(zoom) { return Math.max(0.55, Math.min(1, 0.55 + 0.15 * (zoom - 10))); }
  var ShapeMarker = L.CircleMarker.extend({
    _project: function () {
      this._radius = this.options.radius * symbolScale(this._map.getZoom());
      L.CircleMarker.prototype._project.call(this);
    },
    _updatePath: function () {
      if (this._renderer._updateShape) { this._renderer._updateShape(this); }
      else { this._renderer._updateCircle(this); }
    }
  });

  // -- the map -----------------------------------------------------------------------------
  var canvas = L.canvas({padding: 0.3, tolerance: 4});
  map.createPane('ecc-highlight').style.zIndex = 450;
  map.getPane('ecc-highlight').style.pointerEvents = 'none';
  var highlightRenderer = L.svg({pane: 'ecc-highlight'});
  var highlight = L.layerGroup().addTo(map);
  L.control.scale({imperial: false, position: 'bottomleft'}).addTo(map);
  if (CFG.bounds) { map.fitBounds(CFG.bounds, {padding: [12, 12]}); }
  else { map.setView([30.0, 112.0], 5); }

  // -- notices -----------------------------------------------------------------------------
  var noticeBox = document.getElementById('ecc-notice');
  function addNotice(text) {
    var line = document.createElement('div');
    line.textContent = text;
    noticeBox.appendChild(line);
    noticeBox.hidden = false;
  }
  CFG.notices.forEach(addNotice);

  // -- basemap -----------------------------------------------------------------------------
  var tileStats = {loaded: 0, failed: 0, told: false};
  if (CFG.basemap.kind !== 'none' && CFG.basemap.url) {
    var tiles = L.tileLayer(CFG.basemap.url, CFG.basemap.options).addTo(map);
    tiles.on('tileload', function () { tileStats.loaded++; });
    tiles.on('tileerror', function () {
      tileStats.failed++;
      if (!tileStats.told && tileStats.failed >= 4 && tileStats.loaded === 0) {
        tileStats.told = true;
        addNotice(T.tiles_failed.replace('%1', String(tileStats.failed)));
      }
    });
  }

  // -- styles ------------------------------------------------------------------------------
  function variant(style, props) {
    return (style.by && style.variants && style.variants[props[style.by]]) || {};
  }
  var pathCache = {};
  function pathStyle(key, style, props) {
    var id = key + '|' + (style.by ? props[style.by] : '');
    if (!pathCache[id]) {
      var v = variant(style, props);
      pathCache[id] = L.extend({renderer: canvas}, style.path || {}, v.path || {});
      if (v.interactive === false || (v.interactive === undefined && style.interactive === false)) {
        pathCache[id].interactive = false;
      }
    }
    return pathCache[id];
  }
  function markerStyle(style, props) {
    var o = L.extend({shape: 'circle', radius: 5}, style.marker || {}, variant(style, props).marker || {});
    var rb = style.radius_by;
    if (rb) {
      var value = Number(props[rb.property]) || 0;
      o.radius = rb.min + (rb.max - rb.min) * Math.sqrt(Math.min(Math.max(value, 0) / rb.max_value, 1));
    }
    return o;
  }
  function interactive(style, props) {
    var v = variant(style, props);
    if (v.interactive !== undefined) { return v.interactive; }
    return style.interactive !== false;
  }

  // -- layers: built when first shown; a large layer's data file loads when first needed ----
  var bridge = null, layers = {}, order = [];
  CFG.layers.forEach(function (spec, index) {
    layers[spec.key] = {spec: spec, index: index, group: null, points: [], ids: null,
                        wanted: spec.visible, loading: null};
    order.push(spec.key);
  });
  function ints(base64) {
    var text = atob(base64), bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }
    return new Int32Array(bytes.buffer);
  }
  function reader(group, scale) {
    // Packed geometries (maps.geometry.pack): integer deltas, sizes per nesting level.
    var c = ints(group.coords), ci = 0, x = 0, y = 0, sizes = group.sizes.map(ints);
    var at = sizes.map(function () { return 0; });
    function read(level) {
      if (level < 0) { x += c[ci++]; y += c[ci++]; return L.latLng(y / scale, x / scale); }
      var n = sizes[level][at[level]++], out = new Array(n);
      for (var i = 0; i < n; i++) { out[i] = read(level - 1); }
      return out;
    }
    return function () { return read(sizes.length - 1); };
  }
  function build(item) {
    var spec = item.spec, style = spec.style, data = DATA[item.index];
    var keys = Object.keys(data.columns), columns = keys.map(function (k) { return data.columns[k]; });
    var made = [], p = 0, props = [];
    DATA[item.index] = null;
    data.groups.forEach(function (group) {
      for (var f = 0; f < group.count; f++) {
        var o = {};
        for (var k = 0; k < keys.length; k++) {
          var value = columns[k][props.length];
          if (value !== null) { o[keys[k]] = value; }
        }
        props.push(o);
      }
    });
    data.groups.forEach(function (group) {
      var next = reader(group, data.scale), kind = group.type;
      for (var f = 0; f < group.count; f++, p++) {
        var shape = next(), feature = {type: 'Feature', properties: props[p]}, parts;
        props[p].layer = spec.key;
        if (kind === 'Point' || kind === 'MultiPoint') {
          var options = L.extend(markerStyle(style, props[p]), {renderer: canvas});
          parts = (kind === 'Point' ? [shape] : shape).map(function (latlng) {
            var m = new ShapeMarker(latlng, options);
            item.points.push(m);
            return m;
          });
        } else {
          var path = pathStyle(spec.key, style, props[p]);
          parts = [kind === 'Polygon' || kind === 'MultiPolygon' ? L.polygon(shape, path) : L.polyline(shape, path)];
        }
        for (var i = 0; i < parts.length; i++) {
          parts[i].feature = feature;
          if (!interactive(style, props[p])) { parts[i].options.interactive = false; }
          made.push(parts[i]);
        }
      }
    });
    item.group = L.featureGroup(made);
    item.group.on('click', function (e) { featureClicked(spec.key, e.layer); });
    hoverNames(item.group);
  }
  var hoverTip = L.tooltip({direction: 'top', offset: [0, -8], className: 'ecc-hover'});
  function hoverNames(group) {
    // A feature's name where the mouse is over it.
    group.on('mouseover', function (e) {
      var name = e.layer.feature && e.layer.feature.properties.name;
      if (!name) { return; }
      hoverTip.setLatLng(e.latlng).setContent(escapeHtml(name));
      map.openTooltip(hoverTip);
    });
    group.on('mouseout', function () { map.closeTooltip(hoverTip); });
  }
  function load(item, then) {
    // DATA[i] is there for inline layers; a deferred layer names its script in spec.src.
    if (item.group || DATA[item.index]) {
      if (!item.group) { build(item); }
      then();
      return;
    }
    if (!item.spec.src) { return; }
    if (!item.loading) {
      item.loading = [];
      var script = document.createElement('script');
      script.src = item.spec.src;
      script.onload = function () {
        build(item);
        var waiting = item.loading;
        item.loading = null;
        waiting.forEach(function (fn) { fn(); });
      };
      document.body.appendChild(script);
    }
    item.loading.push(then);
  }
  function zoomAllows(item) {
    return !item.spec.min_zoom || map.getZoom() >= item.spec.min_zoom;
  }
  function frontPoints() {
    order.forEach(function (key) {
      var item = layers[key];
      if (item.group && map.hasLayer(item.group)) { item.points.forEach(function (m) { m.bringToFront(); }); }
    });
  }
  function show(item) {
    if (item.group && map.hasLayer(item.group)) { return; }
    load(item, function () {
      if (!item.wanted || !zoomAllows(item) || map.hasLayer(item.group)) { return; }
      // The canvas draws in the order layers arrive: put the later layers back on top.
      item.group.addTo(map);
      order.slice(order.indexOf(item.spec.key) + 1).forEach(function (k) {
        var other = layers[k];
        if (other.group && map.hasLayer(other.group)) { other.group.bringToFront(); }
      });
      frontPoints();
    });
  }
  function sync(item) {
    if (item.wanted && zoomAllows(item)) { show(item); }
    else if (item.group && map.hasLayer(item.group)) { map.removeLayer(item.group); }
    var row = document.querySelector('.ecc-row[data-layer="' + item.spec.key + '"]');
    if (row) {
      row.querySelector('input').checked = item.wanted;
      row.classList.toggle('ecc-dim', item.wanted && !zoomAllows(item));
    }
  }
  function setVisible(key, on) {
    var item = layers[key];
    if (!item) { return false; }
    item.wanted = !!on;
    sync(item);
    return true;
  }
  map.on('zoomend', function () { order.forEach(function (key) { sync(layers[key]); }); });

  // -- layer panel with the legend -------------------------------------------------------
  function symbolSvg(symbol) {
    var o = symbol.options || {};
    var dash = o.dashArray ? ' stroke-dasharray="' + String(o.dashArray).split(/[ ,]+/).map(function (d) { return Math.max(1, d / 2); }).join(' ') + '"' : '';
    var stroke = ' stroke="' + (o.color || '#333') + '" stroke-width="' + Math.min(o.weight || 1, 3) +
      '" stroke-opacity="' + (o.opacity === undefined ? 1 : o.opacity) + '"' + dash;
    var fill = o.fill === false ? ' fill="none"' :
      ' fill="' + (o.fillColor || o.color || '#333') + '" fill-opacity="' + (o.fillOpacity === undefined ? 0.2 : o.fillOpacity) + '"';
    var body;
    if (symbol.shape === 'line') {
      body = '<line x1="1" y1="8" x2="21" y2="8"' + stroke + '/>';
    } else if (symbol.shape === 'area') {
      body = '<rect x="2" y="2" width="18" height="12"' + stroke + fill + '/>';
    } else {
      var r = Math.min(symbol.radius || o.radius || 5, 7.5), pts = shapePoints(symbol.shape, 11, 8, r);
      body = pts ? '<polygon points="' + pts.map(function (p) { return p[0].toFixed(1) + ',' + p[1].toFixed(1); }).join(' ') + '"' + stroke + fill + '/>'
                 : '<circle cx="11" cy="8" r="' + r + '"' + stroke + fill + '/>';
    }
    return '<svg class="ecc-sym" width="22" height="16" viewBox="0 0 22 16">' + body + '</svg>';
  }
  function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c];
    });
  }
  var Panel = L.Control.extend({
    options: {position: 'topright'},
    onAdd: function () {
      var box = L.DomUtil.create('div', 'ecc-panel');
      box.id = 'ecc-panel';
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var html = '<div class="ecc-panel-head"><span>' + escapeHtml(T.panel) +
                 '</span><button type="button" id="ecc-panel-toggle">' + escapeHtml(T.hide) + '</button></div><div id="ecc-panel-body">';
      var group = null;
      order.forEach(function (key) {
        var spec = layers[key].spec, rows = spec.style.legend_rows;
        if (spec.group !== group) {
          if (group !== null) { html += '</div>'; }
          group = spec.group;
          html += '<div class="ecc-group"><div class="ecc-group-title">' + escapeHtml(group) + '</div>';
        }
        html += '<label class="ecc-row" data-layer="' + escapeHtml(key) + '"><input type="checkbox"' +
                (spec.visible ? ' checked' : '') + '>';
        if (!rows) {
          spec.legend.forEach(function (entry) {
            html += '<span title="' + escapeHtml(entry.label) + '">' + symbolSvg(entry.symbol) + '</span>';
          });
        }
        html += '<span>' + escapeHtml(spec.title) + '</span>' +
                (spec.min_zoom ? '<span class="ecc-hint">' + escapeHtml(T.zoom_in) + '</span>' : '') +
                '<span class="ecc-count">' + spec.count.toLocaleString('en-US') + '</span></label>';
        if (rows) {
          spec.legend.forEach(function (entry) {
            html += '<div class="ecc-sub">' + symbolSvg(entry.symbol) + '<span>' + escapeHtml(entry.label) + '</span></div>';
          });
        }
      });
      if (group !== null) { html += '</div>'; }
      (T.notes || []).forEach(function (note) { html += '<div class="ecc-note">' + escapeHtml(note) + '</div>'; });
      box.innerHTML = html + '</div>';
      box.querySelectorAll('.ecc-row').forEach(function (row) {
        var input = row.querySelector('input');
        input.addEventListener('change', function () { setVisible(row.dataset.layer, input.checked); });
      });
      var toggle = box.querySelector('#ecc-panel-toggle'), body = box.querySelector('#ecc-panel-body');
      function collapse(hidden) {
        body.hidden = hidden;
        toggle.textContent = hidden ? T.show : T.hide;
      }
      toggle.addEventListener('click', function () { collapse(!body.hidden); });
      // On a narrow map the open panel would cover the county: it starts collapsed there.
      collapse(map.getSize().x < PANEL_OPEN_WIDTH);
      return box;
    }
  });
  var PANEL_OPEN_WIDTH = 900;
  var panel = new Panel().addTo(map);
  function padding(extra) {
    // Keep what is fitted clear of the layer panel when the window is wide enough for both.
    var box = panel.getContainer(), width = map.getSize().x;
    var right = box && !box.querySelector('#ecc-panel-body').hidden &&
                width > 2.5 * box.offsetWidth ? box.offsetWidth + 12 : 0;
    return {paddingTopLeft: [extra, extra], paddingBottomRight: [right + extra, extra]};
  }
  // Until the officer moves the map, keep the county fitted when the view is resized.
  var autoFit = !!CFG.bounds;
  function fit() { if (CFG.bounds) { map.fitBounds(CFG.bounds, padding(12)); } }
  fit();
  map.on('resize', function () { if (autoFit) { fit(); } });
  var overlays = window.ECC_OVERLAYS(map, CFG);
  var toolsTold = [];
  var tools = window.ECC_TOOLS(map, CFG, function (name, value) {
    // A drawn area or a chosen point, for the console (the exported page only shows it).
    toolsTold.push({name: name, value: value});
    if (bridge && bridge.onTool) { bridge.onTool(name, JSON.stringify(value)); }
  });
  ['mousedown', 'wheel', 'keydown', 'touchstart'].forEach(function (name) {
    map.getContainer().addEventListener(name, function () { autoFit = false; }, {passive: true});
  });

  // -- click, highlight, fly to -------------------------------------------------------------
  function showHighlight(feature) {
    highlight.clearLayers();
    var look = {color: '#00b7ff', weight: 4, opacity: 1, fill: false, interactive: false,
                className: 'ecc-highlight', renderer: highlightRenderer};
    var shape = L.geoJSON(feature, {
      renderer: highlightRenderer, interactive: false,
      style: function () { return look; },
      pointToLayer: function (f, latlng) { return L.circleMarker(latlng, L.extend({}, look, {radius: 14, weight: 3})); }
    }).addTo(highlight);
    var bounds = shape.getBounds();
    if (feature.geometry.type !== 'Point' && bounds.isValid() &&
        Math.max(bounds.getNorth() - bounds.getSouth(), bounds.getEast() - bounds.getWest()) < 0.003) {
      // A small area: a ring around it as well, so the eye finds it.
      L.circleMarker(bounds.getCenter(), L.extend({}, look, {radius: 18, weight: 3})).addTo(highlight);
    }
  }
  function popupHtml(key, props) {
    var spec = layers[key] ? layers[key].spec : {}, title = spec.title || key;
    var fields = L.extend({}, T.fields, spec.fields || {});
    var html = '<div class="ecc-popup"><h4>' + escapeHtml(props.name || title) + '</h4><table>';
    Object.keys(fields).forEach(function (field) {
      var value = props[field];
      if (value === null || value === undefined || value === '' || field === 'name') { return; }
      html += '<tr><th>' + escapeHtml(fields[field]) + '</th><td>' + escapeHtml(value) + '</td></tr>';
    });
    return html + '</table><div class="ecc-popup-layer">' + escapeHtml(title) + '</div></div>';
  }
  function featureClicked(key, layer) {
    if (tools.active()) { return; }  // the map's own click goes to the tool
    var props = layer.feature.properties;
    showHighlight(layer.toGeoJSON());
    if (bridge) { bridge.onFeatureClick(JSON.stringify(props)); }
    else if (CFG.popups) {
      var at = layer.getLatLng ? layer.getLatLng() : layer.getBounds().getCenter();
      L.popup({maxWidth: 360}).setLatLng(at).setContent(popupHtml(key, props)).openOn(map);
    }
  }
  function findFeature(item, id) {
    if (!item.ids) {
      item.ids = new Map();
      item.group.eachLayer(function (l) { item.ids.set(String(l.feature.properties.id), l); });
    }
    return item.ids.get(String(id)) || null;
  }
  function flyTo(key, id) {
    autoFit = false;
    var item = layers[key];
    if (!item || (!item.group && !DATA[item.index] && !item.spec.src)) { return false; }
    var found = null;
    load(item, function () {
      var layer = findFeature(item, id);
      found = !!layer;
      if (!layer) { return; }
      showHighlight(layer.toGeoJSON());
      item.wanted = true;
      var after = function () { sync(item); };
      if (layer.getLatLng) { map.flyTo(layer.getLatLng(), Math.max(map.getZoom(), 16), {duration: 0.8}); }
      else { map.flyToBounds(layer.getBounds(), L.extend({maxZoom: 16, duration: 0.8}, padding(40))); }
      map.once('moveend', after);
      after();
    });
    return found === null ? 'loading' : found;
  }
  function screenPoint(key, id) {
    var item = layers[key];
    if (!item || !item.group) { return null; }
    var layer = findFeature(item, id);
    if (!layer) { return null; }
    var p = map.latLngToContainerPoint(layer.getLatLng ? layer.getLatLng() : layer.getBounds().getCenter());
    return {x: p.x, y: p.y};
  }

  // -- from the console: a layer's features replaced (the typhoon at another time) --------
  function replaceLayer(key, collection) {
    var item = layers[key];
    if (!item) { return false; }
    var style = item.spec.style, made = [];
    if (item.group && map.hasLayer(item.group)) { map.removeLayer(item.group); }
    DATA[item.index] = null;
    item.points = [];
    item.ids = null;
    collection.features.forEach(function (feature) {
      var props = feature.properties;
      props.layer = key;
      L.geoJSON(feature, {
        renderer: canvas,
        style: function () { return pathStyle(key, style, props); },
        pointToLayer: function (f, latlng) {
          var marker = new ShapeMarker(latlng, L.extend(markerStyle(style, props), {renderer: canvas}));
          item.points.push(marker);
          return marker;
        }
      }).eachLayer(function (layer) {
        layer.feature = feature;
        if (!interactive(style, props)) { layer.options.interactive = false; }
        made.push(layer);
      });
    });
    item.group = L.featureGroup(made);
    item.group.on('click', function (e) { featureClicked(key, e.layer); });
    hoverNames(item.group);
    sync(item);
    return made.length;
  }

  // -- from the console: features marked (what a typhoon's wind reaches) -------------------
  map.createPane('ecc-marked').style.zIndex = 440;
  map.getPane('ecc-marked').style.pointerEvents = 'none';
  var markRenderer = L.canvas({pane: 'ecc-marked', padding: 0.3});
  var marked = L.layerGroup().addTo(map), markedCount = 0, markGeneration = 0;
  function mark(wanted) {
    // wanted: {layer key: [feature ids]}; a layer not built yet is loaded first.
    var generation = ++markGeneration;
    var look = {renderer: markRenderer, color: CFG.mark_colour, weight: 2, opacity: 0.85,
                fillColor: CFG.mark_colour, fillOpacity: 0.08, interactive: false};
    marked.clearLayers();
    markedCount = 0;
    Object.keys(wanted || {}).forEach(function (key) {
      var item = layers[key];
      if (!item) { return; }
      load(item, function () {
        if (generation !== markGeneration) { return; }
        wanted[key].forEach(function (id) {
          var layer = findFeature(item, id);
          if (!layer) { return; }
          markedCount++;
          if (layer.getLatLng) {
            marked.addLayer(L.circleMarker(layer.getLatLng(), L.extend({}, look, {radius: 10, fillOpacity: 0})));
          } else {
            marked.addLayer(L.polygon(layer.getLatLngs(), look));
          }
        });
      });
    });
    return true;
  }

  // -- what the console (and tests) can ask ------------------------------------------------
  var drawn = false, told = false;
  function summary() {
    var c = map.getCenter();
    var out = {layers: {}, visible: [], deferred: [], drawn: drawn, notices: [],
               noticeShown: !noticeBox.hidden, center: [c.lat, c.lng], zoom: map.getZoom(),
               tiles: tileStats, highlighted: highlight.getLayers().length, timings: timings,
               marked: markedCount, moved: !autoFit,
               labels: overlays.labels.placed.slice(),
               panelOpen: !panel.getContainer().querySelector('#ecc-panel-body').hidden,
               event: overlays.corner ? overlays.corner.getContainer().textContent : null,
               overview: !!overlays.overview,
               basemapLine: (document.getElementById('ecc-basemap') || {}).textContent || null};
    order.forEach(function (key) {
      var item = layers[key];
      out.layers[key] = item.group ? item.group.getLayers().length : null;
      if (item.group && map.hasLayer(item.group)) { out.visible.push(key); }
      if (item.wanted && !zoomAllows(item)) { out.deferred.push(key); }
    });
    noticeBox.querySelectorAll('div').forEach(function (d) { out.notices.push(d.textContent); });
    return out;
  }
  function tellReady() {
    if (drawn && bridge && !told) {
      told = true;
      bridge.onReady(JSON.stringify(summary()));
    }
  }
  function setView(view) {
    autoFit = false;
    map.setView(view.center, view.zoom, {animate: false});
    return true;
  }
  window.ECC = {map: map, layers: layers, overlays: overlays, tools: tools, told: toolsTold,
                summary: summary, flyTo: flyTo, setVisible: setVisible,
                screenPoint: screenPoint, addNotice: addNotice, replaceLayer: replaceLayer,
                mark: mark, setView: setView};

  timings.ready = Math.round(performance.now());
  order.forEach(function (key) { sync(layers[key]); });
  frontPoints();
  timings.added = Math.round(performance.now());
  // The canvas redraws on the next animation frame; one frame later it is on screen.
  L.Util.requestAnimFrame(function () {
    timings.frame = Math.round(performance.now());
    L.Util.requestAnimFrame(function () {
      timings.drawn = Math.round(performance.now());
      drawn = true;
      tellReady();
    });
  });
  if (CFG.bridge && window.qt && window.QWebChannel) {
    new QWebChannel(window.qt.webChannelTransport, function (channel) {
      bridge = window.bridge = channel.objects.bridge;
      tellReady();
    });
  }
};
