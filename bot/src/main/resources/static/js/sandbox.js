// 模拟群聊: pick a chat and a member, send, and poll the conversation so the bot's replies appear without reloading.
(function () {
  const chat = document.getElementById('chat');
  if (!chat) return;
  const member = document.getElementById('member');
  const conversation = document.getElementById('conversation');
  const inbox = document.getElementById('inbox');
  const text = document.getElementById('text');
  const send = document.getElementById('send');
  const csrfToken = document.querySelector('meta[name="_csrf"]')?.content;
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content;
  let shown = '';

  function people() {
    const raw = chat.selectedOptions[0]?.dataset.people || '';
    return raw ? raw.split(';').map(p => p.split('|')) : [];
  }

  function fillMembers() {
    member.innerHTML = '';
    for (const [userId, name, role] of people()) {
      const option = document.createElement('option');
      option.value = userId;
      option.dataset.name = name;
      option.textContent = name + '（' + role + '）';
      member.appendChild(option);
    }
    shown = '';
    refresh();
  }

  function time(iso) {
    const d = new Date(iso);
    return d.toLocaleString('zh-CN', {hour12: false, timeZone: 'Asia/Shanghai'});
  }

  function bubble(line) {
    const div = document.createElement('div');
    div.className = 'bubble ' + line.side + (line.side === 'member' && line.who === member.selectedOptions[0]?.dataset.name ? ' mine' : '');
    div.dataset.key = line.key;
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = line.who + ' · ' + time(line.at) + (line.side === 'member' ? ' · 归档为【' + line.type + '】' : '');
    const body = document.createElement('div');
    body.textContent = line.text;
    div.append(meta, body);
    return div;
  }

  async function refresh() {
    if (!chat.value) return;
    const response = await fetch('sandbox/conversation?chatId=' + encodeURIComponent(chat.value), {credentials: 'same-origin'});
    if (!response.ok) return;
    const lines = await response.json();
    const signature = chat.value + ':' + lines.map(l => l.key).join(',');
    if (signature !== shown) {
      shown = signature;
      conversation.replaceChildren(...lines.map(bubble));
      conversation.scrollTop = conversation.scrollHeight;
    }
    if (member.value) {
      const personal = await fetch('sandbox/inbox?userId=' + encodeURIComponent(member.value), {credentials: 'same-origin'});
      if (personal.ok) {
        const items = await personal.json();
        inbox.replaceChildren(...(items.length ? items.map(bubble) : [document.createTextNode('无')]));
      }
    }
  }

  async function say() {
    const words = text.value.trim();
    if (!words || !member.value) return;
    send.disabled = true;
    try {
      const headers = {'Content-Type': 'application/json'};
      if (csrfHeader) headers[csrfHeader] = csrfToken;
      const response = await fetch('sandbox/say', {
        method: 'POST', credentials: 'same-origin', headers,
        body: JSON.stringify({chatId: chat.value, userId: member.value, userName: member.selectedOptions[0].dataset.name, text: words})
      });
      if (response.ok) {
        text.value = '';
      } else {
        const error = await response.json().catch(() => ({message: '发送失败'}));
        alert(error.message || '发送失败');
      }
      await refresh();
    } finally {
      send.disabled = false;
      text.focus();
    }
  }

  chat.addEventListener('change', fillMembers);
  member.addEventListener('change', () => { shown = ''; refresh(); });
  send.addEventListener('click', say);
  text.addEventListener('keydown', e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) say(); });
  fillMembers();
  setInterval(refresh, 1500);
})();
