//! `coso calendar …`: lunar dates, holidays, working days and legal deadlines.
//!
//! Every subcommand prints Vietnamese text, or JSON with `--json` (the JSON shapes are a
//! contract with scripts and the web). Bad input prints a Vietnamese error naming what is
//! wrong on stderr and exits with code 2.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use coso_calendar::{
    Announcement, CalendarError, Circumstances, Complexity, HolidayCalendar, LunarDate, RuleBook, compute_deadline,
    day_name, format_vn, lunar_to_solar, month_name, parse_iso_date, solar_to_lunar, weekday_vn, year_name,
};
use serde_json::{Value, json};

#[derive(Debug, clap::Subcommand)]
pub enum CalendarCmd {
    /// Đổi ngày dương lịch sang âm lịch (giờ Việt Nam, UTC+7).
    Lunar {
        /// Ngày dương lịch, dạng YYYY-MM-DD (01/01/1900 – 31/12/2199).
        date: String,
        /// In kết quả dạng JSON.
        #[arg(long)]
        json: bool,
    },
    /// Đổi ngày âm lịch sang dương lịch.
    Solar {
        /// Năm âm lịch (năm dương lịch có Tết của năm đó).
        year: String,
        /// Tháng âm lịch, 1–12.
        month: String,
        /// Ngày âm lịch, 1–30.
        day: String,
        /// Tháng nhuận.
        #[arg(long)]
        leap: bool,
        /// In kết quả dạng JSON.
        #[arg(long)]
        json: bool,
    },
    /// Các ngày nghỉ lễ, Tết, nghỉ bù, nghỉ hoán đổi và ngày làm bù của một năm.
    Holidays {
        /// Năm dương lịch (1900–2199).
        year: String,
        /// Tệp JSON (một mảng) các thông báo lịch nghỉ bổ sung hoặc thay thế.
        #[arg(long, value_name = "FILE")]
        announcements: Option<PathBuf>,
        /// In kết quả dạng JSON.
        #[arg(long)]
        json: bool,
    },
    /// Ngày làm việc thứ N sau một ngày (không tính ngày bắt đầu).
    AddWorkingDays {
        /// Ngày bắt đầu, dạng YYYY-MM-DD.
        date: String,
        /// Số ngày làm việc (số nguyên không âm).
        #[arg(allow_negative_numbers = true)]
        n: String,
        /// Tệp JSON (một mảng) các thông báo lịch nghỉ bổ sung hoặc thay thế.
        #[arg(long, value_name = "FILE")]
        announcements: Option<PathBuf>,
        /// In kết quả dạng JSON.
        #[arg(long)]
        json: bool,
    },
    /// Tính thời hạn theo một quy tắc pháp lý, kèm giải thích.
    Deadline {
        /// Mã quy tắc, ví dụ complaint.first (xem `coso calendar rules`).
        rule: String,
        /// Ngày của sự kiện làm mốc, dạng YYYY-MM-DD.
        #[arg(long)]
        from: String,
        /// Vụ việc phức tạp.
        #[arg(long)]
        complex: bool,
        /// Vụ việc đặc biệt phức tạp.
        #[arg(long)]
        especially_complex: bool,
        /// Vùng sâu, vùng xa đi lại khó khăn.
        #[arg(long)]
        remote: bool,
        /// Tệp JSON (một mảng) các thông báo lịch nghỉ bổ sung hoặc thay thế.
        #[arg(long, value_name = "FILE")]
        announcements: Option<PathBuf>,
        /// In kết quả dạng JSON.
        #[arg(long)]
        json: bool,
    },
    /// Danh sách các quy tắc thời hạn, căn cứ và thời gian hiệu lực.
    Rules {
        /// In kết quả dạng JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Errors of this command: the library's, plus reading an announcements file.
#[derive(Debug)]
enum CmdError {
    Calendar(CalendarError),
    File(PathBuf, std::io::Error),
}

impl From<CalendarError> for CmdError {
    fn from(e: CalendarError) -> Self {
        CmdError::Calendar(e)
    }
}

impl std::fmt::Display for CmdError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CmdError::Calendar(e) => write!(f, "{e}"),
            CmdError::File(path, e) => write!(f, "không đọc được tệp thông báo lịch nghỉ «{}»: {e}", path.display()),
        }
    }
}

pub fn run(cmd: CalendarCmd) -> ExitCode {
    match execute(cmd) {
        Ok(output) => {
            println!("{output}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lỗi: {e}");
            ExitCode::from(2)
        }
    }
}

fn parse_number(field: &str, input: &str, min: i64, max: i64) -> Result<i64, CalendarError> {
    let invalid = || CalendarError::InvalidNumber {
        field: field.to_owned(),
        input: input.chars().take(40).collect(),
        expected: format!(" từ {min} đến {max}"),
    };
    let n: i64 = input.trim().parse().map_err(|_| invalid())?;
    if (min..=max).contains(&n) { Ok(n) } else { Err(invalid()) }
}

fn small(field: &str, input: &str, min: i64, max: i64) -> Result<u8, CalendarError> {
    u8::try_from(parse_number(field, input, min, max)?).map_err(|_| CalendarError::InvalidNumber {
        field: field.to_owned(),
        input: input.to_owned(),
        expected: String::new(),
    })
}

fn year_arg(input: &str) -> Result<i32, CalendarError> {
    let y: i32 = input.trim().parse().map_err(|_| CalendarError::InvalidNumber {
        field: "năm".to_owned(),
        input: input.chars().take(40).collect(),
        expected: String::new(),
    })?;
    coso_calendar::dates::check_year(y)
}

fn calendar(announcements: Option<&PathBuf>) -> Result<HolidayCalendar, CmdError> {
    match announcements {
        None => Ok(HolidayCalendar::builtin().clone()),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| CmdError::File(path.clone(), e))?;
            Ok(HolidayCalendar::new(Announcement::list_from_json(&text)?)?)
        }
    }
}

fn date_with_weekday(date: NaiveDate) -> String {
    format!("{} ({})", format_vn(date), weekday_vn(chrono::Datelike::weekday(&date)))
}

fn lunar_json(solar: NaiveDate, lunar: LunarDate) -> Value {
    json!({
        "solar": solar.to_string(),
        "lunar": lunar,
        "year_name": year_name(lunar.year),
        "month_name": month_name(lunar.year, lunar.month),
        "day_name": day_name(solar),
        "text": lunar.to_vietnamese_text(),
    })
}

fn lunar_text(solar: NaiveDate, lunar: LunarDate) -> String {
    format!(
        "Dương lịch: {}\nÂm lịch: {}\nNgày {}, tháng {}, năm {}",
        date_with_weekday(solar),
        lunar.to_vietnamese_text(),
        day_name(solar),
        month_name(lunar.year, lunar.month),
        year_name(lunar.year)
    )
}

fn render(json: bool, value: Value, text: impl FnOnce() -> String) -> String {
    if json { serde_json::to_string_pretty(&value).unwrap_or_else(|_| value.to_string()) } else { text() }
}

fn execute(cmd: CalendarCmd) -> Result<String, CmdError> {
    match cmd {
        CalendarCmd::Lunar { date, json } => {
            let solar = parse_iso_date(&date)?;
            let lunar = solar_to_lunar(solar)?;
            Ok(render(json, lunar_json(solar, lunar), || lunar_text(solar, lunar)))
        }
        CalendarCmd::Solar { year, month, day, leap, json } => {
            let year = parse_number("năm âm lịch", &year, 1899, 2199)?;
            let lunar = LunarDate::new(
                i32::try_from(year).map_err(|_| CalendarError::YearOutOfRange(0))?,
                small("tháng âm lịch", &month, 1, 12)?,
                small("ngày âm lịch", &day, 1, 30)?,
                leap,
            );
            let solar = lunar_to_solar(lunar)?;
            Ok(render(json, lunar_json(solar, lunar), || lunar_text(solar, lunar)))
        }
        CalendarCmd::Holidays { year, announcements, json } => {
            let year = year_arg(&year)?;
            let cal = calendar(announcements.as_ref())?;
            let y = cal.year(year)?;
            let value = serde_json::to_value(y).unwrap_or(Value::Null);
            Ok(render(json, value, || {
                let mut s = format!("Lịch nghỉ năm {year} của cán bộ, công chức, viên chức\n");
                match &y.source {
                    Some(src) => s.push_str(&format!("Căn cứ: {src}\n")),
                    None => s.push_str("Chưa có thông báo chính thức cho năm này.\n"),
                }
                if let Some(rule) = &y.default_rule {
                    s.push_str(&format!("{rule}\n"));
                }
                s.push_str("Ngày nghỉ (không kể thứ Bảy, Chủ nhật):\n");
                for d in &y.days_off {
                    s.push_str(&format!("  {} – {}\n", date_with_weekday(d.date), d.name));
                }
                if !y.working_saturdays.is_empty() {
                    s.push_str("Ngày làm bù:\n");
                    for d in &y.working_saturdays {
                        s.push_str(&format!("  {}\n", date_with_weekday(*d)));
                    }
                }
                s.truncate(s.trim_end().len());
                s
            }))
        }
        CalendarCmd::AddWorkingDays { date, n, announcements, json } => {
            let start = parse_iso_date(&date)?;
            let n = u32::try_from(parse_number("số ngày làm việc", &n, 0, 100_000)?)
                .map_err(|_| CalendarError::ArithmeticOutOfRange)?;
            let cal = calendar(announcements.as_ref())?;
            let result = cal.add_working_days(start, n)?;
            Ok(render(json, json!({"date": result.to_string(), "from": start.to_string(), "working_days": n}), || {
                format!("{n} ngày làm việc sau {}: {}", date_with_weekday(start), date_with_weekday(result))
            }))
        }
        CalendarCmd::Deadline { rule, from, complex, especially_complex, remote, announcements, json } => {
            let from = parse_iso_date(&from)?;
            let complexity = if especially_complex {
                Complexity::EspeciallyComplex
            } else if complex {
                Complexity::Complex
            } else {
                Complexity::Normal
            };
            let cal = calendar(announcements.as_ref())?;
            let d = compute_deadline(RuleBook::builtin(), &cal, &rule, from, Circumstances { complexity, remote })?;
            let text = d.explanation.to_vietnamese_text();
            let value = json!({
                "rule": d.rule,
                "title": d.title,
                "from": d.from.to_string(),
                "due": d.due.to_string(),
                "raw_due": d.raw_due.to_string(),
                "count": d.count,
                "unit": d.unit,
                "direction": d.direction,
                "bound": d.bound,
                "citation": d.citation,
                "status": d.status,
                "valid_from": d.valid_from.to_string(),
                "valid_to": d.valid_to.map(|x| x.to_string()),
                "rolled_forward": d.rolled_forward,
                "explanation": text,
                "explanation_detail": d.explanation,
            });
            Ok(render(json, value, || text.clone()))
        }
        CalendarCmd::Rules { json } => {
            let rules = RuleBook::builtin().rules();
            let list: Vec<Value> = rules
                .iter()
                .map(|r| {
                    json!({
                        "id": r.id,
                        "description": r.title,
                        "event": r.event,
                        "citation": r.citation.to_text(),
                        "count": r.count,
                        "unit": r.unit,
                        "direction": r.direction,
                        "bound": r.bound,
                        "variants": r.variants,
                        "extension": r.extension,
                        "status": r.status,
                        "valid_from": r.valid_from.to_string(),
                        "valid_to": r.valid_to.map(|x| x.to_string()),
                        "roll_forward": r.rolls_forward(),
                        "district_level": r.district_level,
                        "note": r.note,
                    })
                })
                .collect();
            Ok(render(json, json!({ "rules": list }), || {
                let mut s = String::new();
                for r in rules {
                    s.push_str(&format!(
                        "{} – {}: {} {} {} «{}»; {} ({}; {}).\n",
                        r.id,
                        r.title,
                        r.count,
                        r.unit.name_vn(),
                        match r.direction {
                            coso_calendar::Direction::After => "sau",
                            coso_calendar::Direction::Before => "trước",
                        },
                        r.event.to_lowercase(),
                        r.citation.to_text(),
                        r.validity_vn(),
                        r.status.label_vn()
                    ));
                }
                s.truncate(s.trim_end().len());
                s
            }))
        }
    }
}
