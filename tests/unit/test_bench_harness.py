"""The benchmark harness's pure helpers: the numbers and the table the README quotes must be computed right."""

from __future__ import annotations

import pytest

from tests.benchmarks.stats import Figure, Target, compare, markdown_table, median, percentile, ratio


def test_median_and_percentile_pick_the_middle_and_the_nearest_rank() -> None:
    assert median([5.0, 1.0, 3.0]) == 3.0
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5
    gaps = [float(n) for n in range(1, 101)]
    assert percentile(gaps, 99) == 99.0
    assert percentile(gaps, 100) == 100.0
    with pytest.raises(ValueError):
        median([])


def test_figures_pass_or_fail_on_their_ratio_or_value_and_render_as_a_table_row() -> None:
    slow = Figure("Start-up: ready", 300.0, "ms", 150.0, Target("ratio_max", 1.5))
    fast = Figure("History: first page", 4.2, "ms", 1.0, Target("value_max", 50, "ms"))
    info = Figure("Outbox: bookings per second", 71.4, "/s", None)
    assert ratio(300.0, 150.0) == 2.0 and ratio(1.0, 0.0) is None
    assert (slow.passed, fast.passed, info.passed) == (False, True, None)
    table = markdown_table([slow, fast, info])
    assert "| Start-up: ready | 300 ms | 150 ms | 2.00× | ≤ 1.5× | **no** |" in table
    assert "| History: first page | 4.2 ms | 1.0 ms | 4.20× | ≤ 50 ms | yes |" in table
    assert "| Outbox: bookings per second | 71.4 /s | — | — | — | — |" in table


def test_compare_reports_the_change_since_a_previous_run() -> None:
    previous = {"figures": [Figure("Start-up: ready", 200.0, "ms").to_json()]}
    assert compare(previous, [Figure("Start-up: ready", 300.0, "ms")]) == ["Start-up: ready: 200 ms → 300 ms (+50%)"]
