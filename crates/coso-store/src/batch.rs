//! Statements of one transaction sent to the database together.
//!
//! Why: sqlx runs each SQLite connection on a thread of its own, and every statement is a
//! round trip to that thread and back, two thread wake-ups. On the one writer connection those
//! hops, not SQLite, bound how many short transactions a second coso can commit (a petition is
//! a case, its sender, its first timeline row, its receipt mail and its audit row). A
//! [`Batch`] on SQLite is one multi-statement command, each statement's `$N` renumbered after
//! the values of the statements before it (sqlx binds `$N` by number in every statement of a
//! command); on PostgreSQL the statements run one after the other, as before. Either way they
//! run inside the caller's transaction, so a failure rolls all of them back.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::Arguments;
use sqlx::postgres::PgArguments;
use sqlx::sqlite::SqliteArguments;

/// A value bound to a statement of a batch; each kind is bound as the same Rust type the
/// single statements bind, so both paths store the same thing.
#[derive(Debug, Clone)]
pub(crate) enum Value {
    Int(Option<i64>),
    Bool(bool),
    Real(Option<f64>),
    Text(Option<String>),
    Date(Option<NaiveDate>),
    Time(DateTime<Utc>),
}

impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}

impl From<Option<f64>> for Value {
    fn from(v: Option<f64>) -> Self {
        Value::Real(v)
    }
}

impl From<Option<NaiveDate>> for Value {
    fn from(v: Option<NaiveDate>) -> Self {
        Value::Date(v)
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(Some(v))
    }
}

impl From<Option<i64>> for Value {
    fn from(v: Option<i64>) -> Self {
        Value::Int(v)
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(Some(v.to_owned()))
    }
}

impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(Some(v))
    }
}

impl From<Option<&str>> for Value {
    fn from(v: Option<&str>) -> Self {
        Value::Text(v.map(str::to_owned))
    }
}

impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Self {
        Value::Text(v)
    }
}

impl From<NaiveDate> for Value {
    fn from(v: NaiveDate) -> Self {
        Value::Date(Some(v))
    }
}

impl From<DateTime<Utc>> for Value {
    fn from(v: DateTime<Utc>) -> Self {
        Value::Time(v)
    }
}

macro_rules! add_value {
    ($args:expr, $value:expr) => {
        match $value {
            Value::Int(v) => $args.add(*v),
            Value::Bool(v) => $args.add(*v),
            Value::Real(v) => $args.add(*v),
            Value::Text(v) => $args.add(v.clone()),
            Value::Date(v) => $args.add(*v),
            Value::Time(v) => $args.add(*v),
        }
        .map_err(sqlx::Error::Encode)
    };
}

/// Statements to run in order inside one transaction; see the module's comment.
#[derive(Debug, Default)]
pub(crate) struct Batch {
    statements: Vec<(&'static str, Vec<Value>)>,
}

impl Batch {
    /// Adds `sql` (its placeholders `$1`…`$n` for `values`) after the statements already in.
    pub(crate) fn push(&mut self, sql: &'static str, values: Vec<Value>) {
        self.statements.push((sql, values));
    }

    /// The one command SQLite runs: the statements joined, each placeholder moved past the
    /// values of the statements before it.
    fn sqlite_command(&self) -> Result<(String, SqliteArguments), sqlx::Error> {
        let mut sql = String::new();
        let mut args = SqliteArguments::default();
        let mut offset = 0;
        for (statement, values) in &self.statements {
            sql.push_str(&renumber(statement, offset));
            sql.push_str(";\n");
            for v in values {
                add_value!(args, v)?;
            }
            offset += values.len();
        }
        Ok((sql, args))
    }

    /// Runs the batch on a SQLite connection or transaction, as one command.
    pub(crate) async fn run_sqlite(&self, conn: &mut sqlx::SqliteConnection) -> Result<(), sqlx::Error> {
        if self.statements.is_empty() {
            return Ok(());
        }
        let (sql, args) = self.sqlite_command()?;
        sqlx::query_with(sqlx::AssertSqlSafe(sql), args).execute(conn).await?;
        Ok(())
    }

    /// Runs the batch on a SQLite connection or transaction, as one command, and gives the one
    /// value its first statement returns (`… RETURNING id`); the statements after it still run.
    pub(crate) async fn run_sqlite_returning(&self, conn: &mut sqlx::SqliteConnection) -> Result<i64, sqlx::Error> {
        let (sql, args) = self.sqlite_command()?;
        let rows: Vec<i64> = sqlx::query_scalar_with(sqlx::AssertSqlSafe(sql), args).fetch_all(conn).await?;
        single(rows)
    }

    /// As [`Batch::run_sqlite_returning`], inside the savepoint `name`, opened and released in
    /// the same command; after an error the savepoint is still open, for the caller to roll
    /// back to (`group_commit.rs`).
    pub(crate) async fn run_sqlite_returning_in_savepoint(
        &self,
        name: &str,
        conn: &mut sqlx::SqliteConnection,
    ) -> Result<i64, sqlx::Error> {
        let (body, args) = self.sqlite_command()?;
        let sql = format!("SAVEPOINT {name};\n{body}RELEASE {name};");
        let rows: Vec<i64> = sqlx::query_scalar_with(sqlx::AssertSqlSafe(sql), args).fetch_all(conn).await?;
        single(rows)
    }

    /// Runs the batch on PostgreSQL, a statement at a time, and gives what the first returns.
    pub(crate) async fn run_postgres_returning(&self, conn: &mut sqlx::PgConnection) -> Result<i64, sqlx::Error> {
        let Some(((first, values), rest)) = self.statements.split_first() else {
            return Err(sqlx::Error::RowNotFound);
        };
        let returned = sqlx::query_scalar_with(*first, pg_arguments(values)?).fetch_all(&mut *conn).await?;
        run_postgres_statements(rest, conn).await?;
        single(returned)
    }

    /// Runs the batch on a PostgreSQL connection or transaction, a statement at a time.
    pub(crate) async fn run_postgres(&self, conn: &mut sqlx::PgConnection) -> Result<(), sqlx::Error> {
        run_postgres_statements(&self.statements, conn).await
    }
}

fn pg_arguments(values: &[Value]) -> Result<PgArguments, sqlx::Error> {
    let mut args = PgArguments::default();
    for v in values {
        add_value!(args, v)?;
    }
    Ok(args)
}

async fn run_postgres_statements(
    statements: &[(&'static str, Vec<Value>)],
    conn: &mut sqlx::PgConnection,
) -> Result<(), sqlx::Error> {
    for (statement, values) in statements {
        sqlx::query_with(*statement, pg_arguments(values)?).execute(&mut *conn).await?;
    }
    Ok(())
}

/// The one row a batch's first statement returned; anything else means the statement was not
/// the `INSERT … RETURNING id` the caller meant.
fn single(rows: Vec<i64>) -> Result<i64, sqlx::Error> {
    match rows.as_slice() {
        [id] => Ok(*id),
        _ => Err(sqlx::Error::RowNotFound),
    }
}

/// Runs a [`Batch`] on the connection `dispatch!` gave, whichever backend it is.
pub(crate) trait RunBatch {
    async fn run_batch(&mut self, batch: &Batch) -> Result<(), sqlx::Error>;
    /// As `run_batch`, giving the id the first statement returns.
    async fn run_batch_returning(&mut self, batch: &Batch) -> Result<i64, sqlx::Error>;
}

impl RunBatch for sqlx::SqliteConnection {
    async fn run_batch(&mut self, batch: &Batch) -> Result<(), sqlx::Error> {
        batch.run_sqlite(self).await
    }

    async fn run_batch_returning(&mut self, batch: &Batch) -> Result<i64, sqlx::Error> {
        batch.run_sqlite_returning(self).await
    }
}

impl RunBatch for sqlx::PgConnection {
    async fn run_batch(&mut self, batch: &Batch) -> Result<(), sqlx::Error> {
        batch.run_postgres(self).await
    }

    async fn run_batch_returning(&mut self, batch: &Batch) -> Result<i64, sqlx::Error> {
        batch.run_postgres_returning(self).await
    }
}

/// `sql` with every placeholder `$n` written `$(n + offset)`.
fn renumber(sql: &str, offset: usize) -> String {
    if offset == 0 {
        return sql.to_owned();
    }
    let mut out = String::with_capacity(sql.len() + 8);
    let mut chars = sql.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        out.push(c);
        if c != '$' {
            continue;
        }
        let mut n: usize = 0;
        let mut digits = 0;
        while let Some(&(_, d)) = chars.peek() {
            let Some(v) = d.to_digit(10) else { break };
            n = n * 10 + v as usize;
            digits += 1;
            chars.next();
        }
        if digits > 0 {
            out.push_str(&(n + offset).to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_move_past_the_statements_before() {
        assert_eq!(renumber("VALUES ($1, $2, $1)", 0), "VALUES ($1, $2, $1)");
        assert_eq!(renumber("VALUES ($1, $2, $10, $5)", 7), "VALUES ($8, $9, $17, $12)");
        assert_eq!(renumber("SELECT '$' || $1", 3), "SELECT '$' || $4");
    }

    #[test]
    fn the_sqlite_command_joins_the_statements_with_their_values_in_order() {
        let mut b = Batch::default();
        b.push("INSERT INTO a (x, y) VALUES ($1, $2)", vec![1.into(), "một".into()]);
        b.push("INSERT INTO b (z, w) VALUES ($1, $2, $1)", vec![Value::Int(None), "hai".into()]);
        let (sql, args) = b.sqlite_command().expect("command");
        assert_eq!(sql, "INSERT INTO a (x, y) VALUES ($1, $2);\nINSERT INTO b (z, w) VALUES ($3, $4, $3);\n");
        assert_eq!(sqlx::Arguments::len(&args), 4);
    }
}
