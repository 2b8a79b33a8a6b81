// L.Control.MousePosition for folium's MousePosition plugin (maps.folium_page): the
// mouse's longitude and latitude; a click on it adds the GCJ-02 coordinates a Chinese
// phone map shows, and a second click takes them away.
(function () {
  'use strict';
  var A = 6378245.0, EE = 0.00669342162296594323;
  function outsideChina(lng, lat) {
    return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
  }
  function dLat(x, y) {
    var r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return r;
  }
  function dLng(x, y) {
    var r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return r;
  }
  // WGS84 -> GCJ-02 (the published approximation every Chinese map uses).
  function toGcj02(lng, lat) {
    if (outsideChina(lng, lat)) { return [lng, lat]; }
    var la = dLat(lng - 105.0, lat - 35.0), lo = dLng(lng - 105.0, lat - 35.0);
    var rad = lat / 180.0 * Math.PI, magic = Math.sin(rad);
    magic = 1 - EE * magic * magic;
    var sq = Math.sqrt(magic);
    la = (la * 180.0) / ((A * (1 - EE)) / (magic * sq) * Math.PI);
    lo = (lo * 180.0) / (A / sq * Math.cos(rad) * Math.PI);
    return [lng + lo, lat + la];
  }
  L.Control.MousePosition = L.Control.extend({
    options: {position: 'bottomleft', separator: ' , ', emptyString: '', lngFirst: true,
              numDigits: 5, prefix: '', gcj02: false},
    onAdd: function (map) {
      this._box = L.DomUtil.create('div', 'leaflet-control-mouseposition ecc-mouse');
      this._box.id = 'ecc-mouse';
      this._box.title = this._texts().gcj_hint || '';
      L.DomEvent.disableClickPropagation(this._box);
      L.DomEvent.on(this._box, 'click', function () {
        this.options.gcj02 = !this.options.gcj02;
        this._show(this._last);
      }, this);
      map.on('mousemove', this._onMove, this);
      this._box.textContent = this.options.emptyString;
      return this._box;
    },
    onRemove: function (map) { map.off('mousemove', this._onMove, this); },
    _texts: function () { return (window.ECC_CONFIG && window.ECC_CONFIG.texts) || {}; },
    _pair: function (lng, lat) {
      var d = this.options.numDigits;
      var a = L.Util.formatNum(lng, d).toFixed(d), b = L.Util.formatNum(lat, d).toFixed(d);
      return this.options.lngFirst ? a + this.options.separator + b : b + this.options.separator + a;
    },
    _show: function (latlng) {
      if (!latlng) { return; }
      var T = this._texts(), lng = L.Util.wrapNum(latlng.lng, [-180, 180], true);
      var text = this.options.prefix + (T.wgs84 || 'WGS84') + ' ' + this._pair(lng, latlng.lat);
      if (this.options.gcj02) {
        var g = toGcj02(lng, latlng.lat);
        text += '   ' + (T.gcj02 || 'GCJ-02') + ' ' + this._pair(g[0], g[1]);
      }
      this._box.textContent = text;
    },
    _onMove: function (e) { this._last = e.latlng; this._show(e.latlng); }
  });
  L.Control.MousePosition.toGcj02 = toGcj02;
  L.control.mousePosition = function (options) { return new L.Control.MousePosition(options); };
})();
