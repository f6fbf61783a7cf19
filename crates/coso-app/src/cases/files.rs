//! Files of a case: added by those who handle it, checked to be what their name says, images
//! stored without their metadata; a denouncer's handwriting is read only by cleared users,
//! and each such read is audited.

use coso_domain::case::files;
use coso_store::{CaseFileData, CaseFileMeta, CaseRow, NewCaseFile};

use super::access::{audit_identity_read, case_to_handle, may_read_sender};
use crate::{Actor, App, Error, Result};

/// The largest file a case accepts when the settings say nothing.
pub const DEFAULT_CASE_FILE_LIMIT: usize = 10 * 1024 * 1024;

/// Adds the file `file_name` to the case `id`. `identity` marks a scan that shows who the
/// sender is (a denouncer's handwriting); `public` one shown with the public answer.
pub async fn attach_file(
    app: &App,
    actor: &Actor,
    id: i64,
    file_name: &str,
    bytes: &[u8],
    identity: bool,
    public: bool,
) -> Result<CaseFileMeta> {
    let case = case_to_handle(app, actor, id).await?;
    let limit = app.settings().case_file_limit.unwrap_or(DEFAULT_CASE_FILE_LIMIT);
    let file_name = coso_text::clean(file_name);
    if bytes.is_empty() {
        return Err(Error::field("file", "Tệp rỗng."));
    }
    if bytes.len() > limit {
        return Err(Error::field(
            "file",
            format!(
                "Tệp quá lớn: {:.1} MB, tối đa {:.1} MB.",
                bytes.len() as f64 / 1_048_576.0,
                limit as f64 / 1_048_576.0
            ),
        ));
    }
    if identity && public {
        return Err(Error::field("public", "Tệp chứa thông tin người gửi đơn không được công khai."));
    }
    let kind = files::check("file", &file_name, bytes).map_err(|e| Error::Validation(vec![e]))?;
    let data = files::strip_metadata("file", kind, bytes).map_err(|e| Error::Validation(vec![e]))?;
    let new = NewCaseFile {
        case_id: case.case_id(),
        unit_id: coso_domain::UnitId(case.unit_id),
        file_name: &file_name,
        content_type: kind.content_type(),
        data: &data,
        identity,
        public,
    };
    Ok(app.store().add_case_file(&new, actor.audit()).await?)
}

/// Whether the actor may see a file of `case` that shows the sender.
async fn may_see(app: &App, actor: &Actor, case: &CaseRow, file: &CaseFileMeta) -> Result<bool> {
    if !file.identity {
        return Ok(true);
    }
    may_read_sender(app, actor, case).await
}

/// One file of the case `id`, with its bytes. A file showing a denouncer is "not found" for
/// those not cleared, and reading it is audited.
pub async fn file(app: &App, actor: &Actor, id: i64, file_id: i64) -> Result<CaseFileData> {
    let case = case_to_handle(app, actor, id).await?;
    let file = app.store().case_file(case.case_id(), file_id).await?.ok_or(Error::NotFound)?;
    if !may_see(app, actor, &case, &file.meta).await? {
        return Err(Error::NotFound);
    }
    if file.meta.identity && case.kind.identity_is_secret() {
        audit_identity_read(app, actor, &case).await?;
    }
    Ok(file)
}
