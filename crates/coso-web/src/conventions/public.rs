//! `/don-vi/{code}/huong-uoc`: a village's convention as anyone reads it — the text in force
//! with the commune's decision, and while one is posted the draft with its posting dates.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use coso_app::conventions::{self, PostedDraft, PublicConvention};
use coso_store::UnitRow;

use crate::auth::MaybeUser;
use crate::error::PageResult;
use crate::extract::Path;
use crate::state::AppState;
use crate::views::{Nav, vn_date};

#[derive(Template, WebTemplate)]
#[template(path = "conventions/public.html")]
pub struct PublicPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub rows: Vec<PublicConvention>,
}

impl PublicPage {
    pub fn date(&self, d: &chrono::NaiveDate) -> String {
        vn_date(*d)
    }

    /// «Niêm yết từ 04/03/2024 tại Nhà văn hóa thôn; biểu quyết sớm nhất ngày 03/04/2024.»
    pub fn posting(&self, p: &PostedDraft) -> String {
        let place = p.place.as_deref().map(|x| format!(" tại {x}")).unwrap_or_default();
        format!(
            "Dự thảo niêm yết lấy ý kiến từ ngày {}{place}, ít nhất 30 ngày; cộng đồng biểu quyết sớm nhất ngày {}.",
            vn_date(p.posted_on),
            vn_date(p.vote_from)
        )
    }
}

pub async fn page(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
) -> PageResult<PublicPage> {
    let calendar = crate::calendar::current(&state).await?;
    let (unit, rows) = conventions::public_for_unit(&state.app, &calendar, &code).await?;
    Ok(PublicPage { nav: Nav::of(user.as_ref()), unit, rows })
}
