//! Reads the paragraphs of a WordprocessingML part with their formatting, for assertions on
//! structure rather than on raw XML strings.
#![expect(clippy::unwrap_used, reason = "a test stops at the first unexpected failure")]

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

#[derive(Debug, Clone, Default)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    /// Half-points, when the run sets it.
    pub size: Option<u32>,
}

#[derive(Debug, Clone, Default)]
pub struct Para {
    pub style: Option<String>,
    pub jc: Option<String>,
    pub runs: Vec<Run>,
    /// Index of the table (in document order) and of the cell in its row, if inside one.
    pub cell: Option<(usize, usize)>,
}

impl Para {
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

fn attr<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children().find(|c| c.has_tag_name((W, name)))
}

/// A toggle property (`<w:b/>`, `<w:b w:val="0"/>`).
fn on(rpr: Option<roxmltree::Node<'_, '_>>, name: &str) -> bool {
    rpr.and_then(|r| child(r, name)).is_some_and(|n| !matches!(attr(n, "val"), Some("0" | "false" | "none")))
}

pub fn paragraphs(xml: &str) -> Vec<Para> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let tables: Vec<_> = doc.descendants().filter(|n| n.has_tag_name((W, "tbl"))).collect();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            let ppr = child(p, "pPr");
            let cell = p.ancestors().find(|a| a.has_tag_name((W, "tc"))).map(|tc| {
                let table = tc.ancestors().find(|a| a.has_tag_name((W, "tbl"))).unwrap();
                let index = tables.iter().position(|t| *t == table).unwrap();
                let column = tc.prev_siblings().skip(1).filter(|s| s.has_tag_name((W, "tc"))).count();
                (index, column)
            });
            Para {
                style: ppr.and_then(|p| child(p, "pStyle")).and_then(|s| attr(s, "val")).map(str::to_owned),
                jc: ppr.and_then(|p| child(p, "jc")).and_then(|s| attr(s, "val")).map(str::to_owned),
                runs: p
                    .children()
                    .filter(|r| r.has_tag_name((W, "r")))
                    .map(|r| {
                        let rpr = child(r, "rPr");
                        Run {
                            text: r.children().filter(|t| t.has_tag_name((W, "t"))).filter_map(|t| t.text()).collect(),
                            bold: on(rpr, "b"),
                            italic: on(rpr, "i"),
                            underline: on(rpr, "u"),
                            size: rpr
                                .and_then(|r| child(r, "sz"))
                                .and_then(|s| attr(s, "val"))
                                .and_then(|v| v.parse().ok()),
                        }
                    })
                    .collect(),
                cell,
            }
        })
        .collect()
}

/// The first paragraph whose text is `text`.
pub fn find<'a>(paras: &'a [Para], text: &str) -> &'a Para {
    paras
        .iter()
        .find(|p| p.text() == text)
        .unwrap_or_else(|| panic!("no paragraph {text:?} in {:#?}", paras.iter().map(Para::text).collect::<Vec<_>>()))
}

/// An attribute of the first element named `name` anywhere in the part.
pub fn first_attr(xml: &str, name: &str, attribute: &str) -> Option<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let node = doc.descendants().find(|n| n.has_tag_name((W, name)))?;
    attr(node, attribute).map(str::to_owned)
}
