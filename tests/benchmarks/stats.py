"""Pure helpers of the benchmark harness: medians, percentiles, figures with targets, the markdown table, JSON."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

TargetKind = Literal["ratio_max", "value_max", "none"]


def median(values: Sequence[float]) -> float:
    """The middle value (mean of the two middle ones for an even count)."""
    if not values:
        raise ValueError("median of no values")
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (p99 of 1,000 gaps is the 990th smallest): no interpolation, no surprises."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 < pct <= 100:
        raise ValueError("pct must be in (0, 100]")
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def ratio(value: float, floor: float | None) -> float | None:
    """value / floor, or None when there is no usable floor."""
    if floor is None or floor <= 0:
        return None
    return value / floor


@dataclass(frozen=True)
class Target:
    """What counts as a pass: a ratio ceiling, a value ceiling, or nothing (reported only)."""

    kind: TargetKind = "none"
    limit: float = 0.0
    unit: str = ""

    def describe(self) -> str:
        if self.kind == "ratio_max":
            return f"≤ {self.limit:g}×"
        if self.kind == "value_max":
            return f"≤ {self.limit:g} {self.unit}".rstrip()
        return "—"

    def check(self, value: float, value_ratio: float | None) -> bool | None:
        if self.kind == "ratio_max":
            return None if value_ratio is None else value_ratio <= self.limit
        if self.kind == "value_max":
            return value <= self.limit
        return None


@dataclass(frozen=True)
class Figure:
    """One row of the results table."""

    name: str
    value: float
    unit: str
    floor: float | None = None
    target: Target = field(default_factory=Target)
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return ratio(self.value, self.floor)

    @property
    def passed(self) -> bool | None:
        return self.target.check(self.value, self.ratio)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["ratio"] = self.ratio
        out["passed"] = self.passed
        return out


@dataclass
class BenchResult:
    """What one benchmark family measured: table rows plus optional markdown sections (e.g. import times)."""

    figures: list[Figure]
    sections: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"figures": [f.to_json() for f in self.figures], "sections": self.sections}


def figure_from_json(data: Mapping[str, Any]) -> Figure:
    """The inverse of Figure.to_json (computed keys ignored)."""
    target = data.get("target") or {}
    return Figure(
        name=data["name"],
        value=float(data["value"]),
        unit=data.get("unit", ""),
        floor=None if data.get("floor") is None else float(data["floor"]),
        target=Target(target.get("kind", "none"), float(target.get("limit", 0.0)), target.get("unit", "")),
        note=data.get("note", ""),
    )


def fmt_number(value: float | None, unit: str = "") -> str:
    """Three significant-ish digits: 0.412, 41.2, 412, 4120."""
    if value is None:
        return "—"
    magnitude = abs(value)
    text = f"{value:.3f}" if magnitude < 1 else f"{value:.1f}" if magnitude < 100 else f"{value:.0f}"
    return f"{text} {unit}".rstrip()


def _pass_mark(passed: bool | None) -> str:
    return "—" if passed is None else "yes" if passed else "**no**"


def markdown_table(figures: Sequence[Figure]) -> str:
    """The table the README quotes: figure, value, floor, ratio, target, pass (notes as a last column)."""
    lines = [
        "| Figure | Value | Floor | Ratio | Target | Pass | Notes |",
        "|---|---:|---:|---:|---|---|---|",
    ]
    for fig in figures:
        ratio_text = "—" if fig.ratio is None else f"{fig.ratio:.2f}×"
        lines.append(
            f"| {fig.name} | {fmt_number(fig.value, fig.unit)} | {fmt_number(fig.floor, fig.unit)} | {ratio_text}"
            f" | {fig.target.describe()} | {_pass_mark(fig.passed)} | {fig.note} |"
        )
    return "\n".join(lines) + "\n"


def compare(previous: Mapping[str, Any], current: Sequence[Figure]) -> list[str]:
    """Lines saying how each figure moved since a previous JSON result (matched by name)."""
    old = {f["name"]: f for f in previous.get("figures", [])}
    out: list[str] = []
    for fig in current:
        before = old.get(fig.name)
        if before is None or not before.get("value"):
            continue
        change = (fig.value - before["value"]) / before["value"] * 100
        out.append(
            f"{fig.name}: {fmt_number(before['value'], fig.unit)} → {fmt_number(fig.value, fig.unit)} ({change:+.0f}%)"
        )
    return out
