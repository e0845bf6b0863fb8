"""The stored shape of every record kind on the wire: one schema for the laptop and the server.

A laptop writes each field in its *stored* shape (:meth:`Field.to_stored` of a value cleaned by
the kind's ``prepare``): text trimmed, yes/no as 0 or 1, choices as a JSON array of codes, and
so on. The server accepts exactly that shape and nothing else, field by field, before anything
is stored, so that no value a buggy or stolen laptop sends can later break the pull of every
other laptop of its province; the laptop checks what it pulls with the same function, as a
defence, and sets aside what fails. :func:`fields_schema` describes the same shapes as JSON
Schema for the server's OpenAPI description.

Everything here derives from the field declarations in :mod:`records`: there is no second
list of fields to keep in step.

Error codes (with those of validation): ``unknown_field`` (no such field in this kind),
``wrong_type`` (a JSON type this field never has: a number for a text, ``null`` for a flag,
any number written with a fraction or exponent, ``5.0`` included, NaN and Infinity),
``bad_text`` (text that is not valid Unicode),
``not_normalised`` (the right type but not the form the app stores: untrimmed text,
repeated choices, …) — the server never rewrites a value behind its author's back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Container, Mapping
from typing import Any

from fieldapp.domain.fields import Field, FieldError, FieldType
from fieldapp.domain.records import RecordKind

MAX_INT = 2**63 - 1  # the server stores integers in signed 64-bit columns
MAX_WIRE_TEXT = 8000  # characters in one field value (the longest field is 8,000)

_EMPTY: dict[str, dict[str, Any]] = {}


def empty_stored(kind: RecordKind) -> dict[str, Any]:
    """Each field's stored value when nothing was given (a default, ``[]`` or None): what
    a record holds in the fields it never received."""
    empty = _EMPTY.get(kind.name)
    if empty is None:
        empty = _EMPTY[kind.name] = kind.to_stored(kind.clean({}))
    return empty


_LISTS = (FieldType.CODES, FieldType.TEXTS)
# how a field's stored value is read: text of any kind, an integer, a 0/1 flag, a JSON list
_TEXT, _INTEGER, _FLAG, _LIST = 0, 1, 2, 3
# the field, its type, whether null is its stored form, how it is read (one of the above)
_Spec = tuple[Field, FieldType, bool, int]
_SPECS: dict[str, dict[str, _Spec]] = {}


# a JSON array of plain codes, as the app writes choices ('["meal","blanket"]', '[]'): its
# items are the text between the quotes, exactly as json.loads reads them (no escapes)
_PLAIN_LIST = re.compile(r'\[\]|\["[\w\-.:]*"(?:,"[\w\-.:]*")*\]', re.ASCII).fullmatch


def _reading(t: FieldType) -> int:
    if t is FieldType.BOOL:
        return _FLAG
    if t is FieldType.INT:
        return _INTEGER
    return _LIST if t in _LISTS else _TEXT


def _specs(kind: RecordKind) -> dict[str, _Spec]:
    specs = _SPECS.get(kind.name)
    if specs is None:
        empty = empty_stored(kind)
        specs = _SPECS[kind.name] = {f.name: (f, f.type, empty[f.name] is None,
                                              _reading(f.type))
                                     for f in kind.fields}
    return specs


def _typed(t: FieldType, value: Any) -> tuple[Any, str | None]:
    """The Python value of a stored value of type ``t`` (not None), or the problem: the
    exact JSON type of each field type, with no coercion, no floats, no booleans."""
    vt = type(value)
    if t is FieldType.BOOL:
        if vt is int and (value == 0 or value == 1):
            return value == 1, None
        return None, "wrong_type"
    if t is FieldType.INT:
        if vt is not int:
            return None, "not_a_number" if vt is str else "wrong_type"
        return value, None if -MAX_INT <= value <= MAX_INT else "out_of_range"
    if vt is not str:
        return None, "wrong_type"
    if len(value) > MAX_WIRE_TEXT:
        return None, "too_long"
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate ("\ud800") is not text
            return None, "bad_text"
    if t in _LISTS:  # the JSON text of an array of strings
        try:
            items = json.loads(value)
        except ValueError:
            return None, "wrong_type"
        if type(items) is not list or any(type(i) is not str for i in items):
            return None, "wrong_type"
        return items, None
    return value, None


def typed_fields(kind: RecordKind,
                 fields: Mapping[str, Any]) -> tuple[dict[str, Any], list[FieldError]]:
    """The Python value of each field of ``fields`` whose JSON type is right for its field,
    and a problem for each other one (``unknown_field``, ``wrong_type``, …)."""
    specs = _specs(kind)
    errors: list[FieldError] = []
    typed: dict[str, Any] = {}
    for name, value in fields.items():
        spec = specs.get(name)
        if spec is None:
            errors.append(FieldError(name, "unknown_field"))
            continue
        # the values that are right, as the app writes them, are told apart here at once;
        # everything else (and non-ASCII text, lists) is judged by _typed
        vt = type(value)
        reading = spec[3]
        if vt is str:
            if reading == _TEXT:
                if value.isascii() and len(value) <= MAX_WIRE_TEXT:
                    typed[name] = value
                    continue
            elif reading == _LIST and len(value) <= MAX_WIRE_TEXT and _PLAIN_LIST(value):
                typed[name] = value[2:-2].split('","') if len(value) > 2 else []
                continue
        elif vt is int:
            if reading == _FLAG:
                if value == 0 or value == 1:
                    typed[name] = value == 1
                    continue
            elif reading == _INTEGER and -MAX_INT <= value <= MAX_INT:
                typed[name] = value
                continue
        elif value is None:
            if spec[2]:
                typed[name] = None
            else:
                errors.append(FieldError(name, "wrong_type"))
            continue
        python, problem = _typed(spec[1], value)
        if problem is None:
            typed[name] = python
        else:
            errors.append(FieldError(name, problem))
    return typed, errors


def unnormalised(kind: RecordKind, sent: Mapping[str, Any], typed: Mapping[str, Any],
                 cleaned: Mapping[str, Any], invalid: Container[str]) -> list[FieldError]:
    """``not_normalised`` for each field whose value ``sent`` (stored shape; ``typed`` is its
    Python value) is not what the app stores for it: ``cleaned`` is the record as ``prepare``
    cleaned it, and fields in ``invalid`` have an error of their own already."""
    specs = _specs(kind)
    errors = []
    for name, python in typed.items():
        now = cleaned[name]
        spec = specs[name]
        if now is python and spec[3] != _LIST:
            continue  # prepare kept the very value: nothing to normalise
        if name in invalid:
            continue
        stored = spec[0].to_stored(now)  # lists: the same items written the same way?
        value = sent[name]
        if type(stored) is not type(value) or stored != value:
            errors.append(FieldError(name, "not_normalised"))
    return errors


def _check(kind: RecordKind, fields: Mapping[str, Any], whole: bool) -> list[FieldError]:
    typed, errors = typed_fields(kind, fields)
    if (errors and whole) or not typed:
        return errors
    cleaned, field_errors = kind.prepare_fields(typed)
    errors += unnormalised(kind, fields, typed, cleaned, {e.field for e in field_errors})
    if whole:
        errors.extend(field_errors)
    return errors


def check_fields(kind: RecordKind, fields: Mapping[str, Any]) -> list[FieldError]:
    """Problems of the stored shape of ``fields`` (some or all fields of one record of
    ``kind``); an empty list when every value is exactly what the app itself stores.

    Rules between fields and the values' meaning (a known code, a date not in the future)
    are checked by :meth:`RecordKind.prepare` on the whole record; this checks what must hold
    before a value may be stored or sent on at all. A value the app would store otherwise
    (untrimmed text, a repeated choice) is ``not_normalised``: never rewritten here.
    """
    return _check(kind, fields, whole=False)


def check_record(kind: RecordKind, fields: Mapping[str, Any]) -> list[FieldError]:
    """Problems of a whole record as a server holds it (the pull's defence): the stored
    shape of every field, and each field's own rules (required, known codes, lengths). Rules
    that depend on today's date or tie fields together are left to the author's app."""
    return _check(kind, fields, whole=True)


# --- JSON Schema ------------------------------------------------------------------------------


def _field_schema(f: Field, nullable: bool) -> dict[str, Any]:
    t = f.type
    schema: dict[str, Any]
    if t is FieldType.BOOL:
        schema = {"type": "integer", "enum": [0, 1]}
    elif t is FieldType.INT:
        schema = {"type": "integer",
                  "minimum": f.minimum if f.minimum is not None else -MAX_INT,
                  "maximum": f.maximum if f.maximum is not None else MAX_INT}
    elif t in (FieldType.CODES, FieldType.TEXTS):
        schema = {"type": "string", "contentMediaType": "application/json",
                  "description": "JSON text of an array of "
                                 + ("codes" if t is FieldType.CODES else "texts")}
    elif t is FieldType.DATE:
        schema = {"type": "string", "format": "date"}
    elif t is FieldType.DATETIME:
        schema = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$"}
    else:
        schema = {"type": "string", "minLength": 1}
        if t is FieldType.TEXT:
            schema["maxLength"] = f.max_length
    if t is FieldType.CODE and f.vocabulary is not None:
        from fieldapp.domain import vocabularies

        schema["enum"] = sorted(vocabularies.vocabulary(f.vocabulary).codes)
    if nullable:
        schema = {"anyOf": [schema, {"type": "null"}]}
    return schema


def fields_schema(kind: RecordKind) -> dict[str, Any]:
    """JSON Schema of the ``fields`` of a change of ``kind``: every field optional (an
    update sends only what changed), each with its exact stored type, no other field."""
    empty = empty_stored(kind)
    return {
        "type": "object",
        "title": f"{kind.name} fields",
        "properties": {f.name: _field_schema(f, empty[f.name] is None) for f in kind.fields},
        "additionalProperties": False,
    }
