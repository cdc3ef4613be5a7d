// 工作日历: clicking a day fills the form to set or clear it.
(function () {
  const form = document.getElementById('day-form');
  const months = document.getElementById('months');
  if (!form || !months) return;
  const date = document.getElementById('cal-date');
  const kind = document.getElementById('cal-kind');
  const name = document.getElementById('cal-name');
  months.addEventListener('click', event => {
    const cell = event.target.closest('td[data-date]');
    if (!cell || !cell.dataset.date) return;
    date.value = cell.dataset.date;
    name.value = cell.dataset.name || '';
    const type = cell.dataset.type;
    kind.value = type === 'holiday' || type === 'makeup' ? 'CLEAR' : type === 'rest' ? 'WORKDAY' : 'HOLIDAY';
    name.focus();
  });
})();
