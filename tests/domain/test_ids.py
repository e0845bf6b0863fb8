import uuid

from fieldapp.domain.ids import is_uuid, uuid7, uuid7_many


def test_uuid7_is_a_valid_version_7_uuid():
    text = uuid7()
    u = uuid.UUID(text)
    assert u.version == 7 and u.variant == uuid.RFC_4122 and str(u) == text
    assert is_uuid(text) and not is_uuid(text.upper()) and not is_uuid("x" * 36)


def test_ids_strictly_increase_within_and_across_batches():
    ids = uuid7_many(5000) + [uuid7() for _ in range(100)] + uuid7_many(3)
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert all(uuid.UUID(i).version == 7 for i in ids[:50])
