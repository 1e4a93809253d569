/******/ (() => { // webpackBootstrap
/******/ 	var __webpack_modules__ = ({

/***/ 1630:
/***/ ((__unused_webpack_module, exports) => {

"use strict";


exports.toString = function (klass) {
  switch (klass) {
    case 1: return 'IN'
    case 2: return 'CS'
    case 3: return 'CH'
    case 4: return 'HS'
    case 255: return 'ANY'
  }
  return 'UNKNOWN_' + klass
}

exports.toClass = function (name) {
  switch (name.toUpperCase()) {
    case 'IN': return 1
    case 'CS': return 2
    case 'CH': return 3
    case 'HS': return 4
    case 'ANY': return 255
  }
  return 0
}


/***/ }),

/***/ 4894:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";


const Buffer = (__nccwpck_require__(181).Buffer)
const types = __nccwpck_require__(1891)
const rcodes = __nccwpck_require__(2028)
const opcodes = __nccwpck_require__(4693)
const classes = __nccwpck_require__(1630)
const optioncodes = __nccwpck_require__(2075)
const ip = __nccwpck_require__(4550)

const QUERY_FLAG = 0
const RESPONSE_FLAG = 1 << 15
const FLUSH_MASK = 1 << 15
const NOT_FLUSH_MASK = ~FLUSH_MASK
const QU_MASK = 1 << 15
const NOT_QU_MASK = ~QU_MASK

const name = exports.name = {}

name.encode = function (str, buf, offset, { mail = false } = {}) {
  if (!buf) buf = Buffer.alloc(name.encodingLength(str))
  if (!offset) offset = 0
  const oldOffset = offset

  // strip leading and trailing .
  const n = str.replace(/^\.|\.$/gm, '')
  if (n.length) {
    let list = []
    if (mail) {
      let localPart = ''
      n.split('.').forEach(label => {
        if (label.endsWith('\\')) {
          localPart += (localPart.length ? '.' : '') + label.slice(0, -1)
        } else {
          if (list.length === 0 && localPart.length) {
            list.push(localPart + '.' + label)
          } else {
            list.push(label)
          }
        }
      })
    } else {
      list = n.split('.')
    }

    for (let i = 0; i < list.length; i++) {
      const len = buf.write(list[i], offset + 1)
      buf[offset] = len
      offset += len + 1
    }
  }

  buf[offset++] = 0

  name.encode.bytes = offset - oldOffset
  return buf
}

name.encode.bytes = 0

name.decode = function (buf, offset, { mail = false } = {}) {
  if (!offset) offset = 0

  const list = []
  let oldOffset = offset
  let totalLength = 0
  let consumedBytes = 0
  let jumped = false

  while (true) {
    if (offset >= buf.length) {
      throw new Error('Cannot decode name (buffer overflow)')
    }
    const len = buf[offset++]
    consumedBytes += jumped ? 0 : 1

    if (len === 0) {
      break
    } else if ((len & 0xc0) === 0) {
      if (offset + len > buf.length) {
        throw new Error('Cannot decode name (buffer overflow)')
      }
      totalLength += len + 1
      if (totalLength > 254) {
        throw new Error('Cannot decode name (name too long)')
      }
      let label = buf.toString('utf-8', offset, offset + len)
      if (mail) {
        label = label.replace(/\./g, '\\.')
      }
      list.push(label)
      offset += len
      consumedBytes += jumped ? 0 : len
    } else if ((len & 0xc0) === 0xc0) {
      if (offset + 1 > buf.length) {
        throw new Error('Cannot decode name (buffer overflow)')
      }
      const jumpOffset = buf.readUInt16BE(offset - 1) - 0xc000
      if (jumpOffset >= oldOffset) {
        // Allow only pointers to prior data. RFC 1035, section 4.1.4 states:
        // "[...] an entire domain name or a list of labels at the end of a domain name
        // is replaced with a pointer to a prior occurance (sic) of the same name."
        throw new Error('Cannot decode name (bad pointer)')
      }
      offset = jumpOffset
      oldOffset = jumpOffset
      consumedBytes += jumped ? 0 : 1
      jumped = true
    } else {
      throw new Error('Cannot decode name (bad label)')
    }
  }

  name.decode.bytes = consumedBytes
  return list.length === 0 ? '.' : list.join('.')
}

name.decode.bytes = 0

name.encodingLength = function (n) {
  if (n === '.' || n === '..') return 1
  return Buffer.byteLength(n.replace(/^\.|\.$/gm, '')) + 2
}

const string = {}

string.encode = function (s, buf, offset) {
  if (!buf) buf = Buffer.alloc(string.encodingLength(s))
  if (!offset) offset = 0

  const len = buf.write(s, offset + 1)
  buf[offset] = len
  string.encode.bytes = len + 1
  return buf
}

string.encode.bytes = 0

string.decode = function (buf, offset) {
  if (!offset) offset = 0

  const len = buf[offset]
  const s = buf.toString('utf-8', offset + 1, offset + 1 + len)
  string.decode.bytes = len + 1
  return s
}

string.decode.bytes = 0

string.encodingLength = function (s) {
  return Buffer.byteLength(s) + 1
}

const header = {}

header.encode = function (h, buf, offset) {
  if (!buf) buf = header.encodingLength(h)
  if (!offset) offset = 0

  const flags = (h.flags || 0) & 32767
  const type = h.type === 'response' ? RESPONSE_FLAG : QUERY_FLAG

  buf.writeUInt16BE(h.id || 0, offset)
  buf.writeUInt16BE(flags | type, offset + 2)
  buf.writeUInt16BE(h.questions.length, offset + 4)
  buf.writeUInt16BE(h.answers.length, offset + 6)
  buf.writeUInt16BE(h.authorities.length, offset + 8)
  buf.writeUInt16BE(h.additionals.length, offset + 10)

  return buf
}

header.encode.bytes = 12

header.decode = function (buf, offset) {
  if (!offset) offset = 0
  if (buf.length < 12) throw new Error('Header must be 12 bytes')
  const flags = buf.readUInt16BE(offset + 2)

  return {
    id: buf.readUInt16BE(offset),
    type: flags & RESPONSE_FLAG ? 'response' : 'query',
    flags: flags & 32767,
    flag_qr: ((flags >> 15) & 0x1) === 1,
    opcode: opcodes.toString((flags >> 11) & 0xf),
    flag_aa: ((flags >> 10) & 0x1) === 1,
    flag_tc: ((flags >> 9) & 0x1) === 1,
    flag_rd: ((flags >> 8) & 0x1) === 1,
    flag_ra: ((flags >> 7) & 0x1) === 1,
    flag_z: ((flags >> 6) & 0x1) === 1,
    flag_ad: ((flags >> 5) & 0x1) === 1,
    flag_cd: ((flags >> 4) & 0x1) === 1,
    rcode: rcodes.toString(flags & 0xf),
    questions: new Array(buf.readUInt16BE(offset + 4)),
    answers: new Array(buf.readUInt16BE(offset + 6)),
    authorities: new Array(buf.readUInt16BE(offset + 8)),
    additionals: new Array(buf.readUInt16BE(offset + 10))
  }
}

header.decode.bytes = 12

header.encodingLength = function () {
  return 12
}

const runknown = exports.unknown = {}

runknown.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(runknown.encodingLength(data))
  if (!offset) offset = 0

  buf.writeUInt16BE(data.length, offset)
  data.copy(buf, offset + 2)

  runknown.encode.bytes = data.length + 2
  return buf
}

runknown.encode.bytes = 0

runknown.decode = function (buf, offset) {
  if (!offset) offset = 0

  const len = buf.readUInt16BE(offset)
  const data = buf.slice(offset + 2, offset + 2 + len)
  runknown.decode.bytes = len + 2
  return data
}

runknown.decode.bytes = 0

runknown.encodingLength = function (data) {
  return data.length + 2
}

const rns = exports.ns = {}

rns.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rns.encodingLength(data))
  if (!offset) offset = 0

  name.encode(data, buf, offset + 2)
  buf.writeUInt16BE(name.encode.bytes, offset)
  rns.encode.bytes = name.encode.bytes + 2
  return buf
}

rns.encode.bytes = 0

rns.decode = function (buf, offset) {
  if (!offset) offset = 0

  const len = buf.readUInt16BE(offset)
  const dd = name.decode(buf, offset + 2)

  rns.decode.bytes = len + 2
  return dd
}

rns.decode.bytes = 0

rns.encodingLength = function (data) {
  return name.encodingLength(data) + 2
}

const rsoa = exports.soa = {}

rsoa.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rsoa.encodingLength(data))
  if (!offset) offset = 0

  const oldOffset = offset
  offset += 2
  name.encode(data.mname, buf, offset)
  offset += name.encode.bytes
  name.encode(data.rname, buf, offset, { mail: true })
  offset += name.encode.bytes
  buf.writeUInt32BE(data.serial || 0, offset)
  offset += 4
  buf.writeUInt32BE(data.refresh || 0, offset)
  offset += 4
  buf.writeUInt32BE(data.retry || 0, offset)
  offset += 4
  buf.writeUInt32BE(data.expire || 0, offset)
  offset += 4
  buf.writeUInt32BE(data.minimum || 0, offset)
  offset += 4

  buf.writeUInt16BE(offset - oldOffset - 2, oldOffset)
  rsoa.encode.bytes = offset - oldOffset
  return buf
}

rsoa.encode.bytes = 0

rsoa.decode = function (buf, offset) {
  if (!offset) offset = 0

  const oldOffset = offset

  const data = {}
  offset += 2
  data.mname = name.decode(buf, offset)
  offset += name.decode.bytes
  data.rname = name.decode(buf, offset, { mail: true })
  offset += name.decode.bytes
  data.serial = buf.readUInt32BE(offset)
  offset += 4
  data.refresh = buf.readUInt32BE(offset)
  offset += 4
  data.retry = buf.readUInt32BE(offset)
  offset += 4
  data.expire = buf.readUInt32BE(offset)
  offset += 4
  data.minimum = buf.readUInt32BE(offset)
  offset += 4

  rsoa.decode.bytes = offset - oldOffset
  return data
}

rsoa.decode.bytes = 0

rsoa.encodingLength = function (data) {
  return 22 + name.encodingLength(data.mname) + name.encodingLength(data.rname)
}

const rtxt = exports.txt = {}

rtxt.encode = function (data, buf, offset) {
  if (!Array.isArray(data)) data = [data]
  for (let i = 0; i < data.length; i++) {
    if (typeof data[i] === 'string') {
      data[i] = Buffer.from(data[i])
    }
    if (!Buffer.isBuffer(data[i])) {
      throw new Error('Must be a Buffer')
    }
  }

  if (!buf) buf = Buffer.alloc(rtxt.encodingLength(data))
  if (!offset) offset = 0

  const oldOffset = offset
  offset += 2

  data.forEach(function (d) {
    buf[offset++] = d.length
    d.copy(buf, offset, 0, d.length)
    offset += d.length
  })

  buf.writeUInt16BE(offset - oldOffset - 2, oldOffset)
  rtxt.encode.bytes = offset - oldOffset
  return buf
}

rtxt.encode.bytes = 0

rtxt.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset
  let remaining = buf.readUInt16BE(offset)
  offset += 2

  let data = []
  while (remaining > 0) {
    const len = buf[offset++]
    --remaining
    if (remaining < len) {
      throw new Error('Buffer overflow')
    }
    data.push(buf.slice(offset, offset + len))
    offset += len
    remaining -= len
  }

  rtxt.decode.bytes = offset - oldOffset
  return data
}

rtxt.decode.bytes = 0

rtxt.encodingLength = function (data) {
  if (!Array.isArray(data)) data = [data]
  let length = 2
  data.forEach(function (buf) {
    if (typeof buf === 'string') {
      length += Buffer.byteLength(buf) + 1
    } else {
      length += buf.length + 1
    }
  })
  return length
}

const rnull = exports["null"] = {}

rnull.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rnull.encodingLength(data))
  if (!offset) offset = 0

  if (typeof data === 'string') data = Buffer.from(data)
  if (!data) data = Buffer.alloc(0)

  const oldOffset = offset
  offset += 2

  const len = data.length
  data.copy(buf, offset, 0, len)
  offset += len

  buf.writeUInt16BE(offset - oldOffset - 2, oldOffset)
  rnull.encode.bytes = offset - oldOffset
  return buf
}

rnull.encode.bytes = 0

rnull.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset
  const len = buf.readUInt16BE(offset)

  offset += 2

  const data = buf.slice(offset, offset + len)
  offset += len

  rnull.decode.bytes = offset - oldOffset
  return data
}

rnull.decode.bytes = 0

rnull.encodingLength = function (data) {
  if (!data) return 2
  return (Buffer.isBuffer(data) ? data.length : Buffer.byteLength(data)) + 2
}

const rhinfo = exports.hinfo = {}

rhinfo.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rhinfo.encodingLength(data))
  if (!offset) offset = 0

  const oldOffset = offset
  offset += 2
  string.encode(data.cpu, buf, offset)
  offset += string.encode.bytes
  string.encode(data.os, buf, offset)
  offset += string.encode.bytes
  buf.writeUInt16BE(offset - oldOffset - 2, oldOffset)
  rhinfo.encode.bytes = offset - oldOffset
  return buf
}

rhinfo.encode.bytes = 0

rhinfo.decode = function (buf, offset) {
  if (!offset) offset = 0

  const oldOffset = offset

  const data = {}
  offset += 2
  data.cpu = string.decode(buf, offset)
  offset += string.decode.bytes
  data.os = string.decode(buf, offset)
  offset += string.decode.bytes
  rhinfo.decode.bytes = offset - oldOffset
  return data
}

rhinfo.decode.bytes = 0

rhinfo.encodingLength = function (data) {
  return string.encodingLength(data.cpu) + string.encodingLength(data.os) + 2
}

const rptr = exports.ptr = {}
const rcname = exports.cname = rptr
const rdname = exports.dname = rptr

rptr.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rptr.encodingLength(data))
  if (!offset) offset = 0

  name.encode(data, buf, offset + 2)
  buf.writeUInt16BE(name.encode.bytes, offset)
  rptr.encode.bytes = name.encode.bytes + 2
  return buf
}

rptr.encode.bytes = 0

rptr.decode = function (buf, offset) {
  if (!offset) offset = 0

  const data = name.decode(buf, offset + 2)
  rptr.decode.bytes = name.decode.bytes + 2
  return data
}

rptr.decode.bytes = 0

rptr.encodingLength = function (data) {
  return name.encodingLength(data) + 2
}

const rsrv = exports.srv = {}

rsrv.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rsrv.encodingLength(data))
  if (!offset) offset = 0

  buf.writeUInt16BE(data.priority || 0, offset + 2)
  buf.writeUInt16BE(data.weight || 0, offset + 4)
  buf.writeUInt16BE(data.port || 0, offset + 6)
  name.encode(data.target, buf, offset + 8)

  const len = name.encode.bytes + 6
  buf.writeUInt16BE(len, offset)

  rsrv.encode.bytes = len + 2
  return buf
}

rsrv.encode.bytes = 0

rsrv.decode = function (buf, offset) {
  if (!offset) offset = 0

  const len = buf.readUInt16BE(offset)

  const data = {}
  data.priority = buf.readUInt16BE(offset + 2)
  data.weight = buf.readUInt16BE(offset + 4)
  data.port = buf.readUInt16BE(offset + 6)
  data.target = name.decode(buf, offset + 8)

  rsrv.decode.bytes = len + 2
  return data
}

rsrv.decode.bytes = 0

rsrv.encodingLength = function (data) {
  return 8 + name.encodingLength(data.target)
}

const rcaa = exports.caa = {}

rcaa.ISSUER_CRITICAL = 1 << 7

rcaa.encode = function (data, buf, offset) {
  const len = rcaa.encodingLength(data)

  if (!buf) buf = Buffer.alloc(rcaa.encodingLength(data))
  if (!offset) offset = 0

  if (data.issuerCritical) {
    data.flags = rcaa.ISSUER_CRITICAL
  }

  buf.writeUInt16BE(len - 2, offset)
  offset += 2
  buf.writeUInt8(data.flags || 0, offset)
  offset += 1
  string.encode(data.tag, buf, offset)
  offset += string.encode.bytes
  buf.write(data.value, offset)
  offset += Buffer.byteLength(data.value)

  rcaa.encode.bytes = len
  return buf
}

rcaa.encode.bytes = 0

rcaa.decode = function (buf, offset) {
  if (!offset) offset = 0

  const len = buf.readUInt16BE(offset)
  offset += 2

  const oldOffset = offset
  const data = {}
  data.flags = buf.readUInt8(offset)
  offset += 1
  data.tag = string.decode(buf, offset)
  offset += string.decode.bytes
  data.value = buf.toString('utf-8', offset, oldOffset + len)

  data.issuerCritical = !!(data.flags & rcaa.ISSUER_CRITICAL)

  rcaa.decode.bytes = len + 2

  return data
}

rcaa.decode.bytes = 0

rcaa.encodingLength = function (data) {
  return string.encodingLength(data.tag) + string.encodingLength(data.value) + 2
}

const rmx = exports.mx = {}

rmx.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rmx.encodingLength(data))
  if (!offset) offset = 0

  const oldOffset = offset
  offset += 2
  buf.writeUInt16BE(data.preference || 0, offset)
  offset += 2
  name.encode(data.exchange, buf, offset)
  offset += name.encode.bytes

  buf.writeUInt16BE(offset - oldOffset - 2, oldOffset)
  rmx.encode.bytes = offset - oldOffset
  return buf
}

rmx.encode.bytes = 0

rmx.decode = function (buf, offset) {
  if (!offset) offset = 0

  const oldOffset = offset

  const data = {}
  offset += 2
  data.preference = buf.readUInt16BE(offset)
  offset += 2
  data.exchange = name.decode(buf, offset)
  offset += name.decode.bytes

  rmx.decode.bytes = offset - oldOffset
  return data
}

rmx.encodingLength = function (data) {
  return 4 + name.encodingLength(data.exchange)
}

const ra = exports.a = {}

ra.encode = function (host, buf, offset) {
  if (!buf) buf = Buffer.alloc(ra.encodingLength(host))
  if (!offset) offset = 0

  buf.writeUInt16BE(4, offset)
  offset += 2
  ip.v4.encode(host, buf, offset)
  ra.encode.bytes = 6
  return buf
}

ra.encode.bytes = 0

ra.decode = function (buf, offset) {
  if (!offset) offset = 0

  offset += 2
  const host = ip.v4.decode(buf, offset)
  ra.decode.bytes = 6
  return host
}

ra.decode.bytes = 0

ra.encodingLength = function () {
  return 6
}

const raaaa = exports.aaaa = {}

raaaa.encode = function (host, buf, offset) {
  if (!buf) buf = Buffer.alloc(raaaa.encodingLength(host))
  if (!offset) offset = 0

  buf.writeUInt16BE(16, offset)
  offset += 2
  ip.v6.encode(host, buf, offset)
  raaaa.encode.bytes = 18
  return buf
}

raaaa.encode.bytes = 0

raaaa.decode = function (buf, offset) {
  if (!offset) offset = 0

  offset += 2
  const host = ip.v6.decode(buf, offset)
  raaaa.decode.bytes = 18
  return host
}

raaaa.decode.bytes = 0

raaaa.encodingLength = function () {
  return 18
}

const roption = exports.option = {}

roption.encode = function (option, buf, offset) {
  if (!buf) buf = Buffer.alloc(roption.encodingLength(option))
  if (!offset) offset = 0
  const oldOffset = offset

  const code = optioncodes.toCode(option.code)
  buf.writeUInt16BE(code, offset)
  offset += 2
  if (option.data) {
    buf.writeUInt16BE(option.data.length, offset)
    offset += 2
    option.data.copy(buf, offset)
    offset += option.data.length
  } else {
    switch (code) {
      // case 3: NSID.  No encode makes sense.
      // case 5,6,7: Not implementable
      case 8: // ECS
        // note: do IP math before calling
        const spl = option.sourcePrefixLength || 0
        const fam = option.family || ip.familyOf(option.ip)
        const ipBuf = ip.encode(option.ip, Buffer.alloc)
        const ipLen = Math.ceil(spl / 8)
        buf.writeUInt16BE(ipLen + 4, offset)
        offset += 2
        buf.writeUInt16BE(fam, offset)
        offset += 2
        buf.writeUInt8(spl, offset++)
        buf.writeUInt8(option.scopePrefixLength || 0, offset++)

        ipBuf.copy(buf, offset, 0, ipLen)
        offset += ipLen
        break
      // case 9: EXPIRE (experimental)
      // case 10: COOKIE.  No encode makes sense.
      case 11: // KEEP-ALIVE
        if (option.timeout) {
          buf.writeUInt16BE(2, offset)
          offset += 2
          buf.writeUInt16BE(option.timeout, offset)
          offset += 2
        } else {
          buf.writeUInt16BE(0, offset)
          offset += 2
        }
        break
      case 12: // PADDING
        const len = option.length || 0
        buf.writeUInt16BE(len, offset)
        offset += 2
        buf.fill(0, offset, offset + len)
        offset += len
        break
      // case 13:  CHAIN.  Experimental.
      case 14: // KEY-TAG
        const tagsLen = option.tags.length * 2
        buf.writeUInt16BE(tagsLen, offset)
        offset += 2
        for (const tag of option.tags) {
          buf.writeUInt16BE(tag, offset)
          offset += 2
        }
        break
      default:
        throw new Error(`Unknown roption code: ${option.code}`)
    }
  }

  roption.encode.bytes = offset - oldOffset
  return buf
}

roption.encode.bytes = 0

roption.decode = function (buf, offset) {
  if (!offset) offset = 0
  const option = {}
  option.code = buf.readUInt16BE(offset)
  option.type = optioncodes.toString(option.code)
  offset += 2
  const len = buf.readUInt16BE(offset)
  offset += 2
  option.data = buf.slice(offset, offset + len)
  switch (option.code) {
    // case 3: NSID.  No decode makes sense.
    case 8: // ECS
      option.family = buf.readUInt16BE(offset)
      offset += 2
      option.sourcePrefixLength = buf.readUInt8(offset++)
      option.scopePrefixLength = buf.readUInt8(offset++)
      const padded = Buffer.alloc((option.family === 1) ? 4 : 16)
      buf.copy(padded, 0, offset, offset + len - 4)
      option.ip = ip.decode(padded)
      break
    // case 12: Padding.  No decode makes sense.
    case 11: // KEEP-ALIVE
      if (len > 0) {
        option.timeout = buf.readUInt16BE(offset)
        offset += 2
      }
      break
    case 14:
      option.tags = []
      for (let i = 0; i < len; i += 2) {
        option.tags.push(buf.readUInt16BE(offset))
        offset += 2
      }
    // don't worry about default.  caller will use data if desired
  }

  roption.decode.bytes = len + 4
  return option
}

roption.decode.bytes = 0

roption.encodingLength = function (option) {
  if (option.data) {
    return option.data.length + 4
  }
  const code = optioncodes.toCode(option.code)
  switch (code) {
    case 8: // ECS
      const spl = option.sourcePrefixLength || 0
      return Math.ceil(spl / 8) + 8
    case 11: // KEEP-ALIVE
      return (typeof option.timeout === 'number') ? 6 : 4
    case 12: // PADDING
      return option.length + 4
    case 14: // KEY-TAG
      return 4 + (option.tags.length * 2)
  }
  throw new Error(`Unknown roption code: ${option.code}`)
}

const ropt = exports.opt = {}

ropt.encode = function (options, buf, offset) {
  if (!buf) buf = Buffer.alloc(ropt.encodingLength(options))
  if (!offset) offset = 0
  const oldOffset = offset

  const rdlen = encodingLengthList(options, roption)
  buf.writeUInt16BE(rdlen, offset)
  offset = encodeList(options, roption, buf, offset + 2)

  ropt.encode.bytes = offset - oldOffset
  return buf
}

ropt.encode.bytes = 0

ropt.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  const options = []
  let rdlen = buf.readUInt16BE(offset)
  offset += 2
  let o = 0
  while (rdlen > 0) {
    options[o++] = roption.decode(buf, offset)
    offset += roption.decode.bytes
    rdlen -= roption.decode.bytes
  }
  ropt.decode.bytes = offset - oldOffset
  return options
}

ropt.decode.bytes = 0

ropt.encodingLength = function (options) {
  return 2 + encodingLengthList(options || [], roption)
}

const rdnskey = exports.dnskey = {}

rdnskey.PROTOCOL_DNSSEC = 3
rdnskey.ZONE_KEY = 0x80
rdnskey.SECURE_ENTRYPOINT = 0x8000

rdnskey.encode = function (key, buf, offset) {
  if (!buf) buf = Buffer.alloc(rdnskey.encodingLength(key))
  if (!offset) offset = 0
  const oldOffset = offset

  const keydata = key.key
  if (!Buffer.isBuffer(keydata)) {
    throw new Error('Key must be a Buffer')
  }

  offset += 2 // Leave space for length
  buf.writeUInt16BE(key.flags, offset)
  offset += 2
  buf.writeUInt8(rdnskey.PROTOCOL_DNSSEC, offset)
  offset += 1
  buf.writeUInt8(key.algorithm, offset)
  offset += 1
  keydata.copy(buf, offset, 0, keydata.length)
  offset += keydata.length

  rdnskey.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rdnskey.encode.bytes - 2, oldOffset)
  return buf
}

rdnskey.encode.bytes = 0

rdnskey.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  var key = {}
  var length = buf.readUInt16BE(offset)
  offset += 2
  key.flags = buf.readUInt16BE(offset)
  offset += 2
  if (buf.readUInt8(offset) !== rdnskey.PROTOCOL_DNSSEC) {
    throw new Error('Protocol must be 3')
  }
  offset += 1
  key.algorithm = buf.readUInt8(offset)
  offset += 1
  key.key = buf.slice(offset, oldOffset + length + 2)
  offset += key.key.length
  rdnskey.decode.bytes = offset - oldOffset
  return key
}

rdnskey.decode.bytes = 0

rdnskey.encodingLength = function (key) {
  return 6 + Buffer.byteLength(key.key)
}

const rrrsig = exports.rrsig = {}

rrrsig.encode = function (sig, buf, offset) {
  if (!buf) buf = Buffer.alloc(rrrsig.encodingLength(sig))
  if (!offset) offset = 0
  const oldOffset = offset

  const signature = sig.signature
  if (!Buffer.isBuffer(signature)) {
    throw new Error('Signature must be a Buffer')
  }

  offset += 2 // Leave space for length
  buf.writeUInt16BE(types.toType(sig.typeCovered), offset)
  offset += 2
  buf.writeUInt8(sig.algorithm, offset)
  offset += 1
  buf.writeUInt8(sig.labels, offset)
  offset += 1
  buf.writeUInt32BE(sig.originalTTL, offset)
  offset += 4
  buf.writeUInt32BE(sig.expiration, offset)
  offset += 4
  buf.writeUInt32BE(sig.inception, offset)
  offset += 4
  buf.writeUInt16BE(sig.keyTag, offset)
  offset += 2
  name.encode(sig.signersName, buf, offset)
  offset += name.encode.bytes
  signature.copy(buf, offset, 0, signature.length)
  offset += signature.length

  rrrsig.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rrrsig.encode.bytes - 2, oldOffset)
  return buf
}

rrrsig.encode.bytes = 0

rrrsig.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  var sig = {}
  var length = buf.readUInt16BE(offset)
  offset += 2
  sig.typeCovered = types.toString(buf.readUInt16BE(offset))
  offset += 2
  sig.algorithm = buf.readUInt8(offset)
  offset += 1
  sig.labels = buf.readUInt8(offset)
  offset += 1
  sig.originalTTL = buf.readUInt32BE(offset)
  offset += 4
  sig.expiration = buf.readUInt32BE(offset)
  offset += 4
  sig.inception = buf.readUInt32BE(offset)
  offset += 4
  sig.keyTag = buf.readUInt16BE(offset)
  offset += 2
  sig.signersName = name.decode(buf, offset)
  offset += name.decode.bytes
  sig.signature = buf.slice(offset, oldOffset + length + 2)
  offset += sig.signature.length
  rrrsig.decode.bytes = offset - oldOffset
  return sig
}

rrrsig.decode.bytes = 0

rrrsig.encodingLength = function (sig) {
  return 20 +
    name.encodingLength(sig.signersName) +
    Buffer.byteLength(sig.signature)
}

const rrp = exports.rp = {}

rrp.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rrp.encodingLength(data))
  if (!offset) offset = 0
  const oldOffset = offset

  offset += 2 // Leave space for length
  name.encode(data.mbox || '.', buf, offset, { mail: true })
  offset += name.encode.bytes
  name.encode(data.txt || '.', buf, offset)
  offset += name.encode.bytes
  rrp.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rrp.encode.bytes - 2, oldOffset)
  return buf
}

rrp.encode.bytes = 0

rrp.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  const data = {}
  offset += 2
  data.mbox = name.decode(buf, offset, { mail: true }) || '.'
  offset += name.decode.bytes
  data.txt = name.decode(buf, offset) || '.'
  offset += name.decode.bytes
  rrp.decode.bytes = offset - oldOffset
  return data
}

rrp.decode.bytes = 0

rrp.encodingLength = function (data) {
  return 2 + name.encodingLength(data.mbox || '.') + name.encodingLength(data.txt || '.')
}

const typebitmap = {}

typebitmap.encode = function (typelist, buf, offset) {
  if (!buf) buf = Buffer.alloc(typebitmap.encodingLength(typelist))
  if (!offset) offset = 0
  const oldOffset = offset

  var typesByWindow = []
  for (var i = 0; i < typelist.length; i++) {
    var typeid = types.toType(typelist[i])
    if (typesByWindow[typeid >> 8] === undefined) {
      typesByWindow[typeid >> 8] = []
    }
    typesByWindow[typeid >> 8][(typeid >> 3) & 0x1F] |= 1 << (7 - (typeid & 0x7))
  }

  for (i = 0; i < typesByWindow.length; i++) {
    if (typesByWindow[i] !== undefined) {
      var windowBuf = Buffer.from(typesByWindow[i])
      buf.writeUInt8(i, offset)
      offset += 1
      buf.writeUInt8(windowBuf.length, offset)
      offset += 1
      windowBuf.copy(buf, offset)
      offset += windowBuf.length
    }
  }

  typebitmap.encode.bytes = offset - oldOffset
  return buf
}

typebitmap.encode.bytes = 0

typebitmap.decode = function (buf, offset, length) {
  if (!offset) offset = 0
  const oldOffset = offset

  var typelist = []
  while (offset - oldOffset < length) {
    var window = buf.readUInt8(offset)
    offset += 1
    var windowLength = buf.readUInt8(offset)
    offset += 1
    for (var i = 0; i < windowLength; i++) {
      var b = buf.readUInt8(offset + i)
      for (var j = 0; j < 8; j++) {
        if (b & (1 << (7 - j))) {
          var typeid = types.toString((window << 8) | (i << 3) | j)
          typelist.push(typeid)
        }
      }
    }
    offset += windowLength
  }

  typebitmap.decode.bytes = offset - oldOffset
  return typelist
}

typebitmap.decode.bytes = 0

typebitmap.encodingLength = function (typelist) {
  var extents = []
  for (var i = 0; i < typelist.length; i++) {
    var typeid = types.toType(typelist[i])
    extents[typeid >> 8] = Math.max(extents[typeid >> 8] || 0, typeid & 0xFF)
  }

  var len = 0
  for (i = 0; i < extents.length; i++) {
    if (extents[i] !== undefined) {
      len += 2 + Math.ceil((extents[i] + 1) / 8)
    }
  }

  return len
}

const rnsec = exports.nsec = {}

rnsec.encode = function (record, buf, offset) {
  if (!buf) buf = Buffer.alloc(rnsec.encodingLength(record))
  if (!offset) offset = 0
  const oldOffset = offset

  offset += 2 // Leave space for length
  name.encode(record.nextDomain, buf, offset)
  offset += name.encode.bytes
  typebitmap.encode(record.rrtypes, buf, offset)
  offset += typebitmap.encode.bytes

  rnsec.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rnsec.encode.bytes - 2, oldOffset)
  return buf
}

rnsec.encode.bytes = 0

rnsec.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  var record = {}
  var length = buf.readUInt16BE(offset)
  offset += 2
  record.nextDomain = name.decode(buf, offset)
  offset += name.decode.bytes
  record.rrtypes = typebitmap.decode(buf, offset, length - (offset - oldOffset))
  offset += typebitmap.decode.bytes

  rnsec.decode.bytes = offset - oldOffset
  return record
}

rnsec.decode.bytes = 0

rnsec.encodingLength = function (record) {
  return 2 +
    name.encodingLength(record.nextDomain) +
    typebitmap.encodingLength(record.rrtypes)
}

const rnsec3 = exports.nsec3 = {}

rnsec3.encode = function (record, buf, offset) {
  if (!buf) buf = Buffer.alloc(rnsec3.encodingLength(record))
  if (!offset) offset = 0
  const oldOffset = offset

  const salt = record.salt
  if (!Buffer.isBuffer(salt)) {
    throw new Error('salt must be a Buffer')
  }

  const nextDomain = record.nextDomain
  if (!Buffer.isBuffer(nextDomain)) {
    throw new Error('nextDomain must be a Buffer')
  }

  offset += 2 // Leave space for length
  buf.writeUInt8(record.algorithm, offset)
  offset += 1
  buf.writeUInt8(record.flags, offset)
  offset += 1
  buf.writeUInt16BE(record.iterations, offset)
  offset += 2
  buf.writeUInt8(salt.length, offset)
  offset += 1
  salt.copy(buf, offset, 0, salt.length)
  offset += salt.length
  buf.writeUInt8(nextDomain.length, offset)
  offset += 1
  nextDomain.copy(buf, offset, 0, nextDomain.length)
  offset += nextDomain.length
  typebitmap.encode(record.rrtypes, buf, offset)
  offset += typebitmap.encode.bytes

  rnsec3.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rnsec3.encode.bytes - 2, oldOffset)
  return buf
}

rnsec3.encode.bytes = 0

rnsec3.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  var record = {}
  var length = buf.readUInt16BE(offset)
  offset += 2
  record.algorithm = buf.readUInt8(offset)
  offset += 1
  record.flags = buf.readUInt8(offset)
  offset += 1
  record.iterations = buf.readUInt16BE(offset)
  offset += 2
  const saltLength = buf.readUInt8(offset)
  offset += 1
  record.salt = buf.slice(offset, offset + saltLength)
  offset += saltLength
  const hashLength = buf.readUInt8(offset)
  offset += 1
  record.nextDomain = buf.slice(offset, offset + hashLength)
  offset += hashLength
  record.rrtypes = typebitmap.decode(buf, offset, length - (offset - oldOffset))
  offset += typebitmap.decode.bytes

  rnsec3.decode.bytes = offset - oldOffset
  return record
}

rnsec3.decode.bytes = 0

rnsec3.encodingLength = function (record) {
  return 8 +
    record.salt.length +
    record.nextDomain.length +
    typebitmap.encodingLength(record.rrtypes)
}

const rds = exports.ds = {}

rds.encode = function (digest, buf, offset) {
  if (!buf) buf = Buffer.alloc(rds.encodingLength(digest))
  if (!offset) offset = 0
  const oldOffset = offset

  const digestdata = digest.digest
  if (!Buffer.isBuffer(digestdata)) {
    throw new Error('Digest must be a Buffer')
  }

  offset += 2 // Leave space for length
  buf.writeUInt16BE(digest.keyTag, offset)
  offset += 2
  buf.writeUInt8(digest.algorithm, offset)
  offset += 1
  buf.writeUInt8(digest.digestType, offset)
  offset += 1
  digestdata.copy(buf, offset, 0, digestdata.length)
  offset += digestdata.length

  rds.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rds.encode.bytes - 2, oldOffset)
  return buf
}

rds.encode.bytes = 0

rds.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  var digest = {}
  var length = buf.readUInt16BE(offset)
  offset += 2
  digest.keyTag = buf.readUInt16BE(offset)
  offset += 2
  digest.algorithm = buf.readUInt8(offset)
  offset += 1
  digest.digestType = buf.readUInt8(offset)
  offset += 1
  digest.digest = buf.slice(offset, oldOffset + length + 2)
  offset += digest.digest.length
  rds.decode.bytes = offset - oldOffset
  return digest
}

rds.decode.bytes = 0

rds.encodingLength = function (digest) {
  return 6 + Buffer.byteLength(digest.digest)
}

const rsshfp = exports.sshfp = {}

rsshfp.getFingerprintLengthForHashType = function getFingerprintLengthForHashType (hashType) {
  switch (hashType) {
    case 1: return 20
    case 2: return 32
  }
}

rsshfp.encode = function encode (record, buf, offset) {
  if (!buf) buf = Buffer.alloc(rsshfp.encodingLength(record))
  if (!offset) offset = 0
  const oldOffset = offset

  offset += 2 // The function call starts with the offset pointer at the RDLENGTH field, not the RDATA one
  buf[offset] = record.algorithm
  offset += 1
  buf[offset] = record.hash
  offset += 1

  const fingerprintBuf = Buffer.from(record.fingerprint.toUpperCase(), 'hex')
  if (fingerprintBuf.length !== rsshfp.getFingerprintLengthForHashType(record.hash)) {
    throw new Error('Invalid fingerprint length')
  }
  fingerprintBuf.copy(buf, offset)
  offset += fingerprintBuf.byteLength

  rsshfp.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rsshfp.encode.bytes - 2, oldOffset)

  return buf
}

rsshfp.encode.bytes = 0

rsshfp.decode = function decode (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  const record = {}
  offset += 2 // Account for the RDLENGTH field
  record.algorithm = buf[offset]
  offset += 1
  record.hash = buf[offset]
  offset += 1

  const fingerprintLength = rsshfp.getFingerprintLengthForHashType(record.hash)
  record.fingerprint = buf.slice(offset, offset + fingerprintLength).toString('hex').toUpperCase()
  offset += fingerprintLength
  rsshfp.decode.bytes = offset - oldOffset
  return record
}

rsshfp.decode.bytes = 0

rsshfp.encodingLength = function (record) {
  return 4 + Buffer.from(record.fingerprint, 'hex').byteLength
}

const rnaptr = exports.naptr = {}

rnaptr.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rnaptr.encodingLength(data))
  if (!offset) offset = 0
  const oldOffset = offset
  offset += 2
  buf.writeUInt16BE(data.order || 0, offset)
  offset += 2
  buf.writeUInt16BE(data.preference || 0, offset)
  offset += 2
  string.encode(data.flags, buf, offset)
  offset += string.encode.bytes
  string.encode(data.services, buf, offset)
  offset += string.encode.bytes
  string.encode(data.regexp, buf, offset)
  offset += string.encode.bytes
  name.encode(data.replacement, buf, offset)
  offset += name.encode.bytes
  rnaptr.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rnaptr.encode.bytes - 2, oldOffset)
  return buf
}

rnaptr.encode.bytes = 0

rnaptr.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset
  const data = {}
  offset += 2
  data.order = buf.readUInt16BE(offset)
  offset += 2
  data.preference = buf.readUInt16BE(offset)
  offset += 2
  data.flags = string.decode(buf, offset)
  offset += string.decode.bytes
  data.services = string.decode(buf, offset)
  offset += string.decode.bytes
  data.regexp = string.decode(buf, offset)
  offset += string.decode.bytes
  data.replacement = name.decode(buf, offset)
  offset += name.decode.bytes
  rnaptr.decode.bytes = offset - oldOffset
  return data
}

rnaptr.decode.bytes = 0

rnaptr.encodingLength = function (data) {
  return string.encodingLength(data.flags) +
    string.encodingLength(data.services) +
    string.encodingLength(data.regexp) +
    name.encodingLength(data.replacement) + 6
}

const rtlsa = exports.tlsa = {}

rtlsa.encode = function (cert, buf, offset) {
  if (!buf) buf = Buffer.alloc(rtlsa.encodingLength(cert))
  if (!offset) offset = 0
  const oldOffset = offset

  const certdata = cert.certificate
  if (!Buffer.isBuffer(certdata)) {
    throw new Error('Certificate must be a Buffer')
  }

  offset += 2 // Leave space for length
  buf.writeUInt8(cert.usage, offset)
  offset += 1
  buf.writeUInt8(cert.selector, offset)
  offset += 1
  buf.writeUInt8(cert.matchingType, offset)
  offset += 1
  certdata.copy(buf, offset, 0, certdata.length)
  offset += certdata.length

  rtlsa.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rtlsa.encode.bytes - 2, oldOffset)
  return buf
}

rtlsa.encode.bytes = 0

rtlsa.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  const cert = {}
  const length = buf.readUInt16BE(offset)
  offset += 2
  cert.usage = buf.readUInt8(offset)
  offset += 1
  cert.selector = buf.readUInt8(offset)
  offset += 1
  cert.matchingType = buf.readUInt8(offset)
  offset += 1
  cert.certificate = buf.slice(offset, oldOffset + length + 2)
  offset += cert.certificate.length
  rtlsa.decode.bytes = offset - oldOffset
  return cert
}

rtlsa.decode.bytes = 0

rtlsa.encodingLength = function (cert) {
  return 5 + Buffer.byteLength(cert.certificate)
}

const renc = exports.record = function (type) {
  switch (type.toUpperCase()) {
    case 'A': return ra
    case 'PTR': return rptr
    case 'CNAME': return rcname
    case 'DNAME': return rdname
    case 'TXT': return rtxt
    case 'NULL': return rnull
    case 'AAAA': return raaaa
    case 'SRV': return rsrv
    case 'HINFO': return rhinfo
    case 'CAA': return rcaa
    case 'NS': return rns
    case 'SOA': return rsoa
    case 'MX': return rmx
    case 'OPT': return ropt
    case 'DNSKEY': return rdnskey
    case 'RRSIG': return rrrsig
    case 'RP': return rrp
    case 'NSEC': return rnsec
    case 'NSEC3': return rnsec3
    case 'SSHFP': return rsshfp
    case 'DS': return rds
    case 'NAPTR': return rnaptr
    case 'TLSA': return rtlsa
  }
  return runknown
}

const answer = exports.answer = {}

answer.encode = function (a, buf, offset) {
  if (!buf) buf = Buffer.alloc(answer.encodingLength(a))
  if (!offset) offset = 0

  const oldOffset = offset

  name.encode(a.name, buf, offset)
  offset += name.encode.bytes

  buf.writeUInt16BE(types.toType(a.type), offset)

  if (a.type.toUpperCase() === 'OPT') {
    if (a.name !== '.') {
      throw new Error('OPT name must be root.')
    }
    buf.writeUInt16BE(a.udpPayloadSize || 4096, offset + 2)
    buf.writeUInt8(a.extendedRcode || 0, offset + 4)
    buf.writeUInt8(a.ednsVersion || 0, offset + 5)
    buf.writeUInt16BE(a.flags || 0, offset + 6)

    offset += 8
    ropt.encode(a.options || [], buf, offset)
    offset += ropt.encode.bytes
  } else {
    let klass = classes.toClass(a.class === undefined ? 'IN' : a.class)
    if (a.flush) klass |= FLUSH_MASK // the 1st bit of the class is the flush bit
    buf.writeUInt16BE(klass, offset + 2)
    buf.writeUInt32BE(a.ttl || 0, offset + 4)

    offset += 8
    const enc = renc(a.type)
    enc.encode(a.data, buf, offset)
    offset += enc.encode.bytes
  }

  answer.encode.bytes = offset - oldOffset
  return buf
}

answer.encode.bytes = 0

answer.decode = function (buf, offset) {
  if (!offset) offset = 0

  const a = {}
  const oldOffset = offset

  a.name = name.decode(buf, offset)
  offset += name.decode.bytes
  a.type = types.toString(buf.readUInt16BE(offset))
  if (a.type === 'OPT') {
    a.udpPayloadSize = buf.readUInt16BE(offset + 2)
    a.extendedRcode = buf.readUInt8(offset + 4)
    a.ednsVersion = buf.readUInt8(offset + 5)
    a.flags = buf.readUInt16BE(offset + 6)
    a.flag_do = ((a.flags >> 15) & 0x1) === 1
    a.options = ropt.decode(buf, offset + 8)
    offset += 8 + ropt.decode.bytes
  } else {
    const klass = buf.readUInt16BE(offset + 2)
    a.ttl = buf.readUInt32BE(offset + 4)

    a.class = classes.toString(klass & NOT_FLUSH_MASK)
    a.flush = !!(klass & FLUSH_MASK)

    const enc = renc(a.type)
    a.data = enc.decode(buf, offset + 8)
    offset += 8 + enc.decode.bytes
  }

  answer.decode.bytes = offset - oldOffset
  return a
}

answer.decode.bytes = 0

answer.encodingLength = function (a) {
  const data = (a.data !== null && a.data !== undefined) ? a.data : a.options
  return name.encodingLength(a.name) + 8 + renc(a.type).encodingLength(data)
}

const question = exports.question = {}

question.encode = function (q, buf, offset) {
  if (!buf) buf = Buffer.alloc(question.encodingLength(q))
  if (!offset) offset = 0

  const oldOffset = offset

  name.encode(q.name, buf, offset)
  offset += name.encode.bytes

  buf.writeUInt16BE(types.toType(q.type), offset)
  offset += 2

  buf.writeUInt16BE(classes.toClass(q.class === undefined ? 'IN' : q.class), offset)
  offset += 2

  question.encode.bytes = offset - oldOffset
  return q
}

question.encode.bytes = 0

question.decode = function (buf, offset) {
  if (!offset) offset = 0

  const oldOffset = offset
  const q = {}

  q.name = name.decode(buf, offset)
  offset += name.decode.bytes

  q.type = types.toString(buf.readUInt16BE(offset))
  offset += 2

  q.class = classes.toString(buf.readUInt16BE(offset))
  offset += 2

  const qu = !!(q.class & QU_MASK)
  if (qu) q.class &= NOT_QU_MASK

  question.decode.bytes = offset - oldOffset
  return q
}

question.decode.bytes = 0

question.encodingLength = function (q) {
  return name.encodingLength(q.name) + 4
}

exports.AUTHORITATIVE_ANSWER = 1 << 10
exports.TRUNCATED_RESPONSE = 1 << 9
exports.RECURSION_DESIRED = 1 << 8
exports.RECURSION_AVAILABLE = 1 << 7
exports.AUTHENTIC_DATA = 1 << 5
exports.CHECKING_DISABLED = 1 << 4
exports.DNSSEC_OK = 1 << 15

exports.encode = function (result, buf, offset) {
  const allocing = !buf

  if (allocing) buf = Buffer.alloc(exports.encodingLength(result))
  if (!offset) offset = 0

  const oldOffset = offset

  if (!result.questions) result.questions = []
  if (!result.answers) result.answers = []
  if (!result.authorities) result.authorities = []
  if (!result.additionals) result.additionals = []

  header.encode(result, buf, offset)
  offset += header.encode.bytes

  offset = encodeList(result.questions, question, buf, offset)
  offset = encodeList(result.answers, answer, buf, offset)
  offset = encodeList(result.authorities, answer, buf, offset)
  offset = encodeList(result.additionals, answer, buf, offset)

  exports.encode.bytes = offset - oldOffset

  // just a quick sanity check
  if (allocing && exports.encode.bytes !== buf.length) {
    return buf.slice(0, exports.encode.bytes)
  }

  return buf
}

exports.encode.bytes = 0

exports.decode = function (buf, offset) {
  if (!offset) offset = 0

  const oldOffset = offset
  const result = header.decode(buf, offset)
  offset += header.decode.bytes

  offset = decodeList(result.questions, question, buf, offset)
  offset = decodeList(result.answers, answer, buf, offset)
  offset = decodeList(result.authorities, answer, buf, offset)
  offset = decodeList(result.additionals, answer, buf, offset)

  exports.decode.bytes = offset - oldOffset

  return result
}

exports.decode.bytes = 0

exports.encodingLength = function (result) {
  return header.encodingLength(result) +
    encodingLengthList(result.questions || [], question) +
    encodingLengthList(result.answers || [], answer) +
    encodingLengthList(result.authorities || [], answer) +
    encodingLengthList(result.additionals || [], answer)
}

exports.streamEncode = function (result) {
  const buf = exports.encode(result)
  const sbuf = Buffer.alloc(2)
  sbuf.writeUInt16BE(buf.byteLength)
  const combine = Buffer.concat([sbuf, buf])
  exports.streamEncode.bytes = combine.byteLength
  return combine
}

exports.streamEncode.bytes = 0

exports.streamDecode = function (sbuf) {
  const len = sbuf.readUInt16BE(0)
  if (sbuf.byteLength < len + 2) {
    // not enough data
    return null
  }
  const result = exports.decode(sbuf.slice(2))
  exports.streamDecode.bytes = exports.decode.bytes
  return result
}

exports.streamDecode.bytes = 0

function encodingLengthList (list, enc) {
  let len = 0
  for (let i = 0; i < list.length; i++) len += enc.encodingLength(list[i])
  return len
}

function encodeList (list, enc, buf, offset) {
  for (let i = 0; i < list.length; i++) {
    enc.encode(list[i], buf, offset)
    offset += enc.encode.bytes
  }
  return offset
}

function decodeList (list, enc, buf, offset) {
  for (let i = 0; i < list.length; i++) {
    list[i] = enc.decode(buf, offset)
    offset += enc.decode.bytes
  }
  return offset
}


/***/ }),

/***/ 4693:
/***/ ((__unused_webpack_module, exports) => {

"use strict";


/*
 * Traditional DNS header OPCODEs (4-bits) defined by IANA in
 * https://www.iana.org/assignments/dns-parameters/dns-parameters.xhtml#dns-parameters-5
 */

exports.toString = function (opcode) {
  switch (opcode) {
    case 0: return 'QUERY'
    case 1: return 'IQUERY'
    case 2: return 'STATUS'
    case 3: return 'OPCODE_3'
    case 4: return 'NOTIFY'
    case 5: return 'UPDATE'
    case 6: return 'OPCODE_6'
    case 7: return 'OPCODE_7'
    case 8: return 'OPCODE_8'
    case 9: return 'OPCODE_9'
    case 10: return 'OPCODE_10'
    case 11: return 'OPCODE_11'
    case 12: return 'OPCODE_12'
    case 13: return 'OPCODE_13'
    case 14: return 'OPCODE_14'
    case 15: return 'OPCODE_15'
  }
  return 'OPCODE_' + opcode
}

exports.toOpcode = function (code) {
  switch (code.toUpperCase()) {
    case 'QUERY': return 0
    case 'IQUERY': return 1
    case 'STATUS': return 2
    case 'OPCODE_3': return 3
    case 'NOTIFY': return 4
    case 'UPDATE': return 5
    case 'OPCODE_6': return 6
    case 'OPCODE_7': return 7
    case 'OPCODE_8': return 8
    case 'OPCODE_9': return 9
    case 'OPCODE_10': return 10
    case 'OPCODE_11': return 11
    case 'OPCODE_12': return 12
    case 'OPCODE_13': return 13
    case 'OPCODE_14': return 14
    case 'OPCODE_15': return 15
  }
  return 0
}


/***/ }),

/***/ 2075:
/***/ ((__unused_webpack_module, exports) => {

"use strict";


exports.toString = function (type) {
  switch (type) {
    // list at
    // https://www.iana.org/assignments/dns-parameters/dns-parameters.xhtml#dns-parameters-11
    case 1: return 'LLQ'
    case 2: return 'UL'
    case 3: return 'NSID'
    case 5: return 'DAU'
    case 6: return 'DHU'
    case 7: return 'N3U'
    case 8: return 'CLIENT_SUBNET'
    case 9: return 'EXPIRE'
    case 10: return 'COOKIE'
    case 11: return 'TCP_KEEPALIVE'
    case 12: return 'PADDING'
    case 13: return 'CHAIN'
    case 14: return 'KEY_TAG'
    case 26946: return 'DEVICEID'
  }
  if (type < 0) {
    return null
  }
  return `OPTION_${type}`
}

exports.toCode = function (name) {
  if (typeof name === 'number') {
    return name
  }
  if (!name) {
    return -1
  }
  switch (name.toUpperCase()) {
    case 'OPTION_0': return 0
    case 'LLQ': return 1
    case 'UL': return 2
    case 'NSID': return 3
    case 'OPTION_4': return 4
    case 'DAU': return 5
    case 'DHU': return 6
    case 'N3U': return 7
    case 'CLIENT_SUBNET': return 8
    case 'EXPIRE': return 9
    case 'COOKIE': return 10
    case 'TCP_KEEPALIVE': return 11
    case 'PADDING': return 12
    case 'CHAIN': return 13
    case 'KEY_TAG': return 14
    case 'DEVICEID': return 26946
    case 'OPTION_65535': return 65535
  }
  const m = name.match(/_(\d+)$/)
  if (m) {
    return parseInt(m[1], 10)
  }
  return -1
}


/***/ }),

/***/ 2028:
/***/ ((__unused_webpack_module, exports) => {

"use strict";


/*
 * Traditional DNS header RCODEs (4-bits) defined by IANA in
 * https://www.iana.org/assignments/dns-parameters/dns-parameters.xhtml
 */

exports.toString = function (rcode) {
  switch (rcode) {
    case 0: return 'NOERROR'
    case 1: return 'FORMERR'
    case 2: return 'SERVFAIL'
    case 3: return 'NXDOMAIN'
    case 4: return 'NOTIMP'
    case 5: return 'REFUSED'
    case 6: return 'YXDOMAIN'
    case 7: return 'YXRRSET'
    case 8: return 'NXRRSET'
    case 9: return 'NOTAUTH'
    case 10: return 'NOTZONE'
    case 11: return 'RCODE_11'
    case 12: return 'RCODE_12'
    case 13: return 'RCODE_13'
    case 14: return 'RCODE_14'
    case 15: return 'RCODE_15'
  }
  return 'RCODE_' + rcode
}

exports.toRcode = function (code) {
  switch (code.toUpperCase()) {
    case 'NOERROR': return 0
    case 'FORMERR': return 1
    case 'SERVFAIL': return 2
    case 'NXDOMAIN': return 3
    case 'NOTIMP': return 4
    case 'REFUSED': return 5
    case 'YXDOMAIN': return 6
    case 'YXRRSET': return 7
    case 'NXRRSET': return 8
    case 'NOTAUTH': return 9
    case 'NOTZONE': return 10
    case 'RCODE_11': return 11
    case 'RCODE_12': return 12
    case 'RCODE_13': return 13
    case 'RCODE_14': return 14
    case 'RCODE_15': return 15
  }
  return 0
}


/***/ }),

/***/ 1891:
/***/ ((__unused_webpack_module, exports) => {

"use strict";


exports.toString = function (type) {
  switch (type) {
    case 1: return 'A'
    case 10: return 'NULL'
    case 28: return 'AAAA'
    case 18: return 'AFSDB'
    case 42: return 'APL'
    case 257: return 'CAA'
    case 60: return 'CDNSKEY'
    case 59: return 'CDS'
    case 37: return 'CERT'
    case 5: return 'CNAME'
    case 49: return 'DHCID'
    case 32769: return 'DLV'
    case 39: return 'DNAME'
    case 48: return 'DNSKEY'
    case 43: return 'DS'
    case 55: return 'HIP'
    case 13: return 'HINFO'
    case 45: return 'IPSECKEY'
    case 25: return 'KEY'
    case 36: return 'KX'
    case 29: return 'LOC'
    case 15: return 'MX'
    case 35: return 'NAPTR'
    case 2: return 'NS'
    case 47: return 'NSEC'
    case 50: return 'NSEC3'
    case 51: return 'NSEC3PARAM'
    case 12: return 'PTR'
    case 46: return 'RRSIG'
    case 17: return 'RP'
    case 24: return 'SIG'
    case 6: return 'SOA'
    case 99: return 'SPF'
    case 33: return 'SRV'
    case 44: return 'SSHFP'
    case 32768: return 'TA'
    case 249: return 'TKEY'
    case 52: return 'TLSA'
    case 250: return 'TSIG'
    case 16: return 'TXT'
    case 252: return 'AXFR'
    case 251: return 'IXFR'
    case 41: return 'OPT'
    case 255: return 'ANY'
  }
  return 'UNKNOWN_' + type
}

exports.toType = function (name) {
  switch (name.toUpperCase()) {
    case 'A': return 1
    case 'NULL': return 10
    case 'AAAA': return 28
    case 'AFSDB': return 18
    case 'APL': return 42
    case 'CAA': return 257
    case 'CDNSKEY': return 60
    case 'CDS': return 59
    case 'CERT': return 37
    case 'CNAME': return 5
    case 'DHCID': return 49
    case 'DLV': return 32769
    case 'DNAME': return 39
    case 'DNSKEY': return 48
    case 'DS': return 43
    case 'HIP': return 55
    case 'HINFO': return 13
    case 'IPSECKEY': return 45
    case 'KEY': return 25
    case 'KX': return 36
    case 'LOC': return 29
    case 'MX': return 15
    case 'NAPTR': return 35
    case 'NS': return 2
    case 'NSEC': return 47
    case 'NSEC3': return 50
    case 'NSEC3PARAM': return 51
    case 'PTR': return 12
    case 'RRSIG': return 46
    case 'RP': return 17
    case 'SIG': return 24
    case 'SOA': return 6
    case 'SPF': return 99
    case 'SRV': return 33
    case 'SSHFP': return 44
    case 'TA': return 32768
    case 'TKEY': return 249
    case 'TLSA': return 52
    case 'TSIG': return 250
    case 'TXT': return 16
    case 'AXFR': return 252
    case 'IXFR': return 251
    case 'OPT': return 41
    case 'ANY': return 255
    case '*': return 255
  }
  if (name.toUpperCase().startsWith('UNKNOWN_')) return parseInt(name.slice(8))
  return 0
}


/***/ }),

/***/ 7227:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   QZ: () => (/* binding */ loadCrypto),
/* harmony export */   Ts: () => (/* binding */ loadOs),
/* harmony export */   _v: () => (/* binding */ loadTls)
/* harmony export */ });
const loadTls = () => process.getBuiltinModule("node:tls");
const loadCrypto = () => process.getBuiltinModule("node:crypto");
const loadOs = () => process.getBuiltinModule("node:os");


/***/ }),

/***/ 1049:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  _$: () => (/* binding */ HELP),
  VU: () => (/* reexport */ cliLabel),
  RM: () => (/* binding */ parseCommand)
});

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = require("node:util");
// EXTERNAL MODULE: ./src/config/keys.ts
var keys = __nccwpck_require__(1440);
// EXTERNAL MODULE: ./src/config/values.ts
var values = __nccwpck_require__(3750);
// EXTERNAL MODULE: ./src/model/shard.ts
var model_shard = __nccwpck_require__(8553);
;// CONCATENATED MODULE: ./src/cli/options.ts
const t = (name, key, arg, help, group = "Target") => arg === undefined ? { name, type: "boolean", key, help, group } : { name, type: "string", key, arg, help, group };
const OPTIONS = [
    t("host", "host", "HOST", "the server to probe"),
    t("mx", "mx", "DOMAIN", "probe every MX host of a mail domain, most preferred first"),
    t("port", "port", "N", "default 25, or 465 with --tls implicit"),
    t("tls", "tls", "MODE", "starttls|implicit|opportunistic|none (default starttls)"),
    t("helo", "helo", "NAME", "the EHLO name (default: this machine's host name)"),
    t("from", "from", "ADDR", "envelope sender"),
    { ...t("to", "to", "ADDR", "envelope recipient (repeatable)"), multiple: true },
    t("user", "username", "USER", "user name for AUTH"),
    t("password-env", "password-env", "VAR", "the environment variable holding the password"),
    t("oauth-token-env", "oauth-token-env", "VAR", "the environment variable holding an OAuth token"),
    t("auth", "auth", "MECH", "PLAIN|LOGIN|CRAM-MD5|XOAUTH2 (default: the best one offered)"),
    t("allow-plaintext-auth", "allow-plaintext-auth", undefined, "let credentials go without TLS to a server not on loopback"),
    t("send", "send", undefined, "really send the test message (DATA); otherwise RSET"),
    t("smuggling", "smuggling-check", undefined, "opt-in SMTP smuggling test after the message (needs --send and --to; docs/smuggling.md)"),
    { ...t("step", "steps", "LINE", 'custom step "LINE [=> EXPECT]" (repeatable), e.g. --step "RCPT TO:<x@y> => 550"'), multiple: true },
    t("insecure", "insecure", undefined, "skip certificate verification"),
    t("ca", "ca", "FILE", "trust this CA (PEM)"),
    t("servername", "servername", "NAME", "TLS server name (SNI and certificate check)"),
    t("name", "name", "NAME", "the target's name in reports"),
    t("resolver", "resolver", "HOST[:PORT]", "the DNS server to ask", "Reach"),
    t("ip", "ip", "4|6", "address family", "Reach"),
    t("every-address", "every-address", undefined, "probe every address of the host, not only the first", "Reach"),
    t("proxy-protocol", "proxy-protocol", "v1|v2", "send the HAProxy PROXY header first (an MTA behind a balancer)", "Reach"),
    t("socks5", "socks5", "HOST:PORT", "reach the target through a SOCKS5 proxy", "Reach"),
    t("socks5-username", "socks5-username", "USER", "user name for the SOCKS5 proxy", "Reach"),
    t("socks5-password-env", "socks5-password-env", "VAR", "the environment variable holding the SOCKS5 password", "Reach"),
    { name: "config", type: "string", arg: "FILE", help: "probe every target in a YAML file", group: "Run" },
    { name: "targets-file", type: "string", arg: "FILE", help: "probe one target per line (host[:port] or mx:domain), for large fleets; with --config, its defaults apply", group: "Run" },
    t("fail-on", "fail-on", "hard|soft|never", "default hard", "Run"),
    t("timeout", "timeout", "S", "seconds per reply or connect (default 30)", "Run"),
    t("deadline", "deadline", "S", "seconds per target in total", "Run"),
    { name: "concurrency", type: "string", arg: "N", help: "targets probed at once (default 16)", group: "Run" },
    t("pipelining", "pipelining", "auto|off", "RFC 2920 pipelining when advertised (default auto)", "Run"),
    { name: "shard", type: "string", arg: "I/N", help: "probe a stable subset (one job of a matrix)", group: "Run" },
    { name: "format", type: "string", arg: "text|json|markdown", help: "what goes to standard output (default text)", group: "Run" },
    { name: "report", type: "string", arg: "FILE", help: "also write the JSON report there", group: "Run" },
    { name: "demo", type: "boolean", help: "probe an embedded MTA (no network needed)", group: "Run" },
    t("require-tls", "require-tls", undefined, "fail unless the session ran over TLS", "Policy"),
    t("min-tls", "min-tls", "VERSION", "lowest TLS version accepted, e.g. TLSv1.2", "Policy"),
    t("cert-min-days", "cert-min-days", "N", "days a certificate must still be valid (default 14)", "Policy"),
    t("max-step-ms", "max-step-ms", "N", "slowest reply accepted", "Policy"),
    t("max-total-ms", "max-total-ms", "N", "longest session accepted", "Policy"),
    { ...t("expect-extension", "expect-extensions", "KW[>=N]", "an EHLO keyword that must be offered (repeatable, e.g. SIZE>=10485760)", "Policy"), multiple: true },
    t("auth-requires-tls", "auth-requires-tls", undefined, "AUTH must not be offered before TLS", "Policy"),
    t("open-relay", "open-relay", "true|DOMAIN", "check that relaying to another domain is refused", "Policy"),
    t("vrfy-disabled", "vrfy-disabled", undefined, "VRFY must not confirm addresses", "Policy"),
    t("baseline", "baseline", "FILE", "compare with a known-good state", "Policy"),
    t("domain", "domain", "DOMAIN", "the mail domain a --host serves, for its MTA-STS and TLS-RPT (--mx: that domain)", "Policy"),
    { ...t("no-mta-sts", "mta-sts", undefined, "do not read the domain's MTA-STS policy (docs/mta-sts.md)", "Policy"), negate: true },
    t("tls-audit", "tls-audit", undefined, "extra handshakes per address: TLS versions, chain, key types (docs/mta-sts.md)", "Policy"),
    { ...t("no-dane", "dane", undefined, "do not check DANE TLSA records (docs/dane.md)", "Policy"), negate: true },
    t("candidate-cert", "candidate-cert", "FILE", "a PEM chain about to be deployed: check it against TLSA and MTA-STS (docs/dane.md)", "Policy"),
    { name: "write-baseline", type: "string", arg: "FILE", help: "record a known-good state", group: "Policy" },
    { name: "help", type: "boolean", short: "h", help: "this text", group: "Other" },
    { name: "version", type: "boolean", help: "the version", group: "Other" },
];
/** The table as node:util parseArgs wants it. */
function parseArgsOptions(options) {
    return Object.fromEntries(options.map((o) => [o.name, { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) }]));
}
/** The CLI option for a target key, for messages: `username` → `--user`. */
function cliLabel(key) {
    return `--${OPTIONS.find((o) => o.key === key)?.name ?? key}`;
}
const USAGE = `smtp-gate — check a mail server the way production mail uses it

Usage:
  smtp-gate --host HOST [options]          probe one server
  smtp-gate --mx DOMAIN [options]          probe every MX host of a mail domain
  smtp-gate --config FILE [options]        probe every target in a YAML file
  smtp-gate --demo                         probe an embedded MTA (no network needed)
  smtp-gate explain CODE [ENHANCED]        what a reply code means (e.g. explain 550 5.1.1)
  smtp-gate demo-mta [--port N]            run the embedded MTA on 127.0.0.1 until stopped
  smtp-gate merge REPORT.json...           combine shard reports into one report
`;
const GROUP_TITLES = { Target: "Target", Reach: "Reaching it", Run: "Run", Policy: "Policy", Other: "Other" };
/** The help text, one line per option of the table. */
function renderHelp(options = OPTIONS) {
    const sections = Object.keys(GROUP_TITLES).map((group) => {
        const lines = options.filter((o) => o.group === group).map((o) => {
            const flag = `${o.short ? `-${o.short}, ` : ""}--${o.name}${o.arg ? ` ${o.arg}` : ""}`;
            return `  ${flag.padEnd(41)}${flag.length >= 41 ? " " : ""}${o.help}`;
        });
        return `${GROUP_TITLES[group]}:\n${lines.join("\n")}`;
    });
    return `${USAGE}\n${sections.join("\n")}\n
Credentials come from environment variables, never from the command line.
Exit status: 0 pass or warn, 1 fail, 2 usage or configuration error, 3 internal error,
4 the result could not be written (stdout, --report, --write-baseline).
`;
}

;// CONCATENATED MODULE: ./src/cli/args.ts
/** argv → what to do. Pure: no I/O, so every usage error is testable as a value. */






const HELP = renderHelp();
const FORMATS = ["text", "json", "markdown"];
const FORMAT_OPTION = { name: "format", type: "string", arg: "text|json|markdown", help: "", group: "Run" };
const MERGE_OPTIONS = [FORMAT_OPTION, { name: "report", type: "string", arg: "FILE", help: "", group: "Run" }];
const EXPLAIN_OPTIONS = [FORMAT_OPTION];
const DEMO_MTA_OPTIONS = [{ name: "port", type: "string", arg: "N", help: "", group: "Run" }];
/**
 * node:util parseArgs in strict mode over one option table. An unknown option gets the closest
 * known one ("did you mean"), as a mistyped config key does.
 */
function parseWith(argv, options, allowPositionals) {
    const config = { args: [...argv], options: parseArgsOptions(options), allowPositionals };
    try {
        const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({ ...config, strict: true });
        return { values, positionals };
    }
    catch (e) {
        if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
            const { tokens } = (0,external_node_util_namespaceObject.parseArgs)({ ...config, strict: false, allowPositionals: true, tokens: true });
            const unknown = tokens.find((tk) => tk.kind === "option" && !options.some((o) => o.name === tk.name || o.short === tk.name));
            if (unknown?.kind === "option") {
                const near = (0,keys/* closestKey */.bi)(unknown.name, options.map((o) => o.name));
                return { usage: `Unknown option '${unknown.rawName}'${near ? ` (did you mean --${near}?)` : ""}` };
            }
        }
        return { usage: e.message.replace(/\s*\n\s*/g, " ") };
    }
}
function parseFormat(value) {
    const format = value ?? "text";
    return FORMATS.includes(format) ? format : { usage: `--format ${(0,keys/* notOneOf */.NR)(String(format), FORMATS)}` };
}
function parseCommand(argv) {
    if (argv[0] === "demo-mta") {
        const parsed = parseWith(argv.slice(1), DEMO_MTA_OPTIONS, false);
        const port = "usage" in parsed ? NaN : parsed.values.port === undefined ? 0 : (0,values/* parseDecimal */.$Q)(String(parsed.values.port), true);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
            return { usage: "demo-mta takes only --port N (0 to 65535)" };
        return { kind: "demo-mta", port };
    }
    if (argv[0] === "merge") {
        const parsed = parseWith(argv.slice(1), MERGE_OPTIONS, true);
        if ("usage" in parsed)
            return parsed;
        const format = parseFormat(parsed.values.format);
        if (typeof format === "object")
            return format;
        if (!parsed.positionals.length)
            return { usage: "merge needs one or more report files: smtp-gate merge shard-*.json" };
        return { kind: "merge", files: parsed.positionals, format, report: parsed.values.report };
    }
    if (argv[0] === "explain") {
        const parsed = parseWith(argv.slice(1), EXPLAIN_OPTIONS, true);
        // `explain 550 --format` has no format to show: the message says which ones there are.
        if ("usage" in parsed)
            return parsed.usage.includes("--format") ? parseFormat("") : parsed;
        const format = parseFormat(parsed.values.format);
        if (typeof format === "object")
            return format;
        return { kind: "explain", args: parsed.positionals, format };
    }
    for (const a of argv) {
        // Secrets on the command line end up in shell history and `ps`: refuse them outright.
        if (/^--(password|oauth-token|token)(=|$)/.test(a))
            return { usage: `${a.split("=")[0]} is not accepted: secrets come from environment variables (--password-env VAR, --oauth-token-env VAR)` };
    }
    const parsed = parseWith(argv, OPTIONS, false);
    if ("usage" in parsed)
        return parsed;
    const v = parsed.values;
    if (v.help)
        return { kind: "help" };
    if (v.version)
        return { kind: "version" };
    const format = parseFormat(v.format);
    if (typeof format === "object")
        return format;
    const concurrency = v.concurrency === undefined ? values/* DEFAULT_CONCURRENCY */.WH : (0,values/* parseConcurrency */.nY)(String(v.concurrency));
    if (typeof concurrency === "object")
        return { usage: `--concurrency ${concurrency.problem}` };
    let shard;
    if (v.shard !== undefined) {
        const s = (0,model_shard/* parseShard */.uK)(String(v.shard));
        if ("problem" in s)
            return { usage: `--shard ${s.problem}` };
        shard = s;
    }
    if (v.config && v.host)
        return { usage: "give either --host (one target) or --config (a file of targets), not both" };
    if (v.config && v.mx)
        return { usage: "give either --mx (one mail domain) or --config (a file of targets), not both" };
    if (v["targets-file"] && (v.host || v.mx))
        return { usage: "give either --host/--mx (one target) or --targets-file (a list of targets), not both" };
    if (!v.demo && !v.config && !v.host && !v.mx && !v["targets-file"])
        return { usage: "nothing to probe: give --host HOST, --mx DOMAIN, --config FILE, --targets-file FILE or --demo (see --help)" };
    const target = {};
    for (const o of OPTIONS)
        if (o.key && v[o.name] !== undefined)
            target[o.key] = (o.negate ? !v[o.name] : v[o.name]);
    const str = (name) => v[name];
    return { kind: "probe", target, config: str("config"), targetsFile: str("targets-file"), format, report: str("report"), writeBaseline: str("write-baseline"), demo: v.demo === true, concurrency, shard };
}


/***/ }),

/***/ 7632:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ EXIT)
/* harmony export */ });
/** The command's exit statuses. 3 is set by ./index.ts for smtp-gate's own bugs; 4 also when standard output cannot be written. */
const EXIT = { ok: 0, fail: 1, usage: 2, internal: 3, output: 4 };


/***/ }),

/***/ 732:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./src/engine/verdict.ts
var engine_verdict = __nccwpck_require__(6559);
// EXTERNAL MODULE: ./src/protocol/classify.ts
var classify = __nccwpck_require__(8808);
// EXTERNAL MODULE: ./src/protocol/reply.ts
var protocol_reply = __nccwpck_require__(6488);
// EXTERNAL MODULE: ./src/model/enums.ts
var enums = __nccwpck_require__(2739);
;// CONCATENATED MODULE: ./src/model/fields.ts
/**
 * Field tables: one description of a JSON shape that both writes a value and reads it back.
 * The writer emits the fields in table order and leaves out optional ones that are absent; the
 * reader trusts nothing: every field is checked by type and copied, unknown fields are dropped, a
 * field of the wrong type is a problem that names it (`targets[0].steps[2].reply.code`), and an
 * absent one gets its default (reports of earlier versions lack some).
 *
 * Nothing here recurses over data: objects nest only as deep as the table, lists are loops, so a
 * report of 200,000 steps costs no stack.
 */

/** Where a value sits; its name (`targets[0].steps[2]`) is built only when a problem needs it. The root's key is "". */
class fields_Path {
    parent;
    key;
    constructor(parent, key) {
        this.parent = parent;
        this.key = key;
    }
    at(key) {
        return new fields_Path(this, key);
    }
    toString() {
        const parts = [];
        const name = (p) => (p.key === "" ? "" : typeof p.key === "number" ? `[${p.key}]` : `.${p.key}`);
        parts.push(name(this));
        for (let p = this.parent; p; p = p.parent)
            parts.push(name(p));
        return parts.reverse().join("").replace(/^\./, "");
    }
}
/** Strings from a file are limited: a report we wrote never holds a longer one (MAX_LINE_OCTETS, MAX_AUTH_LINE_OCTETS). */
const MAX_STRING_CHARS = 16 * 1024;
/** Collects the first problem while a value is read. */
class fields_Reader {
    problem = null;
    bad(at, what, fallback) {
        this.problem ??= { field: at.toString(), message: `must be ${what}` };
        return fallback;
    }
}
const same = (v) => v;
const str = {
    absent: () => "",
    read: (v, at, r) => {
        if (typeof v !== "string")
            return r.bad(at, "a string", "");
        return v.length <= MAX_STRING_CHARS ? v : r.bad(at, `a string of at most ${MAX_STRING_CHARS} characters`, "");
    },
    write: (v) => v,
    mapText: (v, f) => f(v),
};
const fields_int = {
    absent: () => 0,
    read: (v, at, r) => (typeof v === "number" && Number.isFinite(v) ? Math.trunc(v) : r.bad(at, "a number", 0)),
    write: (v) => v,
    mapText: same,
};
function intIn(min, max, what) {
    return {
        absent: () => min,
        read: (v, at, r) => (typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? v : r.bad(at, what, min)),
        write: (v) => v,
        mapText: same,
    };
}
const bool = {
    absent: () => false,
    read: (v, at, r) => (typeof v === "boolean" ? v : r.bad(at, "true or false", false)),
    write: (v) => v,
    mapText: same,
};
/** One of a closed vocabulary (model/enums.ts); the first entry is the fallback unless named. */
function oneOf(list, fallback = list[0]) {
    return {
        absent: () => fallback,
        read: (v, at, r) => ((0,enums/* isOneOf */.EK)(list, v) ? v : r.bad(at, `one of ${list.join(", ")}`, fallback)),
        write: (v) => v,
        // A vocabulary's words are ours, not text from a peer.
        mapText: same,
    };
}
function constant(value) {
    return { absent: () => value, read: (v, at, r) => (v === value ? value : r.bad(at, JSON.stringify(value), value)), write: (v) => v, mapText: same };
}
/** null, or a value of `inner`; absent reads as null. */
function nullable(inner) {
    return {
        absent: () => null,
        read: (v, at, r) => (v === null ? null : inner.read(v, at, r)),
        write: (v) => (v === null ? null : inner.write(v)),
        mapText: (v, f) => (v === null ? null : inner.mapText(v, f)),
    };
}
function list(item, max = Infinity) {
    return {
        absent: () => [],
        read: (v, at, r) => {
            if (!Array.isArray(v))
                return r.bad(at, "a list", []);
            if (v.length > max)
                return r.bad(at, `a list of at most ${max} entries`, []);
            const out = new Array(v.length);
            for (let i = 0; i < v.length; i++)
                out[i] = item.read(v[i], at.at(i), r);
            return out;
        },
        write: (v) => v.map((x) => item.write(x)),
        mapText: (v, f) => v.map((x) => item.mapText(x, f)),
    };
}
/** `after` fixes up what a reader must not take on trust (a reply's class follows from its code). */
function object(table, after) {
    const rows = Object.entries(table);
    const absent = () => {
        const out = {};
        for (const [key, f] of rows)
            if (!f.optional)
                out[key] = f.codec.absent();
        return out;
    };
    return {
        absent,
        read: (v, at, r) => {
            if (v === null || typeof v !== "object" || Array.isArray(v))
                return r.bad(at, "an object", absent());
            const json = v;
            const out = {};
            for (const [key, f] of rows) {
                const x = Object.hasOwn(json, key) ? json[key] : undefined;
                if (x === undefined) {
                    // A required field's codec names what it must be; undefined is never one.
                    if (f.required)
                        out[key] = f.codec.read(undefined, at.at(key), r);
                    else if (!f.optional)
                        out[key] = f.codec.absent();
                }
                else if (x === null && f.optional && !isNullable(f.codec)) {
                    continue;
                }
                else
                    out[key] = f.codec.read(x, at.at(key), r);
            }
            after?.(out);
            return out;
        },
        write: (v) => {
            const out = {};
            const value = v;
            for (const [key, f] of rows) {
                const x = value[key];
                if (x === undefined) {
                    if (f.nullWhenAbsent)
                        out[key] = null;
                    else if (!f.optional)
                        out[key] = f.codec.write(f.codec.absent());
                    continue;
                }
                if (f.optional && f.omit?.(x))
                    continue;
                out[key] = f.codec.write(x);
            }
            return out;
        },
        mapText: (v, fn) => {
            const out = {};
            const value = v;
            for (const [key, f] of rows) {
                const x = value[key];
                if (x !== undefined)
                    out[key] = f.codec.mapText(x, fn);
            }
            return out;
        },
    };
}
const isNullable = (c) => c.absent() === null;

;// CONCATENATED MODULE: ./src/model/report-fields.ts
/**
 * The report's field table (contract §6–§9): the one description that report/json.ts writes and
 * report/read-stream.ts (a file, a target at a time) and report/read-report.ts (a whole text)
 * read. A field added to a type in model/report.ts must get its row here (FieldTable makes a
 * missing row a compile error), so every field written is read back.
 */




/** A fleet larger than this is sharded (contract §7); a report file holding more is not one of ours. */
const report_fields_MAX_REPORT_TARGETS = 10_000;
/**
 * Lists of words and sentences (extensions, causes, fixes, PTR names) are short in any report we
 * write; a file's are capped so that no renderer meets a list of a million. Steps, findings and
 * targets are not capped here (a fleet is large; MAX_REPORT_TARGETS bounds targets), and every
 * consumer walks them in loops.
 */
const MAX_LIST = 1000;
/** Session's MAX_TRANSCRIPT_ENTRIES (session/transcript.ts): a transcript never holds more. */
const MAX_TRANSCRIPT = 2000;
const strings = list(str, MAX_LIST);
const optional = (codec, omit) => ({ codec, optional: true, ...(omit ? { omit } : {}) });
const isFalse = (v) => !v;
const replyFields = object({
    code: { codec: intIn(100, 599, "a reply code from 100 to 599"), required: true },
    enhanced: { codec: nullable(str) },
    lines: { codec: list(str, protocol_reply/* MAX_REPLY_LINES */.Gh) },
    // CRLF is what RFC 5321 §2.3.8 asks; only the other endings are worth a field.
    ending: { codec: oneOf(enums/* REPLY_ENDINGS */.O8) },
});
/** The JSON leaves out `ending: "crlf"`: the writer drops it after the table wrote it. */
const replyCodec = {
    ...replyFields,
    write: (v) => {
        const out = replyFields.write(v);
        if (out.ending === "crlf")
            delete out.ending;
        return out;
    },
};
const stepFields = object({
    command: { codec: nullable(str) },
    verb: { codec: nullable(str) },
    reply: { codec: nullable(replyCodec) },
    class: { codec: nullable(oneOf(enums/* REPLY_CLASSES */.S4)) },
    expected: { codec: str },
    verdict: { codec: oneOf(enums/* VERDICTS */.bk, "fail") },
    ms: { codec: fields_int },
    phase: { codec: str },
    extra: optional(oneOf(enums/* STEP_EXTRAS */.FD)),
    pipelined: optional(bool, isFalse),
    consequenceOf: optional(fields_int),
    check: optional(oneOf(enums/* STEP_CHECKS */.HJ)),
    sasl: optional(object({ mechanism: { codec: oneOf(enums/* AUTH_MECHANISMS */.CV) }, carries: { codec: oneOf(enums/* SASL_PAYLOADS */.q8) } })),
}, 
// The class follows from the code (RFC 5321 §4.2.1): a file cannot make a 550 a success.
(s) => {
    s.class = s.reply ? (0,classify/* classify */.L)(s.reply.code) : null;
});
const errorFields = object({
    kind: { codec: oneOf(enums/* ERROR_KINDS */.z1, "protocol") },
    message: { codec: str },
    step: { codec: nullable(fields_int) },
    received: optional(str),
});
const tlsFields = object({
    protocol: { codec: nullable(str) },
    cipher: { codec: nullable(str) },
    authorized: { codec: bool },
    authorizationError: { codec: nullable(str) },
    subject: { codec: nullable(str) },
    subjectAltNames: { codec: strings },
    issuer: { codec: nullable(str) },
    validFrom: { codec: nullable(str) },
    validTo: { codec: nullable(str) },
    daysLeft: { codec: nullable(fields_int) },
    fingerprint256: { codec: nullable(str) },
    checkedName: optional(str),
    nameMatches: optional(bool),
    issuerUrl: optional(nullable(str)),
    trust: optional(oneOf(enums/* CERTIFICATE_TRUST */.PL)),
    publicKey256: optional(nullable(str)),
});
const findingFields = object({
    id: { codec: str },
    severity: { codec: oneOf(enums/* SEVERITIES */.oC, "error") },
    step: { codec: nullable(fields_int) },
    message: { codec: str },
    cause: { codec: nullable(oneOf(enums/* ROOT_CAUSES */.gq, "other")) },
    causes: { codec: strings },
    ruledOut: { codec: list(object({ cause: { codec: str }, evidence: { codec: str } }), MAX_LIST) },
    fixes: { codec: strings },
    summary: optional(str),
});
const entryFields = object({
    t: { codec: fields_int },
    dir: { codec: oneOf(enums/* DIRECTIONS */.X, "*") },
    text: { codec: str },
});
const rdnsFields = object({
    address: { codec: str },
    names: { codec: strings },
    confirmed: { codec: strings },
    error: optional(str),
});
const authWithheldFields = object({
    reason: { codec: oneOf(enums/* AUTH_WITHHELD_REASONS */.xe) },
    mechanism: { codec: nullable(oneOf(enums/* AUTH_MECHANISMS */.CV)) },
    offered: { codec: strings },
    offeredBeforeTls: { codec: nullable(strings) },
    tls: { codec: bool },
});
const commandWithheldFields = object({
    step: { codec: fields_int },
    needs: { codec: str },
});
const serverFields = object({
    product: { codec: nullable(str) },
    version: { codec: nullable(str) },
    family: optional(str),
    via: optional(str),
});
const smugglingFields = object({
    variant: { codec: str },
    endedData: { codec: nullable(bool) },
    replies: { codec: list(replyCodec, MAX_LIST) },
    note: optional(str, (v) => v === ""),
});
// --- Transport security of a mail domain (contract §9) ---
const mtaStsFacts = object({
    txtId: { codec: nullable(str) },
    policyId: { codec: nullable(str) },
    mode: { codec: nullable(oneOf(enums/* STS_MODES */.U5)) },
    maxAge: { codec: nullable(fields_int) },
    mx: { codec: strings },
    bodySha256: { codec: nullable(str) },
});
const domainFields = object({
    domain: { codec: str },
    mtaSts: { codec: nullable(mtaStsFacts) },
    tlsRpt: { codec: nullable(object({ rua: { codec: strings } })) },
});
const addressMtaStsFields = object({
    covered: { codec: bool },
    sender: { codec: nullable(oneOf(enums/* SENDER_VERDICTS */.nw)) },
});
const addressDaneFields = object({
    secure: { codec: bool },
    tlsa: { codec: strings },
    matched: { codec: nullable(str) },
    sender: { codec: nullable(oneOf(enums/* SENDER_VERDICTS */.nw)) },
});
const tlsAuditFields = object({
    protocols: { codec: strings },
    chainComplete: { codec: bool },
    certificates: {
        codec: list(object({
            key: { codec: str },
            signature: { codec: str },
            names: { codec: strings },
            issuer: { codec: nullable(str) },
            daysLeft: { codec: nullable(fields_int) },
            matchesHost: { codec: bool },
            chainComplete: { codec: bool },
            fingerprint256: { codec: str },
        })),
    },
});
const targetFields = object({
    name: { codec: str },
    host: { codec: str },
    port: { codec: fields_int },
    tlsMode: { codec: oneOf(enums/* TLS_MODES */.FM, "none") },
    address: optional(str),
    mxHost: optional(str),
    server: { codec: nullable(serverFields), nullWhenAbsent: true },
    verdict: { codec: oneOf(enums/* VERDICTS */.bk, "fail") },
    durationMs: { codec: fields_int },
    error: { codec: nullable(errorFields) },
    tls: { codec: nullable(tlsFields) },
    extensions: { codec: strings },
    extensionsBeforeTls: { codec: nullable(strings) },
    steps: { codec: list(stepFields) },
    findings: { codec: list(findingFields) },
    transcript: { codec: list(entryFields, MAX_TRANSCRIPT) },
    transcriptCapped: { codec: bool },
    unsolicitedReplies: { codec: fields_int },
    rdns: optional(rdnsFields),
    proxyProtocol: optional(oneOf(enums/* PROXY_PROTOCOL_VERSIONS */.mS)),
    socks5: optional(str),
    authWithheld: optional(authWithheldFields),
    commandWithheld: optional(commandWithheldFields),
    credentialsInClear: optional(bool, isFalse),
    shortSecret: optional(bool, isFalse),
    insecure: optional(bool, isFalse),
    message: optional(object({ sent: { codec: bool }, recipients: { codec: fields_int } })),
    source: optional(object({ file: { codec: str }, line: { codec: fields_int } })),
    smuggling: optional(list(smugglingFields, MAX_LIST)),
    mtaSts: optional(addressMtaStsFields),
    tlsAudit: optional(tlsAuditFields),
    dane: optional(addressDaneFields),
});
const runFields = object({
    shard: { codec: nullable(str) },
    targets: { codec: fields_int },
    digest: { codec: str },
});
const report_fields_reportFields = object({
    schema: { codec: constant("smtp-gate/report@1"), required: true },
    verdict: { codec: oneOf(enums/* VERDICTS */.bk, "fail") },
    tool: { codec: object({ name: { codec: constant("smtp-gate") }, version: { codec: str } }) },
    startedAt: { codec: str },
    run: optional(runFields),
    targets: { codec: list(targetFields, report_fields_MAX_REPORT_TARGETS), required: true },
    domains: optional(list(domainFields)),
});

;// CONCATENATED MODULE: ./src/report/neutralise.ts

/** DEL, C1 controls (NEL among them), line/paragraph separators, bidi and invisible format characters. */
const BEYOND_C0 = "\\x7f-\\x9f\\u00ad\\u061c\\u115f\\u1160\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\ufff9-\\ufffb";
// eslint-disable-next-line no-misleading-character-class -- variation selectors are listed one by one on purpose
const UNSAFE = new RegExp(`[\\x00-\\x1f${BEYOND_C0}]`, "g");
/** What JSON.stringify leaves raw: it escapes C0 controls itself, and its own line breaks are structure. */
// eslint-disable-next-line no-misleading-character-class -- as above
const UNSAFE_IN_JSON = new RegExp(`[${BEYOND_C0}]`, "g");
const NAMED = { "\r": "\\r", "\n": "\\n", "\t": "\\t" };
/** `s` as one line of plain text: every line break, control and format character made visible. */
function neutralise_plainText(s) {
    UNSAFE.lastIndex = 0;
    if (!UNSAFE.test(s))
        return s;
    return s.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}
/** JSON text with every unsafe character (all inside strings: JSON's own syntax is ASCII) as a `\uXXXX` escape. */
function escapeUnsafeJson(json) {
    return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
/**
 * Breaks any line of rendered output that would start (after white space) with `::`: the first
 * colon becomes U+FF1A FULLWIDTH COLON. Our templates never start a line so; only data could.
 */
function guardCommandLines(text) {
    return text.replace(/^(\s*):(?=:)/gmu, "$1\uFF1A");
}
const done = new WeakSet();
/**
 * The report with every string through plainText(), copied by the model's field table so that no
 * field is forgotten. Renderers call it first; a report already neutralised is returned as is.
 */
function neutralise_neutralised(report) {
    if (done.has(report))
        return report;
    const copy = report_fields_reportFields.mapText(report, neutralise_plainText);
    done.add(copy);
    return copy;
}

;// CONCATENATED MODULE: ./src/report/merge.ts


function mergeReports(inputs) {
    const counted = countShards(inputs);
    if ("problem" in counted)
        return counted;
    const targets = [];
    for (const { report } of inputs)
        for (const t of report.targets)
            targets.push(t);
    if (counted.missing.length)
        targets.push(missingShardsTarget(counted.missing, counted.of));
    const first = inputs[0]?.report;
    let startedAt = first?.startedAt ?? new Date(0).toISOString();
    for (const { report } of inputs)
        if (report.startedAt < startedAt)
            startedAt = report.startedAt;
    return {
        schema: "smtp-gate/report@1",
        verdict: (0,engine_verdict/* worstOf */.hm)(targets.map((t) => t.verdict)),
        tool: first?.tool ?? { name: "smtp-gate", version: "unknown" },
        startedAt,
        ...(counted.run ? { run: counted.run } : {}),
        targets,
    };
}
/** Checks that the reports are the shards of one run, each at most once, and says which are missing. */
function countShards(inputs) {
    const withRun = inputs.filter((i) => i.report.run);
    if (withRun.length === 0)
        return { missing: [], of: 0 };
    const bare = inputs.find((i) => !i.report.run);
    if (bare)
        return refuse(bare.file, "run", "is missing: the report was written by an earlier smtp-gate, so it cannot be counted among the shards of a run");
    const first = withRun[0];
    const run = first.report.run;
    const seen = new Map();
    let of = null;
    for (const { file, report } of inputs) {
        const r = report.run;
        if (r.digest !== run.digest || r.targets !== run.targets) {
            return refuse(file, "run", `is another run's (${r.targets} targets, digest ${r.digest.slice(0, 12)}…) than ${first.file}'s (${run.targets} targets, digest ${run.digest.slice(0, 12)}…): merge only the shards of one run`);
        }
        const shard = parseShardText(r.shard);
        if (shard === "bad")
            return refuse(file, "run.shard", `must be I/N or null, not ${JSON.stringify(r.shard)}`);
        const key = r.shard === null ? "the whole run" : `shard ${shard?.index}/${shard?.count}`;
        const earlier = seen.get(key);
        if (earlier)
            return refuse(file, "run.shard", `repeats ${key}, already given by ${earlier}: give each shard once`);
        seen.set(key, file);
        const count = shard ? shard.count : 1;
        if (of !== null && count !== of)
            return refuse(file, "run.shard", `is ${key}, but ${first.file} is of a run in ${of} part${of === 1 ? "" : "s"}`);
        of = count;
    }
    const given = new Set([...seen.keys()]);
    const missing = [];
    if (!given.has("the whole run"))
        for (let i = 1; i <= (of ?? 1); i++)
            if (!given.has(`shard ${i}/${of}`))
                missing.push(`${i}/${of}`);
    return { run: { shard: null, targets: run.targets, digest: run.digest }, missing, of: of ?? 1 };
}
function parseShardText(text) {
    if (text === null)
        return null;
    const m = /^(\d{1,6})\/(\d{1,6})$/.exec(text);
    const index = Number(m?.[1]);
    const count = Number(m?.[2]);
    return m && index >= 1 && index <= count ? { index, count } : "bad";
}
/** `message` quotes the report's own values: one line, through the shared neutralisation. */
function refuse(file, field, message) {
    return { problem: { field, message: neutralise_plainText(message), file } };
}
/**
 * Missing shards are a failure of the run, not of a server: they are reported as a target of
 * their own, so that every renderer (text, Markdown, comment, summary, annotations) shows them.
 */
function missingShardsTarget(missing, of) {
    const list = missing.length === 1 ? `shard ${missing[0]}` : `shards ${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
    return {
        name: `merge: ${missing.length} of ${of} shards missing`,
        host: "smtp-gate merge",
        port: 0,
        tlsMode: "none",
        verdict: "fail",
        durationMs: 0,
        error: null,
        tls: null,
        extensions: [],
        extensionsBeforeTls: null,
        steps: [],
        findings: [
            {
                id: "merge-shards-missing",
                severity: "error",
                step: null,
                message: `The reports of ${list} were not given to merge: the targets of ${missing.length === 1 ? "that shard" : "those shards"} are unaccounted for, so the run cannot pass.`,
                cause: null,
                causes: ["The matrix job of that shard failed or was cancelled before it uploaded its report, or its artifact was not downloaded for the merge."],
                ruledOut: [],
                fixes: [`Re-run the missing job${missing.length === 1 ? "" : "s"} and merge every shard's report (smtp-gate merge shard-*.json).`],
            },
        ],
        transcript: [],
        transcriptCapped: false,
        unsolicitedReplies: 0,
    };
}

;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = require("node:string_decoder");
// EXTERNAL MODULE: ./src/config/read-file.ts
var read_file = __nccwpck_require__(2691);
;// CONCATENATED MODULE: ./src/report/read-report.ts



/** `file` names the report in problems. */
function parseReportJson(text, file = "report") {
    let v;
    try {
        v = JSON.parse(text);
    }
    catch (err) {
        return { problem: { field: "report", message: `is not JSON: ${err.message}`, file } };
    }
    const r = (v !== null && typeof v === "object" ? v : {});
    if (r.schema !== "smtp-gate/report@1")
        return { problem: { field: "schema", message: `is not "smtp-gate/report@1": not an smtp-gate report`, file } };
    if (!Array.isArray(r.targets))
        return { problem: { field: "targets", message: "must be a list of targets", file } };
    if (r.targets.length > MAX_REPORT_TARGETS)
        return { problem: { field: "targets", message: `has more than ${MAX_REPORT_TARGETS} targets`, file } };
    const reader = new Reader();
    const report = reportFields.read(v, new Path(null, ""), reader);
    return reader.problem ? { problem: { ...reader.problem, file } } : recomputeVerdicts(report);
}
/**
 * A file's verdicts are not taken on trust (contract §8). A target is at least as bad as its
 * worst step, and not a pass with an error or an error finding (at least a warning: `fail-on:
 * never`, which is not in the report, caps those at warn). The report is the worst of its targets.
 */
function recomputeVerdicts(report) {
    for (const t of report.targets)
        recomputeTargetVerdict(t);
    report.verdict = worstOf(report.targets.map((t) => t.verdict));
    return report;
}
/** One target's share of recomputeVerdicts (the streamed reader, ./read-stream.ts, reads one at a time). */
function recomputeTargetVerdict(t) {
    const floor = t.error || t.findings.some((f) => f.severity !== "notice") ? "warn" : "pass";
    t.verdict = (0,engine_verdict/* worstOf */.hm)([t.verdict, floor, (0,engine_verdict/* worstOf */.hm)(t.steps.map((s) => s.verdict))]);
}

;// CONCATENATED MODULE: ./src/report/read-stream.ts
/**
 * Reads a JSON report in bounded memory: the file in chunks, each element of the top-level
 * `targets` array parsed and handed over alone, the rest of the document (a few fields: the
 * verdict, the run, the domains) parsed at the end. A streamed report of 100,000 targets is
 * read with one target in memory at a time. The values are read by the model's field table
 * (model/report-fields.ts), as ./read-report.ts does for a whole file: a report from a file is
 * untrusted input, its verdicts are recomputed, and renderers neutralise its strings.
 */







/** The document less its targets is small; a larger one is not a report we wrote. */
const MAX_REST_CHARS = 16 * 1024 * 1024;
/** One target at a time, at most FILE_LIMITS.report. */
const MAX_TARGET_CHARS = read_file/* FILE_LIMITS */.SK.report;
const CHUNK = 1024 * 1024;
/** Ten times the largest fleet the bench runs: more is not a report of ours (an endless device, say). */
const MAX_STREAMED_TARGETS = 1_000_000;
var C;
(function (C) {
    C[C["Quote"] = 34] = "Quote";
    C[C["Backslash"] = 92] = "Backslash";
    C[C["Colon"] = 58] = "Colon";
    C[C["Comma"] = 44] = "Comma";
    C[C["OpenBrace"] = 123] = "OpenBrace";
    C[C["CloseBrace"] = 125] = "CloseBrace";
    C[C["OpenBracket"] = 91] = "OpenBracket";
    C[C["CloseBracket"] = 93] = "CloseBracket";
})(C || (C = {}));
const isSpace = (c) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/**
 * Finds the elements of the top-level `targets` array in JSON text fed in chunks. Strings are
 * skipped whole (a brace inside one is text); the depth counts objects and arrays.
 */
class TargetsScanner {
    onElement;
    depth = 0;
    inString = false;
    escaped = false;
    /** The last string closed at depth 1, while it may be a key ("targets" is all that matters). */
    key = "";
    keyChars = [];
    afterColon = false;
    started = false;
    /** 0: outside targets; 1: inside, between elements; 2: inside an element. */
    mode = 0;
    element = [];
    elementChars = 0;
    rest = [];
    restChars = 0;
    problem = null;
    targets = 0;
    constructor(onElement) {
        this.onElement = onElement;
    }
    feed(text) {
        let from = 0; // start of the slice not yet copied to rest or element
        for (let i = 0; i < text.length && !this.problem; i++) {
            const c = text.charCodeAt(i);
            if (this.inString) {
                if (this.escaped)
                    this.escaped = false;
                else if (c === C.Backslash)
                    this.escaped = true;
                else if (c === C.Quote) {
                    this.inString = false;
                    if (this.depth === 1 && this.mode === 0)
                        this.key = this.keyChars.join("");
                }
                else if (this.depth === 1 && this.mode === 0 && this.keyChars.length < 16)
                    this.keyChars.push(text[i]);
                continue;
            }
            if (this.depth === 0 && !isSpace(c) && (c !== C.OpenBrace || this.started)) {
                this.problem = { field: "report", message: this.started ? "has text after the report's closing brace" : "is not JSON: a report starts with {" };
                break;
            }
            if (c === C.Quote) {
                this.inString = true;
                this.keyChars = [];
                continue;
            }
            if (this.mode === 1) {
                if (isSpace(c) || c === C.Comma)
                    continue;
                if (c === C.CloseBracket) {
                    // The array ends: rest takes over from its closing bracket.
                    this.mode = 0;
                    this.depth--;
                    from = i;
                    this.addRest("]");
                    from = i + 1;
                    continue;
                }
                if (c !== C.OpenBrace) {
                    this.problem = { field: `targets[${this.targets}]`, message: "must be an object" };
                    break;
                }
                this.mode = 2;
                from = i;
            }
            if (c === C.OpenBrace || c === C.OpenBracket) {
                this.started = true;
                if (this.mode === 0 && this.depth === 1 && c === C.OpenBracket && this.afterColon && this.key === "targets") {
                    this.addRest(text.slice(from, i + 1));
                    from = i + 1;
                    this.mode = 1;
                }
                this.depth++;
            }
            else if (c === C.CloseBrace || c === C.CloseBracket) {
                this.depth--;
                if (this.mode === 2 && this.depth === 2) {
                    this.addElement(text.slice(from, i + 1));
                    from = i + 1;
                    this.mode = 1;
                    this.onElement(this.element.join(""));
                    this.element = [];
                    this.elementChars = 0;
                    this.targets++;
                    if (this.targets > MAX_STREAMED_TARGETS)
                        this.problem = { field: "targets", message: `has more than ${MAX_STREAMED_TARGETS} targets` };
                }
            }
            if (this.depth === 1 && this.mode === 0)
                this.afterColon = c === C.Colon || (this.afterColon && isSpace(c));
        }
        if (this.problem)
            return;
        const tail = text.slice(from);
        if (this.mode === 2)
            this.addElement(tail);
        else if (this.mode === 0)
            this.addRest(tail);
    }
    addRest(s) {
        this.restChars += s.length;
        if (this.restChars > MAX_REST_CHARS)
            this.problem ??= { field: "report", message: `has more than ${MAX_REST_CHARS} characters besides its targets` };
        else
            this.rest.push(s);
    }
    addElement(s) {
        this.elementChars += s.length;
        if (this.elementChars > MAX_TARGET_CHARS)
            this.problem ??= { field: `targets[${this.targets}]`, message: `is longer than ${MAX_TARGET_CHARS} characters` };
        else
            this.element.push(s);
    }
    /** The document less its targets' elements (`"targets": []`). */
    restText() {
        return this.rest.join("");
    }
}
/**
 * Reads the report at `path`, handing each target to `onTarget` as it is read; returns the
 * report's other fields, its verdict the worst of its targets' (recomputed, as they are), and the
 * number of targets, or the first problem (which names the file).
 */
function streamReportFile(path, onTarget) {
    const fail = (field, message) => ({ problem: { field, message, file: path } });
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, "r");
    }
    catch (err) {
        return fail("report", `cannot be read: ${err.message}`);
    }
    const reader = new fields_Reader();
    let bad = null;
    let verdict = "pass";
    const scanner = new TargetsScanner((text) => {
        if (bad || reader.problem)
            return;
        let v;
        try {
            v = JSON.parse(text);
        }
        catch (err) {
            bad = `targets[${scanner.targets}] is not JSON: ${err.message}`;
            return;
        }
        const t = targetFields.read(v, new fields_Path(null, "").at("targets").at(scanner.targets), reader);
        if (reader.problem)
            return;
        // As ./read-report.ts: a file's verdicts are not taken on trust (contract §8).
        recomputeTargetVerdict(t);
        verdict = (0,engine_verdict/* worst */.QZ)(verdict, t.verdict);
        onTarget(t, scanner.targets);
    });
    try {
        const decoder = new external_node_string_decoder_namespaceObject.StringDecoder("utf8");
        const buf = Buffer.allocUnsafe(CHUNK);
        for (;;) {
            const n = (0,external_node_fs_.readSync)(fd, buf, 0, CHUNK, null);
            if (n === 0)
                break;
            scanner.feed(decoder.write(buf.subarray(0, n)));
            if (scanner.problem || bad || reader.problem)
                break;
        }
        scanner.feed(decoder.end());
    }
    catch (err) {
        return fail("report", `cannot be read: ${err.message}`);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    if (reader.problem)
        return fail(reader.problem.field, reader.problem.message);
    if (bad)
        return fail("targets", bad);
    if (scanner.problem)
        return fail(scanner.problem.field, scanner.problem.message);
    let rest;
    try {
        rest = JSON.parse(scanner.restText());
    }
    catch (err) {
        return fail("report", `is not JSON: ${err.message}`);
    }
    const r = (rest !== null && typeof rest === "object" ? rest : {});
    if (r.schema !== "smtp-gate/report@1")
        return fail("schema", `is not "smtp-gate/report@1": not an smtp-gate report`);
    if (!Array.isArray(r.targets))
        return fail("targets", "must be a list of targets");
    const { targets: _none, ...report } = report_fields_reportFields.read(r, new fields_Path(null, ""), reader);
    const late = reader.problem;
    return late ? fail(late.field, late.message) : { report: { ...report, verdict }, targets: scanner.targets };
}

;// CONCATENATED MODULE: ./src/report/shard-files.ts
/**
 * The shard reports the action's `merge-reports` input (and `smtp-gate merge`) names: paths or globs, one per line or
 * separated by commas, as actions/download-artifact leaves them (`shards/*.json`). Each pattern
 * must match a file, so a shard whose artifact never arrived is an error, not a smaller fleet.
 * Then the one merge of both faces, a target at a time (mergeReportFiles).
 */




function findReportFiles(text, field) {
    const patterns = text.split(/[\n,]/).map((p) => p.trim()).filter(Boolean);
    if (patterns.length === 0)
        return { problem: { field, message: "names no file" } };
    const files = new Set();
    for (const pattern of patterns) {
        const found = globSync(pattern).sort();
        if (found.length === 0)
            return { problem: { field, message: `"${pattern}" matches no file: did every shard's artifact download?` } };
        for (const f of found)
            files.add(f);
    }
    return [...files];
}
/**
 * Merges the shard reports `files` into `out` (`merge` and `merge-reports`) in bounded memory:
 * twice through the files, one target at a time (./read-stream.ts). First every file is read and
 * the shards of one run are counted over their heads (./merge.ts: another run's report or a
 * repeated shard is a problem naming the files), so nothing is written when one is bad; then
 * `open` opens the outputs of `out`, and the targets stream into them as a run's do: the shards' in
 * file order, then merge's own (a missing shard's failing target). Returns the merged report's
 * end, its verdict the worst of the targets written, or the first problem, naming its file.
 */
function mergeReportFiles(files, out, open) {
    const heads = [];
    for (const file of files) {
        const r = streamReportFile(file, () => { });
        if ("problem" in r)
            return r;
        // The heads are kept for the count; their domains are read again with the targets below, and
        // handed over there (the merged report's domains come from nowhere else).
        const { domains: _domains, ...head } = r.report;
        heads.push({ file, report: { ...head, targets: [] } });
    }
    const merged = mergeReports(heads);
    if ("problem" in merged)
        return merged;
    open();
    let verdict = "pass";
    const add = (t, at, sub) => {
        verdict = (0,engine_verdict/* worst */.QZ)(verdict, t.verdict);
        out.add(t, at, sub);
    };
    // Each mail domain once, the first shard's entry, handed over as a run hands its own (only the
    // names are kept, not every shard's policies).
    const domainsSeen = new Set();
    for (const [at, file] of files.entries()) {
        // A file that changed since the first pass can still be bad: the outputs stop where it did.
        const r = streamReportFile(file, (t, sub) => add(t, at, sub));
        if ("problem" in r)
            return r;
        for (const d of r.report.domains ?? []) {
            if (domainsSeen.has(d.domain))
                continue;
            domainsSeen.add(d.domain);
            out.domain(d);
        }
    }
    const { targets: own, ...head } = merged;
    for (const [sub, t] of own.entries())
        add(t, files.length, sub);
    const end = { ...head, verdict };
    out.end(end);
    return end;
}

;// CONCATENATED MODULE: ./src/config/errors.ts
function formatProblem(p) {
    const where = p.file ? `${p.file}${p.line ? `:${p.line}` : ""}: ` : "";
    return `${where}${p.field}: ${p.message}`;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/config/output-path.ts
/**
 * Checks a file smtp-gate will write (`--report`, `junit-file`, GITHUB_OUTPUT, …) before anything
 * is sent, so that a folder given as a file name or a missing folder is a configuration error,
 * not a failure after the probe already ran. It changes nothing on disk. What only writing can
 * tell (a full disk) is still up to the writer.
 */


/** Why `path` cannot be written, in words after the path (`is a folder`), or null. */
function unwritablePath(path, kind) {
    const file = statOf(path);
    if (file === "ENOENT")
        return kind === "existing-file" ? "does not exist" : unwritableFolder((0,external_node_path_.dirname)(path), kind === "creates-folders");
    if (typeof file === "string")
        return reason(file);
    if (file.isDirectory())
        return "is a folder, not a file";
    return writable(path, external_node_fs_.constants.W_OK);
}
/** The folder a new file goes in: it, or with `creates` its nearest existing ancestor, must be a writable folder. */
function unwritableFolder(folder, creates) {
    for (let dir = folder;; dir = (0,external_node_path_.dirname)(dir)) {
        const s = statOf(dir);
        if (s === "ENOENT" && creates && (0,external_node_path_.dirname)(dir) !== dir)
            continue;
        if (s === "ENOENT")
            return `is in a folder that does not exist (${dir})`;
        if (typeof s === "string")
            return reason(s);
        if (!s.isDirectory())
            return `is in ${dir}, which is not a folder`;
        return writable(dir, external_node_fs_.constants.W_OK | external_node_fs_.constants.X_OK);
    }
}
function statOf(path) {
    try {
        return (0,external_node_fs_.statSync)(path);
    }
    catch (e) {
        return e.code ?? String(e);
    }
}
function writable(path, mode) {
    try {
        (0,external_node_fs_.accessSync)(path, mode);
        return null;
    }
    catch (e) {
        return reason(e.code ?? String(e));
    }
}
function reason(code) {
    if (code === "ENOTDIR")
        return "is below a file, not a folder";
    return `cannot be written (${code})`;
}

// EXTERNAL MODULE: ./src/config/local-io.ts
var local_io = __nccwpck_require__(1194);
// EXTERNAL MODULE: ./src/config/resolve.ts + 2 modules
var resolve = __nccwpck_require__(4147);
// EXTERNAL MODULE: ./src/engine/run.ts + 62 modules
var engine_run = __nccwpck_require__(6013);
;// CONCATENATED MODULE: ./src/knowledge/enhanced-codes.ts
/** The registry every subject.detail entry below is listed in. */
const ENHANCED_REGISTRY = "IANA SMTP Enhanced Status Codes registry";
/** Enhanced status classes (RFC 3463 §2, Status Code Structure). */
const ENHANCED_CLASSES = [
    {
        class: 2,
        name: "success",
        meaning: "Success: the action was completed; the detail may report a transformation needed for delivery.",
        source: "RFC 3463 §2",
    },
    {
        class: 4,
        name: "persistent transient failure",
        meaning: "Persistent transient failure: the message as sent is valid, but a temporary condition stopped or delayed it; sending again later may succeed.",
        source: "RFC 3463 §2",
    },
    {
        class: 5,
        name: "permanent failure",
        meaning: "Permanent failure: not likely to succeed if resent in the same form; something must change first.",
        source: "RFC 3463 §2",
    },
];
/** Subject sub-codes (RFC 3463 §2), used when a detail code is not in the registry. */
const ENHANCED_SUBJECTS = [
    { subject: 0, meaning: "Other or undefined status", source: "RFC 3463 §2" },
    { subject: 1, meaning: "Addressing status (the sender or recipient address)", source: "RFC 3463 §2" },
    { subject: 2, meaning: "Mailbox status (the recipient's mailbox)", source: "RFC 3463 §2" },
    { subject: 3, meaning: "Mail system status (the receiving system)", source: "RFC 3463 §2" },
    { subject: 4, meaning: "Network and routing status", source: "RFC 3463 §2" },
    { subject: 5, meaning: "Mail delivery protocol status", source: "RFC 3463 §2" },
    { subject: 6, meaning: "Message content or media status", source: "RFC 3463 §2" },
    { subject: 7, meaning: "Security or policy status", source: "RFC 3463 §2" },
];
/**
 * Every subject.detail entry of the IANA "SMTP Enhanced Status Codes" registry
 * (X.0.0, X.1.0–X.1.10, X.2.0–X.2.4, X.3.0–X.3.6, X.4.0–X.4.7, X.5.0–X.5.6,
 * X.6.0–X.6.10, X.7.0–X.7.30), with the RFC that defined each. Built on first use, as
 * replyCodes() is, and for the same reason.
 */
function enhancedCodes() {
    return (enhancedCodesTable ??= [
        // X.0.x: RFC 3463 §3.1
        {
            subject: 0, detail: 0,
            meaning: "Other undefined status: only the class of the problem is known.",
            source: "RFC 3463 §3.1",
        },
        // X.1.x: addressing, RFC 3463 §3.2 unless noted
        {
            subject: 1, detail: 0,
            meaning: "Other address status: something about an address caused the problem.",
            source: "RFC 3463 §3.2",
        },
        {
            subject: 1, detail: 1,
            meaning: "Bad destination mailbox address: the mailbox (left of the @) does not exist.",
            source: "RFC 3463 §3.2",
        },
        {
            subject: 1, detail: 2,
            meaning: "Bad destination system address: the domain (right of the @) does not exist or cannot receive mail.",
            source: "RFC 3463 §3.2",
        },
        {
            subject: 1, detail: 3,
            meaning: "Bad destination mailbox address syntax.",
            source: "RFC 3463 §3.2",
        },
        {
            subject: 1, detail: 4,
            meaning: "Destination mailbox address ambiguous: it matches more than one recipient.",
            source: "RFC 3463 §3.2",
        },
        {
            subject: 1, detail: 5,
            meaning: "Destination address valid (success).",
            source: "RFC 3463 §3.2",
        },
        {
            subject: 1, detail: 6,
            meaning: "Destination mailbox has moved, no forwarding address.",
            source: "RFC 3463 §3.2",
        },
        {
            subject: 1, detail: 7,
            meaning: "Bad sender's mailbox address syntax.",
            source: "RFC 3463 §3.2",
        },
        {
            subject: 1, detail: 8,
            meaning: "Bad sender's system address: the sender's domain does not exist or cannot receive replies.",
            source: "RFC 3463 §3.2",
        },
        {
            subject: 1, detail: 9,
            meaning: "Message relayed to non-compliant mailer: the address was valid, but the message went to a system that cannot report further.",
            source: "RFC 3886",
        },
        {
            subject: 1, detail: 10,
            meaning: "Recipient address has null MX: the recipient's domain declares it accepts no mail.",
            source: "RFC 7505; RFC 7504",
        },
        // X.2.x: mailbox, RFC 3463 §3.3
        {
            subject: 2, detail: 0,
            meaning: "Other or undefined mailbox status: the mailbox exists, but something about it stopped delivery.",
            source: "RFC 3463 §3.3",
        },
        {
            subject: 2, detail: 1,
            meaning: "Mailbox disabled, not accepting messages.",
            source: "RFC 3463 §3.3",
        },
        {
            subject: 2, detail: 2,
            meaning: "Mailbox full: the recipient is over quota.",
            source: "RFC 3463 §3.3",
        },
        {
            subject: 2, detail: 3,
            meaning: "Message length exceeds the per-mailbox administrative limit.",
            source: "RFC 3463 §3.3",
        },
        {
            subject: 2, detail: 4,
            meaning: "Mailing list expansion problem.",
            source: "RFC 3463 §3.3",
        },
        // X.3.x: mail system, RFC 3463 §3.4 unless noted
        {
            subject: 3, detail: 0,
            meaning: "Other or undefined mail system status: the destination system normally accepts mail but something about it caused this.",
            source: "RFC 3463 §3.4",
        },
        {
            subject: 3, detail: 1,
            meaning: "Mail system full: the system's storage is exhausted.",
            source: "RFC 3463 §3.4",
        },
        {
            subject: 3, detail: 2,
            meaning: "System not accepting network messages (shutdown, load, maintenance).",
            source: "RFC 3463 §3.4; RFC 7504",
        },
        {
            subject: 3, detail: 3,
            meaning: "System not capable of selected features.",
            source: "RFC 3463 §3.4",
        },
        {
            subject: 3, detail: 4,
            meaning: "Message too big for system.",
            source: "RFC 3463 §3.4",
        },
        {
            subject: 3, detail: 5,
            meaning: "System incorrectly configured to accept this message.",
            source: "RFC 3463 §3.4",
        },
        {
            subject: 3, detail: 6,
            meaning: "Requested priority was changed: the message was accepted, but not at the priority asked for.",
            source: "RFC 6710",
        },
        // X.4.x: network and routing, RFC 3463 §3.5
        {
            subject: 4, detail: 0,
            meaning: "Other or undefined network or routing status.",
            source: "RFC 3463 §3.5",
        },
        {
            subject: 4, detail: 1,
            meaning: "No answer from host: the connection attempt was not answered.",
            source: "RFC 3463 §3.5",
        },
        {
            subject: 4, detail: 2,
            meaning: "Bad connection: the connection was made but the transaction could not complete (timeout, poor link).",
            source: "RFC 3463 §3.5",
        },
        {
            subject: 4, detail: 3,
            meaning: "Directory server failure: e.g. DNS could not be reached.",
            source: "RFC 3463 §3.5",
        },
        {
            subject: 4, detail: 4,
            meaning: "Unable to route: no next hop could be found (e.g. DNS returned no MX/A, only an SOA).",
            source: "RFC 3463 §3.5",
        },
        {
            subject: 4, detail: 5,
            meaning: "Mail system congestion.",
            source: "RFC 3463 §3.5",
        },
        {
            subject: 4, detail: 6,
            meaning: "Routing loop detected: the message was forwarded too many times.",
            source: "RFC 3463 §3.5",
        },
        {
            subject: 4, detail: 7,
            meaning: "Delivery time expired: the message stayed queued too long.",
            source: "RFC 3463 §3.5",
        },
        // X.5.x: mail delivery protocol, RFC 3463 §3.6 unless noted
        {
            subject: 5, detail: 0,
            meaning: "Other or undefined protocol status.",
            source: "RFC 3463 §3.6",
        },
        {
            subject: 5, detail: 1,
            meaning: "Invalid command: out of sequence or unsupported.",
            source: "RFC 3463 §3.6",
        },
        {
            subject: 5, detail: 2,
            meaning: "Syntax error: the command could not be interpreted.",
            source: "RFC 3463 §3.6",
        },
        {
            subject: 5, detail: 3,
            meaning: "Too many recipients for this transaction.",
            source: "RFC 3463 §3.6",
        },
        {
            subject: 5, detail: 4,
            meaning: "Invalid command arguments: out of range or unrecognised features.",
            source: "RFC 3463 §3.6",
        },
        {
            subject: 5, detail: 5,
            meaning: "Wrong protocol version.",
            source: "RFC 3463 §3.6",
        },
        {
            subject: 5, detail: 6,
            meaning: "Authentication exchange line is too long.",
            source: "RFC 4954 §6",
        },
        // X.6.x: content or media, RFC 3463 §3.7 unless noted
        {
            subject: 6, detail: 0,
            meaning: "Other or undefined media error: something about the content made it undeliverable.",
            source: "RFC 3463 §3.7",
        },
        {
            subject: 6, detail: 1,
            meaning: "Media not supported by the delivery protocol or next system.",
            source: "RFC 3463 §3.7",
        },
        {
            subject: 6, detail: 2,
            meaning: "Conversion required and prohibited.",
            source: "RFC 3463 §3.7",
        },
        {
            subject: 6, detail: 3,
            meaning: "Conversion required but not supported (e.g. 8-bit to 7-bit downgrade impossible).",
            source: "RFC 3463 §3.7",
        },
        {
            subject: 6, detail: 4,
            meaning: "Conversion with loss performed (a warning, or a failure if lossy conversion was forbidden).",
            source: "RFC 3463 §3.7",
        },
        {
            subject: 6, detail: 5,
            meaning: "Conversion failed.",
            source: "RFC 3463 §3.7",
        },
        {
            subject: 6, detail: 6,
            meaning: "Message content not available: content could not be fetched from a remote system (BURL).",
            source: "RFC 4468",
        },
        {
            subject: 6, detail: 7,
            meaning: "Non-ASCII addresses not permitted for that sender/recipient.",
            source: "RFC 6531",
        },
        {
            subject: 6, detail: 8,
            meaning: "UTF-8 string reply is required, but not permitted by the SMTP client.",
            source: "RFC 6531",
        },
        {
            subject: 6, detail: 9,
            meaning: "UTF-8 header message cannot be transferred to one or more recipients, so it must be rejected.",
            source: "RFC 6531",
        },
        {
            subject: 6, detail: 10,
            meaning: "Deprecated: registered as a duplicate of X.6.8 (UTF-8 string reply required but not permitted by the client).",
            source: "RFC 6531",
        },
        // X.7.x: security or policy, RFC 3463 §3.8 unless noted
        {
            subject: 7, detail: 0,
            meaning: "Other or undefined security status (also used when policy forbids saying more).",
            source: "RFC 3463 §3.8",
        },
        {
            subject: 7, detail: 1,
            meaning: "Delivery not authorized, message refused (per-host or per-recipient policy).",
            source: "RFC 3463 §3.8",
        },
        {
            subject: 7, detail: 2,
            meaning: "Mailing list expansion prohibited for this sender.",
            source: "RFC 3463 §3.8",
        },
        {
            subject: 7, detail: 3,
            meaning: "Security conversion required but not possible.",
            source: "RFC 3463 §3.8",
        },
        {
            subject: 7, detail: 4,
            meaning: "Security features not supported by the delivery protocol.",
            source: "RFC 3463 §3.8",
        },
        {
            subject: 7, detail: 5,
            meaning: "Cryptographic failure: a key or other information needed to validate or decrypt was missing or invalid.",
            source: "RFC 3463 §3.8",
        },
        {
            subject: 7, detail: 6,
            meaning: "Cryptographic algorithm not supported.",
            source: "RFC 3463 §3.8",
        },
        {
            subject: 7, detail: 7,
            meaning: "Message integrity failure: the message was corrupted or altered.",
            source: "RFC 3463 §3.8",
        },
        {
            subject: 7, detail: 8,
            meaning: "Authentication credentials invalid.",
            source: "RFC 4954 §6",
        },
        {
            subject: 7, detail: 9,
            meaning: "Authentication mechanism is too weak.",
            source: "RFC 4954 §6",
        },
        {
            subject: 7, detail: 10,
            meaning: "Encryption needed: a strong privacy layer is needed to use the requested authentication mechanism.",
            source: "RFC 5248",
        },
        {
            subject: 7, detail: 11,
            meaning: "Encryption required for the requested authentication mechanism.",
            source: "RFC 4954 §6",
        },
        {
            subject: 7, detail: 12,
            meaning: "A password transition is needed: authenticate once with PLAIN so the server can set up the selected mechanism.",
            source: "RFC 4954 §6",
        },
        {
            subject: 7, detail: 13,
            meaning: "User account disabled: authentication succeeded, but the account is disabled.",
            source: "RFC 5248",
        },
        {
            subject: 7, detail: 14,
            meaning: "Trust relationship required: the submission server needs a configured trust with a third-party server to fetch the content.",
            source: "RFC 5248",
        },
        {
            subject: 7, detail: 15,
            meaning: "Priority level is too low for the receiving server.",
            source: "RFC 6710",
        },
        {
            subject: 7, detail: 16,
            meaning: "Message is too big for the specified priority.",
            source: "RFC 6710",
        },
        {
            subject: 7, detail: 17,
            meaning: "Mailbox owner has changed since the date given with Require-Recipient-Valid-Since (RRVS).",
            source: "RFC 7293",
        },
        {
            subject: 7, detail: 18,
            meaning: "Domain owner has changed since the date given with RRVS.",
            source: "RFC 7293",
        },
        {
            subject: 7, detail: 19,
            meaning: "RRVS test cannot be completed: the receiver has no record of the needed timestamp.",
            source: "RFC 7293",
        },
        {
            subject: 7, detail: 20,
            meaning: "No passing DKIM signature found.",
            source: "RFC 7372; RFC 6376",
        },
        {
            subject: 7, detail: 21,
            meaning: "No acceptable DKIM signature found: signatures pass, but none is acceptable under local policy.",
            source: "RFC 7372; RFC 6376",
        },
        {
            subject: 7, detail: 22,
            meaning: "No valid author-matched DKIM signature found (no passing signature from the From: domain).",
            source: "RFC 7372; RFC 6376",
        },
        {
            subject: 7, detail: 23,
            meaning: "SPF validation failed: the sending IP is not authorised by the sender domain's SPF record.",
            source: "RFC 7372; RFC 7208",
        },
        {
            subject: 7, detail: 24,
            meaning: "SPF validation error: evaluating SPF failed (temperror or permerror).",
            source: "RFC 7372; RFC 7208",
        },
        {
            subject: 7, detail: 25,
            meaning: "Reverse DNS validation failed for the SMTP client's IP address.",
            source: "RFC 7372; RFC 7601",
        },
        {
            subject: 7, detail: 26,
            meaning: "Multiple authentication checks failed (which ones is not said).",
            source: "RFC 7372",
        },
        {
            subject: 7, detail: 27,
            meaning: "Sender address has null MX: the sender's domain declares it receives no mail, so no bounce could be returned.",
            source: "RFC 7505",
        },
        {
            subject: 7, detail: 28,
            meaning: "Mail flood detected: the message looks like part of a flood of similar abusive messages.",
            source: "RFC 8098",
        },
        {
            subject: 7, detail: 29,
            meaning: "ARC validation failure.",
            source: "RFC 8617",
        },
        {
            subject: 7, detail: 30,
            meaning: "REQUIRETLS support required: the message demanded REQUIRETLS but the next hop does not offer it.",
            source: "RFC 8689",
        },
    ]);
}
let enhancedCodesTable;

;// CONCATENATED MODULE: ./src/knowledge/reply-codes.ts
/**
 * SMTP reply codes: every code of RFC 5321 §4.2.2/§4.2.3 plus the ones added by
 * extensions (RFC 3207 STARTTLS, RFC 4954 AUTH, RFC 7504). One entry per code; where an
 * extension gives a code a second use, the entry says both and names both sources.
 *
 * A function, built on first use, rather than a constant: V8 compiles a function's literals only
 * when it first runs, so these texts cost nothing to a run that never reads them (a probe that
 * passes).
 */
function replyCodes() {
    return (replyCodesTable ??= [
        {
            code: 211,
            meaning: "System status, or system help reply.",
            source: "RFC 5321 §4.2.2, §4.2.3",
        },
        {
            code: 214,
            meaning: "Help message: text meant for a human, usually the answer to HELP.",
            source: "RFC 5321 §4.2.2, §4.2.3",
        },
        {
            code: 220,
            meaning: "Service ready (the greeting banner). After STARTTLS, 220 means \"ready to start TLS\": the client must begin the TLS handshake now.",
            source: "RFC 5321 §4.2.2, §4.2.3; RFC 3207 §4 (STARTTLS)",
        },
        {
            code: 221,
            meaning: "Service closing transmission channel: the normal answer to QUIT.",
            source: "RFC 5321 §4.2.2, §4.2.3",
        },
        {
            code: 235,
            meaning: "Authentication succeeded.",
            source: "RFC 4954 §4, §6",
        },
        {
            code: 250,
            meaning: "Requested mail action okay, completed.",
            source: "RFC 5321 §4.2.2, §4.2.3",
        },
        {
            code: 251,
            meaning: "User not local; the server will forward to another path.",
            source: "RFC 5321 §4.2.2, §4.2.3, §3.4",
        },
        {
            code: 252,
            meaning: "Cannot verify the user (VRFY), but the server will accept the message and attempt delivery.",
            source: "RFC 5321 §4.2.2, §4.2.3, §3.5.3",
        },
        {
            code: 334,
            meaning: "AUTH continuation: the server sends a (base64) challenge and waits for the client's response.",
            source: "RFC 4954 §4",
        },
        {
            code: 354,
            meaning: "Start mail input; end with <CRLF>.<CRLF>.",
            source: "RFC 5321 §4.2.2, §4.2.3",
        },
        {
            code: 421,
            meaning: "Service not available, closing transmission channel. The server is shutting the session; this is temporary.",
            source: "RFC 5321 §4.2.2, §4.2.3, §3.8",
        },
        {
            code: 432,
            meaning: "A password transition is needed: authenticate once with a plain mechanism so the server can set up the new one.",
            source: "RFC 4954 §6",
        },
        {
            code: 450,
            meaning: "Requested mail action not taken: mailbox unavailable (temporarily; e.g. mailbox busy or blocked for policy reasons).",
            source: "RFC 5321 §4.2.2, §4.2.3",
        },
        {
            code: 451,
            meaning: "Requested action aborted: local error in processing (temporary).",
            source: "RFC 5321 §4.2.2, §4.2.3",
        },
        {
            code: 452,
            meaning: "Requested action not taken: insufficient system storage (temporary). After RCPT it also means too many recipients for this transaction.",
            source: "RFC 5321 §4.2.2, §4.2.3, §4.5.3.1.10",
        },
        {
            code: 454,
            meaning: "Temporary failure: TLS not available for a temporary reason (answer to STARTTLS), or temporary authentication failure (answer to AUTH).",
            source: "RFC 3207 §4 (STARTTLS); RFC 4954 §6 (AUTH)",
        },
        {
            code: 455,
            meaning: "Server unable to accommodate parameters (temporary): a MAIL FROM/RCPT TO parameter cannot be honoured right now.",
            source: "RFC 5321 §4.2.2, §4.2.3",
        },
        {
            code: 500,
            meaning: "Syntax error, command unrecognized (also: command line too long). Today a 500 rarely means the MTA itself is broken; usually something between the sender and the MTA changed the command, or the sender used something non-standard.",
            source: "RFC 5321 §4.2.2, §4.2.3; RFC 4954 §6",
        },
        {
            code: 501,
            meaning: "Syntax error in parameters or arguments. For STARTTLS: the command takes no parameters. For AUTH: the client cancelled the exchange or sent an invalid base64 response.",
            source: "RFC 5321 §4.2.2, §4.2.3; RFC 3207 §4 (STARTTLS); RFC 4954 §4 (AUTH)",
        },
        {
            code: 502,
            meaning: "Command not implemented: the server recognises the command but does not support it here. As with 500, a middle box is a frequent cause.",
            source: "RFC 5321 §4.2.2, §4.2.3, §4.2.4",
        },
        {
            code: 503,
            meaning: "Bad sequence of commands.",
            source: "RFC 5321 §4.2.2, §4.2.3, §4.1.4",
        },
        {
            code: 504,
            meaning: "Command parameter not implemented (e.g. an unsupported AUTH mechanism).",
            source: "RFC 5321 §4.2.2, §4.2.3",
        },
        {
            code: 521,
            meaning: "Host does not accept mail: this server never accepts mail (e.g. a dummy MX or a host that only sends).",
            source: "RFC 7504 §3",
        },
        {
            code: 530,
            meaning: "Access denied: authentication required (RFC 4954), or \"must issue a STARTTLS command first\" (RFC 3207).",
            source: "RFC 4954 §6; RFC 3207 §4",
        },
        {
            code: 534,
            meaning: "Authentication mechanism is too weak for this user by server policy.",
            source: "RFC 4954 §6",
        },
        {
            code: 535,
            meaning: "Authentication credentials invalid.",
            source: "RFC 4954 §6",
        },
        {
            code: 538,
            meaning: "Encryption required for the requested authentication mechanism.",
            source: "RFC 4954 §6",
        },
        {
            code: 550,
            meaning: "Requested action not taken: mailbox unavailable (not found, no access) or refused by policy. Permanent.",
            source: "RFC 5321 §4.2.2, §4.2.3",
        },
        {
            code: 551,
            meaning: "User not local; the server will not forward, and may name the address to try instead.",
            source: "RFC 5321 §4.2.2, §4.2.3, §3.4",
        },
        {
            code: 552,
            meaning: "Requested mail action aborted: exceeded storage allocation (message too big, or mailbox full).",
            source: "RFC 5321 §4.2.2, §4.2.3, §4.5.3.1.10",
        },
        {
            code: 553,
            meaning: "Requested action not taken: mailbox name not allowed (syntax incorrect, or sender not permitted).",
            source: "RFC 5321 §4.2.2, §4.2.3",
        },
        {
            code: 554,
            meaning: "Transaction failed (after DATA), or, in the greeting, no SMTP service here. Permanent.",
            source: "RFC 5321 §4.2.2, §4.2.3, §3.1",
        },
        {
            code: 555,
            meaning: "MAIL FROM/RCPT TO parameters not recognized or not implemented.",
            source: "RFC 5321 §4.2.2, §4.2.3",
        },
        {
            code: 556,
            meaning: "Domain does not accept mail: the recipient's domain declares it receives no mail (e.g. a null MX).",
            source: "RFC 7504 §4; RFC 7505",
        },
    ]);
}
let replyCodesTable;

// EXTERNAL MODULE: ./src/knowledge/candidate-causes.ts
var candidate_causes = __nccwpck_require__(5882);
// EXTERNAL MODULE: ./src/knowledge/root-cause.ts + 1 modules
var root_cause = __nccwpck_require__(2633);
// EXTERNAL MODULE: ./src/knowledge/root-causes.ts
var root_causes = __nccwpck_require__(2107);
// EXTERNAL MODULE: ./src/knowledge/servers.ts
var servers = __nccwpck_require__(9496);
;// CONCATENATED MODULE: ./src/knowledge/explain.ts







/** Reply code syntax: three digits, the first 2–5 (RFC 5321 §4.2). */
const REPLY_RE = /^[2-5]\d\d$/;
/** Enhanced status code syntax: class 2|4|5, subject and detail of 1–3 digits (RFC 3463 §2). */
const ENHANCED_RE = /^([245])\.(\d{1,3})\.(\d{1,3})$/;
/** A registry key: class given as a digit or as X. */
const ENHANCED_KEY_RE = /^([245Xx])\.(\d{1,3})\.(\d{1,3})$/;
// Indexes of the tables, built with them on first use.
let replyByCode;
let enhancedByKey;
/** First-digit meaning of a reply code (RFC 5321 §4.2.1). */
const FIRST_DIGIT = {
    2: "Positive completion reply: the requested action was completed.",
    3: "Positive intermediate reply: the command was accepted, the server waits for more information.",
    4: "Transient negative completion reply: the action was not taken, but the condition is temporary; try again later.",
    5: "Permanent negative completion reply: the action was not taken and repeating it unchanged will fail again.",
};
/** Second-digit category of a reply code (RFC 5321 §4.2.1). */
const SECOND_DIGIT = {
    0: "syntax",
    1: "information",
    2: "connections",
    3: "unspecified",
    4: "unspecified",
    5: "mail system",
};
const BOUNCE = {
    success: "none",
    intermediate: "none",
    transient: "soft",
    permanent: "hard",
};
function lookupReplyCode(code) {
    replyByCode ??= new Map(replyCodes().map((e) => [e.code, e]));
    return replyByCode.get(code);
}
/** Looks up "5.1.1", "4.1.1" or "X.1.1" by its subject.detail (the class does not change the entry). */
function lookupEnhanced(enhanced) {
    const m = ENHANCED_KEY_RE.exec(enhanced.trim());
    if (!m)
        return undefined;
    enhancedByKey ??= new Map(enhancedCodes().map((e) => [`${e.subject}.${e.detail}`, e]));
    return enhancedByKey.get(`${Number(m[2])}.${Number(m[3])}`);
}
/** 2→success, 3→intermediate, 4→transient, 5→permanent (first digit; RFC 5321 §4.2.1). */
function classOfCode(code) {
    const cls = isReplyCode(code) ? (0,classify/* classify */.L)(code) : undefined;
    if (!cls)
        throw new RangeError(`not an SMTP reply code: ${code}`);
    return cls;
}
/** none for success/intermediate, soft for transient, hard for permanent. */
function bounceOf(cls) {
    return BOUNCE[cls];
}
function isReplyCode(code) {
    return Number.isInteger(code) && REPLY_RE.test(String(code));
}
/** Canonical form of a well-formed enhanced code ("5.01.1" → "5.1.1"), or null. */
function normalizeEnhanced(s) {
    const m = ENHANCED_RE.exec(s.trim());
    if (!m)
        return null;
    return `${m[1]}.${Number(m[2])}.${Number(m[3])}`;
}
/**
 * Parses the arguments of `smtp-gate explain`: `500`, `550 5.1.1` (as one or two
 * arguments), `550-5.1.1` (a continuation line), or `5.7.1`.
 */
function parseExplainQuery(args) {
    const tokens = args
        .join(" ")
        .trim()
        .split(/\s+/)
        .filter((t) => t !== "")
        .flatMap((t) => (/^\d{3}-/.test(t) ? [t.slice(0, 3), t.slice(4)] : [t]))
        .filter((t) => t !== "");
    if (tokens.length === 0) {
        return { error: "give a reply code and/or an enhanced status code, e.g. `550`, `550 5.1.1` or `5.7.1`" };
    }
    if (tokens.length > 2) {
        return { error: `expected at most a reply code and an enhanced status code, got ${tokens.length} values: ${tokens.join(" ")}` };
    }
    let code = null;
    let enhanced = null;
    for (const t of tokens) {
        if (/^\d+$/.test(t)) {
            if (!REPLY_RE.test(t)) {
                return { error: `"${t}" is not an SMTP reply code: it must be three digits with the first digit 2–5 (RFC 5321 §4.2)` };
            }
            if (code !== null)
                return { error: `two reply codes given (${code} and ${t}); give one` };
            code = Number(t);
        }
        else if (t.includes(".")) {
            const norm = normalizeEnhanced(t);
            if (norm === null) {
                return {
                    error: `"${t}" is not an enhanced status code: expected class.subject.detail with class 2, 4 or 5 and subject and detail of 1–3 digits, e.g. 5.1.1 (RFC 3463 §2)`,
                };
            }
            if (enhanced !== null)
                return { error: `two enhanced status codes given (${enhanced} and ${t}); give one` };
            enhanced = norm;
        }
        else {
            return { error: `"${t}" is neither a reply code (e.g. 550) nor an enhanced status code (e.g. 5.1.1)` };
        }
    }
    return { code, enhanced };
}
function uniq(xs) {
    return [...new Set(xs)];
}
function stripDot(s) {
    return s.replace(/[.\s]+$/, "");
}
/**
 * Explains a reply code, an enhanced status code, or both, from the tables. Unknown but
 * well-formed codes fall back to their class; only malformed input is an error.
 */
function explain(code, enhanced) {
    if (code === null && enhanced === null)
        return { error: "nothing to explain: give a reply code or an enhanced status code" };
    if (code !== null && !isReplyCode(code)) {
        return { error: `${code} is not an SMTP reply code: it must be three digits with the first digit 2–5 (RFC 5321 §4.2)` };
    }
    let enh = null;
    if (enhanced !== null) {
        enh = normalizeEnhanced(enhanced);
        if (enh === null) {
            return { error: `"${enhanced}" is not an enhanced status code: expected class.subject.detail with class 2, 4 or 5 (RFC 3463 §2)` };
        }
    }
    const meanings = [];
    const notes = [];
    const sources = [];
    // The enhanced code first: it says more than the basic code (RFC 3463 §1).
    if (enh !== null) {
        const [clsDigit, subject] = enh.split(".").map(Number);
        const entry = lookupEnhanced(enh);
        if (entry) {
            meanings.push(`${enh}: ${entry.meaning}`);
            sources.push(`${entry.source} (${ENHANCED_REGISTRY})`);
        }
        else {
            const cls = ENHANCED_CLASSES.find((c) => c.class === clsDigit);
            const subj = ENHANCED_SUBJECTS.find((x) => x.subject === subject);
            meanings.push(`${enh}: ${cls ? stripDot(cls.meaning) : "unknown class"}${subj ? `; subject: ${subj.meaning.toLowerCase()}` : ""}.`);
            notes.push(`${enh} is not in the ${ENHANCED_REGISTRY}; it is read by its class${subj ? " and subject" : ""} (RFC 3463 §2). The reply text says what the server meant.`);
            sources.push("RFC 3463 §2");
        }
    }
    if (code !== null) {
        const entry = lookupReplyCode(code);
        if (entry) {
            meanings.push(entry.meaning);
            sources.push(entry.source);
        }
        else {
            const first = Math.floor(code / 100);
            const second = Math.floor(code / 10) % 10;
            const category = SECOND_DIGIT[second];
            meanings.push(`${FIRST_DIGIT[first] ?? ""}${category ? ` Category (second digit ${second}): ${category}.` : ""}`.trim());
            notes.push(`${code} is not in the RFC 5321 reply code list or its registered extensions; it is read by its first digit (RFC 5321 §4.2.1). The reply text says what the server meant.`);
            sources.push("RFC 5321 §4.2.1");
        }
    }
    if (code !== null && enh !== null) {
        const first = Math.floor(code / 100);
        const clsDigit = Number(enh[0]);
        if (first === 3) {
            notes.push(`The enhanced code ${enh} comes with a 3xx (intermediate) reply; enhanced classes are only 2, 4 and 5 (RFC 3463 §2), so it describes the outcome, not this step.`);
        }
        else if (first !== clsDigit) {
            // Said first, in the meaning: a reader must know which of the two to believe before reading causes.
            meanings.unshift(`The reply code and the enhanced code disagree: ${code} is ${first === 5 ? "permanent" : first === 4 ? "transient" : "a success"}, ${enh} is ${clsDigit === 5 ? "permanent" : clsDigit === 4 ? "transient" : "a success"}; clients go by the reply code.`);
            notes.push(`The enhanced class ${clsDigit} contradicts the reply code's first digit ${first} (RFC 2034 §4 expects them to match); the reply code decides the class here, and the server's replies are inconsistent.`);
        }
    }
    const advice = adviceOf(code, enh);
    meanings.splice(enh !== null ? 1 : 0, 0, ...advice.vendorMeanings);
    const cls = code !== null ? classOfCode(code) : (0,classify/* classify */.L)(Number(enh[0]) * 100);
    return {
        code,
        enhanced: enh,
        class: cls,
        bounce: bounceOf(cls),
        meaning: uniq(meanings).join(" — "),
        causes: uniq([...advice.causes, ...notes]),
        fixes: uniq(advice.fixes),
        sources: uniq([...sources, ...advice.sources]),
    };
}
/** The finding ids whose differential (candidate-causes.ts) lists the conditions to look for, by root cause. */
const DIFFERENTIAL = { "command-unrecognized": "command-unrecognized", "relay-denied": "relay-denied", "auth-failed": "auth-failed" };
/** Placeholders of the fix tables, for a reader with no target in front of them. */
const GENERIC = { openssl: "openssl s_client -starttls smtp -connect HOST:PORT -crlf", nc: "nc -v HOST PORT", host: "HOST", port: "PORT", hostport: "HOST:PORT", rcpt: "ADDRESS" };
const generic = (t) => t.replace(/\{(\w+)\}/g, (m, k) => GENERIC[k] ?? m);
const PHASE_WORDS = { CONNECT: "the greeting", "END-OF-DATA": "the end of the message", BDAT: "" };
const phaseWords = (phases) => phases ? `To ${[...new Set(phases.map((x) => PHASE_WORDS[x] ?? x))].filter((x) => x).join(" or ")}: ` : "";
const productsOf = (c) => (c.families ?? []).map((f) => (0,servers/* serverRow */.ub)(f).product).join(", ");
/**
 * Causes and fixes from the root-cause model: the vendors' meanings of the enhanced code (beside
 * the registry's), then the causes the registry and the basic code stand for, each once, each
 * fitting the code's class (no greylisting for a 5xx) and the enhanced code's subject.
 */
function adviceOf(code, enh) {
    const all = (0,root_cause/* causesOfCode */.nn)(code, enh);
    const vendor = all.filter((c) => c.by === "vendor");
    // The registry's meaning of the enhanced code, when it has one, says more than the basic code's.
    const registry = all.filter((c) => c.by === "registry");
    const general = registry.length ? registry : all.filter((c) => c.by === "code").sort((x, y) => Number(x.phases !== null) - Number(y.phases !== null));
    const causes = [];
    const fixes = [];
    // One line per cause: the phases where the code stands for it, together.
    const named = new Map();
    for (const c of general) {
        if (c.cause === "other" && c.also.length)
            causes.push(`${phaseWords(c.phases)}The code alone does not say which of these it is; the reply's words and the server's log tell them apart.`);
        for (const cause of c.cause === "other" ? c.also : [c.cause, ...c.also]) {
            const had = named.get(cause);
            named.set(cause, c.phases === null || had === null ? null : new Set([...(had ?? []), ...c.phases]));
        }
    }
    for (const [cause, phases] of named) {
        causes.push(`${phaseWords(phases && [...phases])}${root_causes/* CAUSE_ENTRIES */.PK[cause].text}`);
        fixes.push(...(0,root_causes/* pickFixes */.Zj)(root_causes/* CAUSE_ENTRIES */.PK[cause].fixes, null).slice(0, 1));
        const id = DIFFERENTIAL[cause];
        for (const row of (id ? candidate_causes/* DIFFERENTIALS */.r[id] ?? [] : []).map((r) => candidate_causes/* CANDIDATE_CAUSES */.P[r]).slice(1)) {
            if (!(0,root_causes/* fitsFamily */.v9)(row, null))
                continue;
            causes.push(row.text);
            fixes.push(...(0,root_causes/* pickFixes */.Zj)(row.fixes, null));
        }
    }
    if (!causes.length && code === null && enh !== null && enh[0] !== "2") {
        causes.push("The enhanced code alone names a class and a subject; the reply code, the reply's words and the command it answered decide the cause.");
        fixes.push(enh[0] === "4" ? "Retry later: the condition is temporary, and a sending MTA retries by itself." : "Do not retry unchanged: find the cause in the reply's words first.");
    }
    const vendorMeanings = vendor.map((c) => `${productsOf(c)}: ${c.meaning ?? root_causes/* CAUSE_ENTRIES */.PK[c.cause].title} (${c.source})`);
    const vendorFixes = vendor.flatMap((c) => (0,root_causes/* pickFixes */.Zj)(c.fixes ?? root_causes/* CAUSE_ENTRIES */.PK[c.cause].fixes, c.families?.[0] ?? null).slice(0, 1));
    // A product's own code (outside the registry, Microsoft's 5.7.703) means what the product says first; the basic
    // code's general causes follow. A registry code keeps its own reading first (a vendor's 5.2.2 is the rarer one).
    if (enh !== null && !lookupEnhanced(enh) && vendor.length) {
        const vendorCauses = vendor.map((c) => `${productsOf(c)}: ${c.meaning ?? root_causes/* CAUSE_ENTRIES */.PK[c.cause].text}`);
        return { vendorMeanings, causes: [...vendorCauses, ...causes], fixes: [...vendorFixes, ...fixes].map(generic), sources: [] };
    }
    return { vendorMeanings, causes, fixes: [...fixes, ...vendorFixes].map(generic), sources: [] };
}

;// CONCATENATED MODULE: ./src/knowledge/render-explain.ts
const BOUNCE_LABEL = {
    none: "no bounce",
    soft: "soft bounce",
    hard: "hard bounce",
};
/** A readable terminal block for `smtp-gate explain`. */
function renderExplainText(e) {
    const id = [e.code === null ? null : String(e.code), e.enhanced].filter((x) => x !== null).join(" ");
    const lines = [`${id} — ${e.class} (${BOUNCE_LABEL[e.bounce]})`, "", e.meaning];
    if (e.causes.length > 0) {
        lines.push("", "Likely causes:", ...e.causes.map((c) => `  - ${c}`));
    }
    if (e.fixes.length > 0) {
        lines.push("", "What to do:", ...e.fixes.map((f) => `  - ${f}`));
    }
    if (e.sources.length > 0) {
        lines.push("", "Sources:", ...e.sources.map((s) => `  - ${s}`));
    }
    return lines.join("\n") + "\n";
}
/** The JSON shape of `smtp-gate explain --json`: exactly these keys, in this order. */
function explainJson(e) {
    return {
        code: e.code,
        enhanced: e.enhanced,
        class: e.class,
        bounce: e.bounce,
        meaning: e.meaning,
        causes: [...e.causes],
        fixes: [...e.fixes],
    };
}

;// CONCATENATED MODULE: ./src/report/json.ts


function reportToJson(report) {
    return report_fields_reportFields.write(report);
}
/**
 * JSON.stringify escapes C0 controls but leaves NEL, U+2028/9 and bidi controls raw; they are
 * escaped too (still the same JSON value), so the file is safe to print to a log or terminal.
 */
function renderJson(report) {
    return `${escapeUnsafeJson(JSON.stringify(reportToJson(report), null, 2))}\n`;
}

// EXTERNAL MODULE: ./src/diagnose/baseline.ts
var baseline = __nccwpck_require__(4193);
// EXTERNAL MODULE: ./src/diagnose/transport-drift.ts
var transport_drift = __nccwpck_require__(4383);
;// CONCATENATED MODULE: ./src/report/baseline.ts
/** The baseline file (`--write-baseline`): each target's healthy facts, keyed by target name. */


/** Targets whose session ran: a failed connection records nothing worth comparing with. */
const recordable = (report) => report.targets.filter((t) => !t.error);
function renderBaseline(report) {
    const targets = Object.fromEntries(recordable(report).map((t) => [t.name, (0,baseline/* baselineFacts */.F)(t)]));
    return `${JSON.stringify({ schema: "smtp-gate/baseline@1", recordedAt: report.startedAt, targets, transport: (0,transport_drift/* transportBaseline */.Xr)(report) }, null, 2)}\n`;
}

// EXTERNAL MODULE: ./src/protocol/auth.ts
var auth = __nccwpck_require__(1880);
;// CONCATENATED MODULE: ./src/report/step-label.ts

/** The command as people read it; null for the greeting. The JSON `command` stays `***` (contract §6). */
function commandLabel(s) {
    return s.sasl ? (0,auth/* saslLabel */.cd)(s.sasl.mechanism, s.sasl.carries) : s.command;
}
/** `the greeting` or `"EHLO x"`, for sentences. */
function quotedCommand(s) {
    const c = commandLabel(s);
    return c === null ? "the greeting" : `"${c}"`;
}
/**
 * Why a step did not pass, in a few words: the expectation it missed, or — when its reply was
 * right and what followed failed (STARTTLS answered 220, then the handshake) — that.
 */
function notPassedBecause(s, i, error) {
    if (s.reply && error?.step === i)
        return error.kind === "tls" ? "the TLS handshake after it failed" : `then ${error.kind}`;
    return `expected ${s.expected}`;
}

// EXTERNAL MODULE: ./src/knowledge/middleboxes.ts
var middleboxes = __nccwpck_require__(3130);
;// CONCATENATED MODULE: ./src/report/summary-line.ts



function targetSummaryLine(t) {
    const where = t.name === `${t.host}:${t.port}` ? t.name : `${t.name} (${t.host}:${t.port})`;
    const bad = t.steps.findIndex((s) => s.verdict !== "pass");
    const finding = t.findings.find((f) => f.severity === "error") ?? t.findings.find((f) => f.severity === "warning");
    const why = finding ? ` (${finding.id.replace(/-/g, " ")})` : "";
    const notSent = t.message?.sent === false ? "; the message was not sent" : "";
    // A finding's short phrase says what the error means; the error's own text is for the details.
    if (finding?.summary && (t.error || bad === -1 || finding.step === bad))
        return `${where} — ${finding.summary}${notSent}`;
    if (t.error && (bad === -1 || t.error.step === bad || !t.steps[bad]?.reply))
        return `${where} — ${t.error.kind}: ${t.error.message}${why}`;
    const step = t.steps[bad];
    if (step?.reply) {
        const code = (0,protocol_reply/* replyCodeText */.tI)(step.reply);
        const on = quotedCommand(step);
        return `${where} — ${code} on ${on}${why}${notSent}`;
    }
    if (finding)
        return `${where} — ${finding.message}`;
    return `${where} — ${t.verdict} (${t.steps.length} steps, ${t.durationMs} ms)`;
}
/** Worst first: failing targets, then warnings, then passes (a stable sort keeps the configured order within each). */
function worstFirst(targets) {
    const order = { fail: 0, warn: 1, pass: 2 };
    return [...targets].sort((a, b) => order[a.verdict] - order[b.verdict]);
}
/**
 * The run in one line: the worst target's line, and what the others did: `(+2 more targets, both
 * pass)`. `all`: the counts of every target by verdict, when the report shows only some (a
 * streamed run's tally, report/stream.ts).
 */
function reportSummaryLine(r, all) {
    const [first, ...rest] = worstFirst(r.targets);
    if (!first)
        return "no targets";
    const byVerdict = (v) => (all ? all[v] - (first.verdict === v ? 1 : 0) : rest.filter((t) => t.verdict === v).length);
    // The action's `summary` output and its failure message: one line, whatever the report held.
    return plainText(`${targetSummaryLine(first)}${othersSaid(byVerdict)}`);
}
function othersSaid(byVerdict) {
    const counts = ["fail", "warn", "pass"].map((v) => [v, byVerdict(v)]).filter(([, c]) => c > 0);
    const n = counts.reduce((a, [, c]) => a + c, 0);
    if (!n)
        return "";
    const all = n === 1 ? "" : n === 2 ? "both " : "all ";
    const what = counts.length === 1 ? `${all}${counts[0][0]}` : counts.map(([v, c]) => `${c} ${v}`).join(", ");
    return ` (+${n} more target${n > 1 ? "s" : ""}, ${what})`;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts




/** The verdict marks every Markdown face (summary, ticket, PR comment) uses. */
const markdown_ICON = { pass: "✅", warn: "⚠️", fail: "❌" };
/** U+2060 WORD JOINER: invisible, and it keeps `@name`, `#12`, `GH-12` and `http://` from being recognised. */
const JOIN = "\u2060";
/**
 * What GitHub turns into a ping, a link or a reference in rendered text (its filters run on the
 * HTML's text, after entities are decoded, so an entity alone does not stop them): @mentions,
 * `#12`, `GH-12`, `owner/repo#12`, and bare URLs (GFM autolinks: `http://`, `https://`, `www.`).
 */
function unlinked(s) {
    return s
        .replace(/@/g, `${JOIN}@${JOIN}`) // on both sides: neither a mention nor an e-mail autolink
        .replace(/#/g, `#${JOIN}`)
        .replace(/(GH)-(?=\d)/gi, `$1-${JOIN}`)
        .replace(/:\/\//g, `${JOIN}://`)
        .replace(/(www)\./gi, `$1${JOIN}.`);
}
/** Text for HTML (inside `<summary>`, where Markdown is not parsed): one line, no markup, nothing linked. */
function htmlText(s) {
    return unlinked(plainText(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
}
/**
 * Escapes peer-controlled text for Markdown (tables included): one line (plainText), HTML as
 * entities, every character that starts inline Markdown (emphasis, code, links, images, strike-
 * through, math, table pipes) backslash-escaped (CommonMark §2.4), and nothing linked or pinged.
 */
function markdown_cell(s) {
    return edges(inline(s));
}
function inline(s) {
    return unlinked(neutralise_plainText(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\\`*_~[\]|$!]/g, "\\$&"));
}
/**
 * The ends of a value, where it may meet a line's start or end. White space becomes character
 * references: at the start of a list item four spaces would begin a code block, at the end of a
 * line two make a hard line break, and around `**` they keep it from opening or closing
 * (CommonMark §4.4, §6.7, §6.2). A leading block marker (`-`, `+`, `#`, `>`, `=`, `1.`, `1)`)
 * is backslash-escaped, so a value at the start of a list item cannot begin a list, heading or quote.
 */
function edges(s) {
    const spaced = s.replace(/^\s+|\s+$/gu, (ws) => [...ws].map((c) => `&#${c.codePointAt(0)};`).join(""));
    return /^[-+#>=]/.test(spaced) ? `\\${spaced}` : spaced.replace(/^(\d{1,9})([.)])/, "$1\\$2");
}
/** Peer text in bold (cell() keeps white space at its ends from undoing the `**`). */
function strong(s) {
    return `**${markdown_cell(s)}**`;
}
/**
 * A code span for a table cell: its content is literal (no HTML, no mentions), so only a pipe
 * (GFM tables split on it even inside code) and the backtick delimiter need care: the fence is
 * longer than any run of backticks inside (CommonMark §6.1).
 */
function codeSpan(s) {
    const body = neutralise_plainText(s).replace(/\|/g, "\\|");
    // An empty span would be a bare run of backticks, pairing with the next span's fence.
    if (body === "")
        return "` `";
    let longest = 0;
    for (const m of body.matchAll(/`+/g))
        longest = Math.max(longest, m[0].length);
    const fence = "`".repeat(longest + 1);
    const pad = body.startsWith("`") || body.endsWith("`") || (body.startsWith(" ") && body.endsWith(" ")) ? " " : "";
    return `${fence}${pad}${body}${pad}${fence}`;
}
/**
 * Our own sentences for Markdown: code spans stay code (they hold commands and config knobs to
 * copy), everything between them is escaped like a cell, since it may quote what a server said.
 */
function prose(s) {
    return edges(s.split(/(`[^`\r\n]+`)/).map((part, i) => (i % 2 === 1 ? codeSpan(part.slice(1, -1)) : inline(part))).join(""));
}
/** A finding as a reader acts on it: what happened, the top fix, the likely causes, the ruled-out ones collapsed. */
function renderFindingMarkdown(f, opts = {}) {
    const out = [`- **${f.severity}** ${codeSpan(f.id)}${opts.stepLabel !== false && f.step !== null ? ` (step ${f.step})` : ""}: ${prose(f.message)}`];
    const [top, ...more] = f.fixes;
    if (top)
        out.push(`  - **What to do:** ${prose(top)}`);
    const causes = opts.maxCauses !== undefined ? f.causes.slice(0, opts.maxCauses) : f.causes;
    if (causes.length === 1)
        out.push(`  - Likely cause: ${prose(causes[0])}`);
    else if (causes.length)
        out.push("  - Likely causes:", ...causes.map((c) => `    - ${prose(c)}`));
    if (more.length)
        out.push("  - Also:", ...more.map((x) => `    - ${prose(x)}`));
    const ruledOut = f.ruledOut ?? [];
    if (ruledOut.length) {
        out.push(`  - <details><summary>Ruled out by this conversation (${ruledOut.length})</summary>`, "", ...ruledOut.map((r) => `    - ${prose(r.cause)} — ${prose(r.evidence)}`), "", "    </details>");
    }
    return out;
}
/** The reply as one cell: code and first line (which carries the enhanced code), and how many more. */
function replyText(r) {
    const more = r.lines.length > 1 ? ` (+${r.lines.length - 1} lines)` : "";
    return `${r.code} ${r.lines[0] ?? ""}`.trim() + more;
}
function renderMarkdown(untrusted) {
    const report = neutralise_neutralised(untrusted);
    const out = [`## smtp-gate: ${markdown_ICON[report.verdict]} ${report.verdict}`, ""];
    for (const t of report.targets)
        out.push(`- ${markdown_ICON[t.verdict]} ${markdown_cell(targetSummaryLine(t))}`);
    out.push("");
    // Loops, not push(...lines): a report from a file may have 200,000 steps, as many arguments.
    for (const t of report.targets) {
        for (const line of renderTargetMarkdown(t))
            out.push(line);
        out.push("");
    }
    return guardCommandLines(`${out.join("\n")}\n`);
}
function renderStepTable(t) {
    const rows = [
        "| # | command | reply | verdict | ms |",
        "|---|---|---|---|---|",
    ];
    t.steps.forEach((s, i) => {
        const reply = s.reply ? markdown_cell(truncate(replyText(s.reply), 120)) : "—";
        const follows = s.consequenceOf !== undefined ? `, follows from step ${s.consequenceOf}` : "";
        const verdict = `${markdown_ICON[s.verdict]} ${s.verdict}${s.verdict === "pass" ? "" : ` (${markdown_cell(notPassedBecause(s, i, t.error))}${follows})`}`;
        const tags = [s.extra, s.pipelined ? "pipelined" : undefined].filter(Boolean).join(", ");
        const label = commandLabel(s);
        rows.push(`| ${i} | ${label === null ? "*(greeting)*" : codeSpan(label)}${tags ? ` *${tags}*` : ""} | ${reply} | ${verdict} | ${s.ms} |`);
    });
    return rows;
}
/** `skip`: findings said elsewhere (the job summary says a notice several targets share once). */
function renderTargetMarkdown(t, opts = {}) {
    const where = t.name === `${t.host}:${t.port}` ? "" : ` — ${codeSpan(`${t.host}:${t.port}`)}`;
    const server = t.server ? `, ${markdown_cell((0,middleboxes/* serverLabel */.KM)(t.server))}` : "";
    const out = [`### ${markdown_ICON[t.verdict]} ${markdown_cell(t.name)}${where} (tls ${t.tlsMode}${server})`, ""];
    if (t.steps.length) {
        for (const row of renderStepTable(t))
            out.push(row);
        out.push("");
    }
    if (t.error)
        out.push(`**Error** (${t.error.kind}): ${markdown_cell(t.error.message)}`, "");
    for (const f of t.findings)
        if (!opts.skip?.(f))
            for (const line of renderFindingMarkdown(f))
                out.push(line);
    if (t.tls)
        out.push("", `TLS: ${markdown_cell(t.tls.protocol ?? "?")}, ${markdown_cell(t.tls.cipher ?? "?")}, certificate ${t.tls.authorized ? "verified" : `not verified (${markdown_cell(t.tls.authorizationError ?? "?")})`}${t.tls.daysLeft !== null ? `, ${t.tls.daysLeft} days left` : ""}`);
    if (t.extensions.length)
        out.push("", `Extensions: ${t.extensions.map(codeSpan).join(", ")}`);
    return out;
}
function truncate(s, n) {
    return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = require("node:os");
;// CONCATENATED MODULE: ./src/report/counts.ts
/** One target's counts: the tally (./stream.ts) adds them up as targets are run or read. */
function targetFailureCounts(t) {
    let hard = 0;
    let soft = 0;
    for (const s of t.steps) {
        if (s.verdict === "pass")
            continue;
        if (s.class === "transient")
            soft++;
        else
            hard++;
    }
    // An error before any step (DNS, connect, implicit TLS) is a hard failure with no step to count.
    if (t.error && t.error.step === null)
        hard++;
    return { hard, soft };
}

// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
;// CONCATENATED MODULE: ./src/report/junit.ts



const esc = (s) => 
// XML 1.0 cannot carry most control characters at all, escaped or not.
// eslint-disable-next-line no-control-regex
s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, "?").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const junitTotals = (t) => ` tests="${t.tests}" failures="${t.failures}"`;
/**
 * The document's start, split where the root's totals go: a streamed file (./stream.ts) knows
 * them only at the end and leaves `room` (spaces, wide enough for any count) to write them into.
 */
function junitHead() {
    return { before: '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="smtp-gate"', room: " ".repeat(junitTotals({ tests: Number.MAX_SAFE_INTEGER, failures: Number.MAX_SAFE_INTEGER }).length), after: ">\n" };
}
const JUNIT_TAIL = "</testsuites>\n";
/** One target's suite counts; the root's are their sums (a refused connection is a failed test case too). */
function suiteTotals(t) {
    const failures = t.steps.filter((s) => s.verdict === "fail").length + (t.steps.length === 0 && t.error ? 1 : 0);
    return { tests: Math.max(1, t.steps.length), failures };
}
function renderJunit(untrusted) {
    // Test-report tools show these strings in logs and pages: one line each, like every renderer's.
    const report = neutralised(untrusted);
    const totals = { tests: 0, failures: 0 };
    for (const t of report.targets) {
        const s = suiteTotals(t);
        totals.tests += s.tests;
        totals.failures += s.failures;
    }
    const head = junitHead();
    const out = [`${head.before}${junitTotals(totals)}${head.after.trimEnd()}`];
    for (const t of report.targets)
        out.push(...junitTarget(t));
    return `${out.join("\n")}\n${JUNIT_TAIL}`;
}
/** One target's test suite; `t` neutralised (./neutralise.ts), as renderJunit and the streamed file do. */
function junitTarget(t) {
    const out = [];
    const totals = suiteTotals(t);
    out.push(`  <testsuite name="${esc(t.name)}" tests="${totals.tests}" failures="${totals.failures}" time="${(t.durationMs / 1000).toFixed(3)}">`);
    if (t.steps.length === 0 && t.error) {
        out.push(`    <testcase classname="${esc(t.name)}" name="connect" time="0"><failure type="${t.error.kind}" message="${esc(t.error.message)}"/></testcase>`);
    }
    t.steps.forEach((s, i) => {
        const name = `${String(i).padStart(2, "0")} ${commandLabel(s) ?? "(greeting)"}`;
        const reply = s.reply ? `${(0,protocol_reply/* replyCodeText */.tI)(s.reply)} ${s.reply.lines.join(" / ")}` : "no reply";
        const open = `    <testcase classname="${esc(t.name)}" name="${esc(name)}" time="${(s.ms / 1000).toFixed(3)}"`;
        if (s.verdict === "pass")
            out.push(`${open}/>`);
        else {
            const f = t.findings.find((x) => x.step === i);
            const body = [reply, f?.message, ...(f?.fixes.slice(0, 2) ?? [])].filter(Boolean).join("\n");
            const tag = s.verdict === "fail" ? "failure" : "skipped";
            out.push(`${open}>`, `      <${tag} message="${esc(`expected ${s.expected}, got ${reply}`)}">${esc(body)}</${tag}>`, "    </testcase>");
        }
    });
    out.push("  </testsuite>");
    return out;
}

;// CONCATENATED MODULE: ./src/report/stream.ts
/**
 * The report written as the run goes (contract §8, large fleets): each target's result is
 * written as it finishes and then dropped, so a run's memory follows its concurrency, not its
 * number of targets. The JSON stays one valid document: the head, each target, then the tail
 * with the verdict and the run's identity. Every value is written by the model's field table
 * (model/report-fields.ts), the same one that writes a whole report (./json.ts) and reads one back,
 * and made safe to print as ./json.ts makes it (escapeUnsafeJson).
 * The renderers that show only a few targets (text, job summary, annotations, comment) get a
 * RunTally: every count, and the targets worth showing.
 */









/** Writes text in chunks of about 64 KiB: a write per target would cost a system call each. */
class ChunkedWriter {
    sink;
    pending = [];
    size = 0;
    constructor(sink) {
        this.sink = sink;
    }
    write(text) {
        this.pending.push(text);
        this.size += text.length;
        if (this.size >= 64 * 1024)
            this.flush();
    }
    flush() {
        if (!this.size)
            return;
        const text = this.pending.join("");
        this.pending = [];
        this.size = 0;
        this.sink(text);
    }
}
/** The keys written before the targets; every other key of the report follows them. */
const HEAD_KEYS = new Set(["schema", "tool"]);
const indent = (json, by) => json.replace(/\n/g, `\n${by}`);
/**
 * The JSON report, streamed: `target` as each finishes, `domain` as each mail domain is known,
 * `end` once. Head and tail indented as ./json.ts. The domains belong after the targets (one
 * document, one `domains` list), so they wait in a file of their own until the end, one line each:
 * a fleet of many domains keeps none of them in memory.
 */
class JsonReportStream {
    out;
    first = true;
    spool = null;
    constructor(out) {
        this.out = out;
        const head = report_fields_reportFields.write({ schema: "smtp-gate/report@1", verdict: "pass", tool: headTool(), startedAt: "", targets: [] });
        const fields = Object.entries(head).filter(([k]) => HEAD_KEYS.has(k));
        out.write(`{\n${fields.map(([k, v]) => `  ${JSON.stringify(k)}: ${indent(escapeUnsafeJson(JSON.stringify(v, null, 2)), "  ")},\n`).join("")}  "targets": [`);
    }
    /** One line per target: half the bytes of indented JSON (5,000 targets: 12 MB, not 24), and a line is a target for grep. */
    target(r) {
        this.out.write(`${this.first ? "" : ","}\n    ${escapeUnsafeJson(JSON.stringify(targetFields.write(r)))}`);
        this.first = false;
    }
    domain(d) {
        if (!this.spool) {
            const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_namespaceObject.tmpdir)(), "smtp-gate-domains-"));
            const fd = (0,external_node_fs_.openSync)((0,external_node_path_.join)(dir, "domains.part"), "w+");
            this.spool = { dir, fd, out: new ChunkedWriter((text) => void (0,external_node_fs_.writeSync)(fd, text)), count: 0 };
        }
        this.spool.out.write(`${this.spool.count ? "," : ""}\n    ${escapeUnsafeJson(JSON.stringify(domainFields.write(d)))}`);
        this.spool.count++;
    }
    end(end) {
        const tail = report_fields_reportFields.write({ ...end, targets: [] });
        const fields = Object.entries(tail).filter(([k]) => k !== "targets" && !HEAD_KEYS.has(k) && !(k === "domains" && this.spool));
        this.out.write(`${this.first ? "]" : "\n  ]"}${fields.map(([k, v]) => `,\n  ${JSON.stringify(k)}: ${indent(escapeUnsafeJson(JSON.stringify(v, null, 2)), "  ")}`).join("")}`);
        if (this.spool)
            this.copySpool(this.spool);
        this.out.write("\n}\n");
        this.out.flush();
    }
    /** A stream given up (its file could not be written): the spooled domains go too. */
    abandon() {
        if (!this.spool)
            return;
        (0,external_node_fs_.closeSync)(this.spool.fd);
        (0,external_node_fs_.rmSync)(this.spool.dir, { recursive: true, force: true });
        this.spool = null;
    }
    /** The spooled domains into the tail, a chunk at a time; the file goes. */
    copySpool(spool) {
        try {
            spool.out.flush();
            this.out.write(`,\n  "domains": [`);
            // A chunk may end inside a UTF-8 character: the decoder keeps its first bytes for the next.
            const decoder = new external_node_string_decoder_namespaceObject.StringDecoder("utf8");
            const chunk = Buffer.alloc(64 * 1024);
            for (let at = 0, n = 0; (n = (0,external_node_fs_.readSync)(spool.fd, chunk, 0, chunk.length, at)) > 0; at += n)
                this.out.write(decoder.write(chunk.subarray(0, n)));
            this.out.write(decoder.end());
            this.out.write("\n  ]");
        }
        finally {
            this.abandon();
        }
    }
}
const headTool = () => ({ name: "smtp-gate", version: version/* VERSION */.x });
/**
 * JUnit XML to a file, streamed: the root element's totals are known only at the end, so its
 * opening tag leaves room for them (spaces, which XML allows inside a tag) and they are written
 * into that room last.
 */
class JunitFileStream {
    fd;
    out;
    totals = { tests: 0, failures: 0 };
    room;
    constructor(path) {
        this.fd = (0,external_node_fs_.openSync)(path, "w");
        this.out = new ChunkedWriter((text) => void (0,external_node_fs_.writeSync)(this.fd, text));
        const head = junitHead();
        this.room = { at: Buffer.byteLength(head.before), width: head.room.length };
        this.out.write(`${head.before}${head.room}${head.after}`);
    }
    target(r) {
        const s = suiteTotals(r);
        this.totals.tests += s.tests;
        this.totals.failures += s.failures;
        // One line per string, like every renderer's (./neutralise.ts), one target at a time.
        this.out.write(`${junitTarget(targetFields.mapText(r, neutralise_plainText)).join("\n")}\n`);
    }
    end() {
        this.out.write(JUNIT_TAIL);
        this.out.flush();
        (0,external_node_fs_.writeSync)(this.fd, junitTotals(this.totals).padEnd(this.room.width), this.room.at);
        (0,external_node_fs_.closeSync)(this.fd);
    }
}
/** How many targets a streamed run keeps for the renderers that show a few. */
const SHOWN_TARGETS = 100;
/**
 * A streamed run's running aggregates: the counts by verdict and of hard and soft failures, and
 * the targets the renderers show: every one while the run is small, then the worst first
 * (failures before warnings), up to SHOWN_TARGETS.
 */
class RunTally {
    verdicts = { pass: 0, warn: 0, fail: 0 };
    hard = 0;
    soft = 0;
    /** With each its place in the input (engine/run.ts `streamTargets`), to show them in input order. */
    shown = [];
    /** The mail domains the renderers show: the first SHOWN_TARGETS. */
    domains = [];
    get total() {
        return this.verdicts.pass + this.verdicts.warn + this.verdicts.fail;
    }
    add(r, at = this.total, sub = 0) {
        this.verdicts[r.verdict]++;
        const c = targetFailureCounts(r);
        this.hard += c.hard;
        this.soft += c.soft;
        if (this.shown.length < SHOWN_TARGETS)
            this.shown.push({ r, at, sub });
        else if (r.verdict !== "pass") {
            // Make room for a worse target: it replaces the last of the best shown (a pass before a warning).
            const rank = { pass: 0, warn: 1, fail: 2 };
            let best = -1;
            for (let i = 0; i < this.shown.length; i++)
                if (best < 0 || rank[this.shown[i].r.verdict] <= rank[this.shown[best].r.verdict])
                    best = i;
            if (best >= 0 && rank[this.shown[best].r.verdict] < rank[r.verdict])
                this.shown[best] = { r, at, sub };
        }
    }
    domain(d) {
        if (this.domains.length < SHOWN_TARGETS)
            this.domains.push(d);
    }
    /** True when every target of the run is among the shown ones. */
    get complete() {
        return this.total === this.shown.length;
    }
    /** The report the renderers get: the run's fields, the shown targets. */
    report(end) {
        const { domains: ended, ...head } = end;
        const targets = [...this.shown].sort((a, b) => a.at - b.at || a.sub - b.sub).map((s) => s.r);
        // A run hands its domains over as they come (RunOptions.onDomain); a merge has them at its end.
        const domains = this.domains.length ? this.domains : ended;
        return { ...head, targets, ...(domains ? { domains } : {}) };
    }
    /** `12 pass, 1 warn, 3 fail`. */
    countsText() {
        return ["pass", "warn", "fail"].map((v) => `${this.verdicts[v]} ${v}`).join(", ");
    }
}
/**
 * Where a streamed run's results go as they finish: the JSON report file, the JSON on standard
 * output, the JUnit file; and every result into the tally. The files were checked before the run
 * (config/output-path.ts); what only writing shows is in `unwritten`, one line each.
 */
class StreamedOutputs {
    tally = new RunTally();
    unwritten = [];
    outputs = [];
    /** The JSON report to `path`. */
    jsonFile(what, path) {
        return this.open(what, path, (fd) => {
            const json = new JsonReportStream(new ChunkedWriter((text) => void (0,external_node_fs_.writeSync)(fd, text)));
            return { target: (r) => json.target(r), domain: (d) => json.domain(d), end: (e) => (json.end(e), (0,external_node_fs_.closeSync)(fd)), abandon: () => (json.abandon(), (0,external_node_fs_.closeSync)(fd)) };
        });
    }
    /** The JSON report through `write` (standard output). */
    json(write) {
        const json = new JsonReportStream(new ChunkedWriter(write));
        this.outputs.push({ what: "the report to standard output", target: (r) => json.target(r), domain: (d) => json.domain(d), end: (e) => json.end(e), abandon: () => json.abandon() });
        return this;
    }
    junitFile(what, path) {
        try {
            const junit = new JunitFileStream(path);
            this.outputs.push({ what, target: (r) => junit.target(r), end: () => junit.end() });
        }
        catch (err) {
            this.unwritten.push(`cannot write ${what}: ${err.message}`);
        }
        return this;
    }
    add = (r, at, sub) => {
        this.tally.add(r, at, sub);
        this.each((o) => o.target(r));
    };
    /** A run's mail domain, as RunOptions.onDomain hands it over. */
    domain = (d) => {
        this.tally.domain(d);
        this.each((o) => o.domain?.(d));
    };
    end(end) {
        this.each((o) => o.end(end));
    }
    open(what, path, start) {
        try {
            this.outputs.push({ what, ...start((0,external_node_fs_.openSync)(path, "w")) });
        }
        catch (err) {
            this.unwritten.push(`cannot write ${what}: ${err.message}`);
        }
        return this;
    }
    each(f) {
        for (const o of [...this.outputs]) {
            try {
                f(o);
            }
            catch (err) {
                this.unwritten.push(`cannot write ${o.what}: ${err.message}`);
                this.outputs.splice(this.outputs.indexOf(o), 1);
                try {
                    o.abandon?.();
                }
                catch {
                    // The stream is given up already; what it leaves in the temporary folder is the system's to clear.
                }
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/report/dane-summary.ts

/** Why a DANE sender refuses an address, from the finding that says so (diagnose/dane.ts). */
const REASONS = {
    "dane-dns-bogus": "DNSSEC bogus",
    "dane-no-starttls": "no STARTTLS",
    "dane-no-match": "no TLSA record matches",
};
/** One phrase for text and markdown. */
function daneWords(d, t) {
    if (d.sender === null)
        return d.secure ? "not known (not reached)" : "not known";
    if (d.sender === "refuse") {
        const why = t.findings.map((f) => REASONS[f.id]).filter((r) => r !== undefined);
        return `refuses: ${why.join(", ") || "TLS required"}`;
    }
    if (d.matched)
        return `delivers (${d.matched.slice(0, 5)} matched)`;
    if (d.secure && d.tlsa.length)
        return "delivers over TLS, unauthenticated (no usable record)";
    return d.secure ? "delivers (signed, no TLSA: no DANE)" : "delivers (not signed: no DANE)";
}
function renderDaneSummary(report) {
    const rows = report.targets.filter((t) => t.dane).map((t) => {
        const d = t.dane;
        const icon = d.sender === "deliver" ? ICON.pass : d.sender === "refuse" ? ICON.fail : ICON.warn;
        return `- ${icon} ${cell(`${t.mxHost ?? t.host}${t.address ? ` [${t.address}]` : ""}`)}: ${cell(daneWords(d, t))}`;
    });
    return rows.length ? ["### DANE: what a sender does", "", ...rows, ""] : [];
}

;// CONCATENATED MODULE: ./src/report/text.ts
/** Terminal output: the transcript with each reply's class and verdict, then a verdict line per target. */





const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 };
function renderText(untrusted, opts) {
    const report = neutralise_neutralised(untrusted);
    const paint = (c, s) => (opts.color ? `\x1b[${CODES[c]}m${s}\x1b[0m` : s);
    const verdictWord = (v) => (v === "pass" ? paint("green", "pass") : v === "warn" ? paint("yellow", "WARN") : paint("red", "FAIL"));
    const out = [];
    // Loops, not push(...lines): a report from a file may have 200,000 steps, as many arguments.
    for (const t of report.targets) {
        for (const line of renderTarget(t, paint, verdictWord))
            out.push(line);
        out.push("");
    }
    for (const t of report.targets)
        out.push(`${verdictWord(t.verdict).padEnd(opts.color ? 13 : 4)}  ${targetSummaryLine(t)}`);
    const counts = ["pass", "warn", "fail"].map((v) => `${report.targets.filter((t) => t.verdict === v).length} ${v}`).join(", ");
    out.push(paint("bold", `verdict: ${report.verdict} (${counts})`));
    return guardCommandLines(`${out.join("\n")}\n`);
}
function renderTarget(t, paint, verdictWord) {
    const where = t.name === `${t.host}:${t.port}` ? "" : ` — ${t.host}:${t.port}`;
    const server = t.server ? `, ${(0,middleboxes/* serverLabel */.KM)(t.server)}` : "";
    const lines = [paint("bold", `── ${t.name}${where}, tls ${t.tlsMode}${server} ──`)];
    if (t.tls)
        lines.push(paint("dim", `   TLS: ${t.tls.protocol} ${t.tls.cipher}, certificate ${t.tls.authorized ? "verified" : `NOT verified (${t.tls.authorizationError})`}${t.tls.subject ? `, subject ${t.tls.subject}` : ""}${t.tls.daysLeft !== null ? `, ${t.tls.daysLeft} days left` : ""}`));
    // Transport security (contract §9): what an MTA-STS sender does here, and the TLS audit.
    if (t.mtaSts)
        lines.push(paint("dim", `   MTA-STS: ${t.mtaSts.covered ? "in the policy" : "NOT in the policy"}; a sender ${t.mtaSts.sender === "deliver" ? "delivers" : t.mtaSts.sender === "refuse" ? "REFUSES" : "? (TLS not reached)"}`));
    if (t.dane)
        lines.push(paint("dim", `   DANE: ${t.dane.secure ? `signed, ${t.dane.tlsa.length} TLSA record(s)` : "not signed"}; a sender ${daneWords(t.dane, t)}`));
    if (t.tlsAudit)
        lines.push(paint("dim", `   TLS audit: ${t.tlsAudit.protocols.join(", ") || "no handshake"}; chain ${t.tlsAudit.chainComplete ? "complete" : "INCOMPLETE"}; ${t.tlsAudit.certificates.map((c) => `${c.key} (${c.daysLeft ?? "?"} days)`).join(", ")}`));
    t.steps.forEach((s, i) => lines.push(...renderStep(s, i, t.error, paint, verdictWord)));
    if (t.error)
        lines.push(`   ${paint("red", `✖ ${t.error.kind}`)}: ${t.error.message}${t.error.received ? ` — received "${t.error.received}"` : ""}`);
    if (t.findings.length) {
        lines.push("   findings:");
        for (const f of t.findings)
            for (const line of renderFinding(f, paint))
                lines.push(line);
    }
    return lines;
}
function renderStep(s, i, error, paint, verdictWord) {
    const lines = [];
    const tags = [s.extra, s.pipelined ? "pipelined" : undefined, s.check, s.consequenceOf !== undefined ? `follows from step ${s.consequenceOf}` : undefined].filter(Boolean).join(", ");
    lines.push(`   ${String(i).padStart(2)} C: ${commandLabel(s) ?? paint("dim", "(waiting for the greeting)")}${tags ? paint("dim", ` [${tags}]`) : ""}`);
    const judged = `${s.class ?? "no reply"} · ${verdictWord(s.verdict)}${s.verdict === "pass" ? "" : ` (${notPassedBecause(s, i, error)})`} · ${s.ms} ms`;
    if (!s.reply) {
        lines.push(`      S: ${paint("dim", "—")}   ${judged}`);
        return lines;
    }
    const r = s.reply;
    r.lines.forEach((text, j) => {
        const last = j === r.lines.length - 1;
        const shown = `${r.code}${last ? " " : "-"}${text}`;
        lines.push(`      S: ${shown}${last ? `   ${judged}` : ""}`);
    });
    return lines;
}
function renderFinding(f, paint) {
    const sev = f.severity === "error" ? paint("red", "error") : f.severity === "warning" ? paint("yellow", "warning") : paint("dim", "notice");
    const lines = [`   ${sev} ${f.id}${f.step !== null ? ` (step ${f.step})` : ""}: ${f.message}`];
    const [top, ...more] = f.fixes;
    if (top)
        lines.push(`      what to do: ${top}`);
    if (f.causes.length)
        lines.push(f.causes.length === 1 ? `      likely cause: ${f.causes[0]}` : "      likely causes:", ...(f.causes.length === 1 ? [] : f.causes.map((c) => `        - ${c}`)));
    if (more.length)
        lines.push("      also:", ...more.map((c) => `        - ${c}`));
    const ruledOut = f.ruledOut ?? [];
    if (ruledOut.length)
        lines.push(paint("dim", "      ruled out:"), ...ruledOut.map((r) => paint("dim", `        - ${r.cause} — ${r.evidence}`)));
    return lines;
}

// EXTERNAL MODULE: ./src/cli/args.ts + 2 modules
var args = __nccwpck_require__(1049);
// EXTERNAL MODULE: ./src/cli/exit.ts
var exit = __nccwpck_require__(7632);
;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * The CLI face: parse argv, resolve configuration, run the engine, render, choose the exit
 * status. Everything it writes goes through `io`, so tests run it in-process.
 */

















async function main(argv, io) {
    const cmd = (0,args/* parseCommand */.RM)(argv);
    if ("usage" in cmd) {
        io.stderr(`smtp-gate: ${cmd.usage}\nRun smtp-gate --help for the options.\n`);
        return exit/* EXIT */.d.usage;
    }
    switch (cmd.kind) {
        case "help":
            io.stdout(args/* HELP */._$);
            return exit/* EXIT */.d.ok;
        case "version":
            io.stdout(`${version/* VERSION */.x}\n`);
            return exit/* EXIT */.d.ok;
        case "explain":
            return runExplain(cmd.args, cmd.format, io);
        case "demo-mta": {
            const { listenDemoMta } = await __nccwpck_require__.e(/* import() */ 392).then(__nccwpck_require__.bind(__nccwpck_require__, 4392));
            const mta = await listenDemoMta(cmd.port);
            if ("problem" in mta) {
                io.stderr(`smtp-gate demo-mta: ${mta.problem}\n`);
                return exit/* EXIT */.d.usage;
            }
            io.stdout(`smtp-gate demo MTA listening on 127.0.0.1:${mta.port}\n`);
            await new Promise((resolve) => {
                process.once("SIGTERM", resolve);
                process.once("SIGINT", resolve);
            });
            await mta.close();
            return exit/* EXIT */.d.ok;
        }
        case "merge":
            return runMerge(cmd, io);
        case "probe":
            break;
    }
    // The files to write are checked with the configuration: nothing is sent when one cannot be.
    const outputs = outputProblems([["--report", cmd.report], ["--write-baseline", cmd.writeBaseline]]);
    let report;
    if (cmd.demo) {
        if (outputs.length)
            return configError(outputs, io);
        const { runDemo } = await __nccwpck_require__.e(/* import() */ 392).then(__nccwpck_require__.bind(__nccwpck_require__, 4392));
        const demo = await runDemo();
        if ("problem" in demo) {
            io.stderr(`smtp-gate: the demo ${demo.problem}\n`);
            return exit/* EXIT */.d.usage;
        }
        report = demo;
    }
    else {
        const resolved = await resolveTargets(cmd, io.env);
        if ("problems" in resolved || outputs.length)
            return configError([...("problems" in resolved ? resolved.problems : []), ...outputs], io);
        return runStreamed(cmd, resolved, io);
    }
    const reportWritten = writeOutput(io, "the report", cmd.report, () => renderJson(report));
    const baselineWritten = writeOutput(io, "the baseline", cmd.writeBaseline, () => renderBaseline(report));
    const written = reportWritten && baselineWritten;
    if (cmd.writeBaseline && baselineWritten)
        baselineNote(io, report, cmd.writeBaseline);
    io.stdout(render(report, cmd.format, io.color));
    let code = report.verdict === "fail" ? exit/* EXIT */.d.fail : exit/* EXIT */.d.ok;
    if (cmd.demo) {
        // The demo's second target fails on purpose; the demo itself succeeds when both behaved as designed.
        const asDesigned = report.targets[0]?.verdict === "pass" && report.targets[1]?.verdict === "fail";
        io.stderr(asDesigned
            ? "\nDemo: the first target passed; the second failed on purpose — a legacy sender's XAUTH2 login got 500. That is the kind of hard error smtp-gate stops a deploy for.\n"
            : "\nDemo: the embedded MTA did not behave as designed; please report this.\n");
        code = asDesigned ? exit/* EXIT */.d.ok : exit/* EXIT */.d.fail;
    }
    return written ? code : exit/* EXIT */.d.output;
}
/**
 * A run of the configured targets, its results written as they finish (report/stream.ts): the
 * JSON report and `--format json` hold every target; text and Markdown show the tally's few
 * when the fleet is large. Only a baseline keeps every result (it is one document of all).
 */
async function runStreamed(cmd, run, io) {
    const out = new StreamedOutputs();
    if (cmd.report)
        out.jsonFile(`the report to ${cmd.report}`, cmd.report);
    if (cmd.format === "json")
        out.json(io.stdout);
    const all = cmd.writeBaseline ? [] : null;
    const allDomains = cmd.writeBaseline ? [] : null;
    const onDomain = (d) => {
        out.domain(d);
        allDomains?.push(d);
    };
    // Sharded after address expansion, so a matrix spreads the addresses of one MX host too; a
    // targets-file's lines are sharded as they are read.
    const shard = run.identity ? undefined : cmd.shard;
    const end = await (0,engine_run/* streamTargets */.vv)(run.targets, { concurrency: cmd.concurrency, onDomain, ...(shard ? { shard } : {}), ...(run.identity ? { identity: run.identity } : {}) }, (r, at, sub) => {
        out.add(r, at, sub);
        all?.push({ r, at, sub });
    });
    out.end(end);
    for (const line of out.unwritten)
        io.stderr(`smtp-gate: ${line}\n`);
    let written = out.unwritten.length === 0;
    if (all) {
        const full = { ...end, targets: all.sort((a, b) => a.at - b.at || a.sub - b.sub).map((x) => x.r), ...(allDomains?.length ? { domains: allDomains } : {}) };
        const baselineWritten = writeOutput(io, "the baseline", cmd.writeBaseline, () => renderBaseline(full));
        if (baselineWritten)
            baselineNote(io, full, cmd.writeBaseline);
        written = baselineWritten && written;
    }
    if (cmd.format !== "json")
        io.stdout(renderTallied(out, end, cmd.format, io.color));
    const code = end.verdict === "fail" ? exit/* EXIT */.d.fail : exit/* EXIT */.d.ok;
    return written ? code : exit/* EXIT */.d.output;
}
/** What the baseline holds, on stderr: targets whose session failed are left out of it. */
function baselineNote(io, report, path) {
    const kept = recordable(report).length;
    const left = report.targets.length - kept;
    io.stderr(`smtp-gate: wrote the baseline of ${kept} target${kept === 1 ? "" : "s"} to ${path}${left ? ` (${left} left out: ${left === 1 ? "its" : "their"} session failed)` : ""}\n`);
}
/** Problems with the files a run will write, as configuration problems. */
function outputProblems(files) {
    const problems = [];
    for (const [field, path] of files) {
        const why = path ? unwritablePath(path, "in-existing-folder") : null;
        if (why)
            problems.push({ field, message: `"${path}" ${why}` });
    }
    return problems;
}
/**
 * Writes a file the run was asked for. A failure only writing shows (a full disk) is one line on
 * stderr; the caller exits with EXIT.output, after printing the result all the same.
 */
function writeOutput(io, what, path, text) {
    if (!path)
        return true;
    try {
        (0,external_node_fs_.writeFileSync)(path, text());
        return true;
    }
    catch (e) {
        io.stderr(`smtp-gate: cannot write ${what} to ${path}: ${e.message}\n`);
        return false;
    }
}
async function resolveTargets(cmd, env) {
    if (cmd.targetsFile)
        return resolveTargetsFile(cmd.targetsFile, cmd, env);
    const listed = await resolveListed(cmd, env);
    return "problems" in listed ? listed : { targets: listed };
}
/** Contract §8: the lines of a targets-file, every one checked first, then read as the probes go. */
async function resolveTargetsFile(path, cmd, env) {
    const { openTargetsFile } = await __nccwpck_require__.e(/* import() */ 439).then(__nccwpck_require__.bind(__nccwpck_require__, 5439));
    // The options typed on the command line beat the file's defaults, as with --config alone.
    return openTargetsFile({ path, over: cmd.target, env, ...(cmd.config ? { config: cmd.config } : {}), ...(cmd.shard ? { shard: cmd.shard } : {}) });
}
async function resolveListed(cmd, env) {
    if (cmd.config) {
        // Loaded on demand, and the YAML parser with it.
        const { loadConfigFile } = await __nccwpck_require__.e(/* import() */ 974).then(__nccwpck_require__.bind(__nccwpck_require__, 1974));
        const loaded = await loadConfigFile(cmd.config, env, { over: cmd.target }, (0,local_io/* localIo */.i)());
        return "problems" in loaded ? loaded : loaded.targets;
    }
    const r = (0,resolve/* resolveTarget */.u)(cmd.target, { ...(0,local_io/* localIo */.i)(), env, label: (k) => (0,args/* cliLabel */.VU)(k) });
    return "problems" in r ? r : [r];
}
function runMerge(cmd, io) {
    const outputs = outputProblems([["--report", cmd.report]]);
    if (outputs.length)
        return mergeError(outputs[0], io);
    const out = new StreamedOutputs();
    // Opened once every file was checked (report/shard-files.ts): nothing is written when one is bad.
    const end = mergeReportFiles(cmd.files, out, () => {
        if (cmd.report)
            out.jsonFile(`the merged report to ${cmd.report}`, cmd.report);
        if (cmd.format === "json")
            out.json(io.stdout);
    });
    if ("problem" in end)
        return mergeError(end.problem, io);
    for (const line of out.unwritten)
        io.stderr(`smtp-gate: ${line}\n`);
    if (cmd.format !== "json")
        io.stdout(renderTallied(out, end, cmd.format, io.color));
    if (out.unwritten.length)
        return exit/* EXIT */.d.output;
    return end.verdict === "fail" ? exit/* EXIT */.d.fail : exit/* EXIT */.d.ok;
}
/** Text or Markdown of a streamed run: the tally's targets, and the counts when not all are shown. */
function renderTallied(out, end, format, color) {
    const shown = out.tally.report(end);
    const rest = out.tally.complete ? "" : `${out.tally.total} targets (${out.tally.countsText()}): ${shown.targets.length} shown above, the worst first; every one is in the JSON report (--report).\n`;
    return `${render(shown, format, color)}${rest}`;
}
function mergeError(p, io) {
    io.stderr(`smtp-gate merge: ${formatProblem(p)}\n`);
    return exit/* EXIT */.d.usage;
}
function render(report, format, color) {
    if (format === "json")
        return renderJson(report);
    if (format === "markdown")
        return renderMarkdown(report);
    return renderText(report, { color });
}
function runExplain(args, format, io) {
    const q = parseExplainQuery(args);
    const e = "error" in q ? q : explain(q.code, q.enhanced);
    if ("error" in e) {
        io.stderr(`smtp-gate explain: ${e.error}\n`);
        return exit/* EXIT */.d.usage;
    }
    io.stdout(format === "json" ? `${JSON.stringify(explainJson(e), null, 2)}\n` : renderExplainText(e));
    return exit/* EXIT */.d.ok;
}
function configError(problems, io) {
    io.stderr(`smtp-gate: configuration error${problems.length > 1 ? "s" : ""}; nothing was sent.\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}\n`);
    return exit/* EXIT */.d.usage;
}


/***/ }),

/***/ 1440:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GR: () => (/* binding */ SECRET_KEYS),
/* harmony export */   NR: () => (/* binding */ notOneOf),
/* harmony export */   X5: () => (/* binding */ TARGET_KEYS),
/* harmony export */   bi: () => (/* binding */ closestKey)
/* harmony export */ });
/**
 * Every per-target key, named as the action's inputs are (contract §4: "keys are the action's
 * input names"). One table serves the CLI, the action and the config file.
 */
const TARGET_KEYS = [
    "name", "host", "mx", "port", "tls", "servername", "ca", "insecure", "helo", "from", "to",
    "username", "password", "password-env", "oauth-token", "oauth-token-env", "auth", "allow-plaintext-auth",
    "send", "steps", "body", "fail-on", "timeout", "deadline", "pipelining",
    // How the target is reached.
    "resolver", "ip", "every-address", "proxy-protocol", "socks5", "socks5-username", "socks5-password", "socks5-password-env",
    // Policy assertions.
    "require-tls", "min-tls", "cert-min-days", "max-step-ms", "max-total-ms", "expect-extensions",
    "auth-requires-tls", "open-relay", "vrfy-disabled", "baseline",
    "smuggling-check",
    // Transport security of the mail domain (contract §9).
    "domain", "mta-sts", "tls-audit", "dane", "candidate-cert",
];
/** Keys whose value is a secret: a config file must reference them through `*-env`. */
const SECRET_KEYS = ["password", "oauth-token", "socks5-password"];
/**
 * The problem with a value outside an enumeration, with the nearest allowed value for a typo:
 * `must be one of hard, soft, never, not "hardd"; did you mean "hard"?`.
 */
function notOneOf(value, allowed) {
    // Two characters are too few to guess from ("v3" is no typo of "v1").
    const guess = value.length > 2 ? closestKey(value, allowed) : null;
    const list = allowed.length === 2 ? `${allowed[0]} or ${allowed[1]}` : `one of ${allowed.join(", ")}`;
    return `must be ${list}, not "${value}"${guess ? `; did you mean "${guess}"?` : ""}`;
}
/** Suggests the closest known key for a typo ("did you mean"). */
function closestKey(word, known = TARGET_KEYS, maxDistance) {
    let best = null;
    let bestD = Infinity;
    for (const k of known) {
        const d = editDistance(word.toLowerCase(), k.toLowerCase());
        if (d < bestD)
            [best, bestD] = [k, d];
    }
    return bestD <= (maxDistance ?? Math.max(2, Math.floor(word.length / 3))) ? best : null;
}
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = tmp;
        }
    }
    return row[b.length];
}


/***/ }),

/***/ 1194:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ localIo)
/* harmony export */ });
/* harmony import */ var _builtins_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7227);
/* harmony import */ var _read_file_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2691);
/**
 * What resolving a target needs from the machine — the files it names (`ca`, `baseline`) and this
 * host's name (the default EHLO name) — read by the faces (CLI, action, config loader) and passed
 * in, so that src/config/resolve.ts does no I/O itself.
 */


function localIo() {
    return { readFile: _read_file_js__WEBPACK_IMPORTED_MODULE_0__/* .readTextFile */ .Gu, hostname: (0,_builtins_js__WEBPACK_IMPORTED_MODULE_1__/* .loadOs */ .Ts)().hostname() };
}


/***/ }),

/***/ 9706:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H7: () => (/* binding */ DEFAULT_RELAY_DOMAIN),
/* harmony export */   Mk: () => (/* binding */ TLS_VERSIONS),
/* harmony export */   TL: () => (/* binding */ parseExtensionExpectation),
/* harmony export */   ie: () => (/* binding */ tlsVersionRank),
/* harmony export */   zj: () => (/* binding */ DEFAULT_POLICY)
/* harmony export */ });
/**
 * Policy assertions (issue: diagnosis and policy): what a healthy server must also satisfy,
 * beyond each reply meeting its expectation. Each produces findings, never exceptions.
 */
const TLS_VERSIONS = ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];
const DEFAULT_POLICY = {
    requireTls: false, minTls: "TLSv1.2", certMinDays: 14, maxStepMs: null, maxTotalMs: null,
    expectExtensions: [], authRequiresTls: false, openRelay: null, vrfyDisabled: false, baseline: null,
};
/** Parses `PIPELINING`, `SIZE>=10485760`. */
function parseExtensionExpectation(text) {
    const m = /^([A-Za-z0-9][A-Za-z0-9-]*)(?:\s*>=\s*(\d+))?$/.exec(text.trim());
    if (!m)
        return null;
    return { keyword: m[1].toUpperCase(), ...(m[2] !== undefined ? { atLeast: Number(m[2]) } : {}) };
}
function tlsVersionRank(v) {
    return v === null ? -1 : TLS_VERSIONS.indexOf(v);
}
/** Relay tests go to a domain nobody may relay to; RFC 2606's example.net is that domain. */
const DEFAULT_RELAY_DOMAIN = "example.net";


/***/ }),

/***/ 2691:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gu: () => (/* binding */ readTextFile),
/* harmony export */   SK: () => (/* binding */ FILE_LIMITS)
/* harmony export */ });
/* unused harmony exports readFileLimited, formatBytes */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The one way smtp-gate reads a file it was pointed at (a config, a CA bundle, a baseline, a
 * report): with a size limit checked before and while reading. Before, from fstat, for a regular
 * file; while, by reading at most limit + 1 bytes, for what fstat cannot size (/dev/zero, a pipe,
 * /proc files all say 0). Without it `--config /dev/zero` reads until memory runs out.
 */

const MiB = 1024 * 1024;
/** What each kind of file may weigh, with room to spare over the largest real one. */
const FILE_LIMITS = {
    /**
     * A 200-target config is about 40 KB. Parsing YAML costs far more than the file (measured on
     * 2 cores: 8,000 targets, 650 KB: 2.4 s and 170 MiB; 20,000 targets, 1.6 MB: 4.9 s and 290 MiB),
     * so a larger fleet goes in a targets-file (config/targets-file.ts), read as a stream.
     */
    config: 1 * MiB,
    /** The whole Mozilla root store as PEM is about 220 KB. */
    ca: 1 * MiB,
    /** A baseline holds a few hundred bytes of facts per target. */
    baseline: 16 * MiB,
    /**
     * One target of a report read back (report/read-stream.ts reads a report a target at a time, so
     * the file itself is not limited): a target holds its transcript, at most 256 K characters.
     */
    report: 64 * MiB,
    /** GitHub caps webhook payloads at 25 MB. */
    event: 32 * MiB,
};
const CHUNK = 64 * 1024;
/** The file's bytes, or why not: `cannot read "x": ENOENT`, `"x" is larger than 4 MiB, the limit for a config file`. */
function readFileLimited(path, limit, what) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, "r");
    }
    catch (e) {
        return { problem: `cannot read "${path}": ${errorCode(e)}` };
    }
    const tooBig = () => ({ problem: `"${path}" is larger than ${formatBytes(limit)}, the limit for ${what}` });
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (stat.isDirectory())
            return { problem: `cannot read "${path}": it is a folder` };
        if (stat.size > limit)
            return tooBig();
        // A regular file in one read (and one more to see its end); anything else in growing chunks.
        let buffer = Buffer.allocUnsafe(Math.min(limit + 1, stat.isFile() && stat.size > 0 ? stat.size + 1 : CHUNK));
        let total = 0;
        for (;;) {
            if (total === buffer.length) {
                const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
                buffer.copy(bigger, 0, 0, total);
                buffer = bigger;
            }
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, total, buffer.length - total, null);
            if (n === 0)
                return buffer.subarray(0, total);
            total += n;
            if (total > limit)
                return tooBig();
        }
    }
    catch (e) {
        return { problem: `cannot read "${path}": ${errorCode(e)}` };
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/** The file as UTF-8 text, or why not (see readFileLimited). */
function readTextFile(path, limit, what) {
    const bytes = readFileLimited(path, limit, what);
    return Buffer.isBuffer(bytes) ? bytes.toString("utf8") : bytes;
}
/** `4 MiB`, `512 KiB`, `100 bytes`: limits are written the way they were chosen. */
function formatBytes(n) {
    if (n >= MiB && n % MiB === 0)
        return `${n / MiB} MiB`;
    if (n >= 1024 && n % 1024 === 0)
        return `${n / 1024} KiB`;
    return `${n} bytes`;
}
function errorCode(e) {
    return e.code ?? e.message;
}


/***/ }),

/***/ 4147:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  u: () => (/* binding */ resolveTarget)
});

// EXTERNAL MODULE: ./src/dane/tlsa.ts
var tlsa = __nccwpck_require__(6816);
// EXTERNAL MODULE: ./src/model/enums.ts
var enums = __nccwpck_require__(2739);
// EXTERNAL MODULE: ./src/protocol/address.ts
var address = __nccwpck_require__(1020);
// EXTERNAL MODULE: ./src/protocol/command.ts
var command = __nccwpck_require__(1813);
// EXTERNAL MODULE: ./src/protocol/steps.ts
var protocol_steps = __nccwpck_require__(7547);
// EXTERNAL MODULE: ./src/config/keys.ts
var keys = __nccwpck_require__(1440);
// EXTERNAL MODULE: ./src/config/read-file.ts
var read_file = __nccwpck_require__(2691);
;// CONCATENATED MODULE: ./src/config/resolve-network.ts
/**
 * How a target is reached (contract §7): the DNS server for address expansion, the address
 * family, every address of a host, a PROXY protocol header, a SOCKS5 proxy. Validated here, before
 * anything is sent; each problem names its key.
 */

/** `HOST[:PORT]`, `[v6]:PORT` or a bare IPv6 address; null with a message when malformed. */
function parseHostPort(text, defaultPort) {
    // A URL with credentials (`socks5://user:PASS@host`) is refused without echoing them.
    if (/^[a-z][a-z0-9+.-]*:\/\/|@/i.test(text)) {
        return { problem: `"${(0,address/* withoutUserinfo */.Q3)(text)}" is not HOST[:PORT]: give the address alone${text.includes("@") ? " (a proxy's username and password go in socks5-username and socks5-password, never in the address)" : ""}` };
    }
    const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(text) ?? ((0,address/* ipFamily */.Mr)(text) === 6 ? [text, text, undefined] : /^([^:]+)(?::(\d+))?$/.exec(text));
    const host = m?.[1];
    if (!m || !host || (0,address/* checkHost */.RC)(host) !== null)
        return { problem: `"${text}" is not HOST[:PORT] (an IPv6 address with a port goes in brackets: [2001:db8::53]:53)` };
    const port = m[2] === undefined ? defaultPort : Number(m[2]);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
        return { problem: `"${text}" has a port outside 1 to 65535` };
    return { host, port };
}
function resolveNetwork(r, env, problem) {
    const out = {};
    const at = (key, defaultPort) => {
        const text = r.str(key);
        if (text === undefined)
            return undefined;
        const hp = parseHostPort(text, defaultPort);
        if ("problem" in hp)
            problem(key, hp.problem);
        else
            return hp;
        return undefined;
    };
    const resolver = at("resolver", 53);
    if (resolver)
        out.resolver = resolver;
    const ip = r.str("ip");
    if (ip !== undefined) {
        if (ip === "4" || ip === "6")
            out.ip = Number(ip);
        else
            problem("ip", `must be 4 or 6, not "${ip}"`);
    }
    if (r.bool("every-address"))
        out.everyAddress = true;
    const proxy = r.str("proxy-protocol");
    if (proxy !== undefined)
        out.proxyProtocol = r.oneOf("proxy-protocol", ["v1", "v2"], "v1");
    const socks = at("socks5", 1080);
    const username = r.str("socks5-username");
    const password = r.secret("socks5-password-env", "socks5-password", env);
    // RFC 1929 §2: each field is 1 to 255 octets.
    if (username !== undefined && Buffer.byteLength(username) > 255)
        problem("socks5-username", "is longer than 255 octets (RFC 1929)");
    if (password !== undefined && Buffer.byteLength(password) > 255)
        problem("socks5-password-env", "holds a password longer than 255 octets (RFC 1929)");
    if ((username === undefined) !== (password === undefined) && (username !== undefined || r.str("socks5-password-env") === undefined)) {
        problem(username === undefined ? "socks5-username" : "socks5-password-env", "the SOCKS5 proxy's username and password go together");
    }
    if ((username !== undefined || password !== undefined) && !socks && r.str("socks5") === undefined)
        problem("socks5", "is required with socks5-username and socks5-password");
    if (socks)
        out.socks5 = { ...socks, credentials: username !== undefined && password !== undefined ? { username, password } : null };
    // Through SOCKS5 the proxy resolves names (RFC 1928 §4, ATYP 3): the addresses it would reach are not known here.
    if (out.everyAddress && out.socks5)
        problem("every-address", "cannot be used with socks5: the proxy resolves the host name, so the addresses it would connect to are not known here; give each address as its own host target, or drop every-address");
    return out;
}

// EXTERNAL MODULE: ./src/config/policy.ts
var policy = __nccwpck_require__(9706);
// EXTERNAL MODULE: ./src/config/values.ts
var values = __nccwpck_require__(3750);
;// CONCATENATED MODULE: ./src/config/resolve-policy.ts
/** The policy keys of a target, validated. */




function resolvePolicy(raw, c) {
    const ms = (key) => {
        const s = c.str(key);
        if (s === undefined)
            return null;
        const n = (0,values/* parseDecimal */.$Q)(s, true);
        if (!Number.isInteger(n) || n <= 0) {
            c.problem(key, `must be a whole number of milliseconds above 0, not "${s}"`);
            return null;
        }
        return n;
    };
    const expectExtensions = [];
    for (const item of c.list("expect-extensions")) {
        const e = (0,policy/* parseExtensionExpectation */.TL)(item);
        if (e)
            expectExtensions.push(e);
        else
            c.problem("expect-extensions", `"${item}" is not an extension keyword, or KEYWORD>=NUMBER like SIZE>=10485760`);
    }
    let certMinDays = policy/* DEFAULT_POLICY */.zj.certMinDays;
    const days = c.str("cert-min-days");
    if (days !== undefined) {
        const n = (0,values/* parseDecimal */.$Q)(days, true);
        if (!Number.isInteger(n) || n < 0 || n > 3650)
            c.problem("cert-min-days", `must be a whole number of days from 0 to 3650, not "${days}"`);
        else
            certMinDays = n;
    }
    // `open-relay: true` tests the default foreign domain; any other value names the domain.
    let openRelay = null;
    const relay = c.str("open-relay");
    if (relay !== undefined && !/^(false|no|off|0)$/i.test(relay)) {
        openRelay = /^(true|yes|on|1)$/i.test(relay) ? policy/* DEFAULT_RELAY_DOMAIN */.H7 : relay;
        if ((0,address/* checkHost */.RC)(openRelay)) {
            c.problem("open-relay", `must be true, false, or a domain to try relaying to, not "${relay}"`);
            openRelay = null;
        }
    }
    return {
        requireTls: c.bool("require-tls"),
        minTls: c.oneOf("min-tls", policy/* TLS_VERSIONS */.Mk, policy/* DEFAULT_POLICY */.zj.minTls),
        certMinDays,
        maxStepMs: ms("max-step-ms"),
        maxTotalMs: ms("max-total-ms"),
        expectExtensions,
        authRequiresTls: c.bool("auth-requires-tls"),
        openRelay,
        vrfyDisabled: c.bool("vrfy-disabled"),
        baseline: readBaseline(c, raw.baseline),
    };
}
function readBaseline(c, value) {
    const path = c.str("baseline");
    if (path === undefined || value === undefined)
        return null;
    const file = c.baseDir && !path.startsWith("/") ? `${c.baseDir}/${path}` : path;
    const text = c.readFile(file, read_file/* FILE_LIMITS */.SK.baseline, "a baseline");
    if (typeof text !== "string") {
        c.problem("baseline", text.problem);
        return null;
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (e) {
        c.problem("baseline", `cannot read "${path}" as a baseline: ${e.message}`);
        return null;
    }
    const b = parsed;
    if (b.schema !== "smtp-gate/baseline@1" || typeof b.targets !== "object" || b.targets === null) {
        c.problem("baseline", `"${path}" is not a smtp-gate baseline (write one with --write-baseline)`);
        return null;
    }
    // Every entry: an `mx` target is looked up per address once expanded (diagnose/baseline.ts).
    return { file: path, targets: b.targets, transport: readTransportBaseline(b.transport) };
}
/** The `transport` section, each value checked by type: the file is data, anything else reads as absent. */
function readTransportBaseline(v) {
    const obj = (x) => (x !== null && typeof x === "object" && !Array.isArray(x) ? x : null);
    const strOrNull = (x) => (typeof x === "string" ? x : null);
    const strings = (x) => (Array.isArray(x) ? x.filter((s) => typeof s === "string") : []);
    const b = obj(v);
    if (!b)
        return null;
    const domains = {};
    for (const [name, d] of Object.entries(obj(b.domains) ?? {})) {
        const o = obj(d);
        if (o)
            domains[name] = { policyId: strOrNull(o.policyId), bodySha256: strOrNull(o.bodySha256), mx: strings(o.mx), maxAge: typeof o.maxAge === "number" ? o.maxAge : null };
    }
    const certificates = {};
    for (const [name, c] of Object.entries(obj(b.certificates) ?? {}))
        certificates[name] = strings(c);
    return { domains, certificates };
}

;// CONCATENATED MODULE: ./src/config/resolve.ts
/**
 * Turns raw values (from argv, action inputs or a YAML file) into a validated TargetConfig.
 * Every check runs before anything is sent; each problem names its field. Pure: the files a
 * target names and the host name come in through the context (./local-io.ts).
 */











function resolveTarget(raw, ctx) {
    const problems = [];
    const problem = (key, message) => problems.push({ field: ctx.label(key), message, ...ctx.where?.(key) });
    const readers = (0,values/* valueReaders */.iL)(raw, problem);
    const { str, list, bool, seconds, oneOf } = readers;
    let host = str("host");
    const mx = str("mx")?.replace(/\.$/, "");
    if (mx !== undefined) {
        const bad = (0,address/* checkHost */.RC)(mx);
        if (bad)
            problem("mx", `"${(0,address/* withoutUserinfo */.Q3)(mx)}" ${bad}`);
        else if (host !== undefined)
            problem("mx", "give either host (one server) or mx (a mail domain's MX hosts), not both");
        host = mx;
    }
    else if (host === undefined && isAbsent(raw.host))
        problem("host", "is required");
    else if (host !== undefined) {
        host = host.replace(/^\[(.*)\]$/, "$1");
        const bad = (0,address/* checkHost */.RC)(host);
        if (bad)
            problem("host", `"${(0,address/* withoutUserinfo */.Q3)(host)}" ${bad}`);
    }
    const tls = oneOf("tls", enums/* TLS_MODES */.FM, "starttls");
    const portText = str("port");
    let port = tls === "implicit" ? 465 : 25;
    if (portText !== undefined) {
        const n = (0,values/* parseDecimal */.$Q)(portText, true);
        if (!Number.isInteger(n) || n < 1 || n > 65535)
            problem("port", `must be a whole number from 1 to 65535, not "${portText}"`);
        else
            port = n;
    }
    const heloGiven = str("helo");
    const helo = heloGiven ?? defaultHelo(ctx.hostname);
    if (heloGiven !== undefined) {
        const bad = (0,address/* checkEhloName */.qc)(heloGiven);
        if (bad)
            problem("helo", `"${heloGiven}" ${bad}`);
    }
    const to = list("to");
    for (const addr of to) {
        const bad = (0,address/* checkMailbox */.Tf)(addr);
        if (bad)
            problem("to", `"${addr}" ${bad}`);
    }
    const username = str("username");
    let from = str("from");
    if (from !== undefined) {
        const bad = (0,address/* checkMailbox */.Tf)(from);
        if (bad)
            problem("from", `"${from}" ${bad}`);
    }
    else {
        // Submission servers often insist the sender is the logged-in user; that is the best guess.
        // Otherwise smtp-gate@ the EHLO name; without one, @ the local address literal (RFC 5321
        // §4.1.3 allows it, though servers that check the sender's domain refuse it: set from).
        from = username && (0,address/* checkMailbox */.Tf)(username) === null ? username : helo === null ? undefined : `smtp-gate@${helo}`;
    }
    const credentials = resolveCredentials(raw, ctx, readers, problem, username);
    const send = bool("send");
    const allowPlaintextAuth = bool("allow-plaintext-auth");
    let steps = null;
    /** 0-based index into stepLines of each kept step, for messages that name a step's line. */
    const stepAt = [];
    const stepLines = raw.steps === undefined || raw.steps === null || raw.steps === "" ? null : Array.isArray(raw.steps) ? raw.steps.map(String) : String(raw.steps).split(/\r?\n/);
    if (stepLines) {
        steps = [];
        const stepProblem = (i, message) => {
            const w = ctx.where?.("steps");
            problems.push({ field: `${ctx.label("steps")} line ${i + 1}`, message, ...(w ? { file: w.file, line: ctx.stepLine?.(i) ?? w.line } : {}) });
        };
        stepLines.forEach((text, i) => {
            // Checked before trimming: CR, LF or NUL anywhere in a step is refused, not repaired.
            if ((0,command/* hasForbiddenChars */.HX)(text)) {
                stepProblem(i, `contains ${(0,command/* describeForbidden */.FM)(text)}, which would inject a second command`);
                return;
            }
            const t = text.trim();
            if (!t || t.startsWith("#"))
                return;
            // Also before trimming (TAB, VT, FF and U+2028 are trimmed away), and without echoing the line.
            const control = (0,command/* describeControl */.hy)(text);
            if (control) {
                stepProblem(i, `contains ${control}; a step is printable text`);
                return;
            }
            const r = (0,protocol_steps/* parseStepLine */.gj)(t);
            if ("error" in r)
                stepProblem(i, `"${t}" ${r.error}`);
            else {
                steps?.push(r);
                stepAt.push(i);
            }
        });
        if (steps.length === 0)
            problem("steps", "has no steps");
        for (const s of steps) {
            const verb = (0,command/* verbOf */.rl)(s.line);
            if (verb === "DATA" && !send)
                problem("steps", "contains DATA, which delivers a message: set send to true to allow it");
            // RFC 3030: BDAT delivers too, and its size must match the bytes that follow, so smtp-gate writes it.
            if (verb === "BDAT" && !send)
                problem("steps", "contains BDAT, which delivers a message (RFC 3030): set send to true to allow it");
            else if (verb === "BDAT" && s.line.trim().toUpperCase() !== "BDAT")
                problem("steps", `"${s.line}": write BDAT alone; smtp-gate sends the test message as one chunk with its size and LAST`);
            if (/\{to\}/.test(s.line) && to.length === 0)
                problem("steps", `"${s.line}" uses {to} but no recipient (to) is configured`);
            if (protocol_steps/* CREDENTIAL_AUTH_STEP */.M.test(s.line) && !credentials)
                problem("steps", `"${s.line}" needs credentials: set username and ${ctx.label("password-env")} (or ${ctx.label("oauth-token-env")})`);
        }
        // RFC 4954 §4, contract §7: credentials go only after TLS when TLS is asked for, and never
        // before a STARTTLS the sequence itself runs later.
        const firstAuth = steps.findIndex((s) => protocol_steps/* CREDENTIAL_AUTH_STEP */.M.test(s.line));
        const firstStartTls = steps.findIndex((s) => (0,command/* verbOf */.rl)(s.line) === "STARTTLS");
        // Steps that do not open the session run after the production opening, which has STARTTLS.
        if (credentials && (0,protocol_steps/* opensSession */.AQ)(steps) && firstAuth !== -1 && (firstStartTls > firstAuth || (firstStartTls === -1 && tls === "starttls"))) {
            stepProblem(stepAt[firstAuth], firstStartTls > firstAuth
                ? `"${steps[firstAuth]?.line}" comes before the STARTTLS step: the credentials would cross the network in clear text. Put STARTTLS (and EHLO again) before it`
                : `"${steps[firstAuth]?.line}" would send the credentials in clear text: ${ctx.label("tls")} is starttls but no step runs STARTTLS. Put STARTTLS (and EHLO again) before it`);
        }
    }
    // Clear text known up front: a server not on loopback without TLS needs the explicit opt-in.
    const sendsCredentials = credentials !== null && (steps && (0,protocol_steps/* opensSession */.AQ)(steps) ? steps.some((s) => protocol_steps/* CREDENTIAL_AUTH_STEP */.M.test(s.line)) : true);
    if (sendsCredentials && tls === "none" && !allowPlaintextAuth && host !== undefined && mx === undefined && !(0,address/* isLoopbackHost */.cW)(host)) {
        problem("allow-plaintext-auth", `is not set, so the credentials cannot be sent: ${ctx.label("tls")} is none and ${host} is not a loopback address. Use TLS (starttls or implicit), or set ${ctx.label("allow-plaintext-auth")} to send them in clear text anyway`);
    }
    if (send && !stepLines && to.length === 0)
        problem("send", "needs at least one recipient (to)");
    const smugglingCheck = bool("smuggling-check");
    if (smugglingCheck && !send)
        problem("smuggling-check", `sends one test message per end-of-data variant: set ${ctx.label("send")} to true to allow it`);
    if (smugglingCheck && to.length === 0)
        problem("smuggling-check", "needs a recipient (to) for its test messages");
    const failOn = oneOf("fail-on", enums/* FAIL_ON */.d$, "hard");
    const pipelining = oneOf("pipelining", ["auto", "off"], "auto");
    const timeout = seconds("timeout", 30);
    const deadline = seconds("deadline");
    const insecure = bool("insecure");
    const servername = str("servername");
    let ca;
    const caPath = str("ca");
    if (caPath !== undefined) {
        const text = ctx.readFile(ctx.baseDir && !caPath.startsWith("/") ? `${ctx.baseDir}/${caPath}` : caPath, read_file/* FILE_LIMITS */.SK.ca, "a CA bundle");
        if (typeof text !== "string")
            problem("ca", text.problem);
        else if (!text.includes("-----BEGIN CERTIFICATE-----"))
            problem("ca", `"${caPath}" holds no PEM certificate`);
        else
            ca = text;
    }
    const body = raw.body === undefined || raw.body === null ? undefined : String(raw.body);
    const bodyControl = body?.split(/\r\n|\r|\n/).map((line) => (0,command/* describeControl */.hy)(line, true)).find((c) => c !== null);
    if (bodyControl)
        problem("body", `contains ${bodyControl}; a message line is printable text (TAB allowed)`);
    const defaultName = mx !== undefined ? `mx ${mx}` : `${host}:${port}`;
    const policy = resolvePolicy(raw, { str, list, bool, oneOf, problem, baseDir: ctx.baseDir, readFile: ctx.readFile });
    const network = resolveNetwork(readers, ctx.env, problem);
    if (network.socks5 && mx !== undefined)
        problem("socks5", "does not go with mx: the MX lookup and the address expansion would happen here, not on the proxy's side");
    const security = resolveSecurity(raw, readers, problem, mx);
    const dane = resolveDane(raw, readers, ctx, problem);
    if (problems.length)
        return { problems };
    // The optional keys go on afterwards: a spread inside an object literal makes every property
    // after it a slow definition, and a fleet's config resolves hundreds of targets.
    const target = {
        policy,
        pipelining,
        name: str("name") ?? defaultName,
        host: host, port, tls, servername, ca, insecure, helo, from: from ?? null, to, credentials, allowPlaintextAuth, send, steps, body, failOn,
        timeoutMs: Math.round(timeout * 1000),
    };
    if (mx !== undefined)
        target.mx = mx;
    Object.assign(target, network);
    if (smugglingCheck)
        target.smugglingCheck = true;
    Object.assign(target, security, dane);
    if (deadline !== undefined)
        target.deadlineMs = Math.round(deadline * 1000);
    if (ctx.source)
        target.source = ctx.source;
    return target;
}
function resolveCredentials(raw, ctx, { str, secret }, problem, username) {
    // A named variable is the more specific choice (a config target's own) over a face-wide value.
    const password = secret("password-env", "password", ctx.env);
    const oauthToken = secret("oauth-token-env", "oauth-token", ctx.env);
    const mechText = str("auth")?.toUpperCase();
    let mechanism = null;
    if (mechText !== undefined) {
        if (enums/* AUTH_MECHANISMS */.CV.includes(mechText))
            mechanism = mechText;
        else
            problem("auth", (0,keys/* notOneOf */.NR)(mechText, enums/* AUTH_MECHANISMS */.CV));
    }
    const anySecret = password !== undefined || oauthToken !== undefined || raw["password-env"] || raw["oauth-token-env"] || raw.password || raw["oauth-token"];
    if (!username) {
        if (anySecret && isAbsent(raw.username))
            problem("username", "is required when a password or token is given");
        else if (mechanism)
            problem("auth", "needs a username and a password or token");
        return null;
    }
    if (password === undefined && oauthToken === undefined) {
        if (!anySecret)
            problem("username", `is set but no secret is: set ${ctx.label("password-env")} or ${ctx.label("oauth-token-env")}`);
        return null;
    }
    if (mechanism === "XOAUTH2" && oauthToken === undefined)
        problem("auth", `XOAUTH2 needs a token (${ctx.label("oauth-token-env")})`);
    if (mechanism && mechanism !== "XOAUTH2" && password === undefined)
        problem("auth", `${mechanism} needs a password (${ctx.label("password-env")})`);
    return { username, password, oauthToken, mechanism };
}
/** Contract §9: the domain whose policies apply, MTA-STS on by default, the opt-in TLS audit. */
function resolveSecurity(raw, { str, bool }, problem, mx) {
    const out = {};
    const domain = str("domain")?.replace(/\.$/, "").toLowerCase();
    if (domain !== undefined) {
        const bad = (0,address/* checkHost */.RC)(domain);
        if (bad)
            problem("domain", `"${domain}" ${bad}`);
        else if (mx !== undefined && domain !== mx.toLowerCase())
            problem("domain", `is the mail domain of a host target; an mx target's domain is ${mx}`);
        else
            out.domain = domain;
    }
    else if (mx !== undefined)
        out.domain = mx.toLowerCase();
    if (!isAbsent(raw["mta-sts"]) && !bool("mta-sts"))
        out.mtaSts = false;
    if (bool("tls-audit"))
        out.tlsAudit = true;
    return out;
}
/** Contract §9: DANE on by default for mx targets; a candidate certificate read now, before anything is sent. */
function resolveDane(raw, { str, bool }, ctx, problem) {
    const out = {};
    if (!isAbsent(raw.dane) && !bool("dane"))
        out.dane = false;
    const path = str("candidate-cert");
    if (path !== undefined) {
        const text = ctx.readFile(ctx.baseDir && !path.startsWith("/") ? `${ctx.baseDir}/${path}` : path, read_file/* FILE_LIMITS */.SK.ca, "a PEM certificate chain");
        if (typeof text !== "string")
            problem("candidate-cert", text.problem);
        else {
            const chain = (0,tlsa/* readPemChain */.mB)(text);
            if ("problem" in chain)
                problem("candidate-cert", `"${path}": ${chain.problem}`);
            else
                out.candidateCert = { path, pem: text };
        }
    }
    return out;
}
function isAbsent(v) {
    return v === undefined || v === null || v === "";
}
/**
 * RFC 5321 §4.1.4: the EHLO name is the client's fully qualified domain name or, failing that,
 * the address literal of its end of the connection — null here, filled in once connected. A
 * bare host name (a GitHub-hosted runner's) is not one, and an invented name would be a lie.
 */
function defaultHelo(h) {
    return h.includes(".") && !h.endsWith(".localdomain") && (0,address/* checkEhloName */.qc)(h) === null ? h : null;
}


/***/ }),

/***/ 3750:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ parseDecimal),
/* harmony export */   WH: () => (/* binding */ DEFAULT_CONCURRENCY),
/* harmony export */   iL: () => (/* binding */ valueReaders),
/* harmony export */   nY: () => (/* binding */ parseConcurrency)
/* harmony export */ });
/* unused harmony export MAX_CONCURRENCY */
/* harmony import */ var _protocol_command_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1813);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1440);
/** Readers for raw config values: each checks its value and reports a problem naming the key. */


const MAX_SECONDS = 3600;
/**
 * A number as people write one in a config: decimal digits, perhaps a fraction. `Number()`
 * alone would also take 0x10 (16), 0b1, 1e3, "Infinity" and an empty string (0). NaN otherwise.
 */
function parseDecimal(text, whole = false) {
    return (whole ? /^[0-9]+$/ : /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/).test(text) ? Number(text) : NaN;
}
/** How many targets a run probes at once: `--concurrency` and the action's `concurrency` input. */
const DEFAULT_CONCURRENCY = 16;
/** Each probe holds a socket: 1,024 stays under the usual open-file limit with room for the rest. */
const MAX_CONCURRENCY = 1024;
/** `text` as a concurrency, or why it is not one (the caller names the option or input). */
function parseConcurrency(text) {
    const n = parseDecimal(text.trim(), true);
    if (!Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY)
        return { problem: `must be a whole number from 1 to ${MAX_CONCURRENCY}, not "${text}"` };
    return n;
}
function valueReaders(raw, problem) {
    const str = (key) => {
        const v = raw[key];
        if (v === undefined || v === null || v === "")
            return undefined;
        if (Array.isArray(v)) {
            problem(key, "must be a single value, not a list");
            return undefined;
        }
        // Checked before trimming: a value with CR, LF or NUL anywhere is refused, not repaired.
        const s = String(v);
        if ((0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .hasForbiddenChars */ .HX)(s)) {
            problem(key, `contains ${(0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .describeForbidden */ .FM)(s)}; a value that reaches the wire may not contain CR, LF or NUL`);
            return undefined;
        }
        const control = (0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .describeControl */ .hy)(s);
        if (control) {
            problem(key, `contains ${control}; a value is printable text`);
            return undefined;
        }
        return s.trim();
    };
    const list = (key) => {
        const v = raw[key];
        if (v === undefined || v === null || v === "")
            return [];
        const items = Array.isArray(v) ? v.map(String) : String(v).split(/,|\r?\n/);
        const out = [];
        for (const item of items) {
            const control = (0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .describeControl */ .hy)(item);
            if ((0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .hasForbiddenChars */ .HX)(item))
                problem(key, `an item contains ${(0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .describeForbidden */ .FM)(item)}; a value that reaches the wire may not contain CR, LF or NUL`);
            else if (control)
                problem(key, `an item contains ${control}; a value is printable text`);
            else if (item.trim())
                out.push(item.trim());
        }
        return out;
    };
    const bool = (key) => {
        const v = raw[key];
        if (v === undefined || v === null || v === "")
            return false;
        if (typeof v === "boolean")
            return v;
        const s = String(v).trim().toLowerCase();
        if (["true", "yes", "1", "on"].includes(s))
            return true;
        if (["false", "no", "0", "off"].includes(s))
            return false;
        problem(key, (0,_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .notOneOf */ .NR)(String(v), ["true", "false"]));
        return false;
    };
    const number = (key, min, max, what) => {
        const s = str(key);
        if (s === undefined)
            return undefined;
        const n = parseDecimal(s);
        if (!Number.isFinite(n) || n < min || n > max) {
            problem(key, `must be ${what} from ${min} to ${max}, not "${s}"`);
            return undefined;
        }
        return n;
    };
    const seconds = (key, fallback) => {
        const s = str(key);
        if (s === undefined)
            return fallback;
        const n = parseDecimal(s);
        if (!Number.isFinite(n) || n <= 0 || n > MAX_SECONDS) {
            problem(key, `must be a number of seconds between 0 and ${MAX_SECONDS}, not "${s}"`);
            return fallback;
        }
        return n;
    };
    const oneOf = (key, allowed, fallback) => {
        const s = str(key);
        if (s === undefined)
            return fallback;
        const hit = allowed.find((a) => a.toLowerCase() === s.toLowerCase());
        if (hit)
            return hit;
        problem(key, (0,_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .notOneOf */ .NR)(s, allowed));
        return fallback;
    };
    /**
     * A secret, by reference (`KEY-env: VAR`, the more specific choice) or given directly (an action
     * input). Checked without echoing it; undefined when neither is set or it is unusable.
     */
    const secret = (envKey, directKey, env) => {
        const name = str(envKey);
        if (name !== undefined) {
            // Own properties only: `toString` names no variable, whatever Object.prototype holds.
            const value = Object.hasOwn(env, name) ? env[name] : undefined;
            if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
                problem(envKey, `"${name}" is not an environment variable name`);
            else if (typeof value !== "string" || value === "")
                problem(envKey, `environment variable ${name} is not set`);
            else if ((0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .hasForbiddenChars */ .HX)(value))
                problem(envKey, `environment variable ${name} contains ${(0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .describeForbidden */ .FM)(value)}`);
            else
                return value;
            return undefined;
        }
        const v = directKey === null ? undefined : raw[directKey];
        if (v === undefined || v === null || v === "" || directKey === null)
            return undefined;
        const s = String(v);
        if ((0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .hasForbiddenChars */ .HX)(s)) {
            problem(directKey, `contains ${(0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .describeForbidden */ .FM)(s)}`);
            return undefined;
        }
        return s;
    };
    return { str, list, bool, number, seconds, oneOf, secret };
}


/***/ }),

/***/ 6816:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   X2: () => (/* binding */ eeRecordOf),
/* harmony export */   aZ: () => (/* binding */ verifyDane),
/* harmony export */   fL: () => (/* binding */ recordsInUse),
/* harmony export */   mB: () => (/* binding */ readPemChain),
/* harmony export */   mY: () => (/* binding */ unusedMatches),
/* harmony export */   qj: () => (/* binding */ tlsaText)
/* harmony export */ });
/* unused harmony exports isUsable, matchesCertificate */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * TLSA records and what a DANE SMTP client makes of them (RFC 6698, RFC 7671, RFC 7672 §3).
 * Pure: certificates in, verdicts out; node:crypto parses and checks signatures.
 *
 * - Usable: DANE-TA(2) and DANE-EE(3) only (RFC 7672 §3.1.3: PKIX-TA(0) and PKIX-EE(1) are
 *   unusable for SMTP), selector Cert(0) or SPKI(1), matching Full(0), SHA2-256(1), SHA2-512(2).
 * - Digest agility (RFC 7671 §9): per usage and selector only the records of the strongest
 *   matching type published are used (SHA2-512 > SHA2-256 > Full).
 * - DANE-EE(3): the leaf's data matches; names and dates are ignored (RFC 7672 §3.1.1).
 * - DANE-TA(2): some certificate the server sent (or the record itself, for `2 0 0`/`2 1 0`)
 *   matches, the chain from the leaf up to it verifies and is within its dates, and the leaf names
 *   a reference identifier: the TLSA base domain or the MX host name (RFC 7672 §3.1.2, §3.2.3).
 */

const tlsaText = (r) => `${r.usage} ${r.selector} ${r.matchingType} ${r.data}`;
function isUsable(r) {
    return (r.usage === 2 || r.usage === 3) && (r.selector === 0 || r.selector === 1) && r.matchingType >= 0 && r.matchingType <= 2;
}
/** SHA2-512 over SHA2-256 over Full (RFC 7671 §9). */
const STRENGTH = { 2: 3, 1: 2, 0: 1 };
/** The records a client uses: usable ones, and per usage/selector only the strongest matching type. */
function recordsInUse(records) {
    const usable = records.filter(isUsable);
    const best = new Map();
    for (const r of usable) {
        const key = `${r.usage} ${r.selector}`;
        best.set(key, Math.max(best.get(key) ?? 0, STRENGTH[r.matchingType] ?? 0));
    }
    return usable.filter((r) => STRENGTH[r.matchingType] === best.get(`${r.usage} ${r.selector}`));
}
/** The bytes a selector picks: the DER certificate, or its SubjectPublicKeyInfo. */
function selected(c, selector) {
    return selector === 0 ? c.raw : c.publicKey.export({ type: "spki", format: "der" });
}
function associated(bytes, matchingType) {
    if (matchingType === 0)
        return bytes.toString("hex");
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(matchingType === 1 ? "sha256" : "sha512").update(bytes).digest("hex");
}
function matchesCertificate(r, c) {
    return associated(selected(c, r.selector), r.matchingType) === r.data.toLowerCase();
}
/** The record a key change needs published first: `3 1 1` of the certificate's key. */
function eeRecordOf(c) {
    return { usage: 3, selector: 1, matchingType: 1, data: associated(selected(c, 1), 1) };
}
/** The first record in use that authenticates the chain, or why none does. */
function verifyDane(i) {
    const leaf = i.chain[0];
    if (!leaf)
        return { ok: false, reason: "the server sent no certificate" };
    const inUse = recordsInUse(i.records);
    for (const r of inUse.filter((x) => x.usage === 3)) {
        if (matchesCertificate(r, leaf))
            return { ok: true, record: r, depth: 0 };
    }
    const reasons = [];
    for (const r of inUse.filter((x) => x.usage === 2)) {
        const anchor = anchorFor(r, i.chain);
        if (!anchor)
            continue;
        const problem = chainProblem(i.chain, anchor, i.now ?? new Date());
        if (problem) {
            reasons.push(`the chain to the ${tlsaText(r).slice(0, 6)} anchor ${problem}`);
            continue;
        }
        if (!i.names.some((n) => leaf.checkHost(n) !== undefined)) {
            reasons.push(`the certificate names none of ${i.names.join(", ")} (a DANE-TA(2) match checks the name)`);
            continue;
        }
        return { ok: true, record: r, depth: anchor.depth };
    }
    if (reasons.length)
        return { ok: false, reason: reasons.join("; ") };
    const ta = inUse.filter((x) => x.usage === 2);
    if (ta.length) {
        const ee = inUse.some((x) => x.usage === 3) ? "no DANE-EE(3) record matches the server's key, and " : "";
        const sent = i.chain.length === 1 ? "its own certificate alone, not" : `${i.chain.length} certificates, none of them`;
        return { ok: false, anchorNotSent: true, reason: `${ee}the server sent ${sent} the trust anchor its DANE-TA(2) record names (${ta.map((r) => tlsaText(r).slice(0, 5)).join(", ")}), which RFC 7671 §5.2.2 requires it to send` };
    }
    return { ok: false, reason: "no TLSA record in use matches the certificate chain" };
}
/**
 * Published records a DANE sender does not use that match the chain: a PKIX-TA(0)/PKIX-EE(1)
 * record of the server's key or CA (RFC 7672 §3.1.3: not for SMTP), or a usable record hidden by
 * a stronger digest of the same usage and selector (RFC 7671 §9). Evidence for why nothing matched.
 */
function unusedMatches(records, chain) {
    const inUse = new Set(recordsInUse(records));
    return records.filter((r) => !inUse.has(r) && (r.selector === 0 || r.selector === 1) && r.matchingType >= 0 && r.matchingType <= 2 && chain.some((c) => matchesCertificate(r, c)));
}
/** A sent certificate that matches the record, or for Full(0) the certificate or key in the record itself. */
function anchorFor(r, chain) {
    for (let d = 0; d < chain.length; d++) {
        const c = chain[d];
        if (matchesCertificate(r, c))
            return { depth: d, key: c.publicKey, cert: c };
    }
    if (r.matchingType !== 0)
        return null;
    try {
        const der = Buffer.from(r.data, "hex");
        if (r.selector === 0) {
            const cert = new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(der);
            return { depth: chain.length, key: cert.publicKey, cert };
        }
        return { depth: chain.length, key: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({ key: der, format: "der", type: "spki" }), cert: null };
    }
    catch {
        return null;
    }
}
/** Null when each certificate up to the anchor is signed by the next and within its dates. */
function chainProblem(chain, anchor, now) {
    const upTo = chain.slice(0, Math.min(anchor.depth, chain.length - 1) + 1);
    for (let d = 0; d < upTo.length; d++) {
        const c = upTo[d];
        if (now < new Date(c.validFrom) || now > new Date(c.validTo))
            return `has a certificate outside its dates (${c.subject.replace(/\n/g, ", ")})`;
        if (d === anchor.depth)
            return null; // the anchor itself: trusted by the record
        // The next certificate sent, or past the end of the chain the anchor from the record.
        const issuerKey = d + 1 < chain.length ? chain[d + 1].publicKey : anchor.key;
        if (!c.verify(issuerKey))
            return `does not verify at depth ${d}`;
    }
    return null;
}
/** Certificates of a PEM text, in order; a problem when there are none or one does not parse. */
function readPemChain(text) {
    const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    if (!blocks.length)
        return { problem: "no PEM certificate in it" };
    const out = [];
    for (const [n, b] of blocks.entries()) {
        try {
            out.push(new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(b));
        }
        catch (e) {
            return { problem: `certificate ${n + 1} does not parse (${e.message})` };
        }
    }
    return out;
}


/***/ }),

/***/ 4193:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ baselineDrift),
/* harmony export */   F: () => (/* binding */ baselineFacts)
/* harmony export */ });
/* harmony import */ var _protocol_ehlo_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2958);
/* harmony import */ var _rule_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2248);


function baselineFacts(p) {
    const banner = p.steps[0]?.reply?.lines[0] ?? null;
    return {
        banner: banner ? (banner.split(/\s+/)[0] ?? null) : null,
        extensionsBeforeTls: p.extensionsBeforeTls,
        extensions: p.extensions,
        tlsProtocol: p.tls?.protocol ?? null,
        certIssuer: p.tls?.issuer ?? null,
        certFingerprint: p.tls?.fingerprint256 ?? null,
        certKey: p.tls?.publicKey256 ?? null,
    };
}
const keywords = (exts) => (exts ?? []).map((e) => (e.split(/[\s=]/, 1)[0] ?? "").toUpperCase());
/** What the server offered in clear text: the EHLO before STARTTLS, or the whole session without TLS (none under implicit TLS). */
const offeredInClear = (f) => f.extensionsBeforeTls ?? (f.tlsProtocol ? [] : f.extensions);
/** RFC 1870: SIZE's argument, the largest message accepted; null without SIZE or without a limit (0). */
function sizeLimit(exts) {
    const n = Number((0,_protocol_ehlo_js__WEBPACK_IMPORTED_MODULE_1__/* .findExtension */ .bW)(exts, "SIZE")?.split(/\s+/)[1]);
    return Number.isInteger(n) && n > 0 ? n : null;
}
const TLS_ORDER = ["SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];
const tlsRank = (v) => (v === null ? -1 : TLS_ORDER.indexOf(v));
const DRIFT = [
    (was, now) => (0,_protocol_ehlo_js__WEBPACK_IMPORTED_MODULE_1__/* .findExtension */ .bW)(offeredInClear(was), "STARTTLS") && !(0,_protocol_ehlo_js__WEBPACK_IMPORTED_MODULE_1__/* .findExtension */ .bW)(offeredInClear(now), "STARTTLS")
        ? (0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("baseline-starttls-lost", "error", null, "STARTTLS is no longer offered since the baseline.", ["An SMTP-inspecting firewall or appliance was put in the path (it strips STARTTLS to read the traffic).", "TLS was disabled or broke in the MTA (certificate missing after a change)."], ["Compare the EHLO reply from inside the network; check recent firewall and MTA changes."])
        : null,
    // RFC 4954 §4: a password offered a place before TLS will cross the network in clear text.
    (was, now) => !(0,_protocol_ehlo_js__WEBPACK_IMPORTED_MODULE_1__/* .findExtension */ .bW)(offeredInClear(was), "AUTH") && (0,_protocol_ehlo_js__WEBPACK_IMPORTED_MODULE_1__/* .findExtension */ .bW)(offeredInClear(now), "AUTH")
        ? (0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("baseline-auth-before-tls", "error", null, `AUTH is offered before TLS since the baseline (${(0,_protocol_ehlo_js__WEBPACK_IMPORTED_MODULE_1__/* .findExtension */ .bW)(offeredInClear(now), "AUTH")}): clients may now send passwords in clear text.`, ["The MTA's setting that hides AUTH until TLS was changed (Postfix smtpd_tls_auth_only, Exim auth_advertise_hosts, Sendmail AUTH_OPTIONS `p`).", "An appliance in the path stripped STARTTLS, and the server offers AUTH on plain connections."], ["Offer AUTH only after STARTTLS again (RFC 4954 §4), and check what changed in the path."])
        : null,
    (was, now) => {
        if (!was.tlsProtocol || now.tlsProtocol === was.tlsProtocol)
            return null;
        const lower = tlsRank(now.tlsProtocol) < tlsRank(was.tlsProtocol);
        return (0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)(lower ? "baseline-tls-downgraded" : "baseline-tls-changed", lower ? "error" : "notice", null, `The TLS protocol ${lower ? "is lower" : "changed"} since the baseline: ${was.tlsProtocol} → ${now.tlsProtocol ?? "no TLS"}.`, lower ? ["A server or appliance change; a downgrade may mean interception or a weakened configuration."] : [], lower ? ["Check the server's TLS configuration (its minimum protocol) and the path."] : []);
    },
    (was, now) => {
        if (!was.certFingerprint || !now.certFingerprint || was.certFingerprint === now.certFingerprint)
            return null;
        const issuer = was.certIssuer !== now.certIssuer;
        const key = was.certKey && now.certKey && was.certKey !== now.certKey;
        const what = issuer ? `, and so did its issuer (${was.certIssuer} → ${now.certIssuer})` : key ? ", with a new key (same issuer)" : " (same issuer and key: a renewal)";
        return (0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("baseline-certificate-changed", issuer ? "warning" : "notice", null, `The certificate changed since the baseline${what}.`, issuer ? ["A new CA, or a TLS-intercepting appliance presenting its own certificate."] : [], issuer ? ["Check that the new issuer is expected."] : key ? ["Check that the key change was planned (a renewal that rotates the key; DANE TLSA records must follow)."] : []);
    },
    (was, now) => {
        const before = sizeLimit(was.extensions);
        const after = sizeLimit(now.extensions);
        return before !== null && after !== null && after < before
            ? (0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("baseline-size-lowered", "warning", null, `The largest message the server accepts (SIZE, RFC 1870) fell since the baseline: ${before} → ${after} octets; messages in between now bounce.`, ["A message size limit was lowered in the MTA (Postfix message_size_limit, Exim message_size_limit, Sendmail MaxMessageSize) or on an appliance."], ["Check that the new limit is intended, and that senders' largest messages fit."])
            : null;
    },
    (was, now) => {
        const lost = keywords(was.extensions).filter((k) => k !== "STARTTLS" && !keywords(now.extensions).includes(k));
        return lost.length ? (0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("baseline-extensions-lost", "warning", null, `Extensions no longer advertised since the baseline: ${lost.join(", ")}.`, ["An MTA configuration change, or an appliance that strips unknown extensions."], ["Check recent changes to the MTA and the network path."]) : null;
    },
    (was, now) => {
        const gained = keywords(now.extensions).filter((k) => !keywords(was.extensions).includes(k));
        return gained.length ? (0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("baseline-extensions-gained", "notice", null, `Extensions advertised since the baseline: ${gained.join(", ")}.`, [], []) : null;
    },
    (was, now) => was.banner && now.banner && was.banner !== now.banner
        ? (0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("baseline-banner-changed", "warning", 0, `The greeting's host changed since the baseline: ${was.banner} → ${now.banner}.`, ["Another server or a proxy answers now, or the banner is masked by an appliance."], ["Check DNS and load balancer changes."])
        : null,
];
const baselineDrift = (p, policy) => {
    const b = policy.baseline;
    if (!b || p.error)
        return [];
    // Looked up by the probed target's own name: an `mx` target's addresses each have their entry.
    const was = Object.hasOwn(b.targets, p.name) ? b.targets[p.name] : undefined;
    if (!was) {
        return [(0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("baseline-missing", "notice", null, `The baseline ${b.file} has no entry for ${p.name}; nothing to compare.`, [], ["Record one with --write-baseline FILE from a healthy run."])];
    }
    const now = baselineFacts(p);
    const out = [];
    for (const compare of DRIFT) {
        const f = compare(was, now);
        if (f)
            out.push(f);
    }
    return out;
};


/***/ }),

/***/ 2248:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GG: () => (/* binding */ lastHelloBefore),
/* harmony export */   TL: () => (/* binding */ quoted),
/* harmony export */   ZH: () => (/* binding */ capitalize),
/* harmony export */   al: () => (/* binding */ perStep),
/* harmony export */   gk: () => (/* binding */ finding),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   ph: () => (/* binding */ codeText),
/* harmony export */   xJ: () => (/* binding */ severityOf)
/* harmony export */ });
/* harmony import */ var _protocol_auth_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1880);
/* harmony import */ var _protocol_reply_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6488);


/**
 * The findings of a rule that looks at each step alone (at most one per step), in step order.
 * A loop, not flatMap: every target of a fleet runs the rules in its last, busiest round, and
 * flatMap makes an array per step.
 */
function perStep(p, f) {
    const out = [];
    for (let i = 0; i < p.steps.length; i++) {
        const found = f(p.steps[i], i);
        if (found)
            out.push(found);
    }
    return out;
}
/** A finding; `cause` is the root cause of a refused reply (contract §8), null for any other finding. */
function finding(id, severity, step, message, causes, fixes, ruledOut = [], cause = null) {
    return { id, severity, step, message, cause, causes, ruledOut, fixes };
}
/** A sentence from a phrase: its first letter upper-case. */
const capitalize = (s) => s.replace(/^./, (c) => c.toUpperCase());
/** A step's verdict as a finding severity: fail → error, warn → warning. */
const severityOf = (s) => (s.verdict === "fail" ? "error" : s.verdict === "warn" ? "warning" : "notice");
function codeText(s) {
    return s.reply ? (0,_protocol_reply_js__WEBPACK_IMPORTED_MODULE_0__/* .replyCodeText */ .tI)(s.reply) : "no reply";
}
/** The command as people read it: an AUTH line shown as `***` by what it carried (`AUTH LOGIN (password)`). */
function quoted(s) {
    if (s.command === null)
        return "The greeting";
    return `"${s.sasl ? (0,_protocol_auth_js__WEBPACK_IMPORTED_MODULE_1__/* .saslLabel */ .cd)(s.sasl.mechanism, s.sasl.carries) : s.command}"`;
}
/** Index of the last EHLO/HELO before `step` that got a 2xx, or -1. */
function lastHelloBefore(p, step) {
    for (let i = step - 1; i >= 0; i--) {
        const s = p.steps[i];
        if (s && (s.verb === "EHLO" || s.verb === "HELO") && s.class === "success")
            return i;
    }
    return -1;
}
function list(xs) {
    return xs.length ? xs.join(", ") : "nothing";
}


/***/ }),

/***/ 4383:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   SU: () => (/* binding */ domainDrift),
/* harmony export */   Xr: () => (/* binding */ transportBaseline),
/* harmony export */   pt: () => (/* binding */ certificateDrift)
/* harmony export */ });
/* harmony import */ var _rule_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2248);

const certLines = (t) => (t.tlsAudit?.certificates ?? []).map((c) => `${c.key} by ${c.issuer ?? "unknown issuer"}`);
/** What `--write-baseline` records of transport security. */
function transportBaseline(report) {
    const domains = {};
    for (const d of report.domains ?? []) {
        if (d.mtaSts)
            domains[d.domain] = { policyId: d.mtaSts.policyId, bodySha256: d.mtaSts.bodySha256, mx: d.mtaSts.mx, maxAge: d.mtaSts.maxAge };
    }
    const certificates = Object.fromEntries(report.targets.filter((t) => t.tlsAudit).map((t) => [t.name, certLines(t)]));
    return { domains, certificates };
}
const sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
/** One row per fact of a domain's policy. */
const DOMAIN_DRIFT = [
    (was, now, d) => (was.bodySha256 && now.bodySha256 && was.bodySha256 !== now.bodySha256 && was.policyId === now.policyId
        ? (0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("mta-sts-policy-changed-same-id", "warning", null, `The MTA-STS policy of ${d} changed since the baseline, but its id (${now.policyId}) did not: senders that cached it keep the old policy until max_age (${now.maxAge ?? "?"} s) runs out.`, ["The policy file was edited without publishing a new id in the TXT record."], [`Publish a new id in _mta-sts.${d} (e.g. the date and time: id=YYYYMMDDHHMMSS).`])
        : null),
    (was, now, d) => (was.policyId && now.policyId && was.policyId !== now.policyId
        ? (0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("mta-sts-policy-id-changed", "notice", null, `The MTA-STS policy id of ${d} changed since the baseline: ${was.policyId} → ${now.policyId}.`, [], [])
        : null),
    (was, now, d) => (!sameList([...was.mx].sort(), [...now.mx].sort())
        ? (0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("mta-sts-mx-patterns-changed", "notice", null, `The MTA-STS mx patterns of ${d} changed since the baseline: ${was.mx.join(", ") || "none"} → ${now.mx.join(", ") || "none"}.`, [], [])
        : null),
];
function domainDrift(was, now) {
    const before = was?.domains[now.domain];
    if (!before || !now.mtaSts)
        return [];
    const current = { policyId: now.mtaSts.policyId, bodySha256: now.mtaSts.bodySha256, mx: now.mtaSts.mx, maxAge: now.mtaSts.maxAge };
    return DOMAIN_DRIFT.map((rule) => rule(before, current, now.domain)).filter((f) => f !== null);
}
/** A rule (./index.ts): the certificates the TLS audit saw against the baseline's. */
const certificateDrift = (t, policy) => {
    const before = policy.baseline?.transport?.certificates[t.name];
    if (!before || !t.tlsAudit)
        return [];
    const now = certLines(t);
    if (sameList([...before].sort(), [...now].sort()))
        return [];
    return [(0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("tls-audit-certificates-changed", "warning", null, `The certificates' keys or issuers changed since the baseline: ${before.join("; ") || "none"} → ${now.join("; ") || "none"}.`, ["A renewal with another key type or CA, or a TLS-intercepting appliance presenting its own certificate."], ["Check that the new key and issuer are expected (and that DANE TLSA records, if any, were updated)."])];
};


/***/ }),

/***/ 6013:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  sb: () => (/* binding */ runTargets),
  vv: () => (/* binding */ streamTargets)
});

// UNUSED EXPORTS: mapLimit, probeTarget, runIdentity, targetVerdict

// EXTERNAL MODULE: ./src/engine/verdict.ts
var engine_verdict = __nccwpck_require__(6559);
// EXTERNAL MODULE: ./src/knowledge/root-causes.ts
var root_causes = __nccwpck_require__(2107);
// EXTERNAL MODULE: ./src/knowledge/servers.ts
var servers = __nccwpck_require__(9496);
;// CONCATENATED MODULE: ./src/knowledge/policy-advice.ts
/**
 * Advice for findings that are not about a refusal (contract §8 `cause: null`): what the server's
 * policy allows that it should not (VRFY, open relay, AUTH before TLS), and the server's own
 * name and extensions. Each fix is either the recognised product's own setting (`families`) or
 * generic words; the diagnosis shows a product's rows only to that product (docs/diagnosis.md).
 */


const POLICY_ADVICE = {
    "open-relay": {
        causes: [{ text: "The relay rules let any client send to any domain: recipients in domains the server does not serve are accepted from a client that did not authenticate, or the trusted networks include the probe's address." }],
        fixes: [
            (0,root_causes.on)("postfix", "Postfix: `smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination` in main.cf, with a tight `mynetworks` (`postconf mynetworks`), then `postfix reload`."),
            (0,root_causes.on)("exim", "Exim: in the RCPT ACL (`acl_smtp_rcpt`), accept other domains only for `hosts = +relay_from_hosts` or `authenticated = *` and deny the rest (`require verify = recipient`, `deny … !domains = +local_domains : +relay_to_domains`); narrow `relay_from_hosts`."),
            (0,root_causes.on)("sendmail", "Sendmail: remove `FEATURE(`promiscuous_relay')` and broad `Connect:… RELAY` entries from /etc/mail/access and /etc/mail/relay-domains, rebuild (`makemap hash /etc/mail/access < /etc/mail/access`) and restart."),
            (0,root_causes.on)("opensmtpd", "OpenSMTPD: a `match from any for any action \"relay\"` rule makes it open: use `match auth from any for any action \"relay\"` (or `match from src <trusted>`), then `smtpctl reload`."),
            (0,root_causes.on)("haraka", "Haraka: `connection.relaying` is set for everyone: check config/relay_acl_allow and config/relay_dest_domains of the relay plugin."),
            (0,root_causes.on)("qmail", "qmail: RELAYCLIENT is set for every client in the tcpserver rules (tcp.smtp), or /var/qmail/control/rcpthosts is missing: fix them and rebuild tcp.smtp.cdb."),
            (0,root_causes.on)("courier", "Courier: /etc/courier/smtpaccess gives RELAYCLIENT to too wide a network: narrow it and run `makesmtpaccess`."),
            (0,root_causes.on)(servers/* MICROSOFT */.zk, "Exchange: a receive connector grants `Ms-Exch-SMTP-Accept-Any-Recipient` to anonymous senders: remove it (`Get-ReceiveConnector | Get-ADPermission | where ExtendedRights -like '*Any-Recipient*'`)."),
            (0,root_causes.on)("aiosmtpd", "aiosmtpd: the handler's `handle_RCPT` accepts any domain: accept only the domains it serves unless the session authenticated."),
            { text: "Let only authenticated clients and a narrow list of trusted networks relay; then check the server's IP on blocklists, since open relays are found and abused within hours." },
        ],
    },
    "vrfy-enabled": {
        causes: [{ text: "VRFY is enabled and answers truthfully, so anyone can test which addresses exist (RFC 5321 §7.3 allows turning it off)." }],
        fixes: [
            (0,root_causes.on)("postfix", "Postfix: `disable_vrfy_command = yes` in main.cf, then `postfix reload`."),
            (0,root_causes.on)("exim", "Exim: the `acl_smtp_vrfy` ACL accepts VRFY: make it deny (without that ACL, Exim refuses VRFY)."),
            (0,root_causes.on)("sendmail", "Sendmail: add `novrfy` to the privacy flags (`define(`confPRIVACY_FLAGS', `goaway')` or `novrfy`, i.e. `O PrivacyOptions=novrfy`), rebuild sendmail.cf and restart."),
            (0,root_causes.on)("haraka", "Haraka: remove the plugin that answers VRFY (a `hook_vrfy`) from config/plugins."),
            { text: "Answer VRFY with 252 (cannot verify, will attempt delivery) or refuse it (RFC 5321 §3.5.3)." },
        ],
    },
    "auth-before-tls": {
        causes: [{ text: "The server offers AUTH on the unencrypted session, so a client may send its password in clear text before STARTTLS." }],
        fixes: [
            (0,root_causes.on)("postfix", "Postfix: `smtpd_tls_auth_only = yes` in main.cf (or `-o smtpd_tls_auth_only=yes` on the service in master.cf)."),
            (0,root_causes.on)("exim", "Exim: `auth_advertise_hosts = ${if eq{$tls_in_cipher}{}{}{*}}` in the main configuration."),
            (0,root_causes.on)("sendmail", "Sendmail: `define(`confAUTH_OPTIONS', `A p')` in sendmail.mc (`p`: no plaintext mechanisms without TLS), then rebuild sendmail.cf."),
            (0,root_causes.on)("opensmtpd", "OpenSMTPD: put `tls-require` on the `listen … auth` line in smtpd.conf."),
            (0,root_causes.on)("courier", "Courier: in /etc/courier/esmtpd set `ESMTPAUTH=\"\"` and `ESMTPAUTH_TLS=\"LOGIN PLAIN\"`."),
            (0,root_causes.on)(servers/* MICROSOFT */.zk, "Exchange: on the receive connector use `Set-ReceiveConnector … -AuthMechanism 'Tls, BasicAuth, BasicAuthRequireTLS'`."),
            { text: "Offer AUTH only after STARTTLS, or only on the implicit-TLS port (465)." },
        ],
    },
    // A command smtp-gate did not send: the server did not advertise the extension it needs.
    "smtputf8-not-offered": {
        causes: [
            { text: "The server does not offer SMTPUTF8 on this listener (internationalised addresses are not enabled, or not supported): a compliant sender must not send a non-ASCII address there (RFC 6531 §3.4), and one that does is refused or mangles it." },
        ],
        fixes: [
            { text: "Use the recipient's (or sender's) ASCII address; a non-ASCII domain alone needs no SMTPUTF8 when written as its A-label (`xn--…`, IDNA 2008)." },
            (0,root_causes/* why */.d8)("postfix", "Postfix: `smtputf8_enable = yes` in main.cf (Postfix 3.0 or later), then `postfix reload`: Postfix then advertises SMTPUTF8."),
            (0,root_causes/* why */.d8)("exim", "Exim: `smtputf8_advertise_hosts` (default `*`) must match this client, in an Exim built with internationalisation support (`exim -bV` lists I18N)."),
            (0,root_causes/* why */.d8)("sendmail", "Sendmail 8.17: `O SMTPUTF8=True` in sendmail.cf, in a binary built with USE_EAI (otherwise Sendmail warns that the option needs USE_EAI)."),
            (0,root_causes/* why */.d8)("aiosmtpd", "aiosmtpd: pass `enable_SMTPUTF8=True` to the SMTP server (the `SMTP` class or the `Controller`)."),
        ],
    },
    "chunking-not-offered": {
        causes: [
            { text: "The server does not offer CHUNKING (RFC 3030): BDAT is not a command it knows, and the message chunk sent after it would be read line by line as commands." },
        ],
        fixes: [
            { text: "Send the message with DATA (RFC 5321 §4.1.1.4), as every server supports; use BDAT only when the EHLO reply lists CHUNKING, as production MTAs do." },
            (0,root_causes/* why */.d8)("postfix", "Postfix offers CHUNKING unless `smtpd_discard_ehlo_keywords` lists it (Postfix 3.4 or later)."),
            (0,root_causes/* why */.d8)("exim", "Exim offers CHUNKING to the hosts in `chunking_advertise_hosts` (default `*`)."),
        ],
    },
    "slow-step": {
        causes: [{ text: "A slow lookup on the server (reverse DNS of the client, DNSBL checks), a policy service, deliberate delays (tarpitting), or an overloaded server." }],
        fixes: [
            (0,root_causes.on)("postfix", "Postfix: look at what runs at this step: `smtpd_delay_reject`, DNSBL lookups (`reject_rbl_client`, postscreen), policy services, `smtpd_error_sleep_time`."),
            (0,root_causes.on)("exim", "Exim: look at the ACL for this command (DNS lists, `delay =` conditions) and `rfc1413_query_timeout`."),
            { text: "Look at what the server does at this step: lookups about the client, policy services, deliberate delays." },
        ],
    },
    "server-name": {
        causes: [{ text: "The server's own host name is a bare name, or not the one its PTR and MX record give." }],
        fixes: [
            (0,root_causes.on)("postfix", "Postfix: set `myhostname` in main.cf to the FQDN its PTR names."),
            (0,root_causes.on)("exim", "Exim: set `primary_hostname` to the FQDN its PTR names."),
            (0,root_causes.on)("sendmail", "Sendmail: set `confDOMAIN_NAME` (or `Dj`) in sendmail.mc to the FQDN its PTR names."),
            (0,root_causes.on)("opensmtpd", "OpenSMTPD: set `hostname` on the `listen` line (or the machine's name in /etc/mail/mailname)."),
            (0,root_causes.on)(servers/* MICROSOFT */.zk, "Exchange: set the receive connector's FQDN (`Set-ReceiveConnector -Fqdn`)."),
            { text: "Set the MTA's own name to its fully qualified domain name, the same as the PTR of its address." },
        ],
    },
    "pipelining-broken": {
        causes: [
            { text: "An appliance or proxy in the path that inspects SMTP does not handle several commands in one packet, although the server behind it advertises PIPELINING." },
            { text: "A server bug in its pipelining support." },
        ],
        fixes: [
            { text: "Retry with `pipelining: off` to confirm; then fix or bypass the appliance, or make the server stop advertising PIPELINING." },
            (0,root_causes.on)("postfix", "Postfix: `smtpd_discard_ehlo_keywords = pipelining` stops advertising it."),
            (0,root_causes.on)("exim", "Exim: `pipelining_advertise_hosts =` (empty) stops advertising it."),
        ],
    },
    // The TLS audit (contract §9): the server still completes TLS 1.0 or 1.1 handshakes (RFC 8996).
    "tls-old-protocol": {
        causes: [{ text: "TLS 1.0 and 1.1 were never turned off: the server's TLS settings (or its TLS library's defaults) still enable them." }],
        fixes: [
            (0,root_causes.on)("postfix", "Postfix: `smtpd_tls_protocols = >=TLSv1.2` and `smtpd_tls_mandatory_protocols = >=TLSv1.2` in main.cf (before Postfix 3.6: `!SSLv2, !SSLv3, !TLSv1, !TLSv1.1`), then `postfix reload`."),
            (0,root_causes.on)("exim", "Exim built with OpenSSL: `openssl_options = +no_sslv3 +no_tlsv1 +no_tlsv1_1`; built with GnuTLS (Debian's exim4): `tls_require_ciphers = NORMAL:-VERS-TLS1.0:-VERS-TLS1.1` (`exim -bV` names the library); then restart Exim."),
            (0,root_causes.on)("sendmail", "Sendmail: `define(`confSERVER_SSL_OPTIONS', `+SSL_OP_NO_SSLv3 +SSL_OP_NO_TLSv1 +SSL_OP_NO_TLSv1_1')` in sendmail.mc (the ServerSSLOptions option), rebuild sendmail.cf and restart."),
            (0,root_causes.on)("opensmtpd", "OpenSMTPD: add `protocols \"tlsv1.2:tlsv1.3\"` to the `listen on … tls` line in smtpd.conf, then restart smtpd."),
            (0,root_causes.on)("haraka", "Haraka: `minVersion=TLSv1.2` in config/tls.ini, then restart Haraka."),
            (0,root_causes.on)("aiosmtpd", "aiosmtpd: set `minimum_version = ssl.TLSVersion.TLSv1_2` on the `ssl.SSLContext` passed as `tls_context`, then restart the server."),
            (0,root_causes.on)("exchange", "Exchange: turn TLS 1.0 and 1.1 off in Schannel: `Enabled` = 0 and `DisabledByDefault` = 1 under `HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server` and `…\\TLS 1.1\\Server` (Microsoft's Exchange Server TLS configuration guidance), then restart the server."),
            { text: "Accept TLS 1.2 and 1.3 only: raise the minimum protocol version of whatever terminates TLS on this port (the MTA, or a TLS terminator in front of it), then reload it." },
        ],
    },
    "tls-version-too-old": {
        causes: [
            { text: "What terminates TLS on this port supports nothing newer: an old TLS library (OpenSSL before 1.0.1 has no TLS 1.2) or settings that leave out TLS 1.2 and 1.3." },
            { text: "Or a box in the path (an SMTP-inspecting firewall, a TLS terminator) negotiates an old version itself." },
        ],
        fixes: [
            (0,root_causes.on)("postfix", "Postfix: `postconf smtpd_tls_protocols smtpd_tls_mandatory_protocols` must not exclude TLSv1.2 and TLSv1.3 (`>=TLSv1.2` is right); `postconf -d tls_medium_cipherlist` and the OpenSSL Postfix is linked with (`ldd $(postconf -h daemon_directory)/smtpd | grep ssl`) tell whether TLS 1.2 is there at all."),
            (0,root_causes.on)("exim", "Exim: `exim -bV` names its TLS library and version; `openssl_options` (OpenSSL) or `tls_require_ciphers` (GnuTLS) must not leave out TLS 1.2 and 1.3; an old library needs an Exim built against a current one."),
            (0,root_causes.on)("sendmail", "Sendmail: `sendmail -d0.1 -bv root` shows the OpenSSL it was built with; `ServerSSLOptions` (`confSERVER_SSL_OPTIONS`) must not turn TLS 1.2 off."),
            (0,root_causes.on)("exchange", "Exchange: enable TLS 1.2 in Schannel (`Enabled` = 1, `DisabledByDefault` = 0 under `HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server`) and .NET's strong cryptography (`SchUseStrongCrypto`), then restart the server."),
            { text: "Enable TLS 1.2 and 1.3 where TLS ends for this port (the MTA and its TLS library, or the TLS terminator in front), upgrading the library if it has no TLS 1.2; then reload it." },
        ],
    },
    "listens-on-every-address": {
        causes: [],
        fixes: [
            (0,root_causes.on)("postfix", "Postfix: `inet_protocols = all` and `inet_interfaces` must cover every address of the host."),
            (0,root_causes.on)("exim", "Exim: `local_interfaces` (and `disable_ipv6`) must cover every address of the host."),
            { text: "Check that the MTA listens on every address of the host, IPv4 and IPv6." },
        ],
    },
};
/** A policy finding's causes and fixes for this product: its own settings first, generic words for any. */
function policyAdvice(id, family) {
    const a = POLICY_ADVICE[id];
    return { causes: (0,root_causes/* pickFixes */.Zj)(a.causes, family), fixes: (0,root_causes/* pickFixes */.Zj)(a.fixes, family) };
}

// EXTERNAL MODULE: ./src/model/enums.ts
var enums = __nccwpck_require__(2739);
// EXTERNAL MODULE: ./src/diagnose/rule.ts
var rule = __nccwpck_require__(2248);
;// CONCATENATED MODULE: ./src/diagnose/addresses.ts




const familyOf = (r) => ((0,enums/* isOneOf */.EK)(servers/* SERVER_FAMILIES */.PI, r.server?.family) ? r.server.family : null);
/**
 * The comparison people need from address expansion: one MX host whose addresses disagree
 * ("IPv6 fails, IPv4 passes") — senders that prefer the failing path see it fail. Each failing
 * address of such a host gets a finding that names the others.
 */
function compareAddresses(results) {
    const byHost = new Map();
    for (const r of results) {
        if (r.address === undefined || (r.mxHost === undefined && r.rdns === undefined))
            continue;
        const key = `${r.mxHost ?? r.host}:${r.port}`;
        const group = byHost.get(key);
        if (group)
            group.push(r);
        else
            byHost.set(key, [r]);
    }
    for (const group of byHost.values()) {
        const passing = group.filter((r) => r.verdict !== "fail");
        const failing = group.filter((r) => r.verdict === "fail");
        if (!passing.length || !failing.length)
            continue;
        const family = (r) => ((r.address ?? "").includes(":") ? "IPv6" : "IPv4");
        const families = (rs) => [...new Set(rs.map(family))].join(" and ");
        for (const r of failing) {
            r.findings.push((0,rule/* finding */.gk)("addresses-disagree", "warning", null, `${r.mxHost ?? r.host}: ${r.address} (${family(r)}) fails while ${passing.map((x) => `${x.address} (${family(x)})`).join(", ")} pass${passing.length === 1 ? "es" : ""}: senders that use ${families(failing)} (Gmail and Microsoft prefer IPv6 when an MX has an AAAA record) see this failure, while checks over ${families(passing)} look fine.`, [`Only the ${families(failing)} path is broken: a firewall rule, a listener bound to one family, or a load balancer for one family.`], [`Compare the two paths by hand: \`openssl s_client -starttls smtp -connect [${r.address}]:${r.port} -crlf\` against a passing address.`, ...policyAdvice("listens-on-every-address", familyOf(r)).fixes]));
        }
    }
}

// EXTERNAL MODULE: ./src/config/policy.ts
var config_policy = __nccwpck_require__(9706);
// EXTERNAL MODULE: ./src/config/keys.ts
var keys = __nccwpck_require__(1440);
// EXTERNAL MODULE: ./src/knowledge/candidate-causes.ts
var candidate_causes = __nccwpck_require__(5882);
// EXTERNAL MODULE: ./src/knowledge/middleboxes.ts
var middleboxes = __nccwpck_require__(3130);
// EXTERNAL MODULE: ./src/protocol/ehlo.ts
var protocol_ehlo = __nccwpck_require__(2958);
;// CONCATENATED MODULE: ./src/diagnose/prepare.ts



function prepare_prepareOutcome(p) {
    return { ...p, steps: markConsequences(p.steps), server: p.server !== undefined ? p.server : identifyServer(p) };
}
function identifyServer(p) {
    const ehlo = p.steps.filter((s) => s.verb === "EHLO" && s.class === "success").flatMap((s) => s.reply?.lines ?? []);
    const replies = [];
    for (const s of p.steps)
        if (s.reply)
            replies.push(s.reply);
    const banner = p.steps[0]?.reply?.lines ?? [];
    const box = identifyMiddlebox(p, banner, ehlo);
    // A box's own banner names the box, not the MTA: only the MTA's reply texts can tell it then.
    const ownWords = box !== null && box !== "tls-terminator";
    const found = (0,servers/* recogniseServer */.Vo)({ banner: ownWords ? [] : banner, ehlo: ownWords ? [] : ehlo, replies: ownWords ? replies.slice(1) : replies });
    if (!found && !box)
        return null;
    return { product: found?.product ?? null, version: found?.version ?? null, ...(found ? { family: found.family } : {}), ...(box ? { via: box } : {}) };
}
/**
 * The box in front, from its own greeting or EHLO keyword; else a TLS terminator when an
 * implicit-TLS session is offered STARTTLS (the MTA behind it thinks the session is plain text).
 */
function identifyMiddlebox(p, banner, ehlo) {
    const row = (0,middleboxes/* recogniseMiddlebox */._K)({ banner, ehlo });
    // A banner whose form other servers share (nginx's "HOST ESMTP ready", Yahoo's MX's too) is the server's when it names one.
    if (row && !(row.bannerShared && (0,servers/* recogniseServer */.Vo)({ banner, ehlo: [], replies: [] })))
        return row.via;
    const firstEhlo = p.steps.find((s) => s.verb === "EHLO" && s.class === "success");
    if (p.tlsMode === "implicit" && firstEhlo && (0,protocol_ehlo/* findExtension */.bW)(firstEhlo.reply?.lines.slice(1) ?? [], "STARTTLS"))
        return "tls-terminator";
    return null;
}
const failed = (s) => !!s && s.verdict !== "pass" && (s.class === "transient" || s.class === "permanent");
/** The steps, with `consequenceOf` set on replies that follow from an earlier refusal. */
function markConsequences(steps) {
    const cause = new Map();
    let closedAt = -1;
    let mailRefused = -1;
    let rcptAccepted = false;
    let firstRcptRefused = -1;
    for (let i = 0; i < steps.length; i++) {
        const s = steps[i];
        if (closedAt !== -1) {
            // After the server's 421 nothing it says answers our commands any more (RFC 5321 §3.8).
            cause.set(i, closedAt);
            continue;
        }
        const verb = s.verb ?? "";
        if (verb === "MAIL") {
            mailRefused = failed(s) ? i : -1;
            rcptAccepted = false;
            firstRcptRefused = -1;
        }
        else if (verb === "RSET" || verb === "EHLO" || verb === "HELO") {
            mailRefused = -1;
            firstRcptRefused = -1;
            rcptAccepted = false;
        }
        else if (failed(s) && mailRefused !== -1 && (verb === "RCPT" || verb === "DATA" || verb === "BDAT")) {
            // RCPT and DATA after a refused MAIL: "need MAIL command" says nothing new.
            cause.set(i, mailRefused);
        }
        else if (verb === "RCPT") {
            if (s.class === "success")
                rcptAccepted = true;
            else if (failed(s) && firstRcptRefused === -1)
                firstRcptRefused = i;
        }
        else if ((verb === "DATA" || verb === "BDAT") && failed(s) && !rcptAccepted && firstRcptRefused !== -1) {
            // DATA's 503/554 after every recipient was refused (RFC 5321 §3.3: no valid recipients).
            cause.set(i, firstRcptRefused);
        }
        if (!cause.has(i) && failed(s) && s.pipelined) {
            // Inside one pipelined group, the same refusal repeated for each command is one refusal.
            for (let j = i - 1; j >= 0 && steps[j]?.pipelined; j--) {
                const e = steps[j];
                if (failed(e) && e.reply?.code === s.reply?.code && !cause.has(j)) {
                    cause.set(i, j);
                    break;
                }
            }
        }
        if (s.reply?.code === 421)
            closedAt = i;
    }
    return steps.map((s, i) => {
        const c = cause.get(i);
        if (c === undefined) {
            if (s.consequenceOf === undefined)
                return s;
            const { consequenceOf: _c, ...rest } = s;
            return rest;
        }
        return s.consequenceOf === c ? s : { ...s, consequenceOf: c };
    });
}

// EXTERNAL MODULE: ./src/protocol/command.ts
var protocol_command = __nccwpck_require__(1813);
;// CONCATENATED MODULE: ./src/diagnose/evidence.ts







/** RFC 5321 §4.1 commands and the common extension verbs. */
const KNOWN_VERBS = new Set(["EHLO", "HELO", "MAIL", "RCPT", "DATA", "RSET", "VRFY", "EXPN", "HELP", "NOOP", "QUIT", "STARTTLS", "AUTH", "BDAT", "ETRN", "ATRN"]);
/** Whether TLS was active when step `i` was sent. */
function tlsActiveAt(p, i) {
    if (!p.tls)
        return false;
    if (p.tlsMode === "implicit")
        return true;
    const st = p.steps.findIndex((s) => s.verb === "STARTTLS" && s.reply?.code === 220);
    return st !== -1 && st < i && (p.error?.step ?? -1) !== st;
}
/** Verbs the server answered with 2xx/3xx before step `i` (its own commands, not the cleanup). */
function understoodBefore(p, i, afterTls = false) {
    const out = new Set();
    for (let j = 1; j < i; j++) {
        const s = p.steps[j];
        if (!s?.command || s.extra === "cleanup" || (s.class !== "success" && s.class !== "intermediate"))
            continue;
        if (afterTls && (!tlsActiveAt(p, j) || s.verb === "STARTTLS"))
            continue;
        out.add(s.verb ?? "");
    }
    return [...out];
}
const bannerMasked = (p) => p.steps[0]?.reply?.lines.some((l) => l.includes("******")) ?? false;
const xxxxSeen = (p) => p.steps.some((s) => s.reply?.lines.some((l) => /\bX{4,}\b/.test(l)));
const ehloAnswered = (p, i) => p.steps.slice(1, i).some((s) => s.verb === "EHLO" && s.class === "success");
const authenticated = (p, i) => p.steps.slice(1, i).some((s) => s.verb === "AUTH" && s.reply?.code === 235);
/** The AUTH mechanism of step i: its `sasl` label for a line shown as `***`, else its command. */
const authMechanismAt = (p, i) => p.steps[i]?.sasl?.mechanism ?? /^AUTH\s+(\S+)/i.exec(p.steps[i]?.command ?? "")?.[1]?.toUpperCase() ?? null;
/** The conditions, one function each. */
const CONDITIONS = {
    "line-endings": (p, i) => {
        const lf = p.steps.slice(0, i + 1).find((s) => s.reply && s.reply.ending !== "crlf");
        return lf ? { for: "the server's replies end lines with a bare LF" } : { out: "every reply ended in CRLF and every command was sent with CRLF" };
    },
    "inspecting-appliance": (p, i) => {
        if (bannerMasked(p))
            return { for: "the banner is masked with asterisks" };
        if (xxxxSeen(p))
            return { for: "a reply quotes a command as XXXX" };
        if (p.tlsMode === "implicit" && p.tls)
            return { out: "the session was encrypted from the first byte, so no appliance could read or rewrite it" };
        if (!ehloAnswered(p, i))
            return null;
        const offered = (0,protocol_ehlo/* findExtension */.bW)(p.extensionsBeforeTls ?? p.extensions, "STARTTLS") !== undefined;
        if (tlsActiveAt(p, i))
            return { out: "the banner is not masked, EHLO was answered, STARTTLS was offered and completed, and this command went encrypted" };
        if (offered)
            return { out: "the banner is not masked, EHLO was answered and STARTTLS was offered (an inspecting appliance masks the banner and removes STARTTLS)" };
        return null;
    },
    "tls-stream": (p, i) => {
        if (!tlsActiveAt(p, i))
            return { out: "the session was not encrypted when this command was sent" };
        const after = understoodBefore(p, i, true);
        return after.length ? { out: `commands after the handshake were understood (${after.join(", ")})` } : null;
    },
    "non-smtp-proxy": (p, i) => {
        const greeted = p.steps[0]?.reply?.code === 220;
        const understood = understoodBefore(p, i);
        return greeted && understood.length ? { out: `the server greeted in SMTP and understood ${understood.join(", ")}` } : null;
    },
    "nonstandard-command": (p, i) => {
        const verb = p.steps[i]?.verb;
        if (!verb)
            return null;
        if (KNOWN_VERBS.has(verb))
            return { out: `${verb} is a standard command (RFC 5321 or a registered extension)` };
        if ((0,protocol_ehlo/* findExtension */.bW)(p.extensions, verb))
            return { out: `the server advertised ${verb} in its EHLO reply` };
        return { for: `"${verb}" is neither an RFC 5321 command nor an extension this server advertised` };
    },
    "feature-disabled": (p, i) => {
        const verb = p.steps[i]?.verb ?? "";
        if (!KNOWN_VERBS.has(verb))
            return null;
        return (0,protocol_ehlo/* findExtension */.bW)(p.extensions, verb) ? null : { for: `the EHLO reply did not advertise ${verb}` };
    },
    "not-authenticated": (p, i) => (authenticated(p, i) ? { out: "the session authenticated (235) before this command" } : { for: "this session did not authenticate" }),
    "client-not-trusted": (p, i) => (authenticated(p, i) ? { for: "the session authenticated and was still refused" } : null),
    "wrong-credentials": () => null,
    "basic-auth-disabled": (p, i) => {
        const m = authMechanismAt(p, i);
        return m === "XOAUTH2" || m === "OAUTHBEARER" ? { out: `the mechanism was ${m}, not a password` } : null;
    },
    "oauth-token": (p, i) => {
        const m = authMechanismAt(p, i);
        if (m === "XOAUTH2" || m === "OAUTHBEARER")
            return { for: `the mechanism was ${m}` };
        return m ? { out: `the mechanism was ${m}, which sends a password, not a token` } : null;
    },
    "tls-already-active": (p, i) => (tlsActiveAt(p, i) ? { for: `TLS (${p.tls?.protocol ?? "negotiated"}) was already active on this session` } : { out: "the session was not yet encrypted" }),
    "port-25-blocked": (p) => (p.port === 25 ? null : { out: `the port is ${p.port}, not 25` }),
    "appliance-strips-starttls": (p) => {
        if (bannerMasked(p))
            return { for: "the banner is masked with asterisks" };
        return (0,protocol_ehlo/* findExtension */.bW)(p.extensionsBeforeTls ?? p.extensions, "STARTTLS") ? { out: "the server's EHLO reply advertised STARTTLS" } : null;
    },
};
/** Causes, ruled-out causes and fixes for finding `id` at step `i` (null: the session as a whole). */
function differential(id, p, i, o = {}) {
    const family = serverFamily(p);
    const ids = o.causeIds ?? candidate_causes/* DIFFERENTIALS */.r[id] ?? [];
    const supported = [];
    const neutral = [];
    const ruledOut = [];
    for (const cid of ids) {
        const row = candidate_causes/* CANDIDATE_CAUSES */.P[cid];
        const verb = (i === null ? null : p.steps[i]?.verb) ?? "";
        if (!(0,root_causes/* fitsFamily */.v9)(row, family) || (row.verbs && !row.verbs.includes(verb)) || row.exceptVerbs?.includes(verb))
            continue;
        const w = row.evidence ? CONDITIONS[row.evidence](p, i ?? p.steps.length) : null;
        if (w && "out" in w) {
            ruledOut.push({ cause: row.text, evidence: w.out });
        }
        else if (w && "for" in w)
            supported.push({ row, text: `${row.text} Here: ${w.for}.` });
        else
            neutral.push({ row, text: row.text });
    }
    const kept = [...supported, ...neutral];
    const causes = kept.map((k) => k.text);
    const fixes = [...(o.leadFixes ?? []), ...kept.flatMap((k) => (0,root_causes/* pickFixes */.Zj)(k.row.fixes, family))];
    const path = (0,protocol_command/* envelopePath */.M6)(i === null ? "" : (p.steps[i]?.command ?? ""));
    const rcpt = path?.verb === "RCPT" && path.path ? path.path : "ADDRESS";
    return { causes: unique(causes), ruledOut, fixes: unique(fixes.map((f) => forTarget(f.replace(/\{rcpt\}/g, rcpt), p))) };
}
/**
 * The family whose settings hold this port's TLS (versions, certificate, chain): the recognised
 * server's, or null when a box stands in front of it (`server.via`), since the box may be what
 * terminates TLS and the MTA's settings would then change nothing.
 */
function tlsFamily(p) {
    return p.server?.via ? null : serverFamily(p);
}
/** The recognised server's family: as recorded on the outcome, else from what it said. */
function serverFamily(p) {
    const family = (p.server !== undefined ? p.server : identifyServer(p))?.family;
    return (0,enums/* isOneOf */.EK)(servers/* SERVER_FAMILIES */.PI, family) ? family : null;
}
/** Host and port as `openssl -connect` wants them (IPv6 in brackets). */
function hostPort(p) {
    return `${p.host.includes(":") ? `[${p.host}]` : p.host}:${p.port}`;
}
/** A runnable `openssl s_client` line for this target, in its TLS mode. */
function opensslLine(p) {
    return p.tlsMode === "implicit"
        ? `openssl s_client -connect ${hostPort(p)} -crlf`
        : `openssl s_client -starttls smtp -connect ${hostPort(p)} -crlf`;
}
/**
 * Fills the placeholders of a fix for this target: {openssl} (an `openssl s_client` line in its
 * TLS mode), {nc}, {host}, {port}, {hostport}.
 */
function forTarget(text, p) {
    return text
        .replace(/\{openssl\}/g, opensslLine(p))
        .replace(/\{nc\}/g, `nc -v ${p.host} ${p.port}`)
        .replace(/\{hostport\}/g, hostPort(p))
        .replace(/\{host\}/g, p.host)
        .replace(/\{port\}/g, String(p.port));
}
function unique(xs) {
    return [...new Set(xs)];
}

// EXTERNAL MODULE: ./src/protocol/address.ts
var protocol_address = __nccwpck_require__(1020);
;// CONCATENATED MODULE: ./src/diagnose/sender.ts




/**
 * The HELO step the sequence itself sent (a custom step, not the fallback after a refused EHLO)
 * in a session where no EHLO succeeded; -1 when the session greeted with EHLO.
 */
function ownHelo(p) {
    if (p.steps.some((s) => s.verb === "EHLO" && s.class === "success"))
        return -1;
    return p.steps.findIndex((s) => s.verb === "HELO" && s.extra === undefined);
}
/**
 * The HELO step itself was refused with 530 (aiosmtpd's require_starttls takes only EHLO, NOOP,
 * QUIT and STARTTLS before TLS): this rule's finding covers it. Any other refusal of HELO (a
 * policy on the name: "Helo command rejected") would meet EHLO too, and replies.ts explains it.
 */
function heloRefused(p) {
    const h = ownHelo(p);
    return h !== -1 && p.steps[h]?.reply?.code === 530 ? h : -1;
}
const heloNotEhlo = (p) => {
    const h = ownHelo(p);
    if (h === -1)
        return [];
    const helo = p.steps[h];
    if (!helo)
        return [];
    const refusedAt = heloRefused(p);
    // HELO refused for its name or by policy: that refusal is the cause (replies.ts), not the verb.
    if (refusedAt === -1 && (helo.class === "transient" || helo.class === "permanent"))
        return [];
    const stls = p.steps.findIndex((s, i) => i > h && s.verb === "STARTTLS");
    const stlsStep = stls === -1 ? undefined : p.steps[stls];
    const stlsRefused = stlsStep !== undefined && (stlsStep.class === "permanent" || stlsStep.class === "transient");
    const noAuth = p.authWithheld?.reason === "auth-not-offered";
    const noStarttls = p.tlsMode === "starttls" && !(0,protocol_ehlo/* findExtension */.bW)(p.extensionsBeforeTls ?? p.extensions, "STARTTLS");
    const facts = [];
    if (refusedAt !== -1)
        facts.push(`the server refused HELO itself with ${(0,rule/* codeText */.ph)(helo)}`);
    if (stlsStep?.reply && stlsRefused)
        facts.push(`it refused STARTTLS, which a HELO reply cannot advertise, with ${(0,rule/* codeText */.ph)(stlsStep)}`);
    if (stlsStep?.reply?.code === 220)
        facts.push("it accepted STARTTLS anyway (220), so TLS is there; only the greeting hid it");
    if (noAuth)
        facts.push("no AUTH was offered, so smtp-gate did not send the credentials (AUTH is an EHLO extension, RFC 4954 §3)");
    const severe = refusedAt !== -1 || stlsRefused || noAuth || noStarttls;
    const ruledOut = stlsStep?.reply?.code === 220
        ? [{ cause: "STARTTLS is not configured on this listener.", evidence: "the server answered STARTTLS 220 and the handshake ran" }]
        : [];
    const at = refusedAt !== -1 ? refusedAt : stlsRefused ? stls : h;
    return [{
            ...(0,rule/* finding */.gk)("helo-not-ehlo", severe ? "error" : "notice", at, `The session greeted with ${(0,rule/* quoted */.TL)(helo)} instead of EHLO, and a server lists its extensions (STARTTLS, AUTH, SIZE, PIPELINING) only in reply to EHLO (RFC 5321 §4.1.1.1)${facts.length ? `: ${facts.join("; ")}` : ""}.`, ["The sender speaks the pre-ESMTP dialect: it greets with HELO, so it never learns of STARTTLS, AUTH or any other extension (RFC 5321 §3.2: a client that wants extensions sends EHLO)."], [
                "Make the sender greet with EHLO (libraries do once ESMTP, TLS or AUTH is turned on), then STARTTLS, EHLO again and AUTH (RFC 3207 §4.2, RFC 4954).",
                "In smtp-gate's steps, write `EHLO {helo}` where the sender's HELO is; without custom steps smtp-gate sends EHLO and falls back to HELO only when EHLO is refused.",
            ], ruledOut, refusedAt !== -1 || stlsRefused ? "bad-sequence" : null),
            summary: "HELO instead of EHLO: no extensions offered",
        }];
};
/**
 * The EHLO name the session used is neither a fully qualified domain name nor an address literal
 * (RFC 5321 §4.1.4, §2.3.5): a bare IP address (`127.0.0.1`, not `[127.0.0.1]`) or a name
 * without a dot (`ci-runner`, `localhost`). A notice: this server took it, which says nothing of
 * receivers that check the name.
 */
const heloNameForm = (p) => {
    const i = p.steps.findIndex((s) => (s.verb === "EHLO" || s.verb === "HELO") && s.class === "success");
    const s = i === -1 ? undefined : p.steps[i];
    const name = s?.command?.split(/\s+/)[1];
    if (!s || !name)
        return [];
    const form = (0,protocol_address/* ipFamily */.Mr)(name) !== 0 ? `an IP address without brackets (the address literal is [${(0,protocol_address/* ipFamily */.Mr)(name) === 6 ? `IPv6:${name}` : name}])`
        : /^[a-z0-9-]+$/i.test(name) ? "a name without a domain" : null;
    if (!form)
        return [];
    return [{
            ...(0,rule/* finding */.gk)("helo-name-form", "notice", i, `The ${s.verb} name "${name}" is ${form}: RFC 5321 §4.1.4 wants the client's fully qualified domain name or the address literal of its address. This server accepted it; a receiver that checks the name may refuse it or score it as spam.`, ["The sender's host name is not set to a FQDN (a container's or CI runner's short name), or the sender was configured with an address."], ["Set the sender's EHLO name to a FQDN whose A/AAAA record and PTR match its public address, or, without one, to the address literal (`[192.0.2.1]`)."]),
            summary: `${s.verb} name "${name}" is not a FQDN or an address literal`,
        }];
};
/**
 * The address of a MAIL or RCPT line when it has no domain (`MAIL FROM:<ci-runner>`), else null;
 * `<>` and `<postmaster>` go without one (RFC 5321 §4.1.1.3, §4.5.5). The configuration refuses
 * such an address; a custom step can still send it.
 */
function domainlessAddress(command, verb) {
    if (verb !== "MAIL" && verb !== "RCPT")
        return null;
    const a = (0,protocol_command/* envelopePath */.M6)(command ?? "")?.path;
    return a && !/[@\s]/.test(a) && a.toLowerCase() !== "postmaster" ? a : null;
}
/** A domainless address this server accepted (Postfix, for one, appends $myorigin): a notice, since others refuse it (replies.ts says so when one does). */
const domainlessAccepted = (p) => {
    const i = p.steps.findIndex((s) => s.class === "success" && domainlessAddress(s.command, s.verb) !== null);
    const s = i === -1 ? undefined : p.steps[i];
    if (!s)
        return [];
    const a = domainlessAddress(s.command, s.verb);
    return [(0,rule/* finding */.gk)("address-without-domain", "notice", i, `${(0,rule/* quoted */.TL)(s)} names <${a}>, an address without a domain (RFC 5321 §4.1.2 wants local-part@domain); this server accepted it, and may complete it with a domain of its own, but other servers refuse it (501 or 553).`, ["The sender is configured with a bare user name instead of a full address."], [`Give the ${s.verb === "MAIL" ? "sender" : "recipient"} a fully qualified address (\`${a}@\` followed by a domain you own).`])];
};

;// CONCATENATED MODULE: ./src/diagnose/advertised.ts
/** Rules comparing what was sent with what EHLO advertised (RFC 5321 §4.1.1.1, §2.2). */






/** RFC 5321 §4.1 verbs every server knows, plus those of common extensions. */
const BASE_VERBS = ["EHLO", "HELO", "MAIL", "RCPT", "DATA", "RSET", "VRFY", "EXPN", "HELP", "NOOP", "QUIT"];
/** Which extension a command needs, by its verb or by a parameter on its line, with the RFC that defines it. */
const NEEDS = [
    { verb: "STARTTLS", keyword: "STARTTLS", source: "RFC 3207" },
    { verb: "AUTH", keyword: "AUTH", source: "RFC 4954" },
    { verb: "BDAT", keyword: "CHUNKING", source: "RFC 3030" },
    { verb: "ETRN", keyword: "ETRN", source: "RFC 1985" },
    { line: /^MAIL\b.*\sSMTPUTF8\b/i, keyword: "SMTPUTF8", source: "RFC 6531" },
    { line: /^MAIL\b.*\sSIZE=/i, keyword: "SIZE", source: "RFC 1870" },
    { line: /^MAIL\b.*\sBODY=8BITMIME/i, keyword: "8BITMIME", source: "RFC 6152" },
    { line: /^MAIL\b.*\sREQUIRETLS\b/i, keyword: "REQUIRETLS", source: "RFC 8689" },
    { line: /^(MAIL|RCPT)\b.*\s(RET|ENVID|NOTIFY|ORCPT)=/i, keyword: "DSN", source: "RFC 3461" },
];
const NEED_BY_VERB = new Map(NEEDS.filter((n) => n.verb !== undefined).map((n) => [n.verb, n]));
const NEED_BY_LINE = NEEDS.filter((n) => n.line !== undefined);
/** The extension a step's command needs (the first match in NEEDS), if any: by its verb, or by a parameter of MAIL or RCPT. */
function needOf(verb, command) {
    return NEED_BY_VERB.get(verb ?? "") ?? (verb === "MAIL" || verb === "RCPT" ? NEED_BY_LINE.find((n) => n.line?.test(command)) : undefined);
}
/** Extensions advertised by the EHLO that preceded step `i`, or null when there was none. */
function advertisedBefore(p, i) {
    const h = (0,rule/* lastHelloBefore */.GG)(p, i);
    const s = p.steps[h];
    if (!s?.reply || s.verb !== "EHLO")
        return null;
    return (0,protocol_ehlo/* parseEhloExtensions */.Ui)(s.reply.lines);
}
/** A command whose extension the server did not advertise. */
const notAdvertised = (p) => (0,rule/* perStep */.al)(p, (s, i) => {
    if (!s.command || s.extra || p.commandWithheld?.step === i)
        return null;
    const command = s.command;
    const need = needOf(s.verb, command);
    // The EHLO reply is parsed only for a step that needs an extension: a fleet runs this per step.
    const offered = need ? advertisedBefore(p, i) : null;
    if (!need || !offered)
        return null;
    let missing = (0,protocol_ehlo/* findExtension */.bW)(offered, need.keyword) ? null : need.keyword;
    const mech = /^AUTH\s+(\S+)/i.exec(command)?.[1]?.toUpperCase();
    if (!missing && need.keyword === "AUTH" && mech && !(0,protocol_ehlo/* authMechanisms */.dq)(offered).includes(mech))
        missing = `AUTH ${mech}`;
    if (!missing)
        return null;
    // The required-STARTTLS case has its own finding (contract §2), of severity error.
    if (missing === "STARTTLS" && p.tlsMode === "starttls")
        return null;
    return (0,rule/* finding */.gk)("not-advertised", s.verdict === "pass" ? "notice" : s.verdict === "warn" ? "warning" : "error", i, `"${s.command}" needs ${missing} (${need.source}), which the server did not advertise; it offered: ${(0,rule/* list */.p_)(offered)}.`, ["The server does not support it on this port or before TLS (AUTH is often offered only after STARTTLS).", "An SMTP-inspecting firewall removed it from the EHLO reply."], ["Send only what EHLO advertises (production senders do); enable the extension in the MTA, or STARTTLS first.", forTarget("Compare the EHLO reply with `{openssl}` from inside the network.", p)]);
});
const WITHHELD_ADVICE = { SMTPUTF8: "smtputf8-not-offered", CHUNKING: "chunking-not-offered" };
/**
 * A command smtp-gate kept back because the server did not advertise the extension it needs
 * (engine/probe.ts `withhold`): the session's error is smtp-gate's own refusal, not a server
 * fault, so it is said as such, with what the server did offer.
 */
const commandWithheld = (p) => {
    const w = p.commandWithheld;
    const s = w ? p.steps[w.step] : undefined;
    if (!w || !s?.command)
        return [];
    const offered = advertisedBefore(p, w.step) ?? p.extensions;
    const a = policyAdvice(w.needs === "CHUNKING" ? WITHHELD_ADVICE.CHUNKING : WITHHELD_ADVICE.SMTPUTF8, serverFamily(p));
    const what = w.needs === "CHUNKING"
        ? `"${s.command}" and the message chunk after it: the server's EHLO reply does not advertise CHUNKING (RFC 3030 §2), and a server without it would read the chunk's lines as commands`
        : `"${s.command}": it holds non-ASCII characters, and the server's EHLO reply does not advertise SMTPUTF8 (RFC 6531 §3.4), so no compliant sender may send it there`;
    return [{
            ...(0,rule/* finding */.gk)(`${w.needs.toLowerCase()}-not-offered`, "error", w.step, `smtp-gate did not send ${what}; it offered: ${(0,rule/* list */.p_)(offered)}.`, a.causes, a.fixes, [], w.needs === "SMTPUTF8" ? "smtputf8-required" : null),
            summary: `not sent: the server does not offer ${w.needs}`,
        }];
};
/**
 * Contract §2: with `tls: starttls`, a server that does not advertise STARTTLS is an error. When
 * the server then refused the STARTTLS that smtp-gate sent anyway, this finding sits on that step
 * and covers its refusal: one cause, one finding.
 */
const starttlsNotAdvertised = (p) => {
    // After HELO nothing is advertised: sender.ts says so, instead of blaming the server's TLS.
    if (p.tlsMode !== "starttls" || ownHelo(p) !== -1)
        return [];
    const ehlo = p.steps.findIndex((s) => (s.verb === "EHLO" || s.verb === "HELO") && s.class === "success");
    if (ehlo === -1)
        return [];
    const before = p.extensionsBeforeTls ?? p.extensions;
    if ((0,protocol_ehlo/* findExtension */.bW)(before, "STARTTLS"))
        return [];
    const refused = p.steps.findIndex((s) => s.verb === "STARTTLS" && s.class === "permanent");
    const r = refused === -1 ? null : p.steps[refused]?.reply;
    const d = differential("starttls-not-advertised", p, refused === -1 ? ehlo : refused);
    return [(0,rule/* finding */.gk)("starttls-not-advertised", "error", refused === -1 ? ehlo : refused, `STARTTLS is required (tls: starttls) but the server did not advertise it${r ? ` and answered STARTTLS with ${r.code}${r.enhanced ? ` ${r.enhanced}` : ""}` : ""}; its EHLO reply offered: ${(0,rule/* list */.p_)(before)}.`, d.causes, d.fixes, d.ruledOut, r ? "tls-unavailable" : null)];
};
/**
 * What a 500/502'd command probably meant, from the EHLO reply that preceded it: only keywords
 * that reply advertised (or RFC 5321 verbs), the command's argument weighed ("XAUTH2 login" with
 * AUTH LOGIN offered means AUTH LOGIN), and nothing claimed when no EHLO was answered.
 */
function suggestCommand(p, i) {
    const s = p.steps[i];
    if (!s?.command || !s.verb || !s.reply || (s.reply.code !== 500 && s.reply.code !== 502))
        return null;
    const verb = s.verb;
    if (BASE_VERBS.includes(verb))
        return null;
    const offered = advertisedBefore(p, i);
    const words = s.command.toUpperCase().split(/\s+/).filter(Boolean);
    if (/AUTH/.test(verb) && verb !== "AUTH") {
        if (!offered)
            return null;
        const mechs = (0,protocol_ehlo/* authMechanisms */.dq)(offered);
        if (!mechs.length)
            return authAfterTls(p, i, offered);
        const named = words.slice(1).find((w) => mechs.includes(w));
        const mech = named ?? (/OAUTH|XAUTH2/.test(verb) && mechs.includes("XOAUTH2") ? "XOAUTH2" : mechs.length === 1 ? mechs[0] : null);
        if (!mech) {
            const all = mechs.map((m) => `\`AUTH ${m}\``).join(" or ");
            return { command: `AUTH ${mechs[0]}`, sentence: `The server offers AUTH ${mechs.join(" ")}: the sender probably means ${all}.`, fixes: [`Make the sender use the standard AUTH command with a mechanism the server offers: ${all} (RFC 4954).`] };
        }
        const command = `AUTH ${mech}`;
        const why = named ? ` (the argument "${words[words.indexOf(named)]?.toLowerCase()}" names that mechanism)` : "";
        return {
            command,
            sentence: `The server offers AUTH ${mechs.join(" ")}${why}: the sender probably means \`${command}\`.`,
            fixes: [`Make the sender use the standard command: \`${command}\` (RFC 4954).`, `In smtp-gate, write the step as \`${command}\` with credentials configured; smtp-gate then runs the whole exchange.`],
        };
    }
    // A typo: RFC 5321 verbs always count; extension keywords only when this EHLO reply advertised them.
    const keywords = (offered ?? []).map((e) => (e.split(/[\s=]/, 1)[0] ?? "").toUpperCase()).filter((k) => k && k !== "AUTH");
    const candidates = [...BASE_VERBS, ...keywords, ...(offered && (0,protocol_ehlo/* findExtension */.bW)(offered, "AUTH") ? ["AUTH"] : [])];
    for (const w of words) {
        const near = (0,keys/* closestKey */.bi)(w, candidates, w.length < 6 ? 1 : 2)?.toUpperCase();
        if (near && near !== w) {
            const advertised = !BASE_VERBS.includes(near);
            return {
                command: near,
                sentence: `"${w}" is close to ${near}${advertised ? ", which the server advertised" : " (RFC 5321)"}: the sender probably means \`${near}\`.`,
                fixes: [`Correct the command to \`${near}\`.`],
            };
        }
    }
    return null;
}
/** An AUTH-like command sent where the current EHLO reply offers no AUTH. */
function authAfterTls(p, i, offered) {
    const afterTls = p.extensionsBeforeTls !== null && !tlsBefore(p, i) ? (0,protocol_ehlo/* authMechanisms */.dq)(p.extensions) : [];
    if (afterTls.length) {
        return {
            command: "STARTTLS",
            sentence: `The server offers AUTH only after STARTTLS (then AUTH ${afterTls.join(" ")}); this command was sent before it.`,
            fixes: [`Run STARTTLS and EHLO first, then \`AUTH ${afterTls[0]}\` (RFC 3207, RFC 4954).`],
        };
    }
    if ((0,protocol_ehlo/* findExtension */.bW)(offered, "STARTTLS") && !tlsBefore(p, i)) {
        return {
            command: "STARTTLS",
            sentence: "The server offers no AUTH on this unencrypted session, but it offers STARTTLS, after which servers usually offer AUTH.",
            fixes: ["Run STARTTLS and EHLO first, then AUTH with a mechanism the new EHLO reply offers (RFC 3207, RFC 4954)."],
        };
    }
    return null;
}
const tlsBefore = (p, i) => p.tlsMode === "implicit" || p.steps.slice(1, i).some((s) => s.verb === "STARTTLS" && s.reply?.code === 220);
/**
 * A 500/502 for a command that looks like a known verb or an advertised keyword, as a finding of
 * its own. diagnose() does not list it: the suggestion is the top fix of the command's own finding
 * (rejectedSteps); this rule stays for callers that want the suggestion alone.
 */
const nearMiss = (p) => perStep(p, (s, i) => {
    const sug = suggestCommand(p, i);
    if (!sug || !s.command)
        return null;
    return finding("near-miss", "error", i, `"${s.command}" is not a command this server knows. ${sug.sentence}`, ["A legacy or home-made sender uses a non-standard command name, or a custom step has a typo."], sug.fixes);
});
/** Policy `auth-requires-tls`: AUTH must not be offered before STARTTLS (RFC 4954 §4, credentials in clear). */
const authBeforeTls = (p, policy) => {
    if (!policy.authRequiresTls)
        return [];
    const before = p.tlsMode === "implicit" ? null : (p.extensionsBeforeTls ?? (p.tls ? null : p.extensions));
    if (!before || !(0,protocol_ehlo/* findExtension */.bW)(before, "AUTH"))
        return [];
    const ehlo = p.steps.findIndex((s) => s.verb === "EHLO" && s.class === "success");
    const a = policyAdvice("auth-before-tls", serverFamily(p));
    return [(0,rule/* finding */.gk)("auth-before-tls", "error", ehlo === -1 ? null : ehlo, `The server offers AUTH (${(0,protocol_ehlo/* findExtension */.bW)(before, "AUTH")}) before STARTTLS, so passwords may cross the network in clear text.`, a.causes, a.fixes)];
};

// EXTERNAL MODULE: ./src/diagnose/baseline.ts
var baseline = __nccwpck_require__(4193);
;// CONCATENATED MODULE: ./src/diagnose/delivery.ts
/** With `send`: a message that did not go out is said in words, with why (each refusal has its own finding). */

const messageNotSent = (p) => {
    const m = p.message;
    if (!m || m.sent)
        return [];
    const notSent = (step, message, summary) => [{ ...(0,rule/* finding */.gk)("message-not-sent", "notice", step, message, [], []), summary }];
    const end = p.steps.findIndex((s) => (s.command === "." || s.verb === "BDAT") && s.reply !== null);
    if (end !== -1)
        return notSent(end, `The test message was not delivered: the server received it and refused it at its end (step ${end}).`, "the message was refused at its end");
    const rcpts = p.steps.map((s, i) => ({ s, i })).filter(({ s }) => s.verb === "RCPT" && s.check === undefined && s.reply !== null);
    const refused = rcpts.filter(({ s }) => s.class !== "success");
    const at = refused[0]?.i ?? null;
    const steps = `step${refused.length > 1 ? "s" : ""} ${refused.map(({ i }) => i).join(", ")}`;
    if (refused.length && refused.length === m.recipients) {
        return notSent(at, `The test message was not sent: the server refused every recipient (${steps}), so there was no one to deliver it to.`, "the message was not sent: every recipient was refused");
    }
    if (refused.length) {
        const untried = m.recipients - rcpts.length;
        const rest = untried > 0 ? `; the other ${untried} recipient(s) were not tried` : "";
        return notSent(at, `The test message was not sent: the server refused ${refused.length} of ${m.recipients} recipients (${steps})${rest}, and smtp-gate sends only when every recipient is accepted.`, "the message was not sent: a recipient was refused");
    }
    const stop = p.steps.findIndex((s) => s.verdict === "fail" && s.consequenceOf === undefined);
    return notSent(stop === -1 ? null : stop, `The test message was not sent: the session stopped before it went out${stop === -1 ? "" : ` (at step ${stop})`}.`, "the message was not sent");
};

;// CONCATENATED MODULE: ./src/protocol/redact.ts
/**
 * Secrets out of everything smtp-gate stores or prints. A server may echo what it was sent in any
 * shape — whole, cut off, split across reply lines, decoded, hex or URL-encoded — so the redactor
 * is given every form a secret takes (auth.ts: secretForms) and replaces with `***`:
 *  - each form wherever it appears whole, however short;
 *  - for an encoded form (base64, hex, an AUTH payload), any run of FRAGMENT or more characters
 *    taken from it (an echo cut off or split inside), and a run of EDGE or more that touches the
 *    start or the end of the text (where a split echo breaks: the end of one reply line, the
 *    start of the next). A reply line's code and enhanced code are not part of its text for
 *    this, and are never redacted;
 *  - for a verbatim form (the secret as it is), a run of VERBATIM_FRAGMENT or more: a password
 *    made of words shares shorter runs with ordinary text ("smtp-gate" in a host name).
 * Pure: no I/O; the session passes every line from the wire through it before storing it.
 */
const FRAGMENT = 8;
const VERBATIM_FRAGMENT = 12;
const EDGE = 4;
/**
 * AUTH LOGIN's challenges as servers send them (draft-murchison-sasl-login §2: "Username:" and
 * "Password:", base64; some send "User Name" and "Password", NUL-terminated or not). They are the
 * server's own constant text, never an echo of what we sent, so only a whole secret form is masked
 * in them: a password with "password" in it shares ten characters with `UGFzc3dvcmQ6`, and the
 * transcript showed the prompt as `334 U***6`.
 */
const LOGIN_PROMPTS = new Set(["Username:", "Password:", "User Name", "Password", "User Name\0", "Password\0"].map((p) => Buffer.from(p).toString("base64")));
/** `250 `, `500-5.5.1 `: kept as they are, and the text after them counts as the line's start. */
const REPLY_PREFIX = /^\d{3}(?:[ -](?:[245]\.\d{1,3}\.\d{1,3}(?: |$))?|$)/;
class Redactor {
    forms = [];
    /** Every EDGE-character piece of every form long enough to have one, with where it sits. */
    grams = new Map();
    /** Encoded forms: base64, hex, AUTH payloads, responses. */
    add(...values) {
        this.register(values, false);
    }
    /** Forms that are the secret as it is (or URL-encoded, which leaves words as they are). */
    addVerbatim(...values) {
        this.register(values, true);
    }
    addSecret(forms) {
        this.addVerbatim(...forms.verbatim);
        this.add(...forms.encoded);
    }
    register(values, verbatim) {
        for (const v of values) {
            if (!v || this.forms.includes(v))
                continue;
            this.forms.push(v);
            for (let at = 0; at + EDGE <= v.length; at++) {
                const g = v.slice(at, at + EDGE);
                const hits = this.grams.get(g);
                if (hits)
                    hits.push({ form: v, at, verbatim });
                else
                    this.grams.set(g, [{ form: v, at, verbatim }]);
            }
        }
        this.forms.sort((a, b) => b.length - a.length);
    }
    /** Every registered form, longest first (the action masks each with the runner). */
    get values() {
        return this.forms;
    }
    redact = (text) => {
        if (!this.forms.length || !text)
            return text;
        const start = REPLY_PREFIX.exec(text)?.[0].length ?? 0;
        const marks = [];
        for (const f of this.forms) {
            for (let i = text.indexOf(f, start); i !== -1; i = text.indexOf(f, i + 1))
                marks.push([i, i + f.length]);
        }
        const prompt = LOGIN_PROMPTS.has(text.slice(start));
        for (let i = start; !prompt && i + EDGE <= text.length; i++) {
            const hits = this.grams.get(text.slice(i, i + EDGE));
            if (!hits)
                continue;
            for (const { form, at, verbatim } of hits) {
                let n = EDGE;
                while (i + n < text.length && at + n < form.length && text[i + n] === form[at + n])
                    n++;
                const cut = verbatim ? n >= VERBATIM_FRAGMENT : n >= FRAGMENT || i === start || i + n === text.length;
                if (cut)
                    marks.push([i, i + n]);
            }
        }
        return marks.length ? blank(text, marks) : text;
    };
}
/** Replaces each union of overlapping or touching ranges with one `***`. */
function blank(text, marks) {
    marks.sort((a, b) => a[0] - b[0]);
    let out = "";
    let from = 0;
    let [s, e] = marks[0];
    for (const [ms, me] of marks) {
        if (ms <= e) {
            e = Math.max(e, me);
            continue;
        }
        out += `${text.slice(from, s)}***`;
        from = e;
        [s, e] = [ms, me];
    }
    return `${out}${text.slice(from, s)}***${text.slice(e)}`;
}

;// CONCATENATED MODULE: ./src/diagnose/credentials.ts



const mechs = (m) => (m.length ? `AUTH ${m.join(" ")}` : "no AUTH");
/** One sentence for why the credentials stayed home, from what this session saw. */
function whyWithheld(w, tlsMode) {
    const afterTls = w.tls ? " after STARTTLS" : "";
    const onlyBefore = w.tls && w.offeredBeforeTls?.length ? ` Before STARTTLS it offered ${mechs(w.offeredBeforeTls)}, so it takes credentials only in clear text on this port.` : "";
    switch (w.reason) {
        case "tls-not-active":
            return {
                message: `Credentials were not sent: tls is ${tlsMode}, so they go only over TLS, and TLS was not active when AUTH was due.`,
                causes: ["The sequence reached AUTH before STARTTLS completed."],
                fixes: ["Run STARTTLS and EHLO again before the AUTH step."],
            };
        case "auth-not-offered":
            return {
                message: `Credentials were not sent: the server's EHLO reply${afterTls} did not advertise AUTH (RFC 4954 §4).${onlyBefore}${!w.tls ? " Many servers offer AUTH only after STARTTLS, which this session did not run." : ""}`,
                causes: w.tls
                    ? ["Authentication is not enabled on this listener (for example a port-25 MX listener that only receives mail).", "The port is wrong: submission is usually 587 (STARTTLS) or 465 (implicit TLS)."]
                    : ["The server offers AUTH only on an encrypted connection.", "Authentication is not enabled on this listener, or the port is wrong (submission is usually 587 or 465)."],
                fixes: w.tls
                    ? ["Point the check at the server's submission port, or enable authentication on this listener."]
                    : ["Use tls: starttls (or implicit on port 465) so that the server offers AUTH after TLS."],
            };
        case "mechanism-not-offered":
            return {
                message: w.mechanism
                    ? `Credentials were not sent: AUTH ${w.mechanism} was asked for, but the server's EHLO reply${afterTls} offers ${mechs(w.offered)}.`
                    : `Credentials were not sent: the server${afterTls} offers ${mechs(w.offered)}, and none of them works with the configured credentials (PLAIN, LOGIN or CRAM-MD5 with a password; XOAUTH2 with a token).`,
                causes: ["The production sender and the server do not share a mechanism: the sender will fail to log in the same way."],
                fixes: [`Use a mechanism the server offers (${(0,rule/* list */.p_)(w.offered)}), or enable the one the sender uses on the server.`],
            };
        case "cleartext":
            return {
                message: `Credentials were not sent: the connection is not encrypted (${tlsMode === "none" ? "tls is none" : "the server offered no STARTTLS"}) and the server is not on a loopback address.`,
                causes: ["Without TLS, anyone on the path can read the password or token."],
                fixes: ["Enable STARTTLS on the server, or use tls: implicit on its TLS port.", "If clear text is really intended (a test network), set allow-plaintext-auth: true (CLI --allow-plaintext-auth)."],
            };
    }
}
/** Credentials were configured, and smtp-gate kept them back. */
const credentialsWithheld = (p) => {
    const w = p.authWithheld;
    // A HELO reply offers no AUTH: sender.ts names the greeting as the cause.
    if (!w || (w.reason === "auth-not-offered" && ownHelo(p) !== -1))
        return [];
    const { message, causes, fixes } = whyWithheld(w, p.tlsMode);
    const ehlo = (0,rule/* lastHelloBefore */.GG)(p, p.steps.length);
    return [(0,rule/* finding */.gk)("auth-withheld", "error", ehlo === -1 ? null : ehlo, message, causes, fixes)];
};
/** Credentials crossed a connection without TLS: allowed (loopback or opted in), and still worth a warning. */
const credentialsInClear = (p) => {
    if (!p.credentialsInClear)
        return [];
    const auth = p.steps.findIndex((s) => s.verb === "AUTH");
    return [(0,rule/* finding */.gk)("auth-cleartext", "warning", auth === -1 ? null : auth, "Credentials were sent without TLS: anyone who can see this connection can read them.", ["The target uses tls: none, or opportunistic TLS and the server offered no STARTTLS."], ["Use tls: starttls or implicit, with STARTTLS enabled on the server."])];
};
/** A secret too short to redact well: every occurrence is still blanked, which may blank ordinary text too. */
const shortSecret = (p) => p.shortSecret
    ? [(0,rule/* finding */.gk)("secret-short", "warning", null, `A configured password or token is shorter than ${FRAGMENT} characters: smtp-gate blanks every occurrence of it in what it shows (so ordinary text that happens to contain it is blanked too), and cannot recognise shorter pieces of it in a server's echo.`, ["A short password or token is also easy to guess."], ["Use a longer secret for the account this check logs in with."])]
    : [];

;// CONCATENATED MODULE: ./src/knowledge/error-kinds.ts
/**
 * Advice about the port's mode (implicit TLS vs STARTTLS vs plain): true only while no handshake
 * ran. Once STARTTLS was answered 220 or a handshake completed, the mode is right and these go.
 */
const MODE = {
    timeoutCause: "A TLS mode mismatch: a STARTTLS (plain) client on an implicit-TLS port waits for a greeting that only comes after a TLS handshake.",
    timeoutFix: "Try `openssl s_client -connect {hostport}` (implicit TLS) and `openssl s_client -starttls smtp -connect {hostport} -crlf` to see which the port speaks.",
    tlsCause: "Implicit TLS against a plain port (OpenSSL says `wrong version number`), or the reverse.",
    tlsFix: "Check the port's mode: 465 is implicit TLS, 587 and 25 use STARTTLS.",
    protocolCause: "An appliance in the path corrupted the stream, or TLS bytes arrived where text was expected (mode mismatch).",
    protocolFix: "If the banner is TLS noise, use implicit TLS (`tls: implicit`).",
};
const PORT_MODE_ADVICE = new Set(Object.values(MODE));
/** Sharper advice for an error kind in a particular phase (matched on the error message). */
const ERROR_IN_PHASE = [
    {
        kind: "timeout", phase: /TLS handshake after STARTTLS/, id: "tls-handshake-stalled",
        causes: [
            "The server answered 220 to STARTTLS but the handshake never completed: something in the path drops or holds the TLS bytes (an SMTP-inspecting firewall, an IPS, a proxy that only speaks plain SMTP).",
            "An MTU or fragmentation problem that loses the large handshake packets (certificates) but not short SMTP lines.",
        ],
        fixes: [
            "Run `{openssl}` from here and from inside the network; if it hangs only from outside, look at the appliances in between.",
            "Disable SMTP/ESMTP inspection on the firewall, or exempt this server from TLS interception.",
        ],
    },
    {
        // STARTTLS was answered 220, so the port's mode is right: the handshake itself failed.
        kind: "tls", phase: /TLS handshake after STARTTLS/, id: "tls-failed",
        causes: [
            "The server accepted STARTTLS but could not complete the handshake: no protocol version or cipher in common, or its TLS setup is broken (certificate or key unreadable, the key does not match the certificate).",
            "An appliance in the path interferes with the encrypted stream (an SMTP-inspecting firewall, a proxy that only speaks plain SMTP).",
        ],
        fixes: [
            "Repeat the handshake by hand and read the server's alert: `{openssl}`.",
            "Read the MTA's log for this connection: it names what its TLS library refused.",
        ],
    },
    {
        kind: "dns", phase: /can never be a remote MTA/, id: "unroutable-address",
        causes: [
            "A placeholder or parked record: `0.0.0.0` (or `::`) is what blocklist hosts files and some DNS filters answer for names they block, and what a zone template leaves behind.",
            "A mistyped or copied record pointing at a link-local, multicast or broadcast address, which no sender can deliver to; 169.254.169.254 is a cloud provider's instance-metadata service, never a mail server.",
        ],
        fixes: [
            "Check the record where senders see it: `dig +short A {host}` and `dig +short AAAA {host}`; point it at the mail server's public address (and an MX record at a host that has one).",
            "If only this runner sees that answer (a filtering resolver, a hosts file), set `resolver` to the DNS server senders use.",
        ],
    },
    {
        kind: "dns", phase: /null MX/, id: "null-mx",
        causes: ["The domain publishes a null MX (RFC 7505): it declares that it accepts no mail at all."],
        fixes: ["If the domain should receive mail, replace the null MX (`MX 0 .`) with real MX records; otherwise do not probe it as a mail domain."],
    },
];
const ERROR_ADVICE = {
    dns: {
        id: "dns-failure",
        causes: ["The host name does not exist or has no address record.", "The runner's DNS resolver cannot reach the zone (split-horizon DNS, private zone)."],
        fixes: ["Check the name with `dig +short A {host}` and `dig +short AAAA {host}`.", "Use the name the runner can resolve, or an address."],
    },
    connect: {
        id: "connect-failed",
        causes: [
            "Nothing listens on that port, or a firewall rejects the connection.",
            "Outbound port 25 is blocked by the network the runner is in (common for cloud and hosted runners).",
        ],
        fixes: ["Check the port: `{nc}`.", "For submission use 587 (STARTTLS) or 465 (implicit TLS); hosted runners often cannot reach port 25."],
    },
    timeout: {
        id: "timeout",
        causes: [
            "A firewall drops packets silently, or the server is overloaded.",
            MODE.timeoutCause,
            "The server delays its greeting on purpose (anti-spam tarpitting) longer than the timeout.",
        ],
        fixes: [
            MODE.timeoutFix,
            "Raise `timeout` if the server tarpits on purpose.",
        ],
    },
    tls: {
        id: "tls-failed",
        causes: [
            MODE.tlsCause,
            "The certificate is not trusted: self-signed, expired, issued for another name, or signed by a private CA.",
            "No common protocol version or cipher, or an appliance in the path interfered with the handshake.",
        ],
        fixes: [
            MODE.tlsFix,
            "Inspect the certificate: `{openssl} -showcerts`.",
            "Trust a private CA with `--ca FILE` (input `ca`) rather than `--insecure`.",
        ],
    },
    closed: {
        id: "connection-closed",
        causes: [
            "The server or an appliance in the path dropped the connection (policy, rate limit, crash).",
            "A proxy or load balancer with a short idle timeout, or one that does not speak SMTP.",
        ],
        fixes: ["Look at the MTA's log for this connection's time.", "Repeat the conversation by hand with `{openssl}`."],
    },
    protocol: {
        id: "not-smtp",
        causes: [
            "The peer is not an SMTP server (an HTTP, SSH or TLS service on that port), or a proxy answered.",
            MODE.protocolCause,
        ],
        fixes: ["Check the host and port; connect by hand with `{nc}` and read the banner.", MODE.protocolFix],
    },
    proxy: {
        id: "socks5-failed",
        causes: [
            "The SOCKS5 proxy could not reach the target (its reply says why: refused, unreachable, not allowed by its rules), or it cannot resolve the target's name.",
            "The proxy is not running, is not a SOCKS5 proxy, or wants a username and password that were not given or are wrong.",
        ],
        fixes: [
            "Check the proxy from the runner: `curl -v --socks5-hostname PROXY:PORT telnet://{hostport}`.",
            "Check the proxy's own rules and logs for the target's host and port (a bastion often allows only some ports).",
        ],
    },
};

;// CONCATENATED MODULE: ./src/diagnose/connection.ts
/** Rules about sessions that ended without a reply: kind, TLS-mode mismatch, a peer that is not SMTP. */



/** What each error kind usually means, unless a sharper rule below explains it. */
const sessionError = (p) => {
    // A command smtp-gate kept back has its own finding (advertised.ts commandWithheld).
    if (!p.error || p.commandWithheld || notSmtpProtocol(p.error.received) || modeMismatch(p) !== null || certificateRefused(p))
        return [];
    const e = p.error;
    const sharp = sharperError(p);
    if (sharp) {
        const d = differential(sharp.id, p, e.step, { causeIds: sharp.causeIds });
        return [(0,rule/* finding */.gk)(sharp.id, "error", e.step, `${(0,rule/* capitalize */.ZH)(e.message)}${sharp.says}`, d.causes, d.fixes, [...sharp.ruledOut, ...d.ruledOut])];
    }
    const a = ERROR_IN_PHASE.find((x) => x.kind === e.kind && x.phase.test(e.message)) ?? ERROR_ADVICE[e.kind];
    // "Outbound port 25 is blocked" is a cause only when the port is 25; the port's mode is in
    // question only while no handshake ran (STARTTLS answered 220, or TLS established).
    const modeKnown = handshakeRan(p);
    const fits = (x) => !(modeKnown && PORT_MODE_ADVICE.has(x));
    const causes = (p.port === 25 ? a.causes : a.causes.filter((c) => !/port 25 is blocked/i.test(c))).filter(fits);
    return [(0,rule/* finding */.gk)(a.id, "error", p.error.step, `${(0,rule/* capitalize */.ZH)(p.error.message)}.`, causes, a.fixes.filter(fits).map((f) => forTarget(f, p)))];
};
/** A TLS handshake completed, or STARTTLS was answered 220 (the server agreed to one on this port). */
const handshakeRan = (p) => p.tls !== null || p.steps.some((s) => s.verb === "STARTTLS" && s.reply?.code === 220);
/** The handshake completed and the session stopped on the certificate: the certificate rule (tls.ts) says why, once. */
const certificateRefused = (p) => p.error?.kind === "tls" && p.tls !== null && !p.tls.authorized;
/** A TLS alert the server sent: it aborted its own handshake (RFC 8446 §6.2). */
const SERVER_ALERT = /alert (internal error|handshake failure|protocol version|insufficient security)|alert number (80|40|70|71)\b/i;
/** TLS 1.3's certificate_required alert (116, RFC 8446 §6.2), as OpenSSL words it. */
const CLIENT_CERTIFICATE_ALERT = /alert certificate required|alert number 116\b/i;
/** Connect errors told apart (refused, filtered, unreachable) and TLS alerts the server sent. */
function sharperError(p) {
    const e = p.error;
    if (!e)
        return null;
    const connected = p.transcript.some((t) => t.dir === "*" && /^connected to /.test(t.text)) || p.steps.some((s) => s.reply);
    if (e.kind === "connect" && /ECONNREFUSED|refused/i.test(e.message)) {
        return { id: "connect-refused", says: `: the host answered and refused port ${p.port}, so it is reachable but nothing accepts connections there.`, ruledOut: [
                { cause: "A firewall that silently drops the packets, or outbound port 25 blocked by this network.", evidence: "the connection was refused at once; a filtered port would have waited for the timeout" },
            ] };
    }
    if (e.kind === "connect" && /EHOSTUNREACH|ENETUNREACH|unreachable/i.test(e.message)) {
        return { id: "host-unreachable", says: ": no route to the host from this network.", ruledOut: [] };
    }
    if ((e.kind === "connect" && /ETIMEDOUT|timed out/i.test(e.message)) || (e.kind === "timeout" && !connected && /connect/i.test(e.message))) {
        return { id: "connect-timeout", says: `: nothing answered, neither a connection nor a refusal, so port ${p.port} is filtered or the host is down.`, ruledOut: [] };
    }
    if (e.kind === "tls" && CLIENT_CERTIFICATE_ALERT.test(e.message)) {
        return {
            id: "tls-client-certificate-required",
            says: ": the server asked for a client certificate (mutual TLS), got none, and ended the handshake with TLS 1.3's certificate_required alert.",
            causeIds: ["client-certificate-required"],
            ruledOut: [{ cause: "smtp-gate does not trust the server's certificate (a private CA).", evidence: "the server sent the alert, about the certificate it asked of the client; a trust failure is smtp-gate's own verdict and says \"certificate verification failed\"" }],
        };
    }
    const alert = e.kind === "tls" ? SERVER_ALERT.exec(e.message) : null;
    if (alert) {
        const internal = /internal error|number 80\b/i.test(e.message);
        return {
            id: "tls-server-alert",
            says: `: the server sent a TLS alert (${alert[1] ?? `alert ${alert[2]}`}) and aborted its own handshake.`,
            causeIds: internal ? ["server-tls-setup"] : ["no-common-protocol", "server-tls-setup"],
            ruledOut: [{ cause: "smtp-gate does not trust the server's certificate (a --ca or private-CA problem).", evidence: "the server aborted the handshake itself with an alert; a trust failure is smtp-gate's own verdict and says \"certificate verification failed\"" }],
        };
    }
    return null;
}
/** Recognisable banners of other protocols (and TLS records shown as escapes by decodeLine). */
const OTHER_PROTOCOLS = [
    { name: "HTTP", test: /^HTTP\/\d|^<!DOCTYPE|^<html/i },
    { name: "SSH", test: /^SSH-\d/ },
    { name: "POP3", test: /^\+OK\b/ },
    { name: "IMAP", test: /^\* (OK|PREAUTH|BYE)\b/ },
    { name: "FTP", test: /^2\d\d[ -].*\bFTP\b/i },
    { name: "TLS", test: /^\\x1[5-7]\\x03/ },
];
function notSmtpProtocol(received) {
    if (received === undefined)
        return null;
    return OTHER_PROTOCOLS.find((o) => o.test.test(received))?.name ?? null;
}
const notSmtp = (p) => {
    const proto = notSmtpProtocol(p.error?.received);
    if (!p.error || !proto)
        return [];
    if (proto === "TLS") {
        return [(0,rule/* finding */.gk)("tls-mode-mismatch", "error", p.error.step, "The server sent TLS records instead of an SMTP greeting: this port expects implicit TLS.", ["The port is an implicit-TLS port (465 by convention) and the probe spoke plain SMTP or STARTTLS."], ["Use `tls: implicit` for this port, or port 587/25 for STARTTLS."])];
    }
    return [(0,rule/* finding */.gk)("not-smtp", "error", p.error.step, `The peer is not an SMTP server: it answered like ${proto} ("${(p.error.received ?? "").slice(0, 60)}").`, [`The host and port point at a ${proto} service, or a proxy or load balancer in front of it answers instead of the MTA.`], ["Check the host and port; `{nc}` shows the banner. Mail submission is usually 587 (STARTTLS) or 465 (implicit TLS); MX is 25."])];
};
function modeMismatch(p) {
    const e = p.error;
    if (!e)
        return null;
    // OpenSSL's "wrong version number" (or "packet length too long"): the server sent plain text.
    if (p.tlsMode === "implicit" && e.kind === "tls" && /wrong version number|packet length too long|unknown protocol|http request/i.test(e.message))
        return "implicit-on-plain";
    // A plain client on an implicit-TLS port waits forever: the server waits for a ClientHello.
    if (p.tlsMode !== "implicit" && e.kind === "timeout" && e.step === 0 && !p.transcript.some((t) => t.dir === "S"))
        return "plain-on-implicit";
    return null;
}
const tlsModeMismatch = (p) => {
    const m = modeMismatch(p);
    if (!m || !p.error)
        return [];
    if (m === "implicit-on-plain") {
        // OpenSSL's own text stays in the transcript (the details); the headline says what it means.
        const summary = "the port speaks plain SMTP, not TLS";
        return [{ ...(0,rule/* finding */.gk)("tls-mode-mismatch", "error", p.error.step, `Implicit TLS failed: the server answered the TLS handshake in plain text, so port ${p.port} speaks plain SMTP (with or without STARTTLS), not implicit TLS.`, ["`tls: implicit` was used against a STARTTLS or plain port (587 and 25 start in plain text)."], [`Use \`tls: starttls\` for port ${p.port}, or port 465 for implicit TLS.`, `Check by hand: \`openssl s_client -starttls smtp -connect ${p.host}:${p.port} -crlf\`.`]), summary }];
    }
    // A listener behind a load balancer may wait for a PROXY header instead: unless one was sent.
    const proxyListener = p.proxyProtocol === undefined;
    return [{ ...(0,rule/* finding */.gk)("tls-mode-mismatch", "error", p.error.step, `No greeting arrived within the timeout and the server sent nothing at all: port ${p.port} probably expects implicit TLS (the server waits for a TLS handshake)${proxyListener ? ", or a PROXY protocol header (it sits behind a load balancer)" : ""}.`, [
                "A plain or STARTTLS client on an implicit-TLS port (465 by convention) waits for a banner that only comes after the handshake.",
                ...(proxyListener ? ["The listener expects a PROXY protocol header first (an MTA behind HAProxy or an AWS Network Load Balancer with the PROXY protocol on) and waits for it."] : []),
                "A firewall silently drops the connection's packets, or the server tarpits longer than the timeout.",
            ], [
                `Try \`tls: implicit\`; check by hand: \`openssl s_client -connect ${p.host}:${p.port} -crlf\`.`,
                ...(proxyListener ? ["If the MTA sits behind a load balancer that speaks the PROXY protocol, probe it the way the balancer does: `proxy-protocol: v1` (or `v2`; CLI `--proxy-protocol v1`)."] : []),
                "If that also hangs, look for a firewall dropping packets.",
            ]), summary: "no greeting: the port expects implicit TLS, or waits for something else first" }];
};
/**
 * A PROXY header sent to a server that does not expect one: it reads `PROXY TCP4 …` (or the v2
 * signature) as a command and answers it — a reply no command was waiting for, so the session
 * counted it as unsolicited. The probe's NOOP barrier after the greeting (engine/probe.ts) sees
 * that reply in every run, whatever the timing; how many replies came before the probe stopped
 * does vary, so the message does not count them. One finding for the cause (replies.ts leaves
 * it to this rule).
 */
const proxyHeaderUnexpected = (p) => p.proxyProtocol && p.unsolicitedReplies > 0
    ? [(0,rule/* finding */.gk)("proxy-header-unexpected", "error", null, `smtp-gate sent a PROXY protocol ${p.proxyProtocol} header first, and the server greeted, then answered the header as a command (a reply no command was waiting for): this listener does not expect the PROXY protocol.`, ["The target is the MTA itself, not a listener behind a PROXY-protocol load balancer; or the MTA's PROXY support is off (Postfix: postscreen_upstream_proxy_protocol is empty)."], ["Probe without `proxy-protocol`, or point it at the port that sits behind the load balancer.", "If the MTA should take the header (it is behind HAProxy or an NLB with proxy protocol on), enable it there (Postfix: `postscreen_upstream_proxy_protocol = haproxy` on the postscreen listener)."])]
    : [];

;// CONCATENATED MODULE: ./src/diagnose/firewall.ts
/**
 * An SMTP-inspecting firewall or security appliance in the path (Cisco PIX "fixup smtp", ASA
 * "inspect esmtp" and similar) leaves recognisable marks; two or more together are near proof.
 */


const refused = (s) => s.reply?.code === 500 || s.reply?.code === 502;
/** A reply that quotes the command as XXXX: what an appliance leaves of a command it replaced. */
function quotesXxxx(lines) {
    for (const l of lines)
        if (l.includes("XXXX") && /\bX{4,}\b/.test(l))
            return true;
    return false;
}
const smtpInspection = (p) => {
    const signs = [];
    let step = null;
    const greeting = p.steps[0];
    // Line by line, not joined: neither mark can span the space a join would put between lines.
    if (greeting?.reply?.lines.some((l) => l.includes("******"))) {
        signs.push("the banner is masked with asterisks");
        step = 0;
    }
    // The first step of each kind, in one pass with the cheap tests first: every target of a fleet runs this rule.
    let ehlo = -1;
    let helo = -1;
    let xxxx = -1;
    let starttls = -1;
    for (let i = 0; i < p.steps.length; i++) {
        const s = p.steps[i];
        if (refused(s)) {
            if (ehlo === -1 && s.verb === "EHLO")
                ehlo = i;
            if (starttls === -1 && s.verb === "STARTTLS")
                starttls = i;
        }
        if (helo === -1 && s.extra === "fallback" && s.class === "success")
            helo = i;
        if (xxxx === -1 && s.reply && quotesXxxx(s.reply.lines))
            xxxx = i;
    }
    if (ehlo !== -1 && helo !== -1) {
        signs.push("EHLO was refused while HELO worked (the appliance allows only RFC 821 commands)");
        step ??= ehlo;
    }
    if (xxxx !== -1) {
        signs.push("a reply quotes the command as XXXX (the appliance replaced a command it does not allow)");
        step ??= xxxx;
    }
    if (starttls !== -1 || (p.tlsMode !== "none" && p.tlsMode !== "implicit" && p.extensions.length > 0 && !p.tls && !(0,protocol_ehlo/* findExtension */.bW)(p.extensions, "STARTTLS") && signs.length > 0)) {
        signs.push("STARTTLS is missing or refused");
        step ??= starttls === -1 ? null : starttls;
    }
    const strong = signs.filter((s) => !s.startsWith("STARTTLS")).length;
    if (strong === 0)
        return [];
    return [(0,rule/* finding */.gk)("smtp-inspection", signs.length >= 2 ? "error" : "warning", step, `An SMTP-inspecting firewall or security appliance is probably in the path: ${signs.join("; ")}.`, [
            "Cisco PIX \"fixup protocol smtp\" / ASA \"inspect esmtp\" (and similar features of other firewalls) masks the banner, allows only a list of commands, replaces others with XXXX, and removes STARTTLS so it can read the traffic.",
            "The MTA itself is probably fine: the same session from inside the firewall looks different.",
        ], [
            "Compare the session from both sides of the firewall: `openssl s_client -starttls smtp -connect {hostport} -crlf` from inside, and `{nc}` from outside.",
            "Disable SMTP inspection for this server: `no fixup protocol smtp 25` (PIX) or remove `inspect esmtp` from the ASA policy-map (or allow ESMTP and STARTTLS through it).",
        ])];
};

// EXTERNAL MODULE: ./src/knowledge/root-cause.ts + 1 modules
var root_cause = __nccwpck_require__(2633);
// EXTERNAL MODULE: ./src/protocol/reply.ts
var reply = __nccwpck_require__(6488);
// EXTERNAL MODULE: ./src/knowledge/blocklists.ts
var blocklists = __nccwpck_require__(1684);
;// CONCATENATED MODULE: ./src/knowledge/certificates.ts
/**
 * Certificate problems by verification result: what each means and what to do, one row per root
 * cause (RFC 5280 §6 path validation, RFC 6125 §6 names). The rule (diagnose/tls.ts) decides the
 * problem from the session's facts and fills the placeholders: {subject}, {issuer}, {name},
 * {names}, {validTo} (and its day, {validToDate}), {validFrom}, {why}; `{openssl}` is the
 * target's own s_client line.
 *
 * Nothing here is about the port's mode: a certificate exists only once a handshake completed.
 */

const SERVE_PUBLIC_CHAIN = "For senders on the internet, serve a certificate from a public CA with its full chain (Let's Encrypt works for SMTP), then reload whatever terminates TLS on this port.";
const RELOAD = "reload whatever terminates TLS on this port (the MTA, or a TLS terminator in front of it: stunnel `cert =`, HAProxy `crt`): most read the certificate only when they start";
const CERTIFICATE_ADVICE = {
    "self-signed": {
        id: "certificate-untrusted",
        summary: "the certificate is self-signed",
        causes: ["The server presents a self-signed certificate (\"{subject}\"): no CA vouches for it, so only a client told to trust that very certificate can verify it."],
        fixes: [
            "Trust it here: save the certificate's PEM block (`{openssl} -showcerts`) to a file and pass it with `--ca FILE` (input `ca`) rather than turning verification off.",
            SERVE_PUBLIC_CHAIN,
        ],
    },
    "private-ca": {
        id: "certificate-untrusted",
        summary: "the certificate's issuer is not trusted",
        causes: ["The certificate was issued by a private or internal CA (\"{issuer}\") that this runner does not trust."],
        fixes: [
            "Trust the private CA: pass its certificate (\"{issuer}\", PEM) with `--ca FILE` (input `ca`) rather than turning verification off.",
            SERVE_PUBLIC_CHAIN,
        ],
    },
    "chain-incomplete": {
        id: "certificate-chain-incomplete",
        summary: "the server does not send its intermediate certificate",
        causes: ["The server sends only its own certificate, not the intermediate (\"{issuer}\") that links it to a trusted root: mail clients and MTAs do not fetch a missing intermediate, so they cannot verify it."],
        fixes: [
            `Serve the chain: point the server's certificate setting at a file holding the certificate followed by its intermediate (Let's Encrypt's fullchain.pem, not cert.pem), then ${RELOAD}.`,
            "Check what the server sends: `{openssl} -showcerts` should list two certificates or more, not one.",
        ],
    },
    expired: {
        id: "certificate-expired",
        summary: "the certificate expired on {validToDate}",
        causes: ["Renewal did not run, or it ran and whatever terminates TLS was not reloaded afterwards, so the old certificate is still served."],
        fixes: [
            `Renew the certificate, then ${RELOAD}.`,
            "Check the renewal job and its deploy hook, so that the next renewal reloads the server too.",
        ],
    },
    "not-yet-valid": {
        id: "certificate-not-yet-valid",
        summary: "the certificate is not valid yet",
        causes: ["The certificate's validity starts on {validFrom}: a clock is wrong (the CA's when it issued it, or this runner's), or a new certificate was deployed before its time."],
        fixes: ["Check the clocks (NTP) of the runner and of the server; serve a certificate whose validity has begun."],
    },
    "name-mismatch": {
        id: "certificate-name-mismatch",
        summary: "the certificate does not name {name}",
        causes: ["The certificate holds {names}, not {name}: it was issued for another name, or the probe reaches the server by a name (or address) that senders do not use."],
        fixes: [
            "Issue a certificate that also names {name} (in its subjectAltName), then " + RELOAD + ".",
            "If senders reach this server by one of {names}, verify that name: `--servername NAME` (input `servername`).",
        ],
    },
    unverified: {
        id: "certificate-untrusted",
        summary: "the certificate could not be verified",
        causes: ["OpenSSL's verification refused the certificate: {why}."],
        fixes: ["Inspect the chain the server sends: `{openssl} -showcerts`."],
    },
};
/**
 * The second reading of "the issuer is not trusted" when the server sent only its own
 * certificate: a public CA's intermediate left out looks the same as a private CA.
 */
const OR_CHAIN_INCOMPLETE = {
    cause: "Or \"{issuer}\" is a public CA's intermediate that the server does not send (it sent only its own certificate).",
    fix: "If \"{issuer}\" is a public CA's intermediate, serve it: the certificate followed by the intermediate (fullchain.pem), then reload the server.",
};
/** …and the second reading of a missing intermediate when a CA file was given. */
const OR_WRONG_CA = "Or the CA file given (`ca`) is not the CA that issued \"{issuer}\".";
/** Postfix reads its certificate at start (when Postfix itself terminates TLS). */
const POSTFIX_RELOAD = "Postfix reads its certificate at start: `postfix reload` after renewal.";
/** Verification off (`insecure`) is a choice: its problems are notices, and the message says so. */
const VERIFICATION_OFF = "Verification is off (insecure), so the session went on.";
/** Fewer days left than `cert-min-days`: a policy warning, not a verification result. */
const CERTIFICATE_EXPIRING = {
    id: "certificate-expiring",
    summary: "the certificate expires in {daysLeft} day(s)",
    causes: ["Renewal is due and has not happened yet, or it happened and the server was not reloaded."],
    fixes: [`Renew the certificate before {validTo}, then ${RELOAD}.`, "Check the renewal job and its deploy hook."],
};
/**
 * Where each product reads the chain it sends: an intermediate left out is fixed in that setting.
 * Shown only to the recognised product (`chainSettings`), after the generic "serve the chain".
 */
const CHAIN_SETTINGS = [
    (0,root_causes.on)("postfix", "Postfix: `smtpd_tls_chain_files` (the key, then the certificate followed by its intermediates; Postfix 3.4 and later) or `smtpd_tls_cert_file` must name a file holding the whole chain, such as Let's Encrypt's fullchain.pem; then `postfix reload`."),
    (0,root_causes.on)("exim", "Exim: `tls_certificate` must name a file holding the certificate followed by its intermediates (Let's Encrypt's fullchain.pem); then restart Exim."),
    (0,root_causes.on)("sendmail", "Sendmail: put the intermediate in the file `confCACERT` names (OpenSSL builds the chain it sends from it), rebuild sendmail.cf and restart."),
    (0,root_causes.on)("opensmtpd", "OpenSMTPD: the file on the `pki … cert` line of smtpd.conf must hold the certificate followed by its intermediates (Let's Encrypt's fullchain.pem); then restart smtpd."),
    (0,root_causes.on)("haraka", "Haraka: the `cert` file of config/tls.ini (tls_cert.pem), or the bundle in config/tls/, must hold the certificate followed by its intermediates; then restart Haraka."),
    (0,root_causes.on)("aiosmtpd", "aiosmtpd: load the whole chain into the `tls_context`: `load_cert_chain(certfile, keyfile)` with a certfile holding the certificate followed by its intermediates (Let's Encrypt's fullchain.pem); then restart the server."),
    (0,root_causes.on)("exchange", "Exchange: Schannel sends the intermediates it finds in the computer's Intermediate Certification Authorities store: import the intermediate there (or import the certificate as a PFX holding its whole chain), then `Enable-ExchangeCertificate -Thumbprint <thumbprint> -Services SMTP` and restart MSExchangeTransport."),
];
/** The recognised product's own chain setting (none for an unknown product). */
function chainSettings(family) {
    return (0,root_causes/* pickFixes */.Zj)(CHAIN_SETTINGS, family);
}
/** Why a chain goes out without its intermediate, any product. */
const CHAIN_CAUSE = "The certificate file holds the leaf only (a renewal wrote cert.pem where fullchain.pem belongs, or the intermediate was never appended).";
/** The generic words for a chain served without its intermediate, any product. */
const SERVE_FULL_CHAIN = `Serve the full chain: point the server's certificate setting at a file holding the certificate followed by its intermediates (Let's Encrypt's fullchain.pem, not cert.pem), then ${RELOAD}.`;

;// CONCATENATED MODULE: external "node:tls"
const external_node_tls_namespaceObject = require("node:tls");
// EXTERNAL MODULE: ./src/builtins.ts
var builtins = __nccwpck_require__(7227);
;// CONCATENATED MODULE: ./src/session/tls-facts.ts


const DAY_MS = 86_400_000;
function readTlsFacts(socket, check, now = new Date()) {
    const cert = socket.getPeerCertificate(true);
    const has = cert && "valid_to" in cert;
    const validTo = has ? new Date(cert.valid_to) : null;
    const validFrom = has ? new Date(cert.valid_from) : null;
    const cipher = socket.getCipher();
    const err = socket.authorizationError;
    return {
        protocol: socket.getProtocol() ?? null,
        cipher: cipher ? (cipher.standardName ?? cipher.name) : null,
        authorized: socket.authorized,
        authorizationError: err ? (err instanceof Error ? (err.code ?? err.message) : String(err)) : null,
        subject: has ? nameOf(cert.subject) : null,
        subjectAltNames: has && cert.subjectaltname ? cert.subjectaltname.split(/,\s*/) : [],
        issuer: has ? nameOf(cert.issuer) : null,
        validFrom: validFrom && !isNaN(+validFrom) ? validFrom.toISOString() : null,
        validTo: validTo && !isNaN(+validTo) ? validTo.toISOString() : null,
        daysLeft: validTo && !isNaN(+validTo) ? Math.floor((+validTo - +now) / DAY_MS) : null,
        fingerprint256: has ? cert.fingerprint256 : null,
        publicKey256: has && cert.pubkey ? (0,builtins/* loadCrypto */.QZ)().createHash("sha256").update(cert.pubkey).digest("hex") : null,
        checkedName: check.name,
        ...(has ? { nameMatches: (0,external_node_tls_namespaceObject.checkServerIdentity)(check.name, cert) === undefined } : {}),
        issuerUrl: has ? issuerUrlOf(cert) : null,
        trust: check.trust,
    };
}
/** `CA Issuers - URI:http://…` in the certificate's infoAccess (Node lists it by access method). */
function issuerUrlOf(cert) {
    const access = cert.infoAccess;
    return access?.["CA Issuers - URI"]?.[0] ?? null;
}
function nameOf(n) {
    if (!n)
        return null;
    const cn = n.CN;
    if (cn)
        return Array.isArray(cn) ? cn.join(", ") : cn;
    const o = n.O;
    return o ? (Array.isArray(o) ? o.join(", ") : o) : null;
}
/** Plain words for OpenSSL's verification codes, for messages people read. */
const VERIFY_ERRORS = {
    DEPTH_ZERO_SELF_SIGNED_CERT: "the certificate is self-signed",
    SELF_SIGNED_CERT_IN_CHAIN: "the chain ends in a root certificate that is not trusted here",
    CERT_HAS_EXPIRED: "the certificate has expired",
    CERT_NOT_YET_VALID: "the certificate is not valid yet",
    ERR_TLS_CERT_ALTNAME_INVALID: "the certificate does not name this host",
    // OpenSSL's verify code says whether the server sent more than its own certificate: "leaf" when
    // it sent only that one, "locally" when it sent a chain whose top is not trusted here.
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server sent only its own certificate, and its issuer is not trusted here",
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the chain the server sent ends in an issuer that is not trusted here",
    UNABLE_TO_GET_ISSUER_CERT: "the issuer certificate could not be found",
    CERT_REVOKED: "the certificate was revoked",
};
function describeVerifyError(code) {
    return VERIFY_ERRORS[code] ?? code;
}

;// CONCATENATED MODULE: ./src/diagnose/tls.ts
/** TLS rules: certificate verification in words, days left, protocol version, TLS required. */







/**
 * One finding per certificate problem, each with the fix for that verification result. The
 * problem the session stopped on comes first (an error); with verification off (`insecure`) each
 * problem is still reported, as a notice. Expiry and the name are read from the facts themselves,
 * since OpenSSL reports only the first problem it meets.
 */
const certificate = (p, policy) => {
    const t = p.tls;
    if (!t)
        return [];
    // The session stopped on verification; otherwise a certificate that is not trusted got through
    // because verification was off, an explicit choice (older reports do not say so): a notice.
    const stopped = p.error?.kind === "tls" && !t.authorized;
    const unverified = p.insecure === true || !t.authorized;
    const step = stopped ? (p.error?.step ?? null) : handshakeStep(p);
    const out = [];
    for (const problem of certificateProblems(t)) {
        const f = certificateFinding(problem, p, t, !stopped && unverified ? "notice" : "error", step);
        if (!out.some((o) => o.id === f.id))
            out.push(f);
    }
    if (expiresSoon(t, policy)) {
        const a = CERTIFICATE_EXPIRING;
        const fill = (x) => x.replace(/\{daysLeft\}/g, String(t.daysLeft)).replace(/\{validTo\}/g, t.validTo ?? "?");
        out.push({ ...(0,rule/* finding */.gk)(a.id, "warning", step, `The server's certificate expires in ${t.daysLeft} day(s) (${t.validTo}), below cert-min-days ${policy.certMinDays}.`, a.causes.map(fill), a.fixes.map(fill)), summary: fill(a.summary) });
    }
    if (t.protocol && (0,config_policy/* tlsVersionRank */.ie)(t.protocol) !== -1 && (0,config_policy/* tlsVersionRank */.ie)(t.protocol) < (0,config_policy/* tlsVersionRank */.ie)(policy.minTls)) {
        // The recognised product's own settings; none when a box in front may be what ends TLS.
        const advice = policyAdvice("tls-version-too-old", tlsFamily(p));
        out.push((0,rule/* finding */.gk)("tls-version-too-old", "error", null, `The session negotiated ${t.protocol}, below min-tls ${policy.minTls}.`, advice.causes, advice.fixes));
    }
    return out;
};
/** Fewer days left than `cert-min-days`, not yet expired: certificate-expiring. */
function expiresSoon(t, policy) {
    return t.daysLeft !== null && t.daysLeft >= 0 && t.daysLeft < policy.certMinDays;
}
/**
 * What this rule says about the session's own certificate: its chain (an intermediate left out,
 * or an issuer not trusted although the server sent only its certificate, which names the left-out
 * intermediate as the second reading), its name, its expiry. The TLS audit does not say it again.
 */
function certificateCovers(t, policy) {
    const problems = certificateProblems(t);
    return {
        chain: problems.includes("chain-incomplete") || (problems.includes("private-ca") && t.authorizationError === "UNABLE_TO_VERIFY_LEAF_SIGNATURE"),
        name: problems.includes("name-mismatch"),
        expiry: problems.includes("expired") || expiresSoon(t, policy),
    };
}
/** OpenSSL's codes for a chain it could not complete or trust. */
const CHAIN_CODES = {
    DEPTH_ZERO_SELF_SIGNED_CERT: "self-signed",
    SELF_SIGNED_CERT_IN_CHAIN: "private-ca",
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "private-ca",
    UNABLE_TO_GET_ISSUER_CERT: "private-ca",
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: "private-ca",
};
/** Every problem the facts show, the one verification reported first. */
function certificateProblems(t) {
    const code = t.authorizationError;
    const out = [];
    if (code && !t.authorized) {
        const chain = CHAIN_CODES[code];
        if (chain)
            out.push(chain === "private-ca" && leftOutIntermediate(t) ? "chain-incomplete" : chain);
        else if (code === "CERT_HAS_EXPIRED")
            out.push("expired");
        else if (code === "CERT_NOT_YET_VALID")
            out.push("not-yet-valid");
        else if (code === "ERR_TLS_CERT_ALTNAME_INVALID")
            out.push("name-mismatch");
        else
            out.push("unverified");
    }
    if (t.daysLeft !== null && t.daysLeft < 0 && !out.includes("expired"))
        out.push("expired");
    if (t.nameMatches === false && !out.includes("name-mismatch"))
        out.push("name-mismatch");
    return out;
}
/**
 * The server sent only its own certificate, and either the certificate names where its issuer is
 * published (public CAs do, RFC 5280 §4.2.2.1) or the CA file given did not verify it: an
 * intermediate left out is then likelier than an unknown CA.
 */
function leftOutIntermediate(t) {
    return t.authorizationError === "UNABLE_TO_VERIFY_LEAF_SIGNATURE" && (Boolean(t.issuerUrl) || t.trust === "ca");
}
function certificateFinding(problem, p, t, severity, step) {
    const a = CERTIFICATE_ADVICE[problem];
    const names = certificateNames(t);
    const name = t.checkedName ?? p.host;
    const fill = (x) => x
        .replace(/\{subject\}/g, t.subject ?? "?").replace(/\{issuer\}/g, t.issuer ?? "?")
        .replace(/\{name\}/g, name).replace(/\{names\}/g, names.length ? names.join(", ") : "no name")
        .replace(/\{validTo\}/g, t.validTo ?? "?").replace(/\{validToDate\}/g, t.validTo?.slice(0, 10) ?? "?").replace(/\{validFrom\}/g, t.validFrom ?? "?")
        .replace(/\{why\}/g, describeVerifyError(t.authorizationError ?? "unknown"));
    let causes = a.causes;
    let fixes = a.fixes;
    if (problem === "private-ca" && t.authorizationError === "UNABLE_TO_VERIFY_LEAF_SIGNATURE") {
        causes = [...causes, OR_CHAIN_INCOMPLETE.cause];
        fixes = [fixes[0], OR_CHAIN_INCOMPLETE.fix, ...fixes.slice(1)];
    }
    // Only when Postfix itself holds the certificate: behind a terminator the MTA is not what reloads.
    if (problem === "expired" && serverFamily(p) === "postfix" && !p.server?.via)
        fixes = [...fixes, POSTFIX_RELOAD];
    if (problem === "chain-incomplete") {
        // The product's own chain setting, after the generic "serve the chain".
        fixes = [fixes[0], ...chainSettings(tlsFamily(p)), ...fixes.slice(1)];
        if (t.trust === "ca")
            causes = [...causes, OR_WRONG_CA];
        if (t.issuerUrl)
            fixes = [...fixes, `The issuer's certificate is published at ${t.issuerUrl}.`];
    }
    // Probing by address (or by another name than senders use): verifying the right name comes first.
    if (problem === "name-mismatch" && (0,protocol_address/* ipFamily */.Mr)(name) !== 0)
        fixes = [...fixes].reverse();
    const off = severity === "notice" ? ` ${VERIFICATION_OFF}` : "";
    return { ...(0,rule/* finding */.gk)(a.id, severity, step, `${(0,rule/* capitalize */.ZH)(fill(a.summary))}: ${certificateFacts(problem, t, name, names)}.${off}`, causes.map(fill), fixes.map(fill)), summary: fill(a.summary) };
}
/** The facts behind a problem, in one clause. */
function certificateFacts(problem, t, name, names) {
    const code = t.authorizationError && !t.authorized ? ` (${t.authorizationError})` : "";
    switch (problem) {
        case "self-signed": return `subject "${t.subject ?? "?"}", issued by itself${code}`;
        case "private-ca": return `issued by "${t.issuer ?? "?"}"${SENT[t.authorizationError ?? ""] ?? ""}${code}`;
        case "chain-incomplete": return `issued by "${t.issuer ?? "?"}", and the server sent only its own certificate${t.issuerUrl ? " (the certificate says where the issuer is published)" : ""}${code}`;
        case "expired": return t.daysLeft !== null && t.daysLeft < 0 ? `${-t.daysLeft} day(s) ago (valid until ${t.validTo ?? "?"})` : `valid until ${t.validTo ?? "?"}${code}`;
        case "not-yet-valid": return `valid from ${t.validFrom ?? "?"}${code}`;
        case "name-mismatch": return `it names ${names.length ? names.join(", ") : "nothing"}, and the name checked was ${name}`;
        case "unverified": return `${describeVerifyError(t.authorizationError ?? "unknown")}${code}`;
    }
}
/** What the server sent, as OpenSSL's chain-building code tells it. */
const SENT = {
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: ", and the server sent only its own certificate",
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: ", at the top of a chain the server sent",
    SELF_SIGNED_CERT_IN_CHAIN: ", a root the server sent along with its certificate",
};
/** DNS and IP names of the certificate (subjectAltName), else its subject. */
function certificateNames(t) {
    const sans = t.subjectAltNames.map((n) => n.replace(/^(DNS|IP Address):/, "")).filter(Boolean);
    return sans.length ? sans : t.subject ? [t.subject] : [];
}
/** The step whose handshake the certificate came from: STARTTLS's, or null for implicit TLS. */
function handshakeStep(p) {
    const i = p.steps.findIndex((s) => s.verb === "STARTTLS" && s.reply?.code === 220);
    return i === -1 ? null : i;
}
/** Policy `require-tls`: the session must have run under TLS. */
const requireTls = (p, policy) => policy.requireTls && !p.tls && !p.error
    ? [(0,rule/* finding */.gk)("tls-not-used", "error", null, "The session ran without TLS, but require-tls is set.", ["`tls` is `none`, or `opportunistic` and the server did not advertise STARTTLS (possibly stripped by an appliance)."], ["Use `tls: starttls` or `tls: implicit`; make the server offer STARTTLS."])]
    : [];
/**
 * The STARTTLS step that `tls: starttls` requires, when the server refused it for now (4xx), or -1.
 * Contract §7 (refining §2): the reply is transient, but nothing after STARTTLS — the production
 * sequence — was tested, so the target fails.
 */
function requiredStartTlsRefused(p) {
    if (p.tlsMode !== "starttls")
        return -1;
    return p.steps.findIndex((s, i) => s.verb === "STARTTLS" && s.class === "transient" && !tlsActiveAt(p, i));
}
/**
 * `tls: starttls` with a custom sequence that never runs STARTTLS: the session stayed in plain
 * text, which the configuration says it must not (the default sequence always sends STARTTLS).
 */
const plaintextSession = (p) => {
    if (p.tlsMode !== "starttls" || p.tls || p.steps.some((s) => s.verb === "STARTTLS"))
        return [];
    const i = p.steps.findIndex((s) => s.command && !s.extra && s.verb !== "EHLO" && s.verb !== "HELO");
    if (i === -1)
        return [];
    return [(0,rule/* finding */.gk)("plaintext-session", "warning", i, "tls is starttls, but the sequence never ran STARTTLS: the whole session stayed in plain text, so what it tested is not what an encrypted sender sees.", ["The custom steps leave out STARTTLS (and the EHLO after it)."], ["Add `STARTTLS` and `EHLO {helo}` after the first EHLO in the steps, or set `tls: none` if plain text is what you mean to test."])];
};

;// CONCATENATED MODULE: ./src/session/clock.ts
/**
 * Monotonic milliseconds, for step timings and deadlines. process.hrtime rather than
 * performance.now(): the global `performance` loads node:perf_hooks and ten modules under it on
 * first touch, about 1.5 ms of a probe process's start-up.
 */
const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;

;// CONCATENATED MODULE: ./src/session/transcript.ts
/**
 * The timed record of one session, capped: a hostile peer's endless reply must not grow it
 * without bound (Postfix's smtp_chat does the same for the same reason).
 */

const MAX_TRANSCRIPT_ENTRIES = 2000;
const MAX_TRANSCRIPT_CHARS = 256 * 1024;
/**
 * The note the session writes for a reply no command was waiting for, and its reader: diagnosis
 * reads the codes back (a balancer's PROXY header answered before the first command).
 */
const unsolicitedNote = (code) => `unsolicited reply ${code} discarded: no command was waiting for it`;
/** The code of an unsolicited-reply note, or null for any other entry. */
function unsolicitedCode(e) {
    const m = e.dir === "*" ? /^unsolicited reply (\d{3}) discarded:/.exec(e.text) : null;
    return m ? Number(m[1]) : null;
}
class Transcript {
    redact;
    entries = [];
    capped = false;
    chars = 0;
    /** When the session started, on monotonicMs()'s clock. */
    start = monotonicMs();
    constructor(redact) {
        this.redact = redact;
    }
    elapsed() {
        return Math.round(monotonicMs() - this.start);
    }
    /** `t`: when the caller already read the clock for this entry (lines of one chunk share it). */
    add(dir, text, t = this.elapsed()) {
        if (!this.capped)
            this.addRedacted(dir, this.redact(text), t);
    }
    /**
     * An entry whose text was redacted already: a reply line, which the session redacts as it
     * arrives because the reply keeps it too. Redacting costs a scan of the line per secret form;
     * once is enough.
     */
    addRedacted(dir, safe, t = this.elapsed()) {
        if (this.capped)
            return;
        // The last slot is kept for the note that says the transcript was capped.
        if (this.entries.length >= MAX_TRANSCRIPT_ENTRIES - 1 || this.chars + safe.length > MAX_TRANSCRIPT_CHARS) {
            this.capped = true;
            this.entries.push({ t: this.elapsed(), dir: "*", text: `transcript capped at ${this.entries.length} entries; later lines are not recorded` });
            return;
        }
        this.chars += safe.length;
        this.entries.push({ t, dir, text: safe });
    }
    /** Another session's entries after these, each at its own time on this transcript's clock (that session started later). */
    append(other) {
        const offset = other.start - this.start;
        // Both clocks are rounded to the millisecond, so a time moved from one to the other can be
        // off by one: kept between this transcript's last entry and now, the entries stay in order.
        const first = this.entries.at(-1)?.t ?? 0;
        const now = this.elapsed();
        // Through add(): redacted again, with any secret form registered since those lines came.
        for (const e of other.entries)
            this.add(e.dir, e.text, Math.min(Math.max(Math.round(e.t + offset), first), now));
    }
}

;// CONCATENATED MODULE: ./src/diagnose/middlebox.ts




/**
 * Silence longer than this before a 421 or a close means the listener waited for the client to
 * speak first. Postfix's smtpd_upstream_proxy_timeout is 5 s, nginx's `timeout` 60 s; a server
 * that refuses a client (overload, connection limits) answers at once.
 */
const WAITED_MS = 2000;
/**
 * A balancer that cannot reach its backend retries before it gives up: HAProxy makes `retries`
 * (3) more attempts, min(`timeout connect`, 1 s) apart, so a refused backend closes the client
 * after about 3 s. A listener waiting for a PROXY header gives up later: Postfix after its 5 s
 * (and says so with a 421), nginx after `timeout` (60 s), HAProxy `accept-proxy` after `timeout
 * client` — measured here a few milliseconds short of it (its timer starts before ours), and kept
 * in whole seconds, rounded down, in the goldens. A silent close sooner than this is read as the
 * balancer's retries first.
 */
const RETRIED_MS = 4000;
/**
 * Silence after a command longer than this before a close is a wait, not a crash on reading it:
 * a box's idle timer counts from the last byte it moved, which may be the message body written
 * just before the end of DATA, so a 2 s timeout can close 1.99 s after "." was sent.
 */
const IDLE_MS = 1000;
/** Postfix's replies when no PROXY header came in time: smtpd (smtpd_upstream_proxy_timeout) and postscreen. */
const PROXY_TIMEOUT_REPLY = /\bServer local error$|^(?:4\.3\.2 )?No system resources$/i;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
/** Nothing at all came from the server (no greeting byte): the session error is the whole story. */
const serverSilent = (p) => !p.steps[0]?.reply && !p.transcript.some((t) => t.dir === "S");
function middleboxFindings(p) {
    const out = [];
    const header = proxyHeaderMissing(p) ?? proxyHeaderFromBalancer(p);
    if (header)
        out.push(header);
    const down = backendDown(p) ?? backendSilent(p) ?? closedWhileOwed(p) ?? httpMode(p);
    if (down)
        out.push(down);
    out.push(...boxReplies(p));
    const terminator = tlsTerminator(p);
    if (terminator)
        out.push(terminator);
    return out;
}
/** The rule's face for RULES: the findings without their claims. */
const middlebox = (p) => middleboxFindings(p).map((b) => b.finding);
const PROBE_WITH_HEADER = "To probe this port directly, send the header the way the balancer does: `proxy-protocol: v1` (CLI `--proxy-protocol v1`, or `v2`).";
const PROXY_FIXES = [
    "On the balancer, send the header to this backend: HAProxy `server mta MTA-ADDRESS:25 send-proxy` (or `send-proxy-v2`); nginx `stream`: `proxy_protocol on;`; an AWS Network Load Balancer: turn on proxy protocol v2 on the target group.",
    PROBE_WITH_HEADER,
    "If no balancer should be in front, turn the requirement off on this listener (Postfix: drop `smtpd_upstream_proxy_protocol` / `postscreen_upstream_proxy_protocol` from its master.cf entry; nginx: drop `proxy_protocol` from `listen`).",
];
const TERMINATOR_PROXY_CAUSE = "A TLS terminator in front (stunnel, HAProxy `ssl`, nginx `stream` with `ssl`) passes the decrypted session to a listener that requires a PROXY header, and sends none: a listener that requires the header reads it before any TLS, so the handshake that completed was the terminator's.";
const TERMINATOR_PROXY_FIX = "Let the terminator send the header: stunnel `protocol = proxy` in the service that connects to this listener; HAProxy `send-proxy` on the `server` line behind the `ssl` bind; nginx `stream`: `proxy_protocol on;` next to `proxy_pass`.";
const RETRIES_CAUSE = "A balancer that could not reach its backend and closed after its retries (HAProxy: `retries` attempts, each up to `timeout connect` when the backend does not answer): its log shows the connect failing (termination state `SC`).";
const PROXY_CAUSES = [
    "A balancer in front passes connections on without the PROXY header the listener requires: HAProxy without `send-proxy` / `send-proxy-v2` on the `server` line, nginx `stream` without `proxy_protocol on`, an AWS NLB target group without proxy protocol v2.",
    "The probe went straight to the MTA's PROXY-only port, the one meant for the balancer.",
];
/**
 * A listener that requires a PROXY header and got none: silence, then Postfix's 421 (smtpd:
 * `421 4.3.0 … Server local error`, postscreen: `421 4.3.2 No system resources`), or a close
 * (nginx `listen … proxy_protocol`, HAProxy `accept-proxy`). No greeting: nothing of the
 * production sequence was tested, so the target fails (contract §2).
 */
function proxyHeaderMissing(p) {
    const g = p.steps[0];
    if (!g)
        return null;
    if (p.proxyProtocol)
        return proxyHeaderRefused(p, g);
    const ruledOut = [];
    let message;
    if (g.reply?.code === 421 && g.ms >= WAITED_MS && PROXY_TIMEOUT_REPLY.test(g.reply.lines.join(" "))) {
        message = `Port ${p.port} stayed silent for ${seconds(g.ms)}, then answered ${(0,rule/* codeText */.ph)(g)} ("${g.reply.lines.join(" ")}") instead of a greeting: Postfix's reply when a listener that requires a PROXY protocol header (smtpd_upstream_proxy_protocol, postscreen_upstream_proxy_protocol) gets none within its upstream proxy timeout. The refusal looks temporary, but this port takes no mail from a client that sends no header, and nothing of the production sequence was tested, so the target fails.`;
        ruledOut.push({ cause: "The server is overloaded or limits connections from this client.", evidence: `it said nothing for ${seconds(g.ms)} and then gave Postfix's missing-PROXY-header reply; an overloaded server refuses at once` });
    }
    else if (p.error?.kind === "closed" && p.error.step === 0 && serverSilent(p) && g.ms >= RETRIED_MS && !p.tls) {
        message = `Port ${p.port} accepted the connection, stayed silent for ${seconds(g.ms)} and closed it without a greeting: the listener waited for the client to speak first — a PROXY protocol header (nginx \`listen … proxy_protocol\`, HAProxy \`bind … accept-proxy\`, Postfix's upstream proxy listeners) — and gave up. Nothing of the production sequence was tested.`;
        ruledOut.push({ cause: "The MTA refused this client (a connection limit, an access list).", evidence: "an MTA that refuses a client says so at once (a 421 or 554 greeting, or an immediate close); this one waited for the client first" });
    }
    else {
        return null;
    }
    // A silent close could also be a balancer that spent the time retrying a dead backend.
    let causes = g.reply ? PROXY_CAUSES : [...PROXY_CAUSES, RETRIES_CAUSE];
    let fixes = p.tlsMode === "implicit" ? PROXY_FIXES : [...PROXY_FIXES, `If the port is an implicit-TLS port instead, use \`tls: implicit\`.`];
    if (p.tls) {
        // A listener that requires the header reads it before any TLS (Postfix, Exim hosts_proxy): the
        // handshake that completed first was a terminator's, and the terminator sent no header.
        message = `The TLS handshake completed first (${p.tls.protocol ?? "TLS"}), so TLS on this port is done by a terminator in front of the MTA, which passes the session on without the header. ${message}`;
        causes = [TERMINATOR_PROXY_CAUSE, ...causes];
        // smtp-gate's own header would reach the terminator before the TLS handshake, not the listener.
        fixes = [TERMINATOR_PROXY_FIX, ...fixes.filter((f) => f !== PROBE_WITH_HEADER), "To probe the listener itself, probe its own port behind the terminator with `proxy-protocol: v1` (CLI `--proxy-protocol v1`)."];
    }
    const f = (0,rule/* finding */.gk)("proxy-header-missing", "error", 0, message, causes, fixes, ruledOut);
    return { finding: { ...f, cause: "proxy-protocol" }, claims: [0] };
}
/**
 * A PROXY header was sent and the listener answered at once with Postfix's PROXY error instead of
 * a greeting: it could not use the header. Postfix logs why ("bad or missing protocol type" for
 * `PROXY UNKNOWN`, what a v1 header says when the real endpoints are not known).
 */
function proxyHeaderRefused(p, g) {
    // A header without addresses (PROXY UNKNOWN, v2 LOCAL) is proxy-unknown.ts's: it knows why it was sent.
    if (p.proxyHeaderUnknown || g.reply?.code !== 421 || !PROXY_TIMEOUT_REPLY.test(g.reply.lines.join(" ")))
        return null;
    const f = (0,rule/* finding */.gk)("proxy-header-refused", "error", 0, `smtp-gate sent a PROXY protocol ${p.proxyProtocol} header and port ${p.port} answered ${(0,rule/* codeText */.ph)(g)} ("${g.reply.lines.join(" ")}") instead of a greeting: Postfix's reply when the header it requires cannot be used. Nothing of the production sequence was tested.`, ["The header does not match what the listener expects (a v1 header to a listener that reads only v2, or a malformed header)."], ["Read the MTA's log for the connection: it names what was wrong with the header."]);
    return { finding: { ...f, cause: "proxy-protocol" }, claims: [0] };
}
/**
 * The codes of the replies that came after the greeting and before smtp-gate wrote anything
 * (the session marks each "unsolicited reply NNN discarded"): answers to lines smtp-gate never sent.
 */
function repliesBeforeFirstCommand(p) {
    const out = [];
    let last = "";
    for (const t of p.transcript) {
        if (t.dir === "C")
            break;
        if (t.dir === "S")
            last = t.text;
        const code = unsolicitedCode(t);
        if (code !== null)
            out.push({ code, text: last });
    }
    return out;
}
/** Haraka's answer to a PROXY line when its PROXY support does not list the sender (connection.ini [haproxy] hosts[]). */
const PROXY_NOT_ALLOWED = /^421[ -]PROXY not allowed from\b/i;
/** A 221 before smtp-gate sent any QUIT: the server obeyed a QUIT it read from someone else. */
function quitObeyedUnasked(p) {
    for (const t of p.transcript) {
        if (t.dir === "C" && /^QUIT\b/i.test(t.text))
            return false;
        if (t.dir === "S" && /^221[ -]/.test(t.text))
            return true;
    }
    return false;
}
/**
 * How the MTA's answers to a header it did not expect show, whatever the timing: before
 * smtp-gate's first command (unsolicited), or — when EHLO went out before they arrived — as
 * EHLO's answer, with the rest one reply behind (HELO answered with EHLO's keywords) or a 221
 * before any QUIT. Null when the session shows neither.
 */
function answeredForeignLines(p) {
    if (p.proxyProtocol || p.steps[0]?.reply?.code !== 220)
        return null;
    const early = repliesBeforeFirstCommand(p);
    const first = early[0];
    if (first) {
        // A refusal (5xx: unknown command, or "STARTTLS first" from a server that wants TLS before
        // anything), or Haraka's own 421 for a PROXY line it may not take; then more of the same, or 221.
        const answersLine = (first.code >= 500 && first.code < 600) || PROXY_NOT_ALLOWED.test(first.text);
        return answersLine && early.every((r) => r.code === 221 || r.code === 421 || (r.code >= 500 && r.code < 600)) ? { early, firstEhlo: null } : null;
    }
    // EHLO went out before those answers came, and took the first of them.
    const ehlo = p.steps[1];
    if (ehlo?.verb !== "EHLO" || !ehlo.reply || ehlo.pipelined)
        return null;
    const text = `${ehlo.reply.code} ${ehlo.reply.lines.join(" ")}`;
    if (PROXY_NOT_ALLOWED.test(text))
        return { early: [{ code: ehlo.reply.code, text }], firstEhlo: null };
    if (ehlo.reply.code < 500 || ehlo.reply.code > 599)
        return null;
    // Out of step: more replies than commands, a 221 before any QUIT, HELO answered with EHLO's
    // keywords, QUIT answered with anything but 221; or a complaint of pipelining about an EHLO
    // smtp-gate sent alone (OpenSMTPD, which then closes).
    const outOfStep = p.unsolicitedReplies > 0 || quitObeyedUnasked(p) || heloGotEhloReply(p) ||
        p.steps.some((x) => x.verb === "QUIT" && x.reply !== null && x.reply.code !== 221 && x.reply.code !== 421);
    return outOfStep || pipeliningComplaint(p) ? { early, firstEhlo: ehlo } : null;
}
/** A refusal for pipelining of a command smtp-gate sent alone: the server got someone else's bytes with it. */
function pipeliningComplaint(p) {
    return p.steps.find((x, i) => i > 0 && !x.pipelined && x.reply !== null && x.reply.code >= 500 && PIPELINING_COMPLAINT.test(x.reply.lines.join(" ")));
}
/** The HELO fallback answered with EHLO's keywords: the replies run one behind the commands. */
function heloGotEhloReply(p) {
    const helo = p.steps[2];
    return helo?.verb === "HELO" && helo.reply?.code === 250 && helo.reply.lines.length > 1;
}
/** A server refusing commands that came before their turn: the client's, or someone else's. */
const PIPELINING_COMPLAINT = /pipelining/i;
/**
 * A balancer sends the PROXY protocol header to a listener that does not expect one: smtp-gate
 * sent none, yet right after the greeting the MTA answered lines nobody in this conversation
 * wrote. A v1 header is one text line (`PROXY TCP4 …`): one syntax error. The v2 signature
 * (`\r\n\r\n\0\r\nQUIT\n`, designed so that such a server quits) draws syntax errors, then 221, and
 * the close. Which product sent it the bytes do not tell (HAProxy, nginx `stream`, an AWS NLB
 * write the same header), so no `server.via` follows from it.
 */
function proxyHeaderFromBalancer(p) {
    const seen = answeredForeignLines(p);
    if (!seen)
        return null;
    const { early, firstEhlo } = seen;
    if (early[0] && PROXY_NOT_ALLOWED.test(early[0].text))
        return proxyNotAllowed(p, early[0].text);
    // v2 when the server obeyed the signature's QUIT; v1 when the replies run exactly one behind
    // (HELO got EHLO's keywords) or one reply came early and the session went on; unknown otherwise
    // (OpenSMTPD closes on the v2 block as a pipelining violation, or the 221 went to a later command).
    const closedEarly = p.error?.kind === "closed" && (p.error.step ?? 0) <= 2;
    const version = quitObeyedUnasked(p) ? "v2"
        : firstEhlo ? (heloGotEhloReply(p) ? "v1" : "either")
            : closedEarly ? "either" : "v1";
    const said = HEADER_WORDS[version];
    const codes = early.map((r) => r.code);
    const what = firstEhlo?.reply
        ? `The server's replies ran ahead of smtp-gate's commands from the start: its first answer, to EHLO, was ${(0,rule/* codeText */.ph)(firstEhlo)} ("${firstEhlo.reply.lines.join(" ")}"), ${lateSign(p, firstEhlo, version)} — answers to lines smtp-gate never sent, written to the MTA before its first command`
        : `Right after its greeting, before smtp-gate sent anything, the server sent ${codes.length === 1 ? `a reply (${codes[0]}) to a line` : `${codes.length} replies (${codes.join(", ")}) to lines`} smtp-gate never sent${closedEarly ? " and closed the connection" : ""}`;
    const f = (0,rule/* finding */.gk)("proxy-header-from-balancer", "error", null, `${what}: ${said.message}`, [said.cause], [
        `Either stop the header on the balancer — ${said.stop} — or make this listener expect it (below); not both.`,
        "To keep the clients' addresses, make the MTA's listener read the header: Postfix `-o smtpd_upstream_proxy_protocol=haproxy` on this smtpd's master.cf entry (postscreen: `postscreen_upstream_proxy_protocol = haproxy`); Exim `hosts_proxy = BALANCER-ADDRESS`. Then the port takes no client without a header.",
        "Probe the MTA's port directly with `proxy-protocol: v1` (CLI `--proxy-protocol v1`, or `v2`) once it expects the header.",
    ], [
        { cause: "The MTA talks out of turn (an unsolicited or duplicated reply of its own).", evidence: `its first extra answer (${codes[0] ?? firstEhlo?.reply?.code}) refuses a line that is not a command, and it was sent before smtp-gate's first command could be read` },
        ...(firstEhlo ? [{ cause: "An SMTP-inspecting firewall that refuses EHLO (Cisco \"inspect esmtp\").", evidence: "the replies run one behind the commands, which no inspecting firewall causes; it refuses commands, it does not answer lines nobody sent" }] : []),
    ], "proxy-protocol");
    return { finding: f, claims: outOfStepClaims(p) };
}
/** Every step that did not pass, and the close: they follow from the one cause, replies out of step. */
function outOfStepClaims(p) {
    const claims = p.steps.flatMap((s, i) => (i > 0 && s.verdict !== "pass" ? [i] : []));
    if (p.error?.step != null && !claims.includes(p.error.step))
        claims.push(p.error.step);
    return claims;
}
/** What shows that EHLO's refusal answered someone else's lines. */
function lateSign(p, ehlo, version) {
    if (version === "v2")
        return "and it sent 221 and closed before smtp-gate sent any QUIT";
    const piped = pipeliningComplaint(p);
    if (piped)
        return `and ${piped === ehlo ? "that" : `its answer to ${(0,rule/* quoted */.TL)(piped)}`} is a complaint of commands sent before their turn, though smtp-gate sent each command alone`;
    if (heloGotEhloReply(p))
        return "and each later command got the reply meant for the one before (HELO got EHLO's keywords)";
    const quit = p.steps.find((x) => x.verb === "QUIT" && x.reply && x.reply.code !== 221 && x.reply.code !== 421);
    if (quit?.reply)
        return `and each later command got the reply meant for the one before (QUIT got ${quit.reply.code})`;
    return `and more replies came than smtp-gate sent commands (${p.unsolicitedReplies} extra)`;
}
/** What each version of the header does to an MTA that does not expect it, and who sends it. */
const HEADER_WORDS = {
    v1: {
        message: "the PROXY protocol v1 line (`PROXY TCP4 …`) a balancer in front writes first, read by this MTA as a command. Every session through the balancer starts one reply out of step: a sender takes that error for its EHLO's answer, and every later reply answers the command before, so this path cannot carry mail reliably.",
        cause: "A balancer sends a PROXY protocol v1 header to a listener that does not expect it: HAProxy `send-proxy` on the `server` line, nginx `stream` with `proxy_protocol on`, or another proxy set to send it.",
        stop: "HAProxy: remove `send-proxy` from this backend's `server` line; nginx `stream`: `proxy_protocol off;`",
    },
    v2: {
        message: "errors and then 221 are how an SMTP server answers the PROXY protocol v2 signature, whose bytes hold blank lines and a QUIT so that a server not expecting the header quits. A balancer in front sends PROXY protocol v2 to this MTA, which does not expect it: every session through the balancer ends before EHLO, so this path cannot carry mail.",
        cause: "A balancer sends PROXY protocol v2 to a listener that does not expect it: HAProxy `send-proxy-v2` on the `server` line, an AWS Network Load Balancer target group with proxy protocol v2, or another proxy (Envoy, Traefik) set to send it.",
        stop: "HAProxy: remove `send-proxy-v2` from this backend's `server` line; AWS NLB: turn proxy protocol v2 off on the target group",
    },
    either: {
        message: "the PROXY protocol header a balancer in front writes first (the v1 text line or the v2 binary block; the replies do not tell which), read by this MTA as commands, after which it ended the session. Every session through the balancer ends so, and this path cannot carry mail.",
        cause: "A balancer sends a PROXY protocol header to a listener that does not expect it: HAProxy `send-proxy` or `send-proxy-v2` on the `server` line, nginx `stream` with `proxy_protocol on`, an AWS NLB target group with proxy protocol v2.",
        stop: "HAProxy: remove `send-proxy` / `send-proxy-v2` from this backend's `server` line; nginx `stream`: `proxy_protocol off;`; AWS NLB: turn proxy protocol v2 off on the target group",
    },
};
/**
 * Haraka reads a PROXY line only from the hosts its PROXY support lists; from any other it answers
 * "421 PROXY not allowed from ADDRESS" and closes (DENYSOFTDISCONNECT, so that a configuration
 * error defers mail rather than refusing it). The balancer sends the header; the MTA would take it
 * but not from there.
 */
function proxyNotAllowed(p, text) {
    const f = (0,rule/* finding */.gk)("proxy-header-from-balancer", "error", null, `Right after its greeting the server answered "${text}" — to a PROXY protocol line smtp-gate never sent — and closed: a balancer in front sends the PROXY header, and this MTA (Haraka's words) takes it only from the balancer addresses it lists, which do not include this one. Every session through the balancer ends there; the 421 makes senders retry, but this path carries no mail.`, ["The MTA's PROXY support is off or does not list the balancer's address: Haraka's connection.ini `[haproxy]` `hosts[]` (older releases: config/haproxy_hosts)."], [
        "Haraka: add the balancer's address (the one in the reply) to connection.ini `[haproxy]` `hosts[]` (older releases: config/haproxy_hosts); Haraka then waits for the header from it, so its health checks need the header too (HAProxy `check-send-proxy`).",
        "Or stop the header on the balancer: HAProxy: remove `send-proxy` / `send-proxy-v2` from this backend's `server` line.",
    ], [], "proxy-protocol");
    return { finding: f, claims: outOfStepClaims(p) };
}
/**
 * The implicit-TLS handshake finished and then nothing came until the timeout: whatever finished
 * the handshake waits on its backend. A TLS terminator (stunnel, HAProxy `ssl`, nginx `stream`)
 * whose backend is itself an implicit-TLS port (465) speaks plain text to a server that waits for
 * a TLS handshake; neither side says a word. An MTA that does its own TLS greets at once.
 */
function backendSilent(p) {
    const g = p.steps[0];
    if (!g || p.tlsMode !== "implicit" || !p.tls || p.error?.kind !== "timeout" || p.error.step !== 0 || !serverSilent(p))
        return null;
    const f = (0,rule/* finding */.gk)("middlebox-backend-silent", "error", 0, `The TLS handshake on port ${p.port} completed (${p.tls.protocol ?? "TLS"}), then nothing came — no greeting within ${seconds(g.ms)}: what finished the handshake is waiting on something behind it. A TLS terminator in front of the MTA (stunnel, HAProxy \`ssl\`, nginx \`stream\`) waits like this when its backend waits for the client to speak first: an implicit TLS port, which waits for a TLS handshake inside the tunnel, or a port that is not SMTP at all (an HTTP service waits for a request). Nothing of the production sequence was tested.`, [
        "The terminator's backend is the MTA's implicit-TLS port (465, Postfix `smtpd_tls_wrappermode = yes`): stunnel's `connect =`, HAProxy's `server` line or nginx's `proxy_pass` points at it, so TLS would have to run twice.",
        "The terminator points at the wrong port, a service that waits for its client (HTTP, a PROXY listener with no timeout of its own); or the MTA holds its greeting back longer than the timeout.",
    ], [
        "Point the terminator at the MTA's plain listener (port 25 or 587 without wrapper mode): stunnel `connect = MTA-ADDRESS:25`, HAProxy `server mta MTA-ADDRESS:25`; the terminator does the TLS. From the terminator's host, `nc -v BACKEND PORT` must show a 220 greeting at once.",
        "If the backend must stay implicit TLS, do not terminate in front of it: pass the bytes through (HAProxy `mode tcp` without `ssl` on the `bind` line), or make the terminator a TLS client to it (stunnel: a second service with `client = yes`; HAProxy: `server … ssl verify required ca-file …`).",
        "Read the terminator's log for this connection: stunnel logs the service and `connect` address it used.",
    ]);
    return { finding: { ...f, cause: "middlebox" }, claims: [0] };
}
/**
 * Accepted, then closed before any greeting and without waiting: a balancer with no live backend
 * (HAProxy closes when every server of the backend is down). After a finished TLS handshake: a
 * TLS terminator whose backend (`connect =`) is down. The MTA never saw the connection.
 */
function backendDown(p) {
    const g = p.steps[0];
    if (!g || p.error?.kind !== "closed" || p.error.step !== 0 || !serverSilent(p) || g.ms >= RETRIED_MS)
        return null;
    if (g.ms >= WAITED_MS)
        return p.tls || p.tlsMode === "implicit" ? null : backendRetried(p, g);
    if (p.tls) {
        const f = (0,rule/* finding */.gk)("middlebox-backend-down", "error", 0, `The TLS handshake on port ${p.port} completed (${p.tls.protocol ?? "TLS"}), then the connection was ${/reset|ECONNRESET/i.test(p.error.message) ? "reset" : "closed"} before any greeting: the TLS was done by a terminator in front of the MTA (stunnel, HAProxy \`ssl\`, nginx \`stream\`), which could not reach the MTA behind it. The MTA never saw this connection, so its log has nothing on it.`, ["The terminator's backend is down or refuses it: stunnel's `connect =`, HAProxy's `server` line, nginx's `proxy_pass` point at a port where the MTA does not listen (or not on that address)."], [
            "Read the terminator's log: stunnel (`output =` or syslog) says \"s_connect: connect …: Connection refused\"; HAProxy's log line shows the termination state `SC`.",
            "Check that the address and port it connects to (stunnel `connect =`, HAProxy `server`) is the MTA's plain listener, and that the MTA is up: `nc -v BACKEND PORT` from the terminator's host.",
        ]);
        return { finding: { ...f, cause: "middlebox" }, claims: [0] };
    }
    if (p.tlsMode === "implicit")
        return null;
    const f = (0,rule/* finding */.gk)("middlebox-backend-down", "error", 0, `Port ${p.port} accepted the connection and closed it at once (${seconds(g.ms)}), before any greeting: a balancer or proxy in front of the MTA with no live backend closes like this (HAProxy when every server of the backend is down). An MTA that refuses a client says why (a 421 or 554 greeting).`, [
        "A balancer (HAProxy, an NLB, nginx `stream`) whose backend servers are all down or failing their health checks.",
        "A TCP wrapper or firewall on the host that accepts and then drops this client.",
    ], [
        "Read the balancer's log and backend state: HAProxy logs \"no server available\" and `show stat` on its admin socket shows every server DOWN; fix the backend or its health check.",
        "Check that the backend's address and port are the MTA's and that the MTA answers there: `nc -v BACKEND PORT` from the balancer's host.",
    ]);
    return { finding: { ...f, cause: "middlebox" }, claims: [0] };
}
/**
 * Accepted, silent for a few seconds, closed without a byte: sooner than a PROXY listener gives up
 * (RETRIED_MS), as HAProxy does after retrying a backend server that refuses it — a dead server
 * without `check`, so HAProxy still picks it. Which it is the bytes do not say; both are listed.
 */
function backendRetried(p, g) {
    const f = (0,rule/* finding */.gk)("middlebox-backend-down", "error", 0, `Port ${p.port} accepted the connection, stayed silent for ${seconds(g.ms)} and closed it without a greeting: a balancer in front of the MTA that could not reach the backend server it picked closes like this after its retries (HAProxy retries a refused server \`retries\` times, min(\`timeout connect\`, 1 s) apart: about 3 s). A listener that waits for a PROXY header gives up later (Postfix after 5 s, with a 421). The MTA behind it never saw this connection.`, [
        "A balancer whose chosen backend server is down and not marked so: HAProxy without `check` on the `server` line keeps sending clients to a dead server, and without `option redispatch` its retries stay on that server.",
        "A listener that waits for the client to speak first (a PROXY protocol header) with a short timeout of its own.",
    ], [
        "Read the balancer's log for this connection: HAProxy's termination state `SC` and the server it tried name the dead backend.",
        "HAProxy: add `check` to every `server` line (a dead server is then taken out), and `option redispatch` so a failed connect is retried on another server; fix or remove the dead server.",
        "If the port does require a PROXY header, probe it with `proxy-protocol: v1` (CLI `--proxy-protocol v1`).",
    ]);
    return { finding: { ...f, cause: "middlebox" }, claims: [0] };
}
/**
 * A command sent, seconds of silence, then the close with no reply. An SMTP server closes only
 * after 221, after 421, or on its own timeout waiting for the client (RFC 5321 §3.8) — never while
 * it owes the client a reply. A box between them closes so when its idle timeout is shorter than
 * the server's time to answer (a content scan at the end of DATA, a slow lookup, a greeting delay).
 */
function closedWhileOwed(p) {
    const i = p.error?.kind === "closed" ? p.error.step : null;
    const s = i !== null && i > 0 ? p.steps[i] : undefined;
    if (i === null || !s || s.reply || s.command === null || s.extra === "cleanup" || s.ms < IDLE_MS || p.steps.some((x) => x.reply?.code === 421))
        return null;
    // nginx's mail proxy holds both connections: when it is in front, its proxy_timeout is the first suspect.
    const nginx = p.server?.via === "nginx";
    const who = nginx ? "nginx's mail proxy, which holds both connections,"
        : "a box in between (a balancer or proxy)";
    const f = (0,rule/* finding */.gk)("middlebox-idle-timeout", "error", i, `${(0,rule/* quoted */.TL)(s)} got no reply: ${seconds(s.ms)} after it was sent, the connection was closed without a word — no 421. An SMTP server closes only after 221, after 421, or when it gives up waiting for the client (RFC 5321 §3.8), not while the client waits for its reply: most likely ${who} closed the idle connection while the server was still working on the answer.`, [
        nginx
            ? "nginx's `proxy_timeout` (in the mail block; 24 h by default) is shorter than the server's time to answer this command: nginx closes a proxied session idle that long."
            : "A balancer or proxy in front has an idle timeout shorter than the server's time to answer this command: HAProxy `timeout server` (or `timeout client`), nginx `stream` `proxy_timeout`, an AWS NLB's 350 s idle timeout. The end of DATA is where servers take longest (content scanning).",
        "The server's process for this session died while working on the command (a crash in its content filter): its own log has it.",
    ], nginx
        ? [`nginx: raise \`proxy_timeout\` in the mail block above the server's slowest step (a content scan at the end of DATA can take minutes; RFC 5321 §4.5.3.2 lets a client wait 10 minutes for its reply); nginx's error log says "client timed out … while proxying" for this session.`]
        : [
            `Compare the ${seconds(s.ms)} with the balancer's timeouts: HAProxy logs the termination state \`sD\` (the server sent nothing within \`timeout server\`) for this connection.`,
            "Give the balancer timeouts longer than the server's slowest step (HAProxy: `timeout server` and `timeout client` of a few minutes for SMTP, equal in TCP mode; RFC 5321 §4.5.3.2 lets a client wait 10 minutes for the reply to the end of DATA).",
        ]);
    return { finding: { ...f, cause: "middlebox" }, claims: [i] };
}
/**
 * No greeting, and after a wait an HTTP 408: something in front parses HTTP and gave up waiting
 * for a request an SMTP client never sends (its server speaks first). HAProxy answers so ("408
 * Request Time-out") when a frontend in `mode http` — often inherited from `defaults` — reaches
 * `timeout http-request`.
 */
function httpMode(p) {
    const g = p.steps[0];
    const line = p.error?.step === 0 ? p.error.received ?? "" : "";
    if (!g || !/^HTTP\/\d(?:\.\d)? 408\b/.test(line))
        return null;
    const f = (0,rule/* finding */.gk)("middlebox-http-mode", "error", 0, `No greeting came; after ${seconds(g.ms)} of waiting, port ${p.port} answered "${line.slice(0, 60)}": something in front of the MTA parses HTTP and gave up waiting for an HTTP request, which an SMTP client never sends (the server speaks first). HAProxy answers exactly so when the frontend is in \`mode http\` — often inherited from a \`defaults\` section — and \`timeout http-request\` strikes: the balancer meant to pass SMTP through never connected the session to the MTA.`, [
        "The balancer's SMTP frontend runs in HTTP mode: HAProxy `mode http` on the frontend or inherited from `defaults`; another HTTP reverse proxy listening on the mail port.",
        "The host and port point at an HTTP service, not at the mail service.",
    ], [
        "HAProxy: `mode tcp` in the SMTP frontend and its backend (a `defaults` section with `mode http` applies to every section that does not say otherwise), with `option tcplog` instead of `option httplog`.",
        "If this port is meant to be an HTTP service, probe the MTA's own port instead.",
    ]);
    return { finding: { ...f, cause: "middlebox" }, claims: [0] };
}
/** Replies a box wrote itself: the box, not the MTA, refused (or could not reach the MTA). */
function boxReplies(p) {
    const via = (0,middleboxes/* asMiddlebox */.VQ)(p.server?.via);
    const out = [];
    p.steps.forEach((s, i) => {
        if (s.verdict === "pass" || !s.reply || s.consequenceOf !== undefined || s.extra === "cleanup")
            return;
        // An AUTH exchange's continuation lines ("***") carry the verb AUTH and the step's mechanism.
        const verb = s.command === null ? "" : s.command === "." ? "." : s.verb ?? (0,protocol_command/* verbOf */.rl)(s.command);
        const mechanism = s.sasl?.mechanism ?? (verb === "AUTH" ? /^AUTH\s+(\S+)/i.exec(s.command ?? "")?.[1]?.toUpperCase() ?? null : null);
        const row = (0,middleboxes/* boxReply */.sm)(s.reply.code, s.reply.lines.join(" "), verb, via, mechanism);
        if (!row)
            return;
        // The close that follows (nginx closes after its 451) is the same failure.
        const closedAfter = p.error?.kind === "closed" && p.error.step !== null && p.error.step > i ? p.error.step : null;
        const who = row.via ? middleboxes/* BOX_NAME */.wH[row.via] : "a content filter";
        const mta = p.server?.product ?? "the MTA behind it";
        const f = (0,rule/* finding */.gk)(row.id, closedAfter !== null ? "error" : (0,rule/* severityOf */.xJ)(s), i, `${(0,rule/* quoted */.TL)(s)} was answered ${(0,rule/* codeText */.ph)(s)} ("${s.reply.lines.join(" ")}") by ${who}, not by ${mta}: ${row.says}.${closedAfter !== null ? " It then closed the connection." : ""}${logHint(row.via)}`, [...row.causes], [...row.fixes]);
        out.push({ finding: { ...f, cause: "middlebox" }, claims: closedAfter !== null ? [i, closedAfter] : [i] });
    });
    return out;
}
/** An implicit-TLS session offered STARTTLS: the MTA behind a TLS terminator thinks it is plain text. */
function tlsTerminator(p) {
    if (p.server?.via !== "tls-terminator" || p.error)
        return null;
    const i = p.steps.findIndex((s) => /^EHLO\b/i.test(s.command ?? "") && s.class === "success");
    const f = (0,rule/* finding */.gk)("middlebox-tls-terminator", "notice", i === -1 ? null : i, `The session is implicit TLS, yet the EHLO reply offers STARTTLS: TLS on port ${p.port} is done by a terminator in front of the MTA (stunnel, HAProxy \`ssl\`, nginx \`stream\`), and the MTA behind it sees a plain-text session. The certificate clients get is the terminator's, not the MTA's.`, ["A TLS terminator forwards the decrypted session to the MTA's plain port."], ["Renew and install this port's certificate on the terminator (stunnel `cert =`, HAProxy `crt`), not in the MTA; reloading the MTA does not change it."]);
    return { finding: { ...f, cause: "middlebox" }, claims: [] };
}
function logHint(via) {
    const row = via ? (0,middleboxes/* middleboxRow */.fC)(via) : undefined;
    return row ? ` Why is written in ${row.log}.` : "";
}

;// CONCATENATED MODULE: ./src/diagnose/replies.ts
/**
 * Rules about individual replies: why a refusal happened (its root cause, contract §8), and
 * replies that break the protocol. The cause is decided from the reply's facts by the knowledge
 * tables (knowledge/root-cause.ts), then weighed with the conversation around it here.
 */












/** Every step that did not pass gets a finding with its root cause. */
const rejectedSteps = (p) => (0,rule/* perStep */.al)(p, (s, i) => {
    // A step whose failure is the session error (a TLS handshake after STARTTLS's 220) is explained by that error;
    // a reply that follows from an earlier refusal is covered by that refusal's finding.
    if (!s.reply || p.error?.step === i || explainedByCheck(s) || s.consequenceOf !== undefined)
        return null;
    if (s.verdict === "pass")
        return hungUp(p, i);
    if (starttlsRefusedUnadvertised(p) === i || heloRefused(p) === i)
        return null;
    if (s.class === "success" || s.class === "intermediate") {
        return (0,rule/* finding */.gk)("unexpected-acceptance", (0,rule/* severityOf */.xJ)(s), i, `${(0,rule/* quoted */.TL)(s)} was answered ${(0,rule/* codeText */.ph)(s)} while ${s.expected} was expected: the server accepted what the test says it must refuse.`, ["The server's policy is more permissive than the test expects (for example an unknown user accepted and bounced later)."], ["Check the MTA's restrictions for this command; if the new behaviour is intended, change the step's `=> EXPECT`."]);
    }
    const r = s.reply;
    const { id, cause, also, note, meaning, title: ownTitle, fix, fixes } = rootCauseAt(p, i);
    const where = s.command === null || s.phase.startsWith('sending "') ? "" : ` while ${s.phase}`;
    const suggestion = r.code === 500 || r.code === 502 ? suggestCommand(p, i) : null;
    const stopped = (0,engine_verdict/* sequenceStoppedBy */.GO)(s);
    const required = requiredStartTlsRefused(p) === i
        ? " STARTTLS is required (tls: starttls): the refusal is temporary and on the server's side, but nothing after STARTTLS was tested, so the target fails."
        : stopped
            ? ` The refusal is temporary and on the server's side, but it came ${stopped === "greeting" ? "instead of the greeting" : "to EHLO"}: nothing of the production sequence was tested, so the target fails.`
            : "";
    const title = ownTitle ?? (cause === "other" ? id.replace(/-/g, " ") : root_causes/* CAUSE_ENTRIES */.PK[cause].title);
    const message = `${(0,rule/* quoted */.TL)(s)} was answered ${(0,rule/* codeText */.ph)(s)} (${title})${where}; ${s.expected} was expected.${note}${suggestion ? ` ${suggestion.sentence}` : ""}${sizeNote(p.extensions, r.code)}${required}`;
    const advice = EVIDENCE_WEIGHED.has(id) ? differential(id, p, i, { leadFixes: suggestion?.fixes ?? [] }) : adviceFor(p, i, { cause, also, meaning, fix, fixes }, [...(suggestion?.fixes ?? []), ...(fix ? [fix] : [])]);
    return (0,rule/* finding */.gk)(id, required ? "error" : (0,rule/* severityOf */.xJ)(s), i, message, advice.causes, withFallback(advice.fixes), advice.ruledOut, cause);
});
/**
 * Finding ids whose causes carry conditions on the conversation (knowledge/candidate-causes.ts): the
 * differential weighs them (an unknown command: the appliance, the line endings, the TLS stream).
 */
const EVIDENCE_WEIGHED = new Set(["address-verification-refused", "command-unrecognized", "command-not-implemented", "auth-failed", "starttls-required-first", "starttls-repeated", "recipient-expansion-failed"]);
/** The finding id of a root cause, where the report has long had one of its own. */
const FINDING_ID = {
    "unknown-recipient": "unknown-user", "relay-denied": "relay-denied", "auth-failed": "auth-failed", "auth-required": "auth-required",
    "tls-required": "starttls-required-first", "tls-unavailable": "tls-unavailable", "command-unrecognized": "command-unrecognized",
    "service-unavailable": "service-closing", "message-too-big": "message-too-large", "ip-reputation": "blocklisted",
    "greylisted": "greylisted", "too-many-recipients": "too-many-recipients", "server-resource": "server-storage",
};
/** Ids for a refusal whose cause the reply does not decide, by code (RFC 5321 §4.2.2). */
const ID_BY_CODE = {
    421: "service-closing", 450: "mailbox-busy", 451: "local-error", 452: "insufficient-storage", 454: "temporary-failure",
    500: "command-unrecognized", 501: "syntax-error", 502: "command-not-implemented", 503: "bad-sequence",
    504: "parameter-not-implemented", 521: "no-mail-accepted", 530: "auth-or-tls-required", 550: "mailbox-unavailable",
    551: "user-not-local", 552: "message-too-large", 553: "mailbox-name-not-allowed", 554: "transaction-failed", 524: "recipient-expansion-failed",
    555: "parameters-not-recognized", 556: "domain-accepts-no-mail",
};
/** The root cause of step `i`'s reply: what the reply decides, weighed with the conversation (TLS, login, the recipient's domain). */
function rootCauseAt(p, i) {
    const s = p.steps[i];
    const r = s.reply;
    const verb = s.verb;
    const decision = (0,root_cause/* decideCause */.GY)({ phase: (0,root_cause/* phaseOfVerb */.y_)(verb), code: r.code, enhanced: r.enhanced, text: (0,reply/* replyWords */.uU)(r.lines), family: serverFamily(p) });
    let cause = decision.cause;
    let also = decision.also;
    let note = "";
    // A refused second STARTTLS: the session is already encrypted (RFC 3207 §4.2), nothing is wrong with TLS.
    if (verb === "STARTTLS" && tlsActiveAt(p, i) && [454, 503, 554].includes(r.code))
        return { id: "starttls-repeated", cause: "bad-sequence", also: [], note };
    // VRFY and EXPN refused by policy (Exim's "550 Administrative prohibition"): not a mailbox or relay refusal (RFC 5321 §3.5.3, §7.3).
    if ((verb === "VRFY" || verb === "EXPN") && r.code >= 500 && r.code !== 500 && r.code !== 502) {
        return { id: "address-verification-refused", cause: "other", also: [], note, title: `the server does not answer ${verb}` };
    }
    // RFC 3463 X.2.4: an alias or list that expanded to nothing deliverable.
    if (verb === "RCPT" && /^[45]\.2\.4$/.test(r.enhanced ?? ""))
        return { id: "recipient-expansion-failed", cause: "other", also: ["unknown-recipient", "server-lookup-failure"], note };
    // "530 … STARTTLS" on a session already in TLS asks for something else: authentication.
    if (cause === "tls-required" && tlsActiveAt(p, i))
        cause = "auth-required";
    if (decision.contextual && also.includes("auth-required") && !loggedIn(p, i) && (0,protocol_ehlo/* findExtension */.bW)(p.extensions, "AUTH") && p.port !== 25) {
        cause = "auth-required";
        also = [];
        note = ` The reply does not say why, but the session did not log in on port ${p.port}, where the server offers AUTH.`;
    }
    else if (decision.contextual && verb === "RCPT" && (cause === "unknown-recipient" || cause === "other")) {
        const relay = inferredRelay(p, i);
        if (relay) {
            cause = "relay-denied";
            also = [];
            note = ` The reply does not say "relay", but it is a relay refusal: ${relay}.`;
        }
    }
    const id = cause === "command-unrecognized" && r.code === 502 ? "command-not-implemented"
        : FINDING_ID[cause] ?? (cause === "other" ? ID_BY_CODE[r.code] ?? "unexpected-reply" : cause);
    // The product's own reading holds only while the reply's cause stands (not once the conversation re-decided it).
    const own = cause === decision.cause;
    // An address sent without a domain, refused as malformed (501, 553, X.5.x, X.1.3/X.1.7) or in
    // words about its domain ("sender address must contain a domain"): the conversation shows the
    // syntax fault (RFC 5321 §4.1.2), whatever the words say of the sender.
    const bare = cause === "syntax-error" || cause === "sender-rejected" ? domainlessAddress(s.command, verb) : null;
    if (bare && (r.code === 501 || r.code === 553 || /^5\.(5\.\d+|1\.[37])$/.test(r.enhanced ?? "") || /domain/i.test(r.lines.join(" ")))) {
        return {
            id: FINDING_ID["syntax-error"] ?? "syntax-error", cause: "syntax-error", also: [],
            note: `${note} The address <${bare}> has no domain: RFC 5321 §4.1.2 wants local-part@domain (only <> and <postmaster> go without).`,
            fix: `Give the ${verb === "MAIL" ? "sender" : "recipient"} a fully qualified address (${bare}@ followed by a domain you own): some servers complete a bare name with a domain of their own, others refuse it (501 or 553).`,
        };
    }
    return { id, cause, also, note, ...(decision.meaning && own ? { meaning: decision.meaning } : {}), ...(decision.title && own ? { title: decision.title } : {}), ...(decision.fix && own ? { fix: decision.fix } : {}), ...(decision.fixes && own ? { fixes: decision.fixes } : {}) };
}
/** Causes and fixes from the root-cause tables: the cause, the ones the reply does not tell apart from it, and the product's own fixes first. */
function adviceFor(p, i, d, leadFixes) {
    const family = serverFamily(p);
    const { cause, also } = d;
    const undecided = cause === "other" && also.length > 0;
    const first = d.meaning ?? (undecided
        ? `The reply does not say which of these it is; the server's log at this time tells them apart: ${also.map((c) => root_causes/* CAUSE_ENTRIES */.PK[c].title).join(", or ")}.`
        : `${root_causes/* CAUSE_ENTRIES */.PK[cause].text}${evidenceFor(p, i, cause)}`);
    const causes = [first, ...also.map((c) => root_causes/* CAUSE_ENTRIES */.PK[c].text)];
    // The block list or reputation system the reply names, if any: fixes name it only then.
    const list = (0,blocklists/* namedList */.w)((0,reply/* replyWords */.uU)(p.steps[i]?.reply?.lines ?? []));
    const own = d.fixes ? (0,root_causes/* pickFixes */.Zj)(d.fixes, family, list) : undecided ? (0,root_causes/* fixesFor */.fE)("other", family) : (0,root_causes/* fixesFor */.fE)(cause, family, list);
    const fixes = [...leadFixes, ...own, ...also.flatMap((c) => (0,root_causes/* fixesFor */.fE)(c, family, list).slice(0, 1))];
    const rcpt = /<([^<>]+)>/.exec(p.steps[i]?.command ?? "")?.[1] ?? "ADDRESS";
    return { causes: [...new Set(causes)], fixes: [...new Set(fixes.map((f) => forTarget(f.replace(/\{rcpt\}/g, rcpt), p)))], ruledOut: [] };
}
/** What this conversation adds to a cause, as a sentence, or "". */
function evidenceFor(p, i, cause) {
    if (cause === "relay-denied")
        return loggedIn(p, i) ? " Here: the session authenticated and was still refused, so this login has no relay right." : " Here: this session did not authenticate.";
    return "";
}
/**
 * A 221 to a command other than QUIT: the server ended the session on it (Postfix answers HTTP
 * and other non-SMTP commands so). The step passed its expectation, but the session is over.
 */
function hungUp(p, i) {
    const s = p.steps[i];
    const verb = s.verb;
    if (s.reply?.code !== 221 || verb === null || verb === "QUIT" || s.extra)
        return null;
    const { cause } = rootCauseAt(p, i);
    const entry = root_causes/* CAUSE_ENTRIES */.PK[cause];
    return (0,rule/* finding */.gk)("closed-on-command", "warning", i, `${(0,rule/* quoted */.TL)(s)} was answered ${(0,rule/* codeText */.ph)(s)}: the server closed the session on this command (${entry.title}).`, [entry.text], (0,root_causes/* fixesFor */.fE)(cause, serverFamily(p), (0,blocklists/* namedList */.w)((0,reply/* replyWords */.uU)(s.reply.lines))).map((f) => forTarget(f, p)), [], cause);
}
/**
 * A recipient refusal whose words do not say why (OpenSMTPD "550 Invalid recipient", a bare
 * 550) from an unauthenticated session, for a domain the server does not seem to serve, is a
 * relay refusal. Null when the session logged in or the domain is local.
 */
function inferredRelay(p, i) {
    if (loggedIn(p, i))
        return null;
    const domain = recipientDomain(p.steps[i]?.command ?? "");
    if (!domain || servedHere(p, i, domain))
        return null;
    return `the session did not authenticate and ${domain} is not a domain this server appears to serve`;
}
/** Whether the session authenticated (235) before step `i`. */
const loggedIn = (p, i) => p.steps.slice(1, i).some((x) => x.verb === "AUTH" && x.reply?.code === 235);
const recipientDomain = (command) => /<[^<>@]*@([^<>\s]+)>/.exec(command)?.[1]?.toLowerCase() ?? null;
/** The last two labels: enough to tell example.net from mx.example.com's example.com. */
const base = (name) => name.toLowerCase().split(".").filter(Boolean).slice(-2).join(".");
/** Whether `domain` looks like one the server receives for: its own host's domain, or one a RCPT of this session was accepted for. */
function servedHere(p, i, domain) {
    const hosts = [p.steps[0]?.reply?.lines[0], ...p.steps.filter((x) => x.verb === "EHLO" && x.class === "success").map((x) => x.reply?.lines[0])]
        .map((l) => (l ?? "").trim().split(/\s+/)[0] ?? "").filter((h) => h.includes("."));
    if (hosts.some((h) => base(h) === base(domain) || h.toLowerCase() === domain))
        return true;
    return p.steps.some((x, j) => j !== i && x.verb === "RCPT" && x.class === "success" && recipientDomain(x.command ?? "") === domain);
}
/** With `tls: starttls`, the STARTTLS step the server refused without having advertised it: starttls-not-advertised covers it. */
function starttlsRefusedUnadvertised(p) {
    if (p.tlsMode !== "starttls" || (0,protocol_ehlo/* findExtension */.bW)(p.extensionsBeforeTls ?? p.extensions, "STARTTLS"))
        return -1;
    return p.steps.findIndex((x) => x.verb === "STARTTLS" && x.class === "permanent");
}
/** Accepted relay RCPTs and confirming VRFYs have their own findings (policy.ts). */
function explainedByCheck(s) {
    if (s.check === "open-relay")
        return s.verb === "RCPT" && s.class === "success";
    if (s.check === "vrfy")
        return s.reply?.code === 250 || s.reply?.code === 251;
    return false;
}
/** A code the tables do not know still gets something to do. */
function withFallback(fixes) {
    return fixes.length ? fixes : ["Read the reply text: servers name the policy or limit that fired.", "Look at the MTA's log for this session's time to see why it answered so."];
}
function sizeNote(extensions, code) {
    if (code !== 552 && code !== 452)
        return "";
    const size = (0,protocol_ehlo/* findExtension */.bW)(extensions, "SIZE");
    const limit = size ? Number(size.split(/\s+/)[1]) : NaN;
    return size ? (limit > 0 ? ` The server advertises SIZE ${limit} (${(limit / 1048576).toFixed(1)} MiB).` : " The server advertises SIZE without a fixed limit.") : "";
}
/** RFC 3463 §2 / RFC 2034: the enhanced class must agree with the reply's first digit. */
const enhancedMismatch = (p) => (0,rule/* perStep */.al)(p, (s, i) => {
    const r = s.reply;
    if (!r?.enhanced || r.code < 200)
        return null;
    const first = Math.floor(r.code / 100);
    if (first === 3 || Number(r.enhanced[0]) === first)
        return null;
    return (0,rule/* finding */.gk)("enhanced-code-mismatch", "warning", i, `${(0,rule/* quoted */.TL)(s)} was answered ${r.code} with enhanced code ${r.enhanced}, whose class ${r.enhanced[0]} contradicts the reply code; clients go by the reply code, so the reply is ${first === 4 ? "transient" : first === 5 ? "permanent" : "a success"}.`, ["A misconfigured MTA or a filter (milter, policy service) that writes its own reply text with the wrong enhanced code.", "An appliance in the path rewrote the reply."], ["Fix the reply template in the MTA or filter so the enhanced class matches the reply code (RFC 3463 §2)."]);
});
/** Bare LF line endings violate RFC 5321 §2.3.8 and are a classic source of 500s and smuggling. */
const bareLineFeeds = (p) => {
    const i = p.steps.findIndex((s) => s.reply && s.reply.ending !== "crlf");
    if (i === -1)
        return [];
    return [(0,rule/* finding */.gk)("bare-lf-replies", "warning", i, "The server's replies end lines with a bare LF instead of CRLF (RFC 5321 §2.3.8).", ["A proxy, load balancer or appliance in the path rewrites line endings.", "A non-standard or home-made SMTP server."], ["Capture the raw bytes (`openssl s_client … -crlf`, or tcpdump) on both sides of the appliances to find which one rewrites the stream."])];
};
/**
 * Replies that came before the command they would answer: the conversation is out of step, so no
 * later reply can be trusted to answer the command it seems to (RFC 5321 §4.3.1, RFC 2920 §3.1).
 * smtp-gate credits none of them to a step; the target fails, since what the server really said
 * to each command cannot be known.
 */
const unsolicitedReplies = (p) => 
// A PROXY header answered as a command has its own finding: smtp-gate's (connection.ts), or a
// balancer's, whose header put the replies out of step (middlebox.ts).
p.unsolicitedReplies && !p.proxyProtocol && !proxyHeaderFromBalancer(p)
    ? [(0,rule/* finding */.gk)("unsolicited-reply", "error", null, `The server talks out of turn: it sent ${p.unsolicitedReplies} repl${p.unsolicitedReplies === 1 ? "y" : "ies"} that no command was waiting for (RFC 5321 §4.3.1; with PIPELINING, RFC 2920 §3.1). They were not counted as answers, so the conversation cannot be trusted to show what the server said to each command.`, ["The server answers before its turn or answers a command twice (a broken or hostile SMTP implementation).", "An appliance or proxy in the path injected replies."], ["Read the transcript for the extra replies (marked \"unsolicited reply … discarded\"), and capture the raw stream on both sides of any appliance to see which one adds them."])]
    : [];

;// CONCATENATED MODULE: ./src/diagnose/policy.ts






/** Like check_smtp's warning threshold: a step slower than max-step-ms, a target slower than max-total-ms. */
const latency = (p, policy) => {
    const out = [];
    if (policy.maxStepMs !== null) {
        p.steps.forEach((s, i) => {
            if (s.ms > policy.maxStepMs) {
                const a = policyAdvice("slow-step", serverFamily(p));
                out.push((0,rule/* finding */.gk)("slow-step", "warning", i, `"${s.command ?? "greeting"}" took ${s.ms} ms, over max-step-ms ${policy.maxStepMs}.`, a.causes, a.fixes));
            }
        });
    }
    if (policy.maxTotalMs !== null && p.durationMs > policy.maxTotalMs) {
        out.push((0,rule/* finding */.gk)("slow-session", "warning", null, `The whole session took ${p.durationMs} ms, over max-total-ms ${policy.maxTotalMs}.`, ["Slow steps (see the step table), a slow network path, or a deliberately delayed greeting."], ["Find the slowest step in the table; raise the budget if the delay is intended."]));
    }
    return out;
};
const expectedExtensions = (p, policy) => {
    if (!policy.expectExtensions.length || p.error)
        return [];
    const ehlo = p.steps.reduce((last, s, i) => (s.verb === "EHLO" && s.class === "success" ? i : last), -1);
    if (ehlo === -1)
        return [];
    return policy.expectExtensions.flatMap((e) => {
        const found = (0,protocol_ehlo/* findExtension */.bW)(p.extensions, e.keyword);
        if (!found) {
            return [(0,rule/* finding */.gk)("extension-missing", "error", ehlo, `The server does not advertise ${e.keyword}, which expect-extensions requires; it offered: ${(0,rule/* list */.p_)(p.extensions)}.`, ["The MTA has it disabled, or an SMTP-inspecting appliance strips unknown extensions."], [`Enable ${e.keyword} in the MTA; compare the EHLO reply from inside the network.`])];
        }
        if (e.atLeast !== undefined) {
            const value = Number(found.split(/[\s=]+/)[1]);
            // SIZE 0 (or no value) means no fixed limit (RFC 1870 §4).
            if (Number.isFinite(value) && value > 0 && value < e.atLeast) {
                return [(0,rule/* finding */.gk)("extension-too-small", "error", ehlo, `The server advertises ${found}, below the expected ${e.keyword}>=${e.atLeast}.`, ["The limit in the MTA is lower than the production sender needs."], [`Raise it to at least ${e.atLeast}.`, ...(e.keyword.toUpperCase() === "SIZE" ? (0,root_causes/* fixesFor */.fE)("message-too-big", serverFamily(p)).slice(0, 1) : [])])];
            }
        }
        return [];
    });
};
/**
 * The test message is larger than the server's SIZE (RFC 1870 §5: the client must not send it).
 * When the server already refused the MAIL that declared it (552, RFC 1870 §6.1; Haraka says 550), its refusal's
 * finding says so with the limit, and this one would repeat it; when the transaction stopped
 * for another reason first, smtp-gate's check was not what kept DATA back, and the words say so.
 */
const oversizeMessage = (p) => {
    const o = p.oversize;
    if (!o)
        return [];
    const mail = p.steps.findIndex((s) => s.verb === "MAIL" && s.check === undefined && s.class === "permanent");
    if (mail !== -1 && rootCauseAt(p, mail).cause === "message-too-big")
        return [];
    const stoppedFirst = p.steps.some((s) => (s.verb === "MAIL" || s.verb === "RCPT") && s.check === undefined && s.verdict === "fail" && s.consequenceOf === undefined);
    return [(0,rule/* finding */.gk)("message-exceeds-size", "error", null, `The test message (${o.octets} octets) is larger than the server's SIZE ${o.limit}, so ${stoppedFirst ? "smtp-gate would not have sent it even had the transaction gone on" : "DATA was not sent"}.`, ["The configured body is larger than the server accepts (RFC 1870)."], ["Use a smaller `body`, or raise the server's limit.", ...(0,root_causes/* fixesFor */.fE)("message-too-big", serverFamily(p)).slice(0, 1)])];
};
/**
 * A MAIL that declared a SIZE over the server's advertised limit, and was accepted: the server
 * checks only the data (RFC 1870 §6 lets it), so the message would be refused after it had been
 * sent. smtp-gate's own test message over the limit has its own finding (above).
 */
const declaredSizeAccepted = (p) => {
    if (p.oversize)
        return [];
    const limit = Number((0,protocol_ehlo/* findExtension */.bW)(p.extensions, "SIZE")?.split(/\s+/)[1]);
    if (!(limit > 0))
        return [];
    return (0,rule/* perStep */.al)(p, (s, i) => {
        const declared = s.verb === "MAIL" && s.class === "success" ? Number(/\sSIZE=(\d+)/i.exec(s.command ?? "")?.[1]) : NaN;
        return declared > limit
            ? (0,rule/* finding */.gk)("size-declared-over-limit", "notice", i, `${s.command} declared ${declared} octets, over the SIZE ${limit} the server advertised, and the server accepted it: it checks the size on the data only, so such a message would be refused after it had been sent (RFC 1870 §6).`, ["The sender's message is larger than this server takes; the server does not refuse at MAIL (RFC 1870 lets it wait for the data)."], ["Keep messages under the SIZE the EHLO reply advertises (link large files instead of attaching them), or raise the server's limit.", ...(0,root_causes/* fixesFor */.fE)("message-too-big", serverFamily(p)).slice(0, 1)])
            : null;
    });
};
const openRelay = (p) => (0,rule/* perStep */.al)(p, (s, i) => s.check === "open-relay" && s.verb === "RCPT" && s.class === "success"
    ? withAdvice((0,rule/* finding */.gk)("open-relay", "error", i, `The server accepted ${s.command} from an unauthenticated client: it is an open relay.`, [], []), policyAdvice("open-relay", serverFamily(p)))
    : null);
const vrfyEnabled = (p) => (0,rule/* perStep */.al)(p, (s, i) => s.check === "vrfy" && (s.reply?.code === 250 || s.reply?.code === 251)
    ? withAdvice((0,rule/* finding */.gk)("vrfy-enabled", "error", i, `The server confirms mailboxes with VRFY (${s.reply.code} ${s.reply.lines[0] ?? ""}), which lets anyone enumerate addresses.`, [], []), policyAdvice("vrfy-enabled", serverFamily(p)))
    : null);
/** A finding with a policy table's causes and fixes. */
function withAdvice(f, a) {
    return { ...f, causes: a.causes, fixes: a.fixes };
}

;// CONCATENATED MODULE: ./src/diagnose/proxy-unknown.ts
/**
 * A PROXY header that could not carry the endpoints (through a SOCKS5 proxy that did not say its
 * bound address, or to a target given by name that the proxy resolved) says `PROXY UNKNOWN` (v1)
 * or LOCAL (v2). A listener that requires the header may refuse that: Postfix 3.7
 * (`smtpd_upstream_proxy_protocol` / `postscreen_upstream_proxy_protocol = haproxy`) logs "bad or
 * missing protocol type" for UNKNOWN and answers 421 (smtpd `4.3.0 Server local error`, postscreen
 * `4.3.2 No system resources`); it accepts v2 LOCAL. Then nothing of the server was tested: the
 * refusal follows from what smtp-gate could send, and the one finding says so.
 */

const proxyUnknownRefused = (p) => {
    const why = p.proxyHeaderUnknown;
    const greeting = p.steps[0];
    if (!why || !p.proxyProtocol || greeting?.reply?.code === 220)
        return [];
    const sent = p.proxyProtocol === "v1" ? "`PROXY UNKNOWN`" : "a PROXY v2 LOCAL header (no addresses)";
    const answer = greeting?.reply ? `answered ${greeting.reply.code} instead of a greeting` : p.error ? `gave no greeting (${p.error.message})` : "gave no greeting";
    const nameTarget = /is a name the proxy resolved/.test(why);
    return [(0,rule/* finding */.gk)("proxy-header-unknown-refused", "error", greeting ? 0 : p.error?.step ?? null, `smtp-gate sent ${sent} because the endpoints were not known (${why}), and the server ${answer}: a listener that requires the PROXY protocol refuses a header without addresses. The server behind it was not tested.`, [
            "The listener requires a PROXY header with TCP4 or TCP6 addresses; Postfix (`smtpd_upstream_proxy_protocol = haproxy`, or postscreen's) refuses UNKNOWN with \"bad or missing protocol type\" in its log and answers 421.",
        ], [
            ...(nameTarget ? [`Give the target's address instead of its name (\`host: ADDRESS\`), so that the header can carry it.`] : []),
            ...(p.proxyProtocol === "v1" ? ["Or send `proxy-protocol: v2`: its LOCAL header (no addresses) asks the server to use the connection's own, and Postfix accepts it."] : []),
            "Use a SOCKS5 proxy that reports the address it connects from in its CONNECT reply (BND.ADDR, RFC 1928 §6; Dante does), or probe the port from a host that reaches it directly.",
        ], [], "proxy-protocol")];
};

;// CONCATENATED MODULE: ./src/diagnose/rdns.ts
/**
 * Reverse DNS of the address probed (what MXToolbox calls "reverse DNS mismatch"): its PTR
 * exists, resolves back to the same address (forward-confirmed), and names the MX host or at
 * least the name the server gives itself in its banner or EHLO reply. Receivers (Gmail for every
 * IPv6 sender, many others for all) refuse or downgrade mail from an address that fails this,
 * so it matters for every MX that also sends.
 */




const DIG = (address) => `\`dig +short -x ${address}\``;
/** The name a reply line starts with: `mx1.example.com ESMTP Postfix` → `mx1.example.com`. */
function firstWord(line) {
    const w = line?.trim().split(/\s+/)[0];
    return w ? w.replace(/\.$/, "").toLowerCase() : null;
}
/** A fully qualified domain name: a host name with a dot, not an address or a bracketed literal. */
function isFqdn(name) {
    return name.includes(".") && (0,protocol_address/* ipFamily */.Mr)(name) === 0 && (0,protocol_address/* checkHost */.RC)(name) === null && !/^\d+(\.\d+)*$/.test(name);
}
const reverseDnsFindings = (p) => {
    const r = p.rdns;
    if (!r)
        return [];
    const family = r.address.includes(":") ? "IPv6" : "IPv4";
    const host = (p.mxHost ?? p.host).toLowerCase();
    const banner = firstWord(p.steps[0]?.reply?.lines[0]);
    const ehloStep = p.steps.find((s) => s.verb === "EHLO" && s.class === "success");
    const ehlo = firstWord(ehloStep?.reply?.lines[0]);
    const out = [];
    if (r.error) {
        out.push((0,rule/* finding */.gk)("ptr-lookup-failed", "warning", null, `The PTR lookup for ${r.address} failed (${r.error}): its reverse DNS could not be checked.`, ["The reverse zone's name servers fail or do not answer (often the hosting provider's)."], [`Check with ${DIG(r.address)}; ask whoever holds the address block to fix the reverse zone.`]));
    }
    else if (!r.names.length) {
        out.push((0,rule/* finding */.gk)("ptr-missing", "warning", null, `${r.address} (${family}) has no PTR record: mail this host sends from it is refused or marked by many receivers${family === "IPv6" ? " (Gmail refuses IPv6 senders without one)" : ""}.`, ["The reverse zone of the address has no entry for it; reverse DNS is set by whoever holds the address block, usually the hosting provider, not in the domain's own zone."], [`Ask the provider to set the PTR of ${r.address} to ${host}, then check with ${DIG(r.address)}.`]));
    }
    else if (!r.confirmed.length) {
        out.push((0,rule/* finding */.gk)("ptr-mismatch", "warning", null, `The PTR of ${r.address} names ${r.names.join(", ")}, which does not resolve back to ${r.address}: forward-confirmed reverse DNS fails.`, [`The name's ${family === "IPv6" ? "AAAA" : "A"} record is missing or points elsewhere (an address was changed on one side only).`], [`Give ${r.names[0]} the ${family === "IPv6" ? "AAAA" : "A"} record ${r.address}, or set the PTR to a name that has it (${host}); check with ${DIG(r.address)} and \`dig +short ${r.names[0]} ${family === "IPv6" ? "AAAA" : "A"}\`.`]));
    }
    else if (![host, banner, ehlo].some((n) => n !== null && r.confirmed.includes(n))) {
        out.push((0,rule/* finding */.gk)("ptr-name-mismatch", "warning", null, `The PTR of ${r.address} is ${r.confirmed.join(", ")} (it resolves back), but it names neither the host probed (${host}) nor the name the server gives itself (${[banner, ehlo].filter((n) => n).join(" / ") || "none"}).`, ["The PTR still carries the provider's generic name, or the MTA announces a name other than its PTR."], [`Make the PTR, the MX host and the MTA's own name agree: set the PTR of ${r.address} to ${host}, and the MTA's own name to the same.`, ...policyAdvice("server-name", serverFamily(p)).fixes.slice(0, 1)]));
    }
    const own = banner ?? ehlo;
    if (own !== null && !isFqdn(own)) {
        out.push((0,rule/* finding */.gk)("banner-name-not-fqdn", "notice", 0, `The server names itself "${own}" in its ${banner !== null ? "banner" : "EHLO reply"}, which is not a fully qualified domain name (RFC 5321 §4.1.1.1 and §4.3.1 expect the server's FQDN there).`, ["The MTA's host name is a bare host name or a placeholder."], policyAdvice("server-name", serverFamily(p)).fixes));
    }
    return out;
};

;// CONCATENATED MODULE: ./src/diagnose/unroutable.ts
/**
 * A host name that resolves to a usable address and also to one that can never be a remote MTA
 * (engine/address-scope.ts): the probe went to the usable one, but a sender that picks the other
 * fails. A warning that names it; a name with no usable address at all is a failed target of its
 * own (error kind dns, the same finding id, from the error-kind table).
 */



const ADVICE = ERROR_IN_PHASE.find((a) => a.id === "unroutable-address");
const unroutableAddresses = (p) => {
    if (!p.unroutable?.length || !ADVICE)
        return [];
    const listed = p.unroutable.map((u) => `${u.address} (${u.why})`).join("; ");
    return [(0,rule/* finding */.gk)("unroutable-address", "warning", null, `${p.host} also resolves to ${listed}: it can never be a remote MTA, so smtp-gate did not connect to it${p.address ? ` and probed ${p.address}` : ""}. A sender that picks that address cannot deliver.`, ADVICE.causes, ADVICE.fixes.map((f) => forTarget(f, p)))];
};

;// CONCATENATED MODULE: ./src/diagnose/pipelining.ts
/**
 * RFC 2920 PIPELINING gone wrong: replies lost (a timeout inside a pipelined group), merged or
 * out of order (a reply that cannot answer the command it lines up with).
 */




/** Reply codes that can answer each pipelined verb (RFC 5321 §4.3.2); 4xx/5xx fit any. */
const PLAUSIBLE = {
    MAIL: [250], RCPT: [250, 251, 252], RSET: [250], DATA: [354], QUIT: [221],
};
/** RFC 3463 subjects that mark a reply as being about the sender (X.1.0) or a recipient (X.1.5). */
const SUBJECT = { MAIL: /^\d\.1\.[5]$/, RCPT: /^\d\.1\.0$/ };
const brokenPipelining = (p) => {
    const i = p.steps.findIndex((s) => {
        if (!s.pipelined || !s.verb)
            return false;
        const verb = s.verb;
        if (!s.reply)
            return p.error?.step !== undefined && p.error.kind === "timeout";
        const c = s.reply.code;
        const fits = c >= 400 || (PLAUSIBLE[verb] ?? []).includes(c);
        const crossed = s.reply.enhanced !== null && (SUBJECT[verb]?.test(s.reply.enhanced) ?? false);
        return !fits || crossed;
    });
    if (i === -1)
        return [];
    const s = p.steps[i];
    const lost = !s?.reply;
    const advice = policyAdvice("pipelining-broken", serverFamily(p));
    return [(0,rule/* finding */.gk)("pipelining-broken", "error", i, lost
            ? `The server advertised PIPELINING but a reply to a pipelined command never came (${s?.command}): replies were lost.`
            : `The reply to pipelined "${s?.command}" (${s?.reply ? (0,reply/* replyCodeText */.tI)(s.reply) : ""}) cannot answer that command: replies came merged or out of order.`, advice.causes, advice.fixes)];
};

;// CONCATENATED MODULE: ./src/protocol/message.ts
/**
 * The test message sent after DATA (RFC 5321 §4.5.2 dot-stuffing, §4.5.3.1.6 998-octet lines).
 * Marked as a test so that nobody mistakes it for mail and no auto-responder answers it.
 */

const MAX_TEXT_LINE_OCTETS = 998;
/** RFC 5322 §3.3 date-time, e.g. `Sat, 28 Nov 2026 20:53:10 +0000`. */
function rfc5322Date(d) {
    const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const p = (n) => String(n).padStart(2, "0");
    return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
const DEFAULT_BODY = [
    "This is a test message sent by smtp-gate to check a mail path.",
    "It was sent because the probe was run with send enabled; no reply is needed.",
    "",
    "The next three lines start with dots and prove the sender's dot-stuffing:",
    ".",
    "..",
    ".x",
    "End of test message.",
].join("\n");
/** Builds the message text: headers and body, lines joined with LF (framing comes later). */
function buildTestMessage(m) {
    const domain = m.helo.replace(/^\[|\]$/g, "") || "localhost";
    const body = m.body ?? DEFAULT_BODY;
    const headers = [
        `From: <${m.from}>`,
        `To: ${m.to.map((t) => `<${t}>`).join(", ")}`,
        `Subject: smtp-gate test message`,
        `Date: ${rfc5322Date(m.date ?? new Date())}`,
        `Message-ID: <${(0,builtins/* loadCrypto */.QZ)().randomUUID()}@${domain}>`,
        `Auto-Submitted: auto-generated`,
        `X-Smtp-Gate: test`,
        `MIME-Version: 1.0`,
        `Content-Type: text/plain; charset=utf-8`,
        `Content-Transfer-Encoding: ${isAscii(body) ? "7bit" : "8bit"}`,
    ];
    return `${headers.join("\n")}\n\n${body}`;
}
function isAscii(text) {
    // eslint-disable-next-line no-control-regex
    return /^[\x00-\x7f]*$/.test(text);
}
/**
 * The MAIL FROM parameters a production sender adds for what the server advertised:
 * SIZE= (RFC 1870), BODY=8BITMIME for 8-bit content (RFC 6152), SMTPUTF8 for UTF-8 addresses
 * (RFC 6531). `advertised` tells whether a keyword was offered.
 */
function mailParameters(o) {
    const p = [];
    if (o.size !== null && o.advertised("SIZE"))
        p.push(`SIZE=${o.size}`);
    if (o.eightBit && o.advertised("8BITMIME"))
        p.push("BODY=8BITMIME");
    if (o.utf8Addresses && o.advertised("SMTPUTF8"))
        p.push("SMTPUTF8");
    return p.map((x) => ` ${x}`).join("");
}
/**
 * Frames a message for DATA: every line ending becomes CRLF, every line that starts with "."
 * gets one more (all of them, not just the first), over-long lines are folded at 998 octets,
 * and the terminating `.` line is appended.
 */
function frameForData(text) {
    const out = crlfLines(text).map((piece) => (piece.startsWith(".") ? `.${piece}` : piece));
    out.push(".");
    return Buffer.from(`${out.join("\r\n")}\r\n`, "utf8");
}
/**
 * Frames a message as one BDAT chunk (RFC 3030 §2): CRLF line endings and folded lines as for
 * DATA, but no dot-stuffing and no terminator — the chunk's size says where it ends.
 */
function frameForBdat(text) {
    return Buffer.from(`${crlfLines(text).join("\r\n")}\r\n`, "utf8");
}
/** The message's lines, each at most 998 octets (RFC 5321 §4.5.3.1.6), to be joined with CRLF. */
function crlfLines(text) {
    const lines = text.replace(/\r\n|\r|\n/g, "\n").split("\n");
    if (lines[lines.length - 1] === "")
        lines.pop();
    return lines.flatMap((line) => splitOctets(line, MAX_TEXT_LINE_OCTETS - 1));
}
/** Splits a line into pieces of at most `max` UTF-8 octets without cutting a character. */
function splitOctets(line, max) {
    if (Buffer.byteLength(line, "utf8") <= max)
        return [line];
    const pieces = [];
    let cur = "";
    let n = 0;
    for (const ch of line) {
        const len = Buffer.byteLength(ch, "utf8");
        if (n + len > max) {
            pieces.push(cur);
            cur = "";
            n = 0;
        }
        cur += ch;
        n += len;
    }
    pieces.push(cur);
    return pieces;
}

;// CONCATENATED MODULE: ./src/protocol/smuggling.ts
/**
 * SMTP smuggling (SEC Consult, December 2023; CVE-2023-51764 Postfix, CVE-2023-51765 Sendmail,
 * CVE-2023-51766 Exim): a receiving server that accepts an end of data other than
 * `<CR><LF>.<CR><LF>` (RFC 5321 §4.1.1.4, §2.3.8) lets a sender hide a second message inside
 * the first. The variants tried, and their sources:
 *
 * - SEC Consult, "SMTP Smuggling – Spoofing E-Mails Worldwide"
 *   (https://sec-consult.com/blog/detail/smtp-smuggling-spoofing-e-mails-worldwide/):
 *   `<LF>.<LF>`, `<LF>.<CR><LF>`, `<CR>.<CR><LF>`, `<CR><LF>\0.<CR><LF>`;
 * - the SMTP Smuggling Scanner's inbound list (github.com/The-Login/SMTP-Smuggling-Tools,
 *   smtp_smuggling_scanner.py `inbound_eod_sequences`): those plus `<LF>.<CR>`, `<CR>.<LF>`,
 *   `<CR>.<CR>`;
 * - Postfix, "SMTP Smuggling" (https://www.postfix.org/smtp-smuggling.html) and
 *   `smtpd_forbid_bare_newline` (postconf(5)): bare `<LF>` line endings, here
 *   `<CR><LF>.<LF>`; and smtp_smuggling_checker.py (github.com/suuhm) adds `<CR><LF>.<CR>`.
 *
 * Each test message carries its variant, then a harmless smuggled line (never a second MAIL),
 * then the standard end. A server that takes the variant as the end answers the message early,
 * then answers the smuggled line and the closing "." line as commands (500 each, or it closes the
 * session): extra replies, seen without reading any mailbox. The smuggled line is a verb no
 * server implements rather than NOOP: each variant ends with a NOOP whose 250 must not be
 * mistaken for the smuggled line's reply (engine/smuggling.ts).
 */


const NAMES = { "\r": "<CR>", "\n": "<LF>", "\0": "\\0" };
/** `\n.\n` → `<LF>.<LF>`. */
function variantName(bytes) {
    return [...bytes].map((c) => NAMES[c] ?? c).join("");
}
const variant = (bytes) => ({ name: variantName(bytes), bytes });
/** Every variant tried, in order: the best known first. */
const SMUGGLING_VARIANTS = [
    "\n.\n", "\n.\r\n", "\r.\r\n", "\r\n.\r", "\r\n.\n", "\r\n\0.\r\n", "\n.\r", "\r.\n", "\r.\r",
].map(variant);
/** The line smuggled after the variant: harmless, and never answered 250 by a server that reads it as a command. */
const SMUGGLED_COMMAND = "XSMUGGLED smtp-gate";
/**
 * The test message for one variant, as the raw bytes to write after DATA's 354: headers saying
 * what it is, a short text, the variant, the smuggled NOOP, then the standard `<CR><LF>.<CR><LF>`.
 * No line starts with "." except the variant's own dot (nothing else needs dot-stuffing).
 */
function smugglingMessage(v, m) {
    const domain = m.helo.replace(/^\[|\]$/g, "") || "localhost";
    const lines = [
        `From: <${m.from}>`,
        `To: ${m.to.map((t) => `<${t}>`).join(", ")}`,
        `Subject: smtp-gate smuggling check ${v.name}`,
        `Date: ${rfc5322Date(m.date ?? new Date())}`,
        `Message-ID: <${(0,builtins/* loadCrypto */.QZ)().randomUUID()}@${domain}>`,
        `Auto-Submitted: auto-generated`,
        `X-Smtp-Gate: smuggling-check ${v.name}`,
        `MIME-Version: 1.0`,
        `Content-Type: text/plain; charset=us-ascii`,
        ``,
        `This is a test message sent by smtp-gate's SMTP smuggling check (smuggling-check: true).`,
        `It tests whether the server ends a message at ${v.name} instead of <CR><LF>.<CR><LF>.`,
        `If the next line is the last one you see, the server did not end the message early.`,
        `Variant follows: ${v.name}`,
    ];
    return Buffer.from(`${lines.join("\r\n")}${v.bytes}${SMUGGLED_COMMAND}\r\n.\r\n`, "latin1");
}

;// CONCATENATED MODULE: ./src/diagnose/smuggling.ts



const names = (vs) => vs.map((v) => v.variant).join(", ");
const smtpSmuggling = (p) => {
    const given = p.smuggling;
    if (!given)
        return [];
    // "No smuggling" needs every variant judged: one missing from the results counts as not known.
    const missing = SMUGGLING_VARIANTS.filter((v) => !given.some((r) => r.variant === v.name))
        .map((v) => ({ variant: v.name, endedData: null, replies: [], note: "not tried: no result for this variant" }));
    const results = [...given, ...missing];
    const ended = results.filter((v) => v.endedData === true);
    const unknown = results.filter((v) => v.endedData === null);
    const tried = results.filter((v) => v.endedData !== null);
    if (ended.length) {
        const d = differential("smtp-smuggling", p, null);
        return [(0,rule/* finding */.gk)("smtp-smuggling", "error", null, `The server ended the message at ${ended.length === 1 ? "a non-standard end of data" : `${ended.length} non-standard ends of data`}: ${names(ended)} (it answered the message early, then answered the smuggled line and the closing "." as commands). A sender can hide a second message inside the first (SMTP smuggling).${unknown.length ? ` Not determined: ${names(unknown)}.` : ""}`, d.causes, d.fixes, d.ruledOut)];
    }
    const why = unknown[0]?.note ?? "unknown";
    if (!tried.length && unknown.every((v) => v.note?.startsWith("not tried: "))) {
        return [(0,rule/* finding */.gk)("smtp-smuggling-not-checked", "warning", null, `The SMTP smuggling check did not run: ${why.replace(/^not tried: /, "")}.`, ["The normal transaction did not deliver, or the server ended the session."], ["Fix what stopped the normal transaction first (see the other findings), then run the check again."])];
    }
    if (unknown.length) {
        const judged = tried.length ? `The server treated ${names(tried)} as message content (each message was answered once, then NOOP), but` : "No variant could be judged:";
        return [(0,rule/* finding */.gk)("smtp-smuggling-incomplete", "warning", null, `${judged} ${names(unknown)} could not be: ${why}. This is no evidence that the server is safe from SMTP smuggling.`, ["The server closed the connection or stopped answering after a test message, before NOOP showed that every reply to it had arrived (some servers drop the session at a bare <CR> or <LF>); or it refused a test transaction."], ["Read the `smuggling` entries and the transcript (it shows each message's bytes from the variant on, and every reply with its time) for the variant that stopped the check."])];
    }
    return [(0,rule/* finding */.gk)("smtp-smuggling-ok", "notice", null, `No SMTP smuggling: each of the ${tried.length} test messages drew its one reply and nothing more before the NOOP after it was answered (or the server refused it with 421 and closed), so it took none of ${names(tried)} as the end of data.`, [], [])];
};

;// CONCATENATED MODULE: ./src/diagnose/tls-audit.ts
/**
 * Findings of the TLS audit (contract §9, `tls-audit`): ids start with `tls-audit-`. They read the
 * handshakes' facts only (engine/tls-audit.ts), never a reply.
 *
 * One cause, one finding: what the certificate rule (tls.ts) already says about the session's own
 * certificate (its chain, its name, its expiry) is not said again here. The audit adds what only
 * it sees: the protocol versions accepted, the other key type's certificate, weak keys and
 * signatures. Fixes name the recognised product's own settings (knowledge/policy-advice.ts,
 * knowledge/certificates.ts), generic words for any other.
 */






/** RFC 8996 deprecates TLS 1.0 and 1.1; RFC 9325 §4.1 asks for neither to be negotiated. */
const DEPRECATED = ["TLSv1", "TLSv1.1"];
const NOTHING = { chain: false, name: false, expiry: false };
const tlsAuditFindings = (p, policy) => {
    const a = p.tlsAudit;
    if (!a)
        return [];
    const out = [];
    const family = tlsFamily(p);
    const where = p.address ? `${p.host} [${p.address}]` : p.host;
    const old = a.protocols.filter((v) => DEPRECATED.includes(v));
    if (old.length) {
        const advice = policyAdvice("tls-old-protocol", family);
        out.push((0,rule/* finding */.gk)("tls-audit-old-protocol", "warning", null, `${where} accepts ${old.join(" and ")} (accepted: ${a.protocols.join(", ")}); RFC 8996 deprecates them.`, advice.causes, advice.fixes));
    }
    const below = a.protocols.filter((v) => (0,config_policy/* tlsVersionRank */.ie)(v) < (0,config_policy/* tlsVersionRank */.ie)(policy.minTls));
    if (below.length && !old.length)
        out.push((0,rule/* finding */.gk)("tls-audit-below-min-tls", "warning", null, `${where} accepts ${below.join(", ")}, below min-tls ${policy.minTls}.`, [], ["Raise the server's minimum TLS version."]));
    // The session's own certificate is the one the certificate rule judged: what it said stays said once.
    const session = p.tls?.fingerprint256 ?? null;
    const said = p.tls ? certificateCovers(p.tls, policy) : NOTHING;
    const covers = (c) => (c.fingerprint256 === session ? said : NOTHING);
    const which = (c) => (a.certificates.length > 1 ? `The ${c.key} certificate of ${where}` : `The certificate of ${where}`);
    const leafOnly = a.certificates.filter((c) => !c.chainComplete && !covers(c).chain);
    if (leafOnly.length) {
        const whose = a.certificates.length > 1 ? `the ${leafOnly.map((c) => c.key).join(" and ")} certificate${leafOnly.length > 1 ? "s" : ""}` : "its certificate";
        out.push((0,rule/* finding */.gk)("tls-audit-chain-incomplete", "warning", null, `${where} sends ${whose} without the intermediate that issued ${leafOnly.length > 1 ? "them" : "it"}: clients that have not cached that intermediate cannot verify ${leafOnly.length > 1 ? "them" : "it"}.`, [CHAIN_CAUSE], [...chainSettings(family), SERVE_FULL_CHAIN]));
    }
    for (const c of a.certificates) {
        const said = covers(c);
        if (!c.matchesHost && !said.name)
            out.push((0,rule/* finding */.gk)("tls-audit-name-mismatch", "warning", null, `${which(c)} does not name ${p.mxHost ?? p.host} (it names ${c.names.join(", ") || "no DNS name"}).`, [], [`Add ${p.mxHost ?? p.host} to the certificate's names.`]));
        const bits = /^RSA (\d+)$/.exec(c.key);
        if (bits && Number(bits[1]) < 2048)
            out.push((0,rule/* finding */.gk)("tls-audit-weak-key", "warning", null, `${which(c)} has a ${c.key}-bit key; 2048 bits is the least CAs issue.`, [], ["Issue a new certificate with an RSA 2048+ or EC P-256 key."]));
        if (/sha1|md5/i.test(c.signature))
            out.push((0,rule/* finding */.gk)("tls-audit-weak-signature", "warning", null, `${which(c)} is signed with ${c.signature}.`, [], ["Reissue it with a SHA-256 signature."]));
        if (c.daysLeft !== null && c.daysLeft < policy.certMinDays && !said.expiry) {
            out.push((0,rule/* finding */.gk)("tls-audit-expiring", c.daysLeft < 0 ? "error" : "warning", null, `${which(c)} ${c.daysLeft < 0 ? "has expired" : `expires in ${c.daysLeft} days`}.`, [], [a.certificates.length > 1 ? "Renew it: each key type's certificate is renewed on its own." : "Renew it, then reload whatever terminates TLS on this port."]));
        }
    }
    return out;
};

// EXTERNAL MODULE: ./src/diagnose/transport-drift.ts
var transport_drift = __nccwpck_require__(4383);
;// CONCATENATED MODULE: ./src/diagnose/index.ts
/** Diagnosis: every rule over a finished probe, in the order their findings are shown. */






















const RULES = [
    middlebox, sessionError, notSmtp, tlsModeMismatch, proxyHeaderUnexpected, heloNotEhlo, credentialsWithheld, commandWithheld, rejectedSteps, smtpInspection, starttlsNotAdvertised, notAdvertised,
    certificate, requireTls, plaintextSession, oversizeMessage, declaredSizeAccepted, openRelay, vrfyEnabled, authBeforeTls, expectedExtensions, latency, baseline/* baselineDrift */.D,
    brokenPipelining, enhancedMismatch, bareLineFeeds, unsolicitedReplies, credentialsInClear, shortSecret, reverseDnsFindings, heloNameForm, domainlessAccepted, unroutableAddresses,
    smtpSmuggling, messageNotSent, tlsAuditFindings, transport_drift/* certificateDrift */.pt,
];
/**
 * The findings for a finished probe: one per root cause. The outcome is prepared first (replies
 * that follow from an earlier refusal marked, the server recognised).
 */
function diagnose(outcome, policy = DEFAULT_POLICY, rules = RULES) {
    return diagnosePrepared(prepareOutcome(outcome), policy, rules);
}
/** The findings for an outcome prepareOutcome() already prepared (engine/judge.ts prepares once). */
function diagnosePrepared(p, policy = config_policy/* DEFAULT_POLICY */.zj, rules = RULES) {
    // A PROXY header answered as a command puts every later reply out of step, and one refused
    // for saying UNKNOWN leaves nothing else tested: each is the one cause, and what the steps
    // seem to say follows from it.
    const outOfStep = rules.includes(proxyHeaderUnexpected) ? [...proxyHeaderUnexpected(p, policy), ...proxyUnknownRefused(p, policy)] : [];
    if (outOfStep.length)
        return outOfStep;
    // A box in front that explains a step (it answered for the MTA, or the MTA never saw the
    // session) claims it: the generic findings on that step would send the user to the MTA.
    const boxed = rules.includes(middlebox) ? middleboxFindings(p) : [];
    const claimed = new Set(boxed.flatMap((b) => b.claims));
    const out = boxed.map((b) => fitToTarget(b.finding, p));
    // Index loops: every target of a fleet passes here, and most rules find nothing.
    for (let r = 0; r < rules.length; r++) {
        const rule = rules[r];
        if (rule === middlebox)
            continue;
        const found = rule(p, policy);
        for (let i = 0; i < found.length; i++) {
            const f = found[i];
            if (f.step === null || !claimed.has(f.step))
                out.push(fitToTarget(f, p));
        }
    }
    return out.length > 1 ? mergeIdentical(out) : out;
}
/** Every fix runnable for this target: its placeholders ({host}, {port}, {openssl} …) filled. */
function fitToTarget(f, p) {
    return { ...f, fixes: f.fixes.map((x) => forTarget(x, p)) };
}
/** Findings of one id with the same message (one cause said twice, e.g. by two rules) become one. */
function mergeIdentical(fs) {
    const seen = new Set();
    return fs.filter((f) => {
        const key = `${f.id}\u0000${f.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}

;// CONCATENATED MODULE: ./src/engine/judge.ts



function judgeTarget(outcome, t) {
    const prepared = prepare_prepareOutcome(outcome);
    const findings = diagnosePrepared(prepared, t.policy);
    const verdict = (0,engine_verdict/* targetVerdict */.Fo)(prepared.steps.map((s) => s.verdict), prepared.error !== null, findings, t.failOn);
    // One copy of the outcome, not three: a fleet makes one of these per target.
    const { closedByServer: _closed, ...result } = prepared;
    return Object.assign(result, { verdict, findings });
}
/** After every target of the run: what only the results together say (diagnose/addresses.ts). */
function judgeRun(results) {
    compareAddresses(results);
}
/**
 * Findings only a later check of the run can add (the domain's MTA-STS and TLS-RPT, DANE): they
 * join the target's, and its verdict follows them by the same rule as judgeTarget's.
 */
function addFindings(r, added, failOn) {
    if (!added.length)
        return;
    r.findings.push(...added);
    r.verdict = (0,engine_verdict/* targetVerdict */.Fo)(r.steps.map((s) => s.verdict), r.error !== null, r.findings, failOn);
}

;// CONCATENATED MODULE: external "node:dns/promises"
const promises_namespaceObject = require("node:dns/promises");
;// CONCATENATED MODULE: ./src/protocol/proxy-header.ts
/**
 * The HAProxy PROXY protocol header (haproxy.org, doc/proxy-protocol.txt), sent first on a
 * connection so that a backend behind a load balancer (HAProxy, AWS NLB, Postfix postscreen with
 * `postscreen_upstream_proxy_protocol = haproxy`) learns the client's address. Pure.
 *
 *   v1:  "PROXY TCP4 192.0.2.7 198.51.100.25 51234 25\r\n"   (text, at most 107 bytes)
 *   v2:  \r\n\r\n\0\r\nQUIT\n  0x21  0x11|0x21  length  addresses ports   (binary)
 */

/**
 * The endpoints of a connection made through a SOCKS5 proxy, as the target sees it: from the
 * proxy's bound address (the CONNECT reply's BND.ADDR and BND.PORT, RFC 1928 §6) to the target's
 * address. Either may be unknown — the proxy says no usable address (0.0.0.0, port 0, a name),
 * or the target is a name the proxy resolved — and then the header can only say UNKNOWN (v1) or
 * LOCAL (v2): `unknown` says why, in words.
 */
function tunnelEndpoints(bound, target) {
    const boundFamily = bound ? (0,protocol_address/* ipFamily */.Mr)(bound.address) : 0;
    // Some proxies answer 0.0.0.0:0 (RFC 1928 leaves it to them): that says nothing of the source.
    const source = bound && boundFamily !== 0 && bound.port !== 0 && addressBytes(bound.address, boundFamily).some((x) => x !== 0) ? bound : null;
    const destination = (0,protocol_address/* ipFamily */.Mr)(target.host) !== 0 ? target.host : null;
    const missing = [
        ...(source ? [] : [bound ? `the proxy's CONNECT reply gave no usable bound address (${bound.address}:${bound.port})` : "the proxy's CONNECT reply gave its bound address as a name"]),
        ...(destination ? [] : [`the target ${target.host} is a name the proxy resolved, so its address is not known here`]),
    ];
    if (!source || !destination)
        return { unknown: missing.join("; ") };
    const endpoints = { source: source.address, sourcePort: source.port, destination, destinationPort: target.port };
    return proxy_header_familyOf(endpoints) ? endpoints : { unknown: `the proxy's bound address ${source.address} and the target's ${destination} are not of one IP family` };
}
/** The v2 signature (§2.2): it cannot start a valid v1 header or an HTTP/SMTP command. */
const V2_SIGNATURE = Buffer.from([0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0x0d, 0x0a, 0x51, 0x55, 0x49, 0x54, 0x0a]);
/** The header for these endpoints; `UNKNOWN` (v1) or LOCAL (v2) when the addresses are not both of one IP family. */
function proxyHeader(version, e) {
    const family = e ? proxy_header_familyOf(e) : null;
    return version === "v1" ? Buffer.from(v1(e, family), "latin1") : v2(e, family);
}
function proxy_header_familyOf(e) {
    const src = (0,protocol_address/* ipFamily */.Mr)(unmapped(e.source));
    return src !== 0 && src === (0,protocol_address/* ipFamily */.Mr)(unmapped(e.destination)) ? src : null;
}
/** Node reports IPv4 peers of a dual-stack socket as ::ffff:a.b.c.d; the header wants a.b.c.d. */
function unmapped(address) {
    return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}
function v1(e, family) {
    if (!e || !family)
        return "PROXY UNKNOWN\r\n";
    return `PROXY TCP${family} ${unmapped(e.source)} ${unmapped(e.destination)} ${e.sourcePort} ${e.destinationPort}\r\n`;
}
function v2(e, family) {
    if (!e || !family) {
        // Version 2, command LOCAL (0x20), family UNSPEC: the receiver uses the connection's own addresses.
        return Buffer.concat([V2_SIGNATURE, Buffer.from([0x20, 0x00, 0x00, 0x00])]);
    }
    const addresses = Buffer.concat([addressBytes(unmapped(e.source), family), addressBytes(unmapped(e.destination), family), port(e.sourcePort), port(e.destinationPort)]);
    // Version 2, command PROXY (0x21); TCP over IPv4 (0x11) or IPv6 (0x21); then the length.
    const head = Buffer.from([0x21, family === 4 ? 0x11 : 0x21, addresses.length >> 8, addresses.length & 0xff]);
    return Buffer.concat([V2_SIGNATURE, head, addresses]);
}
function port(p) {
    return Buffer.from([p >> 8, p & 0xff]);
}
/** Network-order bytes of an address already known to be of `family`. */
function addressBytes(address, family) {
    if (family === 4)
        return Buffer.from(address.split(".").map(Number));
    const [head = "", tail = ""] = address.includes("::") ? address.split("::") : [address, ""];
    const groups = (s) => (s ? s.split(":") : []);
    let h = groups(head);
    let t = groups(tail);
    // An embedded IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) is two groups.
    const fromV4 = (gs) => {
        const last = gs[gs.length - 1];
        if (!last?.includes("."))
            return gs;
        const b = last.split(".").map(Number);
        return [...gs.slice(0, -1), ((b[0] << 8) | b[1]).toString(16), ((b[2] << 8) | b[3]).toString(16)];
    };
    if (t.length)
        t = fromV4(t);
    else
        h = fromV4(h);
    const all = address.includes("::") ? [...h, ...Array(8 - h.length - t.length).fill("0"), ...t] : h;
    const out = Buffer.alloc(16);
    all.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
    return out;
}

;// CONCATENATED MODULE: ./src/engine/mx.ts
/**
 * MX expansion (RFC 5321 §5.1): a mail domain → the hosts that receive its mail, most preferred
 * first. A domain without MX records but with an address is its own implicit MX (preference 0);
 * a null MX (RFC 7505) says the domain accepts no mail at all. Failures are values, kind `dns`.
 */

const WORDS = {
    ENOTFOUND: "the domain does not exist (NXDOMAIN)",
    ENODATA: "no records of that type",
    ESERVFAIL: "the DNS server failed (SERVFAIL)",
    EREFUSED: "the DNS server refused the query",
    ETIMEOUT: "the DNS query timed out",
    ECONNREFUSED: "the DNS server could not be reached",
    EFORMERR: "the DNS server could not parse the query",
    EBADRESP: "the DNS server sent a malformed reply",
    EBADNAME: "not a valid domain name",
};
/** Does not throw: every DNS failure comes back as `{ error: { kind: "dns", … } }`. */
async function expandMx(domain, resolver = new promises_namespaceObject.Resolver()) {
    const name = domain.trim().replace(/\.$/, "").toLowerCase();
    if (!name || name.length > 253 || !/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(name)) {
        return { error: { kind: "dns", code: "EBADNAME", message: `"${domain}" is not a valid domain name` } };
    }
    let records;
    try {
        records = await resolver.resolveMx(name);
    }
    catch (e) {
        const code = codeOf(e);
        // RFC 5321 §5.1: no MX records at all → the domain itself, if it has an address.
        if (code === "ENODATA" || code === "ENOTFOUND")
            return implicitMx(name, resolver, code);
        return { error: dnsError(code, `MX lookup for ${name}`) };
    }
    if (records.length === 0)
        return implicitMx(name, resolver, "ENODATA");
    // RFC 7505 §3: a single MX whose exchange is the root (".", which c-ares gives as "").
    if (records.length === 1 && isRoot(records[0]?.exchange ?? "")) {
        return { error: { kind: "dns", code: "NULL_MX", nullMx: true, message: `${name} publishes a null MX (RFC 7505): it accepts no mail` } };
    }
    const best = new Map();
    for (const r of records) {
        if (isRoot(r.exchange))
            continue; // a "." beside real MX records is a misconfiguration; skip it
        const host = r.exchange.replace(/\.$/, "").toLowerCase();
        best.set(host, Math.min(best.get(host) ?? Infinity, r.priority));
    }
    const hosts = [...best].map(([host, preference]) => ({ host, preference }));
    hosts.sort((a, b) => a.preference - b.preference || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
    return { hosts };
}
async function implicitMx(name, resolver, mxCode) {
    const settled = await Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]);
    if (settled.some((s) => s.status === "fulfilled" && s.value.length > 0))
        return { hosts: [{ host: name, preference: 0 }], implicit: true };
    // NXDOMAIN on MX says the name does not exist at all; otherwise report what the address lookups said.
    const rejected = settled.find((s) => s.status === "rejected" && codeOf(s.reason) !== "ENODATA");
    const code = mxCode === "ENOTFOUND" ? mxCode : rejected ? codeOf(rejected.reason) : "ENODATA";
    const why = code === "ENODATA" ? "it has no MX and no address records" : WORDS[code] ?? code;
    return { error: dnsError(code, `MX lookup for ${name}`, why) };
}
function dnsError(code, what, why = WORDS[code] ?? code) {
    return { kind: "dns", code, message: `${what}: ${why}${why.includes(code) ? "" : ` (${code})`}` };
}
const isRoot = (exchange) => exchange === "" || exchange === ".";
function codeOf(e) {
    const code = e?.code;
    return typeof code === "string" ? code : "EUNKNOWN";
}

;// CONCATENATED MODULE: ./src/engine/dns.ts
/**
 * DNS for address expansion and forward-confirmed reverse DNS: one resolver per (server, timeout)
 * per run, pointed at the configured server (`resolver: HOST[:PORT]`) or the system's, with the
 * most recently asked answers cached (RUN_DNS_CACHE of them: the MX hosts many domains share stay,
 * and a fleet of 100,000 domains does not keep every answer to the end). Every query is bounded by the target's `timeout`, and at most
 * DNS_CONCURRENCY queries are in flight at once: a zone whose servers never answer costs one
 * timeout per wave of queries, not one per query in a row. PTR records are asked for by name
 * (`7.2.0.192.in-addr.arpa`, RFC 1035 §3.5; `ip6.arpa`, RFC 3596 §2.5) so that the configured
 * server answers them: node's Resolver.reverse() may answer from /etc/hosts instead.
 */



/** Queries in flight at once, per resolver: enough for an MX set's A and AAAA in one wave. */
const DNS_CONCURRENCY = 16;
/**
 * The one place a resolver is made: the user's server (or the system's), each query given up
 * after `timeoutMs` with code ETIMEOUT whatever c-ares does, at most `concurrency` in flight.
 */
function createResolver(server, timeoutMs, concurrency = DNS_CONCURRENCY) {
    // Two tries, each at most half the budget (maxTimeout stops c-ares doubling the second).
    const half = Math.max(1, Math.floor(timeoutMs / 2));
    // maxTimeout is in Node 24's Resolver, not yet in the ResolverOptions of the @types/node used here.
    const r = new promises_namespaceObject.Resolver({ timeout: half, tries: 2, maxTimeout: half });
    if (server)
        r.setServers([server.host.includes(":") ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`]);
    const slot = limiter(concurrency);
    const bounded = (ask) => (...a) => slot(() => withTimeout(ask(...a), timeoutMs));
    const resolve4 = bounded((name) => r.resolve4(name));
    const resolve6 = bounded((name) => r.resolve6(name));
    const system = bounded(async (name, family) => (await (0,promises_namespaceObject.lookup)(name, { all: true, family })).map((a) => a.address));
    return {
        resolveMx: bounded((name) => r.resolveMx(name)),
        resolve4,
        resolve6,
        resolvePtr: bounded((name) => r.resolvePtr(name)),
        resolveTxt: bounded((name) => r.resolveTxt(name)),
        lookupHost: (name, family) => (server ? (family === 4 ? resolve4(name) : resolve6(name)) : system(name, family)),
        cancel: () => {
            slot.cancel();
            r.cancel();
        },
    };
}
/** How many answers a run's DNS keeps: memory follows the concurrency, not the number of targets. */
const RUN_DNS_CACHE = 4096;
function runDns(resolver, cacheSize = RUN_DNS_CACHE) {
    const cache = new RecentlyUsed(cacheSize);
    const once = (key, ask) => {
        let p = cache.get(key);
        if (!p)
            cache.set(key, (p = ask()));
        return p;
    };
    const settle = async (ask) => {
        try {
            return await ask();
        }
        catch (e) {
            const code = e.code;
            return { code: typeof code === "string" ? code : "EUNKNOWN" };
        }
    };
    return {
        mx: (domain) => once(`MX ${domain}`, () => expandMx(domain, resolver)),
        addresses: (host, family) => once(`${family === 4 ? "A" : "AAAA"} ${host}`, () => settle(() => (family === 4 ? resolver.resolve4(host) : resolver.resolve6(host)))),
        ptr: (address) => once(`PTR ${address}`, () => settle(() => resolver.resolvePtr(reverseName(address)))),
        txt: (name) => once(`TXT ${name}`, () => settle(() => resolver.resolveTxt(name))),
        host: (name, family) => once(`host${family} ${name}`, () => settle(() => resolver.lookupHost(name, family))),
        close: () => resolver.cancel(),
    };
}
/**
 * A map that keeps its `size` most recently used entries: a Map iterates in insertion order, so a
 * hit is moved to the end and the first key is the least recently used.
 */
class RecentlyUsed {
    size;
    entries = new Map();
    constructor(size) {
        this.size = size;
    }
    get(key) {
        const v = this.entries.get(key);
        if (v !== undefined) {
            this.entries.delete(key);
            this.entries.set(key, v);
        }
        return v;
    }
    set(key, value) {
        this.entries.delete(key);
        this.entries.set(key, value);
        if (this.entries.size > this.size)
            this.entries.delete(this.entries.keys().next().value);
    }
}
/** Rejects with code ETIMEOUT once `ms` pass: the query is given up, whatever c-ares still does with it. */
function withTimeout(p, ms) {
    let timer;
    const late = new Promise((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error(`no DNS answer within ${ms / 1000}s`), { code: "ETIMEOUT" })), ms);
    });
    return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
/** Runs at most `n` of the given tasks at once; the others wait their turn, in order, until cancel(). */
function limiter(n) {
    let running = 0;
    let cancelled = false;
    const waiting = [];
    const cancelledError = () => Object.assign(new Error("the run needs no more DNS answers"), { code: "ECANCELLED" });
    const run = async (task) => {
        if (cancelled)
            throw cancelledError();
        if (running >= n)
            await new Promise((go, stop) => waiting.push({ go, stop }));
        running++;
        try {
            return await task();
        }
        finally {
            running--;
            waiting.shift()?.go();
        }
    };
    return Object.assign(run, {
        cancel: () => {
            cancelled = true;
            for (const w of waiting.splice(0))
                w.stop(cancelledError());
        },
    });
}
/**
 * `p`'s answer, or `late` once `deadline` (monotonicMs()) has passed: a target's deadline bounds
 * its whole expansion, while the query itself stays in the cache for whoever asks with more time.
 */
function beforeDeadline(p, deadline, now, late) {
    if (deadline === Infinity)
        return p;
    let timer;
    const cut = new Promise((resolve) => {
        timer = setTimeout(() => resolve(late()), Math.max(0, deadline - now));
    });
    return Promise.race([p, cut]).finally(() => clearTimeout(timer));
}
/** The name a PTR record of `address` lives at. */
function reverseName(address) {
    if (!address.includes(":"))
        return `${address.split(".").reverse().join(".")}.in-addr.arpa`;
    const nibbles = addressBytes(address, 6).toString("hex").split("");
    return `${nibbles.reverse().join(".")}.ip6.arpa`;
}
async function reverseDns(dns, address) {
    const family = address.includes(":") ? 6 : 4;
    const ptr = await dns.ptr(address);
    if (!Array.isArray(ptr)) {
        const none = ptr.code === "ENOTFOUND" || ptr.code === "ENODATA";
        return { address, names: [], confirmed: [], ...(none ? {} : { error: ptr.code }) };
    }
    const names = ptr.map((n) => n.replace(/\.$/, "").toLowerCase());
    // Each name's forward lookup at once: one timeout for all of them, not one each.
    const forward = await Promise.all(names.map((name) => dns.addresses(name, family)));
    const confirmed = names.filter((_, i) => {
        const f = forward[i];
        return Array.isArray(f) && f.some((a) => sameAddress(a, address));
    });
    return { address, names, confirmed };
}
function sameAddress(a, b) {
    if (!a.includes(":") || !b.includes(":"))
        return a === b;
    return addressBytes(a, 6).equals(addressBytes(b, 6));
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_);
;// CONCATENATED MODULE: ./src/engine/address-scope.ts
/**
 * Addresses that can never be a remote MTA (RFC 6890's special-purpose registries): smtp-gate
 * does not connect to them, whatever DNS or the configuration says. Connecting to the unspecified
 * address reaches the runner itself; a link-local one reaches whatever sits on the runner's own
 * link (169.254.169.254 is the cloud instance-metadata service); multicast and broadcast are not
 * one host at all. Loopback stays allowed: tests and SSH tunnels use it on purpose.
 */


const NEVER = [
    { prefix: "0.0.0.0", bits: 8, family: 4, why: "the unspecified address (\"this host\", RFC 1122 §3.2.1.3): connecting to it reaches the runner itself" },
    { prefix: "::", bits: 128, family: 6, why: "the unspecified address (RFC 4291 §2.5.2): connecting to it reaches the runner itself" },
    { prefix: "169.254.169.254", bits: 32, family: 4, why: "the cloud instance-metadata service's link-local address (RFC 3927), on the runner's own link" },
    { prefix: "169.254.0.0", bits: 16, family: 4, why: "a link-local address (RFC 3927): it reaches only the runner's own link" },
    { prefix: "fe80::", bits: 10, family: 6, why: "a link-local address (RFC 4291 §2.5.6): it reaches only the runner's own link" },
    { prefix: "224.0.0.0", bits: 4, family: 4, why: "a multicast address (RFC 5771), not one host" },
    { prefix: "ff00::", bits: 8, family: 6, why: "a multicast address (RFC 4291 §2.7), not one host" },
    { prefix: "255.255.255.255", bits: 32, family: 4, why: "the limited broadcast address (RFC 919), not one host" },
];
// One list per rule, so that the first rule that matches gives its reason (the metadata service before link-local).
const LISTS = NEVER.map((r) => {
    const list = new external_node_net_.BlockList();
    list.addSubnet(r.prefix, r.bits, r.family === 4 ? "ipv4" : "ipv6");
    return { list, why: r.why };
});
/** Why `address` can never be a remote MTA, or null when it may be one (names are not judged). */
function neverRemoteMta(address) {
    const family = (0,protocol_address/* ipFamily */.Mr)(address);
    if (family === 0)
        return null;
    // Parsed once for every list (a string would be parsed again by each check). BlockList matches
    // IPv4-mapped IPv6 (::ffff:169.254.169.254) against the IPv4 rules too.
    const parsed = new external_node_net_.SocketAddress({ address, family: family === 4 ? "ipv4" : "ipv6" });
    for (const l of LISTS)
        if (l.list.check(parsed))
            return l.why;
    return null;
}
/** The error message of a target not connected to, for its `dns` result. */
function notConnectedMessage(host, address, why) {
    return `${host === address ? address : `${host} resolves to ${address}`}, ${why}: it can never be a remote MTA, so smtp-gate did not connect to it`;
}

;// CONCATENATED MODULE: ./src/engine/expand.ts





/** A target's expansion budget: `within(p, late)` is p's answer, or late() once its deadline has passed. */
function budget(t) {
    const started = monotonicMs();
    const deadline = t.deadlineMs !== undefined ? started + t.deadlineMs : Infinity;
    const lateCode = { code: "EDEADLINE" };
    return {
        started,
        within: (p, late) => beforeDeadline(p, deadline, monotonicMs(), late),
        /** A lookup cut short by the deadline answers with code EDEADLINE. */
        lookup: (ask) => (host, family) => beforeDeadline(ask(host, family), deadline, monotonicMs(), () => lateCode),
        /** What is left of the target's deadline for its probe, after a lookup before it. */
        rest: () => (t.deadlineMs !== undefined ? { deadlineMs: Math.max(0, Math.round(deadline - monotonicMs())) } : {}),
    };
}
async function expandTarget(t, dns) {
    if (t.mx === undefined && !t.everyAddress)
        return [t];
    const b = budget(t);
    let hosts;
    if (t.mx !== undefined) {
        const domain = t.mx;
        const late = () => ({ error: { kind: "dns", code: "EDEADLINE", message: `MX lookup for ${domain}: ${deadlineWords(t)}` } });
        const r = await b.within(dns.mx(domain), late);
        if (!("hosts" in r) || !r.hosts.length)
            return [dnsFailure(t, domain, "error" in r ? r.error.message : `MX lookup for ${domain}: no hosts`, b.started)];
        hosts = r.hosts.map((h) => ({ host: h.host, label: `${t.name} → ${h.host} (${h.preference})` }));
    }
    else {
        hosts = [{ host: t.host, label: t.name }];
    }
    const lookup = b.lookup(t.mx !== undefined ? dns.addresses : dns.host);
    const perHost = await Promise.all(hosts.map(async ({ host, label }) => {
        const found = await addressesOf(lookup, host, t.ip, t);
        if (!Array.isArray(found))
            return [dnsFailure({ ...t, name: label }, host, found.message, b.started)];
        return Promise.all(found.map(async (address) => {
            const name = `${label} [${address}]`;
            const mxHost = t.mx !== undefined ? { mxHost: host } : {};
            const never = neverRemoteMta(address);
            if (never)
                return dnsFailure({ ...t, name, ...mxHost }, host, notConnectedMessage(host, address, never), b.started);
            const rdns = await b.within(reverseDns(dns, address), () => ({ address, names: [], confirmed: [], error: "EDEADLINE" }));
            const expanded = { ...t, host, address, name, rdns, ...mxHost };
            delete expanded.mx;
            return expanded;
        }));
    }));
    return perHost.flat();
}
/**
 * A target that was not expanded, just before its probe: an address is checked, a host name is
 * looked up through the run's resolver (the configured one, else the system's lookup) and the
 * connection goes to one of its usable addresses; through a SOCKS5 proxy the name goes as it is,
 * and the proxy's own name is what is looked up. The lookup's time comes off the target's deadline.
 */
async function resolveHost(t, dns) {
    if (t.address !== undefined || t.mx !== undefined)
        return t;
    const b = budget(t);
    if ((0,protocol_address/* ipFamily */.Mr)(t.host) !== 0) {
        const never = neverRemoteMta(t.host);
        return never ? dnsFailure(t, t.host, notConnectedMessage(t.host, t.host, never), b.started) : t;
    }
    if (t.socks5)
        return proxyLookedUp(t, dns, b);
    const found = await addressesOf(b.lookup(dns.host), t.host, t.ip, t);
    if (!Array.isArray(found))
        return dnsFailure(t, t.host, found.message, b.started);
    const usable = found.filter((a) => neverRemoteMta(a) === null);
    const unroutable = found.flatMap((address) => {
        const why = neverRemoteMta(address);
        return why ? [{ address, why }] : [];
    });
    const first = unroutable[0];
    if (!usable.length && first)
        return dnsFailure(t, t.host, notConnectedMessage(t.host, first.address, first.why), b.started);
    return { ...t, addresses: usable, ...(unroutable.length ? { unroutable } : {}), ...b.rest() };
}
/** Through a SOCKS5 proxy the target's name goes to the proxy; the proxy's own name is looked up here, like any other. */
async function proxyLookedUp(t, dns, b) {
    const proxy = t.socks5;
    if ((0,protocol_address/* ipFamily */.Mr)(proxy.host) !== 0)
        return t;
    const found = await addressesOf(b.lookup(dns.host), proxy.host, undefined, t);
    if (!Array.isArray(found))
        return dnsFailure(t, t.host, `the SOCKS5 proxy's name: ${found.message}`, b.started);
    return { ...t, socks5: { ...proxy, addresses: found }, ...b.rest() };
}
/** IPv6 first, then IPv4, or the one family asked for; both asked at once. An address literal is its own. */
async function addressesOf(lookup, host, only, t) {
    const literal = (0,protocol_address/* ipFamily */.Mr)(host);
    if (literal)
        return only === undefined || only === literal ? [host] : { message: `${host} is an IPv${literal} address, and ip is ${only}` };
    const families = only ? [only] : [6, 4];
    const answers = await Promise.all(families.map((family) => lookup(host, family)));
    const found = answers.flatMap((r) => (Array.isArray(r) ? r : []));
    if (found.length)
        return found;
    const codes = answers.flatMap((r) => (Array.isArray(r) ? [] : [r.code]));
    const kinds = families.map((f) => (f === 4 ? "A" : "AAAA")).join(" or ");
    if (codes.includes("EDEADLINE"))
        return { message: `the lookup of ${host}'s ${kinds} records: ${deadlineWords(t)}` };
    const failure = codes.find((c) => c !== "ENODATA" && c !== "ENOTFOUND");
    return { message: `${host} has no ${kinds} record${failure ? ` (the lookup failed: ${failure})` : codes.includes("ENOTFOUND") ? " (NXDOMAIN)" : ""}` };
}
function deadlineWords(t) {
    return `not answered within the target's deadline (${(t.deadlineMs ?? 0) / 1000}s)`;
}
function dnsFailure(t, host, message, started) {
    const outcome = {
        name: t.name, host, port: t.port, tlsMode: t.tls, durationMs: Math.round(monotonicMs() - started),
        error: { kind: "dns", message, step: null }, tls: null, extensions: [], extensionsBeforeTls: null, steps: [],
        transcript: [], transcriptCapped: false, unsolicitedReplies: 0, closedByServer: false, ...(t.source ? { source: t.source } : {}),
        ...(t.mxHost ? { mxHost: t.mxHost } : {}),
    };
    return judgeTarget(outcome, t);
}

// EXTERNAL MODULE: ./src/protocol/auth.ts
var auth = __nccwpck_require__(1880);
// EXTERNAL MODULE: ./src/protocol/classify.ts
var classify = __nccwpck_require__(8808);
// EXTERNAL MODULE: ./src/protocol/expect.ts
var protocol_expect = __nccwpck_require__(9567);
// EXTERNAL MODULE: ./src/protocol/steps.ts
var steps = __nccwpck_require__(7547);
// EXTERNAL MODULE: ./src/protocol/lines.ts
var lines = __nccwpck_require__(8027);
;// CONCATENATED MODULE: ./src/session/errors.ts
const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "ENODATA", "EAI_FAIL", "ESERVFAIL"]);
const CONNECT_CODES = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "ETIMEDOUT", "EADDRNOTAVAIL", "EADDRINUSE", "EACCES"]);
const CONNECT_WORDS = {
    ECONNREFUSED: "connection refused",
    EHOSTUNREACH: "host unreachable",
    ENETUNREACH: "network unreachable",
    ETIMEDOUT: "connection timed out",
    EADDRNOTAVAIL: "address not available",
};
const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);
/** Maps a Node socket error to our kinds; `phase` says what we were doing. */
function fromSocketError(err, phase) {
    const code = err.code ?? "";
    if (DNS_CODES.has(code))
        return { kind: "dns", message: `cannot resolve host (${code})`, nodeCode: code };
    if (CONNECT_CODES.has(code))
        return { kind: "connect", message: `${CONNECT_WORDS[code] ?? "cannot connect"} (${code})`, nodeCode: code };
    if (phase === "tls" || code.startsWith("ERR_SSL") || code.startsWith("ERR_TLS")) {
        const why = RESET_CODES.has(code) ? `the server reset the connection (${code})` : tlsReason(err);
        return { kind: "tls", message: `TLS handshake failed: ${why}`, nodeCode: code || undefined, ...(why !== err.message ? { detail: err.message } : {}) };
    }
    if (RESET_CODES.has(code))
        return { kind: "closed", message: `connection reset by the server (${code})`, nodeCode: code };
    if (phase === "connect")
        return { kind: "connect", message: `cannot connect: ${err.message}`, nodeCode: code || undefined };
    return { kind: "closed", message: `connection failed: ${err.message}`, nodeCode: code || undefined };
}
/**
 * OpenSSL's reason in words ("wrong version number"). Node gives it as `reason` on errors from
 * OpenSSL; the message itself is `…error:0A00010B:SSL routines:FUNCTION:REASON:FILE:LINE:`.
 */
function tlsReason(err) {
    if (typeof err.reason === "string" && err.reason)
        return err.reason;
    const m = /error:[0-9A-F]+:[^:]*:[^:]*:([^:\n]+)/.exec(err.message);
    return (m?.[1] ?? err.message).trim();
}

;// CONCATENATED MODULE: ./src/session/fixed-lookup.ts

function fixedLookup(addresses) {
    const all = addresses.map((address) => ({ address, family: (0,protocol_address/* ipFamily */.Mr)(address) }));
    return (_host, options, callback) => {
        const wanted = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        const list = wanted.length ? wanted : all;
        if (options.all)
            callback(null, list);
        else
            callback(null, list[0].address, list[0].family);
    };
}

;// CONCATENATED MODULE: ./src/protocol/socks5.ts
/**
 * SOCKS version 5 (RFC 1928) with username/password authentication (RFC 1929): the messages a
 * client writes and a parser for what the proxy answers. Pure: the session does the I/O.
 *
 *   C: 05 02 00 02                      greeting: no authentication, or username/password
 *   S: 05 02                            the proxy chose username/password (§3)
 *   C: 01 ulen user plen pass           RFC 1929 §2
 *   S: 01 00                            accepted
 *   C: 05 01 00 03 len name port        CONNECT to a domain name (ATYP 3), or 01 IPv4 / 04 IPv6 (§4)
 *   S: 05 00 00 01 a.b.c.d port         succeeded; BND.ADDR and BND.PORT (§6)
 */


/** RFC 1928 §6: what each REP code means, in words for the report. */
const SOCKS5_REPLIES = {
    1: "general SOCKS server failure",
    2: "connection not allowed by the proxy's rules",
    3: "network unreachable",
    4: "host unreachable",
    5: "connection refused by destination",
    6: "TTL expired",
    7: "command not supported",
    8: "address type not supported",
};
function socks5Greeting(credentials) {
    return Buffer.from(credentials ? [0x05, 0x02, 0x00, 0x02] : [0x05, 0x01, 0x00]);
}
/** RFC 1929 §2: each field is 1 to 255 octets. */
function socks5Auth(c) {
    const user = Buffer.from(c.username, "utf8");
    const pass = Buffer.from(c.password, "utf8");
    return Buffer.concat([Buffer.from([0x01, user.length]), user, Buffer.from([pass.length]), pass]);
}
/** CONNECT: an address as an address, a host name as a domain name so that the proxy resolves it (§4, §5). */
function socks5Connect(host, port) {
    const family = (0,protocol_address/* ipFamily */.Mr)(host);
    const address = family === 0
        ? Buffer.concat([Buffer.from([0x03, Buffer.byteLength(host)]), Buffer.from(host, "utf8")])
        : Buffer.concat([Buffer.from([family === 4 ? 0x01 : 0x04]), addressBytes(host, family)]);
    return Buffer.concat([Buffer.from([0x05, 0x01, 0x00]), address, Buffer.from([port >> 8, port & 0xff])]);
}
/**
 * Reads the proxy's answer at `step` from the bytes so far: `need` when more are to come,
 * `done` with how many bytes it took (what follows belongs to the tunnelled connection), or a
 * problem in words.
 */
function parseSocks5Reply(step, b) {
    if (step === "method") {
        if (b.length < 2)
            return { need: true };
        if (b[0] !== 0x05)
            return { problem: "the proxy does not speak SOCKS version 5" };
        if (b[1] === 0xff)
            return { problem: "the proxy accepts none of the offered authentication methods (it may require a username and password)" };
        if (b[1] !== 0x00 && b[1] !== 0x02)
            return { problem: `the proxy chose an authentication method smtp-gate did not offer (${b[1]})` };
        return { done: 2, method: b[1] };
    }
    if (step === "auth") {
        if (b.length < 2)
            return { need: true };
        return b[1] === 0x00 ? { done: 2 } : { problem: "the proxy refused the username and password (RFC 1929)" };
    }
    if (b.length < 5)
        return { need: true };
    if (b[0] !== 0x05)
        return { problem: "the proxy's answer to CONNECT is not SOCKS version 5" };
    if (b[1] !== 0x00)
        return { problem: `the proxy could not connect: ${SOCKS5_REPLIES[b[1]] ?? `reply code ${b[1]}`}` };
    const atyp = b[3];
    const addressLength = atyp === 0x01 ? 4 : atyp === 0x04 ? 16 : atyp === 0x03 ? 1 + b[4] : -1;
    if (addressLength < 0)
        return { problem: `the proxy's answer has an unknown address type (${atyp})` };
    const total = 4 + addressLength + 2;
    if (b.length < total)
        return { need: true };
    // §6: BND.ADDR and BND.PORT, the address the proxy connected to the target from; a name says no address.
    const port = b.readUInt16BE(4 + addressLength);
    if (atyp === 0x03)
        return { done: total };
    const raw = b.subarray(4, 4 + addressLength);
    const address = atyp === 0x01 ? [...raw].join(".") : (raw.toString("hex").match(/.{4}/g) ?? []).map((g) => g.replace(/^0{1,3}/, "")).join(":");
    return { done: total, bound: { address, port } };
}

;// CONCATENATED MODULE: ./src/session/socks5-tunnel.ts
/**
 * A TCP connection to the target through a SOCKS5 proxy (RFC 1928, RFC 1929): connect to the
 * proxy, agree on authentication, CONNECT to the target, and hand back the socket as if it were
 * connected to the target. Its own listeners are removed before it is handed back; bytes that
 * came with the proxy's last answer (the server's greeting, say) are handed back too, and so is
 * the address the proxy says it connected from (BND.ADDR, BND.PORT), when it says one.
 */




function openSocks5Tunnel(proxy, target, timeoutMs) {
    const where = `the SOCKS5 proxy ${proxy.host}:${proxy.port}`;
    return new Promise((resolve) => {
        const socket = external_node_net_default().connect({ host: proxy.host, port: proxy.port, noDelay: true, ...(proxy.addresses ? { lookup: fixedLookup(proxy.addresses) } : {}) });
        let step = "method";
        let buffered = Buffer.alloc(0);
        const timer = setTimeout(() => finish({ kind: "timeout", message: `${where} did not complete the ${step === "connect" ? "CONNECT to the target" : "handshake"} within ${Math.round(timeoutMs / 100) / 10}s` }), timeoutMs);
        const finish = (r) => {
            clearTimeout(timer);
            socket.off("data", onData);
            socket.off("error", onError);
            socket.off("close", onClose);
            if ("kind" in r) {
                socket.on("error", () => { });
                socket.destroy();
            }
            resolve(r);
        };
        const onError = (e) => {
            const err = fromSocketError(e, "connect");
            finish({ kind: "proxy", message: `${where}: ${err.message}`, ...(err.nodeCode ? { nodeCode: err.nodeCode } : {}) });
        };
        const onClose = () => finish({ kind: "proxy", message: `${where} closed the connection during the SOCKS5 ${step === "connect" ? "CONNECT" : "handshake"}` });
        const onData = (chunk) => {
            buffered = Buffer.concat([buffered, chunk]);
            for (;;) {
                const r = parseSocks5Reply(step, buffered);
                if ("need" in r)
                    return;
                if ("problem" in r)
                    return finish({ kind: "proxy", message: `${where}: ${r.problem}` });
                buffered = buffered.subarray(r.done);
                if (step === "method" && r.method === 0x02 && !proxy.credentials)
                    return finish({ kind: "proxy", message: `${where} asks for a username and password (set socks5-username and socks5-password)` });
                if (step === "method" && r.method === 0x02 && proxy.credentials) {
                    step = "auth";
                    socket.write(socks5Auth(proxy.credentials));
                }
                else if (step === "method" || step === "auth") {
                    step = "connect";
                    socket.write(socks5Connect(target.host, target.port));
                }
                else {
                    return finish({ socket, rest: buffered, ...(r.bound ? { bound: r.bound } : {}) });
                }
            }
        };
        socket.on("data", onData);
        socket.on("error", onError);
        socket.on("close", onClose);
        socket.once("connect", () => socket.write(socks5Greeting(proxy.credentials)));
    });
}

;// CONCATENATED MODULE: ./src/session/reply-ledger.ts
/** How many unsolicited replies are kept for unsolicitedSince(): a hostile peer may send endless ones. */
const KEPT = 256;
class ReplyLedger {
    /** Replies that answered nothing sent. */
    unsolicited = 0;
    owed = 1;
    kept = [];
    /** When set, the one reply owed is the first that passes this test (see SmtpSession.writeBarrier). */
    barrier = null;
    get owing() {
        return this.owed;
    }
    /** `n` more replies are owed (a write of n commands). */
    expect(n) {
        this.owed += n;
    }
    /**
     * Nothing is owed until the client speaks again: after a TLS handshake the session starts
     * afresh (RFC 3207 §4.2); after a peer fell out of step, nothing it still sends is waited for.
     */
    reset() {
        this.owed = 0;
        this.barrier = null;
    }
    /** The one reply owed is the first that passes `isAnswer`. */
    awaitAnswer(isAnswer) {
        this.barrier = isAnswer;
    }
    /** True when `r` answers what was sent; otherwise it is recorded as unsolicited. */
    accept(r) {
        if (this.owed === 0 || (this.barrier && !this.barrier(r))) {
            this.unsolicited++;
            if (this.kept.length < KEPT)
                this.kept.push(r);
            return false;
        }
        this.barrier = null;
        this.owed--;
        return true;
    }
    /** The unsolicited replies since `mark` (a former value of `unsolicited`), as far as kept, and how many there were. */
    since(mark) {
        return { replies: this.kept.slice(mark), count: this.unsolicited - mark };
    }
}

;// CONCATENATED MODULE: ./src/session/session.ts
/**
 * One SMTP connection: the only place that touches sockets. It connects (plain or implicit
 * TLS), reads complete replies against a deadline, writes lines, upgrades with STARTTLS, and
 * keeps the transcript. It does not know what a step or a verdict is.
 */














function isReply(r) {
    return typeof r.code === "number";
}
class SmtpSession {
    opts;
    transcript;
    tls = null;
    /** Which replies answer what was sent; the rest are unsolicited (./reply-ledger.ts). */
    ledger = new ReplyLedger();
    /** A tighter deadline for the current part of the session (a check's own), with what its passing means. */
    limit = null;
    peerAddress;
    ourAddress;
    /** The certificates the server sent (with what the trust store adds), kept for the TLS audit only. */
    peerChain = null;
    /** Through a SOCKS5 proxy: the address it says it connected from (BND.ADDR, BND.PORT). */
    bound;
    /** Why the PROXY header said UNKNOWN (v1) or LOCAL (v2), when it did. */
    proxyHeaderUnknown = null;
    /** Plaintext bytes that followed STARTTLS's 220 and were discarded (RFC 3207 §4.2). */
    droppedAfterStartTls = 0;
    socket = null;
    splitter = new lines/* LineSplitter */.g3();
    assembler = new reply/* ReplyAssembler */.zA();
    /** Replies owed and arrived, not read yet: never more than the ledger is owed. */
    queue = [];
    waiter = null;
    /** The waiting read ends (with null) at an unsolicited reply: readReply({ unsolicitedSince }). */
    stopAtUnsolicited = false;
    failure = null;
    ended = false;
    /** STARTTLS was sent and its reply has not come yet. */
    startTlsPending = false;
    /** After STARTTLS's 220, bytes are counted (to be discarded), not parsed: they are not SMTP. */
    heldAfterStartTls = null;
    /** While connecting or in a TLS handshake: who waits for it, and what an error or a close then means. */
    handshake = null;
    // One set of listeners per socket, for its whole life: a fleet adds and removes thousands otherwise.
    onData = (chunk) => this.receive(chunk);
    onError = (e) => {
        if (this.handshake)
            this.handshake.done(fromSocketError(e, this.handshake.phase));
        else
            this.fail(fromSocketError(e, "session"));
    };
    onClose = () => {
        if (this.handshake)
            this.handshake.done(this.handshake.closed);
        // After close() the socket's own close event is ours, not the server's: it is not a failure.
        else if (!this.ended)
            this.fail(this.closedError());
    };
    constructor(opts) {
        this.opts = opts;
        this.transcript = new Transcript(opts.redact);
    }
    /** True while commands can still be sent. */
    get usable() {
        return this.socket !== null && this.failure === null && !this.ended && !this.socket.destroyed;
    }
    get error() {
        return this.failure;
    }
    /**
     * TCP to the target (or through the SOCKS5 proxy), then the PROXY header if asked for, then
     * the TLS handshake for implicit TLS: each is its own wait against the timeout.
     */
    async connect() {
        const { host, port, implicitTls, socks5 } = this.opts;
        this.transcript.add("*", `connecting to ${host}:${port}${socks5 ? ` through the SOCKS5 proxy ${socks5.host}:${socks5.port}` : ""}${implicitTls ? " (implicit TLS)" : ""}`);
        const raw = socks5 ? await this.tunnel(socks5) : await this.connectTcp();
        if ("kind" in raw)
            return this.fail(raw);
        if (!socks5)
            this.peerAddress = raw.remoteAddress;
        this.ourAddress = raw.localAddress;
        this.transcript.add("*", socks5 ? `the proxy connected to ${host}:${port}` : `connected to ${raw.remoteAddress}:${raw.remotePort}`);
        if (this.opts.proxyProtocol)
            this.sendProxyHeader(raw, this.opts.proxyProtocol);
        if (!implicitTls)
            return null;
        const secure = this.wrapTls(raw);
        const result = await this.handshakeOf(secure, "secureConnect", "tls", { kind: "tls", message: "connection closed during the TLS handshake" });
        if (result)
            return this.fail(result);
        return this.checkTls(secure);
    }
    async connectTcp() {
        const { address, addresses } = this.opts;
        const socket = external_node_net_default().connect({ host: address ?? this.opts.host, port: this.opts.port, noDelay: true, ...(addresses && !address ? { lookup: fixedLookup(addresses) } : {}) });
        // One command per write; Nagle's algorithm would hold each behind the previous ACK.
        socket.setNoDelay(true);
        this.socket = socket;
        this.listen(socket);
        return (await this.handshakeOf(socket, "connect", "connect", { kind: "closed", message: "connection closed during connect" })) ?? socket;
    }
    async tunnel(proxy) {
        const remaining = this.opts.deadline !== undefined ? Math.max(0, this.opts.deadline - monotonicMs()) : Infinity;
        const r = await openSocks5Tunnel(proxy, { host: this.opts.address ?? this.opts.host, port: this.opts.port }, Math.min(this.opts.timeoutMs, remaining));
        if ("kind" in r)
            return r;
        r.socket.setNoDelay(true);
        this.bound = r.bound;
        this.socket = r.socket;
        this.listen(r.socket);
        // Bytes that came with the proxy's answer are the server's (its greeting, say).
        if (r.rest.length && !this.opts.implicitTls)
            this.receive(r.rest);
        return r.socket;
    }
    /**
     * The PROXY header with this connection's real endpoints: the socket's own, or through a SOCKS5
     * proxy the ones the proxy told (protocol/proxy-header.ts tunnelEndpoints); UNKNOWN when not known.
     */
    sendProxyHeader(socket, version) {
        const endpoints = this.opts.socks5
            ? tunnelEndpoints(this.bound, { host: this.opts.address ?? this.opts.host, port: this.opts.port })
            : socket.localAddress && socket.remoteAddress
                ? { source: socket.localAddress, sourcePort: socket.localPort, destination: socket.remoteAddress, destinationPort: socket.remotePort }
                : { unknown: "the socket's addresses are not known" };
        if ("unknown" in endpoints) {
            this.proxyHeaderUnknown = endpoints.unknown;
            this.transcript.add("*", `the PROXY header cannot carry the endpoints: ${endpoints.unknown}`);
        }
        const header = proxyHeader(version, "unknown" in endpoints ? null : endpoints);
        this.transcript.add("C", version === "v1" ? header.toString("latin1").trimEnd() : `(PROXY protocol v2 header: ${header.length} octets)`);
        socket.write(header);
    }
    /**
     * Our end of the connection as the server sees it, once connected: the socket's own, or through
     * a SOCKS5 proxy the address the proxy says it connected from (BND.ADDR, RFC 1928 §6) when it
     * gave a specific one — else our end towards the proxy, the best there is.
     */
    get localAddress() {
        const bound = this.bound?.address ?? "";
        const family = (0,protocol_address/* ipFamily */.Mr)(bound);
        // 0.0.0.0 (some proxies' answer, RFC 1928 leaves it to them) says nothing.
        return family !== 0 && addressBytes(bound, family).some((x) => x !== 0) ? bound : this.ourAddress;
    }
    /** The address connected to, once connected (kept after the close); unknown through a proxy, whose socket's peer is the proxy. */
    get remoteAddress() {
        return this.peerAddress;
    }
    readReply(until) {
        if (until && this.ledger.unsolicited > until.unsolicitedSince)
            return Promise.resolve(null);
        const queued = this.queue.shift();
        if (queued)
            return Promise.resolve(queued);
        if (this.failure)
            return Promise.resolve(this.failure);
        if (this.ended)
            return Promise.resolve({ kind: "closed", message: "the connection was already closed" });
        this.stopAtUnsolicited = until !== undefined;
        // deliver() clears the waiter as it answers it, the timeout included (through fail()).
        return this.race((done) => {
            this.waiter = done;
        });
    }
    /**
     * The peer's replies are out of step with what was sent (it answered a PROXY header as a
     * command): nothing owed is waited for any more, and what was queued is dropped. The next
     * command should be a barrier (writeBarrier) so that a late reply is not taken for its answer.
     */
    abandonOwed() {
        this.ledger.reset();
        this.queue = [];
    }
    /**
     * Writes one line (CRLF added). `shown` is what the transcript records instead of secrets.
     * Every line passes one check first (command.ts); a refused line is not written at all, and
     * the answer says why (error kind `protocol`). The connection stays usable.
     */
    writeLine(line, shown = line, kind = "command") {
        const refused = this.refuse([{ wire: line, shown, kind }]);
        if (refused)
            return refused;
        this.startTlsPending = /^STARTTLS\s*$/i.test(line);
        if (this.heldAfterStartTls !== null)
            this.heldAfterStartTls = null;
        this.record([shown]);
        this.send(`${line}\r\n`, 1);
        return null;
    }
    /** Writes several lines in one write (RFC 2920 pipelining); each is recorded as sent. All or none. */
    writeLines(lines) {
        const refused = this.refuse(lines.map((l) => ({ ...l, kind: "command" })));
        if (refused)
            return refused;
        this.record(lines.map((l) => l.shown));
        this.send(lines.map((l) => `${l.wire}\r\n`).join(""), lines.length);
        return null;
    }
    /** The transcript says what went to the wire: a line the closed connection could not take is a note, not "C:". */
    record(shown) {
        if (this.usable)
            for (const line of shown)
                this.transcript.add("C", line);
        else
            for (const line of shown)
                this.transcript.add("*", `not sent, the connection is closed: ${line}`);
    }
    /** The first line that must not go to the wire, as an error naming it; null when all may go. */
    refuse(lines) {
        for (const l of lines) {
            const why = (0,protocol_command/* refuseOutgoingLine */.fD)(l.wire, l.kind);
            if (!why)
                continue;
            const shown = l.shown.length > 60 ? `${l.shown.slice(0, 60)}…` : l.shown;
            const err = { kind: "protocol", message: `smtp-gate refused to send ${JSON.stringify(shown)}: ${why}` };
            this.transcript.add("*", err.message);
            return err;
        }
        return null;
    }
    /**
     * Writes a command whose reply can be told apart from any other (an EHLO's, say), owed one
     * reply: every reply that arrives before one that passes `isAnswer` is unsolicited. Once its
     * reply is read, everything the server said to earlier input has arrived (TCP keeps the
     * order, and a server answers in order), so unsolicitedSince() is complete — no sleep needed.
     * Only when no reply is owed; otherwise refused like a bad line.
     */
    writeBarrier(line, isAnswer) {
        if (this.ledger.owing !== 0)
            return { kind: "protocol", message: `smtp-gate did not send ${JSON.stringify(line)}: ${this.ledger.owing} repl(ies) still owed` };
        const err = this.writeLine(line);
        if (!err)
            this.ledger.awaitAnswer(isAnswer);
        return err;
    }
    /** A mark for unsolicitedSince(): the count of unsolicited replies so far. */
    unsolicitedMark() {
        return this.ledger.unsolicited;
    }
    /** Replies that arrived while none was owed (an early talker, or a desynchronised peer). */
    get unsolicited() {
        return this.ledger.unsolicited;
    }
    /** The unsolicited replies since `mark` (as far as kept), and how many there were. */
    unsolicitedSince(mark) {
        return this.ledger.since(mark);
    }
    /**
     * Until clearLimit(), no wait goes past `at` (monotonicMs()); when it passes, the session fails
     * with error kind timeout and `message`. The target's own deadline still applies if sooner.
     */
    limitUntil(at, message) {
        this.limit = { at, message };
    }
    clearLimit() {
        this.limit = null;
    }
    /** Writes a message's bytes as they are (framed DATA content, a BDAT chunk), owed one reply; the transcript gets `shown`. */
    writeMessage(bytes, shown) {
        this.transcript.add("C", shown);
        this.send(bytes, 1);
    }
    /**
     * Writes a BDAT command and its chunk in one go (RFC 3030 §2: the chunk follows the command
     * without waiting), owed one reply. The line passes the same check as every other.
     */
    writeChunk(line, chunk, shown) {
        const refused = this.refuse([{ wire: line, shown: line, kind: "command" }]);
        if (refused)
            return refused;
        this.transcript.add("C", line);
        this.transcript.add("C", shown);
        this.send(Buffer.concat([Buffer.from(`${line}\r\n`, "utf8"), chunk]), 1);
        return null;
    }
    /** A command line goes as a string: the socket encodes it to UTF-8 as it writes, without a Buffer of its own. */
    send(bytes, replies) {
        if (!this.usable)
            return;
        this.ledger.expect(replies);
        this.socket?.write(bytes);
    }
    /** Upgrades after STARTTLS's 220. Returns why it failed, or null. */
    async startTls() {
        const plain = this.socket;
        if (!plain || !this.usable)
            return this.failure ?? { kind: "closed", message: "connection is closed" };
        // RFC 3207 §4.2: forget anything read before the handshake; a man in the middle may have injected it.
        this.droppedAfterStartTls = (this.heldAfterStartTls ?? 0) + this.splitter.reset() + this.queue.length;
        this.heldAfterStartTls = null;
        this.queue = [];
        this.assembler = new reply/* ReplyAssembler */.zA();
        if (this.droppedAfterStartTls)
            this.transcript.add("*", `discarded ${this.droppedAfterStartTls} byte(s)/repl(ies) received after STARTTLS's 220, before the handshake`);
        const secure = this.wrapTls(plain);
        const result = await this.handshakeOf(secure, "secureConnect", "tls", { kind: "tls", message: "connection closed during the TLS handshake" });
        if (result)
            return this.fail(result);
        // RFC 3207 §4.2: the session starts afresh; the client speaks first (EHLO).
        this.ledger.reset();
        return this.checkTls(secure);
    }
    /** Ends the connection without ceremony (after QUIT's reply, or when giving up). */
    close() {
        const s = this.socket;
        if (!s || this.ended)
            return;
        this.ended = true;
        // The listeners stay (onClose checks `ended`): removing three per target shows in a fleet's profile.
        if (!s.destroyed)
            s.destroy();
        this.transcript.add("*", "connection closed");
    }
    /** Waits for `ready`; meanwhile the socket's error and close listeners answer this wait (see onError). */
    handshakeOf(socket, ready, phase, closed) {
        return this.race((done) => {
            // Settled synchronously, before this promise's continuation runs: a failure is recorded at
            // once (a reset that follows the close it caused cannot replace it), and an error right
            // after `ready` is the session's, not lost here.
            const settle = (r) => {
                this.handshake = null;
                done(r && this.fail(r));
            };
            this.handshake = { done: settle, phase, closed };
            socket.once(ready, () => settle(null));
        });
    }
    /** Hands a connected socket to TLS; the session's listeners move to the TLS socket. */
    wrapTls(plain) {
        this.unlisten(plain);
        const secure = (0,builtins/* loadTls */._v)().connect({ socket: plain, ...this.tlsOptions() });
        this.socket = secure;
        this.listen(secure);
        return secure;
    }
    /** The name the certificate must hold, and the roots it is verified against (Node's `ca` replaces the public ones). */
    get tlsCheck() {
        return { name: this.opts.servername ?? this.opts.host, trust: this.opts.ca ? "ca" : "public" };
    }
    tlsOptions() {
        const { host, servername, ca } = this.opts;
        const name = servername ?? (external_node_net_default().isIP(host) ? undefined : host);
        // Verification is judged in checkTls so that a bad certificate's facts still reach the report.
        return { servername: name, ca, rejectUnauthorized: false, ...(name ? {} : { checkServerIdentity: (_h, cert) => (0,builtins/* loadTls */._v)().checkServerIdentity(host, cert) }), ...this.opts.tlsExtra };
    }
    checkTls(socket) {
        this.tls = readTlsFacts(socket, this.tlsCheck);
        if (this.opts.tlsExtra)
            this.peerChain = socket.getPeerCertificate(true);
        this.transcript.add("*", `TLS established: ${this.tls.protocol} ${this.tls.cipher}${this.tls.authorized ? "" : ` (certificate not verified: ${this.tls.authorizationError})`}`);
        if (!this.tls.authorized && !this.opts.insecure) {
            const why = this.tls.authorizationError ?? "unknown reason";
            // Facts only: what to do depends on why, and the diagnosis (diagnose/tls.ts) says it once.
            return this.fail({ kind: "tls", message: `certificate verification failed: ${describeVerifyError(why)} (${why})`, nodeCode: why });
        }
        return null;
    }
    listen(socket) {
        socket.on("data", this.onData);
        socket.on("error", this.onError);
        socket.on("end", this.onClose);
        socket.on("close", this.onClose);
    }
    unlisten(socket) {
        socket.off("data", this.onData);
        socket.off("end", this.onClose);
        socket.off("close", this.onClose);
        // The error listener stays: an error on the raw socket must never go unhandled.
    }
    closedError() {
        const partial = this.opts.redact(this.splitter.pending());
        return partial
            ? { kind: "closed", message: "connection closed by the server in the middle of a reply", received: partial }
            : { kind: "closed", message: "connection closed by the server" };
    }
    receive(chunk) {
        if (this.ended)
            return;
        if (this.heldAfterStartTls !== null) {
            this.heldAfterStartTls += chunk.length;
            return;
        }
        const events = this.splitter.push(chunk);
        // One clock reading for the lines of one chunk: they arrived together.
        const t = this.transcript.elapsed();
        for (let i = 0; i < events.length; i++) {
            const ev = events[i];
            if ("kind" in ev) {
                this.deliver(this.protocolError({ kind: "too-long", octets: ev.octets }));
                return;
            }
            // Redacted before anything keeps it: the transcript, the reply, an error's `received`.
            const line = { text: this.opts.redact(ev.text), ending: ev.ending };
            this.transcript.addRedacted("S", line.text, t);
            const r = this.assembler.push(line);
            if (!r)
                continue;
            if ("code" in r) {
                this.deliver(r);
                if (this.startTlsPending && r.code === 220) {
                    // RFC 3207 §4.2: whatever follows the 220 in plaintext is discarded, never read as a reply.
                    this.heldAfterStartTls = events.slice(i + 1).reduce((n, e) => n + ("text" in e ? Buffer.byteLength(e.text) + 2 : 0), 0);
                    this.startTlsPending = false;
                    return;
                }
                this.startTlsPending = false;
            }
            else {
                this.deliver(this.protocolError(r));
                return;
            }
        }
    }
    protocolError(p) {
        const err = p.kind === "malformed"
            ? { kind: "protocol", message: "the server's reply is not an SMTP reply (no valid 3-digit code)", received: p.line }
            : p.kind === "too-many-lines"
                ? { kind: "protocol", message: `the server's reply went on past ${p.lines} lines` }
                : { kind: "protocol", message: `the server sent a line longer than ${p.octets - 1} octets` };
        // A desynchronised stream cannot be trusted for another command.
        this.fail(err);
        return err;
    }
    deliver(r) {
        if (isReply(r)) {
            if (!this.ledger.accept(r)) {
                this.transcript.add("*", unsolicitedNote(r.code));
                if (this.stopAtUnsolicited)
                    this.wake(null);
                return;
            }
        }
        if (this.waiter) {
            this.wake(r);
        }
        else if (isReply(r)) {
            // Only replies the ledger is owed reach the queue, so it holds at most one per command
            // written (a pipelined group of any size, RFC 2920 §3.1); a hostile peer's extra replies
            // stop at the ledger. A failure is not queued: readReply() returns it once the queue is read.
            this.queue.push(r);
        }
    }
    wake(r) {
        const w = this.waiter;
        this.waiter = null;
        this.stopAtUnsolicited = false;
        w?.(r);
    }
    /** Records the first failure, destroys the socket, and wakes a waiting reader. */
    fail(err) {
        if (!this.failure) {
            this.failure = err;
            this.transcript.add("*", `${err.kind}: ${err.message}`);
            if (err.detail)
                this.transcript.add("*", err.detail);
        }
        const s = this.socket;
        if (s && !s.destroyed)
            s.destroy();
        if (this.waiter)
            this.deliver(this.failure);
        return this.failure;
    }
    /**
     * Runs `start` until it calls back, or until the timeout (or the target's deadline) passes —
     * a deadline from the start of the wait, not an idle timer, so a peer that trickles one byte
     * a second still runs out of time.
     */
    race(start) {
        return new Promise((resolve) => {
            let settled = false;
            const now = monotonicMs();
            const remaining = this.opts.deadline !== undefined ? Math.max(0, this.opts.deadline - now) : Infinity;
            const limited = this.limit ? Math.max(0, this.limit.at - now) : Infinity;
            const ms = Math.min(this.opts.timeoutMs, remaining, limited);
            const why = ms === this.opts.timeoutMs ? null : ms === remaining ? "the target's deadline passed" : this.limit.message;
            const timer = setTimeout(() => {
                const secs = Math.round(ms / 100) / 10;
                const partial = this.opts.redact(this.splitter.pending());
                done(this.fail({ kind: "timeout", message: why ?? `no answer within ${secs}s`, ...(partial ? { received: partial } : {}) }));
            }, ms);
            const done = (r) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                resolve(r);
            };
            start(done);
        });
    }
}

;// CONCATENATED MODULE: ./src/engine/auth-gate.ts



/**
 * Credentials go only after TLS when the target asks for TLS, only with a mechanism the current
 * EHLO reply advertised, and in clear text only to a loopback address or with the explicit
 * opt-in. Checked in that order, so the reason given is the first thing to fix.
 */
function gateCredentials(i) {
    const offered = (0,protocol_ehlo/* authMechanisms */.dq)(i.extensions);
    const offeredBeforeTls = i.extensionsBeforeTls && (0,protocol_ehlo/* authMechanisms */.dq)(i.extensionsBeforeTls);
    const withheld = (reason, mechanism = i.asked) => ({ reason, mechanism, offered, offeredBeforeTls, tls: i.tlsActive });
    if (!i.tlsActive && (i.tlsMode === "starttls" || i.tlsMode === "implicit"))
        return withheld("tls-not-active");
    if (!offered.length)
        return withheld("auth-not-offered");
    const mechanism = i.asked ?? usableMechanisms(i.credentials).find((m) => offered.includes(m)) ?? null;
    if (!mechanism || !offered.includes(mechanism))
        return withheld("mechanism-not-offered");
    if (!i.tlsActive && !i.allowPlaintextAuth && !(0,protocol_address/* isLoopbackAddress */.Ow)(i.remoteAddress ?? ""))
        return withheld("cleartext", mechanism);
    return { mechanism };
}
/** What the credentials can do, in the order production senders (nodemailer, Postfix) prefer. */
function usableMechanisms(c) {
    return enums/* AUTH_MECHANISMS */.CV.filter((m) => (m === "XOAUTH2" ? c?.oauthToken : c?.password));
}

;// CONCATENATED MODULE: ./src/engine/sasl.ts



/** Runs `mech` to its end; true when the final reply met `finalExpect`. */
async function runSasl(mech, c, finalExpect, io) {
    const passes = async (wire, shown, expect, carries) => (await io.exchange(wire, shown, expect, carries && { mechanism: mech, carries })).verdict === "pass";
    const user = c.username;
    switch (mech) {
        case "PLAIN":
            return (await initialResponse("PLAIN", (0,auth/* plainResponse */.kZ)(user, c.password ?? ""), finalExpect, io)).verdict === "pass";
        case "LOGIN": {
            const [u, p] = (0,auth/* loginResponses */.US)(user, c.password ?? "");
            io.secret(u, p);
            if (!(await passes("AUTH LOGIN", "AUTH LOGIN", protocol_expect/* AUTH_CHALLENGE_EXPECTATION */.Cu)))
                return false;
            if (!(await passes(u, "***", protocol_expect/* AUTH_CHALLENGE_EXPECTATION */.Cu, "username")))
                return false;
            return passes(p, "***", finalExpect, "password");
        }
        case "CRAM-MD5": {
            const first = await io.exchange("AUTH CRAM-MD5", "AUTH CRAM-MD5", protocol_expect/* AUTH_CHALLENGE_EXPECTATION */.Cu);
            if (first.verdict !== "pass" || !first.reply)
                return false;
            const response = (0,auth/* cramMd5Response */.tc)(user, c.password ?? "", first.reply.lines[0] ?? "");
            io.secret(...(0,auth/* cramMd5Forms */.DB)(response));
            return passes(response, "***", finalExpect, "username and digest");
        }
        case "XOAUTH2": {
            // On failure the server sends a 334 with a JSON error; the client answers with an empty line.
            const withChallenge = [...finalExpect, ...protocol_expect/* AUTH_CHALLENGE_EXPECTATION */.Cu];
            const last = await initialResponse("XOAUTH2", (0,auth/* xoauth2Response */.bG)(user, c.oauthToken ?? ""), withChallenge, io);
            if (last.verdict !== "pass")
                return false;
            if (last.reply?.code !== 334 || !(0,protocol_expect/* meetsExpectation */.$u)(334, withChallenge))
                return true;
            last.expected = (0,protocol_expect/* formatExpectation */.M9)(protocol_expect/* AUTH_CHALLENGE_EXPECTATION */.Cu);
            return passes("", "***", finalExpect, "empty line");
        }
    }
}
/**
 * `AUTH MECH response` in one line — unless that line would pass RFC 5321's 512 octets: then
 * the client must not use the initial response (RFC 4954 §4), so the mechanism goes alone and
 * the response follows the server's empty 334 challenge, as a line of up to 12,288 octets.
 * Returns the last step.
 */
async function initialResponse(mech, response, finalExpect, io) {
    io.secret(response);
    const line = `AUTH ${mech} ${response}`;
    const carries = { mechanism: mech, carries: mech === "PLAIN" ? "username and password" : "username and token" };
    if (Buffer.byteLength(line) + 2 <= protocol_command/* MAX_COMMAND_OCTETS */.ML)
        return io.exchange(line, `AUTH ${mech} ***`, finalExpect, carries);
    const first = await io.exchange(`AUTH ${mech}`, `AUTH ${mech}`, protocol_expect/* AUTH_CHALLENGE_EXPECTATION */.Cu);
    return first.verdict === "pass" ? io.exchange(response, "***", finalExpect, carries) : first;
}

;// CONCATENATED MODULE: ./src/engine/plan.ts


function planSequence(t) {
    const steps = t.steps ? customSequence(t, t.steps) : defaultSequence(t);
    const last = steps[steps.length - 1];
    if (!last || (0,protocol_command/* verbOf */.rl)(last.line) !== "QUIT")
        steps.push({ line: "QUIT", expect: null });
    // Policy checks run unauthenticated, so before the first AUTH or MAIL (else before QUIT).
    const checks = [];
    if (t.policy?.openRelay)
        checks.push({ line: `RCPT TO:<smtp-gate-relay-test@${t.policy.openRelay}>`, expect: null, check: "open-relay", literal: true });
    if (t.policy?.vrfyDisabled)
        checks.push({ line: `VRFY ${t.to[0] ?? "postmaster"}`, expect: null, check: "vrfy", literal: true });
    if (checks.length) {
        const at = steps.findIndex((s) => s.autoAuth || ["AUTH", "MAIL", "QUIT"].includes((0,protocol_command/* verbOf */.rl)(s.line)));
        steps.splice(at, 0, ...checks);
    }
    return steps;
}
/**
 * Steps that open the session themselves (EHLO, HELO or STARTTLS first) run exactly as written;
 * any other custom lines — `XAUTH2 login` — run where production would send them: after the
 * opening, and after its AUTH unless the steps authenticate themselves.
 */
function customSequence(t, custom) {
    const written = custom.map((s) => ({ line: s.line, expect: s.expect }));
    if ((0,steps/* opensSession */.AQ)(custom))
        return written;
    const authenticates = custom.some((s) => steps/* CREDENTIAL_AUTH_STEP */.M.test(s.line));
    return [...productionOpening(t, !authenticates), ...written];
}
/** Greeting is read by the probe; then EHLO, STARTTLS and EHLO again as the TLS mode asks, AUTH with credentials. */
function productionOpening(t, withAuth) {
    const s = [{ line: "EHLO {helo}", expect: null }];
    if (t.tls === "starttls" || t.tls === "opportunistic") {
        const when = t.tls === "opportunistic" ? "starttls-advertised" : undefined;
        s.push({ line: "STARTTLS", expect: null, when }, { line: "EHLO {helo}", expect: null, when: "tls-started" });
    }
    if (t.credentials && withAuth)
        s.push({ line: "AUTH", expect: null, autoAuth: true });
    return s;
}
function defaultSequence(t) {
    const s = productionOpening(t, true);
    if (t.to.length) {
        s.push({ line: "MAIL FROM:<{from}>", expect: null, mailParams: true });
        for (const to of t.to)
            s.push({ line: `RCPT TO:<${to}>`, expect: null, literal: true });
        // Nothing is delivered unless asked: without send, the transaction is reset instead.
        s.push({ line: t.send ? "DATA" : "RSET", expect: null });
    }
    return s;
}
/**
 * RFC 2920 §3.1: the transaction commands can be sent in one write; DATA or QUIT may only end
 * a group. Returns how many planned steps from `start` form a group (0 or 1: no pipelining).
 */
function pipelineGroupLength(plan, start) {
    let n = 0;
    for (let i = start; i < plan.length; i++) {
        const p = plan[i];
        if (p.check || p.autoAuth || p.when)
            break;
        const verb = (0,protocol_command/* verbOf */.rl)(p.line);
        if (n === 0 && verb !== "MAIL")
            return 0;
        if (verb === "MAIL" || verb === "RCPT" || verb === "RSET")
            n++;
        else if (verb === "DATA")
            return n + 1;
        // QUIT joins only after RSET: an open transaction is reset first, as without pipelining.
        else if (verb === "QUIT")
            return (0,protocol_command/* verbOf */.rl)(plan[i - 1].line) === "RSET" ? n + 1 : n;
        else
            break;
    }
    return n;
}
/** Words for what a command does, used in messages: "while performing the EHLO handshake". */
/**
 * The verb of a recorded step (contract §8 \`step.verb\`): null for the greeting, "." for the end of
 * the message, and "AUTH" for a SASL response line, which is shown as "***" and belongs to AUTH.
 */
function stepVerb(shown) {
    if (shown === null)
        return null;
    const verb = (0,protocol_command/* verbOf */.rl)(shown);
    return verb === "***" ? "AUTH" : verb;
}
function phaseOf(shown) {
    if (shown === null)
        return "waiting for the greeting";
    const verb = (0,protocol_command/* verbOf */.rl)(shown);
    switch (verb) {
        case "EHLO":
        case "HELO":
            return `performing the ${verb} handshake`;
        case "STARTTLS":
            return "performing STARTTLS";
        case "AUTH":
        case "***":
            return "authenticating";
        case "MAIL":
            return "sending MAIL FROM";
        case "RCPT":
            return "sending RCPT TO";
        case "DATA":
            return "sending DATA";
        case ".":
            return "sending the message content";
        case "RSET":
            return "resetting the transaction";
        case "QUIT":
            return "ending the session";
        default:
            return `sending "${shown}"`;
    }
}

;// CONCATENATED MODULE: ./src/engine/smuggling.ts




/** The whole check's deadline: no variant, and no server that keeps waiting for more data, takes it past this. */
const SMUGGLING_CHECK_MS = 60_000;
/** Every variant, not tried, for the same reason. */
const notTried = (why, variants = SMUGGLING_VARIANTS) => variants.map((v) => ({ variant: v.name, endedData: null, replies: [], note: `not tried: ${why}` }));
/**
 * Runs every variant: on `session` until one leaves it unusable (Postfix, for one, closes the
 * session at the smuggled input: "221 2.7.0 Error: I can break rules, too"), then the rest on a
 * new connection each time, while the deadline allows. The new sessions' transcripts join the
 * first's, each entry at its own time.
 */
async function runSmugglingCheck(session, t, input, reconnect) {
    const first = await runVariants(session, t, input, SMUGGLING_VARIANTS);
    const results = [...first.results];
    let pending = first.remaining;
    while (pending.length && monotonicMs() < input.deadlineAt) {
        const tried = pending;
        session.transcript.add("*", `reconnecting for the smuggling check's remaining variants (${tried.map((v) => v.name).join(", ")})`);
        const again = await reconnect((s) => runVariants(s, t, input, tried));
        session.transcript.append(again.transcript);
        if (!again.value || again.value.remaining.length === tried.length) {
            results.push(...notTried(`reconnecting failed: ${again.failed}`, tried));
            pending = [];
            break;
        }
        results.push(...again.value.results);
        pending = again.value.remaining;
    }
    results.push(...notTried("the smuggling check's deadline passed", pending));
    const order = new Map(SMUGGLING_VARIANTS.map((v, i) => [v.name, i]));
    results.sort((a, b) => (order.get(a.variant) ?? 0) - (order.get(b.variant) ?? 0));
    return { results, extraReplies: first.extraReplies };
}
/** A reply in a note: its code and first line, e.g. `550 5.7.1 Relaying denied`. */
const said = (r) => `${r.code} ${r.lines[0] ?? ""}`.trim().slice(0, 200);
const describe = (r) => (isReply(r) ? said(r) : r.message);
/** The NOOP barrier's reply: 250, which no smuggled line draws. */
const noopAnswer = (r) => r.code === 250;
/**
 * Runs `variants` in order on this session until one leaves it unusable: those after it are
 * `remaining`. A refused transaction or a server that keeps waiting stops the run: the rest are
 * recorded as not tried, with why.
 */
async function runVariants(session, t, input, variants) {
    const results = [];
    let extraReplies = 0;
    let stop = null;
    let remaining = [];
    const ask = async (line) => session.writeLine(line) ?? (await session.readReply());
    const timedOut = () => session.error?.kind === "timeout";
    session.limitUntil(input.deadlineAt, "the smuggling check's deadline passed");
    try {
        for (let i = 0; i < variants.length; i++) {
            const v = variants[i];
            if (!stop && monotonicMs() >= input.deadlineAt)
                stop = "not tried: the smuggling check's deadline passed";
            if (!stop && timedOut())
                stop = `not tried: ${session.error?.message}`;
            if (!stop && !session.usable) {
                remaining = variants.slice(i);
                break;
            }
            if (stop) {
                results.push({ variant: v.name, endedData: null, replies: [], note: stop });
                continue;
            }
            const refused = await openTransaction(ask, t, input.mailLine);
            if (refused) {
                if (!session.usable && !timedOut()) {
                    remaining = variants.slice(i);
                    break;
                }
                stop = `not tried: ${refused}`;
                results.push({ variant: v.name, endedData: null, replies: [], note: stop });
                continue;
            }
            const run = await sendVariant(session, t, input, v);
            extraReplies += run.extraReplies;
            results.push(run.result);
        }
    }
    finally {
        session.clearLimit();
    }
    return { results, remaining, extraReplies };
}
/** One variant's message, then the NOOP barrier; judged from the replies (see the top of this file). */
async function sendVariant(session, t, input, v) {
    const mark = session.unsolicitedMark();
    const bytes = smugglingMessage(v, { from: input.from, to: t.to.slice(0, 1), helo: input.helo });
    // The bytes as sent from the variant on (the text before it is ordinary): the smuggled line, not a NOOP.
    session.writeMessage(bytes, `(smuggling check ${v.name}: ${bytes.length} octets, the test message's text, then ${variantName(`${v.bytes}${SMUGGLED_COMMAND}\r\n.\r\n`)})`);
    const own = await session.readReply();
    if (!isReply(own)) {
        const extra = session.unsolicitedSince(mark);
        const result = { variant: v.name, endedData: extra.count > 0 ? true : null, replies: extra.replies, note: `no reply to the message: ${own.message}` };
        return { result, extraReplies: extra.count };
    }
    const barrier = session.writeBarrier("NOOP", noopAnswer) ?? (await session.readReply());
    const extra = session.unsolicitedSince(mark);
    const replies = [own, ...extra.replies];
    const outcome = (0,classify/* classify */.L)(own.code) === "success" ? "accepted" : "refused";
    if (isReply(barrier)) {
        const result = { variant: v.name, endedData: extra.count > 0, replies };
        if (outcome === "refused")
            result.note = `the server refused the message: ${said(own)}`;
        return { result, extraReplies: extra.count };
    }
    const unanswered = `the server ${outcome} the message (${said(own)}), then did not answer NOOP (${barrier.message})`;
    const result = extra.count > 0
        ? { variant: v.name, endedData: true, replies, note: unanswered }
        : own.code === 421
            ? { variant: v.name, endedData: false, replies, note: `${unanswered}; after a 421 a server reads nothing more (RFC 5321 §3.8), so the smuggled line was never taken as a command` }
            : { variant: v.name, endedData: null, replies, note: `${unanswered}: whether it ended the data at ${v.name} cannot be told from its replies` };
    return { result, extraReplies: extra.count };
}
/** MAIL, RCPT, DATA up to the 354; what refused it (after an RSET when a transaction was open), or null. */
async function openTransaction(ask, t, mailLine) {
    const mail = await ask(mailLine);
    if (!isReply(mail) || (0,classify/* classify */.L)(mail.code) !== "success")
        return `MAIL FROM was answered ${describe(mail)}`;
    const rcpt = await ask(`RCPT TO:<${t.to[0]}>`);
    const data = isReply(rcpt) && (0,classify/* classify */.L)(rcpt.code) === "success" ? await ask("DATA") : null;
    if (data && isReply(data) && data.code === 354)
        return null;
    const why = data === null ? `RCPT TO was answered ${describe(rcpt)}` : `DATA was answered ${describe(data)}`;
    if (isReply(rcpt) && (data === null || isReply(data)))
        await ask("RSET");
    return why;
}

;// CONCATENATED MODULE: ./src/engine/probe.ts
















const ANY_REPLY = [{ first: 2 }, { first: 3 }, { first: 4 }, { first: 5 }];
const REFUSAL = [{ first: 4 }, { first: 5 }];
const VRFY_DISABLED = [{ code: 252 }, { first: 4 }, { first: 5 }];
async function runProbe(t, redactor) {
    return new Probe(t, redactor).run();
}
class Probe {
    t;
    redactor;
    resume;
    session;
    steps = [];
    /** {helo} and {from} are known once connected when they default to the local address literal. */
    values;
    error = null;
    extensions = [];
    extensionsBeforeTls = null;
    inTransaction = false;
    tlsStarted = false;
    closedByServer = false;
    quitSent = false;
    oversize;
    authWithheld;
    commandWithheld;
    credentialsInClear = false;
    message = null;
    text;
    /** The last successful EHLO reply (the smuggling check's barrier looks like it). */
    lastEhlo = null;
    /** A test message was accepted (250 after its end): the smuggling check may follow. */
    delivered = false;
    smuggling;
    /** Replies the smuggling check's messages drew beyond their own: the check's evidence, not out-of-turn talk. */
    smugglingExtras = 0;
    started = monotonicMs();
    constructor(t, redactor, resume) {
        this.t = t;
        this.redactor = redactor;
        this.resume = resume;
        this.values = { helo: t.helo ?? "", from: t.from ?? "", to: t.to[0] ?? "" };
        this.session = new SmtpSession({
            host: t.host, port: t.port, implicitTls: t.tls === "implicit", servername: t.servername, ca: t.ca, insecure: t.insecure,
            timeoutMs: t.timeoutMs, deadline: t.deadlineMs !== undefined ? this.started + t.deadlineMs : undefined, redact: redactor.redact,
            proxyProtocol: t.proxyProtocol, socks5: t.socks5, address: t.address, addresses: t.addresses,
        });
        const c = t.credentials;
        // Before connecting: every line from the wire is redacted as it arrives (session.ts).
        for (const secret of [c?.password, c?.oauthToken])
            if (secret)
                redactor.addSecret((0,auth/* secretForms */.eo)(c?.username ?? "", secret));
        const proxy = t.socks5?.credentials;
        if (proxy)
            redactor.addSecret((0,auth/* secretForms */.eo)(proxy.username, proxy.password));
    }
    /** engine/smuggling.ts's Reconnect: a new probe of the same target, set up without a transaction, that runs `use` before its QUIT. */
    reconnect = async (use) => {
        const got = {};
        const again = new Probe(this.t, this.redactor, { use: async (s) => void (got.value = await use(s)) });
        const outcome = await again.run();
        const failed = outcome.error?.message ?? outcome.steps.find((s) => s.verdict !== "pass")?.reply?.lines[0] ?? "the session could not be set up again";
        return { value: got.value ?? null, failed, transcript: again.session.transcript };
    };
    async run() {
        const connectError = await this.session.connect();
        if (connectError?.kind === "closed") {
            // Accepted, then closed before anything came: that is the greeting step's failure.
            this.record(null, connectError, protocol_expect/* GREETING_EXPECTATION */.pV, this.started);
        }
        else if (connectError) {
            this.setError(connectError, null, this.t.tls === "implicit" ? "connecting with implicit TLS" : "connecting");
        }
        else if (this.t.tls === "implicit") {
            this.tlsStarted = true;
        }
        if (!connectError)
            this.fillLocalIdentity();
        if (!connectError && (await this.greeting())) {
            // A resumed probe sets the session up as the first did (EHLO, STARTTLS, AUTH), without a transaction.
            const plan = this.resume ? planSequence({ ...this.t, to: [], send: false, steps: null, policy: undefined }) : planSequence(this.t);
            for (let i = 0; i < plan.length; i++) {
                const planned = plan[i];
                if (planned.when === "starttls-advertised" && !(0,protocol_ehlo/* findExtension */.bW)(this.extensions, "STARTTLS"))
                    continue;
                if (planned.when === "tls-started" && !this.tlsStarted)
                    continue;
                let group = this.t.pipelining !== "off" && (0,protocol_ehlo/* findExtension */.bW)(this.extensions, "PIPELINING") ? pipelineGroupLength(plan, i) : 0;
                // A group that ends in DATA goes one command at a time when the message is too big for SIZE,
                // so DATA is never sent (runPlanned checks before it).
                if (group > 1 && (0,protocol_command/* verbOf */.rl)(plan[i + group - 1].line) === "DATA" && this.oversized())
                    group = 0;
                const ok = group > 1 ? await this.runPipelined(plan.slice(i, i + group)) : await this.runPlanned(planned);
                if (group > 1)
                    i += group - 1;
                if (!ok || this.closedByServer || this.quitSent)
                    break;
            }
        }
        await this.cleanUp();
        this.session.close();
        if (this.t.smugglingCheck && !this.smuggling && !this.resume)
            this.smuggling = notTried("the sequence stopped before the check");
        const outcome = {
            name: this.t.name, host: this.t.host, port: this.t.port, tlsMode: this.t.tls,
            durationMs: Math.round(monotonicMs() - this.started),
            error: this.error, tls: this.session.tls, extensions: this.extensions, extensionsBeforeTls: this.extensionsBeforeTls,
            steps: this.steps, transcript: this.session.transcript.entries, transcriptCapped: this.session.transcript.capped,
            unsolicitedReplies: this.session.unsolicited - this.smugglingExtras, closedByServer: this.closedByServer, source: this.t.source,
        };
        // The optional fields only where they hold something, set one by one rather than spread from
        // a temporary object each: a fleet builds one of these per target.
        const address = this.session.remoteAddress ?? this.t.address;
        if (this.oversize)
            outcome.oversize = this.oversize;
        if (this.t.insecure)
            outcome.insecure = true;
        if (this.t.send && !this.resume)
            outcome.message = { sent: this.delivered, recipients: this.t.to.length };
        if (address)
            outcome.address = address;
        if (this.t.mxHost)
            outcome.mxHost = this.t.mxHost;
        if (this.t.rdns)
            outcome.rdns = this.t.rdns;
        if (this.t.proxyProtocol)
            outcome.proxyProtocol = this.t.proxyProtocol;
        if (this.session.proxyHeaderUnknown)
            outcome.proxyHeaderUnknown = this.session.proxyHeaderUnknown;
        if (this.t.unroutable)
            outcome.unroutable = this.t.unroutable;
        if (this.t.socks5)
            outcome.socks5 = `${this.t.socks5.host}:${this.t.socks5.port}`;
        if (this.authWithheld)
            outcome.authWithheld = this.authWithheld;
        if (this.commandWithheld)
            outcome.commandWithheld = this.commandWithheld;
        if (this.credentialsInClear)
            outcome.credentialsInClear = true;
        if (this.shortSecret())
            outcome.shortSecret = true;
        if (this.smuggling)
            outcome.smuggling = this.smuggling;
        return outcome;
    }
    /** RFC 5321 §4.1.4: without a fully qualified name, EHLO names the address literal of our end. */
    fillLocalIdentity() {
        const helo = (0,protocol_address/* ehloName */.gi)(this.t.helo, this.session.localAddress);
        this.values = { ...this.values, helo, from: this.t.from ?? `smtp-gate@${helo}` };
    }
    async greeting() {
        const began = monotonicMs();
        const mark = this.session.unsolicitedMark();
        const r = await this.session.readReply();
        if (this.record(null, r, protocol_expect/* GREETING_EXPECTATION */.pV, began).verdict !== "pass")
            return false;
        return this.t.proxyProtocol ? this.proxyHeaderTaken(mark) : true;
    }
    /**
     * After a PROXY header and a greeting: did the server take the header, or read it as a
     * command? A listener that expects the header consumes it before it greets; one that greets
     * first answers it like any line (500/502; the v2 signature holds "QUIT<LF>" too, and its
     * binary tail joins the next line sent). Which reply EHLO would get then depends on timing, so
     * a barrier decides it first: NOOP, answered 250 by every server (RFC 5321 §4.1.1.9, §4.5.1).
     * A reply before NOOP's (TCP and the server keep the order) answers the header: the server
     * is out of step, the probe ends there, and diagnosis names the cause
     * (diagnose/connection.ts, proxy-header-unexpected). No sleep, whatever the timing.
     */
    async proxyHeaderTaken(mark) {
        const outOfStep = { kind: "protocol", message: "the server answered the PROXY protocol header as a command, so its replies are out of step" };
        const phase = "checking that the server took the PROXY protocol header";
        if (!this.session.usable) {
            // Closed with the greeting (Postfix obeys the "QUIT<LF>" inside a v2 header): what came before the close decides.
            if (this.session.unsolicitedSince(mark).count)
                this.setError(outOfStep, null, phase);
            return false;
        }
        const began = monotonicMs();
        // NOOP is sent even when the header's answer is already in: it takes up a v2 header's tail, so the QUIT below arrives whole.
        const r = this.session.writeBarrier("NOOP", (x) => x.code === 250) ?? (await this.session.readReply({ unsolicitedSince: mark }));
        if (r === null)
            this.setError(outOfStep, this.steps.length, phase);
        const step = this.record("NOOP", r ?? outOfStep, [{ code: 250 }], began, "proxy-header");
        step.phase = phase;
        if (r !== null)
            return step.verdict === "pass";
        // Only a QUIT is still sent, and only its own 221 (or a 421) ends the wait: a late reply to the header or to NOOP is not its answer.
        this.session.abandonOwed();
        this.quitSent = true;
        if (!this.session.usable)
            return false;
        const quitBegan = monotonicMs();
        const quit = this.session.writeBarrier("QUIT", (x) => x.code === 221 || x.code === 421) ?? (await this.session.readReply());
        this.record("QUIT", quit, (0,protocol_expect/* defaultExpectation */.gh)("QUIT"), quitBegan, "cleanup");
        this.session.close();
        return false;
    }
    /** Runs one planned step (with its sub-exchanges); false stops the sequence. */
    async runPlanned(p) {
        const line = this.lineOf(p);
        const verb = (0,protocol_command/* verbOf */.rl)(line);
        const expect = p.expect ?? (0,protocol_expect/* defaultExpectation */.gh)(verb);
        if (p.check === "open-relay")
            return this.relayCheck(line);
        if (p.check === "vrfy")
            return this.vrfyCheck(line);
        if (p.autoAuth)
            return this.authenticate(this.t.credentials?.mechanism ?? null, expect);
        const custom = steps/* CREDENTIAL_AUTH_STEP */.M.exec(line);
        if (custom)
            return this.authenticate(custom[1].toUpperCase(), expect);
        if (verb === "QUIT")
            return this.quit(line, expect);
        if ((verb === "DATA" || verb === "BDAT") && this.oversized())
            return false;
        if (verb === "BDAT")
            return this.sendChunk(expect);
        const step = await this.exchange(line, line, expect);
        const reply = step.reply;
        if (reply && (0,classify/* classify */.L)(reply.code) === "success") {
            if (verb === "MAIL")
                this.inTransaction = true;
            // A new EHLO or RSET ends any open transaction (RFC 5321 §4.1.4).
            if (verb === "RSET" || verb === "EHLO" || verb === "HELO")
                this.inTransaction = false;
        }
        if (verb === "EHLO" && reply)
            return this.afterEhlo(step, line);
        if (verb === "STARTTLS" && step.verdict === "pass" && reply?.code === 220)
            return this.upgrade(step);
        if (verb === "DATA" && reply?.code === 354)
            return step.verdict === "pass" ? this.sendMessage() : this.abandonData();
        return step.verdict === "pass";
    }
    /**
     * One write for the whole group, then its replies in order, each credited to its own step
     * (RFC 2920 §3.1). Everything sent is on record, even after a refusal inside the group.
     */
    async runPipelined(group) {
        const lines = group.map((p) => {
            const line = this.lineOf(p);
            return { wire: line, shown: line, verb: (0,protocol_command/* verbOf */.rl)(line), expect: p.expect ?? (0,protocol_expect/* defaultExpectation */.gh)((0,protocol_command/* verbOf */.rl)(line)) };
        });
        if (this.inTransaction && lines[0]?.verb === "MAIL")
            lines.unshift({ wire: "RSET", shown: "RSET", verb: "RSET", expect: (0,protocol_expect/* defaultExpectation */.gh)("RSET") });
        const began = monotonicMs();
        // A line the session will not send: one command at a time, so it is refused as its own step.
        if (lines.some((l) => this.needsSmtputf8(l.wire)) || this.session.writeLines(lines)) {
            for (const p of group)
                if (!(await this.runPlanned(p)))
                    return false;
            return true;
        }
        let ok = true;
        let dataAccepted = false;
        for (const l of lines) {
            const r = await this.session.readReply();
            const step = this.record(l.shown, r, l.expect, began);
            step.pipelined = true;
            if (!isReply(r))
                return false;
            ok &&= step.verdict === "pass";
            if (r.code === 250 && l.verb === "MAIL")
                this.inTransaction = true;
            if (r.code === 250 && l.verb === "RSET")
                this.inTransaction = false;
            if (l.verb === "DATA")
                dataAccepted = r.code === 354;
            if (l.verb === "QUIT") {
                this.quitSent = true;
                this.session.close();
            }
            if (this.closedByServer)
                return false;
        }
        if (dataAccepted) {
            // A refused RCPT still leaves DATA's 354 to answer: end it with the message only when all passed.
            return ok ? this.sendMessage() : this.abandonData();
        }
        return ok;
    }
    /**
     * After a 354 we will not follow with the message: "." would deliver an empty one, and any
     * command would be read as content. Closing the connection aborts the transaction (RFC 5321 §3.3).
     */
    async abandonData() {
        this.session.close();
        return false;
    }
    async afterEhlo(step, line) {
        const reply = step.reply;
        if ((0,classify/* classify */.L)(reply.code) === "success") {
            this.extensions = (0,protocol_ehlo/* parseEhloExtensions */.Ui)(reply.lines);
            this.lastEhlo = reply;
            return step.verdict === "pass";
        }
        // Only a refusal the step did not ask for falls back (`EHLO x => 500` answered 500 passes as is).
        if (step.verdict === "pass" || (reply.code !== 500 && reply.code !== 502) || !this.session.usable)
            return step.verdict === "pass";
        // RFC 5321 §3.2: a server that does not speak ESMTP gets HELO; the EHLO step is then a warning.
        const helo = `HELO ${line.replace(/^\S+\s*/, "")}`.trim();
        const fallback = await this.exchange(helo, helo, (0,protocol_expect/* defaultExpectation */.gh)("HELO"), { extra: "fallback" });
        if (fallback.verdict !== "pass")
            return false;
        step.verdict = "warn";
        this.extensions = [];
        return true;
    }
    async upgrade(step) {
        this.extensionsBeforeTls = this.extensions;
        const err = await this.session.startTls();
        if (err) {
            step.verdict = (0,engine_verdict/* judgeStep */.c4)(null, (0,protocol_expect/* defaultExpectation */.gh)("STARTTLS"), this.t.failOn);
            this.setError(err, this.steps.length - 1, "performing the TLS handshake after STARTTLS");
            return false;
        }
        // RFC 3207 §4.2: everything learned before TLS is forgotten, the client must EHLO again.
        this.tlsStarted = true;
        this.extensions = [];
        return true;
    }
    /** The command a planned step sends: placeholders filled, MAIL parameters added. */
    lineOf(p) {
        const line = p.literal ? p.line : (0,steps/* fillPlaceholders */.Ct)(p.line, this.values);
        if (!p.mailParams)
            return line;
        const addresses = [this.values.from, ...this.t.to];
        return line + mailParameters({
            size: this.t.send ? this.testMessage().length : null,
            eightBit: this.t.send && !isAscii(this.t.body ?? ""),
            utf8Addresses: addresses.some((a) => !isAscii(a)),
            advertised: (k) => (0,protocol_ehlo/* findExtension */.bW)(this.extensions, k) !== undefined,
        });
    }
    /** RFC 1870 §5: a client must not send a message larger than the server's SIZE. */
    oversized() {
        const limit = Number((0,protocol_ehlo/* findExtension */.bW)(this.extensions, "SIZE")?.split(/\s+/)[1]);
        const octets = this.testMessage().length;
        if (limit > 0 && octets > limit)
            this.oversize = { octets, limit };
        return this.oversize !== undefined;
    }
    testMessage() {
        this.message ??= frameForData(this.messageText());
        return this.message;
    }
    messageText() {
        this.text ??= buildTestMessage({ from: this.values.from, to: this.t.to, helo: this.values.helo, body: this.t.body });
        return this.text;
    }
    /** The test message as one BDAT chunk (RFC 3030 §2), framed here: the step's line is never sent as written. */
    async sendChunk(expect) {
        const chunk = frameForBdat(this.messageText());
        const line = `BDAT ${chunk.length} LAST`;
        const began = monotonicMs();
        // RFC 3030 §2: BDAT only to a server that advertised CHUNKING. One that did not reads the
        // chunk's lines as commands (every header line answered 500, or worse, obeyed).
        const withheld = this.withhold(line, "CHUNKING", "the server did not advertise CHUNKING (RFC 3030), so it would read the message's lines as commands");
        const r = withheld ?? this.session.writeChunk(line, chunk, `(test message: ${chunk.length} octets in one chunk)`) ?? (await this.session.readReply());
        const step = this.record(line, r, expect, began);
        if (step.reply)
            this.inTransaction = false;
        if (step.reply?.code === 250)
            this.delivered = true;
        return step.verdict === "pass";
    }
    async sendMessage() {
        const framed = this.testMessage();
        const began = monotonicMs();
        this.session.writeMessage(framed, `(test message: ${framed.length} octets, dot-stuffed, ending with ".")`);
        const r = await this.session.readReply();
        this.inTransaction = false;
        const step = this.record(".", r, protocol_expect/* END_OF_DATA_EXPECTATION */.I2, began);
        if (step.reply?.code === 250)
            this.delivered = true;
        return step.verdict === "pass";
    }
    /** A secret so short that redacting it may blank ordinary text, and whose pieces are too short to find. */
    shortSecret() {
        const c = this.t.credentials;
        return [c?.password, c?.oauthToken].some((s) => s !== undefined && s.length < FRAGMENT);
    }
    /** The whole SASL exchange; each line is its own step, shown after the mechanism as `***`. */
    async authenticate(asked, finalExpect) {
        const allowed = gateCredentials({
            asked, credentials: this.t.credentials, tlsMode: this.t.tls, tlsActive: this.tlsStarted, allowPlaintextAuth: this.t.allowPlaintextAuth ?? false,
            remoteAddress: this.session.remoteAddress, extensions: this.extensions, extensionsBeforeTls: this.extensionsBeforeTls,
        });
        if ("reason" in allowed) {
            // Nothing of the credentials is sent; the finding (diagnose/credentials.ts) says why.
            this.authWithheld = allowed;
            return false;
        }
        this.credentialsInClear = !this.tlsStarted;
        return runSasl(allowed.mechanism, this.t.credentials, finalExpect, {
            exchange: (wire, shown, expect, sasl) => this.exchange(wire, shown, expect, { kind: "auth", sasl }),
            secret: (...forms) => this.redactor.add(...forms),
        });
    }
    /**
     * Open relay test, envelope only: unauthenticated MAIL, then RCPT to a foreign domain, which
     * must be refused. A MAIL refused outright (530 on a submission port) proves the same.
     */
    async relayCheck(rcptLine) {
        const mailLine = (0,steps/* fillPlaceholders */.Ct)("MAIL FROM:<{from}>", this.values);
        const mail = await this.exchange(mailLine, mailLine, ANY_REPLY, { check: "open-relay" });
        if (mail.reply?.code !== 250)
            return mail.reply !== null;
        this.inTransaction = true;
        const rcpt = await this.exchange(rcptLine, rcptLine, REFUSAL, { check: "open-relay" });
        if (rcpt.reply === null)
            return false;
        const rset = await this.exchange("RSET", "RSET", (0,protocol_expect/* defaultExpectation */.gh)("RSET"), { check: "open-relay" });
        if (rset.reply?.code === 250)
            this.inTransaction = false;
        return rcpt.verdict === "pass" && rset.verdict === "pass";
    }
    /** VRFY must not confirm mailboxes (RFC 5321 §7.3): 252 or a refusal passes, 250/251 does not. */
    async vrfyCheck(line) {
        return (await this.exchange(line, line, VRFY_DISABLED, { check: "vrfy" })).verdict === "pass";
    }
    async quit(line, expect) {
        if (this.inTransaction)
            await this.exchange("RSET", "RSET", (0,protocol_expect/* defaultExpectation */.gh)("RSET"), { extra: "cleanup" });
        if (this.t.smugglingCheck)
            await this.smugglingCheck();
        if (!this.session.usable)
            return false;
        this.quitSent = true;
        const step = await this.exchange(line, line, expect);
        this.session.close();
        return step.verdict === "pass";
    }
    /**
     * The SMTP smuggling check (engine/smuggling.ts), before QUIT, once the normal transaction
     * delivered. When it cannot run, `smuggling` says why for every variant. A resumed probe only
     * hands its session over.
     */
    async smugglingCheck() {
        if (this.resume) {
            if (this.lastEhlo && this.session.usable)
                await this.resume.use(this.session);
            return;
        }
        const why = !this.delivered ? "the test message was not accepted, so the check did not run"
            : !this.lastEhlo ? "the server did not answer EHLO, so the check did not run"
                : !this.session.usable ? "the connection was closed before the check" : null;
        if (why) {
            this.smuggling = notTried(why);
            return;
        }
        const mailLine = (0,steps/* fillPlaceholders */.Ct)("MAIL FROM:<{from}>", this.values) + mailParameters({
            size: null, eightBit: false, utf8Addresses: [this.values.from, this.t.to[0] ?? ""].some((a) => !isAscii(a)),
            advertised: (k) => (0,protocol_ehlo/* findExtension */.bW)(this.extensions, k) !== undefined,
        });
        const deadlineAt = monotonicMs() + Math.min(SMUGGLING_CHECK_MS, this.t.deadlineMs ?? Infinity);
        const check = await runSmugglingCheck(this.session, this.t, { mailLine, deadlineAt, helo: this.values.helo, from: this.values.from }, this.reconnect);
        this.smuggling = check.results;
        // Only this session's count: a resumed probe's replies never reached it.
        this.smugglingExtras = check.extraReplies;
    }
    /** After a step that did not pass: RSET if a transaction is open, then QUIT, while usable. */
    async cleanUp() {
        if (this.quitSent || this.closedByServer || !this.session.usable)
            return;
        if (this.inTransaction)
            await this.exchange("RSET", "RSET", (0,protocol_expect/* defaultExpectation */.gh)("RSET"), { extra: "cleanup" });
        if (!this.session.usable)
            return;
        this.quitSent = true;
        await this.exchange("QUIT", "QUIT", (0,protocol_expect/* defaultExpectation */.gh)("QUIT"), { extra: "cleanup" });
    }
    /** The one send-and-read function every command goes through; a line the session refuses is its step's error. */
    async exchange(wire, shown, expect, opts = {}) {
        const began = monotonicMs();
        // The transcript is for people: a secret line appears there by what it carries, not as `***`.
        const logged = opts.sasl ? (0,auth/* saslLabel */.cd)(opts.sasl.mechanism, opts.sasl.carries) : shown;
        const r = this.utf8Refusal(wire, shown) ?? this.session.writeLine(wire, logged, opts.kind) ?? (await this.session.readReply());
        const step = this.record(shown, r, expect, began, opts.extra, opts.check);
        if (opts.sasl)
            step.sasl = opts.sasl;
        return step;
    }
    /**
     * RFC 6531 §3.2: UTF-8 in a command only to a server that advertised SMTPUTF8 in the current
     * EHLO reply. A custom step may hold it (the configuration allows printable UTF-8); it is then
     * refused here, as the step's error, without sending it.
     */
    utf8Refusal(wire, shown) {
        if (!this.needsSmtputf8(wire))
            return null;
        return this.withhold(shown, "SMTPUTF8", "it holds non-ASCII characters and the server did not advertise SMTPUTF8 (RFC 6531)");
    }
    needsSmtputf8(wire) {
        return !isAscii(wire) && !(0,protocol_ehlo/* findExtension */.bW)(this.extensions, "SMTPUTF8");
    }
    /**
     * A command that needs an extension the current EHLO reply did not advertise is not sent: the
     * step gets this error instead of a reply, and `commandWithheld` tells diagnosis which step and
     * why (diagnose/advertised.ts), so that nobody reads it as a server fault.
     */
    withhold(shown, keyword, why) {
        if ((0,protocol_ehlo/* findExtension */.bW)(this.extensions, keyword))
            return null;
        this.commandWithheld ??= { step: this.steps.length, needs: keyword };
        return { kind: "protocol", message: `smtp-gate did not send ${JSON.stringify(shown)}: ${why}` };
    }
    record(shown, r, expect, began, extra, check) {
        // The session redacted every line as it arrived.
        const reply = isReply(r) ? r : null;
        const step = {
            command: shown,
            verb: stepVerb(shown),
            reply,
            class: reply ? (0,classify/* classify */.L)(reply.code) : null,
            expected: (0,protocol_expect/* formatExpectation */.M9)(expect),
            verdict: (0,engine_verdict/* judgeStep */.c4)(reply?.code ?? null, expect, this.t.failOn),
            ms: Math.round(monotonicMs() - began),
            phase: phaseOf(shown),
        };
        if (extra)
            step.extra = extra;
        if (check)
            step.check = check;
        this.steps.push(step);
        if (!isReply(r))
            this.setError(r, this.steps.length - 1, step.phase);
        else if (r.code === 421) {
            // The server is closing the channel (RFC 5321 §3.8): no QUIT, and the close is no error.
            this.closedByServer = true;
            this.session.close();
        }
        return step;
    }
    setError(err, step, phase) {
        if (this.error)
            return;
        this.error = { kind: err.kind, message: `${err.message} while ${phase}`, step, ...(err.received !== undefined ? { received: err.received } : {}) };
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/engine/tls-audit.ts
/**
 * The TLS audit (contract §9, opt-in `tls-audit`): extra STARTTLS (or implicit TLS) handshakes per
 * address, one per protocol version and one per key type, each on its own connection that ends with
 * QUIT. What it finds: the versions accepted (TLS 1.0 and 1.1 are deprecated, RFC 8996), whether the
 * server sends the intermediates its leaf needs (a chain that only verifies where a client has the
 * intermediate cached), and per certificate the key, the signature algorithm, the names and the days
 * left. Certificates are read as sent: these handshakes trust no CA, so nothing is added to the chain.
 */




const VERSIONS = ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];
/** RFC 8446 §4.2.3 names; one list per key type, so that a server holding both shows each. */
const KEY_SIGALGS = {
    RSA: "rsa_pss_rsae_sha256:rsa_pss_rsae_sha384:rsa_pss_rsae_sha512:rsa_pkcs1_sha256:rsa_pkcs1_sha384:rsa_pkcs1_sha512",
    ECDSA: "ecdsa_secp256r1_sha256:ecdsa_secp384r1_sha384:ecdsa_secp521r1_sha512",
};
/** One connection: greeting, EHLO, STARTTLS (unless implicit), the handshake, QUIT. Null when it did not complete. */
async function handshake(t, extra) {
    const s = new SmtpSession({
        host: t.host, port: t.port, implicitTls: t.tls === "implicit", servername: t.servername, insecure: true,
        timeoutMs: t.timeoutMs, address: t.address, proxyProtocol: t.proxyProtocol, socks5: t.socks5, redact: (x) => x,
        // An empty trust store: the chain read is what the server sent, nothing added from a store.
        tlsExtra: { ca: [], ...extra },
    });
    try {
        if (await s.connect())
            return null;
        if (t.tls === "implicit")
            return { protocol: s.tls?.protocol ?? null, chain: s.peerChain };
        const greeting = await s.readReply();
        if (!isReply(greeting) || greeting.code !== 220)
            return null;
        for (const line of [`EHLO ${(0,protocol_address/* ehloName */.gi)(t.helo, s.localAddress)}`, "STARTTLS"]) {
            if (s.writeLine(line))
                return null;
            const r = await s.readReply();
            if (!isReply(r) || r.code >= 400)
                return null;
        }
        if (await s.startTls())
            return null;
        const done = { protocol: s.tls?.protocol ?? null, chain: s.peerChain };
        if (!s.writeLine("QUIT"))
            await s.readReply();
        return done;
    }
    finally {
        s.close();
    }
}
async function auditTls(t) {
    const protocols = [];
    for (const v of VERSIONS) {
        // OpenSSL 3 refuses TLS 1.0/1.1's SHA-1 signatures at its default security level: level 0 asks
        // what the server accepts, not what we would.
        const old = v === "TLSv1" || v === "TLSv1.1";
        const h = await handshake(t, { minVersion: v, maxVersion: v, ...(old ? { ciphers: "DEFAULT:@SECLEVEL=0" } : {}) });
        if (h?.protocol === v)
            protocols.push(v);
    }
    const certificates = [];
    let chainComplete = true;
    for (const sigalgs of Object.values(KEY_SIGALGS)) {
        const h = await handshake(t, { sigalgs });
        if (!h?.chain?.raw)
            continue;
        const leaf = new external_node_crypto_.X509Certificate(h.chain.raw);
        if (certificates.some((c) => c.fingerprint256 === leaf.fingerprint256))
            continue;
        const complete = sentIssuer(h.chain) || issuedByTrustedRoot(leaf, t.ca);
        certificates.push(tls_audit_describe(leaf, t.mxHost ?? t.servername ?? t.host, complete));
        if (!complete)
            chainComplete = false;
    }
    return { protocols, chainComplete, certificates };
}
/** The leaf is self-issued, or the server sent the certificate that issued it. */
function sentIssuer(chain) {
    const leaf = new external_node_crypto_.X509Certificate(chain.raw);
    if (leaf.checkIssued(leaf))
        return true;
    const next = chain.issuerCertificate;
    return next !== undefined && next !== chain && next.raw !== undefined && leaf.checkIssued(new external_node_crypto_.X509Certificate(next.raw));
}
/** A leaf issued by a root itself needs nothing sent beside it. */
function issuedByTrustedRoot(leaf, ca) {
    const pems = [...external_node_tls_namespaceObject.rootCertificates, ...(ca?.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [])];
    return pems.some((pem) => {
        try {
            return leaf.checkIssued(new external_node_crypto_.X509Certificate(pem));
        }
        catch {
            return false;
        }
    });
}
const tls_audit_DAY_MS = 86_400_000;
function tls_audit_describe(c, host, chainComplete) {
    const k = c.publicKey;
    const d = k.asymmetricKeyDetails ?? {};
    const curve = { prime256v1: "P-256", secp384r1: "P-384", secp521r1: "P-521" }[d.namedCurve ?? ""] ?? d.namedCurve;
    const key = k.asymmetricKeyType === "rsa" || k.asymmetricKeyType === "rsa-pss" ? `RSA ${d.modulusLength}` : k.asymmetricKeyType === "ec" ? `EC ${curve}` : (k.asymmetricKeyType ?? "unknown").replace(/^ed/, "Ed");
    const names = (c.subjectAltName ?? "").split(/,\s*/).filter((n) => n.startsWith("DNS:")).map((n) => n.slice(4));
    return {
        key,
        // Node 24 has it; the @types/node in use does not declare it yet.
        signature: c.signatureAlgorithm ?? "unknown",
        names,
        issuer: /CN=([^\n]+)/.exec(c.issuer)?.[1] ?? null,
        daysLeft: Math.floor((new Date(c.validTo).getTime() - Date.now()) / tls_audit_DAY_MS),
        matchesHost: c.checkHost(host) !== undefined,
        chainComplete,
        fingerprint256: c.fingerprint256,
    };
}

;// CONCATENATED MODULE: ./src/domain/mta-sts.ts
/**
 * MTA-STS (RFC 8461), the pure part: the `_mta-sts` TXT record (§3.1), the policy file (§3.2) and
 * MX pattern matching (§4.1). No I/O here: session/policy-fetch.ts fetches, diagnose/mta-sts.ts judges.
 */

/** RFC 8461 §3.2: max_age is at most 31557600 seconds (a year). */
const MAX_AGE_LIMIT = 31_557_600;
/**
 * What senders read of the policy body. RFC 8461 §3.3 lets them cap it; 64 KiB is what common
 * implementations (Postfix's postfix-mta-sts-resolver, Google) use, and what smtp-gate reads.
 */
const POLICY_SIZE_LIMIT = 64 * 1024;
/**
 * RFC 8461 §3.1: of the TXT records at `_mta-sts.<domain>`, those that start with `v=STSv1`
 * count (the strings of one record are joined); exactly one must, with `id` of 1 to 32 letters and
 * digits. Several make senders assume no policy at all.
 */
function readStsTxt(records) {
    const sts = records.map((r) => r.join("")).filter((r) => /^v=STSv1(;|\s|$)/.test(r));
    if (sts.length === 0)
        return { kind: "none" };
    if (sts.length > 1)
        return { kind: "multiple", records: sts };
    const record = sts[0];
    const fields = record.split(";").map((f) => f.trim()).filter((f) => f !== "");
    let id;
    for (const field of fields.slice(1)) {
        const m = /^([A-Za-z0-9][A-Za-z0-9_.-]{0,31})=(.*)$/.exec(field);
        if (!m)
            return { kind: "invalid", record, problem: `"${field}" is not a field (name=value)` };
        if (m[1] === "id" && id === undefined)
            id = m[2];
    }
    if (id === undefined)
        return { kind: "invalid", record, problem: "it has no id field" };
    if (!/^[A-Za-z0-9]{1,32}$/.test(id))
        return { kind: "invalid", record, problem: `the id "${id}" is not 1 to 32 letters and digits` };
    return { kind: "valid", id, record };
}
/**
 * RFC 8461 §3.2: `key: value` lines ended by CRLF or LF; `version` (STSv1), `mode` and `max_age`
 * (at most 31557600) required, `mx` once or more unless the mode is none; of a repeated field other
 * than mx the first counts; unknown fields are ignored. Empty lines at the end are counted, not
 * refused: the grammar has none, but line-by-line readers (postfix-mta-sts-resolver) skip them,
 * and a file ending in a blank line is what editors and templates often write. An empty line
 * between fields stays a problem.
 */
function parsePolicy(body) {
    const first = new Map();
    const repeated = new Set();
    const mx = [];
    const problems = [];
    // A byte-order mark glues itself to the first key ("\uFEFFversion"): strict and line-by-line
    // readers alike then find no version (postfix-mta-sts-resolver cannot even decode it as ASCII).
    if (body.startsWith("\uFEFF"))
        problems.push("the file starts with a byte-order mark (U+FEFF), which becomes part of the first key");
    const lines = body.split(/\r?\n/);
    // The last element is what follows the final line break ("" for a terminated file).
    let end = lines.length - 1;
    if (lines[end] !== "")
        end++;
    let trailingBlankLines = 0;
    while (end > 1 && lines[end - 1] === "") {
        end--;
        trailingBlankLines++;
    }
    lines.slice(0, end).forEach((line, i) => {
        const m = /^([A-Za-z0-9_.-]+):[ \t]*(.*?)[ \t]*$/.exec(line);
        if (!m) {
            problems.push(`line ${i + 1} is not "key: value"`);
            return;
        }
        const key = m[1];
        const value = m[2];
        if (key === "mx")
            mx.push(value.toLowerCase());
        else if (first.has(key))
            repeated.add(key);
        else
            first.set(key, value);
    });
    const version = first.get("version");
    if (version !== "STSv1")
        problems.push(version === undefined ? "version is missing" : `version is "${version}", not STSv1`);
    const modeText = first.get("mode");
    const mode = (0,enums/* isOneOf */.EK)(enums/* STS_MODES */.U5, modeText) ? modeText : null;
    if (!mode)
        problems.push(modeText === undefined ? "mode is missing" : `mode is "${modeText}", not enforce, testing or none`);
    const ageText = first.get("max_age");
    const maxAge = ageText !== undefined && /^\d{1,10}$/.test(ageText) ? Number(ageText) : NaN;
    if (!(maxAge <= MAX_AGE_LIMIT))
        problems.push(ageText === undefined ? "max_age is missing" : `max_age "${ageText}" is not a number of seconds up to ${MAX_AGE_LIMIT}`);
    for (const p of mx)
        if (!isMxPattern(p))
            problems.push(`mx "${p}" is not a host name or *.domain pattern`);
    if (mode && mode !== "none" && mx.length === 0)
        problems.push(`mode ${mode} needs at least one mx line`);
    if (problems.length || !mode)
        return { problems };
    const notes = [...repeated].map((k) => `${k} appears more than once; the first (${first.get(k)}) counts`);
    return { policy: { mode, maxAge, mx }, notes, ...(trailingBlankLines ? { trailingBlankLines } : {}) };
}
function isMxPattern(p) {
    return /^(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)+\.?$/.test(p) || /^[a-z0-9-]+$/.test(p);
}
/** RFC 8461 §4.1: `*.example.com` covers exactly one more leftmost label; otherwise equality, case-insensitive. */
function mxMatches(pattern, host) {
    const p = pattern.toLowerCase().replace(/\.$/, "");
    const h = host.toLowerCase().replace(/\.$/, "");
    if (!p.startsWith("*."))
        return p === h;
    const dot = h.indexOf(".");
    return dot > 0 && h.slice(dot + 1) === p.slice(2);
}
/** The MX hosts no pattern covers, and the patterns no MX host matches. */
function compareMx(patterns, hosts) {
    return {
        uncovered: hosts.filter((h) => !patterns.some((p) => mxMatches(p, h))),
        unused: patterns.filter((p) => !hosts.some((h) => mxMatches(p, h))),
    };
}

;// CONCATENATED MODULE: ./src/diagnose/mta-sts.ts
/**
 * MTA-STS and TLS-RPT findings (contract §9): the domain's records and policy, then per MX address
 * what an RFC 8461 sender would do. Ids start with `mta-sts-` and `tls-rpt-`; these findings are
 * about the domain's publication, not about a reply, so they name no step.
 */




/**
 * DNS records, policy lines and HTTP headers are the peer's text: control characters are shown as
 * \xNN (no forged line or workflow command in our output) and a long record is cut.
 */
function safe(f) {
    const cut = (s) => (0,lines/* escapeControls */.UN)(s.length > 600 ? `${s.slice(0, 600)}…` : s);
    return { ...f, message: cut(f.message), fixes: f.fixes.map(cut) };
}
/** RFC 8461 §5: enforce refuses delivery, testing only reports, none withdraws the policy. */
const MODE_SEVERITY = { enforce: "error", testing: "warning", none: "notice" };
const FETCH_FIX = {
    dns: "Publish an A/AAAA record for mta-sts.DOMAIN pointing at the web server that serves the policy.",
    connect: "Serve HTTPS on port 443 of mta-sts.DOMAIN.",
    tls: "Give mta-sts.DOMAIN a certificate from a public CA that names it (RFC 8461 §3.3), with its intermediates.",
    redirect: "Serve the file itself at https://mta-sts.DOMAIN/.well-known/mta-sts.txt; senders do not follow redirects (RFC 8461 §3.3).",
    status: "Put the policy at /.well-known/mta-sts.txt on mta-sts.DOMAIN and answer 200.",
    "content-type": "Serve the policy with Content-Type: text/plain.",
    "too-large": "Shrink the policy below 64 KiB: it needs only version, mode, mx and max_age lines.",
    timeout: "Make the policy host answer promptly: senders give up and fail open.",
};
/**
 * A certificate the fetch refused, by its verification code: the fix follows the evidence. RFC 8461
 * §3.3: the policy host's certificate must chain to a trusted root and be valid for mta-sts.DOMAIN.
 */
const FETCH_TLS_FIX = {
    ERR_TLS_CERT_ALTNAME_INVALID: "Add mta-sts.DOMAIN to the names of the certificate the policy host serves (RFC 8461 §3.3 checks that name; a certificate for DOMAIN or www.DOMAIN alone does not do), or give that virtual host its own certificate.",
    CERT_HAS_EXPIRED: "Renew the certificate of mta-sts.DOMAIN (RFC 8461 §3.3: senders refuse an expired one).",
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: "Serve the intermediates with the certificate of mta-sts.DOMAIN (the full chain file).",
};
/** A policy's problems, each with its own fix where one is specific; the generic layout otherwise. */
function policyFixes(problems) {
    const fixes = [];
    if (problems.some((p) => p.startsWith("max_age")))
        fixes.push(`Set max_age to a number of seconds up to ${MAX_AGE_LIMIT} (a year; RFC 8461 §3.2), e.g. max_age: 604800 (a week) or more.`);
    fixes.push("Write version: STSv1, mode, one mx line per MX pattern and max_age, one per line.");
    return fixes;
}
function domainFindings(c, mxHosts) {
    const d = c.domain;
    const out = [];
    const txtName = `_mta-sts.${d}`;
    if (c.txt.kind === "lookup-failed") {
        out.push((0,rule/* finding */.gk)("mta-sts-txt-lookup", "warning", null, `The TXT lookup of ${txtName} failed (${c.txt.code}); senders that cannot read it deliver without MTA-STS.`, ["The domain's DNS servers fail for this name."], [`Check the zone's DNS servers: dig TXT ${txtName}.`]));
    }
    else if (c.txt.kind === "multiple") {
        out.push((0,rule/* finding */.gk)("mta-sts-txt-multiple", "error", null, `${txtName} has ${c.txt.records.length} v=STSv1 TXT records (${c.txt.records.map((r) => `"${r}"`).join(", ")}); with more than one, senders act as if there were no policy (RFC 8461 §3.1).`, ["An old record was left beside a new one when the id changed."], [`Keep one v=STSv1 record at ${txtName}.`]));
    }
    else if (c.txt.kind === "invalid") {
        out.push((0,rule/* finding */.gk)("mta-sts-txt-invalid", "error", null, `${txtName} "${c.txt.record}" is not a valid MTA-STS record: ${c.txt.problem}; senders act as if there were no policy (RFC 8461 §3.1).`, [], [`Publish "v=STSv1; id=YYYYMMDDHHMMSS;" (id: 1 to 32 letters and digits) at ${txtName}.`]));
    }
    if (c.fetch && !c.fetch.ok) {
        const fix = (c.fetch.kind === "tls" && c.fetch.code ? FETCH_TLS_FIX[c.fetch.code] : undefined) ?? FETCH_FIX[c.fetch.kind] ?? "";
        out.push((0,rule/* finding */.gk)(`mta-sts-policy-${c.fetch.kind}`, "error", null, `${txtName} announces a policy, but ${c.fetch.url} cannot be fetched: ${c.fetch.message}. Senders fail open: mail is not protected.`, [], [fix.replaceAll("DOMAIN", d)]));
    }
    if (c.parse && "problems" in c.parse) {
        out.push((0,rule/* finding */.gk)("mta-sts-policy-invalid", "error", null, `The policy at ${c.fetch?.url} is not valid: ${c.parse.problems.join("; ")}. Senders ignore it (RFC 8461 §3.2).`, [], policyFixes(c.parse.problems)));
    }
    if (c.parse && "policy" in c.parse) {
        const { policy, notes } = c.parse;
        if (notes.length)
            out.push((0,rule/* finding */.gk)("mta-sts-policy-repeated", "notice", null, `The policy repeats fields: ${notes.join("; ")}.`, [], ["Keep each field once (mx may repeat)."]));
        if (c.parse.trailingBlankLines) {
            out.push((0,rule/* finding */.gk)("mta-sts-policy-blank-line", "notice", null, `The policy at ${c.fetch?.url} ends with ${c.parse.trailingBlankLines === 1 ? "an empty line" : `${c.parse.trailingBlankLines} empty lines`}. RFC 8461 §3.2's grammar has none; line-by-line readers (postfix-mta-sts-resolver) skip it, a strict parser may ignore the policy.`, [], ["End the file after the last field's line break."]));
        }
        if (policy.mode === "none")
            out.push((0,rule/* finding */.gk)("mta-sts-mode-none", "notice", null, `The MTA-STS policy of ${d} is in mode none: senders drop it (RFC 8461 §5).`, [], []));
        if (policy.mode !== "none" && mxHosts.length) {
            const { uncovered, unused } = compareMx(policy.mx, mxHosts);
            // An MX the patterns miss is judged per address (mta-sts-mx-not-covered); a pattern no MX matches is stale.
            if (unused.length && uncovered.length === 0)
                out.push((0,rule/* finding */.gk)("mta-sts-pattern-unused", "notice", null, `The policy's mx pattern${unused.length > 1 ? "s" : ""} ${unused.join(", ")} match${unused.length > 1 ? "" : "es"} no MX host of ${d} (MX: ${mxHosts.join(", ")}).`, ["An MX host was retired and the policy kept its pattern."], ["Remove the pattern, and publish a new id in the TXT record."]));
            else if (unused.length)
                out.push((0,rule/* finding */.gk)("mta-sts-pattern-unused", "notice", null, `The policy's mx pattern${unused.length > 1 ? "s" : ""} ${unused.join(", ")} match${unused.length > 1 ? "" : "es"} no MX host of ${d}.`, [], []));
        }
    }
    const mtaStsInUse = c.result.mtaSts !== null;
    const rptName = `_smtp._tls.${d}`;
    if (c.tlsRpt.kind === "none" && mtaStsInUse) {
        out.push((0,rule/* finding */.gk)("tls-rpt-missing", "notice", null, `${d} publishes MTA-STS but no TLS-RPT record at ${rptName}: nobody hears when senders fail to deliver over TLS (RFC 8460).`, [], [`Publish "v=TLSRPTv1; rua=mailto:tls-reports@${d}" at ${rptName}.`]));
    }
    else if (c.tlsRpt.kind === "multiple") {
        out.push((0,rule/* finding */.gk)("tls-rpt-multiple", "warning", null, `${rptName} has ${c.tlsRpt.records.length} v=TLSRPTv1 records; senders send no reports then (RFC 8460 §3).`, [], [`Keep one v=TLSRPTv1 record at ${rptName}.`]));
    }
    else if (c.tlsRpt.kind === "invalid") {
        out.push((0,rule/* finding */.gk)("tls-rpt-invalid", "warning", null, `${rptName} "${c.tlsRpt.record}" is not a valid TLS-RPT record: ${c.tlsRpt.problem}.`, [], [`Publish "v=TLSRPTv1; rua=mailto:…" (or https:) at ${rptName}.`]));
    }
    else if (c.tlsRpt.kind === "lookup-failed") {
        out.push((0,rule/* finding */.gk)("tls-rpt-lookup", "notice", null, `The TXT lookup of ${rptName} failed (${c.tlsRpt.code}).`, [], []));
    }
    return out.map(safe);
}
/**
 * RFC 8461 §4: a sender with the policy delivers to an MX host that a pattern covers and that
 * offers STARTTLS with a certificate chaining to a trusted root and naming the MX host (§4.2).
 * Null when the domain has no usable policy.
 */
function judgeAddress(c, r) {
    const policy = c.txt.kind === "valid" && c.parse && "policy" in c.parse ? c.parse.policy : null;
    // An MX lookup that failed has no address to judge (its own finding says why).
    if (!policy || r.error?.kind === "dns")
        return null;
    const host = r.mxHost ?? r.host;
    const covered = policy.mx.some((p) => mxMatches(p, host));
    const mode = policy.mode;
    // RFC 8461 §5: in mode none senders treat the domain as having no policy (§8.3: how a policy is
    // withdrawn), so nothing about an MX host is a finding, and "add mx:" would be advice against
    // the owner's intent. mta-sts-mode-none says it once for the domain.
    if (mode === "none")
        return { mtaSts: { covered, sender: reachedHost(r) ? "deliver" : null }, findings: [] };
    const severity = MODE_SEVERITY[mode];
    const consequence = mode === "enforce" ? "an MTA-STS sender will not deliver to it" : mode === "testing" ? "senders deliver anyway (testing) but report the failure; in enforce mode they would not deliver" : "the policy is in mode none";
    const where = r.address ? `${host} [${r.address}]` : host;
    const findings = [];
    if (!covered) {
        // RFC 8461 §4.1: a wildcard covers exactly one leftmost label. The common surprises: a host
        // deeper than that, and the domain itself as its own MX under "*.domain".
        const bare = host.toLowerCase().replace(/\.$/, "");
        const deeper = policy.mx.find((p) => p.startsWith("*.") && bare.endsWith(p.slice(1)));
        const apex = deeper ? undefined : policy.mx.find((p) => p.startsWith("*.") && bare === p.slice(2).replace(/\.$/, ""));
        const why = deeper ? `; ${deeper} stands for exactly one label, and ${host} has more in its place (RFC 8461 §4.1)`
            : apex ? `; ${apex} stands for one label before ${bare}, so it does not cover ${bare} itself (RFC 8461 §4.1)` : "";
        const cover = deeper ? `*.${bare.split(".").slice(1).join(".")}` : null;
        findings.push((0,rule/* finding */.gk)("mta-sts-mx-not-covered", severity, null, `The MX host ${host} matches none of the policy's mx patterns (${(0,rule/* list */.p_)(policy.mx)})${why}: ${consequence}.`, [deeper ? "The policy's wildcard was written for hosts one level below the domain; this MX host is further down."
                : apex ? "The domain is its own MX host, and the policy lists only a wildcard below it." : "An MX host was added or renamed without updating the policy."], [`Add "mx: ${host}"${cover ? ` (or "mx: ${cover}")` : apex ? "" : " (or a *. pattern that covers it)"} to ${c.fetch?.url ?? "the policy"}, then publish a new id in _mta-sts.${c.domain}.`]));
    }
    const reached = reachedHost(r);
    let tlsOk = false;
    if (r.tls === null) {
        if (reached)
            findings.push((0,rule/* finding */.gk)("mta-sts-no-starttls", severity, null, `${where} did not negotiate STARTTLS: ${consequence}.`, ["STARTTLS is not offered, or a middlebox strips it."], ["Offer STARTTLS on the MX host (RFC 8461 §4.2)."]));
    }
    else if (!r.tls.authorized) {
        const code = r.tls.authorizationError ?? "";
        const nameProblem = code === "ERR_TLS_CERT_ALTNAME_INVALID";
        const names = r.tls.subjectAltNames.map((n) => n.replace(/^(DNS|IP Address):/, "")).join(", ") || r.tls.subject || "none";
        findings.push((0,rule/* finding */.gk)("mta-sts-mx-certificate", severity, null, nameProblem ? `The certificate of ${where} does not name the MX host ${host} (it names ${names}): ${consequence}.` : `The certificate of ${where} does not verify (${describeVerifyError(code)}): ${consequence}.`, 
        // The certificate's own causes are the TLS finding's (certificate-untrusted); this one says what MTA-STS makes of it.
        [], [nameProblem ? `Issue the certificate for ${host} too (RFC 8461 §4.2 checks the MX host name, not the greeting's).` : "Serve the full chain from a public CA, valid for the MX host name."]));
    }
    else
        tlsOk = true;
    const sender = !reached && r.tls === null ? null : mode === "enforce" ? (covered && tlsOk ? "deliver" : "refuse") : "deliver";
    return { mtaSts: { covered, sender }, findings: findings.map(safe) };
}
/** The probe got an answer from the address (TLS or not); a failed connect or a timeout says nothing. */
function reachedHost(r) {
    return r.tls !== null || !(r.error && (r.error.kind === "connect" || r.error.kind === "timeout" || r.error.kind === "proxy"));
}

;// CONCATENATED MODULE: ./src/domain/tls-rpt.ts
/**
 * SMTP TLS Reporting (RFC 8460 §3): the `_smtp._tls.<domain>` TXT record. Exactly one record that
 * starts with `v=TLSRPTv1`, with `rua=` a comma-separated list of `mailto:` or `https:` URIs.
 */

function readTlsRptTxt(records) {
    const rpt = records.map((r) => r.join("")).filter((r) => /^v=TLSRPTv1(;|\s|$)/.test(r));
    if (rpt.length === 0)
        return { kind: "none" };
    if (rpt.length > 1)
        return { kind: "multiple", records: rpt };
    const record = rpt[0];
    const rua = record.split(";").map((f) => f.trim()).find((f) => f.startsWith("rua="));
    if (!rua)
        return { kind: "invalid", record, problem: "it has no rua field (where reports go)" };
    const uris = rua.slice(4).split(",").map((u) => u.trim()).filter((u) => u !== "");
    if (uris.length === 0)
        return { kind: "invalid", record, problem: "its rua field is empty" };
    for (const uri of uris) {
        const bad = ruaProblem(uri);
        if (bad)
            return { kind: "invalid", record, problem: `rua "${uri}" ${bad}` };
    }
    return { kind: "valid", rua: uris };
}
/**
 * RFC 8460 §3: a `mailto:` address or an `https:` URL; nothing else receives reports. A mailto
 * address must be one a sender can mail (RFC 6068: its `?` headers aside). DMARC's size limit
 * (`mailto:x@example.com!10m`, RFC 7489 §6.2) is not part of TLS-RPT's syntax: copied over, it
 * makes the domain `example.com!10m`, which no report reaches.
 */
function ruaProblem(uri) {
    const m = /^mailto:([^?]+)(\?.*)?$/i.exec(uri);
    if (m) {
        const address = decodeURIComponentSafe(m[1]);
        if (/![0-9]+[kmgt]?$/i.test(address))
            return "carries a DMARC-style size limit (!…), which RFC 8460 does not have: reports would go to a domain that does not exist";
        return address.includes("@") && (0,protocol_address/* checkMailbox */.Tf)(address) === null && /@[^@]+\.[^@]+$/.test(address) ? null : "is not a mail address";
    }
    if (/^https:\/\//i.test(uri)) {
        try {
            new URL(uri);
            return null;
        }
        catch {
            return "is not a URL";
        }
    }
    return "is neither mailto: nor https: (RFC 8460 §3)";
}
function decodeURIComponentSafe(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}

;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = require("node:https");
;// CONCATENATED MODULE: ./src/session/policy-fetch.ts
/**
 * Fetches an MTA-STS policy (RFC 8461 §3.3): `https://mta-sts.<domain>/.well-known/mta-sts.txt`,
 * the certificate valid for that name (the target's `ca` trusted beside the system's roots), no
 * redirect followed, 200 only, `text/plain`, at most `maxBytes`, one total deadline. The caller
 * resolves the host name (through the run's DNS: the target's `resolver`, not the system's) and
 * hands over the addresses. Every failure is a value with a kind; nothing throws.
 */



function policyUrl(domain) {
    return `https://mta-sts.${domain}/.well-known/mta-sts.txt`;
}
async function fetchPolicy(domain, o) {
    const host = `mta-sts.${domain}`;
    const url = policyUrl(domain);
    const fail = (kind, message, code) => ({ ok: false, kind, message, url, ...(code ? { code } : {}) });
    const addresses = o.addresses;
    if (!addresses.length)
        return fail("dns", `${host} has no address record`);
    if (o.deadlineMs <= 0)
        return fail("timeout", "no time was left for the policy fetch");
    return new Promise((resolve) => {
        let settled = false;
        // The names of a certificate that chained but does not name the host: evidence for the finding.
        let certNames = "";
        const done = (r) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            req.destroy();
            resolve(r);
        };
        const req = (0,external_node_https_namespaceObject.request)({
            host, port: o.port ?? 443, path: "/.well-known/mta-sts.txt", method: "GET", servername: host,
            ca: o.ca ? [...external_node_tls_namespaceObject.rootCertificates, o.ca] : undefined,
            checkServerIdentity: (name, cert) => {
                const problem = (0,external_node_tls_namespaceObject.checkServerIdentity)(name, cert);
                if (problem)
                    certNames = (cert.subjectaltname ?? "").replace(/DNS:/g, "").slice(0, 300) || String(cert.subject?.CN ?? "");
                return problem;
            },
            headers: { "user-agent": "smtp-gate (MTA-STS check)", accept: "text/plain" },
            agent: false,
            // The run's resolver answers, never the system's (contract §9: `resolver` answers every lookup).
            lookup: (_name, opts, cb) => {
                const all = opts.all;
                const first = addresses[0];
                if (all)
                    cb(null, addresses);
                else
                    cb(null, first.address, first.family);
            },
        });
        const timer = setTimeout(() => done(fail("timeout", `the policy did not arrive in full within ${o.deadlineMs} ms`)), o.deadlineMs);
        req.on("error", (e) => {
            const code = e.code ?? "";
            const tls = /CERT|SELF_SIGNED|ALTNAME|UNABLE_TO|ERR_SSL|ERR_TLS/.test(code);
            const names = code === "ERR_TLS_CERT_ALTNAME_INVALID" && certNames ? `; it names ${certNames}` : "";
            done(fail(tls ? "tls" : "connect", `${host}: ${tls ? describeCertError(code, e.message) : e.message}${names}`, code || undefined));
        });
        req.on("response", (res) => {
            const status = res.statusCode ?? 0;
            if (status >= 300 && status < 400)
                return done(fail("redirect", `HTTP ${status} to ${String(res.headers.location ?? "(no location)")}: RFC 8461 §3.3 forbids following redirects`));
            if (status !== 200)
                return done(fail("status", `HTTP ${status}; only 200 delivers a policy (RFC 8461 §3.3)`));
            const type = String(res.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
            if (type !== "text/plain")
                return done(fail("content-type", `Content-Type ${type || "(none)"}, not text/plain (RFC 8461 §3.2)`));
            const chunks = [];
            let size = 0;
            res.on("data", (c) => {
                size += c.length;
                if (size > o.maxBytes)
                    done(fail("too-large", `the body is larger than ${o.maxBytes} bytes, more than senders read`));
                else
                    chunks.push(c);
            });
            res.on("end", () => done({ ok: true, body: Buffer.concat(chunks).toString("utf8"), url }));
            res.on("error", (e) => done(fail("connect", `${host}: ${e.message}`)));
        });
        req.end();
    });
}
function describeCertError(code, message) {
    return code ? `${describeVerifyError(code)} (${code})` : `the certificate does not verify (${message})`;
}

;// CONCATENATED MODULE: ./src/engine/domain-policy.ts
/**
 * Reads a mail domain's transport-security policies once per run: the `_mta-sts` TXT record and,
 * when there is one, the policy file (RFC 8461 §3); the `_smtp._tls` TLS-RPT record (RFC 8460 §3).
 * Everything through the run's DNS (the target's `resolver`). Judged by diagnose/mta-sts.ts.
 */





/** A record that does not exist is no record; any other DNS failure is reported as such. */
async function txtRecords(dns, name) {
    const r = await dns.txt(name);
    if (Array.isArray(r))
        return r;
    return r.code === "ENOTFOUND" || r.code === "ENODATA" ? [] : r;
}
/** The policy host's addresses from the run's DNS (IPv4 first, then IPv6), then the fetch, all within one deadline. */
async function fetchThrough(dns, domain, o) {
    const started = monotonicMs();
    const host = `mta-sts.${domain}`;
    const addresses = [];
    for (const family of [4, 6]) {
        const found = await dns.addresses(host, family);
        if (Array.isArray(found))
            addresses.push(...found.map((address) => ({ address, family })));
    }
    return fetchPolicy(domain, { addresses, ca: o.ca, maxBytes: POLICY_SIZE_LIMIT, deadlineMs: o.deadlineMs - (monotonicMs() - started) });
}
async function checkDomain(domain, dns, o) {
    const [stsRecords, rptRecords] = await Promise.all([txtRecords(dns, `_mta-sts.${domain}`), txtRecords(dns, `_smtp._tls.${domain}`)]);
    const txt = Array.isArray(stsRecords) ? readStsTxt(stsRecords) : { kind: "lookup-failed", code: stsRecords.code };
    const tlsRpt = Array.isArray(rptRecords) ? readTlsRptTxt(rptRecords) : { kind: "lookup-failed", code: rptRecords.code };
    // Fetched whenever an STSv1 record exists, valid or not: the owner meant to publish a policy,
    // and what the file says is worth knowing even while the record is broken.
    const fetch = txt.kind === "none" || txt.kind === "lookup-failed" ? null : await fetchThrough(dns, domain, o);
    const parse = fetch?.ok ? parsePolicy(fetch.body) : null;
    const policy = parse && "policy" in parse ? parse.policy : null;
    const txtId = txt.kind === "valid" ? txt.id : null;
    const result = {
        domain,
        mtaSts: txt.kind === "none" || txt.kind === "lookup-failed" ? null : {
            txtId,
            policyId: policy ? txtId : null,
            mode: policy?.mode ?? null,
            maxAge: policy?.maxAge ?? null,
            mx: policy?.mx ?? [],
            bodySha256: fetch?.ok ? (0,external_node_crypto_.createHash)("sha256").update(fetch.body).digest("hex") : null,
        },
        tlsRpt: tlsRpt.kind === "valid" ? { rua: tlsRpt.rua } : null,
    };
    return { domain, txt, fetch, parse, tlsRpt, result };
}

;// CONCATENATED MODULE: ./src/engine/transport-security.ts




/** One target's domain check, shared through `byDomain` with every target of that domain and DNS server. */
function startDomainCheck(t, dnsFor, byDomain) {
    if (!t.domain || t.mtaSts === false)
        return undefined;
    const key = `${t.domain} ${t.resolver ? `${t.resolver.host}:${t.resolver.port}` : ""}`;
    let check = byDomain.get(key);
    // The fetch must end within the target's own bounds (RFC 8461 §3.3 leaves the timeout to senders).
    const deadlineMs = Math.min(t.timeoutMs, t.deadlineMs ?? Infinity);
    if (!check)
        byDomain.set(key, (check = checkDomain(t.domain, dnsFor(t), { ca: t.ca, deadlineMs })));
    return check;
}
/**
 * `results[i]` came from `configs[i]`, which expanded from `origin[i]`. Returns the domains'
 * report entries, in input order.
 */
async function applyDomainChecks(results, configs, origin, checks) {
    const domains = new Map();
    const seen = new Set();
    for (let i = 0; i < results.length; i++) {
        const source = origin[i];
        const pending = checks.get(source);
        if (!pending)
            continue;
        const c = await pending;
        const r = results[i];
        const added = [];
        if (!seen.has(source)) {
            seen.add(source);
            const mxHosts = [...new Set(results.filter((_, j) => origin[j] === source).map((x) => x.mxHost ?? x.host))];
            added.push(...domainFindings(c, mxHosts), ...(0,transport_drift/* domainDrift */.SU)(configs[i]?.policy?.baseline?.transport ?? null, c.result));
        }
        const judged = judgeAddress(c, r);
        if (judged) {
            r.mtaSts = judged.mtaSts;
            added.push(...judged.findings);
        }
        domains.set(c.domain, c.result);
        addFindings(r, added, configs[i].failOn);
    }
    return [...domains.values()];
}

// EXTERNAL MODULE: ./src/dane/tlsa.ts
var dane_tlsa = __nccwpck_require__(6816);
;// CONCATENATED MODULE: ./src/diagnose/dane.ts







const RFC = "RFC 7672";
/** A sender's verdict and the findings for one address. `where` is `host [address]`. */
function judgeDane(c, r, where) {
    const reached = r.tls !== null || !(r.error && (r.error.kind === "connect" || r.error.kind === "dns" || r.error.kind === "timeout"));
    const out = [];
    const d = c.dns;
    const tlsa = d.kind === "secure" ? d.records.map(dane_tlsa/* tlsaText */.qj).sort() : [];
    const dane = { secure: d.kind === "secure" || (d.kind === "insecure" && d.addressesSecure), tlsa, matched: null, sender: reached ? "deliver" : null };
    if (c.resolverValidates === false) {
        out.push((0,rule/* finding */.gk)("dane-resolver-not-validating", "warning", null, `The resolver answered a signed zone without the AD bit: it does not validate DNSSEC, so DANE cannot be judged for ${where} (every answer looks unsigned).`, ["The resolver is a forwarder or an authoritative server, or validation is off."], ["Point `resolver` at a validating resolver (unbound, BIND with dnssec-validation auto, or a local one), reached over a trusted path (docs/dane.md)."]));
        dane.sender = null;
        return { dane, findings: out.map(safe) };
    }
    if (d.kind === "bogus") {
        out.push((0,rule/* finding */.gk)("dane-dns-bogus", "error", null, `The DNSSEC lookup of ${d.what} failed (${d.rcode}): a DANE sender treats ${c.host} as unusable and delivers no mail to it (${RFC} §2.1.1, §2.2), not even without TLS.`, ["A signature is broken or expired (a zone re-signed with a wrong key, an altered record, a stale DS at the parent), or the zone's servers fail."], [`Check the zone with a DNSSEC debugger (delv, dnsviz): delv ${d.what.split(" ")[0]}; re-sign it or fix the DS at the parent.`]));
        dane.sender = "refuse";
        return { dane, findings: out.map(safe) };
    }
    if (d.kind === "insecure") {
        if (d.tlsaIgnored.length) {
            // Where the records are, and which answer was unsigned: with a CNAME, the target's zone.
            const at = d.tlsaAt ? ` at ${d.tlsaAt}` : "";
            const unsigned = d.alias ? `the address records of ${c.host} (an alias of ${d.alias}, whose zone is not signed) are not secure (no AD)` : "its DNS is not signed (no AD)";
            out.push((0,rule/* finding */.gk)("dane-tlsa-insecure", "notice", null, `${c.host} has TLSA records${at} (${d.tlsaIgnored.map(dane_tlsa/* tlsaText */.qj).join("; ")}), but ${unsigned}: senders ignore them (${RFC} §2.2) and deliver without DANE.`, [], [d.alias ? `Sign the zone of ${d.alias} and publish its DS at the parent, or publish TLSA records at _25._tcp.${c.host} in the signed zone of the alias (${RFC} §2.2.3), or remove the records.` : "Sign the zone and publish its DS at the parent, or remove the records."]));
        }
        return { dane, findings: out.map(safe) };
    }
    if (!d.records.length) {
        if (d.elsewhere?.length) {
            const where = d.elsewhere.map((e) => `${e.name} (${e.records.map(dane_tlsa/* tlsaText */.qj).join("; ")})`).join(", ");
            const sample = d.elsewhere[0]?.records[0];
            out.push((0,rule/* finding */.gk)("dane-tlsa-wrong-name", "warning", null, `${c.host} has no TLSA records at _25._tcp.${d.base}, the only name a DANE sender reads for MX delivery (port 25: ${RFC} §2.2.3, RFC 6698 §3), but has signed ones at ${where}: senders deliver to it without DANE.`, [d.elsewhere.every((e) => e.name.startsWith("_25._tcp.")) ? "The records were published at the mail domain, not at its MX host." : "The records were published for the submission ports (465, 587) or another port, not for port 25, where MX delivery goes."], [`Publish the records at _25._tcp.${d.base} too${sample ? ` (e.g. _25._tcp.${d.base}. IN TLSA ${(0,dane_tlsa/* tlsaText */.qj)(sample)}, if port 25 serves the same key)` : ""}; keep the others if those ports use them.`]));
        }
        return { dane, findings: out.map(safe) };
    }
    const inUse = (0,dane_tlsa/* recordsInUse */.fL)(d.records);
    // Not offered in EHLO; or, when the EHLO was not seen, no TLS reached by any handshake.
    const noTls = c.starttls === false || (c.starttls === null && reached && r.tls === null && c.match === null);
    if (!inUse.length) {
        out.push((0,rule/* finding */.gk)("dane-unusable-only", "warning", null, `None of the TLSA records of ${c.host} is usable for SMTP (${tlsa.join("; ")}): only DANE-TA(2) and DANE-EE(3), selector 0/1, matching 0/1/2 are. A DANE sender then requires TLS but does not authenticate the server (${RFC} §2.2).`, ["PKIX-TA(0) or PKIX-EE(1) records (meant for the web), or an unknown selector or matching type."], ["Publish `3 1 1` of the server's key (and `2 1 1` of its issuing CA as a rollover anchor)."]));
        if (noTls)
            out.push(noStarttls(c.host, where));
        dane.sender = !reached ? null : noTls ? "refuse" : "deliver";
        return { dane, findings: out.map(safe) };
    }
    out.push(...rollover(c.host, inUse));
    if (c.mxSecure === false) {
        out.push((0,rule/* finding */.gk)("dane-mx-insecure", "notice", null, `The MX RRset that names ${c.host} is not signed (no AD), though ${c.host} publishes TLSA records: senders that apply DANE only below a signed MX (RFC 7672 §2.2.1; Postfix with smtp_tls_dane_insecure_mx_policy = may) deliver without it, and an attacker can forge the MX set.`, [], ["Sign the mail domain's zone and publish its DS at the parent."]));
    }
    if (c.match?.ok) {
        dane.matched = (0,dane_tlsa/* tlsaText */.qj)(c.match.record);
        return { dane, findings: out.map(safe) };
    }
    if (!reached) {
        dane.sender = null; // the address did not answer: what a sender does there is not known
        return { dane, findings: out.map(safe) };
    }
    dane.sender = "refuse";
    if (noTls || c.match?.reason === "STARTTLS is not offered")
        out.push(noStarttls(c.host, where));
    else if (c.match) {
        const served = c.chain[0] ? (0,dane_tlsa/* tlsaText */.qj)((0,dane_tlsa/* eeRecordOf */.X2)(c.chain[0])) : null;
        // The product's own chain setting, unless a box in front may be what serves the certificate.
        const family = r.server?.via ? null : r.server?.family;
        const { causes, fixes } = noMatchAdvice(c, d.base, served, (0,enums/* isOneOf */.EK)(servers/* SERVER_FAMILIES */.PI, family) ? family : null);
        // A secure alias of an unsigned target: its own records are the ones in use (§2.2.3).
        const alias = d.aliasOf ? ` (${c.host} is an alias of ${d.aliasOf}, in an unsigned zone: the alias's own records are the ones in use, ${RFC} §2.2.3)` : "";
        out.push((0,rule/* finding */.gk)("dane-no-match", "error", null, `No TLSA record of ${c.host} authenticates ${where}: ${c.match.reason}. DANE senders will not deliver to it (${RFC} §3).${served ? ` The server's key: ${served}.` : ""} Published: ${tlsa.join("; ")}${alias}.`, causes, fixes));
    }
    return { dane, findings: out.map(safe) };
}
/**
 * Why no record matched, from the evidence: a record of the server's key that senders do not use
 * (PKIX usages, RFC 7672 §3.1.3; a weaker digest hidden by a stronger one, RFC 7671 §9); a
 * DANE-TA(2) anchor the server does not send (RFC 7671 §5.2.2); else a key change or another
 * server's records.
 */
function noMatchAdvice(c, base, served, family) {
    const records = c.dns.kind === "secure" ? c.dns.records : [];
    const publish = served ? `_25._tcp.${base}. IN TLSA ${served}` : null;
    const unused = (0,dane_tlsa/* unusedMatches */.mY)(records, c.chain);
    const pkix = unused.find((r) => r.usage === 0 || r.usage === 1);
    if (pkix) {
        return {
            causes: [`The server's ${pkix.usage === 1 ? "key" : "CA"} is published as ${(0,dane_tlsa/* tlsaText */.qj)(pkix).slice(0, 5)} (${pkix.usage === 1 ? "PKIX-EE" : "PKIX-TA"}), a usage DANE SMTP senders do not use (${RFC} §3.1.3); the records they do use name other keys.`],
            fixes: [publish ? `Publish ${publish} (DANE-EE, usage 3) in place of the ${(0,dane_tlsa/* tlsaText */.qj)(pkix).slice(0, 5)} record.` : `Publish the record with usage ${pkix.usage === 1 ? 3 : 2} instead of ${pkix.usage}.`],
        };
    }
    const hidden = unused.find((r) => r.usage === 2 || r.usage === 3);
    if (hidden) {
        return {
            causes: [`${(0,dane_tlsa/* tlsaText */.qj)(hidden).slice(0, 5)} matches, but a stronger digest of the same usage and selector is published and does not: senders use only the strongest (RFC 7671 §9).`],
            fixes: [`Correct or remove the record with matching type ${records.filter((r) => r.usage === hidden.usage && r.selector === hidden.selector && r.matchingType !== hidden.matchingType).map((r) => r.matchingType).join(", ")} for usage ${hidden.usage}, selector ${hidden.selector}.`],
        };
    }
    if (c.match && !c.match.ok && c.match.anchorNotSent) {
        return {
            causes: [
                "The server sends its chain without the CA certificate the DANE-TA(2) record names: the certificate file stops below it (a leaf alone, or fullchain.pem when the record names the root, which fullchain.pem does not hold).",
                "The DANE-TA(2) record names a CA that did not issue this certificate.",
            ],
            fixes: [
                `Send the chain up to the CA the DANE-TA(2) record names (RFC 7671 §5.2.2), appending that CA's certificate to the server's certificate file; or publish ${publish ?? "a 3 1 1 record of the server's key"} (DANE-EE needs no chain).`,
                ...chainSettings(family),
            ],
        };
    }
    return {
        causes: ["The certificate was renewed with a new key before the TLSA records were updated, or the records name another server's key."],
        fixes: [publish ? `Publish ${publish} (or put the matching key back), then keep both records until every sender's cache has the new set.` : "Serve the certificate whose key the records name."],
    };
}
function noStarttls(host, where) {
    return (0,rule/* finding */.gk)("dane-no-starttls", "error", null, `${where} does not offer STARTTLS, but ${host} publishes TLSA records: DANE senders require TLS and will not deliver to it (${RFC} §2.2).`, ["STARTTLS is turned off, or a middlebox strips it from the EHLO reply."], ["Offer STARTTLS on the MX host, or withdraw its TLSA records first."]);
}
/**
 * Rollover readiness (as internet.nl judges it): one DANE-EE(3) key and no DANE-TA(2) anchor means
 * the next key change breaks every DANE sender unless the new record is published first.
 */
function rollover(host, inUse) {
    const eeKeys = new Set(inUse.filter((r) => r.usage === 3).map((r) => `${r.selector} ${r.matchingType} ${r.data}`));
    if (eeKeys.size !== 1 || inUse.some((r) => r.usage === 2))
        return [];
    return [(0,rule/* finding */.gk)("dane-rollover", "warning", null, `${host} publishes a single DANE-EE record (${(0,dane_tlsa/* tlsaText */.qj)(inUse.find((r) => r.usage === 3))}) and no DANE-TA(2) anchor: a certificate renewal with a new key breaks every DANE sender at once.`, [], ["Publish the next key's `3 1 1` beside the current one (or `2 1 1` of the issuing CA) before the renewal; check it with candidate-cert."])];
}
/**
 * A certificate about to be deployed on `host` (contract §9, candidate-cert): against the TLSA
 * records in use (would DANE senders still deliver?) and the MTA-STS mx patterns (does it name the
 * host?). Prints the record to publish either way.
 */
function judgeCandidate(cand, c, domain) {
    const leaf = cand.chain[0];
    const record = (0,dane_tlsa/* tlsaText */.qj)((0,dane_tlsa/* eeRecordOf */.X2)(leaf));
    const base = c.dns.kind === "secure" ? c.dns.base : c.host;
    const publish = `_25._tcp.${base}. IN TLSA ${record}`;
    const out = [];
    const inUse = c.dns.kind === "secure" ? (0,dane_tlsa/* recordsInUse */.fL)(c.dns.records) : [];
    if (inUse.length) {
        const m = (0,dane_tlsa/* verifyDane */.aZ)({ chain: cand.chain, records: inUse, names: [...new Set([base, c.host])] });
        if (m.ok)
            out.push((0,rule/* finding */.gk)("dane-candidate-matches", "notice", null, `The candidate certificate ${cand.path} matches the published TLSA record ${(0,dane_tlsa/* tlsaText */.qj)(m.record)} of ${c.host}: DANE senders keep delivering after the deploy. Its own record: ${publish}`, [], []));
        else {
            out.push((0,rule/* finding */.gk)("dane-candidate-mismatch", "error", null, `The candidate certificate ${cand.path} matches no published TLSA record of ${c.host} (${m.reason}): deploying it breaks every DANE sender. Publish first: ${publish}`, ["The new certificate has a new key, and the TLSA set names only the old one."], [`Add ${publish} beside the current records, wait at least the TLSA TTL (better two), then deploy; remove the old record after.`]));
        }
    }
    else {
        out.push((0,rule/* finding */.gk)("dane-candidate-record", "notice", null, `The TLSA record of the candidate certificate ${cand.path} for ${c.host}: ${publish}`, [], []));
    }
    const sts = domain?.mtaSts;
    if (sts?.mode && sts.mode !== "none" && sts.mx.some((p) => mxMatches(p, c.host)) && leaf.checkHost(c.host) === undefined) {
        out.push((0,rule/* finding */.gk)("dane-candidate-mta-sts-name", sts.mode === "enforce" ? "error" : "warning", null, `The candidate certificate ${cand.path} does not name ${c.host}, an MX host of ${domain?.domain}'s MTA-STS policy (${sts.mode}): MTA-STS senders would refuse it (RFC 8461 §4.2).`, [], [`Issue the certificate for ${c.host} too.`]));
    }
    return out.map(safe);
}

;// CONCATENATED MODULE: external "node:dns"
const external_node_dns_namespaceObject = require("node:dns");
;// CONCATENATED MODULE: external "node:dgram"
const external_node_dgram_namespaceObject = require("node:dgram");
// EXTERNAL MODULE: ./node_modules/dns-packet/index.js
var dns_packet = __nccwpck_require__(4894);
;// CONCATENATED MODULE: ./src/session/dns-query.ts
/**
 * One DNSSEC-aware DNS query to the run's resolver: RD and AD set, EDNS0 with the DO bit
 * (RFC 6891, RFC 3225, RFC 6840 §5.7), over UDP, repeated over TCP when the answer is truncated
 * (RFC 7766 §5). The wire format is dns-packet's. node:dns cannot do this: it exposes no AD bit
 * (nodejs/node#57159). Every failure is a value with a kind; nothing throws.
 */





const UDP_SIZE = 1232; // the DNS flag day 2020 default: no fragmentation
function encode(name, type, id) {
    return dns_packet.encode({
        type: "query", id, flags: dns_packet.RECURSION_DESIRED | dns_packet.AUTHENTIC_DATA,
        questions: [{ type, name, class: "IN" }],
        additionals: [{ type: "OPT", name: ".", udpPayloadSize: UDP_SIZE, flags: dns_packet.DNSSEC_OK }],
    });
}
function read(buf, id, name) {
    let p;
    try {
        p = dns_packet.decode(buf);
    }
    catch (e) {
        return { kind: "malformed", message: `the DNS answer could not be decoded (${e.message})` };
    }
    if (p.id !== id || p.questions?.[0]?.name.toLowerCase() !== name.toLowerCase())
        return { kind: "malformed", message: "the DNS answer does not match the question" };
    if ((p.flags ?? 0) & dns_packet.TRUNCATED_RESPONSE)
        return { truncated: true };
    return { rcode: p.rcode ?? "NOERROR", ad: ((p.flags ?? 0) & dns_packet.AUTHENTIC_DATA) !== 0, answers: p.answers ?? [] };
}
async function dnsQuery(name, type, o) {
    const started = monotonicMs();
    const left = () => o.deadlineMs - (monotonicMs() - started);
    if (o.deadlineMs <= 0)
        return { kind: "timeout", message: `no time was left for the DNS query for ${name} ${type}` };
    const id = (0,external_node_crypto_.randomInt)(0, 65536);
    const query = encode(name, type, id);
    const udp = await overUdp(query, o.server, o.deadlineMs);
    if (!Buffer.isBuffer(udp))
        return udp;
    const r = read(udp, id, name);
    if (!("truncated" in r))
        return r;
    if (left() <= 0)
        return { kind: "timeout", message: `the DNS query for ${name} ${type} timed out` };
    const tcp = await overTcp(query, o.server, left());
    if (!Buffer.isBuffer(tcp))
        return tcp;
    const again = read(tcp, id, name);
    return "truncated" in again ? { kind: "malformed", message: "the DNS answer over TCP is truncated" } : again;
}
function overUdp(query, server, ms) {
    return new Promise((resolve) => {
        const sock = (0,external_node_dgram_namespaceObject.createSocket)(server.host.includes(":") ? "udp6" : "udp4");
        const done = (v) => {
            clearTimeout(timer);
            sock.close();
            resolve(v);
        };
        const timer = setTimeout(() => done({ kind: "timeout", message: `no DNS answer from ${server.host}:${server.port} within ${ms} ms` }), Math.max(1, ms));
        sock.on("error", (e) => done({ kind: "network", message: `DNS over UDP to ${server.host}:${server.port}: ${e.message}` }));
        sock.on("message", (m) => done(m));
        sock.send(query, server.port, server.host);
    });
}
function overTcp(query, server, ms) {
    return new Promise((resolve) => {
        const sock = (0,external_node_net_.connect)({ host: server.host, port: server.port });
        let buf = Buffer.alloc(0);
        const done = (v) => {
            clearTimeout(timer);
            sock.destroy();
            resolve(v);
        };
        const timer = setTimeout(() => done({ kind: "timeout", message: `no DNS answer over TCP from ${server.host}:${server.port} within ${ms} ms` }), Math.max(1, ms));
        sock.on("error", (e) => done({ kind: "network", message: `DNS over TCP to ${server.host}:${server.port}: ${e.message}` }));
        sock.on("connect", () => sock.write(Buffer.concat([Buffer.from([query.length >> 8, query.length & 0xff]), query])));
        sock.on("data", (d) => {
            buf = Buffer.concat([buf, d]);
            if (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0))
                done(buf.subarray(2, 2 + buf.readUInt16BE(0)));
        });
        sock.on("end", () => done({ kind: "network", message: `the DNS server ${server.host}:${server.port} closed the TCP connection early` }));
    });
}

;// CONCATENATED MODULE: ./src/engine/dane.ts
/**
 * DANE for SMTP (RFC 7672) in the run: per MX host, DNSSEC-aware lookups of its addresses and its
 * TLSA records through the target's `resolver`, whose AD bit is trusted (docs/dane.md: the trust
 * model); per address, a DANE sender's own STARTTLS handshake (SNI = the TLSA base domain, §3.3)
 * whose chain is matched against the records in use. Judged by diagnose/dane.ts.
 */







/** The resolver the target names, else the system's first. */
function daneServer(t) {
    if (t.resolver)
        return { host: t.resolver.host, port: t.resolver.port };
    const first = (0,external_node_dns_namespaceObject.getServers)()[0];
    if (!first)
        return null;
    const m = /^\[(.+)\]:(\d+)$/.exec(first) ?? /^([^:]+):(\d+)$/.exec(first);
    return m ? { host: m[1], port: Number(m[2]) } : { host: first, port: 53 };
}
const isAnswer = (r) => "rcode" in r;
function tlsaOf(a) {
    return a.answers.filter((x) => x.type === "TLSA").map((x) => {
        const d = x.data;
        return { usage: d.usage, selector: d.selector, matchingType: d.matchingType, data: Buffer.from(d.certificate).toString("hex") };
    });
}
/**
 * The end of the CNAME chain in an answer (RFC 7672 §2.2.3), or the name itself. A target that is
 * not a host name (the peer's bytes: it becomes the SNI and goes into messages) ends the chain.
 */
function expandedName(a, name) {
    let at = name.toLowerCase();
    for (let i = 0; i < 16; i++) {
        const next = a.answers.find((x) => x.type === "CNAME" && x.name.toLowerCase() === at);
        const target = next ? String(next.data).replace(/\.$/, "").toLowerCase() : "";
        if (!target || (0,protocol_address/* checkHost */.RC)(target) !== null)
            return at;
        at = target;
    }
    return at;
}
/** RFC 7672 §2.2: addresses first; TLSA only when they are secure, at the expanded name, then the original. */
async function lookupHostDane(host, family, server, deadlineMs, hints = {}) {
    // One deadline for the host's lookups together.
    const until = monotonicMs() + deadlineMs;
    const q = (name, type) => dnsQuery(name, type, { server, deadlineMs: until - monotonicMs() });
    const addr = await q(host, family === 6 ? "AAAA" : "A");
    if (!isAnswer(addr))
        return { kind: "bogus", what: `${host} ${family === 6 ? "AAAA" : "A"}: ${addr.message}`, rcode: addr.kind };
    if (addr.rcode === "SERVFAIL")
        return { kind: "bogus", what: `${host} ${family === 6 ? "AAAA" : "A"}`, rcode: addr.rcode };
    const expanded = expandedName(addr, host);
    const original = host.toLowerCase();
    const names = expanded === original ? [expanded] : [expanded, original];
    if (!addr.ad) {
        // RFC 7672 §2.2.3: an MX host name that is a secure CNAME into an unsigned zone keeps the
        // TLSA records of its own (signed) name: the alias, not the target, is the TLSA base domain.
        // Postfix does so (posttls-finger: "Verified" with the alias's 3 1 1), so a sender refuses
        // when they do not match. The CNAME asked on its own is answered by the alias's RRset alone,
        // which says whether the alias itself is signed.
        let aliasSecure = false;
        if (expanded !== original) {
            const alias = await q(original, "CNAME");
            aliasSecure = isAnswer(alias) && alias.ad && alias.answers.some((x) => x.type === "CNAME");
            if (aliasSecure) {
                const t = await q(`_25._tcp.${original}`, "TLSA");
                if (!isAnswer(t))
                    return { kind: "bogus", what: `_25._tcp.${original} TLSA: ${t.message}`, rcode: t.kind };
                if (t.rcode !== "NOERROR" && t.rcode !== "NXDOMAIN")
                    return { kind: "bogus", what: `_25._tcp.${original} TLSA`, rcode: t.rcode };
                const records = tlsaOf(t);
                if (t.ad && records.length)
                    return { kind: "secure", base: original, records, aliasOf: expanded };
            }
        }
        // Not DANE; records published anyway are worth a notice (they protect nobody).
        const t = await q(`_25._tcp.${expanded}`, "TLSA");
        const ignored = isAnswer(t) && t.rcode === "NOERROR" ? tlsaOf(t) : [];
        // `alias` only when the alias itself validated: then the unsigned part is the target's zone.
        return { kind: "insecure", addressesSecure: false, tlsaIgnored: ignored, ...(ignored.length ? { tlsaAt: `_25._tcp.${expanded}` } : {}), ...(aliasSecure ? { alias: expanded } : {}) };
    }
    const ignored = [];
    for (const base of names) {
        const t = await q(`_25._tcp.${base}`, "TLSA");
        if (!isAnswer(t))
            return { kind: "bogus", what: `_25._tcp.${base} TLSA: ${t.message}`, rcode: t.kind };
        if (t.rcode !== "NOERROR" && t.rcode !== "NXDOMAIN")
            return { kind: "bogus", what: `_25._tcp.${base} TLSA`, rcode: t.rcode };
        const records = tlsaOf(t);
        if (t.ad && records.length)
            return { kind: "secure", base, records };
        // An unsigned answer below a signed MX host (an insecure delegation of _tcp): not DANE; with
        // a CNAME, the original name is tried next (§2.2.3).
        if (!t.ad)
            ignored.push(...records);
    }
    if (ignored.length)
        return { kind: "insecure", addressesSecure: true, tlsaIgnored: ignored };
    const elsewhere = await tlsaElsewhere(expanded, hints, (name) => q(name, "TLSA"));
    return { kind: "secure", base: expanded, records: [], ...(elsewhere.length ? { elsewhere } : {}) };
}
/**
 * A signed MX host without TLSA at `_25._tcp`: are there signed records where a sender does not
 * look? MX delivery is port 25 (RFC 7672 §2.2.3: `_25._tcp.<TLSA base domain>`, RFC 6698 §3), so
 * records for the submission ports or at the mail domain protect nothing. Asked at once; a failed
 * or unsigned answer counts as none.
 */
async function tlsaElsewhere(base, hints, ask) {
    const ports = new Set([465, 587]);
    if (hints.port && hints.port !== 25)
        ports.add(hints.port);
    const names = [...ports].map((p) => `_${p}._tcp.${base}`);
    const domain = hints.domain?.toLowerCase().replace(/\.$/, "");
    if (domain && domain !== base && (0,protocol_address/* checkHost */.RC)(domain) === null)
        names.push(`_25._tcp.${domain}`);
    const answers = await Promise.all(names.map(ask));
    return names.flatMap((name, i) => {
        const a = answers[i];
        const records = isAnswer(a) && a.ad && a.rcode === "NOERROR" ? tlsaOf(a) : [];
        return records.length ? [{ name, records }] : [];
    });
}
/**
 * Is the domain's MX RRset signed (AD)? Null when not known. An insecure MX does not turn DANE off
 * for hosts whose own records are secure (RFC 7672 §2.2.1 allows it; Postfix's default), but an
 * attacker can forge the MX set itself.
 */
async function mxSecure(domain, server, deadlineMs) {
    const r = await dnsQuery(domain, "MX", { server, deadlineMs });
    return isAnswer(r) && r.rcode === "NOERROR" && r.answers.some((x) => x.type === "MX") ? r.ad : null;
}
/**
 * Does the resolver validate? A signed zone's DNSKEY comes back with AD from a validating resolver.
 * The zone of the MX domain (walking up to the root, the first DNSKEY RRset found): signed (RRSIG
 * present) without AD says it does not validate. A signed island under an unsigned parent would
 * look the same; docs/dane.md says so.
 */
async function resolverValidates(domain, server, deadlineMs) {
    const until = monotonicMs() + deadlineMs;
    const labels = domain.replace(/\.$/, "").split(".").filter(Boolean);
    for (let i = 0; i <= labels.length; i++) {
        const zone = labels.slice(i).join(".") || ".";
        if (until - monotonicMs() <= 0)
            return null;
        const r = await dnsQuery(zone, "DNSKEY", { server, deadlineMs: until - monotonicMs() });
        if (!isAnswer(r) || r.rcode !== "NOERROR" || !r.answers.some((x) => x.type === "DNSKEY"))
            continue;
        if (r.ad)
            return true;
        return r.answers.some((x) => x.type === "RRSIG") ? false : null;
    }
    return null;
}
function chainOf(peer) {
    const out = [];
    let c = peer ?? undefined;
    while (c?.raw && out.length < 10) {
        out.push(new external_node_crypto_.X509Certificate(c.raw));
        if (c.issuerCertificate === c)
            break;
        c = c.issuerCertificate;
    }
    return out;
}
/** One address: the DANE handshake when there are records in use. */
async function checkAddress(t, r, hostDane, validates, mxIsSecure) {
    const host = r.mxHost ?? r.host;
    const offered = r.extensions.length || r.extensionsBeforeTls ? (r.extensionsBeforeTls ?? r.extensions).some((e) => /^STARTTLS\b/i.test(e)) || r.tls !== null : null;
    const out = { host, dns: hostDane, resolverValidates: validates, mxSecure: mxIsSecure, match: null, starttls: offered, chain: [] };
    if (hostDane.kind !== "secure" || !(0,dane_tlsa/* recordsInUse */.fL)(hostDane.records).length)
        return out;
    // RFC 7672 §3.3: a DANE sender sends the TLSA base domain as SNI.
    const h = await handshake({ ...t, servername: hostDane.base }, {});
    if (!h) {
        out.match = { ok: false, reason: offered === false ? "STARTTLS is not offered" : "the TLS handshake did not complete" };
        return out;
    }
    out.starttls = true;
    out.chain = chainOf(h.chain);
    out.match = (0,dane_tlsa/* verifyDane */.aZ)({ chain: out.chain, records: hostDane.records, names: [...new Set([hostDane.base, host])] });
    return out;
}


;// CONCATENATED MODULE: ./src/engine/dane-apply.ts




/** `resolver`: the run's override of every target's own (RunOptions.resolver). */
async function applyDane(results, configs, domains, resolver) {
    const hosts = new Map();
    const validating = new Map();
    const mxSigned = new Map();
    // Every address's lookups and handshake at once (each its own TLS session, RFC 7672 §3.3's SNI):
    // an MX domain's addresses do not wait for one another. Then judged in order.
    const checks = results.map((r, i) => {
        const t = configs[i];
        if (!r.mxHost || !r.address || t.dane === false)
            return null;
        const server = resolver ?? daneServer(t);
        if (!server)
            return null;
        // The lookups end within the target's own bounds, as the probe does.
        const deadlineMs = Math.min(t.timeoutMs, t.deadlineMs ?? Infinity);
        const at = `${server.host}:${server.port}`;
        const family = r.address.includes(":") ? 6 : 4;
        const domain = t.domain ?? r.mxHost;
        const hostKey = `${at} ${r.mxHost} ${family} ${t.port} ${domain}`;
        let dns = hosts.get(hostKey);
        if (!dns)
            hosts.set(hostKey, (dns = lookupHostDane(r.mxHost, family, server, deadlineMs, { port: t.port, domain })));
        let validates = validating.get(`${at} ${domain}`);
        if (!validates)
            validating.set(`${at} ${domain}`, (validates = resolverValidates(domain, server, deadlineMs)));
        let signed = mxSigned.get(`${at} ${domain}`);
        if (!signed)
            mxSigned.set(`${at} ${domain}`, (signed = mxSecure(domain, server, deadlineMs)));
        const lookups = Promise.all([dns, validates, signed]);
        return lookups.then(([d, v, m]) => checkAddress(t, r, d, v, m));
    });
    const done = await Promise.all(checks);
    const candidateDone = new Set();
    for (let i = 0; i < results.length; i++) {
        const check = done[i];
        if (!check)
            continue;
        const r = results[i];
        const t = configs[i];
        const judged = judgeDane(check, r, `${r.mxHost} [${r.address}]`);
        r.dane = judged.dane;
        const added = judged.findings;
        if (t.candidateCert && r.mxHost && !candidateDone.has(r.mxHost) && check.resolverValidates !== false) {
            candidateDone.add(r.mxHost);
            const chain = (0,dane_tlsa/* readPemChain */.mB)(t.candidateCert.pem);
            if (Array.isArray(chain))
                added.push(...judgeCandidate({ path: t.candidateCert.path, chain }, check, domains.find((d) => d.domain === t.domain) ?? null));
        }
        addFindings(r, added, t.failOn);
    }
}

// EXTERNAL MODULE: ./src/model/shard.ts
var shard = __nccwpck_require__(8553);
// EXTERNAL MODULE: ./src/model/run-identity.ts
var run_identity = __nccwpck_require__(4387);
// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
;// CONCATENATED MODULE: ./src/engine/run.ts
/**
 * Runs targets with bounded concurrency. `streamTargets` hands each result over as it finishes
 * and keeps none, so a fleet's memory follows the concurrency, not the number of targets;
 * `runTargets` collects them into a report, in input order.
 */













async function probeTarget(t, redactor) {
    const probed = await runProbe(t, redactor);
    // Contract §9: the audit's extra handshakes only where the probe itself reached TLS.
    if (t.tlsAudit && probed.tls)
        probed.tlsAudit = await auditTls(t);
    return judgeTarget(probed, t);
}
async function runTargets(targets, opts = {}) {
    const results = [];
    const end = await streamTargets(targets, opts, (result, at, sub) => void results.push({ at, sub, result }));
    results.sort((a, b) => a.at - b.at || a.sub - b.sub);
    const { domains, ...head } = end;
    return { ...head, targets: results.map((r) => r.result), ...(domains ? { domains } : {}) };
}
/**
 * Probes `targets` (an array, or an iterator read only as fast as the probes go) and calls
 * `onResult` with each result as it finishes: `at` is its configured target's place in the input,
 * `sub` its place among that target's addresses. The addresses of one configured target are
 * handed over together, once the comparisons that need all of them (the addresses of one MX
 * host, the domain's policies) are done. Nothing is kept but the domains' entries (with
 * `onDomain`, only their names).
 */
async function streamTargets(targets, opts, onResult) {
    const redactor = opts.redactor ?? new Redactor();
    const startedAt = new Date().toISOString();
    const concurrency = Math.max(1, opts.concurrency ?? 16);
    // Caches of recent answers, not of the whole run: each in-flight target asks a handful of names
    // (MX, addresses, PTR, the policies' TXT), and what many domains share (their MX hosts) stays.
    const cacheSize = Math.max(RUN_DNS_CACHE, 8 * concurrency);
    // One cached DNS per resolver and timeout for the whole run: MX hosts shared by domains are asked once.
    const perServer = new Map();
    const dnsFor = (t) => {
        const server = opts.resolver ?? t.resolver;
        const key = `${server ? `${server.host}:${server.port}` : "system"} ${t.timeoutMs}`;
        let dns = perServer.get(key);
        if (!dns)
            perServer.set(key, (dns = runDns(createResolver(server, t.timeoutMs), cacheSize)));
        return dns;
    };
    const byDomain = new RecentlyUsed(cacheSize);
    const domains = new Map();
    // With onDomain: the domains already handed over, each once (several targets may share one).
    const handedOver = new Set();
    const probes = new Slots(concurrency);
    let verdict = "pass";
    const identity = new run_identity/* RunIdentityHash */.W();
    const runOne = async (origin, at) => {
        const check = startDomainCheck(origin, dnsFor, byDomain);
        const all = await expandTarget(origin, dnsFor(origin));
        // Sharded after address expansion, so a matrix spreads the addresses of one MX host too.
        const expanded = opts.shard ? all.filter((t) => (0,shard/* inShard */.Iw)(t.name, opts.shard)) : all;
        // A host name is looked up just before its probe (after sharding: a shard asks only for its own).
        const results = await Promise.all(expanded.map((t) => "verdict" in t
            ? t
            : probes.run(async () => {
                const ready = await resolveHost(t, dnsFor(t));
                return "verdict" in ready ? ready : probeTarget(ready, redactor);
            })));
        // What only the addresses of one configured target together say (diagnose/addresses.ts).
        judgeRun(results);
        const configs = expanded.map((t) => ("verdict" in t ? origin : t));
        const own = check ? await applyDomainChecks(results, configs, results.map(() => origin), new Map([[origin, check]])) : [];
        for (const d of own) {
            if (!opts.onDomain)
                domains.set(d.domain, { at: Math.min(at, domains.get(d.domain)?.at ?? at), result: d });
            else if (!handedOver.has(d.domain)) {
                handedOver.add(d.domain);
                opts.onDomain(d);
            }
        }
        // DANE per configured target's addresses (its lookups are cached per call: per domain here);
        // only an MX host's addresses have TLSA records to look up (RFC 7672 §2.2).
        if (results.some((r) => r.mxHost))
            await applyDane(results, configs, own, opts.resolver);
        for (let sub = 0; sub < results.length; sub++) {
            const r = results[sub];
            verdict = (0,engine_verdict/* worst */.QZ)(verdict, r.verdict);
            await onResult(r, at, sub);
        }
    };
    // As many configured targets in flight as probes may run: a slow DNS answer holds no probe slot.
    const source = Symbol.asyncIterator in targets ? targets[Symbol.asyncIterator]() : targets[Symbol.iterator]();
    let at = 0;
    const worker = async () => {
        for (;;) {
            const next = await source.next();
            if (next.done)
                return;
            identity.add(next.value);
            await runOne(next.value, at++);
        }
    };
    try {
        await Promise.all(Array.from({ length: concurrency }, worker));
    }
    finally {
        // Queries a deadline gave up on may still wait or be in flight: the process need not wait for them.
        for (const dns of perServer.values())
            dns.close();
    }
    return {
        schema: "smtp-gate/report@1",
        verdict,
        tool: { name: "smtp-gate", version: version/* VERSION */.x },
        startedAt,
        run: opts.identity ?? identity.identity(opts.shard),
        // In input order, as the targets of runTargets.
        ...(domains.size ? { domains: [...domains.values()].sort((a, b) => a.at - b.at).map((d) => d.result) } : {}),
    };
}
/** At most `limit` tasks at once; the others wait their turn, first come first served. */
class Slots {
    limit;
    busy = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    async run(task) {
        if (this.busy >= this.limit)
            await new Promise((resolve) => this.waiting.push(resolve));
        else
            this.busy++;
        try {
            return await task();
        }
        finally {
            // The slot passes straight to the next in line, or is freed.
            const next = this.waiting.shift();
            if (next)
                next();
            else
                this.busy--;
        }
    }
}

/** Like Promise.all over `items`, at most `limit` at a time, results in input order. */
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return out;
}


/***/ }),

/***/ 6559:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fo: () => (/* binding */ targetVerdict),
/* harmony export */   GO: () => (/* binding */ sequenceStoppedBy),
/* harmony export */   QZ: () => (/* binding */ worst),
/* harmony export */   c4: () => (/* binding */ judgeStep),
/* harmony export */   hm: () => (/* binding */ worstOf)
/* harmony export */ });
/* unused harmony export capVerdict */
/* harmony import */ var _protocol_classify_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8808);
/* harmony import */ var _protocol_expect_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9567);
/** Verdict rules of contract §2: pure functions over a reply and its expectation. */


const RANK = { pass: 0, warn: 1, fail: 2 };
function worst(...vs) {
    return worstOf(vs);
}
/** The worst of any number of verdicts, in a loop: a 200,000-step report must not become 200,000 arguments. */
function worstOf(vs) {
    let w = "pass";
    for (const v of vs)
        if (RANK[v] > RANK[w])
            w = v;
    return w;
}
/** `fail-on: never` turns every fail into a warn: the report still says what happened. */
function capVerdict(v, failOn) {
    return failOn === "never" && v === "fail" ? "warn" : v;
}
/** Judges a reply (or no reply: null) against what the step expected. */
function judgeStep(code, expected, failOn) {
    if (code === null)
        return capVerdict("fail", failOn);
    if ((0,_protocol_expect_js__WEBPACK_IMPORTED_MODULE_0__/* .meetsExpectation */ .$u)(code, expected))
        return "pass";
    if ((0,_protocol_classify_js__WEBPACK_IMPORTED_MODULE_1__/* .classify */ .L)(code) === "transient" && failOn !== "soft")
        return "warn";
    return capVerdict("fail", failOn);
}
/** Contract §2: a target is the worst of its steps, its error (fail) and its findings; `never` caps at warn. */
function targetVerdict(steps, hasError, findings, failOn) {
    const fromFindings = findings.map((f) => (f.severity === "error" ? "fail" : f.severity === "warning" ? "warn" : "pass"));
    return capVerdict(worstOf([worstOf(steps), hasError ? "fail" : "pass", worstOf(fromFindings)]), failOn);
}
/**
 * Where a temporary refusal (4xx) stops the production sequence before any of it was tested: at
 * the greeting (a 421 banner, a listener waiting for a PROXY header) or to EHLO/HELO. Such a
 * refusal fails the target although the reply is transient (contract §2, third round; like a
 * refused required STARTTLS, §7): a gate that passed it would pass a port that takes no mail.
 */
function sequenceStoppedBy(s) {
    if (s.class !== "transient" || s.extra === "cleanup")
        return null;
    if (s.command === null)
        return "greeting";
    return /^(EHLO|HELO)\b/i.test(s.command) ? "EHLO" : null;
}


/***/ }),

/***/ 1684:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ fillList),
/* harmony export */   w: () => (/* binding */ namedList)
/* harmony export */ });
/**
 * The block lists and reputation systems a refusal can name: DNS lists of addresses (RFC 5782 §2.1) and of names
 * (§2.2), by their zones and their own names, with the page where a listing is looked up and removal asked for.
 * Advice names a list only when the reply names it (`namedList`); otherwise it says how to find which list or
 * which reputation system refused, without claiming the reply named one (root-causes.ts FixRow `named`).
 */
const LISTS = [
    // Spamhaus: ZEN (SBL, XBL/CSS, PBL), DBL and ZRD, and the DQS zones (KEY.zen.dq.spamhaus.net); check.spamhaus.org looks up all.
    { zones: /\b(?:(?:zen|sbl|xbl|pbl|sbl-xbl|dbl|zrd|css|authbl)\.spamhaus\.org|[\w-]+\.(?:zen|sbl|xbl|pbl|dbl|zrd)\.dq\.spamhaus\.net)\b/i, words: /\bSpamhaus(?: (?:ZEN|SBL|XBL|PBL|DBL|CSS|ZRD)\b)?/i, lookup: "check.spamhaus.org" },
    { zones: /\bbl\.spamcop\.net\b/i, words: /\bSpamCop\b/i, lookup: "www.spamcop.net/bl.shtml" },
    { zones: /\bb{1,2}\.barracudacentral\.org\b/i, words: /\bBarracuda Reputation(?: Block List)?\b|\bBRBL\b/i, lookup: "www.barracudacentral.org/lookups" },
    { zones: /\bdnsbl-[123]\.uceprotect\.net\b/i, words: /\bUCEPROTECT(?:-Level ?[123])?\b/i, lookup: "www.uceprotect.net/en/rblcheck.php" },
    { zones: /\bpsbl\.surriel\.com\b/i, words: /\bPSBL\b/, lookup: "psbl.org" },
    { zones: /\b(?:[\w-]+\.)?mail\.abusix\.zone\b/i, words: /\bAbusix\b/i, lookup: "lookup.abusix.com" },
    { zones: /\b(?:dyna|noptr|spam|all)\.spamrats\.com\b/i, words: /\bSpamRATS\b/i, lookup: "www.spamrats.com" },
    { zones: /\b(?:bl|rep|z)\.mailspike\.net\b/i, words: /\bMailspike\b/i, lookup: null },
    // SORBS closed in 2024: a receiver that still names it should drop it.
    { zones: /\b(?:[\w-]+\.)*sorbs\.net\b/i, words: /\bSORBS\b/, lookup: null },
    // Reputation systems that are no DNS list, named by the page a refusal links to.
    { zones: /\bipcheck\.proofpoint\.com\b/i, words: /\bProofpoint\b(?=.{0,40}\breputation\b)/i, lookup: "ipcheck.proofpoint.com", system: "Proofpoint's IP reputation" },
    { zones: /\bcsi\.cloudmark\.com\b/i, words: /\bCloudmark\b/i, lookup: "csi.cloudmark.com", system: "Cloudmark's sender reputation" },
];
/** A zone named where a list is: "blocked using ZONE" (Postfix, Haraka), "listed in/on/at ZONE", "black list ZONE". */
const NAMED_ZONE = /\b(?:blocked using|(?:black|block) ?list(?:ed)?(?: (?:on|in|at|by))?|listed (?:on|in|at|by)(?: the)?)\s+((?:[a-z0-9-]+\.)+[a-z]{2,})\b/i;
/** The list or reputation system a reply names, or null when it names none. */
function namedList(text) {
    for (const row of LISTS) {
        const zone = row.zones.exec(text)?.[0];
        const words = row.words.exec(text)?.[0];
        if (zone === undefined && words === undefined)
            continue;
        return { name: row.system ?? zone ?? words ?? "", lookup: row.lookup };
    }
    const zone = NAMED_ZONE.exec(text)?.[1];
    return zone ? { name: zone, lookup: null } : null;
}
/** A fix written for a named list (`{list}`, `{lookup}`), filled in with the list the reply names. */
function fillList(template, list) {
    return template.replace(/\{list\}/g, list.name).replace(/\{lookup\}/g, list.lookup ? ` (lookup and removal: ${list.lookup})` : "");
}


/***/ }),

/***/ 5882:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ CANDIDATE_CAUSES),
/* harmony export */   r: () => (/* binding */ DIFFERENTIALS)
/* harmony export */ });
/* harmony import */ var _root_causes_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2107);
/* harmony import */ var _servers_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9496);
/**
 * The differential diagnosis as data, in the schema of root-causes.ts: for each finding id whose
 * causes the conversation can weigh (an unknown command, a refused AUTH, a connection or TLS
 * failure), the candidate causes an expert weighs, most likely first. Each is a cause row (its
 * words and its fixes, generic or a product family's own: `FixRow`, filtered by `pickFixes`)
 * with the condition in the conversation that can rule it out or support it, evaluated in
 * src/diagnose/evidence.ts. A ruled-out cause takes its fixes with it.
 *
 * Placeholders in fix texts, filled for the target in front of us: {openssl} (an `openssl
 * s_client` line with its host, port and TLS mode), {host}, {port}, {nc} (`nc host port`), {rcpt}
 * (the recipient of the step in question).
 */


/** The candidate causes, by id. */
const CANDIDATE_CAUSES = {
    "nonstandard-command": {
        text: "The sender uses a command this server does not implement (a legacy or home-made name such as XAUTH2 instead of AUTH, or a typo).",
        evidence: "nonstandard-command",
        fixes: [{ text: "Make the sender use only commands the server's EHLO reply advertises (RFC 5321 §4.1.1.1; AUTH per RFC 4954)." }],
    },
    "optional-command": {
        text: "VRFY and EXPN are optional for a server to honour: RFC 5321 lets it answer VRFY 252 or refuse it and refuse EXPN (§3.5.3, §7.3), and most servers turn both off so that nobody can harvest addresses.",
        verbs: ["VRFY", "EXPN"],
        fixes: [
            { text: "Do not make the sender depend on VRFY or EXPN: test an address with MAIL FROM and RCPT TO, then RSET (RFC 5321 §3.5.3), as smtp-gate does with `to:`." },
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__/* .why */ .d8)("postfix", "Postfix has no EXPN command (500 whatever the configuration); it answers VRFY unless `disable_vrfy_command = yes`."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__/* .why */ .d8)("exim", "Exim refuses VRFY and EXPN (\"Administrative prohibition\") unless `acl_smtp_vrfy` / `acl_smtp_expn` name an ACL that accepts them."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__/* .why */ .d8)("sendmail", "Sendmail: `PrivacyOptions` with `novrfy` / `noexpn` (or `goaway`) turns them off: VRFY is then answered 252 2.5.2, EXPN 502 5.7.0."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__/* .why */ .d8)("opensmtpd", "OpenSMTPD implements neither VRFY nor EXPN: both are answered 500 whatever smtpd.conf says."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__/* .why */ .d8)("haraka", "Haraka's core answers VRFY 252 and has no EXPN command (500)."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__/* .why */ .d8)("aiosmtpd", "aiosmtpd does not implement EXPN (502 \"EXPN not implemented\"); VRFY is answered 252 unless the handler's `handle_VRFY` says more."),
        ],
    },
    "feature-disabled": {
        text: "The server knows the command but has it switched off on this listener.",
        // VRFY and EXPN: "optional-command" says it with each product's own behaviour.
        exceptVerbs: ["VRFY", "EXPN"],
        evidence: "feature-disabled",
        fixes: [{ text: "Enable the feature on this listener if the sender needs it, or point the sender at the listener that has it (587 for submission)." }],
    },
    "inspecting-appliance": {
        text: "An SMTP-inspecting firewall or appliance in the path (Cisco PIX \"fixup smtp\", ASA \"inspect esmtp\") rewrites or blocks commands it does not know.",
        evidence: "inspecting-appliance",
        fixes: [
            { text: "Compare the session from inside the network with the one from here: `{openssl}`; if they differ (asterisks in the banner, XXXX, no STARTTLS), an appliance rewrites SMTP." },
            { text: "Disable SMTP inspection on the appliance: `no fixup protocol smtp 25` (PIX) or remove `inspect esmtp` from the ASA policy-map." },
        ],
    },
    "tls-stream": {
        text: "The TLS stream was corrupted: the client went on writing plain text after STARTTLS, or something in the path interfered with the encrypted stream.",
        evidence: "tls-stream",
        fixes: [{ text: "Repeat the session by hand: `{openssl}`." }],
    },
    "line-endings": {
        text: "Wrong line endings: bare LF instead of CRLF, so the server sees one long or garbled command (RFC 5321 §2.3.8).",
        evidence: "line-endings",
        fixes: [{ text: "Make the sender end every command with CRLF." }],
    },
    "non-smtp-proxy": {
        text: "A proxy or load balancer in the path that speaks something other than plain SMTP (an HTTP proxy, a PROXY-protocol mismatch).",
        evidence: "non-smtp-proxy",
        fixes: [{ text: "Connect by hand (`{nc}`) and compare the banner with the MTA's own." }],
    },
    // Relaying (RFC 5321 §3.6.2)
    "relay-not-authenticated": {
        text: "The recipient's domain is not one this server receives mail for, and the client did not authenticate, so relaying to it is refused.",
        evidence: "not-authenticated",
        fixes: [
            { text: "Authenticate before sending to outside domains (submission on 587 with AUTH), or send to the recipient domain's own MX." },
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("postfix", "Postfix: relaying is allowed by `smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination` in main.cf; add the domain to `relay_domains` only if this server should accept it."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("exim", "Exim: the RCPT ACL (`acl_smtp_rcpt`) accepts relaying for `hosts = +relay_from_hosts` and `authenticated = *`; add the domain to `relay_to_domains` only if this server should accept it."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("sendmail", "Sendmail: authenticated clients relay with `TRUST_AUTH_MECH`; allow a domain with `To:example.net RELAY` in /etc/mail/access (then `makemap hash /etc/mail/access < /etc/mail/access`)."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("opensmtpd", "OpenSMTPD: only a `match auth from any for any action \"relay\"` (or `match from src <trusted>`) rule in smtpd.conf lets a client relay; the `match from any for domain <local>` rule covers only local domains."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("haraka", "Haraka: relaying needs an authenticated session (`connection.relaying` is set by the auth plugin) or the `relay` plugin with the client in config/relay_acl_allow."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("exchange", "Exchange: anonymous clients may not relay; use an authenticated connection (SMTP client submission on 587) or a dedicated receive connector that grants `Ms-Exch-SMTP-Accept-Any-Recipient` to the sender's IP."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("aiosmtpd", "aiosmtpd: relaying is decided by the handler's `handle_RCPT`; check which domains it accepts without authentication."),
        ],
    },
    "relay-client-not-trusted": {
        text: "The client is authenticated or trusted elsewhere, but not for relaying from this address: its IP is not in the relay networks and the session's identity has no relay right.",
        evidence: "client-not-trusted",
        fixes: [
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("postfix", "Postfix: check `mynetworks` and that `permit_sasl_authenticated` comes before `reject_unauth_destination`."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("exim", "Exim: check `hostlist relay_from_hosts` and the `authenticated = *` clause in the RCPT ACL."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("exchange", "Exchange: grant relay on the receive connector that handles this client (Get-ReceiveConnector | fl RemoteIPRanges, PermissionGroups)."),
            { text: "Check the server's relay rules for this client's address and identity." },
        ],
    },
    // Recipients
    "mailbox-missing": {
        text: "The recipient mailbox does not exist on this server (a typo, a deleted account, or a missing alias).",
        fixes: [
            { text: "Check the address with its owner." },
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("postfix", "Postfix: look the address up in the recipient tables: `postmap -q {rcpt} $(postconf -h virtual_mailbox_maps)`; for local users check `local_recipient_maps` and `alias_maps`."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("exim", "Exim: \"Unrouteable address\" means no router accepted the address: test it with `exim -bt {rcpt}` and check the routers and the domain lists (`local_domains`)."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("sendmail", "Sendmail: test with `sendmail -bv {rcpt}`; add the user, an alias in /etc/mail/aliases (`newaliases`), or a virtusertable entry."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("opensmtpd", "OpenSMTPD: add the address to the table of the `action ... virtual <table>` (or `alias <table>`) rule that matches it, then `smtpctl update table NAME`."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("haraka", "Haraka: the recipient is refused by a `rcpt_to.*` plugin (rcpt_to.in_host_list, qmail-deliverable, ldap): check that plugin's list for the address."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("exchange", "Exchange: check the recipient exists (Get-Recipient) and that recipient filtering or Directory-Based Edge Blocking knows it."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("aiosmtpd", "aiosmtpd: the handler's `handle_RCPT` refused the address: check the mailboxes it knows."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("qmail", "qmail: check /var/qmail/control/rcpthosts, virtualdomains and the user's .qmail files."),
        ],
    },
    "expansion-failed": {
        text: "The address exists as an alias, list or virtual entry, but expanding it failed: it resolves to no deliverable mailbox, loops, or names a table the server cannot read (RFC 3463 X.2.4).",
        fixes: [
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("opensmtpd", "OpenSMTPD: check the `virtual` / `alias` table the matching `action` uses: the address must map to an existing user (`smtpctl show table NAME`; then `smtpctl update table NAME`); `smtpd -dv -T expand` shows why expansion failed."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("postfix", "Postfix: check `virtual_alias_maps` and `alias_maps` for the address (`postmap -q`), and the mail log for the expansion error."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("exim", "Exim: test with `exim -bt {rcpt}` and read the redirect router's error."),
            { text: "Check the alias or list the address expands to, and the server's log for the expansion error." },
        ],
    },
    // Authentication (RFC 4954 §6)
    "wrong-credentials": {
        text: "Wrong username or password, or the account is locked or disabled.",
        evidence: "wrong-credentials",
        fixes: [{ text: "Check the username and password with the provider's or the server's own tools (log in to the mailbox with them)." }],
    },
    "sasl-backend": {
        text: "The server's authentication backend does not accept this account (wrong password database, realm or user name format).",
        fixes: [
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("postfix", "Postfix: check the SASL backend (`smtpd_sasl_type`, `smtpd_sasl_path`; with Dovecot, its auth log: `doveadm auth test USER`)."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("exim", "Exim: check the authenticator's `server_condition` (e.g. the password lookup in the plain/login authenticators) with `exim -d+auth`."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("sendmail", "Sendmail: check saslauthd (`testsaslauthd -u USER -p PASS`) and `confAUTH_MECHANISMS` / `TRUST_AUTH_MECH` in sendmail.mc."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("opensmtpd", "OpenSMTPD: check the `auth <table>` of the `listen` line in smtpd.conf; passwords there are `smtpctl encrypt` hashes."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("haraka", "Haraka: check the auth plugin's users (config/auth_flat_file.ini for auth/flat_file)."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)(_servers_js__WEBPACK_IMPORTED_MODULE_1__/* .MICROSOFT */ .zk, "Microsoft 365 / Exchange: SMTP AUTH must be enabled for the mailbox (Set-CASMailbox -SmtpClientAuthenticationDisabled $false) and the organisation."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("gmail", "Gmail / Google Workspace: use an app password (with 2-Step Verification) or XOAUTH2; plain passwords are refused."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("aiosmtpd", "aiosmtpd: the `authenticator` callback refused the credentials: check the accounts it knows."),
        ],
    },
    "basic-auth-disabled": {
        text: "The provider turned off password (basic) authentication for SMTP: it takes only OAuth 2 (XOAUTH2) or an app password.",
        evidence: "basic-auth-disabled",
        families: [..._servers_js__WEBPACK_IMPORTED_MODULE_1__/* .MICROSOFT */ .zk, "gmail", "yahoo"],
        fixes: [
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)(_servers_js__WEBPACK_IMPORTED_MODULE_1__/* .MICROSOFT */ .zk, "Microsoft 365: enable SMTP AUTH for the mailbox, or switch the sender to XOAUTH2 (`auth: XOAUTH2` with `oauth-token-env`)."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("gmail", "Google: use an app password, or XOAUTH2 (`auth: XOAUTH2` with `oauth-token-env`)."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("yahoo", "Yahoo Mail: a mail program signs in with an app password (Yahoo account › Account security › Generate app password), not the account's own password."),
        ],
    },
    "oauth-token": {
        text: "The OAuth token is expired or lacks the provider's SMTP scope.",
        evidence: "oauth-token",
        fixes: [
            { text: "Refresh the token and check that it carries the provider's SMTP scope." },
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("gmail", "Google: the token needs the scope https://mail.google.com/."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)(_servers_js__WEBPACK_IMPORTED_MODULE_1__/* .MICROSOFT */ .zk, "Microsoft 365: the token needs the SMTP.Send permission (https://outlook.office.com/SMTP.Send)."),
        ],
    },
    // TLS on the server's side
    "tls-already-active": {
        text: "STARTTLS was sent on a session that is already encrypted; RFC 3207 §4.2 forbids a second STARTTLS, and servers refuse it.",
        evidence: "tls-already-active",
        fixes: [{ text: "Send STARTTLS once: remove the second STARTTLS (and keep one EHLO after the first)." }],
    },
    "tls-not-configured": {
        text: "TLS is not configured on this listener (no certificate, or STARTTLS turned off).",
        fixes: [
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("postfix", "Postfix: `smtpd_tls_security_level = may` with `smtpd_tls_chain_files` in main.cf (or `-o smtpd_tls_security_level=encrypt` on the submission service in master.cf)."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("exim", "Exim: set `tls_advertise_hosts = *` with `tls_certificate` and `tls_privatekey`."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("sendmail", "Sendmail: define `confSERVER_CERT` and `confSERVER_KEY` in sendmail.mc and rebuild sendmail.cf."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("opensmtpd", "OpenSMTPD: add `tls pki NAME` to the `listen on` line in smtpd.conf."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("haraka", "Haraka: enable the `tls` plugin (config/plugins) with config/tls.ini."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("exchange", "Exchange: the receive connector needs TLS enabled and a certificate for its FQDN."),
            { text: "Enable STARTTLS on this listener with a certificate for its name." },
        ],
    },
    "tls-not-started": {
        text: "The server requires TLS before this command (submission ports usually do), and the session was still in plain text.",
        fixes: [
            { text: "Use `tls: starttls` (STARTTLS, then EHLO again, before AUTH and MAIL), or `tls: implicit` on the server's implicit-TLS port (465)." },
            { text: "Make the production sender start TLS the same way: `{openssl}` shows the sequence by hand." },
        ],
    },
    "appliance-strips-starttls": {
        text: "An SMTP-inspecting firewall or appliance (such as Cisco ASA ESMTP inspection) removed STARTTLS from the EHLO reply.",
        evidence: "appliance-strips-starttls",
        fixes: [{ text: "Compare the EHLO reply from inside the network; if STARTTLS appears there, disable the appliance's SMTP inspection (`no inspect esmtp`)." }],
    },
    // Connecting
    "nothing-listens": {
        text: "Nothing listens on that port, or a firewall on the server's side rejects the connection (a refusal is an active answer: the host is reachable).",
        fixes: [{ text: "Check that the MTA listens on port {port} (`ss -ltn 'sport = :{port}'` on the server) and that its firewall allows it; from here: `{nc}`." }],
    },
    "port-25-blocked": {
        text: "Outbound port 25 is blocked by the network this runs in (common for cloud and hosted runners).",
        evidence: "port-25-blocked",
        fixes: [{ text: "Probe the submission port (587 with STARTTLS, or 465) instead, or run the check from a network that allows outbound port 25." }],
    },
    "filtered": {
        text: "A firewall drops the packets silently (the port is filtered), or the host is down.",
        fixes: [{ text: "Check the path: `{nc}` and `traceroute -T -p {port} {host}`; a refusal would answer at once, a drop waits for the timeout." }],
    },
    "no-route": {
        text: "The host or its network is unreachable from here (no route, or an ICMP unreachable from a router).",
        fixes: [{ text: "Check routing from this network (`ip route get {host}`, `traceroute {host}`); the address may be private or the host down." }],
    },
    // A server that aborts its own TLS handshake
    "server-tls-setup": {
        text: "The server aborted its own TLS handshake (an internal error): it could not load its certificate or key, or its TLS library failed.",
        fixes: [
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("postfix", "Postfix: check `smtpd_tls_chain_files`; `postfix tls output-server-tls` and the mail log name the failing file."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("exim", "Exim: check `tls_certificate` / `tls_privatekey` and the Exim panic log."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("sendmail", "Sendmail: check `confSERVER_CERT` / `confSERVER_KEY` and their permissions."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("opensmtpd", "OpenSMTPD: check the `pki` lines of smtpd.conf (`smtpd -n`)."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("haraka", "Haraka: check config/tls.ini and the files it names."),
            { text: "Look at the server's log at the time of this handshake: it names what failed." },
        ],
    },
    // SMTP smuggling: SEC Consult (sec-consult.com/blog/detail/smtp-smuggling-spoofing-e-mails-worldwide/),
    // postfix.org/smtp-smuggling.html, Exim's CVE-2023-51766 notice, Sendmail 8.18 RELEASE_NOTES
    // (srv_features `o`), aiosmtpd GHSA-pr2m-px7j-xg65 (CVE-2024-27305).
    "smuggling-lenient-end-of-data": {
        text: "The server's DATA reader accepts an end of data other than <CR><LF>.<CR><LF> (a bare <LF> or <CR> taken as a line ending, or a NUL dropped): an outbound server that passes such a sequence through lets its users hide a second message, with a forged sender, inside the first (SMTP smuggling, CVE-2023-51764/51765/51766).",
        fixes: [
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("postfix", "Postfix: set `smtpd_forbid_bare_newline = normalize` (Postfix 3.9 and later default to it; the backports 3.8.5, 3.7.10, 3.6.14 and 3.5.24 have it, off by default) and `postfix reload`. Clients in `smtpd_forbid_bare_newline_exclusions` (default `$mynetworks`, loopback included) stay exempt, so test from outside mynetworks. Older releases: `smtpd_data_restrictions = reject_unauth_pipelining` is the short-term mitigation (postfix.org/smtp-smuggling.html)."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("exim", "Exim: upgrade to 4.97.1 or later (CVE-2023-51766), which accepts only <CR><LF>.<CR><LF> as the end of data. Until then, `pipelining_advertise_hosts =` and `chunking_advertise_hosts =` (both empty) in the main configuration narrow what can be smuggled."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("sendmail", "Sendmail: upgrade to 8.18.1 or later (CVE-2023-51765), which by default accepts only <CR><LF>.<CR><LF> (srv_features option `o`); on a patched 8.17 add `o` to the server features (`O SrvFeatures`, or `Srv_Features:` in the access map), and `g`/`u` to refuse bare <LF>/<CR>."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("aiosmtpd", "aiosmtpd: upgrade to 1.4.5 or later (CVE-2024-27305), which accepts only <CR><LF>.<CR><LF>."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("opensmtpd", "OpenSMTPD: upgrade to the current release, and report the accepted sequences upstream if it still takes them."),
            (0,_root_causes_js__WEBPACK_IMPORTED_MODULE_0__.on)("haraka", "Haraka: upgrade to the current release, and report the accepted sequences upstream if it still takes them."),
            { text: "Make the server accept only <CR><LF>.<CR><LF> as the end of data, and refuse (or normalise) a bare <CR> or <LF> in message content (RFC 5321 §2.3.8, §4.1.1.4): upgrade to a release that fixes SMTP smuggling, or put a filter in front that does." },
            { text: "Re-run this check (`--send --smuggling`) after the change: every variant must then be answered once." },
        ],
    },
    // TLS 1.3's certificate_required alert (RFC 8446 §4.4.2.4, §6.2): the server wanted the client's certificate.
    "client-certificate-required": {
        text: "The port requires a client certificate (mutual TLS) and smtp-gate presents none: whatever terminates TLS here verifies clients — stunnel `verifyChain = yes` or `verify = 2`, HAProxy `verify required` on the `bind` line, nginx `ssl_verify_client on`, Exim `tls_verify_hosts`. Mail servers and ordinary mail clients present no certificate, so they cannot deliver here either.",
        fixes: [
            { text: "If this port takes mail from other servers or from ordinary mail clients, stop requiring a client certificate where TLS is terminated: stunnel `verifyChain = no` (and no `verify = 2` or `verifyPeer`), HAProxy `verify none` (or `optional`), nginx `ssl_verify_client off` (or `optional`), Exim `tls_try_verify_hosts` instead of `tls_verify_hosts`." },
            { text: "If only clients with certificates may use this port, it is not the path mail takes: probe the port those senders use." },
        ],
    },
    "no-common-protocol": {
        text: "Client and server share no TLS version or cipher: the server refused the handshake (handshake_failure or protocol_version).",
        fixes: [{ text: "See what the server accepts: `{openssl} -tls1_2` and `-tls1_3`; enable TLS 1.2 and 1.3 on the server." }],
    },
};
/** For each finding id, the causes weighed, in their prior order (before evidence reorders them). */
const DIFFERENTIALS = {
    "command-unrecognized": ["optional-command", "nonstandard-command", "inspecting-appliance", "tls-stream", "line-endings", "non-smtp-proxy"],
    "command-not-implemented": ["optional-command", "feature-disabled", "nonstandard-command", "inspecting-appliance", "tls-stream", "line-endings", "non-smtp-proxy"],
    "address-verification-refused": ["optional-command"],
    "relay-denied": ["relay-not-authenticated", "relay-client-not-trusted"],
    "recipient-expansion-failed": ["expansion-failed", "mailbox-missing"],
    "auth-failed": ["wrong-credentials", "sasl-backend", "basic-auth-disabled", "oauth-token"],
    "starttls-repeated": ["tls-already-active"],
    "starttls-not-advertised": ["tls-not-configured", "appliance-strips-starttls"],
    "starttls-required-first": ["tls-not-started", "appliance-strips-starttls"],
    "connect-refused": ["nothing-listens"],
    "connect-timeout": ["filtered", "port-25-blocked"],
    "host-unreachable": ["no-route"],
    "tls-server-alert": ["server-tls-setup", "no-common-protocol"],
    "tls-client-certificate-required": ["client-certificate-required"],
    "smtp-smuggling": ["smuggling-lenient-end-of-data"],
};


/***/ }),

/***/ 3130:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KM: () => (/* binding */ serverLabel),
/* harmony export */   VQ: () => (/* binding */ asMiddlebox),
/* harmony export */   _K: () => (/* binding */ recogniseMiddlebox),
/* harmony export */   fC: () => (/* binding */ middleboxRow),
/* harmony export */   sm: () => (/* binding */ boxReply),
/* harmony export */   wH: () => (/* binding */ BOX_NAME)
/* harmony export */ });
/* unused harmony exports MIDDLEBOX_IDS, MIDDLEBOXES, BOX_REPLIES */
/* harmony import */ var _servers_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9496);
/**
 * Boxes in front of an MTA — balancers, SMTP proxies, content filters, TLS terminators — and how
 * each shows itself: its own greeting, EHLO keywords and reply texts. Data, not code: a new box is
 * a row here. Recorded from the real boxes of scripts/test-middleboxes.sh (docs/testing.md) and
 * their sources (nginx src/mail/ngx_mail_smtp_handler.c, proxsmtp's smtppass.c, stunnel's
 * protocol.c, qpsmtpd's plugins).
 *
 * A box that only forwards bytes (HAProxy in TCP mode, a SOCKS proxy) says nothing of its own: it
 * is told by its behaviour instead (src/diagnose/middlebox.ts).
 */

/** `server.via` (contract §8): what stands in front of the MTA. */
const MIDDLEBOX_IDS = ["nginx", "proxsmtp", "stunnel", "qpsmtpd", "haproxy", "tls-terminator"];
/** A `server.via` read from a report (any string) as a box of this table, or null. */
const asMiddlebox = (v) => MIDDLEBOX_IDS.includes(v ?? "") ? v : null;
/** The server as one phrase: "Postfix 3.7", "Postfix via nginx", "via nginx". */
function serverLabel(s) {
    const mta = s.product ? `${s.product}${s.version ? ` ${s.version}` : ""}` : "";
    return [mta, s.via ? `via ${s.via}` : ""].filter(Boolean).join(" ");
}
const MIDDLEBOXES = [
    // ngx_mail_smtp_handler.c: "220 <server_name> ESMTP ready"; the MTA's banner never reaches the client.
    // Yahoo's MX greets in the same form ("220 mta7.am0.yahoodns.net ESMTP ready").
    { via: "nginx", product: "nginx mail proxy", banner: /^\S+ ESMTP ready$/, bannerShared: true, log: "nginx's error log (`error_log` in nginx.conf, /var/log/nginx/error.log by default)" },
    // smtppass.c: the default greeting "220 smtp.passthru" and the XFILTERED keyword it adds to EHLO.
    { via: "proxsmtp", product: "proxsmtp", banner: /^smtp\.passthru\b/i, ehlo: /^XFILTERED$/i, log: "proxsmtpd's messages in syslog (facility mail) and the FilterCommand's own log" },
    // stunnel's `protocol = smtp` (server side) prefixes the MTA's banner: "220 <host> stunnel for <rest>".
    { via: "stunnel", product: "stunnel", banner: /\bstunnel for\b/i, log: "stunnel's log (`output =` in stunnel.conf, else syslog)" },
    { via: "qpsmtpd", product: "qpsmtpd", banner: /\bqpsmtpd\b/i, log: "qpsmtpd's log (the logging plugin's file, /var/log/qpsmtpd/qpsmtpd.log on Debian)" },
];
const middleboxRow = (via) => MIDDLEBOXES.find((r) => r.via === via);
/** What each box is, in a phrase that reads after "through …". */
const BOX_NAME = {
    nginx: "nginx's mail proxy",
    proxsmtp: "proxsmtp (a filtering SMTP proxy)",
    stunnel: "stunnel",
    qpsmtpd: "qpsmtpd (an SMTP front end)",
    haproxy: "HAProxy",
    "tls-terminator": "a TLS terminator (stunnel, HAProxy `ssl`, nginx `stream` with `ssl`)",
};
const BOX_REPLIES = [
    {
        // ngx_mail_smtp_handler.c: STARTTLS is a command only with `starttls on|only` (default off); else "500 5.5.1 Invalid command".
        id: "middlebox-starttls-off", via: "nginx", code: 500, text: /^(?:5\.5\.1 )?Invalid command$/i, verbs: ["STARTTLS"],
        says: "nginx offers and accepts STARTTLS only when its mail `server` block says `starttls on` (or `only`), and its default is off: it left STARTTLS out of the EHLO reply and refused the command itself. The MTA behind it never saw the command; nginx terminates TLS for its clients, so the MTA's own STARTTLS and certificate never reach them",
        causes: ["nginx's mail proxy has no `starttls on` for this server (the directive's default is off), so the port speaks plain text only."],
        fixes: [
            "In nginx's mail `server` block for this port: `starttls on;` (or `starttls only;`) with `ssl_certificate` and `ssl_certificate_key` naming the certificate clients should see, then `nginx -s reload`.",
            "If this port is meant to be plain text (a hop inside the network), probe it with `tls: none` (CLI `--tls none`).",
        ],
    },
    {
        // ngx_mail_smtp_handler.c: MAIL before AUTH without `none` in smtp_auth (default `login plain`).
        id: "middlebox-auth-required", via: "nginx", code: 530, text: /Authentication required/i, verbs: ["MAIL"], needsVia: true,
        says: "nginx takes MAIL FROM without a login only when its `smtp_auth` lists `none`, and its default (`smtp_auth login plain`) does not: nginx refused the transaction itself and never handed the session to the MTA",
        causes: ["nginx's `smtp_auth` for this server lacks `none`: every client must log in first, so mail from other servers (which never log in) is refused on this port whatever the MTA would accept."],
        fixes: [
            "If this port receives mail from other servers (an MX, port 25): add `none` to nginx's `smtp_auth` (`smtp_auth login plain none;`); nginx then asks its auth_http service at RCPT TO (Auth-Method: none) which backend takes the mail.",
            "If it is a submission port: give the probe credentials (`username` with `password-env`), so that AUTH runs before MAIL.",
        ],
    },
    {
        id: "middlebox-command-refused", via: "nginx", code: 500, text: /^(?:5\.5\.1 )?Invalid command$/i,
        says: "nginx answers every command itself until it hands the session to the MTA (after MAIL FROM), and it knows only EHLO, HELO, STARTTLS, AUTH, MAIL, NOOP, RSET and QUIT: the MTA behind it never saw this command",
        causes: ["nginx's mail proxy is in front of the MTA: before MAIL FROM, commands are nginx's to answer, and it refuses any it does not implement (XCLIENT-style or vendor commands, a custom AUTH verb)."],
        fixes: [
            "To test what the MTA does with this command, probe the MTA's own port (behind nginx), not the proxy.",
            "If clients need the command, it cannot go through nginx's mail proxy: route them to the MTA directly (nginx `stream` proxies bytes and answers nothing itself).",
        ],
    },
    {
        id: "middlebox-backend-failed", via: "nginx", code: 451, text: /^(?:4\.3\.2 )?Internal server error$/i,
        says: "nginx could not hand the session to the MTA: its auth_http service failed or did not answer, the backend it named (Auth-Server, Auth-Port) refused the connection, or the backend refused nginx's XCLIENT; then it closes. The MTA refused nothing: the reason is only in nginx's log",
        causes: [
            "The auth_http service is down, slow (auth_http_timeout) or answered something nginx could not use.",
            "The backend the auth service named (Auth-Server, Auth-Port) is down or refuses nginx's connections.",
            "`xclient on` while the backend does not allow XCLIENT from nginx's address (it answers 550 5.7.0 and nginx gives up).",
        ],
        fixes: [
            "Read nginx's error log (`error_log` in nginx.conf, /var/log/nginx/error.log): it names the step that failed (\"auth http server … failed\", \"upstream … refused\", \"upstream sent invalid response\" to XCLIENT).",
            "Check that the auth_http URL answers (`curl -i -H 'Auth-Method: none' -H 'Auth-Protocol: smtp' URL`) and that the Auth-Server/Auth-Port it returns accepts SMTP connections.",
            "With `xclient on`, let the backend accept XCLIENT from nginx's address, or set `xclient off` in nginx's mail block.",
        ],
    },
    {
        // nginx's auth_http protocol: for CRAM-MD5 nginx sends the client's digest as Auth-Pass and its challenge as Auth-Salt;
        // smtp_auth cram-md5 works only when "the password is stored unencrypted" (ngx_mail_smtp_module).
        id: "middlebox-auth-refused", via: "nginx", code: 535, text: /Invalid login or password/i, verbs: ["AUTH"], mechanisms: ["CRAM-MD5"], needsVia: true,
        says: "nginx checks credentials itself through its auth_http service and relays its Auth-Status; for CRAM-MD5 it passes the client's digest (Auth-Pass) and its own challenge (Auth-Salt), which the service can check only against the password in plain text. The MTA behind never saw this login",
        causes: [
            "nginx offers CRAM-MD5 (`smtp_auth … cram-md5`), and its auth_http service does not verify it: it compares Auth-Pass with a stored password or hash, while for CRAM-MD5 Auth-Pass is the HMAC-MD5 digest of the Auth-Salt challenge, so every CRAM-MD5 login is refused, right password or not.",
            "The user name or password is wrong.",
        ],
        fixes: [
            "Take `cram-md5` out of nginx's `smtp_auth` unless the auth_http service computes the digest from Auth-Salt and the password in plain text; clients then use PLAIN or LOGIN, over TLS.",
            "To tell a wrong password from a mechanism the service cannot check, probe once with `auth: PLAIN` (CLI `--auth PLAIN`).",
        ],
    },
    {
        id: "middlebox-auth-refused", via: "nginx", code: 535, text: /Invalid login or password/i, verbs: ["AUTH"], needsVia: true,
        says: "nginx checks credentials itself through its auth_http service and relays its Auth-Status; the MTA behind never saw this login",
        causes: ["The auth_http service refused the user name or password (wrong credentials, or the service checks another user database than the MTA)."],
        fixes: [
            "Check the credentials against the user database the auth_http service reads, and its log for this login.",
            "If the MTA accepts these credentials directly, the auth_http service and the MTA disagree: point the service at the same user database.",
        ],
    },
    {
        id: "middlebox-starttls-stripped", via: "proxsmtp", code: 502, text: /^Command not implemented$/i, verbs: ["STARTTLS"], needsVia: true,
        says: "proxsmtp reads every message to filter it, so it cannot pass TLS through: it removes STARTTLS from the EHLO reply and refuses the command itself, whatever the MTA behind it offers",
        causes: ["A filtering SMTP proxy (proxsmtp) is in front of the MTA and does not speak TLS; the MTA's own STARTTLS never reaches clients of this port."],
        fixes: [
            "Terminate TLS in front of proxsmtp (stunnel, HAProxy `ssl`) for an implicit-TLS port, or move the filter into the MTA (a milter or content filter) so that the MTA's STARTTLS reaches clients.",
            "If this port is meant to be plain text (a hop inside the network), probe it with `tls: none` (CLI `--tls none`).",
        ],
    },
    {
        id: "middlebox-content-filter", via: "proxsmtp", code: 550, text: /./, verbs: ["."], needsVia: true,
        says: "proxsmtp's filter refused the message at the end of DATA (its FilterCommand exited non-zero), so proxsmtp never passed it to the MTA",
        causes: ["The content filter behind proxsmtp (a virus or spam scanner run as its FilterCommand) judged the message and refused it; the MTA did not see it."],
        fixes: [
            "Read proxsmtpd's syslog lines and the filter's own log: the last line the filter wrote to stderr is the reply text.",
            "If the message is legitimate, fix the filter's verdict (signatures, policy) or the FilterCommand in proxsmtpd.conf; smtp-gate's test message is a few lines of plain text.",
        ],
    },
    {
        // proxsmtp's smtppass.c: "451 Local Error" for its own failures (a filter past FilterTimeout, one that cannot run or dies).
        id: "middlebox-filter-failed", via: "proxsmtp", code: 451, text: /^Local Error$/i, verbs: ["."], needsVia: true,
        says: "proxsmtp answers \"451 Local Error\" itself when its filter fails — the FilterCommand ran past FilterTimeout, could not be run, or died — and then passes nothing to the MTA",
        causes: [
            "The FilterCommand outlasted proxsmtpd's `FilterTimeout` (30 s by default): a scanner that is slow or overloaded, or one waiting on its own daemon (clamd, spamd) that is down.",
            "The FilterCommand cannot run (a wrong path, not executable by proxsmtpd's `User`) or crashed, or proxsmtpd cannot write its `TempDirectory`.",
        ],
        fixes: [
            "Read proxsmtpd's syslog lines for this session: \"timeout while listening to filter command\" or \"timeout waiting for filter command to exit\" is FilterTimeout; any other line names the failure.",
            "Run the FilterCommand by hand as proxsmtpd's `User` on a message and time it; fix the scanner (or the daemon it talks to), or raise `FilterTimeout` in proxsmtpd.conf above its run time.",
        ],
    },
    {
        id: "middlebox-content-filter", via: null, code: 550, text: /\bcontent filter\b|\bFOUND$|\bvirus\b|\binfected\b/i, verbs: ["."],
        says: "a content filter (virus or spam scanner) in front of the MTA refused the message at the end of DATA",
        causes: ["A content filter (an SMTP proxy such as proxsmtp or amavis, or a milter) scanned the message and refused it; the recipient and the MTA's routing are not the cause."],
        fixes: [
            "Read the filter's log for this message: it names the signature or rule that matched.",
            "If the message is legitimate, fix the filter's verdict (signatures, policy); the recipient address is not the cause.",
        ],
    },
    {
        id: "middlebox-backend-failed", via: "qpsmtpd", code: 451, text: /Unable to queue message|Queuing declined or disabled/i, verbs: ["."],
        says: "qpsmtpd accepted the recipients itself and could not pass the message on to the MTA behind it (queue/smtp-forward): that MTA refused the message or a recipient, or is down. The 250s to RCPT came from the front end, not from the server that holds the mailboxes",
        causes: [
            "The front end accepts every recipient of its domains (rcpt_ok) without asking the backend, which refuses an unknown recipient only when the message is forwarded.",
            "The backend named in queue/smtp-forward is down or refuses the front end's connection.",
        ],
        fixes: [
            "Read qpsmtpd's log (the logging plugin's file): smtp-forward logs the backend's own reply.",
            "Let the front end check recipients against the backend at RCPT time (a recipient-validation plugin or a map of valid users), so that an unknown user is refused at RCPT, not after DATA.",
            "Check that the backend of queue/smtp-forward is up and accepts the front end's connections.",
        ],
    },
];
/**
 * The box reply that explains a failing reply, if any. `via`: the box recognised in the session;
 * `mechanism`: the SASL mechanism of an AUTH step (its continuation lines carry the verb AUTH too).
 */
function boxReply(code, text, verb, via, mechanism = null) {
    return BOX_REPLIES.find((r) => r.code === code && r.text.test(text) && (!r.verbs || r.verbs.includes(verb)) &&
        (!r.mechanisms || (mechanism !== null && r.mechanisms.includes(mechanism))) &&
        (r.via === null || r.via === via || (!r.needsVia && via === null))) ?? null;
}
const ANY_BOX_BANNER = new _servers_js__WEBPACK_IMPORTED_MODULE_0__/* .AnyRow */ .r0(MIDDLEBOXES.map((r) => r.banner));
const ANY_BOX_EHLO = new _servers_js__WEBPACK_IMPORTED_MODULE_0__/* .AnyRow */ .r0(MIDDLEBOXES.map((r) => r.ehlo));
/** What the greeting and EHLO say about a box in front, or null. */
function recogniseMiddlebox(signs) {
    if (signs.banner.some((l) => ANY_BOX_BANNER.test(l))) {
        for (const row of MIDDLEBOXES)
            if (row.banner && signs.banner.some((l) => row.banner?.test(l)))
                return row;
    }
    if (signs.ehlo.some((l) => ANY_BOX_EHLO.test(l))) {
        for (const row of MIDDLEBOXES)
            if (row.ehlo && signs.ehlo.some((l) => row.ehlo?.test(l)))
                return row;
    }
    return null;
}


/***/ }),

/***/ 2633:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  nn: () => (/* binding */ causesOfCode),
  GY: () => (/* binding */ decideCause),
  y_: () => (/* binding */ phaseOfVerb)
});

// UNUSED EXPORTS: causeFitsSubject, enhancedOf

// EXTERNAL MODULE: ./src/knowledge/root-causes.ts
var root_causes = __nccwpck_require__(2107);
// EXTERNAL MODULE: ./src/knowledge/servers.ts
var servers = __nccwpck_require__(9496);
;// CONCATENATED MODULE: ./src/knowledge/cause-signs.ts
/**
 * What a refused reply says about its root cause: signs read from the reply's structured parts
 * (the phase it answered, its enhanced code, its reply code), its words, and the recognised
 * product. Tried tier by tier, first match wins, so the order of the tiers is the order of
 * weight (docs/diagnosis.md):
 *
 * 1. VENDOR_SIGNS — a product's own meaning of an enhanced code, only when that product is
 *    recognised (Microsoft's 5.1.10 is "recipient not found", RFC 7505's X.1.10 is null MX).
 * 2. WORD_SIGNS — the general wording products use for one cause ("Relay access denied",
 *    "User unknown", "blocked using"), most specific first.
 * 3. REGISTRY_SIGNS — the IANA enhanced-code registry's meanings, at the phases where they apply.
 * 4. CODE_SIGNS — the basic reply code at its phase (RFC 5321 §4.2.2/§4.3.2): the last resort,
 *    and where the code fits several causes it says so (`cause: "other"` with `also`).
 *
 * Data only: rows read fields (phase, codes, family), and the only text they match is the
 * server's reply. The causes' words and fixes are in root-causes.ts.
 */


const ENVELOPE = ["MAIL", "RCPT"];
const LOOP_TITLE = "a mail loop";
const LOOP_MEANING = "A mail loop: the message passed through too many hops (its Received headers), so the server refused it (RFC 5321 §6.3).";
const LOOP_FIX = "Find the loop in the message's Received headers: two hosts (an alias, a forward, MX records) hand it to each other.";
const MESSAGE = ["DATA", "END-OF-DATA", "BDAT"];
/**
 * Microsoft's recipient restrictions (5.7.12, 5.7.13, 5.7.133–5.7.136; Exchange Server's RESOLVER.RST.AuthRequired):
 * the recipient takes mail only from senders its organisation knows as its own. "Authenticated" is the
 * recipient's word for internal, not SMTP AUTH: no setting of the sender's changes it.
 */
const INTERNAL_ONLY = {
    title: "the recipient takes mail only from senders inside its own organisation",
    meaning: "The recipient (a group, mailbox, mail user or public folder) accepts mail only from senders inside its own organisation (Exchange's \"Require that all senders are authenticated\", RequireSenderAuthenticationEnabled), and this sender is outside it. \"Authenticated\" here means known to the recipient's organisation as one of its own senders: nothing on the sending side changes it.",
    fixes: [
        { text: "Only the recipient's organisation can change this: ask the recipient (or the group's owner) to accept mail from outside senders for this address, or to add you to its allowed senders; meanwhile use another address of theirs." },
        (0,root_causes/* why */.d8)(servers/* MICROSOFT */.zk, "Microsoft 365 / Exchange (the recipient's admin): allow senders from outside the organisation for this recipient. A group: `Set-DistributionGroup GROUP -RequireSenderAuthenticationEnabled $false` (Exchange admin center: Groups › Delivery management › people inside and outside my organization). A mailbox, mail user or public folder: clear \"Require that all senders are authenticated\" in its message delivery restrictions (`Set-Mailbox`, `Set-MailUser` or `Set-MailPublicFolder` with `-RequireSenderAuthenticationEnabled $false`). Or list this sender, as a mail contact, in its allowed senders (`-AcceptMessagesOnlyFrom`)."),
    ],
};
/** Microsoft's blocks of the sending tenant, account or domain (Exchange Online NDRs 5.7.501–503, 5.7.700–749, 5.7.800): not an IP listing. */
const TENANT_BLOCKED = {
    title: "the sending Microsoft 365 tenant is blocked from sending",
    meaning: "Exchange Online has blocked the sending tenant's outgoing mail: too much of it was judged spam or bulk (typically a compromised account, an on-premises server that routes through the tenant, or a connector an attacker created), or the subscription is being renewed. The block is on the sending organisation in Microsoft 365, not on an IP address or a blocklist.",
    fixes: [
        (0,root_causes.on)(servers/* MICROSOFT */.zk, "Microsoft 365 (the sending tenant's admin): find what sent the mail and secure it (compromised accounts: Microsoft Defender portal › Review › Restricted entities; unknown inbound connectors: Exchange admin center › Mail flow › Connectors; an open relay on premises), then open a service request in the Microsoft 365 admin center (Support) to have the tenant's block removed."),
        { text: "Only the sending organisation's Microsoft 365 administrator can have this block lifted; it is not a listing of an IP, so sending through another IP or relay does not help." },
    ],
};
const ACCOUNT_BANNED = {
    title: "the sending account is banned for sending spam",
    meaning: "Exchange Online banned the sending account for spam it sent (usually a compromised account); the block is on the account in Microsoft 365, not on an IP address.",
    fixes: [
        (0,root_causes.on)(servers/* MICROSOFT */.zk, "Microsoft 365 (the sending tenant's admin): secure the account (reset its password, revoke its sessions, remove forwarding and inbox rules it should not have), then release it in the Microsoft Defender portal (Review › Restricted entities), or ask Microsoft Support through the Microsoft 365 admin center if it is not listed there."),
    ],
};
const DOMAIN_BANNED = {
    title: "the sending domain is banned for spam sent in its name",
    meaning: "Exchange Online banned the sending domain (the EHLO, envelope or header sender's domain) for spam sent in its name; the block is on the domain, not on an IP address.",
    fixes: [
        (0,root_causes.on)(servers/* MICROSOFT */.zk, "Microsoft 365: stop what sent spam in the domain's name (compromised accounts, a form or service sending as the domain), then ask Microsoft Support through the Microsoft 365 admin center to restore the domain's ability to send."),
    ],
};
const TENANT_IP = {
    title: "the tenant's sending IP is refused for its reputation",
    meaning: "Exchange Online refuses the IP the tenant's mail came from for its low reputation, most often for a new or trial tenant; Microsoft's NDR reference counts it with 5.7.705 as a block of the sending tenant, lifted only through Microsoft Support.",
    fixes: [
        (0,root_causes.on)(servers/* MICROSOFT */.zk, "Microsoft 365 (the sending tenant's admin): make sure no compromised account, connector or open relay sends through the tenant, then contact Microsoft Support from the Microsoft 365 admin center and ask for an IP exception (in a trial subscription, until Exchange Online licences are assigned)."),
        { text: "Only the sending tenant's administrator can have this lifted, through Microsoft Support; no public blocklist is involved." },
    ],
};
const TENANT_LIST = {
    title: "the sending organisation's own Tenant Allow/Block List blocks a recipient",
    meaning: "The sending organisation's own Tenant Allow/Block List blocks one of the recipients (or its domain), so Exchange Online refused the whole message, for every recipient.",
    fixes: [
        (0,root_causes.on)(servers/* MICROSOFT */.zk, "Microsoft 365 (the sending tenant's admin): remove or narrow the block entry in the Microsoft Defender portal (Policies & rules › Threat policies › Tenant Allow/Block Lists), or send the message without that recipient."),
    ],
};
/** The sending domain's reputation or listing, not the IP's (Gmail, Spamhaus DBL, Outlook.com, Yahoo): one set of fixes, at the domain. */
const DOMAIN_FIXES = [
    (0,root_causes.on)("gmail", "Gmail: Postmaster Tools (postmaster.google.com) shows the domain's reputation and its user-reported spam rate; keep that rate under 0.3 %, sign with DKIM and pass SPF aligned with the From domain (DMARC), and give bulk mail one-click unsubscribe (Google's sender guidelines)."),
    (0,root_causes.on)("yahoo", "Yahoo: the Sender Hub (senders.yahooinc.com) shows complaints per DKIM domain through its Complaint Feedback Loop; follow Yahoo's sender requirements (SPF and DKIM aligned with DMARC, one-click unsubscribe)."),
    {
        text: "Work on the domain: see whether a domain list has it (Spamhaus's check.spamhaus.org shows DBL listings) and ask for removal there once the cause is gone; otherwise the receiver's own view of the domain refused it. Authenticate with SPF and DKIM aligned with the From domain (DMARC); send only to people who asked for the mail, drop addresses that bounce or complain, and raise volume slowly (a new domain needs a warm-up). The sending IP is not what is refused, so another IP or relay does not help.",
        named: "Work on the domain: look it up on {list}, which the reply names{lookup}, and ask for removal there once the cause is gone; authenticate with SPF and DKIM aligned with the From domain (DMARC); send only to people who asked for the mail, drop addresses that bounce or complain, and raise volume slowly (a new domain needs a warm-up). The sending IP is not what is refused, so another IP or relay does not help.",
    },
];
const DOMAIN_REPUTATION = { title: "the sending domain has a poor reputation", meaning: "The receiver refuses (or defers) mail for the reputation of the sending domain (the From, DKIM or SPF domain), which its recipients' spam reports and the domain's unauthenticated or unwanted mail have built; the reply names the domain, not the sending IP.", fixes: DOMAIN_FIXES };
const DOMAIN_LISTED = { title: "the sender's domain is on a domain blocklist", meaning: "The sender's domain is listed on a domain blocklist (Spamhaus DBL, or a URI list such as SURBL or URIBL): the listing is of the domain, not of the sending IP.", fixes: DOMAIN_FIXES };
/** Mimecast's Anti-Spoofing policy (Mimecast SMTP error codes: "Create an Anti-Spoofing policy to take no action for the sender's address or IP address"). */
const ANTI_SPOOFING = {
    title: "the recipient's Anti-Spoofing policy refused the sender",
    meaning: "The recipient's Anti-Spoofing policy refused the message: its sender (the envelope or header From) is in one of the recipient organisation's own domains, but the message came from outside, from a source that policy does not trust.",
    fixes: [
        { text: "If the mail is legitimate (a service sending in the name of the recipient organisation's own domain), only the recipient's administrator can let it through; otherwise send from the sender's own domain, not the recipient's." },
        (0,root_causes/* why */.d8)("mimecast", "Mimecast (the recipient's admin): add an Anti-Spoofing policy that takes no action for this sender address or source IP (or an SPF-based Anti-Spoofing bypass) on this route."),
    ],
};
/**
 * A domain blocklist (RFC 5782 §2.2: a list of names, not addresses) by its zone's name: Spamhaus DBL (dbl.spamhaus.org,
 * the DQS zone KEY.dbl.dq.spamhaus.net), SURBL, URIBL, Abusix's dblack and any rhsbl zone.
 */
const DOMAIN_LIST = String.raw `(?:[\w-]+\.)*(?:dbl|dblack|rhsbl|surbl|uribl)\.[\w.-]+`;
/**
 * Postfix's reject_rhsbl_client and reject_rhsbl_reverse_client (postconf(5); smtpd_check.c names the second
 * "Unverified Client host"): the client's host name, its PTR name, looked up on a domain list. The name's domain is
 * listed, not the IP.
 */
const CLIENT_NAME_LISTED = {
    title: "the client's host name is on a domain blocklist",
    meaning: "The sending host's name (the PTR name of its IP) is in a domain that a domain blocklist lists, so the receiver refused the client by its name: the listing is of that domain, not of the sending IP.",
    fixes: [
        {
            text: "Look up the domain of the host name the reply shows on the domain list that refused it (Spamhaus DBL: check.spamhaus.org). If the domain is yours, stop what got it listed and ask for removal there; if it is a provider's generic host name, ask the owner of the IP for a PTR record in a domain of yours, forward-confirmed (the name's A/AAAA record pointing back to the IP). The sending IP is not what is listed, so another IP or relay does not help.",
            named: "Look up the domain of the host name the reply shows on {list}, which the reply names{lookup}. If the domain is yours, stop what got it listed and ask for removal there; if it is a provider's generic host name, ask the owner of the IP for a PTR record in a domain of yours, forward-confirmed (the name's A/AAAA record pointing back to the IP). The sending IP is not what is listed, so another IP or relay does not help.",
        },
        (0,root_causes/* why */.d8)("postfix", "Postfix (the receiver): `reject_rhsbl_reverse_client` (the unverified PTR name) or `reject_rhsbl_client` (the verified client name) looked the client's host name up in the list named after \"blocked using\"; an exception for a client goes in a `check_client_access` table before it."),
    ],
};
/** Postfix's reject_rhsbl_helo: the EHLO name looked up on a domain list. */
const HELO_NAME_LISTED = {
    title: "the EHLO name's domain is on a domain blocklist",
    meaning: "The name the client gave in EHLO is in a domain that a domain blocklist lists: the receiver refused the EHLO name's domain, not the sending IP.",
    fixes: [
        {
            text: "Announce a host name in a domain of yours that is not listed (`helo:`, a name with an A/AAAA record), or find the EHLO name's domain on the domain list that refused it and ask the list to remove it once the cause is gone.",
            named: "Announce a host name in a domain of yours that is not listed (`helo:`, a name with an A/AAAA record), or look the EHLO name's domain up on {list}, which the reply names{lookup}, and ask it to remove the domain once the cause is gone.",
        },
        (0,root_causes/* why */.d8)("postfix", "Postfix (the receiver): `reject_rhsbl_helo` looked the EHLO name up in the list named after \"blocked using\"."),
    ],
};
/** Gmail's 4.7.28 for a URL domain: the links in the message, not the sender's IP or rate. */
const URL_DOMAIN = {
    title: "a URL domain in the message has a poor reputation",
    meaning: "The receiver limits mail that links to a domain (a URL in the body: a site, a link shortener or a click-tracking domain) it has seen in unwanted mail; the limit is on mail with that URL, not on the sending IP or the sending rate.",
    fixes: [
        { text: "Find the URL domain: send test messages with the links removed one at a time, tracking and shortener domains first (a shared shortener is often the one); track clicks on a domain of your own, and mail only recipients who asked for it. Sending slower does not lift it while the URL stays in the message." },
        (0,root_causes.on)("gmail", "Gmail: Postmaster Tools shows the domain's reputation and its user-reported spam rate; keep that rate under 0.3 % and follow Google's sender guidelines."),
    ],
};
/**
 * A group, mailing list or mailbox that takes mail only from the senders its owner allows (Exchange's delivery
 * restrictions, RESOLVER.RST.NotAuthorized and NotAuthorizedToGroup; list managers' posting restrictions).
 */
const RECIPIENT_RESTRICTED = {
    title: "the group or list takes mail only from the senders it allows",
    meaning: "The recipient is a group or mailing list (or a mailbox with delivery restrictions) that takes mail only from the senders its owner allows, such as its members, and this sender is not one of them; nothing is wrong with the envelope sender itself.",
    fixes: [
        { text: "Only the recipient's side can change this: ask the group's owner to allow this sender (or to open the group to outside senders); meanwhile write to a person instead of the group." },
        (0,root_causes/* why */.d8)(servers/* MICROSOFT */.zk, "Exchange / Microsoft 365 (the recipient's admin): the recipient's delivery restrictions decide: for a group, `Set-DistributionGroup GROUP -AcceptMessagesOnlyFromSendersOrMembers` (or `-RejectMessagesFromSendersOrMembers`; Exchange admin center: the group's delivery management); for a mailbox, `Set-Mailbox -AcceptMessagesOnlyFromSendersOrMembers`."),
    ],
};
/** A receiving server (an inbound MX) that takes no logins at all: the client meant the provider's submission server (RFC 6409). */
const NO_LOGIN_HERE = {
    title: "this server takes no logins (it receives mail for its domains)",
    meaning: "The server refuses AUTH altogether: it receives mail for its own domains (an inbound MX) and is not where accounts submit mail, so no mechanism or password is accepted here.",
    fixes: [
        { text: "Send authenticated mail through the provider's submission server (its documented SMTP host, port 587 with STARTTLS or 465), not its MX; to this host, deliver without AUTH and only to the domains it receives for." },
    ],
};
/** The receiving organisation's own block list names the sender's address or domain: no DNS record of the sender's changes it. */
const SENDER_LISTED = {
    title: "the receiver's own block list names the sender",
    meaning: "The receiving organisation (or its filter) has put the sender's address or domain on its own block list; the sender's DNS and authentication are not what is refused, and no public list is involved.",
    fixes: [
        { text: "Ask the recipient, by another channel, to take the address or domain off their organisation's block list (or to add it to their allowed senders); if the address was abused to send spam, secure the account first." },
        (0,root_causes/* why */.d8)("postfix", "Postfix (the receiver): a `check_sender_access` table returns REJECT for this address or domain; remove the entry and `postmap` the table."),
        (0,root_causes/* why */.d8)("exim", "Exim (the receiver): a `senders =` list in the MAIL or RCPT ACL denies this address or domain."),
        (0,root_causes/* why */.d8)("mimecast", "Mimecast (the recipient's admin): remove the sender from the Blocked Senders policy, or add a Permitted Senders entry."),
        (0,root_causes/* why */.d8)(servers/* MICROSOFT */.zk, "Microsoft 365 (the recipient's admin): remove the block entry from the Tenant Allow/Block List (Microsoft Defender portal), or from the anti-spam policy's blocked senders and domains."),
    ],
};
/** An outbound relay or filtering service that sends, from an IP, only for the domains registered to the account. */
const UNREGISTERED_DOMAIN = {
    title: "the sending domain is not registered for this IP at the service",
    meaning: "The service relays mail from this IP only for the sending domains registered (and active) in the account that owns the IP; this envelope sender's domain is not one of them, or the IP is not among the account's outbound routes.",
    fixes: [
        { text: "Register and verify the sending domain in the service's account (and the sending IP in its outbound routes), or send from a domain that is registered there." },
    ],
};
/** Postfix's reply when a milter defers, or does not answer under milter_default_action = tempfail (milter8.c). */
const MILTER_TEMPFAIL = {
    title: "a milter deferred the message or did not answer",
    meaning: "A milter (a filter Postfix consults: a spam or virus scanner, a DKIM or DMARC checker) asked Postfix to defer, or did not answer and Postfix's `milter_default_action` (tempfail by default) deferred for it; the reply does not say which.",
    fixes: [
        { text: "Nothing to change on the client's side: the sending MTA retries. The receiving side's mail log says whether the milter answered so or failed (\"milter …: can't read …\", \"connect to milter service … failed\")." },
        (0,root_causes/* why */.d8)("postfix", "Postfix (the receiver): check that each milter in `smtpd_milters` (and `non_smtpd_milters`) runs and answers within its `milter_*_timeout`; `milter_default_action` decides what an unanswering milter means (tempfail, accept, reject)."),
    ],
};
/** A forwarding or filtering service that passes back its next hop's failure ("Upstream error"): not its own resources. */
const UPSTREAM_FAILED = {
    title: "the server behind a forwarding service failed",
    meaning: "A forwarding or filtering service that relays the recipient domain's mail onward could not hand the message to the server behind it (that next hop refused, deferred or did not answer) and passed the failure back; the reply does not say which.",
    fixes: [
        { text: "For a 4xx nothing changes on the sending side: the sending MTA retries. The recipient's side sees the cause in the forwarding service's activity log and at the final destination; a repeated failure there (a full mailbox, a refusal of forwarded mail) is theirs to fix." },
    ],
};
/** postscreen's deferral of a new client that passed its after-220 tests (postscreen(8), "AFTER-220 TESTS"): a first-contact deferral. */
const POSTSCREEN_RECONNECT = {
    title: "postscreen defers a new client until it reconnects",
    meaning: "Postfix's postscreen ran its after-220 tests on this new client (pipelining, non-SMTP commands, bare newlines), which it passed; postscreen cannot hand a passed session to the real SMTP server, so it defers the client, which must reconnect and is then let through (for postscreen_cache_ttl). A first-contact deferral, like greylisting.",
    fixes: [
        { text: "Nothing is broken: a real MTA retries (from the same IP) and passes. For a gate, use `fail-on: hard` so this deferral only warns, or run the probe twice." },
        (0,root_causes/* why */.d8)("postfix", "Postfix (the receiver): the after-220 tests (`postscreen_pipelining_enable`, `postscreen_non_smtp_command_enable`, `postscreen_bare_newline_enable`) cause the reconnect; list the probe's IP in `postscreen_access_list` (permit) to exempt it."),
    ],
};
/** postscreen's refusal of a client that failed one of its protocol tests under an enforce action. */
const POSTSCREEN_PROTOCOL = {
    title: "postscreen refused the client for a protocol test",
    meaning: "Postfix's postscreen refused the client after it failed one of its protocol tests whose action is enforce: it talked before the greeting (pregreet), pipelined commands without PIPELINING, or ended a line with a bare newline. The reply does not say which; postscreen's log does (PREGREET, COMMAND PIPELINING, BARE NEWLINE).",
    fix: "Check the client and anything in front of it (a proxy, a balancer) for data sent before the greeting, unannounced pipelining or bare LF line endings; on the receiver, `postscreen_access_list` exempts a client.",
};
/** Barracuda's per-recipient "blocked": its policy refused the message for that recipient and does not say which rule. */
const BARRACUDA_BLOCKED = {
    title: "Barracuda's policy blocked the message for the recipient",
    meaning: "The recipient's Barracuda gateway blocked the message for this recipient without saying why: a content or attachment rule, a block list of the recipient's or the organisation's (the sender or its domain), or the sender's reputation. Its Message Log names the rule.",
    fix: "Ask the recipient's administrator to look the message up in the Barracuda Message Log, which names the rule that blocked it; meanwhile send a plain test message from the same sender to tell content from sender.",
};
/** Exchange Online's refusal of an automatically forwarded message (5.7.520): the sending organisation's own policy. */
const NO_EXTERNAL_FORWARDING = {
    title: "the sending organisation does not allow automatic forwarding outside it",
    meaning: "Exchange Online recognised the message as automatically forwarded (an inbox rule, mailbox forwarding) to an outside address, and the sending organisation's outbound spam filter policy blocks automatic external forwarding (the default since 2021); neither the recipient nor the sending IP is at fault.",
    fixes: [
        { text: "Only the sending organisation's administrator can allow automatic forwarding to outside addresses (for every mailbox, or for this one); until then, forward the message by hand." },
        (0,root_causes.on)(servers/* MICROSOFT */.zk, "Microsoft 365 (the sending tenant's admin): set automatic forwarding to \"On - Forwarding is enabled\" in an outbound spam filter policy that covers this mailbox (Microsoft Defender portal › Policies › Anti-spam), and check that the remote domain allows it (`Set-RemoteDomain -AutoForwardEnabled $true`)."),
    ],
};
/** Exchange Online's 5.7.139 under security defaults: the tenant's baseline blocks legacy (password) sign-ins to SMTP AUTH. */
const SECURITY_DEFAULTS = {
    title: "the tenant's security defaults block password sign-in to SMTP",
    meaning: "The account's Microsoft Entra tenant has security defaults on, which block legacy authentication (a password over SMTP AUTH) for every account; the password itself may be right.",
    fixes: [
        { text: "Use OAuth 2 for SMTP (`auth: XOAUTH2` with `oauth-token-env`), or have the tenant's administrator replace security defaults with Conditional Access policies that allow this one account; nothing in the client's password changes it." },
        (0,root_causes.on)(servers/* MICROSOFT */.zk, "Microsoft 365 (the tenant's admin): Microsoft Entra admin center › Identity › Overview › Properties › Manage security defaults shows the setting; SMTP AUTH must also be on for the mailbox (`Set-CASMailbox USER -SmtpClientAuthenticationDisabled $false`)."),
    ],
};
/** Exchange Online's 5.7.139 when a sign-in policy refuses the password sign-in (Conditional Access, per-user MFA). */
const SIGN_IN_POLICY = {
    title: "a sign-in policy of the tenant refused the password sign-in",
    meaning: "The account's Microsoft Entra tenant refused the sign-in by policy, not for the password: a Conditional Access policy that blocks legacy authentication or requires MFA, or per-user MFA, which a password over SMTP AUTH cannot satisfy.",
    fixes: [
        { text: "Use OAuth 2 for SMTP (`auth: XOAUTH2` with `oauth-token-env`), or have the tenant's administrator exempt this account from the policy that blocks it; the sign-in logs name the policy." },
        (0,root_causes.on)(servers/* MICROSOFT */.zk, "Microsoft 365 (the tenant's admin): Microsoft Entra admin center › Monitoring › Sign-in logs, filtered on the account and client app \"Authenticated SMTP\", shows which Conditional Access policy failed the sign-in; exclude the account there (or use a service account without MFA only where policy allows)."),
    ],
};
/** Cyrus SASL's SASL_FAIL ("generic failure"), as Postfix passes it back: its back end failed, which says nothing about the password. */
const SASL_BACKEND = {
    title: "the server's SASL back end failed",
    meaning: "The server's SASL library (Cyrus SASL) reported a generic failure (SASL_FAIL), the answer when its own back end fails (saslauthd not running or unreachable, a broken auxprop database or mechanism plugin), not when the password is wrong (that is \"authentication failure\").",
    fix: "Retrying with another password does not help: tell the server's administrator, whose mail log shows the SASL error (\"warning: SASL authentication failure: …\"); saslauthd must run and its socket be readable by the SMTP server (`testsaslauthd` checks it).",
};
/** Exim's sender verification that could not finish (acl.c: "Could not complete sender verify", a DEFER): a check that failed, not a greylisting. */
const SENDER_VERIFY_DEFERRED = {
    title: "the receiver could not finish verifying the envelope sender",
    meaning: "The receiver verifies the envelope sender before it accepts the recipients (sender verification, with a callout: a test RCPT TO the sender address at the sender domain's MX) and could not finish: the sender domain's DNS gave no answer, or its MX deferred or did not answer the callout. A temporary failure of that check, not a greylisting.",
    fixes: [
        { text: "Make sure the envelope sender's domain answers in DNS (its name servers, its MX or A records) and that its MX accepts, from anywhere and with a null sender, a RCPT TO the sender address; the sending MTA retries meanwhile." },
        (0,root_causes/* why */.d8)("exim", "Exim (the receiver): `verify = sender` (with `/callout`) in the RCPT ACL deferred; its log line names the lookup or callout that failed, and `/callout=…,defer_ok` accepts when the callout cannot complete."),
    ],
};
/** A sending service that sends only from identities verified in the account: Amazon SES, Twilio SendGrid. */
const SES_UNVERIFIED = {
    title: "the sender's address is not verified in Amazon SES",
    meaning: "Amazon SES sends only from addresses and domains verified in the AWS account, in the Region of the SMTP endpoint; the From, Sender or Return-Path address is not one of them (an account still in the sandbox must also verify each recipient).",
    fixes: [
        { text: "Amazon SES: verify the address or its domain (SES console › Identities, in the Region of the SMTP endpoint the client uses), or send from one that is verified there; out of the sandbox (a production access request), recipients need no verification." },
    ],
};
const SENDGRID_UNVERIFIED = {
    title: "the From address is not a verified Sender Identity in SendGrid",
    meaning: "Twilio SendGrid sends only from a verified Sender Identity: the From address must be a verified single sender, or in a domain authenticated in the account.",
    fixes: [
        { text: "Twilio SendGrid: verify the From address (Settings › Sender Authentication › Single Sender Verification) or authenticate its domain (Domain Authentication), or send from an identity already verified there." },
    ],
};
const SES_IAM = {
    title: "the SMTP credentials' IAM user may not send from this identity",
    meaning: "Amazon SES refused the message because the IAM policy of the user that owns the SMTP credentials (or the identity's sending authorization policy) does not allow ses:SendRawEmail on this sending identity.",
    fixes: [
        { text: "Amazon SES: allow `ses:SendRawEmail` on the identity's ARN (the one the reply names) in the IAM policy of the SMTP credentials' user, or send from an identity that policy allows; the identity's sending authorization policy must allow it too when it belongs to another account." },
    ],
};
/** An access table's REJECT for a recipient (Postfix's check_recipient_access): the receiver's own rule, not a missing address. */
const RECIPIENT_ACCESS_DENIED = {
    title: "the receiver's access table refuses this recipient",
    meaning: "The receiving server refuses this recipient address by a rule of its own (Postfix's check_recipient_access table answering REJECT for the address or its domain): an address that takes no mail from outside (an internal-only list or role address), a retired address kept refused, or a domain it blocks. The reply does not say which, nor whether the address exists; it is not about the client, the sender or relaying.",
    fix: "Only the receiving side can say why: ask its postmaster (by another channel) whether this address takes mail from outside, and write to another address of theirs meanwhile; on the receiver, `postmap -q ADDRESS TABLE` shows the entry of its check_recipient_access table.",
};
/** Amazon SES's 24-hour sending quota: a per-account quota, which slowing down within the day does not lift. */
const SES_DAILY_QUOTA = {
    title: "the Amazon SES account's 24-hour sending quota is used up",
    meaning: "The Amazon SES account has sent as many messages as its sending quota allows in the last 24 hours; SES takes more only as the oldest of them leave that window.",
    fixes: [
        { text: "Amazon SES: wait for the 24-hour window to move (the SES console's account dashboard shows the quota and what is used), or request a higher sending quota (Service Quotas, or a production access request for an account still in the sandbox)." },
    ],
};
/** Postfix's address verification still probing (verify(8)): the first message to an unverified address waits. */
const ADDRESS_VERIFY_PENDING = {
    title: "the receiver is still verifying the address (a first-contact deferral)",
    meaning: "Postfix's address verification (reject_unverified_recipient or reject_unverified_sender) has not finished probing this address: it defers the first message while its verify service asks the next hop, then answers from its cache. A deliberate first-time deferral, like greylisting; it says nothing yet about whether the address exists.",
    fixes: [
        { text: "Nothing to change: a real MTA retries and is then answered from the verification's result (accepted, or refused if the address does not exist). For a gate, use `fail-on: hard` so this deferral only warns, or probe again after a minute." },
        (0,root_causes/* why */.d8)("postfix", "Postfix (the receiver): `reject_unverified_recipient` (or `reject_unverified_sender`) with the verify(8) service; `address_verify_poll_count` and `address_verify_poll_delay` make smtpd wait for the probe's answer instead of deferring."),
    ],
};
/** NetEase's DT:SUM (mail.163.com/help/help_spam_16.htm): the header From differs from the envelope sender. */
const NETEASE_FROM_MISMATCH = {
    title: "the header From is not the envelope sender (NetEase)",
    meaning: "NetEase's mail service (163.com, 126.com, yeah.net) refused the message because its header From differs from the envelope sender (MAIL FROM), which must be the account that logged in (its code DT:SUM).",
    fixes: [
        { text: "Send with the header From equal to the envelope sender, and both equal to the NetEase account that logs in; a From of another address or domain is refused, not rewritten." },
    ],
};
/** An SPF check that could not finish on DNS (RFC 7208 §2.6.6 temperror): the check failed, not the sender. */
const SPF_TEMPERROR = {
    title: "the receiver's SPF check could not finish (a DNS error)",
    meaning: "The receiver could not complete its SPF check of the sender's domain (RFC 7208 temperror): a DNS query the check needs timed out or failed, at the sender domain's name servers (its SPF record, an include: or redirect= target) or at the receiver's own resolver. A temporary failure of the check, not a verdict on the sender.",
    fixes: [
        { text: "Check that the sender domain's SPF record and each include: or redirect= target it names resolve quickly from outside (`dig TXT DOMAIN`), and that all its name servers answer; the sending MTA retries meanwhile. If they do, the receiver's resolver is at fault and only its postmaster can fix it." },
    ],
};
/** An SPF record that cannot be evaluated (RFC 7208 §2.6.7 permerror): the domain's record is broken. */
const SPF_PERMERROR = {
    title: "the sender domain's SPF record is invalid",
    meaning: "The sender domain's SPF record could not be evaluated (RFC 7208 permerror): a syntax error, more than one v=spf1 record, or more than 10 terms that need DNS lookups (include, a, mx, ptr, exists, redirect); the receiver treats the mail as unauthenticated.",
    fixes: [
        { text: "Fix the domain's SPF record: a single TXT record starting v=spf1, valid mechanisms only, and at most 10 DNS-querying terms (flatten nested include: chains); check it with an SPF validator, then send again." },
    ],
};
/** A recipient whose own preferences refuse this sender (Facebook's RCP-P2): the address exists, whatever its X.1.1. */
const RECIPIENT_PREFERENCES = {
    title: "the recipient's own preferences refuse this sender",
    meaning: "The recipient exists, but its own preferences (who may write to it) refuse mail from this sender; the enhanced code's X.1.1 notwithstanding, nothing is wrong with the address or the sending server.",
    fixes: [
        { text: "Only the recipient can change this: ask them, by another channel, to accept mail from this sender; until then the address refuses it." },
    ],
};
/** Sender ID (RFC 4407) that found no Purported Responsible Address: the headers, not the SPF record, are at fault. */
const SENDER_ID_PRA = {
    title: "the receiver's Sender ID check found no responsible address in the headers",
    meaning: "The receiver's Sender ID check (RFC 4407) could not determine the message's Purported Responsible Address from its headers (Resent-Sender, Resent-From, Sender, From): one of them is missing, repeated or malformed, and Sender ID refuses such a message before any record is looked up.",
    fixes: [
        { text: "Send with exactly one well-formed From header (one Sender header at most, and no repeated Resent- headers); once the address is found, its domain's SPF must permit the sending IP." },
    ],
};
/** The receiving server's own configuration failed (RFC 3463 X.3.5; Postfix's "Server configuration error/problem"). */
const MISCONFIGURED = {
    title: "the receiving server is misconfigured",
    meaning: "The receiving server is misconfigured (RFC 3463 X.3.5): only its operator can fix it.",
    fix: "Tell the server's operator; its log at this time names what is misconfigured.",
};
/** Yandex Mail: a mail program logs in with an app password, and only when mail-client access is on. */
const YANDEX_APP_PASSWORD = {
    title: "the account takes no mail-program login without an app password (Yandex)",
    meaning: "Yandex Mail refused the login for this service: mail programs may log in only with an app password, and only when access by mail clients is switched on in the mailbox's settings; the account's own password is refused however right it is.",
    fixes: [
        { text: "Yandex: switch on access by mail clients (Mail › All settings › Email clients: IMAP/SMTP), create an app password for mail (Yandex ID › Security › App passwords) and use it as the SMTP password." },
    ],
};
const VENDOR_SIGNS = [
    // Not at AUTH: there Google's 504 5.7.40 is "Unrecognized authentication type".
    { cause: "spf-dkim-dmarc", families: ["gmail"], enhanced: ["X.7.24", "X.7.26", "X.7.27", "X.7.30", "X.7.40"], phases: ["CONNECT", ...ENVELOPE, ...MESSAGE], source: "Google: SMTP error reference (4.7.24/5.7.24 suspicious SPF record, 5.7.26 unauthenticated, 5.7.27 SPF, 5.7.30 DKIM, 4.7.40/5.7.40 no DMARC record)" },
    { cause: "tls-required", families: ["gmail"], enhanced: ["X.7.29"], source: "Google: SMTP error reference (4.7.29/5.7.29 the message was not sent over TLS)" },
    { cause: "app-password-required", families: ["gmail"], enhanced: ["5.7.9"], phases: ["AUTH"], source: "Google: SMTP error reference (534 5.7.9 application-specific password required)" },
    { cause: "app-password-required", families: ["gmail"], enhanced: ["X.7.14"], phases: ["AUTH"], source: "Google: SMTP error reference (534 5.7.14 sign in through a web browser first)" },
    { cause: "spf-dkim-dmarc", families: ["gmail"], enhanced: ["X.7.32"], source: "Google: SMTP error reference (5.7.32 From header not aligned with SPF or DKIM)" },
    // Yahoo's help names DKIM, SPF and DMARC for "Message not accepted for policy reasons"; its error-code page keeps content refused "for policy reasons" in the 5xx too.
    { cause: "spf-dkim-dmarc", also: ["content-rejected"], families: ["yahoo"], enhanced: ["X.7.9"], phases: [...ENVELOPE, ...MESSAGE], words: /policy reasons/i, source: "Yahoo: help.yahoo.com SLN7253 (554 5.7.9 Message not accepted for policy reasons: DKIM, SPF or DMARC failed); postmaster.yahooinc.com/error-codes (5xx: authentication, or content refused for policy reasons)" },
    { cause: "spf-dkim-dmarc", families: ["yahoo"], enhanced: ["X.7.9"], phases: [...ENVELOPE, ...MESSAGE], source: "Yahoo: postmaster error codes (5.7.9 sender unauthenticated)" },
    { cause: "ip-reputation", families: ["yahoo"], words: /\[TSS?\d\d\]/, source: "Yahoo: postmaster error codes ([TSxx] deferrals and blocks by IP reputation)" },
    { cause: "relay-denied", families: servers/* MICROSOFT */.zk, words: /relay/i, enhanced: /^5\.(?:4\.1|7\.64)$/, source: "Microsoft: Exchange Online NDR 5.4.1 / 5.7.64 (relay access denied, tenant attribution)" },
    { cause: "unknown-recipient", families: servers/* MICROSOFT */.zk, enhanced: ["X.1.10", "5.4.1"], phases: ["RCPT", ...MESSAGE], source: "Microsoft: NDR 5.1.10 (RecipientNotFound) and 5.4.1 (Directory-Based Edge Blocking)" },
    { cause: "rate-limited", families: servers/* MICROSOFT */.zk, enhanced: ["X.2.2"], words: /submission quota|sending (?:limit|quota)|recipient rate/i, source: "Microsoft: NDR 5.2.2 (submission quota exceeded)" },
    // 5.7.139 is any refused SMTP AUTH sign-in: the words say which (wrong credentials, security defaults, a sign-in policy).
    { cause: "auth-failed", families: servers/* MICROSOFT */.zk, enhanced: ["5.7.139"], words: /\bcredentials (?:were|are) incorrect\b|\b(?:user ?name|password) (?:is |was )?(?:incorrect|invalid|wrong)\b/i, source: "Microsoft: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect" },
    { cause: "basic-auth-disabled", families: servers/* MICROSOFT */.zk, enhanced: ["5.7.139"], words: /\bsecurity defaults\b/i, ...SECURITY_DEFAULTS, source: "Microsoft: 535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy (security defaults block legacy authentication)" },
    { cause: "basic-auth-disabled", families: servers/* MICROSOFT */.zk, enhanced: ["5.7.139"], words: /\bdid not meet the criteria\b/i, ...SIGN_IN_POLICY, source: "Microsoft: 535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully (Conditional Access, MFA)" },
    { cause: "basic-auth-disabled", families: servers/* MICROSOFT */.zk, enhanced: ["5.7.30", "5.7.139"], source: "Microsoft: 5.7.30 basic authentication not supported, 5.7.139 SMTP AUTH disabled for the tenant" },
    { cause: "auth-required", families: servers/* MICROSOFT */.zk, enhanced: ["5.7.57"], source: "Microsoft: NDR 5.7.57 (client not authenticated to send mail)" },
    { cause: "sender-not-authorized", families: servers/* MICROSOFT */.zk, enhanced: ["5.7.60"], source: "Microsoft: NDR 5.7.60 (no permission to send as this sender)" },
    { cause: "relay-denied", families: servers/* MICROSOFT */.zk, enhanced: ["5.7.64"], source: "Microsoft: NDR 5.7.64 (TenantAttribution; relay access denied)" },
    { cause: "spf-dkim-dmarc", families: servers/* MICROSOFT */.zk, enhanced: ["5.7.509", "5.7.515", "X.7.26"], source: "Microsoft: 5.7.509 DMARC reject, 5.7.515 authentication level, 4.7.26/5.7.26 IPv6 SPF/DKIM" },
    { cause: "content-rejected", families: servers/* MICROSOFT */.zk, enhanced: ["5.7.512"], source: "Microsoft: NDR 5.7.512 (message must be RFC 5322 compliant)" },
    { cause: "sender-rejected", families: servers/* MICROSOFT */.zk, enhanced: ["5.7.12", "5.7.13", "5.7.133", "5.7.134", "5.7.135", "5.7.136"], phases: ["RCPT", ...MESSAGE], ...INTERNAL_ONLY, source: "Microsoft: NDR 5.7.12 (sender not authenticated by organization), 5.7.133 group, 5.7.134 mailbox, 5.7.13/5.7.135 public folder, 5.7.136 mail user: the recipient rejects senders from outside its organisation" },
    { cause: "other", families: servers/* MICROSOFT */.zk, enhanced: ["5.7.703"], ...TENANT_LIST, source: "Microsoft: NDR 5.7.703 (recipients blocked by the sending organisation's Tenant Allow/Block List)" },
    { cause: "other", families: servers/* MICROSOFT */.zk, enhanced: ["5.7.520"], ...NO_EXTERNAL_FORWARDING, source: "Microsoft: Control automatic external email forwarding in Microsoft 365 (5.7.520 Access denied, Your organization does not allow external forwarding. AS(7555))" },
    { cause: "ip-reputation", families: servers/* MICROSOFT */.zk, enhanced: ["5.7.708"], ...TENANT_IP, source: "Microsoft: NDR 5.7.708 (traffic not accepted from this IP: a low-reputation IP, new and trial tenants; support lifts it)" },
    // The rest of the range; 703 and 708 (above) mean something else, and explain shows every row that matches.
    { cause: "sender-rejected", families: servers/* MICROSOFT */.zk, enhanced: /^5\.7\.7(?:0[0-24-79]|[1-4]\d)$/, ...TENANT_BLOCKED, source: "Microsoft: NDR 5.7.700–5.7.749 (access denied, tenant has exceeded threshold: the sending tenant is banned from sending)" },
    { cause: "sender-rejected", families: servers/* MICROSOFT */.zk, enhanced: ["5.7.501", "5.7.502", "5.7.503"], ...ACCOUNT_BANNED, source: "Microsoft: NDR 5.7.501 (spam abuse detected), 5.7.502–503 (banned sender: the sending account)" },
    { cause: "sender-rejected", families: servers/* MICROSOFT */.zk, enhanced: ["5.7.800"], ...DOMAIN_BANNED, source: "Microsoft: NDR 5.7.800 (banned sender: the EHLO, P1 or P2 sender domain)" },
    { cause: "sender-not-authorized", families: servers/* MICROSOFT */.zk, enhanced: ["5.7.750"], source: "Microsoft: NDR 5.7.750 (client blocked from sending from unregistered domains: the tenant sends from domains it has not added)" },
    { cause: "ip-reputation", families: servers/* MICROSOFT */.zk, enhanced: /^5\.7\.(?:507|51[13]|60[6-9]|6[1-4]\d)$/, source: "Microsoft: 5.7.507 IP rejected by the recipient's organisation, 5.7.511 banned sender IP, 5.7.513 customer block list, 5.7.606–649 banned IP" },
    // Outlook.com's 4.7.650–651 name the IP's reputation as the reason for the throttle.
    { cause: "ip-reputation", families: servers/* MICROSOFT */.zk, enhanced: /^4\.7\.[5-6]\d\d$/, words: /\breputation\b/i, source: "Microsoft: 4.7.650 (the mail server has been temporarily rate limited due to IP reputation)" },
    { cause: "rate-limited", families: servers/* MICROSOFT */.zk, enhanced: /^4\.7\.[5-6]\d\d$/, source: "Microsoft: 4.7.500–699 (access denied, try again later: throttled for suspicious volume)" },
    { cause: "other", families: ["postfix"], codes: [451], words: /\bService unavailable - try again later$/i, ...MILTER_TEMPFAIL, source: "Postfix milter8.c (SMFIR_TEMPFAIL, and milter_default_action = tempfail: 451 4.7.1 Service unavailable - try again later)" },
    // postscreen's own replies (postscreen_early.c, postscreen_smtpd.c): its words are anchored, a Postfix smtpd reply says more.
    { cause: "greylisted", families: ["postfix"], codes: [450], words: /^Service currently unavailable$/i, ...POSTSCREEN_RECONNECT, source: "Postfix postscreen(8): 450 4.3.2 Service currently unavailable when a new client has passed the after-220 tests and must reconnect" },
    { cause: "other", also: ["early-talker", "pipelining-violation"], families: ["postfix"], codes: [550], phases: ["MAIL", "RCPT", "DATA"], words: /^Protocol error$/i, ...POSTSCREEN_PROTOCOL, source: "Postfix postscreen_early.c and postscreen_smtpd.c: 550 5.5.1 Protocol error under postscreen_greet_action, postscreen_pipelining_action or postscreen_bare_newline_action = enforce" },
    { cause: "content-rejected", families: ["qmail"], words: /^mail server permanently rejected message\b/i, source: "qmail.c qmail_close: qmail-queue's exit 31, how a queue filter that replaces it (a virus or spam scanner) refuses the message" },
    { cause: "server-lookup-failure", families: ["opensmtpd"], codes: [451], phases: ["RCPT", "MAIL"], words: /Temporary failure/i, source: "OpenSMTPD smtp_session.c: 451 Temporary failure when a table or lookup-agent query fails" },
    { cause: "server-resource", families: ["opensmtpd"], enhanced: ["4.3.0"], phases: MESSAGE, source: "OpenSMTPD smtp_session.c: 421 4.3.0 Temporary Error when the queue cannot take the message" },
    { cause: "relay-denied", families: ["courier"], codes: [513], source: "Courier: 513 relaying denied" },
    { cause: "server-lookup-failure", families: ["courier"], codes: [400], words: /^Service temporarily unavailable\.?$/i, source: "Courier submit.C: 400 Service temporarily unavailable. when its aliases lookup fails" },
    { cause: "other", also: ["content-rejected", "sender-rejected", "ip-reputation"], families: ["barracuda"], words: /permanent failure for one or more recipients \([^)]*:blocked\)/i, ...BARRACUDA_BLOCKED, source: "Barracuda Email Security Gateway / Service: 550 permanent failure for one or more recipients (ADDRESS:blocked), its per-recipient result without a reason" },
    { cause: "greylisted", families: ["mimecast"], words: /Internal resource temporarily unavailable/i, source: "Mimecast: 451 Internal resource temporarily unavailable is its greylisting" },
    { cause: "sender-rejected", families: ["mimecast"], words: /Envelope blocked/i, source: "Mimecast: envelope blocked by a user or policy entry" },
    { cause: "sender-rejected", families: ["courier"], codes: [517, 417], source: "Courier: 517/417 sender rejected" },
    { cause: "relay-denied", families: ["hmailserver"], phases: ["RCPT"], words: /Delivery is not allowed to this address/i, source: "hMailServer: error messages (the IP range's settings forbid delivery to this address: relaying)" },
    { cause: "greylisted", families: ["hmailserver"], codes: [451], words: /^Please try again later/i, source: "hMailServer: SMTP error messages (451 Please try again later. is its greylisting)" },
];
const WORD_SIGNS = [
    // NetEase's own codes lead its replies (mail.163.com/help/help_spam_16.htm): the code says what the words around it do not.
    { cause: "content-rejected", phases: MESSAGE, words: /^DT:SPM\b/, source: "NetEase (163.com, 126.com): 554 DT:SPM, the content was judged spam or carries what it does not permit" },
    { cause: "sender-not-authorized", words: /^DT:SUM\b/, ...NETEASE_FROM_MISMATCH, source: "NetEase (163.com, 126.com): 554 DT:SUM, the envelope sender and the header From differ" },
    { cause: "spf-dkim-dmarc", words: /^MI:(?:SPF|DMA)\b/, source: "NetEase (163.com, 126.com): 550 MI:SPF, the sending IP is not permitted by the domain's SPF; 550 MI:DMA, the message is not permitted by its DMARC policy" },
    { cause: "rate-limited", words: /^(?:MI:(?:SFQ|DMC|STC)|RP:(?:QRC|DRC|TRC|RCL)|HL:(?:IFC|ICC))\b/, source: "NetEase (163.com, 126.com): MI:SFQ (the sender's 15-minute limit), MI:DMC (messages per connection), MI:STC, RP:QRC/DRC/TRC/RCL (recipients per period), HL:IFC (the IP's message rate), HL:ICC (the IP's concurrent connections)" },
    // Postfix answers a restriction that hit a broken table under its restriction class ("Sender address rejected: Server
    // configuration error"): the server's configuration, not the sender, the client or the EHLO name the class names.
    { cause: "other", words: /\bServer configuration (?:error|problem)\b/i, ...MISCONFIGURED, source: "Postfix smtpd_check.c (451 4.3.5 … rejected: Server configuration error; Server configuration problem)" },
    { cause: "greylisted", phases: ["MAIL", "RCPT"], words: /\bAddress verification in progress\b/i, ...ADDRESS_VERIFY_PENDING, source: "Postfix verify(8) with reject_unverified_recipient/reject_unverified_sender (450 4.1.1 … Recipient address rejected: unverified address: Address verification in progress)" },
    { cause: "early-talker", phases: ["CONNECT"], words: /synchroni[sz]ation error|not accepting messages|Protocol error|talk(?:ed|ing)? too (?:soon|early)|pregreet/i, source: "Exim smtp_enforce_sync, Sendmail greet_pause, Postfix postscreen pregreet" },
    { cause: "pipelining-violation", words: /synchroni[sz]ation|Pipelining not supported|no commands allowed to pipeline|SMTP protocol error|improper use of SMTP command pipelining/i, source: "RFC 2920 §3.1; Exim, Postfix, Sendmail, OpenSMTPD, Gmail wordings" },
    // MailChannels Inbound Filtering leads its replies with its own code: [S09] is its greylisting.
    { cause: "greylisted", codes: [450, 451], words: /^\[S09\] Try Again Later\b/i, source: "MailChannels Inbound Filtering: SMTP errors (450 [S09] Try Again Later: the message has been greylisted; a retry passes)" },
    { cause: "greylisted", words: /gr[ae]y ?list|come back later|deferred for \d+ seconds/i, source: "RFC 6647; postgrey, milter-greylist, greylistd wordings" },
    // greylistd's Exim configuration words its deferral as an authorisation the triplet does not have yet.
    { cause: "greylisted", codes: [450, 451], words: /\bis not yet authori[sz]ed to deliver mail from\b/i, source: "greylistd (Debian's Exim ACL: 451 <IP> is not yet authorized to deliver mail from <sender> to <recipient>. Please try later.)" },
    // Rspamd's greylist module answers with its default message through its milter, after the message (it greylists on
    // the message's hash): a bare "Try again later" under 451 4.7.1 there is that first-time deferral.
    { cause: "greylisted", codes: [451], enhanced: ["4.7.1"], phases: MESSAGE, words: /^Try again later\.?$/i, meaning: "A bare 451 4.7.1 Try again later after the message is the default reply of greylisting in a filter such as Rspamd, which greylists on the message's content and so answers only after it: a deliberate first-time deferral that a sending server's retry passes.", source: "Rspamd greylist module (message = \"Try again later\", its default; soft reject through rspamd_proxy's milter as 451 4.7.1)" },
    // Texts that hide their cause (Exim's ACL default and its deferral): the conversation may tell more.
    { cause: "other", also: ["relay-denied", "ip-reputation", "sender-rejected"], contextual: true, words: /Administrative prohibition/i, source: "Exim: an ACL `deny` without a message" },
    { cause: "other", also: ["server-lookup-failure", "server-resource"], words: /Temporary local problem/i, source: "Exim: an ACL or lookup deferred" },
    { cause: "other", words: /(?:e-?mail|mail|routing) loop|loop(?:ing)? detected|message is looping|hop count exceeded|too many hops|exceeded \d+ hops|too many "?Received:?"? (?:header|line)s?/i, title: LOOP_TITLE, meaning: LOOP_MEANING, fix: LOOP_FIX, source: "RFC 5321 §6.3 (loop detection); Exchange, Gmail, Mimecast, qmail wordings; the replies Broadcom KB 161393 lists (554 Too many Received: headers)" },
    // What a domain list (RFC 5782 §2.2) lists is a name, not an address: the client's host name, the EHLO name or the
    // sender's domain. Before null MX and the IP's listing signs: an RHS list's text may say "Domain does not accept mail".
    { cause: "other", words: new RegExp(String.raw `Unverified Client host \[[^\]]*\] blocked using|Client host (?:\[(?![\d.]+\]|[^\]]*:)[^\]]*\] |rejected: .{0,120})blocked using ${DOMAIN_LIST}`, "i"), ...CLIENT_NAME_LISTED, source: "Postfix reject_rhsbl_reverse_client, reject_rhsbl_client (postconf(5); smtpd_check.c default_rbl_reply)" },
    { cause: "helo-rejected", words: /Helo command \[[^\]]*\] blocked using/i, ...HELO_NAME_LISTED, source: "Postfix reject_rhsbl_helo (postconf(5); smtpd_check.c default_rbl_reply)" },
    { cause: "sender-rejected", words: new RegExp(String.raw `Sender address (?:\[[^\]]*\] |rejected: .{0,120})blocked using|\b(?:[a-z0-9-]+\.)+[a-z]{2,} is (?:black ?|block ?)?listed (?:at|in|on) ${DOMAIN_LIST}`, "i"), ...DOMAIN_LISTED, source: "Postfix reject_rhsbl_sender (postconf(5); smtpd_check.c default_rbl_reply); Exim dnslists on $sender_address_domain (Exim wiki BlackLists)" },
    { cause: "other", words: /\bupstream (?:error|server|failure|host)\b/i, ...UPSTREAM_FAILED, source: "Cloudflare Email Routing (421 4.3.0 Upstream error); forwarding and filtering services' wording for their next hop's failure" },
    { cause: "null-mx", words: /null ?MX|does not accept mail/i, source: "RFC 7505; Postfix nullMX wording" },
    { cause: "smtputf8-required", words: /SMTPUTF8|unicode address|non-ASCII address/i, source: "RFC 6531" },
    { cause: "basic-auth-disabled", words: /SmtpClientAuthentication is disabled|basic authentication is (?:disabled|not supported)/i, source: "Microsoft: SMTP AUTH disabled" },
    { cause: "app-password-required", words: /application-specific password|app password required|\bapplication password is required\b|\benter your authori[sz]ation code to log ?in\b/i, source: "Google, Yahoo, Apple: app passwords; Mail.ru (535 5.7.0 … Application password is REQUIRED); QQ Mail (535 Login Fail. Please enter your authorization code to login: its app password)" },
    // Yandex's refusal of a mail program's login: app passwords only, and mail-client access switched on in its settings.
    { cause: "app-password-required", phases: ["AUTH"], words: /\bThis user does not have access rights to this service\b/i, ...YANDEX_APP_PASSWORD, source: "Yandex Mail (535 5.7.8 Error: authentication failed: This user does not have access rights to this service)" },
    { cause: "too-many-recipients", words: /too many recipients(?! (?:from|received|this|per)\b)|domains per transaction|per transaction exceeded/i, source: "RFC 5321 §4.5.3.1.10; every product's wording" },
    // The sending domain's reputation or listing, before the IP's words ("reputation", "listed in", "rate limited").
    // A deferral ("temporarily rate limited") by the domain's reputation: the cause is the domain, not a per-client limit.
    { cause: "content-rejected", words: /unusual rate of (?:unsolicited )?(?:e-?)?mail containing (?:one of )?your URL domains?|\bURL domains?\b.{0,60}\b(?:poor|low|bad) reputation/i, ...URL_DOMAIN, source: "Google: SMTP error reference (421 4.7.28 unusual rate of unsolicited mail containing one of your URL domains)" },
    { cause: "sender-rejected", words: /unusual rate of (?:unsolicited )?(?:e-?)?mail originating from your (?:DKIM |SPF |sending )?domain/i, ...DOMAIN_REPUTATION, source: "Google: SMTP error reference (421 4.7.28 unusual rate of mail from your DKIM or SPF domain)" },
    { cause: "sender-rejected", words: /reputation of the sending domain|(?<!IP\/)\bdomain(?:'s)? reputation|\b(?:sending|sender(?:'s)?|your|From) domain\b.{0,40}\b(?:poor|low|bad)(?: \w+)? reputation/i, ...DOMAIN_REPUTATION, source: "Google: SMTP error reference (421 4.7.0, 550 5.7.1 very low reputation of the sending domain)" },
    { cause: "sender-rejected", words: /\b(?:MailFrom|sender(?:'s)?|sending|From) domain\b.{0,60}\b(?:listed|blocked|black ?listed|block ?listed)\b|\bSpamhaus DBL\b|\blisted (?:in|on|at|by) (?:the )?dbl\.spamhaus\.org\b/i, ...DOMAIN_LISTED, source: "Spamhaus DBL; Outlook.com (MailFrom domain is listed in Spamhaus)" },
    // A recipient that takes mail only from its own organisation: "not authenticated" is not "log in first".
    { cause: "sender-rejected", phases: ["RCPT", ...MESSAGE], words: /\bSenderNotAuthenticated\w*|RESOLVER\.RST\.AuthRequired|Sender (?:was )?not authenticated (?:by organi[sz]ation|for (?:group|mailbox|public folder|mail user))|Delivery restriction check failed/i, ...INTERNAL_ONLY, source: "Microsoft: NDR 5.7.12, 5.7.133–5.7.136 wordings; Exchange Server RESOLVER.RST.AuthRequired" },
    { cause: "sender-rejected", phases: ["RCPT", ...MESSAGE], words: /RESOLVER\.RST\.NotAuthorized\w*|(?:not (?:authori[sz]ed|allowed|permitted)|(?:no|do not have|don't have) permission) to (?:send|post|mail|write)(?: messages)? to (?:this|the) (?:distribution |mailing )?(?:list|group)/i, ...RECIPIENT_RESTRICTED, source: "Exchange Server SmtpResponse (550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized, RESOLVER.RST.NotAuthorizedToGroup; not authorized to send to the distribution list); list managers' posting restrictions" },
    { cause: "sender-rejected", phases: ["RCPT", ...MESSAGE], words: /\bRefused due to recipient preferences\b/i, ...RECIPIENT_PREFERENCES, source: "Facebook's former @facebook.com mail (550 5.1.1 RCP-P2 … Refused due to recipient preferences)" },
    { cause: "sender-rejected", words: /Anti-Spoofing policy/i, ...ANTI_SPOOFING, source: "Mimecast: SMTP error codes (Anti-Spoofing policy - Inbound not allowed; Rejected by header-based Anti-Spoofing policy)" },
    // "Not accepted for policy reasons" with X.7.9 is Yahoo's wording for an authentication failure or content it refuses: unrecognised, the words do not tell which.
    { cause: "other", also: ["spf-dkim-dmarc", "content-rejected"], enhanced: ["X.7.9"], phases: [...ENVELOPE, ...MESSAGE], words: /not accepted for policy reasons/i, source: "Yahoo: help.yahoo.com SLN7253; postmaster.yahooinc.com/error-codes" },
    { cause: "sender-rejected", also: ["server-lookup-failure"], words: /\bCould not complete sender verify\b/i, ...SENDER_VERIFY_DEFERRED, source: "Exim acl.c (verify = sender deferred: 451 Could not complete sender verify, … callout)" },
    { cause: "sender-rejected", words: /Sender verif(?:y|ication) failed|(?:real )?domain name required for sender|sender address must contain a domain|Verification failed for|badmailfrom|Domain of sender address|bad outbound sender|Sender address rejected: Domain not found|envelope sender (?:domain )?must exist|unresolvable (?:RFC\.?5321 )?(?:from|sender) domain|\bsender\b(?: address| domain)?.{0,30}(?:does not (?:exist|resolve)|not found|has no MX|no such domain)/i, source: "Exim sender verification and unqualified senders (smtp_in.c), qmail badmailfrom, Sendmail check_mail (a sender without a real domain), Postfix reject_unknown_sender_domain, Microsoft" },
    // At MAIL the only address is the sender's: IceWarp's "Domain name required" is a sender without a domain.
    { cause: "sender-rejected", phases: ["MAIL"], words: /^domain name required\b/i, source: "IceWarp (501 5.5.2 Domain name required: the sender has no domain)" },
    { cause: "sender-rejected", words: /\bmail from (?:<[^<>]*> )?(?:rejected|refused|denied)\b/i, source: "HCL Domino inbound sender controls (554 Mail from rejected for policy reasons.)" },
    { cause: "sender-not-authorized", words: /(?:sender|sending) (?:envelope )?domain (?:is )?not allowed for (?:the |this )?sender(?:'s)? IP/i, ...UNREGISTERED_DOMAIN, source: "Broadcom Email Security.cloud (550 sender envelope domain not allowed for sender IP address (#5.1.8): the domain is not registered, or inactive, or the IP is not in the outbound routes)" },
    { cause: "sender-not-authorized", words: /\bidentities failed the check\b|\bMessage rejected: Email address is not verified\b/i, ...SES_UNVERIFIED, source: "Amazon SES: SMTP response codes (554 Message rejected: Email address is not verified. The following identities failed the check in region …)" },
    { cause: "sender-not-authorized", words: /\bnot authori[sz]ed to perform:? ses:Send\w*Email\b/i, ...SES_IAM, source: "Amazon SES: SMTP response codes (554 Access denied: User … is not authorized to perform ses:SendRawEmail on resource …)" },
    { cause: "sender-not-authorized", words: /\bdoes not match a verified Sender Identity\b/i, ...SENDGRID_UNVERIFIED, source: "Twilio SendGrid: 550 The from address does not match a verified Sender Identity" },
    { cause: "sender-not-authorized", words: /\bSender is not allowed to relay\b|\bRelaying disallowed as\b|not owned by (?:user )?|\b(?:From|sender) (?:address|domain) (?:must|does not|doesn't) match (?:the |your )?(?:authenticated|login|logged[- ]in)|permissions? to send as|not authori[sz]ed to send (?:as|on behalf|from (?:this|that|the) (?:header |From: ?)?address|(?<!(?:\bSPF\b|\b\d{1,3}(?:\.\d{1,3}){3}\b).*)from (?:[a-z0-9-]+\.)+[a-z]{2,}\b(?!\.\d))/i, source: "Postfix reject_sender_login_mismatch; Microsoft send-as; SmarterMail (From domain must match authenticated domain); Zoho Mail (553 Sender is not allowed to relay emails: the From is not the account's address or alias) and ZeptoMail (553 Relaying disallowed as <address>: a From in a domain not verified there); MailChannels (550 5.7.1 This sender is not authorized to send from example.com: its Domain Lockdown)" },
    { cause: "relay-denied", words: /relay(?:ing)? (?:is |temporarily |access )?(?:denied|not permitted|prohibited|not allowed|disallowed)|auth(?:entication)? (?:is )?required (?:for|to) relay|not permitted to relay|we do not relay|isn't in my list of allowed rcpthosts|unable to relay|relay denied|I cannot deliver mail for|TenantAttribution|use (?:me|this (?:server|host)) .{0,80}as a relay|\bnot allowed to relay through\b|\binsecure mail relay\b|requires authentication when attempting to send to a non-local e-?mail address|\bDomain of forward-path is not allowed\b/i, source: "RFC 5321 §3.6.2; Postfix, Exim, Sendmail (Relaying temporarily denied), Courier, qmail, Haraka, Kerio Connect (Relaying is denied), SmarterMail (Authentication is required for relay), Microsoft, Google, Broadcom wordings, Zoho (its MX: 553 Relaying disallowed); MailEnable (This mail server requires authentication when attempting to send to a non-local e-mail address); 'Not allowed to relay through this machine', 'Insecure Mail Relay' (sisimai's NoRelaying index, from real bounces); Trend Micro InterScan Messaging Security (550 Domain of forward-path is not allowed: the recipient's domain is not among its relay domains)" },
    { cause: "auth-required", words: /not logged in|authentication required|must (?:authenticate|issue an AUTH)|log ?in first|not authenticated|AUTH first|authenticate first/i, phases: ["MAIL", "RCPT", "DATA", "END-OF-DATA", "CONNECT"], source: "RFC 4954 §6; Postfix, Sendmail, Haraka, Gmail, aiosmtpd wordings" },
    // Sendmail's access map (TLS_Clt:, TLS_Srv: with ENCR:bits; cf/m4/proto.m4) refuses a session encrypted with fewer
    // bits than it wants: "0 less than 128" is a session without STARTTLS (a weak cipher, "56 less than 128", is not).
    { cause: "tls-required", words: /\bencryption too weak 0 less than \d+\b/i, meaning: "The receiver's Sendmail requires an encrypted session of at least the strength it names (its access map's ENCR: for this client or domain), and this session, without STARTTLS, had none (0 bits).", source: "Sendmail cf/m4/proto.m4 (403 4.7.0, or 503 5.7.0 with TLS_PERM_ERR: encryption too weak <bits> less than <required>)" },
    { cause: "tls-required", words: /STARTTLS (?:command )?(?:is )?(?:required|first)|Must issue a STARTTLS|Encryption required|(?:TLS|SSL)(?:\/(?:TLS|SSL)\w*)? (?:connection |encryption )?(?:is )?required|requires? (?:STARTTLS|TLS|encryption)|(?:not|wasn't|was not) (?:using|sent over|over) a TLS/i, source: "RFC 3207 §4; RFC 4954 §6 (X.7.11)" },
    { cause: "tls-unavailable", phases: ["STARTTLS"], words: /TLS (?:currently )?(?:not )?(?:un)?available|not implemented|not (?:supported|available)/i, source: "RFC 3207 §4 (454); Exim, Postfix wordings" },
    // A login that no longer holds: hMailServer checks the credentials again at each MAIL and refuses when the password changed.
    { cause: "auth-failed", phases: ["MAIL", "RCPT"], words: /credentials (?:are )?no longer valid|please re-?authenticate/i, source: "hMailServer SMTPConnection.cpp (550 Login credentials no longer valid. Please re-authenticate.)" },
    // Before the failure words: Postfix passes its SASL back end's reason after "authentication failed: ".
    { cause: "auth-mechanism", phases: ["AUTH"], words: /\binvalid authentication mechanism\b|\bno mechanism available\b/i, source: "Postfix xsasl_dovecot_server.c (Invalid authentication mechanism: one Dovecot does not offer); Cyrus SASL SASL_NOMECH (no mechanism available)" },
    { cause: "other", phases: ["AUTH"], words: /\bauthentication failed: generic failure\b/i, ...SASL_BACKEND, source: "Cyrus SASL sasl_errstring (SASL_FAIL: generic failure) through Postfix smtpd_sasl_glue.c (535 5.7.8 Error: authentication failed: …)" },
    { cause: "auth-failed", phases: ["AUTH"], words: /authentication (?:credentials )?(?:failed|invalid|unsuccessful)|Incorrect authentication data|Username and Password not accepted|Invalid credentials|bad (?:user ?name|password)|authentication failure/i, source: "RFC 4954 §6 (535); every product's wording" },
    { cause: "server-lookup-failure", phases: ["AUTH"], words: /Unable to authenticate at present|temporary authentication failure/i, source: "RFC 4954 §6 (454); Exim, Postfix wordings" },
    { cause: "auth-mechanism", phases: ["AUTH"], words: /(?:authentication|AUTH)(?: is)? not (?:allowed|permitted) (?:on|here|for|with)/i, ...NO_LOGIN_HERE, source: "GoDaddy (535 Authentication not allowed on IBSMTP Servers. IB401); RFC 6409 §4 (submission is its own service)" },
    { cause: "auth-mechanism", phases: ["AUTH"], words: /mechanism.{0,30}not (?:supported|available|enabled)|not advertised|authentication not enabled|AUTH not (?:available|supported|enabled)|Unrecognized authentication type|Security features not supported|method .{0,20}not supported/i, source: "RFC 4954 §4 (504); Sendmail, Exim, OpenSMTPD wordings" },
    { cause: "rate-limited", phases: ["AUTH"], words: /too many (?:login|auth\w*) (?:attempts|failures)/i, source: "Gmail and Microsoft login throttling" },
    { cause: "ptr-missing", words: /reverse DNS|\bPTR\b|\brDNS\b|cannot find your (?:host ?name|reverse)|forged host ?name|\b(?:client|your) IP(?: address)? (?:\S+ )?does not resolve/i, source: "RFC 7372 (X.7.25); Sendmail FEATURE(require_rdns) (Client IP address … does not resolve, Possibly forged hostname for …); Postfix reject_unknown_client_hostname, Sendmail, Haraka, Gmail, Microsoft wordings" },
    { cause: "helo-rejected", phases: ["EHLO", "HELO"], words: /invalid (?:domain|host) ?name|domain name|host ?name/i, source: "Exchange, Postfix wordings for a refused EHLO argument" },
    { cause: "helo-rejected", words: /Helo command rejected|(?:HELO|EHLO)(?:\/(?:HELO|EHLO))? argument|(?:Bad|bogus) HELO|invalid (?:HELO|EHLO)|need fully-qualified hostname/i, source: "Postfix smtpd_helo_restrictions, Gmail, Microsoft wordings" },
    { cause: "bad-sequence", words: /(?:HELO|EHLO)(?:\/(?:HELO|EHLO))? first|send HELO|\bsend hello first\b|Need MAIL|need RCPT|sender already given|nested MAIL|MAIL first|RCPT first|no valid recipients|out of sequence|bad sequence|must precede|already (?:identified|authenticated|started)/i, source: "RFC 5321 §4.1.4 (503); every product's wording" },
    { cause: "ip-reputation", words: /unsolicited (?:e-?)?mail originating from your IP|\b(?:this|your|the sending) IP(?: address)? (?:has been|is) (?:temporarily |permanently )?(?:blocked|banned|black ?listed|block ?listed)|\b(?:sender|client|host|IP(?: address)?) \[?\d{1,3}(?:\.\d{1,3}){3}\]? (?:is|has been) (?:banned|blocked|black ?listed|block ?listed)|\b(?:spam|unsolicited (?:e-?)?mail) from your (?:mail server|server|IP|host|network)\b|not in (?:the )?(?:white|allow) ?list|not authori[sz]ed to send (?:e-?mail|mail) directly|ipcheck\.proofpoint|dnsbl-lookup|Blocked - see /i, source: "Gmail (unusual rate of unsolicited mail; IPs that should use a relay), Proofpoint block pages; GoDaddy, Broadcom (this IP / your IP address has been blocked), Baruwa (the sender 192.0.2.1 is banned), Rackspace (too much spam from your mail server)" },
    { cause: "rate-limited", words: /\bThrottling failure: Daily message quota exceeded\b/i, ...SES_DAILY_QUOTA, source: "Amazon SES: SMTP response codes (454 Throttling failure: Daily message quota exceeded)" },
    { cause: "rate-limited", words: /\b(?:hourly |daily )?send(?:ing)? rate exceeded\b|rate limit|submission quota|SubmissionQuotaExceeded|\bmax(?:imum)? concurrent sessions\b|\bper[- ](?:source|IP|host|client) (?:connection )?limit\b|\btoo many sessions opened\b|\btoo many (?:new TLS sessions|AUTH commands) from\b|quota for sending|too many open connections|(?:sending|relay) limit|receiving (?:e-?mail|mail) (?:too quickly|at a rate)|excessive volume|too much mail from|\b(?:received|sent) (?:this|per|in the last) (?:hour|minute|day)\b|max(?:imum)? (?:number of )?messages? per (?:connection|session)|too many (?:messages|connections|sessions|recipients|login attempts)(?: \w+)? from|too many (?:messages|recipients)\b.{0,20}\b(?:this|per|an?|in the last) (?:hour|minute|day|session)\b|(?<!(?:mailbox|folder|inbox) (?:has|contains) )too many messages\b|\bslow down\b|\blimit\b.{0,60}\bfrom your (?:host|IP|server|network)\b|received too much (?:e-?mail|mail)|too much (?:e-?mail|mail) in a short (?:period|time)|too many (?:concurrent )?(?:SMTP )?connections from|exceeded the (?:rate|connection)|throttl/i, source: "iridis mailRelay (HST-RTE Hourly / Daily send rate exceeded, retry later); Postfix anvil, Exim ratelimit, Gmail and Outlook.com limits; Exchange Online (STOREDRV.Submission.Exception:SubmissionQuotaExceededException, the mailbox's daily limit); FTGate (Max concurrent sessions, per address); Exchange (MaxInboundConnectionPerSource: a per-source limit); Comcast (Too many sessions opened); Postfix anvil (too many new TLS sessions, too many AUTH commands from the client)" },
    // Sendmail's "IP name lookup failed" is the client's IP without a name (no PTR), not a failure of the server's lookups;
    // after "Relaying denied" it only explains the relay refusal.
    { cause: "ptr-missing", words: /(?<!Relaying denied\. )\bIP name (?:lookup failed|possibly forged)\b/i, source: "Sendmail cf/m4/proto.m4 (Access denied. IP name lookup failed [IP]; IP name possibly forged)" },
    { cause: "server-lookup-failure", words: /temporary (?:error|failure) (?:occurred )?(?:during|in|when|while) (?:checking |evaluating |verifying )?(?:the )?SPF\b|\bSPF temp(?:orary)? ?error\b|\bSPF\b.{0,20}\btemperror\b/i, ...SPF_TEMPERROR, source: "RFC 7208 §2.6.6 (temperror); Cisco Secure Email (#4.4.3 Temporary error occurred during SPF verification), Qsmtp (451 4.4.3 temporary error when checking the SPF policy), Haraka spf plugin (sender <address> SPF Temporary Error)" },
    { cause: "server-lookup-failure", words: /lookup (?:failure|failed|error)|can ?not check MX records|\bDNS (?:temporary )?(?:failure|error)|temporary DNS|temporary (?:error|failure) (?:occurred )?(?:during|in) (?:DNS|lookup|directory)|unable to read controls|directory (?:server )?(?:unavailable|failure)/i, source: "Postfix table lookups, qmail control files" },
    { cause: "spf-dkim-dmarc", words: /\bSPF perm(?:anent)? ?error\b|\bSPF\b.{0,20}\bpermerror\b/i, ...SPF_PERMERROR, source: "RFC 7208 §2.6.7 (permerror); Haraka spf plugin (sender <address> SPF Permanent Error)" },
    { cause: "spf-dkim-dmarc", words: /\bcan'?t determine Purported Responsible Address\b/i, ...SENDER_ID_PRA, source: "RFC 4407 (Sender ID, the Purported Responsible Address); Exchange's Sender ID agent (550 5.7.1 can't determine Purported Responsible Address)" },
    { cause: "spf-dkim-dmarc", words: /\b(?:SPF|DKIM)\b.{0,40}(?:fail|did not pass|didn't pass|invalid|unauthori[sz]ed|not (?:allowed|permitted|authori[sz]ed) to send)|(?:fail\w*|did not pass|didn't pass|invalid).{0,40}\b(?:SPF|DKIM)\b|\b(?:SPF|DKIM) policy\b|\b(?:prohibited|rejected|blocked|refused|denied) by (?:the (?:domain's )?)?SPF\b|\bDMARC\b|sender is unauthenticated|must pass either SPF or DKIM|authentication checks|aligned with .{0,40}\b(?:SPF|DKIM)\b|unauthenticated (?:e-?mail|mail|message)/i, source: "RFC 7208 (SPF), RFC 6376 (DKIM), RFC 7489 (DMARC); Gmail, Yahoo, Microsoft, iCloud, Haraka (sender <address> SPF Fail), MailChannels ([BFD] Sender prohibited by SPF) wordings" },
    // After the authentication signs: "Invalid Sender. SPF check failed" names its reason.
    { cause: "sender-rejected", words: /\bInvalid sender\b(?! (?:address )?syntax)/i, source: "Orange (Invalid Sender) wording" },
    { cause: "sender-rejected", words: /\b(?:your (?:e-?mail address|sender address|(?:sending )?domain)|the domain (?:[a-z0-9-]+\.)+[a-z]{2,}|sender (?:address )?<[^<>]*>) (?:has been |is )?(?:blocked|banned|black ?listed|block ?listed)\b|\bheader[- ]based Blocked Senders\b|\bBlock policy for (?:Header|Envelope) From\b/i, ...SENDER_LISTED, source: "Broadcom Email Security.cloud (your email address / domain has been blacklisted), Baruwa (the domain example.com is banned), smtpf (sender <a@example.com> black listed) wordings; Mimecast (Rejected by header based Blocked Senders - Block policy for Header From)" },
    { cause: "content-rejected", words: /spam-like characteristics/i, source: "Outlook.com [SC-001]" },
    // The sender on the recipient domain's own list: its address, not the client's IP (the blocklist words below).
    { cause: "sender-rejected", phases: ["MAIL", "RCPT", ...MESSAGE], words: /\bSender is on (?:the )?(?:recipient )?domain'?s (?:black ?|block ?|deny ?)list\b/i, ...SENDER_LISTED, source: "Broadcom KB 169925 (551 Sender is on domain's blacklist: the recipient domain's list of refused senders)" },
    // After the message a file extension is the attachment's: "Blacklisted high risk file extension" names no client.
    { cause: "content-rejected", phases: MESSAGE, words: /\bfile extensions?\b/i, source: "iridis mailRelay (MSG-EXT Blacklisted high risk file extension detected); Rspamd's FORBIDDEN_FILE_EXTENSION" },
    { cause: "ip-reputation", words: /blocked using|block ?list|black ?list|\bRBLs?\b|\bDNSBLs?\b|listed (?:on|at|in) |reputation|dynamic IP|not accepted from this IP|banned sender|permanently deferred|spamhaus/i, source: "RFC 5782 (DNSBLs); Postfix, Haraka, Barracuda, Gmail, Outlook.com, Microsoft, Yahoo, Comcast (found on one or more DNSBLs) wordings" },
    // Before the message a block "for spam" or "for abuse" is the client's; after it, the message's (the content signs).
    { cause: "ip-reputation", phases: ["CONNECT", "EHLO", "HELO", ...ENVELOPE], words: /\bblock(?:ed)? for (?:spam|abuse)\b/i, source: "Comcast (BL000000: Comcast block for spam), AT&T (Blocked for abuse)" },
    // Postfix names the restriction class; it rejects sender restrictions at RCPT (smtpd_delay_reject).
    { cause: "sender-rejected", words: /Sender address rejected|envelope sender/i, source: "Postfix smtpd_sender_restrictions, qmail wordings" },
    // Postfix's `reject` in smtpd_client_restrictions: on a submission port that is "log in first" (permit_sasl_authenticated, reject).
    { cause: "other", also: ["auth-required", "ip-reputation"], contextual: true, words: /Client host rejected: Access denied/i, source: "Postfix smtpd_client_restrictions (permit_sasl_authenticated, reject; check_client_access)" },
    { cause: "ip-reputation", words: /Client host rejected/i, source: "Postfix smtpd_client_restrictions (check_client_access, reject_rbl_client)" },
    // FTGate reuses X.2.2 for a mailbox it cannot open: the words say the server's fault, not a full mailbox.
    { cause: "other", phases: ["RCPT", ...MESSAGE], words: /\bmailbox access error\b/i, title: "the server could not open the recipient's mailbox", meaning: "The receiving server failed to open the recipient's mailbox (its message store): a fault on its side; the enhanced code it sent (X.2.2) does not make the mailbox full.", fix: "Nothing to change on the sending side: a 4xx is retried; if it persists, tell the receiver's postmaster, whose log names the store error.", source: "FTGate service error messages (451 4.2.2 … mailbox access error (#3.15))" },
    { cause: "mailbox-full", words: /over ?quota|quota exceeded|\bQuotaExceededException\b|mailbox (?:is )?full|out of storage|storage space/i, source: "RFC 3463 X.2.2; iCloud, Gmail, Exim, Dovecot wordings; Exchange's store driver (STOREDRV.Deliver.Exception:QuotaExceededException)" },
    { cause: "message-too-big", words: /too (?:big|large)|\bmessage (?:is )?too long\b|size (?:exceeds|exceeded)|size limits?\b|max(?:imum)? (?:e-?mail |message )?size|exceeds (?:the )?(?:maximum|size|\w+ limit)|message file too big|too much mail data|message size/i, source: "RFC 1870 (before the content signs: a header too large is a size limit); Postfix, Exim, Haraka, qmail, aiosmtpd, IceWarp (Message is too long) wordings" },
    { cause: "content-rejected", words: /\bspam\b|\banti-?spam (?:system|server|filter|engine)\b|spamassassin|rspamd|virus|malware|\binfected\b|\bBANNED: |rejected due to (?:the )?security polic(?:y|ies)|content|Message-ID|\bheader\b|RFC ?(?:2822|5322)|line length|malformed|policy reasons|Command rejected|not authorized, message refused|\bfiltered\b|\battachments?\b.{0,30}\bnot (?:allowed|permitted|accepted)|\b(?:forbidden|prohibited|blocked|banned) (?:attachment|file (?:type|extension))|\battachment (?:type|extension) (?:is )?(?:forbidden|not allowed|blocked)|\bFrom:? (?:header|address(?:es)?)\b|\b(?:blank|empty|missing) From\b|\b(?:VBA )?macros? found\b|\bcontaining (?:VBA )?macros\b/i, phases: [...MESSAGE], source: "RFC 5322; milters, content filters, Gmail, Exim, OpenSMTPD wordings; amavisd-new (Reject, id=… - INFECTED: …, BANNED: …); Mimecast (Email rejected due to security policies); 21cn and QQ (rejected by antispam system / server); a gateway's macro rule (552 MS-Office file containing VBA macros found inside of the email, Broadcom KB 162445)" },
    { cause: "server-resource", words: /insufficient (?:system storage|disk space)|resource temporarily unavailable|internal resource|space shortage|disk (?:full|space)|no space left|mail system full|too busy|too many concurrent (?:SMTP )?connections(?! from)|\b(?:server|screening) ports are busy\b|\bno system resources\b|\btoo much load\b|maximum number of concurrent (?:server )?connections has exceeded a limit\b|out of memory|queue file write error/i, source: "RFC 5321 §4.2.2 (452, 421); Postfix (postscreen: All server ports are busy, All screening ports are busy, No system resources), Sendmail, Exim (smtp_accept_max; smtp_load_reserve: Too much load), Haraka (toobusy), Courier, Exchange (MaxInboundConnection) wordings" },
    { cause: "mailbox-disabled", words: /(?:mailbox|account) (?:is )?(?:currently )?(?:disabled|inactive|suspended)|Mailbox disabled/i, source: "RFC 3463 X.2.1; Sendmail, AT&T wordings" },
    // Yahoo's "This account has been disabled or discontinued", NetEase's "User suspended": the mailbox exists but takes no mail.
    { cause: "mailbox-disabled", phases: ["RCPT", ...MESSAGE], words: /\b(?:mailbox|account) has been (?:disabled|deactivated|suspended|discontinued)\b|^User (?:is )?(?:suspended|frozen)\b|\bis an? (?:deactivated|disabled|suspended|inactive) (?:mailbox|account)\b/i, source: "Yahoo (554 delivery error: dd … This account has been disabled or discontinued [#102]); NetEase mail.163.com/help/help_spam_16.htm (550 User suspended); 'is a deactivated mailbox' (sisimai's Suspend index, from real bounces)" },
    { cause: "mailbox-disabled", phases: ["RCPT", ...MESSAGE], words: /recipient(?:'s)? (?:account|mailbox) (?:is ?)?(?:blocked|locked|archived)|archived recipient|recipient (?:is )?archived/i, source: "Orange / La Poste wordings (archived recipient, the recipient account is blocked)" },
    { cause: "unknown-recipient", phases: ["RCPT", ...MESSAGE], words: /(?:user|recipient|e-?mail) (?:e-?mail )?address is (?:marked as )?invalid|user unknown|unknown user|no such (?:user|mailbox|recipient)|no mailbox here|mailbox not found|Unrouteable address|does(?:n't| not) have an? .{0,30}account|does(?:n't| not) exist|Recipient not found|RecipientNotFound|User .{0,80} unknown|unknown (?:local part|recipient)|\binvalid (?:user|mailbox)\b(?! (?:name|syntax))|\bnot a valid (?:user|mailbox|recipient)\b|\baddress not present in directory\b/i, source: "RFC 5321 §4.2.2 (550); every product's wording; 'Recipient address rejected: Invalid user', 'is not a valid mailbox', 'Address not present in directory' (sisimai's UserUnknown index, from real bounces)" },
    // Postfix names the restriction class: "Recipient address rejected: Access denied" is an access table's REJECT for the
    // recipient (check_recipient_access), which says nothing about whether the address exists; with X.7.x it is policy.
    { cause: "other", phases: ["RCPT"], enhanced: /^[45]\.7\.\d+$/, words: /\bRecipient address rejected: Access denied\b/i, ...RECIPIENT_ACCESS_DENIED, source: "Postfix smtpd_check.c (check_recipient_access REJECT: 554 5.7.1 <address>: Recipient address rejected: Access denied)" },
    { cause: "unknown-recipient", phases: ["RCPT"], contextual: true, words: /Invalid recipient|mailbox unavailable|Recipient address rejected: Access denied/i, source: "OpenSMTPD, Outlook.com and Microsoft wordings (unknown user, or relaying, by context)" },
    { cause: "sender-rejected", phases: ["MAIL"], words: /sender (?:address )?(?:rejected|refused|blocked|denied)|Sender rejected|Access denied/i, source: "Postfix, Sendmail, Courier, Mimecast wordings" },
    { cause: "ip-reputation", phases: ["CONNECT"], codes: [521, 550, 553, 554], words: /\bIP(?: address)? ?[=:] ?\[?\d{1,3}(?:\.\d{1,3}){3}\b/i, source: "RFC 5321 §3.1 (a greeting refusal that names the client's IP is about that IP); T-Online wording" },
    { cause: "ip-reputation", phases: ["CONNECT"], words: /blocked|denied|denial of connection|rejected|refused|not (?:accepted|welcome|allowed)/i, source: "RFC 5321 §3.1 (a refusal at the greeting can only be about the client's address)" },
    { cause: "syntax-error", words: /syntax|Invalid address|malformed|bad address|line too long|^(?:the )?address is not valid\b|^a valid address is required\b/i, source: "RFC 5321 §4.2.2 (501, 553, 555); hMailServer (The address is not valid., A valid address is required.)" },
    { cause: "command-unrecognized", words: /unrecogni[sz]ed command|command (?:not )?unrecogni[sz]ed|not recogni[sz]ed|unimplemented|not implemented|unknown command|command error|I can break rules/i, source: "RFC 5321 §4.2.4 (500, 502); Postfix's reply to HTTP and other non-SMTP commands" },
    { cause: "service-unavailable", words: /service (?:temporarily )?(?:not )?(?:un)?available|server busy|unable to process connection|try again later|closing (?:transmission|connection)/i, codes: [421, 554], source: "RFC 5321 §3.8, §4.2.2 (421, 554)" },
];
const REGISTRY_SIGNS = [
    { cause: "other", enhanced: ["X.3.5"], ...MISCONFIGURED, source: "RFC 3463 X.3.5 (system incorrectly configured)" },
    { cause: "other", enhanced: ["X.4.6"], title: LOOP_TITLE, meaning: LOOP_MEANING, fix: LOOP_FIX, source: "RFC 3463 X.4.6 (routing loop detected)" },
    { cause: "other", enhanced: ["X.1.4"], phases: ["RCPT", ...MESSAGE], title: "the recipient address is ambiguous", meaning: "The receiving directory holds more than one recipient with this address (RFC 3463 X.1.4: destination mailbox address ambiguous); only its administrator can fix that.", fix: "Tell the recipient's postmaster, by another channel, that their directory has this address twice (two mailboxes, contacts or groups); nothing on the sending side changes it.", source: "RFC 3463 X.1.4 (destination mailbox address ambiguous); Exchange RESOLVER.ADR.Ambiguous" },
    { cause: "unknown-recipient", enhanced: ["X.1.1", "X.1.6", "X.1.2"], phases: ["RCPT", ...MESSAGE], source: "RFC 3463 X.1.1, X.1.2, X.1.6" },
    { cause: "null-mx", enhanced: ["X.1.10", "X.7.27"], source: "RFC 7505 X.1.10, X.7.27" },
    { cause: "mailbox-full", enhanced: ["X.2.2"], source: "RFC 3463 X.2.2" },
    { cause: "message-too-big", enhanced: ["X.3.4", "X.2.3"], source: "RFC 3463 X.3.4, X.2.3" },
    { cause: "too-many-recipients", enhanced: ["X.5.3"], source: "RFC 3463 X.5.3" },
    { cause: "auth-failed", enhanced: ["X.7.8"], phases: ["AUTH"], source: "RFC 4954 X.7.8" },
    { cause: "auth-mechanism", enhanced: ["X.7.9", "X.7.4"], phases: ["AUTH"], source: "RFC 4954 X.7.9; RFC 3463 X.7.4" },
    { cause: "tls-required", enhanced: ["X.7.10", "X.7.11"], source: "RFC 5248 X.7.10; RFC 4954 X.7.11" },
    { cause: "mailbox-disabled", enhanced: ["X.7.13", "X.2.1"], phases: ["RCPT", ...MESSAGE], source: "RFC 4954 X.7.13; RFC 3463 X.2.1" },
    { cause: "ptr-missing", enhanced: ["X.7.25"], source: "RFC 7372 X.7.25" },
    { cause: "spf-dkim-dmarc", enhanced: ["X.7.20", "X.7.21", "X.7.22", "X.7.23", "X.7.26"], source: "RFC 7372 X.7.20–X.7.23, X.7.26" },
    { cause: "server-lookup-failure", enhanced: ["X.7.24", "X.4.3"], source: "RFC 7372 X.7.24; RFC 3463 X.4.3" },
    { cause: "rate-limited", enhanced: ["X.7.28"], source: "IANA registry X.7.28 (mail flood detected)" },
    { cause: "smtputf8-required", enhanced: ["X.6.7"], source: "RFC 6531 X.6.7" },
    { cause: "command-unrecognized", also: ["syntax-error"], enhanced: ["X.5.2"], codes: [500, 502], source: "RFC 3463 X.5.2 (the command could not be interpreted)" },
    { cause: "syntax-error", enhanced: ["X.1.3", "X.1.7", "X.5.2", "X.5.4"], source: "RFC 3463 X.1.3, X.1.7, X.5.2, X.5.4" },
    { cause: "sender-rejected", enhanced: ["X.1.8"], source: "RFC 3463 X.1.8" },
    { cause: "server-resource", enhanced: ["X.3.1", "X.3.0"], source: "RFC 3463 X.3.1, X.3.0" },
    { cause: "service-unavailable", enhanced: ["X.3.2", "X.4.5"], source: "RFC 3463 X.3.2, X.4.5" },
    { cause: "content-rejected", enhanced: ["X.6.0", "X.6.1", "X.6.2", "X.6.3", "X.6.4", "X.6.5", "X.6.6"], source: "RFC 3463 X.6.0–X.6.6" },
];
const CODE_SIGNS = [
    { cause: "service-unavailable", codes: [421], source: "RFC 5321 §3.8 (421)" },
    { cause: "service-unavailable", codes: [554, 550, 521], phases: ["CONNECT"], source: "RFC 5321 §3.1 (554 at the greeting); RFC 7504 (521)" },
    { cause: "tls-unavailable", codes: [454, 500, 502], phases: ["STARTTLS"], source: "RFC 3207 §4" },
    { cause: "helo-rejected", codes: [501, 504, 550, 553, 554], phases: ["EHLO", "HELO"], source: "RFC 5321 §4.1.1.1 (a refused EHLO argument)" },
    { cause: "server-lookup-failure", codes: [454], phases: ["AUTH"], source: "RFC 4954 §6 (454 temporary authentication failure)" },
    { cause: "auth-mechanism", codes: [504, 502, 534], phases: ["AUTH"], source: "RFC 4954 §4, §6 (504, 534)" },
    { cause: "auth-failed", codes: [535], source: "RFC 4954 §6 (535)" },
    { cause: "auth-required", codes: [530], source: "RFC 4954 §6 (530)" },
    { cause: "tls-required", codes: [538], source: "RFC 4954 §6 (538)" },
    { cause: "command-unrecognized", codes: [500, 502], source: "RFC 5321 §4.2.4 (500, 502)" },
    { cause: "syntax-error", codes: [501, 504, 555], source: "RFC 5321 §4.2.2 (501, 504, 555)" },
    { cause: "bad-sequence", codes: [503], source: "RFC 5321 §4.2.2 (503)" },
    { cause: "null-mx", codes: [556], source: "RFC 7504 §3 (556)" },
    // A policy refusal (X.7.x) of a recipient that names no reason: relaying, the client, or the content policy.
    { cause: "other", also: ["relay-denied", "ip-reputation", "sender-rejected"], contextual: true, codes: [550, 553, 554], enhanced: /^5\.7\.\d+$/, phases: ["RCPT"], source: "RFC 3463 X.7.x (security or policy status) with RFC 5321 §4.2.2 (550, 553, 554)" },
    { cause: "unknown-recipient", also: ["relay-denied"], contextual: true, codes: [550, 551, 553], phases: ["RCPT"], source: "RFC 5321 §4.2.2 (550 mailbox unavailable, 551 user not local, 553 mailbox name not allowed)" },
    { cause: "sender-rejected", codes: [550, 553], phases: ["MAIL"], source: "RFC 5321 §4.2.2 (550, 553 to MAIL)" },
    { cause: "mailbox-full", codes: [552], phases: ["RCPT"], source: "RFC 5321 §4.2.2 (552 exceeded storage allocation)" },
    { cause: "message-too-big", codes: [552], source: "RFC 5321 §4.2.2 (552); RFC 1870" },
    { cause: "too-many-recipients", codes: [452], phases: ["RCPT"], source: "RFC 5321 §4.5.3.1.10 (452)" },
    { cause: "server-resource", codes: [452], source: "RFC 5321 §4.2.2 (452 insufficient system storage)" },
    { cause: "content-rejected", also: ["ip-reputation", "spf-dkim-dmarc"], codes: [550, 554], phases: MESSAGE, source: "RFC 5321 §4.2.2 (554 transaction failed, 550 after the message)" },
    { cause: "other", also: ["server-lookup-failure", "server-resource", "greylisted"], codes: [451, 450], source: "RFC 5321 §4.2.2 (450, 451: the code alone does not say why)" },
];

// EXTERNAL MODULE: ./src/protocol/reply.ts
var reply = __nccwpck_require__(6488);
;// CONCATENATED MODULE: ./src/knowledge/root-cause.ts
/**
 * Deciding the root cause of one reply from its facts: the tiers of cause-signs.ts in order of
 * weight, each sign checked against the reply's class (a greylisting is never a 5xx). Pure and
 * table-driven; what the conversation around the reply adds (a login, a TLS session, the
 * recipient's domain) is weighed by the caller (src/diagnose/replies.ts).
 */



const TIERS = [
    ["vendor", VENDOR_SIGNS], ["words", WORD_SIGNS], ["registry", REGISTRY_SIGNS], ["code", CODE_SIGNS],
];
/**
 * The enhanced code of a reply: as sent, or the one qmail and Cisco write into the text
 * ("(#5.3.4)" at the end, "#4.4.3" at the start) when the reply carries none.
 */
function enhancedOf(enhanced, text) {
    if (enhanced)
        return enhanced;
    return /(?:^#|\(#)([245]\.\d{1,3}\.\d{1,3})\b/.exec(text.trim())?.[1] ?? null;
}
function enhancedMatches(sign, enhanced) {
    if (!sign.enhanced)
        return true;
    if (!enhanced)
        return false;
    if (sign.enhanced instanceof RegExp)
        return sign.enhanced.test(enhanced);
    const anyClass = `X${enhanced.slice(1)}`;
    return sign.enhanced.includes(enhanced) || sign.enhanced.includes(anyClass);
}
/**
 * The enhanced-code subjects (RFC 3463 §2) a cause can come with: a 5.7.x policy refusal is never
 * "the recipient does not exist". Causes not listed fit any subject.
 */
const SUBJECTS = {
    "unknown-recipient": [1, 0, 2, 4], "mailbox-full": [2, 0], "mailbox-disabled": [2, 0, 7], "message-too-big": [2, 3, 0],
    "too-many-recipients": [5, 0, 4], "syntax-error": [1, 5, 0], "command-unrecognized": [5, 3, 0], "bad-sequence": [5, 0],
};
/** Whether an enhanced code's subject is security or policy (RFC 3463 §3.8, X.7.x). */
function isPolicySubject(enhanced) {
    return enhanced?.split(".")[1] === "7";
}
/** Whether a cause fits the subject of an enhanced code (any cause, without one). */
function causeFitsSubject(cause, enhanced) {
    const subjects = SUBJECTS[cause];
    return !enhanced || !subjects || subjects.includes(Number(enhanced.split(".")[1]));
}
function signMatches(sign, f, enhanced, words) {
    return (0,root_causes/* fitsFamily */.v9)(sign, f.family) &&
        (!sign.phases || sign.phases.includes(f.phase)) &&
        (!sign.codes || sign.codes.includes(f.code)) &&
        enhancedMatches(sign, enhanced) &&
        (!sign.words || sign.words.test(words));
}
/** The root cause a reply's facts support, weighed tier by tier; `other` when none decides. */
function decideCause(f) {
    const enhanced = enhancedOf(f.enhanced, f.text);
    const words = (0,reply/* lineWords */.CI)(f.text);
    const first = Math.floor(f.code / 100);
    const cls = first === 4 ? "transient" : first === 5 ? "permanent" : null;
    for (const [by, signs] of TIERS) {
        // A success or intermediate reply is a refusal only by its words (Postfix's 221 to HTTP).
        if (cls === null && by !== "words")
            continue;
        for (const sign of signs) {
            if (!signMatches(sign, f, enhanced, words))
                continue;
            if (cls !== null && sign.cause !== "other" && !(0,root_causes/* causeFitsClass */.KG)(sign.cause, cls))
                continue;
            // The basic code says less than the enhanced code's subject: a 550 5.7.1 is not "no such user". Nor do words that
            // leave the cause to the conversation outweigh a policy subject (X.7.x: Postfix's check_recipient_access REJECT,
            // "Recipient address rejected: Access denied"); other subjects stay theirs (Outlook.com's 5.5.0 mailbox unavailable).
            if (by === "code" && !causeFitsSubject(sign.cause, enhanced))
                continue;
            if (sign.contextual === true && isPolicySubject(enhanced) && !causeFitsSubject(sign.cause, enhanced))
                continue;
            const also = (sign.also ?? []).filter((c) => cls === null || (0,root_causes/* causeFitsClass */.KG)(c, cls));
            return { cause: sign.cause, also, contextual: sign.contextual === true, meaning: sign.meaning ?? null, title: sign.title ?? null, fix: sign.fix ?? null, fixes: sign.fixes ?? null, by, source: sign.source };
        }
    }
    return { cause: "other", also: [], contextual: false, meaning: null, title: null, fix: null, fixes: null, by: "none", source: null };
}
/** The phase a step's reply answered, from its verb: the greeting, the end of the message, or the verb. */
function phaseOfVerb(verb) {
    return verb === null ? "CONNECT" : verb === "." ? "END-OF-DATA" : verb;
}
/**
 * Every cause a code can stand for without its words (for `explain`): the vendors' meanings of the
 * enhanced code, the registry's, then the basic code's at each phase; each fitting the code's class
 * and the enhanced code's subject.
 */
function causesOfCode(code, enhanced) {
    const first = code !== null ? Math.floor(code / 100) : Number(enhanced?.[0]);
    const cls = first === 4 ? "transient" : first === 5 ? "permanent" : null;
    if (cls === null)
        return [];
    const out = [];
    for (const [by, signs] of TIERS) {
        if (by === "words")
            continue;
        for (const s of signs) {
            if (s.codes && (code === null || !s.codes.includes(code)))
                continue;
            if (s.enhanced ? !enhancedMatches(s, enhanced) : by !== "code" || !s.codes)
                continue;
            if (s.cause !== "other" && !(0,root_causes/* causeFitsClass */.KG)(s.cause, cls))
                continue;
            if (by === "code" && !causeFitsSubject(s.cause, enhanced))
                continue;
            out.push({ cause: s.cause, also: (s.also ?? []).filter((c) => (0,root_causes/* causeFitsClass */.KG)(c, cls)), phases: s.phases ?? null, families: s.families ?? null, by, source: s.source, meaning: s.meaning ?? null, fixes: s.fixes ?? null });
        }
    }
    return out;
}


/***/ }),

/***/ 2107:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KG: () => (/* binding */ causeFitsClass),
/* harmony export */   PK: () => (/* binding */ CAUSE_ENTRIES),
/* harmony export */   Zj: () => (/* binding */ pickFixes),
/* harmony export */   d8: () => (/* binding */ why),
/* harmony export */   fE: () => (/* binding */ fixesFor),
/* harmony export */   on: () => (/* binding */ on),
/* harmony export */   v9: () => (/* binding */ fitsFamily)
/* harmony export */ });
/* harmony import */ var _blocklists_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1684);
/* harmony import */ var _servers_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9496);


const BOTH = ["transient", "permanent"];
/** A product family's own setting or tool, shown only when that family is recognised. */
const on = (families, text) => ({ text, families: typeof families === "string" ? [families] : families });
/** A receiver's setting that explains the refusal: the sender's own fix goes first. */
const why = (families, text) => ({ ...on(families, text), receiver: true });
const CAUSE_ENTRIES = {
    "unknown-recipient": {
        title: "the recipient does not exist",
        text: "The recipient address does not exist on this server: a typo, a deleted account, or an alias that was never created.",
        // A 4xx too: Postfix's unverified recipients and `unknown_local_recipient_reject_code = 450`.
        classes: BOTH,
        fixes: [
            { text: "Check the address with its owner; if it should exist, create the mailbox or alias on the receiving server." },
            on("postfix", "Postfix: look the address up in the recipient tables (`postmap -q {rcpt} $(postconf -h virtual_mailbox_maps)`; for local users `local_recipient_maps` and `alias_maps`)."),
            on("exim", "Exim: `exim -bt {rcpt}` shows which router refuses the address; check the routers and `local_domains`."),
            on("sendmail", "Sendmail: `sendmail -bv {rcpt}`; add the user, an alias in /etc/mail/aliases (`newaliases`) or a virtusertable entry."),
            on("opensmtpd", "OpenSMTPD: add the address to the table of the `action … virtual <table>` (or `alias <table>`) rule that matches it, then `smtpctl update table NAME`."),
            on("haraka", "Haraka: a `rcpt_to.*` plugin (rcpt_to.in_host_list, qmail-deliverable, ldap) refused the address: check its list."),
            on("qmail", "qmail: check the user's .qmail files, /var/qmail/users/assign and virtualdomains."),
            on("courier", "Courier: check the account in the authentication backend (`authtest ADDRESS`) and the aliases (`makealiases`)."),
            on("aiosmtpd", "aiosmtpd: the handler's `handle_RCPT` refused the address: check the mailboxes it knows."),
            on("exchange", "Exchange: check that a recipient has this address (`Get-Recipient {rcpt}`) and what recipient filtering knows."),
            on("microsoft365", "Microsoft 365: Directory-Based Edge Blocking refused an address the tenant's directory does not have: check the recipient (and any recently removed proxy address) in the admin center."),
            on(["outlookcom", "gmail", "yahoo", "icloud"], "The provider has no account with this address: confirm the address with the recipient; nothing on the sending side changes that."),
        ],
    },
    "mailbox-full": {
        title: "the recipient's mailbox is full",
        text: "The mailbox exists but is over its storage quota.",
        classes: BOTH,
        fixes: [
            { text: "Ask the recipient to free space or have the quota raised; a 4xx is retried by the sending MTA, a 5xx is final." },
            on("gmail", "Gmail: the recipient's Google storage (shared by Gmail, Drive and Photos) is full; only the recipient can free it or buy more."),
            on("postfix", "Postfix: the quota is enforced where mail is delivered (Dovecot's quota plugin, `virtual_mailbox_limit`): check the mailbox's usage there."),
            on("exim", "Exim: check the `quota` option of the appendfile transport for this mailbox."),
        ],
    },
    "mailbox-disabled": {
        title: "the recipient's mailbox is disabled",
        text: "The mailbox exists but is disabled, inactive or suspended, and does not accept mail.",
        classes: BOTH,
        fixes: [
            { text: "Confirm with the recipient's organisation whether the mailbox is still in use, and use their current address." },
            on("sendmail", "Sendmail: the access or virtusertable entry for the address returns this refusal: re-enable it there (`makemap hash`)."),
        ],
    },
    "relay-denied": {
        title: "relaying denied",
        text: "The recipient's domain is not one this server receives mail for, and it will not relay for this client (not authenticated, or not in its relay networks).",
        classes: BOTH,
        fixes: [
            { text: "Send to the recipient domain's own MX, or submit through this server authenticated (port 587 with AUTH); add the domain to the server's relay or local domains only if it should accept it." },
            on("postfix", "Postfix: relaying is decided by `smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination` in main.cf; list the domain in `relay_domains` or `virtual_mailbox_domains` only if this server should accept it."),
            on("exim", "Exim: the RCPT ACL (`acl_smtp_rcpt`) accepts relaying for `hosts = +relay_from_hosts` and `authenticated = *`; add the domain to `relay_to_domains` only if this server should accept it."),
            on("sendmail", "Sendmail: authenticated clients relay through `TRUST_AUTH_MECH`; allow a domain with `To:example.net RELAY` in /etc/mail/access (`makemap hash /etc/mail/access < /etc/mail/access`)."),
            on("opensmtpd", "OpenSMTPD: only a `match auth from any for any action \"relay\"` (or `match from src <trusted>`) rule in smtpd.conf lets a client relay."),
            on("haraka", "Haraka: relaying needs an authenticated session, or the `relay` plugin with the client in config/relay_acl_allow."),
            on("qmail", "qmail: the domain must be in /var/qmail/control/rcpthosts, or the client must have RELAYCLIENT set (tcpserver rules, SMTP AUTH)."),
            on("courier", "Courier: the domain must be in /etc/courier/esmtpacceptmailfor.dir (then `makeacceptmailfor`), or the client allowed to relay in smtpaccess (`RELAYCLIENT`)."),
            on("exchange", "Exchange: anonymous clients may not relay; authenticate (Client Frontend connector on 587) or create a receive connector for the sender's IP that grants `Ms-Exch-SMTP-Accept-Any-Recipient`."),
            on("microsoft365", "Microsoft 365: the recipient domain is not an accepted domain of the tenant the message was attributed to; relay through an inbound connector that matches the sender's IP or certificate, or send to the recipient's MX."),
            on("gmail", "Google Workspace SMTP relay: register the sending IP (or authenticate) in the Admin console under Apps › Gmail › Routing › SMTP relay service, for a domain of the account."),
            on("aiosmtpd", "aiosmtpd: the handler's `handle_RCPT` decides which domains it accepts without authentication."),
            on("hmailserver", "hMailServer: the IP range the client connects from (Settings › Advanced › IP Ranges) does not allow delivery to external addresses; authenticate, or give that range the right."),
            on("mimecast", "Mimecast: both the sender and the recipient domain are outside the account; an authorised outbound IP (or an authenticated session) is needed to relay."),
        ],
    },
    "auth-required": {
        title: "authentication required",
        text: "The server accepts mail here only from authenticated clients, and the session did not log in before MAIL.",
        classes: BOTH,
        fixes: [
            { text: "Configure credentials (`username` with `password-env`), so AUTH runs after STARTTLS and before MAIL; or send mail for the server's own users to its port 25." },
            on("postfix", "Postfix: the submission service in master.cf requires it (`-o smtpd_client_restrictions=permit_sasl_authenticated,reject`); `reject_sender_login_mismatch` also refuses a sender address owned by an account when nobody logged in."),
            on("exchange", "Exchange: the Client Frontend connector (587) requires authentication; anonymous mail goes to the Default Frontend connector on 25."),
            on("haraka", "Haraka: the submission listener refuses unauthenticated MAIL; log in with an account of the auth plugin."),
            on("gmail", "Gmail: smtp.gmail.com takes mail only after AUTH, with an app password or XOAUTH2."),
            on("sendmail", "Sendmail: the daemon's `M=Ea` (DaemonPortOptions) requires AUTH on this port."),
        ],
    },
    "auth-failed": {
        title: "authentication failed",
        text: "The server refused the credentials: wrong username or password, or the account is locked or disabled.",
        classes: ["permanent"],
        fixes: [
            { text: "Check the username (often the full address) and the password by logging in to the mailbox with them; then update the secret the sender uses." },
            on("postfix", "Postfix: check the SASL backend's log (with Dovecot: `doveadm auth test USER`) for why it refused the account."),
            on("exim", "Exim: check the authenticator's `server_condition` with `exim -d+auth`."),
            on("sendmail", "Sendmail: check the account in Cyrus SASL (`testsaslauthd -u USER -p PASS`, or sasldblistusers2)."),
            on("opensmtpd", "OpenSMTPD: check the `auth <table>` of the `listen` line; its passwords are `smtpctl encrypt` hashes."),
            on("haraka", "Haraka: check the auth plugin's accounts (config/auth_flat_file.ini for auth/flat_file)."),
            on("courier", "Courier: test the account with `authtest USER PASSWORD`."),
            on("aiosmtpd", "aiosmtpd: the `authenticator` callback refused the credentials: check the accounts it knows."),
            on(_servers_js__WEBPACK_IMPORTED_MODULE_1__/* .MICROSOFT */ .zk, "Microsoft: check the account signs in to Outlook on the web; SMTP AUTH must also be enabled for the mailbox (`Get-CASMailbox USER | fl SmtpClientAuthenticationDisabled`)."),
            on("gmail", "Gmail: with 2-Step Verification an app password is needed; check the account at myaccount.google.com."),
        ],
    },
    "auth-mechanism": {
        title: "authentication mechanism not available",
        text: "The AUTH mechanism used is not offered or not allowed here (or AUTH itself is not offered at this point of the session).",
        classes: BOTH,
        fixes: [
            { text: "Use a mechanism the EHLO reply advertises (`auth: PLAIN` or `LOGIN` after STARTTLS), or let smtp-gate pick one from the EHLO reply." },
            on("postfix", "Postfix: the mechanisms come from the SASL backend; `smtpd_sasl_security_options` and `smtpd_sasl_tls_security_options` filter them."),
            on("exim", "Exim: only the authenticators defined (with `server_advertise_condition` true) are offered; `auth_advertise_hosts` decides to whom."),
            on("sendmail", "Sendmail: `confAUTH_MECHANISMS` and `TRUST_AUTH_MECH` in sendmail.mc list the mechanisms."),
            on("opensmtpd", "OpenSMTPD: it offers PLAIN and LOGIN only, after TLS (`listen … tls auth`)."),
        ],
    },
    "app-password-required": {
        title: "app password required",
        text: "The provider refuses the account's normal password for SMTP and wants an app-specific password (or OAuth 2).",
        classes: BOTH,
        fixes: [
            { text: "Create an app password for the account and use it as the SMTP password, or move the sender to OAuth 2 (`auth: XOAUTH2` with `oauth-token-env`)." },
            on("gmail", "Google: turn on 2-Step Verification, create an app password at myaccount.google.com/apppasswords, or use XOAUTH2."),
            on("yahoo", "Yahoo: generate an app password under Account security."),
            on("icloud", "iCloud: create an app-specific password at account.apple.com."),
        ],
    },
    "basic-auth-disabled": {
        title: "password authentication turned off",
        text: "The provider has turned password (basic) authentication off for SMTP: only OAuth 2 is accepted for this account or tenant.",
        classes: BOTH,
        fixes: [
            { text: "Move the sender to OAuth 2 (`auth: XOAUTH2` with `oauth-token-env`), or have an administrator allow password authentication for this account." },
            on(_servers_js__WEBPACK_IMPORTED_MODULE_1__/* .MICROSOFT */ .zk, "Microsoft 365: SMTP AUTH is off for the tenant or mailbox: `Set-TransportConfig -SmtpClientAuthenticationDisabled $false` (tenant) or `Set-CASMailbox USER -SmtpClientAuthenticationDisabled $false`, and no security-defaults policy blocking it; or use OAuth 2 (SMTP.Send)."),
            on("gmail", "Google Workspace: less secure app access is gone; use an app password or XOAUTH2 (scope https://mail.google.com/)."),
        ],
    },
    "tls-required": {
        title: "STARTTLS required first",
        text: "The server requires STARTTLS before this command, and the session was still in plain text.",
        classes: BOTH,
        fixes: [
            { text: "Use `tls: starttls` (STARTTLS, then EHLO again, before AUTH and MAIL), or `tls: implicit` on the server's implicit-TLS port (465); make the production sender do the same." },
            on("postfix", "Postfix: `smtpd_tls_auth_only = yes` or `smtpd_tls_security_level = encrypt` asks for this; a client must send STARTTLS first."),
            on("gmail", "Gmail: senders must deliver over TLS (Google's sender guidelines, 4.7.29/5.7.29); a route that requires TLS for the recipient domain closes plain-text sessions."),
            on("mimecast", "Mimecast: the recipient's Secure Receipt policy requires TLS on this route, at TLS 1.2 or later with strong ciphers; send with STARTTLS at TLS 1.2+."),
        ],
    },
    "tls-unavailable": {
        title: "TLS not available",
        text: "The server cannot start TLS now: STARTTLS is not enabled on this listener, or its certificate or key could not be loaded.",
        classes: BOTH,
        fixes: [
            { text: "Look at the server's log at this time: it names the certificate or key it could not load; or enable STARTTLS on this listener." },
            on("postfix", "Postfix: `smtpd_tls_security_level = may` with `smtpd_tls_chain_files` in main.cf; a 502 to STARTTLS means TLS is off for this service (master.cf `-o` overrides)."),
            on("exim", "Exim: `tls_advertise_hosts = *` with `tls_certificate` and `tls_privatekey` readable by the Exim user."),
            on("sendmail", "Sendmail: `confSERVER_CERT` and `confSERVER_KEY` in sendmail.mc (the key not group- or world-readable), then rebuild sendmail.cf."),
            on("opensmtpd", "OpenSMTPD: `pki NAME cert`/`key` lines and `tls pki NAME` on the `listen` line (`smtpd -n` checks them)."),
            on("haraka", "Haraka: enable the `tls` plugin with config/tls.ini (`key`, `cert`)."),
            on("exchange", "Exchange: assign a certificate to SMTP (`Enable-ExchangeCertificate -Services SMTP`) whose name matches the connector's FQDN."),
        ],
    },
    "sender-rejected": {
        title: "the envelope sender is refused",
        text: "The server refuses the envelope sender (MAIL FROM): its domain does not resolve, fails the server's sender checks, or the address or domain is on the server's own access list.",
        classes: BOTH,
        fixes: [
            { text: "Send from an address whose domain has MX or A records and that the receiver can verify; if the receiver lists the sender, ask its postmaster why." },
            on("postfix", "Postfix: the refusal names the restriction (`reject_unknown_sender_domain`, a `check_sender_access` table, `reject_unverified_sender`); look the sender up in that table with `postmap -q`."),
            on("exim", "Exim: sender verification (`verify = sender` in the RCPT ACL) called the sender's domain and was refused: make the sender address deliverable, or exempt the client."),
            on("sendmail", "Sendmail: check the access db for the sender (`From:` entries) and whether the sender's domain resolves (`FEATURE(accept_unresolvable_domains)` turns the check off)."),
            on("qmail", "qmail: the sender is in /var/qmail/control/badmailfrom."),
            on("courier", "Courier: the sender is refused by the BOFH file (`badfrom`) or by the sender's domain check."),
            on(_servers_js__WEBPACK_IMPORTED_MODULE_1__/* .MICROSOFT */ .zk, "Microsoft: the sender or its domain is refused by the tenant's policy (outbound sender restrictions, blocked senders); check the tenant's mail flow rules and the sender's status in the Defender portal."),
        ],
    },
    "sender-not-authorized": {
        title: "the account may not send as this address",
        text: "The authenticated account may not use this envelope sender: the address belongs to another account.",
        classes: BOTH,
        fixes: [
            { text: "Send from the address the account owns (set `from` to it), or grant the account send-as rights for this address." },
            on("postfix", "Postfix: `reject_sender_login_mismatch` compares the sender with `smtpd_sender_login_maps`: map the address to this login there."),
            on(_servers_js__WEBPACK_IMPORTED_MODULE_1__/* .MICROSOFT */ .zk, "Microsoft 365: grant the account Send As on that mailbox (`Add-RecipientPermission`); and send only from accepted domains of the tenant (5.7.750: add and verify the domain under Settings › Domains)."),
        ],
    },
    "spf-dkim-dmarc": {
        title: "sender authentication failed",
        text: "The message failed the receiver's sender authentication: SPF does not cover the sending IP, the DKIM signature is missing or invalid, or DMARC alignment failed.",
        classes: BOTH,
        fixes: [
            { text: "Publish an SPF record that includes the sending IP, sign with DKIM for the From domain, and align them with the DMARC policy; check a test message's Authentication-Results header." },
            on("gmail", "Gmail: Postmaster Tools shows SPF, DKIM and DMARC pass rates per domain; bulk senders need all three (Google's sender guidelines)."),
            on("yahoo", "Yahoo: senders must pass SPF or DKIM, and bulk senders DMARC too (Yahoo Sender Hub)."),
            on(_servers_js__WEBPACK_IMPORTED_MODULE_1__/* .MICROSOFT */ .zk, "Microsoft: the message failed the recipient tenant's SPF/DKIM/DMARC checks; fix the sending domain's records (the recipient's message trace shows which one failed)."),
        ],
    },
    "ip-reputation": {
        title: "the sending IP is refused",
        text: "The connecting IP address is listed on a DNS blocklist or has a poor reputation with the receiver, so it refuses mail from it.",
        classes: BOTH,
        fixes: [
            {
                text: "Find which list or reputation system refused the IP: look it up on the public DNS blocklists (Spamhaus's check.spamhaus.org, or a checker that queries many lists); if it is on none, the receiver's own reputation data refused it, and only its postmaster can say why. Stop what got the IP a bad name (a compromised account, an open relay, a dynamic or shared IP), then ask for removal; or send through a relay with a good reputation.",
                named: "Look up the sending IP on {list}, which the reply names{lookup}; stop what got it listed (a compromised account, an open relay, a dynamic or shared IP), then ask there for removal; or send through a relay with a good reputation.",
            },
            on("gmail", "Gmail: Postmaster Tools shows the IP's reputation; send authenticated, steady volume and follow Google's sender guidelines."),
            on("outlookcom", "Outlook.com: check the IP in SNDS and ask for mitigation through the Outlook.com sender support form."),
            on("microsoft365", "Microsoft 365: when the recipient tenant blocked the IP itself (its connection filter or block list), only that organisation can remove it; contact them."),
            on("yahoo", "Yahoo: the [TSxx] code names the reason; see Yahoo's postmaster error codes and the Sender Hub."),
            on("barracuda", "Barracuda: its own list is the Barracuda Reputation Block List (look the IP up and request removal at www.barracudacentral.org/lookups); the appliance may have checked an IP from the message's Received headers, not only the connecting one."),
            {
                ...why("postfix", "Postfix (the receiver): a DNS list (`reject_rbl_client`, `postscreen_dnsbl_sites`; their default reply names it after \"blocked using\") or a `check_client_access` table refused the client's IP."),
                named: "Postfix (the receiver): the DNS list {list} (`reject_rbl_client` or `postscreen_dnsbl_sites`) refused the client's IP; an exception for a client goes in a `check_client_access` table before it.",
            },
        ],
    },
    "ptr-missing": {
        title: "no reverse DNS for the sending IP",
        text: "The sending IP has no reverse DNS (PTR) record, or its name does not resolve back to the IP (no forward-confirmed reverse DNS).",
        classes: BOTH,
        fixes: [
            { text: "Ask whoever owns the IP (the hosting or access provider) for a PTR record naming the mail host, and make that name's A/AAAA record point back to the IP." },
            on("gmail", "Gmail: IPv4 and IPv6 senders both need forward-confirmed reverse DNS (Google's sender guidelines)."),
            on("microsoft365", "Microsoft 365: mail over IPv6 needs a PTR record for the sending IPv6 address."),
        ],
    },
    "helo-rejected": {
        title: "the EHLO name is refused",
        text: "The name given in EHLO/HELO is refused: empty, not a fully-qualified domain name, or one that does not resolve in DNS.",
        classes: BOTH,
        fixes: [
            { text: "Make the sender announce its own fully-qualified host name in EHLO (`helo:`), one with an A/AAAA record." },
            why("postfix", "Postfix (the receiver): `reject_non_fqdn_helo_hostname` and `reject_unknown_helo_hostname` in `smtpd_helo_restrictions` refused it."),
        ],
    },
    "rate-limited": {
        title: "rate limited",
        text: "The client went over a limit on connections, messages, recipients or logins per time.",
        classes: BOTH,
        fixes: [
            { text: "Slow down: fewer parallel connections and messages per minute; a 4xx passes once the window has gone by." },
            on("postfix", "Postfix: anvil's per-client limits, named in the reply: connections (`smtpd_client_connection_count_limit`, `smtpd_client_connection_rate_limit`), mail (`smtpd_client_message_rate_limit`), recipients (`smtpd_client_recipient_rate_limit`), new TLS sessions (`smtpd_client_new_tls_session_rate_limit`) and AUTH commands (`smtpd_client_auth_rate_limit`); exempt trusted clients with `smtpd_client_event_limit_exceptions`."),
            on("exim", "Exim: `smtp_accept_max_per_host` and `ratelimit` ACL conditions set the limits."),
            on("gmail", "Gmail: the account's daily sending limit (or login attempts) was reached; wait, or send through Google Workspace SMTP relay."),
            on(_servers_js__WEBPACK_IMPORTED_MODULE_1__/* .MICROSOFT */ .zk, "Microsoft: the IP or the tenant is throttled; spread the sending over time (Exchange Online's sending limits), and check the IP in SNDS."),
        ],
    },
    greylisted: {
        title: "greylisted",
        text: "The receiver defers first contact from an unknown sender on purpose (greylisting); a real MTA retries after a few minutes and is then accepted.",
        classes: ["transient"],
        fixes: [{ text: "Nothing is broken: a retry after 1–15 minutes passes. For a gate, use `fail-on: hard` so a deferral only warns, or whitelist the probe's IP on the receiver." }],
    },
    "server-lookup-failure": {
        title: "the server's own lookup failed",
        text: "A lookup the server depends on failed temporarily: one of its tables, its directory (LDAP, SQL) or its DNS resolver.",
        classes: BOTH,
        fixes: [
            { text: "Nothing to change on the client's side: read the server's log at this time for the lookup that failed, and check its table, directory or resolver." },
            on("postfix", "Postfix: the mail log names the table (\"… lookup error for …\"); check that map (`postmap -q KEY TYPE:TABLE`) and the service behind it (proxymap, LDAP, SQL)."),
            on("opensmtpd", "OpenSMTPD: a table lookup or the lookup agent failed: check the tables smtpd.conf names (`smtpctl show table NAME`) and the log."),
            on("qmail", "qmail: qmail-smtpd could not read its control files (/var/qmail/control); check their permissions."),
            on("cisco-esa", "Cisco Secure Email: a DNS lookup of its SPF verification timed out or went wrong for a moment, so the sender's SPF result is unknown (not negative): check the appliance's DNS servers (`dnsconfig`) and that the sender domain's SPF record and the names it includes resolve."),
            on("exim", "Exim: a lookup in an ACL deferred (DNS or a database); the main log says which."),
        ],
    },
    "server-resource": {
        title: "the server is short of resources",
        text: "The server is short of a resource of its own: disk or queue space, memory, processes or its connection limit.",
        classes: BOTH,
        fixes: [
            { text: "On the server: check free space and inodes where it keeps its queue (`df -h`, `df -i`), its load and its connection limits; a 4xx is retried by the sending MTA." },
            on("postfix", "Postfix: `queue_minfree` and the queue filesystem (`df -h $(postconf -h queue_directory)`), and `default_process_limit`."),
            on("exim", "Exim: `check_spool_space` and the spool filesystem, and `smtp_accept_max` / `smtp_accept_queue` for the connection limit."),
            on("sendmail", "Sendmail: `confMIN_FREE_BLOCKS` and the queue filesystem (/var/spool/mqueue), and `confMAX_DAEMON_CHILDREN`."),
            on("opensmtpd", "OpenSMTPD: free space and permissions of /var/spool/smtpd, and `smtpctl show stats`."),
            on("haraka", "Haraka: `max_connections` / the connection limits in config/connection.ini, and the host's load."),
            on("courier", "Courier: free space of the queue filesystem (/var/spool/courier) and `MAXDELS`/`MAXSMTP` limits."),
        ],
    },
    "message-too-big": {
        title: "message too big",
        text: "The message (or the SIZE= declared in MAIL FROM) is larger than the server's size limit.",
        classes: BOTH,
        fixes: [
            { text: "Send a smaller message (link large files instead of attaching them), or raise the server's limit; the limit is the SIZE value of its EHLO reply." },
            on("postfix", "Postfix: `message_size_limit` in main.cf (and `mailbox_size_limit`, which must be at least as large)."),
            on("exim", "Exim: `message_size_limit` in the main configuration."),
            on("sendmail", "Sendmail: `confMAX_MESSAGE_SIZE` in sendmail.mc (the mailer's `M=` maxsize too)."),
            on("opensmtpd", "OpenSMTPD: `smtp max-message-size` in smtpd.conf."),
            on("haraka", "Haraka: config/databytes sets the limit."),
            on("qmail", "qmail: /var/qmail/control/databytes."),
            on("aiosmtpd", "aiosmtpd: the `data_size_limit` argument of the SMTP server."),
            on(_servers_js__WEBPACK_IMPORTED_MODULE_1__/* .MICROSOFT */ .zk, "Microsoft: the organisation's or connector's maximum message size (`Get-TransportConfig | fl MaxReceiveSize`)."),
        ],
    },
    "content-rejected": {
        title: "the content is refused",
        text: "The receiver refused the message itself: its format breaks RFC 5322 (a missing Message-ID or Date header, lines over 998 octets), or a content check (a filter, a milter, a virus scanner) judged it.",
        classes: BOTH,
        fixes: [
            { text: "Read the reply for the rule that fired; send a well-formed message (Date, Message-ID and From headers, lines under 998 octets) and check it with the receiver's content filter." },
            on("postfix", "Postfix: a milter or `header_checks`/`body_checks` refused it; the mail log names which."),
            on("sendmail", "Sendmail: a milter refused the message; its log names it (`milter=`)."),
            on("exim", "Exim: the DATA ACL (`acl_smtp_data`) refused it; the reject log says which condition."),
            on("opensmtpd", "OpenSMTPD: its message checks (or a filter) refused the format: send an RFC 5322 message with the required headers."),
        ],
    },
    "command-unrecognized": {
        title: "command not recognised",
        text: "The server does not know or does not implement this command (a typo, a legacy or vendor-specific verb, or something that is not SMTP at all).",
        classes: BOTH,
        fixes: [{ text: "Make the sender use only RFC 5321 commands and the extensions the server's EHLO reply advertises." }],
    },
    "syntax-error": {
        title: "syntax error",
        text: "A parameter of the command is malformed: an address without angle brackets or with an invalid form, or an argument the server does not accept.",
        classes: BOTH,
        fixes: [{ text: "Send the command in RFC 5321 form: `MAIL FROM:<address>`, `RCPT TO:<address>`, only the parameters the EHLO reply advertises." }],
    },
    "bad-sequence": {
        title: "command out of order",
        text: "The command came out of order: MAIL before EHLO/HELO, RCPT before MAIL, DATA without an accepted recipient, or a second MAIL in one transaction.",
        classes: BOTH,
        fixes: [{ text: "Follow RFC 5321's order: EHLO, (STARTTLS, EHLO, AUTH,) MAIL, RCPT, DATA; check that the earlier command of the transaction was accepted." }],
    },
    "too-many-recipients": {
        title: "too many recipients",
        text: "The transaction has more recipients than the server takes at once; the rest must go in another transaction.",
        classes: BOTH,
        fixes: [
            { text: "Send in smaller batches: the sending MTA delivers the refused recipients in a new transaction." },
            on("postfix", "Postfix: `smtpd_recipient_limit` sets the limit."),
            on("exim", "Exim: `recipients_max` sets the limit."),
            on("sendmail", "Sendmail: `confMAX_RCPTS_PER_MESSAGE` sets the limit."),
            on("opensmtpd", "OpenSMTPD: `smtp max-rcpt` sets the limit."),
        ],
    },
    "service-unavailable": {
        title: "service unavailable",
        text: "The server refuses service for now: it is shutting down, overloaded, or not accepting connections from anyone at the moment.",
        classes: BOTH,
        fixes: [{ text: "Ask the server's operator whether it is down or refusing this client; a 421 is retried by the sending MTA by itself, a 5xx is not." }],
    },
    "smtputf8-required": {
        title: "SMTPUTF8 required",
        text: "An address has non-ASCII characters, and the transaction did not declare SMTPUTF8 (RFC 6531).",
        classes: BOTH,
        fixes: [{ text: "Add SMTPUTF8 to MAIL FROM when the server advertises it, or use an ASCII address." }],
    },
    "null-mx": {
        title: "the domain accepts no mail",
        text: "The domain publishes a null MX (RFC 7505): it accepts no mail, so addresses in it cannot be sent to or used as a sender.",
        classes: ["permanent"],
        fixes: [{ text: "Use an address in a domain that receives mail; the domain's owner removes the null MX (`MX 0 .`) only if it should receive mail." }],
    },
    "pipelining-violation": {
        title: "commands sent before their turn",
        text: "The client sent commands before the server's reply where RFC 2920 does not allow it (without PIPELINING, or after STARTTLS or DATA).",
        classes: BOTH,
        fixes: [{ text: "Make the client wait for each reply unless the server advertises PIPELINING, and never pipeline past STARTTLS, DATA or QUIT (RFC 2920 §3.1, RFC 3207 §4.2)." }],
    },
    "early-talker": {
        title: "data sent before the greeting",
        text: "The client sent data before the server's greeting; the server takes that as a spam-bot sign (RFC 5321 §3.1: wait for the 220).",
        classes: BOTH,
        fixes: [
            { text: "Make the client wait for the 220 greeting before EHLO; a proxy or load balancer in front that talks first causes the same." },
            why("postfix", "Postfix (the receiver): postscreen's pregreet test (`postscreen_greet_action`) refused it."),
            why("sendmail", "Sendmail (the receiver): `FEATURE(greet_pause)` refused it."),
            why("exim", "Exim (the receiver): `smtp_enforce_sync` refused input sent before the banner."),
        ],
    },
    "proxy-protocol": {
        title: "PROXY protocol mismatch",
        text: "A PROXY protocol header was expected and not sent, or sent where none was expected.",
        classes: BOTH,
        fixes: [{ text: "Send the PROXY header (`proxy-protocol`) exactly when the listener expects one." }],
    },
    middlebox: {
        title: "a box in front answered",
        text: "A box in front of the server (a balancer, SMTP proxy, filter or TLS terminator) answered or broke the session.",
        classes: BOTH,
        fixes: [{ text: "Compare the session with one straight to the server, and look at the box's log." }],
    },
    other: {
        title: "not decided by the reply",
        text: "The reply does not say why: its code and words fit more than one cause.",
        classes: BOTH,
        fixes: [{ text: "Read the server's log for this session's time: it says which check answered so." }],
    },
};
/** Whether a row (a fix, a cause, a sign) fits this product: it names no family, or the recognised one. */
function fitsFamily(row, family) {
    return !row.families || (family !== null && row.families.includes(family));
}
/** The rows that fit this product: its own settings first, then the generic words, then the receiver's settings that explain a refusal; never another product's. */
function pickFixes(rows, family, list = null) {
    const own = rows.filter((r) => r.families && fitsFamily(r, family));
    return [...own.filter((r) => !r.receiver), ...rows.filter((r) => !r.families), ...own.filter((r) => r.receiver)].map((r) => (list && r.named ? (0,_blocklists_js__WEBPACK_IMPORTED_MODULE_0__/* .fillList */ .q)(r.named, list) : r.text));
}
/** A cause's fixes for this product, worded for the list the reply names, if any. */
function fixesFor(cause, family, list = null) {
    return pickFixes(CAUSE_ENTRIES[cause].fixes, family, list);
}
/** Whether a cause can explain a reply of this class (RFC 5321 §4.2.1). */
function causeFitsClass(cause, cls) {
    return CAUSE_ENTRIES[cause].classes.includes(cls);
}


/***/ }),

/***/ 9496:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   PI: () => (/* binding */ SERVER_FAMILIES),
/* harmony export */   Vo: () => (/* binding */ recogniseServer),
/* harmony export */   r0: () => (/* binding */ AnyRow),
/* harmony export */   ub: () => (/* binding */ serverRow),
/* harmony export */   zk: () => (/* binding */ MICROSOFT)
/* harmony export */ });
/* unused harmony export SERVERS */
/* harmony import */ var _protocol_reply_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6488);
/**
 * Server families: how to recognise a product from what it says — its banner, its EHLO reply,
 * and reply shapes only that product writes (its wording, its enhanced codes, its own reply
 * codes). Data, not code: a new family is a new row here; its causes' fixes go in
 * root-causes.ts and its own meanings of codes in cause-signs.ts (docs/diagnosis.md).
 *
 * Signs are tried in order: the banner first (most products name themselves there), then the
 * EHLO reply, then the replies. A banner can be customised (Postfix's smtpd_banner, Exim's
 * smtp_banner), so reply shapes are the fallback. Rows that share a banner (Microsoft's three
 * services all say "Microsoft ESMTP MAIL Service") come most specific first.
 *
 * What stands in front of a server (a balancer, an SMTP proxy, a filter) is recognised by
 * middleboxes.ts, not here.
 */

const SERVER_FAMILIES = [
    "postfix", "exim", "sendmail", "opensmtpd", "haraka", "qmail", "courier", "aiosmtpd",
    "exchange", "microsoft365", "outlookcom", "gmail", "yahoo", "icloud",
    "mimecast", "proofpoint", "cisco-esa", "barracuda", "hmailserver", "mdaemon",
];
/** Microsoft's three mail services: their codes and meanings are shared (learn.microsoft.com, "NDRs in Exchange Online"). */
const MICROSOFT = ["exchange", "microsoft365", "outlookcom"];
/** qmail-smtpd.c's replies and qmail-queue's (qmail.c qmail_close) as qmail-smtpd passes them on, each with its "(#x.y.z)"; its control files' names. */
const QMAIL_WORDS = new RegExp(String.raw `^(?:timeout|out of memory|unable to read controls|unable to figure out my IP addresses|unimplemented|syntax error|MAIL first|RCPT first|qqt failure|too many hops, this message is looping|qq [a-z ]+|envelope address too long for qq|mail server (?:permanently|temporarily) rejected message|connection to mail server (?:timed out|rejected)|communication with mail server failed|unable to exec qq) \(#[245]\.\d{1,3}\.\d{1,3}\)$|isn't in my list of allowed rcpthosts|my databytes limit|my badmailfrom list|pobox\.com/~djb/docs/smtplf\.html`, "i");
const SERVERS = [
    { family: "aiosmtpd", product: "aiosmtpd", banner: /\baiosmtpd(?:\s+v?(\d[\w.]*))?|Python SMTP(?:\s+(\d[\w.]*))?/i },
    { family: "haraka", product: "Haraka", banner: /\bHaraka(?:\/(\d[\w.]*))?/i, ehlo: /Haraka is at your service/i, replies: /Have a jolly good day|I cannot deliver mail for </i },
    { family: "opensmtpd", product: "OpenSMTPD", banner: /\bOpenSMTPD\b/i, replies: /Invalid command: Command (?:unrecognized|not allowed)|Mailing list expansion problem|Invalid recipient: </i },
    // PIPECONNECT (X_PIPE_CONNECT while experimental) is Exim's early pipelining, which no other server of these rows offers.
    { family: "exim", product: "Exim", banner: /\bExim\s+(\d[\w.]*)/i, ehlo: /^(?:X_)?PIPE_?CONNECT$/i, replies: /Unrouteable address|relay not permitted|sender not yet given|All RCPT commands were rejected|Incorrect authentication data|AUTH command used when not advertised|Sender verify failed/i },
    // DELIVERBY (RFC 2852) is Sendmail's: srvrsmtp.c advertises it by default, and no other server of these rows does.
    { family: "sendmail", product: "Sendmail", banner: /\bSendmail\s+(\d[\w.]*)(?:\/[\w.]+)?/i, ehlo: /^DELIVERBY\b/i, replies: /\.\.\. (?:User unknown|Relaying denied|Access denied)|Need MAIL before RCPT|Need RCPT \(recipient\)|Fix reverse DNS for /i },
    // smtpd.c ehlo_cmd() writes PIPELINING, SIZE, VRFY (unless disable_vrfy_command), ETRN, STARTTLS, AUTH, AUTH= (broken
    // clients), XCLIENT/XFORWARD, ENHANCEDSTATUSCODES, 8BITMIME, DSN, SMTPUTF8, CHUNKING, in that order, each one optional
    // (smtpd_discard_ehlo_keywords); postscreen's own EHLO leaves out PIPELINING. The whole order, with ETRN right after SIZE
    // or VRFY (Sendmail puts DSN between; Exim and the others do not write it there), is Postfix's even when smtpd_banner hides it.
    {
        family: "postfix", product: "Postfix", banner: /\bPostfix\b(?:\s+\(?(\d[\w.]*))?/i,
        ehloOrder: /^(?:PIPELINING\n)?SIZE(?: \d+)?\n(?:VRFY\n)?ETRN\n(?:STARTTLS\n)?(?:AUTH[ =][^\n]*\n){0,2}(?:X(?:CLIENT|FORWARD|VERP)\b[^\n]*\n)*(?:ENHANCEDSTATUSCODES\n)?(?:8BITMIME\n)?(?:DSN\n)?(?:SMTPUTF8\n)?(?:CHUNKING\n)?$/i,
        replies: /(?:Recipient address|Sender address|Client host|Helo command) rejected: |Relay access denied|Error: (?:command not recognized|need MAIL command|authentication failed|no valid recipients|send HELO\/EHLO first|I can break rules)/i,
    },
    // A recipient or host at outlook.com (x@outlook.com) is any server's words; Outlook.com names itself, or links its pages.
    { family: "outlookcom", product: "Outlook.com", banner: /\.olc\.protection\.outlook\.com|\bhotmail\.com\b/i, replies: /(?<![@.])\bOutlook\.com\b|\[(?:SC|DY|RP|OU|BL|SU|CS)-\d{3}\]|postmaster\.live\.com|sendersupport\.olc/i },
    {
        family: "microsoft365", product: "Microsoft 365",
        banner: /\.mail\.protection\.outlook\.com|\.outlook\.office365\.com|smtp\.office365\.com|\.prod\.outlook\.com/i,
        replies: /\.prod\.(?:protection\.)?outlook\.com|aka\.ms\/|TenantAttribution|SmtpClientAuthentication|\bAS\(\d{5,}\)|RESOLVER\.[A-Z]+\.[A-Z]+|Sender (?:was )?not authenticated (?:by organization|for (?:group|mailbox|public folder|mail user))|tenant has exceeded threshold|Tenant Allow Block List/,
        // Microsoft's own enhanced codes: 5.7.50 and up (5.7.57, 5.7.64, 5.7.1xx, 5.7.5xx, 4.7.5xx, 5.7.7xx, 5.7.800), which neither
        // the IANA registry (up to X.7.30) nor Google (X.7.24–X.7.32, X.7.40) uses; and 5.4.1 to RCPT (Directory-Based Edge
        // Blocking, or relay refused). Microsoft's 5.7.30 (basic authentication) is Google's DKIM code and the registry's
        // REQUIRETLS: its words and host names tell.
        enhanced: /^[45]\.7\.(?:[5-9]\d|[1-9]\d\d)$|^5\.4\.1$/,
    },
    { family: "exchange", product: "Microsoft Exchange", banner: /Microsoft ESMTP MAIL Service|Microsoft Exchange/i, ehlo: /^X-ANONYMOUSTLS$|^XEXCH50$|^X-EXPS\b|^XRDST$|^XSHADOWREQUEST$/i, replies: /Client was not authenticated|Client not authenticated to send mail/i },
    { family: "gmail", product: "Gmail", banner: /\bgsmtp\b|mx\.google\.com|smtp\.gmail\.com|smtp-relay\.gmail\.com|\baspmx\b/i, replies: /\bgsmtp$|support\.google\.com\/(?:mail|a)|For more information,? go to|\bGmail\b|\bGoogle(?:'s)? |Google Account/ },
    { family: "yahoo", product: "Yahoo", banner: /\.yahoo(?:dns)?\.(?:com|net)\b/i, replies: /\[TSS?\d\d\]|yahooinc\.com|\bYahoo\b|yahoo\.com account/ },
    { family: "icloud", product: "iCloud Mail", banner: /\.mail\.icloud\.com|\bicloud\.com\b|\.me\.com\b/i, replies: /\[(?:HME|CS)\d+\]|support\.apple\.com|\biCloud\b/ },
    { family: "mimecast", product: "Mimecast", banner: /\bmimecast\b/i, replies: /(?<!@)\bmimecast\b|Anti-Spoofing policy/i },
    { family: "proofpoint", product: "Proofpoint", banner: /\bpphosted\.com\b|\bppops\.net\b|\bProofpoint\b/i, replies: /\bpphosted\b|(?<!@)\bProofpoint\b|\bppops\.net\b/i },
    // Cisco Secure Email (IronPort) writes the enhanced code inside the text, with a '#': "451 #4.4.3 …".
    { family: "cisco-esa", product: "Cisco Secure Email", banner: /\bIronPort\b|\bCisco\b/i, replies: /^#[245]\.\d{1,3}\.\d{1,3}\s/ },
    // Barracuda's public list (b.barracudacentral.org) is queried by any MTA; the appliance writes "Barracuda Reputation"
    // and links its own lookup (bbl.barracudacentral.com/q.cgi).
    { family: "barracuda", product: "Barracuda", banner: /\bBarracuda\b|\bbarracudanetworks\b/i, replies: /\bBarracuda Reputation\b|barracudanetworks\.com|\bbbl\.barracudacentral\.com\/q\.cgi|^permanent failure for one or more recipients \(/i },
    // qmail writes its enhanced code at the end ("(#5.5.1)"), and so do others (Broadcom Email Security.cloud's "sender envelope
    // domain not allowed for sender IP address (#5.1.8)"): qmail is told by its own words, qmail-smtpd.c's and qmail-queue's
    // (qmail.c qmail_close), with that suffix.
    { family: "qmail", product: "qmail", banner: /\bqmail\b|\bnetqmail\b/i, replies: QMAIL_WORDS },
    // Courier replies with codes of its own (RFC 5321 has no 513, 517, 431, 531, 540 or 440).
    { family: "courier", product: "Courier", banner: /\bCourier\b/i, ehlo: /^XVERP=Courier$|^XCOURIEROUTPUTS?\b/i, replies: /Courier mail server/i, codes: [400, 513, 517, 417, 431, 531, 540, 440] },
    { family: "hmailserver", product: "hMailServer", banner: /\bhMailServer\b/i },
    { family: "mdaemon", product: "MDaemon", banner: /\bMDaemon\s+(?:PRO\s+)?v?(\d[\w.]*)/i },
];
/**
 * The union of one kind of pattern of every row, one regular expression per set of flags: a text
 * that matches none of it matches no row, so the common case (a line that names no product) is
 * one test, not one per row. A text the union matches is then tried row by row, in row order.
 * Recognition runs once per target: a fleet of thousands made the per-row tests show.
 */
class AnyRow {
    unions;
    constructor(patterns) {
        const byFlags = new Map();
        for (const p of patterns)
            if (p)
                byFlags.set(p.flags, [...(byFlags.get(p.flags) ?? []), `(?:${p.source})`]);
        this.unions = [...byFlags].map(([flags, sources]) => new RegExp(sources.join("|"), flags));
    }
    test(text) {
        for (let i = 0; i < this.unions.length; i++)
            if (this.unions[i].test(text))
                return true;
        return false;
    }
}
const ANY_BANNER = new AnyRow(SERVERS.map((r) => r.banner));
const ANY_EHLO = new AnyRow(SERVERS.map((r) => r.ehlo));
const ANY_REPLY_WORDS = new AnyRow(SERVERS.map((r) => r.replies));
const ANY_ENHANCED = new AnyRow(SERVERS.map((r) => r.enhanced));
const PRODUCT_CODES = new Set(SERVERS.flatMap((r) => r.codes ?? []));
const ORDERED = SERVERS.filter((r) => r.ehloOrder);
/** The server family these signs show, or null when none matches. */
function recogniseServer(signs) {
    const found = (row, version) => ({ family: row.family, product: row.product, version });
    if (signs.banner.some((l) => ANY_BANNER.test(l))) {
        for (const row of SERVERS) {
            for (const line of signs.banner) {
                const m = row.banner?.exec(line);
                if (m)
                    return found(row, m.slice(1).find((g) => g !== undefined) ?? null);
            }
        }
    }
    if (signs.ehlo.some((l) => ANY_EHLO.test(l.trim()))) {
        for (const row of SERVERS)
            if (row.ehlo && signs.ehlo.some((l) => row.ehlo?.test(l.trim())))
                return found(row, null);
    }
    if (signs.ehlo.length > 1) {
        const order = `${signs.ehlo.slice(1).map((l) => l.trim()).join("\n")}\n`;
        for (const row of ORDERED)
            if (row.ehloOrder?.test(order))
                return found(row, null);
    }
    // Structured shapes (a product's own codes) before words, which another product may quote.
    if (signs.replies.some((r) => (r.enhanced !== null && ANY_ENHANCED.test(r.enhanced)) || PRODUCT_CODES.has(r.code))) {
        for (const row of SERVERS) {
            if (signs.replies.some((r) => (r.enhanced !== null && row.enhanced?.test(r.enhanced)) || row.codes?.includes(r.code)))
                return found(row, null);
        }
    }
    // Each line's words, after its enhanced code (protocol/reply.ts lineWords): a product's own text starts there.
    const words = signs.replies.flatMap((r) => r.lines.map(_protocol_reply_js__WEBPACK_IMPORTED_MODULE_0__/* .lineWords */ .CI));
    if (words.some((l) => ANY_REPLY_WORDS.test(l))) {
        for (const row of SERVERS)
            if (words.some((l) => row.replies?.test(l)))
                return found(row, null);
    }
    return null;
}
/** The row of a family. */
function serverRow(family) {
    return SERVERS.find((r) => r.family === family);
}


/***/ }),

/***/ 2739:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CV: () => (/* binding */ AUTH_MECHANISMS),
/* harmony export */   EK: () => (/* binding */ isOneOf),
/* harmony export */   FD: () => (/* binding */ STEP_EXTRAS),
/* harmony export */   FM: () => (/* binding */ TLS_MODES),
/* harmony export */   HJ: () => (/* binding */ STEP_CHECKS),
/* harmony export */   O8: () => (/* binding */ REPLY_ENDINGS),
/* harmony export */   PL: () => (/* binding */ CERTIFICATE_TRUST),
/* harmony export */   S4: () => (/* binding */ REPLY_CLASSES),
/* harmony export */   U5: () => (/* binding */ STS_MODES),
/* harmony export */   X: () => (/* binding */ DIRECTIONS),
/* harmony export */   bk: () => (/* binding */ VERDICTS),
/* harmony export */   d$: () => (/* binding */ FAIL_ON),
/* harmony export */   gq: () => (/* binding */ ROOT_CAUSES),
/* harmony export */   mS: () => (/* binding */ PROXY_PROTOCOL_VERSIONS),
/* harmony export */   nw: () => (/* binding */ SENDER_VERDICTS),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   q8: () => (/* binding */ SASL_PAYLOADS),
/* harmony export */   xe: () => (/* binding */ AUTH_WITHHELD_REASONS),
/* harmony export */   z1: () => (/* binding */ ERROR_KINDS)
/* harmony export */ });
/**
 * The closed vocabularies of the report (contract §6–§8), each an `as const` list with its type
 * derived from it: the list is what the report reader accepts, the type what the code may write.
 */
const VERDICTS = ["pass", "warn", "fail"];
const TLS_MODES = ["starttls", "implicit", "opportunistic", "none"];
/** `fail-on` (contract §2): what turns a target red. */
const FAIL_ON = ["hard", "soft", "never"];
/** Failures the peer (or the network) can cause; each is a value, never an exception. */
const ERROR_KINDS = ["dns", "connect", "timeout", "tls", "closed", "protocol", "proxy"];
const SEVERITIES = ["error", "warning", "notice"];
/** RFC 5321 §4.2.1: the first digit of a reply code. */
const REPLY_CLASSES = ["success", "intermediate", "transient", "permanent"];
/** How a reply's lines ended on the wire: CRLF as RFC 5321 §2.3.8 asks, bare LF, or both. */
const REPLY_ENDINGS = ["crlf", "lf", "mixed"];
/** C: what we sent, S: what the server sent, *: an event (TLS started, bytes dropped, …). */
const DIRECTIONS = ["C", "S", "*"];
/** A step smtp-gate sent on its own: RSET/QUIT after a failure, HELO after a refused EHLO, or the NOOP after a PROXY header. */
const STEP_EXTRAS = ["cleanup", "fallback", "proxy-header"];
/** The policy check a step belongs to (contract §7). */
const STEP_CHECKS = ["open-relay", "vrfy"];
const AUTH_MECHANISMS = ["PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"];
/** What one line of a SASL exchange carries (RFC 4954 §4): renderers say this instead of `***`. */
const SASL_PAYLOADS = ["username", "password", "username and password", "username and digest", "username and token", "empty line"];
/** What a certificate chain was verified against: the runtime's public roots, or only the `ca` file. */
const CERTIFICATE_TRUST = ["public", "ca"];
/** Why configured credentials were not sent (RFC 4954 §4; contract §7). */
const AUTH_WITHHELD_REASONS = ["tls-not-active", "auth-not-offered", "mechanism-not-offered", "cleartext"];
/** MTA-STS policy modes (RFC 8461 §5) and what a sender does with an MX address (contract §9). */
const STS_MODES = ["enforce", "testing", "none"];
const SENDER_VERDICTS = ["deliver", "refuse"];
/** The HAProxy PROXY protocol versions smtp-gate can send first. */
const PROXY_PROTOCOL_VERSIONS = ["v1", "v2"];
/**
 * Why a server refused something (contract §8 `finding.cause`): the classes of the reply corpus
 * (shared/corpus/replies.json). `other` says none fits rather than guess.
 */
const ROOT_CAUSES = [
    "unknown-recipient",
    "mailbox-full",
    "mailbox-disabled",
    "relay-denied",
    "auth-required",
    "auth-failed",
    "auth-mechanism",
    "app-password-required",
    "basic-auth-disabled",
    "tls-required",
    "tls-unavailable",
    "sender-rejected",
    "sender-not-authorized",
    "spf-dkim-dmarc",
    "ip-reputation",
    "ptr-missing",
    "helo-rejected",
    "rate-limited",
    "greylisted",
    "server-lookup-failure",
    "server-resource",
    "message-too-big",
    "content-rejected",
    "command-unrecognized",
    "syntax-error",
    "bad-sequence",
    "too-many-recipients",
    "service-unavailable",
    "smtputf8-required",
    "null-mx",
    "pipelining-violation",
    "early-talker",
    "proxy-protocol",
    "middlebox",
    "other",
];
const isOneOf = (list, v) => list.includes(v);


/***/ }),

/***/ 4387:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ RunIdentityHash)
/* harmony export */ });
/* unused harmony export runIdentity */
/* harmony import */ var _builtins_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7227);
/**
 * Which run this is (contract §8): every shard of one run computes the same count and digest
 * from the same configured targets, so `merge` can tell shards of another run and count them.
 * The digest covers the targets as configured, before sharding and before MX expansion (which
 * may differ from job to job as DNS changes). Built one target at a time, so a streamed run
 * (a targets-file, config/targets-file.ts) computes it while it reads.
 */

class RunIdentityHash {
    hash = (0,_builtins_js__WEBPACK_IMPORTED_MODULE_0__/* .loadCrypto */ .QZ)().createHash("sha256");
    count = 0;
    add(t) {
        this.hash.update(`${JSON.stringify([t.name, t.mx ?? t.host, t.port, t.tls])}\n`);
        this.count++;
    }
    /** Once, at the end. */
    identity(shard) {
        return { shard: shard ? `${shard.index}/${shard.count}` : null, targets: this.count, digest: this.hash.digest("hex") };
    }
}
function runIdentity(targets, shard) {
    const h = new RunIdentityHash();
    for (const t of targets)
        h.add(t);
    return h.identity(shard);
}


/***/ }),

/***/ 8553:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Iw: () => (/* binding */ inShard),
/* harmony export */   uK: () => (/* binding */ parseShard)
/* harmony export */ });
/* unused harmony export fnv1a */
function parseShard(text) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
    const index = Number(m?.[1]);
    const count = Number(m?.[2]);
    if (!m || count < 1 || index < 1 || index > count)
        return { problem: `must be I/N with 1 ≤ I ≤ N (like 2/4), not "${text}"` };
    return { index, count };
}
/** FNV-1a, 32 bits: small, stable across Node versions and platforms. */
function fnv1a(text) {
    let h = 0x811c9dc5;
    for (const byte of Buffer.from(text, "utf8")) {
        h ^= byte;
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
}
function inShard(name, s) {
    return fnv1a(name) % s.count === s.index - 1;
}


/***/ }),

/***/ 1020:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Mr: () => (/* binding */ ipFamily),
/* harmony export */   Ow: () => (/* binding */ isLoopbackAddress),
/* harmony export */   Q3: () => (/* binding */ withoutUserinfo),
/* harmony export */   RC: () => (/* binding */ checkHost),
/* harmony export */   Tf: () => (/* binding */ checkMailbox),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   gi: () => (/* binding */ ehloName),
/* harmony export */   qc: () => (/* binding */ checkEhloName)
/* harmony export */ });
/* unused harmony exports userinfoPassword, isIPv6, addressLiteral */
/**
 * Syntax checks for values that end up in commands: mailbox addresses (RFC 5321 §4.1.2
 * Mailbox, with RFC 6531 UTF-8 allowed), host names and EHLO names. Deliberately a little
 * permissive: the server, not smtp-gate, is the judge of what it accepts; these catch typos.
 */
/** UTF-8 beyond ASCII (RFC 6531), less the C1 controls and U+2028/U+2029, which are line breaks to some. */
const UTF8 = "\\u00A0-\\u2027\\u202A-\\uFFFF";
const ATEXT = `[A-Za-z0-9!#$%&'*+\\-/=?^_\`{|}~${UTF8}]`;
const DOT_STRING = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const QUOTED = `"(?:[\\x20-\\x21\\x23-\\x5b\\x5d-\\x7e${UTF8}]|\\\\[\\x20-\\x7e])*"`;
const LABEL = `[A-Za-z0-9${UTF8}](?:[A-Za-z0-9\\-${UTF8}]{0,61}[A-Za-z0-9${UTF8}])?`;
const DOMAIN = `${LABEL}(?:\\.${LABEL})*\\.?`;
const ADDRESS_LITERAL = "\\[(?:[0-9.]+|IPv6:[0-9A-Fa-f:.]+)\\]";
const MAILBOX = new RegExp(`^(?:${DOT_STRING}|${QUOTED})@(?:${DOMAIN}|${ADDRESS_LITERAL})$`);
const HOST_NAME = new RegExp(`^${DOMAIN}$`);
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const EHLO_NAME = new RegExp(`^(?:${DOMAIN}|${ADDRESS_LITERAL})$`);
/**
 * The EHLO name a connection uses (RFC 5321 §4.1.4): the configured one (a fully qualified
 * domain name), or else the address literal of our end of the connection.
 */
function ehloName(configured, localAddress) {
    return configured ?? addressLiteral(localAddress ?? "127.0.0.1");
}
/**
 * A value as it may be echoed in a message: the user information of a URL-shaped value
 * (`socks5://user:PASS@host:1080`, RFC 3986 §3.2.1) replaced by `***`, so that a password put
 * where an address belongs is never printed back.
 */
function withoutUserinfo(value) {
    return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^@/\s]*@/i, (_, scheme) => `${scheme ?? ""}***@`);
}
/** The password in a URL-shaped value (`scheme://user:PASS@host`), to mask it before anything is printed. */
function userinfoPassword(value) {
    const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?[^@/:\s]*:([^@/\s]+)@/i.exec(value.trim());
    return m?.[1] ?? null;
}
/** RFC 5321 §4.5.3.1: local part at most 64 octets, path at most 256. */
function checkMailbox(value) {
    if (!MAILBOX.test(value))
        return "is not a mailbox address like user@example.com";
    const local = value.slice(0, value.lastIndexOf("@"));
    if (Buffer.byteLength(local) > 64)
        return "has a local part longer than 64 octets (RFC 5321 §4.5.3.1.1)";
    if (Buffer.byteLength(value) > 254)
        return "is longer than 254 octets (RFC 5321 §4.5.3.1.3)";
    return null;
}
/** RFC 4291 §2.2 text forms: eight groups, or fewer around one "::", optionally ending in IPv4. */
function isIPv6(value) {
    const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(value);
    if (v4 && !IPV4.test(v4[1]))
        return false;
    const head = v4 ? value.slice(0, -v4[1].length) + "0:0" : value;
    const halves = head.split("::");
    if (halves.length > 2)
        return false;
    const groups = halves.flatMap((h) => (h === "" ? [] : h.split(":")));
    if (!groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g)))
        return false;
    return halves.length === 2 ? groups.length < 8 : groups.length === 8;
}
/** 4 or 6 for an IP address in text form, 0 for anything else (what node:net's isIP says, without I/O modules). */
function ipFamily(value) {
    return IPV4.test(value) ? 4 : isIPv6(value) ? 6 : 0;
}
function checkHost(value) {
    if (IPV4.test(value) || isIPv6(value))
        return null;
    // A name made only of digits and dots is a malformed IPv4 address, not a host name.
    return HOST_NAME.test(value) && !/^[\d.]+$/.test(value) && value.length <= 253 ? null : "is not a host name or IP address";
}
function checkEhloName(value) {
    return EHLO_NAME.test(value) ? null : "is not a domain name or an address literal like [192.0.2.1]";
}
/**
 * The address literal of an IP address (RFC 5321 §4.1.3): `[192.0.2.10]`, `[IPv6:2001:db8::1]`;
 * an IPv4 address mapped into IPv6 (`::ffff:192.0.2.10`, a dual-stack socket's form) as IPv4.
 */
function addressLiteral(ip) {
    const v4 = ip.replace(/^::ffff:/i, "");
    return IPV4.test(v4) ? `[${v4}]` : `[IPv6:${ip}]`;
}
/**
 * True for an address on this machine: 127.0.0.0/8, ::1, and 127.x mapped into IPv6
 * (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3, §2.5.5.2). Credentials may cross such a connection in
 * clear text without an opt-in: it never leaves the host.
 */
function isLoopbackAddress(address) {
    const v4 = address.replace(/^::ffff:/i, "");
    if (IPV4.test(v4))
        return v4.startsWith("127.");
    return isIPv6(address) && /^(0{0,4}:){2,7}0{0,3}1$|^::1$/.test(address);
}
/** A configured host that is known before connecting to be this machine: a loopback address or `localhost`. */
function isLoopbackHost(host) {
    return isLoopbackAddress(host) || host.toLowerCase().replace(/\.$/, "") === "localhost";
}


/***/ }),

/***/ 1880:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ cramMd5Forms),
/* harmony export */   US: () => (/* binding */ loginResponses),
/* harmony export */   bG: () => (/* binding */ xoauth2Response),
/* harmony export */   cd: () => (/* binding */ saslLabel),
/* harmony export */   eo: () => (/* binding */ secretForms),
/* harmony export */   kZ: () => (/* binding */ plainResponse),
/* harmony export */   tc: () => (/* binding */ cramMd5Response)
/* harmony export */ });
/* unused harmony export allForms */
/* harmony import */ var _builtins_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7227);
/**
 * SASL encoders for the AUTH exchanges, pure. Every value they return is a secret: the caller
 * must register it with the redactor and never show it.
 */


/** `AUTH LOGIN (username)`: a line of the exchange by what it carries, never by its content. */
function saslLabel(mechanism, carries) {
    return `AUTH ${mechanism} (${carries})`;
}
const b64 = (s) => Buffer.from(s, "utf8").toString("base64");
/** RFC 4616: authzid NUL authcid NUL passwd, with an empty authzid. */
function plainResponse(user, password) {
    return b64(`\0${user}\0${password}`);
}
/** The LOGIN mechanism (draft-murchison-sasl-login): username, then password, each base64. */
function loginResponses(user, password) {
    return [b64(user), b64(password)];
}
/** RFC 2195: user SP hex(HMAC-MD5(password, challenge)); the challenge arrives base64-encoded. */
function cramMd5Response(user, password, challengeB64) {
    const challenge = Buffer.from(challengeB64.trim(), "base64");
    const digest = (0,_builtins_js__WEBPACK_IMPORTED_MODULE_0__/* .loadCrypto */ .QZ)().createHmac("md5", password).update(challenge).digest("hex");
    return b64(`${user} ${digest}`);
}
/** Google/Microsoft XOAUTH2: `user=U ^A auth=Bearer T ^A ^A`, base64. */
function xoauth2Response(user, token) {
    return b64(`user=${user}\x01auth=Bearer ${token}\x01\x01`);
}
/**
 * Every printable form a secret may take on the wire or in an echo of it: as it is, base64 at
 * each of the three byte alignments (so it is found inside PLAIN's and XOAUTH2's payloads, or a
 * server's base64 JSON that quotes it), base64url, hex, URL-encoded, and the whole payloads.
 * A server that decodes and echoes a payload shows the secret as it is.
 */
function secretForms(user, secret) {
    const bytes = Buffer.from(secret, "utf8");
    const verbatim = new Set([secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, "+")]);
    const encoded = new Set([b64(secret), plainResponse(user, secret), xoauth2Response(user, secret)]);
    for (let offset = 0; offset < 3; offset++) {
        const core = base64Core(bytes, offset);
        encoded.add(core);
        encoded.add(core.replace(/\+/g, "-").replace(/\//g, "_"));
    }
    const hex = bytes.toString("hex");
    encoded.add(hex).add(hex.toUpperCase());
    for (const v of verbatim)
        encoded.delete(v);
    verbatim.delete("");
    encoded.delete("");
    return { verbatim: [...verbatim], encoded: [...encoded] };
}
/** Every form, for masking with the runner and for scanning. */
const allForms = (f) => [...f.verbatim, ...f.encoded];
/** The forms of a CRAM-MD5 response (RFC 2195): the base64 line, and the digest a decoding echo shows. */
function cramMd5Forms(response) {
    const digest = Buffer.from(response, "base64").toString("utf8").split(" ").pop() ?? "";
    return [response, digest, digest.toUpperCase()].filter((f) => f.length > 0);
}
/**
 * The base64 characters that depend only on `bytes` when they follow `offset` other bytes in a
 * longer encoded string: each character carries 6 bits, so those overlapping a neighbour's bits
 * at either end are left out.
 */
function base64Core(bytes, offset) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64").replace(/=+$/, "");
    return encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
}


/***/ }),

/***/ 8808:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ classify)
/* harmony export */ });
function classify(code) {
    const first = Math.floor(code / 100);
    if (first === 2)
        return "success";
    if (first === 3)
        return "intermediate";
    if (first === 4)
        return "transient";
    return "permanent";
}


/***/ }),

/***/ 1813:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FM: () => (/* binding */ describeForbidden),
/* harmony export */   HX: () => (/* binding */ hasForbiddenChars),
/* harmony export */   M6: () => (/* binding */ envelopePath),
/* harmony export */   ML: () => (/* binding */ MAX_COMMAND_OCTETS),
/* harmony export */   fD: () => (/* binding */ refuseOutgoingLine),
/* harmony export */   hy: () => (/* binding */ describeControl),
/* harmony export */   i0: () => (/* binding */ isWhiteSpace),
/* harmony export */   rl: () => (/* binding */ verbOf)
/* harmony export */ });
/* unused harmony export MAX_AUTH_LINE_OCTETS */
/**
 * Every line we send passes one check: CR, LF or NUL in it would let a value smuggle a second
 * command onto the wire (the SMTP equivalent of header injection).
 */
const FORBIDDEN = /[\r\n\0]/;
function hasForbiddenChars(value) {
    return FORBIDDEN.test(value);
}
/** Names the forbidden character for an error message. */
function describeForbidden(value) {
    const c = FORBIDDEN.exec(value)?.[0];
    return c === "\r" ? "CR" : c === "\n" ? "LF" : "NUL";
}
/**
 * What a command line may not carry beyond CR, LF and NUL: a line is printable text (RFC 5321
 * §2.3.8 printable US-ASCII and SP; RFC 6531 adds UTF-8, not controls). So C0 controls (TAB
 * too), DEL, the C1 controls (NEL, U+0085, among them) and U+2028/U+2029, which consoles and some
 * parsers take as line breaks, and an ESC would restyle the terminal the value is echoed on.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/;
/** The same for a message body, whose lines may hold TAB (RFC 5322 WSP). */
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_BUT_TAB = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]/;
const CONTROL_NAMES = {
    0x00: "NUL", 0x09: "TAB", 0x0a: "LF", 0x0b: "VT", 0x0c: "FF", 0x0d: "CR", 0x1b: "ESC", 0x7f: "DEL", 0x85: "NEL",
    0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR",
};
/** The first control character in `value`, named for a message (`ESC (U+001B)`), or null. */
function describeControl(value, allowTab = false) {
    const c = (allowTab ? CONTROL_BUT_TAB : CONTROL).exec(value)?.[0];
    if (c === undefined)
        return null;
    const code = c.charCodeAt(0);
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    const name = CONTROL_NAMES[code];
    return name ? `${name} (${hex})` : `the control character ${hex}`;
}
/**
 * The reverse-path or forward-path of a MAIL or RCPT line, between its angle brackets
 * (RFC 5321 §4.1.1.2, §4.1.1.3): `RCPT TO:<a@b> NOTIFY=NEVER` → `a@b`, `MAIL FROM:<>` → ``; null
 * for any other line.
 */
function envelopePath(line) {
    const m = /^(MAIL\s+FROM|RCPT\s+TO):\s*<([^<>]*)>/i.exec(line);
    if (!m)
        return null;
    return { verb: m[1].slice(0, 4).toUpperCase(), path: m[2] };
}
/** The verb of a command line, uppercased: `mail FROM:<a@b>` → `MAIL`. */
function verbOf(line) {
    // By hand (as trim() and a split at whitespace would): every step of every target asks, several times.
    let start = 0;
    while (start < line.length && isWhiteSpace(line.charCodeAt(start)))
        start++;
    let end = start;
    while (end < line.length && !isWhiteSpace(line.charCodeAt(end)))
        end++;
    return line.slice(start, end).toUpperCase();
}
/** The characters of a regular expression's `\s` (and of trim()): ECMAScript WhiteSpace and LineTerminator. */
function isWhiteSpace(c) {
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d))
        return true;
    if (c < 0xa0)
        return false;
    return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
/** RFC 5321 §4.5.3.1.4: a command line is at most 512 octets including CRLF. */
const MAX_COMMAND_OCTETS = 512;
/** RFC 4954 §4: a line of an AUTH exchange may be up to 12,288 octets including CRLF. */
const MAX_AUTH_LINE_OCTETS = 12288;
/**
 * Why `line` must not be written, or null. Every line the session writes passes here, whatever
 * validated it before (Go's net/smtp does the same): a CR, LF or NUL would let it carry a second
 * command, and an over-long line may be cut or refused by the server.
 */
function refuseOutgoingLine(line, kind) {
    if (hasForbiddenChars(line))
        return `it contains ${describeForbidden(line)}, which would end the line and start another command`;
    const octets = Buffer.byteLength(line, "utf8") + 2;
    const limit = kind === "auth" ? MAX_AUTH_LINE_OCTETS : MAX_COMMAND_OCTETS;
    if (octets > limit)
        return `it is ${octets} octets long with CRLF, over the ${limit} that ${kind === "auth" ? "RFC 4954 §4" : "RFC 5321 §4.5.3.1.4"} allows`;
    return null;
}


/***/ }),

/***/ 2958:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ui: () => (/* binding */ parseEhloExtensions),
/* harmony export */   bW: () => (/* binding */ findExtension),
/* harmony export */   dq: () => (/* binding */ authMechanisms)
/* harmony export */ });
/**
 * EHLO reply → extensions (RFC 5321 §4.1.1.1): the first line is the greeting, each further
 * line one keyword with optional parameters.
 */
function parseEhloExtensions(lines) {
    return lines.slice(1).map((l) => l.trim()).filter((l) => l.length > 0);
}
/** Finds an extension by keyword, case-insensitively: `findExtension(exts, "STARTTLS")`. */
function findExtension(extensions, keyword) {
    const k = keyword.toUpperCase();
    // The keyword ends at the first space, or "=" in the pre-standard `AUTH=LOGIN` form.
    return extensions.find((e) => (e.split(/[\s=]/, 1)[0] ?? "").toUpperCase() === k);
}
/** AUTH mechanisms offered, from `AUTH PLAIN LOGIN` and the pre-standard `AUTH=PLAIN LOGIN` form. */
function authMechanisms(extensions) {
    const out = new Set();
    for (const e of extensions) {
        const m = /^AUTH[\s=](.*)$/i.exec(e.trim());
        if (m)
            for (const mech of (m[1] ?? "").trim().split(/\s+/))
                if (mech)
                    out.add(mech.toUpperCase());
    }
    return [...out];
}


/***/ }),

/***/ 9567:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $u: () => (/* binding */ meetsExpectation),
/* harmony export */   Cu: () => (/* binding */ AUTH_CHALLENGE_EXPECTATION),
/* harmony export */   I2: () => (/* binding */ END_OF_DATA_EXPECTATION),
/* harmony export */   M9: () => (/* binding */ formatExpectation),
/* harmony export */   WR: () => (/* binding */ parseExpectation),
/* harmony export */   gh: () => (/* binding */ defaultExpectation),
/* harmony export */   pV: () => (/* binding */ GREETING_EXPECTATION)
/* harmony export */ });
/* unused harmony export ANY_POSITIVE */
function parseExpectation(text) {
    const terms = [];
    for (const raw of text.split("|")) {
        const t = raw.trim().toLowerCase();
        if (/^[2-5][0-9][0-9]$/.test(t))
            terms.push({ code: Number(t) });
        else if (/^[2-5]xx$/.test(t))
            terms.push({ first: Number(t[0]) });
        else
            return { error: `"${raw.trim()}" is not a reply code (like 250), a class (like 5xx) or alternatives (like 250|251)` };
    }
    return terms;
}
function formatExpectation(e) {
    return e.map((t) => ("code" in t ? String(t.code) : `${t.first}xx`)).join("|");
}
function meetsExpectation(code, e) {
    return e.some((t) => ("code" in t ? t.code === code : Math.floor(code / 100) === t.first));
}
const codes = (...c) => c.map((code) => ({ code }));
/** RFC 5321 §4.3.2 success replies per verb; anything else: "2xx or 3xx". */
const BY_VERB = {
    EHLO: codes(250),
    HELO: codes(250),
    MAIL: codes(250),
    RCPT: codes(250, 251),
    DATA: codes(354),
    RSET: codes(250),
    VRFY: codes(250, 251, 252),
    EXPN: codes(250, 252),
    HELP: codes(211, 214),
    NOOP: codes(250),
    QUIT: codes(221),
    STARTTLS: codes(220),
    AUTH: codes(235),
    BDAT: codes(250),
};
const GREETING_EXPECTATION = codes(220);
const END_OF_DATA_EXPECTATION = codes(250);
const AUTH_CHALLENGE_EXPECTATION = codes(334);
const ANY_POSITIVE = [{ first: 2 }, { first: 3 }];
function defaultExpectation(verb) {
    return BY_VERB[verb.toUpperCase()] ?? ANY_POSITIVE;
}


/***/ }),

/***/ 8027:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   UN: () => (/* binding */ escapeControls),
/* harmony export */   g3: () => (/* binding */ LineSplitter)
/* harmony export */ });
/* unused harmony exports MAX_LINE_OCTETS, decodeLine */
/**
 * Line framing for replies: bytes in, complete lines out. Pure (no I/O) so the session can
 * feed it any chunking and the result is the same.
 *
 * RFC 5321 §4.5.3.1.5 limits a reply line to 512 octets; real servers exceed that, so the cap
 * is generous but finite — an endless line from a hostile peer must not eat memory.
 */
const MAX_LINE_OCTETS = 8192;
class LineSplitter {
    chunks = [];
    buffered = 0;
    overflowed = false;
    /** Appends bytes; returns the lines (or a too-long event) they completed. */
    push(chunk) {
        const out = [];
        let start = 0;
        for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
            const from = start;
            start = nl + 1;
            // Most lines arrive whole in one chunk: decoded from it where they lie, without a copy.
            if (!this.chunks.length && !this.overflowed) {
                out.push(lineOf(chunk, from, nl));
                continue;
            }
            const overflowed = this.overflowed;
            const whole = Buffer.concat([...this.chunks, chunk.subarray(from, nl)]);
            this.reset();
            // The rest of an over-long line is dropped: its event was already reported.
            if (!overflowed)
                out.push(lineOf(whole, 0, whole.length));
        }
        const rest = chunk.subarray(start);
        if (rest.length && !this.overflowed) {
            this.chunks.push(Buffer.from(rest));
            this.buffered += rest.length;
            if (this.buffered > MAX_LINE_OCTETS) {
                out.push({ kind: "too-long", octets: MAX_LINE_OCTETS + 1 });
                this.reset();
                this.overflowed = true;
            }
        }
        return out;
    }
    /** Bytes received that do not yet form a line (a reply cut off by a close, say). */
    pending() {
        return this.chunks.length ? decodeLine(Buffer.concat(this.chunks)) : "";
    }
    /** Forgets buffered bytes: after STARTTLS's 220 nothing sent in plaintext may be read (RFC 3207 §4.2). */
    reset() {
        const dropped = this.buffered;
        this.chunks = [];
        this.buffered = 0;
        this.overflowed = false;
        return dropped;
    }
}
/** The line in `bytes[start, end)` (its LF excluded; a CR before it ends a CRLF line), or its too-long event. */
function lineOf(bytes, start, end) {
    if (end - start > MAX_LINE_OCTETS)
        return { kind: "too-long", octets: MAX_LINE_OCTETS + 1 };
    const crlf = end > start && bytes[end - 1] === 0x0d;
    return { text: escapeControls(bytes.toString("utf8", start, crlf ? end - 1 : end)), ending: crlf ? "crlf" : "lf" };
}
/**
 * Decodes a reply line for display and matching: UTF-8 (RFC 6531 allows it in replies),
 * invalid sequences become U+FFFD, and control characters other than TAB are shown as \xNN so
 * that a hostile reply cannot forge terminal escapes or workflow commands in our output.
 */
function decodeLine(bytes) {
    return escapeControls(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
}
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\x00-\x08\x0a-\x1f\x7f-\x9f]/g;
function escapeControls(text) {
    return text.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}


/***/ }),

/***/ 6488:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CI: () => (/* binding */ lineWords),
/* harmony export */   Gh: () => (/* binding */ MAX_REPLY_LINES),
/* harmony export */   tI: () => (/* binding */ replyCodeText),
/* harmony export */   uU: () => (/* binding */ replyWords),
/* harmony export */   zA: () => (/* binding */ ReplyAssembler)
/* harmony export */ });
/* unused harmony exports parseCodeLine, parseEnhancedCode, parseReply */
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1813);

/** A reply of more lines than this is a hostile or broken peer, not an EHLO list. */
const MAX_REPLY_LINES = 256;
/**
 * Parses one reply line. The code is three digits whose first is 2–5 (RFC 5321 §4.2: there
 * are no 1yz replies in SMTP); the fourth character is "-", SP, or absent.
 */
function parseCodeLine(text) {
    // By hand rather than by a regular expression: every line a fleet reads comes through here.
    const a = text.charCodeAt(0) - 48;
    const b = text.charCodeAt(1) - 48;
    const c = text.charCodeAt(2) - 48;
    if (!(a >= 2 && a <= 5 && b >= 0 && b <= 9 && c >= 0 && c <= 9))
        return null;
    const code = a * 100 + b * 10 + c;
    if (text.length === 3)
        return { code, continued: false, text: "" };
    const sep = text[3];
    if (sep !== "-" && sep !== " ")
        return null;
    return { code, continued: sep === "-", text: text.slice(4) };
}
/**
 * The RFC 3463 code at the start of a reply text, whether or not ENHANCEDSTATUSCODES was
 * advertised: `class.subject.detail`, 1–3 digits each, then whitespace or the end; leading zeros
 * dropped (`5.01.1` → `5.1.1`). By hand, as parseCodeLine: every reply a fleet reads comes here.
 */
function parseEnhancedCode(text) {
    const cls = text.charCodeAt(0);
    if ((cls !== 0x32 && cls !== 0x34 && cls !== 0x35) || text.charCodeAt(1) !== 0x2e)
        return null;
    const subject = digitsAt(text, 2);
    if (!subject || text.charCodeAt(subject.end) !== 0x2e)
        return null;
    const detail = digitsAt(text, subject.end + 1);
    if (!detail || (detail.end < text.length && !(0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .isWhiteSpace */ .i0)(text.charCodeAt(detail.end))))
        return null;
    return `${text[0]}.${subject.value}.${detail.value}`;
}
/**
 * Where a product's own words start in a reply line: after the reply code (when a caller left it on) and after the
 * enhanced code, which leads the text of every line of a reply that carries one (RFC 3463 §2, RFC 2034 §4).
 * Diagnosis (knowledge/cause-signs.ts) and recognition (knowledge/servers.ts) read these words, so a pattern
 * anchored at the start of a product's text ("^Please try again later") matches with or without an enhanced code.
 * qmail's "(#5.1.1)" at the end and Cisco's "#4.4.3" are the product's own text and stay.
 */
const LEADING_CODES = /^\s*(?:[2-5]\d\d(?:[ -]|$))?(?:[245]\.\d{1,3}\.\d{1,3}(?=\s|$))?\s*/;
/** One reply line's words: the line without its leading reply code and enhanced code. */
function lineWords(line) {
    return line.replace(LEADING_CODES, "");
}
/** A reply's words, what signs read: each line's words (`lineWords`), joined by a space. */
function replyWords(lines) {
    return lines.map(lineWords).join(" ");
}
/** One to three decimal digits at `at`: their value and where they end; null when there is none, or a fourth. */
function digitsAt(text, at) {
    let value = 0;
    let end = at;
    for (; end < text.length && end - at < 4; end++) {
        const d = text.charCodeAt(end) - 0x30;
        if (d < 0 || d > 9)
            break;
        value = value * 10 + d;
    }
    return end === at || end - at > 3 ? null : { value, end };
}
/**
 * Collects lines into a reply. Like Go's textproto, a line inside a multi-line reply whose
 * code differs or that does not parse is kept as text: the reply ends only on a proper last line.
 */
class ReplyAssembler {
    code = null;
    lines = [];
    // Which endings this reply's lines used.
    crlf = false;
    lf = false;
    /** Feeds one line; returns the reply when it is complete, a problem when it cannot be one. */
    push(line) {
        const parsed = parseCodeLine(line.text);
        if (line.ending === "crlf")
            this.crlf = true;
        else
            this.lf = true;
        if (this.code === null) {
            if (!parsed)
                return this.fail({ kind: "malformed", line: line.text });
            this.code = parsed.code;
        }
        if (parsed && parsed.code === this.code) {
            this.lines.push(parsed.text);
            if (!parsed.continued)
                return this.finish();
        }
        else {
            this.lines.push(line.text);
        }
        if (this.lines.length >= MAX_REPLY_LINES)
            return this.fail({ kind: "too-many-lines", lines: this.lines.length });
        return null;
    }
    /** True while part of a reply has arrived. */
    get started() {
        return this.code !== null;
    }
    finish() {
        const reply = {
            code: this.code,
            enhanced: firstEnhanced(this.lines),
            lines: this.lines,
            ending: this.crlf && this.lf ? "mixed" : this.crlf ? "crlf" : "lf",
        };
        this.reset();
        return reply;
    }
    fail(problem) {
        this.reset();
        return problem;
    }
    reset() {
        this.code = null;
        this.lines = [];
        this.crlf = false;
        this.lf = false;
    }
}
function firstEnhanced(lines) {
    for (const l of lines) {
        const e = parseEnhancedCode(l);
        if (e)
            return e;
    }
    return null;
}
/** `550 5.1.1`, or `550` without an enhanced code: how reports name a reply. */
function replyCodeText(r) {
    return r.enhanced ? `${r.code} ${r.enhanced}` : String(r.code);
}
/** Parses a whole reply from text, e.g. a recorded transcript. Returns null unless it is exactly one reply. */
function parseReply(text) {
    const raw = text.split("\n");
    if (raw[raw.length - 1] === "")
        raw.pop();
    const asm = new ReplyAssembler();
    for (let i = 0; i < raw.length; i++) {
        const t = raw[i];
        const crlf = t.endsWith("\r");
        const r = asm.push({ text: crlf ? t.slice(0, -1) : t, ending: crlf ? "crlf" : "lf" });
        if (r && "code" in r)
            return i === raw.length - 1 ? r : null;
        if (r)
            return null;
    }
    return null;
}


/***/ }),

/***/ 7547:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $i: () => (/* binding */ parseSteps),
/* harmony export */   AQ: () => (/* binding */ opensSession),
/* harmony export */   Ct: () => (/* binding */ fillPlaceholders),
/* harmony export */   M: () => (/* binding */ CREDENTIAL_AUTH_STEP),
/* harmony export */   gj: () => (/* binding */ parseStepLine)
/* harmony export */ });
/* unused harmony exports PLACEHOLDERS, formatStepLine */
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1813);
/* harmony import */ var _expect_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9567);
/**
 * Custom step lines (contract §1): `COMMAND [=> EXPECT]`, one per line, with placeholders
 * `{helo}`, `{from}`, `{to}`. Pure: the same text always gives the same steps.
 */


const PLACEHOLDERS = ["helo", "from", "to"];
const ARROW = /\s=>\s*([^=]*)$/;
/**
 * A step that runs a whole SASL exchange with the configured credentials (contract §1): the
 * bare `AUTH <mechanism>`. Any other AUTH line is sent verbatim, like every other step.
 */
const CREDENTIAL_AUTH_STEP = /^AUTH\s+(PLAIN|LOGIN|CRAM-MD5|XOAUTH2)$/i;
/** Verbs that open a session: custom steps starting with one replace the production opening. */
const OPENING_VERBS = ["EHLO", "HELO", "STARTTLS"];
/** True when the steps open the session themselves and so run exactly as written (contract §1). */
function opensSession(steps) {
    const first = steps[0];
    return first !== undefined && OPENING_VERBS.includes((0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .verbOf */ .rl)(first.line));
}
function parseStepLine(text) {
    if ((0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .hasForbiddenChars */ .HX)(text))
        return { error: `contains ${(0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .describeForbidden */ .FM)(text)}, which would inject a second command` };
    const control = (0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .describeControl */ .hy)(text);
    if (control)
        return { error: `contains ${control}; a step is printable text` };
    let line = text.trim();
    let expect = null;
    const m = ARROW.exec(line);
    if (m) {
        const parsed = (0,_expect_js__WEBPACK_IMPORTED_MODULE_1__/* .parseExpectation */ .WR)(m[1] ?? "");
        if ("error" in parsed)
            return { error: `expectation ${parsed.error}` };
        expect = parsed;
        line = line.slice(0, m.index).trim();
    }
    else if (/^=>/.test(line)) {
        return { error: "has an expectation but no command" };
    }
    if (!line)
        return { error: "is empty" };
    const unknown = [...line.matchAll(/\{([a-z][a-z0-9-]*)\}/g)].map((x) => x[1]).filter((n) => !PLACEHOLDERS.includes(n));
    if (unknown.length)
        return { error: `uses unknown placeholder {${unknown[0]}} (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")})` };
    return { line, expect };
}
/** The inverse of parseStepLine: `parseStepLine(formatStepLine(s))` gives `s` back. */
function formatStepLine(s) {
    return s.expect ? `${s.line} => ${formatExpectation(s.expect)}` : s.line;
}
/** Parses a multi-line steps text. Blank lines and lines starting with `#` are skipped. */
function parseSteps(text) {
    const steps = [];
    const errors = [];
    text.split(/\r?\n/).forEach((raw, i) => {
        const t = raw.trim();
        if (!t || t.startsWith("#"))
            return;
        const r = parseStepLine(t);
        if ("error" in r)
            errors.push({ line: i + 1, message: `step "${t}" ${r.error}` });
        else
            steps.push(r);
    });
    return errors.length ? { errors } : steps;
}
function fillPlaceholders(line, values) {
    if (!line.includes("{"))
        return line;
    return line.replace(/\{(helo|from|to)\}/g, (_, name) => values[name]);
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
const VERSION = "0.1.0";


/***/ }),

/***/ 181:
/***/ ((module) => {

"use strict";
module.exports = require("buffer");

/***/ }),

/***/ 7598:
/***/ ((module) => {

"use strict";
module.exports = require("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

"use strict";
module.exports = require("node:fs");

/***/ }),

/***/ 7030:
/***/ ((module) => {

"use strict";
module.exports = require("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

"use strict";
module.exports = require("node:path");

/***/ }),

/***/ 481:
/***/ ((module) => {

"use strict";
module.exports = require("node:readline");

/***/ }),

/***/ 932:
/***/ ((module) => {

"use strict";
module.exports = require("process");

/***/ }),

/***/ 4550:
/***/ ((module) => {

// GENERATED FILE. DO NOT EDIT.
var ipCodec = (function(exports) {
  "use strict";
  
  Object.defineProperty(exports, "__esModule", {
    value: true
  });
  exports.decode = decode;
  exports.encode = encode;
  exports.familyOf = familyOf;
  exports.name = void 0;
  exports.sizeOf = sizeOf;
  exports.v6 = exports.v4 = void 0;
  const v4Regex = /^(\d{1,3}\.){3,3}\d{1,3}$/;
  const v4Size = 4;
  const v6Regex = /^(::)?(((\d{1,3}\.){3}(\d{1,3}){1})?([0-9a-f]){0,4}:{0,2}){1,8}(::)?$/i;
  const v6Size = 16;
  const v4 = {
    name: 'v4',
    size: v4Size,
    isFormat: ip => v4Regex.test(ip),
  
    encode(ip, buff, offset) {
      offset = ~~offset;
      buff = buff || new Uint8Array(offset + v4Size);
      const max = ip.length;
      let n = 0;
  
      for (let i = 0; i < max;) {
        const c = ip.charCodeAt(i++);
  
        if (c === 46) {
          // "."
          buff[offset++] = n;
          n = 0;
        } else {
          n = n * 10 + (c - 48);
        }
      }
  
      buff[offset] = n;
      return buff;
    },
  
    decode(buff, offset) {
      offset = ~~offset;
      return `${buff[offset++]}.${buff[offset++]}.${buff[offset++]}.${buff[offset]}`;
    }
  
  };
  exports.v4 = v4;
  const v6 = {
    name: 'v6',
    size: v6Size,
    isFormat: ip => ip.length > 0 && v6Regex.test(ip),
  
    encode(ip, buff, offset) {
      offset = ~~offset;
      let end = offset + v6Size;
      let fill = -1;
      let hexN = 0;
      let decN = 0;
      let prevColon = true;
      let useDec = false;
      buff = buff || new Uint8Array(offset + v6Size); // Note: This algorithm needs to check if the offset
      // could exceed the buffer boundaries as it supports
      // non-standard compliant encodings that may go beyond
      // the boundary limits. if (offset < end) checks should
      // not be necessary...
  
      for (let i = 0; i < ip.length; i++) {
        let c = ip.charCodeAt(i);
  
        if (c === 58) {
          // :
          if (prevColon) {
            if (fill !== -1) {
              // Not Standard! (standard doesn't allow multiple ::)
              // We need to treat
              if (offset < end) buff[offset] = 0;
              if (offset < end - 1) buff[offset + 1] = 0;
              offset += 2;
            } else if (offset < end) {
              // :: in the middle
              fill = offset;
            }
          } else {
            // : ends the previous number
            if (useDec === true) {
              // Non-standard! (ipv4 should be at end only)
              // A ipv4 address should not be found anywhere else but at
              // the end. This codec also support putting characters
              // after the ipv4 address..
              if (offset < end) buff[offset] = decN;
              offset++;
            } else {
              if (offset < end) buff[offset] = hexN >> 8;
              if (offset < end - 1) buff[offset + 1] = hexN & 0xff;
              offset += 2;
            }
  
            hexN = 0;
            decN = 0;
          }
  
          prevColon = true;
          useDec = false;
        } else if (c === 46) {
          // . indicates IPV4 notation
          if (offset < end) buff[offset] = decN;
          offset++;
          decN = 0;
          hexN = 0;
          prevColon = false;
          useDec = true;
        } else {
          prevColon = false;
  
          if (c >= 97) {
            c -= 87; // a-f ... 97~102 -87 => 10~15
          } else if (c >= 65) {
            c -= 55; // A-F ... 65~70 -55 => 10~15
          } else {
            c -= 48; // 0-9 ... starting from charCode 48
  
            decN = decN * 10 + c;
          } // We don't know yet if its a dec or hex number
  
  
          hexN = (hexN << 4) + c;
        }
      }
  
      if (prevColon === false) {
        // Commiting last number
        if (useDec === true) {
          if (offset < end) buff[offset] = decN;
          offset++;
        } else {
          if (offset < end) buff[offset] = hexN >> 8;
          if (offset < end - 1) buff[offset + 1] = hexN & 0xff;
          offset += 2;
        }
      } else if (fill === 0) {
        // Not Standard! (standard doesn't allow multiple ::)
        // This means that a : was found at the start AND end which means the
        // end needs to be treated as 0 entry...
        if (offset < end) buff[offset] = 0;
        if (offset < end - 1) buff[offset + 1] = 0;
        offset += 2;
      } else if (fill !== -1) {
        // Non-standard! (standard doens't allow multiple ::)
        // Here we find that there has been a :: somewhere in the middle
        // and the end. To treat the end with priority we need to move all
        // written data two bytes to the right.
        offset += 2;
  
        for (let i = Math.min(offset - 1, end - 1); i >= fill + 2; i--) {
          buff[i] = buff[i - 2];
        }
  
        buff[fill] = 0;
        buff[fill + 1] = 0;
        fill = offset;
      }
  
      if (fill !== offset && fill !== -1) {
        // Move the written numbers to the end while filling the everything
        // "fill" to the bytes with zeros.
        if (offset > end - 2) {
          // Non Standard support, when the cursor exceeds bounds.
          offset = end - 2;
        }
  
        while (end > fill) {
          buff[--end] = offset < end && offset > fill ? buff[--offset] : 0;
        }
      } else {
        // Fill the rest with zeros
        while (offset < end) {
          buff[offset++] = 0;
        }
      }
  
      return buff;
    },
  
    decode(buff, offset) {
      offset = ~~offset;
      let result = '';
  
      for (let i = 0; i < v6Size; i += 2) {
        if (i !== 0) {
          result += ':';
        }
  
        result += (buff[offset + i] << 8 | buff[offset + i + 1]).toString(16);
      }
  
      return result.replace(/(^|:)0(:0)*:0(:|$)/, '$1::$3').replace(/:{3,4}/, '::');
    }
  
  };
  exports.v6 = v6;
  const name = 'ip';
  exports.name = name;
  
  function sizeOf(ip) {
    if (v4.isFormat(ip)) return v4.size;
    if (v6.isFormat(ip)) return v6.size;
    throw Error(`Invalid ip address: ${ip}`);
  }
  
  function familyOf(string) {
    return sizeOf(string) === v4.size ? 1 : 2;
  }
  
  function encode(ip, buff, offset) {
    offset = ~~offset;
    const size = sizeOf(ip);
  
    if (typeof buff === 'function') {
      buff = buff(offset + size);
    }
  
    if (size === v4.size) {
      return v4.encode(ip, buff, offset);
    }
  
    return v6.encode(ip, buff, offset);
  }
  
  function decode(buff, offset, length) {
    offset = ~~offset;
    length = length || buff.length - offset;
  
    if (length === v4.size) {
      return v4.decode(buff, offset, length);
    }
  
    if (length === v6.size) {
      return v6.decode(buff, offset, length);
    }
  
    throw Error(`Invalid buffer size needs to be ${v4.size} for v4 or ${v6.size} for v6.`);
  }
  return "default" in exports ? exports.default : exports;
})({});
if (typeof define === 'function' && define.amd) define([], function() { return ipCodec; });
else if (true) module.exports = ipCodec;


/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".cli.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
// This entry need to be wrapped in an IIFE because it need to be in strict mode.
(() => {
"use strict";

;// CONCATENATED MODULE: ./src/bounded-heap.ts
/**
 * node:worker_threads costs a probe's start-up about 1.8 ms, so it is loaded only where it is
 * used: in the worker, and in a main thread that starts one. The worker is told apart first by an
 * environment variable of its own (its environment is its copy), then by worker_threads itself.
 */
const loadWorkerThreads = () => process.getBuiltinModule("node:worker_threads");
const WORKER_ENV = "SMTP_GATE_BOUNDED_HEAP_WORKER";
/** At this concurrency or above (or with a targets-file) a run is a fleet's. */
const FLEET_CONCURRENCY = 64;
const YOUNG_GENERATION_MB = 48;
/** In a worker started by `runBounded`: what the main thread handed over; otherwise undefined. */
function boundedWorkerData() {
    if (process.env[WORKER_ENV] === undefined)
        return undefined;
    const { isMainThread, workerData } = loadWorkerThreads();
    if (isMainThread)
        return undefined;
    // The run's own environment is the user's: the marker is not part of it.
    delete process.env[WORKER_ENV];
    return { data: workerData };
}
/**
 * Runs `entry` (the running bundle's own file) again in a worker with a bounded young generation.
 * What it writes reaches `out` in order; resolves to the exit code it set (`process.exitCode` in
 * the worker), rejects with what it threw.
 */
function runBounded(entry, data, out) {
    return new Promise((resolve, reject) => {
        const { Worker } = loadWorkerThreads();
        const worker = new Worker(entry, {
            workerData: data,
            env: { ...process.env, [WORKER_ENV]: "1" },
            resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
            // Read here rather than piped to process.stdout: a pipe stops at the reader's EPIPE and
            // would leave the rest of a fleet's report queued in memory; `out` drops it.
            stdout: true,
            stderr: true,
        });
        worker.stdout.setEncoding("utf8").on("data", out.stdout);
        worker.stderr.setEncoding("utf8").on("data", out.stderr);
        let thrown;
        worker.once("error", (err) => (thrown = err));
        // 'exit' comes after 'error', and after the worker's output has reached ours.
        worker.once("exit", (code) => (thrown === undefined ? resolve(code) : reject(thrown)));
    });
}

// EXTERNAL MODULE: ./src/cli/args.ts + 2 modules
var args = __nccwpck_require__(1049);
// EXTERNAL MODULE: ./src/cli/exit.ts
var exit = __nccwpck_require__(7632);
;// CONCATENATED MODULE: ./src/cli/index.ts
/**
 * The `smtp-gate` command: hands argv to main, guards the two output streams, sets the exit
 * status. A fleet's run (a targets-file, or --concurrency 64 and more) goes to a worker thread
 * with a bounded young generation (../bounded-heap.ts); the streams stay this thread's.
 */



/** The CLI itself, loaded only in the thread that runs it: a fleet's main thread only waits. */
const main = (argv, io) => Promise.resolve(/* import() eager */).then(__nccwpck_require__.bind(__nccwpck_require__, 732)).then((m) => m.main(argv, io));
const inWorker = boundedWorkerData();
if (inWorker) {
    // The main thread owns the streams: what is written here reaches them in order.
    const io = {
        stdout: (s) => void process.stdout.write(s),
        stderr: (s) => void process.stderr.write(s),
        env: process.env,
        color: inWorker.data.color,
    };
    main(inWorker.data.argv, io).then((code) => void (process.exitCode = code), (err) => {
        io.stderr(internalError(err));
        process.exitCode = exit/* EXIT */.d.internal;
    });
}
else {
    // Without an 'error' listener a failed write to stdout (`> /dev/full`, `| head -c1`) is an
    // unhandled exception: a stack trace, and exit 1, which reads as a fail verdict.
    let stdoutGone = false;
    let stdoutFailed = false;
    process.stdout.on("error", (err) => {
        stdoutGone = true;
        // The reader left (`| head`): it has what it wanted; the verdict's status stands.
        if (err.code === "EPIPE")
            return;
        if (!stdoutFailed)
            process.stderr.write(`smtp-gate: cannot write to standard output: ${err.message}\n`);
        stdoutFailed = true;
        process.exitCode = exit/* EXIT */.d.output;
    });
    // Nowhere is left to report a failure to write stderr itself.
    let stderrGone = false;
    process.stderr.on("error", () => {
        stderrGone = true;
    });
    const io = {
        stdout: (s) => {
            if (!stdoutGone)
                process.stdout.write(s);
        },
        stderr: (s) => {
            if (!stderrGone)
                process.stderr.write(s);
        },
        env: process.env,
        color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    };
    const argv = process.argv.slice(2);
    const cmd = (0,args/* parseCommand */.RM)(argv);
    const fleet = "kind" in cmd && cmd.kind === "probe" && (cmd.targetsFile !== undefined || cmd.concurrency >= FLEET_CONCURRENCY);
    // process.argv[1]: this command's own file, as node was asked to run it.
    const run = fleet && process.argv[1] ? runBounded(process.argv[1], { argv, color: io.color }, io) : main(argv, io);
    run.then((code) => {
        process.exitCode = stdoutFailed ? exit/* EXIT */.d.output : code;
    }, (err) => {
        io.stderr(internalError(err));
        process.exitCode = exit/* EXIT */.d.internal;
    });
}
/** Only our own bugs reach here: user mistakes, peer failures and unwritable files are values. */
function internalError(err) {
    return `smtp-gate: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n` +
        "This is a bug in smtp-gate; please report it with the command line (secrets left out) and the message above.\n";
}

})();

module.exports = __webpack_exports__;
/******/ })()
;