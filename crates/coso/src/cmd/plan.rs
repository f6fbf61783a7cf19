//! `coso plan …`: import a plan document and issue it, see who answered, export the aggregate.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use coso_domain::plan::TargetSpec;
use coso_reporting::{ReportingError, aggregate, exports, import, plan_json, templates};
use coso_store::Store;

use super::common::{CmdResult, Failure, Global, block_on, cli_actor, config, ensure_official_units, open, today};

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
        let store = open(&cfg).await?;
        let result = match cmd {
            PlanCmd::Import(a) => import_plan(&store, a).await,
            PlanCmd::Status(a) => status(&store, a).await,
            PlanCmd::Export(a) => export(&store, a).await,
        };
        store.close().await;
        result
    })
}

fn failure(e: ReportingError) -> Failure {
    match e {
        ReportingError::Invalid(errs) => Failure::Input(
            errs.into_iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("\n"),
        ),
        ReportingError::NotFound => Failure::Input("Không tìm thấy kế hoạch hoặc kỳ báo cáo.".into()),
        ReportingError::BadInput(m) | ReportingError::Conflict(m) => Failure::Input(m),
        other => Failure::other(other),
    }
}

async fn import_plan(store: &Store, a: ImportArgs) -> CmdResult {
    ensure_official_units(store, &cli_actor()).await?;
    let bytes =
        std::fs::read(&a.file).map_err(|e| Failure::Input(format!("Không đọc được tệp {}: {e}", a.file.display())))?;
    let issuer = super::units::unit_or_fail(store, &a.unit).await?;
    let spec = TargetSpec::parse(&a.targets).map_err(|e| Failure::Input(e.message))?;
    let name = a.file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let doc = import::read_document(&name, &bytes, a.year).map_err(failure)?;
    let draft = import::draft_of(&doc, a.year);
    let targets = import::resolve_targets(store, &issuer, &spec, today()).await.map_err(failure)?;
    let template_id = templates::ensure_default(store).await.map_err(failure)?;
    let actor = cli_actor();
    let req = import::Issue {
        issuer: &issuer,
        draft: &draft,
        document: Some(&doc),
        targets: &targets,
        template_id,
        parent_plan_id: None,
        actor: &actor,
    };
    let id = import::issue(store, req).await.map_err(failure)?;
    let plan = plan_json::plan_json(store, id, None).await.map_err(failure)?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&plan).map_err(Failure::other)?);
    } else {
        println!(
            "Đã ban hành kế hoạch số {} (mã {id}): {}",
            plan.number.as_deref().unwrap_or("chưa có số"),
            plan.title
        );
        println!("{} nhiệm vụ; {} đơn vị phải thực hiện.", plan.tasks.len(), plan.target_count);
        for o in &plan.obligations {
            let due = o
                .due
                .map(|d| d.format("%d/%m/%Y").to_string())
                .or_else(|| o.recurring.clone())
                .unwrap_or_else(|| "không ghi hạn".into());
            println!("- {} {}: hạn {due}", o.kind, o.period.as_deref().unwrap_or(""));
        }
        for w in &doc.warnings {
            println!("Lưu ý: {w}");
        }
    }
    Ok(())
}

async fn status(store: &Store, a: StatusArgs) -> CmdResult {
    let plan = plan_json::plan_json(store, a.plan, Some(today())).await.map_err(failure)?;
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
                    o.period.as_deref().unwrap_or(""),
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

async fn export(store: &Store, a: ExportArgs) -> CmdResult {
    let plan = store
        .plan(a.plan)
        .await
        .map_err(Failure::other)?
        .ok_or_else(|| Failure::Input(format!("Không có kế hoạch mã {}.", a.plan)))?;
    let issuer = store
        .unit_by_id(coso_domain::UnitId(plan.unit_id))
        .await
        .map_err(Failure::other)?
        .ok_or_else(|| Failure::Other("đơn vị ban hành không còn".into()))?;
    let obligations = store.obligations(a.plan).await.map_err(Failure::other)?;
    let occurrence = match a.occurrence {
        Some(o) => o,
        None => obligations
            .iter()
            .filter(|o| o.kind == "report")
            .flat_map(|o| o.occurrences.iter())
            .map(|oc| oc.id)
            .next()
            .ok_or_else(|| Failure::Input("Kế hoạch không yêu cầu báo cáo nào.".into()))?,
    };
    let template_id = obligations
        .iter()
        .find(|o| o.occurrences.iter().any(|oc| oc.id == occurrence))
        .and_then(|o| o.template_id)
        .ok_or_else(|| Failure::Input(format!("Kỳ {occurrence} không phải kỳ báo cáo của kế hoạch này.")))?;
    let template = templates::load(store, template_id).await.map_err(failure)?;
    let t = std::time::Instant::now();
    let view =
        aggregate::aggregate(store, &template, a.plan, occurrence, Some(&issuer), today()).await.map_err(failure)?;
    let title =
        format!("Tổng hợp {} — {}", coso_reporting::inbox::what("report", &view.period_key).to_lowercase(), plan.title);
    if let Some(path) = &a.xlsx {
        write(path, &exports::xlsx(&view, &title).map_err(failure)?)?;
    }
    if let Some(path) = &a.csv {
        write(path, &exports::csv(&view, &title).map_err(failure)?)?;
    }
    eprintln!("{} đơn vị; {} ms", view.rows.len(), t.elapsed().as_millis());
    Ok(())
}

/// Writes through a temporary file and a rename, so a crash never leaves half a file.
fn write(path: &std::path::Path, bytes: &[u8]) -> Result<(), Failure> {
    let tmp = path.with_extension("tmp-coso");
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| Failure::Input(format!("Không ghi được tệp {}: {e}", path.display())))
}
