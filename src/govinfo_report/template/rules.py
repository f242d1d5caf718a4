"""The template's arithmetic (勾稽关系, FORMAT.md §4), one :class:`Rule` each, in one registry.

A rule says which cells must add up in a table as printed, and how findings word it. Everything
that uses the arithmetic reads it from :data:`RULES`: the validator checks each rule's
:class:`Check`\\ s on a report, and the glued-digit decoder splits digits that ran together
under the same checks, read as linear equations. Adding a rule is adding one entry here (and
its test): its id becomes a finding code of the diagnostics catalogue, with its severity, and
the validator and the decoder apply it.

A check is ``target = Σ plus − Σ minus`` over cells named by (table, row, column) ids of the data
contract. The rows a check names are the rows the table prints: （六）其他处理 as one row or as
its three sub-rows, and the rows a regional variant adds (``optional``: the sum may hold with or
without them).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Literal

import attrs

from ..model import Cell, Severity, Value
from .spec import TableSpec

#: A cell by its ids in the data contract: table, row, column.
Key = tuple[str, str, str]
#: What one check of a rule covers, and so how a list of checks is named: a column of the table,
#: a row, a block of table 四, or two reports of consecutive years.
Scope = Literal["column", "row", "block", "years"]
#: Reads a cell's value (None when blank).
Getter = Callable[[Key], Value]


@attrs.frozen
class Check:
    """One instance of a rule: ``target = Σ plus − Σ minus``; ``optional`` cells (a variant's
    extra rows) may or may not be part of the sum."""

    rule: str
    target: Key
    plus: tuple[Key, ...]
    minus: tuple[Key, ...] = ()
    optional: tuple[Key, ...] = ()

    @property
    def keys(self) -> tuple[Key, ...]:
        return (self.target, *self.plus, *self.minus, *self.optional)

    @functools.cached_property
    def rows(self) -> frozenset[str]:
        """The rows the check's cells stand in (one: a row sum; several: a rule across rows)."""
        return frozenset(key[1] for key in self.keys)

    def equation(self) -> tuple[tuple[Key, int], ...]:
        """The check as ``Σ sign × cell = 0`` over its required cells."""
        return ((self.target, 1), *((k, -1) for k in self.plus), *((k, 1) for k in self.minus))


@attrs.frozen(cache_hash=True)
class PrintedTable:
    """What a rule needs to know of a table as a report prints it: its vocabulary, the template
    rows it prints, in order, and the rows a regional variant adds."""

    spec: TableSpec
    rows: tuple[str, ...]
    extra: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        spec: TableSpec,
        *,
        collapsed: bool = False,
        extra: Sequence[str] = (),
        variant_rows: Sequence[str] = (),
    ) -> PrintedTable:
        """The table printed with each alternative as one row (``collapsed``: （六）其他处理 as
        one row) or as the group of rows it stands for; ``variant_rows`` are the rows a regional
        variant adds, of which ``extra`` take part in the arithmetic. The same object each time
        for the same arguments: it keys the caches of checks, and equal keys that are not the
        same object are compared field by field."""
        return _printed_table(spec, collapsed, tuple(extra), tuple(variant_rows))

    def columns(self, row: str) -> tuple[str, ...]:
        """A row's columns: as its vocabulary declares them, or the table's for a row the
        vocabulary does not know (a variant's row in a report read without its variant)."""
        for spec in self.spec.rows:
            if spec.id == row:
                return spec.columns
        return self.spec.column_ids()


@functools.lru_cache(maxsize=128)
def _printed_table(
    spec: TableSpec,
    collapsed: bool,
    extra: tuple[str, ...],
    variant_rows: tuple[str, ...],
) -> PrintedTable:
    skip = set(variant_rows) | set(extra)
    for one_row, members in spec.alternatives().items():
        skip |= set(members) if collapsed else {one_row}
    rows = tuple(r.id for r in spec.rows if r.id not in skip)
    return PrintedTable(spec, rows, extra)


@attrs.frozen
class Rule:
    """One arithmetic rule: its id (the finding code), the table it is about, what one check
    covers, the formula in Chinese and English, the expression its target should equal (for
    messages), how it applies to a table as printed, how a failed check shows its operands, and
    the severity of a failure."""

    id: str
    table: str
    scope: Scope
    formula_zh: str
    formula_en: str
    expression_zh: str
    expression_en: str
    checks: Callable[[PrintedTable], tuple[Check, ...]]
    operands: Callable[[Check, Getter, TableSpec], tuple[str, str]]
    severity: Severity = "error"


Status = Literal["pass", "fail", "bound", "unknown"]


@attrs.frozen
class Outcome:
    """How one check came out; for "bound", ``expected`` is what the filled-in parts already
    add up to."""

    status: Status
    expected: Value
    actual: Value

    @property
    def failed(self) -> bool:
        return self.status in ("fail", "bound")


def rows_getter(table: TableSpec, *layers: Mapping[str, Sequence[Cell]]) -> Getter:
    """A getter of the cells of ``table``'s rows held by row id in ``layers``: a row's cells
    come from the first layer that holds it (rows placed, then rows read already)."""
    places = _places(table)

    def get(key: Key) -> Value:
        _, row, column = key
        at = places.get((row, column))
        if at is None:
            return None
        for layer in layers:
            if row in layer:
                cells = layer[row]
                return cells[at].value if cells else None
        return None

    return get


#: A row's own sum as (a cell's place in the row, its sign) terms that add up to zero.
Terms = tuple[tuple[int, int], ...]


def row_terms(table: TableSpec, check: Check) -> Terms | None:
    """A row's own sum as (the cell's place in the row, sign) terms that add up to zero where
    it holds: plain arithmetic on the row's cells decides it, whenever they are all read. None
    where the sum has optional cells, which only :func:`evaluate` weighs."""
    if check.optional:
        return None
    places = _places(table)
    return tuple((places[key[1], key[2]], sign) for key, sign in check.equation())


def sum_holds(terms: Terms, values: Sequence[Value]) -> bool | None:
    """Whether a row's own sum holds on its cells' ``values`` (in row order) by plain
    arithmetic; None where a cell it adds is blank, which only :func:`evaluate` weighs."""
    total: int | Decimal = 0
    for at, sign in terms:
        value = values[at]
        if value is None:
            return None
        total += sign * value
    return total == 0


@functools.lru_cache(maxsize=64)
def _places(table: TableSpec) -> dict[tuple[str, str], int]:
    """(row, column) -> the column's place among the row's cells."""
    return {(row.id, column): i for row in table.rows for i, column in enumerate(row.columns)}


def evaluate(check: Check, get: Getter) -> Outcome:
    """A check's outcome; a variant's optional rows count when the sum holds only with them."""
    outcome = _evaluate_sum(check.target, check.plus, check.minus, get)
    if check.optional and outcome.failed:
        with_extra = _evaluate_sum(check.target, check.plus + check.optional, check.minus, get)
        if with_extra.status == "pass":
            return with_extra
    return outcome


def _evaluate_sum(
    target: Key, plus_keys: tuple[Key, ...], minus_keys: tuple[Key, ...], get: Getter
) -> Outcome:
    actual = get(target)
    plus = list(map(get, plus_keys))
    minus = list(map(get, minus_keys))
    if actual is None or None in plus or None in minus:
        if actual is not None and not minus:
            known = sum(v for v in plus if v is not None)
            if known > actual:
                return Outcome("bound", known, actual)
        return Outcome("unknown", None, actual)
    expected = sum(v for v in plus if v is not None) - sum(v for v in minus if v is not None)
    return Outcome("pass" if expected == actual else "fail", expected, actual)


# --- table 三 --------------------------------------------------------------------------------


def _balance(table: PrintedTable) -> tuple[Check, ...]:
    """Every column: 一 + 二 = （七）总计 + 四."""
    return tuple(
        Check(
            "requests-balance",
            ("requests", "total_processed", c),
            (("requests", "new_received", c), ("requests", "carried_over", c)),
            (("requests", "carried_forward", c),),
        )
        for c in table.spec.row("total_processed").columns
    )


def _balance_operands(check: Check, get: Getter, spec: TableSpec) -> tuple[str, str]:
    a, b, c = (get(k) for k in (*check.plus, *check.minus))
    return f"一={a}，二={b}，四={c}", f"{a} + {b} − {c}"


def result_rows(table: PrintedTable) -> tuple[str, ...]:
    """The rows （七）总计 adds up: the other rows of its group, as the table prints them."""
    group = table.spec.row("total_processed").groups
    return tuple(
        r for r in table.rows if r != "total_processed" and table.spec.row(r).groups[: len(group)] == group
    )


def _results_sum(table: PrintedTable) -> tuple[Check, ...]:
    """Every column: （七）总计 = the sum of the result rows."""
    leaves = result_rows(table)
    return tuple(
        Check(
            "requests-results-sum",
            ("requests", "total_processed", c),
            tuple(("requests", r, c) for r in leaves),
            optional=tuple(("requests", r, c) for r in table.extra),
        )
        for c in table.spec.row("total_processed").columns
    )


def _results_operands(check: Check, get: Getter, spec: TableSpec) -> tuple[str, str]:
    """The non-zero result rows (all of them would be too long to read)."""
    nonzero = [(k, get(k)) for k in check.plus if get(k)]
    if not nonzero or len(nonzero) > 8:
        return "", ""
    return (
        "非零项：" + "，".join(f"{spec.row_name(k[1]).removeprefix('三、')} {v}" for k, v in nonzero),
        "non-zero: " + ", ".join(f"{k[1]} {v}" for k, v in nonzero),
    )


def _row_sums(table: PrintedTable) -> tuple[Check, ...]:
    """Every row: 总计 = 自然人 + the five 法人或其他组织 columns."""
    checks = []
    for row in (*table.rows, *table.extra):
        *parts, total = table.columns(row)
        checks.append(
            Check("requests-row-sum", ("requests", row, total), tuple(("requests", row, c) for c in parts))
        )
    return tuple(checks)


def _sum_operands(check: Check, get: Getter, spec: TableSpec) -> tuple[str, str]:
    parts = [get(k) for k in check.plus]
    return "+".join(str(v) for v in parts), " + ".join(str(v) for v in parts)


# --- table 四 --------------------------------------------------------------------------------


def _block_sums(table: PrintedTable) -> tuple[Check, ...]:
    """Each block: 总计 = 维持 + 纠正 + 其他 + 尚未审结."""
    checks = []
    for block in table.rows:
        *parts, total = table.columns(block)
        checks.append(
            Check(
                "review-block-sum",
                ("review_litigation", block, total),
                tuple(("review_litigation", block, c) for c in parts),
            )
        )
    return tuple(checks)


def _no_checks(table: PrintedTable) -> tuple[Check, ...]:
    return ()


#: Every arithmetic rule, in the order findings list them.
RULES: tuple[Rule, ...] = (
    Rule(
        "requests-balance",
        "requests",
        "column",
        "一+二=（七）总计+四",
        "new_received + carried_over = total_processed + carried_forward",
        "一+二−四",
        "new_received + carried_over − carried_forward",
        _balance,
        _balance_operands,
    ),
    Rule(
        "requests-results-sum",
        "requests",
        "column",
        "（七）总计=（一）至（六）各项之和",
        "total_processed = the sum of the result rows",
        "（一）至（六）各项之和",
        "the sum of the result rows",
        _results_sum,
        _results_operands,
    ),
    Rule(
        "requests-row-sum",
        "requests",
        "row",
        "总计=自然人与法人或其他组织各列之和",
        "total = natural_person + the five organisation columns",
        "自然人与法人或其他组织各列之和",
        "the sum of the six applicant columns",
        _row_sums,
        _sum_operands,
    ),
    Rule(
        "review-block-sum",
        "review_litigation",
        "block",
        "总计=维持+纠正+其他+尚未审结",
        "total = upheld + corrected + other + pending",
        "维持+纠正+其他+尚未审结",
        "upheld + corrected + other + pending",
        _block_sums,
        _sum_operands,
    ),
    Rule(
        "carry-over-continuity",
        "requests",
        "years",
        "本年“上年结转”=上年“结转下年度继续办理”",
        "this year's carried_over = last year's carried_forward",
        "上年“结转下年度继续办理”",
        "last year's carried_forward",
        _no_checks,
        _sum_operands,
    ),
)
#: The rules by id.
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


def rules_for(table_id: str, *, scope: Scope | None = None) -> tuple[Rule, ...]:
    """The rules about one table (of one scope)."""
    return tuple(r for r in RULES if r.table == table_id and (scope is None or r.scope == scope))


@functools.lru_cache(maxsize=256)
def checks_for(table_id: str, table: PrintedTable, *, scope: Scope | None = None) -> tuple[Check, ...]:
    """Every check of the rules about ``table_id`` on the table as printed (made once per
    printed form: placement and validation ask for them several times a report)."""
    return tuple(check for rule in rules_for(table_id, scope=scope) for check in rule.checks(table))


@functools.lru_cache(maxsize=64)
def row_sum_checks(table: TableSpec, printed: PrintedTable) -> tuple[Check, ...]:
    """The checks of a printed table that stay within one row: its rows' own sums."""
    return tuple(c for c in checks_for(table.id, printed) if len(c.rows) == 1)


@functools.lru_cache(maxsize=64)
def checks_in_either_form(table: TableSpec) -> tuple[Check, ...]:
    """Every check of the rules about a table in either printed form of its alternatives
    (（六）其他处理 as one row, or as the rows it stands for), each once."""
    forms = (PrintedTable.of(table, collapsed=collapsed) for collapsed in (False, True))
    return tuple(dict.fromkeys(check for printed in forms for check in checks_for(table.id, printed)))


def sum_ranges(checks: Sequence[Check], cells: Sequence[Key]) -> tuple[tuple[int, int], ...]:
    """Where a run of printed cells holds sums of its own: cell ranges ``(start, end)`` whose
    last cell is the sum of the others, from the checks that lie wholly in ``cells`` (a table 三
    row's row sum; table 四's three block sums in its run of fifteen). The glued-digit decoder
    reads a total before the cells that add up to it."""
    place = {key: index for index, key in enumerate(cells)}
    ranges = []
    for check in checks:
        if check.minus or check.optional or not all(k in place for k in check.keys):
            continue
        start, end = place[check.plus[0]], place[check.target]
        if [place[k] for k in check.plus] == list(range(start, end)):
            ranges.append((start, end + 1))
    return tuple(sorted(set(ranges)))
