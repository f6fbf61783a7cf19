//! `coso units list`: provinces, children of a unit, or a search; as a table or JSON.

use clap::Args;
use coso_app::{App, units};
use coso_domain::unit::UnitKind;
use coso_store::{UnitRow, UnitSearch};

use super::common::{CmdResult, Failure};
use super::units::unit_or_fail;

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only the units directly under this unit.
    #[arg(long, value_name = "CODE")]
    pub parent: Option<String>,
    /// Search text, matched without diacritics ("ha tinh" finds "Hà Tĩnh").
    #[arg(long, value_name = "TEXT")]
    pub q: Option<String>,
    /// Only units of this kind: province, commune, ward, special_zone, village,
    /// residential_group, agency, department.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Page size while collecting search results (the store's largest page).
const PAGE: i64 = 200;

pub async fn list(app: &App, a: ListArgs) -> CmdResult {
    let kind = match a.kind.as_deref() {
        Some(k) => Some(UnitKind::parse(k).ok_or_else(|| {
            let all: Vec<&str> = UnitKind::ALL.iter().map(|k| k.as_str()).collect();
            Failure::Input(format!("Loại đơn vị «{k}» không tồn tại; chọn một trong: {}.", all.join(", ")))
        })?),
        None => None,
    };
    let parent = match a.parent.as_deref() {
        Some(code) => Some(unit_or_fail(app, code).await?),
        None => None,
    };
    let q = a.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
    let units: Vec<UnitRow> = if q.is_none() && kind.is_none() {
        match &parent {
            Some(p) => units::children_today(app, p).await.map_err(Failure::other)?,
            None => units::roots_today(app).await.map_err(Failure::other)?,
        }
    } else {
        let mut out = Vec::new();
        loop {
            let s = UnitSearch {
                q: q.map(str::to_string),
                kind,
                parent_id: parent.as_ref().map(|p| p.id),
                limit: Some(PAGE),
                offset: Some(out.len() as i64),
                ..Default::default()
            };
            let page = app.store().search_units(&s).await.map_err(Failure::other)?;
            let got = page.items.len();
            out.extend(page.items);
            if got == 0 || out.len() as i64 >= page.total {
                break;
            }
        }
        out
    };
    if a.json {
        let json = serde_json::to_string_pretty(&units).map_err(Failure::other)?;
        println!("{json}");
    } else {
        for u in &units {
            println!("{:<14} {:<18} {}", u.code, u.kind_label(), u.name);
        }
        println!("({} đơn vị)", units.len());
    }
    Ok(())
}
