//! How many community meetings and household ballots a subtree held in a period, for the
//! periodic report: a meeting counts once closed (held, with its result), a ballot once its
//! ballots were issued, each on its first day.

use chrono::NaiveDate;
use coso_domain::decision::DecisionForm;

use crate::case_queries::subtree_bounds;
use crate::dispatch::dispatch;
use crate::units::UnitRow;
use crate::{Result, Store};

impl Store {
    /// The meetings held, or the household ballots issued, by `unit` and the units below it
    /// with their first day within `from..=to`; online votes are not counted here.
    pub async fn decisions_held(
        &self,
        unit: &UnitRow,
        form: DecisionForm,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<i64> {
        let sql = match form {
            DecisionForm::Meeting => {
                "SELECT COUNT(*) FROM decision d JOIN unit u ON u.id = d.unit_id \
                 WHERE u.path >= $1 AND u.path < $2 AND d.form = 'meeting' AND d.status = 'closed' \
                 AND d.held_on >= $3 AND d.held_on <= $4"
            }
            DecisionForm::Ballot => {
                "SELECT COUNT(*) FROM decision d JOIN unit u ON u.id = d.unit_id \
                 WHERE u.path >= $1 AND u.path < $2 AND d.form = 'ballot' \
                 AND EXISTS (SELECT 1 FROM decision_ballot_plan p WHERE p.decision_id = d.id) \
                 AND d.held_on >= $3 AND d.held_on <= $4"
            }
            DecisionForm::Online => return Ok(0),
        };
        let (low, high) = subtree_bounds(&unit.path);
        let n: i64 = dispatch!(self, read, pool => {
            sqlx::query_scalar(sql).bind(&low).bind(&high).bind(from).bind(to).fetch_one(pool).await?
        });
        Ok(n)
    }
}
