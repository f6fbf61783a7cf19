//! The unit search picker's hits for the desk's forms: units found by name, without
//! diacritics needed, with the chosen one first.

use coso_app::unit_search;
use coso_store::UnitSearch;

use crate::error::AppError;
use crate::state::AppState;
use crate::views::UnitHit;

/// How many units a search shows.
const HITS: i64 = 20;

/// The units found for `query`, and the chosen one (`code`) first when it is not among them.
pub async fn unit_hits(state: &AppState, query: &str, code: &str) -> Result<Vec<UnitHit>, AppError> {
    let mut hits = Vec::new();
    let query = query.trim();
    if !query.is_empty() {
        let s = UnitSearch { q: Some(query.to_string()), limit: Some(HITS), ..Default::default() };
        for h in unit_search::search(&state.app, s).await?.hits {
            hits.push(UnitHit { selected: h.unit.code == code, code: h.unit.code, name: h.unit.name, place: h.place });
        }
    }
    let code = code.trim();
    if !code.is_empty()
        && !hits.iter().any(|h| h.code == code)
        && let Some(h) = unit_search::by_code(&state.app, code).await?
    {
        hits.insert(0, UnitHit { selected: true, code: h.unit.code, name: h.unit.name, place: h.place });
    }
    Ok(hits)
}
