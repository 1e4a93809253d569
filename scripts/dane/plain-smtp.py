#!/usr/bin/python3
"""A small SMTP server without STARTTLS (Debian's python3-aiosmtpd) for the DANE suite: an MX
whose TLSA records oblige senders to use TLS it cannot offer (RFC 7672 §2.2). Accepts no mail.

    plain-smtp.py ADDR PORT
"""
import asyncio
import sys

from aiosmtpd.smtp import SMTP


class RefuseAll:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 5.7.1 this test server accepts no mail"


def main() -> None:
    addr, port = sys.argv[1:]
    loop = asyncio.new_event_loop()
    # No tls_context: EHLO does not offer STARTTLS.
    factory = lambda: SMTP(RefuseAll(), hostname="plain.dane.test")
    server = loop.run_until_complete(loop.create_server(factory, host=addr, port=int(port)))
    print(f"listening on {addr}:{port}", flush=True)
    try:
        loop.run_forever()
    finally:
        server.close()


if __name__ == "__main__":
    main()
