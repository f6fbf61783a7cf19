//! `coso backup --to FILE`: a consistent copy of the SQLite database, even while `coso serve`
//! is writing to it. PostgreSQL is backed up with `pg_dump`; the command says how.

use std::path::PathBuf;

use clap::Args;
use coso_store::sqlite_file::{self, FileError, FileSummary};

use super::common::{CmdResult, Failure, Global, block_on, config};

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The copy to write (refused if it exists, unless --force).
    #[arg(long, value_name = "FILE")]
    pub to: PathBuf,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(global: &Global, args: BackupArgs) -> CmdResult {
    let cfg = config(global, None, false)?;
    let Some(db) = sqlite_file::sqlite_path(cfg.database_url.expose()) else {
        return Err(Failure::Input(format!(
            "cơ sở dữ liệu {} là PostgreSQL: hãy sao lưu bằng pg_dump, ví dụ\n  pg_dump --format=custom --file={} '{}'\n\
             (khôi phục bằng pg_restore; xem README, mục «Sao lưu và khôi phục»)",
            cfg.database_url,
            args.to.display(),
            cfg.database_url
        )));
    };
    block_on(async {
        let copy = sqlite_file::backup(&db, &args.to, args.force).await.map_err(file_failure)?;
        println!("Đã sao lưu {} vào {} ({}).", db.display(), copy.path.display(), size_text(copy.bytes));
        print_tables(&copy);
        Ok(())
    })
}

/// The schema version and every table with its row count.
pub fn print_tables(summary: &FileSummary) {
    println!("Phiên bản cấu trúc: {}", summary.schema_version);
    let width = summary.tables.iter().map(|t| t.table.len()).max().unwrap_or(0);
    for t in &summary.tables {
        println!("  {:width$}  {:>9} dòng", t.table, t.rows);
    }
}

/// A size in bytes as an administrator reads it.
pub fn size_text(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if b >= KIB * KIB { format!("{:.1} MiB", b / KIB / KIB) } else { format!("{:.1} KiB", b / KIB) }
}

/// What the administrator can fix (a path, a flag, a stopped server) exits with 2; a failing
/// disk or database with 1.
pub fn file_failure(e: FileError) -> Failure {
    match e {
        FileError::Io(..) | FileError::Database(_) => Failure::Other(e.to_string()),
        _ => Failure::Input(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_kib_and_mib() {
        assert_eq!(size_text(512), "0.5 KiB");
        assert_eq!(size_text(3 * 1024 * 1024 + 104_858), "3.1 MiB");
    }
}
