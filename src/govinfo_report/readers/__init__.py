"""Readers: what turns a file a user holds into the text the reading stages work on."""

from .text import decode, read_text, reject_non_text

__all__ = ["decode", "read_text", "reject_non_text"]
