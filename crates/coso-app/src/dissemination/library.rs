//! The legal library: officials add the law, decrees and the unit's own documents with their
//! file; residents find them, with those of every unit above theirs (a commune's residents see
//! the province's documents and the national ones it keeps), by words without diacritics in
//! the number, title, issuer and the text of the file where it can be read (DOCX, Markdown).

use chrono::NaiveDate;
use coso_documents::{Document, Format, Section};
use coso_domain::FieldError;
use coso_domain::authz::Action;
use coso_domain::dissemination::{LibraryData, LibraryInput, LibraryKind};
use coso_domain::file_signature::Signature;
use coso_store::{LibraryFile, LibraryFilter, LibraryRow, UnitRow};

use super::{page_number, search_words};
use crate::{Actor, App, Error, Result};

/// Documents on a page of the public list.
pub const PAGE_SIZE: i64 = 20;
/// The field the file's errors are shown on.
pub const FILE_FIELD: &str = "file";

/// What a list is asked for: `?trang=`, `?loai=`, `?q=`.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub page: String,
    pub kind: String,
    pub q: String,
}

/// A page of the documents a unit's residents see.
pub struct PublicLibrary {
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub documents: Vec<LibraryRow>,
    pub page: i64,
    pub has_next: bool,
    pub kind: Option<LibraryKind>,
    pub q: String,
    pub today: NaiveDate,
}

/// The units whose documents the residents of `unit` see: itself and every unit above it.
async fn shown_units(app: &App, unit: &UnitRow) -> Result<(Vec<UnitRow>, Vec<i64>)> {
    let ancestors = app.store().ancestors(unit).await?;
    let ids = ancestors.iter().map(|u| u.id).collect();
    Ok((ancestors, ids))
}

pub async fn public_list(app: &App, code: &str, q: &ListQuery) -> Result<PublicLibrary> {
    let unit = crate::units::by_code(app, code).await?;
    let (ancestors, ids) = shown_units(app, &unit).await?;
    let page = page_number(&q.page);
    let kind = LibraryKind::ALL.into_iter().find(|k| k.as_str() == q.kind.trim());
    let filter =
        LibraryFilter { kind, search: search_words(&q.q), offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE + 1 };
    let mut documents = app.store().library_documents(&ids, &filter).await?;
    let size = usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX);
    let has_next = documents.len() > size;
    documents.truncate(size);
    Ok(PublicLibrary { unit, ancestors, documents, page, has_next, kind, q: q.q.clone(), today: app.today() })
}

/// The file of a document the residents of the unit see: (name, content type, bytes).
pub async fn file(app: &App, code: &str, id: i64) -> Result<(String, String, Vec<u8>)> {
    let unit = crate::units::by_code(app, code).await?;
    let (_, ids) = shown_units(app, &unit).await?;
    app.store().library_file(&ids, id).await?.ok_or(Error::NotFound)
}

/// The unit's own documents, for its officials.
pub struct Desk {
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub documents: Vec<LibraryRow>,
    pub today: NaiveDate,
}

pub async fn desk(app: &App, actor: &Actor, code: &str) -> Result<Desk> {
    let unit = crate::units::by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::Disseminate)?;
    let filter = LibraryFilter { limit: coso_store::MAX_LIMIT, ..LibraryFilter::default() };
    let own = [unit.id];
    let (ancestors, documents) =
        tokio::try_join!(app.store().ancestors(&unit), app.store().library_documents(&own, &filter))?;
    Ok(Desk { unit, ancestors, documents, today: app.today() })
}

/// Every text of a read document, for the search.
fn document_text(doc: &Document) -> String {
    fn walk(s: &Section, out: &mut Vec<String>) {
        out.push(s.heading.clone());
        out.extend(s.paragraphs.iter().cloned());
        for c in &s.children {
            walk(c, out);
        }
    }
    let mut out: Vec<String> = doc.title.iter().cloned().chain(doc.preamble.iter().cloned()).collect();
    for s in &doc.body {
        walk(s, &mut out);
    }
    out.extend(doc.closing.iter().cloned());
    out.join(" ")
}

/// Checks that a file is the PDF, DOCX or Markdown its name says, and reads its text where it
/// can (a PDF's is not read).
pub fn checked_file(file_name: &str, bytes: &[u8]) -> std::result::Result<LibraryFile, FieldError> {
    let shown = coso_text::clean(file_name);
    let ext = shown.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let wrong =
        |what: &str| FieldError::new(FILE_FIELD, format!("Nội dung tệp «{shown}» không phải là {what} như tên tệp."));
    let signature = Signature::of(bytes);
    let (content_type, format) = match ext.as_str() {
        "pdf" if signature == Some(Signature::Pdf) => ("application/pdf", None),
        "pdf" => return Err(wrong("tệp PDF")),
        "docx" if signature == Some(Signature::Zip) => {
            ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Some(Format::Docx))
        }
        "docx" => return Err(wrong("văn bản Word (.docx)")),
        "md" if std::str::from_utf8(bytes).is_ok_and(|t| !t.contains('\0')) => {
            ("text/markdown; charset=utf-8", Some(Format::Markdown))
        }
        "md" => return Err(wrong("văn bản Markdown")),
        _ => {
            return Err(FieldError::new(
                FILE_FIELD,
                format!(
                    "Tệp «{shown}» không thuộc loại được nhận: chỉ nhận PDF, văn bản Word (.docx) hoặc Markdown (.md)."
                ),
            ));
        }
    };
    let text = match format {
        Some(f) => coso_documents::parse(bytes, f)
            .map(|doc| document_text(&doc))
            .map_err(|_| FieldError::new(FILE_FIELD, format!("Không đọc được tệp «{shown}»; hãy kiểm tra lại tệp.")))?,
        None => String::new(),
    };
    Ok(LibraryFile { file_name: shown, content_type: content_type.into(), data: bytes.to_vec(), text })
}

/// Adds a document to the unit's library, with its file if one is sent.
pub async fn add(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    input: &LibraryInput,
    upload: Option<(&str, &[u8])>,
) -> Result<i64> {
    let permit = actor.authorize(&unit.unit_path(), Action::Disseminate)?;
    let data = LibraryData::parse(input);
    let file = match upload {
        Some((name, bytes)) => {
            let (name, bytes) = (name.to_string(), bytes.to_vec());
            let read =
                tokio::task::spawn_blocking(move || checked_file(&name, &bytes)).await.map_err(Error::internal)?;
            Some(read)
        }
        None => None,
    };
    let (data, file) = match (data, file.transpose()) {
        (Ok(data), Ok(file)) => (data, file),
        (data, file) => {
            let mut errors = data.err().unwrap_or_default();
            errors.extend(file.err());
            return Err(Error::Validation(errors));
        }
    };
    Ok(app.store().add_library_document(&permit, unit, &data, file.as_ref(), actor.audit()).await?)
}

/// Sets the day a document of the unit lapses (empty: in force again).
pub async fn set_expiry(app: &App, actor: &Actor, unit: &UnitRow, id: i64, raw: &str) -> Result<()> {
    let permit = actor.authorize(&unit.unit_path(), Action::Disseminate)?;
    let day = coso_domain::field::optional_date("expires_on", "Ngày hết hiệu lực", raw)
        .map_err(|e| Error::Validation(vec![e]))?;
    Ok(app.store().set_library_expiry(&permit, unit, id, day, actor.audit()).await?)
}

/// Removes a document of the unit from its library.
pub async fn remove(app: &App, actor: &Actor, unit: &UnitRow, id: i64) -> Result<()> {
    let permit = actor.authorize(&unit.unit_path(), Action::Disseminate)?;
    Ok(app.store().remove_library_document(&permit, unit, id, actor.audit()).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_must_be_what_its_name_says() {
        assert_eq!(
            checked_file("qd.pdf", b"%PDF-1.7").map(|f| f.content_type).ok().as_deref(),
            Some("application/pdf")
        );
        assert_eq!(checked_file("qd.pdf", b"PK\x03\x04").map_err(|e| e.field), Err("file"));
        assert!(checked_file("anh.png", b"\x89PNG\r\n\x1a\n").is_err(), "an image is no document");
    }

    #[test]
    fn the_text_of_a_markdown_file_is_read_for_the_search() {
        let f = checked_file("huong-uoc.md", "# Hương ước thôn Đông\n\nĐiều 1. Giữ gìn vệ sinh đường làng.".as_bytes())
            .expect("read");
        assert!(f.text.contains("vệ sinh đường làng"), "{}", f.text);
    }
}
