"""A consent tick box sits level with the first line of its (wrapping) text, at any width; clicking the text ticks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from app.ui.panels.wrapping_check_box import WrappingCheckBox
from tests.gui.window_support import show_active

pytestmark = pytest.mark.gui

TEXT = "I agree to allow Northwind Traders to store and process my personal data so they can contact me. *"


def indicator_centre_y(row: WrappingCheckBox) -> float:
    """Where the drawn square is, in the row's coordinates (the style decides where inside the box widget)."""
    option = QStyleOptionButton()
    option.initFrom(row.box)
    rect = row.box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, row.box)
    return row.box.mapTo(row, rect.center()).y() + 0.5


def first_line_centre_y(row: WrappingCheckBox) -> float:
    """Where the text's first line is drawn: QLabel places its text block inside contentsRect by its alignment."""
    label = row.label
    area = label.contentsRect()
    margins = label.contentsMargins()
    text_height = label.heightForWidth(label.width()) - margins.top() - margins.bottom()
    top = float(area.top())
    if label.alignment() & Qt.AlignmentFlag.AlignVCenter:
        top += (area.height() - text_height) / 2
    elif label.alignment() & Qt.AlignmentFlag.AlignBottom:
        top += area.height() - text_height
    return label.mapTo(row, QPoint(0, 0)).y() + top + label.fontMetrics().height() / 2


@pytest.mark.parametrize(("width", "height"), [(220, 0), (600, 0), (600, 120)])
def test_box_is_level_with_the_first_line(qtbot: QtBot, width: int, height: int) -> None:
    """Also when the row is given more height than its text needs (a form column that stretches)."""
    row = WrappingCheckBox(TEXT)
    qtbot.addWidget(row)
    assert row.hasHeightForWidth()  # a layout can give it the height its wrapped text needs
    row.resize(width, max(height, row.heightForWidth(width)))
    show_active(qtbot, row)
    assert abs(indicator_centre_y(row) - first_line_centre_y(row)) <= 2
    assert row.label.geometry().left() >= row.box.geometry().right()  # beside it, not below
    qtbot.mouseClick(row.label, Qt.MouseButton.LeftButton, pos=QPoint(10, 5))
    assert row.box.isChecked()
