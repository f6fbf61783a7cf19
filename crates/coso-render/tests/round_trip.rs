//! `parse(render(doc))` gives back the same fields: what coso writes, coso can read again.

use coso_documents::{Document, Format, parse};

fn load(name: &str) -> Document {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("test document");
    serde_json::from_str(&text).expect("document JSON")
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches(['.', ';', ':', ',']).to_lowercase()
}

fn same(field: &str, a: &Option<String>, b: &Option<String>) {
    assert_eq!(a.as_deref().map(squash), b.as_deref().map(squash), "{field}");
}

#[test]
fn rendered_docx_parses_back_to_the_same_fields() {
    for name in ["plan-tan-lap-07-KH-UBND-2024.json", "report-tan-lap-15-BC-UBND-2024.json"] {
        let doc = load(name);
        let bytes = coso_render::render_docx(&doc).expect("render");
        let back = parse(&bytes, Format::Docx).expect("parse the rendered DOCX");
        same("number", &doc.number, &back.number);
        same("doc_type", &doc.doc_type, &back.doc_type);
        same("issuer", &doc.issuer, &back.issuer);
        same("place", &doc.place, &back.place);
        same("date", &doc.date, &back.date);
        same("title", &doc.title, &back.title);
        let sections = |d: &Document| d.sections.iter().map(|s| squash(s)).collect::<Vec<_>>();
        assert_eq!(sections(&doc), sections(&back), "{name}: sections");
        let numbers = |d: &Document| d.legal_bases.iter().map(|b| b.number.clone()).collect::<Vec<_>>();
        assert_eq!(numbers(&doc), numbers(&back), "{name}: legal bases");
        let recipients = |d: &Document| d.recipients.iter().map(|r| squash(r)).collect::<Vec<_>>();
        assert_eq!(recipients(&doc), recipients(&back), "{name}: recipients");
        assert_eq!(
            doc.signer.as_ref().and_then(|s| s.name.clone()),
            back.signer.as_ref().and_then(|s| s.name.clone()),
            "{name}: signer"
        );
    }
}
