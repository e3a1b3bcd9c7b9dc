"""Dates: resolve a date expression of a sentence ("on January 10", "Tuesday", "next month") against the
article's publication date. Results are ISO strings at the precision known: 2022-01-10, 2022-01, 2022."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_DAY = re.compile(rf"\b({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I)
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\b", re.I)
MONTH_YEAR = re.compile(rf"\b({MONTH_RE})\.?\s+(\d{{4}})\b", re.I)
WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# "five years", "a ten-year", "36 hours": a length of time, which dateparser would read as that long ago
DURATION = re.compile(r"^(?:(?:the|a|an|almost|nearly|about|some|over|more than|past|several|few|many)\s+)*"
                      r"(?:[\w.]+[\s-]+)?(?:year|month|week|day|decade|hour|minute|centur(?:y|ie))s?"
                      r"(?:[\s-]+(?:long|old))?$", re.I)
RELATIVE = re.compile(r"\b(yesterday|today|tomorrow|tonight|(last|next|this|earlier this|later this)\s+(week|month|year))\b", re.I)


def resolve_date(expression: str, base: dt.date | None) -> str | None:
    """ISO date for `expression`, read as a news writer means it on publication date `base`.

    Written here rather than left to dateparser because news needs the nearest reading: "January 10" in an
    article of 28 December is the coming 10 January, "Tuesday" is the most recent Tuesday (or the
    publication day itself), and "next month" is a month, not a day. dateparser picks a fixed direction
    and a day precision; it remains the fallback for everything else.
    """
    text = expression.strip()
    if m := MONTH_DAY.search(text):
        return _day(int(m.group(3)) if m.group(3) else None, MONTHS[m.group(1).lower()], int(m.group(2)), base)
    if m := DAY_MONTH.search(text):
        return _day(int(m.group(3)) if m.group(3) else None, MONTHS[m.group(2).lower()], int(m.group(1)), base)
    if m := MONTH_YEAR.search(text):
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1).lower()]:02d}"
    if m := RELATIVE.search(text):
        return _relative(m.group(0).lower(), base) if base else None
    if m := WEEKDAY.search(text):
        if base is None:
            return None
        back = (base.weekday() - WEEKDAYS[m.group(1).lower()]) % 7
        return (base - dt.timedelta(days=back)).isoformat()
    if m := YEAR.search(text):
        return m.group(1)
    if DURATION.match(text):
        return None
    return _dateparser(text, base)


def _day(year: int | None, month: int, day: int, base: dt.date | None) -> str | None:
    if year is None:
        if base is None:
            return None
        # The year that puts the day nearest to publication: a December article's "January 10" is next year.
        options = []
        for y in (base.year - 1, base.year, base.year + 1):
            try:
                options.append(dt.date(y, month, day))
            except ValueError:
                continue
        if not options:
            return None
        return min(options, key=lambda d: abs((d - base).days)).isoformat()
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _relative(phrase: str, base: dt.date) -> str:
    if phrase in {"today", "tonight"}:
        return base.isoformat()
    if phrase == "yesterday":
        return (base - dt.timedelta(days=1)).isoformat()
    if phrase == "tomorrow":
        return (base + dt.timedelta(days=1)).isoformat()
    *which, unit = phrase.split()
    step = {"last": -1, "next": 1}.get(which[0], 0)
    if unit == "year":
        return f"{base.year + step:04d}"
    if unit == "month":
        month = base.month - 1 + step
        return f"{base.year + month // 12:04d}-{month % 12 + 1:02d}"
    # weeks have no ISO form that SPARQL users can compare: give the Monday of that week
    monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=step)
    return monday.isoformat()


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: dt.date | None) -> str | None:
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["year"]}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    try:
        found = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return found.date().isoformat() if found else None
