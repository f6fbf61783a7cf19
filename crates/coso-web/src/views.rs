//! What every page shares: the page header's view of the visitor (a menu built from their
//! roles), the error page, the error summary's links, the Vietnamese date format and the unit
//! picker. Each feature's pages are in its `views.rs`.

use askama::Template;
use askama_web::WebTemplate;
use coso_domain::authz::{self, Action, Role};

use crate::auth::CurrentUser;
use crate::page_context;

/// One entry of the main menu.
#[derive(Debug, Clone)]
pub struct NavItem {
    pub href: String,
    pub label: &'static str,
    /// The page being shown is this entry or below it (`aria-current="page"`).
    pub current: bool,
}

/// What the page header needs to know about the visitor.
#[derive(Debug, Clone, Default)]
pub struct Nav {
    pub user_name: Option<String>,
    pub csrf: String,
    pub is_admin: bool,
    /// The menu: only what the visitor may open.
    pub items: Vec<NavItem>,
    /// The notice a successful form left for this page (Post/Redirect/Get).
    pub flash: Option<String>,
    /// The visitor's own home (`/cua-toi`, `/quan-tri`); empty when signed out.
    pub home: &'static str,
}

impl Nav {
    pub fn of(user: Option<&CurrentUser>) -> Nav {
        let context = page_context::current();
        let items = mark_current(menu(user), &context.path);
        match user {
            Some(u) => Nav {
                user_name: Some(u.display_name.clone()),
                csrf: u.csrf_token.clone(),
                is_admin: u.is_admin(),
                items,
                flash: context.flash,
                home: home_of(u),
            },
            // Anonymous pages are shared from a cache: they never carry a cookie's text.
            None => Nav { items, ..Nav::default() },
        }
    }

    /// The header for whoever is visiting, known from the request's context (error pages).
    pub fn of_visitor() -> Nav {
        Nav::of(page_context::current().visitor.as_ref())
    }
}

/// The page each role lands on after signing in: never one that answers 403 for it.
pub fn home_of(user: &CurrentUser) -> &'static str {
    let grants = user.domain_grants();
    if authz::allows_somewhere(&grants, Action::ViewAdmin) { "/quan-tri" } else { crate::cua_toi::PATH }
}

/// The first granted unit where the grant allows `action`: the unit a reporting screen opens on.
fn first_unit_allowing(user: &CurrentUser, action: Action) -> Option<String> {
    user.grants.iter().find(|g| authz::role_allows(g.grant().role, action)).map(|g| g.unit_code.clone())
}

fn menu(user: Option<&CurrentUser>) -> Vec<NavItem> {
    let item = |href: String, label| NavItem { href, label, current: false };
    let mut items = Vec::new();
    if let Some(u) = user {
        let grants = u.domain_grants();
        let admin = authz::is_admin(&grants);
        if grants.iter().any(|g| g.role == Role::Resident) {
            items.push(item(crate::cua_toi::PATH.into(), "Của tôi"));
        }
        let duties = [Action::SubmitReports, Action::ReviewReports];
        if (admin || duties.iter().any(|a| first_unit_allowing(u, *a).is_some()))
            && let Some(code) = first_unit_allowing(u, Action::ReadPlans)
        {
            items.push(item(format!("/quan-tri/hop-thu?don-vi={code}"), "Hộp việc"));
        }
        if let Some(code) = first_unit_allowing(u, Action::ReadPlans) {
            items.push(item(format!("/quan-tri/ke-hoach?don-vi={code}"), "Kế hoạch"));
        }
        if let Some(code) =
            first_unit_allowing(u, Action::HandleCases).or_else(|| first_unit_allowing(u, Action::ReceiveCases))
        {
            items.push(item(format!("{}?don-vi={code}", crate::case_desk::PATH), "Đơn thư"));
        }
        if let Some(code) = first_unit_allowing(u, Action::ManageConsultations)
            .or_else(|| first_unit_allowing(u, Action::CollectOpinions))
        {
            items.push(item(format!("/quan-tri/don-vi/{code}/lay-y-kien"), "Lấy ý kiến"));
        } else if let Some(code) = first_unit_allowing(u, Action::Participate) {
            items.push(item(format!("/don-vi/{code}/lay-y-kien"), "Góp ý dự thảo"));
        }
        if authz::allows_somewhere(&grants, Action::ViewAdmin) {
            items.push(item("/quan-tri".into(), "Quản trị"));
        }
        if admin {
            items.push(item("/quan-tri/nguoi-dung".into(), "Người dùng"));
            items.push(item("/quan-tri/nhat-ky".into(), "Nhật ký"));
        }
    }
    items.push(item("/don-vi".into(), "Đơn vị hành chính"));
    items.push(item("/tinh-han".into(), "Tính hạn"));
    items.push(item("/lich".into(), "Lịch"));
    items
}

/// Marks the entry whose path is the longest prefix of the page's path.
fn mark_current(mut items: Vec<NavItem>, path: &str) -> Vec<NavItem> {
    let best = items
        .iter()
        .enumerate()
        .filter(|(_, i)| {
            let base = i.href.split('?').next().unwrap_or_default();
            path == base || path.strip_prefix(base).is_some_and(|rest| rest.starts_with('/'))
        })
        .max_by_key(|(_, i)| i.href.split('?').next().unwrap_or_default().len())
        .map(|(n, _)| n);
    if let Some(n) = best {
        items[n].current = true;
    }
    items
}

#[derive(Template, WebTemplate)]
#[template(path = "shared/error.html")]
pub struct ErrorPage {
    pub nav: Nav,
    pub status: u16,
    pub message: String,
    pub request_id: String,
}

impl ErrorPage {
    pub fn new(status: u16, message: String, request_id: String) -> Self {
        Self { nav: Nav::of_visitor(), status, message, request_id }
    }
}

/// One line of an error summary: the field's id (the link's target) and what is wrong.
#[derive(Debug, Clone)]
pub struct ErrorLink {
    pub field: String,
    pub message: String,
}

impl ErrorLink {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> ErrorLink {
        ErrorLink { field: field.into(), message: message.into() }
    }
}

/// `dd/mm/yyyy`, the Vietnamese date format.
pub fn vn_date(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A unit the user can switch to (inbox, plans).
#[derive(Debug, Clone)]
pub struct UnitChoice {
    pub code: String,
    pub name: String,
    pub selected: bool,
}

/// A unit found by `unit_search_picker`'s search, with where it lies ("Tỉnh Hà Tĩnh").
#[derive(Debug, Clone)]
pub struct UnitHit {
    pub code: String,
    pub name: String,
    pub place: String,
    pub selected: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(hrefs: &[&str]) -> Vec<NavItem> {
        hrefs.iter().map(|h| NavItem { href: (*h).to_string(), label: "x", current: false }).collect()
    }

    #[test]
    fn the_longest_matching_entry_is_current() {
        let marked =
            mark_current(items(&["/quan-tri/ke-hoach?don-vi=1", "/quan-tri", "/lich"]), "/quan-tri/ke-hoach/7");
        assert_eq!(marked.iter().map(|i| i.current).collect::<Vec<_>>(), [true, false, false]);
        let marked = mark_current(items(&["/quan-tri/ke-hoach", "/quan-tri"]), "/quan-tri/don-vi/42");
        assert_eq!(marked.iter().map(|i| i.current).collect::<Vec<_>>(), [false, true]);
        let marked = mark_current(items(&["/don-vi", "/lich"]), "/don-vi-khac");
        assert!(marked.iter().all(|i| !i.current));
    }
}
