// auth/flat_file (AUTH PLAIN LOGIN for the users in auth_flat_file.ini), offered only after
// STARTTLS or on the implicit-TLS port. flat_file itself offers AUTH in clear text to "private"
// clients, and 127.0.0.1 is one: the test MTA must behave like a public submission server.
exports.register = function () {
    this.inherits('auth/flat_file')
}

exports.hook_capabilities = function (next, connection) {
    if (!connection.tls.enabled) return next()
    return this.base['auth/flat_file'].hook_capabilities.call(this, next, connection)
}
