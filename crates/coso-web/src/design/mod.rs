//! `/quan-tri/thiet-ke`: the living style page. Every component of the design system
//! (`templates/shared/components/`) shown with realistic content, so that a new page is
//! built from what is here. Administrators only: it is a tool for those who build pages, and
//! the binary has no separate development build to put it in.

mod views;

use axum::Router;
use axum::routing::get;

use crate::auth::CurrentUser;
use crate::error::{AppError, PageResult};
use crate::state::AppState;
use crate::views::{ErrorLink, Nav, UnitChoice, UnitHit};
use views::StylePage;

pub fn routes() -> Router<AppState> {
    Router::new().route("/quan-tri/thiet-ke", get(style_page))
}

async fn style_page(user: CurrentUser) -> PageResult<StylePage> {
    if !user.is_admin() {
        return Err(AppError::Forbidden.into());
    }
    let choice =
        |code: &str, name: &str| UnitChoice { code: code.into(), name: name.into(), selected: code == "28840" };
    Ok(StylePage {
        nav: Nav::of(Some(&user)),
        errors: vec![
            ErrorLink::new("vd-ten", "Nhập tên thôn, tổ dân phố."),
            ErrorLink::new("vd-ngay", "Ngày hiệu lực phải theo dạng dd/mm/yyyy, ví dụ 01/07/2025."),
        ],
        outcomes: vec![
            ("guided".into(), "Hướng dẫn, giải thích", false),
            ("petition".into(), "Tiếp nhận kiến nghị, phản ánh", true),
        ],
        units: vec![
            choice("42", "Tỉnh Hà Tĩnh"),
            choice("28840", "Xã Thạch Hà"),
            choice("28840-T01", "Thôn Đông Tiến"),
            choice("28840-T02", "Thôn Tây Sơn"),
        ],
        hits: vec![
            UnitHit {
                code: "18115".into(),
                name: "Phường Bắc Hồng Lĩnh".into(),
                place: "Tỉnh Hà Tĩnh".into(),
                selected: true,
            },
            UnitHit {
                code: "18118".into(),
                name: "Phường Nam Hồng Lĩnh".into(),
                place: "Tỉnh Hà Tĩnh".into(),
                selected: false,
            },
        ],
    })
}
