"""An aiosmtpd handler for tests: a real SMTP server that defers and refuses on request.

    /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c flaky_smtp.FlakyMailbox MAILDIR DEFER_FIRST REJECT

DEFER_FIRST  how many messages to answer "451" at end of DATA before accepting any (e.g. 1)
REJECT       comma-separated recipient addresses answered "550" at RCPT, or "-" for none
Accepted messages land in MAILDIR/new like aiosmtpd.handlers.Mailbox. Start it with PYTHONPATH set to this folder.

    /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c flaky_smtp.SlowMailbox MAILDIR DELAY_MS HOLD_AT HOLD_MS

SlowMailbox waits DELAY_MS at the end of DATA before accepting each message, and HOLD_MS for message number HOLD_AT,
writing the file "holding" next to MAILDIR while it waits (so a test knows the client is mid-message). A client that
goes away before the reply gets nothing stored: aiosmtpd cancels the handler when the connection is lost, and the
handler then writes the file "released" (so a test knows the held message is gone for good).
"""
import asyncio
import os

from aiosmtpd.handlers import Mailbox


class FlakyMailbox(Mailbox):
    def __init__(self, mail_dir, defer_first="0", reject="-"):
        super().__init__(mail_dir)
        self.defer_left = int(defer_first)
        self.reject = {a.strip().lower() for a in reject.split(",") if a.strip() and a.strip() != "-"}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown in local recipient table" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.defer_left > 0:
            self.defer_left -= 1
            return "451 4.3.0 Temporary local problem, please try again later"
        return await super().handle_DATA(server, session, envelope)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) < 1:
            parser.error("The directory for the maildir is required")
        return cls(*args)


class SlowMailbox(Mailbox):
    def __init__(self, mail_dir, delay_ms="0", hold_at="0", hold_ms="0"):
        super().__init__(mail_dir)
        self.delay = int(delay_ms) / 1000
        self.hold_at = int(hold_at)
        self.hold = int(hold_ms) / 1000
        self.marker = os.path.join(os.path.dirname(os.path.abspath(mail_dir)), "holding")
        self.released = os.path.join(os.path.dirname(os.path.abspath(mail_dir)), "released")
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        if self.count == self.hold_at:
            with open(self.marker, "w") as f:
                f.write(",".join(envelope.rcpt_tos))
            try:
                await asyncio.sleep(self.hold)
            except asyncio.CancelledError:
                open(self.released, "w").close()
                raise
        elif self.delay > 0:
            await asyncio.sleep(self.delay)
        if server.transport is None or server.transport.is_closing():
            if self.count == self.hold_at:
                open(self.released, "w").close()
            return "421 4.4.2 The client went away before the message was accepted"
        return await super().handle_DATA(server, session, envelope)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) < 1:
            parser.error("The directory for the maildir is required")
        return cls(*args)
