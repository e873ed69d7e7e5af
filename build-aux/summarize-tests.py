#!/usr/bin/env python3
"""Counts meson's JUnit logs into one line: N passed, N failed, N skipped.

A test program that crashed or exited badly counts as a failure even when
each of its test cases that ran passed: meson's JSON log, beside each JUnit
log, gives every program's own result."""
import json
import os
import sys
import xml.etree.ElementTree as ET

GOOD = {'OK', 'SKIP', 'EXPECTEDFAIL'}

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        print(f"# cannot read {path}: {e}", file=sys.stderr)
        failed += 1
        continue

    # Programs whose own result was bad, by the name JUnit gives them.
    bad = set()
    results = path[:-len('.junit.xml')] + '.json' if path.endswith('.junit.xml') else None
    if results and os.path.exists(results):
        with open(results, encoding='utf-8') as f:
            for line in f:
                try:
                    test = json.loads(line)
                except ValueError:
                    continue
                if test.get('result') not in GOOD:
                    bad.add(test.get('name', ''))

    for suite in root.iter('testsuite'):
        cases = list(suite.iter('testcase'))
        suite_failed = 0
        for case in cases:
            if case.find('skipped') is not None:
                skipped += 1
            elif case.find('failure') is not None or case.find('error') is not None:
                suite_failed += 1
            else:
                passed += 1
        name = suite.get('name', '')
        program_bad = not cases or any(name.endswith(b) for b in bad if b)
        if program_bad and suite_failed == 0:
            print(f"# {name}: the program failed", file=sys.stderr)
            suite_failed = 1
        failed += suite_failed
print(f"{passed} passed, {failed} failed, {skipped} skipped")
