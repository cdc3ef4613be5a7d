// 统计与排名: two charts from the range's JSON (/dispatch/stats/data, the same as GET /api/v1/dispatch/range):
// completion per day (overall, or per city / unit / kind), and the totals of the numeric items per day (every item
// overall, or one item per city / unit).
(function () {
  const main = document.querySelector('main[data-stats]');
  if (!main || typeof echarts === 'undefined') return;
  const completionChart = echarts.init(document.getElementById('completion-chart'));
  const figuresChart = echarts.init(document.getElementById('figures-chart'));
  const by = document.getElementById('completion-by');
  const figuresBy = document.getElementById('figures-by');
  const figuresItem = document.getElementById('figures-item');
  let range = null;

  // reported share of the expected, in percent; no point for a day nothing was expected
  const rate = tally => tally && tally.expected > 0
    ? Math.round(1000 * (tally.onTime + tally.late) / tally.expected) / 10 : null;

  function completionSeries(days, key) {
    if (key === 'total') {
      return [{name: '合计', type: 'line', showSymbol: true, data: days.map(d => rate(d.total))}];
    }
    const names = [];
    days.forEach(d => d[key].forEach(t => { if (!names.includes(t.name)) names.push(t.name); }));
    return names.map(name => ({
      name: name, type: 'line', showSymbol: true,
      data: days.map(d => rate(d[key].find(t => t.name === name)))
    }));
  }

  function drawCompletion() {
    const days = range.days;
    const series = completionSeries(days, by.value);
    completionChart.setOption({
      animation: false,
      tooltip: {trigger: 'axis', valueFormatter: v => v == null ? '无需报送' : v + '%'},
      legend: {type: 'scroll', top: 0},
      grid: {top: 40, left: 48, right: 24, bottom: 32},
      xAxis: {type: 'category', data: days.map(d => d.date.substring(5))},
      yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}},
      series: series
    }, true);
  }

  // overall: one bar series per item; per city or unit: one series per city or unit, of the item chosen
  function figuresSeries(days, items, key, code) {
    if (key === 'total') {
      return items.map(i => ({name: i.label, type: 'bar', data: days.map(d => d.total.totals[i.code] || 0)}));
    }
    const names = [];
    days.forEach(d => d[key].forEach(t => { if (!names.includes(t.name)) names.push(t.name); }));
    return names.map(name => ({
      name: name, type: 'bar', stack: 'figures',
      data: days.map(d => {
        const tally = d[key].find(t => t.name === name);
        return tally ? (tally.totals[code] || 0) : 0;
      })
    }));
  }

  function fillItems(items) {
    const chosen = figuresItem.value;
    figuresItem.replaceChildren(...items.map(i => new Option(i.label, i.code, false, i.code === chosen)));
    figuresItem.hidden = figuresBy.value === 'total';
  }

  function drawFigures() {
    const days = range.days;
    const items = [];
    days.forEach(d => d.items.forEach(i => { if (!items.some(x => x.code === i.code)) items.push(i); }));
    fillItems(items);
    figuresChart.setOption({
      animation: false,
      tooltip: {trigger: 'axis'},
      legend: {type: 'scroll', top: 0},
      grid: {top: 40, left: 48, right: 24, bottom: 32},
      xAxis: {type: 'category', data: days.map(d => d.date.substring(5))},
      yAxis: {type: 'value', minInterval: 1},
      series: figuresSeries(days, items, figuresBy.value, figuresItem.value)
    }, true);
  }

  async function load() {
    const response = await fetch(main.dataset.stats, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (!response.ok) return;
    range = await response.json();
    drawCompletion();
    drawFigures();
    main.dataset.drawn = 'true';
  }

  by.addEventListener('change', () => range && drawCompletion());
  figuresBy.addEventListener('change', () => range && drawFigures());
  figuresItem.addEventListener('change', () => range && drawFigures());
  window.addEventListener('resize', () => { completionChart.resize(); figuresChart.resize(); });
  load();
})();
