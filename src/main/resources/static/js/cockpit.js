// The cockpit's charts (entries by part, by hour or day, refusals by reason), drawn from /cockpit/figures.json.
// A click on a part's bar drills down to it; a click on a reason opens the refusals behind it.
(function () {
  var COLORS = { ALLOW: '#2e7d32', REFUSE: '#c62828', REFER: '#ef6c00' };
  var VERDICTS = ['ALLOW', 'REFUSE', 'REFER'];

  function series(f, source, stack) {
    return VERDICTS.map(function (v) {
      return { name: f.labels[v], type: 'bar', stack: stack, color: COLORS[v], data: source.map ? source.map(function (p) { return p[v]; }) : source[v] };
    });
  }

  function parts(el, f) {
    if (!el) { return; }
    var names = f.parts.map(function (p) { return p.name; });
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 50, right: 10, bottom: 70 },
      xAxis: { type: 'category', data: names, axisLabel: { rotate: names.length > 6 ? 40 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series(f, f.parts, 'entries')
    });
    // Anywhere in a part's column, not only on its bar (an empty bar has nothing to click).
    chart.getZr().on('click', function (e) {
      var point = [e.offsetX, e.offsetY];
      if (!chart.containPixel('grid', point)) { return; }
      var index = chart.convertFromPixel({ seriesIndex: 0 }, point)[0];
      if (f.parts[index]) { window.location.href = f.parts[index].url; }
    });
  }

  function time(el, f) {
    echarts.init(el).setOption({
      tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 50, right: 10, bottom: 40 },
      xAxis: { type: 'category', data: f.time.labels }, yAxis: { type: 'value', minInterval: 1 },
      series: series(f, f.time, 'entries')
    });
  }

  function reasons(el, f) {
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: f.reasons.map(function (r) { return { name: r.label, value: r.n }; }) }]
    });
    chart.on('click', function (e) { window.location.href = f.reasons[e.dataIndex].link; });
  }

  function draw() {
    var holder = document.getElementById('cockpit-figures');
    if (!holder || !window.echarts) { return; }
    fetch(holder.dataset.figures, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (f) {
        parts(document.getElementById('parts-chart'), f);
        time(document.getElementById('time-chart'), f);
        reasons(document.getElementById('reason-chart'), f);
        document.body.dataset.chartsDrawn = 'true';
      });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
