"""Model objects from table parses: a Lark Transformer turns a table, as a tree in the shape of
its vocabulary grammar, into the table's attrs class.

The placement stage decides each row's cells; :func:`table_tree` writes them as the parse tree
of the table's vocabulary grammar cut down to what carries cells (the start rule over its rows,
each row already the (row id, cells) pair a row rule becomes — read already, so no number is
read twice), and :class:`TableBuilder` builds the model: a column rule gives its
:class:`~govinfo_report.model.Cell`, a row rule its row id and cells, a group rule the rows
below it, the start rule the table — each row as the row class the model declares for it (or an
entry of ``extra_rows`` for a row a regional variant adds).

``engine="lark"`` parses the same cells with the vocabulary grammar's own LALR parser instead:
the cells are fed as the token stream the grammar describes (each label, header and value as
its terminal), so the tree comes from the grammar itself. The test suite holds the two engines
to the same model objects.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs
import lark
from lark import Token, Transformer, Tree

from ..errors import ReportError
from ..model import Cell, Table, Value
from ..template.spec import TableSpec
from ..template.vocabulary import COLUMN_KINDS, local_name

#: A blank cell's token text: the kind terminals print digits only, so this never stands for one.
_BLANK = ""


class TableBuilder(Transformer[Any, Any]):
    """Builds one table's model object from its tree; ``cls`` is the table's model class."""

    def __init__(self, spec: TableSpec, cls: type[Table]) -> None:
        super().__init__()
        self.spec = spec
        self.cls = cls
        self.columns = {row.id: row.columns for row in spec.rows}
        self.column_ids = frozenset(spec.column_ids())
        self.fields = {
            f.name: f.type for f in attrs.fields(attrs.resolve_types(cls)) if f.name != "extra_rows"
        }

    def __default__(self, data: Any, children: list[Any], meta: Any) -> Any:
        name = local_name(str(data))
        if name == self.spec.id:
            return self._table(children)
        if name in self.columns:
            return self._row(name, children)
        cells = [child for child in children if isinstance(child, Cell)]
        if name in self.column_ids:
            return cells[0]
        if cells:
            return cells  # a column group: the columns under a merged header
        return [row for child in children for row in ([child] if isinstance(child, tuple) else child)]

    def __default_token__(self, token: Token) -> Any:
        kind = COLUMN_KINDS.get(local_name(token.type))
        if kind is None:
            return token  # a label or a header
        return _cell_of(token)

    def _row(self, row_id: str, children: list[Any]) -> tuple[str, tuple[Cell, ...]]:
        cells: list[Cell] = []
        for child in children:
            if isinstance(child, Cell):
                cells.append(child)
            elif isinstance(child, list):  # a column group
                cells.extend(c for c in child if isinstance(c, Cell))
        return row_id, tuple(cells)

    def _table(self, children: list[Any]) -> Table:
        rows: dict[str, Any] = {}
        extra: dict[str, dict[str, Cell]] = {}
        for row_id, cells in _rows(children):
            row_cls = self.fields.get(row_id)
            if row_cls is not None:
                rows[row_id] = row_cls(*cells)
            else:
                extra[row_id] = dict(zip(self.columns[row_id], cells, strict=True))
        if "extra_rows" in attrs.fields_dict(self.cls):
            rows["extra_rows"] = extra
        table: Table = self.cls(**rows)
        return table


def _rows(children: Sequence[Any]) -> Iterator[tuple[str, tuple[Cell, ...]]]:
    """The rows among a table's children: rows, and groups of rows (lists)."""
    for child in children:
        if isinstance(child, tuple):
            yield child
        elif isinstance(child, list):
            yield from _rows(child)


def _cell_of(token: Token) -> Cell:
    """A value token's cell: the number its text prints, as its kind reads it, on its line."""
    text = str(token).lstrip("+")
    kind = COLUMN_KINDS[local_name(token.type)]
    value: Value = None
    if text:
        value = Decimal(text) if kind == "amount" or "." in text else int(text)
        if kind != "amount" and isinstance(value, Decimal) and value == value.to_integral_value():
            value = int(value)
    return Cell(value, token.line, token.column)


def _value_token(kind_terminal: str, cell: Cell) -> Token:
    value = cell.value
    text = _BLANK if value is None else format(value, "f") if isinstance(value, Decimal) else str(value)
    return Token(kind_terminal, text, line=cell.line, column=cell.column)


# --- the fast path: the tree written out directly ---------------------------------------------


def table_tree(spec: TableSpec, rows: Mapping[str, Sequence[Cell]]) -> Tree[Any]:
    """The table as a tree in its grammar's shape, cut down to what carries cells: the start
    rule over its rows in template order, each row already as the (row id, cells) pair the
    builder makes of a row rule — groups of rows, label and header terminals and column rules
    carry no cell, and a row's cells are read already. A row not read has blank cells."""
    children: list[tuple[str, tuple[Cell, ...]]] = []
    for row in spec.rows:
        cells = tuple(rows.get(row.id) or (Cell() for _ in row.columns))
        if len(cells) != len(row.columns):
            raise ValueError(f"row {row.id} has {len(row.columns)} columns, not {len(cells)}")
        children.append((row.id, cells))
    return Tree(spec.id, children)  # type: ignore[arg-type]  # rows stand built in the tree


def build_table(
    spec: TableSpec,
    rows: Mapping[str, Sequence[Cell]],
    cls: type[Table],
    *,
    engine: str = "fast",
    parser: lark.Lark | None = None,
) -> Table:
    """The model object of a table whose rows were read as ``rows`` (row id -> cells);
    ``engine="lark"`` parses them with ``parser``, the table's compiled vocabulary grammar."""
    if engine == "lark":
        if parser is None:
            raise ValueError("engine='lark' needs the table's compiled grammar")
        tree = _parse_cells(parser, spec, rows)
    else:
        tree = table_tree(spec, rows)
    table: Table = _builder(spec, cls).transform(tree)
    return table


_BUILDERS: dict[tuple[TableSpec, type[Table]], TableBuilder] = {}


def _builder(spec: TableSpec, cls: type[Table]) -> TableBuilder:
    """One builder per table vocabulary and model class: it keeps no state between tables."""
    builder = _BUILDERS.get((spec, cls))
    if builder is None:
        builder = _BUILDERS[spec, cls] = TableBuilder(spec, cls)
    return builder


# --- the reference path: parsed by the vocabulary grammar ------------------------------------


def _parse_cells(parser: lark.Lark, spec: TableSpec, rows: Mapping[str, Sequence[Cell]]) -> Tree[Any]:
    """The tree Lark's LALR parser builds from the table's token stream."""
    interactive = parser.parse_interactive("")
    try:
        for token in TokenStream(parser, spec, rows).tokens():
            interactive.feed_token(token)
        tree: Tree[Any] = interactive.feed_eof()  # type: ignore[no-untyped-call]
    except lark.exceptions.UnexpectedInput as exc:
        raise ReportError(f"table {spec.id}: its cells do not follow its grammar: {exc}") from exc
    return tree


class TokenStream:
    """The tokens a vocabulary grammar expects for a table: walking its rules from the start
    rule, each label and header terminal as itself and each kind terminal with a cell."""

    def __init__(self, parser: lark.Lark, spec: TableSpec, rows: Mapping[str, Sequence[Cell]]) -> None:
        self.rules: dict[str, list[str]] = {}
        for rule in parser.rules:
            self.rules.setdefault(str(rule.origin.name), [str(s.name) for s in rule.expansion])
        self.terminals = {str(t.name): t for t in parser.terminals}
        self.start = next(name for name in self.rules if local_name(name) == spec.id)
        self.cells = {row.id: list(rows.get(row.id) or [Cell() for _ in row.columns]) for row in spec.rows}
        self.current: list[Cell] = []

    def tokens(self) -> Iterator[Token]:
        yield from self._walk(self.start)

    def _walk(self, name: str) -> Iterator[Token]:
        if local_name(name) in self.cells:
            self.current = list(self.cells[local_name(name)])
        for symbol in self.rules[name]:
            if symbol in self.rules:
                yield from self._walk(symbol)
            elif local_name(symbol) in COLUMN_KINDS:
                yield _value_token(symbol, self.current.pop(0))
            else:
                yield Token(symbol, _label_text(self.terminals[symbol]))


def _label_text(terminal: Any) -> str:
    pattern = terminal.pattern
    return str(pattern.value) if isinstance(pattern, lark.lexer.PatternStr) else str(terminal.name)
