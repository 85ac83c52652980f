"""Identity-card numbers (公民身份号码, GB 11643-1999): check digit, birth date, masking."""

from __future__ import annotations

from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def normalise_id(text: str) -> str:
    """Spaces dropped, a lower-case x raised: '43010 2198001011234x' -> '430102198001011234X'."""
    return "".join(str(text or "").split()).upper()


def check_digit(first17: str) -> str:
    """The check character of the first 17 digits (ISO 7064 MOD 11-2)."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS))
    return _CHECK[total % 11]


def id_problem(number: str) -> tuple[str, str] | None:
    """Why ``number`` is no valid 18-digit ID number (Chinese, English), or None."""
    number = normalise_id(number)
    if len(number) != 18 or not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        return ("身份证号应为 18 位（最后一位可为 X）", "the ID number must have 18 characters (the last may be X)")
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return (f"身份证号中的出生日期 {number[6:14]} 无效", f"the birth date {number[6:14]} in the ID number is invalid")
    expected = check_digit(number[:17])
    if number[17] != expected:
        return (f"身份证号校验位错误（应为 {expected}）", f"the ID number's check digit is wrong (expected {expected})")
    return None


def gender_of_id(number: str) -> str:
    """'male' or 'female' from the 17th digit of a valid number, else ''."""
    number = normalise_id(number)
    if len(number) == 18 and number[16].isdigit():
        return "male" if int(number[16]) % 2 else "female"
    return ""


def mask_id(number: str) -> str:
    """'430102198001011234' -> '430***********1234': never the whole number in print."""
    number = normalise_id(number)
    if not number:
        return ""
    if len(number) <= 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]
