//! Parsing throughput: a 10–30 KB Markdown plan and its DOCX version.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;

fn read(rel: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn bench(c: &mut Criterion) {
    let md = read("../../fixtures/plans/hong-linh-KH-UBND-2022.md");
    let docx = read("tests/docs/fixtures/hong-linh-KH-UBND-2022.docx");
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Elements(1));
    group.bench_function("markdown_27kb_plan", |b| {
        b.iter(|| coso_documents::parse(black_box(&md), coso_documents::Format::Markdown))
    });
    group.bench_function("docx_plan", |b| {
        b.iter(|| coso_documents::parse(black_box(&docx), coso_documents::Format::Docx))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
