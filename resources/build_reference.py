"""Rebuild the committed reference data from its sources (maintainers only).

Sources, in this folder:
- ``VOCABULARY.md``: controlled vocabularies, one markdown table ``code | French | Arabic``
  under each ``## English title — Arabic title`` heading;
- ``morocco_divisions.csv``: the 12 regions and 75 prefectures/provinces (source of truth);
- ``EXTRA_VOCABULARIES`` below: small vocabularies the app needs that are not in VOCABULARY.md.

Outputs: ``vocabularies.json`` and ``divisions.json`` (UTF-8, ``ensure_ascii=False``,
``indent=1``). Both are committed; re-run after editing a source and commit the result::

    python resources/build_reference.py            # rewrite the JSON files in resources/
    python resources/build_reference.py --out DIR  # write them elsewhere (e.g. to compare)

Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

VOCABULARY_MD = "VOCABULARY.md"
DIVISIONS_CSV = "morocco_divisions.csv"
VOCABULARIES_JSON = "vocabularies.json"
DIVISIONS_JSON = "divisions.json"

# English heading in VOCABULARY.md -> vocabulary name, in document order.
HEADING_NAMES: dict[str, str] = {
    "Target groups": "target_group",
    "Services given at an encounter": "service",
    "Situation when met": "situation",
    "Vulnerability flags": "vulnerability_flag",
    "Orientation at an encounter": "orientation",
    "Refusal reasons": "refusal_reason",
    "Case events": "case_event",
    "Case status": "case_status",
    "Closure reasons": "closure_reason",
    "Referral institutions": "referral_institution",
    "Referral status": "referral_status",
    "Roles": "role",
}

# Vocabularies the app needs that VOCABULARY.md does not define: (code, French, Arabic).
EXTRA_VOCABULARIES: dict[str, list[tuple[str, str, str]]] = {
    "sex": [
        ("female", "Féminin", "أنثى"),
        ("male", "Masculin", "ذكر"),
    ],
    "medical_outcome": [
        ("no_issue", "RAS", "لا شيء يذكر"),
        ("treated_on_site", "Soigné(e) sur place", "علاج في عين المكان"),
        ("referred_hospital", "Orienté(e) vers l'hôpital", "إحالة على المستشفى"),
        ("emergency", "Urgence, transfert aux urgences", "حالة مستعجلة، نقل إلى المستعجلات"),
        ("refused_check", "A refusé l'examen", "رفض الفحص"),
    ],
}

KINDS = {"préfecture": "prefecture", "prefecture": "prefecture", "province": "province"}

_HEADING = re.compile(r"^##\s+(?P<fr>.+?)\s+—\s+(?P<ar>.+?)\s*$")
_CODE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
_SEPARATOR_CELL = re.compile(r"^:?-+:?$")

Term = dict[str, str]


def _term(code: str, fr: str, ar: str, where: str) -> Term:
    if not _CODE.match(code):
        raise ValueError(f"{where}: code {code!r} is not lowercase snake_case")
    if not fr or not ar:
        raise ValueError(f"{where}: code {code!r} has an empty label")
    return {"code": code, "fr": fr, "ar": ar}


def parse_vocabulary_md(text: str) -> dict[str, list[Term]]:
    """Parse VOCABULARY.md into ``{name: [{"code", "fr", "ar"}, ...]}`` in document order."""
    vocabularies: dict[str, list[Term]] = {}
    current: str | None = None
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        where = f"{VOCABULARY_MD}:{lineno}"
        if line.startswith("## "):
            match = _HEADING.match(line)
            if match is None:
                raise ValueError(f"{where}: heading is not '## English — Arabic': {line!r}")
            title = match["fr"]
            if title not in HEADING_NAMES:
                raise ValueError(f"{where}: no vocabulary name for heading {title!r}")
            current = HEADING_NAMES[title]
            if current in vocabularies:
                raise ValueError(f"{where}: vocabulary {current!r} defined twice")
            vocabularies[current] = []
            continue
        if not line.startswith("|") or current is None:
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) != 3:
            raise ValueError(f"{where}: expected 3 cells, got {len(cells)}: {line!r}")
        if cells[0] == "code" or all(_SEPARATOR_CELL.match(cell) for cell in cells):
            continue  # header or separator row
        vocabularies[current].append(_term(cells[0], cells[1], cells[2], where))
    missing = [name for name in HEADING_NAMES.values() if name not in vocabularies]
    if missing:
        raise ValueError(f"{VOCABULARY_MD}: vocabularies not found: {missing}")
    return vocabularies


def build_vocabularies(vocabulary_md: Path) -> dict[str, list[Term]]:
    vocabularies = parse_vocabulary_md(vocabulary_md.read_text(encoding="utf-8"))
    for name, rows in EXTRA_VOCABULARIES.items():
        if name in vocabularies:
            raise ValueError(f"extra vocabulary {name!r} is also in {VOCABULARY_MD}")
        vocabularies[name] = [_term(*row, where=f"EXTRA_VOCABULARIES[{name!r}]") for row in rows]
    for name, terms in vocabularies.items():
        codes = [term["code"] for term in terms]
        if not codes:
            raise ValueError(f"vocabulary {name!r} is empty")
        duplicates = sorted({code for code in codes if codes.count(code) > 1})
        if duplicates:
            raise ValueError(f"vocabulary {name!r} has duplicate codes: {duplicates}")
    return vocabularies


def build_divisions(divisions_csv: Path) -> dict[str, list[dict[str, str]]]:
    regions: dict[str, dict[str, str]] = {}
    provinces: list[dict[str, str]] = []
    seen: set[str] = set()
    with divisions_csv.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for raw in reader:
            where = f"{DIVISIONS_CSV}:{reader.line_num}"
            if None in raw or None in raw.values():
                raise ValueError(f"{where}: wrong number of fields")
            row = {key: value.strip() for key, value in raw.items()}
            region = {"code": row["region_code"], "fr": row["region_fr"], "ar": row["region_ar"]}
            if regions.setdefault(region["code"], region) != region:
                raise ValueError(f"{where}: region {region['code']} labelled inconsistently")
            if row["kind"] not in KINDS:
                raise ValueError(f"{where}: unknown kind {row['kind']!r}")
            if row["province_code"] in seen:
                raise ValueError(f"{where}: duplicate province code")
            seen.add(row["province_code"])
            if not all(row.values()):
                raise ValueError(f"{where}: empty field")
            provinces.append(
                {
                    "code": row["province_code"],
                    "region": row["region_code"],
                    "fr": row["province_fr"],
                    "ar": row["province_ar"],
                    "kind": KINDS[row["kind"]],
                }
            )
    return {"regions": list(regions.values()), "provinces": provinces}


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def build(out_dir: Path = HERE, src_dir: Path = HERE) -> list[Path]:
    """Write vocabularies.json and divisions.json into ``out_dir``; return their paths."""
    outputs = {
        VOCABULARIES_JSON: build_vocabularies(src_dir / VOCABULARY_MD),
        DIVISIONS_JSON: build_divisions(src_dir / DIVISIONS_CSV),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, data in outputs.items():
        path = out_dir / filename
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(dumps(data))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: here)")
    args = parser.parse_args(argv)
    for path in build(args.out):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
