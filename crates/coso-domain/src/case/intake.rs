//! The residents' intake forms read from their bytes, with no I/O: the Open311 POST body
//! (`application/x-www-form-urlencoded` → [`Open311Post`]) and the parts of the petition form
//! (`multipart/form-data`, read part by part by the web layer → [`PetitionParts`]). What comes
//! out is typed text and Vietnamese field errors; the use cases check the values themselves.
//! A fuzz target (`fuzz/fuzz_targets/intake_forms.rs`) feeds both arbitrary bytes.

use std::collections::HashMap;

use crate::FieldError;

/// The parameters of a query string or a form body: the first value of each name (later
/// repeats are ignored), decoded as `application/x-www-form-urlencoded` (invalid UTF-8 replaced).
pub fn form_parameters(raw: &[u8]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for (k, v) in form_urlencoded::parse(raw) {
        out.entry(k.into_owned()).or_insert_with(|| v.into_owned());
    }
    out
}

/// A service request as an Open311 (GeoReport v2) client posts it, in coso's words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Open311Post {
    /// `jurisdiction_id`: the code of the unit it is sent to.
    pub unit: String,
    /// `service_code`.
    pub category: String,
    /// `description`.
    pub content: String,
    /// `address_string`, or `address_id` when there is no address.
    pub place: String,
    pub latitude: Option<String>,
    pub longitude: Option<String>,
    pub media_url: Option<String>,
    /// `last_name first_name`, trimmed.
    pub name: String,
    pub phone: String,
    pub email: String,
    /// The client's key, trimmed; `None` when absent or blank.
    pub api_key: Option<String>,
}

impl Open311Post {
    /// Reads a form body. Refused, naming `lat`, when it gives no place at all (GeoReport v2
    /// asks for `lat` and `long`, or an address); every other value is checked by the use case.
    pub fn parse(raw: &[u8]) -> Result<Open311Post, FieldError> {
        Self::of(&form_parameters(raw))
    }

    /// Reads parameters already decoded.
    pub fn of(p: &HashMap<String, String>) -> Result<Open311Post, FieldError> {
        let get = |k: &str| p.get(k).cloned().unwrap_or_default();
        let has_place = ["lat", "long", "address_string", "address_id"].iter().any(|k| !get(k).trim().is_empty());
        if !has_place {
            return Err(FieldError::new("lat", "Cần vị trí: lat và long, hoặc address_string (theo GeoReport v2)."));
        }
        let name = format!("{} {}", get("last_name").trim(), get("first_name").trim()).trim().to_string();
        Ok(Open311Post {
            unit: get("jurisdiction_id"),
            category: get("service_code"),
            content: get("description"),
            place: if get("address_string").trim().is_empty() { get("address_id") } else { get("address_string") },
            latitude: p.get("lat").cloned(),
            longitude: p.get("long").cloned(),
            media_url: p.get("media_url").cloned(),
            name,
            phone: get("phone"),
            email: get("email"),
            api_key: p.get("api_key").map(|k| k.trim().to_owned()).filter(|k| !k.is_empty()),
        })
    }
}

/// The longest text field kept, in bytes: far beyond any field's own limit, so that the use
/// case can say by how much a text is too long.
pub const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;
/// Parts read at most (fields and photos).
pub const MAX_PARTS: usize = 40;
/// The field of the photos.
pub const PHOTOS: &str = "photos";

/// A photo as uploaded. `too_large`: it passed the size limit and was not kept whole.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhotoUpload {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub too_large: bool,
}

/// Why a petition form cannot be read at all (the page says so; no field is to blame).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartsError {
    TooManyParts,
    NotUtf8,
}

impl PartsError {
    pub fn message(self) -> &'static str {
        match self {
            PartsError::TooManyParts => "Biểu mẫu có quá nhiều trường.",
            PartsError::NotUtf8 => "Biểu mẫu có chữ không đọc được (không phải UTF-8).",
        }
    }
}

/// The petition form's parts as read: text fields, photos, and the text fields too long to keep.
/// A field or photo over its limit is not an error of the whole form: it is not kept and is
/// reported on its own field, so that the page can say which one it was.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PetitionParts {
    pub fields: Vec<(String, String)>,
    pub photos: Vec<PhotoUpload>,
    /// Text fields that passed [`MAX_TEXT_BYTES`].
    pub too_long: Vec<String>,
    parts: usize,
}

impl PetitionParts {
    /// The byte limit of a part named `name`: a photo's, or [`MAX_TEXT_BYTES`].
    pub fn limit_of(name: &str, max_photo_bytes: usize) -> usize {
        if name == PHOTOS { max_photo_bytes } else { MAX_TEXT_BYTES }
    }

    /// Adds one part: `bytes` as read, `over` when it passed its limit (then `bytes` is empty).
    pub fn push(&mut self, name: &str, file_name: &str, bytes: Vec<u8>, over: bool) -> Result<(), PartsError> {
        self.parts += 1;
        if self.parts > MAX_PARTS {
            return Err(PartsError::TooManyParts);
        }
        if name == PHOTOS {
            // A browser sends an empty part when no photo was chosen.
            if over || !bytes.is_empty() {
                let bytes = if over { Vec::new() } else { bytes };
                self.photos.push(PhotoUpload { file_name: file_name.to_owned(), bytes, too_large: over });
            }
        } else if over {
            self.too_long.push(name.to_owned());
        } else {
            let text = String::from_utf8(bytes).map_err(|_| PartsError::NotUtf8)?;
            self.fields.push((name.to_owned(), text));
        }
        Ok(())
    }

    /// The value of a text field (the first of its name), or an empty string.
    pub fn field(&self, name: &str) -> &str {
        self.fields.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }

    /// An error on each text field that was too long to read (nothing is sent on then).
    pub fn too_long_errors(&self) -> Vec<FieldError> {
        self.too_long
            .iter()
            .map(|f| FieldError::new(static_field(f), "Nội dung nhập vào trường này quá dài; hãy rút gọn."))
            .collect()
    }
}

/// The field names a form error may carry (`FieldError` holds a `&'static str`); any other
/// field is shown on the content.
fn static_field(name: &str) -> &'static str {
    match name {
        "place" => "place",
        "name" => "name",
        "phone" => "phone",
        "email" => "email",
        "address" => "address",
        "id_number" => "id_number",
        _ => "content",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_open311_body_reads_into_coso_words() {
        let post = Open311Post::parse(
            b"jurisdiction_id=42&service_code=den&description=%C4%90%C3%A8n+h%E1%BB%8Fng&lat=18.3&long=105.9\
              &first_name=An&last_name=Nguy%E1%BB%85n&api_key=+k1+&description=second",
        )
        .expect("a place");
        assert_eq!(post.unit, "42");
        assert_eq!(post.content, "Đèn hỏng", "the first value of a repeated name");
        assert_eq!(post.name, "Nguyễn An");
        assert_eq!(post.api_key.as_deref(), Some("k1"));
        assert_eq!(post.latitude.as_deref(), Some("18.3"));
        let by_id = Open311Post::parse(b"address_id=T-12&address_string=+").expect("an address id");
        assert_eq!(by_id.place, "T-12");
        assert_eq!(by_id.api_key, None);
    }

    #[test]
    fn an_open311_body_without_a_place_names_lat() {
        let e = Open311Post::parse(b"jurisdiction_id=42&description=x&lat=+").expect_err("no place");
        assert_eq!(e.field, "lat");
        assert!(Open311Post::parse(b"%FF%FE=&&==&lat").is_err(), "broken bytes are read, not a panic");
    }

    #[test]
    fn petition_parts_keep_fields_and_mark_what_passed_its_limit() {
        let mut p = PetitionParts::default();
        p.push("content", "", "Đường hỏng".as_bytes().to_vec(), false).expect("text");
        p.push("name", "", Vec::new(), true).expect("too long");
        p.push(PHOTOS, "", Vec::new(), false).expect("no photo chosen");
        p.push(PHOTOS, "a.jpg", vec![1, 2], false).expect("photo");
        p.push(PHOTOS, "b.jpg", vec![], true).expect("big photo");
        assert_eq!(p.field("content"), "Đường hỏng");
        assert_eq!(p.field("missing"), "");
        assert_eq!(p.photos.len(), 2);
        assert!(p.photos[1].too_large && p.photos[1].bytes.is_empty());
        let errors = p.too_long_errors();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "name");
        assert_eq!(p.push("content", "", vec![0xFF], false), Err(PartsError::NotUtf8));
        let mut many = PetitionParts::default();
        for _ in 0..MAX_PARTS {
            many.push("x", "", Vec::new(), false).expect("within");
        }
        assert_eq!(many.push("x", "", Vec::new(), false), Err(PartsError::TooManyParts));
    }
}
