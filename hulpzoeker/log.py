"""Log formatting for noise that must stay visible but short."""

import logging


class OneLineFormatter(logging.Formatter):
    """One line per record: no traceback, line breaks escaped.

    A bad Host header is a scanner, not a bug; its traceback would only bury real errors. The message
    quotes the header the client sent, so line breaks are escaped to keep one record on one line.
    """

    def format(self, record: logging.LogRecord) -> str:
        record = logging.makeLogRecord(record.__dict__)
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return super().format(record).replace("\r", "\\r").replace("\n", "\\n")
