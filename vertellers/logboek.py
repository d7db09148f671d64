"""Keep personal codes out of the server's log lines.

The receipt's link carries the code in its path (/mijn-verhaal/<code>/).
That page answers GET with 200, so Django logs nothing about it; but a 4xx
on that path (a POST: 405) or runserver's request log would write the path.
This filter, on the log handlers in settings.LOGGING, replaces the code.
"""

import logging
import re

CODE_IN_PAD = re.compile(r"/mijn-verhaal/[0-9A-Za-z-]{20,40}/")
VERVANGING = "/mijn-verhaal/[code]/"


class VerbergCodes(logging.Filter):
    def filter(self, record):
        bericht = record.getMessage()
        if CODE_IN_PAD.search(bericht):
            record.msg = CODE_IN_PAD.sub(VERVANGING, bericht)
            record.args = ()
        return True
