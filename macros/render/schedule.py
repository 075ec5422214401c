"""Clock times for a workshop, computed from lesson durations: nobody adds up minutes by hand.

    rules = DayRules(start="09:30", end="16:30")
    for slot in plan([(module, page) for page in module.pages], rules):
        print(slot.day, slot.start_text, slot.end_text, slot.title)

The rules, in the order they apply at each boundary between two sessions:

* lunch is taken at the first boundary at or after `lunch_after` (none on a day that starts later);
* otherwise a short break comes before a session that would take the time since the last break
  past `break_after` minutes;
* a new day starts when the next session would end after `end`, or after a lesson the module
  names in `workshop.new_day_after`; each day starts at `start` (the module's own, or the site's).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from macros.curriculum.model import Capstone, Lesson, Module


def clock(text: str) -> int:
    """'09:30' -> minutes since midnight."""
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def clock_text(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class DayRules:
    start: str = "09:30"
    end: str = "16:30"
    break_after: int = 90  # minutes of sessions before a short break
    break_minutes: int = 15
    lunch_after: str = "12:00"
    lunch_minutes: int = 45


@dataclass(frozen=True)
class Slot:
    day: int  # 1-based
    start: int  # minutes since midnight
    minutes: int
    kind: str  # "session", "break" or "lunch"
    module: Module | None = None
    page: Lesson | Capstone | None = None

    @property
    def end(self) -> int:
        return self.start + self.minutes

    @property
    def start_text(self) -> str:
        return clock_text(self.start)

    @property
    def end_text(self) -> str:
        return clock_text(self.end)

    @property
    def title(self) -> str:
        if self.page is not None:
            return self.page.title
        return "Lunch" if self.kind == "lunch" else "Break"


def plan(sessions: Iterable[tuple[Module, Lesson | Capstone]], rules: DayRules = DayRules()) -> list[Slot]:
    """Every session and break, with its day and clock time."""
    slots: list[Slot] = []
    day, now, since_break, had_lunch, new_day = 1, 0, 0, False, False
    for module, page in sessions:
        start = clock(module.workshop.start or rules.start)
        if not slots or new_day or now + page.duration > clock(rules.end):
            day, now, since_break = (day + 1 if slots else 1), start, 0
            had_lunch = start >= clock(rules.lunch_after)  # a day that starts after lunch has none
        elif not had_lunch and now >= clock(rules.lunch_after):
            slots.append(Slot(day, now, rules.lunch_minutes, "lunch"))
            now, since_break, had_lunch = now + rules.lunch_minutes, 0, True
        elif since_break + page.duration > rules.break_after:
            slots.append(Slot(day, now, rules.break_minutes, "break"))
            now, since_break = now + rules.break_minutes, 0
        slots.append(Slot(day, now, page.duration, "session", module, page))
        now += page.duration
        since_break += page.duration
        new_day = page.slug in module.workshop.new_day_after
    return slots


def days(slots: list[Slot]) -> list[list[Slot]]:
    """The slots grouped by day."""
    grouped: dict[int, list[Slot]] = {}
    for slot in slots:
        grouped.setdefault(slot.day, []).append(slot)
    return list(grouped.values())
