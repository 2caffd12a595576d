// The map page: events, checkpoints and aid movements as GeoJSON layers over a tile server when one
// is configured, or over the gazetteer's points (admin centres, places) when not.
(function () {
  "use strict";
  var box = document.getElementById("map");
  if (!box || !window.L) return;
  var d = box.dataset;
  var map = L.map(box).setView([35.0, 38.5], 7);
  var control = L.control.layers(null, null, { collapsed: false }).addTo(map);

  function text(value) {
    var span = document.createElement("span");
    span.textContent = value == null ? "" : String(value);
    return span.innerHTML;
  }
  function load(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/geo+json" } })
      .then(function (r) { return r.ok ? r.json() : { type: "FeatureCollection", features: [] }; });
  }
  function layer(label, url, style, popup, fit) {
    return load(url).then(function (data) {
      var g = L.geoJSON(data, {
        pointToLayer: function (feature, latlng) { return L.circleMarker(latlng, style(feature)); },
        style: style,
        onEachFeature: function (feature, item) { item.bindPopup(popup(feature.properties || {})); }
      }).addTo(map);
      control.addOverlay(g, label);
      if (fit && g.getLayers().length) map.fitBounds(g.getBounds().pad(0.2), { maxZoom: 11 });
      return data;
    });
  }

  if (d.tiles) {
    L.tileLayer(d.tiles, { maxZoom: 18, attribution: d.attribution || "" }).addTo(map);
  } else {
    layer(d.labelPlaces, d.places, function (f) {
      var admin = f.properties.kind !== "locality";
      return { radius: admin ? 3 : 2, color: "#777", weight: 1, fillOpacity: admin ? 0.5 : 0.3 };
    }, function (p) { return text(p.name) + " <small>" + text(p.kind) + "</small>"; });
  }
  layer(d.labelEvents, d.events, function (f) {
    var killed = (f.properties.fatalities || {}).best || 0;
    return { radius: 4 + Math.min(10, Math.sqrt(killed) * 2), color: "#a5413b", weight: 1, fillOpacity: 0.6 };
  }, function (p) {
    var f = p.fatalities || {};
    var killed = f.best != null ? " · " + text(f.best) + (f.low !== f.high ? " (" + text(f.low) + "–" + text(f.high) + ")" : "") + " " + text(d.labelKilled) : "";
    var title = p.url ? '<a href="' + text(p.url) + '">' + text(p.title) + "</a>" : text(p.title);
    return "<strong>" + title + "</strong><br>" + text(p.date) + " · " + text(p.type_label) + killed + "<br>" + text(p.place);
  }, true).then(function (data) {
    var status = document.getElementById("map-status");
    if (status && data.total != null) status.textContent = data.features.length + " / " + data.total + " " + d.labelShown;
  });
  layer(d.labelCheckpoints, d.checkpoints, function () {
    return { radius: 5, color: "#1f4f8f", weight: 2, fillOpacity: 0.2 };
  }, function (p) { return text(p.name || p.title || p.label || ""); });
  layer(d.labelAid, d.aid, function () {
    return { radius: 5, color: "#1f6f5c", weight: 3, opacity: 0.8 };
  }, function (p) { return text(p.title || p.name || p.status || ""); });
})();
