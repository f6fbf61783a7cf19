//! The cases an account sent (a resident's "Đơn của tôi"), newest first, on the
//! `citizen_case_sender` index of migration 0007.

use coso_domain::UserId;

use crate::cases::{CASE_SELECT, CaseRow};
use crate::dispatch::dispatch;
use crate::rows::Page;
use crate::{Result, Store};

impl Store {
    /// A page of the cases whose sender is the account `user`, the newest received first,
    /// with the count of all of them.
    pub async fn cases_sent_by(&self, user: UserId, limit: i64, offset: i64) -> Result<Page<CaseRow>> {
        let page = dispatch!(self, read, pool => {
            let items: Vec<CaseRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{CASE_SELECT} WHERE c.sender_user_id = $1 ORDER BY c.received_on DESC, c.id DESC LIMIT $2 OFFSET $3"
            )))
            .bind(user.0)
            .bind(limit)
            .bind(offset.max(0))
            .fetch_all(pool)
            .await?;
            let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM citizen_case WHERE sender_user_id = $1")
                .bind(user.0)
                .fetch_one(pool)
                .await?;
            Page { items, total }
        });
        Ok(page)
    }
}
