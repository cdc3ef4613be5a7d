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
    renderTable(notice.deliveries || []);
    if (notice.status === 'SENDING' || notice.status === 'SCHEDULED') setTimeout(refresh, 2000);
  }
  const time = iso => iso ? new Date(iso).toLocaleString('zh-CN', {hour12: false, timeZone: 'Asia/Shanghai'}) : '';
  function renderTable(deliveries) {
    const table = document.getElementById('deliveries');
    const header = table.rows[0];
    const rows = deliveries.map(d => {
      const tr = document.createElement('tr');
      [d.workGroup, d.door, d.chatId, d.state, String(d.attempts), time(d.sentAt),
        d.ackedAt ? (d.ackedBy || '') + ' ' + time(d.ackedAt) : '', d.lastError || ''].forEach(text => {
        const td = document.createElement('td');
        td.textContent = text;
        tr.appendChild(td);
      });
      return tr;
    });
    table.replaceChildren(header, ...rows);
  }
  refresh();
})();
