use std::fmt;

use coso_domain::authz::Role;

use crate::DEMO_PASSWORD;
use crate::accounts::DemoAccount;

/// What [`crate::load_demo`] did.
#[derive(Debug, Clone, Default)]
pub struct DemoReport {
    /// Villages (thôn) created.
    pub villages: usize,
    /// Residential groups (tổ dân phố) created.
    pub residential_groups: usize,
    /// Households added to registers.
    pub households: usize,
    /// Codes of the units whose household register holds demo households.
    pub registers: Vec<String>,
    /// Every demo account (created now or already present).
    pub accounts: Vec<DemoAccount>,
    /// Accounts created by this run.
    pub accounts_created: usize,
    /// 6-month reports the communes sent on the demo plan (0 when it existed already).
    pub reports_sent: usize,
    /// Citizen reception sessions recorded over the last ten weeks (0 when already there).
    pub reception_sessions: usize,
    /// Citizen cases registered (0 when the province had some already).
    pub cases: usize,
    /// Disclosures recorded over the last year (0 when the registers were kept already).
    pub disclosures: usize,
}

impl fmt::Display for DemoReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Đã nạp dữ liệu mẫu (tỉnh Hà Tĩnh): {} thôn, {} tổ dân phố, {} hộ gia đình, {} tài khoản mới.",
            self.villages, self.residential_groups, self.households, self.accounts_created
        )?;
        writeln!(f, "Sổ hộ gia đình mẫu: {}", self.registers.join(", "))?;
        if self.reports_sent > 0 {
            writeln!(f, "Kế hoạch mẫu 12/KH-UBND của tỉnh: {} xã, phường đã gửi báo cáo 6 tháng.", self.reports_sent)?;
        }
        if self.reception_sessions > 0 {
            writeln!(f, "Sổ tiếp công dân mẫu: {} buổi tiếp trong 10 tuần qua.", self.reception_sessions)?;
        }
        if self.cases > 0 {
            writeln!(
                f,
                "{} đơn thư mẫu (phản ánh, kiến nghị, khiếu nại, tố cáo); {} được đọc danh tính người tố cáo của xã mẫu.",
                self.cases,
                crate::cases::CLEARED_ACCOUNT
            )?;
        }
        if self.disclosures > 0 {
            writeln!(f, "Sổ công khai mẫu: {} nội dung công khai trong năm qua.", self.disclosures)?;
        }
        writeln!(f, "Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")?;
        for a in &self.accounts {
            writeln!(f, "  {}", a.line())?;
        }
        if let Some(resident) = self.accounts.iter().find(|a| a.role == Role::Resident) {
            writeln!(
                f,
                "Người dân mẫu {} đại diện hộ đầu tiên của thôn {}; {} (cùng thôn) đang chờ trưởng thôn xác nhận là đại diện hộ thứ hai.",
                resident.email,
                resident.unit_code,
                crate::WAITING_RESIDENT
            )?;
        }
        Ok(())
    }
}
