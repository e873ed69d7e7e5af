#!/usr/bin/env python3
# generate.py
#
# Copyright 2026 The Triangulate authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generates the offline basemap that TriBasemapLayer draws.

Inputs (see SOURCES.md for versions and licences):

  * Natural Earth 1:110m and 1:50m countries and land, as TopoJSON in the npm
    package world-atlas (countries-110m.json, countries-50m.json);
  * the project gazetteer, data/gazetteer/places.tsv, for the first-level
    provinces and the cities of the region, and the world's capitals.

Outputs, beside this script:

  world.bin   land rings and country borders at two levels of detail,
              pre-projected to normalized Web Mercator (x, y in [0, 1],
              y growing southwards), little-endian float32;
  labels.tsv  country, province and city labels with the zoom level from
              which each is shown.

world.bin layout (all integers little-endian uint32):

  "TRIBASE1"                       8 bytes of magic
  n_sections
  n_sections times:
    lod                            0 = 1:110m, 1 = 1:50m
    kind                           0 = land ring (closed), 1 = border line
    n_parts, n_points
    n_parts times: first point, n points, float32 bbox[4] (x0, y0, x1, y1)
    n_points times: float32 x, float32 y

Usage:

  data/basemap/generate.py --install          # npm install into /tmp/wa first
  data/basemap/generate.py --npm-prefix DIR   # world-atlas already in DIR

Only the Python standard library is used; the output is deterministic.
"""

import argparse
import json
import math
import os
import struct
import subprocess
import sys

WORLD_ATLAS = 'world-atlas@2.0.2'
MAX_LAT = 85.05112878

HERE = os.path.dirname(os.path.abspath(__file__))
PLACES = os.path.join(HERE, '..', 'gazetteer', 'places.tsv')

# The region whose provinces and smaller cities are labelled (ISO 3166-1).
REGION = ['IQ', 'SY', 'IR', 'TR', 'JO', 'SA', 'KW', 'LB', 'IL']

# Words that end a province's name and are dropped from its label
# ("Anbar Governorate" is labelled "Anbar").
PROVINCE_SUFFIXES = [' Governorate', ' Province', ' Region', ' District',
                     ' Muhafazah', ' Ili']


def mercator(lon, lat):
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    x = (lon + 180.0) / 360.0
    s = math.sin(math.radians(lat))
    y = 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)
    return x, y


def decode_arcs(topo):
    sx, sy = topo['transform']['scale']
    tx, ty = topo['transform']['translate']
    arcs = []
    for arc in topo['arcs']:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def arc_points(arcs, index):
    if index >= 0:
        return arcs[index]
    return list(reversed(arcs[~index]))


def ring_points(arcs, ring):
    pts = []
    for index in ring:
        a = arc_points(arcs, index)
        if pts:
            a = a[1:]
        pts.extend(a)
    return pts


def polygons_of(geometry):
    if geometry['type'] == 'Polygon':
        return [geometry['arcs']]
    if geometry['type'] == 'MultiPolygon':
        return geometry['arcs']
    return []


def unwrap(lonlat):
    """Makes a ring continuous across the antimeridian (lon may pass 180)."""
    out = [lonlat[0]]
    shift = 0.0
    for (lon0, _), (lon1, lat1) in zip(lonlat, lonlat[1:]):
        if lon1 - lon0 > 180:
            shift -= 360
        elif lon0 - lon1 > 180:
            shift += 360
        out.append((lon1 + shift, lat1))
    if abs(out[-1][0] - out[0][0]) > 1e-6:
        return lonlat  # goes round the world (Antarctica): keep as it is
    return out


def split_at_antimeridian(lonlat):
    parts = [[lonlat[0]]]
    for (lon0, _), (lon1, lat1) in zip(lonlat, lonlat[1:]):
        if abs(lon1 - lon0) > 180:
            parts.append([])
        parts[-1].append((lon1, lat1))
    return [p for p in parts if len(p) >= 2]


def project(lonlat):
    pts = []
    for lon, lat in lonlat:
        p = mercator(lon, lat)
        if not pts or p != pts[-1]:
            pts.append(p)
    return pts


def ring_area(pts):
    a = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        a += x0 * y1 - x1 * y0
    return a / 2


def land_rings(topo, arcs):
    rings = []
    for geometry in topo['objects']['land']['geometries']:
        for polygon in polygons_of(geometry):
            for ring in polygon:
                pts = project(unwrap(ring_points(arcs, ring)))
                if len(pts) < 3:
                    continue
                rings.append(pts)
                xs = [p[0] for p in pts]
                # Copies for the part that went past the antimeridian.
                if max(xs) > 1.0:
                    rings.append([(x - 1.0, y) for x, y in pts])
                if min(xs) < 0.0:
                    rings.append([(x + 1.0, y) for x, y in pts])
    return rings


def border_lines(topo, arcs):
    """Arcs shared by two countries are borders; the others are coasts."""
    users = {}
    for n, geometry in enumerate(topo['objects']['countries']['geometries']):
        for polygon in polygons_of(geometry):
            for ring in polygon:
                for index in ring:
                    users.setdefault(index if index >= 0 else ~index, set()).add(n)
    lines = []
    for index in sorted(users):
        if len(users[index]) < 2:
            continue
        for part in split_at_antimeridian(arcs[index]):
            pts = project(part)
            if len(pts) >= 2:
                lines.append(pts)
    return lines


def country_labels(topo, arcs):
    """A label point (centroid of the largest ring) and an area per country."""
    labels = []
    for geometry in topo['objects']['countries']['geometries']:
        cid = geometry.get('id')
        name = geometry.get('properties', {}).get('name', '')
        if not cid:
            continue
        best = None
        total = 0.0
        for polygon in polygons_of(geometry):
            pts = project(unwrap(ring_points(arcs, polygon[0])))
            if len(pts) < 3:
                continue
            a = abs(ring_area(pts))
            total += a
            if best is None or a > best[0]:
                best = (a, pts)
        if best is None:
            continue
        a, pts = best
        cx = cy = 0.0
        signed = ring_area(pts)
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
            f = x0 * y1 - x1 * y0
            cx += (x0 + x1) * f
            cy += (y0 + y1) * f
        if signed != 0:
            cx /= 6 * signed
            cy /= 6 * signed
        else:
            cx, cy = pts[0]
        cx %= 1.0
        # Zoom from which the label fits: about 40 px across the country.
        side = math.sqrt(total)
        min_zoom = max(2, math.ceil(math.log2(48.0 / (256.0 * side))) if side > 0 else 9)
        labels.append((int(cid), name, cx, cy, min(min_zoom, 9)))
    return labels


def write_sections(path, sections):
    out = bytearray(b'TRIBASE1')
    out += struct.pack('<I', len(sections))
    for lod, kind, parts in sections:
        n_points = sum(len(p) for p in parts)
        out += struct.pack('<IIII', lod, kind, len(parts), n_points)
        first = 0
        for p in parts:
            xs = [q[0] for q in p]
            ys = [q[1] for q in p]
            out += struct.pack('<II4f', first, len(p), min(xs), min(ys), max(xs), max(ys))
            first += len(p)
        for p in parts:
            for x, y in p:
                out += struct.pack('<2f', x, y)
    with open(path, 'wb') as f:
        f.write(out)
    return len(out)


def short_province_name(name):
    for suffix in PROVINCE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            return name[: -len(suffix)]
    return name


def city_min_zoom(population, capital, in_region):
    if capital:
        return 4 if not in_region else 3
    if not in_region:
        return None
    if population >= 3000000:
        return 4
    if population >= 1000000:
        return 5
    if population >= 300000:
        return 6
    if population >= 100000:
        return 7
    if population >= 40000:
        return 8
    return None


def distance_km(lat0, lon0, lat1, lon1):
    p0, p1 = math.radians(lat0), math.radians(lat1)
    dp, dl = p1 - p0, math.radians(lon1 - lon0)
    a = math.sin(dp / 2) ** 2 + math.cos(p0) * math.cos(p1) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def place_labels():
    provinces = []
    cities = []
    with open(PLACES, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            cols = line.rstrip('\n').split('\t')
            cols += [''] * (11 - len(cols))
            pid, kind, name_en, name_vi, lat, lon, country, _parent, pop, aliases, flags = cols[:11]
            if kind == 'admin1' and country in REGION:
                provinces.append(('province', pid, country, 6, float(lat), float(lon),
                                  short_province_name(name_en), short_province_name(name_vi)))
            elif kind == 'city':
                cities.append({
                    'id': pid, 'name_en': name_en, 'name_vi': name_vi, 'country': country,
                    'lat': float(lat), 'lon': float(lon), 'pop': int(pop or 0),
                    'capital': 'capital' in flags.split(','),
                    'fame': len([a for a in aliases.split('|') if a]),
                })

    # GeoNames lists some cities twice, the city and a district of it
    # ("Mosul" and "Al Mawsil al Jadidah", bigger on paper).  Of the places
    # within 15 km of each other keep the best known, the one with the most
    # names in other languages, and give it the larger population.
    cities.sort(key=lambda c: (not c['capital'], -c['fame'], -c['pop'], c['id']))
    kept = []
    for city in cities:
        if city['pop'] < 40000 and not city['capital']:
            continue
        twin = None
        for other in kept:
            if (other['country'] == city['country'] and abs(other['lat'] - city['lat']) < 0.2 and
                    distance_km(other['lat'], other['lon'], city['lat'], city['lon']) < 15.0):
                twin = other
                break
        if twin is not None:
            twin['pop'] = max(twin['pop'], city['pop'])
            continue
        kept.append(city)

    labels = []
    for city in kept:
        zoom = city_min_zoom(city['pop'], city['capital'], city['country'] in REGION)
        if zoom is not None:
            labels.append(('capital' if city['capital'] else 'city', city['id'], city['country'],
                           zoom, city['lat'], city['lon'], city['name_en'], city['name_vi'],
                           city['pop']))
    # Biggest first within a kind, so that the C side can place by rank.
    labels.sort(key=lambda l: (l[0], -l[8], l[1]))
    # A province named after its capital ("Kirkuk") needs no second label.
    city_names = {(l[2], l[6]) for l in labels}
    provinces = [p for p in provinces if (p[2], p[6]) not in city_names]
    provinces.sort(key=lambda l: (l[2], l[1]))
    return [l[:8] for l in labels] + provinces


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--install', action='store_true',
                        help='npm install %s into the prefix first' % WORLD_ATLAS)
    parser.add_argument('--npm-prefix', default='/tmp/wa')
    args = parser.parse_args()

    if args.install:
        subprocess.run(['npm', 'install', '--prefix', args.npm_prefix, WORLD_ATLAS], check=True)
    atlas = os.path.join(args.npm_prefix, 'node_modules', 'world-atlas')

    sections = []
    countries = None
    for lod, name in ((0, 'countries-110m.json'), (1, 'countries-50m.json')):
        with open(os.path.join(atlas, name), encoding='utf-8') as f:
            topo = json.load(f)
        arcs = decode_arcs(topo)
        sections.append((lod, 0, land_rings(topo, arcs)))
        sections.append((lod, 1, border_lines(topo, arcs)))
        if lod == 1:
            countries = country_labels(topo, arcs)
    size = write_sections(os.path.join(HERE, 'world.bin'), sections)

    rows = []
    for cid, name, x, y, zoom in sorted(countries, key=lambda c: (c[4], c[0])):
        lon = x * 360.0 - 180.0
        lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))
        rows.append(('country', '%03d' % cid, '', zoom, lat, lon, name, ''))
    rows.extend(place_labels())
    with open(os.path.join(HERE, 'labels.tsv'), 'w', encoding='utf-8') as f:
        f.write('# Basemap labels, generated by data/basemap/generate.py: do not edit.\n')
        f.write('# Columns: kind id country min_zoom lat lon name_en name_vi\n')
        f.write('# kind: country (id = ISO 3166-1 numeric; name from ICU at run time),\n')
        f.write('#       province, capital, city (id = gazetteer id)\n')
        for kind, pid, country, zoom, lat, lon, name_en, name_vi in rows:
            f.write('%s\t%s\t%s\t%d\t%.5f\t%.5f\t%s\t%s\n'
                    % (kind, pid, country, zoom, lat, lon, name_en, name_vi))

    for lod, kind, parts in sections:
        print('lod %d kind %d: %d parts, %d points'
              % (lod, kind, len(parts), sum(len(p) for p in parts)), file=sys.stderr)
    print('world.bin: %d bytes; labels.tsv: %d rows' % (size, len(rows)), file=sys.stderr)


if __name__ == '__main__':
    main()
