//! A case sent by a resident, the one intake of every resident door: a petition through the
//! public form (with or without an account) or an Open311 client, which the law lets come
//! without the sender's identity; and a petition, complaint or denunciation sent by a
//! signed-in, verified resident under the account's name (`/cua-toi/gui-don`), since a
//! complaint or a denunciation needs the sender's identity. Everything is checked before
//! anything is written; then the case, its sender (apart from it), its photos (without their
//! metadata), its first timeline row, the receipt mail and the audit row go in one transaction.

use chrono::NaiveDate;
use coso_calendar::HolidayCalendar;
use coso_domain::FieldError;
use coso_domain::case::{CaseActionKind, CaseKind, Channel};
use coso_store::{CasePlace, IntakeFile, NewCaseAction, NewMail};

use super::input::{NewCase, SenderInput};
use super::photos;
use super::register::{Unwritten, insert_with_fresh_code, stored_case, validate_stored};
use crate::{Actor, App, Error, Result};

/// Photos a petition may carry.
pub const MAX_PHOTOS: usize = 3;
/// The longest place, name and phone typed, in characters.
const MAX_PLACE_CHARS: usize = 500;
const MAX_NAME_CHARS: usize = 200;
/// The digits an ID number has: a citizen ID card 12, an older identity card 9.
const ID_NUMBER_DIGITS: [usize; 2] = [9, 12];

/// A photo as uploaded (the form's reader in the domain marks one over the limit).
pub use coso_domain::case::intake::PhotoUpload;

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

/// A case a signed-in resident sends under their own name: the name and the e-mail are the
/// account's; the address (and for a denunciation a way to be reached) is what the law asks.
#[derive(Debug, Clone, Default)]
pub struct ResidentCase {
    /// `petition`, `complaint` or `denunciation`.
    pub kind: String,
    /// The code of the unit it is sent to.
    pub unit: String,
    pub category: String,
    pub content: String,
    /// Where the sender lives.
    pub address: String,
    pub phone: String,
    /// The citizen ID number (căn cước), optional.
    pub id_number: String,
    /// A petition's sender agrees that it and its answer are published.
    pub publish: bool,
    pub photos: Vec<PhotoUpload>,
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
    pub kind: CaseKind,
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

/// What every door hands to [`receive`]: the case as typed, and what only a resident's case
/// carries (a place, photos).
struct Draft {
    new: NewCase,
    place: String,
    latitude: Option<String>,
    longitude: Option<String>,
    media_url: Option<String>,
    photos: Vec<PhotoUpload>,
    /// The Open311 application that sent it, named in the first timeline note.
    client: Option<String>,
    /// What the door itself already found wrong.
    errors: Vec<FieldError>,
}

/// Registers the petition, or says what is wrong, field by field, with nothing saved.
pub async fn submit_petition(
    app: &App,
    who: Submitter<'_>,
    calendar: &HolidayCalendar,
    input: PublicPetition,
    limits: IntakeLimits,
) -> Result<Submitted> {
    let channel = input.channel.unwrap_or(Channel::Web);
    let new = NewCase {
        unit: input.unit,
        kind: "petition".into(),
        received_on: app.today().to_string(),
        content: input.content,
        category: Some(input.category),
        channel: Some(channel.as_str().into()),
        sender: SenderInput {
            name: Some(input.name),
            phone: Some(input.phone),
            email: Some(input.email),
            ..Default::default()
        },
        publish: input.publish,
        ..Default::default()
    };
    let draft = Draft {
        new,
        place: input.place,
        latitude: input.latitude,
        longitude: input.longitude,
        media_url: input.media_url,
        photos: input.photos,
        client: input.client,
        errors: vec![],
    };
    receive(app, who, calendar, draft, limits).await
}

/// Registers a petition, complaint or denunciation sent by a signed-in resident whose e-mail
/// is verified, under the account's name and e-mail; the account is the case's sender, so it
/// lists the case among its own. Nothing is saved while a field is wrong.
pub async fn submit_as_resident(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    input: ResidentCase,
    limits: IntakeLimits,
) -> Result<Submitted> {
    let user_id = actor.user_id().ok_or(Error::Forbidden)?;
    let account = app.store().user_by_id(user_id).await?.filter(|u| u.active).ok_or(Error::Forbidden)?;
    if !account.is_verified() {
        return Err(Error::field("email", "Hãy xác minh e-mail của tài khoản trước khi gửi đơn."));
    }
    let mut errors = Vec::new();
    let kind = match input.kind.trim().parse::<CaseKind>() {
        Ok(k @ (CaseKind::Petition | CaseKind::Complaint | CaseKind::Denunciation)) => k,
        _ => {
            errors.push(FieldError::new("kind", "Hãy chọn loại đơn: phản ánh, kiến nghị; khiếu nại hoặc tố cáo."));
            CaseKind::Petition
        }
    };
    // The address a complaint or a denunciation needs is asked by `NewCase::check`.
    if let Some(id) = cleaned(&input.id_number) {
        let digits = id.chars().count();
        if !id.chars().all(|c| c.is_ascii_digit()) || !ID_NUMBER_DIGITS.contains(&digits) {
            errors.push(FieldError::new(
                "id_number",
                format!("«{id}» không phải là số căn cước (12 chữ số) hay chứng minh nhân dân (9 chữ số)."),
            ));
        }
    }
    let new = NewCase {
        unit: input.unit,
        kind: kind.as_str().into(),
        received_on: app.today().to_string(),
        content: input.content,
        category: Some(input.category),
        channel: Some(Channel::Web.as_str().into()),
        sender: SenderInput {
            name: Some(account.display_name),
            address: Some(input.address),
            phone: Some(input.phone),
            email: Some(account.email),
            id_number: Some(input.id_number),
        },
        publish: input.publish,
        ..Default::default()
    };
    let draft = Draft {
        new,
        place: String::new(),
        latitude: None,
        longitude: None,
        media_url: None,
        photos: input.photos,
        client: None,
        errors,
    };
    receive(app, Submitter::Account(actor), calendar, draft, limits).await
}

/// The field a resident's form shows an error of the case's sender on.
fn form_field(field: &'static str) -> &'static str {
    match field {
        "sender.email" => "email",
        "sender.name" => "name",
        "sender.address" => "address",
        other => other,
    }
}

/// The one intake: checks everything, then writes the case with its sender, photos, first
/// timeline row, receipt mail and audit row in one transaction.
async fn receive(
    app: &App,
    who: Submitter<'_>,
    calendar: &HolidayCalendar,
    input: Draft,
    limits: IntakeLimits,
) -> Result<Submitted> {
    let today = app.today();
    let new = &input.new;
    let unit = app.store().unit_by_code(new.unit.trim()).await?;
    let mut errors = input.errors;
    let checked = match new.check(today) {
        Ok(c) => Some(c),
        Err(e) => {
            errors.extend(e.into_iter().map(|e| FieldError::new(form_field(e.field), e.message)));
            None
        }
    };
    if new.category.as_deref().map(coso_text::clean).unwrap_or_default().is_empty() {
        errors.push(FieldError::new("category", "Hãy chọn lĩnh vực của phản ánh, kiến nghị."));
    }
    let place = cleaned(&input.place);
    let name = new.sender.name.as_deref().and_then(cleaned);
    errors.extend(too_long("place", "Địa điểm", &place, MAX_PLACE_CHARS));
    errors.extend(too_long("name", "Họ và tên", &name, MAX_NAME_CHARS));
    let address = new.sender.address.as_deref().and_then(cleaned);
    errors.extend(too_long("address", "Địa chỉ", &address, MAX_PLACE_CHARS));
    if let Some(phone) = new.sender.phone.as_deref().and_then(cleaned) {
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
                identity: false,
                public: false,
            }),
            Err(e) => errors.push(e),
        }
    }
    let Some(unit) = unit else {
        errors.insert(0, FieldError::new("unit", format!("Không có đơn vị mã «{}».", new.unit.trim())));
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
    let secret = checked.kind.identity_is_secret();
    let (actor, account_email) = match who {
        Submitter::Account(actor) => {
            case.sender_user_id = actor.user_id().map(|u| u.0);
            // A denouncer is not named by the timeline or the audit log: the account is
            // kept as the case's sender only, read by the denouncer and cleared officials.
            let audit = if secret {
                coso_store::Actor {
                    user_id: None,
                    label: "public:resident".into(),
                    request_id: actor.audit().request_id.clone(),
                }
            } else {
                actor.audit().clone()
            };
            (audit, Some(actor.audit().label.clone()))
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
    let channel = checked.channel;
    let first = NewCaseAction {
        action: CaseActionKind::Receive,
        on_date: today,
        note: input.client.as_ref().map(|c| format!("Gửi qua ứng dụng «{c}» (Open311).")),
        detail: serde_json::json!({ "channel": channel.as_str(), "photos": files.len() }),
    };
    // A photo is shown with its petition only when the sender agreed to publish it.
    for f in &mut files {
        f.public = checked.publish;
    }
    let unwritten = Unwritten {
        case,
        sender: &checked.sender,
        first,
        place: CasePlace { place, latitude, longitude, media_url },
        files,
        parent: None,
        audit_action: "case.submit",
    };
    let mails = |code: &str, case: &coso_store::NewCase| -> Vec<NewMail> {
        mail_to.iter().map(|to| receipt_mail(app, to, code, &unit.name, case)).collect()
    };
    let reply_due = unwritten.case.resolution_due_on.or(unwritten.case.due_on);
    let (_, code) = insert_with_fresh_code(app, &actor, unwritten, &mails).await?;
    Ok(Submitted {
        kind: checked.kind,
        code,
        unit_code: unit.code.clone(),
        unit_name: unit.name.clone(),
        received_on: today,
        reply_due,
        mailed: mail_to.is_some(),
    })
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
    let kind = case.kind.label().to_lowercase();
    NewMail {
        to_addr: to.to_string(),
        subject: format!("Đã tiếp nhận đơn {kind} — mã theo dõi {code}"),
        body: format!(
            "{unit_name} đã tiếp nhận đơn {kind} của bạn ngày {}.{due}\nMã theo dõi: {code}\n{link}",
            coso_calendar::format_vn(case.received_on)
        ),
        dedupe_key: format!("case:{code}:receipt"),
    }
}
