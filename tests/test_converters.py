"""Real converters in the loop: a generated report is published as a web page (and as a PDF),
turned into text by the tools people actually use, and parsed back.

Every cell, the agency, the year and the six headings must survive. A converter that is not
installed is skipped with the reason (``bash .ci/run`` installs them all). Some converters
cannot print a blank cell (a space-aligned text has nothing to show for it, and a PDF's text
has no cell at all): they are checked with reports without blanks, and separately for never
turning a blank into a wrong number.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import govinfo_report
from govinfo_report.model import ActiveDisclosure, Cell, Fees, Report, Requests, ReviewLitigation, Section
from govinfo_report.template.formats import get_format, section_titles_of
from govinfo_report.testing import cell_differences, cell_values, reports, reports_2019
from govinfo_report.writers.html import render_html
from govinfo_report.writers.pdf import render_pdf
from libreoffice import LIBREOFFICE_STYLES, page, soffice, through_libreoffice
from report_files import REQUEST_ORGS

pytestmark = pytest.mark.converters

#: The template's section headings and the rows （六）其他处理 as one row stands for.
SECTION_TITLES = section_titles_of()
OTHER_SUBROWS = get_format("2021").tables["requests"].alternatives()["other_processing"]

#: How each page is written: plain HTML; Word-pasted markup; Word-pasted inside a site's chrome.
STYLES = {
    "plain": {},
    "word_paste": {"word_paste": True},
    "chrome": {"chrome": True, "word_paste": True},
}


class Converter(NamedTuple):
    """A real HTML- or PDF-to-text converter as a user runs it."""

    name: str
    source: str  # "html" or "pdf"
    command: str  # as the README shows it
    missing: Callable[[], str | None]  # why it cannot run here, or None
    run: Callable[[Path], str]
    keeps_blanks: bool  # whether a blank cell is still visible in its output
    #: tables whose cells its output may have lost: each is read exactly or left blank with a
    #: diagnostic, never read wrong
    loses: frozenset[str] = frozenset()


def _program(name: str, package: str) -> Callable[[], str | None]:
    def missing() -> str | None:
        return None if shutil.which(name) else f"{name} is not installed (apt-get install {package})"

    return missing


def _module(name: str, package: str) -> Callable[[], str | None]:
    def missing() -> str | None:
        found = importlib.util.find_spec(name) is not None
        return None if found else f"{name} is not installed (pip install {package})"

    return missing


def _run(*command: str) -> str:
    done = subprocess.run(command, capture_output=True, check=True, timeout=120)
    return done.stdout.decode("utf-8", errors="replace")


def _pandoc_path() -> str | None:
    found = shutil.which("pandoc")
    if found:
        return found
    if importlib.util.find_spec("pypandoc") is None:
        return None
    import pypandoc

    try:
        return str(pypandoc.get_pandoc_path())
    except OSError:
        return None


def _pandoc(target: str) -> Converter:
    def missing() -> str | None:
        return None if _pandoc_path() else "pandoc is not installed (pip install pypandoc_binary)"

    def run(path: Path) -> str:
        return _run(str(_pandoc_path()), "-f", "html", "-t", target, str(path))

    return Converter(f"pandoc-{target}", "html", f"pandoc -f html -t {target} page.html", missing, run, True)


def _html2text(path: Path) -> str:
    import html2text

    return str(html2text.html2text(path.read_text(encoding="utf-8")))


def _trafilatura(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(path.read_text(encoding="utf-8")) or ""


def _inscriptis(path: Path) -> str:
    import inscriptis

    return str(inscriptis.get_text(path.read_text(encoding="utf-8")))


def _markdownify(path: Path) -> str:
    import markdownify

    return str(markdownify.markdownify(path.read_text(encoding="utf-8")))


def _beautifulsoup(path: Path) -> str:
    from bs4 import BeautifulSoup

    return str(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text("\n"))


_W3M = ("w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8")
_LYNX = ("lynx", "-dump", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8")
_ELINKS = ("elinks", "-dump", "-dump-charset", "utf-8", "-no-references", "-no-numbering")


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(str(path)))


def _pypdf(path: Path) -> str:
    import pypdf

    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)


def _pdfplumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _markitdown(path: Path) -> str:
    from markitdown import MarkItDown

    return str(MarkItDown().convert(str(path)).text_content)


_TABLES = frozenset({"active_disclosure", "requests", "review_litigation"})

CONVERTERS = [
    Converter(
        "w3m",
        "html",
        " ".join(_W3M) + " page.html",
        _program("w3m", "w3m"),
        lambda p: _run(*_W3M, str(p)),
        True,
    ),
    Converter(
        "lynx",
        "html",
        " ".join(_LYNX) + " page.html",
        _program("lynx", "lynx"),
        lambda p: _run(*_LYNX, str(p)),
        False,
    ),
    Converter(
        "elinks",
        "html",
        " ".join(_ELINKS) + " page.html",
        _program("elinks", "elinks"),
        lambda p: _run(*_ELINKS, str(p)),
        True,
    ),
    _pandoc("plain"),
    _pandoc("markdown"),
    _pandoc("gfm"),
    Converter(
        "html2text", "html", "html2text page.html", _module("html2text", "html2text"), _html2text, True
    ),
    Converter(
        "trafilatura",
        "html",
        "trafilatura < page.html",
        _module("trafilatura", "trafilatura"),
        _trafilatura,
        True,
    ),
    Converter(
        "inscriptis", "html", "inscript page.html", _module("inscriptis", "inscriptis"), _inscriptis, False
    ),
    # A crawler's dump: every piece of the page's text on a line of its own, so a table comes
    # out one cell per line (a cell split into Word's runs over several), a blank cell only
    # where it holds &nbsp; — and the sign of a negative change in a run of its own lands on a
    # line of its own, where a dash for a blank cell could stand too: table 二's rows may be
    # left blank with a diagnostic.
    Converter(
        "beautifulsoup",
        "html",
        'BeautifulSoup(html, "html.parser").get_text("\\n")',
        _module("bs4", "beautifulsoup4"),
        _beautifulsoup,
        False,
        frozenset({"active_disclosure"}),
    ),
    Converter(
        "markdownify",
        "html",
        "markdownify page.html",
        _module("markdownify", "markdownify"),
        _markdownify,
        True,
    ),
    Converter(
        "pdftotext-layout",
        "pdf",
        "pdftotext -layout -enc UTF-8 report.pdf -",
        _program("pdftotext", "poppler-utils poppler-data"),
        lambda p: _run("pdftotext", "-layout", "-enc", "UTF-8", str(p), "-"),
        False,
    ),
    # Without -layout, pdftotext prints the PDF's text blocks in reading order: the right half
    # of table 四 comes after section 六, and a number standing between the lines of a wrapped
    # label of table 三 comes out inside the label.
    Converter(
        "pdftotext",
        "pdf",
        "pdftotext -enc UTF-8 report.pdf -",
        _program("pdftotext", "poppler-utils poppler-data"),
        lambda p: _run("pdftotext", "-enc", "UTF-8", str(p), "-"),
        False,
        frozenset({"requests", "review_litigation"}),
    ),
    # The PDF text extractors people use from Python, and pdftotext -raw: each prints a table's
    # numbers apart from its labels in its own order (labels first, numbers column by column,
    # numbers before labels, labels floating among markdown rows). Every cell is read exactly
    # or left blank with a diagnostic.
    Converter(
        "pdftotext-raw",
        "pdf",
        "pdftotext -raw -enc UTF-8 report.pdf -",
        _program("pdftotext", "poppler-utils poppler-data"),
        lambda p: _run("pdftotext", "-raw", "-enc", "UTF-8", str(p), "-"),
        False,
        _TABLES,
    ),
    Converter(
        "pdfminer",
        "pdf",
        "pdfminer.high_level.extract_text('report.pdf')",
        _module("pdfminer", "pdfminer.six"),
        _pdfminer,
        False,
        _TABLES,
    ),
    Converter(
        "pypdf",
        "pdf",
        "page.extract_text() for each page of pypdf.PdfReader('report.pdf')",
        _module("pypdf", "pypdf"),
        _pypdf,
        False,
        _TABLES,
    ),
    Converter(
        "pdfplumber",
        "pdf",
        "page.extract_text() for each page of pdfplumber.open('report.pdf')",
        _module("pdfplumber", "pdfplumber"),
        _pdfplumber,
        False,
        _TABLES,
    ),
    Converter(
        "markitdown",
        "pdf",
        "markitdown report.pdf",
        _module("markitdown", "'markitdown[pdf]'"),
        _markitdown,
        False,
        _TABLES,
    ),
]


#: Combinations whose output loses the page's <h1>/<h2> headings, and with them the title and
#: the sections: trafilatura does that to a page whose headings are marked up as headings. The
#: tables must still read exactly, each said to be read without its heading.
HEADINGS_LOST = {("trafilatura", "plain")}
#: Converters that print each of Word's runs on a line of its own: a heading pasted from Word in
#: several runs (一、总 / 体 / 情况) comes out in pieces, which no outline reads as a heading;
#: the tables are still found by their contents.
HEADINGS_SPLIT = {("beautifulsoup", "word_paste"), ("beautifulsoup", "chrome")}


#: The two national templates: 国办公开办函〔2021〕30号 and, for 2019–2020 reports, 〔2019〕60号.
TEMPLATES = ("2021", "2019")


def _generated(template: str, *, blanks: bool, consistent: bool | None = None) -> st.SearchStrategy[Report]:
    made = reports_2019 if template == "2019" else reports
    return made(consistent=consistent, blanks=blanks)


def _cases() -> list[object]:
    cases: list[object] = []
    for template in TEMPLATES:
        for converter in CONVERTERS:
            styles = list(STYLES) if converter.source == "html" else ["pdf"]
            for style in styles:
                name = f"{template}-{converter.name}-{style}"
                cases.append(pytest.param(template, converter, style, id=name))
    return cases


def _convert(converter: Converter, style: str, report: Report, folder: Path) -> str:
    reason = converter.missing()
    if reason:
        pytest.skip(reason)
    if converter.source == "pdf":
        if importlib.util.find_spec("reportlab") is None:
            pytest.skip("reportlab is not installed (pip install 'govinfo-report[converters]')")
        path = folder / "report.pdf"
        render_pdf(report, path)
    else:
        path = folder / "page.html"
        path.write_text(render_html(report, **STYLES[style]), encoding="utf-8")
    text = converter.run(path)
    if converter.source == "pdf" and not text.strip():
        pytest.skip(f"{converter.name} printed no text: poppler-data (the CJK font maps) is not installed")
    return text


def _unexplained(parsed: Report, report: Report, tables: frozenset[str]) -> list[str]:
    """Cells of ``tables`` that are neither read exactly nor left blank with a diagnostic for
    their row (or their table)."""
    got, want = cell_values(parsed), cell_values(report)
    noted = {(d.table, d.row) for d in parsed.diagnostics}
    if {("requests", row) for row in OTHER_SUBROWS} <= noted:
        noted.add(("requests", "other_processing"))  # （六） lost: reported as its three rows
    return [
        f"{'.'.join(key)}: got {got.get(key)!r}, expected {value!r}"
        for key, value in want.items()
        if key[0] in tables
        and got.get(key) != value
        and not (got.get(key) is None and ({key[:2], (key[0], None)} & noted))
    ]


def _problems(
    parsed: Report, report: Report, loses: frozenset[str] = frozenset(), *, headings: bool = True
) -> list[str]:
    problems = cell_differences(parsed, report, skip=[(table, None) for table in loses])
    problems += _unexplained(parsed, report, loses)
    if (parsed.agency, parsed.year) != (report.agency, report.year):
        problems.append(f"agency/year: {parsed.agency} {parsed.year}")
    if headings and [s.heading for s in parsed.sections] != [s.heading for s in report.sections]:
        problems.append(f"headings: {[s.heading for s in parsed.sections]}")
    if parsed.format != report.format:
        problems.append(f"format: {parsed.format}")
    return problems


#: Reports per case: a few, since each example runs a real program; 20 under the thorough profile
#: (``CONVERTER_EXAMPLES=N`` asks for N, for a long local run).
EXAMPLES = int(
    os.environ.get("CONVERTER_EXAMPLES") or (20 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 3)
)

# No shrinking either: each example runs a real program.
_FEW = settings(
    max_examples=EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.mark.parametrize(("template", "converter", "style"), _cases())
@_FEW
@given(data=st.data())
def test_every_cell_survives_the_converter(
    template: str,
    converter: Converter,
    style: str,
    data: st.DataObject,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    report = data.draw(_generated(template, blanks=converter.keeps_blanks), label="report")
    text = _convert(converter, style, report, tmp_path_factory.mktemp(converter.name))
    parsed = govinfo_report.parse(text)
    if (converter.name, style) in HEADINGS_LOST:
        assert cell_differences(parsed, report) == [], text
        assert parsed.format == report.format
        unheaded = [d for d in parsed.diagnostics if d.code == "table-without-heading"]
        assert len(unheaded) == 3, text
        return
    headings = (converter.name, style) not in HEADINGS_SPLIT
    assert _problems(parsed, report, converter.loses, headings=headings) == [], text


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("converter", [pytest.param(c, id=c.name) for c in CONVERTERS if not c.keeps_blanks])
@_FEW
@given(data=st.data())
def test_a_blank_the_converter_cannot_show_is_never_read_as_a_number(
    template: str, converter: Converter, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    report = data.draw(_generated(template, blanks=True), label="report")
    style = "pdf" if converter.source == "pdf" else "plain"
    text = _convert(converter, style, report, tmp_path_factory.mktemp(converter.name))
    assert _unexplained(govinfo_report.parse(text), report, _TABLES) == [], text


@pytest.mark.parametrize("template", TEMPLATES)
@_FEW
@given(data=st.data())
def test_a_one_cell_per_line_dump_keeps_the_empty_cells_of_a_word_pasted_page(
    template: str, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Word writes &nbsp; into every empty cell, and a dump of the page's text prints it on a
    line of its own: the row keeps its empty cells, in a table printed as one stream of cells
    and in one whose rows a blank line sets apart alike."""
    converter = {c.name: c for c in CONVERTERS}["beautifulsoup"]
    report = data.draw(_generated(template, blanks=True), label="report")
    style = data.draw(st.sampled_from(["word_paste", "chrome"]), label="style")
    text = _convert(converter, style, report, tmp_path_factory.mktemp(converter.name))
    parsed = govinfo_report.parse(text)
    assert _problems(parsed, report, converter.loses, headings=False) == [], text


def _scattered_blanks() -> Report:
    """A report whose table 二 has blanks: plain pdftotext prints that table column by column."""
    amounts = {
        "regulations": (None, 2128, 1042),
        "normative_documents": (699, 266, None),
        "licensing": (None,),
        "punishment": (None,),
        "enforcement": (419614,),
    }
    active = ActiveDisclosure(
        **{row: type(getattr(ActiveDisclosure(), row))(*map(Cell, v)) for row, v in amounts.items()},
        fees=Fees(Cell(Decimal("107245.8"))),
    )
    return Report(
        format="2021",
        title="示例县示例镇人民政府2023年政府信息公开工作年度报告",
        agency="示例县示例镇人民政府",
        year=2023,
        sections=tuple(Section(n, h, "无" if n in (1, 5, 6) else "") for n, h in SECTION_TITLES.items()),
        active_disclosure=active,
        requests=Requests(),
        review_litigation=ReviewLitigation(),
    )


def test_plain_pdftotext_leaves_the_rows_of_table_2_it_scrambled_blank(tmp_path: Path) -> None:
    """Plain pdftotext prints a table with blank cells column by column, so the numbers of
    table 二 no longer follow their labels: every cell is read exactly or left blank with a
    diagnostic, and no number lands in another row."""
    converter = {c.name: c for c in CONVERTERS}["pdftotext"]
    report = _scattered_blanks()
    text = _convert(converter, "pdf", report, tmp_path)
    parsed = govinfo_report.parse(text)
    assert _unexplained(parsed, report, _TABLES) == [], text
    assert parsed.active_disclosure is not None
    assert parsed.active_disclosure.fees.amount.value == Decimal("107245.8")


@pytest.mark.parametrize("word_paste", [False, True])
def test_pandoc_markdown_of_tables_in_a_styled_div_reads_every_cell(tmp_path: Path, word_paste: bool) -> None:
    """A page that sets its tables in a styled ``<div>`` (``line-height: 2``): pandoc's markdown
    prints the div as a fenced line of attributes right before each table. Its numbers stood
    beside table 三's first row, which held blank cells, and left that row blank."""
    converter = {c.name: c for c in CONVERTERS}["pandoc-markdown"]
    if reason := converter.missing():
        pytest.skip(reason)
    sample = govinfo_report.parse_file(Path(__file__).resolve().parents[1] / "examples" / "sample_report.txt")
    blanks = dict.fromkeys(REQUEST_ORGS, Cell(None))
    first = attrs.evolve(sample.requests.new_received, natural_person=Cell(15), **blanks)
    report = attrs.evolve(sample, requests=attrs.evolve(sample.requests, new_received=first))
    html = render_html(report, word_paste=word_paste)
    styled = '<div style="text-indent: 2em; line-height: 2"><table'
    page = tmp_path / "page.html"
    page.write_text(html.replace("<table", styled).replace("</table>", "</table></div>"), encoding="utf-8")
    parsed = govinfo_report.parse(converter.run(page))
    assert cell_differences(parsed, report) == []


PDF_EXTRACTORS = [c for c in CONVERTERS if c.source == "pdf"]
#: Batches of LibreOffice PDFs per run (each batch is one LibreOffice start): more when thorough.
LIBREOFFICE_BATCHES = (
    max(1, EXAMPLES // 3)
    if os.environ.get("CONVERTER_EXAMPLES")
    else (6 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 1)
)


@pytest.mark.skipif(
    soffice() is None, reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
)
@settings(
    max_examples=LIBREOFFICE_BATCHES,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
@given(
    batch=st.lists(
        st.tuples(
            # arithmetic that holds: LibreOffice cuts a table wider than the page, and a total cut
            # to the digits its report's own wrong sum happens to give is not in the text at all;
            # blank cells (which most extractors print as nothing) or none
            st.one_of(
                _generated("2021", blanks=False, consistent=True),
                _generated("2019", blanks=False, consistent=True),
                _generated("2021", blanks=True, consistent=True),
                _generated("2019", blanks=True, consistent=True),
            ),
            st.sampled_from(LIBREOFFICE_STYLES),
        ),
        min_size=4,
        max_size=4,
    )
)
def test_every_extractor_reads_a_libreoffice_pdf_exactly_or_leaves_cells_blank(
    batch: list[tuple[Report, str]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """LibreOffice's tables wrap labels, and numbers too wide for a narrow cell, over lines, and
    clip a table wider than the page: whatever an extractor makes of that, no cell is read
    wrong, and every cell not read is explained by a diagnostic."""
    extractors = [c for c in PDF_EXTRACTORS if c.missing() is None]
    if not extractors:
        pytest.skip("no PDF text extractor is installed")
    folder = tmp_path_factory.mktemp("libreoffice")
    made = through_libreoffice([page(report, style) for report, style in batch], folder)
    for (report, style), path in zip(batch, made, strict=True):
        for converter in extractors:
            text = converter.run(path)
            parsed = govinfo_report.parse(text)
            assert _unexplained(parsed, report, _TABLES) == [], (converter.name, style, text)
