"""Command line (filled in below)."""


def main() -> int:
    return 0
