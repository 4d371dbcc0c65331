// Charts of the dashboards with Apache ECharts: each element with data-chart holds its numbers as JSON
// (the table beside it shows the same numbers). Locale and the aria description follow the page.
(function () {
  'use strict';
  function draw() {
    if (!window.echarts) { return; }
    var zh = document.documentElement.lang !== 'en';
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var spec;
      try { spec = JSON.parse(el.getAttribute('data-chart')); } catch (e) { return; }
      var horizontal = spec.kind === 'bars';
      var categoryAxis = { type: 'category', data: spec.categories, axisLabel: { interval: 0, fontSize: 12 } };
      var valueAxis = { type: 'value', minInterval: 1 };
      if (spec.max) { valueAxis.max = spec.max; }
      if (horizontal) { categoryAxis.inverse = true; }
      el.style.height = horizontal ? Math.max(160, 28 * spec.categories.length + 70) + 'px' : '260px';
      var chart = echarts.init(el, null, { locale: zh ? 'ZH' : 'EN', renderer: 'svg' });
      chart.setOption({
        aria: { enabled: true },
        animation: false,
        color: ['#0b5394', '#2e7d32'],
        tooltip: { trigger: 'axis' },
        legend: { top: 0, show: spec.series.length > 1 },
        grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
        xAxis: horizontal ? valueAxis : categoryAxis,
        yAxis: horizontal ? categoryAxis : valueAxis,
        series: spec.series.map(function (s) {
          return { name: s.name, type: spec.kind === 'line' ? 'line' : 'bar', data: s.data };
        })
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
