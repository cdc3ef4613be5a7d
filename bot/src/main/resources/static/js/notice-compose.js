// 新建推送: preview which chats the selection reaches, per door, as of the set time (now when none), before sending.
// Everything shown is put in as text: names from the directory and typed chat ids are never read as HTML.
(function () {
  const form = document.getElementById('compose');
  const reach = document.getElementById('reach');
  const csrfToken = document.querySelector('meta[name="_csrf"]')?.content;
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content;
  const selected = name => Array.from(form.elements[name].selectedOptions).map(o => o.value);
  const element = (tag, text, props) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    return Object.assign(e, props || {});
  };
  const warning = text => {
    const p = element('p', text);
    p.style.color = '#b42318';
    return p;
  };

  document.getElementById('preview').addEventListener('click', async () => {
    const targets = {
      all: form.elements.all.checked, cities: selected('cities'), units: selected('units'),
      kinds: selected('kinds'), rounds: selected('rounds'),
      chatIds: form.elements.chatIds.value.split(/[\s,，、]+/).filter(Boolean)
    };
    const sendAt = form.elements.sendAt.value;
    const headers = {'Content-Type': 'application/json'};
    if (csrfHeader) headers[csrfHeader] = csrfToken;
    const response = await fetch('preview' + (sendAt ? '?sendAt=' + encodeURIComponent(sendAt) : ''),
      {method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(targets)});
    const result = await response.json();
    if (!response.ok) {
      reach.replaceChildren(warning(result.message || '预览失败'));
      return;
    }
    const requireAck = form.elements.requireAck.checked;
    const doors = Object.entries(result.byDoor).map(([door, n]) => door + ' ' + n).join('，');
    const summary = element('p');
    summary.append('将送达 ', element('b', String(result.total), {id: 'reach-total'}), ' 个群'
      + (doors ? '（' + doors + '）' : '') + (sendAt ? '，按定时 ' + sendAt.replace('T', ' ') + ' 时的轮次计' : ''));
    const parts = [summary];
    if (requireAck && result.ackUnavailable) {
      parts.push(element('p', '回执不可用：其中 ' + result.ackUnavailable + ' 个群经应用群聊或群机器人Webhook送达，'
        + '群成员的回复到不了机器人，这些群不计回执，也不提醒。', {id: 'reach-ack-unavailable'}));
    }
    if (result.unknown.length) parts.push(warning('找不到：' + result.unknown.join('、')));
    if (result.unreachableGroups.length) {
      parts.push(element('p', '没有群聊、无法送达的工作组：' + result.unreachableGroups.join('、')));
    }
    const list = element('ol', undefined, {id: 'reach-chats'});
    list.style.maxHeight = '360px';
    list.style.overflowY = 'auto';
    result.chats.forEach(([group, door, chatId, ackable]) => list.appendChild(element('li',
      group + ' · ' + door + ' · ' + chatId + (requireAck && !ackable ? ' · 回执不可用' : ''))));
    parts.push(list);
    reach.replaceChildren(...parts);
  });
})();
