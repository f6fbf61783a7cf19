//! `coso units …`: the official list, listing and searching units, and CSV imports of
//! villages, agencies and household registers.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use coso_app::{App, households, units};
use coso_store::UnitRow;

use super::common::{CmdResult, Failure, Global, block_on, cli_actor, config, open_app};
use super::units_list::{ListArgs, list};

#[derive(Debug, Subcommand)]
pub enum UnitsCmd {
    /// Load the official 34 provinces and 3,321 communes (1 July 2025); running it again changes nothing.
    LoadOfficial,
    /// List units: provinces by default, the children of --parent, or a search with --q / --kind.
    List(ListArgs),
    /// Create villages, residential groups, agencies or departments under a unit from a CSV file
    /// (columns: Mã, Tên, Loại[, Từ ngày, Đến ngày]); all rows or none.
    Import(ImportArgs),
    /// Import a village's household register from a CSV file (columns: Mã hộ, Địa chỉ, Đại diện hộ,
    /// Số nhân khẩu[, Điện thoại, Từ ngày, Đến ngày]); new codes are added, changed ones updated, all or nothing.
    ImportHouseholds(ImportHouseholdsArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Code of the unit the new units go under.
    #[arg(value_name = "PARENT_CODE")]
    pub parent: String,
    /// The CSV file (UTF-8).
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct ImportHouseholdsArgs {
    /// Code of the village or residential group.
    #[arg(value_name = "VILLAGE_CODE")]
    pub village: String,
    /// The CSV file (UTF-8, «,» or «;» separated).
    pub file: PathBuf,
}

pub fn run(global: &Global, cmd: UnitsCmd) -> CmdResult {
    let cfg = config(global, None, false)?;
    block_on(async {
        let app = open_app(&cfg).await?;
        let result = match cmd {
            UnitsCmd::LoadOfficial => load_official(&app).await,
            UnitsCmd::List(a) => list(&app, a).await,
            UnitsCmd::Import(a) => import_units(&app, a).await,
            UnitsCmd::ImportHouseholds(a) => import_households(&app, a).await,
        };
        app.store().close().await;
        result
    })
}

async fn load_official(app: &App) -> CmdResult {
    let r = units::load_official(app, &cli_actor()).await.map_err(Failure::other)?;
    println!("Danh mục đơn vị hành chính chính thức: thêm {} đơn vị, {} đơn vị đã có.", r.inserted, r.already_present);
    Ok(())
}

/// The unit with `code`; a missing one is named in the message.
pub async fn unit_or_fail(app: &App, code: &str) -> Result<UnitRow, Failure> {
    match units::by_code(app, code).await {
        Err(coso_app::Error::NotFound) => {
            Err(Failure::Input(format!("Không tìm thấy đơn vị có mã «{}».", code.trim())))
        }
        other => Ok(other?),
    }
}

fn read(file: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(file).map_err(|e| Failure::Input(format!("Không đọc được tệp {}: {e}", file.display())))
}

async fn import_units(app: &App, a: ImportArgs) -> CmdResult {
    let parent = unit_or_fail(app, &a.parent).await?;
    let bytes = read(&a.file)?;
    let created = units::import(app, &cli_actor(), &parent, &bytes).await?;
    if created.is_empty() {
        return Err(Failure::Input(format!("Tệp {} không có dòng dữ liệu nào.", a.file.display())));
    }
    println!("Đã tạo {} đơn vị dưới {} ({}).", created.len(), parent.name, parent.code);
    Ok(())
}

async fn import_households(app: &App, a: ImportHouseholdsArgs) -> CmdResult {
    let village = unit_or_fail(app, &a.village).await?;
    let bytes = read(&a.file)?;
    let r = households::import(app, &cli_actor(), &village, &bytes).await?;
    println!(
        "Đã nhập sổ hộ gia đình {} ({}): thêm {}, cập nhật {}, không đổi {}.",
        village.name, village.code, r.inserted, r.updated, r.unchanged
    );
    Ok(())
}
