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
