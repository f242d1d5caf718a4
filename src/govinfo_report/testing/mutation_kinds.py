"""Every mutation by name, the layouts some of them need, and one strategy over all of them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from hypothesis import strategies as st

from . import label_mutations as labels
from . import page_mutations as pages
from . import row_mutations as rows
from . import text_mutations as text
from .oracle import Mutated
from .rendered import Rendered

Mutation = Callable[[Rendered], st.SearchStrategy[Mutated]]

#: Every mutation by name. Each takes a :class:`Rendered` and gives a strategy of
#: :class:`Mutated`; the changed text must parse as the Mutated says.
MUTATIONS: Mapping[str, Mutation] = {
    "whitespace": text.whitespace,
    "widths": text.widths,
    "quotes": text.quotes,
    "variant-characters": labels.variant_characters,
    "enumerators": text.enumerators,
    "letter-spacing": labels.letter_spacing,
    "line-break": labels.line_breaks,
    "truncated-header": labels.truncated_headers,
    "heading-marks": pages.heading_marks,
    "page-breaks": pages.page_breaks,
    "repeated-title": pages.repeated_title,
    "sub-headings": pages.sub_headings,
    "wrapped-below": labels.wrapped_below,
    "dropped-header": labels.dropped_header,
    "dropped-row": rows.dropped_row,
    "emptied-cell": rows.emptied_cell,
    "shifted-row": rows.shifted_row,
    "number-format": text.number_formats,
    "word-artefact": text.word_artefacts,
    "footnote-marks": text.footnote_marks,
    "link-lines": pages.link_lines,
}


#: Mutations that only make sense in some layouts (every other kind applies to every layout).
#: A line break inside a cell of a pipe table leaves a line without its outer bar, which the
#: reader takes for a table without outer bars (html2text): pipe rows break labels only with
#: spaces.
MUTATION_LAYOUTS: Mapping[str, tuple[str, ...]] = {
    "wrapped-below": ("columns",),
    "line-break": ("tsv", "cells", "columns"),
}


def mutations(rendered: Rendered, kinds: Iterable[str] | None = None) -> st.SearchStrategy[Mutated]:
    """One mutation of ``rendered``, of any kind in ``kinds`` (all of :data:`MUTATIONS` that apply
    to its layout by default)."""
    names = list(kinds) if kinds is not None else list(MUTATIONS)
    names = [n for n in names if rendered.layout in MUTATION_LAYOUTS.get(n, (rendered.layout,))]
    return st.one_of(*(MUTATIONS[name](rendered) for name in names))
