//! The compliance of a year, rolled up a subtree: which required items each commune disclosed,
//! when and by which forms, which are missing (a province sees the communes that have not
//! disclosed their budget estimate) and which were late (posted after their due date: the day
//! the content was adopted or received plus the setting's days, PUB-6, or a convention's vote
//! less 30 days, PUB-7). Read in one query over the subtree's disclosures, plus one
//! for its communes.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use coso_domain::authz::Action;
use coso_domain::disclosure::{Form, Level, compliance};
use coso_export::charts::{BarOptions, bar_chart};
use coso_export::{Cell, Column, ColumnKind, Table};
use coso_store::{DisclosureItemRow, RegisterUnitRow, UnitRow, forms_of};

use super::items;
use crate::{Actor, App, Error, Result};

/// The first disclosure of an item by a commune in the year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disclosed {
    pub disclosure_id: i64,
    pub posted_from: NaiveDate,
    pub forms: Vec<Form>,
    /// How many disclosures of the item the commune made in the year.
    pub times: usize,
    /// The first of them made after its due date, if any.
    pub late: Option<Late>,
}

/// A disclosure made after its due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Late {
    pub disclosure_id: i64,
    pub due_on: NaiveDate,
    pub posted_from: NaiveDate,
    /// Due date against posted date, in Vietnamese.
    pub reason: String,
}

/// One commune's year: per item number, its first disclosure if any.
#[derive(Debug, Clone)]
pub struct CommuneYear {
    pub unit: RegisterUnitRow,
    pub items: BTreeMap<u8, Disclosed>,
}

impl CommuneYear {
    /// The item numbers of `required` it has not disclosed.
    pub fn missing<'a>(&'a self, required: &'a [DisclosureItemRow]) -> impl Iterator<Item = u8> + 'a {
        required.iter().filter_map(|i| u8::try_from(i.number).ok()).filter(|n| !self.items.contains_key(n))
    }

    /// The item numbers it disclosed late at least once in the year, with the first late one.
    pub fn late(&self) -> impl Iterator<Item = (u8, &Late)> + '_ {
        self.items.iter().filter_map(|(n, d)| d.late.as_ref().map(|l| (*n, l)))
    }
}

/// A subtree's year.
#[derive(Debug, Clone)]
pub struct YearView {
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub year: i32,
    pub today: NaiveDate,
    /// The commune-level items required.
    pub required: Vec<DisclosureItemRow>,
    pub communes: Vec<CommuneYear>,
}

/// The year of `code`'s subtree (a commune alone, or every commune of a province).
pub async fn year(app: &App, actor: &Actor, code: &str, year: i32) -> Result<YearView> {
    let unit = crate::units::by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::ViewAdmin)?;
    let (Some(from), Some(to)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31)) else {
        return Err(Error::field("year", "Năm không hợp lệ."));
    };
    if !(2023..=2100).contains(&year) {
        return Err(Error::field("year", "Năm phải từ 2023 (Luật Thực hiện dân chủ ở cơ sở có hiệu lực) đến 2100."));
    }
    let on = app.today().clamp(from, to);
    let store = app.store();
    let required = items(app, Level::Commune).await?;
    let (ancestors, units, rows) = tokio::try_join!(
        store.ancestors(&unit),
        store.register_units(&unit, on),
        store.disclosed_in(&unit, from, to),
    )?;
    let mut communes: Vec<CommuneYear> = units
        .into_iter()
        .filter(|u| u.kind != "agency")
        .map(|u| CommuneYear { unit: u, items: BTreeMap::new() })
        .collect();
    let index: BTreeMap<i64, usize> = communes.iter().enumerate().map(|(i, c)| (c.unit.id, i)).collect();
    let within_days = app.settings().disclosure.publish_within_days;
    for row in rows {
        let (Some(&at), Ok(number)) = (index.get(&row.unit_id), u8::try_from(row.item_number)) else { continue };
        let entry = communes[at].items.entry(number).or_insert_with(|| Disclosed {
            disclosure_id: row.disclosure_id,
            posted_from: row.posted_from,
            forms: forms_of(&row.forms),
            times: 0,
            late: None,
        });
        entry.times += 1;
        if entry.late.is_none()
            && let Some(check) =
                compliance::timeliness(row.posted_from, row.adopted_on, row.convention_vote_on, within_days)
            && !check.ok
            && let Some(due) = compliance::due(row.adopted_on, row.convention_vote_on, within_days)
        {
            entry.late = Some(Late {
                disclosure_id: row.disclosure_id,
                due_on: due.on,
                posted_from: row.posted_from,
                reason: check.reason,
            });
        }
    }
    Ok(YearView { unit, ancestors, year, today: app.today(), required, communes })
}

impl YearView {
    /// The communes that have not disclosed item `number`.
    pub fn missing_item(&self, number: u8) -> Vec<&RegisterUnitRow> {
        self.communes.iter().filter(|c| !c.items.contains_key(&number)).map(|c| &c.unit).collect()
    }

    /// The communes that disclosed item `number` late, each with the first late disclosure.
    pub fn late_item(&self, number: u8) -> Vec<(&RegisterUnitRow, &Late)> {
        self.communes
            .iter()
            .filter_map(|c| c.items.get(&number).and_then(|d| d.late.as_ref()).map(|l| (&c.unit, l)))
            .collect()
    }

    /// One bar per required item: how many communes disclosed it.
    pub fn chart(&self) -> Option<String> {
        if self.communes.is_empty() {
            return None;
        }
        let data: Vec<(String, f64)> = self
            .required
            .iter()
            .filter_map(|i| u8::try_from(i.number).ok())
            .map(|n| {
                let done = self.communes.iter().filter(|c| c.items.contains_key(&n)).count();
                (format!("Nội dung {n}"), done as f64)
            })
            .collect();
        let title = format!("Số xã, phường đã công khai từng nội dung · năm {}", self.year);
        let options =
            BarOptions {
                suffix: " đơn vị".to_owned(), max: Some(self.communes.len() as f64), ..Default::default()
            };
        Some(bar_chart(&title, &data, &options))
    }

    /// The table both downloads are written from: one line per commune and item.
    pub fn table(&self) -> Table {
        let mut t = Table::new(
            format!("Công khai thông tin · {} · năm {}", self.unit.name, self.year),
            vec![
                Column::new("Đơn vị", ColumnKind::Text),
                Column::new("Mã", ColumnKind::Text),
                Column::new("Nội dung", ColumnKind::Integer),
                Column::new("Tên nội dung", ColumnKind::Text).with_width(60.0),
                Column::new("Đã công khai", ColumnKind::Text),
                Column::new("Ngày công khai đầu tiên", ColumnKind::Date),
                Column::new("Số lần", ColumnKind::Integer),
                Column::new("Hình thức", ColumnKind::Text).with_width(60.0),
                Column::new("Công khai muộn", ColumnKind::Text).with_width(60.0),
            ],
        );
        for c in &self.communes {
            for item in &self.required {
                let Ok(n) = u8::try_from(item.number) else { continue };
                let done = c.items.get(&n);
                t.rows.push(vec![
                    c.unit.name.clone().into(),
                    c.unit.code.clone().into(),
                    Cell::Int(item.number),
                    item.title.clone().into(),
                    if done.is_some() { "Đã công khai" } else { "Chưa công khai" }.into(),
                    done.map_or(Cell::Empty, |d| Cell::Date(d.posted_from)),
                    Cell::Int(done.map_or(0, |d| i64::try_from(d.times).unwrap_or(i64::MAX))),
                    done.map_or(String::new(), |d| d.forms.iter().map(|f| f.label()).collect::<Vec<_>>().join("; "))
                        .into(),
                    done.and_then(|d| d.late.as_ref()).map_or(String::new(), |l| l.reason.clone()).into(),
                ]);
            }
        }
        t.subtitle = Some(format!("Số liệu đến ngày {}", self.today.format("%d/%m/%Y")));
        t
    }
}

pub fn csv(view: &YearView) -> Result<Vec<u8>> {
    coso_export::to_csv(&view.table()).map_err(|e| Error::Internal(format!("Không tạo được tệp: {e}")))
}

pub fn xlsx(view: &YearView) -> Result<Vec<u8>> {
    coso_export::to_xlsx(&view.table()).map_err(|e| Error::Internal(format!("Không tạo được tệp: {e}")))
}
