"""Controlled vocabularies: resources/vocabularies.json and fieldapp.domain.vocabularies."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from fieldapp import resources
from fieldapp.domain.vocabularies import Term, Vocabulary, all_vocabularies, vocabulary

REPO_RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")

# The codes of VOCABULARY.md, table by table, in order, plus the two vocabularies added for
# the app (sex, medical_outcome).
EXPECTED_CODES: dict[str, list[str]] = {
    "target_group": [
        "street_situation", "woman_difficult", "girl_difficult", "child_difficult",
        "disability", "elderly_no_support",
    ],
    "service": [
        "medical_check", "first_aid", "primary_care", "shower", "haircut", "clothes", "meal",
        "hot_drink", "blanket", "hygiene_kit", "listening", "transport",
    ],
    "situation": ["alone", "with_children", "with_family", "in_group"],
    "vulnerability_flag": [
        "minor", "pregnant", "disability_motor", "disability_visual", "disability_hearing",
        "disability_mental", "chronic_illness", "mental_health", "addiction", "elderly",
        "migrant",
    ],
    "orientation": ["shelter", "hospital", "family_return", "eps_placement", "refused", "none"],
    "refusal_reason": [
        "prefers_street", "distrust", "shelter_rules", "no_separation", "under_influence",
        "other",
    ],
    "case_event": [
        "listening", "assessment", "plan_action", "mediation", "referral", "follow_up",
        "home_visit", "closure", "reopening",
    ],
    "case_status": ["open", "in_progress", "referred", "closed"],
    "closure_reason": [
        "goals_met", "family_reintegration", "eps_placed", "socio_professional", "lost_contact",
        "refused_support", "moved", "deceased",
    ],
    "referral_institution": [
        "eps", "health", "association", "social_centre", "training_centre", "justice", "police",
        "local_authority",
    ],
    "referral_status": ["sent", "accepted", "refused", "completed"],
    "role": [
        "field_worker", "social_worker", "educator", "nurse", "doctor", "authority_agent",
        "volunteer", "centre_staff", "supervisor", "administrator",
    ],
    "sex": ["female", "male"],
    "medical_outcome": [
        "no_issue", "treated_on_site", "referred_hospital", "emergency", "refused_check",
    ],
}  # fmt: skip


def load_build_reference() -> ModuleType:
    path = REPO_RESOURCES / "build_reference.py"
    spec = importlib.util.spec_from_file_location("build_reference", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_resources_dir_is_the_repository_resources_folder() -> None:
    if not os.environ.get(resources.ENV_VAR):
        assert resources.RESOURCES_DIR == REPO_RESOURCES
    assert resources.DEFAULT_RESOURCES_DIR == REPO_RESOURCES


def test_every_vocabulary_has_the_expected_codes_in_order() -> None:
    loaded = all_vocabularies()
    assert list(loaded) == list(EXPECTED_CODES)
    for name, codes in EXPECTED_CODES.items():
        voc = vocabulary(name)
        assert voc.name == name
        assert [term.code for term in voc] == codes, name
        assert voc.codes == frozenset(codes)


def test_service_has_the_outreach_services() -> None:
    service = vocabulary("service")
    for code in ("medical_check", "first_aid", "shower", "haircut", "clothes", "meal", "blanket"):
        assert code in service


@pytest.mark.parametrize("name", list(EXPECTED_CODES))
def test_codes_are_unique_lowercase_snake_case(name: str) -> None:
    codes = [term.code for term in vocabulary(name)]
    assert len(codes) == len(set(codes))
    for code in codes:
        assert SNAKE_CASE.match(code), code


@pytest.mark.parametrize("name", list(EXPECTED_CODES))
def test_labels_are_present_in_both_languages(name: str) -> None:
    for term in vocabulary(name):
        assert term.fr.strip() and term.fr == term.fr.strip(), term
        assert term.ar.strip() and term.ar == term.ar.strip(), term
        assert ARABIC_LETTER.search(term.ar), term
        assert not ARABIC_LETTER.search(term.fr), term


def test_labels_are_verbatim_from_vocabulary_md() -> None:
    shelter = vocabulary("orientation").term("shelter")
    assert shelter.fr == "Orienté(e) vers un centre d'hébergement"
    assert shelter.ar == "توجيه إلى مركز للإيواء"
    eps = vocabulary("referral_institution").term("eps")
    assert eps.fr == "Établissement de protection sociale (EPS, loi 65.15)"
    assert eps.ar == "مؤسسة للرعاية الاجتماعية (القانون 65.15)"
    assert vocabulary("sex").label("female", "ar") == "أنثى"
    assert vocabulary("medical_outcome").label("no_issue", "fr") == "RAS"


def test_labels_by_language() -> None:
    service = vocabulary("service")
    assert service.label("haircut", "fr") == "Coupe de cheveux"
    assert service.label("haircut", "ar") == "حلاقة الشعر"
    assert service.label("haircut", "en") == "Coupe de cheveux"
    assert service.label("no_such_code", "ar") == "no_such_code"
    term = Term("x", "Fr", "عربي")
    assert (term.label("ar"), term.label("fr"), term.label("")) == ("عربي", "Fr", "Fr")


def test_vocabulary_protocols() -> None:
    status = vocabulary("case_status")
    assert "open" in status
    assert "Ouvert" not in status
    assert 3 not in status
    assert all(isinstance(term, Term) for term in status)
    assert len(status) == 4
    with pytest.raises(KeyError, match="nope"):
        status.term("nope")
    assert vocabulary("role") is vocabulary("role")


def test_vocabulary_rejects_duplicate_codes() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        Vocabulary("v", (Term("a", "A", "أ"), Term("a", "B", "ب")))


def test_all_vocabularies_returns_a_copy() -> None:
    first = all_vocabularies()
    first.clear()
    assert "service" in all_vocabularies()


def test_unknown_vocabulary_raises_key_error() -> None:
    with pytest.raises(KeyError, match="unknown vocabulary 'services'"):
        vocabulary("services")


def test_json_is_what_build_reference_generates(tmp_path: Path) -> None:
    build_reference = load_build_reference()
    build_reference.build(tmp_path, REPO_RESOURCES)
    for filename in ("vocabularies.json", "divisions.json"):
        committed = (REPO_RESOURCES / filename).read_bytes()
        assert (tmp_path / filename).read_bytes() == committed, (
            f"resources/{filename} is stale: run python resources/build_reference.py"
        )


def test_json_format() -> None:
    text = (REPO_RESOURCES / "vocabularies.json").read_text(encoding="utf-8")
    assert "\\u" not in text  # ensure_ascii=False: Arabic and accents stored as is
    data = json.loads(text)
    assert all(set(row) == {"code", "fr", "ar"} for rows in data.values() for row in rows)


def test_build_reference_rejects_a_bad_code() -> None:
    build_reference = load_build_reference()
    text = "## Roles — الأدوار\n| code | French | Arabic |\n|---|---|---|\n| Bad-Code | X | س |\n"
    with pytest.raises(ValueError, match="snake_case"):
        build_reference.parse_vocabulary_md(text)


def test_resources_override_from_environment(tmp_path: Path) -> None:
    data = {"service": [{"code": "meal", "fr": "Repas test", "ar": "وجبة"}]}
    (tmp_path / "vocabularies.json").write_text(json.dumps(data), encoding="utf-8")
    code = (
        "from fieldapp.domain.vocabularies import vocabulary;"
        "print(vocabulary('service').label('meal', 'fr'))"
    )
    env = {**os.environ, resources.ENV_VAR: str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_RESOURCES.parent,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "Repas test"
