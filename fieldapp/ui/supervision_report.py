"""The Supervision screen's charts and its weekly report: bar charts drawn with QPainter
(on screen and, as images, in the report), and the report as HTML laid out on A4 and written
as PDF with QTextDocument and QPdfWriter, which shape Arabic and lay it out right to left.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMarginsF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QWidget

from fieldapp.domain import vocabularies
from fieldapp.ui.screen import long_date

BAR = QColor("#3b7dd8")
ACCEPTED = QColor("#2e9d5b")
REFUSED = QColor("#c8553d")
CHART_SIZE = (520, 240)


class BarChart(QWidget):
    """Horizontal bars with their label on the leading side and their value at the end."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title
        self.bars: list[tuple[str, int, QColor]] = []
        self.setMinimumSize(320, 160)

    def set_bars(self, bars: list[tuple[str, int, QColor]]) -> None:
        self.bars = bars
        self.setMinimumHeight(40 + 22 * max(1, len(bars)))
        self.update()

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        self.draw(painter, QRectF(self.rect()), self.layoutDirection())
        painter.end()

    def draw(self, painter: QPainter, rect: QRectF, direction: Qt.LayoutDirection) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setLayoutDirection(direction)
        metrics = painter.fontMetrics()
        line = metrics.height() + 6
        title_rect = QRectF(rect.left(), rect.top(), rect.width(), line)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(title_rect, int(_visual(direction, Qt.AlignmentFlag.AlignLeading)
                                         | Qt.AlignmentFlag.AlignVCenter), self.title)
        if not self.bars:
            return
        label_width = min(rect.width() * 0.4,
                          max(metrics.horizontalAdvance(b[0]) for b in self.bars) + 8)
        value_width = metrics.horizontalAdvance("0000000") + 6
        top = rect.top() + line
        height = min(line, (rect.height() - line) / len(self.bars))
        span = rect.width() - label_width - value_width
        biggest = max(max(b[1] for b in self.bars), 1)
        rtl = direction == Qt.LayoutDirection.RightToLeft
        for i, (label, value, color) in enumerate(self.bars):
            y = top + i * height
            length = span * value / biggest
            if rtl:
                label_rect = QRectF(rect.right() - label_width, y, label_width - 6, height)
                bar = QRectF(rect.right() - label_width - length, y + 3, length, height - 6)
                value_rect = QRectF(bar.left() - value_width, y, value_width - 4, height)
            else:
                label_rect = QRectF(rect.left(), y, label_width - 6, height)
                bar = QRectF(rect.left() + label_width, y + 3, length, height - 6)
                value_rect = QRectF(bar.right() + 4, y, value_width - 4, height)
            painter.drawText(label_rect, int(_visual(direction, Qt.AlignmentFlag.AlignTrailing)
                                             | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(label, Qt.TextElideMode.ElideMiddle,
                                                int(label_rect.width())))
            painter.fillRect(bar, color)
            painter.drawText(value_rect, int(_visual(direction, Qt.AlignmentFlag.AlignLeading)
                                             | Qt.AlignmentFlag.AlignVCenter), str(value))

    def to_image(self, direction: Qt.LayoutDirection, scale: int = 2) -> QImage:
        """The chart at a fixed size, for the printed report."""
        width, height = CHART_SIZE[0], max(CHART_SIZE[1] // 2, 40 + 22 * len(self.bars))
        image = QImage(width * scale, height * scale, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.scale(scale, scale)
        painter.setFont(self.font())
        self.draw(painter, QRectF(0, 0, width, height), direction)
        painter.end()
        return image


def _visual(direction: Qt.LayoutDirection, alignment: Qt.AlignmentFlag) -> Qt.AlignmentFlag:
    return QStyle.visualAlignment(direction, alignment)


def places_taken(occupancy: int, capacity: int) -> str:
    """"9 of 552" in the interface's language (the numbers in the sentence's order)."""
    return QCoreApplication.translate("Supervision", "%1 of %2",
                                      "places taken of all the places").replace(
        "%1", str(occupancy)).replace("%2", str(capacity))


def night_label(night: str) -> str:
    """A night in a chart: day and month in the interface's language ("29 نونبر")."""
    day = QDate.fromString(night, "yyyy-MM-dd")
    return QLocale().toString(day, "d MMMM") if day.isValid() else night


def _table(rows: list[tuple[str, Any]], head: tuple[str, str]) -> str:
    body = "".join(f"<tr><td>{html.escape(str(a))}</td><td class='n'>{b}</td></tr>"
                   for a, b in rows)
    return (f"<table cellspacing='0' cellpadding='4' border='1' width='100%'><tr>"
            f"<th>{html.escape(head[0])}</th><th>{html.escape(head[1])}</th></tr>{body}</table>")


def report_html(f: dict[str, Any], lang: str, titles: dict[str, str], province: str) -> str:
    """The weekly report as HTML in ``lang`` (right to left for Arabic). Pure: runs on the
    database thread; charts are images named ``chart://<name>`` added when printing."""
    voc = vocabularies.vocabulary
    direction = "rtl" if lang == "ar" else "ltr"
    align = "right" if lang == "ar" else "left"
    capacity = sum(s["capacity"] for s in f["shelters"])
    occupancy = sum(s["occupancy"] for s in f["shelters"])
    values = dict(f, occupancy=places_taken(occupancy, capacity))
    numbers = "".join(
        f"<td align='center'><span class='big'>{html.escape(str(values[k]))}</span><br/>"
        f"{html.escape(t)}</td>" + ("</tr><tr>" if i % 3 == 2 else "")
        for i, (k, t) in enumerate(titles.items()))
    count = QCoreApplication.translate("Supervision", "Number")
    status = voc("case_status")
    group = voc("target_group")
    shelter_rows = [((s["name_ar"] if lang == "ar" else s["name_fr"]) or s["name_fr"] or "",
                     places_taken(s["occupancy"], s["capacity"])) for s in f["shelters"]]
    title = QCoreApplication.translate("Supervision", "Weekly vigilance report")
    period = QCoreApplication.translate("Supervision", "{province}, from {since} to {until}")
    period = period.format(province=html.escape(province),
                           since=html.escape(long_date(f["since"])),
                           until=html.escape(long_date(f["until"])))
    parts = [
        f"<html dir='{direction}'><head><style>body {{ font-size: 10pt; }} "
        f"h1 {{ font-size: 16pt; }} h2 {{ font-size: 12pt; margin-top: 10px; }} "
        f".big {{ font-size: 18pt; font-weight: bold; }} th {{ background: #e8eef7; }} "
        f"td.n {{ text-align: center; }}</style></head>"
        f"<body dir='{direction}' align='{align}'>",
        f"<h1>{html.escape(title)}</h1><p>{period}</p>",
        f"<table width='100%' cellpadding='6'><tr>{numbers}</tr></table>",
        f"<h2>{html.escape(QCoreApplication.translate('Supervision', 'Charts'))}</h2>",
        "<p><img src='chart://services' width='330'/> <img src='chart://nights' width='330'/>"
        "</p><p><img src='chart://orientations' width='330'/></p>",
        f"<h2>{html.escape(QCoreApplication.translate('Supervision', 'Cases by status'))}</h2>",
        _table([(status.label(k, lang) if k in status else k, n)
                for k, n in f["cases_by_status"].items()],
               (QCoreApplication.translate("Supervision", "Status"), count)),
        f"<h2>{html.escape(QCoreApplication.translate('Supervision', 'Cases by target group'))}"
        "</h2>",
        _table([(group.label(k, lang) if k in group else k, n)
                for k, n in f["cases_by_group"].items()],
               (QCoreApplication.translate("Supervision", "Target group"), count)),
        f"<h2>{html.escape(QCoreApplication.translate('Supervision', 'Shelters'))}</h2>",
        _table(shelter_rows, (QCoreApplication.translate("Supervision", "Shelter"),
                              QCoreApplication.translate("Supervision", "Occupancy"))),
        "</body></html>",
    ]
    return "".join(parts)


def print_report(path: str, text: str, lang: str, charts: dict[str, BarChart]) -> None:
    """Lay the report out on A4 and write it as PDF (GUI thread: QTextDocument, charts)."""
    direction = (Qt.LayoutDirection.RightToLeft if lang == "ar"
                 else Qt.LayoutDirection.LeftToRight)
    writer = QPdfWriter(path)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(150)
    writer.setTitle(QCoreApplication.translate("Supervision", "Weekly vigilance report"))
    doc = QTextDocument()
    option = QTextOption()
    option.setTextDirection(direction)
    doc.setDefaultTextOption(option)
    font = QFont("Noto Naskh Arabic" if lang == "ar" else "DejaVu Sans")
    font.setPointSizeF(10)
    doc.setDefaultFont(font)
    for name, chart in charts.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart://{name}"),
                        chart.to_image(direction))
    doc.setHtml(text)
    doc.print_(writer)
