#!/usr/bin/env python3
"""Where a test suite's time went: sums the per-test durations of a trx file (dotnet test --logger trx) by class.

    scripts/test-times.py web.trx [N]     # the N slowest classes (default 10) and the N slowest tests

./test.sh keeps one trx per suite in its work folder and prints the web suite's five slowest classes.
"""
import collections
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def seconds(duration: str) -> float:
    hours, minutes, secs = duration.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(secs)


def main() -> None:
    path = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    tests = [(seconds(r.get("duration", "0:0:0")), r.get("testName", ""))
             for r in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", NS)]
    classes: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0])
    for duration, name in tests:
        owner = name.split("(")[0].rsplit(".", 1)[0]
        classes[owner][0] += duration
        classes[owner][1] += 1
    print(f"{len(tests)} tests, {sum(d for d, _ in tests):.0f} s of test time (classes run two at a time)")
    for owner, (total, n) in sorted(classes.items(), key=lambda c: -c[1][0])[:count]:
        print(f"{total:7.1f} s {n:4d} tests  {owner}")
    if len(sys.argv) > 2:
        return
    print("slowest tests:")
    for duration, name in sorted(tests, reverse=True)[:count]:
        print(f"{duration:7.1f} s  {name[:140]}")


if __name__ == "__main__":
    main()
