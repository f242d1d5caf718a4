"""What a PDF page holds that the reader uses: its characters with their boxes, and the ruling
lines its tables are drawn with.

Both come straight from pdfium's own calls (one call per character, one per path segment), in
points from the page's top left, so nothing of a text extractor's guessing comes in between.
"""

from __future__ import annotations

import ctypes
import itertools
import math
from collections.abc import Iterator
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

#: A filled rectangle this thin (points) is a ruling line; a wider one is a cell's shading.
RULE_THICKNESS = 2.5
#: A line whose colour is this light on every channel (0–255) draws nothing a reader sees as a rule.
_LIGHT = 220
#: A character box larger than this (points) is not a character's but pdfium's error.
_LARGEST_GLYPH = 72.0
#: Characters of the text layer above the space character that print nothing.
_BLANKS = frozenset("\x7f\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff\ufffe\uffff") | frozenset(
    map(chr, range(0x2000, 0x200B))
)
#: pdfium's FPDFText_GetLooseCharBox taking plain addresses: called once per character, it
#: spends a quarter less on converting its arguments.
_LOOSE_BOX = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)(
    int(ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_void_p).value or 0)
)
#: Form objects nested deeper than this are not looked into.
_MAX_DEPTH = 8

_PATH, _IMAGE, _FORM = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM
_SEGMENT_MOVE = pdfium_c.FPDF_SEGMENT_MOVETO
_SEGMENT_LINE = pdfium_c.FPDF_SEGMENT_LINETO


class Glyph(NamedTuple):
    """One character and its box (the font's full height, so a line's characters share top and
    bottom), in points from the page's top left."""

    char: str
    left: float
    top: float
    right: float
    bottom: float


class Rule(NamedTuple):
    """A horizontal or vertical ruling line: ``at`` is its y (horizontal) or x (vertical),
    ``start`` and ``end`` its extent along it."""

    horizontal: bool
    at: float
    start: float
    end: float


class PageContent(NamedTuple):
    """A page's characters and ruling lines, its size, and whether it holds pictures.
    ``turned`` is how far (degrees clockwise) the page was turned beyond its own rotation so
    that its text runs left to right: a page shown sideways is read the way its text reads."""

    number: int
    width: float
    height: float
    glyphs: list[Glyph]
    rules: list[Rule]
    images: int
    turned: int = 0
    #: where the page begins on its sheet (points from the sheet's left and top edges): more
    #: than 0 for a page printed right of or below another on one sheet (:func:`pages_on_sheet`)
    sheet_left: float = 0.0
    sheet_top: float = 0.0


class _Frame(NamedTuple):
    """Turns page space (PDF points, origin bottom left) into the reader's: the page as it is
    shown (turned by its rotation), origin top left."""

    left: float
    bottom: float
    right: float
    top: float
    rotation: int

    @property
    def size(self) -> tuple[float, float]:
        """The shown page's width and height."""
        width, height = self.right - self.left, self.top - self.bottom
        return (height, width) if self.rotation in (90, 270) else (width, height)

    def point(self, x: float, y: float) -> tuple[float, float]:
        if self.rotation == 90:
            return y - self.bottom, x - self.left
        if self.rotation == 180:
            return self.right - x, y - self.bottom
        if self.rotation == 270:
            return self.top - y, self.right - x
        return x - self.left, self.top - y

    def box(self, left: float, right: float, top: float, bottom: float) -> tuple[float, float, float, float]:
        """A box of page space as left, top, right, bottom on the shown page."""
        x0, y0 = self.point(left, top)
        x1, y1 = self.point(right, bottom)
        return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def read_page(document: pdfium.PdfDocument, index: int) -> PageContent:
    """The characters and ruling lines of page ``index`` (0-based)."""
    page = document[index]
    try:
        left, bottom, right, top = page.get_cropbox()
        frame = _Frame(left, bottom, right, top, int(page.get_rotation()) % 360)
        textpage = page.get_textpage()
        try:
            count = pdfium_c.FPDFText_CountChars(textpage.raw)
            text = _text_of(textpage, count) if count > 0 else ""
            reading, marked = _reading_rotation(textpage.raw, text, frame.rotation)
            turn, frame = (reading - frame.rotation) % 360, frame._replace(rotation=reading)
            glyphs = _glyphs(
                textpage, frame, text, _watermarks(textpage.raw, text) if marked else frozenset()
            )
        finally:
            textpage.close()
        rules: list[Rule] = []
        images = _walk(page.raw, _Matrix.identity(), frame, rules, 0)
        width, height = frame.size
        return PageContent(index + 1, width, height, glyphs, rules, images, turn)
    finally:
        page.close()


def _text_of(textpage: pdfium.PdfTextPage, count: int) -> str:
    """Every character of the page as one string, one per character index."""
    buffer = ctypes.create_string_buffer(count * 2 + 2)
    pdfium_c.FPDFText_GetText(textpage.raw, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: count * 2].decode("utf-16-le", errors="replace")
    if len(text) == count:
        return text
    # characters outside the basic plane take two UTF-16 units: ask for each one instead
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD) for i in range(count))


def _glyphs(textpage: pdfium.PdfTextPage, frame: _Frame, text: str, unread: frozenset[int]) -> list[Glyph]:
    """The page's printed characters (``text``, one per character index) with their loose
    boxes; spaces and the line breaks pdfium adds are left out (gaps between boxes decide
    spacing), and so are characters off the page and the ``unread`` ones (a watermark's)."""
    if not text:
        return []
    # what prints: above the space character, and not one of the rarer spaces either
    printed = [i for i, char in enumerate(text) if char > " " and char not in _BLANKS]
    if unread:
        printed = [i for i in printed if i not in unread]
    # every box written by pdfium into one array (left, top, right, bottom each), read back at
    # once: this runs per character
    boxes = (ctypes.c_float * (4 * len(printed)))()
    base = ctypes.addressof(boxes)
    raw = textpage.raw
    page_address = ctypes.cast(raw, ctypes.c_void_p).value
    # one call per character, driven by map: no Python-level loop around the foreign call
    addresses = range(base, base + 16 * len(printed), 16)
    found = list(map(_LOOSE_BOX, itertools.repeat(page_address), printed, addresses))
    corners = iter(memoryview(boxes).cast("B").cast("f").tolist())
    origin_x, origin_y = frame.left, frame.top
    page_width, page_height = frame.size
    across, down, largest = 2 * page_width, 2 * page_height, _LARGEST_GLYPH
    turned = frame.rotation != 0
    glyphs: list[Glyph] = []
    append = glyphs.append
    make = tuple.__new__  # a Glyph without the Python-level constructor
    each = zip(printed, found, corners, corners, corners, corners, strict=True)
    for index, ok, left, top, right, bottom in each:
        if not ok:
            continue
        width, height = right - left, top - bottom
        if not (0 < width <= 2.5 * height and 0 < height <= 3.5 * width and height <= largest):
            tight = _tight_box(raw, index)
            if tight is None:
                continue
            left, right, top, bottom = tight
        if turned:
            x0, y0, x1, y1 = frame.box(left, right, top, bottom)
        else:
            x0, y0, x1, y1 = left - origin_x, origin_y - top, right - origin_x, origin_y - bottom
        # a character whose middle is off the page is not printed
        if 0 <= x0 + x1 <= across and 0 <= y0 + y1 <= down:
            append(make(Glyph, (text[index], x0, y0, x1, y1)))
    return glyphs


#: The narrowest gap (points, and share of the sheet's width or height) between two pages
#: printed on one sheet.
_LEAST_GUTTER = 12.0
_LEAST_GUTTER_SHARE = 0.03


def pages_on_sheet(content: PageContent) -> list[PageContent]:
    """The pages one sheet of the PDF holds, in reading order: two side by side (a PDF made with
    two pages to a sheet), four in two rows of two, or the sheet as it is.

    Pages printed together leave a gap about the sheet's middle, from edge to edge, that no
    character and no line crosses, and the text layer holds one page's characters and then the
    next one's. A page that only happens to have such a gap (a short list on the left, a
    signature on the right) reads the same either way; a table drawn without lines, whose rows
    run left and right in turn, is never taken for two pages, nor is a portrait page. A sheet is
    cut across only where both its halves then hold pages side by side (the last sheet's second
    row may hold one, on the left): a gap across an ordinary page is no sign."""
    if _gap_about(content, content.width / 2, across=False) is None:
        return [content]  # most pages: a line or a table's rule crosses the middle
    if content.width > content.height:  # two pages side by side share a landscape sheet
        pair = _cut(content, across=False)
        if pair is not None:
            return pair
    rows = _cut(content, across=True)
    if rows is None and all(g.bottom <= content.height / 2 for g in content.glyphs):
        rows = [content._replace(height=content.height / 2)]  # the last sheet's first row alone
    if rows is None or rows[0].width <= rows[0].height:
        return [content]
    top = _cut(rows[0], across=False)
    bottom = _cut(rows[1], across=False) if len(rows) > 1 else None
    lone = len(rows) > 1 and bottom is None  # a second row that is not two pages side by side
    if top is None or (lone and any(g.right > content.width / 2 for g in rows[1].glyphs)):
        return [content]  # four pages in two rows of two (the last sheet's second row may hold one)
    return [*top, *(bottom or rows[1:])]


def _cut(content: PageContent, *, across: bool) -> list[PageContent] | None:
    """The sheet cut in two at its middle — down it (two pages side by side) or ``across`` it
    (one above the other) — when a gap there separates one page's characters from the next's."""
    glyphs = content.glyphs
    size = content.height if across else content.width
    middle = size / 2
    gap = _gap_about(content, middle, across=across)
    if gap is None or gap < max(_LEAST_GUTTER, _LEAST_GUTTER_SHARE * size):
        return None
    sides = [(glyph.top if across else glyph.left) >= middle for glyph in glyphs]
    if sides[0] or sum(a != b for a, b in itertools.pairwise(sides)) != 1:
        return None  # not one page's characters and then the other's
    first = sides.index(True)
    # each page has half the sheet: a table going on from one to the next keeps its place
    dx, dy = (0.0, middle) if across else (middle, 0.0)
    rules: tuple[list[Rule], list[Rule]] = ([], [])
    for rule in content.rules:
        rules[_span(rule, across)[0] >= middle].append(rule)
    one = content._replace(glyphs=glyphs[:first], rules=rules[0])
    other = content._replace(
        glyphs=[Glyph(g.char, g.left - dx, g.top - dy, g.right - dx, g.bottom - dy) for g in glyphs[first:]],
        rules=[_shifted(rule, dx, dy) for rule in rules[1]],
        sheet_left=content.sheet_left + dx,
        sheet_top=content.sheet_top + dy,
    )
    if across:
        return [one._replace(height=middle), other._replace(height=content.height - middle)]
    return [one._replace(width=middle), other._replace(width=content.width - middle)]


def _gap_about(content: PageContent, middle: float, *, across: bool) -> float | None:
    """How wide the gap about ``middle`` is that no character and no line crosses (along the
    sheet's width, or its height when ``across``); None where something crosses it or one side
    is empty."""
    before, after = -math.inf, math.inf
    for glyph in content.glyphs:
        low, high = (glyph.top, glyph.bottom) if across else (glyph.left, glyph.right)
        if high <= middle:
            before = max(before, high)
        elif low >= middle:
            after = min(after, low)
        else:
            return None  # most pages: their first line crosses the middle
    for rule in content.rules:
        start, end = _span(rule, across)
        if end <= middle:
            before = max(before, end)
        elif start >= middle:
            after = min(after, start)
        else:
            return None
    if math.isinf(before) or math.isinf(after):
        return None
    return after - before


def _span(rule: Rule, across: bool) -> tuple[float, float]:
    """Where a ruling line lies along the sheet's width (its height when ``across``)."""
    return (rule.at, rule.at) if rule.horizontal == across else (rule.start, rule.end)


def _shifted(rule: Rule, dx: float, dy: float) -> Rule:
    """A ruling line moved ``dx`` points to the left and ``dy`` up."""
    if rule.horizontal:
        return Rule(True, rule.at - dy, rule.start - dx, rule.end - dx)
    return Rule(False, rule.at - dx, rule.start - dy, rule.end - dy)


#: Characters needed before a page's text is said to run other than left to right.
_LEAST_TURN_EVIDENCE = 8
#: About how many of a page's characters its text direction is judged from.
_TURN_SAMPLE = 40


def _reading_rotation(raw: pdfium_c.FPDF_TEXTPAGE, text: str, rotation: int) -> tuple[int, bool]:
    """The rotation (degrees clockwise) to show the page at for its text to run left to right:
    its own ``rotation`` unless its characters' baselines say otherwise. A page rotated without
    its content (a viewer's "rotate and save", a landscape sheet printed sideways) shows its
    lines running down or up; content drawn turned on an upright page, too. And whether any
    character looks like a watermark's (see :func:`_watermarked`).

    Each character's baseline angle (pdfium's, in the page's own space, counter-clockwise) votes,
    in a sample of :data:`_TURN_SAMPLE` spread over the page; the page is turned only when one
    angle has at least :data:`_LEAST_TURN_EVIDENCE` votes and twice as many as the angle that
    reads at the page's own rotation (a few vertical captions or a stamp do not turn a page)."""
    votes = [0, 0, 0, 0]  # baselines at 0, 90, 180 and 270 degrees
    marked = False
    look = _Look(raw)
    for index in _sample(len(text)):
        if text[index] <= " ":  # a space or a line break pdfium adds
            continue
        angle = look.angle(index)
        if angle >= 0:
            votes[round(math.degrees(angle) / 90) % 4] += 1
        marked = marked or look.watermarked(index, angle)
    upright = (360 - rotation) % 360 // 90  # the baseline angle that reads as the page is shown
    way = max(range(4), key=votes.__getitem__)
    if way == upright or votes[way] < _LEAST_TURN_EVIDENCE or votes[way] < 2 * votes[upright]:
        return rotation, marked
    return (360 - 90 * way) % 360, marked


def _sample(count: int) -> Iterator[int]:
    """About :data:`_TURN_SAMPLE` character indexes spread over ``count``, in no regular step
    (golden-ratio strides): a watermark repeated every so many characters is not missed by
    landing on its spaces every time."""
    if count <= _TURN_SAMPLE:
        yield from range(count)
        return
    for k in range(_TURN_SAMPLE):
        yield int((k * _GOLDEN) % 1.0 * count)


_GOLDEN = 0.6180339887498949


#: A character this light on every channel (0–255), though not white, or this transparent, is a
#: watermark's or a stamp's: printed over the page, not part of its text.
_LIGHT_TEXT = 200
_WHITE = 250
_SEE_THROUGH = 128
#: How far (degrees) a baseline may lean off the page's axes and still be the page's text.
_LEAN = 3.0


class _Look:
    """How a page's characters are set: their angle and colour (the colour read into four
    values made once for the page)."""

    __slots__ = ("_alpha", "_blue", "_green", "_page", "_red")

    def __init__(self, raw: pdfium_c.FPDF_TEXTPAGE) -> None:
        self._page = raw
        self._red, self._green, self._blue, self._alpha = (ctypes.c_uint() for _ in range(4))

    def angle(self, index: int) -> float:
        """The character's baseline angle (radians, counter-clockwise), negative when unknown."""
        return float(pdfium_c.FPDFText_GetCharAngle(self._page, index))

    def watermarked(self, index: int, angle: float) -> bool:
        """Whether a character is a watermark's or a stamp's rather than the page's text: set
        aslant (a diagonal watermark, a seal's ring of characters), or in light grey, or
        see-through (a download time or an address stamped over every page). A character set
        upright or sideways (a vertical label) in a dark colour, or in white (on a dark
        shading), is text."""
        if angle >= 0:
            degrees = math.degrees(angle) % 90
            if _LEAN < degrees < 90 - _LEAN:
                return True
        red, green, blue, alpha = self._red, self._green, self._blue, self._alpha
        if not pdfium_c.FPDFText_GetFillColor(self._page, index, red, green, blue, alpha):
            return False
        if alpha.value < _SEE_THROUGH:
            return True
        return _LIGHT_TEXT <= min(red.value, green.value, blue.value) < _WHITE


def _watermarks(raw: pdfium_c.FPDF_TEXTPAGE, text: str) -> frozenset[int]:
    """The indexes of the page's characters that are a watermark's or a stamp's (see
    :meth:`_Look.watermarked`); looked for one by one only on a page whose sample had one."""
    look = _Look(raw)
    return frozenset(
        index for index, char in enumerate(text) if char > " " and look.watermarked(index, look.angle(index))
    )


def _tight_box(raw: pdfium_c.FPDF_TEXTPAGE, index: int) -> tuple[float, float, float, float] | None:
    """A character's ink box made as wide as it is high, for a character whose font box pdfium
    gets wrong (text set with an unusual matrix, such as a column of characters written
    downwards): left, right, top, bottom in page space."""
    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    if not pdfium_c.FPDFText_GetCharBox(raw, index, left, right, bottom, top):
        return None
    size = max(right.value - left.value, top.value - bottom.value, 1.0) * 1.1
    x, y = (left.value + right.value) / 2, (bottom.value + top.value) / 2
    return x - size / 2, x + size / 2, y + size / 2, y - size / 2


class _Matrix(NamedTuple):
    """An affine transform as PDF writes it: ``(a b c d e f)``."""

    a: float
    b: float
    c: float
    d: float
    e: float
    f: float

    @staticmethod
    def identity() -> _Matrix:
        return _Matrix(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

    def apply(self, x: float, y: float) -> tuple[float, float]:
        return self.a * x + self.c * y + self.e, self.b * x + self.d * y + self.f

    def then(self, outer: _Matrix) -> _Matrix:
        """This transform followed by ``outer``."""
        return _Matrix(
            self.a * outer.a + self.b * outer.c,
            self.a * outer.b + self.b * outer.d,
            self.c * outer.a + self.d * outer.c,
            self.c * outer.b + self.d * outer.d,
            self.e * outer.a + self.f * outer.c + outer.e,
            self.e * outer.b + self.f * outer.d + outer.f,
        )


def _object_matrix(obj: pdfium_c.FPDF_PAGEOBJECT) -> _Matrix:
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
        return _Matrix.identity()
    return _Matrix(matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _walk(
    container: pdfium_c.FPDF_PAGE | pdfium_c.FPDF_PAGEOBJECT,
    outer: _Matrix,
    frame: _Frame,
    rules: list[Rule],
    depth: int,
) -> int:
    """Collect the ruling lines of a page or a form object into ``rules``; the number of pictures."""
    if depth:
        count, child = pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject
    else:
        count, child = pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject
    kind_of = pdfium_c.FPDFPageObj_GetType
    images = 0
    for k in range(count(container)):
        obj = child(container, k)
        kind = kind_of(obj)
        if kind == _PATH:
            rules.extend(_path_rules(obj, outer, frame))
        elif kind == _IMAGE:
            images += 1
        elif kind == _FORM and depth < _MAX_DEPTH:
            images += _walk(obj, _object_matrix(obj).then(outer), frame, rules, depth + 1)
    return images


def _is_visible(obj: pdfium_c.FPDF_PAGEOBJECT, stroked: bool) -> bool:
    """Whether the path's paint is dark and opaque enough to be a drawn line."""
    red, green, blue, alpha = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    colour = pdfium_c.FPDFPageObj_GetStrokeColor if stroked else pdfium_c.FPDFPageObj_GetFillColor
    if not colour(obj, red, green, blue, alpha):
        return True
    return alpha.value > 0 and min(red.value, green.value, blue.value) <= _LIGHT


def _path_rules(obj: pdfium_c.FPDF_PAGEOBJECT, outer: _Matrix, frame: _Frame) -> list[Rule]:
    """The ruling lines one path draws: its straight strokes, or its thin filled rectangles."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke):
        return []
    stroked = bool(stroke.value)
    if not (stroked or fill.value) or not _is_visible(obj, stroked):
        return []
    if stroked and pdfium_c.FPDFPath_CountSegments(obj) == 2:
        return _straight_line(obj, outer, frame)
    matrix = _object_matrix(obj).then(outer)
    subpaths = [[frame.point(*matrix.apply(x, y)) for x, y in points] for points in _subpaths(obj)]
    if stroked:
        return [rule for points in subpaths for rule in _strokes(points)]
    return [rule for points in subpaths if (rule := _thin_rectangle(points)) is not None]


def _straight_line(obj: pdfium_c.FPDF_PAGEOBJECT, outer: _Matrix, frame: _Frame) -> list[Rule]:
    """A one-segment stroke (most table borders) as a rule, from its bounds: the cheap way."""
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return []
    x0, y0 = frame.point(*outer.apply(left.value, top.value))
    x1, y1 = frame.point(*outer.apply(right.value, bottom.value))
    x0, x1 = min(x0, x1), max(x0, x1)
    y0, y1 = min(y0, y1), max(y0, y1)
    if y1 - y0 <= RULE_THICKNESS < x1 - x0:
        return [Rule(True, (y0 + y1) / 2, x0, x1)]
    if x1 - x0 <= RULE_THICKNESS < y1 - y0:
        return [Rule(False, (x0 + x1) / 2, y0, y1)]
    return []


def _subpaths(obj: pdfium_c.FPDF_PAGEOBJECT) -> list[list[tuple[float, float]]]:
    """The path's points, one list per subpath; a closed subpath ends at its first point again.
    A curve makes its subpath no ruling line, so it is left out."""
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    curved = False
    for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, k)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == _SEGMENT_MOVE:
            if current and not curved:
                subpaths.append(current)
            current, curved = [(x.value, y.value)], False
            continue
        curved = curved or kind != _SEGMENT_LINE
        current.append((x.value, y.value))
        if pdfium_c.FPDFPathSegment_GetClose(segment) and current:
            current.append(current[0])
    if current and not curved:
        subpaths.append(current)
    return subpaths


def _strokes(points: list[tuple[float, float]]) -> Iterator[Rule]:
    """The horizontal and vertical pieces of a stroked polyline (a line, a rectangle's sides)."""
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if abs(y1 - y0) <= 0.5 and abs(x1 - x0) > 0.5:
            yield Rule(True, (y0 + y1) / 2, min(x0, x1), max(x0, x1))
        elif abs(x1 - x0) <= 0.5 and abs(y1 - y0) > 0.5:
            yield Rule(False, (x0 + x1) / 2, min(y0, y1), max(y0, y1))


def _thin_rectangle(points: list[tuple[float, float]]) -> Rule | None:
    """A filled subpath as a ruling line, when it is a rectangle thin enough to be one."""
    if len(points) < 4:
        return None
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    width, height = right - left, bottom - top
    if height <= RULE_THICKNESS < width:
        return Rule(True, (top + bottom) / 2, left, right)
    if width <= RULE_THICKNESS < height:
        return Rule(False, (left + right) / 2, top, bottom)
    return None
