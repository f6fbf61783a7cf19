//! The link of a resident account to the household it represents: requested by the resident
//! with the household's code and the representative's name as the register writes them,
//! confirmed or refused by the village head, ended by the resident.

use serde::{Deserialize, Serialize};

use crate::FieldError;

/// Where a link stands (`household_link.status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkStatus {
    /// Asked by the resident, waiting for the village head.
    Pending,
    /// The resident represents the household.
    Confirmed,
    /// The village head said no.
    Refused,
    /// Withdrawn or ended by the resident.
    Ended,
}

impl LinkStatus {
    pub const ALL: [LinkStatus; 4] =
        [LinkStatus::Pending, LinkStatus::Confirmed, LinkStatus::Refused, LinkStatus::Ended];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkStatus::Pending => "pending",
            LinkStatus::Confirmed => "confirmed",
            LinkStatus::Refused => "refused",
            LinkStatus::Ended => "ended",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LinkStatus::Pending => "Đang chờ trưởng thôn xác nhận",
            LinkStatus::Confirmed => "Đã xác nhận",
            LinkStatus::Refused => "Bị từ chối",
            LinkStatus::Ended => "Đã kết thúc",
        }
    }

    /// Whether the link still holds the account (one open link per account).
    pub fn is_open(self) -> bool {
        matches!(self, LinkStatus::Pending | LinkStatus::Confirmed)
    }
}

/// What a resident types to ask for a link, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LinkRequestInput {
    #[serde(default)]
    pub household_code: String,
    #[serde(default)]
    pub representative: String,
}

/// A checked request: the code as the register stores it, the name folded for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRequest {
    pub household_code: String,
    pub representative_folded: String,
}

/// Longest text accepted in either field: a code or a name, never a paragraph.
const MAX_CHARS: usize = 200;

impl LinkRequest {
    /// Both fields are required; each wrong one is named.
    pub fn parse(input: &LinkRequestInput) -> Result<LinkRequest, Vec<FieldError>> {
        let code = coso_text::clean(&input.household_code);
        let name = coso_text::clean(&input.representative);
        let mut errors = Vec::new();
        if code.is_empty() {
            errors.push(FieldError::new("household_code", "Mã hộ: chưa nhập mã hộ gia đình."));
        } else if code.chars().count() > MAX_CHARS {
            errors.push(FieldError::new("household_code", "Mã hộ: quá dài."));
        }
        if name.is_empty() {
            errors.push(FieldError::new("representative", "Tên chủ hộ: chưa nhập họ tên người đại diện hộ."));
        } else if name.chars().count() > MAX_CHARS {
            errors.push(FieldError::new("representative", "Tên chủ hộ: quá dài."));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(LinkRequest { household_code: code, representative_folded: coso_text::fold(&name) })
    }

    /// Whether `registered` (the register's representative) is the name typed, ignoring
    /// diacritics, case and extra spaces.
    pub fn names(&self, registered: &str) -> bool {
        coso_text::fold(&coso_text::clean(registered)) == self.representative_folded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(code: &str, name: &str) -> LinkRequestInput {
        LinkRequestInput { household_code: code.into(), representative: name.into() }
    }

    #[test]
    fn stored_names_round_trip() {
        for s in LinkStatus::ALL {
            assert_eq!(s.as_str().parse::<LinkStatus>(), Ok(s));
        }
        assert!(LinkStatus::Pending.is_open() && LinkStatus::Confirmed.is_open());
        assert!(!LinkStatus::Refused.is_open() && !LinkStatus::Ended.is_open());
    }

    #[test]
    fn names_are_compared_without_diacritics_case_or_spaces() {
        let r = LinkRequest::parse(&input(" H-01 ", "nguyen  van AN")).expect("valid");
        assert_eq!(r.household_code, "H-01");
        assert!(r.names("Nguyễn Văn An"));
        assert!(!r.names("Nguyễn Văn Ân Hai"));
        assert!(LinkRequest::parse(&input("H1", "Đặng Thị Đào")).expect("valid").names("dang thi dao"));
    }

    #[test]
    fn missing_fields_are_named() {
        let errors = LinkRequest::parse(&input(" ", "")).expect_err("empty");
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["household_code", "representative"]);
        assert!(errors[0].message.starts_with("Mã hộ"));
    }
}
