"""The course plugin's options, as typed MkDocs config (the way Material's plugins declare theirs).

plugins:
  - course:
      modules_dir: modules      # where the curriculum lives, relative to mkdocs.yml
      nav_section: Curriculum   # the nav section that receives one section per module
      review_age: 365           # days after `reviewed` when `course check` asks for a review
      pdf_dir: pdf              # where `make pdf` puts workbooks and guides (linked when there)
      rules:                    # content rules (curriculum/project.py Rules; none by default)
        lesson_words: 700       # fewest words in a lesson's text; capstone_words, article_words too
        required:               # fields each page of a kind must fill in
          lesson: [materials]
        severity: error         # error: the build stops; warning (the default): course check mentions it
      workshop:                 # the working day the facilitator guides and /schedule/ assume
        start: "09:30"
        end: "16:30"
        break_after: 90         # minutes of sessions before a short break
        break_minutes: 15
        lunch_after: "12:00"    # lunch at the first break from this time
        lunch_minutes: 45
"""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from macros.curriculum.project import BLOG_DIR, MODULES_DIR, NAV_SECTION, PDF_DIR, REVIEW_AGE
from macros.render.schedule import DayRules

DAY = DayRules()  # the working day's defaults are written once, in render/schedule.py


class WorkshopDay(Config):
    start = c.Type(str, default=DAY.start)
    end = c.Type(str, default=DAY.end)
    break_after = c.Type(int, default=DAY.break_after)
    break_minutes = c.Type(int, default=DAY.break_minutes)
    lunch_after = c.Type(str, default=DAY.lunch_after)
    lunch_minutes = c.Type(int, default=DAY.lunch_minutes)


class CourseConfig(Config):
    modules_dir = c.Type(str, default=MODULES_DIR)
    blog_dir = c.Type(str, default=BLOG_DIR)  # used when the blog plugin is not enabled
    nav_section = c.Type(str, default=NAV_SECTION)
    review_age = c.Type(int, default=REVIEW_AGE)
    pdf_dir = c.Type(str, default=PDF_DIR)
    workshop = c.SubConfig(WorkshopDay)
    # Read by curriculum/project.py's read_rules, as `course check` reads it, so both say the same
    # about a wrong setting and the defaults are written once (Rules).
    rules = c.Type(dict, default={})
