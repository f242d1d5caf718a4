"""The Word reader: real reports, generated reports written as Word files, the pieces of Word's
format a report uses (list numbering, text boxes, fields, revisions, merged cells), and files
that are damaged, encrypted or built to exhaust the reader."""

from __future__ import annotations

import io
import json
import os
import random
import re
import statistics
import struct
import sys
import time
import zipfile
import zlib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("lxml")
docx = pytest.importorskip("docx")

from docx.oxml import parse_xml  # noqa: E402

import govinfo_report  # noqa: E402
from govinfo_report.errors import DocumentError, MissingExtraError  # noqa: E402
from govinfo_report.model import Report  # noqa: E402
from govinfo_report.readers import Document, Paragraph, read_document  # noqa: E402
from govinfo_report.readers import docx as docx_reader  # noqa: E402
from govinfo_report.readers.docx import read  # noqa: E402
from govinfo_report.template.spec import (  # noqa: E402
    REQUEST_COLUMNS,
    REQUEST_ROWS,
    REVIEW_BLOCKS,
    REVIEW_OUTCOMES,
)
from govinfo_report.testing import cell_differences, cell_values, reports, reports_2019  # noqa: E402
from govinfo_report.writers.document import (  # noqa: E402
    Grid,
    Shadow,
    merged_rows,
    preamble,
    render_title,
    sections,
    slot_text,
    split_label,
)

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else []

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# --- Word files written by hand -------------------------------------------------------------


def _package(
    body: str,
    *,
    numbering: str | None = None,
    styles: str | None = None,
    title: str | None = None,
    parts: dict[str, str] | None = None,
    main: str = "word/document.xml",
    namespace: str = W,
) -> bytes:
    """A minimal Word file: ``body`` is the content of ``w:body``; numbering definitions and
    styles are the content of their parts' root elements."""
    relations = []
    files: dict[str, str] = {}
    if numbering is not None:
        files["word/numbering.xml"] = f'<w:numbering xmlns:w="{namespace}">{numbering}</w:numbering>'
        relations.append(("numbering", "numbering.xml"))
    if styles is not None:
        files["word/styles.xml"] = f'<w:styles xmlns:w="{namespace}">{styles}</w:styles>'
        relations.append(("styles", "styles.xml"))
    for path, content in (parts or {}).items():
        files[path] = content
        kind = path.rsplit("/", 1)[-1].split(".")[0].rstrip("0123456789")
        relations.append((kind, path.removeprefix("word/")))
    namespaces = _NAMESPACES.replace(W, namespace)
    files[main] = f"<w:document {namespaces}><w:body>{body}</w:body></w:document>"
    folder, base = main.rsplit("/", 1)
    files[f"{folder}/_rels/{base}.rels"] = _relationships(
        [(f"{_REL}/{kind}", target) for kind, target in relations]
    )
    package_relations = [(f"{_REL}/officeDocument", main)]
    if title is not None:
        files["docProps/core.xml"] = (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{title}</dc:title></cp:coreProperties>"
        )
        package_relations.append(
            (
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml",
            )
        )
    files["_rels/.rels"] = _relationships(package_relations)
    files["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/></Types>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for path, content in files.items():
            package.writestr(path, content)
    return out.getvalue()


def _relationships(targets: list[tuple[str, str]]) -> str:
    return (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{kind}" Target="{target}"/>'
            for i, (kind, target) in enumerate(targets, 1)
        )
        + "</Relationships>"
    )


def _p(text: str = "", *, numbered: tuple[int, int] | None = None, style: str | None = None) -> str:
    """A paragraph of one run; ``numbered`` = (numId, ilvl)."""
    properties = ""
    if style is not None:
        properties += f'<w:pStyle w:val="{style}"/>'
    if numbered is not None:
        properties += f'<w:numPr><w:ilvl w:val="{numbered[1]}"/><w:numId w:val="{numbered[0]}"/></w:numPr>'
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{properties}</w:pPr>{run}</w:p>"


def _texts(document: Document) -> list[str]:
    return [block.text for block in document.blocks if isinstance(block, Paragraph)]


def _tables(document: Document) -> list[list[list[str | None]]]:
    """Each table's places: a cell's text, None where a merged cell covers the place."""
    return [
        [[None if cell.covered else cell.text for cell in row] for row in table.rows]
        for table in document.tables()
    ]


def _read(data: bytes) -> Document:
    """The document as the reader reads it — also run by run, which must read the same."""
    document = read(data, "test.docx")
    assert _run_by_run(data) == document
    return document


def _run_by_run(data: bytes) -> Document:
    """The document read run by run even where one pass over its text elements would do."""
    with mock.patch.object(docx_reader, "_plain_texts", lambda root, w: None):
        return read(data, "test.docx")


_LEVEL = (
    '<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
    '<w:lvlText w:val="{text}"/><w:suff w:val="{suffix}"/></w:lvl>'
)


def _abstract(abstract_id: int, *levels: tuple[str, str], start: int = 1, suffix: str = "nothing") -> str:
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}">'
        + "".join(
            _LEVEL.format(ilvl=i, start=start, fmt=fmt, text=text, suffix=suffix)
            for i, (fmt, text) in enumerate(levels)
        )
        + "</w:abstractNum>"
    )


def _num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


_OUTLINE = _abstract(
    1, ("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "%3.%4")
)


# --- paragraphs ------------------------------------------------------------------------------


def test_paragraphs_and_runs_in_order() -> None:
    body = (
        "<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:t>总体</w:t></w:r><w:hyperlink><w:r><w:t>情况</w:t></w:r>"
        "</w:hyperlink></w:p>"
        "<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:cr/><w:t>丁</w:t>"
        '<w:noBreakHyphen/><w:t>戊</w:t><w:softHyphen/><w:sym w:font="Symbol" w:char="F0D7"/>'
        '<w:sym w:font="SimSun" w:char="00B7"/></w:r></w:p>'
        '<w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>'
        "<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>控件里的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        "<w:p><w:sdt><w:sdtContent><w:r><w:t>行内控件</w:t></w:r></w:sdtContent></w:sdt>"
        "<w:smartTag><w:r><w:t>与标记</w:t></w:r></w:smartTag></w:p>"
        "<w:sectPr/>"
    )
    assert _texts(_read(_package(body))) == [
        "一、总体情况",
        "甲\t乙\n丙\n丁-戊×·",
        "控件里的段落",
        "行内控件与标记",
    ]


def test_tabs_and_breaks_in_a_document_read_in_one_pass() -> None:
    body = (
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
        "<w:r><w:t>名称</w:t><w:tab/><w:t>数量</w:t><w:br/><w:t>次行</w:t><w:noBreakHyphen/><w:t>尾</w:t></w:r>"
        '<w:ins w:id="1"><w:r><w:t>插入</w:t></w:r></w:ins>'
        '<w:r><w:ptab w:relativeTo="margin"/><w:cr/></w:r></w:p>'
    )
    assert _texts(_read(_package(body))) == ["名称\t数量\n次行-尾插入\t\n"]


def test_fields_show_their_result_not_their_instruction() -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">共 </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> = 2 + 3 </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>5</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> 件</w:t></w:r></w:p>'
        # a field inside another field's instruction: its result is part of the instruction
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>9</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText> = 9 "是" "否"</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>是</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        '<w:p><w:fldSimple w:instr=" TITLE "><w:r><w:t>简单域的结果</w:t></w:r></w:fldSimple></w:p>'
        # a field whose instruction never closes does not swallow the rest of the document
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>坏域</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>之后的段落</w:t></w:r></w:p>"
    )
    assert _texts(_read(_package(body))) == ["共 5 件", "是", "简单域的结果", "之后的段落"]


def test_revisions_deleted_dropped_inserted_kept_and_hidden_text_left_out() -> None:
    body = (
        "<w:p><w:r><w:t>收到申请</w:t></w:r>"
        '<w:del w:id="1" w:author="a"><w:r><w:delText>12</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>15</w:t></w:r></w:ins><w:r><w:t>件</w:t></w:r>'
        '<w:moveFrom w:id="3"><w:r><w:t>移走的</w:t></w:r></w:moveFrom></w:p>'
        '<w:p><w:moveTo w:id="4"><w:r><w:t>移来的</w:t></w:r></w:moveTo>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>"
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>不隐藏</w:t></w:r></w:p>'
    )
    assert _texts(_read(_package(body))) == ["收到申请15件", "移来的不隐藏"]


def test_a_content_control_showing_its_placeholder_holds_nothing() -> None:
    prompt = (
        "<w:sdt><w:sdtPr><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>单击或点击此处输入文字。"
        "</w:t></w:r></w:sdtContent></w:sdt>"
    )
    filled = (
        "<w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>12</w:t></w:r></w:sdtContent></w:sdt>"
    )
    around_a_paragraph = prompt.replace("<w:r>", "<w:p><w:r>").replace("</w:r>", "</w:r></w:p>")
    body = f"<w:p><w:r><w:t>收到申请</w:t></w:r>{prompt}</w:p><w:p>{filled}</w:p>{around_a_paragraph}"
    assert _texts(_read(_package(body))) == ["收到申请", "12"]


def test_text_a_character_style_hides_is_left_out() -> None:
    styles = (
        '<w:style w:type="character" w:styleId="Hidden"><w:rPr><w:vanish/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="Note"><w:basedOn w:val="Hidden"/></w:style>'
        '<w:style w:type="character" w:styleId="Shown"><w:basedOn w:val="Hidden"/>'
        '<w:rPr><w:vanish w:val="0"/></w:rPr></w:style>'
    )
    body = (
        '<w:p><w:r><w:rPr><w:rStyle w:val="Hidden"/></w:rPr><w:t>12</w:t></w:r><w:r><w:t>15</w:t></w:r></w:p>'
        '<w:p><w:r><w:rPr><w:rStyle w:val="Note"/></w:rPr><w:t>旧</w:t></w:r>'
        '<w:r><w:rPr><w:rStyle w:val="Shown"/></w:rPr><w:t>新</w:t></w:r>'
        '<w:r><w:rPr><w:rStyle w:val="Hidden"/><w:vanish w:val="0"/></w:rPr><w:t>值</w:t></w:r></w:p>'
    )
    assert _texts(_read(_package(body, styles=styles))) == ["15", "新值"]


def test_struck_out_and_raised_runs_are_no_part_of_the_text() -> None:
    """A number corrected in place keeps the old one struck out; a footnote's mark is raised
    (superscript, by a style, or by position as LibreOffice writes a web page's <sup>)."""
    superscript = '<w:vertAlign w:val="superscript"/>'
    styles = f'<w:style w:type="character" w:styleId="Ref"><w:rPr>{superscript}</w:rPr></w:style>'
    body = (
        "<w:p><w:r><w:rPr><w:strike/></w:rPr><w:t>41</w:t></w:r><w:r><w:t>45</w:t></w:r></w:p>"
        '<w:p><w:r><w:rPr><w:dstrike w:val="1"/></w:rPr><w:t>4</w:t></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:rPr><w:strike w:val="0"/></w:rPr><w:t>2</w:t></w:r></w:p>'
        f"<w:p><w:r><w:t>72</w:t></w:r><w:r><w:rPr>{superscript}</w:rPr><w:t>1</w:t></w:r>"
        '<w:r><w:rPr><w:vertAlign w:val="baseline"/></w:rPr><w:t>件</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>8</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Ref"/></w:rPr><w:t>2</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>9</w:t></w:r><w:r><w:rPr><w:position w:val="8"/><w:sz w:val="19"/></w:rPr>'
        '<w:t>1</w:t></w:r><w:r><w:rPr><w:position w:val="-2"/></w:rPr><w:t>0件</w:t></w:r></w:p>'
    )
    assert _texts(_read(_package(body, styles=styles))) == ["45", "12", "72件", "8", "90件"]


_TEXT_BOX = (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
    "<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx>"
    "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def test_text_boxes_are_read_once_in_order() -> None:
    body = (
        f"<w:p>{_TEXT_BOX.format(text='青山县财政局2023年政府信息公开工作年度报告')}</w:p>"
        f"<w:p><w:r><w:t>锚定段落</w:t></w:r>{_TEXT_BOX.format(text='文本框内容')}</w:p>"
        "<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>旧式文本框</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>框</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>内表</w:t></w:r>"
        "</w:p></w:tc></w:tr></w:tbl></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
        "<w:p><w:r><w:t>最后</w:t></w:r></w:p>"
    )
    document = _read(_package(body))
    assert _texts(document) == [
        "青山县财政局2023年政府信息公开工作年度报告",
        "锚定段落",
        "文本框内容",
        "旧式文本框",
        "最后",
    ]
    assert _tables(document) == [[["框", "内表"]]]


def test_headers_footers_footnotes_and_comments_are_left_out() -> None:
    part = '<w:{root} xmlns:w="' + W + '"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:{root}>'
    parts = {
        "word/header1.xml": part.format(root="hdr", text="页眉文字"),
        "word/footer1.xml": part.format(root="ftr", text="第 1 页"),
        "word/footnotes.xml": part.format(root="footnotes", text="脚注文字"),
        "word/comments.xml": part.format(root="comments", text="批注文字"),
    }
    body = (
        '<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
        '<w:r><w:commentReference w:id="0"/></w:r></w:p>'
        '<w:p><w:r><w:t xml:space="preserve">第 </w:t></w:r><w:r><w:pgNum/></w:r></w:p>'
        '<w:sectPr><w:headerReference w:type="default" r:id="rId9"/></w:sectPr>'
    )
    document = _read(_package(body, parts=parts))
    assert _texts(document) == ["正文", "第 "]


def test_title_from_the_core_properties() -> None:
    assert _read(_package(_p("正文"), title=" 临江市财政局2023年报告 ")).title == "临江市财政局2023年报告"
    assert _read(_package(_p("正文"), title="")).title is None
    assert _read(_package(_p("正文"))).title is None


@pytest.mark.parametrize(
    ("declared", "agency", "year"),
    [("临江市财政局2023年政府信息公开工作年度报告", "临江市财政局", 2023), ("文档1", None, None)],
)
def test_a_report_printing_no_title_takes_the_one_its_properties_declare(
    declared: str, agency: str | None, year: int | None
) -> None:
    body = (
        _p("一、总体情况")
        + _p("本机关认真贯彻落实《中华人民共和国政府信息公开条例》。")
        + _p("二、主动公开政府信息情况")
    )
    report = govinfo_report.parse_file(_package(body, title=declared))
    assert (report.agency, report.year) == (agency, year)
    codes = {d.code for d in report.diagnostics}
    assert ("title-from-properties" in codes) is (agency is not None)
    assert ("no-title" in codes) is (agency is None)


def test_the_main_part_is_found_through_the_package_relationships() -> None:
    document = _read(_package(_p("另一个名字的正文"), main="word/document2.xml"))
    assert _texts(document) == ["另一个名字的正文"]


def test_strict_open_xml_is_read_too() -> None:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    body = _p("总体情况", numbered=(1, 0))
    numbering = _abstract(1, ("chineseCounting", "%1、")) + _num(1, 1)
    assert _texts(_read(_package(body, numbering=numbering, namespace=strict))) == ["一、总体情况"]


# --- list numbering --------------------------------------------------------------------------


def test_numbered_headings_get_their_labels_back() -> None:
    numbering = _OUTLINE + _num(1, 1)
    body = "".join(
        [
            _p("总体情况", numbered=(1, 0)),
            _p("主动公开政府信息情况", numbered=(1, 1)),
            _p("强化组织领导", numbered=(1, 2)),
            _p("规范工作流程", numbered=(1, 2)),
            _p("细项", numbered=(1, 3)),
            _p("依申请公开情况", numbered=(1, 1)),
            _p("规范流程", numbered=(1, 2)),
            _p("主动公开政府信息情况", numbered=(1, 0)),
            _p("正文不编号"),
            _p("收到和处理政府信息公开申请情况", numbered=(1, 0)),
            _p("又一小节", numbered=(1, 1)),
        ]
    )
    assert _texts(_read(_package(body, numbering=numbering))) == [
        "一、总体情况",
        "（一）主动公开政府信息情况",
        "1.强化组织领导",
        "2.规范工作流程",
        "2.1细项",
        "（二）依申请公开情况",
        "1.规范流程",
        "二、主动公开政府信息情况",
        "正文不编号",
        "三、收到和处理政府信息公开申请情况",
        "（一）又一小节",
    ]


def test_a_list_restarts_where_a_new_instance_overrides_its_start() -> None:
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    at_five = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
    numbering = _OUTLINE + _num(1, 1) + _num(2, 1) + _num(3, 1, restart) + _num(4, 1, at_five)
    body = "".join(
        [
            _p("甲", numbered=(1, 0)),
            _p("乙", numbered=(1, 0)),
            _p("丙", numbered=(2, 0)),  # another instance of the same list continues it
            _p("丁", numbered=(3, 0)),  # this one restarts
            _p("戊", numbered=(3, 0)),
            _p("己", numbered=(4, 0)),
            _p("庚", numbered=(1, 0)),  # back to the first list, where it left off
        ]
    )
    assert _texts(_read(_package(body, numbering=numbering))) == [
        "一、甲",
        "二、乙",
        "三、丙",
        "一、丁",
        "二、戊",
        "五、己",
        "四、庚",
    ]


@pytest.mark.parametrize(
    ("number_format", "labels"),
    [
        ("chineseCounting", ["一", "二", "九", "十", "十一", "二十", "一百零一"]),
        ("chineseCountingThousand", ["一", "二", "九", "十", "十一", "二十", "一百零一"]),
        ("ideographDigital", ["一", "二", "九", "一〇", "一一", "二〇", "一〇一"]),
        ("chineseLegalSimplified", ["壹", "贰", "玖", "壹拾", "壹拾壹", "贰拾", "壹佰零壹"]),
        ("ideographTraditional", ["甲", "乙", "壬", "癸", "甲", "癸", "甲"]),
        ("decimal", ["1", "2", "9", "10", "11", "20", "101"]),
        ("decimalZero", ["01", "02", "09", "10", "11", "20", "101"]),
        ("decimalEnclosedCircle", ["①", "②", "⑨", "⑩", "⑪", "⑳", "101"]),
        ("upperRoman", ["I", "II", "IX", "X", "XI", "XX", "CI"]),
        ("lowerLetter", ["a", "b", "i", "j", "k", "t", "wwww"]),
        ("someFormatWordAddsLater", ["1", "2", "9", "10", "11", "20", "101"]),
    ],
)
def test_number_formats(number_format: str, labels: list[str]) -> None:
    numbers = [1, 2, 9, 10, 11, 20, 101]
    numbering = "".join(
        _abstract(n, (number_format, "%1"), start=n, suffix="space") + _num(n, n) for n in numbers
    )
    body = "".join(_p("项", numbered=(n, 0)) for n in numbers)
    expected = [label + (" 项" if label[-1].isalnum() else "项") for label in labels]
    assert _texts(_read(_package(body, numbering=numbering))) == expected


def test_numbering_through_styles_legal_numbers_bullets_and_numbering_removed() -> None:
    styles = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Special"><w:basedOn w:val="Heading1"/></w:style>'
    )
    legal = (
        '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:isLgl/>'
        '<w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
    )
    numbering = _OUTLINE + legal + _num(1, 1) + _num(2, 2) + _num(3, 3)
    body = "".join(
        [
            _p("总体情况", style="Heading1"),
            _p("主动公开", style="Heading2"),
            _p("特别标题", style="Special"),
            _p("不编号的标题", style="Heading1", numbered=(0, 0)),
            _p("总则", numbered=(2, 0)),
            _p("范围", numbered=(2, 1)),
            _p("要点", numbered=(3, 0)),
            _p("未定义的列表", numbered=(7, 0)),
        ]
    )
    assert _texts(_read(_package(body, numbering=numbering, styles=styles))) == [
        "一、总体情况",
        "（一）主动公开",
        "二、特别标题",
        "不编号的标题",
        "第一章 总则",
        "1.1 范围",
        "要点",
        "未定义的列表",
    ]


def test_numbering_counts_in_tables_and_text_boxes_in_document_order() -> None:
    numbering = _OUTLINE + _num(1, 1)
    cell = "<w:tc>{}</w:tc>"
    body = (
        _p("甲", numbered=(1, 0))
        + "<w:tbl><w:tr>"
        + cell.format(_p("乙", numbered=(1, 0)))
        + cell.format(_p("值"))
        + "</w:tr></w:tbl>"
        + f"<w:p>{_TEXT_BOX.format(text='框')}</w:p>"
        + _p("丙", numbered=(1, 0))
    )
    document = _read(_package(body, numbering=numbering))
    assert _texts(document) == ["一、甲", "框", "三、丙"]
    assert _tables(document) == [[["二、乙", "值"]]]


# --- tables ----------------------------------------------------------------------------------


def _tc(text: str = "", properties: str = "") -> str:
    paragraphs = "".join(_p(line) for line in text.split("|")) if text else _p()
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraphs}</w:tc>"


def _tr(*cells: str, properties: str = "") -> str:
    return f"<w:tr><w:trPr>{properties}</w:trPr>{''.join(cells)}</w:tr>"


SPAN2 = '<w:gridSpan w:val="2"/>'
RESTART = '<w:vMerge w:val="restart"/>'
CONTINUE = "<w:vMerge/>"


def test_merged_cells_are_expanded_into_covered_places() -> None:
    table = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        + _tr(_tc("项目", RESTART), _tc("申请人情况", SPAN2))
        + _tr(_tc("", CONTINUE), _tc("自然人"), _tc("商业|企业"))
        + _tr(_tc("新收", ""), _tc("3"), _tc(""))
        + _tr(_tc("前空", ""), _tc("1"), properties='<w:gridAfter w:val="1"/>')
        + _tr(_tc("后", ""), properties='<w:gridBefore w:val="2"/>')
        + _tr(_tc("旧式"), _tc("", '<w:hMerge w:val="continue"/>'), _tc("9"))
        + _tr(_tc("", CONTINUE), _tc("续行无上"), _tc("x", CONTINUE))
        + "</w:tbl>"
    )
    document = _read(_package(table))
    assert _tables(document) == [
        [
            ["项目", "申请人情况", None],
            [None, "自然人", "商业\n企业"],
            ["新收", "3", ""],
            ["前空", "1", ""],
            ["", "", "后"],
            ["旧式", None, "9"],
            [None, "续行无上", None],
        ]
    ]
    (grid,) = document.tables()
    assert grid.location.table == 0
    assert grid.rows[1][0].location == grid.rows[0][0].location
    assert (grid.rows[2][1].location.table, grid.rows[2][1].location.row, grid.rows[2][1].location.cell) == (
        0,
        2,
        1,
    )
    assert grid.rows[4][2].location.cell == 0  # the row's first cell, after two empty places


def test_tables_count_in_document_order_and_deleted_rows_are_left_out() -> None:
    row = _tr(_tc("a"), _tc("b"))
    deleted = _tr(_tc("删"), _tc("除"), properties='<w:del w:id="1" w:author="a"/>')
    body = (
        f"<w:tbl>{row}{deleted}</w:tbl>"
        + _p("之间")
        + f"<w:sdt><w:sdtContent><w:tbl><w:sdt><w:sdtContent>{row}</w:sdtContent></w:sdt>"
        + f"<w:tr><w:customXml>{_tc('c')}</w:customXml>{_tc('d')}</w:tr></w:tbl></w:sdtContent></w:sdt>"
        + "<w:tbl></w:tbl>"
    )
    document = _read(_package(body))
    assert [type(b).__name__ for b in document.blocks] == ["Table", "Paragraph", "Table"]
    assert _tables(document) == [[["a", "b"]], [["a", "b"], ["c", "d"]]]
    assert [t.location.table for t in document.tables()] == [0, 1]


def test_nested_tables_flattened_and_frames_lifted() -> None:
    inner = f"<w:tbl>{_tr(_tc('甲'), _tc('乙'))}{_tr(_tc('丙'), _tc('', CONTINUE))}</w:tbl>"
    small_inner = f"<w:tbl>{_tr(_tc('内'), _tc('嵌'))}</w:tbl>"
    # a data table whose cell holds a one-row table: read into the cell's text
    data = "<w:tbl>" + _tr(_tc("标签"), "<w:tc>" + _p("前") + small_inner + "</w:tc>") + "</w:tbl>"
    # a frame around the report: one column of cells, or cells holding real tables
    frame = "<w:tbl>" + _tr("<w:tc>" + _p("框内标题") + inner + _p("框内正文") + "</w:tc>") + "</w:tbl>"
    two_columns = "<w:tbl>" + _tr("<w:tc>" + _p("左栏") + "</w:tc>", f"<w:tc>{inner}</w:tc>") + "</w:tbl>"
    document = _read(_package(data + frame + two_columns))
    assert _tables(document) == [
        [["标签", "前\n内 嵌"]],
        [["甲", "乙"], ["丙", None]],
        [["甲", "乙"], ["丙", None]],
    ]
    assert _texts(document) == ["框内标题", "框内正文", "左栏"]
    assert [t.location.table for t in document.tables()] == [0, 1, 2]


# --- damaged, encrypted and hostile files ----------------------------------------------------


def _refused(data: bytes, *reason: str) -> DocumentError:
    started = time.perf_counter()
    with pytest.raises(DocumentError) as raised:
        read_document(data, "bad.docx", kind="docx")
    assert time.perf_counter() - started < 1.0
    message = str(raised.value)
    assert message.startswith("bad.docx: ")
    for word in reason:
        assert word in message
    return raised.value


def _sample() -> bytes:
    numbering = _OUTLINE + _num(1, 1)
    body = _p("总体情况", numbered=(1, 0)) + "".join(_p(f"第{i}段正文内容。" * 5) for i in range(40))
    return _package(body, numbering=numbering, title="样例")


def test_not_a_zip_and_a_zip_without_a_word_document() -> None:
    _refused(b"plain text, not a zip", "not a Word")
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
    _refused(other.getvalue(), "word/document.xml")


def test_encrypted_and_legacy_word_files() -> None:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    encrypted = header + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    _refused(encrypted, "encrypted")
    _refused(header + bytes(2048), ".doc")


def test_damaged_xml_and_a_document_without_a_body() -> None:
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as package:
        package.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body><w:p>')
    _refused(damaged.getvalue(), "not well-formed")
    empty = io.BytesIO()
    with zipfile.ZipFile(empty, "w") as package:
        package.writestr("word/document.xml", f'<w:document xmlns:w="{W}"/>')
    _refused(empty.getvalue(), "no document body")


@pytest.mark.parametrize("keep", [0.05, 0.3, 0.6, 0.9, 0.99])
def test_a_truncated_file(keep: float) -> None:
    data = _sample()
    _refused(data[: int(len(data) * keep)])


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=4096))
def test_random_bytes_starting_like_a_zip(tail: bytes) -> None:
    _refused(b"PK\x03\x04" + tail)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_damaged_word_file_never_raises_anything_else(data: st.DataObject) -> None:
    original = bytearray(_sample())
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(original) - 1))
        original[at] = data.draw(st.integers(0, 255))
    try:
        read_document(bytes(original), "bad.docx", kind="docx")
    except DocumentError as exc:
        assert str(exc).startswith("bad.docx: ")


def _raw_zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip written by hand, so its headers can say what the data is not: entries of (name,
    deflated data, declared size, declared CRC)."""
    out = bytearray()
    central = bytearray()
    for name, stream, size, crc in entries:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(stream), size, len(encoded), 0
        )
        out += encoded + stream
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            8,
            0,
            0,
            crc,
            len(stream),
            size,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    return bytes(out + central + end)


def _deflated(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


_SMALL_DOCUMENT = f'<w:document xmlns:w="{W}"><w:body/></w:document>'.encode()


def test_an_entry_declaring_gigabytes_is_refused_before_inflating() -> None:
    stream = _deflated(_SMALL_DOCUMENT)
    _refused(_raw_zip([("word/document.xml", stream, 4_000_000_000, zlib.crc32(_SMALL_DOCUMENT))]), "bytes")


def test_many_entries_together_declaring_too_much_are_refused() -> None:
    stream = _deflated(_SMALL_DOCUMENT)
    entries = [("word/document.xml", stream, len(_SMALL_DOCUMENT), zlib.crc32(_SMALL_DOCUMENT))]
    entries += [(f"word/media/image{i}.png", _deflated(b""), 45_000_000, 0) for i in range(5)]
    _refused(_raw_zip(entries), "inflates to")


def _gigabyte_of_zeros() -> bytes:
    """A deflate stream that inflates to a gigabyte, made in a moment: one self-contained block
    of a mebibyte of zeros, repeated."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(bytes(1024 * 1024)) + packer.flush(zlib.Z_FULL_FLUSH)
    return block * 1024 + zlib.compressobj(9, zlib.DEFLATED, -15).flush()


@pytest.mark.parametrize("declared", [2000, 40_000_000])
def test_an_entry_that_inflates_past_what_it_declares(declared: int) -> None:
    """A header that lies: it declares a document the limits allow, and its data inflates to a
    gigabyte. No more than the declared size is ever inflated."""
    _refused(_raw_zip([("word/document.xml", _gigabyte_of_zeros(), declared, 0)]), "damaged")


def test_tables_asking_for_millions_of_places() -> None:
    wide = '<w:gridSpan w:val="100000"/>'
    row = _tr(_tc("x", wide), _tc("y", wide), properties='<w:gridBefore w:val="100000"/>')
    _refused(_package("<w:tbl>" + row * 5000 + "</w:tbl>"), "places")


def test_an_end_record_declaring_a_directory_of_thousands_of_entries() -> None:
    document = _SMALL_DOCUMENT
    data = bytearray(
        _raw_zip([("word/document.xml", _deflated(document), len(document), zlib.crc32(document))])
    )
    struct.pack_into("<HH", data, len(data) - 22 + 8, 60_000, 60_000)
    _refused(bytes(data), "declares 60000 entries")


def test_too_many_entries() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        for i in range(10_001):
            package.writestr(f"e{i}", b"")
    _refused(out.getvalue(), "entries")


def _with_doctype(doctype: str, text: str) -> bytes:
    body = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(
            "word/document.xml", f"{doctype}<w:document {_NAMESPACES}><w:body>{body}</w:body></w:document>"
        )
    return out.getvalue()


def test_entities_are_never_expanded_nor_fetched() -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    _refused(_with_doctype(f'<!DOCTYPE w:document [<!ENTITY l0 "哈">{laughs}]>', "前&l9;后"))
    secret = Path(__file__).resolve()
    _refused(
        _with_doctype(f'<!DOCTYPE w:document [<!ENTITY file SYSTEM "file://{secret}">]>', "&file;"), "DTD"
    )
    _refused(_with_doctype('<!DOCTYPE w:document SYSTEM "http://example.invalid/word.dtd">', "正文"), "DTD")


def test_a_missing_lxml_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in [m for m in sys.modules if m.startswith("govinfo_report.readers.docx")]:
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setitem(sys.modules, "lxml", None)
    with pytest.raises(MissingExtraError, match=r"govinfo-report\[docx\]"):
        read_document(_sample(), "report.docx")


# --- generated reports written as Word files -------------------------------------------------

_HEADING_NUMBER = re.compile(r"^([一二三四五六七八九十]+)、")
_SUB_NUMBER = re.compile(r"^（([一二三四五六七八九十]+)）")
_ITEM_NUMBER = re.compile(r"^([1-9][0-9]*)\.")
_CHINESE = "一二三四五六七八九十"

#: The outline list the generated files number headings with: 一、 （一） 1.
_REPORT_OUTLINE = (
    '<w:abstractNum {ns} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/>'
    '<w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
).format(ns=f'xmlns:w="{W}"')


def _chinese_value(numeral: str) -> int:
    return _CHINESE.index(numeral) + 1 if len(numeral) == 1 else -1


class _WordReport:
    """A report written as Word writes one with python-docx: the title, the preamble, the
    section headings, the prose and the three tables with the template's merged cells. Headings
    and sub-headings whose ``number`` says so carry Word list numbering instead of their typed
    numerals; ``lines`` keeps every paragraph as the reader must give it back."""

    def __init__(
        self, report: Report, number: Callable[[], bool], title_property: bool, runs: random.Random
    ) -> None:
        self.document = docx.Document()
        self.lines: list[str] = []
        self.grids: list[Grid] = []
        self._numbering = self.document.part.numbering_part.element
        first_num = self._numbering.find(f"{{{W}}}num")
        anchor = self._numbering.index(first_num) if first_num is not None else len(self._numbering)
        self._numbering.insert(anchor, parse_xml(_REPORT_OUTLINE))
        self._next_id = 900
        self._list: int | None = None  # the list instance the last heading was numbered with
        self._counts = [0, 0, 0]  # what that list has counted at each level
        self._number = number
        self._runs = runs
        if title_property:
            self.document.core_properties.title = render_title(report)
        self._write(report)

    def _write(self, report: Report) -> None:
        self._paragraph(render_title(report))
        for line in preamble(report):
            self._paragraph(line)
        heading_before = 0
        for number, heading, grid, text in sections(report):
            self._heading(number, heading, numbered_before=heading_before == number - 1)
            heading_before = number if self._list is not None else -1
            if grid is not None:
                self._table(grid)
            for line in text.split("\n"):
                if line.strip():
                    self._prose(line)

    def _split(self, paragraph: Any, text: str) -> None:
        """``text`` as Word stores it: in runs cut anywhere, even inside a word or a number."""
        places = range(1, len(text))
        cuts = sorted(self._runs.sample(places, k=min(len(places), self._runs.randint(0, 3))))
        for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
            paragraph.add_run(text[start:end])

    def _paragraph(self, text: str, level: int | None = None) -> None:
        paragraph = self.document.add_paragraph()
        self._split(paragraph, text)
        if level is not None and self._list is not None:
            properties = paragraph._p.get_or_add_pPr()
            numbering = properties.get_or_add_numPr()
            numbering.get_or_add_numId().val = self._list
            numbering.get_or_add_ilvl().val = level

    def _new_list(self, start: int) -> int:
        self._next_id += 1
        override = (
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            if start > 1
            else ""
        )
        num = (
            f'<w:num xmlns:w="{W}" w:numId="{self._next_id}"><w:abstractNumId w:val="90"/>{override}</w:num>'
        )
        self._numbering.append(parse_xml(num))
        return self._next_id

    def _heading(self, number: int, heading: str, numbered_before: bool) -> None:
        self.lines.append(heading)
        match = _HEADING_NUMBER.match(heading)
        if match is None or _chinese_value(match.group(1)) != number or not self._number():
            self._list = None
            self._paragraph(heading)
            return
        if self._list is None or not numbered_before:
            self._list = self._new_list(number)
        self._counts = [number, 0, 0]
        self._paragraph(heading[match.end() :], level=0)

    def _prose(self, line: str) -> None:
        """A line of prose; a sub-heading numbered by the list when it is the list's next one."""
        self.lines.append(line)
        for level, pattern in ((1, _SUB_NUMBER), (2, _ITEM_NUMBER)):
            match = pattern.match(line)
            if match is None or self._list is None:
                continue
            value = _chinese_value(match.group(1)) if level == 1 else int(match.group(1))
            if value == self._counts[level] + 1 and self._number():
                self._counts[level] = value
                self._counts[level + 1 :] = [0] * (2 - level)
                self._paragraph(line[match.end() :], level=level)
                return
        self._paragraph(line)

    def _table(self, grid: Grid) -> None:
        self.grids.append(grid)
        table = self.document.add_table(rows=len(grid.rows), cols=len(grid.rows[0]))
        table.style = "Table Grid"
        places = table._cells  # the grid's places before any merge, row by row
        width = len(grid.rows[0])
        merges = []
        for r, row in enumerate(merged_rows(grid)):
            for cell in row:
                place = places[r * width + cell.column]
                lines = split_label(cell.text) if r < grid.header_rows else [cell.text]
                self._split(place.paragraphs[0], lines[0])
                for line in lines[1:]:
                    self._split(place.add_paragraph(), line)
                if cell.colspan > 1 or cell.rowspan > 1:
                    far = places[(r + cell.rowspan - 1) * width + cell.column + cell.colspan - 1]
                    merges.append((place, far))
        for place, far in merges:
            place.merge(far)

    def data(self) -> bytes:
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


def _expected_places(grid: Grid) -> list[list[str | None]]:
    """The places of a grid as the reader must give them: a cell's text (a header split over
    lines as Word wraps it), None where a merged cell covers the place."""
    return [
        [
            None
            if isinstance(slot, Shadow)
            else "\n".join(split_label(slot_text(slot)) if r < grid.header_rows else [slot_text(slot)])
            for slot in row
        ]
        for r, row in enumerate(grid.rows)
    ]


#: Reports per property: each writes a Word file with python-docx and reads it back.
EXAMPLES = 300 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 30

_AS_WORD = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_REPORTS = st.one_of(
    reports(),
    reports(scale="city", consistent=None),
    reports(collapsed_other=True, blanks=True),
    reports_2019(),
    reports_2019(scale="city"),
)


@_AS_WORD
@given(report=_REPORTS, data=st.data())
def test_a_generated_report_written_as_word_reads_back(report: Report, data: st.DataObject) -> None:
    title_property = data.draw(st.booleans())
    runs = random.Random(data.draw(st.integers(0, 2**32 - 1)))
    written = _WordReport(report, lambda: data.draw(st.booleans()), title_property, runs)
    content = written.data()
    document = read_document(content)  # recognised by content
    assert document.kind == "docx"
    assert _run_by_run(content) == document
    assert document.title == (render_title(report) if title_property else None)
    assert _texts(document) == [render_title(report), *preamble(report), *written.lines]
    assert _tables(document) == [_expected_places(grid) for grid in written.grids]

    parsed = govinfo_report.parse_file(content)
    assert parsed.source_kind == "docx"
    assert cell_differences(parsed, report) == []
    assert (parsed.agency, parsed.year) == (report.agency, report.year)
    assert [s.heading for s in parsed.sections] == [s.heading for s in report.sections]


# --- the real reports ------------------------------------------------------------------------


def _truth_cells(truth: dict[str, Any]) -> dict[tuple[str, str, str], Any]:
    """The cells a truth record gives, keyed as :func:`cell_values` keys a report's."""
    cells: dict[tuple[str, str, str], Any] = {}
    collapsed = truth.get("format") == "2019" or truth.get("other_processing_row")
    rows = [r for r in REQUEST_ROWS if r != "other_processing"]
    for index, row in enumerate(rows):
        values = truth["requests"][index] if truth.get("requests") else [None] * 7
        if collapsed and row == "other_overdue_correction":
            row = "other_processing"
        for column, value in zip(REQUEST_COLUMNS, values, strict=True):
            cells["requests", row, column] = value
    review = truth["review_litigation"] or [None] * 15
    for index, value in enumerate(review):
        cells["review_litigation", REVIEW_BLOCKS[index // 5], REVIEW_OUTCOMES[index % 5]] = value
    active = truth.get("active") or {}
    for row in ("regulations", "normative_documents"):
        for column, value in zip(
            ("issued", "repealed", "in_force"), active.get(row) or [None] * 3, strict=True
        ):
            cells["active_disclosure", row, column] = value
    for row in ("licensing", "punishment", "enforcement"):
        cells["active_disclosure", row, "decisions"] = active.get(row)
    cells["active_disclosure", "fees", "amount"] = active.get("fees")
    return cells


def _same(expected: Any, actual: Any) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    return Decimal(str(expected)) == Decimal(str(actual))


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus is not present")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.stem for p in CORPUS_FILES])
def test_the_real_reports_read_cell_for_cell(path: Path) -> None:
    truth_path = path.with_suffix(".json")
    if not truth_path.exists():
        pytest.skip(f"{path.name} has no truth record")
    truth = json.loads(truth_path.read_text("utf-8"))
    report = govinfo_report.parse_file(path)
    assert report.source_kind == "docx"
    assert (report.agency, report.year) == (truth["agency"].split(" (")[0].split("（")[0], truth["year"])
    got = cell_values(report)
    ambiguous = set(truth.get("ambiguous", ()))
    wrong = [
        f"{'.'.join(key)}: {value!r} != {got.get(key)!r}"
        for key, value in _truth_cells(truth).items()
        if not _same(value, got.get(key)) and not (".".join(key) in ambiguous and got.get(key) is None)
    ]
    assert wrong == []


# --- speed -----------------------------------------------------------------------------------


def _median_ms(action: Callable[[], object], runs: int = 15) -> float:
    action()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus is not present")
def test_a_word_report_reads_and_parses_in_milliseconds() -> None:
    for path in CORPUS_FILES:
        data = path.read_bytes()
        # generous against a shared machine; the reader's own budget is a few milliseconds
        assert _median_ms(lambda data=data: govinfo_report.parse_file(data)) < 60


# --- numbers a cell prints over several lines ---------------------------------------------------

_SIGNED_NUMBER = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?")


def _numbers_over_lines(path: Path, how: str, cut: random.Random) -> None:
    """Every number of two characters or more in the Word file's tables cut in two: by a line
    break in its run (a PDF-to-Word converter's narrow column; its digits full-width, or its
    thousands set apart by commas, too), or into two paragraphs, the first one's mark deleted
    with tracked changes (Word shows the number on one line)."""
    import docx

    document = docx.Document(str(path))
    revision = 'w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"'
    for table in document.tables:
        for cell in {id(c): c for row in table.rows for c in row.cells}.values():
            text = cell.text.strip()
            if len(text) < 2 or not _SIGNED_NUMBER.fullmatch(text):
                continue
            if how == "full-width-break":
                text = text.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
            elif how == "thousands-break" and text.isdigit():
                text = f"{int(text):,}"
            at = cut.randint(1, len(text) - 1)
            paragraph = cell.paragraphs[0]
            for run in paragraph.runs:
                run.text = ""
            if how != "deleted-paragraph-mark":
                run = paragraph.add_run(text[:at])
                run.add_break()
                run.add_text(text[at:])
            else:
                paragraph.add_run(text[:at])
                mark = parse_xml(f'<w:rPr xmlns:w="{W_NS}"><w:del {revision}/></w:rPr>')
                paragraph._p.get_or_add_pPr().append(mark)
                cell.add_paragraph(text[at:])
    document.save(str(path))


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize("how", ["break", "deleted-paragraph-mark", "full-width-break", "thousands-break"])
@settings(max_examples=EXAMPLES // 3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    report=st.one_of(reports(scale="city", blanks=True), reports_2019(scale="city", blanks=True)),
    seed=st.integers(0, 2**16),
)
def test_a_number_a_cell_prints_over_two_lines_is_one_number(
    report: Report, seed: int, how: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from report_files import write_docx

    path = write_docx(report, tmp_path_factory.mktemp("cut") / "report.docx")
    _numbers_over_lines(path, how, random.Random(seed))
    parsed = govinfo_report.parse_file(path)
    assert cell_differences(parsed, report) == []
