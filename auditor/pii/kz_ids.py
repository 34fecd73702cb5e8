"""Kazakhstan's 12-digit identifiers: IIN (individuals) and BIN (legal entities). Pure functions.

IIN (Government Decree No. 565 of 11 June 2003): digits 1-6 birth date YYMMDD, digit 7 century
and sex (1/2 1800s, 3/4 1900s, 5/6 2000s; odd male, even female), 8-11 serial, 12 check digit.
Check digit: sum(d_i * w_i) mod 11 with w = 1..11; if that is 10, w = 3..11,1,2; if still 10
the number is never issued. BIN uses the same check digit; digits 1-4 are the registration
YYMM, digit 5 the entity kind (4 resident, 5 non-resident, 6 individual entrepreneur in a joint
venture), digit 6 the unit (0 head office, 1 branch, 2 representative office, 3 peasant farm).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

FIRST_WEIGHTS = tuple(range(1, 12))
SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
CENTURY = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}


@dataclass(frozen=True)
class IinInfo:
    birth_date: date
    sex: str  # "M" or "F"

    def age_on(self, day: date) -> int:
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def is_minor_on(self, day: date) -> bool:
        return self.age_on(day) < 18


def check_digit(first_eleven: str) -> int | None:
    """The 12th digit for 11 digits, or None when no valid number has this prefix."""
    digits = [int(c) for c in first_eleven]
    for weights in (FIRST_WEIGHTS, SECOND_WEIGHTS):
        value = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if value != 10:
            return value
    return None


def _checksum_ok(number: str) -> bool:
    return len(number) == 12 and number.isdigit() and check_digit(number[:11]) == int(number[11])


def decode_iin(number: str) -> IinInfo | None:
    """Birth date and sex of a valid IIN, or None when the date, century digit or checksum is wrong."""
    if not _checksum_ok(number):
        return None
    century_digit = int(number[6])
    if century_digit not in CENTURY:
        return None
    try:
        born = date(CENTURY[century_digit] + int(number[:2]), int(number[2:4]), int(number[4:6]))
    except ValueError:
        return None
    return IinInfo(birth_date=born, sex="M" if century_digit % 2 else "F")


def is_valid_iin(number: str) -> bool:
    return decode_iin(number) is not None


def is_valid_bin(number: str) -> bool:
    """A BIN: valid registration month, entity kind 4-6, unit 0-3 and checksum."""
    return _checksum_ok(number) and 1 <= int(number[2:4]) <= 12 and number[4] in "456" and number[5] in "0123"
