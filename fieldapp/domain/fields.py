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
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, datetime
from enum import Enum
from typing import Any, NamedTuple


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
    params: Mapping[str, Any] = dataclass_field(default_factory=dict)


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
        if self.type is FieldType.CODES:
            # validated codes are snake_case ASCII: no escaping needed
            return '["' + '","'.join(value) + '"]' if value else "[]"
        if self.type is FieldType.TEXTS:
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
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
MAX_LIST = 50


def _collapse(v: str) -> str:
    return _WS.sub(" ", v)


def _valid_date(v: str) -> bool:
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _valid_datetime(v: str) -> bool:
    try:
        datetime.fromisoformat(v)
    except ValueError:
        return False
    return True


def _date_in(v: Any) -> Any:
    if isinstance(v, datetime):
        return v.date().isoformat()
    return v.isoformat() if isinstance(v, date) else v


def _datetime_in(v: Any) -> Any:
    return v.replace(microsecond=0, tzinfo=None).isoformat() if isinstance(v, datetime) else v


def _list_in(v: Any) -> Any:
    if isinstance(v, str):
        if v.startswith("["):
            try:
                return json.loads(v)
            except ValueError:
                return v
        return [v]
    return list(v) if isinstance(v, (tuple, set, frozenset)) else v


def _int_in(v: Any) -> Any:
    if isinstance(v, str):
        s = v.strip()
        if not s:
            return None
        try:
            return int(s)
        except ValueError:
            return v
    return v


Prepare = Callable[[Mapping[str, Any]], tuple[dict[str, Any], list[FieldError]]]
# (record, stored, errors): ``stored`` is the tuple of every field's stored shape
# (:meth:`Field.to_stored`) in field order, None when there is an error
PrepareStored = Callable[[Mapping[str, Any]],
                         tuple[dict[str, Any], tuple[Any, ...] | None, list[FieldError]]]


class Compiled(NamedTuple):
    """The generated functions of one record kind, and their source."""

    prepare: Prepare
    prepare_stored: PrepareStored
    source: str


def _texts_stored(value: list[Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _stored_expression(f: Field, v: str, has_default: bool) -> str:
    """Python source of ``f.to_stored(v)`` for a value ``v`` that ``prepare`` cleaned and
    found valid (lists are lists, flags are bools)."""
    t = f.type
    if t is FieldType.BOOL:
        return f"(1 if {v} else 0)" if has_default else \
            f"(None if {v} is None else 1 if {v} else 0)"
    if t is FieldType.CODES:  # as to_stored: validated codes need no escaping
        return f"""('["' + '","'.join({v}) + '"]' if {v} else '[]')"""
    if t is FieldType.TEXTS:
        return f"_texts_stored({v})"
    return v


def compile_prepare(fields: tuple[Field, ...], defaults: Mapping[str, Any],
                    codes_of: Callable[[str], frozenset[str]],
                    provinces: frozenset[str]) -> Compiled:
    """Build the functions that clean and check one record of these fields.

    ``prepare`` returns ``(record, errors)``: the normalised record (every field present,
    text trimmed, empty values as None or [], codes deduplicated) and the problems of each
    field. ``prepare_stored`` runs the very same checks and returns ``(record, stored,
    errors)``, ``stored`` being the row of stored values (:meth:`Field.to_stored` of each
    field, in field order) when there is no error, for writes that go straight to the
    database. Both are generated as straight-line Python (as :mod:`dataclasses` does for
    ``__init__``): writes of 100,000 records spend most of their Python time here, and one
    flat function per record kind costs a fraction of a loop over per-field closures. The
    source is returned too, for reading and debugging.
    """
    env: dict[str, Any] = {
        "FieldError": FieldError, "_collapse": _collapse, "_valid_date": _valid_date,
        "_valid_datetime": _valid_datetime, "_date_in": _date_in,
        "_datetime_in": _datetime_in, "_list_in": _list_in, "_int_in": _int_in,
        "_DATE": _DATE.fullmatch, "_DATETIME": _DATETIME.fullmatch, "_UUID": _UUID.fullmatch,
        "PROVINCES": provinces, "FIELDS": frozenset(f.name for f in fields), "MAX_LIST": MAX_LIST,
        "_texts_stored": _texts_stored,
    }
    lines = [
        "def prepare(values):",
        "    if not FIELDS.issuperset(values):",
        "        unknown = sorted(set(values) - FIELDS)",
        "        raise KeyError(f'no field {unknown[0]!r}')",
        "    errors = []",
        "    add = errors.append",
        "    get = values.get",
    ]
    out_names = []
    for i, f in enumerate(fields):
        v = f"v{i}"
        out_names.append((f.name, v))
        n = repr(f.name)
        default = defaults.get(f.name)
        lines.append(f"    # {f.name}: {f.type.value}")
        lines.append(f"    {v} = get({n})")
        if default is not None:
            lines.append(f"    if {v} is None: {v} = {default!r}")
        t = f.type
        body: list[str] = []
        if t is FieldType.TEXT:
            env[f"RX{i}"] = re.compile(f.pattern).fullmatch if f.pattern else None
            body += [
                f"if type({v}) is str:",
                f"    {v} = {v}.strip()",
            ]
            if f.max_length <= 200:  # short, single-line texts: collapse inner whitespace
                body += [f"    if '  ' in {v} or '\\n' in {v} or '\\t' in {v}: "
                         f"{v} = _collapse({v})"]
            body += [
                f"    if not {v}: {v} = None",
                f"    elif len({v}) > {f.max_length}: "
                f"add(FieldError({n}, 'too_long', {{'max': {f.max_length}}}))",
            ]
            if f.pattern:
                body += [f"    elif RX{i}({v}) is None: add(FieldError({n}, "
                         f"{f.pattern_code!r}))"]
            body += [f"else: add(FieldError({n}, 'wrong_type', {{'expected': 'text'}}))"]
        elif t is FieldType.INT:
            body += [
                f"if type({v}) is not int: {v} = _int_in({v})",
                f"if {v} is None: pass",
                f"elif type({v}) is not int: add(FieldError({n}, 'not_a_number'))",
            ]
            if f.minimum is not None or f.maximum is not None:
                lo = f.minimum if f.minimum is not None else -(10**18)
                hi = f.maximum if f.maximum is not None else 10**18
                body += [f"elif not {lo} <= {v} <= {hi}: add(FieldError({n}, 'out_of_range', "
                         f"{{'min': {f.minimum!r}, 'max': {f.maximum!r}}}))"]
        elif t is FieldType.BOOL:
            body += [
                f"if type({v}) is not bool:",
                f"    if type({v}) is int and {v} in (0, 1): {v} = bool({v})",
                f"    else: add(FieldError({n}, 'wrong_type', {{'expected': 'yes_no'}}))",
            ]
        elif t in (FieldType.DATE, FieldType.DATETIME):
            rx, ok, conv, code = (("_DATE", "_valid_date", "_date_in", "not_a_date")
                                  if t is FieldType.DATE else
                                  ("_DATETIME", "_valid_datetime", "_datetime_in",
                                   "not_a_datetime"))
            body += [
                f"if type({v}) is not str: {v} = {conv}({v})",
                f"if type({v}) is str:",
                f"    {v} = {v}.strip() or None",
                f"    if {v} is not None and ({rx}({v}) is None or not {ok}({v})): "
                f"add(FieldError({n}, {code!r}))",
                f"else: add(FieldError({n}, {code!r}))",
            ]
        elif t in (FieldType.CODE, FieldType.REF, FieldType.PROVINCE):
            if t is FieldType.CODE:
                assert f.vocabulary is not None
                env[f"CODES{i}"] = codes_of(f.vocabulary)
                test, code = f"{v} not in CODES{i}", "unknown_choice"
                params = f"{{'value': {v}[:40]}}"
            elif t is FieldType.REF:
                test, code, params = f"_UUID({v}) is None", "bad_reference", "{}"
            else:
                test, code, params = f"{v} not in PROVINCES", "unknown_province", "{}"
            body += [
                f"if type({v}) is str:",
                f"    {v} = {v}.strip() or None",
                f"    if {v} is not None and {test}: add(FieldError({n}, {code!r}, {params}))",
                f"else: add(FieldError({n}, 'wrong_type', {{'expected': 'text'}}))",
            ]
        elif t is FieldType.CODES:
            assert f.vocabulary is not None
            env[f"CODES{i}"] = codes_of(f.vocabulary)
            body += [
                f"if type({v}) is not list: {v} = _list_in({v})",
                f"if type({v}) is list:",
                f"    if len(set({v})) != len({v}): {v} = list(dict.fromkeys({v}))",
                f"    for c in {v}:",
                f"        if c not in CODES{i}:",
                f"            add(FieldError({n}, 'unknown_choice', {{'value': str(c)[:40]}}))",
                "            break",
                f"else: add(FieldError({n}, 'wrong_type', {{'expected': 'choices'}}))",
            ]
        elif t is FieldType.TEXTS:
            body += [
                f"if type({v}) is not list: {v} = _list_in({v})",
                f"if type({v}) is not list: "
                f"add(FieldError({n}, 'wrong_type', {{'expected': 'list'}}))",
                f"elif len({v}) > MAX_LIST: add(FieldError({n}, 'too_many', "
                "{'max': MAX_LIST}))",
                "else:",
                f"    {v} = [_collapse(s).strip() if type(s) is str else s for s in {v}]",
                f"    {v} = [s for s in {v} if s != '']",
                f"    for s in {v}:",
                "        if type(s) is not str:",
                f"            add(FieldError({n}, 'wrong_type', {{'expected': 'text'}}))",
                "            break",
                f"        if len(s) > {f.max_length}:",
                f"            add(FieldError({n}, 'too_long', {{'max': {f.max_length}}}))",
                "            break",
            ]
        else:  # pragma: no cover
            raise AssertionError(t)
        lines.append(f"    if {v} is not None:")
        lines += [f"        {b}" for b in body]
        if f.stored_as_json:
            lines.append(f"    else: {v} = []")
            if f.required:
                lines.append(f"    if not {v}: add(FieldError({n}, 'required'))")
        elif f.required:
            lines.append(f"    if {v} is None: add(FieldError({n}, 'required'))")
    record = ", ".join(f"{name!r}: {v}" for name, v in out_names)
    stored = "".join(
        f"{_stored_expression(f, v, defaults.get(f.name) is not None)}, "
        for f, (_, v) in zip(fields, out_names, strict=True))
    checks = lines[1:]  # the same body for both functions
    source = "\n".join([
        *lines, f"    return {{{record}}}, errors",
        "", "",
        "def prepare_stored(values):", *checks,
        "    if errors:",
        f"        return {{{record}}}, None, errors",
        f"    return {{{record}}}, ({stored}), errors",
    ]) + "\n"
    exec(compile(source, "<fieldapp prepare>", "exec"), env)  # noqa: S102 - trusted source
    return Compiled(env["prepare"], env["prepare_stored"], source)
