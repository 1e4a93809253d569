#!/usr/bin/python3
"""aiosmtpd as a test MTA for smtp-gate (started by scripts/mta/aiosmtpd.sh).

Two listeners on 127.0.0.1: a plain port that requires STARTTLS before anything but
EHLO/HELO/NOOP/QUIT, and an implicit-TLS port. AUTH PLAIN/LOGIN for the one test user, offered
only under TLS. Mail for tester@/postmaster@smtp-gate.test goes to Maildirs under the state dir;
other local parts get 550 5.1.1; other domains get 550 5.7.1 unless the client authenticated, and
then they are accepted and discarded: nothing ever leaves the host.

One asyncio loop with loop.create_server(SMTP factory) rather than aiosmtpd's threaded
Controller: the Controller connects to itself to initialise (an extra session in every log) and
would need a second thread per port for nothing.
"""
import argparse
import asyncio
import logging
import mailbox
import os
import signal
import ssl

import aiosmtpd
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

DOMAIN = "smtp-gate.test"
LOCAL_USERS = ("tester", "postmaster")
USER = b"tester@smtp-gate.test"
PASSWORD = b"smtp-gate-test-password"
HOSTNAME = "aiosmtpd.smtp-gate.test"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == USER and auth_data.password == PASSWORD
    return AuthResult(success=ok, handled=False)


class Handler:
    def __init__(self, mail_root):
        self.mail_root = mail_root

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local, _, domain = address.rpartition("@")
        if domain.lower() == DOMAIN:
            if local.lower() not in LOCAL_USERS:
                return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        elif not session.authenticated:
            return f"550 5.7.1 <{address}>: Relay access denied"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        for rcpt in envelope.rcpt_tos:
            local, _, domain = rcpt.rpartition("@")
            if domain.lower() != DOMAIN:
                continue  # an authenticated client's relayed mail: discarded, never sent on
            # Headers a delivering MTA adds; the tests look for Delivered-To and the EHLO name.
            head = (
                f"Return-Path: <{envelope.mail_from}>\r\n"
                f"Delivered-To: {rcpt.lower()}\r\n"
                f"Received: from {session.host_name} ([{session.peer[0]}]) by {HOSTNAME} (aiosmtpd {aiosmtpd.__version__})\r\n"
            ).encode()
            box = mailbox.Maildir(os.path.join(self.mail_root, local.lower()), create=True)
            box.add(head + envelope.original_content)
        return "250 2.0.0 OK: queued"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True, help="state dir ($STATE/aiosmtpd)")
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--plain-port", type=int, required=True)
    p.add_argument("--implicit-port", type=int, required=True)
    a = p.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")

    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(a.cert, a.key)
    handler = Handler(os.path.join(a.dir, "mail", DOMAIN))
    common = dict(hostname=HOSTNAME, authenticator=authenticator, auth_exclude_mechanism=None, ident=f"aiosmtpd {aiosmtpd.__version__}")

    def plain():
        return SMTP(handler, tls_context=tls, require_starttls=True, auth_require_tls=True, **common)

    def implicit():
        # aiosmtpd only knows about TLS it negotiated itself (STARTTLS): on a TLS socket it would
        # refuse AUTH with 538, so the "require TLS for AUTH" check is off here, where TLS is a given.
        return SMTP(handler, auth_require_tls=False, **common)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    servers = [
        loop.run_until_complete(loop.create_server(plain, "127.0.0.1", a.plain_port)),
        loop.run_until_complete(loop.create_server(implicit, "127.0.0.1", a.implicit_port, ssl=tls)),
    ]
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    loop.add_signal_handler(signal.SIGINT, loop.stop)
    logging.info("listening on 127.0.0.1:%d (STARTTLS) and :%d (implicit TLS)", a.plain_port, a.implicit_port)
    try:
        loop.run_forever()
    finally:
        for s in servers:
            s.close()


if __name__ == "__main__":
    main()
