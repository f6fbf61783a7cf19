//! Units: provinces, communes, wards, special zones, historic districts, villages, residential
//! groups, agencies and departments, with their validity periods.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::field::{self, Errors, FieldError};

/// The day the two-tier local government began and districts ceased (Law 72/2025/QH15).
pub const TWO_TIER_START: NaiveDate = match NaiveDate::from_ymd_opt(2025, 7, 1) {
    Some(d) => d,
    None => panic!("valid constant date"),
};

/// What kind of unit this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Province,
    Commune,
    Ward,
    SpecialZone,
    /// Historic only: abolished on 2025-07-01.
    District,
    Village,
    ResidentialGroup,
    Agency,
    Department,
}

impl UnitKind {
    pub const ALL: [UnitKind; 9] = [
        UnitKind::Province,
        UnitKind::Commune,
        UnitKind::Ward,
        UnitKind::SpecialZone,
        UnitKind::District,
        UnitKind::Village,
        UnitKind::ResidentialGroup,
        UnitKind::Agency,
        UnitKind::Department,
    ];

    /// The stable machine name used in the database, the API and CSV files.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Province => "province",
            UnitKind::Commune => "commune",
            UnitKind::Ward => "ward",
            UnitKind::SpecialZone => "special_zone",
            UnitKind::District => "district",
            UnitKind::Village => "village",
            UnitKind::ResidentialGroup => "residential_group",
            UnitKind::Agency => "agency",
            UnitKind::Department => "department",
        }
    }

    pub fn parse(s: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    /// The Vietnamese name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            UnitKind::Province => "Tỉnh, thành phố",
            UnitKind::Commune => "Xã",
            UnitKind::Ward => "Phường",
            UnitKind::SpecialZone => "Đặc khu",
            UnitKind::District => "Huyện (trước 01/7/2025)",
            UnitKind::Village => "Thôn",
            UnitKind::ResidentialGroup => "Tổ dân phố",
            UnitKind::Agency => "Cơ quan",
            UnitKind::Department => "Phòng, ban",
        }
    }

    /// Commune-level units: communes, wards and special zones.
    pub fn is_commune_level(self) -> bool {
        matches!(self, UnitKind::Commune | UnitKind::Ward | UnitKind::SpecialZone)
    }

    /// Units that keep a household register.
    pub fn has_households(self) -> bool {
        matches!(self, UnitKind::Village | UnitKind::ResidentialGroup)
    }

    /// Kinds that officials create under their unit (form, API, CSV); the others come from
    /// the official list.
    pub fn created_by_officials(self) -> bool {
        matches!(self, UnitKind::Village | UnitKind::ResidentialGroup | UnitKind::Agency | UnitKind::Department)
    }

    /// Whether a unit of this kind may sit directly under a unit of kind `parent`.
    pub fn fits_under(self, parent: Option<UnitKind>) -> bool {
        use UnitKind::*;
        match (self, parent) {
            (Province, None) => true,
            (Commune | Ward | SpecialZone | District, Some(Province)) => true,
            (Commune | Ward, Some(District)) => true,
            (Village | ResidentialGroup, Some(p)) => p.is_commune_level(),
            (Agency, Some(p)) => p != Village && p != ResidentialGroup && p != Department,
            (Department, Some(p)) => p == Agency || p == Department || p == Province || p.is_commune_level(),
            _ => false,
        }
    }
}

/// How a unit took over from a ceased one (`unit_succession.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuccessionKind {
    Merge,
    Split,
    Rename,
}

impl SuccessionKind {
    pub const ALL: [SuccessionKind; 3] = [SuccessionKind::Merge, SuccessionKind::Split, SuccessionKind::Rename];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SuccessionKind::Merge => "merge",
            SuccessionKind::Split => "split",
            SuccessionKind::Rename => "rename",
        }
    }

    pub fn parse(s: &str) -> Option<SuccessionKind> {
        SuccessionKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            SuccessionKind::Merge => "Sáp nhập",
            SuccessionKind::Split => "Chia tách",
            SuccessionKind::Rename => "Đổi tên",
        }
    }
}

/// A unit's code: the statistical code for official units, or one given by officials.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnitCode(String);

impl UnitCode {
    pub fn parse(raw: &str) -> Result<UnitCode, FieldError> {
        let v = raw.trim();
        let ok = !v.is_empty()
            && v.len() <= 32
            && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.');
        if ok {
            Ok(UnitCode(v.to_string()))
        } else {
            Err(FieldError::new(
                "code",
                format!("Mã đơn vị «{v}» không hợp lệ: chỉ gồm chữ không dấu, số, «-», «_» hoặc «.», tối đa 32 ký tự."),
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl std::fmt::Display for UnitCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A validated new unit, ready to be stored under its parent.
#[derive(Debug, Clone, PartialEq)]
pub struct NewUnit {
    pub code: UnitCode,
    pub name: String,
    pub kind: UnitKind,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

/// Raw input for a new unit, as typed in a form, sent as JSON or read from a CSV row.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct UnitInput {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub valid_from: String,
    #[serde(default)]
    pub valid_to: String,
}

impl NewUnit {
    /// Parses and validates `input` for placement under a parent of kind `parent`.
    /// `today` is used when no start date is given.
    pub fn parse(input: &UnitInput, parent: Option<UnitKind>, today: NaiveDate) -> Result<NewUnit, Vec<FieldError>> {
        let mut errors = Errors::default();
        let code = errors.take(UnitCode::parse(&input.code));
        let name = errors.take(field::required_text("name", "Tên đơn vị", &input.name, 200));
        let kind = match UnitKind::parse(&input.kind) {
            Some(k) => Some(k),
            None => {
                errors.push(FieldError::new("kind", format!("Loại đơn vị «{}» không hợp lệ.", input.kind.trim())));
                None
            }
        };
        let valid_from = if input.valid_from.trim().is_empty() {
            Some(today)
        } else {
            errors.take(field::date("valid_from", "Ngày bắt đầu hiệu lực", &input.valid_from))
        };
        let valid_to = errors.take(field::optional_date("valid_to", "Ngày hết hiệu lực", &input.valid_to)).flatten();
        if let (Some(from), Some(to)) = (valid_from, valid_to)
            && to <= from
        {
            errors.push(FieldError::new("valid_to", "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."));
        }
        if let Some(k) = kind {
            if !k.fits_under(parent) {
                let where_ = parent.map_or("cấp cao nhất".to_string(), |p| format!("đơn vị loại «{}»", p.label()));
                errors.push(FieldError::new("kind", format!("Không thể đặt «{}» dưới {where_}.", k.label())));
            }
            if k == UnitKind::District
                && let Err(e) = district_period(valid_from, valid_to)
            {
                errors.push(e);
            }
        }
        match (code, name, kind, valid_from, errors.is_empty()) {
            (Some(code), Some(name), Some(kind), Some(valid_from), true) => {
                Ok(NewUnit { code, name, kind, valid_from, valid_to })
            }
            _ => Err(errors.0),
        }
    }
}

/// Districts were abolished on 2025-07-01: one must start before that day and end by it.
pub fn district_period(valid_from: Option<NaiveDate>, valid_to: Option<NaiveDate>) -> Result<(), FieldError> {
    let msg = "Cấp huyện đã chấm dứt từ ngày 01/7/2025: không thể tạo huyện có hiệu lực từ ngày đó trở đi.";
    match (valid_from, valid_to) {
        (Some(from), _) if from >= TWO_TIER_START => Err(FieldError::new("valid_from", msg)),
        (_, Some(to)) if to <= TWO_TIER_START => Ok(()),
        _ => Err(FieldError::new("valid_to", msg)),
    }
}

/// Whether a unit with this validity period exists on `date` (`valid_to` is exclusive).
pub fn valid_on(valid_from: NaiveDate, valid_to: Option<NaiveDate>, date: NaiveDate) -> bool {
    valid_from <= date && valid_to.is_none_or(|to| date < to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn input(kind: &str, from: &str, to: &str) -> UnitInput {
        UnitInput {
            code: "X1".into(),
            name: " Thôn  Đông ".into(),
            kind: kind.into(),
            valid_from: from.into(),
            valid_to: to.into(),
        }
    }

    #[test]
    fn a_village_fits_under_a_commune_and_its_name_is_cleaned() {
        let u = NewUnit::parse(&input("village", "", ""), Some(UnitKind::Commune), d("2026-01-01")).expect("valid");
        assert_eq!(u.name, "Thôn Đông");
        assert_eq!(u.valid_from, d("2026-01-01"));
    }

    #[test]
    fn no_district_valid_on_or_after_two_tier_start() {
        let p = Some(UnitKind::Province);
        let today = d("2026-01-01");
        for (from, to) in [("2025-07-01", ""), ("2026-01-01", ""), ("2020-01-01", ""), ("2020-01-01", "2025-07-02")] {
            let errs = NewUnit::parse(&input("district", from, to), p, today).expect_err("district rejected");
            assert!(errs.iter().any(|e| e.message.contains("01/7/2025")), "{from}..{to}: {errs:?}");
        }
        let ok = NewUnit::parse(&input("district", "1997-01-01", "2025-07-01"), p, today);
        assert!(ok.is_ok(), "{ok:?}");
    }

    #[test]
    fn placement_rules() {
        assert!(UnitKind::Village.fits_under(Some(UnitKind::Ward)));
        assert!(!UnitKind::Village.fits_under(Some(UnitKind::Province)));
        assert!(!UnitKind::Commune.fits_under(None));
        assert!(UnitKind::Province.fits_under(None));
        assert!(UnitKind::Department.fits_under(Some(UnitKind::Agency)));
        assert!(!UnitKind::Agency.fits_under(Some(UnitKind::Village)));
    }

    #[test]
    fn every_error_names_its_field() {
        let bad = UnitInput {
            code: "a b".into(),
            name: "".into(),
            kind: "castle".into(),
            valid_from: "31/02/2025".into(),
            valid_to: "x".into(),
        };
        let errs = NewUnit::parse(&bad, Some(UnitKind::Commune), d("2026-01-01")).expect_err("invalid");
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["code", "name", "kind", "valid_from", "valid_to"]);
    }

    #[test]
    fn validity_is_half_open() {
        assert!(valid_on(d("2020-01-01"), Some(d("2025-07-01")), d("2025-06-30")));
        assert!(!valid_on(d("2020-01-01"), Some(d("2025-07-01")), d("2025-07-01")));
        assert!(valid_on(d("2025-07-01"), None, d("2199-01-01")));
    }
}

/// Administrative prefixes left out when sorting, so that "Tỉnh An Giang" and "Thành phố Cần Thơ"
/// sort by "An Giang" and "Cần Thơ".
const SORT_PREFIXES: [&str; 5] = ["Thành phố ", "Tỉnh ", "Đặc khu ", "Phường ", "Xã "];

/// The part of a unit's name that orders it among its siblings.
pub fn sort_name(name: &str) -> &str {
    SORT_PREFIXES.iter().find_map(|p| name.strip_prefix(p)).unwrap_or(name)
}

#[cfg(test)]
mod sort_name_tests {
    #[test]
    fn administrative_prefixes_do_not_decide_the_order() {
        assert_eq!(super::sort_name("Thành phố Cần Thơ"), "Cần Thơ");
        assert_eq!(super::sort_name("Tỉnh An Giang"), "An Giang");
        assert_eq!(super::sort_name("Thôn 1"), "Thôn 1");
    }
}
