"""The import cases the importer does not pass yet, each with why (issue 17).

Both runners run them as strict expected failures: a case that starts passing fails the run
("XPASS(strict)") until its line here goes. Keys are ``corpus/document`` as the test ids show.
"""

KNOWN_FAILURES: dict[str, str] = {
    # ../shared/cases/import-2
    "shared-2/zh-en-bilingual.md": "the English column is an attribute, not a translation",
    # tests/import_cases (issue 17)
    "ours/ar-en-bilingual.md": "the English column is taken as the message",
    "ours/ko-english-first.md": "the English column (first) is taken as the message",
}
