//! A petition sent by a resident: through the public form (with or without an account) or by
//! an Open311 client. The law lets a petition be sent without the sender's identity; a
//! complaint or a denunciation cannot come this way. Everything is checked before anything is
//! written; then the case, its sender, its photos (without their metadata), its first timeline
//! row, the receipt mail and the audit row go in one transaction.

use chrono::NaiveDate;
use coso_calendar::HolidayCalendar;
use coso_domain::FieldError;
use coso_domain::case::{CaseActionKind, Channel};
use coso_store::{CasePlace, IntakeFile, NewCaseAction, NewIntake, NewMail, StoreError};

use super::input::{NewCase, SenderInput};
use super::photos;
use super::register::{new_tracking_code, stored_case, validate_stored};
use crate::{Actor, App, Error, Result};

/// Photos a petition may carry.
pub const MAX_PHOTOS: usize = 3;
/// The longest place, name and phone typed, in characters.
const MAX_PLACE_CHARS: usize = 500;
const MAX_NAME_CHARS: usize = 200;
/// Attempts at drawing a tracking code not yet used.
const CODE_ATTEMPTS: usize = 3;

/// A photo as uploaded. `too_large`: it passed the size limit and was not kept whole.
#[derive(Debug, Clone, Default)]
pub struct PhotoUpload {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub too_large: bool,
}

/// A petition as the resident typed it.
#[derive(Debug, Clone, Default)]
pub struct PublicPetition {
    /// The code of the unit it is sent to.
    pub unit: String,
    pub category: String,
    pub content: String,
    /// The place it is about (an address).
    pub place: String,
    pub latitude: Option<String>,
    pub longitude: Option<String>,
    /// A link to a photo (Open311's `media_url`).
    pub media_url: Option<String>,
    /// The sender agrees that the petition and its answer are published.
    pub publish: bool,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub photos: Vec<PhotoUpload>,
    /// `web` (the form) or `app` (Open311 and other applications).
    pub channel: Option<Channel>,
    /// The application that sent it with its Open311 key, named in the first timeline note.
    pub client: Option<String>,
}

/// The limits of a submission, from the configuration.
#[derive(Debug, Clone, Copy)]
pub struct IntakeLimits {
    pub max_photo_bytes: usize,
}

/// Who sends: a signed-in account (linked as the sender) or nobody known.
#[derive(Debug, Clone, Copy)]
pub enum Submitter<'a> {
    Account(&'a Actor),
    /// Anonymous, through `via` (`form`, `open311`); `request_id` ties the audit row to the logs.
    Public {
        via: &'static str,
        request_id: Option<&'a str>,
    },
}

/// What the sender is told: the tracking code and when the answer is due.
#[derive(Debug, Clone)]
pub struct Submitted {
    pub code: String,
    pub unit_code: String,
    pub unit_name: String,
    pub received_on: NaiveDate,
    pub reply_due: Option<NaiveDate>,
    /// A receipt mail was queued.
    pub mailed: bool,
}

fn cleaned(raw: &str) -> Option<String> {
    Some(coso_text::clean(raw)).filter(|s| !s.is_empty())
}

fn too_long(field: &'static str, label: &str, value: &Option<String>, max: usize) -> Option<FieldError> {
    let n = value.as_ref()?.chars().count();
    (n > max).then(|| FieldError::new(field, format!("{label} dài {n} ký tự, quá giới hạn {max} ký tự.")))
}

/// A coordinate typed as a decimal number within `range`.
fn coordinate(field: &'static str, label: &str, raw: Option<&str>, range: f64) -> Result<Option<f64>, FieldError> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else { return Ok(None) };
    match raw.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= range => Ok(Some(v)),
        _ => Err(FieldError::new(
            field,
            format!("{label} «{raw}» không hợp lệ: hãy nhập số thập phân từ -{range} đến {range}."),
        )),
    }
}

fn phone_error(phone: &str) -> Option<FieldError> {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = phone.chars().all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '.' | '-' | '(' | ')'));
    (!allowed || !(8..=15).contains(&digits))
        .then(|| FieldError::new("phone", format!("«{phone}» không phải là số điện thoại (8 đến 15 chữ số).")))
}

/// Registers the petition, or says what is wrong, field by field, with nothing saved.
pub async fn submit_petition(
    app: &App,
    who: Submitter<'_>,
    calendar: &HolidayCalendar,
    input: PublicPetition,
    limits: IntakeLimits,
) -> Result<Submitted> {
    let today = app.today();
    let channel = input.channel.unwrap_or(Channel::Web);
    let unit = app.store().unit_by_code(input.unit.trim()).await?;
    let new = NewCase {
        unit: input.unit.clone(),
        kind: "petition".into(),
        received_on: today.to_string(),
        content: input.content.clone(),
        category: Some(input.category.clone()),
        channel: Some(channel.as_str().into()),
        sender: SenderInput {
            name: Some(input.name.clone()),
            phone: Some(input.phone.clone()),
            email: Some(input.email.clone()),
            ..Default::default()
        },
        publish: input.publish,
        ..Default::default()
    };
    let mut errors = Vec::new();
    let checked = match new.check(today) {
        Ok(c) => Some(c),
        Err(e) => {
            errors.extend(e.into_iter().map(|e| match e.field {
                "sender.email" => FieldError::new("email", e.message),
                _ => e,
            }));
            None
        }
    };
    let category = coso_text::clean(&input.category);
    if category.is_empty() {
        errors.push(FieldError::new("category", "Hãy chọn lĩnh vực của phản ánh, kiến nghị."));
    }
    let place = cleaned(&input.place);
    let name = cleaned(&input.name);
    errors.extend(too_long("place", "Địa điểm", &place, MAX_PLACE_CHARS));
    errors.extend(too_long("name", "Họ và tên", &name, MAX_NAME_CHARS));
    if let Some(phone) = cleaned(&input.phone) {
        errors.extend(phone_error(&phone));
    }
    let latitude =
        coordinate("lat", "Vĩ độ", input.latitude.as_deref(), 90.0).map_err(|e| errors.push(e)).ok().flatten();
    let longitude =
        coordinate("long", "Kinh độ", input.longitude.as_deref(), 180.0).map_err(|e| errors.push(e)).ok().flatten();
    let media_url = input.media_url.as_deref().and_then(cleaned);
    if let Some(url) = &media_url
        && (!(url.starts_with("https://") || url.starts_with("http://")) || url.chars().count() > 1000)
    {
        errors.push(FieldError::new(
            "media_url",
            "Đường dẫn ảnh phải là một địa chỉ http:// hoặc https:// (tối đa 1000 ký tự).",
        ));
    }
    let uploaded: Vec<&PhotoUpload> =
        input.photos.iter().filter(|p| !p.bytes.is_empty() || !p.file_name.is_empty() || p.too_large).collect();
    if uploaded.len() > MAX_PHOTOS {
        errors.push(FieldError::new(photos::FIELD, format!("Chỉ gửi được tối đa {MAX_PHOTOS} ảnh.")));
    }
    let mut files = Vec::new();
    for p in uploaded.iter().take(MAX_PHOTOS) {
        if p.too_large || p.bytes.len() > limits.max_photo_bytes {
            errors.push(FieldError::new(
                photos::FIELD,
                format!(
                    "Ảnh «{}» lớn hơn giới hạn {} MB; hãy chọn ảnh nhỏ hơn.",
                    coso_text::clean(&p.file_name),
                    limits.max_photo_bytes.div_ceil(1024 * 1024)
                ),
            ));
            continue;
        }
        match photos::clean(&p.file_name, &p.bytes) {
            Ok(photo) => files.push(IntakeFile {
                file_name: photo.file_name,
                content_type: photo.kind.content_type().into(),
                bytes: photo.bytes,
            }),
            Err(e) => errors.push(e),
        }
    }
    let Some(unit) = unit else {
        errors.insert(0, FieldError::new("unit", format!("Không có đơn vị mã «{}».", input.unit.trim())));
        return Err(Error::Validation(errors));
    };
    if let Some(checked) = &checked
        && let Err(Error::Validation(e)) = validate_stored(app, calendar, &unit, checked).await
    {
        errors.extend(e);
    }
    let (Some(checked), true) = (checked, errors.is_empty()) else {
        return Err(Error::Validation(errors));
    };
    let remote = app.store().unit_remote(unit.unit_id()).await?;
    let mut case = stored_case(calendar, &unit, &checked, remote, None, 1)?;
    let (actor, account_email) = match who {
        Submitter::Account(actor) => {
            case.sender_user_id = actor.user_id().map(|u| u.0);
            (actor.audit().clone(), Some(actor.audit().label.clone()))
        }
        Submitter::Public { via, request_id } => (
            coso_store::Actor {
                user_id: None,
                label: format!("public:{via}"),
                request_id: request_id.map(str::to_string),
            },
            None,
        ),
    };
    let mail_to = checked.sender.email.clone().or(account_email.filter(|e| e.contains('@')));
    let action = NewCaseAction {
        action: CaseActionKind::Receive,
        on_date: today,
        note: input.client.as_ref().map(|c| format!("Gửi qua ứng dụng «{c}» (Open311).")),
        detail: serde_json::json!({ "channel": channel.as_str(), "photos": files.len() }),
    };
    let mut intake = NewIntake {
        case,
        place: CasePlace { place, latitude, longitude, media_url },
        sender: checked.sender.clone(),
        action,
        files,
        mails: vec![],
        audit_after: serde_json::Value::Null,
    };
    for _ in 0..CODE_ATTEMPTS {
        let code = new_tracking_code().display();
        intake.case.code = code.clone();
        intake.mails = mail_to.iter().map(|to| receipt_mail(app, to, &code, &unit.name, &intake.case)).collect();
        // The audit row names what was sent, never who sent it.
        intake.audit_after = serde_json::json!({
            "code": code,
            "kind": "petition",
            "unit_id": unit.id,
            "channel": channel.as_str(),
            "category": intake.case.category,
            "publish": intake.case.publish,
            "photos": intake.files.len(),
        });
        match app.store().insert_intake(&intake, &actor).await {
            Err(StoreError::Conflict { field: "code", .. }) => continue,
            Err(e) => return Err(e.into()),
            Ok(_) => {
                return Ok(Submitted {
                    code,
                    unit_code: unit.code.clone(),
                    unit_name: unit.name.clone(),
                    received_on: today,
                    reply_due: intake.case.resolution_due_on.or(intake.case.due_on),
                    mailed: !intake.mails.is_empty(),
                });
            }
        }
    }
    Err(Error::internal("no free tracking code after several draws"))
}

/// The mail that gives the sender the tracking code.
fn receipt_mail(app: &App, to: &str, code: &str, unit_name: &str, case: &coso_store::NewCase) -> NewMail {
    let link = app
        .settings()
        .base_url
        .as_deref()
        .map(|base| format!("\nTheo dõi đơn tại: {}/theo-doi/{code}\n", base.trim_end_matches('/')))
        .unwrap_or_default();
    let due = case
        .resolution_due_on
        .or(case.due_on)
        .map(|d| format!(" Hạn trả lời: {}.", coso_calendar::format_vn(d)))
        .unwrap_or_default();
    NewMail {
        to_addr: to.to_string(),
        subject: format!("Đã tiếp nhận phản ánh, kiến nghị — mã theo dõi {code}"),
        body: format!(
            "{unit_name} đã tiếp nhận phản ánh, kiến nghị của bạn ngày {}.{due}\nMã theo dõi: {code}\n{link}",
            coso_calendar::format_vn(case.received_on)
        ),
        dedupe_key: format!("case:{code}:receipt"),
    }
}
