"""Dates follow the site's language (theme.language) through Babel; English reads as it always did."""

from __future__ import annotations

from datetime import date

from macros.render.dates import day_month_year, long_date

DAY = date(2026, 12, 4)


def test_english_dates_read_as_before():
    assert long_date(DAY, "en") == "December 4, 2026"
    assert day_month_year(DAY, "en") == "4 December 2026"


def test_other_languages_get_their_own_month_names_and_order():
    assert long_date(DAY, "fr") == "4 décembre 2026"
    assert day_month_year(DAY, "de") == "4 Dezember 2026"
    assert "dezembro" in long_date(DAY, "pt-BR")


def test_an_unknown_language_falls_back_to_english():
    assert long_date(DAY, "xx-nowhere") == "December 4, 2026"
    assert long_date(DAY, None) == "December 4, 2026"
