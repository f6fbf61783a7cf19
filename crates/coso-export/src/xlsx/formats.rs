//! Cell formats, made once per workbook.
//!
//! Font: Times New Roman 12. Decree 30/2020 sets Times New Roman for administrative documents,
//! offices print these tables and staple them to the report, and its Vietnamese glyphs are on
//! every Windows machine. Calibri, the default, would look out of place next to the report.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

use crate::ColumnKind;

const FONT: &str = "Times New Roman";
const SIZE: f64 = 12.0;
/// Excel's row height for Times New Roman 12, in points: the default 15 clips "Ệ".
pub(super) const ROW_HEIGHT: f64 = 15.75;
const HEADER_FILL: u32 = 0xD9E1F2;

pub(super) struct Formats {
    pub title: Format,
    pub subtitle: Format,
    pub header: Format,
    body: [Format; 5],
    total: [Format; 5],
}

impl Formats {
    pub fn new() -> Self {
        let base = || Format::new().set_font_name(FONT).set_font_size(SIZE);
        let cell = || base().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter);
        let kinds = |bold: bool| {
            [ColumnKind::Text, ColumnKind::Integer, ColumnKind::Decimal, ColumnKind::Percent, ColumnKind::Date].map(
                |k| {
                    let f = match k {
                        ColumnKind::Text => cell().set_text_wrap(),
                        ColumnKind::Integer => cell().set_num_format("#,##0"),
                        ColumnKind::Decimal => cell().set_num_format("#,##0.00"),
                        ColumnKind::Percent => cell().set_num_format("0.0%"),
                        ColumnKind::Date => cell().set_num_format("dd/mm/yyyy").set_align(FormatAlign::Center),
                    };
                    if bold { f.set_bold() } else { f }
                },
            )
        };
        Self {
            title: base()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            subtitle: base().set_italic().set_align(FormatAlign::Center),
            header: cell()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(HEADER_FILL)),
            body: kinds(false),
            total: kinds(true),
        }
    }

    pub fn get(&self, kind: ColumnKind, total: bool) -> &Format {
        let i = match kind {
            ColumnKind::Text => 0,
            ColumnKind::Integer => 1,
            ColumnKind::Decimal => 2,
            ColumnKind::Percent => 3,
            ColumnKind::Date => 4,
        };
        if total { &self.total[i] } else { &self.body[i] }
    }
}
