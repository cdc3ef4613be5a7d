// 推送详情: a live progress bar (sent / failed / cancelled of all chats) and counts, while the notice goes out.
(function () {
  const main = document.querySelector('main[data-notice]');
  if (!main) return;
  const id = main.dataset.notice;
  const width = (n, total) => (total ? (n * 100 / total) : 0) + '%';
  async function refresh() {
    const response = await fetch(id + '/progress', {credentials: 'same-origin'});
    if (!response.ok) return;
    const notice = await response.json();
    const c = notice.counts;
    document.getElementById('bar-sent').style.width = width(c.sent, c.total);
    document.getElementById('bar-failed').style.width = width(c.failed, c.total);
    document.getElementById('bar-cancelled').style.width = width(c.cancelled, c.total);
    document.getElementById('counts').textContent = '共 ' + c.total + ' 个群：已送达 ' + c.sent + '，待发送 ' + c.pending
      + '，失败 ' + c.failed + (c.cancelled ? '，已取消 ' + c.cancelled : '') + '，已回执 ' + c.acknowledged;
    if (notice.status === 'SENDING' || notice.status === 'SCHEDULED') setTimeout(refresh, 2000);
  }
  refresh();
})();
