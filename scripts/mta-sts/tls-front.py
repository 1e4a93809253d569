#!/usr/bin/python3
"""A small SMTP server with STARTTLS (Debian's python3-aiosmtpd) for the MTA-STS and TLS audit
suite: a certificate configuration a shared MTA must not be given (TLS 1.0 accepted, no
intermediate sent, an RSA and an ECDSA certificate at once). It accepts no mail.

    tls-front.py ADDR PORT MIN_TLS CERT:KEY [CERT:KEY ...]

MIN_TLS is 1.0 or 1.2. With 1.0 the security level drops to 0: OpenSSL 3 refuses TLS 1.0's
SHA-1 signatures at its default level 2.
"""
import asyncio
import ssl
import sys

from aiosmtpd.smtp import SMTP


class RefuseAll:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 5.7.1 this test front accepts no mail"


def main() -> None:
    addr, port, min_tls, *pairs = sys.argv[1:]
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    if min_tls == "1.0":
        ctx.minimum_version = ssl.TLSVersion.TLSv1
        ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
    else:
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    for pair in pairs:
        cert, key = pair.split(":")
        ctx.load_cert_chain(cert, key)  # one RSA and one ECDSA pair may both be loaded
    loop = asyncio.new_event_loop()
    factory = lambda: SMTP(RefuseAll(), hostname="front.sts.test", tls_context=ctx, require_starttls=False)
    server = loop.run_until_complete(loop.create_server(factory, host=addr, port=int(port)))
    print(f"listening on {addr}:{port}", flush=True)
    try:
        loop.run_forever()
    finally:
        server.close()


if __name__ == "__main__":
    main()
