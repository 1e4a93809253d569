// Local delivery for the test MTA: each accepted message goes into the Maildir of each recipient
// in the test domain; anything else (an authenticated client's relayed mail) is dropped. It
// answers both queue hooks with OK, so Haraka's outbound delivery, which would really send mail
// out for an authenticated (relaying) client, never runs.
const fs = require('node:fs')
const path = require('node:path')

let seq = 0
// user@host, or '' for the null sender (<>).
const text = (a) => (a?.user ? `${a.user}@${a.host}` : '')

exports.register = function () {
    const cfg = this.config.get('smtp_gate.ini')
    this.domain = cfg.main.domain.toLowerCase()
    this.mail_root = cfg.main.mail_root
    this.register_hook('queue', 'deliver')
    this.register_hook('queue_outbound', 'deliver')
}

exports.deliver = function (next, connection) {
    const txn = connection.transaction
    const local = txn.rcpt_to.filter((r) => r.host && r.host.toLowerCase() === this.domain)
    if (local.length === 0) return next(OK, 'Message accepted and discarded')
    txn.message_stream.get_data((body) => {
        try {
            for (const r of local) {
                const head = `Return-Path: <${text(txn.mail_from)}>\r\nDelivered-To: ${text(r).toLowerCase()}\r\n`
                const box = path.join(this.mail_root, r.user.toLowerCase())
                for (const sub of ['tmp', 'new', 'cur']) fs.mkdirSync(path.join(box, sub), { recursive: true })
                const name = `${Math.floor(Date.now() / 1000)}.P${process.pid}Q${++seq}.haraka`
                fs.writeFileSync(path.join(box, 'tmp', name), Buffer.concat([Buffer.from(head), body]))
                fs.renameSync(path.join(box, 'tmp', name), path.join(box, 'new', name))
            }
        } catch (err) {
            connection.logerror(this, `maildir delivery failed: ${err.message}`)
            return next(DENYSOFT, 'Local delivery failed')
        }
        next(OK)
    })
}
