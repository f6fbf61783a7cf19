//! Opening a decision: the form checked against the matter (DEC-11) and the unit (DEC-9(a)),
//! the villages asked, and the households of their registers snapshotted with their
//! representatives, in one transaction with its audit row.

use coso_domain::FieldError;
use coso_domain::decision::{DecisionData, DecisionForm, DecisionInput};
use coso_domain::unit::UnitKind;
use coso_store::UnitRow;

use super::access::manage_permit;
use crate::{Actor, App, Error, Result};

fn has_register(kind: UnitKind) -> bool {
    matches!(kind, UnitKind::Village | UnitKind::ResidentialGroup)
}

fn is_commune(kind: UnitKind) -> bool {
    matches!(kind, UnitKind::Commune | UnitKind::Ward | UnitKind::SpecialZone)
}

/// The villages whose households vote: the village itself, or for a whole-commune ballot the
/// villages named (or all of them).
async fn villages_asked(app: &App, unit: &UnitRow, data: &DecisionData) -> Result<Vec<i64>> {
    if has_register(unit.kind) {
        if !data.villages.is_empty() {
            return Err(Error::Validation(vec![FieldError::new(
                "villages",
                "Chỉ quyết định trong phạm vi cả xã mới chọn thôn, tổ dân phố.",
            )]));
        }
        return Ok(vec![unit.id]);
    }
    if !is_commune(unit.kind) {
        return Err(Error::BadRequest(
            "Quyết định của cộng đồng dân cư chỉ mở ở thôn, tổ dân phố hoặc xã, phường, đặc khu.".into(),
        ));
    }
    if data.form != DecisionForm::Ballot {
        return Err(Error::Validation(vec![FieldError::new(
            "form",
            "Trong phạm vi cả xã, cộng đồng quyết định bằng phát phiếu lấy ý kiến hộ gia đình (điểm a khoản 1 Điều 4 \
             Nghị định số 59/2023/NĐ-CP); họp và biểu quyết trực tuyến mở ở thôn, tổ dân phố.",
        )]));
    }
    let all: Vec<UnitRow> =
        crate::units::children_today(app, unit).await?.into_iter().filter(|u| has_register(u.kind)).collect();
    if data.villages.is_empty() {
        return Ok(all.iter().map(|v| v.id).collect());
    }
    let mut ids = Vec::new();
    for code in &data.villages {
        match all.iter().find(|v| &v.code == code) {
            Some(v) => ids.push(v.id),
            None => {
                return Err(Error::Validation(vec![FieldError::new(
                    "villages",
                    format!("«{code}» không phải thôn, tổ dân phố của {}.", unit.name),
                )]));
            }
        }
    }
    Ok(ids)
}

/// Opens a decision on `unit`; returns its id.
pub async fn open(app: &App, actor: &Actor, unit: &UnitRow, input: &DecisionInput) -> Result<i64> {
    let permit = manage_permit(actor, unit)?;
    let data = DecisionData::parse(input).map_err(Error::Validation)?;
    let villages = villages_asked(app, unit, &data).await?;
    let comparison = app.settings().decisions.comparison(data.matter);
    Ok(app.store().open_decision(&permit, unit, &data, comparison, &villages, actor.audit()).await?)
}
