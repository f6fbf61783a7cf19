//! `coso case stats`: what happened to the cases a unit's subtree received in a period.

use clap::{Args, Subcommand};
use coso_app::{cases, units};
use coso_domain::field;

use super::common::{CmdResult, Failure, Global, block_on, cli_actor, config, open_app};

#[derive(Debug, Subcommand)]
pub enum CaseCmd {
    /// Per kind of case: received, accepted, resolved on time and late, open and overdue.
    Stats(StatsArgs),
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Code of the unit; its whole subtree is counted.
    #[arg(long, value_name = "CODE")]
    pub unit: String,
    /// First day of receipt (yyyy-mm-dd or dd/mm/yyyy).
    #[arg(long)]
    pub from: String,
    /// Last day of receipt.
    #[arg(long)]
    pub to: String,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(global: &Global, cmd: CaseCmd) -> CmdResult {
    match cmd {
        CaseCmd::Stats(a) => stats(global, a),
    }
}

fn stats(global: &Global, a: StatsArgs) -> CmdResult {
    let from = field::date("from", "Ngày bắt đầu", &a.from).map_err(|e| Failure::Input(e.message))?;
    let to = field::date("to", "Ngày kết thúc", &a.to).map_err(|e| Failure::Input(e.message))?;
    let cfg = config(global, None, false)?;
    block_on(async {
        let app = open_app(&cfg).await?;
        let result = async {
            let unit = units::by_code(&app, &a.unit).await?;
            cases::stats(&app, &cli_actor(), &unit, from, to).await
        }
        .await;
        app.store().close().await;
        let stats = result.map_err(|e| match e {
            coso_app::Error::NotFound => Failure::Input(format!("Không có đơn vị mã «{}».", a.unit)),
            other => other.into(),
        })?;
        if a.json {
            println!("{}", serde_json::to_string_pretty(&stats).map_err(Failure::other)?);
            return Ok(());
        }
        println!(
            "Đơn thư của {} ({}) tiếp nhận từ {} đến {}:",
            stats.unit_name,
            stats.unit_code,
            coso_calendar::format_vn(stats.from),
            coso_calendar::format_vn(stats.to)
        );
        println!(
            "{:<48} {:>9} {:>8} {:>10} {:>9} {:>9} {:>9}",
            "Loại", "Tiếp nhận", "Thụ lý", "Đúng hạn", "Trễ hạn", "Quá hạn", "Đang xử lý"
        );
        for k in &stats.kinds {
            println!(
                "{:<48} {:>9} {:>8} {:>10} {:>9} {:>9} {:>9}",
                k.label, k.received, k.accepted, k.resolved_on_time, k.resolved_late, k.open_overdue, k.open
            );
        }
        print_lines(&stats);
        Ok(())
    })
}

/// The lines of the rollup that received cases (a unit per line), and the satisfaction.
fn print_lines(stats: &cases::CaseStats) {
    use coso_domain::case::CaseKind;
    let received = |l: &cases::UnitLine, k: CaseKind| l.kind(k).map_or(0, |x| x.received);
    let busy: Vec<&cases::UnitLine> = stats.lines.iter().filter(|l| l.received() > 0).collect();
    if !busy.is_empty() {
        println!();
        println!("Theo đơn vị (số đơn tiếp nhận):");
        println!("{:<48} {:>9} {:>9} {:>7} {:>9}", "Đơn vị", "Phản ánh", "Khiếu nại", "Tố cáo", "Thông tin");
        for l in busy {
            let name = if l.own { format!("{} (trực tiếp)", l.unit_name) } else { l.unit_name.clone() };
            println!(
                "{:<48} {:>9} {:>9} {:>7} {:>9}",
                name,
                received(l, CaseKind::Petition),
                received(l, CaseKind::Complaint),
                received(l, CaseKind::Denunciation),
                received(l, CaseKind::Information)
            );
        }
    }
    if let Some(avg) = stats.satisfaction.average {
        println!();
        println!("Mức độ hài lòng: {avg:.1}/5 ({} lượt đánh giá).", stats.satisfaction.rated);
    }
}
