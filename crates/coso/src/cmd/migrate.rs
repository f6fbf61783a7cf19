//! `coso migrate`: applies the database migrations and nothing else.

use super::common::{CmdResult, Global, block_on, config, open};

pub fn run(global: &Global) -> CmdResult {
    let cfg = config(global, None, false)?;
    block_on(async {
        let store = open(&cfg).await?;
        store.close().await;
        println!("Đã cập nhật cấu trúc cơ sở dữ liệu: {}", cfg.database_url);
        Ok(())
    })
}
