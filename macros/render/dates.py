"""Dates in the site's language (mkdocs.yml's theme.language), through Babel.

long_date(date(2026, 12, 4), "en")             -> "December 4, 2026"  (the locale's long form)
long_date(date(2026, 12, 4), "fr")             -> "4 décembre 2026"
day_month_year(date(2026, 12, 4), "de")        -> "4 Dezember 2026"
"""

from __future__ import annotations

from datetime import date

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

DEFAULT_LANGUAGE = "en"


def locale_of(language: str | None) -> Locale:
    """Babel's locale for a theme language such as 'en', 'fr' or 'pt-BR' (English when unknown)."""
    try:
        return Locale.parse((language or DEFAULT_LANGUAGE).replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(DEFAULT_LANGUAGE)


def long_date(day: date, language: str | None = DEFAULT_LANGUAGE) -> str:
    """The locale's own long form: how the theme's "last update" line writes a date."""
    return format_date(day, "long", locale=locale_of(language))


def day_month_year(day: date, language: str | None = DEFAULT_LANGUAGE) -> str:
    """Day, month name and year, in that order: how article lists write a date."""
    return format_date(day, "d MMMM y", locale=locale_of(language))
