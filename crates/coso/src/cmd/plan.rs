//! `coso plan …`: import a plan document and issue it, see who answered, export the aggregate.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use coso_app::reports::{self, aggregate, exports};
use coso_app::{App, plans};

use super::common::{CmdResult, Failure, Global, block_on, cli_actor, config, ensure_official_units, open_app};

#[derive(Debug, Subcommand)]
pub enum PlanCmd {
    /// Read a plan document (.md, .txt, .docx) and issue it for the unit, without the review
    /// step: tasks, target units and the obligations on them (implementing plan, reports).
    Import(ImportArgs),
    /// Each obligation of a plan with the count of target units on time, late, missing and not yet due.
    Status(StatusArgs),
    /// Export the aggregate table of a report period as XLSX (or CSV with --csv).
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The plan document.
    pub file: PathBuf,
    /// Code of the issuing unit.
    #[arg(long, value_name = "CODE")]
    pub unit: String,
    /// `children` (every administrative unit directly below), or unit codes separated by commas.
    #[arg(long, value_name = "children|CODE,CODE,…")]
    pub targets: String,
    /// The year the reports are counted in (default: read from the document).
    #[arg(long, value_name = "YYYY")]
    pub year: Option<i32>,
    /// Print the plan as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[arg(value_name = "PLAN_ID")]
    pub plan: i64,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(value_name = "PLAN_ID")]
    pub plan: i64,
    /// Write the XLSX file here.
    #[arg(long, value_name = "OUT", required_unless_present = "csv")]
    pub xlsx: Option<PathBuf>,
    /// Write a CSV file (UTF-8 with BOM) here.
    #[arg(long, value_name = "OUT")]
    pub csv: Option<PathBuf>,
    /// The occurrence (report period) to export; default: the first report period of the plan.
    #[arg(long, value_name = "ID")]
    pub occurrence: Option<i64>,
}

pub fn run(global: &Global, cmd: PlanCmd) -> CmdResult {
    let cfg = config(global, None, false)?;
    block_on(async {
        let app = open_app(&cfg).await?;
        let result = match cmd {
            PlanCmd::Import(a) => import_plan(&app, a).await,
            PlanCmd::Status(a) => status(&app, a).await,
            PlanCmd::Export(a) => export(&app, a).await,
        };
        app.store().close().await;
        result
    })
}

/// A use case's error, with a plan or period that was not found named as such.
fn failure(e: coso_app::Error) -> Failure {
    match e {
        coso_app::Error::NotFound => Failure::Input("Không tìm thấy kế hoạch hoặc kỳ báo cáo.".into()),
        other => other.into(),
    }
}

async fn import_plan(app: &App, a: ImportArgs) -> CmdResult {
    let actor = cli_actor();
    ensure_official_units(app, &actor).await?;
    let bytes =
        std::fs::read(&a.file).map_err(|e| Failure::Input(format!("Không đọc được tệp {}: {e}", a.file.display())))?;
    let issuer = super::units::unit_or_fail(app, &a.unit).await?;
    let name = a.file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let doc = plans::import::read_document(&name, &bytes, a.year).map_err(failure)?;
    let imported = plans::import_document(app, &actor, &issuer, &a.targets, a.year, doc).await.map_err(failure)?;
    let plan = imported.plan;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&plan).map_err(Failure::other)?);
    } else {
        println!(
            "Đã ban hành kế hoạch số {} (mã {}): {}",
            plan.number.as_deref().unwrap_or("chưa có số"),
            plan.id,
            plan.title
        );
        println!("{} nhiệm vụ; {} đơn vị phải thực hiện.", plan.tasks.len(), plan.target_count);
        for o in &plan.obligations {
            let due = o
                .due
                .map(|d| d.format("%d/%m/%Y").to_string())
                .or_else(|| o.recurring.clone())
                .unwrap_or_else(|| "không ghi hạn".into());
            println!("- {} {}: hạn {due}", o.kind, o.period.map_or("", coso_domain::plan::ReportPeriod::as_str));
        }
        for w in &imported.warnings {
            println!("Lưu ý: {w}");
        }
    }
    Ok(())
}

async fn status(app: &App, a: StatusArgs) -> CmdResult {
    let plan = plans::get(app, &cli_actor(), coso_domain::PlanId(a.plan)).await.map_err(failure)?;
    if a.json {
        let obligations: Vec<serde_json::Value> = plan
            .obligations
            .iter()
            .map(|o| {
                let mut sum = aggregate::StatusCounts::default();
                for c in o.occurrences.iter().filter_map(|oc| oc.counts) {
                    sum.merge(&c);
                }
                serde_json::json!({
                    "id": o.id, "kind": o.kind, "period": o.period, "due": o.due, "recurring": o.recurring,
                    "target_count": o.target_count,
                    "on_time": sum.on_time, "late": sum.late, "missing": sum.missing, "pending": sum.pending,
                    "occurrences": o.occurrences,
                })
            })
            .collect();
        let out = serde_json::json!({ "id": plan.id, "title": plan.title, "obligations": obligations });
        println!("{}", serde_json::to_string_pretty(&out).map_err(Failure::other)?);
    } else {
        println!("{} ({} đơn vị)", plan.title, plan.target_count);
        for o in &plan.obligations {
            for oc in &o.occurrences {
                let c = oc.counts.unwrap_or_default();
                println!(
                    "- {} {} {}: {} đúng hạn, {} trễ hạn, {} chưa nộp, {} chưa đến hạn",
                    o.kind,
                    o.period.map_or("", coso_domain::plan::ReportPeriod::as_str),
                    oc.period_key,
                    c.on_time,
                    c.late,
                    c.missing,
                    c.pending
                );
            }
        }
    }
    Ok(())
}

async fn export(app: &App, a: ExportArgs) -> CmdResult {
    let t = std::time::Instant::now();
    let pv = reports::view(
        app,
        &cli_actor(),
        coso_domain::PlanId(a.plan),
        a.occurrence.map(coso_domain::OccurrenceId),
        None,
    )
    .await
    .map_err(failure)?;
    if let Some(path) = &a.xlsx {
        write(path, &exports::xlsx(&pv.view, &pv.title()).map_err(failure)?)?;
    }
    if let Some(path) = &a.csv {
        write(path, &exports::csv(&pv.view, &pv.title()).map_err(failure)?)?;
    }
    eprintln!("{} đơn vị; {} ms", pv.view.rows.len(), t.elapsed().as_millis());
    Ok(())
}

/// Writes through a temporary file and a rename, so a crash never leaves half a file.
fn write(path: &std::path::Path, bytes: &[u8]) -> Result<(), Failure> {
    let tmp = path.with_extension("tmp-coso");
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| Failure::Input(format!("Không ghi được tệp {}: {e}", path.display())))
}
