//! `coso restore --from FILE`: replaces the configured SQLite database by a backup, after
//! checking that the backup is a sound coso database. PostgreSQL is restored with
//! `pg_restore`; the command says how.

use std::path::PathBuf;

use clap::Args;
use coso_store::sqlite_file;

use super::backup::{file_failure, print_tables, size_text};
use super::common::{CmdResult, Failure, Global, block_on, config};

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup to restore (made by `coso backup`).
    #[arg(long, value_name = "FILE")]
    pub from: PathBuf,
    /// Replace the database even if it holds data.
    #[arg(long)]
    pub force: bool,
}

pub fn run(global: &Global, args: RestoreArgs) -> CmdResult {
    let cfg = config(global, None, false)?;
    let Some(db) = sqlite_file::sqlite_path(cfg.database_url.expose()) else {
        return Err(Failure::Input(format!(
            "cơ sở dữ liệu {} là PostgreSQL: hãy khôi phục bằng pg_restore vào một cơ sở dữ liệu trống, ví dụ\n  \
             pg_restore --no-owner --exit-on-error --dbname='{}' {}\n(xem README, mục «Sao lưu và khôi phục»)",
            cfg.database_url,
            cfg.database_url,
            args.from.display()
        )));
    };
    block_on(async {
        let restored = sqlite_file::restore(&args.from, &db, args.force).await.map_err(file_failure)?;
        println!(
            "Đã khôi phục {} từ {} ({}).",
            restored.path.display(),
            args.from.display(),
            size_text(restored.bytes)
        );
        print_tables(&restored);
        Ok(())
    })
}
