"""The server's OpenAPI description (sync/server/openapi.py), as a real server process serves
it: complete (request bodies, every error answer, bearer auth), and true, checked by running
Schemathesis (``schemathesis run --checks all``: every phase, stateful through the pull's
link included) against the served /openapi.json with a valid device token, on SQLite and
PostgreSQL. Any 5xx, any answer the description does not allow (status, content type, body
schema) and any request the server judges otherwise than the description says fails the test.

Bounded so the suite keeps its time (~15 s a backend on 2 cores): a fixed number of examples
per operation and phase (``FUZZ_EXAMPLES``, more with FIELDAPP_STRESS=1), a fixed seed
(FIELDAPP_FUZZ_SEED=N for another run), and a deadline on the whole run.

Schemathesis imports this file as its hooks module (``hooks`` in :func:`_config`; the checks
and hook at the end are registered only there). What JSON Schema cannot say, and how the run
is told, never by dropping a check:

- Integers are JSON integers: JSON Schema takes ``1.0`` for an integer, the server refuses it
  (422), as the description's text says. Our checks judge requests that way (:func:`_strict`).
- ``POST /v1/push``: the mutation ids of one push must strictly increase (422 otherwise), and
  a change whose envelope is right but whose ``kind`` or ``fields`` do not fit its kind's
  schema is *consumed*, answered 200 with that change ``rejected`` (docs/sync-protocol.md: "A
  change is consumed even when it cannot be accepted"). Schemathesis' expected statuses for
  push say so (``positive_data_acceptance`` + 422, ``negative_data_rejection`` + 200), and
  :func:`push_follows_the_wire_format` holds each request to exactly the right answer:
  envelope violated → 400/401/413/422/429; ids not increasing → 422; a change that does not
  fit its kind → 200 with that change rejected, or a documented refusal; a valid request →
  200 or a documented refusal (401, 403, 409, 413, 429), never 400/422.
- ``POST /v1/pull``: the cursor is opaque; a string the server never handed out and that does
  not even decode is refused 422 (``positive_data_acceptance`` + 422 for pull), and
  :func:`pull_follows_the_wire_format` holds each valid request to it: a cursor that decodes
  → 200 or a documented refusal; one that does not → 422.
- State a device would have: :func:`before_call` renumbers valid pushes to follow the
  device's last mutation id and puts creates in its province, and gives every other
  enrollment a freshly issued code, so that generated data reaches the per-change checks and
  the database instead of stopping at 409 gap, 403 or 401. Awkward values (NUL, controls,
  bidi, 2**63-1 …) are mixed into text and integers (``dictionaries``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import requests

from fieldapp.domain import records
from fieldapp.domain.ids import uuid7
from fieldapp.domain.wire import fields_schema
from sync.protocol import MAX_INT, ProtocolError, decode_cursor, hlc_pack
from tests.helpers.server import (
    ROOT,
    ServerProcess,
    drop_postgres_database,
    fresh_postgres_database,
    postgres_available,
)

STRESS = os.environ.get("FIELDAPP_STRESS") == "1"
FUZZ_EXAMPLES = 400 if STRESS else 40  # per operation and phase
FUZZ_SEED = int(os.environ.get("FIELDAPP_FUZZ_SEED", "17"))
FUZZ_DEADLINE = 600 if STRESS else 120  # seconds for the whole run (it takes ~15 s)
# set for the Schemathesis process, that imports this file as its hooks: the server's URL
# and the device's token
HOOKS, HOOKS_URL, HOOKS_TOKEN, HOOKS_DB = ("FIELDAPP_OPENAPI_HOOKS", "FIELDAPP_OPENAPI_URL",
                                           "FIELDAPP_OPENAPI_TOKEN", "FIELDAPP_OPENAPI_DB")
USER = "amina"  # the fuzzing device's user
PROVINCE = "rabat"  # the fuzzing device's scope
SECURED = (("/v1/push", "post"), ("/v1/pull", "post"), ("/v1/status", "get"),
           ("/v1/members", "get"), ("/v1/members/join", "post"), ("/v1/members/vouch", "post"))
WITH_BODY = ("/v1/enroll", "post"), ("/v1/push", "post"), ("/v1/pull", "post")


# --- a real server with one enrolled device -----------------------------------------------


class FileLoggedServer(ServerProcess):
    """ServerProcess whose log goes to a file (read on failure: a 5xx's traceback), so a
    chatty run can never fill a pipe and stall the server."""

    def __init__(self, db_url: str, log_path: Path) -> None:
        super().__init__(db_url)
        self.log_path = log_path

    def start(self) -> FileLoggedServer:
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(self.command(), cwd=ROOT, stdout=log, stderr=log)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(self.log())
            try:
                with requests.get(self.url + "/health", timeout=0.5) as r:
                    if r.ok:
                        return self
            except requests.ConnectionError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("the server did not start")

    def log(self) -> str:
        return self.log_path.read_bytes().decode("utf-8", errors="replace")


@dataclass
class Served:
    server: FileLoggedServer
    token: str
    folder: Path
    db_url: str

    @property
    def url(self) -> str:
        return self.server.url


def _admin(db_url: str, *args: str) -> str:
    """``fieldapp-server admin …``, as an operator types it."""
    done = subprocess.run([sys.executable, "-m", "sync.server", "--db", db_url, "admin", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres",
                                                               marks=pytest.mark.postgres)])
def served(request, tmp_path_factory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp(f"openapi-{request.param}")
    name = None
    if request.param == "sqlite":
        url = str(folder / "server.db")
    else:
        reason = postgres_available()
        if reason:
            pytest.skip(reason)
        url, name = fresh_postgres_database()
    _admin(url, "create-team", "Équipe mobile Rabat", "--scope", "province:rabat")
    _admin(url, "create-user", USER, "--role", "supervisor", "--team",
           "Équipe mobile Rabat")
    code = _admin(url, "issue-code", USER, "--hours", "1")
    server = FileLoggedServer(url, folder / "server.log").start()
    try:
        with requests.post(server.url + "/v1/enroll", timeout=10,
                           json={"code": code, "device_name": "fuzzer"}) as r:
            assert r.status_code == 200, r.text
            token = r.json()["token"]
        _seed(server.url, token)
        yield Served(server, token, folder, url)
    finally:
        server.stop()
        if name is not None:
            drop_postgres_database(name)


def _seed(url: str, token: str) -> None:
    """A few valid records of the device's province (one updated), so that pulls answer
    records and the fuzz's updates can meet existing ones."""
    today = date.today().isoformat()
    values = {"person": {"nickname": "Hamid"}, "patrol": {"date": today, "team": "Équipe 1"},
              "shelter": {"name_fr": "Centre Al Amal", "capacity": 12}}
    changes = []
    for i, (name, fields) in enumerate(values.items(), start=1):
        kind = records.KINDS[name]
        record, errors = kind.prepare({"province": PROVINCE, **fields})
        assert not errors, errors
        changes.append({"mutation_id": i, "kind": name, "record_id": uuid7(), "op": "create",
                        "fields": kind.to_stored(record), "base": {},
                        "hlc": hlc_pack(int(time.time() * 1000), 0), "author": "Amina"})
    changes.append({**changes[0], "mutation_id": len(changes) + 1, "op": "update",
                    "fields": {"nickname": "Hamid B."}, "base": {"nickname": 1}})
    with requests.post(url + "/v1/push", timeout=10, headers={"Authorization": f"Bearer {token}"},
                       json={"protocol": 1, "epoch": None, "changes": changes}) as r:
        assert r.status_code == 200, r.text
        assert [o["status"] for o in r.json()["outcomes"]] == ["applied"] * len(changes), r.text


def _description(served: Served) -> dict[str, Any]:
    with requests.get(served.url + "/openapi.json", timeout=10) as r:
        assert r.status_code == 200
        assert r.headers["content-type"] == "application/json"
        return dict(r.json())


# --- the description is complete ----------------------------------------------------------


def test_the_description_is_complete(served):
    doc = _description(served)
    assert doc["openapi"].startswith("3.1")
    paths, components = doc["paths"], doc["components"]
    assert set(paths) == {"/health", "/v1/enroll", "/v1/push", "/v1/pull", "/v1/status",
                          "/v1/members", "/v1/members/join", "/v1/members/vouch"}
    assert components["securitySchemes"]["bearerAuth"] == {
        **components["securitySchemes"]["bearerAuth"], "type": "http", "scheme": "bearer"}
    assert {"PushRequest", "Change", "PushResponse", "Outcome", "PullRequest", "PullResponse",
            "RecordState", "Enrollment", "Error"} <= set(components["schemas"])

    for path, method in SECURED:
        operation = paths[path][method]
        assert operation["security"] == [{"bearerAuth": []}], path
        assert {"200", "401", "429"} <= set(operation["responses"]), path
    for path, method in WITH_BODY:
        operation = paths[path][method]
        body = operation["requestBody"]
        assert body["required"] is True
        assert set(body["content"]) == {"application/json"}
        assert "$ref" in body["content"]["application/json"]["schema"]
        assert "gzip" in body["description"]
        assert {"200", "400", "401", "413", "422", "429"} <= set(operation["responses"]), path
    assert {"403", "409"} <= set(paths["/v1/push"]["post"]["responses"])
    assert {"403", "409"} <= set(paths["/v1/pull"]["post"]["responses"])
    assert "security" not in paths["/v1/enroll"]["post"] and "security" not in doc

    for path, item in paths.items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                schema = response["content"]["application/json"]["schema"]
                if status.startswith("4"):
                    # every error answer is an Error, its codes listed
                    assert schema["allOf"] == [{"$ref": "#/components/schemas/Error"}]
                    assert schema["properties"]["error"]["enum"], (path, method, status)
                else:
                    assert status == "200", (path, method, status)


def test_changes_are_described_kind_by_kind(served):
    """Change is a union on ``kind`` over every record kind; each variant's ``fields`` is
    the kind's own schema from fieldapp.domain.wire."""
    schemas = _description(served)["components"]["schemas"]
    change = schemas["Change"]
    assert change["discriminator"]["propertyName"] == "kind"
    mapping = change["discriminator"]["mapping"]
    assert set(mapping) == set(records.KINDS)
    assert [v["$ref"] for v in change["oneOf"]] == list(mapping.values())
    for name, kind in records.KINDS.items():
        variant = schemas[mapping[name].rsplit("/", 1)[1]]
        assert variant["properties"]["kind"]["const"] == name
        fields = variant["properties"]["fields"]
        expected = json.loads(json.dumps(fields_schema(kind)))
        assert {k: v for k, v in fields.items() if k in expected} == expected
        assert set(variant["required"]) == {"mutation_id", "kind", "record_id", "op", "fields",
                                            "hlc"}


def test_every_schema_is_valid_json_schema(served):
    import jsonschema_rs

    doc = _description(served)
    for name, schema in doc["components"]["schemas"].items():
        assert jsonschema_rs.meta.is_valid(schema), name
    # and each resolves: the document validates an example of its own
    push = _validator(doc, "PushRequest")
    assert push.is_valid({"protocol": 1, "epoch": None, "changes": [
        {"mutation_id": 1, "kind": "person", "record_id": "0193a1b2-c3d4", "op": "update",
         "fields": {"nickname": "Hamid"}, "base": {"nickname": 17}, "hlc": 117630,
         "author": "Amina"}]})
    assert not push.is_valid({"protocol": 1, "changes": [
        {"mutation_id": 1, "kind": "person", "record_id": "r1", "op": "update",
         "fields": {"no_such_field": 1}, "hlc": 0}]})


# --- Schemathesis -------------------------------------------------------------------------


# Schemathesis' defaults, and what the server answers by design beyond them (see the module's
# docstring; the checks of our own below hold the server to exactly that)
POSITIVE = ["2xx", "3xx", "401", "403", "404", "409", "429", "5xx"]
NEGATIVE = ["400", "401", "403", "404", "405", "406", "409", "415", "422", "428", "429", "5xx"]
POSITIVE_PUSH = [*POSITIVE, "413", "422"]  # 422: mutation ids that do not increase
NEGATIVE_PUSH = [*NEGATIVE, "200"]  # 200: a change that does not fit its kind, rejected
POSITIVE_PULL = [*POSITIVE, "413", "422"]  # 422: a cursor the server never handed out


def _statuses(statuses: list[str]) -> str:
    return ", ".join(f'"{s}"' for s in statuses)


def _config(served: Served) -> str:
    """schemathesis.toml for the run (https://schemathesis.readthedocs.io configuration)."""
    return f"""
seed = {FUZZ_SEED}
hooks = "tests.sync.test_openapi"
request-timeout = 10
color = false

[generation]
max-examples = {FUZZ_EXAMPLES}
database = "none"

[cache]
enabled = false

# awkward values, mixed into generated text and integers (as valid or invalid data, by where)
[dictionaries.awkward-text]
values = ["\\u0000", "a\\u0000b", "\\u0007", " padded ", "\\u202eRTL", "😀", "é", "ا", "0",
          "null", "rabat", "province:rabat", "-", "../../etc", "' OR 1=1 --"]
[dictionaries.awkward-integers]
values = [0, 1, -1, 9007199254740993, {MAX_INT}, -{MAX_INT}]

[generation.dictionaries.string]
dictionary = "awkward-text"
probability = 0.1
[generation.dictionaries.integer]
dictionary = "awkward-integers"
probability = 0.1

[parameters]
"body.device_name" = {{ dictionary = "awkward-text", probability = 0.5 }}
"body.changes[*].author" = {{ dictionary = "awkward-text", probability = 0.3 }}
"body.changes[*].fields[*]" = {{ dictionary = "awkward-text", probability = 0.3 }}
"body.changes[*].hlc" = {{ dictionary = "awkward-integers", probability = 0.3 }}

[auth.openapi.bearerAuth]
bearer = "{served.token}"

[warnings]
# an auth that never works, a pattern that cannot be generated, a reference that does not
# resolve, or the server refusing the run with 429 would make the run hollow: fail on them
fail-on = ["missing_auth", "unused_openapi_auth", "unsupported_regex",
           "unresolvable_reference", "rate_limited", "missing_deserializer"]

# push: ids must increase (422), and a change that does not fit its kind is consumed as a
# rejection (200): the built-in checks are told so, push_follows_the_wire_format judges which
[[operations]]
include-operation-id = "push"
checks.positive_data_acceptance.expected-statuses = [{_statuses(POSITIVE_PUSH)}]
checks.negative_data_rejection.expected-statuses = [{_statuses(NEGATIVE_PUSH)}]

# pull: the cursor is opaque (422 if it does not decode): pull_follows_the_wire_format judges
[[operations]]
include-operation-id = "pull"
checks.positive_data_acceptance.expected-statuses = [{_statuses(POSITIVE_PULL)}]
"""


def test_schemathesis_finds_nothing(served, tmp_path):
    """``schemathesis run --checks all`` against the served description: no 5xx, no answer
    outside the description, and the two checks of our own on push and pull."""
    config = tmp_path / "schemathesis.toml"
    config.write_text(_config(served), encoding="utf-8")
    report = tmp_path / "report.json"
    command = [sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run",
               served.url + "/openapi.json", "--checks", "all", "--workers", "1",
               "--report", "json", "--report-json-path", str(report)]
    # the hooks module is this file (imported from ROOT), its checks registered by HOOKS
    env = {**os.environ, "PYTHONPATH": str(ROOT), HOOKS: "1", HOOKS_URL: served.url,
           HOOKS_TOKEN: served.token, HOOKS_DB: served.db_url}
    started = time.monotonic()
    try:
        done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=FUZZ_DEADLINE)
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"schemathesis ran over {FUZZ_DEADLINE} s:\n{e.stdout}")
    took = time.monotonic() - started
    output = done.stdout + done.stderr
    assert done.returncode == 0, (
        f"schemathesis found problems (seed {FUZZ_SEED}, {took:.0f} s):\n{output[-20000:]}\n"
        f"--- server log (tail) ---\n{served.server.log()[-5000:]}")
    summary = json.loads(report.read_text(encoding="utf-8"))
    cases = summary["test_cases"]
    print(f"schemathesis: {took:.1f} s, {cases['generated']} cases")
    # a run that tested nothing would pass too: it did test every operation, every phase
    assert summary["complete"] and not summary["failures"] and not summary["errors"]
    assert summary["operations"]["tested"] == len(_description(served)["paths"]) == 8
    assert {name: phase["status"] for name, phase in summary["phases"].items()} == {
        "examples": "skip", "coverage": "success", "fuzzing": "success",
        "stateful": "success"}, summary["phases"]
    assert cases["generated"] > 1000 and not cases["errored"], cases


# --- our checks (run inside Schemathesis, which loads this file as its hooks) -------------

REFUSED = {400, 401, 413, 422, 429}  # how the server refuses a body outside the wire format
REFUSALS = {401, 403, 409, 413, 429}  # documented refusals of a well-formed request

_validators: dict[tuple[int, str], Any] = {}


def _validator(doc: dict[str, Any], name: str, envelope: bool = False) -> Any:
    """A JSON Schema validator of components.schemas[name] of ``doc``; with ``envelope``,
    every change's ``kind`` and ``fields`` are only checked as protocol.py does (an
    identifier, an object of at most 64 identifiers): the per-kind part left out."""
    import jsonschema_rs

    key = (id(doc), f"{name}:{envelope}")
    if key not in _validators:
        components = json.loads(json.dumps(doc["components"]))
        if envelope:
            schemas = components["schemas"]
            first = schemas["Change"]["oneOf"][0]["$ref"].rsplit("/", 1)[1]
            change = schemas[first]
            ident = change["properties"]["base"]["propertyNames"]
            change["properties"]["kind"] = {"type": "string", **ident}
            change["properties"]["fields"] = {
                "type": "object", "maxProperties": 64, "propertyNames": ident}
            schemas["Change"] = change
        _validators[key] = jsonschema_rs.Draft202012Validator(
            {"$ref": f"#/components/schemas/{name}", "components": components},
            validate_formats=True)
    return _validators[key]


def _is(case: Any, method: str, path: str) -> bool:
    """The case calls this operation (unsupported_method sends others to its path)."""
    return bool(case.method.upper() == method and case.operation.path == path)


def _strict(value: Any) -> Any:
    """``value`` with every float replaced by an object, that no request schema takes where
    a float could stand: JSON Schema takes 1.0 for an integer, the server (as its description
    says) only 1, and no request has a place for other numbers."""
    if isinstance(value, float):
        return {"float": repr(value)}
    if isinstance(value, dict):
        return {k: _strict(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strict(v) for v in value]
    return value


def _valid(validator: Any, instance: Any) -> bool:
    try:
        return bool(validator.is_valid(_strict(instance)))
    except (ValueError, UnicodeError):  # e.g. a lone surrogate: not text the server takes
        return False


def _ids_increase(body: dict[str, Any]) -> bool:
    ids = [c["mutation_id"] for c in body["changes"]]
    return all(a < b for a, b in zip(ids, ids[1:], strict=False))


def push_follows_the_wire_format(ctx: Any, response: Any, case: Any) -> bool | None:
    """POST /v1/push is judged request by request (see the module's docstring)."""
    if not _is(case, "POST", "/v1/push") or response.status_code >= 500:
        return None  # 5xx: not_a_server_error reports it
    doc, status, body = case.operation.schema.raw_schema, response.status_code, case.body
    if not _valid(_validator(doc, "PushRequest", envelope=True), body):
        if status not in REFUSED:
            raise AssertionError(f"a push outside the wire format was answered {status}, "
                                 f"not one of {sorted(REFUSED)}")
        return True
    if not _ids_increase(body):
        if status not in {422, 401, 413, 429}:
            raise AssertionError(f"a push whose mutation ids do not increase was answered "
                                 f"{status}, not 422")
        return True
    if _valid(_validator(doc, "PushRequest"), body):
        if status != 200 and status not in REFUSALS:
            raise AssertionError(f"a valid push was answered {status}: {response.text[:300]}")
        return True
    # the envelope is right, some change's kind or fields are not: consumed as rejected
    if status != 200:
        if status not in REFUSALS:
            raise AssertionError(f"a push with a change that does not fit its kind was "
                                 f"answered {status}, not 200 or {sorted(REFUSALS)}")
        return True
    outcomes = {o["mutation_id"]: o for o in response.json()["outcomes"]}
    change = _validator(doc, "Change")
    for c in body["changes"]:
        if _valid(change, c):
            continue
        outcome = outcomes.get(c["mutation_id"], {})
        if not (outcome.get("status") == "rejected"
                or (outcome.get("status") == "duplicate" and outcome.get("code"))):
            raise AssertionError(
                f"change {c['mutation_id']} does not fit the schema of kind {c['kind']!r} but "
                f"was answered {outcome or 'nothing'}")
    return True


def _decodes(cursor: Any) -> bool:
    try:
        decode_cursor(cursor)
    except ProtocolError:
        return False
    return True


def pull_follows_the_wire_format(ctx: Any, response: Any, case: Any) -> bool | None:
    """POST /v1/pull with a body that fits PullRequest: a cursor that decodes is served or
    refused as documented, one that does not is 422."""
    if not _is(case, "POST", "/v1/pull") or response.status_code >= 500:
        return None
    doc, status, body = case.operation.schema.raw_schema, response.status_code, case.body
    if not _valid(_validator(doc, "PullRequest"), body):
        return None  # negative_data_rejection judges it
    if _decodes(body.get("cursor")):
        if status != 200 and status not in REFUSALS:
            raise AssertionError(f"a valid pull was answered {status}: {response.text[:300]}")
    elif status not in {422, 401, 413, 429}:
        raise AssertionError(f"a pull with a cursor that does not decode was answered "
                             f"{status}, not 422")
    return True


def follow_the_device(case: Any) -> None:
    """A push whose envelope is right and whose mutation ids increase is renumbered to follow
    the device's last applied id, and its creates are put in the device's province: else
    nearly every generated push stops at 409 gap or 403 outside_scope, and the changes never
    reach the per-change checks (where a bad value must come back ``rejected``). What it
    changes stays within the schema; bodies outside the envelope are sent as generated."""
    body = case.body
    if not _valid(_validator(case.operation.schema.raw_schema, "PushRequest", envelope=True),
                  body) or not _ids_increase(body):
        return
    with requests.get(os.environ[HOOKS_URL] + "/v1/status", timeout=10, headers={
            "Authorization": f"Bearer {os.environ[HOOKS_TOKEN]}"}) as r:
        last = int(r.json()["last_mutation_id"])
    changes = []
    for i, change in enumerate(body["changes"], start=1):
        fields = change["fields"]
        if change["op"] == "create" and isinstance(fields.get("province"), str):
            fields = {**fields, "province": PROVINCE}
        changes.append({**change, "mutation_id": last + i, "fields": fields})
    case.body = {**body, "changes": changes}


_enrollments = {"calls": 0}
_service: list[Any] = []


def enroll_now_and_then(case: Any) -> None:
    """Every other enrollment (or member joining) whose body is an object with a text code
    gets a valid code, issued just now: else every generated enrollment is a 401 and the
    device name never reaches the database."""
    _enrollments["calls"] += 1
    if (_enrollments["calls"] % 2 or not isinstance(case.body, dict)
            or not isinstance(case.body.get("code"), str)):
        return
    if not _service:
        from sync.server.service import Service
        from sync.server.storage import Database

        _service.append(Service(Database(os.environ[HOOKS_DB])))
    case.body = {**case.body, "code": _service[0].issue_code(USER, 1)}


def before_call(context: Any, case: Any, kwargs: Any) -> None:
    """Just before each call (Schemathesis generates cases ahead): the state a real device
    would be in, so that generated requests get past the stateful refusals."""
    if _is(case, "POST", "/v1/push"):
        follow_the_device(case)
    elif _is(case, "POST", "/v1/enroll") or _is(case, "POST", "/v1/members/join"):
        enroll_now_and_then(case)  # a member joins with their own code as a device enrolls


if os.environ.get(HOOKS) == "1":  # imported by Schemathesis, not by pytest
    import schemathesis

    schemathesis.check(push_follows_the_wire_format)
    schemathesis.check(pull_follows_the_wire_format)
    schemathesis.hook(before_call)
