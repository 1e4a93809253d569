// Only the test users exist in the test domain: any other local part is refused as unknown
// (550 5.1.1) before rcpt_to.in_host_list accepts the domain as a whole. Other domains are left
// to in_host_list and Haraka's default refusal ("550 I cannot deliver mail for <…>").
const DSN = require('haraka-dsn')

exports.register = function () {
    const cfg = this.config.get('smtp_gate.ini')
    this.domain = cfg.main.domain.toLowerCase()
    this.users = cfg.main.users.toLowerCase().split(',')
}

exports.hook_rcpt = function (next, connection, params) {
    const rcpt = params[0]
    if (!rcpt.host || rcpt.host.toLowerCase() !== this.domain) return next()
    if (this.users.includes(rcpt.user.toLowerCase())) return next()
    next(DENY, DSN.no_such_user(`<${rcpt.user}@${rcpt.host}>: No such user`))
}
