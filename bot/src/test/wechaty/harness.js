#!/usr/bin/env node
/**
 * Wechaty integration-test harness.
 *
 * Runs the real `PuppetServer` of wechaty-puppet-service (gRPC service `wechaty.Puppet`)
 * backed by a scripted `PuppetMock` world, plus a tiny HTTP control API that a Java test
 * uses to make contacts speak and to inspect what was said.  See README.md.
 *
 * Env:  WECHATY_PORT   gRPC port (0/absent: free port)      WECHATY_HOST  bind host (127.0.0.1)
 *       WECHATY_TOKEN  token (absent: insecure_<uuid>)       CONTROL_PORT  HTTP port (0/absent: free port)
 *       WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_SERVER        defaults to "true" (plain-text HTTP/2)
 *       LOGIN_ON_BOOT=true      start the puppet + log in at boot instead of on the first gRPC Start
 *       HEARTBEAT_MS=<n>        emit a puppet heartbeat event every n ms (default: off)
 *       EXIT_ON_STDIN_CLOSE=false  do not exit when stdin reaches EOF (default: exit)
 */
import http from 'node:http'
import crypto from 'node:crypto'

// stdout is reserved for the one-line JSON startup record: send all library logging to stderr.
console.info = console.log = console.debug = (...args) => console.error(...args)

process.env.WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_SERVER ??= 'true'

const { grpc } = await import('wechaty-grpc')
const { PuppetServer } = await import('wechaty-puppet-service')
const { PuppetMock, mock } = await import('wechaty-puppet-mock')
const PUPPET = await import('wechaty-puppet')

/* ------------------------------------------------------------------ mock world */

const SELF = { id: 'wxid_bot', name: '联络员' }
const CONTACTS = [
  { id: 'wxid_leader', name: '张三' },
  { id: 'wxid_member', name: '李四' },
  { id: 'wxid_other',  name: '王五' },
]
const OUTSIDER = { id: 'wxid_newcomer', name: '赵六' } // known contact, NOT in the room (for /join)
const ROOM = { id: 'room-bd1@chatroom', topic: '保定市第一组', ownerId: 'wxid_leader' }

const contactPayload = ({ id, name }) => ({
  id,
  name,
  alias     : undefined,
  avatar    : '',
  friend    : true,
  gender    : PUPPET.types.ContactGender.Unknown,
  type      : PUPPET.types.Contact.Individual,
  phone     : [],
  city      : '保定',
  province  : '河北',
  address   : '',
  signature : '',
  star      : false,
})

/**
 * PuppetMock, except that messageSendText returns the new message id and keeps mentionIdList
 * (stock PuppetMock returns nothing, so MessageSendTextResponse.id would be "", and drops mentions).
 * Like the stock mock, a sent message is echoed as a `message` event (talkerId = self).
 */
class HarnessPuppet extends PuppetMock {

  async messageSendText (conversationId, text, mentionIdList = []) {
    if (!this.isLoggedIn) throw new Error('not logged in')
    const base = {
      id        : 'msg-' + crypto.randomUUID(),
      talkerId  : this.currentUserId,
      text,
      timestamp : Date.now(),
      type      : PUPPET.types.Message.Text,
    }
    const payload = conversationId.includes('@')
      ? { ...base, roomId: this.mocker.RoomMock.load(conversationId).id, mentionIdList }
      : { ...base, listenerId: this.mocker.ContactMock.load(conversationId).id }
    this.mocker.MessageMock.create(payload)
    this.emit('message', { messageId: payload.id })
    return payload.id
  }

}

const mocker = new mock.Mocker()
const puppet = new HarnessPuppet({ mocker })

const self = mocker.createContact(contactPayload(SELF))
const contacts = Object.fromEntries([
  [SELF.id, self],
  ...[...CONTACTS, OUTSIDER].map(c => [c.id, mocker.createContact(contactPayload(c))]),
])
const room = mocker.createRoom({
  id           : ROOM.id,
  topic        : ROOM.topic,
  ownerId      : ROOM.ownerId,
  adminIdList  : [ROOM.ownerId],
  avatar       : '',
  memberIdList : [SELF.id, ...CONTACTS.map(c => c.id)],
})

/**
 * Mocker "environment": runs on every puppet start (i.e. on the gRPC `Start` call),
 * logs the bot in and then reports `ready`, like a real puppet after its initial sync.
 */
let heartbeatTimer
mocker.use(m => {
  m.login(self)
  const readyTimer = setTimeout(() => puppet.emit('ready', { data: 'ready' }), 200)
  const ms = Number(process.env.HEARTBEAT_MS || 0)
  if (ms > 0) heartbeatTimer = setInterval(() => puppet.emit('heartbeat', { data: 'harness heartbeat' }), ms)
  return () => { clearTimeout(readyTimer); clearInterval(heartbeatTimer) }
})

/* ------------------------------------------------------------------ message log */

const messages = [] // every message payload the puppet emitted, oldest first
const messageIds = new Set()
puppet.on('message', ({ messageId }) => {
  if (messageIds.has(messageId)) return // a replay
  messageIds.add(messageId)
  const p = mocker.messagePayload(messageId)
  messages.push({
    messageId,
    talkerId      : p.talkerId,
    roomId        : p.roomId || null,
    listenerId    : p.listenerId || null,
    text          : p.text ?? null,
    type          : p.type,
    mentionIdList : p.mentionIdList || [],
    timestamp     : p.timestamp,
    fromSelf      : p.talkerId === SELF.id,
  })
})

/* ------------------------------------------------------------------ gRPC server */

// Record every incoming RPC (name + credentials it carried): handy when debugging a new client.
const rpcLog = []
const origAddService = grpc.Server.prototype.addService
grpc.Server.prototype.addService = function (service, impl) {
  const wrapped = {}
  for (const [name, handler] of Object.entries(impl)) {
    wrapped[name] = function (call, callback) {
      const md = call.metadata
      rpcLog.push({ rpc: name, at: Date.now(), authorization: md?.get('authorization')[0] ?? null })
      console.error(`[harness] rpc ${name} authorization=${JSON.stringify(md?.get('authorization')[0] ?? null)}`)
      return handler.call(this, call, callback)
    }
  }
  return origAddService.call(this, service, wrapped)
}
// PuppetServer does not expose the bound port: capture it.
let grpcPort
const origBindAsync = grpc.Server.prototype.bindAsync
grpc.Server.prototype.bindAsync = function (address, creds, cb) {
  return origBindAsync.call(this, address, creds, (err, port) => { grpcPort = port; cb(err, port) })
}

const token = process.env.WECHATY_TOKEN || `insecure_${crypto.randomUUID()}`
const host = process.env.WECHATY_HOST || '127.0.0.1'
const puppetServer = new PuppetServer({
  endpoint : `${host}:${Number(process.env.WECHATY_PORT || 0)}`,
  puppet,
  token,
})
await puppetServer.start()

if (process.env.LOGIN_ON_BOOT === 'true') await puppet.start()

/* ------------------------------------------------------------------ control API */

const facts = () => ({
  grpcHost      : host,
  grpcPort,
  controlPort,
  token,
  selfId        : SELF.id,
  selfName      : SELF.name,
  roomId        : ROOM.id,
  roomTopic     : ROOM.topic,
  contactIds    : CONTACTS.map(c => c.id),
  contacts      : [...CONTACTS, OUTSIDER],
  tls           : process.env.WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_SERVER !== 'true',
})

class HttpError extends Error { constructor (status, msg) { super(msg); this.status = status } }
const contactOf = id => {
  if (!contacts[id]) throw new HttpError(404, `unknown contact ${id}`)
  return contacts[id]
}
const roomOf = id => {
  if (id !== ROOM.id) throw new HttpError(404, `unknown room ${id}`)
  return room
}
const needLogin = () => {
  if (!puppet.isLoggedIn) throw new HttpError(409, 'puppet not logged in yet (no gRPC Start so far?)')
}

// say().to() emits the `message` event synchronously: the new message is the last logged one.
const say = (from, text, mentionIds, conversation) => {
  const before = messages.length
  contactOf(from).say(text, mentionIds.map(contactOf)).to(conversation)
  if (messages.length !== before + 1) throw new Error('mock did not emit a message')
  return messages[messages.length - 1]
}

const routes = {
  'GET /health': () => ({
    status          : 'ok',
    ...facts(),
    puppetStarted   : puppet.state.active(),
    loggedIn        : puppet.isLoggedIn,
    rpcCount        : rpcLog.length,
  }),

  // {"from","room","text","mentionSelf","mentionIds"} ; without "room": private message to the bot
  'POST /say': (b) => {
    needLogin()
    if (typeof b.text !== 'string') throw new HttpError(400, '"text" (string) required')
    const mentionIds = [...(b.mentionIds || []), ...(b.mentionSelf ? [SELF.id] : [])]
    const msg = say(b.from, b.text, mentionIds, b.room ? roomOf(b.room) : self)
    return { messageId: msg.messageId, message: msg }
  },

  // re-emit the message event of an existing message (same id) -> duplicate EVENT_TYPE_MESSAGE
  'POST /replay': (b) => {
    if (!messageIds.has(b.messageId)) throw new HttpError(404, `unknown message ${b.messageId}`)
    puppet.emit('message', { messageId: b.messageId })
    return { replayed: b.messageId }
  },

  // {"room","contactIds":[..],"inviter"} -> room-join event
  'POST /join': (b) => {
    needLogin()
    roomOf(b.room).add(...b.contactIds.map(contactOf)).by(contactOf(b.inviter || ROOM.ownerId))
    return { memberIdList: room.payload.memberIdList }
  },
  // {"room","contactIds":[..],"remover"} -> room-leave event
  'POST /leave': (b) => {
    needLogin()
    roomOf(b.room).remove(...b.contactIds.map(contactOf)).by(contactOf(b.remover || ROOM.ownerId))
    return { memberIdList: room.payload.memberIdList }
  },
  // {"room","topic","changer"} -> room-topic event
  'POST /topic': (b) => {
    needLogin()
    roomOf(b.room).topic(b.topic).by(contactOf(b.changer || ROOM.ownerId))
    return { topic: room.payload.topic }
  },

  'GET /messages': () => ({ messages }),
  'GET /rpcs': () => ({ rpcs: rpcLog }),
}

const handle = async (req) => {
  const url = new URL(req.url, 'http://x')
  const m = url.pathname.match(/^\/room\/([^/]+)\/messages$/)
  if (req.method === 'GET' && m) {
    const roomId = decodeURIComponent(m[1])
    roomOf(roomId)
    return { roomId, messages: messages.filter(x => x.roomId === roomId) }
  }
  const route = routes[`${req.method} ${url.pathname}`]
  if (!route) throw new HttpError(404, `no route ${req.method} ${url.pathname}`)
  let body = {}
  if (req.method === 'POST') {
    let raw = ''
    for await (const chunk of req) raw += chunk
    try { body = raw ? JSON.parse(raw) : {} } catch { throw new HttpError(400, 'invalid JSON body') }
  }
  return route(body)
}

const httpServer = http.createServer((req, res) => {
  handle(req).then(
    result => [200, result],
    e => [e.status || 500, { error: e.message }],
  ).then(([status, obj]) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify(obj))
  })
})
await new Promise(resolve => httpServer.listen(Number(process.env.CONTROL_PORT || 0), host, resolve))
const controlPort = httpServer.address().port

process.stdout.write(JSON.stringify({ event: 'started', ...facts() }) + '\n')

/* ------------------------------------------------------------------ shutdown */

let stopping = false
const shutdown = async (why) => {
  if (stopping) return
  stopping = true
  console.error(`[harness] shutting down (${why})`)
  setTimeout(() => process.exit(0), 3000).unref() // never hang on a stuck client
  httpServer.close()
  httpServer.closeAllConnections?.()
  try { await puppetServer.stop() } catch (e) { console.error('[harness] server stop:', e.message) }
  try { if (puppet.state.active()) await puppet.stop() } catch (e) { console.error('[harness] puppet stop:', e.message) }
  process.exit(0)
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
if (process.env.EXIT_ON_STDIN_CLOSE !== 'false') {
  process.stdin.on('end', () => shutdown('stdin closed'))
  process.stdin.on('error', () => shutdown('stdin error'))
  process.stdin.resume()
}
