// Draws the dashboard's charts from the JSON embedded in the page (no extra request) with ECharts' SVG renderer, which
// prints sharp on paper. Each chart container gets data-drawn="true" once painted: tests and print wait on it.
(function () {
  var data = JSON.parse(document.getElementById('dashboard-data').textContent);
  if (!window.echarts) return;
  var charts = [];
  var colorOf = {};
  data.statuses.forEach(function (s) { colorOf[s.code] = s.color; });
  var day = function (s) { return new Date(s + 'T00:00:00').getTime(); };
  // A round number just above the larger of the data and the target, so the axis ends on a readable label.
  var niceCeil = function (x) {
    if (!(x > 0)) return 1;
    var step = Math.pow(10, Math.floor(Math.log10(x))) / 2;
    return Math.ceil(x * 1.05 / step) * step;
  };

  function draw(box, option) {
    var chart = echarts.init(box, null, { renderer: 'svg' });
    chart.on('finished', function () { box.setAttribute('data-drawn', 'true'); });
    chart.setOption(Object.assign({ animation: false, textStyle: { fontFamily: 'inherit' } }, option));
    charts.push(chart);
  }

  var summary = document.getElementById('chart-statuses');
  if (summary) {
    draw(summary, {
      grid: { left: 8, right: 16, top: 28, bottom: 4, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 11 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } },
      yAxis: { type: 'category', data: data.summary.rows, inverse: true, axisTick: { show: false } },
      series: data.statuses.map(function (s, i) {
        return { name: s.name, type: 'bar', stack: 'all', barWidth: 18, itemStyle: { color: s.color }, data: data.summary.counts[i],
                 label: { show: true, color: '#fff', fontSize: 11, formatter: function (p) { return p.value ? p.value : ''; } } };
      })
    });
  }

  var byId = {};
  data.targets.forEach(function (t) { byId[t.id] = t; });
  var start = data.start ? day(data.start) : null, end = data.end ? day(data.end) : null;
  Array.prototype.forEach.call(document.querySelectorAll('[data-chart=trend]'), function (box) {
    var t = byId[box.getAttribute('data-target')];
    var color = colorOf[t.status];
    var points = t.points.map(function (p) { return [day(p[0]), p[1]]; });
    var series = [{
      name: data.text.value, type: 'line', data: points, symbol: 'circle', symbolSize: 5, showSymbol: points.length < 40,
      lineStyle: { color: color, width: 2 }, itemStyle: { color: color },
      markLine: { silent: true, symbol: 'none', data: [{ yAxis: t.value, name: data.text.target }],
                  lineStyle: { color: '#1f2328', type: 'solid', width: 1 },
                  label: { position: 'insideEndTop', formatter: data.text.target + ' ' + t.value, fontSize: 10, color: '#5b636e' } }
    }];
    // Where time progress says the value should be: from nothing at the start to the target at the end (docs/STATUS-RULES.md).
    if (start !== null && end !== null) {
      series.push({ name: data.text.pace, type: 'line', data: [[start, 0], [end, t.value]], symbol: 'none', silent: true,
                    lineStyle: { color: '#94a3b8', type: 'dashed', width: 1 }, tooltip: { show: false } });
    }
    draw(box, {
      grid: { left: 6, right: 14, top: 14, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + ' ' + t.measure; } },
      xAxis: { type: 'time', min: start, max: end, splitNumber: 4, splitLine: { show: false },
               // Time-axis labels are rich text, which ignores axisLabel.fontSize: size them through a rich style.
               axisLabel: { hideOverlap: true, rich: { m: { fontSize: 10 } }, formatter: function (v) { return '{m|' + data.months[new Date(v).getMonth()] + '}'; } } },
      yAxis: { type: 'value', min: 0, max: function (v) { return niceCeil(Math.max(v.max, t.value)); }, splitNumber: 3,
               axisLabel: { fontSize: 10, formatter: function (v) { return +v.toFixed(2); } }, splitLine: { lineStyle: { color: '#eef0f3' } } },
      graphic: points.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: data.text.none, fill: '#5b636e', fontSize: 12 } }],
      series: series
    });
  });

  function resize() { charts.forEach(function (c) { c.resize(); }); }
  var pending;
  window.addEventListener('resize', function () { clearTimeout(pending); pending = setTimeout(resize, 100); });
  // Paper is narrower than the screen: fit the (SVG) charts to the printed width before printing, and back after.
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);

  // The league table sorts by any column; the first press of a number column puts the largest first.
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    var heads = table.querySelectorAll('thead th');
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var numeric = th.getAttribute('data-sort') === 'num';
        var current = th.getAttribute('aria-sort');
        var descending = current ? current === 'ascending' : numeric;
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[col];
          return numeric ? parseFloat(cell.getAttribute('data-value')) : cell.textContent.trim();
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var c = numeric ? x - y : x.localeCompare(y, document.documentElement.lang);
          return descending ? -c : c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
