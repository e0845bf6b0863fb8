"""Administrative divisions: resources/divisions.json and fieldapp.domain.divisions."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from fieldapp.domain.divisions import (
    Province,
    Region,
    is_province,
    province,
    provinces,
    provinces_of_region,
    region,
    region_of,
    regions,
)

REPO_RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
PROVINCE_CODE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


def test_twelve_regions_seventy_five_provinces() -> None:
    assert len(regions()) == 12
    assert len(provinces()) == 75
    assert [r.code for r in regions()] == [f"{n:02d}" for n in range(1, 13)]


def test_codes_are_unique_and_well_formed() -> None:
    codes = [p.code for p in provinces()]
    assert len(set(codes)) == len(codes)
    assert len({r.code for r in regions()}) == len(regions())
    for code in codes:
        assert PROVINCE_CODE.match(code), code


def test_every_province_belongs_to_a_known_region() -> None:
    region_codes = {r.code for r in regions()}
    for p in provinces():
        assert p.region_code in region_codes, p
    assert sum(len(provinces_of_region(r.code)) for r in regions()) == 75
    for r in regions():
        assert provinces_of_region(r.code), r


def test_kinds_are_normalised() -> None:
    kinds = [p.kind for p in provinces()]
    assert set(kinds) == {"prefecture", "province"}
    assert kinds.count("prefecture") == 13
    assert province("casablanca").kind == "prefecture"
    assert province("azilal").kind == "province"


def test_labels_in_both_languages() -> None:
    items: list[Region | Province] = [*regions(), *provinces()]
    for item in items:
        assert item.fr.strip() and item.ar.strip(), item
        assert ARABIC_LETTER.search(item.ar), item
        assert not ARABIC_LETTER.search(item.fr), item
        assert item.label("ar") == item.ar
        assert item.label("fr") == item.fr
        assert item.label("xx") == item.fr


def test_lookups() -> None:
    casa = province("casablanca")
    assert casa == Province("casablanca", "06", "Casablanca", "الدار البيضاء", "prefecture")
    assert region_of("casablanca") == region("06")
    assert region("06").label("fr") == "Casablanca-Settat"
    assert region_of("laayoune").label("ar") == "العيون الساقية الحمراء"
    assert [p.code for p in provinces_of_region("12")] == ["oued-ed-dahab", "aousserd"]
    assert is_province("tanger-assilah")
    assert not is_province("Tanger-Assilah")
    assert not is_province("06")


def test_unknown_codes_raise_key_error() -> None:
    with pytest.raises(KeyError, match="nowhere"):
        province("nowhere")
    with pytest.raises(KeyError):
        region_of("nowhere")
    with pytest.raises(KeyError):
        region("13")
    with pytest.raises(KeyError):
        provinces_of_region("13")


def test_matches_the_source_csv() -> None:
    with (REPO_RESOURCES / "morocco_divisions.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [row["province_code"] for row in rows] == [p.code for p in provinces()]
    for row in rows:
        p = province(row["province_code"])
        assert (p.region_code, p.fr, p.ar) == (
            row["region_code"],
            row["province_fr"],
            row["province_ar"],
        )
        assert p.kind == ("prefecture" if row["kind"] == "préfecture" else "province")
        r = region(row["region_code"])
        assert (r.fr, r.ar) == (row["region_fr"], row["region_ar"])


def test_csv_copy_is_the_shared_source() -> None:
    shared = Path("/work/shared/domain/morocco_divisions.csv")
    if not shared.exists():
        pytest.skip("shared domain folder not available")
    assert (REPO_RESOURCES / "morocco_divisions.csv").read_bytes() == shared.read_bytes()
