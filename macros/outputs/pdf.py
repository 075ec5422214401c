"""Print each module's handouts (addresses.MODULE_HANDOUTS: the workbook, the facilitator guide and
the manager's coaching guide) to PDF with Chromium (`course pdf`, `make pdf`).

The pages are printed from the built site, served on localhost for the occasion, so what lands on
paper is exactly the site's print stylesheet at work. Playwright drives Debian's Chromium (or any
Chromium given with --chromium); nothing is fetched from elsewhere.

    written = print_pdfs(Path("site"), Path("pdf"), ["customer-service"], chromium="/usr/bin/chromium")
"""

from __future__ import annotations

from pathlib import Path

from macros.curriculum.addresses import MODULE_HANDOUTS, handout_page, page_file, page_url, pdf_name
from macros.outputs.browser import CHROMIUM_ARGS, serve_folder

FOOTER = (
    '<div style="font-size:8pt;width:100%;text-align:center;color:#555">'
    '<span class="title"></span> · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
)


class PdfError(Exception):
    """Something an author can fix: a missing site, page or browser."""


def print_pdfs(site: Path, out: Path, module_ids: list[str], chromium: str, browser=None) -> list[Path]:
    """Write <module>-workbook.pdf, -facilitator.pdf and -manager.pdf into `out` (with a running
    Playwright `browser` when given, else a Chromium started here)."""
    pages = [(module_id, kind, site / page_file(handout_page(module_id, kind))) for module_id in module_ids for kind in MODULE_HANDOUTS]
    missing = [str(path) for _, _, path in pages if not path.is_file()]
    if missing:
        raise PdfError(f"{missing[0]} is not in the built site — run `make site` first")
    out.mkdir(parents=True, exist_ok=True)
    with serve_folder(site) as base:
        if browser is not None:
            return _print(browser, base, pages, out)
        if not Path(chromium).is_file():
            raise PdfError(f"no Chromium at {chromium} — install it (apt-get install chromium) or give --chromium PATH")
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            try:
                browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            except PlaywrightError as error:
                raise PdfError(f"Chromium at {chromium} did not start: {error.message.splitlines()[0]}") from None
            try:
                return _print(browser, base, pages, out)
            finally:
                browser.close()


def _print(browser, base: str, pages: list, out: Path) -> list[Path]:
    page = browser.new_page()
    page.emulate_media(media="print")
    written = []
    for module_id, kind, _ in pages:
        page.goto(base + page_url(handout_page(module_id, kind)), wait_until="load")
        target = out / pdf_name(module_id, kind)
        page.pdf(
            path=str(target),
            format="A4",
            print_background=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER,
            margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
        )
        written.append(target)
    page.close()
    return written
