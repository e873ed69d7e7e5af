#!/usr/bin/env python3
# test-manifest.py
#
# Copyright 2026 The Triangulate authors
#
# This program is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Check the Flatpak manifest and the app id wiring of the data files.

Usage: test-manifest.py SOURCE_ROOT

Prints TAP. Each checker returns a list of problems (empty when fine), so
the same functions run against the real tree and, as self-checks, against
in-memory bad manifests that they must reject.
"""

import json
import os
import re
import sys
import xml.etree.ElementTree as ET

MANIFEST_DIR = 'flatpak'
APP_COMMAND = 'triangulate'
PROJECT_MIME_TYPE = 'application/x-triangulate-project'
ALLOWED_FINISH_ARGS = (
    '--share=ipc',
    '--socket=fallback-x11',
    '--socket=wayland',
    '--device=dri',
    '--share=network',
)
GNOME_RUNTIME = 'org.gnome.Platform'
GNOME_SDK = 'org.gnome.Sdk'
HASHED_SOURCE_TYPES = ('archive', 'file')
SHA256_RE = re.compile(r'^[0-9a-f]{64}$')
COMMIT_RE = re.compile(r'^[0-9a-f]{40}$')
MESON_OPTION_RE = re.compile(r"option\s*\(\s*'([^']+)'")
APP_ID_PLACEHOLDER = '@APP_ID@'


# ---------------------------------------------------------------- loading

def strip_json_comments(text):
    """flatpak-builder (json-glib) accepts /* */ comments; json does not."""
    out = []
    i = 0
    in_string = False
    while i < len(text):
        c = text[i]
        if in_string:
            out.append(c)
            if c == '\\' and i + 1 < len(text):
                out.append(text[i + 1])
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
            out.append(c)
        elif text.startswith('/*', i):
            end = text.find('*/', i + 2)
            i = len(text) if end < 0 else end + 2
            continue
        else:
            out.append(c)
        i += 1
    return ''.join(out)


def load_json(path):
    with open(path, encoding='utf-8') as f:
        return json.loads(strip_json_comments(f.read()))


def find_manifest(root):
    """Return (path, problems): the one <app-id>.json in flatpak/."""
    folder = os.path.join(root, MANIFEST_DIR)
    if not os.path.isdir(folder):
        return None, ['no %s/ folder' % MANIFEST_DIR]
    names = sorted(n for n in os.listdir(folder)
                   if n.endswith('.json') and n.count('.') >= 3)
    if len(names) != 1:
        return None, ['expected one <app-id>.json in %s/, found %r' % (MANIFEST_DIR, names)]
    return os.path.join(folder, names[0]), []


def manifest_app_id(manifest):
    return manifest.get('id') or manifest.get('app-id')


def iter_modules(modules, base_dir, problems):
    """Yield every module dict, descending into nested and included modules."""
    for module in modules or []:
        if isinstance(module, str):
            path = os.path.join(base_dir, module)
            try:
                module = load_json(path)
            except (OSError, ValueError) as e:
                problems.append('cannot load included module %s: %s' % (module, e))
                continue
        if not isinstance(module, dict):
            problems.append('module is neither an object nor a file name: %r' % (module,))
            continue
        yield module
        yield from iter_modules(module.get('modules'), base_dir, problems)


def read_text(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


# --------------------------------------------------------------- checkers

def check_app_id_format(manifest):
    app_id = manifest_app_id(manifest)
    if not app_id:
        return ['manifest has neither "id" nor "app-id"']
    if not re.match(r'^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*){2,}$', app_id):
        return ['app id %r is not a reverse-DNS name with at least three parts' % app_id]
    if app_id.endswith('.Devel'):
        return ['the Flatpak manifest must use the release id, not %r' % app_id]
    return []


def check_runtime(manifest):
    problems = []
    if manifest.get('runtime') != GNOME_RUNTIME:
        problems.append('runtime is %r, expected %r' % (manifest.get('runtime'), GNOME_RUNTIME))
    if manifest.get('sdk') != GNOME_SDK:
        problems.append('sdk is %r, expected %r' % (manifest.get('sdk'), GNOME_SDK))
    version = manifest.get('runtime-version')
    if not isinstance(version, str) or not re.match(r'^\d+$', version):
        problems.append('runtime-version %r is not a stable GNOME release number' % (version,))
    return problems


def check_command(manifest):
    if manifest.get('command') != APP_COMMAND:
        return ['command is %r, expected %r' % (manifest.get('command'), APP_COMMAND)]
    return []


def check_no_filesystem_access(manifest):
    args = manifest.get('finish-args', [])
    bad = [a for a in args if a.startswith('--filesystem')]
    return ['filesystem access is not allowed (use portals): %s' % a for a in bad]


def check_finish_args(manifest):
    args = manifest.get('finish-args', [])
    problems = []
    for arg in args:
        if arg not in ALLOWED_FINISH_ARGS:
            problems.append('finish-arg %s is not in the allowed set' % arg)
    for arg in ALLOWED_FINISH_ARGS:
        if arg not in args:
            problems.append('finish-arg %s is missing' % arg)
    if len(set(args)) != len(args):
        problems.append('finish-args has duplicates')
    return problems


def check_sources(manifest, base_dir='.'):
    problems = []
    for module in iter_modules(manifest.get('modules'), base_dir, problems):
        name = module.get('name', '?')
        sources = module.get('sources', [])
        if not sources and module.get('buildsystem') != 'simple':
            problems.append('module %s has no sources' % name)
        for source in sources:
            if isinstance(source, str):
                problems.append('module %s: external source file %s is not checked'
                                % (name, source))
                continue
            kind = source.get('type')
            if kind in HASHED_SOURCE_TYPES and 'path' not in source:
                sha = source.get('sha256', '')
                if not SHA256_RE.match(sha):
                    problems.append('module %s: %s source %s has no valid sha256 (got %r)'
                                    % (name, kind, source.get('url'), sha))
                url = source.get('url', '')
                if not url.startswith('https://'):
                    problems.append('module %s: %s source url %r is not https'
                                    % (name, kind, url))
            elif kind == 'git':
                if not source.get('tag'):
                    problems.append('module %s: git source %s has no tag'
                                    % (name, source.get('url')))
                if not COMMIT_RE.match(source.get('commit', '')):
                    problems.append('module %s: git source %s has no full commit hash'
                                    % (name, source.get('url')))
                if source.get('branch'):
                    problems.append('module %s: git source %s follows a branch'
                                    % (name, source.get('url')))
            elif kind in ('dir', 'patch', 'shell', 'script', 'inline') or kind in HASHED_SOURCE_TYPES:
                pass
            else:
                problems.append('module %s: unchecked source type %r' % (name, kind))
    return problems


def app_module(manifest):
    modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
    return modules[-1] if modules else None


def check_app_module(manifest, root, manifest_dir):
    module = app_module(manifest)
    if module is None:
        return ['manifest has no modules']
    problems = []
    if module.get('buildsystem') != 'meson':
        problems.append('app module %s is not built with meson' % module.get('name'))
    if module.get('builddir') is not True:
        problems.append('app module must set "builddir": true')
    if module.get('run-tests') is not False:
        problems.append('app module must set "run-tests": false')
    dirs = [s for s in module.get('sources', []) if isinstance(s, dict) and s.get('type') == 'dir']
    if len(dirs) != 1:
        problems.append('app module must have exactly one "dir" source')
    else:
        where = os.path.realpath(os.path.join(manifest_dir, dirs[0].get('path', '')))
        if where != os.path.realpath(root):
            problems.append('app module dir source %r is not the source root'
                            % dirs[0].get('path'))
    return problems


def check_meson_options(manifest, options_text):
    """Every -Dname=… of the app module must be a project option."""
    module = app_module(manifest)
    if module is None:
        return ['manifest has no modules']
    known = set(MESON_OPTION_RE.findall(options_text))
    problems = []
    for opt in module.get('config-opts', []):
        m = re.match(r'^-D([^=]+)=', opt)
        if not m:
            continue
        name = m.group(1)
        if '.' in name or name in ('buildtype', 'prefix', 'libdir', 'b_lto', 'b_ndebug'):
            continue
        if name not in known:
            problems.append('config-opt %s names no option in meson_options.txt' % opt)
    return problems


def check_desktop_file(app_id, root):
    path = os.path.join(root, 'data', app_id + '.desktop.in.in')
    if not os.path.isfile(path):
        return ['missing %s' % os.path.relpath(path, root)]
    text = read_text(path)
    problems = []
    icon = re.search(r'^Icon=(.*)$', text, re.M)
    if not icon or icon.group(1) not in (app_id, APP_ID_PLACEHOLDER):
        problems.append('desktop Icon= is %r' % (icon.group(1) if icon else None))
    execl = re.search(r'^Exec=(\S+)', text, re.M)
    if not execl or execl.group(1) != APP_COMMAND:
        problems.append('desktop Exec= does not run %s' % APP_COMMAND)
    mime = re.search(r'^MimeType=(.*)$', text, re.M)
    if not mime or PROJECT_MIME_TYPE not in mime.group(1).split(';'):
        problems.append('desktop MimeType= lacks %s' % PROJECT_MIME_TYPE)
    return problems


def check_metainfo(app_id, root=None, text=None):
    if text is None:
        path = os.path.join(root, 'data', app_id + '.metainfo.xml.in.in')
        if not os.path.isfile(path):
            return ['missing %s' % os.path.relpath(path, root)]
        text = read_text(path)
    try:
        component = ET.fromstring(text.replace(APP_ID_PLACEHOLDER, app_id).encode('utf-8'))
    except ET.ParseError as e:
        return ['metainfo is not well-formed XML: %s' % e]
    problems = []
    cid = component.findtext('id')
    if cid != app_id:
        problems.append('metainfo <id> is %r, expected %r' % (cid, app_id))
    launchable = component.findtext("launchable[@type='desktop-id']")
    if launchable != app_id + '.desktop':
        problems.append('metainfo launchable is %r' % launchable)
    binaries = [b.text for b in component.findall('provides/binary')]
    if APP_COMMAND not in binaries:
        problems.append('metainfo does not provide binary %s' % APP_COMMAND)
    if PROJECT_MIME_TYPE not in [m.text for m in component.findall('provides/mediatype')]:
        problems.append('metainfo does not provide mediatype %s' % PROJECT_MIME_TYPE)
    for needed in ('releases/release', 'content_rating', 'developer', 'developer_name',
                   'screenshots/screenshot/caption'):
        if component.find(needed) is None:
            problems.append('metainfo lacks <%s> (Flathub needs it)' % needed)
    return problems


def check_gschema(app_id, root):
    path = os.path.join(root, 'data', app_id + '.gschema.xml')
    if not os.path.isfile(path):
        return ['missing %s' % os.path.relpath(path, root)]
    schemas = ET.parse(path).getroot().findall('schema')
    expected_path = '/' + app_id.replace('.', '/') + '/'
    problems = []
    if not any(s.get('id') == app_id for s in schemas):
        problems.append('no schema with id %s' % app_id)
    for s in schemas:
        if s.get('id') == app_id and s.get('path') != expected_path:
            problems.append('schema path is %r, expected %r' % (s.get('path'), expected_path))
    return problems


def check_mime(app_id, root):
    path = os.path.join(root, 'data', app_id + '.mime.xml')
    if not os.path.isfile(path):
        return ['missing %s' % os.path.relpath(path, root)]
    ns = '{http://www.freedesktop.org/standards/shared-mime-info}'
    types = [t.get('type') for t in ET.parse(path).getroot().iter(ns + 'mime-type')]
    if PROJECT_MIME_TYPE not in types:
        return ['%s does not declare %s' % (os.path.basename(path), PROJECT_MIME_TYPE)]
    return []


def check_icons(app_id, root):
    icons = os.path.join(root, 'data', 'icons', 'hicolor')
    wanted = [os.path.join(icons, 'scalable', 'apps', app_id + '.svg'),
              os.path.join(icons, 'symbolic', 'apps', app_id + '-symbolic.svg')]
    problems = []
    for path in wanted:
        if not os.path.isfile(path):
            problems.append('missing %s' % os.path.relpath(path, root))
            continue
        try:
            tag = ET.parse(path).getroot().tag
        except ET.ParseError as e:
            problems.append('%s is not well-formed: %s' % (os.path.basename(path), e))
            continue
        if tag != '{http://www.w3.org/2000/svg}svg':
            problems.append('%s is not an SVG' % os.path.basename(path))
    return problems


def check_meson_mentions(app_id, text, what):
    if app_id not in text:
        return ['%s does not mention %s' % (what, app_id)]
    return []


def check_root_app_id(app_id, text):
    m = re.search(r"^\s*app_id\s*=\s*'([^']*)'", text, re.M)
    if not m:
        return ["root meson.build has no app_id = '…' assignment"]
    if m.group(1) != app_id:
        return ['root meson.build app_id is %r, manifest says %r' % (m.group(1), app_id)]
    return []


# ------------------------------------------------------------ self-checks

def good_manifest():
    return {
        'id': 'io.example.Good',
        'runtime': GNOME_RUNTIME,
        'runtime-version': '51',
        'sdk': GNOME_SDK,
        'command': APP_COMMAND,
        'finish-args': list(ALLOWED_FINISH_ARGS),
        'modules': [
            {'name': 'dep', 'buildsystem': 'meson', 'sources': [
                {'type': 'archive', 'url': 'https://example.org/dep-1.0.tar.xz',
                 'sha256': 'a' * 64},
                {'type': 'git', 'url': 'https://example.org/x.git', 'tag': '1.0',
                 'commit': 'b' * 40}]},
            {'name': 'app', 'buildsystem': 'meson', 'builddir': True, 'run-tests': False,
             'config-opts': ['-Dtests=false'],
             'sources': [{'type': 'dir', 'path': '..'}]},
        ],
    }


def mutated(change):
    manifest = good_manifest()
    change(manifest)
    return manifest


def self_checks():
    """(description, problems) pairs; each must be non-empty but the first."""
    good = good_manifest()
    good_metainfo = ('<component><id>@APP_ID@</id>'
                     '<launchable type="desktop-id">@APP_ID@.desktop</launchable>'
                     '<developer id="x"><name>X</name></developer><developer_name>X</developer_name>'
                     '<provides><binary>triangulate</binary>'
                     '<mediatype>application/x-triangulate-project</mediatype></provides>'
                     '<screenshots><screenshot><caption>c</caption></screenshot></screenshots>'
                     '<content_rating type="oars-1.1"/><releases><release version="1"/></releases>'
                     '</component>')
    accepted = (check_finish_args(good) + check_no_filesystem_access(good) +
                check_sources(good) + check_command(good) + check_runtime(good) +
                check_app_id_format(good) + check_meson_options(good, "option('tests')") +
                check_metainfo('io.example.Good', text=good_metainfo))
    rejected = [
        ('--filesystem=home is rejected',
         check_no_filesystem_access(mutated(lambda m: m['finish-args'].append('--filesystem=home')))),
        ('--filesystem=host:ro is rejected',
         check_no_filesystem_access(mutated(lambda m: m['finish-args'].append('--filesystem=host:ro')))),
        ('an extra --socket=x11 is rejected',
         check_finish_args(mutated(lambda m: m['finish-args'].append('--socket=x11')))),
        ('a missing --share=ipc is rejected',
         check_finish_args(mutated(lambda m: m['finish-args'].remove('--share=ipc')))),
        ('an archive without sha256 is rejected',
         check_sources(mutated(lambda m: m['modules'][0]['sources'][0].pop('sha256')))),
        ('a short sha256 is rejected',
         check_sources(mutated(lambda m: m['modules'][0]['sources'][0].update(sha256='abc')))),
        ('a git source without commit is rejected',
         check_sources(mutated(lambda m: m['modules'][0]['sources'][1].pop('commit')))),
        ('a git source without tag is rejected',
         check_sources(mutated(lambda m: m['modules'][0]['sources'][1].pop('tag')))),
        ('a bad source in a nested module is rejected',
         check_sources(mutated(lambda m: m['modules'][0].update(modules=[
             {'name': 'inner', 'sources': [{'type': 'file', 'url': 'https://example.org/f'}]}])))),
        ('a wrong command is rejected',
         check_command(mutated(lambda m: m.update(command='triangulate-cli')))),
        ('a .Devel id is rejected',
         check_app_id_format(mutated(lambda m: m.update(id='io.example.Good.Devel')))),
        ('an unknown -D option is rejected',
         check_meson_options(mutated(lambda m: m['modules'][-1]['config-opts'].append('-Dnope=1')),
                             "option('tests')")),
        ('a metainfo id that differs from the app id is rejected',
         check_metainfo('io.example.Other', text=good_metainfo.replace('@APP_ID@', 'io.example.Good'))),
    ]
    return [('the checkers accept a good manifest', accepted)] + rejected


# ------------------------------------------------------------------- main

class Tap:
    def __init__(self):
        self.results = []

    def add(self, description, problems, skip=None):
        self.results.append((description, problems, skip))

    def emit(self):
        print('1..%d' % len(self.results))
        failed = 0
        for n, (description, problems, skip) in enumerate(self.results, 1):
            if skip:
                print('ok %d - %s # SKIP %s' % (n, description, skip))
                continue
            if problems:
                failed += 1
                print('not ok %d - %s' % (n, description))
                for p in problems:
                    print('# %s' % p)
            else:
                print('ok %d - %s' % (n, description))
        return failed


def main(argv):
    if len(argv) != 2:
        print('usage: %s SOURCE_ROOT' % argv[0], file=sys.stderr)
        return 2
    root = argv[1]
    tap = Tap()

    # Self-checks first: they prove the checkers can fail.
    checks = self_checks()
    description, problems = checks[0]
    tap.add('self-check: ' + description, problems)
    for description, problems in checks[1:]:
        tap.add('self-check: ' + description,
                [] if problems else ['the checker accepted a bad manifest'])

    manifest_path, problems = find_manifest(root)
    manifest = None
    if manifest_path:
        try:
            manifest = load_json(manifest_path)
        except (OSError, ValueError) as e:
            problems = ['cannot parse %s: %s' % (manifest_path, e)]
    tap.add('manifest loads', problems)
    if manifest is None:
        return 1 if tap.emit() else 0

    manifest_dir = os.path.dirname(manifest_path)
    app_id = manifest_app_id(manifest) or ''

    tap.add('app id is a release reverse-DNS id', check_app_id_format(manifest))
    tap.add('manifest file is named after the app id',
            [] if os.path.basename(manifest_path) == app_id + '.json'
            else ['%s is not %s.json' % (os.path.basename(manifest_path), app_id)])
    tap.add('runtime and sdk are GNOME', check_runtime(manifest))
    tap.add('command is %s' % APP_COMMAND, check_command(manifest))
    tap.add('finish-args have no filesystem access', check_no_filesystem_access(manifest))
    tap.add('finish-args are exactly the allowed set', check_finish_args(manifest))
    tap.add('archive/file sources have sha256, git sources tag+commit',
            check_sources(manifest, manifest_dir))
    tap.add('app module builds this tree without tests',
            check_app_module(manifest, root, manifest_dir))

    options = os.path.join(root, 'meson_options.txt')
    if os.path.isfile(options):
        tap.add('app module -D options exist', check_meson_options(manifest, read_text(options)))
    else:
        tap.add('app module -D options exist', [], skip='no meson_options.txt')

    tap.add('desktop file is named after the app id', check_desktop_file(app_id, root))
    tap.add('metainfo id matches the app id', check_metainfo(app_id, root))
    tap.add('GSettings schema id and path match the app id', check_gschema(app_id, root))
    tap.add('MIME package is named after the app id', check_mime(app_id, root))
    tap.add('icons are named after the app id', check_icons(app_id, root))

    data_meson = os.path.join(root, 'data', 'meson.build')
    if os.path.isfile(data_meson):
        tap.add('data/meson.build uses the app id',
                check_meson_mentions(app_id, read_text(data_meson), 'data/meson.build'))
    else:
        tap.add('data/meson.build uses the app id', ['missing data/meson.build'])

    root_meson = os.path.join(root, 'meson.build')
    if os.path.isfile(root_meson):
        tap.add('root meson.build app_id matches', check_root_app_id(app_id, read_text(root_meson)))
    else:
        tap.add('root meson.build app_id matches', [], skip='no root meson.build')

    return 1 if tap.emit() else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
