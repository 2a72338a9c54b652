// Draws the partner cities on the bundled world map. data-drawn="true" tells tests (and print) the chart is ready.
(function () {
  // Partner names are typed by people: ECharts puts a formatter's answer into the tooltip as HTML, so it gets text only.
  var esc = function (s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  };
  var box = document.getElementById('partner-map');
  var data = JSON.parse(document.getElementById('partner-map-data').textContent);
  if (!box || !window.echarts) return;
  fetch(box.getAttribute('data-geo')).then(function (r) { return r.json(); }).then(function (geo) {
    echarts.registerMap('world', geo);
    var chart = echarts.init(box, null, { renderer: 'canvas' });
    chart.on('finished', function () { box.setAttribute('data-drawn', 'true'); });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: function (p) { return p.data ? esc(p.data.name) + ' · ' + esc(p.data.country) : esc(p.name); } },
      geo: { map: 'world', roam: true, itemStyle: { areaColor: '#e5e9ee', borderColor: '#b8c0ca' }, emphasis: { disabled: true } },
      series: data.kinds.map(function (k) {
        return {
          name: k.name, type: 'scatter', coordinateSystem: 'geo', symbolSize: 9, itemStyle: { color: k.color },
          data: data.points.filter(function (p) { return p.kind === k.code; })
        };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
    window.addEventListener('beforeprint', function () { chart.resize(); });
  });
})();
