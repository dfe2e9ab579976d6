"""The import cases the importer does not pass yet, each with why (issue 17).

Both runners run them as strict expected failures: a case that starts passing fails the run
("XPASS(strict)") until its line here goes. Keys are ``corpus/document`` as the test ids show.
"""

KNOWN_FAILURES: dict[str, str] = {
    # ../shared/cases/import-2
    "shared-2/tr-colon-lines.md": "`CODE: message` lines without a table: no code table found",
    "shared-2/uk-section-rows.html": "colspan section rows: no column holds codes, exit 2",
    "shared-2/en-linked-codes.md": "link codes are no codes: SQLSTATE taken as the code column",
    "shared-2/pl-backtick-snake-codes.md": "snake_case codes in code spans: no column holds codes",
    "shared-2/en-no-title.md": "a set without a title: generate refuses the catalog",
    "shared-2/ja-frontmatter-anchors.md": "heading ids {#...} stay in the set titles",
    "shared-2/en-lists-in-cells.md": "</br> and list items in a cell glue the words",
    "shared-2/zh-en-bilingual.md": "the English column is an attribute, not a translation",
    "shared-2/en-digit-schema.html": "the digit-scheme table becomes a second code set",
    "shared-2/en-retry-policy-table.md": "the retry table is a second set, not attributes",
    "shared-2/en-short-row.md": "the short row (no closing pipe) is dropped",
    # tests/import_cases (issue 17)
    "ours/en-mdx-component-anchor.mdx": "the component line hides `## Errors`: set titled Push API",
    "ours/de-hugo-shortcodes.md": "{#versand} stays in the title, shortcodes become text",
    "ours/es-liquid-front-matter-title.md": "front matter read as a setext heading: title and text",
    "ours/it-pipe-no-delimiter.md": "a pipe table without delimiter row is no table, exit 2",
    "ours/pt-two-tables-adjacent.md": "the second adjacent table's codes are lost",
    "ours/ja-colspan-section-footnote.html": "section rows become codes, footnote makes ○/× text",
    "ours/en-space-aligned.txt": "a space-aligned text table is no table, exit 2",
    "ours/zh-short-rows.md": "short rows (with closing pipe) are dropped",
    "ours/en-bold-codes-br.md": "bold codes and code<br> are no codes, exit 2",
    "ours/ko-code-with-paren-label.md": "the (label) becomes the message, the message is lost",
    "ours/fr-code-with-label.md": "the label becomes the message, the message is lost",
    "ours/de-dash-lines.md": "`CODE - message` lines without a table: exit 2",
    "ours/he-list-colon-lines.md": "`CODE: message` list items without a table: exit 2",
    "ours/ja-second-table-http-status.md": "the HTTP status table is a second set, not attributes",
    "ours/es-language-tags-table.md": "the language-tag table becomes a code set",
    "ours/fr-statut-labels.md": "the Statut column of labels does not name the codes",
    "ours/pt-html-p-li-links.html": "<p> and <li> glue the words; the link target is dropped",
    "ours/ar-en-bilingual.md": "the English column is taken as the message",
    "ours/ko-english-first.md": "the English column (first) is taken as the message",
    "ours/it-flag-marks.md": "X/✓/● or empty columns are groups, not flags",
    "ours/en-weak-code-column.md": "a mostly empty code column still makes a set (S-30)",
    "ours/de-strassen-title.md": "ß is dropped from the class name (Straensuche)",
    "ours/no-navn-kolonne.md": "Navn does not name the codes; ø dropped from the class name",
    "ours/en-long-messages.md": "a derived name ends in FOR (REPORT_NAME_IS_TOO_LONG_FOR)",
}
