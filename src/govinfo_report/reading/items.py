"""A table's grid as a stream of items, and the stream as observed rows.

A grid row's cells become *items* — label text, numbers, blank marks, empty cells — whatever the
layout was. The stream then becomes observed rows: a run of label text followed by a run of
values, as printed. What a row means is decided later, by its label and its place.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Literal, NamedTuple

from .grid import GridCell, GridRow, Piece

ItemKind = Literal["text", "num", "null", "empty"]

#: Cell texts that print a blank cell.
BLANK_MARKS = frozenset(
    {
        "/",
        "-",
        "—",
        "——",
        "–",
        "一",
        "无",
        "_",
        "~",
        "\\",
        "--",
        "---",
        "——-",
        "×",
        "╳",
        "✕",
        "✗",
        "空",
        "N/A",
        "n/a",
    }
)
#: Characters a cell made only of is a blank mark too, however many of them.
_DASHES = frozenset("-—–_/~")
#: What a blank mark starts with: a word starting otherwise is none.
_MARK_STARTS = frozenset(mark[0] for mark in BLANK_MARKS) | _DASHES
_SIGNS = frozenset({"+", "-"})
#: Dashes a typesetter prints for a minus sign, right before the number (``–4``, ``—4``)
_TYPESET_MINUS = frozenset({"–", "—"})
_DIGITS = frozenset("0123456789")
#: Units that may follow a number inside a cell (format 2019: 2笔, 984361元).
UNITS = frozenset({"件", "个", "项", "条", "笔", "元", "万元", "次", "份"})
#: The units as ``str.startswith`` takes them: a word after a number that starts with one ends
#: the number's cell (``246900元三、…``).
_UNIT_STARTS = tuple(UNITS)


class Item(NamedTuple):
    """One element of a table's cell stream."""

    kind: ItemKind
    text: str
    line: int
    glued: bool = False  # a number with no separator from the text next to it
    #: a sign and a number one space apart in one cell (``- 218``): signed only where the
    #: column holds signed changes; on a blank mark, a sign alone on its line before a number
    #: (see :func:`_mark_signs_apart`)
    sign_apart: bool = False
    #: the printed row the item stands in: a grid row, or one cell of a stream of cells
    row: int = -1
    #: a number sharing its grid cell with other numbers: the grid's columns are not the
    #: table's (a PDF-to-markdown tool's table), so its row's empty cells are no printed blanks
    shared: bool = False
    #: the item's cell in its grid row (its column, where the grid keeps the table's columns)
    col: int = -1
    #: an empty place a document's row has only because the table is wider than the row (see
    #: :attr:`.grid.GridCell.filler`): the first empty cell to go where the row has too many
    filler: bool = False


class ObservedRow(NamedTuple):
    """A label run and the values that follow it, as printed."""

    label: str
    values: tuple[Item, ...]
    line: int
    #: whether a value stands in the same printed row as the end of the label (else only the
    #: order of the text ties them)
    tied: bool = False
    #: whether a value stands in the same printed row as any part of the label (a label wrapped
    #: below its numbers is still attached to them)
    attached: bool = False
    #: the label's texts with their grid columns (a header row's column names, where they stand)
    texts: tuple[tuple[str, int], ...] = ()
    #: the label was printed in two parts around a value (see :mod:`.split_labels`): which
    #: column that value is, only the order of the text says
    split: bool = False


def _cell_items(cell: GridCell, row: int, col: int) -> list[Item]:
    """The items of a grid cell of several pieces (or of one piece no cell text is made of),
    standing in printed row ``row`` and grid column ``col``; :func:`grid_items` makes the
    common cells itself — empty, or one number or word."""
    pieces = cell.pieces
    if all(p.kind == "NUMBER" for p in pieces):
        return [Item("num", p.text, p.line, shared=True, row=row, col=col) for p in pieces]
    whole = _one_value(pieces, cell.line, cell.whole)
    items = [whole] if whole is not None else _mixed_items(pieces)
    if cell.whole:  # a document's own cell: a letter stuck to a number glues no two cells
        items = [item._replace(glued=False) if item.glued else item for item in items]
    return [_placed(item, row, col) for item in items]


def _placed(item: Item, row: int, col: int) -> Item:
    """``item`` standing in printed row ``row`` and grid column ``col`` (``_replace`` without
    its keyword handling: this runs for every label cell)."""
    kind, text, line, glued, sign_apart, _, shared, _, filler = item
    return tuple.__new__(Item, (kind, text, line, glued, sign_apart, row, shared, col, filler))


def _touching(pieces: Sequence[Piece], index: int, step: int) -> Piece | None:
    """The piece right before (``step`` -1) or after (+1) the one at ``index``, where nothing
    stands between them; else None."""
    other = index + step
    if not 0 <= other < len(pieces):
        return None
    piece, neighbour = pieces[index], pieces[other]
    touching = neighbour.end == piece.start if step < 0 else neighbour.start == piece.end
    return neighbour if touching else None


def _percentage(pieces: Sequence[Piece], index: int) -> bool:
    """Whether the number at ``index`` has a percent sign right after it."""
    after = _touching(pieces, index, 1)
    return after is not None and after.text.startswith("%")


#: A year that a sentence after a table starts with, run into the table's last number
#: (``…继续办理2000002`` + ``2025年，我局…``): the number's last four digits before 年.
_YEAR_AT_END = re.compile(r"(?:19[89][0-9]|20[0-9]{2})$")


def _years_apart(pieces: Sequence[Piece]) -> list[Piece]:
    """The pieces with a year that a number's digits ran into cut off as text: its last four
    digits, where 年 follows them (no cell of the template is followed by 年). A number that is
    the year alone is text; one whose digits before the year are no number of their own (a
    sign, a decimal point) is left as it is, for the decoder to find it ambiguous."""
    out: list[Piece] = []
    for index, piece in enumerate(pieces):
        after = _touching(pieces, index, 1) if piece.kind == "NUMBER" else None
        year = _YEAR_AT_END.search(piece.text) if after is not None and after.text.startswith("年") else None
        if year is None:
            out.append(piece)
            continue
        before = piece.text[: year.start()]
        if not before:
            out.append(piece._replace(kind="WORD"))
        elif _NUMBER_BEFORE_YEAR.fullmatch(before):
            cut = piece.end - 4
            out.append(piece._replace(text=before, end=cut))
            out.append(Piece("WORD", year.group(), piece.line, cut, piece.end))
        else:
            out.append(piece)
    return out


#: What a number's digits before a year they ran into must be to stand as a number.
_NUMBER_BEFORE_YEAR = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def _unit_between(pieces: Sequence[Piece], index: int) -> bool:
    """Whether the piece at ``index`` is a unit set between two numbers (``1个246900元``): it
    ends the first number's cell as a space would."""
    if pieces[index].text not in UNITS:
        return False
    before, after = _touching(pieces, index, -1), _touching(pieces, index, 1)
    return before is not None and after is not None and before.kind == after.kind == "NUMBER"


def _glued(pieces: Sequence[Piece], index: int) -> bool:
    """Whether nothing separates the number at ``index`` from the piece before or after it — a
    unit or a year after it, or a unit between it and the number before, is a separation."""
    before, after = _touching(pieces, index, -1), _touching(pieces, index, 1)
    left = before is not None and not _unit_between(pieces, index - 1)
    right = (
        after is not None
        and not after.text.startswith(_UNIT_STARTS)
        and not (after.kind == "WORD" and _YEAR_AT_END.match(after.text))
    )
    return left or right


def is_blank_mark(text: str) -> bool:
    """Whether a cell's text prints a blank cell (／, —, 无 …, or dashes however many)."""
    if not text or text[0] not in _MARK_STARTS:  # the common case: a label's word
        return not text
    return text in BLANK_MARKS or set(text) <= _DASHES


def _one_value(pieces: Sequence[Piece], line: int, whole: bool = False) -> Item | None:
    """A cell of several pieces that still prints one value: a blank mark, a number and its
    unit, a number and a note in brackets, or a sign cut from its number by a space, a line
    break or markup (Word keeps "-" in a run of its own). In a document's own cell (``whole``),
    a dash right before the number is its sign too, as typeset (``–4``): nothing else shares
    the cell."""
    text = "".join(p.text for p in pieces)
    if is_blank_mark(text):
        return Item("null", text, line)
    if len(pieces) != 2:
        return _noted_number(pieces, text) if len(pieces) > 2 else None
    first, second = pieces
    if first.kind == "NUMBER" and second.text in UNITS:
        return Item("num", first.text, first.line)
    if first.text in _SIGNS and second.kind == "NUMBER" and second.text[0] in _DIGITS:
        return Item("num", first.text + second.text.lstrip("+"), second.line, sign_apart=True)
    if whole and first.text in _TYPESET_MINUS and first.end == second.start and second.text.isdigit():
        return Item("num", "-" + second.text, second.line, sign_apart=True)
    return _noted_number(pieces, text)


#: A number with a note in brackets after it, ending its cell: ``718(1)``, ``12（含转办3件）``.
_NUMBER_AND_NOTE = re.compile(r"([-+]?[0-9][0-9,.]*)\s*[(（][^()（）]{1,12}[)）]")


def _noted_number(pieces: Sequence[Piece], text: str) -> Item | None:
    """A cell printing a number and a note about it in brackets (a footnote's number, what the
    count includes): the number is the cell's value, the note no second one."""
    if pieces[0].kind != "NUMBER" or text[-1] not in ")）":
        return None
    match = _NUMBER_AND_NOTE.fullmatch(text)
    return Item("num", match.group(1), pieces[0].line) if match else None


def _mixed_items(pieces: Sequence[Piece]) -> list[Item]:
    """Text and numbers in one cell: the text pieces joined, each number an item of its own,
    marked glued where nothing separates it from its neighbour. A percentage (``占21.02%``) is
    text: the prose's, as no cell of the template prints one; so is a year a number ran into
    (see :func:`_years_apart`). A unit between two numbers parts their cells."""
    items: list[Item] = []
    words: list[Piece] = []  # the text pieces of the text item under way

    def end_words() -> None:
        if words:
            items.append(Item("text", "".join(p.text for p in words), words[0].line))
            words.clear()

    pieces = _years_apart(pieces)
    for index, piece in enumerate(pieces):
        if piece.kind == "NUMBER" and not _percentage(pieces, index):
            end_words()
            items.append(Item("num", piece.text, piece.line, glued=_glued(pieces, index)))
        elif not _unit_between(pieces, index):
            words.append(piece)
    end_words()
    return items


def grid_items(rows: Iterable[GridRow]) -> list[Item | None]:
    """The cell stream of a grid; ``None`` marks the end of each grid row.

    Empty cells before a label, or between two labels of the same row, are the shadows of merged
    cells and are dropped here, and so is a grid row of nothing but empty cells (a blank line
    inside a label wrapped over lines is no cell of it); empty cells among or after values are
    kept for counting.
    """
    stream: list[Item | None] = []
    lone: list[int] = []  # where a line holds a lone blank mark that is a letter (see below)
    printed = 0
    make = tuple.__new__  # an Item without the Python-level constructor: this loop runs per cell
    for row in rows:
        items: list[Item] = []
        for col, cell in enumerate(row.cells):
            pieces = cell.pieces
            if len(pieces) == 1 and (kind := _ONE_PIECE.get(pieces[0].kind)) is not None:
                piece = pieces[0]  # the common cases: one number or word
                if kind == "text" and is_blank_mark(piece.text):
                    kind = "null"
                items.append(
                    make(Item, (kind, piece.text, piece.line, False, False, printed, False, col, False))
                )
            elif not pieces:  # an empty cell
                items.append(
                    make(Item, ("empty", "", cell.line, False, False, printed, False, col, cell.filler))
                )
            else:
                items += _cell_items(cell, printed, col)
            printed += row.stream
        printed += not row.stream
        kinds = {item.kind for item in items}
        if kinds == {"empty"}:  # a blank line, or a row of empty cells only: a spacer, no value
            stream.append(None)
            continue
        if "null" in kinds and "num" in kinds:
            _mark_signs_apart(items)
        if "null" in kinds and "text" in kinds:
            items = _marks_inside_labels(items)
        if "empty" in kinds:
            items = _without_label_shadows(items, row.stream)
        if not row.stream and len(items) == 1 and items[0].kind == "null" and items[0].text in _LETTER_MARKS:
            lone.append(len(stream))
        stream.extend(items)
        stream.append(None)
    return _letters_between_label_lines(stream, lone) if lone else stream


#: Blank marks that are letters of labels too (三安全一稳定).
_LETTER_MARKS = frozenset({"一"})


def _letters_between_label_lines(stream: list[Item | None], lone: list[int]) -> list[Item | None]:
    """A line of nothing but a blank mark that is a letter (一), between a line ending in label
    text and one starting with it, in a text printed line by line: a label broken at that
    letter (``3.危及“三安全`` / ``一`` / ``稳定”``), not a blank cell."""
    for at in lone:
        before = stream[at - 2] if at >= 2 else None
        after = stream[at + 2] if at + 2 < len(stream) else None
        mark = stream[at]
        if (
            mark is not None
            and before is not None
            and after is not None
            and before.kind == after.kind == "text"
        ):
            stream[at] = mark._replace(kind="text")
    return stream


#: What a cell of one piece holds, by the piece's kind (a lone word may still be a blank mark).
_ONE_PIECE: dict[str, ItemKind] = {"NUMBER": "num", "WORD": "text", "ENUM": "text", "DASH": "text"}


def _mark_signs_apart(items: list[Item]) -> None:
    """Mark a sign alone on its line, right before a number on the next line of the same grid
    row (``sign_apart``): a dash printed for a blank cell, or the sign of that number cut from
    it (a dump that puts every piece of a web page's text on a line of its own splits Word's
    ``<span>-</span><span>52</span>``). Which one, only the row's count of cells can say."""
    for index, (mark, number) in enumerate(itertools.pairwise(items)):
        if (
            mark.kind == "null"
            and mark.text in _SIGNS
            and number.kind == "num"
            and number.line == mark.line + 1
            and number.text[0] in _DIGITS
        ):
            items[index] = mark._replace(sign_apart=True)


def _without_label_shadows(items: list[Item], stream: bool = False) -> list[Item]:
    """A grid row's items without the empty cells that stand before a label. In a stream of
    cells (one per line, rows not set apart) those after the first label are the last cells of
    the row before the label, left empty (a web page's ``&nbsp;`` cells): they are kept."""
    kept: list[Item] = []
    pending_empty: list[Item] = []
    for item in items:
        if item.kind == "empty":
            pending_empty.append(item)
            continue
        if item.kind != "text" or (stream and kept):
            kept.extend(pending_empty)
        pending_empty = []
        kept.append(item)
    kept.extend(pending_empty)  # trailing empties of a row may be blank value cells
    return kept


def _marks_inside_labels(items: list[Item]) -> list[Item]:
    """A blank mark with label text on both sides in one grid row is a character of the label
    cut out by letter spacing (只计这 一 情形), not a blank cell: values never sit inside a label."""
    solid = [i for i, item in enumerate(items) if item.kind != "empty"]
    for before, at, after in zip(solid, solid[1:], solid[2:], strict=False):
        if items[at].kind == "null" and items[before].kind == "text" and items[after].kind == "text":
            items[at] = items[at]._replace(kind="text")
    return items


def observed_rows(stream: Sequence[Item | None]) -> list[ObservedRow]:
    """Cut the cell stream into label + values rows.

    A label may run over several grid rows (wrapped labels, group labels printed between rows);
    a row ends when text follows its values, or at the end of a grid row that has values.
    """
    rows: list[ObservedRow] = []
    label: list[Item] = []
    values: list[Item] = []
    make = tuple.__new__  # an ObservedRow without the Python-level constructor: one per row

    def flush() -> None:
        if not label:
            if values:
                rows.append(make(ObservedRow, ("", tuple(values), values[0].line, False, False, (), False)))
            return
        last = label[-1]
        line, row = last.line, last.row
        tied = any(v.row == row or v.line == line for v in values)
        if tied or len(label) == 1:
            attached = tied
        else:
            label_rows, label_lines = {i.row for i in label}, {i.line for i in label}
            attached = any(v.row in label_rows or v.line in label_lines for v in values)
        texts = tuple([(i.text, i.col) for i in label])
        joined = "".join([i.text for i in label])
        rows.append(make(ObservedRow, (joined, tuple(values), line, tied, attached, texts, False)))

    for item in stream:
        if item is None:
            if values:
                flush()
                label, values = [], []
            continue
        if item.kind == "text":
            if values:
                flush()
                label, values = [], []
            label.append(item)
        else:
            values.append(item)
    flush()  # a last label run without values too: group labels a PDF's text printed last
    return rows


def split_rows(stream: Sequence[Item | None]) -> list[list[Item]]:
    """The cell stream cut back into its grid rows."""
    rows: list[list[Item]] = [[]]
    for item in stream:
        if item is None:
            rows.append([])
        else:
            rows[-1].append(item)
    return rows
