//! `coso units …`: the official list, listing and searching units, and CSV imports of
//! villages, agencies and household registers.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use coso_domain::authz::{Action, Grant, Role, authorize};
use coso_domain::unit::UnitKind;
use coso_domain::{household_import, unit_import};
use coso_store::{Store, StoreError, UnitRow};

use super::common::{CmdResult, Failure, Global, block_on, cli_actor, config, open, today};
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
        let store = open(&cfg).await?;
        let result = match cmd {
            UnitsCmd::LoadOfficial => load_official(&store).await,
            UnitsCmd::List(a) => list(&store, a).await,
            UnitsCmd::Import(a) => import_units(&store, a).await,
            UnitsCmd::ImportHouseholds(a) => import_households(&store, a).await,
        };
        store.close().await;
        result
    })
}

async fn load_official(store: &Store) -> CmdResult {
    let r = store.load_official_units(&cli_actor()).await.map_err(Failure::other)?;
    println!("Danh mục đơn vị hành chính chính thức: thêm {} đơn vị, {} đơn vị đã có.", r.inserted, r.already_present);
    Ok(())
}

pub async fn unit_or_fail(store: &Store, code: &str) -> Result<UnitRow, Failure> {
    store
        .unit_by_code(code.trim())
        .await
        .map_err(Failure::other)?
        .ok_or_else(|| Failure::Input(format!("Không tìm thấy đơn vị có mã «{}».", code.trim())))
}

fn read(file: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(file).map_err(|e| Failure::Input(format!("Không đọc được tệp {}: {e}", file.display())))
}

async fn import_units(store: &Store, a: ImportArgs) -> CmdResult {
    let parent = unit_or_fail(store, &a.parent).await?;
    let kind = parent
        .unit_kind()
        .ok_or_else(|| Failure::Other(format!("đơn vị {} có loại lạ «{}»", parent.code, parent.kind)))?;
    let bytes = read(&a.file)?;
    let rows = unit_import::parse_csv(&bytes, kind, today()).map_err(Failure::Rows)?;
    if rows.is_empty() {
        return Err(Failure::Input(format!("Tệp {} không có dòng dữ liệu nào.", a.file.display())));
    }
    match store.create_units(&parent, &rows, &cli_actor()).await {
        Ok(created) => {
            println!("Đã tạo {} đơn vị dưới {} ({}).", created.len(), parent.name, parent.code);
            Ok(())
        }
        Err(StoreError::Rows(rows)) => Err(Failure::Rows(rows)),
        Err(e) => Err(Failure::other(e)),
    }
}

async fn import_households(store: &Store, a: ImportHouseholdsArgs) -> CmdResult {
    let village = unit_or_fail(store, &a.village).await?;
    if !village.unit_kind().is_some_and(UnitKind::has_households) {
        return Err(Failure::Input(format!(
            "«{}» ({}) là {}: chỉ thôn và tổ dân phố có sổ hộ gia đình.",
            village.name,
            village.code,
            village.kind_label().to_lowercase()
        )));
    }
    let bytes = read(&a.file)?;
    let parsed = household_import::parse_csv(&bytes, today()).map_err(Failure::Rows)?;
    // The command line acts as the system: an administrator's permit on the village.
    let grants = [Grant { role: Role::Admin, unit: village.unit_path() }];
    let permit = authorize(&grants, &village.unit_path(), Action::ManageHouseholds).map_err(Failure::other)?;
    match store.import_households(&permit, &village, parsed.rows, &cli_actor()).await {
        Ok(r) => {
            println!(
                "Đã nhập sổ hộ gia đình {} ({}): thêm {}, cập nhật {}, không đổi {}.",
                village.name, village.code, r.inserted, r.updated, r.unchanged
            );
            Ok(())
        }
        Err(StoreError::Rows(rows)) => Err(Failure::Rows(rows)),
        Err(StoreError::Conflict { message, .. }) => Err(Failure::Input(message)),
        Err(e) => Err(Failure::other(e)),
    }
}
