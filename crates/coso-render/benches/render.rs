//! Throughput of the two writers on the test plan. Targets: DOCX ≥ 200 documents/s,
//! PDF ≥ 50 documents/s (one core).
#![expect(clippy::unwrap_used, reason = "a test stops at the first unexpected failure")]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn plan() -> coso_documents::Document {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/plan-tan-lap-07-KH-UBND-2024.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn render(c: &mut Criterion) {
    let doc = plan();
    let mut group = c.benchmark_group("render");
    group.throughput(Throughput::Elements(1));
    group.bench_function("docx", |b| b.iter(|| coso_render::render_docx(std::hint::black_box(&doc)).unwrap()));
    #[cfg(feature = "pdf")]
    {
        // The first render builds the engine (fonts, template); measure the steady state.
        coso_render::render_pdf(&doc).unwrap();
        group.bench_function("pdf", |b| b.iter(|| coso_render::render_pdf(std::hint::black_box(&doc)).unwrap()));
    }
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
