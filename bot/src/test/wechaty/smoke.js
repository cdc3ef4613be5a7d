#!/usr/bin/env node
/**
 * Smoke test: spawns harness.js and talks to it as a raw gRPC client (wechaty-grpc stubs),
 * the way a non-Node client (e.g. the Java bot) has to. Prints every event and payload it sees.
 *   node smoke.js            exit code 0 = all checks passed
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import assert from 'node:assert/strict'
import { grpc, puppet as pb } from 'wechaty-grpc'

const log = (...a) => console.log(...a)
const EVENT_NAME = Object.fromEntries(Object.entries(pb.EventType).map(([k, v]) => [v, k]))

/* ---- start the harness and read its startup line ---- */
const harness = spawn(process.execPath, [new URL('./harness.js', import.meta.url).pathname], {
  stdio: ['pipe', 'pipe', 'inherit'],
  env: { ...process.env, WECHATY_LOG: process.env.WECHATY_LOG || 'warn' },
})
const [line] = await once(createInterface({ input: harness.stdout }), 'line')
const facts = JSON.parse(line)
log('harness startup line:', line)

const control = async (method, path, body) => {
  const res = await fetch(`http://127.0.0.1:${facts.controlPort}${path}`, {
    method, body: body && JSON.stringify(body), headers: { 'content-type': 'application/json' },
  })
  const json = await res.json()
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(json)}`)
  return json
}

/* ---- gRPC client: plain text, token in `authorization: Wechaty <token>` metadata ---- */
const target = `127.0.0.1:${facts.grpcPort}`
const client = new pb.PuppetClient(target, grpc.credentials.createInsecure())
const auth = (token = facts.token) => { const m = new grpc.Metadata(); m.set('authorization', `Wechaty ${token}`); return m }
const unary = (method, req, md = auth()) => new Promise((resolve, reject) =>
  client[method](req, md, (err, resp) => err ? reject(err) : resolve(resp)))

/* ---- event stream: queue events, let the test wait for a matching one ---- */
const events = []
const waiters = []
const openEventStream = (cli = client) => {
  const stream = cli.event(new pb.EventRequest(), auth())
  stream.on('data', (resp) => {
    const ev = { type: resp.getType(), name: EVENT_NAME[resp.getType()], payload: JSON.parse(resp.getPayload()) }
    log(`  <- event ${ev.type} ${ev.name} ${resp.getPayload()}`)
    events.push(ev)
    waiters.slice().forEach(w => w.check())
  })
  stream.on('error', (e) => { if (e.code !== grpc.status.CANCELLED) log('  event stream error:', e.code, e.details) })
  return stream
}
const waitEvent = (pred, what, ms = 5000) => new Promise((resolve, reject) => {
  const w = {
    check () {
      const i = events.findIndex(pred)
      if (i < 0) return
      const [ev] = events.splice(i, 1)
      waiters.splice(waiters.indexOf(w), 1); clearTimeout(timer); resolve(ev)
    },
  }
  const timer = setTimeout(() => { waiters.splice(waiters.indexOf(w), 1); reject(new Error('timeout waiting for ' + what)) }, ms)
  waiters.push(w); w.check()
})
const isType = (t, extra = () => true) => ev => ev.type === t && extra(ev.payload)

const dumpMessagePayload = (r) => ({
  id: r.getId(), talkerId: r.getTalkerId(), roomId: r.getRoomId(), listenerId: r.getListenerId(),
  type: r.getType(), text: r.getText(), mentionIdsList: r.getMentionIdsList(), filename: r.getFilename(),
  timestampDeprecated: r.getTimestampDeprecated(),
  receiveTime: r.getReceiveTime() && { seconds: r.getReceiveTime().getSeconds(), nanos: r.getReceiveTime().getNanos() },
})

try {
  log('\n# 1. wrong token is rejected')
  await assert.rejects(unary('version', new pb.VersionRequest(), auth('insecure_wrong')), (e) => {
    log(`  Version with bad token -> code ${e.code} (${grpc.status[e.code]}): ${e.details}`)
    return e.code === grpc.status.UNAUTHENTICATED
  })
  await assert.rejects(unary('version', new pb.VersionRequest(), new grpc.Metadata()), (e) => {
    log(`  Version without metadata (authority is "${target}") -> code ${e.code}: ${e.details}`)
    return e.code === grpc.status.UNAUTHENTICATED
  })
  {
    // alternative: no metadata, token as :authority (what the official client does without TLS)
    const c2 = new pb.PuppetClient(target, grpc.credentials.createInsecure(), { 'grpc.default_authority': facts.token })
    const v = await new Promise((res, rej) => c2.version(new pb.VersionRequest(), (e, r) => e ? rej(e) : res(r)))
    log(`  Version with :authority=<token>, no metadata -> ok, version "${v.getVersion()}"`)
    c2.close()
  }

  log('\n# 2. startup: Event stream first, then Start')
  openEventStream()
  const hb = await waitEvent(isType(pb.EventType.EVENT_TYPE_HEARTBEAT), 'first heartbeat')
  log('  first event on the stream:', JSON.stringify(hb))
  await unary('start', new pb.StartRequest())
  log('  Start -> ok')
  const login = await waitEvent(isType(pb.EventType.EVENT_TYPE_LOGIN), 'login')
  assert.equal(login.payload.contactId, facts.selfId)
  await waitEvent(isType(pb.EventType.EVENT_TYPE_READY), 'ready')

  log('\n# 3. payloads of self / room / members')
  for (const id of [facts.selfId, 'wxid_member']) {
    const r = new pb.ContactPayloadRequest(); r.setId(id)
    log(`  ContactPayload(${id}):`, JSON.stringify((await unary('contactPayload', r)).toObject()))
  }
  { const r = new pb.RoomPayloadRequest(); r.setId(facts.roomId); log('  RoomPayload:', JSON.stringify((await unary('roomPayload', r)).toObject())) }
  { const r = new pb.RoomMemberListRequest(); r.setId(facts.roomId); log('  RoomMemberList:', JSON.stringify((await unary('roomMemberList', r)).toObject())) }
  { const r = new pb.RoomListRequest(); log('  RoomList:', JSON.stringify((await unary('roomList', r)).toObject())) }

  log('\n# 4. a contact says something in the room')
  const said = await control('POST', '/say', { from: 'wxid_member', room: facts.roomId, text: '日报 今日走访3户' })
  log('  POST /say ->', JSON.stringify(said))
  const msgEv = await waitEvent(isType(pb.EventType.EVENT_TYPE_MESSAGE, p => p.messageId === said.messageId), 'message event')
  log('  message event payload:', JSON.stringify(msgEv.payload))
  const mpReq = new pb.MessagePayloadRequest(); mpReq.setId(said.messageId)
  const mp = dumpMessagePayload(await unary('messagePayload', mpReq))
  log('  MessagePayload:', JSON.stringify(mp))
  assert.equal(mp.talkerId, 'wxid_member'); assert.equal(mp.roomId, facts.roomId); assert.equal(mp.text, '日报 今日走访3户')

  log('\n# 5. a contact @-mentions the bot')
  const said2 = await control('POST', '/say', { from: 'wxid_leader', room: facts.roomId, text: `@${facts.selfName}\u2005请汇总`, mentionSelf: true })
  await waitEvent(isType(pb.EventType.EVENT_TYPE_MESSAGE, p => p.messageId === said2.messageId), 'mention message event')
  mpReq.setId(said2.messageId)
  const mp2 = dumpMessagePayload(await unary('messagePayload', mpReq))
  log('  MessagePayload:', JSON.stringify(mp2))
  assert.deepEqual(mp2.mentionIdsList, [facts.selfId])

  log('\n# 6. private message contact -> bot')
  const said3 = await control('POST', '/say', { from: 'wxid_other', text: '你好' })
  await waitEvent(isType(pb.EventType.EVENT_TYPE_MESSAGE, p => p.messageId === said3.messageId), 'private message event')
  mpReq.setId(said3.messageId)
  log('  MessagePayload:', JSON.stringify(dumpMessagePayload(await unary('messagePayload', mpReq))))

  log('\n# 7. the bot sends text into the room (MessageSendText)')
  const st = new pb.MessageSendTextRequest()
  st.setConversationId(facts.roomId); st.setText('收到，李四的日报已登记'); st.setMentionalIdsList(['wxid_member'])
  const sent = await unary('messageSendText', st)
  log('  MessageSendText response:', JSON.stringify(sent.toObject()))
  const echo = await waitEvent(isType(pb.EventType.EVENT_TYPE_MESSAGE, p => p.messageId === sent.getId()), 'echo of own message')
  log('  echoed message event:', JSON.stringify(echo.payload))
  mpReq.setId(sent.getId())
  log('  MessagePayload(own):', JSON.stringify(dumpMessagePayload(await unary('messagePayload', mpReq))))
  const roomLog = await control('GET', `/room/${encodeURIComponent(facts.roomId)}/messages`)
  log('  GET /room/.../messages ->', JSON.stringify(roomLog, null, 1).replace(/\n\s*/g, ' '))
  const last = roomLog.messages.at(-1)
  assert.equal(last.messageId, sent.getId()); assert.equal(last.talkerId, facts.selfId); assert.equal(last.text, '收到，李四的日报已登记')

  log('\n# 8. replay (duplicate message event, same id)')
  log('  POST /replay ->', JSON.stringify(await control('POST', '/replay', { messageId: said.messageId })))
  await waitEvent(isType(pb.EventType.EVENT_TYPE_MESSAGE, p => p.messageId === said.messageId), 'replayed message event')
  assert.equal((await control('GET', `/room/${encodeURIComponent(facts.roomId)}/messages`)).messages.length, roomLog.messages.length)

  log('\n# 9. room membership / topic events')
  await control('POST', '/join', { room: facts.roomId, contactIds: ['wxid_newcomer'], inviter: 'wxid_leader' })
  await waitEvent(isType(pb.EventType.EVENT_TYPE_ROOM_JOIN), 'room-join')
  await control('POST', '/topic', { room: facts.roomId, topic: '保定市第一组(新)', changer: 'wxid_leader' })
  await waitEvent(isType(pb.EventType.EVENT_TYPE_ROOM_TOPIC), 'room-topic')
  await control('POST', '/leave', { room: facts.roomId, contactIds: ['wxid_newcomer'], remover: 'wxid_leader' })
  await waitEvent(isType(pb.EventType.EVENT_TYPE_ROOM_LEAVE), 'room-leave')

  log('\n# 10. a second Event stream while one is open')
  await new Promise((resolve) => {
    const s = client.event(new pb.EventRequest(), auth())
    s.on('data', () => {})
    s.on('error', (e) => { log(`  second Event call -> code ${e.code} (${grpc.status[e.code]}): ${e.details}`); resolve() })
    s.on('end', resolve)
  })

  log('\n# 11. Stop, then reconnect (new Event stream + Start) -> login again')
  await unary('stop', new pb.StopRequest())
  log('  Stop -> ok (server ends the event stream)')
  await new Promise(r => setTimeout(r, 300))
  openEventStream()
  await waitEvent(isType(pb.EventType.EVENT_TYPE_HEARTBEAT), 'heartbeat after reconnect')
  await unary('start', new pb.StartRequest())
  const login2 = await waitEvent(isType(pb.EventType.EVENT_TYPE_LOGIN), 'login after reconnect')
  log('  login after reconnect:', JSON.stringify(login2.payload))

  log('\n# 12. RPCs the harness saw, in order')
  log('  ' + (await control('GET', '/rpcs')).rpcs.map(r => r.rpc).join(', '))

  log('\n# 13. closing the harness stdin -> it exits')
  const t0 = Date.now()
  harness.stdin.end()
  const [code] = await once(harness, 'exit')
  log(`  harness exited with code ${code} after ${Date.now() - t0} ms`)
  assert.equal(code, 0)
  log('\nSMOKE OK')
  process.exit(0)
} catch (e) {
  console.error('SMOKE FAILED:', e)
  harness.kill('SIGTERM')
  process.exit(1)
}
