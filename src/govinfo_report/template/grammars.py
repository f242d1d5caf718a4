"""Finding, compiling and caching the Lark grammars.

The grammars live in the top-level ``grammars/`` folder of the source tree. A built wheel or
sdist carries them inside the package (``govinfo_report/grammars``); an editable install imports
the code from ``src/`` and reads them from the source tree. :func:`grammar_dir` looks in both.

Compiled parsers are memoised per process and cached on disk (see
:mod:`govinfo_report.template.parser_cache`: no pickle, checksummed, private to the user, keyed
by versions, install location and grammar content).
"""

from __future__ import annotations

import functools
import hashlib
from importlib import resources
from pathlib import Path

import lark

from .._version import __version__
from ..errors import GrammarError
from . import parser_cache

_SOURCE_TREE_GRAMMARS = Path(__file__).resolve().parents[3] / "grammars"


@functools.cache
def grammar_dir() -> Path:
    """The folder holding ``skeleton.lark``, ``cells.lark`` and ``layouts/``."""
    packaged = resources.files("govinfo_report") / "grammars"
    if packaged.is_dir() and (packaged / "skeleton.lark").is_file():
        return Path(str(packaged))
    if (_SOURCE_TREE_GRAMMARS / "skeleton.lark").is_file():
        return _SOURCE_TREE_GRAMMARS
    raise GrammarError(
        "the grammars of govinfo-report were not found (looked in the installed package and in "
        f"{_SOURCE_TREE_GRAMMARS}); reinstall the package"
    )


@functools.cache
def _grammar_digest() -> str:
    """What a compiled parser depends on: this library's and Lark's versions, where this install
    is, and every grammar file's name and content."""
    digest = hashlib.sha256(f"{__version__}|{lark.__version__}|{Path(__file__).resolve()}".encode())
    root = grammar_dir()
    digest.update(str(root).encode())
    for path in sorted(root.rglob("*.lark")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@functools.cache
def load(name: str, start: str) -> lark.Lark:
    """Compile (or load from cache) the library grammar ``name`` (a path below ``grammars/``)."""
    path = grammar_dir() / name
    if not path.is_file():
        raise GrammarError(f"grammar {name!r} not found in {grammar_dir()}")
    stem = f"{name.replace('/', '_').removesuffix('.lark')}-{start}-{_grammar_digest()}"
    return _compile(path, start, stem)


def load_file(path: Path, start: str) -> lark.Lark:
    """Compile a user's grammar file (a regional variant) that may ``%import`` the library
    grammars by name: ``skeleton``, ``cells``, ``tables.active_2021``, ``tables.requests`` …"""
    try:
        text = path.read_bytes()
    except OSError as exc:
        raise GrammarError(f"{path}: cannot read the grammar: {exc}") from exc
    digest = hashlib.sha256(text + str(path).encode()).hexdigest()[:16]
    return _compile(path, start, f"variant-{path.stem}-{start}-{digest}-{_grammar_digest()}")


def _compile(path: Path, start: str, cache_stem: str) -> lark.Lark:
    """The grammar at ``path`` compiled for ``start``, from the disk cache when it is there."""
    folder = parser_cache.cache_dir()
    cached = folder / f"{cache_stem}.json" if folder is not None else None
    if cached is not None:
        parser = parser_cache.read(cached)
        if parser is not None:
            return parser
    try:
        parser = lark.Lark(
            path.read_text(encoding="utf-8"),
            parser="lalr",
            start=start,
            import_paths=[str(path.parent), str(grammar_dir())],
            source_path=str(path),
            propagate_positions=False,
            maybe_placeholders=False,
        )
    except lark.exceptions.LarkError as exc:
        raise GrammarError(f"{path}: {_describe(exc)}") from exc
    if cached is not None:
        parser_cache.write(cached, parser)
    return parser


def _describe(exc: lark.exceptions.LarkError) -> str:
    """Lark's message, with the line and column where it knows them."""
    message = str(exc).strip()
    line = getattr(exc, "line", None)
    column = getattr(exc, "column", None)
    if line is not None and f"line {line}" not in message:
        message = f"line {line}, column {column}: {message}"
    return message
