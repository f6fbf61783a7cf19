//! Short SQLite transactions committed together: group commit.
//!
//! Why: SQLite has one writer, and each commit writes every page its transaction touched to the
//! write-ahead log — for a petition the last pages of the case, sender, timeline, mail and audit
//! tables and of their indexes, most of them the same pages the petition before it touched. When
//! petitions arrive faster than the writer commits them one by one, the ones waiting are
//! committed in one transaction: each page is written once for the group, and the writer's
//! thread is reached once per petition instead of three times (BEGIN, the batch, COMMIT).
//!
//! How: a caller queues its [`Batch`] and waits for either its answer or the leader's lock.
//! Whoever takes the lock drains the queue and commits what it found, in a task of its own so
//! that a caller who goes away (a closed connection) never leaves a group half done. Each batch
//! runs inside a savepoint: one that fails (a tracking code already taken) is rolled back alone
//! and gets its own error, and the others are still committed. Nobody is answered before the
//! group's COMMIT has returned, so an acknowledged petition is as durable as before.

use std::sync::Mutex;

use sqlx::SqlitePool;
use tokio::sync::oneshot;

use crate::batch::Batch;

/// At most this many batches in one transaction: a group's callers wait for all of it.
const MAX_GROUP: usize = 64;

/// The savepoint each batch of a group runs in.
const SAVEPOINT: &str = "coso_group_member";

struct Job {
    batch: Batch,
    answer: oneshot::Sender<Result<i64, sqlx::Error>>,
}

/// The queue of batches waiting for the writer, and the lock of the one caller committing them.
#[derive(Default)]
pub(crate) struct GroupCommit {
    queue: Mutex<Vec<Job>>,
    leader: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for GroupCommit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GroupCommit").finish_non_exhaustive()
    }
}

impl GroupCommit {
    /// Commits `batch` on `pool` (the writer), with whatever other batches are waiting, and
    /// gives the id its first statement returned, once the transaction holding it is committed.
    pub(crate) async fn run_returning(&self, pool: &SqlitePool, batch: Batch) -> Result<i64, sqlx::Error> {
        let (answer, mut answered) = oneshot::channel();
        self.queue().push(Job { batch, answer });
        loop {
            tokio::select! {
                biased;
                result = &mut answered => return result.unwrap_or_else(|_| Err(lost())),
                _leader = self.leader.lock() => {
                    if let Ok(result) = answered.try_recv() {
                        return result;
                    }
                    let group = self.take_group();
                    if !group.is_empty() {
                        // A task of its own: the group is finished even if this caller is gone.
                        let _ = tokio::spawn(commit(pool.clone(), group)).await;
                    }
                }
            }
        }
    }

    fn queue(&self) -> std::sync::MutexGuard<'_, Vec<Job>> {
        // A panic while the queue was held cannot leave it half changed (a push or a drain).
        self.queue.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn take_group(&self) -> Vec<Job> {
        let mut queue = self.queue();
        let n = queue.len().min(MAX_GROUP);
        queue.drain(..n).collect()
    }
}

/// One transaction for the whole group, each batch in its savepoint; the answers are sent after
/// the COMMIT, or are all errors if the transaction could not be committed.
async fn commit(pool: SqlitePool, group: Vec<Job>) {
    let mut tx = match pool.begin().await {
        Ok(tx) => tx,
        Err(e) => return refuse_all(group.into_iter().map(|j| j.answer), &e.to_string()),
    };
    let mut ran = Vec::with_capacity(group.len());
    let mut broken: Option<String> = None;
    for job in group {
        if broken.is_some() {
            ran.push((job.answer, 0));
            continue;
        }
        match job.batch.run_sqlite_returning_in_savepoint(SAVEPOINT, &mut tx).await {
            Ok(id) => ran.push((job.answer, id)),
            Err(e) => {
                let undo = format!("ROLLBACK TO {SAVEPOINT}; RELEASE {SAVEPOINT}");
                if let Err(undo) = sqlx::query(sqlx::AssertSqlSafe(undo)).execute(&mut *tx).await {
                    // The transaction itself is gone (SQLite rolls back a whole transaction
                    // on some errors): nothing of the group can be committed.
                    broken = Some(undo.to_string());
                }
                let _ = job.answer.send(Err(e));
            }
        }
    }
    if let Some(why) = broken {
        drop(tx);
        return refuse_all(ran.into_iter().map(|(answer, _)| answer), &why);
    }
    match tx.commit().await {
        Ok(()) => {
            for (answer, id) in ran {
                let _ = answer.send(Ok(id));
            }
        }
        Err(e) => refuse_all(ran.into_iter().map(|(answer, _)| answer), &e.to_string()),
    }
}

fn refuse_all(answers: impl Iterator<Item = oneshot::Sender<Result<i64, sqlx::Error>>>, why: &str) {
    for answer in answers {
        let _ = answer.send(Err(group_failed(why)));
    }
}

fn group_failed(why: &str) -> sqlx::Error {
    sqlx::Error::Io(std::io::Error::other(format!("the transaction this write was committed in failed: {why}")))
}

/// The task committing the group ended without answering (the runtime was shutting down).
fn lost() -> sqlx::Error {
    sqlx::Error::Io(std::io::Error::other("the write was not answered: the server is stopping"))
}
