//! The capabilities of a unit that its admin page links to, each only when the visitor may open
//! it, tagged «Quản lý» when they may also change it and «Xem» when they only read.

use coso_app::Actor;
use coso_domain::authz::Action;
use coso_domain::unit::UnitKind;
use coso_store::UnitRow;

/// One line of the unit's capabilities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapabilityLink {
    pub href: String,
    pub label: &'static str,
    /// «Quản lý» or «Xem».
    pub status: &'static str,
    /// The tag's colour.
    pub kind: &'static str,
}

/// Which units have a capability.
#[derive(Debug, Clone, Copy)]
enum Units {
    /// A village or a residential group.
    Village,
    /// A commune, ward or special zone.
    Commune,
    /// A village or a commune.
    VillageOrCommune,
    /// A commune or a province.
    CommuneOrProvince,
    /// A commune or an agency.
    CommuneOrAgency,
    /// Every unit but a province.
    BelowProvince,
    /// A commune, a province or a district of old.
    Inspecting,
}

impl Units {
    fn hold(self, kind: UnitKind) -> bool {
        let commune = kind.is_commune_level();
        match self {
            Units::Village => kind.has_households(),
            Units::Commune => commune,
            Units::VillageOrCommune => commune || kind.has_households(),
            Units::CommuneOrProvince => commune || kind == UnitKind::Province,
            Units::CommuneOrAgency => commune || kind == UnitKind::Agency,
            Units::BelowProvince => kind != UnitKind::Province,
            Units::Inspecting => commune || matches!(kind, UnitKind::Province | UnitKind::District),
        }
    }
}

/// (path under the unit's admin pages, label, units, actions that open it, actions that change it).
type Capability = (&'static str, &'static str, Units, &'static [Action], &'static [Action]);

const CAPABILITIES: &[Capability] = &[
    (
        "kiem-tra",
        "Kiểm tra việc thực hiện dân chủ ở cơ sở",
        Units::Inspecting,
        &[Action::ManageInspections],
        &[Action::ManageInspections],
    ),
    (
        "duoc-kiem-tra",
        "Được kiểm tra: kết luận và nhiệm vụ khắc phục",
        Units::BelowProvince,
        &[Action::ViewAdmin],
        &[Action::SubmitReports],
    ),
    (
        "ban-giam-sat",
        "Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng",
        Units::CommuneOrAgency,
        &[Action::ManageBoards, Action::Supervise],
        &[Action::ManageBoards],
    ),
    (
        "bau-truong-thon",
        "Bầu thành viên ban giám sát",
        Units::Commune,
        &[Action::ViewAdmin],
        &[Action::ManageElections],
    ),
    (
        "bau-truong-thon",
        "Bầu trưởng thôn, tổ trưởng tổ dân phố",
        Units::Village,
        &[Action::ViewAdmin],
        &[Action::ManageElections],
    ),
    (
        "hoi-nghi-cong-dong",
        "Hội nghị định kỳ của cộng đồng dân cư",
        Units::Village,
        &[Action::ViewAdmin],
        &[Action::HoldConferences],
    ),
    (
        "quyet-dinh",
        "Nhân dân bàn và quyết định",
        Units::VillageOrCommune,
        &[Action::ViewAdmin],
        &[Action::ManageDecisions],
    ),
    ("huong-uoc", "Hương ước, quy ước", Units::Village, &[Action::ViewAdmin], &[Action::ManageConventions]),
    (
        "lay-y-kien",
        "Lấy ý kiến Nhân dân",
        Units::BelowProvince,
        &[Action::ManageConsultations, Action::CollectOpinions],
        &[Action::ManageConsultations],
    ),
    (
        "doi-thoai",
        "Đối thoại với Nhân dân",
        Units::CommuneOrProvince,
        &[Action::HoldDialogues],
        &[Action::HoldDialogues],
    ),
    (
        "cong-khai",
        "Công khai thông tin",
        Units::CommuneOrProvince,
        &[Action::ManageDisclosures],
        &[Action::ManageDisclosures],
    ),
    (
        "ban-chi-dao",
        "Ban chỉ đạo thực hiện dân chủ ở cơ sở",
        Units::CommuneOrProvince,
        &[Action::ManageSteering],
        &[Action::ManageSteering],
    ),
    (
        "khen-thuong",
        "Khen thưởng và mô hình điển hình",
        Units::CommuneOrProvince,
        &[Action::ViewAdmin],
        &[Action::ManageSteering],
    ),
];

/// The capabilities of `unit` the actor may open, in the page's order.
pub fn links(actor: &Actor, unit: &UnitRow) -> Vec<CapabilityLink> {
    let path = unit.unit_path();
    let any = |actions: &[Action]| actions.iter().any(|a| actor.may(&path, *a));
    let mut out = Vec::new();
    for &(suffix, label, units, open, manage) in CAPABILITIES {
        if !units.hold(unit.kind) || !any(open) {
            continue;
        }
        let (status, kind) = if any(manage) { ("Quản lý", "info") } else { ("Xem", "") };
        out.push(CapabilityLink { href: format!("/quan-tri/don-vi/{}/{suffix}", unit.code), label, status, kind });
    }
    out
}
