from __future__ import annotations

from datetime import date

import pytest

from auditor.pii.kz_ids import check_digit, decode_iin, is_valid_bin, is_valid_iin


@pytest.mark.parametrize(
    ("iin", "born", "sex"),
    [
        ("061211600012", date(2006, 12, 11), "F"),
        ("081215500009", date(2008, 12, 15), "M"),
        ("090322600006", date(2009, 3, 22), "F"),
        ("051111600004", date(2005, 11, 11), "F"),
        ("990101300003", date(1999, 1, 1), "M"),
        ("081215501806", date(2008, 12, 15), "M"),  # first pass gives 10, second pass gives 6
    ],
)
def test_valid_iins_decode(iin, born, sex):
    info = decode_iin(iin)
    assert info is not None and info.birth_date == born and info.sex == sex


@pytest.mark.parametrize(
    "number",
    [
        "081215500008",  # wrong check digit
        "081315500009",  # month 13
        "080230500003",  # 30 February
        "081215000009",  # century digit 0
        "081215700009",  # century digit 7
        "08121550000",  # 11 digits
        "0812155000091",  # 13 digits
        "08121550000a",
    ],
)
def test_invalid_iins(number):
    assert not is_valid_iin(number)


def test_prefix_with_no_valid_check_digit():
    assert check_digit("08121550182") is None  # 10 on both passes: never issued


def test_minor_status_depends_on_the_day():
    info = decode_iin("081215500009")
    assert info.is_minor_on(date(2026, 12, 14)) and not info.is_minor_on(date(2026, 12, 15))


def test_bin_is_not_an_iin():
    prefix = "15034" + "0" + "12345"  # registered March 2015, resident legal entity, head office
    number = prefix + str(check_digit(prefix))
    assert is_valid_bin(number) and not is_valid_iin(number)
    assert not is_valid_bin("081215500009")
