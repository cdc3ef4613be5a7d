// The board's 历次报送: a row's earlier reports of the day, fetched from /dispatch/history when first unfolded.
document.querySelectorAll('#board details.history').forEach(function (details) {
  details.addEventListener('toggle', function () {
    if (!details.open || details.dataset.loaded) {
      return;
    }
    details.dataset.loaded = 'yes';
    var list = document.createElement('div');
    list.className = 'history-body muted';
    list.textContent = '加载中…';
    details.appendChild(list);
    fetch(details.dataset.src, {credentials: 'same-origin'}).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.text();
    }).then(function (html) {
      list.className = 'history-body';
      list.innerHTML = html; // written and escaped by ReportHistory.html
    }).catch(function () {
      list.textContent = '加载失败，请刷新后重试。';
      delete details.dataset.loaded;
    });
  });
});
