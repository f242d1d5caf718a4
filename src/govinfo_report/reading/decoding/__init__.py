"""Reading flattened tables: digit runs that lost their cell separators, split by arithmetic.

Crawlers that strip tags and some OCR tools print a table row as its label followed by all of its
digits (``一、本年新收政府信息公开申请数量801000081`` is 80 | 1 | 0 | 0 | 0 | 0 | 81). Nothing in
the text says where one cell ends, but the template does: every row of table 三 ends with the sum
of its other six cells, its columns add up (一 + 二 = （七）总计 + 四, and （七）总计 is the sum of
the result rows), each block of table 四 ends with its total, and a printed count never has a
leading zero. This package finds every way of cutting the digits into cells that satisfies all of
that, for the whole table at once, and keeps a cell only where all those ways agree. A cell with
several valid readings is left blank with the readings in a diagnostic; a number is never guessed.

- :mod:`.rows` cuts one row's digits into cells (:func:`split_row`): a short row cell by cell,
  a long one by meeting in the middle, and a row printed again from the answer kept for it;
- :mod:`.solving` chooses the rows' readings under the table's equations (:func:`decode`);
- :mod:`.table` decodes the glued rows of one table and says what it could not decide
  (:func:`decode_table`, :func:`decode_rows`, :func:`decode_review`);
- the numbers the report's prose states for a cell come from :mod:`govinfo_report.reading.prose`;
- :mod:`.arithmetic` holds the template's row sums and column equations.

The search is bounded: splitting one row stops after :data:`ROW_STEPS` steps or
:data:`ROW_READINGS` readings, and all the work on one table stops after :data:`TABLE_STEPS`
(see :func:`solve` and :func:`decode_table`). Past a bound the answer uses less of the
arithmetic and so leaves more cells blank; it never becomes a different number.
"""

from __future__ import annotations

from ..prose import Fact, prose_facts
from .arithmetic import (
    REVIEW_ROW,
    Arithmetic,
    request_equations,
    request_shape,
    review_shape,
    row_shape,
    table_arithmetic,
)
from .rows import (
    ROW_READINGS,
    ROW_STEPS,
    Chunk,
    Kind,
    Reading,
    RowSplits,
    Shape,
    describe,
    parse_cell,
    split_row,
)
from .solving import TABLE_STEPS, Budget, Decoded, Equation, Solved, agreed, decode, solve, usable
from .table import (
    MAX_WRAPPED_PIECES,
    Glued,
    TableDecoding,
    chunk_alternatives,
    decode_review,
    decode_rows,
    decode_table,
    readings_text,
    wrapped_alternatives,
    wrapped_review_around,
    wrapped_review_below,
    wrapped_review_readings,
)

__all__ = [
    "MAX_WRAPPED_PIECES",
    "REVIEW_ROW",
    "ROW_READINGS",
    "ROW_STEPS",
    "TABLE_STEPS",
    "Arithmetic",
    "Budget",
    "Chunk",
    "Decoded",
    "Equation",
    "Fact",
    "Glued",
    "Kind",
    "Reading",
    "RowSplits",
    "Shape",
    "Solved",
    "TableDecoding",
    "agreed",
    "chunk_alternatives",
    "decode",
    "decode_review",
    "decode_rows",
    "decode_table",
    "describe",
    "parse_cell",
    "prose_facts",
    "readings_text",
    "request_equations",
    "request_shape",
    "review_shape",
    "row_shape",
    "solve",
    "split_row",
    "table_arithmetic",
    "usable",
    "wrapped_alternatives",
    "wrapped_review_around",
    "wrapped_review_below",
    "wrapped_review_readings",
]
