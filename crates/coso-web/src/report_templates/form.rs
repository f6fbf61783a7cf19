//! The report template as a form: the name, the rows of indicators (numbers), narrative
//! sections (text) and cross-field checks, with row actions (add, remove, up, down) that work
//! by submitting the form, so no script is needed. Rows are named `i{n}_…`, `s{n}_…`, `k{n}_…`.

use coso_domain::report::{Check, Comparison, Indicator, NarrativeSection, Template};

use crate::views::ErrorLink;

/// One indicator row as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndicatorRow {
    pub label: String,
    pub code: String,
    pub unit: String,
    pub definition: String,
    pub required: bool,
    pub integer: bool,
    /// coso's own data that pre-fills it; not edited here, carried through.
    pub source: String,
}

/// One narrative section row as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SectionRow {
    pub title: String,
    pub code: String,
    pub required: bool,
}

/// One cross-field check row as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckRow {
    pub left: String,
    /// `le`, `lt`, `eq`, `ge` or `gt`.
    pub check: String,
    pub right: String,
    pub message: String,
}

/// The whole form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TemplateForm {
    pub name: String,
    pub version: i64,
    pub indicators: Vec<IndicatorRow>,
    pub sections: Vec<SectionRow>,
    pub checks: Vec<CheckRow>,
}

/// The lists of the form, as named in its fields and buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Indicators,
    Sections,
    Checks,
}

impl List {
    fn parse(c: &str) -> Option<List> {
        match c {
            "i" => Some(List::Indicators),
            "s" => Some(List::Sections),
            "k" => Some(List::Checks),
            _ => None,
        }
    }
}

/// What the submit button asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Save,
    Add(List),
    Remove(List, usize),
    Up(List, usize),
    Down(List, usize),
}

impl Action {
    /// `luu`, `them-i`, `xoa-i-2`, `len-s-0`, `xuong-k-1`; anything else saves.
    pub fn parse(raw: &str) -> Action {
        let parts: Vec<&str> = raw.split('-').collect();
        let list = parts.get(1).and_then(|l| List::parse(l));
        let row = parts.get(2).and_then(|n| n.parse::<usize>().ok());
        match (parts.first().copied(), list, row) {
            (Some("them"), Some(l), None) => Action::Add(l),
            (Some("xoa"), Some(l), Some(n)) => Action::Remove(l, n),
            (Some("len"), Some(l), Some(n)) => Action::Up(l, n),
            (Some("xuong"), Some(l), Some(n)) => Action::Down(l, n),
            _ => Action::Save,
        }
    }
}

/// The comparisons a check may make, with their Vietnamese wording.
pub const COMPARISONS: [(&str, &str); 5] = [
    ("le", "không được lớn hơn (≤)"),
    ("lt", "phải nhỏ hơn (<)"),
    ("eq", "phải bằng (=)"),
    ("ge", "không được nhỏ hơn (≥)"),
    ("gt", "phải lớn hơn (>)"),
];

fn comparison(raw: &str) -> Option<Comparison> {
    match raw {
        "le" => Some(Comparison::Le),
        "lt" => Some(Comparison::Lt),
        "eq" => Some(Comparison::Eq),
        "ge" => Some(Comparison::Ge),
        "gt" => Some(Comparison::Gt),
        _ => None,
    }
}

fn comparison_code(c: Comparison) -> &'static str {
    match c {
        Comparison::Le => "le",
        Comparison::Lt => "lt",
        Comparison::Eq => "eq",
        Comparison::Ge => "ge",
        Comparison::Gt => "gt",
    }
}

/// A code made from a label: without diacritics, lower case, words joined by `_`, at most 64
/// characters ("Số cuộc đối thoại" → `so_cuoc_doi_thoai`).
pub fn code_from_label(label: &str) -> String {
    let folded = coso_text::fold(label);
    let words: Vec<String> =
        folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect();
    let mut code = String::new();
    for w in words {
        if code.len() + w.len() + usize::from(!code.is_empty()) > 64 {
            break;
        }
        if !code.is_empty() {
            code.push('_');
        }
        code.push_str(&w);
    }
    code
}

fn value<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

fn has(fields: &[(String, String)], name: &str) -> bool {
    fields.iter().any(|(k, _)| k == name)
}

fn checked(fields: &[(String, String)], name: &str) -> bool {
    !value(fields, name).is_empty()
}

/// The rows of a list are numbered from 0 without gaps; a form has at most this many.
const MAX_ROWS: usize = 500;

impl TemplateForm {
    /// The form showing a stored template.
    pub fn of(name: &str, version: i64, t: &Template) -> TemplateForm {
        TemplateForm {
            name: name.to_string(),
            version,
            indicators: t
                .indicators
                .iter()
                .map(|i| IndicatorRow {
                    label: i.label.clone(),
                    code: i.code.clone(),
                    unit: i.unit_of_measure.clone(),
                    definition: i.definition.clone(),
                    required: i.required,
                    integer: i.integer,
                    source: i.source.clone().unwrap_or_default(),
                })
                .collect(),
            sections: t
                .sections
                .iter()
                .map(|s| SectionRow { title: s.title.clone(), code: s.code.clone(), required: s.required })
                .collect(),
            checks: t
                .checks
                .iter()
                .map(|c| CheckRow {
                    left: c.left.clone(),
                    check: comparison_code(c.check).to_string(),
                    right: c.right.clone(),
                    message: c.message.clone(),
                })
                .collect(),
        }
    }

    /// The form as posted.
    pub fn parse(fields: &[(String, String)]) -> TemplateForm {
        let rows = |prefix: char, key: &str| {
            (0..MAX_ROWS).take_while(move |n| has(fields, &format!("{prefix}{n}_{key}"))).collect::<Vec<_>>()
        };
        let f = |prefix: char, n: usize, key: &str| coso_text::clean(value(fields, &format!("{prefix}{n}_{key}")));
        let c = |prefix: char, n: usize, key: &str| checked(fields, &format!("{prefix}{n}_{key}"));
        TemplateForm {
            name: coso_text::clean(value(fields, "name")),
            version: value(fields, "version").trim().parse().unwrap_or(0),
            indicators: rows('i', "label")
                .into_iter()
                .map(|n| IndicatorRow {
                    label: f('i', n, "label"),
                    code: f('i', n, "code"),
                    unit: f('i', n, "unit"),
                    definition: f('i', n, "definition"),
                    required: c('i', n, "required"),
                    integer: c('i', n, "integer"),
                    source: f('i', n, "source"),
                })
                .collect(),
            sections: rows('s', "title")
                .into_iter()
                .map(|n| SectionRow {
                    title: f('s', n, "title"),
                    code: f('s', n, "code"),
                    required: c('s', n, "required"),
                })
                .collect(),
            checks: rows('k', "left")
                .into_iter()
                .map(|n| CheckRow {
                    left: f('k', n, "left"),
                    check: f('k', n, "check"),
                    right: f('k', n, "right"),
                    message: f('k', n, "message"),
                })
                .collect(),
        }
    }

    /// Applies a row action; out-of-range rows are left alone.
    pub fn apply(&mut self, action: Action) {
        fn act<T: Default>(rows: &mut Vec<T>, action: Action) {
            match action {
                Action::Save => {}
                Action::Add(_) => rows.push(T::default()),
                Action::Remove(_, n) if n < rows.len() => {
                    rows.remove(n);
                }
                Action::Up(_, n) if n > 0 && n < rows.len() => rows.swap(n - 1, n),
                Action::Down(_, n) if n + 1 < rows.len() => rows.swap(n, n + 1),
                _ => {}
            }
        }
        let list = match action {
            Action::Save => return,
            Action::Add(l) | Action::Remove(l, _) | Action::Up(l, _) | Action::Down(l, _) => l,
        };
        match list {
            List::Indicators => act(&mut self.indicators, action),
            List::Sections => act(&mut self.sections, action),
            List::Checks => act(&mut self.checks, action),
        }
    }

    /// Fills the empty codes from the labels, so that what is saved is shown back.
    pub fn fill_codes(&mut self) {
        for i in &mut self.indicators {
            if i.code.is_empty() {
                i.code = code_from_label(&i.label);
            }
        }
        for s in &mut self.sections {
            if s.code.is_empty() {
                s.code = code_from_label(&s.title);
            }
        }
    }

    /// The template the form describes, on top of `stored` (its code, criteria and rank bands
    /// are not edited here), or the problems, each naming its row and field and linking to it.
    pub fn template(&self, stored: &Template) -> Result<Template, Vec<ErrorLink>> {
        let mut errors = Vec::new();
        if self.name.is_empty() {
            errors.push(ErrorLink::new("name", "Tên mẫu: không được để trống."));
        }
        let mut seen = std::collections::HashSet::new();
        for (n, i) in self.indicators.iter().enumerate() {
            let row = format!("Chỉ tiêu dòng {}", n + 1);
            if i.label.is_empty() {
                errors.push(ErrorLink::new(
                    format!("i{n}_label"),
                    format!("{row}, «Tên chỉ tiêu»: không được để trống."),
                ));
            }
            if i.unit.is_empty() {
                errors
                    .push(ErrorLink::new(format!("i{n}_unit"), format!("{row}, «Đơn vị tính»: không được để trống.")));
            }
            code_error(&mut errors, &mut seen, &row, &format!("i{n}_code"), &i.code, !i.label.is_empty());
        }
        let mut seen = std::collections::HashSet::new();
        for (n, s) in self.sections.iter().enumerate() {
            let row = format!("Phần nội dung dòng {}", n + 1);
            if s.title.is_empty() {
                errors.push(ErrorLink::new(format!("s{n}_title"), format!("{row}, «Tiêu đề»: không được để trống.")));
            }
            code_error(&mut errors, &mut seen, &row, &format!("s{n}_code"), &s.code, !s.title.is_empty());
        }
        let known = |code: &str| self.indicators.iter().any(|i| i.code == code);
        let mut checks = Vec::new();
        for (n, k) in self.checks.iter().enumerate() {
            let row = format!("Kiểm tra dòng {}", n + 1);
            for (key, field, code) in [("left", "Chỉ tiêu", &k.left), ("right", "So với chỉ tiêu", &k.right)] {
                if !known(code) {
                    errors.push(ErrorLink::new(
                        format!("k{n}_{key}"),
                        format!("{row}, «{field}»: chọn một chỉ tiêu của mẫu."),
                    ));
                }
            }
            if !k.left.is_empty() && k.left == k.right {
                errors.push(ErrorLink::new(
                    format!("k{n}_right"),
                    format!("{row}, «So với chỉ tiêu»: phải là chỉ tiêu khác với chỉ tiêu được kiểm tra."),
                ));
            }
            match comparison(&k.check) {
                Some(c) => checks.push(Check { message: k.message.clone(), ..Check::new(c, &k.left, &k.right) }),
                None => errors
                    .push(ErrorLink::new(format!("k{n}_check"), format!("{row}, «Điều kiện»: chọn một điều kiện."))),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let template = Template {
            code: stored.code.clone(),
            name: self.name.clone(),
            indicators: self
                .indicators
                .iter()
                .map(|i| Indicator {
                    code: i.code.clone(),
                    label: i.label.clone(),
                    unit_of_measure: i.unit.clone(),
                    definition: i.definition.clone(),
                    required: i.required,
                    integer: i.integer,
                    source: (!i.source.is_empty()).then(|| i.source.clone()),
                })
                .collect(),
            sections: self
                .sections
                .iter()
                .map(|s| NarrativeSection { code: s.code.clone(), title: s.title.clone(), required: s.required })
                .collect(),
            criteria: stored.criteria.clone(),
            rank_bands: stored.rank_bands.clone(),
            checks,
        };
        template.validate().map_err(|errs| {
            errs.into_iter().map(|e| ErrorLink::new(anchor(&e.field), e.message)).collect::<Vec<_>>()
        })?;
        Ok(template)
    }
}

/// A code must be well formed and unique in its list; an empty one is made from the label
/// before this is asked, so it is empty only when the label is too.
fn code_error<'a>(
    errors: &mut Vec<ErrorLink>,
    seen: &mut std::collections::HashSet<&'a str>,
    row: &str,
    id: &str,
    code: &'a str,
    labelled: bool,
) {
    let well_formed = !code.is_empty()
        && code.len() <= 64
        && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if code.is_empty() && !labelled {
        return;
    }
    if !well_formed {
        errors.push(ErrorLink::new(
            id,
            format!("{row}, «Mã»: «{code}» chỉ được gồm chữ thường không dấu, số, «-» hoặc «_», tối đa 64 ký tự."),
        ));
    } else if !seen.insert(code) {
        errors.push(ErrorLink::new(id, format!("{row}, «Mã»: «{code}» trùng với một dòng phía trên.")));
    }
}

/// Where a domain error about the template points on the page: its list's table.
fn anchor(path: &str) -> &'static str {
    match path.split('.').next().unwrap_or_default() {
        "indicators" => "chi-tieu",
        "sections" => "noi-dung",
        "checks" => "kiem-tra",
        "name" => "name",
        _ => "nang-cao",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect()
    }

    #[test]
    fn codes_are_made_from_vietnamese_labels() {
        assert_eq!(code_from_label("Số cuộc đối thoại"), "so_cuoc_doi_thoai");
        assert_eq!(code_from_label("  Đơn thư (tiếp nhận) — lần 2 "), "don_thu_tiep_nhan_lan_2");
        assert!(code_from_label(&"dài ".repeat(40)).len() <= 64);
    }

    #[test]
    fn actions_are_read_from_the_button() {
        assert_eq!(Action::parse("them-i"), Action::Add(List::Indicators));
        assert_eq!(Action::parse("xoa-s-2"), Action::Remove(List::Sections, 2));
        assert_eq!(Action::parse("len-k-1"), Action::Up(List::Checks, 1));
        assert_eq!(Action::parse("xuong-i-0"), Action::Down(List::Indicators, 0));
        assert_eq!(Action::parse("luu"), Action::Save);
        assert_eq!(Action::parse("xoa-x-1"), Action::Save);
    }

    #[test]
    fn rows_move_and_the_typed_values_stay() {
        let mut form = TemplateForm::parse(&fields(&[
            ("name", "Mẫu"),
            ("i0_label", "Một"),
            ("i0_unit", "lần"),
            ("i0_required", "on"),
            ("i1_label", "Hai"),
            ("i1_unit", "cuộc"),
        ]));
        assert!(form.indicators[0].required && !form.indicators[1].required);
        form.apply(Action::Down(List::Indicators, 0));
        assert_eq!(form.indicators.iter().map(|i| i.label.as_str()).collect::<Vec<_>>(), ["Hai", "Một"]);
        form.apply(Action::Up(List::Indicators, 0));
        form.apply(Action::Add(List::Sections));
        form.apply(Action::Remove(List::Indicators, 1));
        form.apply(Action::Remove(List::Indicators, 7));
        assert_eq!(form.indicators.len(), 1);
        assert_eq!(form.sections, [SectionRow::default()]);
    }

    #[test]
    fn a_bad_row_is_named_with_its_field() {
        let stored = Template::default_grassroots();
        let mut form = TemplateForm::of("Mẫu", 1, &stored);
        form.indicators.push(IndicatorRow { label: "Số buổi họp".into(), ..Default::default() });
        form.fill_codes();
        let n = form.indicators.len();
        let errors = form.template(&stored).expect_err("no unit of measure");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field, format!("i{}_unit", n - 1));
        assert_eq!(errors[0].message, format!("Chỉ tiêu dòng {n}, «Đơn vị tính»: không được để trống."));
        form.indicators[n - 1].unit = "buổi".into();
        let t = form.template(&stored).expect("valid");
        assert_eq!(t.indicators[n - 1].code, "so_buoi_hop");
        assert_eq!((t.criteria, t.rank_bands, t.checks), (stored.criteria, stored.rank_bands, stored.checks));
    }
}
