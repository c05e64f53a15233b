"""The one place that says in which order the site's features run, and why.

At every MkDocs event the plugin calls the features that handle it in this order. Most of the
order is forced by what one feature leaves for the next; each entry says what it needs before it
and what it leaves after it.
"""
from __future__ import annotations

from kb.build.features.bank import BankLinks
from kb.build.features.base import Feature
from kb.build.features.csp import ContentSecurityPolicy
from kb.build.features.glossary import GlossaryPage
from kb.build.features.math import Math
from kb.build.features.notebook_links import NotebookLinks
from kb.build.features.notebooks import Notebooks
from kb.build.features.practice import Practice
from kb.build.features.related import RelatedQuestions
from kb.build.features.reviews import ReviewNotes
from kb.build.features.safety import PublishedHtml
from kb.build.features.search import SearchIndex
from kb.build.features.term_links import TermLinks
from kb.build.features.theme_fixes import ThemeFixes
from kb.build.features.validation import InternalLinks

FEATURES: tuple[tuple[type[Feature], str], ...] = (
    (ReviewNotes,
     "First: it finds each quote in the page as written, and its notes are Markdown whose formulas "
     "and links the later features treat like any other text; it records the inserted lines in the "
     "page's source map, so errors inside a note name the review file."),
    (GlossaryPage,
     "Adds the generated glossary page to the file list before any page is converted, so term links, "
     "the link checks and search see it like a page on disk."),
    (Notebooks,
     "Makes each notebook a page and converts it before any other feature reads a page's HTML; drops its "
     "third-party loaders and gives headings anchors from their text as written (before Math swaps "
     "formulas in headings for tokens)."),
    (Math,
     "Takes formulas out of the Markdown before the features below insert Markdown (their text is never "
     "math) and before Markdown can mangle TeX; renders them all at once in on_env, before the checks "
     "and the search index read the final HTML."),
    (NotebookLinks,
     "Adds its boxes after Math (their titles are plain text), and the back links to notebook pages "
     "after Notebooks has converted and cleaned them."),
    (RelatedQuestions,
     "Appends to each answer after the notebook box, so the box stays with the answer it explains."),
    (BankLinks,
     "Annotates the bank page; independent of the features above, placed with the other added links."),
    (TermLinks,
     "Links terms in the converted HTML after every feature above has added its text, so the first "
     "mention on the page (not in an added block) gets the link; skips code, math tokens and links."),
    (Practice,
     "Wraps each answer for hiding after every feature above has added to it (review notes, the "
     "notebook box, related questions, bank links, term links) and after Math has put the rendered "
     "formulas in (on_page_context comes after on_env), so the 复习 page's copy of each card is what "
     "the page shows; its generated 复习 page joins the file list in on_files, before the checks and "
     "search read it like any other page."),
    (PublishedHtml,
     "Checks each page as it is written (after every feature above changed it) against the allow-list, "
     "and the files copied from docs/; reports everything at the end of the build, before InternalLinks."),
    (InternalLinks,
     "Checks every link and anchor once all content is final, including the links the features above "
     "added; then the theme's parts of the written site."),
    (ThemeFixes,
     "Mends the theme's own markup in each written page (empty tabindex, unnamed search dialog); it only "
     "touches the theme's chrome, so its place among the content features does not matter."),
    (SearchIndex,
     "Indexes each page as readers see it, with rendered formulas and every added block."),
    (ContentSecurityPolicy,
     "Last: puts the policy into each page as written, with the hashes of the inline scripts left in it "
     "after every other feature (and plugin: it runs at the lowest priority) and after PublishedHtml checked them."),
)
