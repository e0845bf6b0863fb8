"""The workload peer sync systems (PouchDB, Kinto) were measured on here, as fieldapp records.

``../shared/bench/peer_workload.py`` makes 10,000 deterministic encounter-shaped records
(seed 42), 495-670 bytes each as JSON (median 608), each with an Arabic or French note of
150-250 characters. The generator is loaded from there and run as is, so both sides push the
very same content; its fields are mapped onto fieldapp's kinds:

- each record → one ``encounter`` (its note, sex, age, services, orientation, date);
- its two spellings of a name → one ``person`` per distinct name (50), the encounter's person;
- its patrol code → one ``patrol`` per code (at most 200); an orientation to a shelter → the
  ``shelter`` of the province;
- its 10 provinces → one province (Rabat): a laptop writes in its own province only, and a
  province's changes all go through one version counter, the heaviest case for the server;
- codes → fieldapp's codes of the same vocabulary (one for one, so no list gets shorter).

The peers' figures (``../shared/bench/README.md``) were measured in another sitting on this
machine: they are printed beside fieldapp's, marked so.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench" / "peer_workload.py"

PROVINCE = "rabat"
SITUATIONS = {"homeless": "alone", "street_child": "in_group", "elderly_alone": "alone",
              "disability": "with_family", "migrant": "in_group",
              "domestic_violence": "with_children"}
SERVICES = {"FOOD": "meal", "SHLT": "blanket", "MED": "medical_check", "PSY": "listening",
            "LEGAL": "first_aid", "HYG": "hygiene_kit", "CLOTH": "clothes",
            "TRANS": "transport", "ID": "hot_drink", "EDU": "haircut"}
ORIENTATIONS = {"shelter": "shelter", "hospital": "hospital", "social_center": "eps_placement",
                "family": "family_return", "ngo": "none", "none": "none"}

# (system, push 10k s, pull 10k s, round trip s, push MB, pull MB): ../shared/bench/README.md
PEERS = [("PouchDB 9 → pouchdb-server 4.2 (leveldb)", 4.82, 3.49, 8.3, 8.2, 2.7),
         ("Kinto 26.5, memory backend", 13.7, 0.15, 13.9, 26.0, 9.1),
         ("Kinto 26.5, PostgreSQL 15", 120.6, 0.38, 121.0, 26.0, 9.1)]


def peer_records() -> list[dict[str, Any]]:
    """The 10,000 records, exactly as the peers received them."""
    if not SHARED.exists():
        raise SystemExit(f"the peers' workload is not there: {SHARED}")
    spec = importlib.util.spec_from_file_location("shared_peer_workload", SHARED)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # seeds its own random generator (42) at import
    return [module.record() for _ in range(module.N)]


def load(store: Any, records: list[dict[str, Any]] | None = None) -> set[str]:
    """Write the workload into ``store`` through the repositories (as the app would) and
    return the ids of every record written."""
    records = records if records is not None else peer_records()
    ids: set[str] = set()

    def once(kind: str, key: Any, values: Callable[[], dict[str, Any]],
             made: dict[Any, str]) -> str:
        if key not in made:
            made[key] = store.repo(kind).create(values())["id"]
            ids.add(made[key])
        return made[key]

    persons: dict[Any, str] = {}
    patrols: dict[Any, str] = {}
    shelters: dict[Any, str] = {}
    encounters = []
    for r in records:
        province = PROVINCE
        day = r["created_at"][:10]
        person = once("person", (r["name_ar"], r["name_lat"]), lambda r=r, p=province: {
            "province": p, "name_ar": r["name_ar"], "name_lat": r["name_lat"],
            "sex": "male" if r["sex"] == "M" else "female"}, persons)
        patrol = once("patrol", r["patrol_id"], lambda r=r, p=province, d=day: {
            "province": p, "date": d, "team": r["patrol_id"]}, patrols)
        orientation = ORIENTATIONS[r["orientation"]]
        minor = r["approx_age"] is not None and r["approx_age"] < 18
        if minor and orientation == "none":
            # the app never leaves a child without an orientation (child protection): a child
            # sent to an association, or to nothing, is placed in an institution instead
            orientation = "eps_placement"
        shelter = None
        if orientation == "shelter":
            shelter = once("shelter", province, lambda p=province: {
                "province": p, "name_fr": f"Centre d'accueil {p}", "capacity": 60}, shelters)
        encounters.append({
            "province": province, "patrol_id": patrol, "person_id": person,
            "sex": "male" if r["sex"] == "M" else "female", "approx_age": r["approx_age"],
            "met_at": r["created_at"][:19], "situation": SITUATIONS[r["situation"]],
            "services": [SERVICES[s] for s in r["services"]], "orientation": orientation,
            "shelter_id": shelter, "consent": True, "notes": r["notes"],
            # a child's place is required; the peer records have none: the patrol's code
            "location": r["patrol_id"] if minor else None})
    ids.update(store.encounters.create_many(encounters))
    return ids
