//! The officials' desk: a case's page (without a denouncer's identity unless a cleared user
//! asks for it, and every such read audited), the steps its state allows, its files, and
//! registering a case with its scanned letter.

use coso_calendar::HolidayCalendar;
use coso_domain::FieldError;
use coso_domain::case::{CaseActionKind, next};
use coso_domain::file_signature::Signature;
use coso_store::{CaseFileData, CaseHandler, CaseRow, IntakeFile};

use super::NewCase;
use super::access::{audit_identity_read, case_to_handle, may_read_sender};
use super::photos;
use super::register::register_with_files;
use super::view::{CaseView, assemble};
use crate::{Actor, App, Error, Result};

/// The largest scanned letter, in bytes.
pub const MAX_LETTER_BYTES: usize = 10 * 1024 * 1024;

/// The steps an official may take from a case's page, in the order the page offers them.
pub const DESK_STEPS: [CaseActionKind; 10] = [
    CaseActionKind::Accept,
    CaseActionKind::Refuse,
    CaseActionKind::Forward,
    CaseActionKind::Assign,
    CaseActionKind::RequestVerification,
    CaseActionKind::Extend,
    CaseActionKind::Answer,
    CaseActionKind::Close,
    CaseActionKind::Withdraw,
    CaseActionKind::Reopen,
];

/// A case as its page shows it.
#[derive(Debug, Clone)]
pub struct CasePage {
    /// The case, deadlines and timeline; `sender` only when the actor may read it and, for a
    /// denunciation, asked to.
    pub view: CaseView,
    /// The sender's identity is a secret (denunciations and their information).
    pub identity_secret: bool,
    /// The actor holds the clearance to read the denouncer's identity.
    pub may_reveal: bool,
    /// The steps the state machine allows now.
    pub steps: Vec<CaseActionKind>,
    /// Who the case may be given to.
    pub handlers: Vec<CaseHandler>,
    /// The case's category in words.
    pub category_name: String,
}

/// The steps the case's state allows now (and an extension only while one is left).
pub fn allowed_steps(case: &CaseRow) -> Vec<CaseActionKind> {
    DESK_STEPS
        .into_iter()
        .filter(|a| next(case.status, case.kind, *a).is_ok())
        .filter(|a| *a != CaseActionKind::Extend || case.extensions < case.complexity.max_extensions())
        .collect()
}

async fn page(app: &App, actor: &Actor, calendar: &HolidayCalendar, case: CaseRow, reveal: bool) -> Result<CasePage> {
    let identity_secret = case.kind.identity_is_secret();
    let may_read = may_read_sender(app, actor, &case).await?;
    if reveal && !(identity_secret && may_read) {
        return Err(Error::Forbidden);
    }
    let show_sender = may_read && (!identity_secret || reveal);
    let view = assemble(app, actor, calendar, case, show_sender).await?;
    let case = &view.case;
    let units: Vec<_> = case.unit_path().ids().collect();
    let handlers = app.store().case_handlers(&units).await?;
    let steps = allowed_steps(case);
    let category_name = app
        .store()
        .case_categories(coso_domain::UnitId(case.unit_id))
        .await?
        .into_iter()
        .find(|c| c.code == case.category)
        .map_or_else(|| case.category.clone(), |c| c.name);
    Ok(CasePage { view, identity_secret, may_reveal: identity_secret && may_read, steps, handlers, category_name })
}

/// The page of case `id` for an official who handles its unit's cases. A denouncer's identity
/// is not on it: see [`reveal_sender`].
pub async fn case_page(app: &App, actor: &Actor, calendar: &HolidayCalendar, id: i64) -> Result<CasePage> {
    let case = case_to_handle(app, actor, id).await?;
    page(app, actor, calendar, case, false).await
}

/// The page of case `id` with the denouncer's identity, for a user cleared on its unit; the
/// read is audited. Anyone else is refused.
pub async fn reveal_sender(app: &App, actor: &Actor, calendar: &HolidayCalendar, id: i64) -> Result<CasePage> {
    let case = case_to_handle(app, actor, id).await?;
    page(app, actor, calendar, case, true).await
}

/// One file of a case, for its officials; a denouncer's handwriting only for a cleared user,
/// and that read is audited.
pub async fn case_file(app: &App, actor: &Actor, id: i64, file: i64) -> Result<CaseFileData> {
    let case = case_to_handle(app, actor, id).await?;
    let data = app.store().case_file(case.case_id(), file).await?.ok_or(Error::NotFound)?;
    if data.meta.identity {
        if !may_read_sender(app, actor, &case).await? {
            return Err(Error::NotFound);
        }
        audit_identity_read(app, actor, &case).await?;
    }
    Ok(data)
}

/// The content type of a scanned letter read from its first bytes (PDF, JPEG, PNG), or why
/// it is refused, on the field `letter`.
pub fn check_letter(bytes: &[u8]) -> std::result::Result<&'static str, FieldError> {
    if bytes.len() > MAX_LETTER_BYTES {
        return Err(FieldError::new(
            "letter",
            format!(
                "Tệp đơn quét quá lớn: {:.1} MB, tối đa {} MB.",
                bytes.len() as f64 / 1_048_576.0,
                MAX_LETTER_BYTES / 1_048_576
            ),
        ));
    }
    Signature::of(bytes).and_then(Signature::content_type).ok_or_else(|| {
        FieldError::new("letter", "Tệp đơn quét phải là PDF hoặc ảnh JPEG, PNG; nội dung tệp không đúng loại này.")
    })
}

/// A scanned letter as uploaded: its name and bytes.
#[derive(Debug, Clone)]
pub struct Letter {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The letter as stored: its type checked from its content, an image without its metadata
/// (EXIF GPS included, by the petition photos' cleaner), or why it is refused.
fn letter_file(letter: &Letter) -> std::result::Result<IntakeFile, FieldError> {
    let content_type = check_letter(&letter.bytes)?;
    let bytes = match content_type {
        "image/jpeg" => photos::strip_jpeg(&letter.bytes),
        "image/png" => photos::strip_png(&letter.bytes),
        _ => Some(letter.bytes.clone()),
    }
    .ok_or_else(|| FieldError::new("letter", "Ảnh đơn quét bị hỏng, không đọc được; hãy quét lại."))?;
    let name = coso_text::clean(&letter.file_name);
    let file_name = if name.is_empty() { "don.pdf".to_string() } else { name };
    Ok(IntakeFile { file_name, content_type: content_type.into(), bytes, identity: false, public: false })
}

/// Registers a case with its scanned letter, if any, in one transaction. A wrong letter is
/// reported with the case's other errors and nothing is saved. The letter of a denunciation
/// is kept as the denouncer's handwriting: only cleared users open it.
pub async fn register_at_desk(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    input: &NewCase,
    letter: Option<Letter>,
) -> Result<CaseView> {
    let files = match letter.as_ref().map(letter_file).transpose() {
        Ok(file) => file.into_iter().collect(),
        Err(e) => {
            let mut errors = input.check(app.today()).err().unwrap_or_default();
            errors.push(e);
            return Err(Error::Validation(errors));
        }
    };
    register_with_files(app, actor, calendar, input, files).await
}
