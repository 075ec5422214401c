"""Workshop clocks add up: sessions, breaks, lunch and days from the lessons' durations and a
module's workshop settings."""

from __future__ import annotations

from datetime import date

from macros.curriculum.model import Lesson, Module, Workshop
from macros.render.schedule import DayRules, days, plan


def lesson(slug: str, minutes: int) -> Lesson:
    return Lesson(slug=slug, module_id="m", title=slug.title(), duration=minutes, objectives=(), key_takeaways=(), tags=())


def module(*lessons: Lesson, workshop: Workshop | None = None) -> Module:
    return Module(
        id="m",
        title="M",
        summary="",
        audience=(),
        level="introductory",
        order=1,
        objectives=(),
        prerequisites=(),
        tags=(),
        authors=(),
        version="1",
        reviewed=date(2026, 1, 1),
        lessons=lessons,
        workshop=workshop or Workshop(),
    )


def timeline(slots) -> list[str]:
    return [f"{s.day} {s.start_text}-{s.end_text} {s.title}" for s in slots]


def test_sessions_follow_each_other_with_a_break_before_going_past_ninety_minutes():
    m = module(lesson("a", 30), lesson("b", 30), lesson("c", 30), lesson("d", 30))
    assert timeline(plan((m, page) for page in m.pages)) == [
        "1 09:30-10:00 A",
        "1 10:00-10:30 B",
        "1 10:30-11:00 C",
        "1 11:00-11:15 Break",
        "1 11:15-11:45 D",
    ]


def test_lunch_comes_at_the_first_boundary_after_lunch_time_and_a_day_ends_before_running_late():
    m = module(*(lesson(f"l{i}", 60) for i in range(8)))
    rules = DayRules(start="09:00", end="16:00", break_after=120, break_minutes=10, lunch_after="12:00", lunch_minutes=60)
    slots = plan(((m, page) for page in m.pages), rules)
    assert timeline(slots) == [
        "1 09:00-10:00 L0",
        "1 10:00-11:00 L1",
        "1 11:00-11:10 Break",
        "1 11:10-12:10 L2",
        "1 12:10-13:10 Lunch",
        "1 13:10-14:10 L3",
        "1 14:10-15:10 L4",
        "2 09:00-10:00 L5",  # 15:10 + a break + 60 min would end after 16:00
        "2 10:00-11:00 L6",
        "2 11:00-11:10 Break",
        "2 11:10-12:10 L7",
    ]
    assert [len(day) for day in days(slots)] == [7, 4]


def test_a_module_can_restart_the_clock_for_a_second_day_at_its_own_start_time():
    m = module(lesson("a", 40), lesson("b", 40), lesson("c", 40), workshop=Workshop(start="13:00", new_day_after=("a",)))
    assert timeline(plan((m, page) for page in m.pages)) == ["1 13:00-13:40 A", "2 13:00-13:40 B", "2 13:40-14:20 C"]
