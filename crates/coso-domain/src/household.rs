//! Households (hộ gia đình) of a village register and their representative.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::field::{self, Errors, FieldError};

/// A validated household, as the register keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HouseholdData {
    /// The household code, unique within its village.
    pub code: String,
    pub address: String,
    /// The household representative (đại diện hộ), who votes for the household.
    pub representative: String,
    pub member_count: i64,
    /// Digits only, `0…` form.
    pub phone: Option<String>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

/// Raw household input from a form, JSON, or a CSV row.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct HouseholdInput {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub representative: String,
    #[serde(default)]
    pub member_count: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub valid_from: String,
    #[serde(default)]
    pub valid_to: String,
}

/// Household codes: letters, digits, `-`, `_`, `.`, `/`; at most 32.
pub fn parse_code(raw: &str) -> Result<String, FieldError> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(FieldError::new("code", "Mã hộ không được để trống."));
    }
    let ok = v.len() <= 32 && v.chars().all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
    if ok {
        Ok(v.to_string())
    } else {
        Err(FieldError::new(
            "code",
            format!("Mã hộ «{v}» không hợp lệ: chỉ gồm chữ không dấu, số và «-_./», tối đa 32 ký tự."),
        ))
    }
}

/// Member count: a whole number from 1 to 99.
pub fn parse_member_count(raw: &str) -> Result<i64, FieldError> {
    let v = raw.trim();
    match v.parse::<i64>() {
        Ok(n) if (1..=99).contains(&n) => Ok(n),
        Ok(_) => Err(FieldError::new("member_count", format!("Số nhân khẩu phải từ 1 đến 99 (đang là {v})."))),
        Err(_) if v.is_empty() => Err(FieldError::new("member_count", "Số nhân khẩu không được để trống.")),
        Err(_) => Err(FieldError::new("member_count", format!("Số nhân khẩu «{v}» không phải số nguyên."))),
    }
}

/// A Vietnamese phone number: `0` + 9–10 digits, or `+84…`; spaces, dots and dashes allowed.
pub fn parse_phone(raw: &str) -> Result<Option<String>, FieldError> {
    let v = raw.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let mut digits: String = v.chars().filter(|c| !" .-()".contains(*c)).collect();
    if let Some(rest) = digits.strip_prefix("+84") {
        digits = format!("0{rest}");
    }
    let ok = digits.starts_with('0') && (10..=11).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit());
    if ok {
        Ok(Some(digits))
    } else {
        Err(FieldError::new("phone", format!("Số điện thoại «{v}» không hợp lệ (ví dụ 0912345678).")))
    }
}

impl HouseholdData {
    /// Parses and validates a household; `today` is the default start of validity.
    pub fn parse(input: &HouseholdInput, today: NaiveDate) -> Result<HouseholdData, Vec<FieldError>> {
        let mut e = Errors::default();
        let code = e.take(parse_code(&input.code));
        let address = e.take(field::required_text("address", "Địa chỉ", &input.address, 300));
        let representative = e.take(field::required_text("representative", "Đại diện hộ", &input.representative, 120));
        let member_count = e.take(parse_member_count(&input.member_count));
        let phone = e.take(parse_phone(&input.phone)).flatten();
        let valid_from = if input.valid_from.trim().is_empty() {
            Some(today)
        } else {
            e.take(field::date("valid_from", "Ngày bắt đầu", &input.valid_from))
        };
        let valid_to = e.take(field::optional_date("valid_to", "Ngày kết thúc", &input.valid_to)).flatten();
        if let (Some(from), Some(to)) = (valid_from, valid_to)
            && to <= from
        {
            e.push(FieldError::new("valid_to", "Ngày kết thúc phải sau ngày bắt đầu."));
        }
        match (code, address, representative, member_count, valid_from) {
            (Some(code), Some(address), Some(representative), Some(member_count), Some(valid_from)) if e.is_empty() => {
                Ok(HouseholdData {
                    code,
                    address,
                    representative,
                    member_count,
                    phone: phone.clone(),
                    valid_from,
                    valid_to,
                })
            }
            _ => Err(e.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).expect("date")
    }

    #[test]
    fn parses_a_household_and_normalises_phone() {
        let h = HouseholdData::parse(
            &HouseholdInput {
                code: "H001".into(),
                address: "Xóm 1".into(),
                representative: "Nguyễn Văn  An".into(),
                member_count: "4".into(),
                phone: "+84 912 345 678".into(),
                ..Default::default()
            },
            today(),
        )
        .expect("valid");
        assert_eq!(h.representative, "Nguyễn Văn An");
        assert_eq!(h.phone.as_deref(), Some("0912345678"));
        assert_eq!(h.valid_from, today());
    }

    #[test]
    fn names_each_bad_field() {
        let errs = HouseholdData::parse(
            &HouseholdInput { member_count: "-2".into(), phone: "12".into(), ..Default::default() },
            today(),
        )
        .expect_err("invalid");
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["code", "address", "representative", "member_count", "phone"]);
        assert!(errs[3].message.contains("từ 1 đến 99"));
    }
}
