// Draws the chain of contacts (case → contacts → their contacts) with ECharts, from the page's JSON endpoint.
(function () {
  var colours = { CASE: '#cf222e', CLOSE: '#d1242f', SECONDARY: '#bc4c00', GENERAL: '#9a6700', KEY_GROUP: '#0969da', CANDIDATE: '#8c959f' };
  function paint(node) {
    node.itemStyle = { color: colours[node.value] || '#8c959f', borderColor: colours[node.value] || '#8c959f' };
    (node.children || []).forEach(paint);
    return node;
  }
  function draw() {
    var box = document.getElementById('contact-tree');
    if (!box || typeof echarts === 'undefined') { return; }
    fetch(box.getAttribute('data-src'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var chart = echarts.init(box);
        chart.setOption({
          tooltip: { trigger: 'item', formatter: function (p) { return p.name + ' · ' + p.value; } },
          series: [{ type: 'tree', data: [paint(data)], top: '5%', left: '10%', bottom: '5%', right: '20%',
            symbolSize: 10, initialTreeDepth: -1, label: { position: 'left', verticalAlign: 'middle', align: 'right' },
            leaves: { label: { position: 'right', align: 'left' } }, expandAndCollapse: true }]
        });
        window.addEventListener('resize', function () { chart.resize(); });
      });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
