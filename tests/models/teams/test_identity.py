"""Identity numbers as rosters hold them: 18 characters with their check character, a
lower-case x, the old 15 digits, birth date and sex, and what Excel does to long numbers."""

from __future__ import annotations

from datetime import date

import pytest

from models.teams.identity import (
    BadIdNumber,
    check_character,
    disagreements,
    read_id_number,
    read_sex,
)


def valid(first17: str) -> str:
    return first17 + check_character(first17)


# The published example of GB 11643-1999.
EXAMPLE = "11010519491231002X"
WENLING_MAN = valid("33108119850312001")  # sequence 001: odd, a man
WENLING_WOMAN = valid("33108119921108002")


def test_the_standard_example_reads_with_its_birth_date_and_sex() -> None:
    identity = read_id_number(EXAMPLE)
    assert identity.number == EXAMPLE
    assert identity.birth_date == date(1949, 12, 31)
    assert identity.sex == "F"
    assert not identity.converted_from_15 and not identity.lower_case_x


def test_sex_is_the_parity_of_the_seventeenth_digit() -> None:
    assert read_id_number(WENLING_MAN).sex == "M"
    assert read_id_number(WENLING_WOMAN).sex == "F"


def test_a_lower_case_x_is_read_as_x() -> None:
    identity = read_id_number(EXAMPLE.lower())
    assert identity.number == EXAMPLE and identity.lower_case_x


@pytest.mark.parametrize(
    "typed",
    [
        f" {EXAMPLE} ",
        "110105 19491231 002X",
        "110105-19491231-002X",
        "１１０１０５１９４９１２３１００２Ｘ",
        "11010519491231002ｘ",
    ],
)
def test_spaces_dashes_and_full_width_characters_are_removed(typed: str) -> None:
    assert read_id_number(typed).number == EXAMPLE


def test_a_wrong_check_character_is_refused_naming_the_right_one() -> None:
    wrong = EXAMPLE[:-1] + "5"
    with pytest.raises(BadIdNumber) as refused:
        read_id_number(wrong)
    assert "X" in refused.value.message and wrong in refused.value.message


def test_a_mistyped_digit_is_caught_by_the_check_character() -> None:
    typo = WENLING_MAN[:10] + ("4" if WENLING_MAN[10] != "4" else "5") + WENLING_MAN[11:]
    with pytest.raises(BadIdNumber):
        read_id_number(typo)


def test_fifteen_digits_are_converted_to_eighteen() -> None:
    old = "331081850312001"
    identity = read_id_number(old)
    assert identity.converted_from_15
    assert identity.number == valid("33108119850312001")
    assert identity.birth_date == date(1985, 3, 12) and identity.sex == "M"


def test_fifteen_digits_stored_as_a_number_survive() -> None:
    assert read_id_number(331081850312001.0).number == valid("33108119850312001")
    assert read_id_number(331081850312001).number == valid("33108119850312001")


@pytest.mark.parametrize(
    "shown", ["3.31081E+17", "3.31081198503120E+17", "3,31081E+17".replace(",", ".")]
)
def test_scientific_notation_is_refused_because_digits_were_lost(shown: str) -> None:
    with pytest.raises(BadIdNumber) as refused:
        read_id_number(shown)
    assert "15" in refused.value.message and shown in refused.value.message


def test_an_eighteen_digit_number_stored_as_a_number_is_refused() -> None:
    with pytest.raises(BadIdNumber) as refused:
        read_id_number(float(WENLING_MAN[:17] + "0"))
    assert "15" in refused.value.message


def test_trailing_zeros_of_a_rounded_number_are_explained() -> None:
    rounded = WENLING_MAN[:15] + "000"
    if check_character(rounded[:17]) == "0":  # the rare number that checks anyway
        pytest.skip("the rounded number happens to be valid")
    with pytest.raises(BadIdNumber) as refused:
        read_id_number(rounded)
    assert "15" in refused.value.message


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("", "missing"),
        ("3310811985031200", "16"),
        ("33108119850312001234", "20"),
        ("33108119850312A01X", "characters"),
        (valid("33108119850230001"), "not a date"),
        (valid("33108118500312001"), "not possible"),
        (valid("33108121000312001"), "not possible"),
        (valid("03108119850312001"), "0"),
        ("331081851332001", "not a date"),
    ],
)
def test_numbers_that_cannot_be_are_refused_with_the_reason(typed: str, why: str) -> None:
    with pytest.raises(BadIdNumber) as refused:
        read_id_number(typed, today=date(2026, 12, 7))
    assert why in refused.value.message


def test_the_given_birth_date_and_sex_are_checked_against_the_number() -> None:
    identity = read_id_number(WENLING_MAN)
    assert disagreements(identity, birth_date=date(1985, 3, 12), sex="M") == []
    found = dict(disagreements(identity, birth_date=date(1985, 12, 3), sex="F"))
    assert "1985-12-03" in found["birth_date"] and "1985-03-12" in found["birth_date"]
    assert "sex" in found


def test_sex_words() -> None:
    assert (read_sex("男"), read_sex(" 女 "), read_sex("F"), read_sex("?")) == ("M", "F", "F", None)


def test_booleans_and_nan_are_no_numbers() -> None:
    for value in (True, float("nan"), 1.5, None):
        with pytest.raises(BadIdNumber):
            read_id_number(value)
