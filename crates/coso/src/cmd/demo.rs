//! `coso demo`: loads the demo data (Hà Tĩnh), after the migrations and official units.

use clap::Args;
use coso_demo::DemoError;

use super::common::{CmdResult, Failure, Global, block_on, cli_actor, config, ensure_official_units, open_app};

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Load even if the database already holds accounts, households or created units
    /// (only what is missing is added).
    #[arg(long)]
    pub force: bool,
}

pub fn run(global: &Global, args: DemoArgs) -> CmdResult {
    let cfg = config(global, None, false)?;
    block_on(async {
        let app = open_app(&cfg).await?;
        let result = async {
            ensure_official_units(&app, &cli_actor()).await?;
            let report = coso_demo::load_demo(&app, args.force).await.map_err(demo_failure)?;
            print!("{report}");
            Ok(())
        }
        .await;
        app.store().close().await;
        result
    })
}

pub fn demo_failure(e: DemoError) -> Failure {
    match e {
        DemoError::NotEmpty | DemoError::OfficialUnitsMissing(_) => Failure::Input(e.to_string()),
        _ => Failure::Other(e.to_string()),
    }
}
