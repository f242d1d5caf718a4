"""Parse the bundled sample report and show what a Report holds.

python examples/parse_example.py [REPORT.txt]
"""

from __future__ import annotations

import sys
from pathlib import Path

import govinfo_report


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("sample_report.txt")
    report = govinfo_report.parse_file(path)
    print(f"{report.agency} · {report.year} · format {report.format}")
    if report.requests is not None:
        received = report.requests.new_received
        print(f"new requests: {received.total.value} (natural persons {received.natural_person.value})")
        print(f"  read from line {received.total.line} of {path.name}")
    if report.active_disclosure is not None:
        print(f"fees collected: {report.active_disclosure.fees.amount.value} 万元")
    for diagnostic in report.diagnostics:
        print(f"[{diagnostic.severity}] {diagnostic.code}: {diagnostic.message}")
    data = govinfo_report.to_dict(report)
    print(f"JSON contract keys: {', '.join(data)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
