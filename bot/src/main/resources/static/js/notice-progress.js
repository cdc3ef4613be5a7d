// 推送详情: a live progress bar (acknowledged / sent / failed / cancelled of all chats) and counts, while the notice
// goes out, and after that while a notice that asks for 收到 still waits for chats that can answer.
(function () {
  const main = document.querySelector('main[data-notice]');
  if (!main) return;
  const id = main.dataset.notice;
  const width = (n, total) => (total ? (n * 100 / total) : 0) + '%';
  // waiting for acknowledgements: every 10 s, for at most an hour of the page being open
  const ACK_POLL_MS = 10000;
  const ACK_POLLS = 360;
  let ackPolls = 0;
  async function refresh() {
    const response = await fetch(id + '/progress', {credentials: 'same-origin'});
    if (!response.ok) return;
    const notice = await response.json();
    const c = notice.counts;
    const acked = Math.min(c.acknowledged, c.sent);
    document.getElementById('bar-acked').style.width = width(acked, c.total);
    document.getElementById('bar-sent').style.width = width(c.sent - acked, c.total);
    document.getElementById('bar-failed').style.width = width(c.failed, c.total);
    document.getElementById('bar-cancelled').style.width = width(c.cancelled, c.total);
    document.getElementById('counts').textContent = '共 ' + c.total + ' 个群：已送达 ' + c.sent + '，待发送 ' + c.pending
      + '，失败 ' + c.failed + (c.cancelled ? '，已取消 ' + c.cancelled : '') + '，已回执 ' + c.acknowledged
      + (notice.requireAck && c.ackUnavailable ? '（回执不可用 ' + c.ackUnavailable + ' 个群）' : '');
    renderTable(notice.deliveries || [], notice.requireAck);
    if (notice.status === 'SENDING' || notice.status === 'SCHEDULED') {
      setTimeout(refresh, 2000);
    } else if (notice.requireAck && notice.status === 'COMPLETED' && c.awaitingAck > 0 && ackPolls++ < ACK_POLLS) {
      setTimeout(refresh, ACK_POLL_MS);
    }
  }
  const time = iso => iso ? new Date(iso).toLocaleString('zh-CN', {hour12: false, timeZone: 'Asia/Shanghai'}) : '';
  function ack(d, requireAck) {
    if (d.ackedAt) return (d.ackedBy || '') + ' ' + time(d.ackedAt);
    return requireAck && !d.ackable ? '回执不可用' : '';
  }
  function renderTable(deliveries, requireAck) {
    const table = document.getElementById('deliveries');
    const header = table.rows[0];
    const rows = deliveries.map(d => {
      const tr = document.createElement('tr');
      [d.workGroup, d.door, d.chatId, d.state, String(d.attempts), time(d.sentAt), ack(d, requireAck),
        d.lastError || ''].forEach(text => {
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
