"""Formats: the 2019 template, detection by wording, and regional variants users register."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import govinfo_report
from govinfo_report import GrammarError, ReportDataError
from govinfo_report.model import ActiveDisclosure2019
from govinfo_report.template import formats

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample_report.txt"

ACTIVE_2019 = """二、主动公开政府信息情况
第二十条第（一）项
信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
规章\t0\t0\t3
规范性文件\t6\t4\t11
第二十条第（五）项
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政许可\t120\t+461\t5,326
其他对外管理服务事项\t8\t-2\t30
第二十条第（六）项
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政处罚\t40\t0\t57
行政强制\t3\t\t2
第二十条第（八）项
信息内容\t上一年项目数量\t本年增/减
行政事业性收费\t5\t-1
第二十条第（九）项
信息内容\t采购项目数量\t采购总金额
政府集中采购\t2笔\t251000.5元
"""


def report_2019(active: str = ACTIVE_2019, year: int = 2020) -> str:
    """The sample report turned into a 2019-template report: table 二 swapped, （六） as one row."""
    text = SAMPLE.read_text("utf-8").replace("2023", str(year))
    start, end = text.index("二、主动公开政府信息情况"), text.index("三、收到和处理政府信息公开申请情况")
    text = text[:start] + active + "\n" + text[end:]
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if "（六）其他处理" in line)
    lines[first : first + 3] = ["\t（六）其他处理\t0\t0\t0\t0\t1\t0\t1"]
    return "\n".join(lines)


def test_format_2019_table_two_and_the_single_other_processing_row() -> None:
    report = govinfo_report.parse(report_2019())
    assert report.format == "2019"
    active = report.active_disclosure
    assert isinstance(active, ActiveDisclosure2019)
    assert active.normative_documents.values() == (6, 4, 11)
    assert active.licensing.values() == (120, 461, 5326)
    assert active.other_services.values() == (8, -2, 30)
    assert active.enforcement.values() == (3, None, 2)
    assert active.fees.values() == (5, -1)
    assert active.procurement.values() == (2, Decimal("251000.5"))
    assert report.requests is not None
    assert report.requests.other_processing.values() == (0, 0, 0, 0, 1, 0, 1)
    assert report.requests.other_misc.values() == (None,) * 7
    assert not [d for d in report.diagnostics if d.code in ("missing-row", "other-processing-single-row")]


def test_format_2019_names_its_one_other_processing_row_when_it_is_lost() -> None:
    text = "\n".join(line for line in report_2019().split("\n") if "（六）其他处理" not in line)
    report = govinfo_report.parse(text)
    missing = [d.row for d in report.diagnostics if d.code == "missing-row"]
    assert missing == ["other_processing"]  # not the three sub-rows the 2019 template lacks


def test_format_2019_json_uses_the_2019_ids_and_round_trips() -> None:
    report = govinfo_report.parse(report_2019())
    data = govinfo_report.to_dict(report)
    assert list(data["active_disclosure"]) == [
        "regulations", "normative_documents", "licensing", "other_services",
        "punishment", "enforcement", "fees", "procurement",
    ]  # fmt: skip
    assert data["active_disclosure"]["licensing"] == {"previous_items": 120, "change": 461, "decisions": 5326}
    assert data["active_disclosure"]["procurement"] == {"items": 2, "total_amount": Decimal("251000.5")}
    assert govinfo_report.from_dict(data) == report
    assert govinfo_report.loads(govinfo_report.dumps(report)) == report


def test_format_2019_space_separated_on_one_line() -> None:
    flat = " ".join(ACTIVE_2019.replace("\t", " ").split("\n"))
    report = govinfo_report.parse(report_2019(flat))
    assert isinstance(report.active_disclosure, ActiveDisclosure2019)
    assert report.active_disclosure.procurement.values() == (2, Decimal("251000.5"))
    assert report.active_disclosure.licensing.values() == (120, 461, 5326)


def test_detection_is_by_wording_not_by_year() -> None:
    assert govinfo_report.parse(report_2019(year=2022)).format == "2019"
    text_2021 = SAMPLE.read_text("utf-8").replace("2023", "2020")
    assert govinfo_report.parse(text_2021).format == "2021"


def test_the_year_breaks_a_tie() -> None:
    assert govinfo_report.detect_format("无表格", year=2020) == "other"
    tied = "本年制发件数 上一年项目数量"
    assert govinfo_report.detect_format(tied, year=2020) == "2019"
    assert govinfo_report.detect_format(tied, year=2022) == "2021"


def test_forcing_a_format() -> None:
    report = govinfo_report.parse(SAMPLE.read_text("utf-8"), format="2019")
    assert report.format == "2019"
    assert isinstance(report.active_disclosure, ActiveDisclosure2019)
    with pytest.raises(ValueError, match="unknown format"):
        govinfo_report.parse("x", format="1999")


def test_tables_in_no_known_template_name_the_closest_one() -> None:
    text = (
        "某局2017年政府信息公开工作年度报告\n一、总体情况\n正文\n二、主动公开政府信息情况\n"
        "本年主动公开信息 120 条。\n三、收到和处理政府信息公开申请情况\n本年收到申请 3 件。\n"
    )
    report = govinfo_report.parse(text)
    assert report.format == "other"
    assert report.active_disclosure is None and report.requests is None
    (note,) = [d for d in report.diagnostics if d.code == "table-format-unknown"]
    assert "closest is format" in note.message and "not found" in note.message


VARIANT = """
%import tables.active_2021 (active_disclosure, article_20_1, article_20_5, article_20_6, article_20_8)
%import tables.columns (COUNT, AMOUNT)
%override active_disclosure: article_20_1 article_20_5 article_20_6 article_20_8 other_documents

other_documents: OTHER_DOCUMENTS published budget
published: COUNT
budget: AMOUNT
OTHER_DOCUMENTS: "其他政务公开文件"
"""

VARIANT_TABLE = "其他政务公开文件\t46\t3.5\n"


@pytest.fixture
def variant(tmp_path: Path) -> object:
    grammar = tmp_path / "test_variant.lark"
    grammar.write_text(VARIANT, encoding="utf-8")
    yield govinfo_report.register_format("test-variant", grammar, markers=["其他政务公开文件"])
    govinfo_report.unregister_format("test-variant")


def _variant_report() -> str:
    text = SAMPLE.read_text("utf-8")
    return text.replace(
        "三、收到和处理政府信息公开申请情况", VARIANT_TABLE + "\n三、收到和处理政府信息公开申请情况"
    )


@pytest.mark.usefixtures("variant")
def test_a_registered_variant_reads_its_extra_row() -> None:
    report = govinfo_report.parse(_variant_report())
    assert report.format == "test-variant"
    assert report.active_disclosure is not None
    extra = report.active_disclosure.extra_rows["other_documents"]
    assert extra["published"].value == 46 and extra["budget"].value == Decimal("3.5")
    data = govinfo_report.to_dict(report)
    assert data["active_disclosure"]["other_documents"] == {"published": 46, "budget": Decimal("3.5")}
    assert govinfo_report.from_dict(data) == report


@pytest.mark.usefixtures("variant")
def test_a_national_report_stays_national_with_a_variant_registered() -> None:
    assert govinfo_report.parse(SAMPLE.read_text("utf-8")).format == "2021"


def test_a_variant_json_needs_its_variant(variant: object) -> None:
    data = govinfo_report.to_dict(govinfo_report.parse(_variant_report()))
    govinfo_report.unregister_format("test-variant")
    with pytest.raises(ReportDataError, match="test-variant"):
        govinfo_report.from_dict(data)


def test_a_national_json_with_an_unknown_row_is_refused() -> None:
    data = govinfo_report.to_dict(govinfo_report.parse_file(SAMPLE))
    data["active_disclosure"]["other_documents"] = {"published": 1}
    with pytest.raises(ReportDataError, match="other_documents"):
        govinfo_report.from_dict(data)


def test_a_variant_can_add_a_section(tmp_path: Path) -> None:
    grammar = tmp_path / "seven.lark"
    grammar.write_text(
        "%import skeleton (start, preamble, section_1, section_2, section_3, section_4, section_5, "
        "section_6, TEXT)\n"
        "%override start: preamble section_1? section_2? section_3? section_4? section_5? section_6? "
        "section_7?\n"
        "section_7: HEADING_7 TEXT?\n"
        "HEADING_7: /七[、.]\\s*附件/\n",
        encoding="utf-8",
    )
    govinfo_report.register_format("seven", grammar, markers=["七、附件"])
    try:
        report = govinfo_report.parse(SAMPLE.read_text("utf-8") + "\n七、附件\n附表一份。\n")
    finally:
        govinfo_report.unregister_format("seven")
    assert report.format == "seven"
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6, 7]
    assert report.section(7) is not None and report.section(7).text == "附表一份。"  # type: ignore[union-attr]
    assert report.requests is not None and report.requests.new_received.total.value == 15


def test_a_variant_grammar_error_names_file_line_and_problem(tmp_path: Path) -> None:
    grammar = tmp_path / "broken.lark"
    grammar.write_text("%import tables.active_2021 (active_disclosure)\nrow: : X\n", encoding="utf-8")
    with pytest.raises(GrammarError) as info:
        govinfo_report.register_format("broken", grammar)
    message = str(info.value)
    assert "broken.lark" in message and "line 2" in message
    assert "broken" not in formats.names()


def test_a_variant_using_an_undefined_rule_is_refused(tmp_path: Path) -> None:
    grammar = tmp_path / "undefined.lark"
    grammar.write_text(
        "%import tables.active_2021 (active_disclosure)\n%override active_disclosure: nowhere\n",
        encoding="utf-8",
    )
    with pytest.raises(GrammarError, match="nowhere"):
        govinfo_report.register_format("undefined", grammar)


def test_built_in_names_cannot_be_taken() -> None:
    with pytest.raises(ValueError, match="built-in"):
        govinfo_report.register_format("2021", SAMPLE)


def test_plugins_are_found_through_their_entry_point(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An installed distribution (its ``.dist-info`` folder on the path) declares a variant."""
    (tmp_path / "plugin.lark").write_text(VARIANT, encoding="utf-8")
    (tmp_path / "my_variant.py").write_text(
        "from pathlib import Path\n"
        "import govinfo_report\n"
        "variant = govinfo_report.Variant(name='from-plugin',"
        " grammar=Path(__file__).with_name('plugin.lark'), markers=('其他政务公开文件',))\n",
        encoding="utf-8",
    )
    info = tmp_path / "my_variant-1.0.dist-info"
    info.mkdir()
    metadata = "Metadata-Version: 2.1\nName: my-variant\nVersion: 1.0\n"
    (info / "METADATA").write_text(metadata, encoding="utf-8")
    (info / "entry_points.txt").write_text(
        "[govinfo_report.formats]\nfrom-plugin = my_variant:variant\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(formats, "_entry_points_loaded", False)
    try:
        assert "from-plugin" in formats.names()
        assert govinfo_report.parse(_variant_report()).format == "from-plugin"
    finally:
        govinfo_report.unregister_format("from-plugin")


def test_entry_points_read_from_folders_match_importlib_metadata() -> None:
    from importlib import metadata

    from govinfo_report import plugins

    for group in ("console_scripts", "govinfo_report.formats", "no.such.group"):
        expected = sorted(entry.name for entry in metadata.entry_points(group=group))
        assert sorted(name for name, _ in plugins.entry_points(group)) == expected


def test_entry_points_fall_back_to_importlib_metadata_for_a_zip_on_the_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from govinfo_report import plugins

    archive = tmp_path / "bundle.zip"
    archive.write_bytes(b"PK\x05\x06" + bytes(18))
    monkeypatch.syspath_prepend(str(archive))
    assert plugins._from_path_folders("console_scripts") is None


def test_compiled_parsers_are_cached_on_disk_by_content(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from govinfo_report.template import grammars

    cache = tmp_path / "cache"
    monkeypatch.setenv("GOVINFO_REPORT_CACHE", str(cache))
    grammar = tmp_path / "cached.lark"
    grammar.write_text(VARIANT, encoding="utf-8")
    grammars.load_file(grammar, "active_disclosure")
    first = set(cache.iterdir())
    assert len(first) == 1
    grammars.load_file(grammar, "active_disclosure")
    assert set(cache.iterdir()) == first  # same content: the same cache file is reused
    grammar.write_text(VARIANT.replace("3.5", "") + "\n// edited\n", encoding="utf-8")
    grammars.load_file(grammar, "active_disclosure")
    assert len(set(cache.iterdir())) == 2  # edited grammar: a new key, never the stale parser
    assert (cache.stat().st_mode & 0o077) == 0  # private to the user


# --- format 2019 reports written by the renderer, in every layout ----------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from govinfo_report.model import (  # noqa: E402
    Cell,
    Procurement,
)
from govinfo_report.testing import reports_2019  # noqa: E402


@settings(deadline=None)
@given(reports_2019(), st.sampled_from(govinfo_report.RENDER_LAYOUTS))
def test_format_2019_reports_in_every_layout_parse_exactly(
    report: govinfo_report.Report, layout: str
) -> None:
    text = govinfo_report.render(report, layout=layout)
    parsed = govinfo_report.parse(text)
    assert parsed.format == "2019"
    assert (parsed.agency, parsed.year) == (report.agency, report.year)
    assert parsed.active_disclosure == report.active_disclosure
    assert parsed.requests == report.requests
    assert parsed.review_litigation == report.review_litigation


@pytest.mark.parametrize("layout", govinfo_report.RENDER_LAYOUTS)
def test_a_short_row_of_table_two_with_a_blank_first_value_keeps_its_place(layout: str) -> None:
    # found by the property above: in a markdown table padded to four columns, the row
    # "| 政府集中采购 |  | 0 |  |" lost its blank first value to the right-hand padding
    report = govinfo_report.parse(report_2019())
    active = attrs.evolve(report.active_disclosure, procurement=Procurement(Cell(None), Cell(Decimal("0"))))
    report = attrs.evolve(report, active_disclosure=active)
    parsed = govinfo_report.parse(govinfo_report.render(report, layout=layout))
    assert parsed.active_disclosure == report.active_disclosure
