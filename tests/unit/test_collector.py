"""The cycle collector paused for a block and left as it was found."""
import gc

import pytest

from dashboard.loader.assembly.collector import collector_paused


@pytest.mark.parametrize("was_on", [True, False], ids=["on", "off"])
def test_collector_paused_inside_and_restored_after(was_on: bool) -> None:
    before = gc.isenabled()
    (gc.enable if was_on else gc.disable)()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is was_on
    finally:
        (gc.enable if before else gc.disable)()


def test_collector_back_on_after_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError):
        with collector_paused():
            raise ValueError("stop")
    assert gc.isenabled()


def test_heap_frozen_freezes_what_exists_and_nests() -> None:
    from dashboard.loader.assembly.collector import heap_frozen

    assert gc.get_freeze_count() == 0
    with heap_frozen():
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with heap_frozen():  # an inner block neither freezes more nor unfreezes
            made_inside = [[] for _ in range(10)]
            assert gc.get_freeze_count() == frozen
        assert gc.get_freeze_count() == frozen
        del made_inside
    assert gc.get_freeze_count() == 0


def test_heap_frozen_unfreezes_after_an_error() -> None:
    from dashboard.loader.assembly.collector import heap_frozen

    with pytest.raises(ValueError):
        with heap_frozen():
            raise ValueError("stop")
    assert gc.get_freeze_count() == 0
