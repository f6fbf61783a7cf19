//! The demo accounts: one for each role, all with the one documented demo password.

use coso_domain::authz::Role;

/// One demo account and where its role holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub unit_code: String,
}

/// The codes the accounts are granted on.
pub struct Anchors<'a> {
    pub province: &'a str,
    pub commune: &'a str,
    pub village: &'a str,
}

/// The accounts, in the order they are listed to the user.
pub fn demo_accounts(a: &Anchors<'_>) -> Vec<DemoAccount> {
    let acc = |email: &str, name: &str, role: Role, unit: &str| DemoAccount {
        email: email.to_string(),
        display_name: name.to_string(),
        role,
        unit_code: unit.to_string(),
    };
    vec![
        acc("quantri@coso.example", "Quản trị hệ thống (mẫu)", Role::Admin, a.province),
        acc("canbo.tinh@coso.example", "Nguyễn Thị Lan (Sở Nội vụ, mẫu)", Role::Official, a.province),
        acc("canbo.xa@coso.example", "Trần Văn Hùng (UBND xã, mẫu)", Role::Official, a.commune),
        acc("nguoixem@coso.example", "Lê Minh Tâm (người xem, mẫu)", Role::Viewer, a.province),
        acc("truongthon@coso.example", "Phạm Văn Bình (trưởng thôn, mẫu)", Role::VillageHead, a.village),
        acc("bantt@coso.example", "Võ Thị Hoa (Ban Thanh tra nhân dân, mẫu)", Role::BoardMember, a.commune),
        acc("nguoidan@coso.example", "Hoàng Văn Nam (người dân, mẫu)", Role::Resident, a.village),
    ]
}

impl DemoAccount {
    /// One line of the account table shown after loading.
    pub fn line(&self) -> String {
        format!("{:<26} {:<13} {:<10} {}", self.email, self.role.as_str(), self.unit_code, self.role.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_account_for_each_role() {
        let accounts = demo_accounts(&Anchors { province: "42", commune: "18766", village: "18766-T01" });
        for role in Role::ALL {
            assert!(accounts.iter().any(|a| a.role == role), "{role:?}");
        }
        let mut emails: Vec<&str> = accounts.iter().map(|a| a.email.as_str()).collect();
        emails.dedup();
        assert_eq!(emails.len(), accounts.len());
    }
}
