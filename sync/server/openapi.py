"""The server's OpenAPI 3.1 description, written out in full.

The endpoints read their bodies by hand (the token is checked before a byte of the body is
read), so FastAPI cannot infer anything from them: this module says what each endpoint takes
and answers, every error included, and :func:`install_openapi` makes the app serve it at
``/openapi.json``. ``tests/sync/test_openapi.py`` fuzzes a real server with Schemathesis
against what is served here: a server answer that this description does not allow fails
the test suite, and so does a 5xx.

What JSON Schema cannot say is written in the descriptions: integers are written as JSON
integers (``1``; JSON Schema would also take ``1.0``, the server refuses it), the mutation ids
of one push must increase (422 otherwise), a pull cursor is opaque (only one the server
handed out is accepted), and a change that fits the envelope but not its kind's field schema
is consumed and answered ``rejected`` in its outcome, not refused with a 4xx
(docs/sync-protocol.md).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from fieldapp.domain import records, roles
from fieldapp.domain.wire import fields_schema
from sync.protocol import MAX_BATCH, MAX_FIELDS, MAX_INT, MAX_PAGE, PROTOCOL_VERSION, PROTOCOLS
from sync.server.service import ROLES

Schema = dict[str, Any]

JSON = "application/json"
# sync/protocol.py's identifiers, spelt the same in every regex dialect (no \w: Unicode in
# Python, ASCII in ECMA-262)
IDENTIFIER = r"^[A-Za-z0-9_.:-]{1,64}$"
_UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
_TEXT = "^[^\\u0000-\\u001f\\u007f]*$"  # no control character
# a name: no control character, and at least one that is not a space (sync.server.accounts)
_NAME = ("^[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f\\u0085\\ufeff]"
         "[^\\u0000-\\u001f\\u007f]*$")


def _ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: Schema) -> Schema:
    return {"anyOf": [schema, {"type": "null"}]}


def _int(minimum: int = 0, maximum: int = MAX_INT, **extra: Any) -> Schema:
    return {"type": "integer", "format": "int64", "minimum": minimum, "maximum": maximum,
            **extra}


def _object(properties: Schema, required: list[str] | None = None, *,
            closed: bool = False, **extra: Any) -> Schema:
    schema: Schema = {"type": "object", "properties": properties,
                      "required": list(properties) if required is None else required, **extra}
    if closed:
        schema["additionalProperties"] = False
    return schema


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


# --- components ---------------------------------------------------------------------------

_ERROR = _object({
    "error": {"type": "string", "description": "A code a program can test (see each answer)"},
    "detail": {"type": "string", "description": "For people: what exactly was wrong"},
    "epoch": {"type": "string",
              "description": "409 gap, epoch_changed, cursor_unknown: the server's epoch"},
    "last_mutation_id": _int(description="409 gap, epoch_changed, cursor_unknown: the last "
                                         "mutation id the server applied for this device"),
}, ["error", "detail"], description="Every error answer (4xx): a code and a detail, and "
                                    "for some 409 answers what the device needs to rebase.")

_FIELD_VALUE: Schema = {"type": ["string", "number", "boolean", "null"]}

_BASE: Schema = {
    "type": "object", "maxProperties": MAX_FIELDS,
    "propertyNames": {"pattern": IDENTIFIER},
    "additionalProperties": _int(),
    "description": "Per field, the server version the author's copy had (0: never seen)",
}


def _change(kind: records.RecordKind) -> Schema:
    """A change of one kind: the envelope of every change, and this kind's fields."""
    fields = dict(fields_schema(kind))
    fields.setdefault("maxProperties", MAX_FIELDS)
    fields["description"] = (
        f"The fields of a {kind.name} this change writes, in their stored shape (a create "
        "carries every field, an update only those it changed). A change whose fields do "
        "not fit this schema is still consumed: it is answered `rejected` in its outcome, "
        "with the field errors (unknown_field, wrong_type, not_normalised, …).")
    return _object({
        "mutation_id": _int(1, description="This device's edit number: 1, 2, 3 … with no "
                                           "gap, increasing within one push"),
        "kind": {"type": "string", "const": kind.name},
        "record_id": {"type": "string", "pattern": IDENTIFIER},
        "op": {"type": "string", "enum": ["create", "update"]},
        "fields": fields,
        "base": _BASE,
        "hlc": _int(description="Hybrid logical clock stamp of the edit (ms << 16 | counter)"),
        "author": _nullable({"type": "string", "maxLength": 120}),
        "replay": {"type": "boolean", "default": False,
                   "description": "Sent again after the server lost it (restore)"},
    }, ["mutation_id", "kind", "record_id", "op", "fields", "hlc"],
        title=f"{kind.name} change")


_PROTOCOL: Schema = {
    "type": "integer", "enum": list(PROTOCOLS),
    "description": f"The protocol the device speaks; the answer is in the same one. "
                   f"{PROTOCOL_VERSION} is the newest; 1 is still answered"}
_ANSWERED_IN: Schema = {"type": "integer", "enum": list(PROTOCOLS),
                        "description": "The request's protocol"}


def _components() -> Schema:
    kinds = list(records.KINDS.values())
    variants = {f"{_camel(k.name)}Change": _change(k) for k in kinds}
    schemas: Schema = {
        "Error": _ERROR,
        "Enrollment": _object({
            "device_id": {"type": "string"},
            "token": {"type": "string",
                      "description": "The device's bearer token; the server keeps its hash"},
            "scope": {"type": "string", "examples": ["province:rabat", "region:04", "country"]},
            "provinces": {"type": "array", "items": {"type": "string"}},
            "user": {"type": "string"},
            "role": {"type": "string", "enum": list(ROLES)},
            "user_id": {"type": "string", "description": "The id of the enrolling user: the "
                        "author of their changes"},
            "epoch": {"type": "string"},
            "recovery_key": _nullable({"type": "string", "description": "The organisation's "
                                       "recovery key (X25519 public key, base64)"}),
        }),
        "Member": _object({
            "id": {"type": "string"}, "name": {"type": "string"},
            "role": {"type": "string", "enum": list(ROLES)},
            "team": _nullable({"type": "string"}),
        }, closed=True),
        "Members": _object({
            "users": {"type": "array", "items": _ref("Member"),
                      "description": "The users the device speaks for, with their roles now"},
            "removed": {"type": "array", "items": {"type": "string"},
                        "description": "Users taken off the device: the laptop removes their "
                                       "key slots"},
            "directory": {"type": "array", "items": _object({
                "id": {"type": "string"}, "name": {"type": "string"},
                "team": _nullable({"type": "string"})}, closed=True),
                "description": "The users of the device's scope, to say who did what"},
            "recovery_key": _nullable({"type": "string"}),
        }, closed=True),
        "JoinRequest": _object({
            "code": {"type": "string", "minLength": 1, "maxLength": 64,
                     "description": "The member's own one-time code"},
        }, ["code"]),
        "VouchRequest": _object({
            "user_id": {"type": "string", "pattern": _UUID,
                        "description": "The id the laptop gave the new member"},
            "name": {"type": "string", "maxLength": 120, "pattern": _NAME},
            "role": {"type": "string", "enum": list(roles.ROLES)},
            "by": {"type": "string", "maxLength": 120, "pattern": _TEXT,
                   "description": "The centre head or supervisor who added them"},
        }, ["user_id", "name", "role", "by"]),
        "JoinedMember": _object({
            "user_id": {"type": "string"}, "name": {"type": "string"},
            "role": {"type": "string", "enum": list(ROLES)},
            "team": _nullable({"type": "string"}),
        }),
        "Change": {
            "oneOf": [_ref(name) for name in variants],
            "discriminator": {"propertyName": "kind", "mapping": {
                k.name: f"#/components/schemas/{_camel(k.name)}Change" for k in kinds}},
            "description": "One local edit. Unknown properties are ignored.",
        },
        **variants,
        "PushRequest": _object({
            "protocol": _PROTOCOL,
            "epoch": _nullable({"type": "string", "description": "The epoch the device "
                                                                "last saw (409 if another)"}),
            "changes": {"type": "array", "maxItems": MAX_BATCH, "items": _ref("Change"),
                        "description": "Mutation ids must strictly increase (422 otherwise); "
                                       "the first id above the device's last applied one "
                                       "must follow it (409 gap otherwise)"},
        }, ["protocol", "changes"]),
        "Outcome": _object({
            "mutation_id": _int(1),
            "status": {"type": "string", "enum": ["applied", "duplicate", "rejected"]},
            "code": _nullable({"type": "string", "description": "Why it was rejected"}),
            "errors": {"type": "array", "description": "(field, error code) pairs",
                       "items": {"type": "array", "prefixItems": [{"type": "string"}] * 2,
                                 "minItems": 2, "maxItems": 2}},
            "conflicts": {"type": "array", "items": {"type": "string"},
                          "description": "Fields whose other value was kept in a conflict "
                                         "record"},
        }, closed=True),
        "PushResponse": _object({
            "protocol": _ANSWERED_IN,
            "last_mutation_id": _int(description="The device drops from its outbox every "
                                                 "entry up to this id"),
            "epoch": {"type": "string"},
            "outcomes": {"type": "array", "items": _ref("Outcome")},
        }, closed=True),
        "PullRequest": _object({
            "protocol": _PROTOCOL,
            "cursor": _nullable({"type": "string", "description": "Opaque: null or empty for "
                                 "the start, else the cursor of the previous answer"}),
            "limit": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
        }, ["protocol", "limit"]),
        "RecordState": _object({
            "province": {"type": "string"},
            "version": _int(1),
            "kind": {"type": "string"},
            "record_id": {"type": "string"},
            # described loosely: records stored before the per-kind checks existed are sent
            # as they are, and the laptop checks each with fieldapp.domain.wire
            "fields": {"type": "object", "maxProperties": MAX_FIELDS,
                       "additionalProperties": _FIELD_VALUE,
                       "description": "Every field's current value in its stored shape "
                                      "(see the *Change schemas)"},
            "versions": {"type": "object", "additionalProperties": _int(),
                         "description": "Per field, the version it was last written at. "
                                        "Protocol 2 names only the fields written before "
                                        "the record's own version (a field not named was "
                                        "written at it); protocol 1 names every field"},
            "hlc": _int(),
            "device_id": _nullable({"type": "string"}),
            "created_by": _nullable({"type": "string", "description": "Protocol 3: the id "
                                     "of the user who created the record"}),
            "updated_by": _nullable({"type": "string", "description": "Protocol 3: the id "
                                     "of the user who last changed it"}),
        }, ["province", "version", "kind", "record_id", "fields", "versions", "hlc",
            "device_id"], closed=True),
        "PullResponse": _object({
            "protocol": _ANSWERED_IN,
            "records": {"type": "array", "maxItems": MAX_PAGE, "items": _ref("RecordState")},
            "cursor": {"type": "string", "description": "Send it with the next pull"},
            "has_more": {"type": "boolean"},
            "last_mutation_id": _int(),
            "epoch": {"type": "string"},
            "scope_counts": {"type": "object", "additionalProperties": _int(),
                             "description": "Records per province (when has_more is false)"},
        }, closed=True),
        "DeviceStatus": _object({
            "device_id": {"type": "string"},
            "scope": {"type": "string"},
            "last_mutation_id": _int(),
            "epoch": {"type": "string"},
        }, closed=True),
        "EnrollRequest": _object({
            "code": {"type": "string", "minLength": 1, "maxLength": 64,
                     "description": "The one-time code (case and separators do not "
                                    "matter); any other value is answered 401 bad_code"},
            "device_name": {"type": "string", "maxLength": 80, "default": "",
                            "pattern": "^[^\\u0000-\\u001f\\u007f]*$"},
        }, ["code"]),
    }
    return {
        "schemas": schemas,
        "securitySchemes": {"bearerAuth": {
            "type": "http", "scheme": "bearer",
            "description": "The token the device received at enrollment"}},
    }


# --- operations ---------------------------------------------------------------------------

_BODY_ERRORS: dict[int, tuple[str, list[str]]] = {
    400: ("The body is not JSON, or not gzip as its Content-Encoding says",
          ["bad_json", "bad_gzip"]),
    413: ("The body is over 4 MiB as sent or 8 MiB decompressed", ["too_large"]),
    422: ("The body does not follow the wire format (the detail names the part)",
          ["bad_request"]),
}
_AUTH_ERRORS: dict[int, tuple[str, list[str]]] = {
    401: ("No token, an unknown one, or a revoked device's",
          ["no_token", "unknown_token", "revoked"]),
}
_RATE_LIMITED: dict[int, tuple[str, list[str]]] = {
    429: ("Too many requests: try again later", ["rate_limited"]),
}


def _errors(answers: dict[int, tuple[str, list[str]]]) -> Schema:
    return {str(status): {"description": text, "content": {JSON: {"schema": {
        "allOf": [_ref("Error")],
        "properties": {"error": {"enum": codes}}}}}}
        for status, (text, codes) in sorted(answers.items())}


def _ok(description: str, schema: Schema, **extra: Any) -> Schema:
    return {"200": {"description": description, "content": {JSON: {"schema": schema}},
                    **extra}}


def _body(schema: str, description: str) -> Schema:
    return {"required": True, "description": description + " Bodies over 1 KiB should be "
            "sent gzip-compressed with `Content-Encoding: gzip`.",
            "content": {JSON: {"schema": _ref(schema)}}}


def _paths() -> Schema:
    bearer: list[dict[str, list[str]]] = [{"bearerAuth": []}]
    return {
        "/health": {"get": {
            "operationId": "health", "summary": "Liveness", "tags": ["service"],
            "responses": _ok("The server answers", _object(
                {"status": {"type": "string", "const": "ok"}}, closed=True)),
        }},
        "/v1/enroll": {"post": {
            "operationId": "enroll", "summary": "Enroll a device with a one-time code",
            "tags": ["sync"],
            "requestBody": _body("EnrollRequest", "The code an administrator issued."),
            "responses": {
                **_ok("The device is enrolled; the code is used up", _ref("Enrollment")),
                **_errors({**_BODY_ERRORS, **_RATE_LIMITED,
                           401: ("The code is unknown, used, expired or malformed",
                                 ["bad_code", "expired_code"])}),
            },
        }},
        "/v1/push": {"post": {
            "operationId": "push", "summary": "Send this device's changes, in order",
            "tags": ["sync"], "security": bearer,
            "requestBody": _body("PushRequest", "The changes not yet acknowledged."),
            "responses": {
                **_ok("Every change's outcome (applied, duplicate or rejected)",
                      _ref("PushResponse")),
                **_errors({**_BODY_ERRORS, **_AUTH_ERRORS, **_RATE_LIMITED,
                           403: ("A change writes outside the device's scope: nothing "
                                 "applied", ["outside_scope"]),
                           409: ("mutation_reused: an id already received with other "
                                 "content; gap: the ids do not follow the last applied one; "
                                 "epoch_changed: the server was restored (rebase)",
                                 ["mutation_reused", "gap", "epoch_changed"])}),
            },
        }},
        "/v1/pull": {"post": {
            "operationId": "pull", "summary": "Records of the device's scope after a cursor",
            "tags": ["sync"], "security": bearer,
            "requestBody": _body("PullRequest", "Where the device is."),
            "responses": {
                **_ok("A page of records, oldest version first", _ref("PullResponse"), links={
                    "nextPage": {
                        "operationId": "pull",
                        "description": "The next page (when has_more), or later the changes "
                                       "made since: the answer's cursor",
                        "requestBody": {"protocol": PROTOCOL_VERSION,
                                        "cursor": "$response.body#/cursor", "limit": MAX_PAGE},
                    }}),
                **_errors({**_BODY_ERRORS, **_AUTH_ERRORS, **_RATE_LIMITED,
                           403: ("The cursor names provinces outside the scope",
                                 ["outside_scope"]),
                           409: ("A cursor this server never handed out (restored from a "
                                 "backup): pull again from the start", ["cursor_unknown"])}),
            },
        }},
        "/v1/members": {"get": {
            "operationId": "members", "summary": "The users this device speaks for",
            "tags": ["sync"], "security": bearer,
            "responses": {**_ok("Members, removed members, the scope's users, the recovery "
                                "key", _ref("Members")),
                          **_errors({**_AUTH_ERRORS, **_RATE_LIMITED})},
        }},
        "/v1/members/join": {"post": {
            "operationId": "join", "summary": "A member joins the device with their own code",
            "tags": ["sync"], "security": bearer,
            "requestBody": _body("JoinRequest", "The member's one-time code."),
            "responses": {
                **_ok("The device speaks for the member from now on", _ref("JoinedMember")),
                **_errors({**_BODY_ERRORS, **_RATE_LIMITED,
                           401: ("The device's token, or the code, is unknown, used, expired "
                                 "or malformed", ["no_token", "unknown_token", "revoked",
                                                  "bad_code", "expired_code"]),
                           403: ("The member's scope is not the device's", ["other_scope"])}),
            },
        }},
        "/v1/members/vouch": {"post": {
            "operationId": "vouch", "summary": "A centre head adds a member made on the laptop",
            "tags": ["sync"], "security": bearer,
            "requestBody": _body("VouchRequest", "The new member and who added them."),
            "responses": {
                **_ok("The server made the user (or had made it: the same answer)",
                      _ref("JoinedMember")),
                **_errors({**_BODY_ERRORS, **_AUTH_ERRORS, **_RATE_LIMITED,
                           400: ("The body is not JSON or not gzip; a malformed id, name or "
                                 "role", [*_BODY_ERRORS[400][1], "bad_user_id", "bad_role",
                                          "bad_name"]),
                           403: ("The voucher is not a member of the device, or may not give "
                                 "that role", ["author_unknown", "forbidden"]),
                           409: ("A user of that name or id exists", ["user_exists"])}),
            },
        }},
        "/v1/status": {"get": {
            "operationId": "status", "summary": "What the server knows of this device",
            "tags": ["sync"], "security": bearer,
            "responses": {**_ok("The device's state", _ref("DeviceStatus")),
                          **_errors({**_AUTH_ERRORS, **_RATE_LIMITED})},
        }},
    }


NOTES = (
    "\n\nEvery body is JSON (`application/json`); request bodies may be gzip-compressed "
    "(`Content-Encoding: gzip`), answers are when large. Integers are written as JSON "
    "integers: `1`, never `1.0` or `1e0` (422). Unknown properties of a request are ignored. "
    "Every error answer is `{error, detail}` (see each answer's codes).")


def openapi_document(title: str, version: str, description: str) -> Schema:
    """The whole description (a new dict each call)."""
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": version, "description": description + NOTES},
        "tags": [{"name": "sync", "description": "Device sync (docs/sync-protocol.md)"},
                 {"name": "service", "description": "Operations"}],
        "paths": _paths(),
        "components": _components(),
    }


def install_openapi(app: FastAPI) -> None:
    """Serve :func:`openapi_document` at ``app.openapi_url`` (built on first request)."""

    def openapi() -> Schema:
        if app.openapi_schema is None:
            app.openapi_schema = openapi_document(app.title, app.version, app.description)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
