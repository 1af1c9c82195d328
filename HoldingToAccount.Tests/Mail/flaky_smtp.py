"""An aiosmtpd handler for tests: a real SMTP server that defers and refuses on request.

    /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c flaky_smtp.FlakyMailbox MAILDIR DEFER_FIRST REJECT

DEFER_FIRST  how many messages to answer "451" at end of DATA before accepting any (e.g. 1)
REJECT       comma-separated recipient addresses answered "550" at RCPT, or "-" for none
Accepted messages land in MAILDIR/new like aiosmtpd.handlers.Mailbox. Start it with PYTHONPATH set to this folder.
"""
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
