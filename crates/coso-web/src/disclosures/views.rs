//! The disclosure pages' templates and what they compute for display.

use askama::Template;
use askama_web::WebTemplate;
use coso_app::disclosures::year::YearView;
use coso_app::disclosures::{DisclosureView, ListView, RelayPage};
use coso_domain::disclosure::{DisclosureInput, Form, RelayInput, RelayMethod};
use coso_store::{DisclosureItemRow, UnitRow};

use crate::forms::FieldErrors;
use crate::views::{Nav, vn_date};

/// The public list's link to page `page` with the same filters.
pub fn list_href(list: &ListView, page: i64) -> String {
    let mut query: Vec<(&str, String)> = vec![];
    if !list.q.is_empty() {
        query.push(("q", list.q.clone()));
    }
    if !list.when.is_empty() {
        query.push(("thoi-gian", list.when.clone()));
    }
    if page > 1 {
        query.push(("trang", page.to_string()));
    }
    let encoded = form_urlencoded::Serializer::new(String::new()).extend_pairs(query).finish();
    let base = format!("/don-vi/{}/cong-khai", list.unit.code);
    if encoded.is_empty() { base } else { format!("{base}?{encoded}") }
}

/// How a disclosure's period reads: «04/03/2026 – 03/04/2026» or «từ 04/03/2026».
pub fn period(v: &DisclosureView) -> String {
    match v.row.posted_to {
        Some(to) => format!("{} – {}", vn_date(v.row.posted_from), vn_date(to)),
        None => format!("từ {}", vn_date(v.row.posted_from)),
    }
}

pub fn forms_text(v: &DisclosureView) -> String {
    v.forms.iter().map(|f| f.label()).collect::<Vec<_>>().join("; ")
}

pub fn days_text(v: &DisclosureView) -> String {
    v.broadcast_days.iter().map(|d| vn_date(*d)).collect::<Vec<_>>().join(", ")
}

#[derive(Template, WebTemplate)]
#[template(path = "disclosures/public_list.html")]
pub struct PublicListPage {
    pub nav: Nav,
    pub list: ListView,
    pub prev_href: String,
    pub next_href: String,
}

impl PublicListPage {
    pub fn period(&self, v: &DisclosureView) -> String {
        period(v)
    }

    pub fn forms(&self, v: &DisclosureView) -> String {
        forms_text(v)
    }

    /// The filter choices: (code, label, selected).
    pub fn whens(&self) -> Vec<(&'static str, &'static str, bool)> {
        [("", "Tất cả"), ("hien-hanh", "Đang công khai"), ("da-ket-thuc", "Đã kết thúc niêm yết")]
            .into_iter()
            .map(|(c, l)| (c, l, c == self.list.when))
            .collect()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "disclosures/detail.html")]
pub struct DetailPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub view: DisclosureView,
}

impl DetailPage {
    pub fn period(&self) -> String {
        period(&self.view)
    }

    pub fn item_label(&self) -> String {
        format!("{}. {}", self.view.row.item_number, self.view.row.item_title)
    }

    pub fn forms(&self) -> String {
        forms_text(&self.view)
    }

    pub fn days(&self) -> String {
        days_text(&self.view)
    }

    pub fn vote(&self) -> String {
        self.view.row.convention_vote_on.map(vn_date).unwrap_or_default()
    }

    pub fn adopted(&self) -> String {
        self.view.row.adopted_on.map(vn_date).unwrap_or_default()
    }

    pub fn relay_text(&self, s: &coso_app::disclosures::VillageStatus) -> String {
        match &s.relay {
            Some(r) => format!("{} · {}", r.method.label(), vn_date(r.relayed_on)),
            None => "Chưa xác nhận".to_owned(),
        }
    }

    pub fn file_href(&self, id: &i64) -> String {
        format!("/don-vi/{}/cong-khai/{}/tep/{id}", self.unit.code, self.view.row.id)
    }
}

/// What a disclosure's form shows: the catalogue's items, the values typed (or stored) and the
/// errors of a refused send. Shared by the register's form and the edit page.
pub struct DisclosureForm {
    pub items: Vec<DisclosureItemRow>,
    pub input: DisclosureInput,
    pub errors: FieldErrors,
    pub min_days: u32,
    /// Days after adoption within which a disclosure is due (PUB-6, a setting).
    pub within_days: u32,
}

impl DisclosureForm {
    /// (number, label, selected) of the catalogue's items.
    pub fn item_options(&self) -> Vec<(String, String, bool)> {
        self.items
            .iter()
            .map(|i| {
                let unverified = if i.verified { "" } else { " (chưa đối chiếu văn bản chính thức)" };
                let n = i.number.to_string();
                let selected = n == self.input.item.trim();
                (n.clone(), format!("{n}. {}{unverified}", i.title), selected)
            })
            .collect()
    }

    /// (code, label, checked) of the ten forms.
    pub fn form_options(&self) -> Vec<(&'static str, &'static str, bool)> {
        Form::ALL.iter().map(|f| (f.as_str(), f.label(), self.input.forms.iter().any(|c| c == f.as_str()))).collect()
    }

    pub fn posted_to_hint(&self) -> String {
        format!(
            "Để trống nếu vẫn đang niêm yết. Thời gian niêm yết tối thiểu: {} ngày (giá trị cấu hình, chưa đối chiếu văn bản chính thức).",
            self.min_days
        )
    }

    pub fn adopted_on_hint(&self) -> String {
        format!(
            "Phải công khai chậm nhất {} ngày sau ngày này (giá trị cấu hình, chưa đối chiếu văn bản chính thức); trang tình hình công khai nêu các nội dung công khai muộn.",
            self.within_days
        )
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "disclosures/register.html")]
pub struct RegisterPage {
    pub nav: Nav,
    pub list: ListView,
    pub form: DisclosureForm,
}

impl RegisterPage {
    pub fn period(&self, v: &DisclosureView) -> String {
        period(v)
    }

    pub fn failing(&self, v: &DisclosureView) -> usize {
        v.checks.iter().filter(|c| !c.ok).count()
    }

    pub fn failing_text(&self, v: &DisclosureView) -> String {
        format!("{} tiêu chí chưa đạt", self.failing(v))
    }
}

/// `/quan-tri/don-vi/{code}/cong-khai/{id}/sua`: a disclosure's fields, and its files with a
/// form adding more.
#[derive(Template, WebTemplate)]
#[template(path = "disclosures/edit.html")]
pub struct EditPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub view: DisclosureView,
    pub form: DisclosureForm,
}

impl EditPage {
    pub fn file_href(&self, id: &i64) -> String {
        format!("/don-vi/{}/cong-khai/{}/tep/{id}", self.unit.code, self.view.row.id)
    }

    pub fn base(&self) -> String {
        format!("/quan-tri/don-vi/{}/cong-khai/{}", self.unit.code, self.view.row.id)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "disclosures/compliance.html")]
pub struct CompliancePage {
    pub nav: Nav,
    pub view: YearView,
    pub chart: Option<String>,
    pub years: Vec<i32>,
    pub within_days: u32,
}

impl CompliancePage {
    pub fn base(&self) -> String {
        format!("/quan-tri/don-vi/{}/cong-khai", self.view.unit.code)
    }

    /// Per required item: its number, title, whether verified, and the communes missing it.
    pub fn missing_by_item(&self) -> Vec<(i64, String, bool, Vec<String>)> {
        self.view
            .required
            .iter()
            .map(|i| {
                let n = u8::try_from(i.number).unwrap_or(0);
                let names = self.view.missing_item(n).into_iter().map(|u| u.name.clone()).collect();
                (i.number, i.title.clone(), i.verified, names)
            })
            .collect()
    }

    /// The days after adoption within which a disclosure is due.
    pub fn within_days(&self) -> u32 {
        self.within_days
    }

    /// Per required item: its number, title, and each commune that disclosed it late with why.
    pub fn late_by_item(&self) -> Vec<(i64, String, Vec<String>)> {
        self.view
            .required
            .iter()
            .map(|i| {
                let n = u8::try_from(i.number).unwrap_or(0);
                let reasons = self
                    .view
                    .late_item(n)
                    .into_iter()
                    .map(|(u, late)| format!("{}: {}", u.name, late.reason))
                    .collect();
                (i.number, i.title.clone(), reasons)
            })
            .collect()
    }

    /// One line per commune: name, items disclosed (with their first day and forms, and
    /// whether late), missing, and the late items with why.
    pub fn lines(&self) -> Vec<ComplianceLine> {
        self.view
            .communes
            .iter()
            .map(|c| {
                let disclosed = c
                    .items
                    .iter()
                    .map(|(n, d)| {
                        let forms = d.forms.iter().map(|f| f.label()).collect::<Vec<_>>().join(", ");
                        (format!("Nội dung {n}: {} ({forms})", vn_date(d.posted_from)), d.late.is_some())
                    })
                    .collect();
                let missing = c.missing(&self.view.required).map(|n| n.to_string()).collect::<Vec<_>>().join(", ");
                let late = c.late().map(|(n, l)| format!("Nội dung {n}: {}", l.reason)).collect();
                ComplianceLine { name: c.unit.name.clone(), code: c.unit.code.clone(), disclosed, missing, late }
            })
            .collect()
    }
}

/// One commune's line of the year's compliance.
pub struct ComplianceLine {
    pub name: String,
    pub code: String,
    /// Each item disclosed as shown, and whether it was late.
    pub disclosed: Vec<(String, bool)>,
    /// The missing item numbers, comma-separated.
    pub missing: String,
    /// The late items with why.
    pub late: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "disclosures/relay.html")]
pub struct RelayPageView {
    pub nav: Nav,
    pub page: RelayPage,
    /// The disclosure whose form was refused, if any.
    pub open: Option<i64>,
    pub input: RelayInput,
    pub errors: FieldErrors,
}

impl RelayPageView {
    pub fn status(&self, v: &DisclosureView) -> String {
        match self.page.relay_of(v) {
            Some(r) => format!("Đã thông tin lại: {} · {}", r.method.label(), vn_date(r.relayed_on)),
            None => "Chưa thông tin lại".to_owned(),
        }
    }

    pub fn methods(&self, id: &i64) -> Vec<(&'static str, &'static str, bool)> {
        let chosen = if self.open == Some(*id) { self.input.method.as_str() } else { "" };
        RelayMethod::ALL.iter().map(|m| (m.as_str(), m.label(), m.as_str() == chosen)).collect()
    }

    pub fn error(&self, id: &i64, field: &str) -> String {
        if self.open == Some(*id) { self.errors.get(field).to_owned() } else { String::new() }
    }

    pub fn value(&self, id: &i64) -> String {
        if self.open == Some(*id) { self.input.relayed_on.clone() } else { String::new() }
    }

    pub fn period(&self, v: &DisclosureView) -> String {
        period(v)
    }
}
