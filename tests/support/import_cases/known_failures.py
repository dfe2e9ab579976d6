"""The import cases the importer does not pass yet, each with why (issue 17).

Both runners run them as strict expected failures: a case that starts passing fails the run
("XPASS(strict)") until its line here goes. Keys are ``corpus/document`` as the test ids show.
"""

KNOWN_FAILURES: dict[str, str] = {}
