//! A steering committee and its members as typed, checked into values with Vietnamese errors
//! that name the field.

use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::field::{Errors, optional_text, required_text};

/// The committee's name as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitteeInput {
    #[serde(default)]
    pub name: String,
}

impl CommitteeInput {
    /// The cleaned name.
    pub fn parse(&self) -> Result<String, Vec<FieldError>> {
        required_text("name", "Tên Ban Chỉ đạo", &self.name, 300).map_err(|e| vec![e])
    }
}

/// A member as typed: the areas are unit codes separated by commas, semicolons or spaces.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub position: String,
    /// The e-mail of the member's account, if they sign in.
    #[serde(default)]
    pub account: String,
    #[serde(default)]
    pub areas: String,
}

/// A checked member; the area codes are still to be found among the committee unit's subtree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub position: String,
    pub account: Option<String>,
    pub area_codes: Vec<String>,
}

/// At most this many areas for one member: a province's communes fit.
pub const MAX_AREAS: usize = 200;

impl MemberInput {
    pub fn parse(&self) -> Result<Member, Vec<FieldError>> {
        let mut e = Errors::default();
        let name = e.take(required_text("name", "Họ tên thành viên", &self.name, 200));
        let position = e.take(required_text("position", "Chức vụ", &self.position, 200));
        let account = e.take(optional_text("account", "Tài khoản (e-mail)", self.account.trim(), 254));
        let mut area_codes: Vec<String> = self
            .areas
            .split([',', ';', ' ', '\n', '\r', '\t'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect();
        area_codes.dedup();
        if area_codes.is_empty() {
            e.push(FieldError::new("areas", "Chưa chọn địa bàn theo dõi: ghi mã các đơn vị, cách nhau bằng dấu phẩy."));
        } else if area_codes.len() > MAX_AREAS {
            e.push(FieldError::new("areas", format!("Một thành viên theo dõi tối đa {MAX_AREAS} địa bàn.")));
        }
        match (name, position, account) {
            (Some(name), Some(position), Some(account)) if e.is_empty() => {
                Ok(Member { name, position, account: account.map(|a| a.to_lowercase()), area_codes })
            }
            _ => Err(e.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, position: &str, areas: &str) -> MemberInput {
        MemberInput { name: name.into(), position: position.into(), account: String::new(), areas: areas.into() }
    }

    #[test]
    fn a_member_with_areas_is_read() {
        let m = input(" Nguyễn  Văn An ", "Phó Trưởng ban", "42001, 42004;42007").parse().expect("valid");
        assert_eq!(m.name, "Nguyễn Văn An");
        assert_eq!(m.area_codes, ["42001", "42004", "42007"]);
        assert_eq!(m.account, None);
    }

    #[test]
    fn every_missing_field_is_named() {
        let errs = input("", "", " , ").parse().expect_err("invalid");
        let fields: Vec<&str> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name", "position", "areas"]);
        assert!(errs[2].message.contains("địa bàn"), "{}", errs[2].message);
    }

    #[test]
    fn a_committee_needs_a_name() {
        assert_eq!(CommitteeInput { name: "  ".into() }.parse().expect_err("empty")[0].field, "name");
        assert_eq!(
            CommitteeInput { name: "Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh".into() }.parse().as_deref(),
            Ok("Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh")
        );
    }
}
