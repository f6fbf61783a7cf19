//! A dialogue requested by the voters (DLG-2, Law 72/2025 Art. 43): the commune must hold it
//! when at least 10 % of its voters ask. The threshold is "at least a tenth", not a half, so
//! the comparisons of [`crate::decision::threshold`] do not apply.

use serde::{Deserialize, Serialize};

use crate::field::{Errors, FieldError};

/// The smallest number of valid signatures that makes a dialogue mandatory for `voters`:
/// a tenth, rounded up (20,000 voters → 2,000; 20,001 → 2,001).
pub fn required_signatures(voters: u32) -> u32 {
    voters.div_ceil(10)
}

/// Whether `signatures` valid requests out of `voters` make the dialogue mandatory.
pub fn makes_mandatory(signatures: u32, voters: u32) -> bool {
    voters > 0 && signatures >= required_signatures(voters)
}

/// A request as typed: the valid signatures counted and the commune's number of voters.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RequestInput {
    #[serde(default)]
    pub signatures: String,
    #[serde(default)]
    pub voters: String,
    #[serde(default)]
    pub subject: String,
}

/// A checked request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestData {
    pub signatures: u32,
    pub voters: u32,
    pub subject: String,
}

impl RequestData {
    pub fn parse(input: &RequestInput) -> Result<RequestData, Vec<FieldError>> {
        let mut e = Errors::default();
        let signatures = e.take(count("signatures", "Số chữ ký hợp lệ", &input.signatures));
        let voters = e.take(count("voters", "Số cử tri của xã", &input.voters));
        let subject = e.take(crate::field::required_text("subject", "Nội dung đề nghị", &input.subject, 500));
        if voters == Some(0) {
            e.push(FieldError::new("voters", "Số cử tri của xã phải lớn hơn 0."));
        }
        if let (Some(s), Some(v)) = (signatures, voters)
            && s > v
        {
            e.push(FieldError::new("signatures", "Số chữ ký hợp lệ không được lớn hơn số cử tri của xã."));
        }
        match (signatures, voters, subject) {
            (Some(signatures), Some(voters), Some(subject)) if e.is_empty() => {
                Ok(RequestData { signatures, voters, subject })
            }
            _ => Err(e.0),
        }
    }

    pub fn mandatory(&self) -> bool {
        makes_mandatory(self.signatures, self.voters)
    }
}

/// A whole number typed by people, at most ten million.
pub(crate) fn count(field: &'static str, label: &str, raw: &str) -> Result<u32, FieldError> {
    let v = raw.trim().replace(['.', ' '], "");
    match v.parse::<u32>() {
        Ok(n) if n <= 10_000_000 => Ok(n),
        _ if v.is_empty() => Err(FieldError::new(field, format!("{label} không được để trống."))),
        _ => {
            let shown: String = raw.trim().chars().take(40).collect();
            Err(FieldError::new(field, format!("{label} phải là số nguyên không âm: «{shown}».")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_case_of_dlg_2() {
        assert_eq!(required_signatures(20_000), 2_000);
        assert!(makes_mandatory(2_000, 20_000));
        assert!(!makes_mandatory(1_999, 20_000));
        assert_eq!(required_signatures(20_001), 2_001);
        assert!(!makes_mandatory(0, 0), "a commune without voters needs no request");
    }

    #[test]
    fn a_request_is_read_with_its_errors_named() {
        let ok = RequestData::parse(&RequestInput {
            signatures: "2.000".into(),
            voters: "20000".into(),
            subject: "Đề nghị  đối thoại về đất đai".into(),
        })
        .expect("valid");
        assert!(ok.mandatory());
        assert_eq!(ok.subject, "Đề nghị đối thoại về đất đai");
        let bad =
            RequestData::parse(&RequestInput { signatures: "30".into(), voters: "20".into(), subject: "x".into() })
                .expect_err("more signatures than voters");
        assert_eq!(bad[0].field, "signatures");
        let bad = RequestData::parse(&RequestInput { signatures: "-1".into(), voters: "".into(), subject: "".into() })
            .expect_err("invalid");
        let fields: Vec<_> = bad.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["signatures", "voters", "subject"]);
        assert_eq!(bad[1].message, "Số cử tri của xã không được để trống.");
    }
}
