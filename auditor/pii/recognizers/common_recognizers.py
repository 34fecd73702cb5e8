"""Presidio's own recognizers that hold for data from Kazakhstan, registered for every language.

Presidio's US/UK/other national ids are deliberately left out: on Kazakh data they only produce
false US_DRIVER_LICENSE and US_BANK_NUMBER hits on twelve-digit numbers.
"""

from __future__ import annotations

from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    IpRecognizer,
)

from auditor.pii.recognizers import register

for _name, _cls in {
    "email": EmailRecognizer,
    "ip_address": IpRecognizer,
    "credit_card": CreditCardRecognizer,
    "iban": IbanRecognizer,
}.items():
    register(_name)(lambda language, _cls=_cls: _cls(supported_language=language, context=[]))
