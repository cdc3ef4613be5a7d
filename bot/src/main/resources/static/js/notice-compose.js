// 新建推送: preview which chats the selection reaches, per door, before sending.
(function () {
  const form = document.getElementById('compose');
  const reach = document.getElementById('reach');
  const csrfToken = document.querySelector('meta[name="_csrf"]')?.content;
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content;
  const selected = name => Array.from(form.elements[name].selectedOptions).map(o => o.value);

  document.getElementById('preview').addEventListener('click', async () => {
    const targets = {
      all: form.elements.all.checked, cities: selected('cities'), units: selected('units'),
      kinds: selected('kinds'), rounds: selected('rounds'),
      chatIds: form.elements.chatIds.value.split(/[\s,，、]+/).filter(Boolean)
    };
    const headers = {'Content-Type': 'application/json'};
    if (csrfHeader) headers[csrfHeader] = csrfToken;
    const response = await fetch('preview', {method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(targets)});
    const result = await response.json();
    const doors = Object.entries(result.byDoor).map(([door, n]) => door + ' ' + n).join('，');
    let html = '将送达 <b id="reach-total">' + result.total + '</b> 个群' + (doors ? '（' + doors + '）' : '');
    if (result.unknown.length) html += '<br><span style="color:#b42318">找不到：' + result.unknown.join('、') + '</span>';
    if (result.unreachableGroups.length) html += '<br>没有群聊、无法送达的工作组：' + result.unreachableGroups.join('、');
    html += '<ul>' + result.chats.slice(0, 200).map(c => '<li>' + c[0] + ' · ' + c[1] + ' · ' + c[2] + '</li>').join('') + '</ul>';
    if (result.chats.length > 200) html += '……等 ' + result.chats.length + ' 个';
    reach.innerHTML = html;
  });
})();
