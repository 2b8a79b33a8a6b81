// What the map page shows over its layers (maps.overlays): town and village names placed
// without overlapping, the overview inset, the event corner and the basemap's line.
// console.js calls ECC_OVERLAYS(map, config) once the map exists.
window.ECC_OVERLAYS = function (map, CFG) {
  'use strict';
  var T = CFG.texts;
  function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c];
    });
  }

  // -- place names: towns first, then villages, each skipped where it would overlap ---------
  var VILLAGE_ZOOM = 12;  // below it a village's name does not fit beside its neighbours
  var FONTS = [['bold 14px ', '#1d2a36'], ['12px ', '#33404c']];
  map.createPane('ecc-labels').style.zIndex = 460;
  map.getPane('ecc-labels').style.pointerEvents = 'none';
  var Labels = L.Layer.extend({
    onAdd: function () {
      this._canvas = L.DomUtil.create('canvas', 'ecc-labels');
      map.getPane('ecc-labels').appendChild(this._canvas);
      this._widths = [{}, {}];
      this.placed = [];
      map.on('moveend zoomend resize', this._draw, this);
      this._draw();
    },
    onRemove: function () {
      map.off('moveend zoomend resize', this._draw, this);
      L.DomUtil.remove(this._canvas);
    },
    _draw: function () {
      var size = map.getSize(), ratio = window.devicePixelRatio || 1, canvas = this._canvas;
      canvas.width = size.x * ratio;
      canvas.height = size.y * ratio;
      canvas.style.width = size.x + 'px';
      canvas.style.height = size.y + 'px';
      L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
      var ctx = canvas.getContext('2d'), zoom = map.getZoom(), bounds = map.getBounds().pad(0.05);
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.lineJoin = 'round';
      var boxes = [], placed = [];
      function free(b) {
        for (var i = 0; i < boxes.length; i++) {
          var o = boxes[i];
          if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) { return false; }
        }
        return true;
      }
      for (var i = 0; i < CFG.labels.length; i++) {
        var label = CFG.labels[i], rank = label[3];
        if (rank > 0 && zoom < VILLAGE_ZOOM) { break; }  // sorted by rank: nothing more fits
        if (!bounds.contains([label[1], label[2]])) { continue; }
        var font = FONTS[Math.min(rank, 1)];
        ctx.font = font[0] + CFG.font;
        var widths = this._widths[Math.min(rank, 1)];
        var w = widths[label[0]] || (widths[label[0]] = ctx.measureText(label[0]).width);
        var p = map.latLngToContainerPoint([label[1], label[2]]);
        var h = rank ? 14 : 17, box = [p.x - w / 2 - 3, p.y - h / 2 - 2, p.x + w / 2 + 3, p.y + h / 2 + 2];
        if (box[2] < 0 || box[0] > size.x || box[3] < 0 || box[1] > size.y || !free(box)) { continue; }
        boxes.push(box);
        placed.push(label[0]);
        ctx.strokeStyle = 'rgba(255,255,255,0.92)';
        ctx.lineWidth = 3.5;
        ctx.strokeText(label[0], p.x, p.y);
        ctx.fillStyle = font[1];
        ctx.fillText(label[0], p.x, p.y);
      }
      this.placed = placed;
      this.boxes = boxes;
    }
  });
  var labels = new Labels().addTo(map);

  // -- the overview inset: the county's outline and the part of it in view ------------------
  var Overview = L.Control.extend({
    options: {position: 'bottomright'},
    onAdd: function () {
      var box = L.DomUtil.create('div', 'ecc-overview');
      box.id = 'ecc-overview';
      box.title = T.overview;
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      this._box = box;
      return box;
    },
    start: function () {
      var mini = L.map(this._box, {attributionControl: false, zoomControl: false,
        dragging: false, scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false,
        keyboard: false, touchZoom: false, zoomSnap: 0.25});
      var outline = L.polygon(CFG.overview, {color: '#34495e', weight: 1, fillColor: '#dfe6ec',
                                             fillOpacity: 1, interactive: false}).addTo(mini);
      mini.fitBounds(outline.getBounds(), {padding: [4, 4]});
      var view = L.rectangle(map.getBounds(), {color: '#d84315', weight: 2, fillOpacity: 0.12,
                                               interactive: false}).addTo(mini);
      map.on('moveend zoomend resize', function () { view.setBounds(map.getBounds()); });
      mini.on('click', function (e) { map.panTo(e.latlng); });
      this.mini = mini;
    }
  });
  var overview = null;
  if (CFG.overview && CFG.overview.length) {
    overview = new Overview().addTo(map);
    overview.start();
  }

  // -- the event corner: the event, its response level, the time of the figures -----------
  var corner = null;
  if (CFG.event) {
    var Corner = L.Control.extend({
      options: {position: 'topleft'},
      onAdd: function () {
        var box = L.DomUtil.create('div', 'ecc-event');
        box.id = 'ecc-event';
        box.style.borderLeftColor = CFG.event.colour;
        box.innerHTML = '<div class="ecc-event-name">' + escapeHtml(CFG.event.name) + '</div>' +
          (CFG.event.level ? '<div class="ecc-event-level" style="background:' +
            escapeHtml(CFG.event.colour) + '">' + escapeHtml(CFG.event.level) + '</div>' : '') +
          '<div class="ecc-event-time">' + escapeHtml(T.figures_at.replace('%1', CFG.event.time)) + '</div>';
        return box;
      }
    });
    corner = new Corner().addTo(map);
  }

  // -- the basemap in use, with its attribution ----------------------------------------------
  var attribution = L.control.attribution({prefix: false, position: 'bottomright'}).addTo(map);
  attribution.addAttribution('<span id="ecc-basemap">' + escapeHtml(CFG.basemap_line) + '</span>');

  return {labels: labels, overview: overview, corner: corner};
};
