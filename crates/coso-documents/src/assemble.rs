//! Puts the parts together: header, preamble and legal bases, section tree, closing,
//! recipients and signer, and the obligations read from the body.

use std::sync::LazyLock;

use regex::Regex;

use crate::lines::Line;
use crate::model::{CitedDocument, Document};
use crate::{ParseContext, citation, deadlines, header, issuer, recipients, reports, sections, signer, tasks, text};

static BASIS_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Căn cứ|Thực hiện|Triển khai|Thi hành|Theo|Xét)\b").expect("static regex"));
static BASIS_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:và\s+)?(?:Căn cứ vào|Căn cứ|Thực hiện|Triển khai thực hiện|Triển khai|Thi hành|Theo|Xét)\s+")
        .expect("static regex")
});
/// The enacting clause attached to the last basis by a comma:
/// `…năm 2024, Phòng Nội vụ báo cáo kết quả như sau:`.
static ENACTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r",\s+(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Phòng|Sở|Ban|Chủ tịch|Văn phòng|Thanh tra)[^,;]{0,60}?\s(?:ban hành|xây dựng|báo cáo|đề nghị|thông báo|triển khai|hướng dẫn|yêu cầu)\b")
        .expect("static regex")
});
static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Trên đây|Nhận được (?:Công văn|công văn|văn bản|Kế hoạch|kế hoạch))\b").expect("static regex")
});

/// Builds the document from its lines.
pub(crate) fn build(lines: &[Line], ctx: &ParseContext) -> Document {
    let head = header::read(lines);
    let body: Vec<String> = lines.get(head.body_start..).unwrap_or_default().iter().map(|l| l.text.clone()).collect();
    let mut warnings = Vec::new();

    let first_major = body.iter().position(|l| sections::style_of(l).is_some_and(sections::is_major));
    let first_section =
        first_major.or_else(|| body.iter().position(|l| sections::style_of(l) == Some(sections::Style::Arabic)));
    let search_from = first_section.unwrap_or(0);
    let tail_start = body
        .iter()
        .enumerate()
        .skip(search_from)
        .find(|(_, l)| recipients::is_heading(l) || signer::is_role(l))
        .map_or(body.len(), |(i, _)| i);
    let closing_start = body
        .iter()
        .enumerate()
        .take(tail_start)
        .skip(search_from)
        .find(|(_, l)| CLOSING.is_match(l))
        .map_or(tail_start, |(i, _)| i);
    let (preamble, tree): (Vec<String>, Vec<crate::model::Section>) = match first_section {
        Some(first) if first < closing_start => (body[..first].to_vec(), sections::build(&body[first..closing_start])),
        _ => (body[..closing_start].to_vec(), Vec::new()),
    };
    let closing = body[closing_start..tail_start].to_vec();
    let (recipient_list, signature_lines) = recipients::split(&body[tail_start..]);

    let mut doc = Document {
        number: head.number.clone(),
        number_raw: head.number_raw.clone(),
        doc_type: head.doc_type.clone(),
        issuer: head.issuer.clone(),
        parent_issuer: head.parent_issuer.clone(),
        place: head.place.clone(),
        date: head.date.clone(),
        date_partial: head.date_partial.clone(),
        title: head.title.clone(),
        sections: tree.iter().map(|s| s.heading.clone()).filter(|h| !h.is_empty()).collect(),
        recipients: recipient_list,
        signer: signer::read(&signature_lines),
        ..Document::default()
    };

    if doc.issuer.is_none()
        && let Some(inferred) = issuer::infer(&preamble, &closing, doc.place.as_deref())
    {
        warnings.push(format!("Phần đầu không ghi cơ quan ban hành; đã suy ra “{inferred}” từ nội dung văn bản."));
        doc.issuer = Some(inferred);
    }
    if let Some(raw) = &doc.number_raw {
        warnings.push(format!("Số văn bản còn để trống (“{raw}”)."));
    }
    if let Some(p) = &doc.date_partial {
        warnings.push(format!("Ngày ban hành chưa đầy đủ (chỉ có “{p}”)."));
    }
    if doc.doc_type.is_none() {
        warnings.push("Không nhận ra tên loại văn bản (KẾ HOẠCH, BÁO CÁO, QUYẾT ĐỊNH…).".to_string());
    }
    if let Some(first) = first_section.filter(|f| *f < closing_start) {
        warnings.extend(sections::numbering_gaps(&body[first..closing_start]));
    }
    if tree.is_empty() {
        warnings.push("Không nhận ra mục nào trong nội dung (I., II., 1., 2.…).".to_string());
    }
    if matches!(doc.doc_type.as_deref(), Some("KH" | "CTr" | "ĐA" | "PA")) {
        doc.plan_period_end = doc.title.as_deref().and_then(issuer::plan_period_end);
    }

    doc.legal_bases = legal_bases(&preamble);
    let unnumbered_body: Vec<String> = preamble.iter().filter(|l| !BASIS_LINE.is_match(l)).cloned().collect();
    let loose = if tree.is_empty() { unnumbered_body.as_slice() } else { &[] };
    doc.other_cited_documents = other_citations(&tree, loose, &closing, &doc.legal_bases);
    doc.tasks = tasks::extract(&tree);

    // The year for dates written without one: the document's own date, then its title.
    let year = doc
        .date
        .as_deref()
        .or(doc.date_partial.as_deref())
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<i32>().ok())
        .or_else(|| doc.title.as_deref().and_then(issuer::title_year))
        .or(ctx.default_year);
    let mut sentences: Vec<(usize, String)> = Vec::new();
    for (top, t) in sections::flatten(&tree) {
        sentences.extend(text::split_sentences(t).into_iter().map(|s| (top, s.to_string())));
    }
    for t in &closing {
        sentences.extend(text::split_sentences(t).into_iter().map(|s| (usize::MAX, s.to_string())));
    }
    let (found, used) = reports::scan(&sentences, year);
    let mut implied = found.implied;
    doc.report_obligations = found.obligations;
    let mut dated = found.deadlines;
    for (idx, ((_, sentence), taken)) in sentences.iter().zip(used).enumerate() {
        if taken {
            continue;
        }
        let hits = deadlines::find(sentence, year);
        implied.extend(hits.iter().filter_map(|h| h.implied.clone()));
        dated.extend(deadlines::generic(sentence, &hits).into_iter().map(|d| (idx, d)));
    }
    dated.sort_by_key(|(idx, _)| *idx);
    doc.deadlines = dated.into_iter().map(|(_, d)| d).collect();
    for (written, y) in implied {
        warnings.push(format!("Ngày “{written}” không ghi năm; đã lấy năm {y} theo năm của văn bản."));
    }
    // A bare "UBND" receiver is the issuing committee itself: "Lãnh đạo UBND" → "Lãnh đạo UBND thị trấn".
    if let Some(level) = doc.issuer.as_deref().and_then(issuer::level) {
        for o in &mut doc.report_obligations {
            if let Some(to) = &mut o.submit_to
                && (to.ends_with(" UBND") || to == "UBND")
            {
                to.push(' ');
                to.push_str(&level);
            }
        }
    }
    doc.preamble = preamble;
    doc.body = tree;
    doc.closing = closing;
    doc.warnings = warnings;
    doc
}

/// Legal bases: each `;`-separated segment of the opening `Căn cứ…/Thực hiện…` paragraphs
/// that names a document. Other segments (the enacting clause) may still cite documents.
fn legal_bases(preamble: &[String]) -> Vec<CitedDocument> {
    let mut out: Vec<CitedDocument> = Vec::new();
    for line in preamble.iter().filter(|l| BASIS_LINE.is_match(l)) {
        for segment in line.split(';') {
            let segment = BASIS_LEAD.replace(segment.trim(), "");
            let segment = match ENACTING.find(&segment) {
                Some(m) => segment[..m.start()].to_string(),
                None => segment.into_owned(),
            };
            let cites = citation::basis_from_segment(&segment);
            if cites.is_empty() {
                out.extend(citation::find_all(&segment));
            } else {
                out.extend(cites);
            }
        }
    }
    out
}

/// Documents cited in the body and closing, each once, without those already cited as bases.
/// `loose` is the text of a document without sections (everything after its bases).
fn other_citations(
    tree: &[crate::model::Section],
    loose: &[String],
    closing: &[String],
    bases: &[CitedDocument],
) -> Vec<CitedDocument> {
    let mut out: Vec<CitedDocument> = Vec::new();
    let texts = loose
        .iter()
        .map(String::as_str)
        .chain(sections::flatten(tree).into_iter().map(|(_, t)| t))
        .chain(closing.iter().map(String::as_str));
    for t in texts {
        for c in citation::find_all(t) {
            let seen = |d: &CitedDocument| match (&c.number, &d.number) {
                (Some(a), Some(b)) => a == b,
                (None, None) => d.kind == c.kind && d.raw == c.raw,
                _ => false,
            };
            let in_bases = c.number.is_some() && bases.iter().any(|b| b.number == c.number);
            if !in_bases && !out.iter().any(seen) {
                out.push(c);
            }
        }
    }
    out
}
