"""Child protection: an encounter with a minor keeps where and how they were found and what
was done (an orientation, or the refusal and its reason); a shelter's capacity never drops
below the people there now."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.domain import records
from fieldapp.domain.fields import FieldError

TODAY = date(2026, 11, 29)
PERSON_ID = "0193a3c2-7b4e-7000-8000-000000000001"
ADULT = {"province": "rabat", "person_id": PERSON_ID, "met_at": "2026-11-28T22:10"}
COMPLETE = {"situation": "alone", "location": "Gare routière", "orientation": "family_return"}


def errors(**values) -> set[tuple[str, str]]:
    _record, found = records.ENCOUNTER.prepare({**ADULT, **values}, TODAY)
    return {(e.field, e.code) for e in found}


def test_an_adult_needs_none_of_it():
    assert errors() == set()


@pytest.mark.parametrize("minor", [{"approx_age": 15}, {"approx_age": 0},
                                   {"flags": ["minor"]}, {"flags": ["minor"], "approx_age": 30}])
def test_a_minor_needs_situation_place_and_orientation(minor):
    assert errors(**minor) == {("situation", "required_for_minor"),
                               ("location", "required_for_minor"),
                               ("orientation", "minor_needs_orientation")}
    assert errors(**minor, **COMPLETE) == set()


def test_eighteen_is_of_age():
    assert errors(approx_age=18) == set()
    assert errors(approx_age=17) != set()


def test_a_refusal_with_its_reason_is_an_answer_for_a_minor():
    refused = {**COMPLETE, "orientation": "refused"}
    assert errors(approx_age=12, **refused) == {("refusal_reason", "required")}
    assert errors(approx_age=12, **refused, refusal_reason="distrust") == set()


def test_an_anonymous_minor_too():
    values = {**ADULT, "person_id": None, "anonymous": True, "approx_age": 9}
    _record, found = records.ENCOUNTER.prepare(values, TODAY)
    assert {e.field for e in found} == {"situation", "location", "orientation"}


def test_capacity_below_the_people_there_now_is_refused():
    assert records.shelter_capacity_errors(3, 5) == [
        FieldError("capacity", "below_occupancy", {"occupancy": 5})]
    assert records.shelter_capacity_errors(5, 5) == []
    assert records.shelter_capacity_errors(40, 0) == []
    assert records.shelter_capacity_errors(None, 5) == []  # "required" says it already
