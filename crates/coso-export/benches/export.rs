//! CSV and XLSX of a province table: 3,321 communes × 16 columns. Target: XLSX under 1 s.
//! Run on purpose: `cargo bench -p coso-export`.

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{Criterion, criterion_group, criterion_main};

fn export(c: &mut Criterion) {
    let table = common::province_table();
    let mut g = c.benchmark_group("export_3321x16");
    g.sample_size(10);
    g.bench_function("xlsx", |b| b.iter(|| coso_export::to_xlsx(&table).expect("xlsx")));
    g.bench_function("csv", |b| b.iter(|| coso_export::to_csv(&table).expect("csv")));
    g.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
