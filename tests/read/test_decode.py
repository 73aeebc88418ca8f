"""Encoding detection: the strongest evidence first, and cp1252 winning ties among Latin code pages."""
from __future__ import annotations

import pytest

from storyline.read.decode import DecodeError, decode_bytes

ENGLISH = "He called it \u201ca massacre\u201d \u2014 the caf\u00e9\u2019s owner agreed, na\u00efvely, on Monday."
POLISH = "Prezydent powiedzia\u0142, \u017ce wojna domowa w Syrii sta\u0142a si\u0119 masakr\u0105. \u017b\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144."
# No letter here maps to a cp1252 symbol: only the accented-letter share tells it is not Western text.
RUSSIAN_PLAIN = "Президент Владимир Путин сказал, где находится Москва, и министр согласился."
POUNDS = "It\u2019s a \u00a334m deal, the club\u2019s \u201cbest\u201d ever, and Everton\u2019s fans agree."
GREEK = "Ο πρόεδρος δήλωσε ότι ο εμφύλιος πόλεμος στη Συρία έχει γίνει σφαγή που πρέπει να σταματήσει."


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (ENGLISH, "cp1252", "cp1252"),
        (ENGLISH, "utf-8", "utf-8"),
        (ENGLISH, "utf-16-be", "utf-16-be"),
        (POLISH, "cp1250", "cp1250"),
        (RUSSIAN_PLAIN, "cp1251", "cp1251"),
        (POUNDS, "cp1252", "cp1252"),
        (GREEK, "cp1253", "cp1253"),
    ],
)
def test_decodes_to_the_original(text: str, codec: str, expected: str) -> None:
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding == expected


def test_latin1_label_read_as_cp1252_in_html() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body>\u201cquoted\u201d</body></html>'
    decoded = decode_bytes(page.encode("cp1252"), is_html=True)
    assert "\u201cquoted\u201d" in decoded.text and decoded.encoding == "cp1252"


def test_declared_charset_from_container_wins_over_guess() -> None:
    decoded = decode_bytes(GREEK.encode("iso8859_7"), declared="ISO-8859-7")
    assert decoded.text == GREEK and decoded.encoding == "iso8859-7"


@pytest.mark.parametrize(("data", "reason"), [(b"", "empty"), (b"  \n\t ", "empty"), (b"\x00\x01\x02\x03" * 40, "binary")])
def test_not_text(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)
