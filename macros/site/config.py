"""The course plugin's options, as typed MkDocs config (the way Material's plugins declare theirs).

    plugins:
      - course:
          modules_dir: modules      # where the curriculum lives, relative to mkdocs.yml
          nav_section: Curriculum   # the nav section that receives one section per module
          review_age: 365           # days after `reviewed` when `course check` asks for a review
          pdf_dir: pdf              # where `make pdf` puts workbooks and guides (linked when there)
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


class WorkshopDay(Config):
    start = c.Type(str, default="09:30")
    end = c.Type(str, default="16:30")
    break_after = c.Type(int, default=90)
    break_minutes = c.Type(int, default=15)
    lunch_after = c.Type(str, default="12:00")
    lunch_minutes = c.Type(int, default=45)


class CourseConfig(Config):
    modules_dir = c.Type(str, default="modules")
    blog_dir = c.Type(str, default="blog")
    nav_section = c.Type(str, default="Curriculum")
    review_age = c.Type(int, default=365)
    pdf_dir = c.Type(str, default="pdf")
    workshop = c.SubConfig(WorkshopDay)
