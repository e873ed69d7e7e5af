#!/usr/bin/env python3
"""Counts meson's JUnit log into one line: N passed, N failed, N skipped.
A test binary that crashed has no test cases and counts as one failure."""
import sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        print(f"# cannot read {path}: {e}", file=sys.stderr)
        failed += 1
        continue
    for suite in root.iter('testsuite'):
        cases = list(suite.iter('testcase'))
        if not cases:
            failed += 1
            continue
        for case in cases:
            if case.find('skipped') is not None:
                skipped += 1
            elif case.find('failure') is not None or case.find('error') is not None:
                failed += 1
            else:
                passed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
