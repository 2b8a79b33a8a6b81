// The map's tools (maps.pages): measure a distance or an area on the WGS84 ellipsoid,
// draw an area (a polygon, or a circle around a point) and ask what is inside, and ask
// for the nearest shelters with room from a point. console.js calls
// ECC_TOOLS(map, config, tell) once the map exists; ``tell(name, value)`` hands a drawn
// area or a chosen point to the console (nothing in the exported page).
window.ECC_TOOLS = function (map, CFG, tell) {
  'use strict';
  var T = CFG.texts;

  // -- geodesy: Vincenty's inverse formula on WGS84, and the area on the authalic sphere ---
  var A = 6378137.0, F = 1 / 298.257223563, B = A * (1 - F), R_AUTHALIC = 6371007.181;
  function distance(p, q) {
    var L1 = (q.lng - p.lng) * Math.PI / 180;
    var U1 = Math.atan((1 - F) * Math.tan(p.lat * Math.PI / 180));
    var U2 = Math.atan((1 - F) * Math.tan(q.lat * Math.PI / 180));
    var sinU1 = Math.sin(U1), cosU1 = Math.cos(U1), sinU2 = Math.sin(U2), cosU2 = Math.cos(U2);
    var lambda = L1, iter = 0, sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM, prev;
    do {
      var sinL = Math.sin(lambda), cosL = Math.cos(lambda);
      sinSigma = Math.sqrt(Math.pow(cosU2 * sinL, 2) +
                           Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosL, 2));
      if (sinSigma === 0) { return 0; }
      cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
      sigma = Math.atan2(sinSigma, cosSigma);
      var sinAlpha = cosU1 * cosU2 * sinL / sinSigma;
      cos2Alpha = 1 - sinAlpha * sinAlpha;
      cos2SigmaM = cos2Alpha ? cosSigma - 2 * sinU1 * sinU2 / cos2Alpha : 0;
      var C = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
      prev = lambda;
      lambda = L1 + (1 - C) * F * sinAlpha *
        (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    } while (Math.abs(lambda - prev) > 1e-12 && ++iter < 200);
    var u2 = cos2Alpha * (A * A - B * B) / (B * B);
    var bigA = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
    var bigB = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
    var dSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) -
      bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
    return B * bigA * (sigma - dSigma);
  }
  function length(points, closed) {
    var total = 0;
    for (var i = 1; i < points.length; i++) { total += distance(points[i - 1], points[i]); }
    if (closed && points.length > 2) { total += distance(points[points.length - 1], points[0]); }
    return total;
  }
  function area(points) {
    // The spherical excess of the ring on the sphere of the ellipsoid's area.
    var total = 0, n = points.length, rad = Math.PI / 180;
    if (n < 3) { return 0; }
    for (var i = 0; i < n; i++) {
      var p = points[i], q = points[(i + 1) % n];
      total += (q.lng - p.lng) * rad * (2 + Math.sin(p.lat * rad) + Math.sin(q.lat * rad));
    }
    return Math.abs(total * R_AUTHALIC * R_AUTHALIC / 2);
  }
  function km(metres) {
    return metres >= 1000 ? (metres / 1000).toFixed(3) + ' km' : metres.toFixed(1) + ' m';
  }
  function km2(m2) {
    return m2 >= 1e6 ? (m2 / 1e6).toFixed(3) + ' km²' : Math.round(m2) + ' m²';
  }

  // -- the toolbar and the result box ----------------------------------------------------------
  // Nearest asks the console; the exported page has no console behind it.
  var TOOLS = ['distance', 'area', 'polygon', 'circle'].concat(CFG.bridge ? ['nearest'] : []);
  var active = null, points = [], centre = null, shape = null, preview = null, result = '';
  var drawn = L.layerGroup().addTo(map);
  var look = {color: '#c2185b', weight: 3, opacity: 0.9, fillColor: '#c2185b', fillOpacity: 0.1,
              interactive: false, dashArray: null};
  var Bar = L.Control.extend({
    options: {position: 'topleft'},
    onAdd: function () {
      var box = L.DomUtil.create('div', 'leaflet-bar ecc-tools');
      box.id = 'ecc-tools';
      L.DomEvent.disableClickPropagation(box);
      TOOLS.concat(['clear']).forEach(function (name) {
        var a = L.DomUtil.create('a', 'ecc-tool ecc-tool-' + name, box);
        a.href = '#';
        a.title = T['tool_' + name];
        a.dataset.tool = name;
        a.setAttribute('role', 'button');
        L.DomEvent.on(a, 'click', function (e) {
          L.DomEvent.preventDefault(e);
          if (name === 'clear') { clear(); } else { start(active === name ? null : name); }
        });
      });
      this.output = L.DomUtil.create('div', 'ecc-tool-result', box);
      this.output.id = 'ecc-tool-result';
      this.output.hidden = true;
      return box;
    }
  });
  var bar = new Bar().addTo(map);
  function say(text) {
    result = text;
    bar.output.textContent = text;
    bar.output.hidden = !text;
  }
  function clear() {
    drawn.clearLayers();
    points = [];
    centre = null;
    shape = null;
    preview = null;
    say('');
    start(null);
  }
  function start(name) {
    active = name;
    points = [];
    centre = null;
    preview = null;
    map.doubleClickZoom[name ? 'disable' : 'enable']();
    map.getContainer().classList.toggle('ecc-drawing', !!name);
    bar.getContainer().querySelectorAll('.ecc-tool').forEach(function (a) {
      a.classList.toggle('ecc-tool-on', a.dataset.tool === name);
    });
    if (name) { say(T['hint_' + name]); }
  }
  function redraw(moving) {
    drawn.clearLayers();
    var ring = moving ? points.concat([moving]) : points;
    if (active === 'distance' && ring.length) {
      shape = L.polyline(ring, look).addTo(drawn);
      say(T.distance + ' ' + km(length(ring, false)));
    } else if ((active === 'area' || active === 'polygon') && ring.length) {
      shape = (ring.length > 2 ? L.polygon(ring, look) : L.polyline(ring, look)).addTo(drawn);
      if (ring.length > 2) {
        say(T.area + ' ' + km2(area(ring)) + ' · ' + T.perimeter + ' ' + km(length(ring, true)));
      }
    } else if (active === 'circle' && centre) {
      var radius = moving ? distance(centre, moving) : 0;
      shape = L.circle(centre, L.extend({radius: radius}, look)).addTo(drawn);
      say(T.radius + ' ' + km(radius));
    }
  }
  function finish() {
    var name = active, ring = points.slice();
    if (name === 'polygon' && ring.length > 2) {
      var coords = ring.map(function (p) { return [p.lng, p.lat]; });
      coords.push(coords[0]);
      tell('area', {type: 'Polygon', coordinates: [coords]});
    }
    start(null);
    if (name === 'distance' || name === 'area' || name === 'polygon') {
      var keep = shape;
      drawn.clearLayers();
      if (keep) { keep.addTo(drawn); }
      if (name === 'distance') { say(T.distance + ' ' + km(length(ring, false))); }
      else if (ring.length > 2) {
        say(T.area + ' ' + km2(area(ring)) + ' · ' + T.perimeter + ' ' + km(length(ring, true)));
      }
    }
  }
  map.on('click', function (e) {
    if (!active) { return; }
    if (active === 'nearest') {
      drawn.clearLayers();
      L.circleMarker(e.latlng, L.extend({}, look, {radius: 7, fillOpacity: 0.8})).addTo(drawn);
      start(null);
      say('');
      tell('nearest', {lng: e.latlng.lng, lat: e.latlng.lat});
      return;
    }
    if (active === 'circle') {
      if (!centre) { centre = e.latlng; redraw(e.latlng); return; }
      var radius = distance(centre, e.latlng);
      var c = centre;
      start(null);
      drawn.clearLayers();
      shape = L.circle(c, L.extend({radius: radius}, look)).addTo(drawn);
      say(T.radius + ' ' + km(radius));
      tell('area', {type: 'Circle', center: [c.lng, c.lat], radius: radius});
      return;
    }
    points.push(e.latlng);
    redraw(null);
  });
  map.on('mousemove', function (e) {
    if (active && (points.length || centre)) { redraw(e.latlng); }
  });
  map.on('dblclick', function () { if (active && active !== 'circle') { finish(); } });
  document.addEventListener('keydown', function (e) {
    if (!active) { return; }
    if (e.key === 'Enter') { finish(); }
    if (e.key === 'Escape') { clear(); }
  });

  return {
    start: start, finish: finish, clear: clear, distance: distance, area: area,
    length: length, result: function () { return result; },
    shape: function () { return shape; },
    active: function () { return active; },
    show: function (geometry) {
      // A saved or registered area drawn again (GeoJSON polygon, or a circle).
      clear();
      if (geometry.type === 'Circle') {
        shape = L.circle([geometry.center[1], geometry.center[0]],
                         L.extend({radius: geometry.radius}, look)).addTo(drawn);
      } else {
        shape = L.geoJSON(geometry, {style: function () { return look; }}).addTo(drawn);
      }
      map.fitBounds(shape.getBounds(), {padding: [40, 40], maxZoom: 16});
    }
  };
};
