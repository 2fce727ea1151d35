// The campaign page's two charts (coverage by street, score distribution), drawn from the page's JSON figures.
(function () {
  function draw() {
    var coverage = document.getElementById('coverage-chart');
    var scores = document.getElementById('score-chart');
    if (!coverage || !window.echarts) { return; }
    fetch(coverage.dataset.figures, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (f) {
        var names = f.streets.map(function (s) { return s.name; });
        echarts.init(coverage).setOption({
          tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 40, right: 10, bottom: 60 },
          xAxis: { type: 'category', data: names, axisLabel: { rotate: names.length > 6 ? 40 : 0 } },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            { name: coverage.dataset.inspected, type: 'bar', stack: 'all', color: '#2e7d32', data: f.streets.map(function (s) { return s.inspected; }) },
            { name: coverage.dataset.gaps, type: 'bar', stack: 'all', color: '#ef6c00', data: f.streets.map(function (s) { return s.gaps; }) }
          ]
        });
        if (scores) {
          echarts.init(scores).setOption({
            tooltip: {}, grid: { left: 40, right: 10, bottom: 40 },
            xAxis: { type: 'category', data: f.scoreBuckets }, yAxis: { type: 'value', minInterval: 1 },
            series: [{ name: coverage.dataset.count, type: 'bar', color: '#1565c0', data: f.scores }]
          });
        }
      });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
