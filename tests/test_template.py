"""The template is written once, in the grammars: the model, the names findings use and the
section headings all come from there, and the model's typed fields agree with the grammars."""

from __future__ import annotations

import attrs
import pytest

from govinfo_report.model import table_class
from govinfo_report.template.formats import get_format


@pytest.mark.parametrize("name", ["2021", "2019"])
@pytest.mark.parametrize("table_id", ["active_disclosure", "requests", "review_litigation"])
def test_the_model_spells_every_table_as_its_grammar_does(name: str, table_id: str) -> None:
    spec = get_format(name).tables[table_id]
    cls = table_class(table_id, name)
    model = {
        field.name: tuple(column.name for column in attrs.fields(field.type))
        for field in attrs.fields(cls)
        if field.name != "extra_rows"
    }
    grammar = {row.id: row.columns for row in spec.rows}
    # a model row the grammar lacks is the other template's (（六） as one row or as three)
    assert {row: columns for row, columns in model.items() if row in grammar} == grammar
    assert set(model) - set(grammar) <= {"other_processing", *spec.alternatives().get("other_processing", ())}


def test_a_model_field_the_grammar_lacks_is_caught() -> None:
    spec = get_format("2021").tables["requests"]
    renamed = attrs.evolve(
        spec, rows=tuple(attrs.evolve(r, id=r.id + "_x") if r.id == "granted" else r for r in spec.rows)
    )
    model = {f.name for f in attrs.fields(table_class("requests", "2021")) if f.name != "extra_rows"}
    assert {r.id for r in renamed.rows} - model == {"granted_x"}


def test_sections_are_named_by_the_skeleton_grammar() -> None:
    sections = get_format("2021").sections
    assert sections[1] == "一、总体情况" and sections[6] == "六、其他需要报告的事项"
    assert get_format("2019").sections == sections
    tables = get_format("2021").tables
    assert [tables[t].title for t in ("active_disclosure", "requests", "review_litigation")] == [
        sections[2],
        sections[3],
        sections[4],
    ]
    assert tables["review_litigation"].name_zh == "政府信息公开行政复议、行政诉讼情况"


@pytest.mark.parametrize(
    ("table_id", "row", "name"),
    [
        ("requests", "new_received", "一、本年新收申请数量"),
        ("requests", "granted", "三、（一）予以公开"),
        ("requests", "partially_granted", "三、（二）部分公开"),
        ("requests", "denied_state_secret", "三、（三）不予公开 1.属于国家秘密"),
        ("requests", "other_processing", "三、（六）其他处理"),
        ("requests", "other_misc", "三、（六）其他处理 3.其他"),
        ("requests", "total_processed", "三、（七）总计"),
        ("requests", "carried_forward", "四、结转下年度继续办理"),
        ("review_litigation", "review", "行政复议"),
        ("review_litigation", "litigation_after_review", "行政诉讼（复议后起诉）"),
        ("active_disclosure", "regulations", "规章"),
        ("active_disclosure", "fees", "行政事业性收费"),
    ],
)
def test_findings_name_a_row_by_its_path_in_the_printed_table(table_id: str, row: str, name: str) -> None:
    assert get_format("2021").tables[table_id].row_name(row) == name


def test_a_bare_column_header_is_named_with_its_merged_header() -> None:
    requests = get_format("2021").tables["requests"]
    assert requests.column_name("other_org") == "其他（法人或其他组织）"
    assert requests.column_name("natural_person") == "自然人"
    assert requests.column_name("total") == "总计"
    assert get_format("2019").tables["active_disclosure"].header("change") == "本年增/减"


def test_a_single_row_standing_for_a_group_is_known_from_the_grammar() -> None:
    assert get_format("2021").tables["requests"].alternatives() == {
        "other_processing": ("other_overdue_correction", "other_unpaid_fee", "other_misc")
    }
