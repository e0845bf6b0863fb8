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


def test_each_id_has_the_time_the_variant_and_62_random_bits():
    import time

    before = time.time_ns() // 1_000_000
    ids = [uuid.UUID(i) for i in uuid7_many(4000)]
    assert {(u.version, u.variant) for u in ids} == {(7, uuid.RFC_4122)}
    # 48-bit milliseconds: now, give or take the milliseconds borrowed past 4,096 ids
    assert all(before <= u.int >> 80 <= before + 60_000 for u in ids)
    randoms = [u.int & ((1 << 62) - 1) for u in ids]
    assert len(set(randoms)) == len(randoms)
    for bit in range(62):  # every one of them is random
        assert 1500 < sum(r >> bit & 1 for r in randoms) < 2500, bit
