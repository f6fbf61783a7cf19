//! The issuing body when the header does not give it, and the plan's period.
//!
//! Converted documents often lose the header table, but the enacting clause still names the
//! body (`UBND tỉnh ban hành Kế hoạch…`, `Trên đây là kế hoạch … của Ủy ban nhân dân thị trấn
//! Vạn Giã`). A level without a name (`UBND tỉnh`) is completed with the place of issue.

use std::sync::LazyLock;

use regex::Regex;

use crate::dates;

const LEVELS: &str = "tỉnh|thành phố|thị xã|thị trấn|huyện|quận|xã|phường|đặc khu";

static ENACTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(?P<level>{LEVELS})(?P<name>(?:\s+\p{{Lu}}[\p{{L}}\-]*)*)\s+(?:ban hành|xây dựng|triển khai|thông báo|báo cáo|quyết định|hướng dẫn|yêu cầu|tổ chức)\b"
    ))
    .expect("static regex")
});
static CLOSING_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\bcủa\s+(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(?P<level>{LEVELS})(?P<name>(?:\s+\p{{Lu}}[\p{{L}}\-]*)*)"
    ))
    .expect("static regex")
});
static ISSUER_LEVEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(?P<level>{LEVELS})\b")).expect("static regex")
});

/// The people's committee named as the author in the preamble or the closing.
pub(crate) fn infer(preamble: &[String], closing: &[String], place: Option<&str>) -> Option<String> {
    let from = |re: &Regex, lines: &[String]| {
        lines.iter().find_map(|l| {
            re.captures(l).map(|c| {
                let level = c.name("level").map_or("", |m| m.as_str());
                let name = c.name("name").map_or("", |m| m.as_str()).trim();
                (level.to_string(), name.to_string())
            })
        })
    };
    let (level, name) =
        from(&ENACTING, preamble).or_else(|| from(&ENACTING, closing)).or_else(|| from(&CLOSING_OF, closing))?;
    let name = if name.is_empty() { place?.to_string() } else { name };
    Some(format!("Ủy ban nhân dân {level} {name}"))
}

/// The level of a people's committee issuer (`Ủy ban nhân dân thị trấn Vạn Giã` → `thị trấn`).
pub(crate) fn level(issuer: &str) -> Option<String> {
    ISSUER_LEVEL.captures(issuer).and_then(|c| c.name("level")).map(|m| m.as_str().to_string())
}

static UNTIL_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:đến|tới)\s+(?:hết\s+)?(?:năm\s+)?(\d{4})\b").expect("static regex"));
static SPAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)giai đoạn\s+\d{4}\s*[-–—]\s*(\d{4})\b").expect("static regex"));
static IN_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bnăm\s+(\d{4})\b").expect("static regex"));

/// Last day of the period a plan's title covers: `đến hết năm 2023`, `giai đoạn 2021-2025`,
/// or the single year of a yearly plan (`… năm 2024`).
pub(crate) fn plan_period_end(title: &str) -> Option<String> {
    let year = |re: &Regex| re.captures(title).and_then(|c| c.get(1)).and_then(|m| m.as_str().parse::<i32>().ok());
    let y = year(&UNTIL_YEAR)
        .or_else(|| year(&SPAN))
        .or_else(|| IN_YEAR.captures_iter(title).filter_map(|c| c.get(1)?.as_str().parse::<i32>().ok()).last())?;
    dates::iso(y, 12, 31)
}

/// The last year named in a title (`… năm 2024`), used for dates written without a year.
pub(crate) fn title_year(title: &str) -> Option<i32> {
    IN_YEAR.captures_iter(title).filter_map(|c| c.get(1)?.as_str().parse::<i32>().ok()).last()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn from_enacting_clause_or_closing() {
        assert_eq!(
            infer(&v(&["UBND tỉnh ban hành Kế hoạch như sau:"]), &[], Some("Bình Phước")).as_deref(),
            Some("Ủy ban nhân dân tỉnh Bình Phước")
        );
        assert_eq!(
            infer(&v(&["Căn cứ Luật; UBND thị trấn Vạn Giã xây dựng kế hoạch"]), &[], Some("X")).as_deref(),
            Some("Ủy ban nhân dân thị trấn Vạn Giã")
        );
        assert_eq!(
            infer(&[], &v(&["Trên đây là kế hoạch của Ủy ban nhân dân xã Tân Lập./."]), None).as_deref(),
            Some("Ủy ban nhân dân xã Tân Lập")
        );
        assert_eq!(level("Ủy ban nhân dân thị trấn Vạn Giã").as_deref(), Some("thị trấn"));
    }

    #[test]
    fn plan_periods() {
        assert_eq!(plan_period_end("Thực hiện … đến hết năm 2023").as_deref(), Some("2023-12-31"));
        assert_eq!(plan_period_end("giai đoạn 2021-2025").as_deref(), Some("2025-12-31"));
        assert_eq!(plan_period_end("Thực hiện dân chủ năm 2024").as_deref(), Some("2024-12-31"));
        assert_eq!(plan_period_end("Thực hiện dân chủ"), None);
    }
}
