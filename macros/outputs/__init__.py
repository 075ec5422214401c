"""What is made from a built site: PDFs printed by Chromium (pdf.py, browser.py) and SCORM 1.2
packages for an LMS (scorm/)."""
