"""Typed fields of records, and their validation.

A record is a plain ``dict`` of field values. Each record kind (see :mod:`records`) declares
its fields here; the same declarations serve the app's forms, the store, the sync protocol and
the server, which validates what devices send with exactly these rules.

Validation never raises: it returns :class:`FieldError` values naming the field and a stable
error ``code`` (with ``params``); the UI turns codes into sentences in the user's language.
Values come in two shapes: the *Python* shape (lists for multi-choice fields, ``bool`` for
flags) used by the app, and the *stored* shape (JSON text, 0/1) used by the database and the
wire. :meth:`Field.to_stored` and :meth:`Field.from_stored` convert between them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from fieldapp.domain.ids import is_uuid


class FieldType(Enum):
    TEXT = "text"
    INT = "int"
    BOOL = "bool"
    DATE = "date"  # YYYY-MM-DD
    DATETIME = "datetime"  # YYYY-MM-DDTHH:MM[:SS], local time of the province
    CODE = "code"  # one code of a vocabulary
    CODES = "codes"  # a set of codes of a vocabulary, stored as a JSON array
    TEXTS = "texts"  # a list of short texts, stored as a JSON array
    REF = "ref"  # the id of another record
    PROVINCE = "province"  # a province code from the reference data


@dataclass(frozen=True)
class FieldError:
    """One problem with one field: ``code`` is stable, ``params`` fill the message."""

    field: str
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    required: bool = False
    max_length: int = 200
    minimum: int | None = None
    maximum: int | None = None
    vocabulary: str | None = None
    ref_kind: str | None = None
    personal: bool = False  # personal data: never in logs, pseudonymised in exports
    pattern: str | None = None  # regular expression a text value must match in full
    pattern_code: str = "bad_format"

    @property
    def stored_as_json(self) -> bool:
        return self.type in (FieldType.CODES, FieldType.TEXTS)

    def to_stored(self, value: Any) -> Any:
        """The database / wire shape of a cleaned Python value."""
        if value is None:
            return None
        if self.type is FieldType.BOOL:
            return 1 if value else 0
        if self.stored_as_json:
            return json.dumps(list(value), ensure_ascii=False, separators=(",", ":"))
        return value

    def from_stored(self, value: Any) -> Any:
        """The Python shape of a database / wire value."""
        if value is None:
            return [] if self.stored_as_json else None
        if self.type is FieldType.BOOL:
            return bool(value)
        if self.stored_as_json:
            return json.loads(value) if isinstance(value, str) else list(value)
        return value


_WS = re.compile(r"\s+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?")


def clean_value(f: Field, value: Any) -> Any:
    """Normalise an input value before validation: trim text, empty to None, etc."""
    if value is None:
        return [] if f.stored_as_json else None
    t = f.type
    if t is FieldType.TEXT:
        if isinstance(value, str):
            value = _WS.sub(" ", value).strip() if f.max_length <= 200 else value.strip()
            return value or None
        return value
    if t in (FieldType.CODE, FieldType.REF, FieldType.PROVINCE, FieldType.DATE,
             FieldType.DATETIME):
        if isinstance(value, str):
            return value.strip() or None
        if t is FieldType.DATE and isinstance(value, date) and not isinstance(value, datetime):
            return value.isoformat()
        if t is FieldType.DATETIME and isinstance(value, datetime):
            return value.replace(microsecond=0, tzinfo=None).isoformat()
        return value
    if t is FieldType.CODES:
        if isinstance(value, str):
            value = json.loads(value) if value.startswith("[") else [value]
        if isinstance(value, (list, tuple, set, frozenset)):
            # keep the first occurrence of each code, in the order given
            return list(dict.fromkeys(value))
        return value
    if t is FieldType.TEXTS:
        if isinstance(value, str):
            value = json.loads(value) if value.startswith("[") else [value]
        if isinstance(value, (list, tuple)):
            return [_WS.sub(" ", v).strip() if isinstance(v, str) else v for v in value
                    if not (isinstance(v, str) and not v.strip())]
        return value
    if t is FieldType.INT and isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        try:
            return int(s)
        except ValueError:
            return value
    if t is FieldType.BOOL and isinstance(value, int):
        return bool(value)
    return value


Checker = Callable[[Any], FieldError | None]


def make_checker(f: Field, codes_of: Callable[[str], frozenset[str]],
                 is_province: Callable[[str], bool]) -> Checker:
    """Build the check of one non-empty value of field ``f`` (emptiness is checked apart)."""
    name = f.name
    t = f.type

    def err(code: str, **params: Any) -> FieldError:
        return FieldError(name, code, params)

    if t is FieldType.TEXT:
        max_length = f.max_length
        rx = re.compile(f.pattern) if f.pattern else None
        pattern_code = f.pattern_code

        def check_text(v: Any) -> FieldError | None:
            if type(v) is not str:
                return err("wrong_type", expected="text")
            if len(v) > max_length:
                return err("too_long", max=max_length)
            if rx is not None and rx.fullmatch(v) is None:
                return err(pattern_code)
            return None

        return check_text
    if t is FieldType.INT:
        lo, hi = f.minimum, f.maximum

        def check_int(v: Any) -> FieldError | None:
            if type(v) is not int:
                return err("not_a_number")
            if (lo is not None and v < lo) or (hi is not None and v > hi):
                return err("out_of_range", min=lo, max=hi)
            return None

        return check_int
    if t is FieldType.BOOL:

        def check_bool(v: Any) -> FieldError | None:
            return None if type(v) is bool else err("wrong_type", expected="yes_no")

        return check_bool
    if t is FieldType.DATE:

        def check_date(v: Any) -> FieldError | None:
            if type(v) is not str or _DATE.fullmatch(v) is None:
                return err("not_a_date")
            try:
                date.fromisoformat(v)
            except ValueError:
                return err("not_a_date")
            return None

        return check_date
    if t is FieldType.DATETIME:

        def check_datetime(v: Any) -> FieldError | None:
            if type(v) is not str or _DATETIME.fullmatch(v) is None:
                return err("not_a_datetime")
            try:
                datetime.fromisoformat(v)
            except ValueError:
                return err("not_a_datetime")
            return None

        return check_datetime
    if t is FieldType.CODE:
        assert f.vocabulary is not None
        codes = codes_of(f.vocabulary)

        def check_code(v: Any) -> FieldError | None:
            return None if v in codes else err("unknown_choice", value=str(v)[:40])

        return check_code
    if t is FieldType.CODES:
        assert f.vocabulary is not None
        codes_set = codes_of(f.vocabulary)

        def check_codes(v: Any) -> FieldError | None:
            if type(v) is not list:
                return err("wrong_type", expected="choices")
            for c in v:
                if c not in codes_set:
                    return err("unknown_choice", value=str(c)[:40])
            return None

        return check_codes
    if t is FieldType.TEXTS:
        max_length = f.max_length

        def check_texts(v: Any) -> FieldError | None:
            if type(v) is not list:
                return err("wrong_type", expected="list")
            if len(v) > 50:
                return err("too_many", max=50)
            for s in v:
                if type(s) is not str:
                    return err("wrong_type", expected="text")
                if len(s) > max_length:
                    return err("too_long", max=max_length)
            return None

        return check_texts
    if t is FieldType.REF:

        def check_ref(v: Any) -> FieldError | None:
            return None if type(v) is str and is_uuid(v) else err("bad_reference")

        return check_ref
    if t is FieldType.PROVINCE:

        def check_province(v: Any) -> FieldError | None:
            return None if type(v) is str and is_province(v) else err("unknown_province")

        return check_province
    raise AssertionError(t)  # pragma: no cover
