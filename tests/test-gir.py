#!/usr/bin/env python3
"""The Tri-1.0 typelib from Python, as a researcher would script it.
Skips (exit 77) when PyGObject is not installed."""
import os
import sys

try:
    import gi
    gi.require_version('Tri', '1.0')
    from gi.repository import Tri, Gio
except (ImportError, ValueError) as e:
    print(f'1..0 # SKIP PyGObject or the typelib is missing: {e}')
    sys.exit(0)

n = 0
def ok(cond, what):
    global n
    n += 1
    print(('ok' if cond else 'not ok') + f' {n} - {what}')
    return cond

failed = False
article = Tri.Article.new_from_text('demo', 'date 2026-01-19\n\nLính Mỹ rời căn cứ Al-Asad hôm 18/1. Quân đội Iraq tiếp quản.\n', -1)
failed |= not ok(article.get_id() == 'demo', 'article id')
failed |= not ok(article.get_language() == 'vi', 'language detected')
failed |= not ok(article.get_published() == '2026-01-19', 'header date')
failed |= not ok(article.get_n_sentences() == 2, 'two sentences')
article.analyze()

corpus = Tri.Corpus.new()
examples = os.path.join(os.environ['TRIANGULATE_DATA_DIR'], 'examples')
files = list(Tri.collect_files([Gio.File.new_for_path(examples)], None))
failed |= not ok(len(files) >= 4, 'collect_files finds the examples')
corpus.load(files, None)
failed |= not ok(corpus.get_n_items() == len(files), 'corpus loads them')
report = Tri.report_to_json(corpus, False)
failed |= not ok(isinstance(report[0] if isinstance(report, tuple) else report, str), 'report as JSON')
print(f'1..{n}')
sys.exit(1 if failed else 0)
